# language: fr
@rule:L0908-A11-HUMAN-REVIEW-QUALITY
Fonctionnalité: L'intervention humaine invoquée pour une décision à effets juridiques est réelle
  Une décision à effets juridiques fondée sur un profilage échappe à l'interdiction de l'article 11 §2 de la
  loi 09-08 parce qu'une personne la prend. Nous considérons que cette intervention n'existe que si la
  personne peut changer le résultat : une validation de principe laisse la décision fondée sur le seul
  traitement automatisé. Le communiqué de la CNDP du 18 mars 2025 appelle à une attention particulière pour
  les décisions automatisées. L'article 11 n'a pas de sanction pénale propre.

  Scénario: Un analyste qui peut s'écarter du score est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        effect: legal
        profiling: true
        sole_basis: false
        human_review: true
        reviewer_can_override: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A11-HUMAN-REVIEW-QUALITY" est "conforme"
    Et la trace cite le fait "automated_decisions.reviewer_can_override"

  Scénario: Un réviseur qui ne peut que valider le résultat du modèle n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        effect: legal
        profiling: true
        sole_basis: false
        human_review: true
        reviewer_can_override: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A11-HUMAN-REVIEW-QUALITY" est "non conforme"
    Et la gravité est "major"

  Scénario: Sans intervention humaine invoquée, c'est l'interdiction de l'article 11 §2 qui s'applique
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        effect: legal
        profiling: true
        sole_basis: true
        human_review: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A11-HUMAN-REVIEW-QUALITY" est "non applicable"

  Scénario: Des décisions d'importance comparable mais sans effet juridique relèvent d'une recommandation distincte
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        effect: similarly_significant
        profiling: true
        human_review: true
        reviewer_can_override: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A11-HUMAN-REVIEW-QUALITY" est "non applicable"

  Scénario: Sans savoir si le réviseur peut changer le résultat, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        effect: legal
        profiling: true
        human_review: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A11-HUMAN-REVIEW-QUALITY" est "informations manquantes"
    Et une question porte sur "changer le résultat"
