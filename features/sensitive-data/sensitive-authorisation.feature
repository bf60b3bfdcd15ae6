# language: fr
@rule:L0908-A21-SENSITIVE-AUTHORISATION
Fonctionnalité: Les données sensibles ne sont traitées qu'avec une autorisation de la CNDP ou d'une loi
  L'article 12(1)(a) de la loi 09-08 soumet à autorisation préalable le traitement des données révélant
  l'origine raciale ou ethnique, les opinions politiques, les convictions religieuses ou philosophiques ou
  l'appartenance syndicale. L'article 21 précise que cette autorisation est donnée par une loi qui en fixe les
  conditions ou, à défaut, par la CNDP. Les organismes à but non lucratif religieux, philosophiques,
  politiques, syndicaux, culturels ou sportifs en sont dispensés pour les données de leurs membres conformes à
  leur objet. Traiter sans l'autorisation requise expose à l'article 52.

  Scénario: Une plateforme d'analyse d'opinion autorisée par la CNDP est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      controller:
        kind: private_company
      processings:
        - id: opinion-mining
          data_categories: [political_opinion, free_text_prompts]
      cndp:
        formality: authorisation
        authorisation_number: A-PO-268/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A21-SENSITIVE-AUTHORISATION" est "conforme"

  Scénario: Une application qui infère les convictions religieuses sous simple déclaration n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      controller:
        kind: private_company
      processings:
        - id: recommendations
          data_categories: [behavioural, religious_belief]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A21-SENSITIVE-AUTHORISATION" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 52
    Et la trace cite le fait "derived.sensitive_categories"
    Et le motif d'autorisation "sensitive-data" est retenu

  Scénario: Un traitement autorisé par une loi spéciale est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        kind: public_authority
      processings:
        - id: census
          data_categories: [racial_ethnic_origin]
      cndp:
        statutory_authorisation: "Loi organisant le recensement (exemple)"
        statutory_authorisation_grounds: [sensitive-data]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A21-SENSITIVE-AUTHORISATION" est "conforme"
    Et la trace cite le fait "derived.authorisation_cover.sensitive_data"

  Scénario: Une loi spéciale dont la portée sur les données sensibles n'est pas établie appelle la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        kind: public_authority
      processings:
        - id: census
          data_categories: [racial_ethnic_origin]
      cndp:
        statutory_authorisation: "Loi organisant le recensement (exemple)"
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A21-SENSITIVE-AUTHORISATION" est "informations manquantes"

  Scénario: Une association religieuse qui ne traite que les données de ses membres est dispensée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        kind: non_profit
        nonprofit_members_exemption: true
      processings:
        - id: members
          data_subjects: [members]
          data_categories: [identification, religious_belief]
          reuses_data_from: []
          interconnects_files: false
      ai:
        training:
          uses_personal_data: false
        facial_recognition:
          used: false
        voice:
          speaker_identification: false
      cndp:
        formality: declaration
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A21-SENSITIVE-AUTHORISATION" est "non applicable"
    Et le régime requis est "déclaration"

  Scénario: Un projet sans données sensibles de l'article 12(1)(a) n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact, health]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A21-SENSITIVE-AUTHORISATION" est "non applicable"

  Scénario: Pour une association, la dispense non précisée appelle une question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        kind: non_profit
      processings:
        - id: members
          data_categories: [political_opinion]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A21-SENSITIVE-AUTHORISATION" est "informations manquantes"
    Et la trace cite le fait "controller.nonprofit_members_exemption"
    Et une question porte sur "but non lucratif"
    Et le motif d'autorisation "sensitive-data" est à confirmer
