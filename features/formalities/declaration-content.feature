# language: fr
@rule:L0908-A15-DECLARATION-CONTENT
Fonctionnalité: La déclaration à la CNDP décrit le traitement réel, élément par élément, et est tenue à jour
  L'article 15 de la loi 09-08 fixe le contenu de la déclaration : responsable et représentant, finalités,
  catégories de personnes et de données, destinataires, transferts vers l'étranger, durée de conservation,
  service des droits, sécurité, interconnexions, cessions et sous-traitance. Toute modification est portée
  sans délai à la connaissance de la CNDP. Le contrôle compare ces éléments un à un avec le projet ; un nom
  qui diffère (destinataire, sous-traitant, responsable) appelle une question. Aucun article pénal ne vise une
  déclaration inexacte en tant que telle.

  Scénario: Une déclaration qui reprend chaque élément du projet est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        name: Atlas IA SARL
      processings:
        - id: support
          purposes: [Répondre aux questions des clients]
          data_categories: [contact, free_text_prompts]
          data_subjects: [customers]
          recipients: [service client]
          interconnects_files: false
          third_party_disclosures: []
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
          controller: Atlas IA SARL
          data_categories: [contact, free_text_prompts, identification]
          data_subjects: [customers]
          recipients: [Service client]
          transfers: [FR]
          processors: [Hébergeur]
          retention_days: 365
          rights_service: Service des droits, droits@atlas.ma
          security: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-CONTENT" est "conforme"
    Et la trace cite le fait "derived.undeclared_data_categories"

  Scénario: Une catégorie de données ajoutée sans modifier la déclaration n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact, voice_recording]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        changes_notified: true
        declared:
          data_categories: [contact]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-CONTENT" est "non conforme"
    Et la gravité est "major"
    Et aucune exposition pénale n'est retenue
    Et la trace cite le fait "derived.undeclared_data_categories"

  Scénario: Une catégorie de personnes absente de la déclaration n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact]
          data_subjects: [customers, minors]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        declared:
          data_categories: [contact]
          data_subjects: [customers]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-CONTENT" est "non conforme"
    Et la trace cite le fait "derived.undeclared_data_subjects"

  Scénario: Des changements non notifiés à la CNDP ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        changes_notified: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-CONTENT" est "non conforme"
    Et la trace cite le fait "cndp.changes_notified"

  Scénario: Des cessions à des tiers non mentionnées dans la déclaration ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: partage
          third_party_disclosures:
            - recipient: Partenaire
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        declared:
          cessions: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-CONTENT" est "non conforme"
    Et la trace cite le fait "cndp.declared.cessions"

  Scénario: Un sous-traitant dont le nom diffère de la déclaration appelle une question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Nuage Maroc
          country: MA
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        declared:
          processors: [Maroc Cloud Services]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-CONTENT" est "informations manquantes"
    Et la trace cite le fait "derived.undeclared_processors"
    Et une question porte sur "sous un autre nom"

  Scénario: Un sous-traitant à l'étranger non déclaré n'échoue qu'une fois, dans la règle de l'infrastructure
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Monitoring SaaS
          country: US
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        declared:
          transfers: []
          processors: [Monitoring SaaS]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-CONTENT" est "informations manquantes"
    Et la vérification "L0908-A43-INFRA-ABROAD" est "non conforme"

  Scénario: Sans formalité accomplie, il n'y a pas de contenu à comparer
    Soit un projet décrit par :
      """
      processes_personal_data: true
      cndp:
        formality: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-CONTENT" est "non applicable"

  Scénario: Sans le contenu de la déclaration, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-CONTENT" est "informations manquantes"
    Et une question porte sur "déclaration déposée"

  Scénario: Un représentant au Maroc absent de la déclaration appelle la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        name: Atlas AI Ltd
        established_in_morocco: false
        representative_in_morocco: {name: Cabinet Benali, notified_to_cndp: true}
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
        declared:
          controller: Atlas AI Ltd
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A15-DECLARATION-CONTENT" est "informations manquantes"
    Et la trace cite le fait "derived.declared_representative_matches"
