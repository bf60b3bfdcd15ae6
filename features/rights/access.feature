# language: fr
@rule:L0908-A07-ACCESS
Fonctionnalité: Les demandes d'accès sont traitées sans délai, gratuitement, avec l'origine des données
  L'article 7 de la loi 09-08 permet à toute personne qui justifie de son identité d'obtenir, sans délai et
  gratuitement, la confirmation du traitement de ses données (finalités, catégories, destinataires), leur
  communication sous une forme intelligible et toute information disponible sur leur origine. La loi ne
  chiffre pas le « sans délai » : au-delà de 30 jours, sans délai accordé par la CNDP, la question du délai
  est posée plutôt que de conclure à un manquement. Déclarer qu'aucun canal d'accès n'existe est un
  manquement. Un refus d'accès expose à l'article 53, amende encourue pour chaque infraction.

  Scénario: Un canal dédié, gratuit, avec export et origine en 15 jours est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      rights:
        access_channel: droits@exemple.ma
        identity_check: true
        free_of_charge: true
        export_with_origin: true
        access_sla_days: 15
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A07-ACCESS" est "conforme"
    Et la trace cite le fait "rights.access_sla_days"

  Scénario: Un projet sans aucun canal d'accès n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      rights:
        access_channel: aucun
        free_of_charge: true
        export_with_origin: true
        access_sla_days: 15
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A07-ACCESS" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 53
    Et la trace cite le fait "rights.access_channel"

  Scénario: Un délai de 60 jours dont on ignore s'il a été accordé par la CNDP appelle une question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      rights:
        access_channel: formulaire en ligne
        free_of_charge: true
        export_with_origin: true
        access_sla_days: 60
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A07-ACCESS" est "informations manquantes"
    Et une question porte sur "accordé un délai"

  Scénario: Un projet sans données personnelles n'est pas concerné par le droit d'accès
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A07-ACCESS" est "non applicable"

  Plan du scénario: Gratuité, origine des données et délai de réponse décident
    Soit un projet décrit par :
      """
      processes_personal_data: true
      rights:
        access_channel: droits@exemple.ma
      """
    Et le fait "rights.free_of_charge" vaut <gratuit>
    Et le fait "rights.export_with_origin" vaut <avec_origine>
    Et le fait "rights.access_sla_days" vaut <jours>
    Et le fait "rights.access_delay_granted_by_cndp" vaut <délai_cndp>
    Quand le projet est évalué
    Alors la vérification "L0908-A07-ACCESS" est "<résultat>"

    Exemples:
      | gratuit | avec_origine | jours | délai_cndp | résultat                |
      | true    | true         | 30    | null       | conforme                |
      | true    | true         | 60    | true       | conforme                |
      | true    | true         | 60    | false      | informations manquantes |
      | false   | true         | 10    | null       | non conforme            |
      | true    | false        | 10    | null       | non conforme            |
      | true    | true         | null  | null       | informations manquantes |
      | null    | true         | 10    | null       | informations manquantes |

  Scénario: Un projet qui déclare n'offrir aucun canal d'accès n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      rights:
        access_channel_offered: false
        free_of_charge: true
        export_with_origin: true
        access_sla_days: 10
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A07-ACCESS" est "non conforme"
    Et la trace cite le fait "rights.access_channel_offered"
    Et l'exposition pénale renvoie à l'article 53

  Scénario: Un délai de réponse au-delà de 30 jours sans délai accordé par la CNDP appelle une question, pas un échec
    Soit un projet décrit par :
      """
      processes_personal_data: true
      rights:
        access_channel: droits@exemple.ma
        free_of_charge: true
        export_with_origin: true
        access_sla_days: 45
        access_delay_granted_by_cndp: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A07-ACCESS" est "informations manquantes"
    Et la trace cite le fait "rights.access_sla_days"
