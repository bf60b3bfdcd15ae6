# language: fr
@rule:L0908-AI-OUTPUTS-ABOUT-PEOPLE
Fonctionnalité: Ce que le système affirme sur des personnes réelles est exact et peut être corrigé
  Un énoncé généré sur une personne identifiable est une donnée personnelle (article 1(1)). L'article
  3(1)(d) exige des données exactes et des mesures raisonnables pour corriger les données inexactes ;
  l'article 8 donne droit à la rectification ou à l'effacement gratuits dans un délai franc de dix jours.

  Scénario: Des réponses ancrées avec un canal de correction en sept jours sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        outputs_about_individuals: true
        output_correction_channel: true
        output_grounding: true
      rights:
        rectification_sla_days: 7
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-OUTPUTS-ABOUT-PEOPLE" est "conforme"
    Et la trace cite le fait "ai.output_grounding"

  Scénario: Un générateur de fiches sur des personnes sans moyen de correction n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        outputs_about_individuals: true
        output_correction_channel: false
        output_grounding: true
      rights:
        rectification_sla_days: 7
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-OUTPUTS-ABOUT-PEOPLE" est "non conforme"
    Et la gravité est "major"
    Et la trace cite le fait "ai.output_correction_channel"

  Scénario: Une correction promise en trente jours n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        outputs_about_individuals: true
        output_correction_channel: true
        output_pii_filter: true
      rights:
        rectification_sla_days: 30
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-OUTPUTS-ABOUT-PEOPLE" est "non conforme"

  Scénario: Des réponses ni ancrées ni filtrées ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        outputs_about_individuals: true
        output_correction_channel: true
        output_grounding: false
        output_pii_filter: false
      rights:
        rectification_sla_days: 10
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-OUTPUTS-ABOUT-PEOPLE" est "non conforme"

  Scénario: Sans délai de correction connu, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        outputs_about_individuals: true
        output_correction_channel: true
        output_grounding: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-OUTPUTS-ABOUT-PEOPLE" est "informations manquantes"
    Et une question porte sur "dans quel délai"

  Scénario: Un système qui ne parle pas de personnes réelles n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      ai:
        outputs_about_individuals: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-AI-OUTPUTS-ABOUT-PEOPLE" est "non applicable"
