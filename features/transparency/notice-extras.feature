# language: fr
@rule:L0908-BP-NOTICE-EXTRAS
Fonctionnalité: La notice indique aussi la durée de conservation, les transferts à l'étranger et le recours à l'IA
  L'article 5 de la loi 09-08 n'impose pas d'indiquer la durée de conservation ni les transferts à l'étranger,
  et ne parle pas d'intelligence artificielle. Les mentionner est une bonne pratique, encouragée par le
  communiqué de la CNDP du 18 mars 2025 sur l'IA (transparence, lisibilité). Cette vérification ne rend
  jamais un projet non conforme : elle produit au plus une recommandation.

  Scénario: Une notice qui mentionne conservation, transferts et IA est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      transfers:
        - country: FR
          mechanism: adequacy_list
      information_notice:
        includes: [controller_identity, purposes, retention, transfers, ai_disclosure]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-NOTICE-EXTRAS" est "conforme"
    Et la trace cite le fait "information_notice.includes"

  Scénario: Sans transfert à l'étranger, la mention des transferts n'est pas attendue
    Soit un projet décrit par :
      """
      processes_personal_data: true
      information_notice:
        includes: [controller_identity, purposes, retention]
      ai:
        ai_disclosed_to_users: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-NOTICE-EXTRAS" est "conforme"
    Et la trace cite le fait "derived.foreign_destinations"

  Scénario: Une notice muette sur l'IA et sur un hébergement à l'étranger donne une recommandation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processors:
        - name: Hébergeur
          country: US
      information_notice:
        includes: [controller_identity, purposes, retention]
      ai:
        ai_disclosed_to_users: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-NOTICE-EXTRAS" est "recommandation"
    Et la gravité est "info"

  Scénario: Un projet sans données personnelles n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-NOTICE-EXTRAS" est "non applicable"

  Scénario: Sans la liste des mentions de la notice, la recommandation pose la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-NOTICE-EXTRAS" est "recommandation"
    Et une question porte sur "durée de conservation"

  Scénario: Sans aucune notice, la recommandation est donnée sans poser de question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      information_notice:
        exists: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-NOTICE-EXTRAS" est "recommandation"
