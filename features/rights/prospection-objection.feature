# language: fr
@rule:L0908-A09-PROSPECTION-OBJECTION
Fonctionnalité: L'opposition à la prospection est gratuite, sans justification, et respectée durablement
  L'article 9 de la loi 09-08 permet à toute personne de s'opposer sans frais à l'utilisation de ses données à
  des fins de prospection, notamment commerciale. Le texte ne subordonne pas cette opposition à des motifs
  légitimes : exiger une justification revient à la refuser (lecture retenue). Une liste d'exclusion est
  nécessaire pour que l'opposition soit respectée à chaque campagne. Prospecter malgré une opposition expose à
  l'article 59 (3 mois à 1 an d'emprisonnement et/ou 20 000 à 200 000 dirhams, doublés pour une société).

  Scénario: Un lien de désinscription gratuit, sans justification et avec liste d'exclusion est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [email]
        optout_each_message: true
      rights:
        free_of_charge: true
        opposition_requires_justification: false
        marketing_suppression_list: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A09-PROSPECTION-OBJECTION" est "conforme"
    Et la trace cite le fait "rights.marketing_suppression_list"

  Scénario: Une campagne SMS sans liste d'exclusion n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [sms]
        optout_each_message: true
      rights:
        free_of_charge: true
        opposition_requires_justification: false
        marketing_suppression_list: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A09-PROSPECTION-OBJECTION" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 59

  Scénario: Un projet qui ne fait pas de prospection n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A09-PROSPECTION-OBJECTION" est "non applicable"

  Scénario: Sans savoir si le projet prospecte, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A09-PROSPECTION-OBJECTION" est "informations manquantes"
    Et la trace cite le fait "direct_marketing.exists"
    Et une question porte sur "messages de prospection"

  Plan du scénario: Gratuité, absence de justification et liste d'exclusion décident
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [whatsapp]
      rights:
        opposition_channel: stop@exemple.ma
      """
    Et le fait "rights.free_of_charge" vaut <gratuit>
    Et le fait "rights.opposition_requires_justification" vaut <justification_exigée>
    Et le fait "rights.marketing_suppression_list" vaut <liste_exclusion>
    Quand le projet est évalué
    Alors la vérification "L0908-A09-PROSPECTION-OBJECTION" est "<résultat>"

    Exemples:
      | gratuit | justification_exigée | liste_exclusion | résultat                |
      | true    | false                | true            | conforme                |
      | true    | true                 | true            | non conforme            |
      | false   | false                | true            | non conforme            |
      | true    | null                 | true            | informations manquantes |
