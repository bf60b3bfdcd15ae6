# language: fr
@rule:L0908-A43-FOREIGN-LLM-API
Fonctionnalité: Un modèle d'IA appelé à l'étranger est traité comme un transfert de données
  Pour la loi 09-08, envoyer des prompts contenant des données personnelles à une API de modèle hébergée
  hors du Maroc est un transfert à l'étranger : il faut un fondement des articles 43 ou 44, une mention dans
  la déclaration (article 15(e)) et, pour un pays de la liste de la CNDP, une notification (décret, article 46).
  Un modèle auto-hébergé ou des prompts expurgés avant l'appel ne sont pas concernés.

  Scénario: Une API hébergée en France, déclarée et notifiée, est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          provider: Mistral AI
          provider_country: FR
          hosting_country: FR
          prompts_contain_personal_data: true
      transfers:
        - country: FR
          mechanism: adequacy_list
          notified_to_cndp: true
          declared: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-FOREIGN-LLM-API" est "conforme"
    Et la trace cite le fait "derived.foreign_destinations[0].notified_to_cndp"

  Scénario: Un point de terminaison au Maroc n'est pas un transfert
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          provider: Fournisseur américain
          provider_country: US
          hosting_country: MA
          prompts_contain_personal_data: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-FOREIGN-LLM-API" est "conforme"
    Et la trace cite le fait "ai.inference.hosting_country"

  Scénario: Des prompts personnels envoyés à une API américaine sans fondement ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          provider: Fournisseur américain
          provider_country: US
          prompts_contain_personal_data: true
      transfers: []
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-FOREIGN-LLM-API" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 60
    Et un transfert vers "US" est à déclarer

  Scénario: Une API dans un pays de la liste déclarée non notifiée appelle la notification sans échouer
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          hosting_country: IE
          prompts_contain_personal_data: true
      transfers:
        - country: IE
          mechanism: adequacy_list
          notified_to_cndp: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-FOREIGN-LLM-API" est "informations manquantes"
    Et la gravité est "major"

  Scénario: Une API dans un pays de la liste sans notification connue appelle la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          hosting_country: NL
          prompts_contain_personal_data: true
      transfers: []
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-FOREIGN-LLM-API" est "informations manquantes"
    Et une question porte sur "notifié à la CNDP"

  Scénario: Un pays d'hébergement inconnu ne permet pas de conclure
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          provider: Fournisseur inconnu
          prompts_contain_personal_data: true
      transfers: []
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-FOREIGN-LLM-API" est "informations manquantes"
    Et la trace cite le fait "ai.inference.hosting_country"
    Et une question porte sur "dans quel pays"

  Scénario: Sans savoir si les prompts contiennent des données personnelles, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          hosting_country: US
      transfers: []
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A43-FOREIGN-LLM-API" est "informations manquantes"
    Et la trace cite le fait "ai.inference.prompts_contain_personal_data"

  Plan du scénario: Un modèle auto-hébergé ou des prompts sans données personnelles ne sont pas concernés
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          hosting_country: US
      transfers: []
      """
    Et le fait "ai.inference.self_hosted" vaut <auto_hébergé>
    Et le fait "ai.inference.prompts_contain_personal_data" vaut <prompts_personnels>
    Et le fait "ai.inference.pii_redaction_before_call" vaut <expurgation>
    Quand le projet est évalué
    Alors la vérification "L0908-A43-FOREIGN-LLM-API" est "<résultat>"

    Exemples:
      | auto_hébergé | prompts_personnels | expurgation | résultat       |
      | true         | true               | false       | non applicable |
      | false        | false              | false       | non applicable |
      | false        | true               | true        | non applicable |
      | false        | true               | false       | non conforme   |
