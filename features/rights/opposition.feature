# language: fr
@rule:L0908-A09-OPPOSITION
Fonctionnalité: Les personnes peuvent s'opposer au traitement pour des motifs légitimes
  L'article 9 de la loi 09-08 permet à toute personne qui justifie de son identité de s'opposer, pour des
  motifs légitimes, au traitement de ses données, sauf si le traitement répond à une obligation légale ou si
  l'acte qui l'autorise écarte ce droit. Le responsable doit offrir un moyen de s'opposer ; un refus expose à
  l'article 53. L'opposition à la prospection, gratuite et sans motif, est vérifiée à part.

  Scénario: Un canal d'opposition annoncé est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      rights:
        opposition_channel: opposition@exemple.ma
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A09-OPPOSITION" est "conforme"
    Et la trace cite le fait "rights.opposition_channel"

  Scénario: Un service fondé sur le consentement sans aucun canal d'opposition n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: assistant
          legal_basis: consent
      rights:
        opposition_channel: aucun
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A09-OPPOSITION" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 53
    Et la trace cite le fait "processings[0].legal_basis"

  Scénario: Un traitement imposé par la loi écarte le droit d'opposition
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: declarations-fiscales
          legal_basis: legal_obligation
      rights:
        opposition_channel: aucun
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A09-OPPOSITION" est "conforme"

  Scénario: Un projet sans données personnelles n'est pas concerné par l'opposition
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A09-OPPOSITION" est "non applicable"

  Scénario: Sans canal d'opposition connu, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: assistant
          legal_basis: contract
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A09-OPPOSITION" est "informations manquantes"
    Et une question porte sur "s'opposer au traitement"

  Scénario: Un projet qui déclare n'offrir aucun canal d'opposition n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: assistant
          legal_basis: contract
      rights:
        opposition_channel_offered: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A09-OPPOSITION" est "non conforme"
    Et la trace cite le fait "rights.opposition_channel_offered"
    Et l'exposition pénale renvoie à l'article 53
