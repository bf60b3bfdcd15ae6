# language: fr
@workflow
Fonctionnalité: Contester une constatation avec un motif écrit
  La liaison peut être en désaccord avec le moteur : elle corrige alors le résultat d'une constatation et
  doit en donner la raison par écrit. Une constatation contestée vers « conforme » ne compte plus parmi les
  points ouverts du projet dans la file d'attente.

  Contexte:
    Soit un service de conformité en marche
    Et la startup "atlas" a soumis le projet de l'exemple "microcredit-scoring"

  Scénario: La liaison conteste un échec et le corrige en conformité
    Quand la liaison "Amal" ouvre la revue de la version 1
    Et la liaison "Amal" conteste la constatation "L0908-A11-SOLE-AUTOMATED" de la version 1 en "pass" : "Le refus intervient lors de la conclusion du contrat et le demandeur peut présenter ses observations (art. 11)."
    Alors la constatation "L0908-A11-SOLE-AUTOMATED" de la version 1 est jugée "disputed"
    Et la file d'attente des liaisons ne compte plus "L0908-A11-SOLE-AUTOMATED" parmi les points ouverts du projet
    Et le journal d'audit se vérifie et trace "finding.judged"

  Scénario: Une contestation sans motif écrit est refusée
    Quand la liaison "Amal" ouvre la revue de la version 1
    Et la liaison "Amal" conteste sans motif la constatation "L0908-A12-CIN" de la version 1
    Alors la demande est refusée avec le statut 422 qui nomme le champ "body.reason"
    Et l'erreur sur "body.reason" dit « une contestation demande un motif écrit (au moins 10 caractères) et le résultat corrigé »
