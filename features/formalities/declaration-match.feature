# language: fr
@rule:L0908-A15-DECLARATION-MATCH
Fonctionnalité: La déclaration à la CNDP correspond au traitement réel et est tenue à jour
  L'article 15 de la loi 09-08 fixe le contenu de la déclaration : finalités, catégories de données et de
  personnes, destinataires, transferts vers l'étranger, durée de conservation, sécurité, interconnexions et
  sous-traitance. Toute modification de ces éléments est portée sans délai à la connaissance de la CNDP. Le
  contrôle compare les catégories de données, les pays de destination et la présence de sous-traitants à la
  déclaration, et demande si les changements ont été notifiés. Traiter au-delà de ce qui a été déclaré expose
  à l'article 54.

  Scénario: Une déclaration qui reprend les données, les transferts et les sous-traitants du projet est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact, free_text_prompts]
      processors:
        - name: Hébergeur
          country: FR
      transfers:
        - country: FR
          mechanism: adequacy_list
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        changes_notified: true
        declared:
          data_categories: [contact, free_text_prompts, identification]
          transfers: [FR]
          processors: [Hébergeur]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-MATCH" est "conforme"
    Et la trace cite le fait "cndp.changes_notified"

  Scénario: Un nouveau fournisseur de modèle aux États-Unis absent de la déclaration n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact, free_text_prompts]
      processors:
        - name: Fournisseur LLM
          country: US
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        changes_notified: true
        declared:
          data_categories: [contact, free_text_prompts]
          transfers: []
          processors: [Fournisseur LLM]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-MATCH" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 54
    Et la trace cite le fait "derived.foreign_destinations[0].declared_to_cndp"

  Scénario: Une catégorie de données ajoutée sans modifier la déclaration n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact, voice_recording]
      processors: []
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        changes_notified: true
        declared:
          data_categories: [contact]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-MATCH" est "non conforme"
    Et la trace cite le fait "cndp.declared.data_categories"

  Scénario: Des changements non notifiés à la CNDP ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact]
      processors: []
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        changes_notified: false
        declared:
          data_categories: [contact]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-MATCH" est "non conforme"

  Scénario: Sans formalité accomplie, il n'y a pas de déclaration à comparer
    Soit un projet décrit par :
      """
      processes_personal_data: true
      cndp:
        formality: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-MATCH" est "non applicable"

  Scénario: Sans le contenu de la déclaration, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact]
      processors: []
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        changes_notified: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-MATCH" est "informations manquantes"
    Et une question porte sur "déclaration déposée"

  Scénario: Sans savoir si les changements ont été notifiés, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact]
      processors: []
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        declared:
          data_categories: [contact]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-MATCH" est "informations manquantes"
    Et une question porte sur "notifié"
