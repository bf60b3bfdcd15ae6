# language: fr
@rule:L0908-A04-LEGAL-BASIS
Fonctionnalité: Chaque traitement repose sur le consentement ou sur l'un des fondements de l'article 4, justifié
  L'article 4 de la loi 09-08 pose le consentement indubitable de la personne comme règle, et cinq
  exceptions : obligation légale, contrat, intérêt vital, mission d'intérêt public, intérêt légitime.
  Chaque traitement doit nommer son fondement ; les fondements qui reposent sur un fait extérieur (le
  texte, le contrat, le mandat, la situation d'urgence) doivent être étayés. Un traitement sans fondement
  expose à l'article 56.

  Scénario: Des traitements aux fondements nommés et étayés sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          legal_basis: contract
          legal_basis_reference: Conditions générales du service d'assistance, article 3
        - id: newsletter
          legal_basis: consent
        - id: fraude
          legal_basis: legitimate_interest
      consent:
        mechanism: unticked_checkbox
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGAL-BASIS" est "conforme"
    Et la trace cite le fait "processings[0].legal_basis_reference"

  Scénario: Invoquer le consentement sans en recueillir aucun n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: profilage
          legal_basis: consent
      consent:
        mechanism: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGAL-BASIS" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 56
    Et la trace cite le fait "derived.processing_consents[0].mechanism"

  Scénario: Sans données personnelles, le fondement n'est pas examiné
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGAL-BASIS" est "non applicable"

  Scénario: Sans fondement indiqué, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          purposes: [Répondre aux clients]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGAL-BASIS" est "informations manquantes"
    Et la trace cite le fait "processings[0].legal_basis"
    Et une question porte sur "quel fondement"

  Plan du scénario: Un fondement qui repose sur un fait extérieur doit être étayé
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: traitement
      """
    Et le fait "processings[0].legal_basis" vaut <fondement>
    Et le fait "processings[0].legal_basis_reference" vaut <pièce>
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGAL-BASIS" est "<résultat>"

    Exemples:
      | fondement           | pièce                                          | résultat                |
      | legal_obligation    | null                                           | informations manquantes |
      | legal_obligation    | "Loi 43-05 sur le blanchiment, vigilance client" | conforme              |
      | contract            | null                                           | informations manquantes |
      | public_interest     | null                                           | informations manquantes |
      | vital_interest      | null                                           | informations manquantes |
      | legitimate_interest | null                                           | conforme                |

  Scénario: Un traitement déclaré sans aucun fondement (« none ») n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: enrichissement
          legal_basis: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGAL-BASIS" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 56
    Et la trace cite le fait "processings[0].legal_basis"

  Scénario: Un traitement fondé sur le consentement qui déclare n'en recueillir aucun n'a pas de fondement
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          legal_basis: consent
        - id: entrainement
          legal_basis: consent
          consent:
            mechanism: none
      consent:
        mechanism: unticked_checkbox
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-LEGAL-BASIS" est "non conforme"
    Et la trace cite le fait "derived.processing_consents[1].mechanism"
