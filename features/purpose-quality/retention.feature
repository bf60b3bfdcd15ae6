# language: fr
@rule:L0908-A03-RETENTION
Fonctionnalité: Une durée de conservation limitée et un mécanisme de suppression sont fixés pour chaque traitement
  L'article 3(1)(e) de la loi 09-08 limite la conservation des données identifiantes à la durée nécessaire
  aux finalités, et l'article 15(f) fait figurer cette durée dans la déclaration. Conserver sans limite
  expose à l'article 55. Chaque traitement doit avoir une durée, globale ou par catégorie, et un mécanisme
  de suppression ou d'anonymisation. Les journaux de l'IA et la conservation prolongée pour la recherche
  relèvent d'autres vérifications.

  Scénario: Une durée et une purge automatique pour chaque traitement sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          retention:
            period_days: 365
            deletion_mechanism: Purge nocturne des conversations de plus d'un an
        - id: kyc
          retention:
            per_category:
              identification: 1825
              image: 30
            deletion_mechanism: Règle de cycle de vie du stockage objet
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-RETENTION" est "conforme"
    Et la trace cite le fait "processings[1].retention.per_category"

  Scénario: Une conservation sans limite n'est pas conforme, même avec une durée affichée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          retention:
            period_days: 365
            deletion_mechanism: Purge annuelle
        - id: datalake
          retention:
            indefinite: true
            deletion_mechanism: Aucun
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-RETENTION" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 55
    Et la trace cite le fait "processings[1].retention.indefinite"

  Scénario: Sans données personnelles, la conservation n'est pas examinée
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-RETENTION" est "non applicable"

  Plan du scénario: Une durée ou un mécanisme de suppression non renseigné appelle une question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
      """
    Et le fait "processings[0].retention.period_days" vaut <durée>
    Et le fait "processings[0].retention.deletion_mechanism" vaut <mécanisme>
    Quand le projet est évalué
    Alors la vérification "L0908-A03-RETENTION" est "informations manquantes"
    Et une question porte sur "<sujet>"

    Exemples:
      | durée | mécanisme      | sujet                 |
      | null  | Purge mensuelle | combien de jours     |
      | 90    | null           | suppression ou l'anonymisation |

  Scénario: Des données conservées plus longtemps que la durée déclarée à la CNDP ne sont pas conformes
    Conserver au-delà de la durée déclarée est l'infraction de l'article 55.
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: appels
          retention:
            period_days: 1825
            indefinite: false
            deletion_mechanism: purge annuelle
      cndp:
        declared:
          retention_days: 90
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-RETENTION" est "non conforme"
    Et la trace cite le fait "processings[0].retention.period_days"
    Et l'exposition pénale renvoie à l'article 55
