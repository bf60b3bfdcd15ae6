# language: fr
@rule:L0908-A24-SENSITIVE-CONTROLS
Fonctionnalité: Les données sensibles et de santé bénéficient des huit mesures de sécurité de l'art. 24
  L'article 24 de la loi 09-08 impose au responsable qui traite des données sensibles ou de santé huit
  mesures : contrôle de l'accès aux locaux, des supports, de la saisie, de l'utilisation des systèmes au moyen
  d'équipements de transmission, de l'accès réservé aux personnes autorisées, des destinataires des
  transmissions, journalisation a posteriori de qui a introduit quoi et quand, et protection lors du
  transport. La CNDP peut dispenser de certaines d'entre elles. Le défaut de sécurité expose à l'article 58.

  Scénario: Une plateforme de santé qui applique les huit mesures est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: records
          data_categories: [health]
      security:
        physical_controls: true
        media_controls: true
        input_controls: true
        use_controls: true
        access_control: true
        transmission_controls: true
        access_logging: true
        transport_controls: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A24-SENSITIVE-CONTROLS" est "conforme"

  Scénario: Des données de santé sans journalisation des accès ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: records
          data_categories: [health]
      security:
        physical_controls: true
        media_controls: true
        input_controls: true
        use_controls: true
        access_control: true
        transmission_controls: true
        access_logging: false
        transport_controls: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A24-SENSITIVE-CONTROLS" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 58
    Et la trace cite le fait "security.access_logging"

  Scénario: Il manque seulement le contrôle du transport des supports : anomalie mineure
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: union-members
          data_categories: [trade_union]
      security:
        physical_controls: true
        media_controls: true
        input_controls: true
        use_controls: true
        access_control: true
        transmission_controls: true
        access_logging: true
        transport_controls: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A24-SENSITIVE-CONTROLS" est "non conforme"
    Et la gravité est "minor"

  Scénario: Un projet sans données sensibles n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A24-SENSITIVE-CONTROLS" est "non applicable"

  Scénario: Sans la description des mesures, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: records
          data_categories: [genetic]
      security:
        access_control: true
        access_logging: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A24-SENSITIVE-CONTROLS" est "informations manquantes"
    Et une question porte sur "huit mesures"
