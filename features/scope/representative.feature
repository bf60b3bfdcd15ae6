# language: fr
@rule:L0908-A02-REPRESENTATIVE
Fonctionnalité: Un responsable étranger qui traite au Maroc a notifié à la CNDP un représentant établi au Maroc
  L'article 2 de la loi 09-08 impose au responsable du traitement non établi au Maroc, mais qui y recourt à
  des moyens de traitement, de notifier à la CNDP l'identité d'un représentant installé au Maroc. Ce
  représentant reprend l'ensemble de ses droits et obligations au titre de la loi.

  Scénario: Un éditeur étranger avec un représentant notifié est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        country: FR
        established_in_morocco: false
        uses_means_in_morocco: true
        representative_in_morocco:
          name: Atlas Conseil SARL
          notified_to_cndp: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A02-REPRESENTATIVE" est "conforme"
    Et la trace cite le fait "controller.representative_in_morocco.notified_to_cndp"

  Scénario: Un représentant désigné mais jamais notifié à la CNDP n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        country: US
        established_in_morocco: false
        uses_means_in_morocco: true
        representative_in_morocco:
          name: Atlas Conseil SARL
          notified_to_cndp: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A02-REPRESENTATIVE" est "non conforme"
    Et la gravité est "major"

  Plan du scénario: La vérification ne vise que le responsable non établi qui traite au Maroc
    Soit un projet décrit par :
      """
      processes_personal_data: true
      """
    Et le fait "controller.established_in_morocco" vaut <établi>
    Et le fait "controller.uses_means_in_morocco" vaut <moyens>
    Quand le projet est évalué
    Alors la vérification "L0908-A02-REPRESENTATIVE" est "<résultat>"

    Exemples:
      | établi | moyens | résultat                |
      | true   | true   | non applicable          |
      | false  | false  | non applicable          |
      | null   | true   | informations manquantes |

  Scénario: Sans le nom du représentant, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        established_in_morocco: false
        uses_means_in_morocco: true
        representative_in_morocco:
          notified_to_cndp: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A02-REPRESENTATIVE" est "informations manquantes"
    Et une question porte sur "nom du représentant"
