# language: fr
@rule:L0908-A03-COMPATIBLE-REUSE
Fonctionnalité: La réutilisation de données pour une nouvelle finalité, entraînement de modèles compris, est compatible ou autorisée
  L'article 3(1)(b) de la loi 09-08 interdit de traiter des données de manière incompatible avec la finalité
  de leur collecte, et l'article 12(1)(b) soumet à autorisation l'utilisation à d'autres fins. Entraîner un
  modèle sur les conversations des clients ou sur des données de partenaires collectées pour rendre le
  service est une réutilisation : elle doit être compatible ou autorisée par la CNDP, faute de quoi elle
  expose à l'article 54.

  Scénario: Un entraînement sur les requêtes des utilisateurs jugé compatible est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: assistant
          reuses_data_from: []
      ai:
        training:
          uses_personal_data: true
          sources: [user_prompts]
          collected_for_training: false
          original_purpose_compatible: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-COMPATIBLE-REUSE" est "conforme"
    Et la trace cite le fait "ai.training.original_purpose_compatible"

  Scénario: Une réutilisation autorisée par la CNDP est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: churn-model
          reuses_data_from: [crm]
          reuse_compatible: false
      cndp:
        formality: authorisation
        authorisation_number: A-GC-123/2025
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-COMPATIBLE-REUSE" est "conforme"
    Et la trace cite le fait "derived.authorisation_cover.reuse_other_purpose"

  Scénario: Entraîner un modèle sur les conversations des clients sans compatibilité ni autorisation n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          reuses_data_from: []
      ai:
        training:
          uses_personal_data: true
          sources: [first_party_customers]
          collected_for_training: false
          original_purpose_compatible: false
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-COMPATIBLE-REUSE" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 54

  Scénario: Réutiliser le fichier clients pour une finalité incompatible sur simple déclaration n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: scoring
          reuses_data_from: [crm-facturation]
          reuse_compatible: false
      ai:
        training:
          uses_personal_data: false
      cndp:
        formality: declaration
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-COMPATIBLE-REUSE" est "non conforme"
    Et la trace cite le fait "processings[0].reuse_compatible"

  Plan du scénario: Sans réutilisation de données, la vérification ne s'applique pas
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: assistant
          reuses_data_from: []
      """
    Et le fait "ai.training.uses_personal_data" vaut <données_perso>
    Et le fait "ai.training.sources" vaut <sources>
    Et le fait "ai.training.collected_for_training" vaut <collectées_pour_entraîner>
    Quand le projet est évalué
    Alors la vérification "L0908-A03-COMPATIBLE-REUSE" est "non applicable"

    Exemples:
      | données_perso | sources                 | collectées_pour_entraîner |
      | false         | [first_party_customers] | false                     |
      | true          | [licensed_dataset]      | false                     |
      | true          | [user_prompts]          | true                      |

  Scénario: Une réutilisation dont la compatibilité n'est pas indiquée appelle une réponse
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: scoring
          reuses_data_from: [crm]
      ai:
        training:
          uses_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-COMPATIBLE-REUSE" est "informations manquantes"
    Et une question porte sur "compatible avec la finalité"

  Scénario: Sans indication sur d'éventuelles réutilisations, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          purposes: [Répondre aux clients]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-COMPATIBLE-REUSE" est "informations manquantes"
    Et une question porte sur "réutilise-t-il des données"

  Scénario: Une autorisation antérieure au début de la réutilisation appelle la question de sa portée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: churn-model
          reuses_data_from: [crm]
          reuse_started: 2025-06-01
      cndp:
        acts:
          - kind: authorisation
            number: A-GC-123/2024
            date: 2024-03-01
            grounds: [reuse-other-purpose]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-COMPATIBLE-REUSE" est "informations manquantes"

  Scénario: Une réutilisation que le projet dit incompatible n'est jamais couverte par une autorisation antérieure
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: churn-model
          reuses_data_from: [crm]
          reuse_compatible: false
          reuse_started: 2025-06-01
      cndp:
        acts:
          - kind: authorisation
            number: A-GC-123/2024
            date: 2024-03-01
            grounds: [reuse-other-purpose]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-COMPATIBLE-REUSE" est "non conforme"

  Scénario: Une autorisation délivrée pour la nouvelle finalité elle-même la couvre, même incompatible
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: churn-model
          purposes: [Prédire le départ des abonnés]
          reuses_data_from: [crm]
          reuse_compatible: false
          reuse_started: 2025-06-01
      cndp:
        acts:
          - kind: authorisation
            number: A-GC-123/2025
            date: 2025-05-20
            purposes: [Prédire le départ des abonnés]
            grounds: [reuse-other-purpose]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-COMPATIBLE-REUSE" est "conforme"
