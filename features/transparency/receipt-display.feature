# language: fr
@rule:L0908-A05-RECEIPT-DISPLAY
Fonctionnalité: Les références du récépissé ou de l'autorisation de la CNDP figurent sur les supports de collecte
  L'article 5(1)(d) de la loi 09-08 range parmi les informations dues aux personnes les références du
  récépissé de déclaration ou de l'autorisation de la CNDP, et l'article 19 exige que ces références figurent
  dans toute opération de collecte ou de transmission. La vérification porte sur les traitements en
  production ; avant le lancement, il n'y a pas encore de numéro à afficher.

  Scénario: Une application en production qui affiche son numéro de récépissé est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      cndp:
        receipt_number: D-W-85/2015
      information_notice:
        exists: true
        includes: [controller_identity, purposes, cndp_receipt_reference]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-RECEIPT-DISPLAY" est "conforme"
    Et la trace cite le fait "information_notice.includes"

  Scénario: Une application en production dont la notice omet le numéro de la CNDP n'est pas conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      cndp:
        receipt_number: D-W-85/2015
      information_notice:
        exists: true
        includes: [controller_identity, purposes]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-RECEIPT-DISPLAY" est "non conforme"
    Et la gravité est "minor"

  Scénario: Avant le lancement, l'affichage n'est pas encore exigé
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: false
      information_notice:
        exists: true
        includes: [controller_identity, purposes]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-RECEIPT-DISPLAY" est "non applicable"

  Scénario: Sans la liste des mentions de la notice, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-RECEIPT-DISPLAY" est "informations manquantes"
    Et une question porte sur "numéro du récépissé"

  Scénario: Sans savoir si le traitement est en production, la question est posée
    Soit un projet décrit par :
      """
      processes_personal_data: true
      information_notice:
        includes: [controller_identity, purposes]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-RECEIPT-DISPLAY" est "informations manquantes"
    Et la trace cite le fait "live"
    Et une question porte sur "production"

  Scénario: Un traitement en production sans aucune notice n'affiche pas le numéro de la CNDP
    Soit un projet décrit par :
      """
      processes_personal_data: true
      live: true
      information_notice:
        exists: false
      """
    Quand le projet est évalué
    Alors la vérification "L0908-A05-RECEIPT-DISPLAY" est "non conforme"
    Et la trace cite le fait "information_notice.exists"
