# language: fr
@rule:L0908-A26-CONFIDENTIALITY
Fonctionnalité: Le personnel est tenu au secret et n'accède qu'aux données dont il a besoin
  L'article 25 de la loi 09-08 interdit à toute personne agissant sous l'autorité du responsable ou du
  sous-traitant de traiter les données hors de ses instructions. L'article 26 tient au secret professionnel le
  responsable et toute personne qui a connaissance des données dans ses fonctions, même après les avoir
  quittées. Une clause de confidentialité et un accès limité au besoin d'en connaître en sont la traduction ;
  ces engagements ne peuvent qu'être attestés.

  Scénario: Un personnel lié par une clause de confidentialité avec des accès par rôle est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      security:
        staff_confidentiality: true
        access_control: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A26-CONFIDENTIALITY" est "conforme"
    Et la trace cite le fait "security.staff_confidentiality"

  Scénario: Des annotateurs sans engagement de confidentialité ne sont pas conformes
    Soit un projet décrit par :
      """
      processes_personal_data: true
      security:
        staff_confidentiality: false
        access_control: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A26-CONFIDENTIALITY" est "non conforme"
    Et la gravité est "minor"

  Scénario: Un projet sans données personnelles n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A26-CONFIDENTIALITY" est "non applicable"

  Scénario: Sans indication sur la confidentialité du personnel, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      security:
        access_control: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A26-CONFIDENTIALITY" est "informations manquantes"
    Et une question porte sur "clause de confidentialité"
