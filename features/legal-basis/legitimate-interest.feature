# language: fr
@rule:L0908-A04-LEGIT-INTEREST
Fonctionnalité: L'intérêt légitime invoqué est mis en balance par écrit et ne couvre pas de données sensibles
  L'article 4(e) de la loi 09-08 admet l'intérêt légitime du responsable ou du destinataire comme fondement,
  sauf si les intérêts ou les droits fondamentaux de la personne prévalent. Le responsable doit donc pouvoir
  montrer une mise en balance écrite : la vérification la demande lorsqu'elle manque. L'article 21 ne
  compte pas l'intérêt légitime parmi les motifs qui permettent de traiter des données sensibles : un
  traitement de données sensibles fondé sur l'intérêt légitime n'est pas conforme.

  Scénario: Une détection de fraude fondée sur l'intérêt légitime avec une analyse écrite est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: fraude
          legal_basis: legitimate_interest
          legitimate_interest_assessment: Note du 12 mars 2025 — intérêt, nécessité, incidence, garanties
          data_categories: [identification, financial, behavioural]
        - id: support
          legal_basis: contract
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGIT-INTEREST" est "conforme"
    Et la trace cite le fait "processings[0].legitimate_interest_assessment"

  Scénario: Un intérêt légitime invoqué sans analyse écrite appelle la mise en balance
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: personnalisation
          legal_basis: legitimate_interest
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGIT-INTEREST" est "informations manquantes"
    Et la gravité est "minor"
    Et une question porte sur "mise en balance"

  Scénario: Un tri de patients fondé sur le seul intérêt légitime n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: triage
          legal_basis: legitimate_interest
          legitimate_interest_assessment: Analyse interne du 3 février 2025
          data_categories: [identification, health]
      consent:
        express: false
      sensitive:
        art21_ground: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGIT-INTEREST" est "non conforme"
    Et la gravité est "major"
    Et la trace cite le fait "processings[0].data_categories"

  Scénario: Un projet qui n'invoque pas l'intérêt légitime n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: newsletter
          legal_basis: consent
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGIT-INTEREST" est "non applicable"

  Scénario: Des données sensibles sous intérêt légitime avec un motif de l'article 21 et une autorisation sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: contentieux
          legal_basis: legitimate_interest
          legitimate_interest_assessment: Analyse du 3 février 2025 sur la défense en justice
          data_categories: [identification, health]
      sensitive:
        art21_ground: legal_claim
      cndp:
        authorisation_number: A-PO-23/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGIT-INTEREST" est "conforme"
    Et la trace cite le fait "sensitive.art21_ground"

  Scénario: Des données sensibles sous intérêt légitime sans motif connu de l'article 21 appellent la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: triage
          legal_basis: legitimate_interest
          legitimate_interest_assessment: Analyse interne du 3 février 2025
          data_categories: [health]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGIT-INTEREST" est "informations manquantes"
    Et une question porte sur "motif de l'article 21"
