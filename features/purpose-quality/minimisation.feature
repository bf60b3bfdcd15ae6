# language: fr
@rule:L0908-A03-MINIMISATION
Fonctionnalité: Les données collectées sont adéquates, pertinentes et non excessives au regard des finalités
  L'article 3(1)(c) de la loi 09-08 exige des données adéquates, pertinentes et non excessives au regard
  des finalités, et l'article 3(3) charge le responsable du traitement d'y veiller. Chaque catégorie de
  données doit être rattachée à une finalité qui la requiert. Le numéro de CIN, la biométrie ou des données
  sensibles non justifiés sont un manquement ; pour les autres données, l'absence de justification appelle
  une question. La collecte de données excessives est sanctionnée par l'article 54.

  Scénario: Des catégories toutes justifiées sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          purposes: [Répondre aux questions des clients]
          data_categories: [contact, free_text_prompts]
          data_categories_justified: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-MINIMISATION" est "conforme"
    Et la trace cite le fait "processings[0].data_categories_justified"

  Plan du scénario: Le numéro de CIN, la biométrie ou des données sensibles non justifiés ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: newsletter
          purposes: [Envoyer la lettre d'information mensuelle]
          data_categories_justified: false
      """
    Et le fait "processings[0].data_categories" vaut <catégories>
    Quand le projet est évalué
    Alors la vérification "L0908-A03-MINIMISATION" est "non conforme"
    Et la gravité est "<gravité>"
    Et l'exposition pénale renvoie à l'article 54

    Exemples:
      | catégories                | gravité |
      | [contact, cin_number]     | major   |
      | [contact, face_template]  | major   |
      | [contact, health]         | major   |

  Scénario: Des données ordinaires non justifiées appellent la question de leur nécessité
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: newsletter
          purposes: [Envoyer la lettre d'information mensuelle]
          data_categories: [contact, location]
          data_categories_justified: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-MINIMISATION" est "informations manquantes"
    Et la trace cite le fait "processings[0].data_categories_justified"

  Scénario: Sans données personnelles, la minimisation n'est pas examinée
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-MINIMISATION" est "non applicable"

  Scénario: Sans justification des catégories, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: kyc
          data_categories: [identification, cin_number]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-MINIMISATION" est "informations manquantes"
    Et une question porte sur "nécessaire à une finalité"
