# language: fr
@rule:L0908-A11-JUDICIAL
Fonctionnalité: Aucune décision de justice ne repose sur une évaluation automatisée de la personnalité
  L'article 11 §1 de la loi 09-08 interdit qu'une décision de justice impliquant une appréciation du
  comportement d'une personne ait pour fondement un traitement automatisé destiné à évaluer certains aspects
  de sa personnalité. Un outil de notation du risque ou de la personnalité des justiciables est donc exclu ;
  une aide documentaire qui n'évalue pas la personne ne l'est pas. L'article 11 n'a pas de sanction pénale
  propre.

  Scénario: Un outil de recherche jurisprudentielle qui n'évalue personne est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        used_by_courts_or_for_judicial_assessment: true
        profiling: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A11-JUDICIAL" est "conforme"
    Et la trace cite le fait "automated_decisions.profiling"

  Scénario: Un score de dangerosité des prévenus destiné aux juges n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        used_by_courts_or_for_judicial_assessment: true
        profiling: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A11-JUDICIAL" est "non conforme"
    Et la gravité est "blocker"
    Et la trace cite le fait "automated_decisions.used_by_courts_or_for_judicial_assessment"

  Scénario: Un système sans décision sur les personnes n'est pas concerné par l'article 11 §1
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A11-JUDICIAL" est "non applicable"

  Scénario: Sans savoir si les résultats servent la justice, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        profiling: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A11-JUDICIAL" est "informations manquantes"
    Et une question porte sur "décision de justice"

  Plan du scénario: L'usage judiciaire et l'évaluation de la personnalité doivent être réunis pour interdire
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
      """
    Et le fait "automated_decisions.used_by_courts_or_for_judicial_assessment" vaut <justice>
    Et le fait "automated_decisions.profiling" vaut <personnalité>
    Quand le projet est évalué
    Alors la vérification "L0908-A11-JUDICIAL" est "<résultat>"

    Exemples:
      | justice | personnalité | résultat     |
      | false   | true         | conforme     |
      | true    | false        | conforme     |
      | true    | true         | non conforme |
