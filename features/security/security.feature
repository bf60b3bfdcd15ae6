# language: fr
@rule:L0908-A23-SECURITY
Fonctionnalité: Des mesures techniques et organisationnelles de base protègent les données
  L'article 23(1) de la loi 09-08 demande des mesures techniques et organisationnelles appropriées contre la
  destruction, la perte, l'altération, la diffusion ou l'accès non autorisés, notamment pour les
  transmissions sur un réseau, selon l'état de l'art, le coût, les risques et la nature des données. Le
  contrôle retient un socle minimal : contrôle d'accès, chiffrement des échanges, sauvegardes. L'absence de
  mesures de sécurité expose à l'article 58.

  Scénario: Un service avec contrôle d'accès, TLS et sauvegardes testées est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      security:
        access_control: true
        encryption_in_transit: true
        backups: true
        risk_assessment_date: 2025-09-01
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-SECURITY" est "conforme"
    Et la trace cite le fait "security.encryption_in_transit"

  Plan du scénario: Une mesure de base absente parmi d'autres mesures appelle une question, pas un échec
    Soit un projet décrit par :
      """
      processes_personal_data: true
      security:
        access_control: true
        encryption_in_transit: true
        backups: true
      """
    Et le fait "<mesure>" vaut false
    Quand le projet est évalué
    Alors la vérification "L0908-A23-SECURITY" est "informations manquantes"
    Et la trace cite le fait "<mesure>"

    Exemples:
      | mesure                         |
      | security.access_control        |
      | security.encryption_in_transit |
      | security.backups               |

  Scénario: Un projet qui ne décrit aucune mesure de sécurité n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      security:
        access_control: false
        encryption_in_transit: false
        backups: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-SECURITY" est "non conforme"
    Et la gravité est "major"
    Et l'exposition pénale renvoie à l'article 58

  Scénario: Un projet sans données personnelles n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-SECURITY" est "non applicable"

  Scénario: Sans description des sauvegardes, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      security:
        access_control: true
        encryption_in_transit: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-SECURITY" est "informations manquantes"
    Et une question porte sur "sauvegardes"

  Scénario: Sans analyse de risques documentée, la question est posée, sans échec
    Soit un projet décrit par :
      """
      processes_personal_data: true
      security:
        access_control: true
        encryption_in_transit: true
        backups: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-SECURITY" est "informations manquantes"
    Et la trace cite le fait "security.risk_assessment_date"
