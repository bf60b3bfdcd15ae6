# language: fr
@rule:L0908-AI-PROMPT-LOGS
Fonctionnalité: Les journaux de prompts et de réponses ont une durée de conservation définie
  Les journaux d'un assistant conversationnel contiennent des données personnelles. L'article 3(1)(e) limite
  leur conservation sous forme identifiante au temps nécessaire, l'article 15(f) fait figurer la durée dans
  la déclaration, et l'article 55 punit la conservation au-delà de la durée légale ou déclarée.

  Scénario: Des journaux conservés trente jours, en deçà de la durée déclarée, sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        logging:
          prompts_logged: true
          outputs_logged: true
          retention_days: 30
          pii_redaction: true
      cndp:
        declared:
          retention_days: 365
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROMPT-LOGS" est "conforme"
    Et la trace cite le fait "ai.logging.retention_days"

  Scénario: Des journaux bruts conservés sans limite ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        logging:
          prompts_logged: true
          indefinite: true
          pii_redaction: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROMPT-LOGS" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 55
    Et la trace cite le fait "ai.logging.indefinite"

  Scénario: Des journaux gardés plus longtemps que la durée déclarée ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        logging:
          outputs_logged: true
          retention_days: 730
      cndp:
        declared:
          retention_days: 365
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROMPT-LOGS" est "non conforme"

  Scénario: Sans durée de conservation des journaux, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        logging:
          prompts_logged: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROMPT-LOGS" est "informations manquantes"
    Et une question porte sur "combien de jours"

  Scénario: Un service qui ne journalise ni prompts ni réponses n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        logging:
          prompts_logged: false
          outputs_logged: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROMPT-LOGS" est "non applicable"

  Scénario: Sans savoir si les prompts sont journalisés, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          provider: Mistral AI
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROMPT-LOGS" est "informations manquantes"
    Et la trace cite le fait "ai.logging.prompts_logged"
