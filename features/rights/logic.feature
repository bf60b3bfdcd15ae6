# language: fr
@rule:L0908-A07-LOGIC
Fonctionnalité: La logique du traitement automatisé peut être expliquée à la personne
  L'article 7(c) de la loi 09-08 inclut dans le droit d'accès la connaissance de la logique qui sous-tend tout
  traitement automatisé des données de la personne. Le communiqué de la CNDP du 18 mars 2025 sur l'IA insiste
  sur la transparence et la lisibilité, surtout pour les décisions automatisées. Un système d'IA qui traite
  des données personnelles doit donc pouvoir être expliqué simplement ; l'anomalie est majeure quand il prend
  ou oriente des décisions sur les personnes, mineure sinon. L'impossibilité d'expliquer revient à refuser
  une partie du droit d'accès, ce qui expose à l'article 53.

  Scénario: Un outil de pré-sélection de candidatures qui sait expliquer ses résultats est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        effect: similarly_significant
      rights:
        logic_explanation_available: true
      ai:
        explanation_method: facteurs déterminants par candidat
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A07-LOGIC" est "conforme"
    Et la trace cite le fait "rights.logic_explanation_available"

  Scénario: Un score de crédit automatisé sans explication possible n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        effect: legal
      rights:
        logic_explanation_available: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A07-LOGIC" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 53

  Scénario: Un assistant qui ne décide rien mais traite des requêtes personnelles sans explication est une anomalie mineure
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: false
      ai:
        inference:
          prompts_contain_personal_data: true
      rights:
        logic_explanation_available: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A07-LOGIC" est "non conforme"
    Et la gravité est "minor"
    Et la trace cite le fait "derived.ai_uses_personal_data"

  Scénario: Sans décision automatisée ni IA alimentée par des données personnelles, la vérification ne s'applique pas
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: false
      ai:
        training:
          uses_personal_data: false
        inference:
          prompts_contain_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A07-LOGIC" est "non applicable"

  Scénario: Sans savoir si la logique peut être expliquée, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A07-LOGIC" est "informations manquantes"
    Et une question porte sur "logique du traitement automatisé"
