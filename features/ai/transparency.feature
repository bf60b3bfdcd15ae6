# language: fr
@rule:L0908-AI-TRANSPARENCY
Fonctionnalité: Les personnes savent qu'elles ont affaire à une IA et peuvent en comprendre la logique
  La loi 09-08 ne mentionne pas l'IA, mais exige une information précise sur les finalités (article 5) et
  reconnaît le droit de connaître la logique d'un traitement automatisé (article 7(c)). Le communiqué de la
  CNDP du 18 mars 2025 appelle à la transparence et à la lisibilité des traitements d'IA. Cette
  vérification est une recommandation : elle ne conclut jamais à une non-conformité.

  Scénario: Un assistant annoncé comme IA et expliqué est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        ai_disclosed_to_users: true
      rights:
        logic_explanation_available: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRANSPARENCY" est "conforme"
    Et la trace cite le fait "rights.logic_explanation_available"

  Scénario: Une notice qui mentionne l'IA suffit à l'annonce
    Soit un projet décrit par :
      """
      processes_personal_data: true
      information_notice:
        includes: [controller_identity, purposes, ai_disclosure]
      rights:
        logic_explanation_available: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRANSPARENCY" est "conforme"

  Scénario: Un assistant qui se fait passer pour un humain fait l'objet d'une recommandation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        ai_disclosed_to_users: false
      information_notice:
        includes: [controller_identity, purposes]
      rights:
        logic_explanation_available: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRANSPARENCY" est "recommandation"
    Et la gravité est "info"

  Scénario: Sans information sur l'annonce de l'IA, la recommandation pose la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      rights:
        logic_explanation_available: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRANSPARENCY" est "recommandation"
    Et une question porte sur "interagissent avec une ia"

  Scénario: Un projet sans données personnelles n'est pas concerné par la transparence
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRANSPARENCY" est "non applicable"
