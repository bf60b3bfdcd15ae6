# language: fr
@rule:L0908-A43-BASE-FIRST
Fonctionnalité: Le transfert n'est demandé qu'une fois le traitement de base déclaré ou autorisé
  La CNDP indique sur son site qu'elle n'examine une demande de transfert à l'étranger (formulaire F118)
  qu'après le récépissé de déclaration ou l'autorisation du traitement dont proviennent les données.
  Les articles 12 et 14 de la loi imposent de leur côté la formalité préalable avant tout traitement.

  Scénario: Une autorisation de transfert postérieure au récépissé est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: US
          mechanism: cndp_authorisation
      cndp:
        formality: declaration
        forms_filed: [F211, F118]
        receipt_number: D-W-85/2025
        receipt_date: 2025-01-10
        transfer_authorisation_number: A-T-12/2025
        transfer_authorisation_date: 2025-03-02
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-BASE-FIRST" est "conforme"
    Et la trace cite le fait "cndp.receipt_date"

  Scénario: Une demande de transfert déposée sans aucune formalité de base n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: US
          mechanism: cndp_authorisation
      cndp:
        formality: none
        forms_filed: [F118]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-BASE-FIRST" est "non conforme"
    Et la gravité est "major"
    Et la trace cite le fait "cndp.formality"

  Scénario: Une autorisation de transfert antérieure à l'autorisation de base n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: CA
          notified_to_cndp: true
      cndp:
        formality: authorisation
        authorisation_number: A-PO-23/2024
        authorisation_date: 2024-06-01
        transfer_authorisation_number: A-T-3/2024
        transfer_authorisation_date: 2024-02-01
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-BASE-FIRST" est "non conforme"

  Scénario: Une demande de transfert sans numéro de récépissé connu appelle la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: FR
          notified_to_cndp: true
      cndp:
        formality: declaration
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-BASE-FIRST" est "informations manquantes"
    Et la trace cite le fait "cndp.receipt_number"
    Et une question porte sur "numéro du récépissé"

  Scénario: Sans les dates des actes, l'ordre des formalités reste à établir
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: US
      cndp:
        receipt_number: D-W-85/2025
        transfer_authorisation_number: A-T-12/2025
        transfer_authorisation_date: 2025-03-02
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-BASE-FIRST" est "informations manquantes"
    Et une question porte sur "dates"

  Scénario: Un projet sans dossier de transfert déposé n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: US
      cndp:
        forms_filed: [F211]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-BASE-FIRST" est "non applicable"
