# language: fr
@rule:L0908-A10-MESSAGE-HYGIENE
Fonctionnalité: Chaque message de prospection identifie l'expéditeur, a un objet loyal et offre un moyen d'arrêt
  Les derniers alinéas de l'article 10 de la loi 09-08 interdisent, quel que soit le consentement obtenu, d'envoyer
  de la prospection par moyens automatisés sans coordonnées valables pour demander l'arrêt des envois, en
  dissimulant l'identité de l'expéditeur ou avec un objet sans rapport avec l'offre. Une violation expose à
  l'article 59. La pratique CNDP–ANRT de 2019 sur les SMS (moyen de désinscription dans chaque SMS) n'est
  connue que par des sources secondaires : elle est citée pour information, la vérification repose sur
  l'article 10 seul.

  Scénario: Des courriels avec expéditeur identifié, objet fidèle et lien de désinscription sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [email]
        optout_each_message: true
        sender_identified: true
        subject_matches_offer: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-MESSAGE-HYGIENE" est "conforme"
    Et la trace cite le fait "direct_marketing.subject_matches_offer"

  Scénario: Des SMS qui masquent l'expéditeur ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [sms]
        optout_each_message: true
        sender_identified: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-MESSAGE-HYGIENE" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 59
    Et la trace cite le fait "direct_marketing.sender_identified"

  Scénario: Un SMS n'a pas d'objet : la question de l'objet ne se pose pas
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [sms, whatsapp]
        optout_each_message: true
        sender_identified: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-MESSAGE-HYGIENE" est "conforme"

  Scénario: Une prospection uniquement postale n'est pas concernée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [postal]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-MESSAGE-HYGIENE" est "non applicable"

  Scénario: Sans savoir si chaque message identifie l'expéditeur, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [email]
        optout_each_message: true
        subject_matches_offer: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-MESSAGE-HYGIENE" est "informations manquantes"
    Et une question porte sur "identifie-t-il clairement l'expéditeur"

  Plan du scénario: Moyen d'arrêt, expéditeur et objet décident
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [email]
      """
    Et le fait "direct_marketing.optout_each_message" vaut <arrêt>
    Et le fait "direct_marketing.sender_identified" vaut <expéditeur>
    Et le fait "direct_marketing.subject_matches_offer" vaut <objet>
    Quand le projet est évalué
    Alors la vérification "L0908-A10-MESSAGE-HYGIENE" est "<résultat>"

    Exemples:
      | arrêt | expéditeur | objet | résultat     |
      | true  | true       | true  | conforme     |
      | false | true       | true  | non conforme |
      | true  | true       | false | non conforme |
