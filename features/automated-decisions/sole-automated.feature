# language: fr
@rule:L0908-A11-SOLE-AUTOMATED
Fonctionnalité: Aucune décision produisant des effets juridiques n'est prise sur le seul fondement d'un profilage automatisé
  L'article 11 §2 de la loi 09-08 interdit de prendre une décision produisant des effets juridiques à
  l'égard d'une personne sur le seul fondement d'un traitement automatisé destiné à définir son profil ou à
  évaluer sa personnalité. L'article 11 §3 exclut de l'interdiction les décisions prises pour conclure ou
  exécuter un contrat lorsque la personne a pu présenter ses observations, et celles qui satisfont sa
  demande. La loi ne prévoit pas de sanction pénale propre à l'article 11 : aucune exposition pénale n'est
  indiquée, mais la CNDP peut interdire le traitement.

  Scénario: Un refus de crédit décidé par un analyste après le score est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        effect: legal
        profiling: true
        sole_basis: false
        human_review: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A11-SOLE-AUTOMATED" est "conforme"
    Et la trace cite le fait "automated_decisions.sole_basis"

  Scénario: Un refus de crédit prononcé par le seul score, sans observations possibles, n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        effect: legal
        profiling: true
        sole_basis: true
        human_review: false
        contract_context: true
        contest_or_observations: false
        grants_request_only: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A11-SOLE-AUTOMATED" est "non conforme"
    Et la gravité est "blocker"
    Et la trace cite le fait "automated_decisions.grants_request_only"

  Scénario: Des décisions aux effets mineurs ne relèvent pas de l'article 11
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        effect: minor
        profiling: true
        sole_basis: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A11-SOLE-AUTOMATED" est "non applicable"

  Scénario: Un système qui ne prend aucune décision sur les personnes n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A11-SOLE-AUTOMATED" est "non applicable"

  Scénario: Sans connaître l'effet des décisions, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        profiling: true
        sole_basis: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A11-SOLE-AUTOMATED" est "informations manquantes"
    Et une question porte sur "quel effet"

  Plan du scénario: Les exceptions de l'article 11 §3 écartent l'interdiction
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
    Et le fait "automated_decisions.contract_context" vaut <contrat>
    Et le fait "automated_decisions.contest_or_observations" vaut <observations>
    Et le fait "automated_decisions.grants_request_only" vaut <accorde_seulement>
    Quand le projet est évalué
    Alors la vérification "L0908-A11-SOLE-AUTOMATED" est "<résultat>"

    Exemples:
      | contrat | observations | accorde_seulement | résultat                |
      | true    | true         | false             | conforme                |
      | false   | false        | true              | conforme                |
      | false   | true         | false             | non conforme            |
      | true    | null         | false             | informations manquantes |
