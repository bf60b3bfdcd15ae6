# language: fr
@rule:L0908-A22-HEALTH
Fonctionnalité: Les données de santé suivent le bon régime (autorisation, sauf soins par un professionnel tenu au secret)
  Les données de santé sont sensibles (article 1(3) de la loi 09-08) et leur traitement exige une
  autorisation (article 21 ; article 29 du décret 2-09-165, lu en arabe). Par dérogation, l'article 22 se
  contente d'une déclaration lorsque le traitement a pour seule fin la médecine préventive, le diagnostic, les
  soins ou la gestion de services de santé et qu'il est réalisé par un professionnel de santé tenu au secret.
  Une start-up d'IA de santé qui n'est pas ce professionnel, ou qui entraîne un modèle sur ces données, doit
  obtenir une autorisation ; en cas de doute sur la qualité du responsable, la question est posée.

  Scénario: Une start-up d'aide au diagnostic autorisée par la CNDP est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      controller:
        kind: private_company
        health_professional_under_secrecy: false
      processings:
        - id: triage
          data_categories: [health, image]
          health_purposes: [diagnosis, ai_training]
      cndp:
        formality: authorisation
        authorisation_number: A-PO-23/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A22-HEALTH" est "conforme"
    Et la trace cite le fait "derived.authorisation_cover.health_data"

  Scénario: Un cabinet médical qui déclare son dossier patient à des fins de soins est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      controller:
        kind: health_professional
        health_professional_under_secrecy: true
      processings:
        - id: patient-records
          data_categories: [identification, health]
          health_purposes: [diagnosis, care]
      cndp:
        formality: declaration
        receipt_number: D-M-310/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A22-HEALTH" est "conforme"
    Et la trace cite le fait "processings[0].health_purposes"

  Scénario: Une start-up de santé qui n'est pas un professionnel et se contente d'une déclaration n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      controller:
        kind: private_company
        health_professional_under_secrecy: false
      processings:
        - id: triage
          data_categories: [health]
          health_purposes: [diagnosis]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A22-HEALTH" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 52
    Et le motif d'autorisation "health-data" est retenu
    Et le formulaire "F112" est requis

  Scénario: Un médecin qui entraîne un modèle sur les dossiers de ses patients sort de la dérogation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: false
      controller:
        health_professional_under_secrecy: true
      processings:
        - id: model-training
          data_categories: [health]
          health_purposes: [care, ai_training]
      cndp:
        formality: declaration
        receipt_number: D-M-310/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A22-HEALTH" est "non conforme"
    Et la gravité est "major"

  Scénario: Un projet sans données de santé n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A22-HEALTH" est "non applicable"

  Plan du scénario: Sous déclaration, la qualité de professionnel et les finalités décident
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: teleconsultation
          data_categories: [health]
      cndp:
        formality: declaration
        receipt_number: D-NL-189/2020
      """
    Et le fait "controller.health_professional_under_secrecy" vaut <professionnel>
    Et le fait "processings[0].health_purposes" vaut <finalités>
    Quand le projet est évalué
    Alors la vérification "L0908-A22-HEALTH" est "<résultat>"

    Exemples:
      | professionnel | finalités                               | résultat                |
      | true          | [preventive_medicine, care]             | conforme                |
      | true          | [health_service_management]             | conforme                |
      | true          | [research]                              | non conforme            |
      | false         | [care]                                  | non conforme            |
      | null          | [care]                                  | informations manquantes |
      | true          | null                                    | informations manquantes |

  Scénario: Sans savoir si le responsable est un professionnel de santé, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: teleconsultation
          data_categories: [health]
          health_purposes: [care]
      cndp:
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A22-HEALTH" est "informations manquantes"
    Et une question porte sur "professionnel de santé"
    Et le motif d'autorisation "health-data" est à confirmer

  Scénario: Une sélection des personnes éligibles à une prestation, seulement déclarée, appelle une question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        kind: private_company
        health_professional_under_secrecy: false
      processings:
        - id: eligibilite
          data_categories: [identification, health]
          health_purposes: [eligibility_selection]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A22-HEALTH" est "informations manquantes"
    Et la trace cite le fait "processings[0].health_purposes"
