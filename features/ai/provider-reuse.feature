# language: fr
@rule:L0908-AI-PROVIDER-REUSE
Fonctionnalité: Le fournisseur du modèle ne réutilise pas les prompts pour ses propres fins sans le consentement des personnes
  Un sous-traitant n'agit que sur instruction du responsable (article 25). Un fournisseur d'API qui entraîne
  ses modèles sur les prompts reçoit les données pour ses propres fins : c'est une communication à un tiers,
  soumise au consentement préalable des personnes par l'article 4, et une finalité incompatible au sens de
  l'article 3(1)(b). L'article 56 punit le traitement contraire à l'article 4.

  Scénario: Un fournisseur contractuellement exclu de l'entraînement est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          provider: Mistral AI
          hosting_country: FR
          prompts_contain_personal_data: true
          provider_trains_on_inputs: false
          zero_data_retention: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROVIDER-REUSE" est "conforme"
    Et la trace cite le fait "ai.inference.provider_trains_on_inputs"

  Scénario: Un fournisseur qui entraîne sur les prompts sans consentement n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          provider: Fournisseur grand public
          hosting_country: US
          prompts_contain_personal_data: true
          provider_trains_on_inputs: true
          provider_training_consent: false
          provider_reuse_legal_basis: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROVIDER-REUSE" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 56

  Scénario: Une réutilisation par le fournisseur sans réponse sur le consentement appelle la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          hosting_country: MA
          prompts_contain_personal_data: true
          provider_trains_on_inputs: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROVIDER-REUSE" est "informations manquantes"
    Et une question porte sur "consenti"

  Scénario: Des prompts expurgés avant l'appel ne sont pas concernés
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          hosting_country: US
          prompts_contain_personal_data: true
          pii_redaction_before_call: true
          provider_trains_on_inputs: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROVIDER-REUSE" est "non applicable"

  Scénario: Sans savoir si le fournisseur réutilise les prompts, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          provider: Fournisseur
          prompts_contain_personal_data: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROVIDER-REUSE" est "informations manquantes"
    Et la trace cite le fait "ai.inference.provider_training_consent"

  Scénario: Sans consentement mais sur un fondement de l'article 4 documenté, la réutilisation est à confirmer
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          provider: Fournisseur
          hosting_country: FR
          prompts_contain_personal_data: true
          provider_trains_on_inputs: true
          provider_training_consent: false
          provider_reuse_legal_basis: legitimate_interest
          provider_reuse_purpose_linked: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROVIDER-REUSE" est "informations manquantes"
    Et la trace cite le fait "ai.inference.provider_reuse_exception_confirmed"
    Et une question porte sur "confirmé par écrit"

  Scénario: Un fondement documenté et confirmé par écrit rend la réutilisation conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          provider: Fournisseur
          hosting_country: FR
          prompts_contain_personal_data: true
          provider_trains_on_inputs: true
          provider_training_consent: false
          provider_reuse_legal_basis: contract
          provider_reuse_purpose_linked: true
          provider_reuse_exception_confirmed: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROVIDER-REUSE" est "conforme"

  Scénario: Une réutilisation sans fondement déclaré (« none ») n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          provider: Fournisseur
          hosting_country: FR
          prompts_contain_personal_data: true
          provider_trains_on_inputs: true
          provider_training_consent: false
          provider_reuse_legal_basis: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROVIDER-REUSE" est "non conforme"
    Et la trace cite le fait "ai.inference.provider_reuse_legal_basis"

  Scénario: Une réutilisation consentie mais sans lien avec les fonctions des deux parties n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        inference:
          provider: Fournisseur
          hosting_country: FR
          prompts_contain_personal_data: true
          provider_trains_on_inputs: true
          provider_training_consent: true
          provider_reuse_purpose_linked: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-PROVIDER-REUSE" est "non conforme"
    Et la trace cite le fait "ai.inference.provider_reuse_purpose_linked"
