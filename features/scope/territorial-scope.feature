# language: fr
@rule:L0908-A02-TERRITORIAL
Fonctionnalité: La loi 09-08 s'applique au projet et, si le responsable est établi hors du Maroc, un représentant au Maroc est notifié à la CNDP
  L'article 2 de la loi 09-08 fixe son champ territorial : elle vise le responsable établi au Maroc et
  celui qui, sans y être établi, recourt à des moyens de traitement situés au Maroc, hors simple transit.
  Ce dernier doit notifier à la CNDP un représentant installé au Maroc, qui reprend ses droits et
  obligations. « Non applicable » signifie que la loi ne s'applique pas au vu des faits déclarés.

  Scénario: Une startup casablancaise entre dans le champ de la loi
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        name: Atlas AI SARL
        country: MA
        established_in_morocco: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A02-TERRITORIAL" est "conforme"
    Et la trace cite le fait "controller.established_in_morocco"

  Scénario: Un éditeur étranger qui traite au Maroc avec un représentant notifié est conforme
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
    Alors la vérification "L0908-A02-TERRITORIAL" est "conforme"
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
    Alors la vérification "L0908-A02-TERRITORIAL" est "non conforme"
    Et la gravité est "major"

  Plan du scénario: Le rattachement au Maroc décide de l'application de la loi
    Soit un projet décrit par :
      """
      processes_personal_data: true
      """
    Et le fait "controller.established_in_morocco" vaut <établi>
    Et le fait "controller.uses_means_in_morocco" vaut <moyens>
    Quand le projet est évalué
    Alors la vérification "L0908-A02-TERRITORIAL" est "<résultat>"

    Exemples:
      | établi | moyens | résultat                |
      | true   | false  | conforme                |
      | true   | null   | conforme                |
      | false  | false  | non applicable          |
      | null   | false  | informations manquantes |
      | false  | true   | informations manquantes |

  Scénario: Un éditeur étranger sans aucun moyen au Maroc n'est pas visé
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        country: FR
        established_in_morocco: false
        uses_means_in_morocco: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A02-TERRITORIAL" est "non applicable"
    Et la trace cite le fait "controller.uses_means_in_morocco"

  Scénario: Sans données personnelles, la question territoriale ne se pose pas
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A02-TERRITORIAL" est "non applicable"

  Scénario: Sans indication sur l'établissement du responsable, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        name: Atlas AI
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A02-TERRITORIAL" est "informations manquantes"
    Et une question porte sur "établi au Maroc"

  Scénario: Sans le nom du représentant d'un responsable étranger, la question est posée
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
    Alors la vérification "L0908-A02-TERRITORIAL" est "informations manquantes"
    Et une question porte sur "nom de son représentant"
