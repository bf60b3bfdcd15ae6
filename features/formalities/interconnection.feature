# language: fr
@rule:L0908-A12-INTERCONNECTION
Fonctionnalité: L'interconnexion de fichiers n'a lieu qu'avec une autorisation préalable de la CNDP
  L'article 1(11) de la loi 09-08 définit l'interconnexion comme la mise en relation des données d'un fichier
  avec celles de fichiers d'autres responsables, ou du même responsable pour une autre finalité. L'article
  12(1)(f) la soumet à autorisation préalable lorsque les fichiers reliés ont des finalités principales
  différentes. Croiser les données clients avec celles d'un partenaire, ou indexer pour un RAG les fichiers de
  plusieurs organisations, en relève dès que leurs finalités principales diffèrent ; relier deux fichiers
  tenus pour la même finalité principale n'en relève pas (le fait interconnects_files vaut alors false).

  Scénario: Un croisement avec les fichiers d'un partenaire autorisé par la CNDP est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: scoring
          data_categories: [identification, financial]
          interconnects_files: true
      cndp:
        formality: authorisation
        authorisation_number: A-PO-268/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-INTERCONNECTION" est "conforme"
    Et la trace cite le fait "derived.authorisation_cover.interconnection"

  Scénario: Un index RAG sur les fichiers de plusieurs organisations, sous simple déclaration, n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: rag-index
          data_categories: [identification, contact]
          interconnects_files: true
      cndp:
        formality: declaration
        receipt_number: D-M-310/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-INTERCONNECTION" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 52
    Et le motif d'autorisation "interconnection" est retenu
    Et le formulaire "F112" est requis

  Scénario: Des traitements qui ne relient aucun fichier extérieur ne sont pas concernés
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          interconnects_files: false
        - id: billing
          interconnects_files: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-INTERCONNECTION" est "non applicable"

  Scénario: Sans savoir si un traitement relie des fichiers, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          interconnects_files: false
        - id: analytics
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-INTERCONNECTION" est "informations manquantes"
    Et la trace cite le fait "processings[1].interconnects_files"
    Et une question porte sur "interconnexion"

  Scénario: Relier deux fichiers tenus pour la même finalité principale n'est pas une interconnexion soumise à autorisation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: facturation
          purposes: [Facturer les abonnés]
          reuses_data_from: [fichier des abonnements]
          interconnects_files: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-INTERCONNECTION" est "non applicable"

  Scénario: Une interconnexion prévue par une loi spéciale est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        kind: public_service_legal_person
      processings:
        - id: croisement
          interconnects_files: true
      cndp:
        statutory_authorisation: "Loi organisant l'échange de données (exemple)"
        statutory_authorisation_grounds: [interconnection]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-INTERCONNECTION" est "conforme"
