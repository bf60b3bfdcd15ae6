# language: fr
@workflow
Fonctionnalité: Une dérogation fondée sur un article de loi, qui expire
  La liaison peut accorder une dérogation sur une constatation : elle doit citer le fondement juridique
  (un article ou une de ses exceptions) et fixer une date d'expiration. Le service exporte les dérogations
  approuvées au format lu par `compliance check --waivers` : jusqu'à la date d'expiration la constatation est
  signalée comme couverte par une dérogation et ne bloque plus l'intégration continue ; après, elle échoue de
  nouveau.

  Contexte:
    Soit un service de conformité en marche
    Et la startup "atlas" a soumis le projet de l'exemple "farmer-voice-assistant"

  Scénario: Une dérogation accordée puis expirée
    Quand la liaison "Amal" ouvre la revue de la version 1
    Et la liaison "Amal" accorde une dérogation sur "L0908-A05-OPEN-NETWORK" de la version 1 au titre de "Art. 5(4)" jusqu'au "2030-06-30"
    Et la liaison "Amal" approuve la version 1 avec l'avis "Dérogation temporaire le temps de mettre à jour l'application."
    Alors les dérogations exportées contiennent "L0908-A05-OPEN-NETWORK" jusqu'au "2030-06-30"
    Et avec ces dérogations, au "2030-06-30", la constatation "L0908-A05-OPEN-NETWORK" est couverte par une dérogation
    Et avec ces dérogations, au "2030-07-01", la constatation "L0908-A05-OPEN-NETWORK" échoue de nouveau

  Scénario: Une dérogation sans fondement juridique est refusée
    Quand la liaison "Amal" ouvre la revue de la version 1
    Et la liaison "Amal" accorde une dérogation sur "L0908-A05-OPEN-NETWORK" de la version 1 au titre de "parce que" jusqu'au "2030-06-30"
    Alors la demande est refusée avec le statut 422 qui nomme le champ "body.legal_ground"
    Et l'erreur sur "body.legal_ground" dit « un article de la loi est attendu, écrit comme « Art. 6(b) » ou « Decree Art. 29 » »
