# language: fr
@rule:L0908-AI-TRAINING-DATA-RIGHTS
Fonctionnalité: Les droits des personnes s'étendent aux données d'entraînement et aux modèles
  Les articles 7 à 9 de la loi 09-08 (accès, rectification, effacement, opposition) valent pour toutes les
  données d'une personne. Nous en déduisons qu'ils s'étendent aux jeux d'entraînement, aux bases de recherche
  (RAG) et aux modèles : le responsable doit retrouver les enregistrements d'une personne grâce à un registre
  des jeux de données, et disposer d'une méthode documentée (filtrage des sorties, réentraînement,
  désapprentissage) pour qu'ils ne ressortent plus du modèle. Cette application aux modèles est une
  interprétation ; aucun article pénal n'est rattaché à cette vérification.

  Scénario: Un modèle affiné avec registre des jeux de données et réentraînement périodique est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          dataset_register: true
        erasure_from_models: retraining
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRAINING-DATA-RIGHTS" est "conforme"
    Et la trace cite le fait "ai.erasure_from_models"

  Scénario: Un modèle entraîné sur des données personnelles sans moyen de les retirer n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          dataset_register: true
        erasure_from_models: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRAINING-DATA-RIGHTS" est "non conforme"
    Et la gravité est "major"

  Scénario: Une base de recherche seule avec registre suffit, sans méthode de retrait du modèle
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: false
          dataset_register: true
        rag_sources_personal: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRAINING-DATA-RIGHTS" est "conforme"

  Scénario: Sans données personnelles dans l'entraînement ni dans la recherche, la vérification ne s'applique pas
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: false
        rag_sources_personal: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRAINING-DATA-RIGHTS" est "non applicable"

  Plan du scénario: Le registre et la méthode de retrait décident
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
      """
    Et le fait "ai.training.dataset_register" vaut <registre>
    Et le fait "ai.erasure_from_models" vaut <retrait>
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRAINING-DATA-RIGHTS" est "<résultat>"

    Exemples:
      | registre | retrait    | résultat                |
      | true     | unlearning | conforme                |
      | true     | filtering  | conforme                |
      | false    | retraining | non conforme            |
      | true     | null       | informations manquantes |
      | null     | retraining | informations manquantes |

  Scénario: Sans savoir comment retirer les données du modèle, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          dataset_register: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-TRAINING-DATA-RIGHTS" est "informations manquantes"
    Et une question porte sur "retirées du modèle"
