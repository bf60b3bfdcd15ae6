# language: fr
@rule:L0908-AI-MEMORISATION-REID
Fonctionnalité: Les risques de mémorisation et de réidentification sont testés, et l'anonymisation est démontrée
  L'article 1(1) de la loi 09-08 couvre toute donnée rendant une personne identifiable, même indirectement :
  une anonymisation réversible ne fait pas sortir les données du champ de la loi. L'article 23 impose de
  protéger les données contre toute divulgation non autorisée, y compris par un modèle qui restituerait ce
  qu'il a mémorisé.

  Scénario: Un modèle testé sans fuite et un corpus anonymisé éprouvé sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          anonymisation:
            method: pseudonymisation puis agrégation
            reidentification_test: true
            reidentified_in_test: false
        memorisation_tests: true
        memorised_personal_data_found: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-MEMORISATION-REID" est "conforme"
    Et la trace cite le fait "ai.training.anonymisation.reidentified_in_test"

  Scénario: Un corpus dit anonymisé dont des personnes sont réidentifiées n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: false
      ai:
        training:
          uses_personal_data: false
          anonymisation:
            method: suppression des noms
            reidentification_test: true
            reidentified_in_test: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-MEMORISATION-REID" est "non conforme"
    Et la gravité est "major"

  Scénario: Un modèle qui restitue des données personnelles sans filtre des sorties n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
        memorisation_tests: true
        memorised_personal_data_found: true
        output_pii_filter: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-MEMORISATION-REID" est "non conforme"
    Et la trace cite le fait "ai.memorised_personal_data_found"

  Scénario: Une mémorisation constatée mais filtrée en sortie est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
        memorised_personal_data_found: true
        output_pii_filter: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-MEMORISATION-REID" est "conforme"

  Scénario: Une anonymisation sans résultat de test de réidentification reste à démontrer
    Soit un projet décrit par :
      """
      processes_personal_data: false
      ai:
        training:
          uses_personal_data: false
          anonymisation:
            method: hachage des identifiants
            reidentification_test: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-MEMORISATION-REID" est "informations manquantes"
    Et une question porte sur "test de réidentification"

  Scénario: Un modèle entraîné sur des données personnelles jamais testé appelle la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
        memorisation_tests: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-MEMORISATION-REID" est "informations manquantes"
    Et une question porte sur "tests de mémorisation"

  Scénario: Un corpus sans données personnelles ni prétention d'anonymisation n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: false
          sources: [synthetic]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-MEMORISATION-REID" est "non applicable"
