# language: fr
@rule:L0908-DELIB-POLITICAL
Fonctionnalité: La communication politique est déclarée et la prospection électronique repose sur un consentement (délibération 108-2015)
  La délibération 108-2015 de la CNDP, connue par des sources secondaires, soumet les traitements de
  communication politique à déclaration ; l'envoi de messages par des moyens automatisés suppose le
  consentement préalable (article 10 de la loi, contrôlé par ailleurs). Faute de texte vérifié, cette
  vérification ne conclut jamais à une non-conformité : elle demande confirmation.

  Scénario: Une campagne déclarée qui n'écrit qu'aux personnes consentantes est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      sectors: [political]
      direct_marketing:
        exists: true
        channels: [sms, email]
        prior_consent_per_channel: true
      cndp:
        receipt_number: D-PO-7/2025
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-POLITICAL" est "conforme"
    Et la trace cite le fait "direct_marketing.prior_consent_per_channel"

  Scénario: Une campagne par SMS non déclarée appelle une confirmation, jamais un échec
    Soit un projet décrit par :
      """
      processes_personal_data: true
      sectors: [political]
      direct_marketing:
        exists: true
        channels: [sms]
        prior_consent_per_channel: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-POLITICAL" est "informations manquantes"
    Et la gravité est "major"
    Et une question porte sur "numéro du récépissé"

  Scénario: Une communication politique déclarée sans envoi automatisé est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      sectors: [political]
      direct_marketing:
        exists: true
        channels: [postal]
      cndp:
        receipt_number: D-PO-7/2025
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-POLITICAL" est "conforme"

  Scénario: Un projet hors communication politique n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      sectors: [health]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-POLITICAL" est "non applicable"

  Scénario: Sans les secteurs du projet, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-POLITICAL" est "informations manquantes"
    Et la trace cite le fait "sectors"
