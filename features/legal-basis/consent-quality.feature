# language: fr
@rule:L0908-A04-CONSENT-QUALITY
Fonctionnalité: Le consentement recueilli est libre, spécifique, éclairé et indubitable
  L'article 1 de la loi 09-08 définit le consentement comme une manifestation de volonté libre, spécifique
  et éclairée, et l'article 4 exige qu'il soit donné de manière indubitable. Une case pré-cochée, un
  consentement implicite ou noyé dans les conditions générales ne valent pas consentement ; un traitement
  qui s'y fonde est sans fondement et expose à l'article 56.

  Scénario: Une case non cochée, enregistrée et distincte par finalité est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: newsletter
          legal_basis: consent
      consent:
        mechanism: unticked_checkbox
        recorded: true
        timestamped: true
        per_purpose: true
        separate_from_terms: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-CONSENT-QUALITY" est "conforme"
    Et la trace cite le fait "derived.processing_consents[0].mechanism"

  Plan du scénario: Un consentement qui n'est pas un acte positif et distinct n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: entrainement
          legal_basis: consent
      consent:
        recorded: true
        per_purpose: true
      """
    Et le fait "consent.mechanism" vaut <mécanisme>
    Et le fait "consent.separate_from_terms" vaut <séparé>
    Quand le projet est évalué
    Alors la vérification "L0908-A04-CONSENT-QUALITY" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 56

    Exemples:
      | mécanisme         | séparé |
      | pre_ticked        | true   |
      | implied           | null   |
      | bundled_tos       | false  |
      | unticked_checkbox | false  |

  Scénario: Un consentement global pour toutes les finalités n'est pas spécifique
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: assistant
          legal_basis: consent
      consent:
        mechanism: unticked_checkbox
        recorded: true
        per_purpose: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-CONSENT-QUALITY" est "non conforme"
    Et la trace cite le fait "derived.processing_consents[0].per_purpose"

  Scénario: Un projet qui ne se fonde pas sur le consentement n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          legal_basis: contract
          legal_basis_reference: Conditions générales
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-CONSENT-QUALITY" est "non applicable"

  Scénario: Sans description du recueil du consentement, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: newsletter
          legal_basis: consent
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-CONSENT-QUALITY" est "informations manquantes"
    Et une question porte sur "comment le consentement est-il recueilli"

  Scénario: Une nouvelle finalité sans consentement propre est signalée par une question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          legal_basis: consent
          purposes: [Répondre aux questions des clients, Entraîner le modèle sur les conversations]
      consent:
        mechanism: unticked_checkbox
        recorded: true
        per_purpose: true
        separate_from_terms: true
        purposes: [Répondre aux questions des clients]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-CONSENT-QUALITY" est "informations manquantes"
    Et la trace cite le fait "derived.processing_consents[0].purposes_without_consent"

  Scénario: Chaque traitement est jugé sur son propre consentement
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          legal_basis: consent
          purposes: [Répondre aux questions des clients]
        - id: entrainement
          legal_basis: consent
          purposes: [Entraîner le modèle sur les conversations]
          consent:
            mechanism: bundled_tos
            recorded: true
            per_purpose: false
      consent:
        mechanism: unticked_checkbox
        recorded: true
        per_purpose: true
        separate_from_terms: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-CONSENT-QUALITY" est "non conforme"
    Et la trace cite le fait "derived.processing_consents[1].mechanism"
