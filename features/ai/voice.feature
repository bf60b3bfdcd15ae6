# language: fr
@rule:L0908-AI-VOICE
Fonctionnalité: Les enregistrements vocaux en darija, tamazight ou arabe sont traités comme des données personnelles, et ce que la voix révèle suit le régime des données sensibles
  L'article 1(1) de la loi 09-08 inclut expressément le son dans les données personnelles. Une santé ou une
  origine ethnique déduite de la voix est une donnée sensible (article 1(3)) : autorisation préalable
  (articles 12(1)(a) et 21, décret article 29) et consentement exprès ou autre motif de l'article 21.
  Reproduire la voix d'une personne suppose son accord (article 4). La biométrie vocale relève d'une règle
  distincte fondée sur la pratique de la CNDP.

  Scénario: Un serveur vocal en darija qui ne fait que transcrire est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        voice:
          collects_voice: true
          dialects: [ary, zgh]
          infers: []
          voice_cloning: false
          audio_deleted_after_transcription: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-VOICE" est "conforme"
    Et la trace cite le fait "ai.voice.infers"

  Scénario: Un projet vocal qui se dit sans données personnelles n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: false
      ai:
        voice:
          collects_voice: true
          infers: []
          voice_cloning: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-VOICE" est "non conforme"
    Et la gravité est "major"
    Et la trace cite le fait "processes_personal_data"

  Scénario: Détecter une pathologie dans la voix sur simple déclaration n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        health_professional_under_secrecy: false
      ai:
        voice:
          collects_voice: true
          dialects: [ary]
          infers: [health]
          voice_cloning: false
      consent:
        express: true
      cndp:
        formality: declaration
        receipt_number: D-W-85/2025
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-VOICE" est "non conforme"
    Et la gravité est "blocker"

  Scénario: Une inférence de santé autorisée avec consentement exprès est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        voice:
          collects_voice: true
          infers: [health]
          voice_cloning: false
      consent:
        express: true
      cndp:
        authorisation_number: A-PO-268/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-VOICE" est "conforme"

  Scénario: Cloner la voix d'une personne sans son accord n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        voice:
          collects_voice: true
          infers: []
          voice_cloning: true
          cloning_consent: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-VOICE" est "non conforme"
    Et la trace cite le fait "ai.voice.cloning_consent"

  Scénario: Sans savoir ce que le système déduit de la voix, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        voice:
          collects_voice: true
          voice_cloning: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-VOICE" est "informations manquantes"
    Et une question porte sur "que déduit le système"

  Scénario: Un projet sans voix n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: chat
          data_categories: [contact, free_text_prompts]
      ai:
        voice:
          collects_voice: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-VOICE" est "non applicable"

  Plan du scénario: Le régime d'une inférence d'origine ou de santé dépend de l'autorisation et du motif de l'article 21
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        voice:
          collects_voice: true
          voice_cloning: false
      """
    Et le fait "ai.voice.infers" vaut <inférences>
    Et le fait "cndp.authorisation_number" vaut <autorisation>
    Et le fait "consent.express" vaut <consentement_exprès>
    Quand le projet est évalué
    Alors la vérification "L0908-AI-VOICE" est "<résultat>"

    Exemples:
      | inférences        | autorisation  | consentement_exprès | résultat                |
      | [ethnicity]       | A-406/2020    | true                | conforme                |
      | [ethnicity]       | null          | true                | non conforme            |
      | [health]          | null          | true                | non conforme            |
      | [health]          | A-406/2020    | false               | informations manquantes |
      | [emotion, age]    | null          | null                | conforme                |
