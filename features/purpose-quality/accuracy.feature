# language: fr
@rule:L0908-A03-ACCURACY
Fonctionnalité: Les données sont exactes et tenues à jour, y compris ce que l'IA génère sur des personnes
  L'article 3(1)(d) de la loi 09-08 impose des données exactes et mises à jour, et des mesures raisonnables
  pour effacer ou rectifier les données inexactes ; l'article 8 donne à la personne le droit d'obtenir la
  rectification. Un système qui produit des affirmations sur des personnes réelles doit permettre de les
  corriger ou de les supprimer. Le délai de dix jours francs est vérifié par la règle de l'article 8.

  Scénario: Un assistant qui parle de personnes avec un canal de correction est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      rights:
        rectification_sla_days: 7
      ai:
        outputs_about_individuals: true
        output_correction_channel: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-ACCURACY" est "conforme"
    Et la trace cite le fait "ai.output_correction_channel"

  Scénario: Un système qui ne parle pas de personnes réelles et sait rectifier est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      rights:
        rectification_sla_days: 10
      ai:
        outputs_about_individuals: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-ACCURACY" est "conforme"

  Scénario: Un générateur de biographies sans moyen de correction ni filtre n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      rights:
        rectification_sla_days: 10
      ai:
        outputs_about_individuals: true
        output_correction_channel: false
        output_pii_filter: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-ACCURACY" est "non conforme"
    Et la gravité est "major"
    Et la trace cite le fait "ai.outputs_about_individuals"

  Scénario: Sans données personnelles, l'exactitude n'est pas examinée
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A03-ACCURACY" est "non applicable"

  Plan du scénario: Un fait manquant sur la rectification ou les contenus générés appelle une question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      """
    Et le fait "rights.rectification_sla_days" vaut <délai>
    Et le fait "ai.outputs_about_individuals" vaut <parle_de_personnes>
    Et le fait "ai.output_correction_channel" vaut <correction>
    Quand le projet est évalué
    Alors la vérification "L0908-A03-ACCURACY" est "informations manquantes"
    Et une question porte sur "<sujet>"

    Exemples:
      | délai | parle_de_personnes | correction | sujet                     |
      | null  | false              | null       | rectification             |
      | 10    | null               | null       | personnes réelles         |
      | 10    | true               | null       | corriger ou supprimer     |
