# language: fr
@rule:L0908-A04-SHARING-WITHOUT-CONSENT
Fonctionnalité: Une communication à des tiers sans consentement, fondée sur une exception de l'article 4, est à confirmer
  L'article 4 de la loi 09-08 exige le consentement préalable pour communiquer des données à un tiers, puis
  énumère des exceptions (obligation légale, contrat, intérêt vital, mission d'intérêt public, intérêt
  légitime). Que ces exceptions couvrent aussi la communication à des tiers est plausible mais non vérifié.
  Cette vérification ne conclut donc jamais au manquement : elle demande une confirmation écrite d'un
  conseil ou de la CNDP. Les faits manquants sont demandés par la vérification L0908-A04-THIRD-PARTY-SHARING.

  Scénario: Une communication à l'administration fiscale sur obligation légale, sans consentement, est à confirmer
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: facturation
          third_party_disclosures:
            - recipient: Administration fiscale
              consent_obtained: false
              legal_basis: legal_obligation
              purpose_linked_to_functions: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-SHARING-WITHOUT-CONSENT" est "informations manquantes"
    Et la trace cite le fait "processings[0].third_party_disclosures[0].legal_basis"
    Et une question porte sur "a-t-il confirmé"

  Scénario: Une exception confirmée par écrit par un conseil est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: facturation
          third_party_disclosures:
            - recipient: Administration fiscale
              consent_obtained: false
              legal_basis: legal_obligation
              exception_confirmed: true
              purpose_linked_to_functions: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-SHARING-WITHOUT-CONSENT" est "conforme"
    Et la trace cite le fait "processings[0].third_party_disclosures[0].exception_confirmed"

  Scénario: Des communications toutes consenties ne soulèvent pas la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: assurance
          third_party_disclosures:
            - recipient: Assureur partenaire
              consent_obtained: true
              purpose_linked_to_functions: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-SHARING-WITHOUT-CONSENT" est "non applicable"

  Scénario: Une communication sans consentement ni fondement relève de l'autre vérification
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: revente
          third_party_disclosures:
            - recipient: Courtier en données
              consent_obtained: false
              legal_basis: none
              purpose_linked_to_functions: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-SHARING-WITHOUT-CONSENT" est "non applicable"
    Et la vérification "L0908-A04-THIRD-PARTY-SHARING" est "non conforme"

  Scénario: Sans indication sur les communications, la question est laissée à la vérification principale
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A04-SHARING-WITHOUT-CONSENT" est "non applicable"
    Et la vérification "L0908-A04-THIRD-PARTY-SHARING" est "informations manquantes"
