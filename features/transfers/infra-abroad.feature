# language: fr
@rule:L0908-A43-INFRA-ABROAD
Fonctionnalité: L'hébergement, les sauvegardes, la supervision et les modèles à l'étranger figurent dans la déclaration
  L'article 15(e) de la loi 09-08 impose d'indiquer dans la déclaration les transferts envisagés vers des
  États étrangers. Un prestataire technique situé hors du Maroc (hébergement, sauvegarde, supervision,
  support, API de modèle) reçoit des données personnelles : c'est un transfert, qui doit être déclaré.
  Le fondement du transfert relève de la règle L0908-A43-TRANSFER-GROUND.

  Scénario: Un hébergeur allemand mentionné dans la déclaration est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Hébergeur européen
          service: hébergement et sauvegardes
          country: DE
      cndp:
        declared:
          transfers: [DE]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-INFRA-ABROAD" est "conforme"
    Et la trace cite le fait "derived.foreign_destinations[0].declared_to_cndp"

  Scénario: Un outil de supervision américain absent de la déclaration n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Hébergeur marocain
          country: MA
        - name: Monitoring SaaS
          service: supervision et journaux
          country: US
      cndp:
        declared:
          transfers: []
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-INFRA-ABROAD" est "non conforme"
    Et la gravité est "major"
    Et aucune exposition pénale n'est retenue
    Et un transfert vers "US" est à déclarer

  Scénario: Une API de modèle à l'étranger non déclarée n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors: []
      ai:
        inference:
          hosting_country: US
          prompts_contain_personal_data: true
      transfers:
        - country: US
          declared: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-INFRA-ABROAD" est "non conforme"

  Scénario: Un prestataire dont le pays n'est pas indiqué appelle la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Support externalisé
          service: support technique
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-INFRA-ABROAD" est "informations manquantes"
    Et la trace cite le fait "processors[0].country"
    Et une question porte sur "dans quel pays"

  Scénario: Sans le contenu de la déclaration, la mention du pays étranger est demandée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Cloud européen
          country: FR
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-INFRA-ABROAD" est "informations manquantes"
    Et une question porte sur "déclaration"

  Scénario: Une infrastructure entièrement marocaine est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Datacenter Rabat
          country: MA
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-INFRA-ABROAD" est "conforme"

  Scénario: Un projet sans prestataire ni service à l'étranger n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors: []
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-INFRA-ABROAD" est "non applicable"

  Scénario: Sans la liste des prestataires, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-INFRA-ABROAD" est "informations manquantes"
    Et la trace cite le fait "processors"
