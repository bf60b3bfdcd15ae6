# language: fr
@rule:L0908-BP-INCIDENT-RESPONSE
Fonctionnalité: Une procédure de gestion des incidents et des violations de données existe
  La loi 09-08 ne prévoit aucune notification des violations de données. L'article 23(1) impose cependant
  de protéger les données contre la perte, la divulgation et l'accès non autorisé. Une procédure d'incident
  est recommandée ; cette vérification ne conclut jamais à une non-conformité.

  Scénario: Une procédure d'incident écrite est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      security:
        incident_procedure: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-INCIDENT-RESPONSE" est "conforme"
    Et la trace cite le fait "security.incident_procedure"

  Scénario: L'absence de procédure d'incident fait l'objet d'une recommandation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      security:
        incident_procedure: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-INCIDENT-RESPONSE" est "recommandation"
    Et la gravité est "info"

  Scénario: Sans réponse sur la procédure d'incident, la recommandation pose la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      security:
        encryption_at_rest: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-INCIDENT-RESPONSE" est "recommandation"
    Et une question porte sur "procédure écrite"

  Scénario: Un projet sans données personnelles n'appelle pas de procédure d'incident
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-INCIDENT-RESPONSE" est "non applicable"
