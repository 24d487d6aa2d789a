# Application web DSP : français.
# Chaque clé existe aussi dans lb.ftl, de.ftl et en.ftl (vérifié par `cargo test -p frontend`).

## Cadre de l’application

app-name = DSP
app-tagline = Dossier de soins partagé
skip-to-content = Aller au contenu principal
nav-label = Navigation principale
nav-home = Accueil
nav-patient = Patients
nav-professional = Professionnels de santé
nav-agency = Agence
language-label = Langue
signin-coming = La connexion n’est pas encore disponible : elle arrive avec une prochaine version du DSP. Pour l’instant, ces pages décrivent ce que chaque espace permettra.

## Accueil

home-title = Accueil
home-heading = Votre dossier de soins partagé
home-intro = Le DSP rassemble les documents de santé essentiels de chaque personne assurée au Luxembourg — comptes rendus d’hôpital et de laboratoire, imagerie, prescriptions — pour que les professionnels qui vous soignent puissent les partager. Vous gardez la main : vous décidez qui voit quoi, et vous voyez chaque accès.
home-areas-heading = Choisissez votre espace
home-patient-title = Je suis patient
home-patient-text = Lisez vos documents, décidez qui peut les voir et suivez chaque accès à votre dossier.
home-professional-title = Je suis professionnel de santé
home-professional-text = Retrouvez vos patients dans le respect des règles, lisez leurs documents et déposez-en de nouveaux.
home-agency-title = Je travaille à l’agence
home-agency-text = Ouvrez des dossiers, imprimez les lettres d’activation, tenez l’annuaire des professionnels et aidez les personnes bloquées.

## Espace patient

patient-title = Patients
patient-heading = Portail patient
patient-intro = Votre dossier vous appartient. Dans le portail patient, vous pourrez :
patient-read = lire tous vos documents de santé : comptes rendus d’hôpital, analyses, imagerie, prescriptions ;
patient-decide = décider qui voit quoi : bloquer un professionnel, masquer un document, choisir votre médecin référent ;
patient-traces = voir chaque accès : qui a ouvert votre dossier, quand, et selon quelle règle ;
patient-close = fermer votre dossier à tout moment, et le rouvrir tel quel pendant dix ans ;
patient-signin = vous connecter avec une clé d’accès (passkey) sur votre téléphone ou votre ordinateur, enregistrée avec le code d’activation de votre lettre.
patient-categories-heading = Ce que votre dossier peut contenir

## Espace professionnel

professional-title = Professionnels de santé
professional-heading = Portail professionnel
professional-intro = Pour les médecins, pharmaciens, infirmiers et autres professionnels de santé de l’annuaire national. Dans le portail professionnel, vous pourrez :
professional-find = retrouver un patient par son matricule, et n’ouvrir son dossier que dans le respect des règles d’accès et d’une relation de soins ;
professional-read = lire les documents que votre profession et votre relation de soins permettent ;
professional-file = déposer des comptes rendus, des résultats et des prescriptions dans le dossier du patient ;
professional-signin = vous connecter avec votre clé de sécurité personnelle, enregistrée avec le code d’enrôlement remis par l’agence.
professional-professions-heading = Les professions de l’annuaire

## Espace agence

agency-title = Agence
agency-heading = Console de l’agence
agency-intro = Pour les agents et le helpdesk de l’agence qui gère le DSP. Dans la console de l’agence, vous pourrez :
agency-open = ouvrir des dossiers et imprimer les lettres d’information et d’activation ;
agency-directory = tenir à jour l’annuaire des professionnels de santé ;
agency-close = fermer un dossier sur demande écrite ;
agency-recover = aider les personnes qui ont perdu leur clé d’accès ou leur clé de sécurité à se reconnecter ;
agency-signin = vous connecter avec votre clé de sécurité.

## Page introuvable

not-found-title = Page introuvable
not-found-heading = Page introuvable
not-found-text = Il n’y a pas de page à l’adresse { $path }.
not-found-home = Aller à l’accueil

## Pied de page

footer-today = Aujourd’hui : { $date }
footer-server-checking = Serveur : vérification…
footer-server-online = Serveur : en ligne · { $database } · migration { $migration }
footer-server-degraded = Serveur : état « { $status } »
footer-server-error = Serveur : { $message }

## Erreurs du serveur (shared::ApiErrorCode) et de la connexion

error-not-found = L’élément demandé est introuvable.
error-method-not-allowed = Cette action n’est pas permise ici.
error-malformed-json = La demande n’a pas pu être lue. Rechargez la page et réessayez.
error-invalid-request = Certaines informations envoyées ne sont pas valables.
error-unsupported-media-type = Le serveur n’accepte pas ce type de contenu.
error-payload-too-large = L’envoi est trop volumineux.
error-rate-limited = Trop de tentatives. Patientez un instant, puis réessayez.
error-unavailable = Le service est momentanément indisponible. Réessayez plus tard.
error-internal = Une erreur s’est produite de notre côté. Si elle se reproduit, contactez le helpdesk en indiquant la référence.
error-unauthenticated = Veuillez d’abord vous connecter.
error-session-expired = Votre session a pris fin. Veuillez vous reconnecter.
error-forbidden = Cet espace n’est pas destiné à votre type de compte.
error-csrf-rejected = Cette demande ne provient pas d’une page du DSP et a été refusée. Rechargez la page et réessayez.
error-activation-failed = Le matricule et le code d’activation ne correspondent pas. Vérifiez-les et réessayez.
error-activation-locked = Trop de codes d’activation erronés. Demandez une nouvelle lettre d’activation à l’agence.
error-enrolment-code-invalid = Ce code d’enrôlement est inconnu, déjà utilisé ou expiré. Demandez-en un nouveau à l’agence.
error-ceremony-expired = L’opération a pris trop de temps ou a déjà été utilisée. Veuillez recommencer.
error-credential-rejected = La réponse de votre clé n’a pas pu être vérifiée. Veuillez réessayer.
error-synced-credential-refused = Les professionnels de santé et les agents doivent utiliser une clé de sécurité liée à un seul appareil ; une clé d’accès synchronisée n’est pas acceptée.
error-user-verification-required = Votre clé doit vérifier qu’il s’agit bien de vous (code PIN ou empreinte digitale). Réessayez avec cette vérification.
error-credential-suspended = Par précaution, cette clé a été suspendue, car elle a peut-être été copiée. Contactez le helpdesk.
error-unknown-credential = Cette clé n’est pas ou plus enregistrée.
error-duplicate-national-id = Un dossier existe déjà pour ce matricule.
error-birth-date-mismatch = La date de naissance ne correspond pas à celle du matricule.
error-invalid-national-id = Le matricule n’est pas valable.
error-duplicate-licence = Un professionnel avec ce numéro d’autorisation d’exercer figure déjà dans l’annuaire.
error-last-credential = Vous ne pouvez pas supprimer votre dernière clé : ajoutez-en d’abord une autre.
error-reverification-required = Confirmez de nouveau cette modification avec votre clé d’accès ou votre clé de sécurité.
error-network = Le serveur est injoignable. Vérifiez votre connexion et réessayez.
error-http = Le serveur a répondu par une erreur inattendue (HTTP { $status }).
error-unexpected-response = La réponse du serveur n’a pas pu être lue.
error-reference = Référence : { $id }

## Matricule (shared::NationalIdError)

national-id-not-digits = Un matricule ne contient que des chiffres.
national-id-wrong-length = Un matricule compte 13 chiffres ; celui-ci en compte { $count }.
national-id-invalid-birth-date = Les huit premiers chiffres doivent former une date de naissance (AAAAMMJJ).
national-id-luhn-mismatch = Le 12e chiffre (première clé de contrôle) ne correspond pas aux onze premiers. Vérifiez le numéro.
national-id-verhoeff-mismatch = Le 13e chiffre (seconde clé de contrôle) ne correspond pas aux onze premiers. Vérifiez le numéro.

## Dates

date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Catégories de documents (shared::Category)

category-personal-expression = Expression personnelle du titulaire
category-summaries = Synthèses
category-health-history = Antécédents de santé
category-allergies = Allergies et intolérances
category-prostheses = Prothèses et dispositifs médicaux
category-care-reports = Comptes rendus de soins
category-certificates = Certificats et déclarations
category-medical-imaging = Imagerie médicale
category-lab-analyses = Analyses de biologie médicale
category-medication-dispensation = Délivrance de médicaments
category-nursing-assessments = Évaluations de soins infirmiers
category-prescriptions = Prescriptions et traitements
category-prevention = Prévention
category-socio-educational = Données socio-éducatives
category-social-environment = Environnement social
category-legal-protection = Protection juridique
category-social-insurance = Couverture sociale
category-education = Éducation
category-access-traces = Tableau de bord des traces d’accès

## Professions (shared::Profession)

profession-MED = Médecin
profession-REF = Médecin référent
profession-PHA = Pharmacien
profession-INF = Infirmier
profession-EXP = Autre professionnel de santé
profession-SAG = Sage-femme
profession-LAB = Technicien de laboratoire
profession-ATM = Assistant technique médical de radiologie
profession-AID = Aide-soignant
profession-SOC = Assistant social
profession-BIO = Biologiste
