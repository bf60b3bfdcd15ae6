# language: fr
@rule:L0908-A15-DECLARATION-MATCH
Fonctionnalité: Le traitement ne poursuit que les finalités déclarées à la CNDP
  L'article 15(b) de la loi 09-08 impose d'indiquer dans la déclaration les finalités du traitement, et toute
  modification est portée sans délai à la connaissance de la CNDP. L'article 54 punit le traitement à des fins
  autres que celles déclarées ou autorisées. Le contrôle compare chaque finalité des traitements à celles de
  la déclaration ; une formulation différente appelle une question, sauf si le projet indique lui-même que
  ses changements n'ont pas été notifiés. Les autres éléments de la déclaration relèvent de la règle
  L0908-A15-DECLARATION-CONTENT.

  Scénario: Des finalités toutes reprises dans la déclaration sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          purposes: [Répondre aux questions des clients]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        declared:
          purposes: ["répondre aux questions des clients."]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-MATCH" est "conforme"
    Et la trace cite le fait "derived.undeclared_purposes"

  Scénario: Une nouvelle finalité absente de la déclaration, changements non notifiés, n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          purposes: [Répondre aux questions des clients, Noter les clients pour la prospection]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        changes_notified: false
        declared:
          purposes: [Répondre aux questions des clients]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-MATCH" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 54
    Et la trace cite le fait "cndp.changes_notified"

  Scénario: Une finalité formulée autrement que dans la déclaration appelle une question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          purposes: [Assistance aux clients par messagerie]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        changes_notified: true
        declared:
          purposes: [Répondre aux questions des clients]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-MATCH" est "informations manquantes"
    Et une question porte sur "autre formulation"

  Scénario: Un fournisseur américain absent de la déclaration ne relève pas des finalités (art. 54)
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          purposes: [Répondre aux questions des clients]
      processors:
        - name: Fournisseur LLM
          country: US
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        changes_notified: true
        declared:
          purposes: [Répondre aux questions des clients]
          transfers: []
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-MATCH" est "conforme"
    Et la vérification "L0908-A43-INFRA-ABROAD" est "non conforme"
    Et aucune exposition pénale n'est retenue

  Scénario: Sans formalité accomplie, il n'y a pas de déclaration à comparer
    Soit un projet décrit par :
      """
      processes_personal_data: true
      cndp:
        formality: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-MATCH" est "non applicable"

  Scénario: Sans les finalités de la déclaration, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          purposes: [Répondre aux questions des clients]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-MATCH" est "informations manquantes"
    Et une question porte sur "déclaration déposée"
