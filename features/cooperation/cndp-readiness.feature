# language: fr
@rule:L0908-A30-CNDP-READINESS
Fonctionnalité: Le projet est prêt à répondre à un contrôle de la CNDP
  L'article 30 de la loi 09-08 donne à la CNDP des pouvoirs d'investigation sur pièces et sur place ;
  l'article 62 punit l'entrave à ses contrôles. La loi n'impose pas de dossier de conformité : cette
  vérification est une recommandation et ne conclut jamais à une non-conformité.

  Scénario: Un dossier de conformité tenu à jour et un référent désigné sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        privacy_owner:
          name: Salma Benali
          role: responsable conformité
      cndp:
        documentation_pack: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A30-CNDP-READINESS" est "conforme"
    Et la trace cite le fait "cndp.documentation_pack"

  Scénario: L'absence de dossier de conformité fait l'objet d'une recommandation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        privacy_owner:
          name: Salma Benali
      cndp:
        documentation_pack: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A30-CNDP-READINESS" est "recommandation"
    Et la gravité est "info"

  Scénario: Sans référent connu, la recommandation pose la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      cndp:
        documentation_pack: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A30-CNDP-READINESS" est "recommandation"
    Et une question porte sur "personne chargée"

  Scénario: Un projet sans données personnelles n'est pas concerné par les contrôles
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A30-CNDP-READINESS" est "non applicable"
