# language: fr
@rule:L0908-A03-ARCHIVE-AUTH
Fonctionnalité: La conservation prolongée à des fins historiques, statistiques ou scientifiques est autorisée par la CNDP
  L'article 3(2) de la loi 09-08 permet à la CNDP, à la demande du responsable et pour un intérêt légitime,
  d'autoriser la conservation de données identifiantes au-delà de la durée nécessaire, à des fins
  historiques, statistiques ou scientifiques. Garder des données clients « pour de futurs modèles » sans
  cette autorisation expose à l'article 55.

  Scénario: Une conservation prolongée autorisée par la CNDP est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: corpus-darija
          retention:
            period_days: 365
            extended_for_research: true
            extended_retention_authorisation: A-RS-12/2025
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-ARCHIVE-AUTH" est "conforme"
    Et la trace cite le fait "processings[0].retention.extended_retention_authorisation"

  Scénario: Garder les enregistrements pour de futurs modèles sans autorisation n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: centre-appels
          retention:
            period_days: 90
            extended_for_research: false
        - id: corpus-vocal
          retention:
            extended_for_research: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-ARCHIVE-AUTH" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 55

  Scénario: Sans conservation prolongée, la vérification ne s'applique pas
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          retention:
            period_days: 365
            extended_for_research: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-ARCHIVE-AUTH" est "non applicable"

  Scénario: Sans indication sur une conservation prolongée, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          retention:
            period_days: 365
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-ARCHIVE-AUTH" est "informations manquantes"
    Et une question porte sur "au-delà de la durée nécessaire"
