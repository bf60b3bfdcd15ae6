# language: fr
@rule:L0908-A12-GENETIC
Fonctionnalité: Les données génétiques ne sont traitées qu'avec une autorisation, sauf par un personnel de santé à des fins médicales
  L'article 12(1)(c) de la loi 09-08 soumet à autorisation préalable le traitement des données génétiques,
  sauf lorsqu'il est réalisé par un personnel de santé à des fins de médecine préventive, de diagnostic ou de
  soins ; l'article 29 du décret 2-09-165, lu en arabe, va dans le même sens. Un service grand public
  d'ascendance, la recherche ou l'entraînement d'un modèle sortent de l'exception. Traiter sans
  l'autorisation requise expose à l'article 52.

  Scénario: Une analyse génomique autorisée par la CNDP est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: genomics
          data_categories: [genetic]
          health_purposes: [research]
      cndp:
        formality: authorisation
        authorisation_number: A-406/2020
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-GENETIC" est "conforme"

  Scénario: Un laboratoire médical qui déclare ses tests à des fins de diagnostic est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      controller:
        health_professional_under_secrecy: true
      processings:
        - id: lab-tests
          data_categories: [genetic, health]
          health_purposes: [diagnosis]
      cndp:
        formality: declaration
        receipt_number: D-M-310/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-GENETIC" est "conforme"
    Et la trace cite le fait "controller.health_professional_under_secrecy"

  Scénario: Un service d'ascendance grand public sous simple déclaration n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      controller:
        kind: private_company
        health_professional_under_secrecy: false
      processings:
        - id: ancestry
          data_categories: [genetic]
          health_purposes: [other]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-GENETIC" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 52
    Et le motif d'autorisation "genetic-data" est retenu

  Scénario: La gestion de services de santé ne suffit pas pour des données génétiques
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: false
      controller:
        health_professional_under_secrecy: true
      processings:
        - id: lab-management
          data_categories: [genetic]
          health_purposes: [health_service_management]
      cndp:
        formality: declaration
        receipt_number: D-M-310/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-GENETIC" est "non conforme"
    Et la gravité est "major"

  Scénario: Un projet sans données génétiques n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact, health]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-GENETIC" est "non applicable"

  Scénario: Sans les finalités des données génétiques, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        health_professional_under_secrecy: true
      processings:
        - id: lab-tests
          data_categories: [genetic]
      cndp:
        receipt_number: D-M-310/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-GENETIC" est "informations manquantes"
    Et une question porte sur "à quoi servent"
