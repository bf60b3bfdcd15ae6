# language: fr
@rule:L0908-A04-THIRD-PARTY-SHARING
Fonctionnalité: Les communications de données à des tiers sont liées aux fonctions des deux parties et consenties ou fondées
  Le deuxième alinéa de l'article 4 de la loi 09-08 n'autorise la communication de données à un tiers que
  pour des finalités directement liées aux fonctions légitimes des deux parties, avec le consentement
  préalable de la personne. Partager un fichier, un jeu de données ou un modèle qui restitue des données
  personnelles sans lien avec ces fonctions, ou sans consentement ni autre fondement, expose à l'article 56.
  Lorsqu'une communication repose sur une exception sans consentement, une confirmation est demandée par
  la vérification L0908-A04-SHARING-WITHOUT-CONSENT.

  Scénario: Une communication consentie et liée aux fonctions des deux parties est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: assurance
          third_party_disclosures:
            - recipient: Compagnie d'assurance partenaire
              purpose: Établir le devis demandé par le client
              consent_obtained: true
              purpose_linked_to_functions: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-THIRD-PARTY-SHARING" est "conforme"
    Et la trace cite le fait "processings[0].third_party_disclosures[0].consent_obtained"

  Scénario: Vendre un modèle entraîné sur les conversations des clients sans consentement ni fondement n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: assistant
          third_party_disclosures:
            - recipient: Courtier en données
              purpose: Revente du modèle affiné
              includes_models: true
              consent_obtained: false
              legal_basis: none
              purpose_linked_to_functions: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-THIRD-PARTY-SHARING" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 56

  Scénario: Une communication sans lien avec les fonctions des parties n'est pas conforme même consentie
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: fidelite
          third_party_disclosures:
            - recipient: Agence de publicité
              consent_obtained: true
              purpose_linked_to_functions: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-THIRD-PARTY-SHARING" est "non conforme"
    Et la trace cite le fait "processings[0].third_party_disclosures[0].purpose_linked_to_functions"

  Scénario: Un projet qui ne communique rien à des tiers n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          third_party_disclosures: []
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-THIRD-PARTY-SHARING" est "non applicable"

  Plan du scénario: Un fait manquant sur une communication appelle une question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: partage
          third_party_disclosures:
            - recipient: Partenaire
      """
    Et le fait "processings[0].third_party_disclosures[0].consent_obtained" vaut <consentement>
    Et le fait "processings[0].third_party_disclosures[0].purpose_linked_to_functions" vaut <lien>
    Quand le projet est évalué
    Alors la vérification "L0908-A04-THIRD-PARTY-SHARING" est "informations manquantes"
    Et une question porte sur "<sujet>"

    Exemples:
      | consentement | lien | sujet                       |
      | null         | true | consenti au préalable       |
      | true         | null | fonctions légitimes         |

  Scénario: Sans indication sur les communications à des tiers, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-THIRD-PARTY-SHARING" est "informations manquantes"
    Et une question porte sur "communique-t-il des données"

  Scénario: Une communication sans consentement dont le fondement est « none » n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: assistant
          third_party_disclosures:
            - recipient: Partenaire
              purpose: Prospection du partenaire
              consent_obtained: false
              legal_basis: none
              purpose_linked_to_functions: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-THIRD-PARTY-SHARING" est "non conforme"
    Et la trace cite le fait "processings[0].third_party_disclosures[0].legal_basis"
