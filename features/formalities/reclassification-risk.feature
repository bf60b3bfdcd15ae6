# language: fr
@rule:L0908-A20-RECLASSIFICATION-RISK
Fonctionnalité: Un projet d'IA à risque déclaré se prépare à un passage au régime de l'autorisation
  Selon l'article 20 de la loi 09-08, lorsque la CNDP estime qu'un traitement déclaré présente des dangers
  manifestes pour la vie privée et les libertés, elle peut le soumettre à l'autorisation préalable par une
  décision motivée notifiée dans les huit jours du dépôt. Cette obligation pèse sur la CNDP, non sur le
  responsable : le contrôle est une recommandation de bonne pratique, qui ne conclut jamais à une
  non-conformité. Il conseille aux projets de profilage, d'entraînement sur des données personnelles, à grande
  échelle ou visant des mineurs de préparer un dossier du niveau d'une demande d'autorisation.

  Scénario: Un modèle de profilage déclaré avec une analyse de risques datée suit la recommandation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        exists: true
        profiling: true
      cndp:
        formality: declaration
      security:
        risk_assessment_date: 2025-02-01
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A20-RECLASSIFICATION-RISK" est "conforme"
    Et la trace cite le fait "security.risk_assessment_date"

  Scénario: Un entraînement sur données personnelles déclaré sans analyse de risques reçoit une recommandation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A20-RECLASSIFICATION-RISK" est "recommandation"
    Et la gravité est "info"

  Scénario: Un projet déjà sous autorisation n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      automated_decisions:
        profiling: true
      cndp:
        formality: authorisation
        authorisation_number: A-406/2020
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A20-RECLASSIFICATION-RISK" est "non applicable"

  Scénario: Un petit service déclaré, sans profilage ni entraînement ni mineurs, n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: bookings
          data_subjects: [customers]
          estimated_data_subjects: 2000
      automated_decisions:
        profiling: false
        effect: none
      ai:
        training:
          uses_personal_data: false
      cndp:
        formality: declaration
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A20-RECLASSIFICATION-RISK" est "non applicable"

  Scénario: Sans indication sur le profilage ni l'échelle, la recommandation pose la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      cndp:
        formality: declaration
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A20-RECLASSIFICATION-RISK" est "recommandation"
    Et une question porte sur "profilage"
