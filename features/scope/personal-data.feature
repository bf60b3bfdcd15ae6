# language: fr
@rule:L0908-A01-PERSONAL-DATA
Fonctionnalité: Les données à caractère personnel du projet sont correctement identifiées
  L'article 1 de la loi 09-08 définit la donnée à caractère personnel comme toute information, quels que
  soient sa nature et son support, y compris le son et l'image, se rapportant à une personne identifiable.
  La voix, les photos, les identifiants et les messages saisis dans un agent conversationnel en font partie.
  Un projet qui se dit hors champ tout en collectant de telles données est mal délimité : aucune autre
  vérification ne peut alors le protéger. La vérification ne s'applique jamais « à vide » : elle est
  conforme, non conforme ou demande l'information.

  Scénario: Un agent conversationnel qui déclare ses données et leurs catégories est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact, free_text_prompts]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A01-PERSONAL-DATA" est "conforme"
    Et la trace cite le fait "processes_personal_data"

  Scénario: Un outil sans aucune donnée personnelle qui le déclare est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: false
      ai:
        training:
          uses_personal_data: false
        logging:
          prompts_logged: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A01-PERSONAL-DATA" est "conforme"

  Plan du scénario: Un projet qui se dit hors champ mais collecte la voix, des images ou des identifiants n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Et le fait "<fait>" vaut <valeur>
    Quand le projet est évalué
    Alors la vérification "L0908-A01-PERSONAL-DATA" est "non conforme"
    Et la gravité est "blocker"
    Et la trace cite le fait "<trace>"

    Exemples:
      | fait                                  | valeur                        | trace                                 |
      | processings[0].data_categories        | [voice_recording]             | derived.data_categories               |
      | processings[0].data_categories        | [image, online_identifier]    | derived.data_categories               |
      | ai.voice.collects_voice               | true                          | ai.voice.collects_voice               |
      | ai.training.uses_personal_data        | true                          | ai.training.uses_personal_data        |
      | ai.inference.prompts_contain_personal_data | true                     | ai.inference.prompts_contain_personal_data |

  Scénario: Des requêtes d'utilisateurs journalisées sans caviardage contredisent une déclaration hors champ
    Soit un projet décrit par :
      """
      processes_personal_data: false
      ai:
        logging:
          prompts_logged: true
          pii_redaction: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A01-PERSONAL-DATA" est "non conforme"
    Et la gravité est "blocker"
    Et la trace cite le fait "ai.logging.pii_redaction"

  Scénario: Des requêtes journalisées dont on ignore si elles sont caviardées laissent la question ouverte
    Soit un projet décrit par :
      """
      processes_personal_data: false
      ai:
        logging:
          prompts_logged: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A01-PERSONAL-DATA" est "informations manquantes"
    Et une question porte sur "caviardage"

  Scénario: Un projet qui déclare traiter des données sans en lister aucune catégorie n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: crm
          data_categories: []
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A01-PERSONAL-DATA" est "non conforme"
    Et la gravité est "major"

  Scénario: Sans indication sur la présence de données personnelles, la question est posée
    Soit un projet décrit par :
      """
      processings:
        - id: support
          data_categories: [contact]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A01-PERSONAL-DATA" est "informations manquantes"
    Et une question porte sur "personnes identifiables"

  Scénario: Un projet qui traite des données sans préciser leurs catégories doit les indiquer
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A01-PERSONAL-DATA" est "informations manquantes"
    Et une question porte sur "catégories de données"
