# language: fr
@rule:L0908-A12-CIN
Fonctionnalité: Le numéro de CIN n'est traité qu'avec une autorisation préalable de la CNDP
  L'article 12(1)(e) de la loi 09-08 soumet à autorisation préalable tout traitement qui comporte le numéro
  de la carte nationale d'identité. Une déclaration (F211) ne suffit pas : il faut une autorisation (F112).

  Scénario: Une application KYC qui conserve la CIN avec une autorisation est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: kyc
          data_categories: [identification, cin_number]
      cndp:
        authorisation_number: A-PO-23/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-CIN" est "conforme"
    Et la trace cite le fait "derived.data_categories"
    Et le motif d'autorisation "cin-number" est retenu

  Scénario: Une application en production qui conserve la CIN sur simple déclaration n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: kyc
          data_categories: [identification, cin_number]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-CIN" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 52
    Et le régime requis est "autorisation"
    Et le formulaire "F112" est requis

  Scénario: Avant le lancement, l'absence d'autorisation est une anomalie majeure
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: false
      processings:
        - id: kyc
          data_categories: [cin_number]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-CIN" est "non conforme"
    Et la gravité est "major"

  Scénario: Un projet qui ne traite pas la CIN n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact, free_text_prompts]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-CIN" est "non applicable"

  Scénario: Sans la liste des données collectées, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-CIN" est "informations manquantes"
    Et une question porte sur "catégories de données"

  Plan du scénario: Le numéro d'autorisation décide, quelle que soit la phase du projet
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: kyc
          data_categories: [cin_number]
      """
    Et le fait "live" vaut <en_production>
    Et le fait "cndp.authorisation_number" vaut <autorisation>
    Quand le projet est évalué
    Alors la vérification "L0908-A12-CIN" est "<résultat>"

    Exemples:
      | en_production | autorisation | résultat     |
      | true          | A-406/2020   | conforme     |
      | false         | A-406/2020   | conforme     |
      | true          | null         | non conforme |

  Scénario: Une autorisation accordée pour d'autres motifs que le numéro de CIN ne le couvre pas
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: kyc
          data_categories: [identification, cin_number]
        - id: croisement
          data_categories: [identification]
      cndp:
        acts:
          - kind: authorisation
            number: A-PO-23/2024
            date: 2024-02-01
            processings: [croisement]
            grounds: [interconnection]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-CIN" est "non conforme"
    Et la trace cite le fait "derived.authorisation_cover.cin_number"

  Scénario: Une autorisation dont la portée couvre le numéro de CIN est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: kyc
          data_categories: [identification, cin_number]
      cndp:
        acts:
          - kind: authorisation
            number: A-PO-23/2024
            date: 2024-02-01
            grounds: [cin-number]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-CIN" est "conforme"

  Scénario: Une autorisation dont la portée n'est pas indiquée appelle la question de sa portée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: kyc
          data_categories: [identification, cin_number]
      cndp:
        acts:
          - kind: authorisation
            number: A-PO-23/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-CIN" est "informations manquantes"

  Scénario: Un traitement du numéro de CIN autorisé par une loi spéciale est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        kind: public_authority
      processings:
        - id: etat-civil
          data_categories: [identification, cin_number]
      cndp:
        statutory_authorisation: "Loi instituant le registre (exemple)"
        statutory_authorisation_grounds: [cin-number]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A12-CIN" est "conforme"
