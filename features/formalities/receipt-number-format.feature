# language: fr
@rule:L0908-A19-RECEIPT-FORMAT
Fonctionnalité: Les numéros de récépissé et d'autorisation ont la forme de ceux de la CNDP
  Les particularités du récépissé ou de l'autorisation doivent figurer sur les documents de collecte
  (articles 5 et 19 de la loi 09-08). Les numéros observés suivent la forme D (déclaration) ou A
  (autorisation), un code de catégorie facultatif, un numéro d'ordre et souvent l'année : D-W-85/2015,
  A-PO-23/2024, A-406/2020. Le sens des codes n'est pas vérifié et aucun service public ne permet de
  contrôler un numéro : un numéro d'une autre forme appelle seulement une vérification, jamais un échec.

  Plan du scénario: Un numéro de forme habituelle est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      """
    Et le fait "cndp.receipt_number" vaut <récépissé>
    Et le fait "cndp.authorisation_number" vaut <autorisation>
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-FORMAT" est "conforme"

    Exemples:
      | récépissé     | autorisation  |
      | D-W-85/2015   | null          |
      | D-W-849       | null          |
      | null          | A-PO-268/2024 |
      | D-NL-189/2020 | A-406/2020    |

  Scénario: Une référence interne à la place du numéro de récépissé demande une vérification, sans échec
    Soit un projet décrit par :
      """
      processes_personal_data: true
      cndp:
        formality: declaration
        receipt_number: "DOSSIER 2024/117"
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-FORMAT" est "informations manquantes"
    Et la trace cite le fait "cndp.receipt_number"
    Et une question porte sur "forme habituelle"

  Scénario: Un numéro d'autorisation mal recopié demande une vérification
    Soit un projet décrit par :
      """
      processes_personal_data: true
      cndp:
        receipt_number: D-M-310/2015
        authorisation_number: A-PO-23-2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-FORMAT" est "informations manquantes"
    Et la trace cite le fait "cndp.authorisation_number"

  Scénario: Sans aucun numéro, le format n'est pas examiné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      cndp:
        formality: none
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-FORMAT" est "non applicable"

  Scénario: Un numéro d'acte enregistré dans un format inattendu appelle une vérification
    Soit un projet décrit par :
      """
      processes_personal_data: true
      cndp:
        acts:
          - kind: authorisation
            number: AUT 2024 n°12
            grounds: [cin-number]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A19-RECEIPT-FORMAT" est "informations manquantes"
    Et la trace cite le fait "cndp.acts[0].number"
