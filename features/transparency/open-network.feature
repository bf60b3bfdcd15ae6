# language: fr
@rule:L0908-A05-OPEN-NETWORK
Fonctionnalité: La collecte en ligne avertit des risques des réseaux ouverts
  L'article 5(4) de la loi 09-08 exige que la personne dont les données sont recueillies sur un réseau ouvert,
  comme internet, soit avertie (sauf si elle le sait déjà) que ses données peuvent y circuler sans garantie
  de sécurité et être lues ou utilisées par des tiers non autorisés. La vérification porte sur les canaux de
  collecte en ligne : site, application, agent conversationnel, messagerie.

  Scénario: Un agent conversationnel web dont la notice contient l'avertissement est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          collection_channels:
            - channel: chatbot web
              online: true
      information_notice:
        includes: [controller_identity, purposes, open_network_warning]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-OPEN-NETWORK" est "conforme"
    Et la trace cite le fait "processings[].collection_channels[0].online"

  Scénario: Une application mobile sans avertissement sur les réseaux ouverts n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: inscription
          collection_channels:
            - channel: guichet
              online: false
            - channel: application mobile
              online: true
      information_notice:
        includes: [controller_identity, purposes]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-OPEN-NETWORK" est "non conforme"
    Et la gravité est "minor"
    Et la trace cite le fait "information_notice.includes"

  Scénario: Une collecte uniquement hors ligne n'est pas concernée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: accueil
          collection_channels:
            - channel: formulaire papier
              online: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-OPEN-NETWORK" est "non applicable"

  Scénario: Sans les canaux de collecte, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-OPEN-NETWORK" est "informations manquantes"
    Et une question porte sur "collectées en ligne"

  Scénario: Une collecte en ligne sans aucune notice manque forcément l'avertissement
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: prospects
          collection_channels:
            - channel: formulaire web
              online: true
      information_notice:
        exists: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-OPEN-NETWORK" est "non conforme"
    Et la trace cite le fait "information_notice.exists"
