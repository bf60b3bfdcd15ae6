# language: fr
@rule:L0908-A23-PROCESSOR-CONTRACT
Fonctionnalité: Chaque sous-traitant est lié par un contrat écrit (instructions du responsable et sécurité)
  L'article 23(2) à (4) de la loi 09-08 impose de choisir un sous-traitant offrant des garanties suffisantes
  et de régir la sous-traitance par un contrat ou un acte juridique écrit, qui prévoit que le sous-traitant
  n'agit que sur instruction du responsable et qu'il est tenu aux mêmes obligations de sécurité ; l'article 25
  le confirme. Hébergeurs, API de modèles, prestataires d'annotation et d'analyse sont des sous-traitants.

  Scénario: Un hébergeur et une API de modèle couverts par des contrats écrits sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Hébergeur
          written_contract: true
          due_diligence_date: 2025-02-01
          instructions_only: true
          security_obligations: true
      ai:
        inference:
          provider: Mistral AI
          self_hosted: false
          dpa_signed: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-PROCESSOR-CONTRACT" est "conforme"
    Et la trace cite le fait "ai.inference.dpa_signed"

  Scénario: Un prestataire d'annotation sans contrat écrit n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Hébergeur
          written_contract: true
          instructions_only: true
          security_obligations: true
        - name: Annotation
          written_contract: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-PROCESSOR-CONTRACT" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 58
    Et la trace cite le fait "processors[1].written_contract"

  Scénario: Une API de modèle appelée sans accord de traitement des données n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors: []
      ai:
        inference:
          provider: Fournisseur LLM
          self_hosted: false
          dpa_signed: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-PROCESSOR-CONTRACT" est "non conforme"

  Scénario: Un projet entièrement interne, sans sous-traitant, n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors: []
      ai:
        inference:
          provider: Modèle interne
          self_hosted: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-PROCESSOR-CONTRACT" est "non applicable"

  Scénario: Sans la liste des sous-traitants, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-PROCESSOR-CONTRACT" est "informations manquantes"
    Et une question porte sur "sous-traitants"

  Scénario: Un contrat dont on ignore s'il prévoit l'action sur instruction appelle une question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Hébergeur
          written_contract: true
          security_obligations: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-PROCESSOR-CONTRACT" est "informations manquantes"
    Et la trace cite le fait "processors[0].instructions_only"

  Scénario: Sans date de vérification des garanties du sous-traitant, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Hébergeur
          written_contract: true
          instructions_only: true
          security_obligations: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-PROCESSOR-CONTRACT" est "informations manquantes"
    Et la trace cite le fait "processors[0].due_diligence_date"
