# language: fr
@rule:L0908-A43-TRANSFER-GROUND
Fonctionnalité: Chaque transfert de données à l'étranger repose sur un fondement de l'article 43 ou 44
  L'article 43 de la loi 09-08 ne permet de transférer des données que vers un État assurant un niveau de
  protection suffisant, dont la CNDP dresse la liste (délibération 465-2013 modifiée par 236-2015, dont la
  liste n'est connue que par des sources secondaires). Hors liste, l'article 44 exige le consentement exprès,
  une nécessité limitativement énumérée, une convention internationale ou une autorisation de la CNDP.
  Un hébergeur, une API de modèle ou une base de gabarits faciaux à l'étranger sont des transferts.
  Le transfert irrégulier est puni par l'article 60.

  Scénario: Un hébergeur américain couvert par une autorisation de transfert de la CNDP est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Cloud US
          service: hébergement
          country: US
      transfers:
        - country: US
          mechanism: cndp_authorisation
          contractual_clauses: true
      cndp:
        transfer_authorisation_number: A-T-12/2025
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "conforme"
    Et la trace cite le fait "derived.foreign_destinations[0].covered_by_cndp"
    Et un transfert vers "US" est à déclarer

  Scénario: Un transfert notifié vers un pays de la liste est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: FR
          mechanism: adequacy_list
          notified_to_cndp: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "conforme"
    Et la trace cite le fait "derived.foreign_destinations[0].notified_to_cndp"

  Scénario: Une API de modèle hébergée aux États-Unis sans dérogation ni autorisation n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          provider: Fournisseur US
          hosting_country: US
          prompts_contain_personal_data: true
      transfers:
        - country: US
          mechanism: adequacy_list
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 60
    Et la trace cite le fait "derived.foreign_destinations[0].mechanism"
    Et le formulaire "F118" est requis

  Scénario: Un sous-traitant hors liste absent de la liste déclarée des transferts n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Monitoring SaaS
          service: supervision et journaux
          country: US
      transfers: []
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "non conforme"
    Et la trace cite le fait "derived.foreign_destinations[0].declared_transfer"

  Scénario: Un transfert vers un pays de la liste déclaré non notifié appelle la notification sans échouer
    La liste de l'article 43 n'étant pas vérifiée, l'absence de notification d'un transfert vers un pays de la
    liste est une question à régler (décret, art. 46), pas un échec.
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: DE
          mechanism: adequacy_list
          notified_to_cndp: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "informations manquantes"
    Et la gravité est "major"
    Et la trace cite le fait "derived.foreign_destinations[0].notified_to_cndp"

  Scénario: Un pays de la liste sans notification connue appelle la question de la notification
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Hébergeur européen
          service: hébergement
          country: DE
      transfers: []
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "informations manquantes"
    Et une question porte sur "notifié à la CNDP"
    Et une question porte sur "n'est pas vérifiée"

  Scénario: Une dérogation de l'article 44 invoquée sans justification reste à documenter
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: US
          mechanism: express_consent
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "informations manquantes"
    Et la trace cite le fait "derived.foreign_destinations[0].exception_justification"
    Et une question porte sur "justification"

  Scénario: Une autorisation de la CNDP invoquée sans son numéro appelle le numéro
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: US
          mechanism: cndp_authorisation
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "informations manquantes"
    Et la trace cite le fait "cndp.transfer_authorisation_number"
    Et une question porte sur "numéro de l'autorisation de transfert"

  Scénario: Sans la liste des transferts, la question des destinations est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Cloud US
          country: US
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "informations manquantes"
    Et la trace cite le fait "transfers"
    Et une question porte sur "vers quels pays"

  Scénario: Un projet entièrement hébergé au Maroc n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Datacenter Casablanca
          country: MA
      ai:
        inference:
          self_hosted: true
          hosting_country: MA
      transfers: []
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "non applicable"

  Scénario: Un projet sans données personnelles n'est pas concerné par les transferts
    Soit un projet décrit par :
      """
      processes_personal_data: false
      processors:
        - name: Cloud US
          country: US
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "non applicable"

  Plan du scénario: Le fondement déclaré pour un transfert vers un pays hors liste décide
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: US
      """
    Et le fait "transfers[0].mechanism" vaut <fondement>
    Et le fait "transfers[0].exception_justification" vaut <justification>
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "<résultat>"

    Exemples:
      | fondement                      | justification                                        | résultat                |
      | express_consent                | Consentement exprès recueilli à l'inscription        | conforme                |
      | necessity_contract_with_person | Réservation d'hôtel demandée par le client à l'étranger | conforme             |
      | international_agreement        | Convention bilatérale d'entraide citée               | conforme                |
      | necessity_medical              | null                                                 | informations manquantes |
      | adequacy_list                  | null                                                 | non conforme            |
      | null                           | null                                                 | informations manquantes |

  Scénario: Une autorisation de la CNDP invoquée pour un transfert jamais notifié n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: US
          mechanism: cndp_authorisation
          notified_to_cndp: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "non conforme"
    Et la trace cite le fait "derived.foreign_destinations[0].notified_to_cndp"

  Scénario: Un transfert couvert par sa propre autorisation de la CNDP est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: US
          mechanism: cndp_authorisation
          notified_to_cndp: true
          cndp_authorisation_number: A-406/2020
      cndp:
        transfer_authorisation_number: A-406/2020
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "conforme"
    Et la trace cite le fait "derived.foreign_destinations[0].covered_by_cndp"

  Scénario: Un transfert hors liste déclaré sans aucun fondement (« none ») n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: US
          recipient: API de modèle
          mechanism: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 60
    Et la trace cite le fait "derived.foreign_destinations[0].mechanism"

  Scénario: Un transfert hors liste dont le fondement n'est pas indiqué appelle la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: US
          recipient: API de modèle
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "informations manquantes"

  Scénario: Une autorisation de transfert enregistrée pour ce pays couvre le transfert
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: US
          mechanism: cndp_authorisation
      cndp:
        acts:
          - kind: transfer_authorisation
            number: A-T-12/2025
            date: 2025-01-15
            destinations: [US]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "conforme"

  Scénario: Une autorisation de transfert pour un autre pays ne couvre pas celui-ci
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: US
          mechanism: none
      cndp:
        acts:
          - kind: transfer_authorisation
            number: A-T-12/2025
            destinations: [CA]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "non conforme"

  Scénario: Une notification de transfert enregistrée vers un pays de la liste est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: FR
          mechanism: adequacy_list
      cndp:
        acts:
          - kind: transfer_notification
            date: 2025-01-15
            destinations: [FR]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "conforme"

  Scénario: Un prestataire qui sert depuis deux pays est jugé pour chacun
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Cloud multi-régions
          countries: [FR, US]
      transfers:
        - country: FR
          mechanism: adequacy_list
          notified_to_cndp: true
        - country: US
          mechanism: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "non conforme"
    Et un transfert vers "US" est à déclarer
    Et un transfert vers "FR" est à déclarer

  Scénario: Un point d'accès de modèle servi depuis deux pays de la liste, notifiés, est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          provider: Fournisseur européen
          hosting_countries: [FR, IE]
          prompts_contain_personal_data: true
      transfers:
        - country: FR
          mechanism: adequacy_list
          notified_to_cndp: true
        - country: IE
          mechanism: adequacy_list
          notified_to_cndp: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "conforme"
    Et la vérification "L0908-A43-FOREIGN-LLM-API" est "conforme"

  Plan du scénario: Un pays douteux de la liste appelle une question, jamais un échec
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: HR
          recipient: Hébergeur
      """
    Et le fait "transfers[0].mechanism" vaut <fondement>
    Quand le projet est évalué
    Alors la vérification "L0908-A43-TRANSFER-GROUND" est "informations manquantes"
    Et la trace cite le fait "derived.foreign_destinations[0].list_state"
    Et une question porte sur "liste actuelle de la CNDP"

    Exemples:
      | fondement     |
      | adequacy_list |
      | none          |

