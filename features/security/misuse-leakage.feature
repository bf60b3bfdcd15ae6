# language: fr
@rule:L0908-A61-MISUSE-LEAKAGE
Fonctionnalité: Le modèle et ses journaux ne peuvent pas divulguer les données d'autres personnes
  L'article 23(1) de la loi 09-08 demande des mesures contre la diffusion et l'accès non autorisés. L'article
  61 punit quiconque, même par négligence, cause ou facilite l'usage abusif des données ou leur communication
  à des tiers non autorisés, et permet au tribunal d'ordonner la saisie du matériel et l'effacement des
  données. Un modèle entraîné sur des données personnelles, ou qui interroge une base documentaire qui en
  contient, peut restituer à un utilisateur les données d'un autre ; les journaux exposent les mêmes données.

  Scénario: Un assistant RAG filtré, testé contre l'extraction et aux journaux restreints est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: false
        rag_sources_personal: true
        output_pii_filter: true
        leakage_tests: true
        logging:
          prompts_logged: true
          outputs_logged: true
          access_restricted: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A61-MISUSE-LEAKAGE" est "conforme"
    Et la trace cite le fait "ai.leakage_tests"

  Scénario: Un modèle affiné sur les conversations clients sans filtre de sortie n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        generative: true
        training:
          uses_personal_data: true
        rag_sources_personal: false
        output_pii_filter: false
        leakage_tests: false
        logging:
          prompts_logged: false
          outputs_logged: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A61-MISUSE-LEAKAGE" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 61

  Scénario: Des journaux de conversations accessibles à tous ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: false
        rag_sources_personal: false
        logging:
          prompts_logged: true
          access_restricted: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A61-MISUSE-LEAKAGE" est "non conforme"
    Et la trace cite le fait "ai.logging.access_restricted"

  Scénario: Un modèle sans données personnelles ni journaux n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: false
        rag_sources_personal: false
        logging:
          prompts_logged: false
          outputs_logged: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A61-MISUSE-LEAKAGE" est "non applicable"

  Scénario: Sans savoir si des tests d'extraction ont été menés, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        generative: true
        training:
          uses_personal_data: true
        output_pii_filter: true
        logging:
          prompts_logged: false
          outputs_logged: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A61-MISUSE-LEAKAGE" est "informations manquantes"
    Et une question porte sur "tests d'extraction"

  Scénario: Un modèle de score entraîné sur des données personnelles, qui ne génère pas de texte, n'est pas concerné
    Un modèle qui ne produit que des scores ou des étiquettes ne peut pas restituer les données d'une personne.
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        generative: false
        training:
          uses_personal_data: true
        rag_sources_personal: false
        logging:
          prompts_logged: false
          outputs_logged: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A61-MISUSE-LEAKAGE" est "non applicable"
