# language: fr
@rule:L0908-BP-IMPACT-ASSESSMENT
Fonctionnalité: Une analyse d'impact sur la vie privée et l'IA est documentée
  La loi 09-08 ne connaît pas d'obligation d'analyse d'impact. Cette vérification est une recommandation,
  appuyée sur l'exigence de mesures proportionnées aux risques (article 23(1)), sur le pouvoir de
  requalification de la CNDP (article 20) et sur son communiqué de 2025 sur l'IA : elle ne conclut jamais à
  une non-conformité.

  Scénario: Une analyse d'impact documentée est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        impact_assessment: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-IMPACT-ASSESSMENT" est "conforme"
    Et la trace cite le fait "ai.impact_assessment"

  Scénario: L'absence d'analyse d'impact fait l'objet d'une recommandation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        impact_assessment: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-IMPACT-ASSESSMENT" est "recommandation"
    Et la gravité est "info"

  Scénario: Sans réponse sur l'analyse d'impact, la recommandation pose la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-IMPACT-ASSESSMENT" est "recommandation"
    Et une question porte sur "analyse d'impact"

  Scénario: Un projet sans données personnelles n'appelle pas d'analyse d'impact
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-IMPACT-ASSESSMENT" est "non applicable"
