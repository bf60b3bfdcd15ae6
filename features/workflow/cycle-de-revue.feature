# language: fr
@workflow
Fonctionnalité: Cycle complet de revue d'un projet par une liaison de la CNDP
  Une startup soumet la description de son projet ; une personne chargée de liaison à la CNDP l'examine,
  juge les constatations une à une, demande des modifications ; la startup soumet une nouvelle version et la
  liaison l'approuve. Chaque étape est tracée dans le journal d'audit chaîné, les jugements portant sur des
  faits inchangés sont repris sur la nouvelle version, et la décision exportée se vérifie hors ligne.

  Contexte:
    Soit un service de conformité en marche
    Et la startup "atlas" a soumis le projet de l'exemple "darija-support-chatbot"

  Scénario: Soumettre, examiner, demander des modifications, resoumettre puis approuver
    Quand la liaison "Amal" ouvre la revue de la version 1
    Et la liaison "Amal" confirme la constatation "L0908-A12-FORMALITY" de la version 1
    Et la liaison "Amal" confirme la constatation "L0908-A43-TRANSFER-GROUND" de la version 1
    Et la liaison "Amal" demande des modifications sur la version 1 : "Déposez une demande d'autorisation pour l'entraînement du modèle."
    Alors la version 1 est à l'état "changes_requested"
    Quand la startup "atlas" soumet une nouvelle version où le fait "cndp.authorisation_number" vaut "A-PO-77/2026"
    Alors la version 2 est à l'état "resubmitted"
    Et la version 1 est à l'état "superseded"
    Et entre les versions 1 et 2 la constatation "L0908-A12-FORMALITY" est résolue
    Et entre les versions 1 et 2 le fait "cndp.authorisation_number" a changé
    Et le jugement sur "L0908-A43-TRANSFER-GROUND" est repris sur la version 2
    Et le jugement sur "L0908-A12-FORMALITY" n'est pas repris sur la version 2
    Quand la liaison "Amal" ouvre la revue de la version 2
    Et la liaison "Amal" approuve la version 2 avec l'avis "Le traitement est autorisé et les transferts déclarés."
    Alors la version 2 est à l'état "approved"
    Et la décision exportée sur la version 2 se vérifie hors ligne
    Et la décision exportée sur la version 2 ne se vérifie plus une fois l'avis modifié
    Et le journal d'audit se vérifie et trace "review.start_review", "review.request_changes", "version.submitted" et "version.decided"

  Scénario: La startup commente une constatation et la liaison lui répond en français
    Quand la startup "atlas" commente la constatation "L0908-A12-FORMALITY" de la version 1 : "Pourquoi une autorisation ?"
    Et la liaison "Amal" commente la constatation "L0908-A12-FORMALITY" de la version 1 : "L'entraînement réutilise les conversations (art. 12(1)(b))."
    Alors la version 1 porte 2 commentaires sur "L0908-A12-FORMALITY"
    Et la version 1 est à l'état "submitted"
