# language: fr
@rule:L0908-AI-FACIAL-RECOGNITION-CNDP
Fonctionnalité: La reconnaissance faciale suit le cadre de la CNDP (autorisation, gabarits sous le contrôle de la personne, pas de base biométrique à l'étranger)
  Selon des sources secondaires, la CNDP a suspendu la reconnaissance faciale de 2019 à 2020, puis l'a
  encadrée au cas par cas (délibérations D-108-EUS/2020 et D-126-EUS/2020) : autorisation préalable,
  réserves sur les bases biométriques propres aux prestataires et hébergées à l'étranger, suppression des
  gabarits. Faute de texte vérifié, cette vérification demande confirmation au lieu de conclure à un échec.

  Scénario: Une comparaison sur l'appareil, autorisée et avec alternative, est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        facial_recognition:
          used: true
          template_storage: device
          alternative_offered: true
      cndp:
        authorisation_number: A-PO-268/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-FACIAL-RECOGNITION-CNDP" est "conforme"
    Et la trace cite le fait "ai.facial_recognition.template_storage"

  Scénario: Une base de gabarits chez un prestataire à l'étranger appelle une confirmation, jamais un échec
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        facial_recognition:
          used: true
          template_storage: third_party
          hosting_country: FR
          alternative_offered: true
      cndp:
        authorisation_number: A-PO-268/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-FACIAL-RECOGNITION-CNDP" est "informations manquantes"
    Et la gravité est "blocker"
    Et une question porte sur "où les gabarits"
    Et un transfert vers "FR" est à déclarer

  Scénario: Une reconnaissance faciale sur simple déclaration appelle une confirmation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        facial_recognition:
          used: true
          template_storage: server
          hosting_country: MA
          alternative_offered: false
      cndp:
        receipt_number: D-W-85/2025
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-FACIAL-RECOGNITION-CNDP" est "informations manquantes"
    Et la trace cite le fait "derived.authorisation_cover.biometrics"

  Scénario: Un projet sans reconnaissance faciale n'est pas concerné par le cadre de la CNDP
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: chat
          data_categories: [contact]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-FACIAL-RECOGNITION-CNDP" est "non applicable"
