# language: fr
@rule:L0908-DELIB-VIDEO
Fonctionnalité: La vidéosurveillance des lieux de travail et des locaux partagés suit la délibération 350-2013
  La délibération 350-2013 de la CNDP, connue par des sources secondaires, limite la vidéosurveillance à la
  sécurité, exclut certains lieux, plafonne la conservation à trois mois et impose des panneaux portant le
  numéro de récépissé. Faute de texte vérifié, cette vérification ne conclut jamais à une non-conformité :
  elle demande confirmation.

  Scénario: Une vidéosurveillance de bureaux conforme à la délibération est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      video_surveillance:
        used: true
        workplace_or_shared_premises: true
        security_purpose_only: true
        cameras_in_prohibited_areas: false
        retention_days: 30
        signage_with_receipt_number: true
      cndp:
        receipt_number: D-VS-12/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-VIDEO" est "conforme"
    Et la trace cite le fait "video_surveillance.retention_days"

  Scénario: Des enregistrements gardés six mois appellent une confirmation, jamais un échec
    Soit un projet décrit par :
      """
      processes_personal_data: true
      video_surveillance:
        used: true
        workplace_or_shared_premises: true
        security_purpose_only: true
        cameras_in_prohibited_areas: false
        retention_days: 180
        signage_with_receipt_number: true
      cndp:
        receipt_number: D-VS-12/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-VIDEO" est "informations manquantes"
    Et la gravité est "major"
    Et une question porte sur "combien de jours"

  Scénario: Une caméra dans une salle de pause appelle une confirmation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      video_surveillance:
        used: true
        workplace_or_shared_premises: true
        security_purpose_only: true
        cameras_in_prohibited_areas: true
        retention_days: 30
        signage_with_receipt_number: true
      cndp:
        receipt_number: D-VS-12/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-VIDEO" est "informations manquantes"
    Et la trace cite le fait "video_surveillance.cameras_in_prohibited_areas"

  Scénario: Des caméras de sécurité sans description détaillée appellent les questions
    Soit un projet décrit par :
      """
      processes_personal_data: true
      sectors: [security]
      processings:
        - id: cameras
          data_categories: [video]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-VIDEO" est "informations manquantes"
    Et une question porte sur "lieu de travail"

  Scénario: Un projet sans caméra n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      sectors: [retail]
      processings:
        - id: chat
          data_categories: [contact]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-VIDEO" est "non applicable"

  Scénario: Des caméras hors lieu de travail et locaux partagés ne sont pas concernées
    Soit un projet décrit par :
      """
      processes_personal_data: true
      video_surveillance:
        used: true
        workplace_or_shared_premises: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-VIDEO" est "non applicable"
