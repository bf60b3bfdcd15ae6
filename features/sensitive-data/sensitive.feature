# language: fr
@rule:L0908-A21-SENSITIVE
Fonctionnalité: Les données sensibles reposent sur le consentement exprès ou sur un autre motif de l'art. 21
  L'article 1(3) de la loi 09-08 range parmi les données sensibles l'origine raciale ou ethnique, les
  opinions politiques, les convictions religieuses ou philosophiques, l'appartenance syndicale et les données
  de santé, y compris génétiques. L'article 21 fonde leur traitement sur le consentement exprès de la
  personne ou sur les fonctions légales ou statutaires du responsable ; la CNDP peut aussi l'autoriser pour
  l'intérêt vital de la personne ou d'autrui, des données rendues publiques par la personne ou un droit en
  justice. L'article 57 punit le
  traitement de ces données sans consentement exprès. L'autorisation elle-même relève des contrôles
  L0908-A21-SENSITIVE-AUTHORISATION, L0908-A22-HEALTH et L0908-A12-GENETIC.

  Scénario: Une application de suivi de santé fondée sur un consentement exprès est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: symptom-tracker
          data_categories: [contact, health]
      consent:
        mechanism: unticked_checkbox
        express: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A21-SENSITIVE" est "conforme"
    Et la trace cite le fait "consent.express"

  Scénario: Déduire l'origine ethnique du dialecte sur la foi d'un consentement noyé dans les CGU n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: voice-analytics
          data_categories: [voice_recording, racial_ethnic_origin]
      consent:
        mechanism: bundled_tos
        express: false
      sensitive:
        art21_ground: express_consent
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A21-SENSITIVE" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 57

  Scénario: Avant le lancement, l'absence de motif est une anomalie majeure
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: false
      processings:
        - id: union-survey
          data_categories: [trade_union]
      consent:
        express: false
      sensitive:
        art21_ground: express_consent
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A21-SENSITIVE" est "non conforme"
    Et la gravité est "major"

  Plan du scénario: Un autre motif de l'article 21 peut remplacer le consentement exprès
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: legal-claims
          data_categories: [health]
      consent:
        express: false
      """
    Et le fait "sensitive.art21_ground" vaut <motif>
    Quand le projet est évalué
    Alors la vérification "L0908-A21-SENSITIVE" est "<résultat>"

    Exemples:
      | motif                       | résultat                |
      | legal_or_statutory_function | conforme                |
      | legal_claim                 | conforme                |
      | made_public_by_person       | conforme                |
      | express_consent             | non conforme            |
      | null                        | informations manquantes |

  Scénario: Un projet sans données sensibles n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact, free_text_prompts]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A21-SENSITIVE" est "non applicable"

  Scénario: Sans savoir comment le consentement est recueilli, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: matchmaking
          data_categories: [religious_belief]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A21-SENSITIVE" est "informations manquantes"
    Et une question porte sur "consentement exprès"

  Scénario: Des données sensibles pour lesquelles aucun motif de l'article 21 n'est invoqué (« none ») ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: suivi
          data_categories: [health]
      sensitive:
        art21_ground: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A21-SENSITIVE" est "non conforme"
    Et l'exposition pénale renvoie à l'article 57
    Et la trace cite le fait "sensitive.art21_ground"
