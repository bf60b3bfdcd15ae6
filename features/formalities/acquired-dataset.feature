# language: fr
@rule:L0908-A15-ACQUIRED-DATASET
Fonctionnalité: Un fichier de données acheté ou reçu est déclaré par celui qui l'acquiert
  Selon l'article 15 de la loi 09-08, celui qui acquiert un fichier de données personnelles (cessionnaire)
  accomplit lui-même les formalités auprès de la CNDP : le récépissé du vendeur ou du partenaire ne couvre que
  son propre traitement. Un jeu de données d'entraînement sous licence, des données d'un partenaire ou une
  liste de prospects achetée doivent figurer dans la déclaration ou l'autorisation du projet.

  Scénario: Un jeu de données sous licence couvert par la propre déclaration du projet est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          sources: [licensed_dataset, synthetic]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        acquired_files_declared: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-ACQUIRED-DATASET" est "conforme"
    Et la trace cite le fait "cndp.acquired_files_declared"

  Scénario: S'appuyer sur le seul récépissé du fournisseur n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          sources: [partner_data]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        acquired_files_declared: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-ACQUIRED-DATASET" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 52

  Scénario: Une liste de prospects achetée, sans aucune formalité propre, n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        contacts_source: [licensed_dataset]
      cndp:
        formality: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-ACQUIRED-DATASET" est "non conforme"
    Et la trace cite le fait "derived.has_cndp_act"

  Scénario: Un modèle entraîné sur des données synthétiques et sans prospection n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: false
      direct_marketing:
        exists: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-ACQUIRED-DATASET" est "non applicable"

  Scénario: Sans savoir si la déclaration couvre le fichier acquis, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          sources: [licensed_dataset]
      cndp:
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-ACQUIRED-DATASET" est "informations manquantes"
    Et une question porte sur "fichiers acquis"

  Scénario: Sans la provenance des données d'entraînement, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
      direct_marketing:
        exists: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-ACQUIRED-DATASET" est "informations manquantes"
    Et une question porte sur "sous licence"
