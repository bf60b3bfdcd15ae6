# language: fr
@rule:L0908-A02-TERRITORIAL
Fonctionnalité: La loi 09-08 s'applique au projet (établissement ou moyens de traitement au Maroc)
  L'article 2 de la loi 09-08 fixe son champ territorial : elle vise le responsable établi au Maroc et
  celui qui, sans y être établi, recourt à des moyens de traitement situés au Maroc, hors simple transit.
  Cette vérification est informative : « conforme » signifie que la loi s'applique, « non applicable »
  qu'elle ne s'applique pas au vu des faits déclarés.

  Plan du scénario: La loi s'applique dès qu'un des deux critères de rattachement est rempli
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
      | false  | true   | conforme                |
      | false  | false  | non applicable          |
      | null   | false  | informations manquantes |

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
