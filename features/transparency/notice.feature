# language: fr
@rule:L0908-A05-NOTICE
Fonctionnalité: Les personnes sont informées avant la collecte, avec les mentions de l'article 5
  L'article 5(1) de la loi 09-08 impose d'informer la personne sollicitée directement, avant la collecte,
  de l'identité du responsable (et de son représentant le cas échéant) et des finalités, ainsi que des
  destinataires, du caractère obligatoire ou facultatif des réponses, des conséquences d'un défaut de réponse
  et des droits d'accès et de rectification. L'article 5(2) exige que les supports de collecte portent ces
  informations. Une notice absente ou donnée après la collecte est une anomalie majeure ; une notice donnée à
  temps mais incomplète sur les mentions du (c) est une anomalie mineure.

  Scénario: Un agent conversationnel qui présente une notice complète avant la première question est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          source: direct
      information_notice:
        exists: true
        provided_before_collection: true
        languages: [ar, fr]
        includes: [controller_identity, purposes, recipients, mandatory_optional, consequences_of_refusal, access_rectification_rights]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-NOTICE" est "conforme"
    Et la trace cite le fait "information_notice.includes"

  Scénario: Une notice affichée seulement après la collecte n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          source: direct
      information_notice:
        exists: true
        provided_before_collection: false
        includes: [controller_identity, purposes, recipients, mandatory_optional, consequences_of_refusal, access_rectification_rights]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-NOTICE" est "non conforme"
    Et la gravité est "major"
    Et la trace cite le fait "information_notice.provided_before_collection"

  Scénario: Une notice donnée à temps mais muette sur les droits d'accès et de rectification est une anomalie mineure
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          source: both
      information_notice:
        exists: true
        provided_before_collection: true
        includes: [controller_identity, purposes, recipients, mandatory_optional, consequences_of_refusal]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-NOTICE" est "non conforme"
    Et la gravité est "minor"

  Scénario: Un responsable étranger doit nommer son représentant au Maroc dans la notice
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        established_in_morocco: false
        uses_means_in_morocco: true
        representative_in_morocco:
          name: Cabinet Exemple SARL
      processings:
        - id: support
          source: direct
      information_notice:
        exists: true
        provided_before_collection: true
        includes: [controller_identity, purposes, recipients, mandatory_optional, consequences_of_refusal, access_rectification_rights]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-NOTICE" est "non conforme"
    Et la gravité est "major"
    Et la trace cite le fait "controller.representative_in_morocco.name"

  Scénario: Des données uniquement obtenues auprès de tiers relèvent de l'article 5(3), pas de cette vérification
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: enrichissement
          source: indirect
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-NOTICE" est "non applicable"

  Scénario: Un projet sans données personnelles n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-NOTICE" est "non applicable"

  Scénario: Sans description de la notice, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          source: direct
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-NOTICE" est "informations manquantes"
    Et une question porte sur "notice d'information"

  Plan du scénario: L'existence et le moment de la notice décident
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          source: direct
      information_notice:
        includes: [controller_identity, purposes, recipients, mandatory_optional, consequences_of_refusal, access_rectification_rights]
      """
    Et le fait "information_notice.exists" vaut <notice>
    Et le fait "information_notice.provided_before_collection" vaut <avant_collecte>
    Quand le projet est évalué
    Alors la vérification "L0908-A05-NOTICE" est "<résultat>"

    Exemples:
      | notice | avant_collecte | résultat                |
      | true   | true           | conforme                |
      | false  | null           | non conforme            |
      | true   | false          | non conforme            |
      | true   | null           | informations manquantes |
