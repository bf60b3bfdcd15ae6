# language: fr
@rule:L0908-A10-CONSENT
Fonctionnalité: La prospection par moyens automatisés n'est faite qu'avec le consentement préalable des personnes
  L'article 10 de la loi 09-08 interdit la prospection directe par automate d'appel, télécopieur, courrier
  électronique ou technologie équivalente vers une personne physique qui n'y a pas consenti au préalable.
  Nous rangeons parmi les technologies équivalentes les SMS, WhatsApp, robots vocaux et notifications. Seul
  le courriel bénéficie d'une exception : adresse recueillie auprès du client lors d'une vente ou d'un service,
  offres analogues de la même entreprise, moyen de refus gratuit et simple à la collecte et dans chaque
  message. Les SMS, messages WhatsApp, appels automatisés et robots vocaux exigent toujours un consentement
  préalable. Une violation expose à l'article 59.

  Scénario: Des SMS envoyés avec un consentement préalable par canal sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [sms, email]
        prior_consent_per_channel: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-CONSENT" est "conforme"
    Et la trace cite le fait "direct_marketing.prior_consent_per_channel"

  Scénario: Des messages WhatsApp envoyés à une liste achetée sans consentement ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [whatsapp]
        contacts_source: [licensed_dataset]
        prior_consent_per_channel: false
        soft_optin_email: true
        analogous_products_only: true
        optout_each_message: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-CONSENT" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 59
    Et la trace cite le fait "derived.automated_marketing_channels"

  Scénario: L'exception des clients vaut pour le courriel seul, avec des offres analogues et un refus dans chaque message
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [email]
        contacts_source: [first_party_customers]
        prior_consent_per_channel: false
        soft_optin_email: true
        analogous_products_only: true
        optout_each_message: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-CONSENT" est "conforme"

  Scénario: L'exception des clients ne couvre pas un fichier d'adresses moissonnées
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [email]
        contacts_source: [web_scraping]
        prior_consent_per_channel: false
        soft_optin_email: true
        analogous_products_only: true
        optout_each_message: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-CONSENT" est "non conforme"
    Et la trace cite le fait "direct_marketing.contacts_source"

  Scénario: Un projet qui ne prospecte que par courrier postal ou appel humain n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [postal, human_call]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-CONSENT" est "non applicable"

  Scénario: Un projet sans prospection n'est pas concerné par l'article 10
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-CONSENT" est "non applicable"

  Scénario: Courriel aux clients et SMS en plus : la question du consentement pour les SMS est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [email, sms]
        prior_consent_per_channel: false
        soft_optin_email: true
        analogous_products_only: true
        optout_each_message: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-CONSENT" est "informations manquantes"
    Et une question porte sur "autres canaux utilisés"

  Plan du scénario: L'exception du courriel ne profite jamais aux autres canaux automatisés
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        prior_consent_per_channel: false
        soft_optin_email: true
        analogous_products_only: true
        optout_each_message: true
      """
    Et le fait "direct_marketing.channels" vaut <canaux>
    Et le fait "direct_marketing.prior_consent_other_channels" vaut <consentement_autres_canaux>
    Quand le projet est évalué
    Alors la vérification "L0908-A10-CONSENT" est "<résultat>"

    Exemples:
      | canaux                | consentement_autres_canaux | résultat     |
      | [email]               | null                       | conforme     |
      | [email, sms]          | true                       | conforme     |
      | [email, sms]          | false                      | non conforme |
      | [email, voice_bot]    | false                      | non conforme |
      | [sms]                 | true                       | non conforme |
      | [automated_call]      | null                       | non conforme |

  Plan du scénario: Pour le courriel sans consentement, chaque condition de l'exception compte
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [email]
        prior_consent_per_channel: false
      """
    Et le fait "direct_marketing.soft_optin_email" vaut <client>
    Et le fait "direct_marketing.analogous_products_only" vaut <analogues>
    Et le fait "direct_marketing.optout_each_message" vaut <refus>
    Quand le projet est évalué
    Alors la vérification "L0908-A10-CONSENT" est "<résultat>"

    Exemples:
      | client | analogues | refus | résultat                |
      | true   | true      | true  | conforme                |
      | false  | true      | true  | non conforme            |
      | true   | false     | true  | non conforme            |
      | true   | true      | false | non conforme            |
      | true   | null      | true  | informations manquantes |

  Scénario: Un consentement prouvé pour chaque canal automatisé est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [sms, whatsapp]
        consented_channels:
          - {channel: sms, source: collected_from_person, collected_on: 2025-03-01, proof: Case cochée horodatée}
          - {channel: whatsapp, source: collected_from_person, collected_on: 2025-03-01, proof: Message d'inscription}
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-CONSENT" est "conforme"
    Et la trace cite le fait "derived.unconsented_marketing_channels"

  Scénario: Un canal automatisé sans consentement enregistré n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [sms, voice_bot]
        consented_channels:
          - {channel: sms, source: collected_from_person, collected_on: 2025-03-01, proof: Case cochée horodatée}
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-CONSENT" est "non conforme"
    Et l'exposition pénale renvoie à l'article 59

  Scénario: Un consentement qui accompagne une liste achetée appelle la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [sms]
        consented_channels:
          - {channel: sms, source: bought_list, collected_on: 2025-03-01, proof: Attestation du vendeur}
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-CONSENT" est "informations manquantes"
    Et la trace cite le fait "derived.marketing_consent_from_lists"

  Scénario: L'exception des clients sans refus proposé lors de la collecte de l'adresse n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      direct_marketing:
        exists: true
        channels: [email]
        prior_consent_per_channel: false
        soft_optin_email: true
        analogous_products_only: true
        optout_each_message: true
        optout_offered_at_collection: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A10-CONSENT" est "non conforme"
    Et la trace cite le fait "direct_marketing.optout_offered_at_collection"
