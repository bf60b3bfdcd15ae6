# language: fr
@rule:L0908-A03-PURPOSE
Fonctionnalité: Chaque traitement poursuit des finalités déterminées, explicites et légitimes
  L'article 3(1)(b) de la loi 09-08 exige que les données soient collectées pour des finalités déterminées,
  explicites et légitimes. Un traitement sans finalité n'est pas conforme et expose à l'article 54. Une
  formule générale employée seule (« améliorer nos services », « à des fins commerciales ») ne suffit pas à
  déterminer la finalité : la vérification demande alors une description concrète au lieu de conclure.

  Scénario: Un agent conversationnel aux finalités concrètes est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          purposes:
            - Répondre aux questions des clients sur leurs commandes
            - Transmettre les réclamations non résolues au service client
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-PURPOSE" est "conforme"
    Et la trace cite le fait "processings[0].purposes[0].value"

  Scénario: Une formule générale accompagnée d'une finalité concrète est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: scoring
          purposes:
            - Improve our services
            - Detect card-payment fraud before authorisation
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-PURPOSE" est "conforme"

  Scénario: Un traitement sans aucune finalité n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          purposes: [Répondre aux questions des clients]
        - id: datalake
          purposes: []
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-PURPOSE" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 54
    Et la trace cite le fait "processings[1].purposes"

  Plan du scénario: Une finalité réduite à une formule générale appelle une description concrète
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: analytics
      """
    Et le fait "processings[0].purposes" vaut [<finalité>]
    Quand le projet est évalué
    Alors la vérification "L0908-A03-PURPOSE" est "informations manquantes"
    Et une question porte sur "décrivez concrètement"

    Exemples:
      | finalité                           |
      | Improve our services               |
      | Améliorer l'expérience utilisateur |
      | À des fins commerciales            |
      | Legitimate business purposes       |

  Plan du scénario: La description concrète tranche lorsque les finalités sont générales
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: analytics
          purposes: [Améliorer nos services]
      """
    Et le fait "processings[0].purpose_description" vaut <description>
    Quand le projet est évalué
    Alors la vérification "L0908-A03-PURPOSE" est "<résultat>"

    Exemples:
      | description                                                                        | résultat     |
      | "Mesurer les temps de réponse du chatbot par intention pour corriger les réponses" | conforme     |
      | "Améliorer nos services"                                                           | non conforme |

  Scénario: Sans données personnelles, la finalité n'est pas examinée
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-PURPOSE" est "non applicable"

  Scénario: Sans les finalités d'un traitement, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-PURPOSE" est "informations manquantes"
    Et une question porte sur "finalités de chaque traitement"
