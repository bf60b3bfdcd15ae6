# language: fr
@rule:L0908-A12-FORMALITY-BIOMETRIC
Fonctionnalité: La biométrie et la reconnaissance faciale passent, en pratique, par une autorisation de la CNDP
  La loi 09-08 ne cite pas la biométrie parmi les motifs d'autorisation de l'article 12(1). La CNDP oriente
  pourtant en pratique les gabarits faciaux, empreintes et reconnaissance faciale vers l'autorisation
  préalable (moratoire de 2019-2020, délibérations de 2020 sur l'ouverture de compte à distance et la preuve
  de vie). Cette pratique n'est connue que par des sources secondaires : le contrôle ne conclut jamais à une
  non-conformité, il demande de confirmer la formalité. Il s'appuie sur le motif « biometrics » du routeur de
  formalités ; tant que ce motif reste à confirmer, le plan de formalités le signale sans bloquer le verdict.

  Scénario: Un contrôle d'accès par reconnaissance faciale autorisé par la CNDP est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: door-access
          data_categories: [identification, face_template]
      ai:
        facial_recognition:
          used: true
      cndp:
        formality: authorisation
        authorisation_number: A-GC-123
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY-BIOMETRIC" est "conforme"
    Et la trace cite le fait "derived.authorisation_triggers"

  Scénario: Une identification du locuteur sous simple déclaration demande confirmation, sans échec
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: call-centre
          data_categories: [voice_recording]
      ai:
        facial_recognition:
          used: false
        voice:
          collects_voice: true
          speaker_identification: true
      cndp:
        formality: declaration
        receipt_number: D-NL-189/2020
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY-BIOMETRIC" est "informations manquantes"
    Et la trace cite le fait "cndp.formality"
    Et une question porte sur "confirmé par écrit"
    Et le motif d'autorisation "biometrics" est retenu

  Scénario: Des empreintes digitales sans formalité indiquée demandent confirmation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: attendance
          data_categories: [employee_data, fingerprint]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY-BIOMETRIC" est "informations manquantes"
    Et une question porte sur "formalité"

  Scénario: Un assistant textuel sans biométrie n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact, free_text_prompts]
      ai:
        facial_recognition:
          used: false
        voice:
          collects_voice: false
          speaker_identification: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY-BIOMETRIC" est "non applicable"

  Scénario: Tant que l'usage de la reconnaissance faciale est inconnu, le motif est seulement signalé
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: photos
          data_categories: [image]
          reuses_data_from: []
          interconnects_files: false
      ai:
        training:
          uses_personal_data: false
        voice:
          collects_voice: false
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY-BIOMETRIC" est "non applicable"
    Et le motif d'autorisation "biometrics" est à confirmer
    Et le régime requis est "déclaration"
