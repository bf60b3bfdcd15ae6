# language: fr
@rule:L0908-AI-FACIAL-RECOGNITION
Fonctionnalité: La reconnaissance faciale est traitée comme un traitement de données personnelles couvert par une formalité de la CNDP
  L'article 1(1) de la loi 09-08 inclut expressément l'image dans les données personnelles. Reconnaître ou
  authentifier des personnes par leur visage est donc un traitement soumis à une formalité préalable
  (articles 12 et 14) ; son absence est punie par l'article 52. L'exigence d'autorisation et l'hébergement
  des gabarits relèvent de la pratique de la CNDP, contrôlée par une règle distincte.

  Scénario: Une reconnaissance faciale couverte par une autorisation est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      ai:
        facial_recognition:
          used: true
          purpose: ouverture de compte à distance
      cndp:
        authorisation_number: A-PO-268/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-FACIAL-RECOGNITION" est "conforme"
    Et la trace cite le fait "derived.has_cndp_act"

  Scénario: Une reconnaissance faciale en production sans aucune formalité n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: pointage
          data_categories: [face_template, employee_data]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-FACIAL-RECOGNITION" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 52

  Scénario: Avant le lancement, l'absence de formalité est une anomalie majeure
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: false
      ai:
        facial_recognition:
          used: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-FACIAL-RECOGNITION" est "non conforme"
    Et la gravité est "major"

  Scénario: Un projet qui se dit sans données personnelles tout en reconnaissant des visages n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: false
      ai:
        facial_recognition:
          used: true
      cndp:
        receipt_number: D-W-849
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-FACIAL-RECOGNITION" est "non conforme"
    Et la trace cite le fait "processes_personal_data"

  Scénario: Un projet sans reconnaissance faciale n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: chat
          data_categories: [contact]
      ai:
        facial_recognition:
          used: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-FACIAL-RECOGNITION" est "non applicable"

  Scénario: Sans la liste des données ni le bloc de reconnaissance faciale, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-FACIAL-RECOGNITION" est "informations manquantes"
    Et une question porte sur "par leur visage"
