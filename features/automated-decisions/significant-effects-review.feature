# language: fr
@rule:L0908-BP-HUMAN-REVIEW-SIGNIFICANT
Fonctionnalité: Les décisions automatisées aux effets importants, même non juridiques, sont revues par une personne
  L'article 11 de la loi 09-08 ne vise que les décisions produisant des effets juridiques. Pour les décisions
  qui affectent la personne de façon comparable sans effet juridique (tri de candidatures, tarification,
  priorité de traitement), une révision humaine effective et un moyen de contester sont une bonne pratique,
  dans l'esprit du communiqué de la CNDP du 18 mars 2025 sur l'IA. Cette vérification ne rend jamais un
  projet non conforme : elle produit au plus une recommandation.

  Scénario: Un tri de candidatures revu par un recruteur qui peut le modifier, avec contestation possible, est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        effect: similarly_significant
        human_review: true
        reviewer_can_override: true
        contest_or_observations: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-HUMAN-REVIEW-SIGNIFICANT" est "conforme"
    Et la trace cite le fait "automated_decisions.contest_or_observations"

  Scénario: Un tri automatique de candidatures sans révision humaine donne une recommandation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        effect: similarly_significant
        human_review: false
        reviewer_can_override: false
        contest_or_observations: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-HUMAN-REVIEW-SIGNIFICANT" est "recommandation"
    Et la gravité est "info"

  Scénario: Les décisions à effets juridiques relèvent de l'article 11, pas de cette recommandation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        effect: legal
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-HUMAN-REVIEW-SIGNIFICANT" est "non applicable"

  Scénario: Sans savoir si les décisions peuvent être contestées, la recommandation pose la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        effect: similarly_significant
        human_review: true
        reviewer_can_override: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-HUMAN-REVIEW-SIGNIFICANT" est "recommandation"
    Et une question porte sur "contester"
