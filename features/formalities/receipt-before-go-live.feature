# language: fr
@rule:L0908-A19-RECEIPT-BEFORE-GO-LIVE
Fonctionnalité: Le récépissé ou l'autorisation de la CNDP est obtenu avant le début du traitement
  La déclaration est déposée avant la mise en œuvre du traitement (article 14 de la loi 09-08) et le
  responsable peut commencer dès réception du récépissé, délivré dans les 24 heures (article 19). Lorsque
  l'article 12(1) impose une autorisation, il faut l'attendre. Pour un projet en production, le contrôle
  compare la date de l'acte de la CNDP à la date de mise en service ; traiter sans l'acte requis expose à
  l'article 52.

  Scénario: Un récépissé obtenu avant la mise en service est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: support
          data_categories: [contact]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        receipt_date: 2015-03-02
        go_live_date: 2015-04-01
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-BEFORE-GO-LIVE" est "conforme"
    Et la trace cite le fait "derived.receipt_on"

  Scénario: Un service en production sans récépissé ni autorisation n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: support
          data_categories: [contact]
      cndp:
        formality: none
        go_live_date: 2025-01-15
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-BEFORE-GO-LIVE" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 52
    Et la trace cite le fait "derived.has_cndp_act"

  Scénario: Un simple récépissé ne suffit pas lorsque le numéro de CIN impose l'autorisation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: kyc
          data_categories: [cin_number]
      cndp:
        formality: declaration
        receipt_number: D-W-849
        receipt_date: 2024-01-10
        go_live_date: 2024-02-01
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-BEFORE-GO-LIVE" est "non conforme"
    Et la gravité est "blocker"

  Scénario: Un récépissé obtenu après le lancement reste un manquement passé, de gravité majeure
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: support
          data_categories: [contact]
      cndp:
        formality: declaration
        receipt_number: D-NL-189/2020
        receipt_date: 2020-09-01
        go_live_date: 2020-06-15
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-BEFORE-GO-LIVE" est "non conforme"
    Et la gravité est "major"

  Scénario: Un projet pas encore lancé n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: false
      processings:
        - id: support
          data_categories: [contact]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-BEFORE-GO-LIVE" est "non applicable"

  Plan du scénario: Sans les dates de l'acte et de la mise en service, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: scoring
          data_categories: [financial]
      cndp:
        formality: authorisation
        authorisation_number: A-406/2020
      """
    Et le fait "cndp.authorisation_date" vaut <date_autorisation>
    Et le fait "cndp.go_live_date" vaut <mise_en_service>
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-BEFORE-GO-LIVE" est "<résultat>"

    Exemples:
      | date_autorisation | mise_en_service | résultat                |
      | 2020-05-04        | 2020-06-01      | conforme                |
      | 2020-05-04        | null            | informations manquantes |
      | null              | 2020-06-01      | informations manquantes |
      | 2020-07-01        | 2020-06-01      | non conforme            |

  Scénario: Sans savoir si le traitement a commencé, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-BEFORE-GO-LIVE" est "informations manquantes"
    Et une question porte sur "déjà commencé"

  Scénario: Un service autorisé par une loi spéciale n'attend pas d'acte de la CNDP
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: etat-civil
          data_categories: [identification, cin_number]
      cndp:
        statutory_authorisation: "Loi instituant le registre (exemple)"
        statutory_authorisation_grounds: [cin-number]
        go_live_date: 2020-01-01
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-BEFORE-GO-LIVE" est "conforme"

  Scénario: Une mise en service après l'autorisation tacite du décret, art. 28, est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: kyc
          data_categories: [identification, cin_number]
      cndp:
        authorisation_requests:
          - filed_date: 2024-01-10
            extension_notified: false
            decision: pending
            grounds: [cin-number]
        go_live_date: 2024-04-01
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-BEFORE-GO-LIVE" est "conforme"
    Et la trace cite le fait "derived.authorised_on"

  Scénario: Une mise en service avant la fin du délai de réponse de la CNDP n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: kyc
          data_categories: [identification, cin_number]
      cndp:
        authorisation_requests:
          - filed_date: 2024-01-10
            extension_notified: true
            decision: pending
            grounds: [cin-number]
        go_live_date: 2024-02-01
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-BEFORE-GO-LIVE" est "non conforme"

  Scénario: Un récépissé enregistré comme acte de la CNDP, daté avant la mise en service, est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      processings:
        - id: support
          data_categories: [contact]
      cndp:
        acts:
          - kind: declaration_receipt
            number: D-W-85/2015
            date: 2015-03-02
            processings: [support]
        go_live_date: 2015-04-01
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-BEFORE-GO-LIVE" est "conforme"
    Et la trace cite le fait "derived.receipt_on"
