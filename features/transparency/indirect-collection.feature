# language: fr
@rule:L0908-A05-INDIRECT-COLLECTION
Fonctionnalité: Les personnes dont les données viennent de tiers ou du web sont informées, ou la CNDP sait pourquoi elles ne le sont pas
  L'article 5(3) de la loi 09-08 oblige le responsable qui n'a pas recueilli les données auprès de la personne
  (jeu de données acheté, données d'un partenaire, moissonnage du web) à l'informer dès l'enregistrement ou,
  au plus tard, lors de la première communication à un tiers. L'article 6(b) dispense de cette information
  quand elle est impossible, notamment pour des fins statistiques, historiques ou scientifiques, à condition
  d'aviser la CNDP de cette impossibilité et de sa raison. Un projet d'IA entraîné sur des données moissonnées
  ne peut donc pas se taire : il informe, ou il s'explique auprès de la CNDP.

  Scénario: Des données de partenaires dont les personnes sont informées à l'enregistrement sont conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: scoring
          source: both
      indirect_collection:
        exists: true
        sources: [partenaire bancaire]
        info_plan: at_recording
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-INDIRECT-COLLECTION" est "conforme"
    Et la trace cite le fait "indirect_collection.info_plan"

  Scénario: Un modèle entraîné sur des données moissonnées sans information ni avis à la CNDP n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: assistant
          source: direct
      ai:
        training:
          uses_personal_data: true
          sources: [web_scraping, social_media]
      indirect_collection:
        info_plan: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-INDIRECT-COLLECTION" est "non conforme"
    Et la gravité est "major"
    Et la trace cite le fait "ai.training.sources"

  Scénario: Un projet qui ne recueille ses données qu'auprès des personnes n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: support
          source: direct
      indirect_collection:
        exists: false
      ai:
        training:
          uses_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-INDIRECT-COLLECTION" est "non applicable"

  Scénario: Une impossibilité d'informer dont on ne sait pas si la CNDP a été avisée appelle une question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      indirect_collection:
        exists: true
        info_plan: impossible
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-INDIRECT-COLLECTION" est "informations manquantes"
    Et une question porte sur "CNDP en a-t-elle été avisée"

  Plan du scénario: L'information à l'enregistrement, à la première communication ou l'avis à la CNDP décident
    Soit un projet décrit par :
      """
      processes_personal_data: true
      indirect_collection:
        exists: true
      """
    Et le fait "indirect_collection.info_plan" vaut <plan>
    Et le fait "indirect_collection.cndp_notified_of_impossibility" vaut <cndp_avisée>
    Quand le projet est évalué
    Alors la vérification "L0908-A05-INDIRECT-COLLECTION" est "<résultat>"

    Exemples:
      | plan                | cndp_avisée | résultat                |
      | at_recording        | null        | conforme                |
      | at_first_disclosure | null        | conforme                |
      | impossible          | true        | conforme                |
      | impossible          | false       | non conforme            |
      | none                | null        | non conforme            |
      | null                | null        | informations manquantes |

  Plan du scénario: Une dispense de l'article 6 étayée par son texte est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      indirect_collection:
        exists: true
        info_plan: none
        exemption_reference: Texte ou raison qui fonde la dispense
      """
    Et le fait "indirect_collection.exemption" vaut <dispense>
    Quand le projet est évalué
    Alors la vérification "L0908-A05-INDIRECT-COLLECTION" est "conforme"
    Et la trace cite le fait "indirect_collection.exemption"

    Exemples:
      | dispense                       |
      | defence_security_crime         |
      | law_provides_recording         |
      | journalistic_artistic_literary |

  Scénario: Une dispense invoquée sans son texte appelle la question
    Soit un projet décrit par :
      """
      processes_personal_data: true
      indirect_collection:
        exists: true
        info_plan: none
        exemption: law_provides_recording
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-INDIRECT-COLLECTION" est "informations manquantes"
    Et la trace cite le fait "indirect_collection.exemption_reference"

  Scénario: Aucune information, aucune dispense (« none ») et aucun avis à la CNDP n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      indirect_collection:
        exists: true
        info_plan: none
        exemption: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-INDIRECT-COLLECTION" est "non conforme"
