# language: fr
@rule:L0908-AI-VOICE-BIOMETRICS
Fonctionnalité: L'identification du locuteur et le clonage de voix suivent la voie de l'autorisation de la CNDP
  La loi 09-08 ne range pas la biométrie parmi les données sensibles. Selon des sources secondaires, la CNDP
  place en pratique les traitements biométriques (empreinte vocale, reconnaissance faciale) sur la voie de
  l'autorisation préalable. Faute de texte vérifié, cette vérification ne conclut jamais à une
  non-conformité : elle demande confirmation.

  Scénario: Une authentification vocale autorisée par la CNDP est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        voice:
          collects_voice: true
          speaker_identification: true
      cndp:
        authorisation_number: A-PO-23/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-VOICE-BIOMETRICS" est "conforme"
    Et la trace cite le fait "derived.authorisation_cover.biometrics"
    Et le motif d'autorisation "biometrics" est retenu

  Scénario: Une empreinte vocale sur simple déclaration appelle une confirmation, jamais un échec
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: authentification
          data_categories: [voiceprint]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2025
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-VOICE-BIOMETRICS" est "informations manquantes"
    Et la gravité est "major"
    Et une question porte sur "autorisation de la cndp"

  Scénario: Un clonage de voix sans autorisation appelle une confirmation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        voice:
          collects_voice: true
          speaker_identification: false
          voice_cloning: true
          cloning_consent: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-VOICE-BIOMETRICS" est "informations manquantes"

  Scénario: Une simple transcription n'est pas concernée par la biométrie
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: transcription
          data_categories: [voice_recording, free_text_prompts]
      ai:
        voice:
          collects_voice: true
          speaker_identification: false
          voice_cloning: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-VOICE-BIOMETRICS" est "non applicable"

  Scénario: Sans savoir si la voix identifie le locuteur, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        voice:
          collects_voice: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-VOICE-BIOMETRICS" est "informations manquantes"
    Et la trace cite le fait "ai.voice.speaker_identification"
