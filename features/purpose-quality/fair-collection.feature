# language: fr
@rule:L0908-A03-FAIR-COLLECTION
Fonctionnalité: Aucune donnée n'est collectée à l'insu des personnes
  L'article 3(1)(a) de la loi 09-08 exige une collecte loyale et licite. Un traceur caché ou un
  enregistrement dont la personne n'est pas avertie est une collecte déloyale, punie par l'article 54.

  Scénario: Des points de collecte tous connus des personnes sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          collection_channels:
            - {channel: application mobile, online: true, disclosed_to_person: true}
            - {channel: centre d'appels, online: false, disclosed_to_person: true}
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-FAIR-COLLECTION" est "conforme"

  Scénario: Un enregistrement des appels dont les personnes ne sont pas averties n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          collection_channels:
            - {channel: enregistrement des appels, online: false, disclosed_to_person: false}
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-FAIR-COLLECTION" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 54
    Et la trace cite le fait "processings[0].collection_channels[0].disclosed_to_person"

  Scénario: Sans point de collecte décrit, la règle n'est pas concernée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-FAIR-COLLECTION" est "non applicable"

  Scénario: Sans savoir si la personne connaît le point de collecte, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          collection_channels:
            - {channel: site web, online: true}
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-FAIR-COLLECTION" est "informations manquantes"
