# language: fr
@rule:L0908-A08-RECTIFICATION-10D
Fonctionnalité: Rectification, effacement ou verrouillage gratuits sous dix jours francs, répercutés aux destinataires
  L'article 8 de la loi 09-08 oblige le responsable à mettre à jour, rectifier, effacer ou verrouiller
  gratuitement, dans un délai franc de dix jours, les données inexactes, incomplètes ou traitées en violation
  de la loi, et à notifier ces opérations aux tiers qui ont reçu les données, sauf impossibilité. Faute de
  réponse, la personne peut saisir la CNDP. Un refus expose à l'article 53, amende encourue pour chaque
  infraction.

  Scénario: Une correction gratuite en 7 jours, répercutée aux destinataires, est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: crm
          recipients: [prestataire d'envoi]
      rights:
        rectification_sla_days: 7
        free_of_charge: true
        propagates_to_recipients: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A08-RECTIFICATION-10D" est "conforme"
    Et la trace cite le fait "rights.rectification_sla_days"

  Scénario: Un délai de rectification de 30 jours n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      rights:
        rectification_sla_days: 30
        free_of_charge: true
        propagates_to_recipients: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A08-RECTIFICATION-10D" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 53

  Scénario: Sans destinataire ni communication à des tiers, il n'y a personne à prévenir
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: assistant
          recipients: []
          third_party_disclosures: []
      rights:
        rectification_sla_days: 10
        free_of_charge: true
        propagates_to_recipients: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A08-RECTIFICATION-10D" est "conforme"
    Et la trace cite le fait "processings[].recipients"

  Scénario: Un projet sans données personnelles n'est pas concerné par la rectification
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A08-RECTIFICATION-10D" est "non applicable"

  Plan du scénario: Délai, gratuité et répercussion aux destinataires décident
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: crm
          recipients: [partenaire]
      """
    Et le fait "rights.rectification_sla_days" vaut <jours>
    Et le fait "rights.free_of_charge" vaut <gratuit>
    Et le fait "rights.propagates_to_recipients" vaut <répercutée>
    Quand le projet est évalué
    Alors la vérification "L0908-A08-RECTIFICATION-10D" est "<résultat>"

    Exemples:
      | jours | gratuit | répercutée | résultat                |
      | 10    | true    | true       | conforme                |
      | 11    | true    | true       | non conforme            |
      | 5     | false   | true       | non conforme            |
      | 5     | true    | false      | non conforme            |
      | null  | true    | true       | informations manquantes |
      | 5     | true    | null       | informations manquantes |
