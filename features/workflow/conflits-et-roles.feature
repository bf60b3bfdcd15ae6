# language: fr
@workflow
Fonctionnalité: Deux liaisons à la fois, et les rôles de chacun
  Chaque action sur une revue porte la révision lue : si une autre liaison a agi entre-temps, la seconde
  action est refusée (409) au lieu d'écraser la première. Seule une liaison de la CNDP peut approuver :
  une startup ne peut pas approuver son propre projet.

  Contexte:
    Soit un service de conformité en marche
    Et la startup "atlas" a soumis le projet de l'exemple "kyc-onboarding-cin"

  Scénario: Deux liaisons agissent sur la même version avec la même révision
    Soit les liaisons "Amal" et "Youssef" ont lu la revue de la version 1
    Quand la liaison "Amal" ouvre la revue de la version 1 avec la révision lue
    Et la liaison "Youssef" ouvre la revue de la version 1 avec la révision lue
    Alors la demande est refusée avec le statut 409
    Et la version 1 est à l'état "in_review"
    Et l'historique de la version 1 compte 1 changement d'état

  Scénario: Une startup tente d'approuver son propre projet
    Quand la liaison "Amal" ouvre la revue de la version 1
    Et la startup "atlas" tente d'approuver la version 1
    Alors la demande est refusée avec le statut 403
    Et la version 1 est à l'état "in_review"

  Scénario: Une autre startup ne voit pas la revue
    Quand la startup "sahara" lit la revue de la version 1
    Alors la demande est refusée avec le statut 404
