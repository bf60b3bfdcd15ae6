# language: fr
@rule:L0908-A26-LEGAL-DISCLOSURE
Fonctionnalité: Une procédure encadre les communications de données exigées par la loi
  L'article 26 de la loi 09-08 tient le responsable et son personnel au secret professionnel, sauf lorsque la
  loi impose la communication. Une procédure écrite pour les réquisitions est recommandée ; son absence
  n'est jamais un manquement.

  Scénario: Une procédure écrite des réquisitions est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      security:
        legal_request_procedure: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A26-LEGAL-DISCLOSURE" est "conforme"
    Et la trace cite le fait "security.legal_request_procedure"

  Scénario: L'absence de procédure des réquisitions fait l'objet d'une recommandation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      security:
        legal_request_procedure: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A26-LEGAL-DISCLOSURE" est "recommandation"

  Scénario: Un projet sans données personnelles n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A26-LEGAL-DISCLOSURE" est "non applicable"

  Scénario: Sans réponse sur la procédure, la recommandation est faite avec sa question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A26-LEGAL-DISCLOSURE" est "recommandation"
