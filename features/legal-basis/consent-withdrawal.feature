# language: fr
@rule:L0908-BP-CONSENT-WITHDRAWAL
Fonctionnalité: Le consentement peut être retiré aussi facilement qu'il a été donné (bonne pratique)
  La loi 09-08 ne prévoit pas de droit de retrait du consentement comparable à celui du RGPD : cette
  vérification ne rend jamais un projet non conforme. Elle recommande un retrait simple, qui rend effectif
  le droit d'opposition de l'article 9, gratuit pour la prospection.

  Scénario: Un consentement retirable en un clic est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: newsletter
          legal_basis: consent
      consent:
        mechanism: unticked_checkbox
        withdrawable: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-CONSENT-WITHDRAWAL" est "conforme"
    Et la trace cite le fait "derived.processing_consents[0].withdrawable"

  Scénario: Un consentement qui ne peut pas être retiré donne lieu à une recommandation, jamais à un manquement
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: newsletter
          legal_basis: consent
      consent:
        mechanism: unticked_checkbox
        withdrawable: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-CONSENT-WITHDRAWAL" est "recommandation"
    Et la gravité est "info"

  Scénario: Un projet qui ne se fonde pas sur le consentement n'a pas de retrait à prévoir
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: facturation
          legal_basis: legal_obligation
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-CONSENT-WITHDRAWAL" est "non applicable"

  Scénario: Sans indication sur le retrait, la recommandation pose la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: newsletter
          legal_basis: consent
      """
    Quand le projet est évalué
    Alors la vérification "L0908-BP-CONSENT-WITHDRAWAL" est "recommandation"
    Et une question porte sur "retirer son consentement"
