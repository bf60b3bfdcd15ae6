# language: fr
@rule:L0908-AI-TRAINING-PROVENANCE
Fonctionnalité: L'origine et le fondement des données d'entraînement, d'ajustement et de RAG sont documentés
  Les données personnelles qui servent à entraîner ou à alimenter un modèle restent soumises aux articles 3
  (collecte loyale et licite, finalités déterminées), 4 (consentement ou autre fondement) et 5(3)
  (information des personnes dont les données viennent d'un tiers). L'article 7(b) donne à chacun le droit
  de connaître l'origine de ses données. Une collecte dont la licéité ne peut être démontrée expose à
  l'article 54.

  Scénario: Un corpus documenté dans un registre avec son fondement est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          sources: [first_party_customers, licensed_dataset]
          legal_basis: consent
          dataset_register: true
          licences_documented: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRAINING-PROVENANCE" est "conforme"
    Et la trace cite le fait "ai.training.dataset_register"

  Scénario: Sans registre des jeux de données, la façon de documenter la provenance est demandée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          sources: [partner_data]
          legal_basis: legitimate_interest
          dataset_register: false
          licences_documented: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRAINING-PROVENANCE" est "informations manquantes"
    Et la trace cite le fait "ai.training.dataset_register"

  Scénario: Des données entraînées sans aucun fondement ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          sources: [first_party_customers]
          legal_basis: none
          dataset_register: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRAINING-PROVENANCE" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 54
    Et la trace cite le fait "ai.training.legal_basis"

  Scénario: Un jeu de données acheté sans licence documentée n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          sources: [licensed_dataset]
          legal_basis: legitimate_interest
          dataset_register: true
          licences_documented: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRAINING-PROVENANCE" est "non conforme"
    Et la trace cite le fait "ai.training.licences_documented"

  Scénario: Sans fondement ni sources déclarés, les questions sont posées
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          dataset_register: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRAINING-PROVENANCE" est "informations manquantes"
    Et la trace cite le fait "ai.training.legal_basis"
    Et une question porte sur "d'où viennent"

  Scénario: Un entraînement sans données personnelles n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: false
          sources: [synthetic]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRAINING-PROVENANCE" est "non applicable"

  Scénario: Sans savoir si l'entraînement utilise des données personnelles, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRAINING-PROVENANCE" est "informations manquantes"
    Et la trace cite le fait "ai.training.uses_personal_data"
