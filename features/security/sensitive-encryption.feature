# language: fr
@rule:L0908-A23-SENSITIVE-ENCRYPTION
Fonctionnalité: Les données sensibles stockées sont chiffrées
  L'article 23 de la loi 09-08 demande une sécurité adaptée à la nature des données et à l'état de l'art.
  Une note de bonnes pratiques de la CNDP de février 2023, connue seulement par une source secondaire,
  recommande de chiffrer les données sensibles stockées dans le nuage ; pour les données de santé, le dossier
  d'autorisation comporte un engagement de chiffrer les données identifiantes (article 30 du décret, lu en
  arabe). Faute de source vérifiée, le contrôle ne conclut jamais à une non-conformité : il demande
  confirmation.

  Scénario: Des données de santé chiffrées au repos sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: records
          data_categories: [health]
      security:
        encryption_at_rest: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-SENSITIVE-ENCRYPTION" est "conforme"
    Et la trace cite le fait "security.encryption_at_rest"

  Scénario: Des opinions politiques stockées en clair demandent confirmation, sans échec
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: survey
          data_categories: [political_opinion]
      security:
        encryption_at_rest: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-SENSITIVE-ENCRYPTION" est "informations manquantes"
    Et une question porte sur "chiffrées"

  Scénario: Un projet sans données sensibles n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          data_categories: [contact]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-SENSITIVE-ENCRYPTION" est "non applicable"

  Scénario: Sans indication sur le chiffrement au repos, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: records
          data_categories: [health]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A23-SENSITIVE-ENCRYPTION" est "informations manquantes"
    Et la trace cite le fait "security.encryption_at_rest"
