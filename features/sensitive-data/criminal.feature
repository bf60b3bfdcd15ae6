# language: fr
@rule:L0908-A49-CRIMINAL
Fonctionnalité: Les données d'infractions et de condamnations ne sont traitées que par les organismes habilités
  L'article 49 de la loi 09-08 réserve le traitement des données relatives aux infractions, condamnations et
  mesures de sûreté aux juridictions, aux autorités publiques et aux personnes morales gérant un service
  public dans le cadre de leurs attributions, aux auxiliaires de justice et à l'organisme de gestion
  collective des droits d'auteur. L'article 12(1)(d) exige en outre une autorisation, sauf pour les
  auxiliaires de justice. Une entreprise privée (vérification d'antécédents, liste noire de fraudeurs,
  filtrage KYC) ne peut pas traiter ces données ; l'article 57 punit ce traitement.

  Scénario: Un auxiliaire de justice qui traite des condamnations pour ses missions est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        kind: auxiliaire_de_justice
      processings:
        - id: case-files
          data_categories: [identification, offences_convictions]
      cndp:
        formality: declaration
        receipt_number: D-W-85/2015
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A49-CRIMINAL" est "conforme"
    Et la trace cite le fait "controller.kind"

  Scénario: Une start-up qui bâtit une liste noire de fraudeurs à partir de condamnations n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        kind: private_company
      processings:
        - id: fraud-blacklist
          data_categories: [identification, offences_convictions]
      cndp:
        formality: authorisation
        authorisation_number: A-PO-23/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A49-CRIMINAL" est "non conforme"
    Et la gravité est "blocker"
    Et l'exposition pénale renvoie à l'article 57

  Plan du scénario: Une autorité publique doit en outre disposer d'une autorisation ou d'une loi
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        kind: public_authority
      processings:
        - id: records
          data_categories: [offences_convictions]
      cndp:
        statutory_authorisation_grounds: [offences]
      """
    Et le fait "cndp.authorisation_number" vaut <autorisation>
    Et le fait "cndp.statutory_authorisation" vaut <loi>
    Quand le projet est évalué
    Alors la vérification "L0908-A49-CRIMINAL" est "<résultat>"

    Exemples:
      | autorisation | loi                          | résultat     |
      | A-406/2020   | null                         | conforme     |
      | null         | "Loi créant le fichier (ex.)" | conforme     |
      | null         | null                         | non conforme |

  Scénario: Un projet sans données d'infractions n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: kyc
          data_categories: [identification, cin_number]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A49-CRIMINAL" est "non applicable"

  Scénario: Sans le type de responsable, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: screening
          data_categories: [offences_convictions]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A49-CRIMINAL" est "informations manquantes"
    Et une question porte sur "type d'organisme"

  Scénario: Une personne morale gérant un service public, autorisée, dans le cadre de ses attributions est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      controller:
        kind: public_service_legal_person
      processings:
        - id: contentieux
          data_categories: [identification, offences_convictions]
      cndp:
        formality: authorisation
        authorisation_number: A-406/2020
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A49-CRIMINAL" est "conforme"
    Et la trace cite le fait "controller.kind"
