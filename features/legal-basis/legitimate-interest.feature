# language: fr
@rule:L0908-A04-LEGIT-INTEREST
Fonctionnalité: L'intérêt légitime invoqué est mis en balance par écrit et ne couvre pas seul des données sensibles
  L'article 4(e) de la loi 09-08 admet l'intérêt légitime du responsable ou du destinataire comme fondement,
  sauf si les intérêts ou les droits fondamentaux de la personne prévalent. Le responsable doit donc montrer
  une mise en balance, que la vérification lit élément par élément : l'intérêt, la nécessité, les attentes
  raisonnables des personnes, les garanties, la possibilité de s'opposer et la conclusion. Un texte écrit ne
  suffit plus à lui seul ; les cas à risque (mineurs, profilage, données moissonnées ou achetées) appellent
  une confirmation ; une conclusion en faveur des personnes prive le traitement de fondement (article 56).
  L'article 21 ne compte pas l'intérêt légitime parmi les motifs qui permettent de traiter des données
  sensibles : il faut alors l'un de ses motifs.

  Scénario: Une détection de fraude avec un test de mise en balance complet est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: fraude
          legal_basis: legitimate_interest
          data_categories: [identification, financial, behavioural]
          legitimate_interest_test:
            interest: Prévenir la fraude au paiement
            necessity: Aucun moyen moins intrusif ne détecte les paiements frauduleux à temps
            within_reasonable_expectations: true
            concerns_minors: false
            profiling: false
            scraped_or_bought_data: false
            safeguards: Données pseudonymisées, conservation de 6 mois, information dans la notice
            opt_out_offered: true
            conclusion: interest_prevails
        - id: support
          legal_basis: contract
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGIT-INTEREST" est "conforme"
    Et la trace cite le fait "processings[0].legitimate_interest_test.conclusion"

  Scénario: Un texte écrit seul ne suffit plus, les éléments du test sont demandés
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: fraude
          legal_basis: legitimate_interest
          legitimate_interest_assessment: Note du 12 mars 2025 — intérêt, nécessité, incidence, garanties
          data_categories: [identification, financial]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGIT-INTEREST" est "informations manquantes"
    Et une question porte sur "mise en balance"

  Scénario: Un test qui conclut que les droits des personnes prévalent n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: fraude
          legal_basis: legitimate_interest
          data_categories: [identification, financial]
          legitimate_interest_test:
            interest: Prévenir la fraude au paiement
            necessity: Aucun moyen moins intrusif ne détecte les paiements frauduleux à temps
            within_reasonable_expectations: true
            concerns_minors: false
            profiling: false
            scraped_or_bought_data: false
            safeguards: Données pseudonymisées, conservation de 6 mois, information dans la notice
            opt_out_offered: true
            conclusion: interest_prevails
      """
    Et le fait "processings[0].legitimate_interest_test.conclusion" vaut persons_rights_prevail
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGIT-INTEREST" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 56

  Plan du scénario: Un cas à risque appelle une confirmation même si le test conclut pour l'intérêt
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: fraude
          legal_basis: legitimate_interest
          data_categories: [identification, financial]
          legitimate_interest_test:
            interest: Prévenir la fraude au paiement
            necessity: Aucun moyen moins intrusif ne détecte les paiements frauduleux à temps
            within_reasonable_expectations: true
            concerns_minors: false
            profiling: false
            scraped_or_bought_data: false
            safeguards: Données pseudonymisées, conservation de 6 mois, information dans la notice
            opt_out_offered: true
            conclusion: interest_prevails
      """
    Et le fait "<fait>" vaut true
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGIT-INTEREST" est "informations manquantes"
    Et la trace cite le fait "<fait>"

    Exemples:
      | fait                                                             |
      | processings[0].legitimate_interest_test.concerns_minors          |
      | processings[0].legitimate_interest_test.profiling                |
      | processings[0].legitimate_interest_test.scraped_or_bought_data   |

  Scénario: Un traitement hors des attentes raisonnables des personnes appelle la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: fraude
          legal_basis: legitimate_interest
          data_categories: [identification, financial]
          legitimate_interest_test:
            interest: Prévenir la fraude au paiement
            necessity: Aucun moyen moins intrusif ne détecte les paiements frauduleux à temps
            within_reasonable_expectations: true
            concerns_minors: false
            profiling: false
            scraped_or_bought_data: false
            safeguards: Données pseudonymisées, conservation de 6 mois, information dans la notice
            opt_out_offered: true
            conclusion: interest_prevails
      """
    Et le fait "processings[0].legitimate_interest_test.within_reasonable_expectations" vaut false
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGIT-INTEREST" est "informations manquantes"

  Scénario: Un tri de patients fondé sur le seul intérêt légitime n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: triage
          legal_basis: legitimate_interest
          data_categories: [identification, health]
          legitimate_interest_test:
            interest: Prévenir la fraude au paiement
            necessity: Aucun moyen moins intrusif ne détecte les paiements frauduleux à temps
            within_reasonable_expectations: true
            concerns_minors: false
            profiling: false
            scraped_or_bought_data: false
            safeguards: Données pseudonymisées, conservation de 6 mois, information dans la notice
            opt_out_offered: true
            conclusion: interest_prevails
      consent:
        express: false
      sensitive:
        art21_ground: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGIT-INTEREST" est "non conforme"
    Et la gravité est "major"
    Et la trace cite le fait "processings[0].data_categories"

  Scénario: Des données sensibles sous intérêt légitime avec un motif de l'article 21 et une autorisation sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: contentieux
          legal_basis: legitimate_interest
          data_categories: [identification, health]
          legitimate_interest_test:
            interest: Prévenir la fraude au paiement
            necessity: Aucun moyen moins intrusif ne détecte les paiements frauduleux à temps
            within_reasonable_expectations: true
            concerns_minors: false
            profiling: false
            scraped_or_bought_data: false
            safeguards: Données pseudonymisées, conservation de 6 mois, information dans la notice
            opt_out_offered: true
            conclusion: interest_prevails
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
          data_categories: [health]
          legitimate_interest_test:
            interest: Prévenir la fraude au paiement
            necessity: Aucun moyen moins intrusif ne détecte les paiements frauduleux à temps
            within_reasonable_expectations: true
            concerns_minors: false
            profiling: false
            scraped_or_bought_data: false
            safeguards: Données pseudonymisées, conservation de 6 mois, information dans la notice
            opt_out_offered: true
            conclusion: interest_prevails
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGIT-INTEREST" est "informations manquantes"
    Et une question porte sur "motif de l'article 21"

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
