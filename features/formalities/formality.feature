# language: fr
@rule:L0908-A12-FORMALITY
Fonctionnalité: La formalité CNDP accomplie est celle que la loi exige
  Tout traitement de données personnelles est déclaré à la CNDP avant sa mise en œuvre (art. 12(2) et 14).
  L'article 12(1) impose une autorisation préalable dans six cas : données sensibles, réutilisation à d'autres
  fins, données génétiques, infractions, numéro de CIN, interconnexion de fichiers. Le contrôle échoue
  seulement sur ces motifs légaux ou en l'absence de toute formalité ; la biométrie, que la CNDP oriente en
  pratique vers l'autorisation, relève du contrôle L0908-A12-FORMALITY-BIOMETRIC et ne fait qu'appeler une
  confirmation.

  Scénario: Un assistant de support déclaré, sans motif d'autorisation, est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: support
          data_categories: [contact, free_text_prompts]
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
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY" est "conforme"
    Et la trace cite le fait "derived.legal_regime"
    Et le régime requis est "déclaration"
    Et le formulaire "F211" est requis

  Scénario: Réutiliser les données clients pour entraîner un modèle sous simple déclaration n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: support
          data_categories: [contact, free_text_prompts]
      ai:
        training:
          uses_personal_data: true
          sources: [first_party_customers]
          collected_for_training: false
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 52
    Et le motif d'autorisation "reuse-other-purpose" est retenu
    Et le formulaire "F112" est requis

  Scénario: Un traitement en production sans aucune formalité n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: support
          data_categories: [contact]
      cndp:
        formality: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY" est "non conforme"
    Et la gravité est "blocker"
    Et la trace cite le fait "cndp.formality"

  Scénario: Avant le lancement, une formalité inadaptée est une anomalie majeure
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: false
      processings:
        - id: opinion-mining
          data_categories: [political_opinion, free_text_prompts]
      cndp:
        formality: declaration
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY" est "non conforme"
    Et la gravité est "major"
    Et le motif d'autorisation "sensitive-data" est retenu

  Scénario: Un projet qui ne traite pas de données personnelles n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY" est "non applicable"
    Et le régime requis est "aucun"

  Scénario: Une déclaration alors que l'interconnexion n'est pas précisée appelle une question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact]
          reuses_data_from: []
      ai:
        training:
          uses_personal_data: false
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY" est "informations manquantes"
    Et une question porte sur "interconnexion"
    Et le régime requis est "à déterminer"
    Et le motif d'autorisation "interconnection" est à confirmer

  Scénario: Sans la formalité accomplie, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: kyc
          data_categories: [cin_number]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY" est "informations manquantes"
    Et une question porte sur "formalité"

  Scénario: La biométrie seule sous déclaration n'est pas un manquement légal mais appelle une confirmation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: door-access
          data_categories: [identification, face_template]
          reuses_data_from: []
          interconnects_files: false
      ai:
        training:
          uses_personal_data: false
        facial_recognition:
          used: true
      cndp:
        formality: declaration
        receipt_number: D-W-849
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY" est "conforme"
    Et la vérification "L0908-A12-FORMALITY-BIOMETRIC" est "informations manquantes"
    Et le motif d'autorisation "biometrics" est retenu

  Plan du scénario: La formalité déposée décide quand le numéro de CIN impose l'autorisation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: kyc
          data_categories: [cin_number]
      """
    Et le fait "cndp.formality" vaut <formalité>
    Et le fait "cndp.authorisation_number" vaut <autorisation>
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY" est "<résultat>"

    Exemples:
      | formalité                | autorisation | résultat                |
      | authorisation            | A-PO-23/2024 | conforme                |
      | simplified_authorisation | null         | informations manquantes |
      | declaration              | null         | non conforme            |
      | simplified_declaration   | null         | non conforme            |
      | none                     | null         | non conforme            |
      | null                     | null         | informations manquantes |

  Scénario: Un traitement autorisé par une loi spéciale n'a pas à déposer de demande auprès de la CNDP
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        kind: public_authority
      processings:
        - id: etat-civil
          data_categories: [identification, cin_number]
      cndp:
        formality: none
        statutory_authorisation: "Loi instituant le registre (exemple)"
        statutory_authorisation_grounds: [cin-number]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY" est "conforme"
    Et la trace cite le fait "derived.uncovered_authorisation_triggers"

  Scénario: Une loi spéciale dont la portée n'est pas établie appelle la question, pas un échec
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: etat-civil
          data_categories: [identification, cin_number]
      cndp:
        formality: none
        statutory_authorisation: "Loi instituant le registre (exemple)"
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY" est "informations manquantes"

  Scénario: Une demande d'autorisation restée sans réponse au-delà du délai du décret vaut autorisation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: kyc
          data_categories: [identification, cin_number]
      cndp:
        formality: authorisation
        authorisation_requests:
          - filed_date: 2024-01-10
            extension_notified: true
            decision: pending
            grounds: [cin-number]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY" est "conforme"

  Scénario: Une demande d'autorisation refusée ne couvre rien
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: kyc
          data_categories: [identification, cin_number]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        authorisation_requests:
          - filed_date: 2024-01-10
            extension_notified: false
            decision: refused
            grounds: [cin-number]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-FORMALITY" est "non conforme"
