# language: fr
@rule:L0908-AI-SCRAPING
Fonctionnalité: Le moissonnage de données personnelles est loyal, fondé, expurgé des données sensibles et porté à la connaissance des personnes
  Le moissonnage du web ou des réseaux sociaux est une collecte indirecte de données personnelles. La loi
  exige une collecte loyale et licite (article 3(1)(a)), un fondement de l'article 4, une autorisation pour
  les données sensibles (article 21) et l'information des personnes (article 5(3)) ou, à défaut, un avis
  motivé à la CNDP (article 6(b)). Une collecte déloyale relève de l'article 54.

  Scénario: Un moissonnage filtré, fondé et annoncé est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          sources: [web_scraping]
          legal_basis: legitimate_interest
          scraping_respects_optouts: true
          sensitive_data_excluded: true
      indirect_collection:
        exists: true
        info_plan: impossible
        cndp_notified_of_impossibility: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-SCRAPING" est "conforme"
    Et la trace cite le fait "indirect_collection.cndp_notified_of_impossibility"

  Scénario: Des profils de réseaux sociaux moissonnés sans filtrer les données sensibles ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          sources: [social_media]
          legal_basis: legitimate_interest
          scraping_respects_optouts: true
          sensitive_data_excluded: false
      indirect_collection:
        info_plan: at_recording
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-SCRAPING" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 54
    Et la trace cite le fait "ai.training.sensitive_data_excluded"

  Scénario: Un moissonnage dont personne n'est informé ni la CNDP avisée n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          sources: [web_scraping]
          legal_basis: legitimate_interest
          scraping_respects_optouts: true
          sensitive_data_excluded: true
      indirect_collection:
        info_plan: none
        cndp_notified_of_impossibility: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-SCRAPING" est "non conforme"
    Et la gravité est "major"

  Scénario: Un moissonnage qui ignore les refus des sites n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          sources: [web_scraping]
          legal_basis: legitimate_interest
          scraping_respects_optouts: false
          sensitive_data_excluded: true
      indirect_collection:
        info_plan: at_recording
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-SCRAPING" est "non conforme"
    Et la trace cite le fait "ai.training.scraping_respects_optouts"

  Scénario: Sans précision sur l'information des personnes, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          sources: [web_scraping]
          legal_basis: legitimate_interest
          scraping_respects_optouts: true
          sensitive_data_excluded: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-SCRAPING" est "informations manquantes"
    Et une question porte sur "informées"

  Scénario: Un corpus sans moissonnage n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        training:
          uses_personal_data: true
          sources: [first_party_customers, licensed_dataset]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-SCRAPING" est "non applicable"
