# language: fr
@rule:L0908-DELIB-EMPLOYEES
Fonctionnalité: La surveillance des salariés (géolocalisation, pointage biométrique) suit les délibérations de la CNDP
  La délibération 17-2014 de la CNDP, connue par des sources secondaires, fixe les finalités admises pour la
  géolocalisation des véhicules des salariés ; la pratique de la CNDP soumet la biométrie à autorisation et
  attend une information individuelle du personnel. Faute de texte vérifié, cette vérification ne conclut
  jamais à une non-conformité : elle demande confirmation.

  Scénario: Une géolocalisation de flotte limitée aux heures de travail est conforme
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: flotte
          data_subjects: [employees]
          data_categories: [location, employee_data]
      employee_monitoring:
        geolocation: true
        geolocation_purposes: [fleet_optimisation, employee_safety]
        tracking_outside_working_time: false
        biometric_attendance: false
        staff_informed_individually: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-EMPLOYEES" est "conforme"
    Et la trace cite le fait "employee_monitoring.geolocation_purposes"

  Scénario: Un suivi continu des livreurs hors des heures de travail appelle une confirmation, jamais un échec
    Soit un projet décrit par :
      """
      processes_personal_data: true
      employee_monitoring:
        geolocation: true
        geolocation_purposes: [driver_performance]
        tracking_outside_working_time: true
        biometric_attendance: false
        staff_informed_individually: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-EMPLOYEES" est "informations manquantes"
    Et la gravité est "major"
    Et une question porte sur "hors du temps de travail"

  Scénario: Un pointage biométrique sans autorisation appelle une confirmation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      employee_monitoring:
        geolocation: false
        biometric_attendance: true
        staff_informed_individually: true
      cndp:
        receipt_number: D-RH-4/2024
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-EMPLOYEES" est "informations manquantes"
    Et la trace cite le fait "derived.authorisation_cover.biometrics"

  Scénario: Une géolocalisation pour une finalité non admise appelle une confirmation
    Soit un projet décrit par :
      """
      processes_personal_data: true
      employee_monitoring:
        geolocation: true
        geolocation_purposes: [other]
        tracking_outside_working_time: false
        biometric_attendance: false
        staff_informed_individually: true
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-EMPLOYEES" est "informations manquantes"

  Scénario: Un projet qui ne concerne pas des salariés n'est pas concerné
    Soit un projet décrit par :
      """
      processes_personal_data: true
      processings:
        - id: chat
          data_subjects: [customers]
          data_categories: [contact]
      """
    Quand le projet est évalué
    Alors la vérification "L0908-DELIB-EMPLOYEES" est "non applicable"
