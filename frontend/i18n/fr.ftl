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
patient-intro = Votre dossier vous appartient. Dans le portail patient, vous pouvez :
patient-read = lire tous vos documents de santé : comptes rendus d’hôpital, analyses, imagerie, prescriptions ;
patient-decide = décider qui voit quoi : bloquer un professionnel, masquer un document, choisir votre médecin référent ;
patient-traces = voir chaque accès : qui a ouvert votre dossier, quand, et selon quelle règle ;
patient-signin = vous connecter avec une clé d’accès (passkey) sur votre téléphone ou votre ordinateur, enregistrée avec le code d’activation de votre lettre.
patient-categories-heading = Ce que votre dossier peut contenir

## Espace professionnel

professional-title = Professionnels de santé
professional-heading = Portail professionnel
professional-intro = Pour les médecins, pharmaciens, infirmiers et autres professionnels de santé de l’annuaire national. Dans le portail professionnel, vous pouvez :
professional-find = retrouver un patient par son matricule, et n’ouvrir son dossier que dans le respect des règles d’accès et d’une relation de soins ;
professional-read = lire les documents que votre profession et votre relation de soins permettent ;
professional-file = déposer des comptes rendus, des résultats et des prescriptions dans le dossier du patient ;
professional-signin = vous connecter avec votre clé de sécurité personnelle, enregistrée avec le code d’enrôlement remis par l’agence.
professional-professions-heading = Les professions de l’annuaire

## Espace agence

agency-title = Agence
agency-heading = Console de l’agence
agency-intro = Pour les agents et le helpdesk de l’agence qui gère le DSP. Dans la console de l’agence, vous pouvez :
agency-open = ouvrir des dossiers et imprimer les lettres d’information et d’activation ;
agency-directory = tenir à jour l’annuaire des professionnels de santé ;
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
error-payload-too-large = L’envoi est trop volumineux. Un document peut faire jusqu’à 20 Mo.
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
error-last-credential = Vous ne pouvez pas supprimer votre dernière clé d’accès ou clé de sécurité : ajoutez-en d’abord une autre. Si vous l’avez perdue, le service d’assistance de l’agence la remplace (une lettre de récupération pour une clé d’accès, un nouveau code d’enrôlement pour une clé de sécurité).
error-reverification-required = Confirmez de nouveau cette modification avec votre clé d’accès ou votre clé de sécurité.
error-connection-failed = Le matricule et le code de connexion ne correspondent pas (code erroné, déjà utilisé ou expiré). Demandez un nouveau code au patient.
error-document-rejected = Ce document a été refusé : son type ou sa taille ne conviennent pas, ou son contenu n’est pas sûr. Sont acceptés PDF, PNG et JPEG jusqu’à 20 Mo, CDA XML et FHIR JSON jusqu’à 5 Mo.
error-request-timeout = Votre envoi est arrivé trop lentement, ou pas du tout. Vérifiez votre connexion et réessayez.
error-document-metadata-in-query = Cet envoi a placé le titre, la catégorie, la date ou le nom de fichier du document dans l’adresse, où les journaux et l’historique du navigateur les conserveraient. L’application les transmet à part ; mettez à jour le logiciel qui a fait cet envoi.
error-document-wrong-patient = Ce document a été refusé : le patient qu’il désigne n’est pas celui de ce dossier, ou il ne le désigne pas par son matricule. Vérifiez que vous le déposez dans le bon dossier.
error-document-unsafe-narrative = Ce document a été refusé : sa partie lisible (narratif) contient un élément qui pourrait s’exécuter dans un navigateur, comme un script, un gestionnaire d’événement ou un lien javascript:. Exportez-le à nouveau sans cet élément.
error-emergency-access-limit-reached = Vous avez ouvert autant d’accès d’urgence que permis pour le moment : celui-ci n’a pas été ouvert et l’agence a été alertée. Demandez un code de connexion au patient ou contactez l’agence.
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

## Mots courants

loading = Chargement…
save = Enregistrer
cancel = Annuler
search-button = Rechercher
session-checking = Vérification de votre connexion…
date-time = { $date } à { $time }

## Compte (en-tête)

nav-security = Sécurité
account-signed-in-as = Connecté en tant que
account-sign-out = Se déconnecter
account-sign-in = Se connecter
role-patient = Patient
role-professional = Professionnel de santé
role-agent = Agent de l’agence
area-sign-in-link = Se connecter
area-enrol-link = Enregistrer votre clé de sécurité avec un code d’enrôlement
home-sign-in-text = Déjà enregistré ? Connectez-vous avec votre clé d’accès ou votre clé de sécurité.
home-greeting = Bonjour { $name }
security-link = Gérer vos clés d’accès, vos clés et vos sessions

## Clés d’accès et clés de sécurité (dialogues du navigateur)

ceremony-waiting = Suivez les instructions de votre navigateur : choisissez votre clé d’accès, ou insérez et touchez votre clé de sécurité.
ceremony-cancel = Annuler
ceremony-unsupported = Ce navigateur ne peut pas utiliser de clés d’accès ni de clés de sécurité. Utilisez une version récente de Chrome, Edge, Firefox ou Safari.
ceremony-cancelled = Rien n’a été signé : la demande a été annulée, a pris trop de temps, ou aucune clé d’accès ou clé correspondante n’a été trouvée. Veuillez réessayer.
ceremony-aborted = Annulé. Vous pouvez recommencer quand vous êtes prêt.
ceremony-already-registered = Cette clé d’accès ou clé de sécurité est déjà enregistrée pour votre compte. Utilisez-la pour vous connecter, ou prenez-en une autre.
ceremony-unsuitable = Cette clé d’accès ou clé de sécurité ne peut pas faire ce qui est demandé (vérification par code PIN ou empreinte). Veuillez en utiliser une autre.
ceremony-security = L’adresse de cette page n’est pas autorisée à utiliser des clés d’accès. Ouvrez le DSP depuis son adresse officielle.
ceremony-other = Votre navigateur n’a pas pu terminer la demande ({ $name }). Veuillez réessayer.
error-rate-limited-wait = Trop de tentatives. Veuillez réessayer dans { $minutes } min.

## Page de connexion

sign-in-title = Connexion
sign-in-heading = Se connecter au DSP
sign-in-intro = Les patients se connectent avec la clé d’accès de leur téléphone ou ordinateur ; les professionnels de santé et le personnel de l’agence avec leur clé de sécurité personnelle. Ni identifiant, ni mot de passe.
sign-in-button = Se connecter avec votre clé d’accès ou votre clé de sécurité
sign-in-expired = Votre session a pris fin, pour votre protection. Veuillez vous reconnecter.
sign-in-signed-out = Vous êtes déconnecté.
sign-in-already = Vous êtes connecté en tant que { $name }.
sign-in-go-to-area = Aller à votre espace
sign-in-first-time = Première visite ?
sign-in-activate-link = Activer votre dossier
sign-in-activate-text = pour les patients, avec la lettre d’activation reçue par la poste.
sign-in-enrol-link = Enregistrer une clé de sécurité
sign-in-enrol-text = pour les professionnels de santé et le personnel de l’agence, avec le code d’enrôlement remis par l’agence.

## Page d’activation

activate-title = Activer votre dossier
activate-heading = Activer votre dossier
activate-intro = Saisissez votre matricule et le code d’activation de votre lettre. Vous créez ensuite une clé d’accès sur ce téléphone ou cet ordinateur : c’est avec elle que vous vous connecterez désormais.
activate-national-id-label = Matricule (numéro d’identification national)
activate-national-id-hint = 13 chiffres, comme sur votre carte de sécurité sociale. Les espaces sont permis.
activate-code-label = Code d’activation
activate-code-hint = Tel qu’imprimé dans votre lettre, par exemple ABCD-EFGH-JKLM.
activate-passkey-hint = Votre navigateur vous demandera de créer une clé d’accès, avec votre empreinte, votre visage ou le verrouillage de l’écran.
activate-button = Activer et créer ma clé d’accès
activate-recovery-heading = Ceci est une lettre de récupération
activate-recovery-text = Votre dossier a déjà des clés d’accès. Si vous continuez, la clé d’accès que vous créez maintenant les remplace toutes : les autres ne fonctionneront plus et toutes les sessions où vous êtes connecté seront fermées. Ne continuez que si vous avez perdu votre clé d’accès ; si vous n’avez pas demandé cette lettre, appelez le service d’assistance de l’agence.
activate-recovery-confirm = Remplacer mes clés d’accès
activate-already = Dossier déjà activé ?
activate-sign-in-link = Se connecter

## Page d’enrôlement

enrol-title = Enregistrer une clé de sécurité
enrol-heading = Enregistrer votre clé de sécurité
enrol-intro = Les professionnels de santé et le personnel de l’agence se connectent avec une clé de sécurité personnelle. Saisissez le code d’enrôlement remis par l’agence, puis insérez votre clé et touchez-la.
enrol-from-link = Le code de votre lien d’enrôlement est déjà saisi.
enrol-code-label = Code d’enrôlement
enrol-code-hint = Par exemple ABCD-EFGH-JKLM. Il ne sert qu’une fois et expire.
enrol-key-hint = Seule une clé de sécurité liée à un appareil est acceptée (pas de clé d’accès synchronisée). Elle vous demandera son code PIN.
enrol-button = Enregistrer ma clé de sécurité
enrol-already = Déjà enregistré ?

## Champs de formulaire

field-required = Veuillez remplir ce champ.
field-invalid-date = Veuillez saisir une date valide, sous la forme jour/mois/année, par exemple 25/11/2026.
field-country-code = Utilisez le code pays à deux lettres, par exemple LU.
field-choose = Choisir…
field-national-id = Matricule
field-given-name = Prénoms
field-family-name = Nom
field-birth-date = Date de naissance
field-language = Langue préférée
field-address = Adresse postale
field-street = Rue et numéro
field-postal-code = Code postal
field-city = Localité
field-country = Pays
field-country-hint = Deux lettres : LU, FR, BE, DE …
field-profession = Profession
field-licence = Numéro d’autorisation d’exercer
field-organisation = Organisation
national-id-incomplete = Chiffres manquants : { $count } sur 13.
national-id-valid = Matricule valide, né(e) le { $date }.

## Espaces patient et professionnel (connecté)

patient-signed-in-intro = Vous êtes connecté à votre dossier de soins partagé.
patient-record-coming = Ici, vous lisez vos documents, décidez qui voit quoi et suivez chaque accès à votre dossier.
patient-activate-link = Activer votre dossier avec votre lettre
professional-signed-in-intro = Vous êtes connecté au portail des professionnels.
professional-signed-in-as = Vous êtes connecté au portail des professionnels en tant que { $profession }.
professional-record-coming = Trouvez un patient auquel vous avez accès, ouvrez un dossier avec le code de connexion du patient ou enregistrez une admission ; la page de chaque dossier en liste les documents et vous permet d’en déposer un.

## Console de l’agence

agency-greeting = Connecté en tant que { $name }. Ouvrez des dossiers et imprimez leurs lettres ; tenez à jour l’annuaire des professionnels.
agency-sections = Sections de la console
agency-not-for-you = La console de l’agence est réservée au personnel de l’agence.
agency-patients-heading = Patients
agency-patients-list = Dossiers trouvés
agency-patient-search-label = Rechercher par nom ou matricule
agency-no-patients = Aucun dossier ne correspond.
agency-patient-create-heading = Ouvrir un dossier
agency-national-id-hint = 13 chiffres. La date de naissance en est déduite.
agency-birth-date-hint = Doit correspondre aux huit premiers chiffres du matricule.
agency-patient-create-button = Ouvrir le dossier
agency-patient-created = Le dossier de { $name } est ouvert. Téléchargez la lettre d’information dans la liste pour l’envoyer.
agency-record-state = État
record-state-created = Créé, pas encore activé
record-state-activated = Activé
record-state-closed = Fermé
agency-code-locked = Code bloqué
agency-letter = Lettre
agency-letter-none = Pas encore de lettre
agency-letter-issued-until = Émise le { $date } ; opposition possible jusqu’au { $deadline }
agency-download-letter = Télécharger la lettre d’information (PDF)
agency-letter-new-code = La lettre contient un nouveau code d’activation.
agency-letter-voids-previous = Une nouvelle lettre contient un nouveau code d’activation : le code de la lettre précédente ne fonctionne plus.
agency-letter-recovery = Le dossier est activé : c’est une lettre de récupération, pour un patient qui a perdu sa clé d’accès. Son code remplace toutes ses clés d’accès et ferme ses sessions ; le patient en est informé aussitôt dans l’application.
agency-letter-busy = Préparation de la lettre…
agency-letter-done = Lettre téléchargée. Seul son code d’activation est désormais valable.
agency-professionals-heading = Professionnels
agency-emergency-heading = Accès d’urgence
agency-emergency-intro = Chaque accès d’urgence (« bris de glace ») ouvert par un professionnel, du plus récent au plus ancien ; et, avant eux, les alertes : les professionnels refusés parce qu’ils en avaient déjà ouvert autant que permis.
agency-emergency-alerts-heading = Alertes
agency-emergency-no-alerts = Aucune alerte : aucun professionnel n’a atteint la limite.
agency-emergency-alert = { $name } s’est vu refuser un accès d’urgence : { $count } déjà ouverts en { $hours } heures, pour une limite de { $max }.
agency-emergency-openings-heading = Accès d’urgence ouverts
agency-emergency-none = Aucun accès d’urgence n’a été ouvert.
agency-emergency-opening = { $name } a ouvert le dossier { $record } : « { $reason } »
agency-emergency-someone = Un professionnel qui n’est plus dans l’annuaire
agency-professionals-list = Professionnels trouvés
agency-professional-search-label = Rechercher par nom ou numéro d’autorisation
agency-no-professionals = Aucun professionnel ne correspond.
agency-professional-create-heading = Ajouter un professionnel à l’annuaire
agency-professional-create-button = Ajouter le professionnel
agency-professional-created = { $name } figure dans l’annuaire. Émettez un code d’enrôlement pour qu’il ou elle enregistre sa clé de sécurité.
agency-keys = Clés de sécurité
agency-keys-count = { $count } enregistrée(s)
agency-enrolment-pending = un code d’enrôlement attend d’être utilisé
agency-enrolment-none = aucun code d’enrôlement en cours
agency-issue-code = Émettre un code d’enrôlement
agency-issue-revokes = Un nouveau code révoque immédiatement les { $count } clé(s) de sécurité enregistrée(s) : le professionnel ne peut plus se connecter avant d’avoir enregistré une clé avec le nouveau code.
agency-issue-replaces = Un nouveau code remplace le code pas encore utilisé, qui ne fonctionne plus.
agency-issue-confirm = Révoquer et émettre un nouveau code
agency-issue-busy = Émission du code…
agency-issued-heading = Code d’enrôlement pour { $name }
agency-issued-once = Ce code n’est affiché qu’une seule fois. Remettez-le, ou le lien, à la personne maintenant ; l’agence ne pourra plus l’afficher.
agency-issued-code = Code
agency-issued-link = Lien d’enrôlement
agency-issued-expires = Valable jusqu’au
agency-issued-revoked = { $count } clé(s) de sécurité enregistrée(s) ont été révoquée(s).
agency-copy-code = Copier le code
agency-copy-link = Copier le lien
agency-copied-code = Le code est copié.
agency-copied-link = Le lien est copié.
agency-copy-failed = La copie n’a pas fonctionné : sélectionnez le texte et copiez-le vous-même.
agency-issued-done = Terminé, masquer le code

## Page Sécurité

security-title = Sécurité
security-heading = La sécurité de votre connexion
security-signed-out = Connectez-vous pour voir vos clés d’accès ou vos clés et vos sessions.
security-intro-patient = Vos clés d’accès vous permettent de vous connecter sans mot de passe. Gardez-en au moins deux, sur des appareils différents, pour ne pas rester bloqué si vous en perdez une.
security-intro-key = Vos clés de sécurité vous permettent de vous connecter. Enregistrez une clé de réserve, pour ne pas rester bloqué si vous en perdez une.
security-passkeys-heading = Vos clés d’accès
security-keys-heading = Vos clés de sécurité
security-kind = Type
security-synced = Clé d’accès synchronisée entre vos appareils
security-device-bound = Liée à un seul appareil
security-created = Enregistrée le
security-last-used = Dernière utilisation
security-never-used = Jamais
security-suspended = Suspendue pour votre protection : elle a peut-être été copiée. Contactez le service d’assistance.
security-last-passkey = C’est votre seule clé d’accès : elle ne peut pas être supprimée. Ajoutez-en d’abord une autre. Si vous la perdez, appelez le service d’assistance de l’agence : il vous envoie par la poste une lettre de récupération, dont le code remplace vos clés d’accès.
security-last-key = C’est votre seule clé de sécurité : elle ne peut pas être supprimée. Ajoutez-en d’abord une autre. Si vous la perdez, appelez le service d’assistance de l’agence : il vous remet un nouveau code d’enrôlement, qui la remplace.
security-rename = Renommer
security-rename-named = Renommer { $name }
security-rename-label = Nouveau nom
security-renamed = Le nom est enregistré.
security-remove = Supprimer
security-remove-named = Supprimer { $name }
security-remove-confirm = Supprimer « { $name } » ? Vous ne pourrez plus vous connecter avec.
security-removed = Supprimée.
security-add-passkey = Ajouter une clé d’accès
security-add-key = Ajouter une clé de sécurité
security-new-name-label = Nom (facultatif)
security-new-name-hint = Pour la reconnaître, par exemple « Mon téléphone » ou « Clé de réserve ».
security-add-reverify-hint = Pour votre protection, il peut vous être demandé de confirmer d’abord avec une clé d’accès ou une clé que vous avez déjà.
security-added = Ajoutée. Vous pouvez maintenant vous connecter avec.
security-sessions-heading = Où vous êtes connecté
security-session-started = Connexion
security-session-last-seen = Dernière activité
security-this-device = cet appareil
security-end-session = Mettre fin à cette session
security-end-this-session = Se déconnecter ici
security-session-ended = La session est terminée.
browser-on-system = { $browser } sous { $system }
browser-unknown = Navigateur inconnu

## L’historique du patient

history-title = Historique
history-heading = L’historique de votre dossier
history-intro = Tout ce qui s’est passé dans votre dossier est listé ici, du plus récent au plus ancien : qui, quand, quoi, et selon quelle règle. Vos propres connexions et les changements de vos clés d’accès y figurent aussi. Chaque consultation ou téléchargement de cet historique est également enregistré.
history-link = Voir l’historique de votre dossier : qui a fait quoi, et quand
history-signed-out = Connectez-vous en tant que patient pour voir l’historique de votre dossier.
history-back = Retour à votre dossier
history-filters = Filtrer l’historique
history-filter-actor = Qui
history-filter-actor-all = Tout le monde
history-filter-actor-patient = Vous
history-filter-actor-professional = Les professionnels de santé
history-filter-actor-agent = L’agence
history-filter-action = Quoi
history-filter-action-all = Tout
history-filter-from = Du
history-filter-to = Au
history-filter-apply = Afficher
history-filter-reset = Effacer les filtres
history-empty = Rien dans l’historique ne correspond à ces filtres.
history-load-more = Afficher les entrées plus anciennes
history-end = C’est le début de l’historique de votre dossier.
history-downloads = Télécharger l’historique (avec ces filtres)
history-download-csv = Pour un tableur (CSV)
history-download-fhir = Pour un logiciel de santé (FHIR)
history-refused = Refusé.
history-refused-because = Refusé : { $reason }
history-rule = Au titre de : { $rule }
history-context = Contexte : { $context }
history-label = Nom : { $label }
history-reference = Référence : { $id }
history-actor-you = Vous
history-actor-agent = L’agence ({ $name })
history-actor-agency = L’agence
history-actor-professional = { $name } ({ $profession })
history-actor-professional-unnamed = Un professionnel de santé
history-actor-patient = Un patient
history-actor-unknown = Quelqu’un
history-action-other = { $actor } : { $action }.
history-action-patient-created = { $actor } a créé votre dossier.
history-action-letter-issued = { $actor } a émis votre lettre d’information et d’activation.
history-action-recovery-letter-issued = { $actor } a émis une lettre de récupération : son code remplace vos clés d’accès.
history-action-activation-attempt = Le code d’activation de votre lettre a été saisi.
history-action-activation = Votre dossier a été activé avec une nouvelle clé d’accès.
history-action-sign-in = { $who ->
    [you] Vous vous êtes connecté.
   *[other] { $actor } s’est connecté.
}
history-action-sign-out = { $who ->
    [you] Vous vous êtes déconnecté.
   *[other] { $actor } s’est déconnecté.
}
history-action-reverification = { $who ->
    [you] Vous avez confirmé votre identité avec votre clé d’accès.
   *[other] { $actor } a confirmé à nouveau son identité.
}
history-action-credential-added = { $who ->
    [you] Vous avez ajouté une clé d’accès.
   *[other] { $actor } a ajouté une clé d’accès.
}
history-action-credential-renamed = { $who ->
    [you] Vous avez renommé une clé d’accès.
   *[other] { $actor } a renommé une clé d’accès.
}
history-action-credential-removed = { $who ->
    [you] Vous avez supprimé une clé d’accès.
   *[other] { $actor } a supprimé une clé d’accès.
}
history-action-credential-recovery = Vos clés d’accès ont été remplacées avec le code d’une lettre de récupération : les anciennes ont été supprimées et toutes les sessions fermées.
history-action-session-ended = { $who ->
    [you] Vous avez mis fin à l’une de vos sessions.
   *[other] { $actor } a mis fin à une session.
}
history-action-history-viewed = { $who ->
    [you] Vous avez consulté cet historique.
   *[other] { $actor } a consulté cet historique.
}
history-action-history-exported = { $who ->
    [you] Vous avez téléchargé cet historique.
   *[other] { $actor } a téléchargé cet historique.
}
history-stated-reason = Motif indiqué : { $reason }
history-document = « { $title } » ({ $category })
history-document-titled = « { $title } »
history-document-of-category = un document ({ $category })
history-document-unknown = un document
history-professional-unknown = un professionnel de santé
history-organisation-unknown = non précisé
history-holder-unknown = un professionnel ou un établissement de soins
history-action-document-filed = { $outcome ->
    [failure] { $who ->
        [you] Vous avez tenté de déposer { $document }.
       *[other] { $actor } a tenté de déposer { $document }.
    }
   *[success] { $who ->
        [you] Vous avez déposé { $document } dans votre espace personnel.
       *[other] { $actor } a déposé { $document }.
    }
}
history-action-document-version-filed = { $outcome ->
    [failure] { $who ->
        [you] Vous avez tenté de remplacer { $document } par une nouvelle version.
       *[other] { $actor } a tenté de remplacer { $document } par une nouvelle version.
    }
   *[success] { $who ->
        [you] Vous avez remplacé { $document } par une nouvelle version.
       *[other] { $actor } a remplacé { $document } par une nouvelle version.
    }
}
history-action-document-read = { $outcome ->
    [failure] { $who ->
        [you] Vous avez tenté d’ouvrir { $document }.
       *[other] { $actor } a tenté de lire { $document }.
    }
   *[success] { $who ->
        [you] Vous avez ouvert { $document }.
       *[other] { $actor } a lu { $document }.
    }
}
history-action-document-history-read = { $outcome ->
    [failure] { $who ->
        [you] Vous avez tenté de consulter les versions précédentes pour { $document }.
       *[other] { $actor } a tenté de consulter les versions précédentes pour { $document }.
    }
   *[success] { $who ->
        [you] Vous avez consulté les versions précédentes pour { $document }.
       *[other] { $actor } a consulté les versions précédentes pour { $document }.
    }
}
history-action-document-withdrawn = { $outcome ->
    [failure] { $who ->
        [you] Vous avez tenté de retirer { $document }.
       *[other] { $actor } a tenté de retirer { $document }.
    }
   *[success] { $who ->
        [you] Vous avez retiré { $document }.
       *[other] { $actor } a retiré { $document } : les professionnels ne le voient plus.
    }
}
history-action-document-refused-by-patient = { $outcome ->
    [failure] { $actor } a tenté d’enregistrer votre refus du dépôt pour { $document }.
   *[success] { $actor } a enregistré votre refus : { $document } n’a pas été déposé.
}
history-action-document-restricted = { $who ->
    [you] { $context ->
        [none] Vous avez levé les restrictions sur { $document } : tous les professionnels autorisés par les règles peuvent de nouveau le voir.
        [author_only] Vous avez masqué { $document } à tous les professionnels sauf son auteur et votre médecin référent.
        [hidden_from] { $named ->
            [yes] Vous avez masqué { $document } à { $professional }.
           *[no] Vous avez masqué { $document } à certains professionnels.
        }
       *[other] Vous avez modifié qui peut voir { $document }.
    }
   *[other] { $actor } a modifié qui peut voir { $document }.
}
history-action-documents-listed = { $who ->
    [you] Vous avez consulté la liste de vos documents.
   *[other] { $actor } a consulté la liste de vos documents.
}
history-action-record-opened = { $outcome ->
    [failure] { $actor } a tenté d’ouvrir votre dossier.
   *[success] { $actor } a ouvert votre dossier.
}
history-action-patient-lookup = { $outcome ->
    [failure] { $actor } a tenté de trouver votre dossier avec votre matricule.
   *[success] { $actor } a trouvé votre dossier avec votre matricule.
}
history-action-link-opened = { $outcome ->
    [failure] { $context ->
        [consultation] { $actor } a tenté d’ouvrir votre dossier avec un code de connexion.
       *[other] { $actor } a tenté d’enregistrer votre admission.
    }
   *[success] { $context ->
        [consultation] { $actor } a ouvert votre dossier avec votre code de connexion : un lien de consultation pour 15 jours.
        [institution_stay] { $actor } a enregistré votre séjour (établissement : { $organisation }) : son équipe de soins peut ouvrir votre dossier pendant 45 jours.
        [emergency_department] { $actor } a enregistré votre passage aux urgences (établissement : { $organisation }) : son équipe peut ouvrir votre dossier pendant 16 jours.
       *[other] { $actor } a ouvert un lien vers votre dossier.
    }
}
history-action-link-renewed = { $outcome ->
    [failure] { $actor } a tenté de prolonger votre séjour (établissement : { $organisation }).
   *[success] { $actor } a prolongé de 30 jours votre séjour (établissement : { $organisation }).
}
history-action-emergency-access-opened = { $outcome ->
    [failure] { $actor } a tenté d’ouvrir un accès d’urgence à votre dossier.
   *[success] { $actor } a ouvert un accès d’urgence à votre dossier, pour 4 heures.
}
history-action-access-traces-viewed = { $outcome ->
    [failure] { $actor } a tenté de lire l’historique de votre dossier.
   *[success] { $actor }, votre médecin référent, a lu l’historique de votre dossier.
}
history-action-connection-code-issued = { $who ->
    [you] Vous avez créé un code de connexion à donner à un professionnel de santé.
   *[other] { $actor } a créé un code de connexion.
}
history-action-link-granted = { $who ->
    [you] Vous avez donné accès à votre dossier à { $holder }.
   *[other] { $actor } a donné accès à votre dossier à { $holder }.
}
history-action-link-ended = { $who ->
    [you] Vous avez mis fin à l’accès à votre dossier pour { $holder }.
   *[other] { $actor } a mis fin à l’accès à votre dossier pour { $holder }.
}
history-action-referent-designated = { $who ->
    [you] Vous avez choisi { $professional } comme médecin référent.
   *[other] { $actor } a choisi { $professional } comme médecin référent.
}
history-action-referent-removed = { $who ->
    [you] { $named ->
        [yes] Vous avez retiré { $professional } comme médecin référent.
       *[no] Vous avez retiré votre médecin référent.
    }
   *[other] { $actor } a retiré le médecin référent.
}
history-action-professional-blocked = { $who ->
    [you] Vous avez bloqué { $professional } : il ne peut plus accéder à votre dossier.
   *[other] { $actor } a bloqué { $professional }.
}
history-action-professional-unblocked = { $who ->
    [you] Vous avez débloqué { $professional }.
   *[other] { $actor } a débloqué { $professional }.
}
history-action-emergency-access-enabled = { $who ->
    [you] Vous avez autorisé l’accès d’urgence à votre dossier.
   *[other] { $actor } a autorisé l’accès d’urgence.
}
history-action-emergency-access-disabled = { $who ->
    [you] Vous avez désactivé l’accès d’urgence à votre dossier.
   *[other] { $actor } a désactivé l’accès d’urgence.
}
history-group-documents = Documents
history-group-access = Accès des professionnels
history-group-rights = Qui peut voir votre dossier
history-group-record = Votre dossier et cet historique
history-group-security = Connexion et clés d’accès
history-what-document-filed = Documents déposés
history-what-document-version-filed = Nouvelles versions de documents
history-what-document-read = Documents lus
history-what-document-history-read = Versions d’un document consultées
history-what-document-withdrawn = Documents retirés
history-what-document-refused-by-patient = Dépôts que vous avez refusés
history-what-document-restricted = Changements de qui peut voir un document
history-what-documents-listed = Liste de vos documents consultée
history-what-record-opened = Dossier ouvert par un professionnel
history-what-patient-lookup = Recherches de votre dossier
history-what-link-opened = Consultations et admissions
history-what-link-renewed = Séjours prolongés
history-what-emergency-access-opened = Accès d’urgence
history-what-access-traces-viewed = Historique lu par votre médecin référent
history-what-connection-code-issued = Codes de connexion créés
history-what-link-granted = Accès que vous avez donnés
history-what-link-ended = Accès arrêtés
history-what-referent-designated = Médecin référent choisi
history-what-referent-removed = Médecin référent retiré
history-what-professional-blocked = Professionnels bloqués
history-what-professional-unblocked = Professionnels débloqués
history-what-emergency-access-enabled = Accès d’urgence autorisé
history-what-emergency-access-disabled = Accès d’urgence désactivé
history-what-patient-created = Dossier créé
history-what-letter-issued = Lettres émises
history-what-recovery-letter-issued = Lettres de récupération émises
history-what-activation-attempt = Codes d’activation saisis
history-what-activation = Dossier activé
history-what-history-viewed = Historique consulté
history-what-history-exported = Historique téléchargé
history-what-sign-in = Connexions
history-what-sign-out = Déconnexions
history-what-reverification = Identité confirmée à nouveau
history-what-credential-added = Clés d’accès ajoutées
history-what-credential-renamed = Clés d’accès renommées
history-what-credential-removed = Clés d’accès supprimées
history-what-credential-recovery = Clés d’accès remplacées par une lettre de récupération
history-what-session-ended = Sessions terminées
history-rule-holder = votre propre accès, en tant que titulaire du dossier
history-rule-referent = médecin référent
history-rule-link-consultation = lien de consultation (code de connexion)
history-rule-link-institution-stay = lien d’un séjour dans un établissement de soins
history-rule-link-emergency-department = lien d’un passage aux urgences
history-rule-link-patient-grant = accès que vous avez donné
history-rule-emergency-access = accès d’urgence
history-rule-emergency-access-opening = accès d’urgence autorisé sur votre dossier
history-denied-not-the-holder = ce n’est pas son dossier
history-denied-agency-has-no-health-access = l’agence n’a pas accès aux données de santé
history-denied-professionals-only = seul un professionnel de santé peut le faire
history-denied-record-closed = votre dossier est fermé
history-denied-no-letter-yet = votre lettre d’information n’a pas encore été envoyée
history-denied-objection-window = le délai de 30 jours pour vous opposer à votre dossier court encore
history-denied-professional-inactive = ce professionnel n’est plus actif
history-denied-blocked = vous avez bloqué ce professionnel
history-denied-category-not-readable = sa profession ne peut pas lire ce type de document
history-denied-category-not-writable = sa profession ne peut pas déposer ce type de document
history-denied-access-traces-referent-only = seul votre médecin référent peut lire cet historique
history-denied-restricted = vous avez masqué ce document à ce professionnel
history-denied-not-author = seul l’auteur du document peut le faire
history-denied-holder-writes-only-personal-space = vous ne pouvez déposer des documents que dans votre espace personnel
history-denied-no-care-relation = il n’a aucune relation de soins avec vous (pas de lien, pas votre médecin référent)
history-denied-link-not-started = son lien n’avait pas encore commencé
history-denied-link-expired = son lien avait expiré
history-denied-link-ended = vous aviez mis fin à son accès
history-denied-emergency-access-expired = son accès d’urgence avait expiré
history-denied-emergency-access-switched-off = vous avez désactivé l’accès d’urgence
history-denied-emergency-access-read-only = un accès d’urgence ne permet que la lecture
history-denied-not-author-or-colleague = seul l’auteur du document ou un collègue de son organisation peut en déposer une nouvelle version
history-denied-withdrawn = le document avait été retiré par son auteur
history-denied-emergency-access-limit-reached = le professionnel de santé avait déjà ouvert autant d’accès d’urgence que permis ; l’agence a été alertée
history-denied-not-found = le document est introuvable (retiré, ou absent de votre dossier)
history-context-consultation = une consultation (code de connexion, 15 jours)
history-context-institution-stay = un séjour dans un établissement de soins (45 jours, prolongeable)
history-context-emergency-department = un passage aux urgences (24 heures, puis 15 jours)
history-context-patient-grant = un accès que vous avez donné dans ce portail

## Qui peut voir mon dossier (patient) et ouverture d’un dossier avec un code de connexion (professionnel)
care-title = Qui peut voir mon dossier
care-heading = Qui peut voir mon dossier
care-intro = Vous décidez quels professionnels de santé peuvent ouvrir votre dossier, et pour combien de temps. Chaque accès est inscrit dans votre historique.
care-signed-out = Connectez-vous en tant que patient pour décider qui peut voir votre dossier.
care-link = Qui peut voir mon dossier : code de connexion, médecin référent, accès et blocages
care-code-heading = Donner un code de connexion à mon médecin
care-code-explain = Lors d’une consultation, votre médecin a besoin de votre matricule et d’un code de connexion pour ouvrir votre dossier. Le code ne sert qu’une fois et pendant 10 minutes. Votre médecin peut ensuite lire votre dossier pendant 15 jours.
care-code-button = Donner un code de connexion à mon médecin
care-code-again = Créer un nouveau code
care-code-shown-heading = Votre code de connexion
care-code-copy = Copier le code
care-code-copied = Le code a été copié.
care-code-countdown = Encore valable { $time }.
care-code-expires-at = Il ne fonctionnera plus à { $time }.
care-code-tell = Dites ce code à votre médecin ou montrez-lui cet écran. Ne le donnez jamais à quelqu’un qui vous appelle sans que vous l’ayez demandé.
care-code-expired = Ce code a expiré. Créez-en un nouveau quand votre médecin est prêt.
care-referent-heading = Mon médecin référent
care-referent-explain = Votre médecin référent est un médecin que vous choisissez. Il peut lire votre dossier à tout moment, sans code de connexion, et il est le seul professionnel à voir aussi les traces de qui a ouvert votre dossier. Seul un médecin peut être votre médecin référent.
care-referent-remove = Retirer comme médecin référent
care-referent-none = Vous n’avez pas de médecin référent. Cherchez votre médecin ci-dessous pour le choisir.
care-referent-blocked = Vous avez aussi bloqué ce médecin : il ne voit rien de votre dossier, même en tant que médecin référent.
care-find-heading = Trouver un professionnel
care-find-intro = Cherchez dans l’annuaire par nom pour choisir votre médecin référent, donner un accès à un professionnel jusqu’à une date, ou bloquer un professionnel.
care-search-label = Nom du professionnel
care-search-hint = Au moins 2 lettres.
care-search-too-short = Tapez au moins 2 lettres.
care-search-none = Aucun professionnel de l’annuaire ne porte ce nom.
care-search-results = Professionnels trouvés
care-is-referent = Votre médecin référent
care-is-blocked = Bloqué
care-designate = Choisir comme médecin référent
care-grant = Donner accès jusqu’à la date
care-block = Bloquer
care-grant-until-label = Accès jusqu’au (dernier jour inclus)
care-grant-until-hint = Choisissez le dernier jour où le professionnel pourra lire votre dossier, puis appuyez sur « Donner accès jusqu’à la date » à côté de son nom.
care-grant-until-past = Choisissez aujourd’hui ou un jour plus tard.
care-block-warning = Un professionnel bloqué ne voit rien de votre dossier, même en cas d’urgence. Cela peut mettre vos soins en danger : ne bloquez que quelqu’un qui ne doit jamais le voir.
care-links-heading = Qui peut voir mon dossier maintenant
care-links-explain = Chaque professionnel ci-dessous peut lire votre dossier pour les soins que vous recevez, jusqu’à la date indiquée. Vous pouvez mettre fin à tout accès immédiatement.
care-links-none = Aucun professionnel n’a accès à votre dossier par une consultation, un séjour ou votre autorisation.
care-link-unknown = Un professionnel qui n’est plus dans l’annuaire
care-link-blocked = Vous avez bloqué ce professionnel : cet accès ne lui donne rien.
care-link-live = Actif
care-link-ended = Arrêté par vous
care-link-expired = Terminé
care-link-ended-at = arrêté par vous le { $date }
care-link-state = État
care-link-from = Depuis le
care-link-until = Jusqu’au
care-end = Mettre fin à l’accès maintenant
care-end-confirm = Mettre fin maintenant à l’accès de { $name } à votre dossier ? Cette personne ne pourra plus le lire.
care-end-yes = Oui, mettre fin à l’accès
care-end-no = Garder l’accès
care-context-consultation = Une consultation : vous avez donné votre code de connexion à ce professionnel (15 jours).
care-context-institution-stay = Un séjour à l’hôpital ou en maison de soins (45 jours, prolongeable).
care-context-emergency-department = Un passage aux urgences (24 heures, puis 15 jours).
care-context-patient-grant = Vous avez donné cet accès vous-même, dans ce portail.
care-blocked-heading = Professionnels bloqués
care-blocked-none = Vous n’avez bloqué aucun professionnel.
care-unblock = Débloquer
care-emergency-heading = Accès d’urgence
care-emergency-label = Autoriser l’accès d’urgence à mon dossier
care-emergency-explain = En cas d’urgence, un professionnel qui n’a pas encore accès peut lire votre dossier pendant 4 heures, après en avoir donné la raison. Vous en êtes informé aussitôt, et l’agence contrôle chaque accès d’urgence. Un professionnel que vous avez bloqué ne le peut jamais.
care-done-designated = { $name } est maintenant votre médecin référent.
care-done-referent-removed = Vous n’avez plus de médecin référent.
care-done-granted = { $name } peut lire votre dossier jusqu’au { $date } inclus.
care-done-ended = L’accès a pris fin : ce professionnel ne peut plus lire votre dossier.
care-done-blocked = { $name } est bloqué et ne voit rien de votre dossier.
care-done-unblocked = { $name } n’est plus bloqué.
care-done-emergency-on = L’accès d’urgence est autorisé.
care-done-emergency-off = L’accès d’urgence est désactivé.
consult-heading = Ouvrir le dossier d’un patient avec son code de connexion
consult-intro = Demandez au patient son matricule et un code de connexion de son portail (il ne sert qu’une fois, pendant 10 minutes). Le dossier vous est alors ouvert pendant 15 jours.
consult-national-id-label = Matricule du patient
consult-national-id-hint = 13 chiffres. Les espaces sont permis.
consult-code-label = Code de connexion
consult-code-hint = Tel qu’affiché dans le portail du patient.
consult-button = Ouvrir le dossier
consult-opened = Le dossier du patient vous est ouvert jusqu’au { $date }.
consult-open-record = Aller au dossier de ce patient : documents et dépôt
documents-title = Mes documents
documents-heading = Les documents de mon dossier
documents-intro = Tous les documents déposés dans votre dossier : comptes rendus, résultats, ordonnances, images. Les plus récents d’abord, ou classés par catégorie. Vous pouvez les lire ici, les télécharger et décider quels professionnels peuvent voir chacun d’eux.
documents-signed-out = Connectez-vous en tant que patient pour voir les documents de votre dossier.
documents-link = Mes documents : lire, télécharger et choisir qui peut voir chacun d’eux
documents-restrict-warning = Si vous masquez un document, un professionnel qui vous soigne peut passer à côté d’une information importante, par exemple une allergie ou un traitement. Cela peut mettre vos soins en danger. Ne masquez un document que si vous avez une bonne raison.
documents-none = Il n’y a encore aucun document ici.
documents-arrangement = Comment afficher les documents
documents-timeline = Les plus récents d’abord
documents-by-category = Par catégorie
documents-date = Date
documents-category = Catégorie
documents-author = Déposé par
documents-version = Version actuelle
documents-version-filed = version { $version }, déposée par { $name } le { $date }
documents-format = Format
documents-size = Taille
documents-view = Afficher
documents-download = Télécharger
documents-viewer-safe = Affiché par la page elle-même : le document ne peut rien exécuter dans votre navigateur.
documents-viewer-close = Fermer le document
documents-viewer-unreadable = Ce document ne peut pas être affiché ici. Téléchargez-le pour l’ouvrir avec un autre programme.
documents-pages = Pages du document
documents-page = Page { $page } sur { $pages }
documents-page-previous = Page précédente
documents-page-next = Page suivante
documents-clinical-title = Titre
documents-clinical-patient = Patient
documents-clinical-author = Auteur
documents-clinical-attachment = Le contenu de ce document y est joint dans un autre format : téléchargez-le pour le lire.
documents-clinical-unreadable = Cette partie du document ne peut pas être affichée ici : téléchargez le document pour la lire.
documents-fhir-about = Objet
documents-fhir-status = Statut
documents-fhir-result = Résultat
documents-restriction-label = Qui peut voir ce document
documents-restriction-none = Tous les professionnels qui ont accès à mon dossier
documents-restriction-author-only = Seulement son auteur (et mon médecin référent)
documents-restriction-hidden-from = Tout le monde sauf les professionnels que je choisis
documents-restriction-save = Enregistrer qui peut le voir
documents-restriction-saved = Enregistré. Seuls les professionnels que vous avez autorisés peuvent voir ce document.
documents-hidden-none = Vous n’avez encore choisi personne. Cherchez par nom ci-dessous.
documents-hidden-unnamed = Un professionnel choisi auparavant
documents-hide-from = Masquer à ce professionnel
documents-unhide = Ne plus le lui masquer
documents-withdrawn = Retiré par son auteur
documents-withdrawn-reason = Retiré par son auteur : { $reason }
documents-withdrawn-explain = Les professionnels ne voient plus ce document. Vous pouvez encore le lire et le télécharger.
record-title = Dossier du patient
record-heading = Le dossier du patient
record-intro = Les documents de ce dossier que vous pouvez voir, et le formulaire pour en déposer un nouveau. Tout ce que vous faites ici est inscrit dans l’historique du patient.
record-signed-out = Connectez-vous en tant que professionnel de santé pour ouvrir un dossier.
record-back = Retour à mon portail
record-documents-heading = Documents
record-not-found = Vous n’avez pas accès à ce dossier, ou il n’existe pas.
upload-heading = Déposer un document
upload-explain = PDF, PNG ou JPEG jusqu’à 20 Mo ; CDA (XML) ou FHIR (JSON) jusqu’à 5 Mo. Vous ne pouvez déposer que dans les catégories que votre profession peut alimenter.
upload-file-label = Fichier
upload-file-hint = Choisissez le document sur votre ordinateur.
upload-file-required = Choisissez un fichier.
upload-category-label = Catégorie
upload-category-choose = Choisissez une catégorie
upload-category-required = Choisissez une catégorie.
upload-title-label = Titre
upload-title-too-long = Le titre peut compter au plus 200 caractères.
upload-date-label = Date clinique (de l’examen, du séjour ou de la prescription)
upload-button = Déposer le document
upload-progress-label = Envoi
upload-done = « { $title } » a été déposé dans le dossier.

## The professional finds a patient, registers an admission, breaks the glass
find-heading = Trouver un patient
find-intro = Saisissez le matricule d’un patient dont vous pouvez consulter le dossier en ce moment (par une consultation, une admission, une autorisation du patient, ou comme médecin référent).
find-button = Trouver le patient
find-born = Né(e) le { $date }
find-none = Aucun patient auquel vous avez accès en ce moment n’a ce matricule.
find-none-hint = Pour accéder au dossier d’un patient, demandez-lui un code de connexion lors de la visite, ou enregistrez une admission si vous travaillez dans un hôpital ou une maison de soins.
admission-heading = Enregistrer une admission
admission-intro = Pour le personnel d’un hôpital ou d’une maison de soins : un séjour ouvre le dossier pendant 45 jours (prolongeable de 30 jours), un passage aux urgences pendant 24 heures puis 15 jours.
admission-context-label = Type d’admission
admission-context-choose = Choisissez le type d’admission
admission-context-required = Veuillez choisir le type d’admission.
admission-stay = Séjour dans l’établissement (45 jours, prolongeable)
admission-emergency-department = Urgences (24 heures, puis 15 jours)
admission-button = Enregistrer l’admission
admission-opened = L’admission est enregistrée. Le dossier est ouvert à votre établissement jusqu’au { $date }.
admission-renewed = Le séjour est prolongé. Le dossier est ouvert à votre établissement jusqu’au { $date }.
admission-renew = Prolonger le séjour de 30 jours
admission-not-institution = Seul le personnel d’un hôpital ou d’une maison de soins peut enregistrer une admission.
admission-refused = L’admission n’a pas pu être enregistrée pour ce matricule.
emergency-heading = Accès d’urgence (« bris de glace »)
emergency-explain-hours = Vous pouvez lire ce dossier pendant 4 heures.
emergency-explain-patient = Le patient en est informé aussitôt, avec la raison que vous donnez.
emergency-explain-agency = L’agence contrôle chaque accès d’urgence.
emergency-explain-block = Ce n’est jamais possible si le patient vous a bloqué ou a désactivé l’accès d’urgence.
emergency-reason-label = Pourquoi avez-vous besoin de ce dossier maintenant ?
emergency-reason-hint = Entre 10 et 500 caractères ; le patient et l’agence la liront. Saisis jusqu’ici : { $count }.
emergency-reason-too-short = Veuillez donner une raison d’au moins 10 caractères.
emergency-reason-too-long = La raison peut compter au plus 500 caractères.
emergency-key-hint = Il vous sera demandé de confirmer avec votre clé de sécurité.
emergency-button = Ouvrir le dossier en urgence
emergency-opened = L’accès d’urgence est ouvert jusqu’au { $date }. Le patient en a été informé.
emergency-refused = L’accès d’urgence à ce dossier n’est pas possible.

## The patient's notifications
notifications-heading = Notifications
notifications-none = Vous n’avez aucune notification.
notifications-unread = Non lues : { $count }
notifications-new = Nouveau
notifications-read = Tout marquer comme lu
notification-someone = Un professionnel
notification-emergency = { $name } a ouvert votre dossier en urgence : « { $reason } »
notification-emergency-no-reason = { $name } a ouvert votre dossier en urgence.
notification-first-access = { $name } a ouvert votre dossier avant que vous ne l’ayez activé.
notification-recovery-letter-issued = L’agence a émis une lettre de récupération pour votre dossier : son code remplace vos clés d’accès. Si vous ne l’avez pas demandée, appelez sans attendre le service d’assistance de l’agence.
notification-credential-recovery = Vos clés d’accès ont été remplacées avec le code d’une lettre de récupération : les anciennes ne fonctionnent plus et toutes les sessions ont été fermées. Si ce n’était pas vous, appelez sans attendre le service d’assistance de l’agence.
notification-other = Il s’est passé quelque chose dans votre dossier.

## Des mots qui disent vrai (issue 13 §2)
agency-review = examiner chaque accès d’urgence, et les alertes sur les professionnels qui ont atteint la limite ;
date-format-hint = Jour/mois/année, par exemple 25/11/2026.
## Personal space (wishes, notes, own documents)
personal-link = Mon espace personnel : don d’organes, directives anticipées, notes
personal-title = Espace personnel
personal-heading = Mon espace personnel
personal-intro = Vos propres mots dans votre dossier : vos volontés sur le don d’organes, vos directives anticipées, les notes et documents que vous ajoutez. Les professionnels qui vous soignent les lisent ; vous seul les écrivez ou les retirez.
personal-signed-out = Connectez-vous pour écrire dans votre espace personnel.
personal-note-heading = Écrire une note
personal-note-label = Votre note
personal-note-save = Déposer la note
personal-note-required = Écrivez votre note (20 000 caractères au plus).
personal-title-required = Donnez-lui un titre.
personal-date-label = Date
personal-file-heading = Ajouter un document personnel
personal-entries-heading = Mes notes et documents
personal-entries-none = Vous n’avez encore écrit aucune note ni ajouté de document.
personal-entry-edit = Modifier
personal-entry-save = Enregistrer comme nouvelle version
personal-entry-saved = Enregistré comme nouvelle version ; la précédente reste dans votre dossier.
personal-entry-replace-label = Remplacer par un nouveau fichier
personal-entry-withdraw = Retirer
personal-entry-withdrawn = Vous avez retiré cette entrée : les professionnels ne la voient plus.
personal-entry-withdrawn-done = Retiré : les professionnels ne le voient plus.
personal-reason-label = Pourquoi vous le retirez
personal-reason-required = Indiquez la raison en 3 à 500 caractères.
wish-kind-organ-donation = Don d’organes
wish-kind-advance-directive = Directives anticipées
wish-organ-donation-explain = Indiquez si vos organes et tissus peuvent être donnés après votre décès. Vous pouvez modifier ou retirer ce choix à tout moment.
wish-advance-directive-explain = Indiquez les traitements que vous voulez ou refusez si un jour vous ne pouvez plus le dire vous-même. Vous pouvez les modifier ou les retirer à tout moment.
wish-current-heading = En vigueur
wish-choice-legend = Votre choix
wish-choice-required = Choisissez une des réponses.
wish-choice-donate-all = J’accepte de donner tous mes organes et tissus
wish-choice-donate-except = J’accepte de donner, sauf les organes et tissus indiqués ci-dessous
wish-choice-donate-only = J’accepte de donner uniquement les organes et tissus indiqués ci-dessous
wish-choice-do-not-donate = Je ne veux donner aucun organe ni tissu
wish-choice-trusted-person-decides-donation = Ma personne de confiance décide pour moi
wish-choice-trusted-person-decides-treatment = Ma personne de confiance décide pour moi
wish-choice-all-treatment = Je veux tous les traitements qui peuvent me maintenir en vie
wish-choice-limit-treatment = Je veux être traité dans les limites indiquées ci-dessous
wish-choice-comfort-care-only = Je veux uniquement des soins de confort et le soulagement de la douleur
wish-limits-label = Limites
wish-limits-hint-donation = Quels organes ou tissus (pour « sauf » et « uniquement »).
wish-limits-hint-treatment = Par exemple : pas de réanimation, pas de ventilation artificielle, pas d’alimentation par sonde.
wish-trusted-legend = Personne de confiance (facultatif, obligatoire si elle décide)
wish-trusted-label = Personne de confiance
wish-trusted-name = Nom
wish-trusted-relation = Lien avec vous
wish-trusted-phone = Numéro de téléphone
wish-date-label = Date de cette déclaration
wish-save = Enregistrer
wish-saved = Enregistré : cette version est maintenant en vigueur.
wish-withdraw = Retirer
wish-withdrawn = Retiré : aucune déclaration en vigueur.
wish-withdrawn-done = Retiré : les professionnels ne le voient plus.
wish-versions-heading = Versions précédentes
wish-version-line = Version { $version }, enregistrée le { $date }
wish-signed-on = Déclaré le { $date }
wishes-banner-heading = Volontés déclarées du patient
wishes-banner-none = Le patient n’a déclaré ni volontés sur le don d’organes ni directives anticipées.
error-wish-limits-required = Indiquez les limites de ce choix (2 000 caractères au plus).
error-wish-trusted-person-incomplete = Indiquez le nom de la personne de confiance et un numéro de téléphone pour la joindre.
error-wish-date-in-future = La date de la déclaration ne peut pas être dans le futur.
history-action-wish-recorded = { $outcome ->
    [failure] { $who ->
        [you] Vous avez tenté d’enregistrer une volonté déclarée.
       *[other] { $actor } a tenté d’enregistrer une volonté déclarée.
    }
   *[success] Vous avez enregistré une nouvelle version d’une volonté déclarée (don d’organes ou directives anticipées).
}
history-action-wish-withdrawn = { $outcome ->
    [failure] Vous avez tenté de retirer une volonté déclarée qui n’était pas en vigueur.
   *[success] Vous avez retiré une volonté déclarée : les professionnels ne la voient plus.
}
history-action-wishes-read = { $outcome ->
    [failure] { $who ->
        [you] Vous avez tenté de consulter vos volontés déclarées.
       *[other] { $actor } a tenté de consulter vos volontés déclarées.
    }
   *[success] { $who ->
        [you] Vous avez consulté vos volontés déclarées.
       *[other] { $actor } a consulté vos volontés déclarées.
    }
}
history-what-wish-recorded = Volontés déclarées enregistrées
history-what-wish-withdrawn = Volontés déclarées retirées
history-what-wishes-read = Volontés déclarées consultées
## Professional acts on a record: new versions, withdrawals, the patient's refusal at the point of care
acts-new-version = Déposer une nouvelle version
acts-withdraw = Retirer
acts-cancel = Annuler
acts-version-explain = La nouvelle version devient celle que tout le monde lit ; les versions précédentes restent dans le dossier et peuvent toujours être lues. Le document garde sa catégorie et son auteur ; vous êtes inscrit comme la personne qui a déposé cette version.
acts-version-button = Déposer cette version
acts-version-done = La version { $version } de « { $title } » a été déposée.
acts-withdraw-explain = Un document retiré quitte le dossier pour tous les professionnels. Le patient le voit toujours, marqué comme retiré, avec votre motif. Ce retrait est définitif.
acts-withdraw-reason-label = Pourquoi le retirez-vous ?
acts-withdraw-reason-hint = De 3 à 500 caractères ({ $count } pour l’instant). Le patient le lit.
acts-withdraw-button = Continuer
acts-withdraw-confirm-text = Retirer définitivement « { $title } » ? Les professionnels ne le verront plus.
acts-withdraw-confirm = Oui, le retirer
acts-withdraw-done = « { $title } » a été retiré : les professionnels ne le voient plus ; le patient le voit marqué avec votre motif.
acts-reason-too-short = Indiquez un motif d’au moins 3 caractères.
acts-reason-too-long = Le motif peut compter au plus 500 caractères.
acts-not-allowed = Les règles ne vous permettent plus de faire cela sur ce document : il a peut-être été retiré ou restreint par le patient, ou votre accès au dossier a pris fin. Rechargez le dossier.
refusal-heading = Le patient refuse un dépôt
refusal-explain-when = Lorsqu’un patient vous dit, au moment des soins, qu’il ne veut pas qu’un document (un résultat, un compte rendu …) soit déposé dans son dossier, enregistrez ici son refus au lieu de le déposer.
refusal-explain-nothing-filed = Rien n’est déposé : ni document, ni contenu. Seul le fait que le patient a refusé est conservé, avec la catégorie et ce dont il s’agissait.
refusal-explain-patient = Le patient voit ce refus dans l’historique de son dossier ; les autres professionnels ne voient pas de quoi il s’agissait.
refusal-category-label = Catégorie qu’aurait eue le document
refusal-title-label = De quoi il s’agissait
refusal-title-hint = Par exemple « Prise de sang du 3 décembre ». Le patient le lit dans son historique.
refusal-button = Enregistrer le refus
refusal-done = Le refus du patient a été enregistré : « { $title } » n’a pas été déposé.
refusal-not-allowed = Vous ne pouvez pas déposer de documents de cette catégorie dans ce dossier : il n’y a donc pas de dépôt à refuser.

## The professional's worklist
worklist-title = Mes patients
worklist-heading = Mes patients
worklist-link = Mes patients : les dossiers que vous atteignez par un lien, et les liens qui arrivent à échéance
worklist-intro = Les patients dont vous pouvez ouvrir le dossier maintenant grâce à un lien à vous ou à votre établissement, les plus proches de l’échéance d’abord. Un lien qui prend fin dans les { $days } jours est signalé ; un séjour dans votre établissement peut être prolongé ici.
worklist-list-heading = Liens en cours
worklist-empty = Vous n’avez aucun lien en cours vers un dossier pour le moment.
worklist-birth-date = Né(e) le
worklist-context = Lien
worklist-until = Jusqu’au
worklist-expiring = Prend fin dans quelques jours
worklist-context-consultation = Consultation (code de connexion du patient)
worklist-context-patient-grant = Accès que le patient vous a donné dans son portail
worklist-context-institution-stay = Séjour à { $organisation }
worklist-context-emergency-department = Service des urgences de { $organisation }
worklist-renew = Prolonger le séjour de 30 jours
worklist-renewed = Le séjour de { $name } est prolongé : le dossier est ouvert à votre établissement jusqu’au { $date }.
worklist-renew-refused = Ce lien ne peut pas être prolongé : seul un séjour en cours dans votre propre établissement peut l’être, et seulement tant que le patient ne vous a pas bloqué.

## The médecin référent's access traces on the record page
record-tabs = Vues du dossier
traces-heading = Traces d’accès
traces-intro = En tant que médecin référent du patient, vous pouvez lire l’historique de ce dossier : qui l’a ouvert, qui a lu ou déposé quoi, et selon quelle règle, du plus récent au plus ancien. Chaque lecture de votre part est inscrite dans l’historique du patient.
traces-wording = Les entrées sont formulées comme le patient les lit : « vous » désigne le patient, et « votre dossier » ce dossier.
traces-end = C’est le début de l’historique de ce dossier.
traces-referent-only = Seul le médecin référent du patient lit les traces d’accès de ce dossier.
traces-filter-actor-patient = Le patient
## Agency review of emergency accesses
history-action-emergency-access-reviewed = { $outcome ->
    [failure] { $actor } a tenté d’enregistrer l’examen d’un accès d’urgence à votre dossier.
   *[success] { $actor } a examiné l’accès d’urgence de { $professional } à votre dossier et { $context ->
        [justified] l’a jugé justifié.
        [questioned] l’a mis en question : le professionnel doit s’en expliquer.
       *[escalated] l’a transmis pour une enquête approfondie.
    }
}
history-what-emergency-access-reviewed = Examens des accès d’urgence
notification-emergency-reviewed = L’agence a examiné l’accès d’urgence de { $name } à votre dossier : { $disposition ->
    [justified] justifié.
    [questioned] mis en question ; le professionnel doit s’en expliquer.
    [escalated] transmis pour une enquête approfondie.
   *[other] examiné.
}
notification-emergency-reviewed-note = Note de l’agence : « { $note } »
agency-emergency-until = Lecture possible jusqu’au { $date }
agency-emergency-not-notified = Le patient n’a reçu aucun avis de cet accès dans l’application.
agency-emergency-notified-unread = Le patient en a été averti dans l’application le { $date } ; pas encore lu.
agency-emergency-notified-read = Le patient en a été averti dans l’application le { $date } et l’a lu le { $read }.
agency-emergency-not-reviewed = Pas encore examiné.
agency-emergency-disposition-justified = Justifié
agency-emergency-disposition-questioned = Mis en question
agency-emergency-disposition-escalated = Transmis
agency-emergency-disposed = { $disposition }, enregistré par { $agent } le { $date }
agency-emergency-disposed-unknown-agent = { $disposition }, enregistré le { $date }
agency-emergency-note = Note : « { $note } »
agency-emergency-disposition-legend = Votre examen
agency-emergency-choose = Choisissez justifié, mis en question ou transmis.
agency-emergency-note-label = Note (le patient la lit)
agency-emergency-note-hint = Facultative, 1000 caractères au plus. Saisis : { $count }.
agency-emergency-note-too-long = La note peut compter 1000 caractères au plus.
agency-emergency-record = Enregistrer l’examen
agency-emergency-change = Modifier l’examen
agency-emergency-recorded = Examen enregistré. Le patient en est informé dans son historique et ses notifications.

## Contact data
error-invalid-phone = Le numéro de téléphone n’est pas valable : indiquez-le avec l’indicatif du pays, p. ex. +352 621 123 456.
error-invalid-email = L’adresse e-mail n’est pas valable, p. ex. nom@exemple.lu.
field-phone = Téléphone
field-phone-hint = Facultatif, avec l’indicatif du pays : +352 621 123 456.
field-email = E-mail
field-email-hint = Facultatif : nom@exemple.lu.
contact-heading = Coordonnées
contact-intro = Comment l’agence peut vous joindre au sujet de votre dossier. Les deux sont facultatifs ; videz un champ pour le supprimer.
contact-save = Enregistrer les coordonnées
contact-saved = Coordonnées enregistrées.
agency-contact-edit = Modifier le téléphone ou l’e-mail
agency-contact-none = aucun
history-action-contact-data-changed = { $outcome ->
    [failure] { $who ->
        [you] Vous avez tenté de modifier votre téléphone ou votre e-mail ; c’a été refusé.
       *[other] { $actor } a tenté de modifier votre téléphone ou votre e-mail ; c’a été refusé.
    }
   *[success] { $who ->
        [you] Vous avez modifié votre téléphone ou votre e-mail.
       *[other] { $actor } a modifié votre téléphone ou votre e-mail.
    }
}
history-what-contact-data-changed = Coordonnées modifiées
## Whose record, emergency access from the lookup (issue 13 §0)
record-patient-label = À qui appartient ce dossier
record-patient-national-id = Matricule
record-patient-birth-date = Né(e) le
find-emergency-offer = S’il s’agit d’une urgence et que le patient ne peut pas vous donner de code de connexion, vous pouvez ouvrir son dossier en urgence : vous indiquez pourquoi, vous confirmez avec votre clé de sécurité, et le patient ainsi que l’agence en sont informés.
find-emergency-button = Accès d’urgence pour ce matricule
error-record-in-objection-window = Ce dossier n’est pas encore ouvert aux professionnels : le délai d’opposition de 30 jours qui suit la lettre du patient court toujours. Personne ne peut l’ouvrir avant, même en urgence.
error-emergency-access-switched-off = Le patient a désactivé l’accès d’urgence : son dossier ne peut pas être ouvert en urgence. Demandez un code de connexion au patient ou à ses proches.
## A way in for records nobody activated: the practice code
practice-consult-heading = Ouvrir un dossier avec le code praticien de la lettre du patient
practice-consult-intro = Pour un patient qui n’a pas activé son dossier (ou qui n’a pas son téléphone) : demandez-lui son matricule et le code praticien imprimé sur sa lettre DSP. Le code ne sert qu’une fois ; le dossier vous est alors ouvert pendant 15 jours et le patient en est informé.
practice-consult-code-label = Code praticien
practice-consult-code-hint = Douze lettres et chiffres, tels qu’imprimés sur la lettre du patient (les espaces et tirets ne comptent pas).
error-practice-code-failed = Le matricule et le code praticien ne vous ouvrent aucun dossier (code erroné, déjà utilisé, expiré ou désactivé). Vérifiez le code avec le patient ; après 5 codes erronés, il est bloqué.
error-practice-code-locked = Trop de codes praticien erronés : le code est bloqué jusqu’à ce que le patient en obtienne un nouveau (dans le portail ou auprès du service d’assistance de l’agence), ou vous avez saisi trop de codes erronés aujourd’hui.
practice-heading = Votre code praticien, pour une consultation
practice-explain = Votre lettre porte un code praticien. Lors d’une consultation, communiquez-le avec votre matricule, et le professionnel ouvre un lien de consultation de 15 jours sur votre dossier. Il ne sert qu’une fois ; vous êtes informé(e) de chaque utilisation. Créez-en un nouveau ici pour votre prochaine consultation ; un nouveau code annule le précédent et celui de votre lettre.
practice-state-none = Vous n’avez pas de code praticien : aucun n’ouvre votre dossier.
practice-state-ready = Votre code praticien est valable jusqu’au { $date }.
practice-state-used = Votre code praticien a été utilisé le { $date } : créez-en un nouveau pour votre prochaine consultation.
practice-state-locked = Votre code praticien est bloqué après trop d’essais erronés : créez-en un nouveau.
practice-new-button = Créer un nouveau code praticien
practice-off-button = Désactiver le code praticien
practice-shown-heading = Votre nouveau code praticien
practice-shown-tell = Notez-le ou gardez cette page ouverte : il n’est affiché que maintenant. Ne le communiquez qu’à un professionnel qui vous soigne.
practice-done-off = Le code praticien est désactivé : aucun code n’ouvre votre dossier tant que vous n’en créez pas un nouveau.
notification-practice-code-used = { $name } a ouvert un lien de consultation sur votre dossier avec votre code praticien. Ce code est désormais utilisé.
history-action-practice-code-issued = { $who ->
    [you] Vous avez créé un nouveau code praticien à communiquer lors d’une consultation.
   *[other] { $actor } a créé un nouveau code praticien.
}
history-action-practice-code-revoked = { $who ->
    [you] Vous avez désactivé votre code praticien.
   *[other] { $actor } a désactivé le code praticien.
}
history-what-practice-code-issued = Codes praticien créés
history-what-practice-code-revoked = Code praticien désactivé
history-rule-practice-consultation-opening = le code praticien que vous avez communiqué lors de la consultation
agency-letter-practice = La lettre contient aussi un nouveau code praticien, que le patient communique lors d’une consultation pour qu’un professionnel ouvre son dossier : il annule le code praticien précédent (d’une lettre ou du portail) et lève son blocage.

## life
life-nav = Mon dossier
life-title = Mon dossier : le fermer
life-state-now = État de votre dossier : { $state }.
life-means-heading = Ce que signifie fermer votre dossier
life-means-professionals = Plus aucun professionnel de santé n’y lit ni n’y écrit, dès la fermeture, pas même en urgence.
life-means-links = Tous les accès que vous avez donnés à des professionnels prennent fin et ne reviennent pas si le dossier est rouvert.
life-means-you = Vous pouvez toujours vous connecter, lire vos documents et l’historique de votre dossier, et les télécharger.
life-means-reopen = Pendant 10 ans, vous pouvez le faire rouvrir par l’agence, tel qu’il était.
life-means-deleted = Après 10 ans, le dossier et ses documents sont supprimés définitivement.
life-understood = J’ai lu ce que signifie la fermeture de mon dossier.
life-verify-hint = Vous confirmez avec votre passkey avant que le dossier ne soit fermé.
life-close-button = Fermer mon dossier
life-closed-done = Votre dossier est fermé.
life-closed-since = Votre dossier est fermé depuis le { $date } ({ $reason }).
life-closed-you-still-read = Aucun professionnel de santé n’y lit ni n’y écrit. Vous lisez toujours vos documents et votre historique, et vous pouvez les télécharger.
life-reopen-until = L’agence peut le rouvrir jusqu’au { $date } ; ensuite il est supprimé.
life-reason-patient = fermé en ligne par le patient
life-reason-postal = fermé sur demande par courrier
life-reason-death = décès enregistré
life-reason-idle = aucun accès pendant 10 ans
life-agency-summary = Vie du dossier : fermeture, décès, réouverture
life-agency-reason = Motif de fermeture
life-agency-closed-at = Fermé le
life-agency-reopenable-until = Peut être rouvert jusqu’au
life-agency-reference = Référence du formulaire de fermeture
life-agency-reference-hint = Telle qu’elle figure sur le formulaire de fermeture signé par le patient.
life-agency-death-date = Date du décès
life-agency-death-source = Source
life-agency-death-source-hint = Par exemple : acte de décès, registre de l’état civil.
life-agency-reopened-at = Dernière réouverture le
life-agency-close = Fermer sur cette demande par courrier
life-agency-close-question = Fermer ce dossier maintenant ? Plus aucun professionnel ne le lit et tous les liens prennent fin.
life-agency-death = Enregistrer le décès
life-agency-death-question = Enregistrer ce décès ? Le dossier est fermé maintenant et le délai de 10 ans commence.
life-agency-reopen = Rouvrir le dossier
life-agency-reopen-question = Rouvrir ce dossier ? Il est tel qu’il était ; les liens ne reviennent pas.
life-agency-confirm = Confirmer
life-agency-cancel = Annuler
life-agency-closed = Le dossier est fermé.
life-agency-death-recorded = Le décès est enregistré et le dossier est fermé.
life-agency-reopened = Le dossier est rouvert.
error-record-already-closed = Ce dossier est déjà fermé.
error-record-not-reopenable = Ce dossier ne peut pas être rouvert : il n’est pas fermé, ou il a été fermé il y a plus de 10 ans.
history-action-record-closed = { $who ->
    [you] Vous avez fermé votre dossier.
   *[other] { $actor } a fermé votre dossier.
}
history-action-record-reopened = { $actor } a rouvert votre dossier.
history-what-record-closed = Dossier fermé
history-what-record-reopened = Dossier rouvert
history-action-record-exported = { $who ->
    [you] Vous avez téléchargé tout votre dossier.
   *[other] { $actor } a téléchargé tout votre dossier.
}
history-what-record-exported = Dossier téléchargé
life-download = Tout télécharger (ZIP : vos documents, leurs détails et votre historique au format FHIR)
## purge
objection-heading = Vous opposer à votre dossier
objection-deadline = Vous pouvez vous opposer jusqu’au { $date }. Après cette date, votre dossier est ouvert aux professionnels qui vous soignent ; vous pouvez toujours le fermer.
objection-no-letter = Vous pouvez vous opposer tant que votre dossier n’est pas ouvert aux professionnels.
objection-what = Si vous vous opposez, votre dossier et tout ce qu’il contient (documents, notes, volontés, liens, clés d’accès) sont supprimés définitivement. C’est irréversible. L’historique des accès est conservé sans votre nom, comme la loi l’exige.
objection-start = M’opposer et supprimer mon dossier…
objection-question = Supprimer définitivement votre dossier et tout ce qu’il contient ?
objection-confirm = Oui, supprimer définitivement mon dossier
objection-done = Votre dossier a été supprimé définitivement. Vous avez été déconnecté.
objection-closed = Le délai d’opposition de 30 jours est écoulé. Vous pouvez en revanche fermer votre dossier : plus aucun professionnel ne pourra alors l’ouvrir.
agency-objection-summary = Enregistrer une opposition reçue par courrier
agency-objection-explain = Pendant le délai d’opposition de 30 jours, enregistrer une opposition supprime définitivement ce dossier et tout ce qu’il contient.
agency-objection-reference = Référence du courrier
agency-objection-received = Date de réception du courrier
agency-objection-submit = Enregistrer l’opposition et supprimer le dossier
agency-objection-missing = Indiquez la référence du courrier et sa date de réception.
agency-objection-done = L’opposition est enregistrée et le dossier a été supprimé définitivement.
error-objection-window-closed = Le délai d’opposition de 30 jours est écoulé : le dossier n’a pas été supprimé. Il peut en revanche être fermé.
## opening
error-field-required = Veuillez remplir ce champ.
error-contact-required = Indiquez une adresse postale ou un numéro de téléphone (au moins l’un des deux), pour que l’agence puisse vous joindre.
error-conditions-not-accepted = Veuillez lire les conditions et cocher la case pour les accepter.
error-opening-request-decided = Cette demande a déjà été acceptée ou refusée : elle ne peut plus être décidée.
error-identity-check-incomplete = Enregistrez les deux pièces présentées : la carte d’identité (ou le passeport) et la carte de sécurité sociale.
home-open-text = Pas encore de dossier ?
home-open-link = Demandez votre dossier de soins partagé
open-title = Demander son dossier
open-heading = Demandez votre dossier de soins partagé
open-intro = Par ce formulaire, vous demandez à l’Agence eSanté d’ouvrir votre dossier de soins partagé (DSP). La démarche est gratuite et volontaire. Un agent vérifie votre identité, puis l’agence vous envoie la lettre d’activation par la poste.
open-national-id-hint = Les 13 chiffres de votre matricule, tel qu’il figure sur votre carte de sécurité sociale.
open-contact-legend = Comment l’agence vous joint
open-contact-hint = Une adresse postale ou un numéro de téléphone : au moins l’un des deux. La lettre d’activation part par la poste ; sans adresse, l’agence vous appelle pour la demander.
open-phone-hint = Avec l’indicatif du pays : +352 621 123 456.
open-conditions-heading = Conditions d’utilisation
open-conditions-what = Le dossier de soins partagé (DSP) est votre dossier patient électronique, hébergé sur la plateforme eSanté. Il regroupe vos données de santé utiles pour que les professionnels de santé au Luxembourg qui vous prennent en charge les partagent, sous votre contrôle.
open-conditions-letter = Après l’enregistrement de votre demande et la vérification de votre identité, l’agence génère la lettre d’activation qui contient tout ce qu’il faut pour activer votre dossier et y accéder. Elle vous est adressée personnellement par voie postale dans les 7 jours.
open-conditions-window = Sans action de votre part dans les 4 semaines suivant la date de cette lettre, votre dossier devient accessible aux professionnels de santé qui vous prennent en charge et à qui vous avez donné l’accès ; vous pouvez vous y opposer à chaque visite.
open-conditions-control = Vous décidez qui voit quoi, vous voyez chaque accès à votre dossier et vous pouvez bloquer un professionnel ou masquer un document.
open-conditions-close = Vous pouvez fermer votre dossier à tout moment, en ligne ou par courrier avec le formulaire de fermeture.
open-conditions-data = L’Agence eSanté traite vos données en tant que responsable du traitement, conformément à la loi sur la protection des données. Ses agents, soumis au secret professionnel, n’utilisent les données personnelles de ce formulaire que pour ouvrir votre dossier. Vous exercez vos droits en ligne ou en écrivant à privacy@esante.lu.
open-accept = Je demande l’ouverture de mon dossier de soins partagé, je reconnais avoir lu et compris les conditions d’utilisation et d’exercice de mes droits, et je consens à transmettre mes données personnelles à l’agence de manière sécurisée à cette fin.
open-submit = Envoyer ma demande
open-after = Un agent vérifie votre identité ; la lettre part par la poste dans les { $days } jours suivant l’acceptation.
open-received-heading = Votre demande a été reçue
open-reference = Référence de votre demande :
open-received-at = Reçue le { $date }.
open-next-heading = Les étapes suivantes
open-next-check = Un agent de l’Agence eSanté vérifie votre identité : gardez à portée de main votre carte d’identité et votre carte de sécurité sociale.
open-next-letter = Une fois votre demande acceptée, la lettre d’activation arrive par la poste dans les { $days } jours.
open-next-activate = Avec le code de la lettre, vous activez votre dossier sur ce site et enregistrez une clé d’accès.
open-next-helpdesk = Pour toute question, indiquez votre référence au service d’assistance.
opening-heading = Demandes d’ouverture
opening-intro = Demandes envoyées avec le formulaire public, les plus anciennes d’abord. La lettre doit partir dans les 7 jours suivant la demande.
opening-queue-empty = Aucune demande en attente.
opening-urgency-on-time = Dans le délai
opening-urgency-near-limit = Proche du délai de 7 jours
opening-urgency-overdue = En retard
opening-record-exists = Un dossier existe pour ce matricule
opening-reference = Référence
opening-received = Reçue
opening-age-label = Âge
opening-age = { $days } j (lettre due au plus tard le { $due })
opening-decide = Vérifier l’identité et décider
opening-check-legend = Vérification de l’identité : pièces présentées
opening-check-id-card = Carte d’identité ou passeport
opening-check-social-card = Carte de sécurité sociale
opening-document-number = Numéro de la pièce d’identité (facultatif)
opening-check-note = Remarque sur la vérification (facultatif)
opening-letter-address = Adresse postale de la lettre
opening-letter-address-hint = La demande ne donne pas d’adresse : reprenez-la de la pièce d’identité ou demandez-la à la personne.
opening-accept-button = Accepter et télécharger la lettre
opening-accept-hint = Accepter crée le dossier et émet sa lettre d’activation (PDF à imprimer et à poster).
opening-reject-legend = Refuser
opening-reason = Motif
opening-reason-identity-not-verified = Identité non vérifiée
opening-reason-data-mismatch = Les données ne correspondent pas aux pièces
opening-reason-record-exists = Un dossier existe déjà
opening-reason-duplicate-request = Demande en double
opening-reason-withdrawn = Retirée par la personne
opening-reason-other = Autre (à expliquer)
opening-reject-note = Explication (obligatoire pour « Autre »)
opening-reject-button = Refuser la demande
opening-accepted = Acceptée : le dossier de { $name } est ouvert et sa lettre téléchargée.
opening-rejected = Refusée : la demande de { $name }.
## import
error-import-file-invalid = Ce fichier n’est pas le fichier des assurés : il doit être un texte CSV en UTF-8 dont la première ligne nomme les colonnes. Rien n’a été enregistré.
error-import-not-ready = L’import ne peut pas faire cela maintenant : un fichier avec des lignes invalides n’importe rien, et un import terminé n’a plus rien à faire.
import-heading = Ouverture en masse
import-intro = Téléversez le fichier des assurés (CSV, UTF-8, séparé par des virgules ou des points-virgules, 64 Mo au plus). Sa première ligne nomme ces colonnes :
import-rule = Chaque ligne est d’abord vérifiée. Si une ligne est invalide, rien du fichier n’est importé : corrigez les lignes du rapport et téléversez à nouveau le fichier. Une personne qui a déjà un dossier est comptée comme déjà présente et ne reçoit pas de nouveau courrier : le même fichier peut donc être importé deux fois sans rien créer deux fois.
import-choose = Fichier des assurés (CSV)
import-upload = Téléverser et vérifier
import-sending = Envoi du fichier : { $percent } %
import-loading = Chargement des imports…
import-none = Aucun fichier n’a été importé.
import-batches = Fichiers importés, du plus récent au plus ancien
import-file = Fichier
import-uploaded = Téléversé
import-state = État
import-progress-heading = Avancement
import-open = Ouvrir
import-progress = { $processed } lignes traitées sur { $rows } : { $created } dossiers créés, { $existing } déjà présents.
import-state-invalid = Lignes invalides : rien n’est importé
import-state-ready = Vérifié : prêt à démarrer
import-state-running = Import en cours
import-state-paused = Arrêté : reprenez pour continuer
import-state-done = Terminé
import-error-wrong-field-count = La ligne n’a pas les huit colonnes.
import-error-missing = Cette valeur est vide.
import-error-too-long = Cette valeur est trop longue.
import-error-national-id-not-digits = Le matricule contient autre chose que des chiffres.
import-error-national-id-wrong-length = Le matricule n’a pas 13 chiffres.
import-error-national-id-invalid-birth-date = Les huit premiers chiffres du matricule ne forment pas une date de naissance.
import-error-national-id-luhn-mismatch = Le 12e chiffre du matricule (contrôle de Luhn) ne correspond pas.
import-error-national-id-verhoeff-mismatch = Le 13e chiffre du matricule (contrôle de Verhoeff) ne correspond pas.
import-error-duplicate-in-file = Ce matricule figure déjà sur une ligne précédente du fichier.
import-error-invalid-country = Le pays doit être un code à deux lettres (LU, FR, BE, DE…).
import-error-invalid-language = La langue doit être lb, fr, de ou en.
import-column-national-id = Matricule
import-column-given-name = Prénom
import-column-family-name = Nom
import-column-street = Rue
import-column-postal-code = Code postal
import-column-city = Localité
import-column-country = Pays
import-column-language = Langue
import-column-row = Ligne entière
import-start = Démarrer l’import
import-resume = Reprendre l’import
import-pause = Arrêter l’import
import-report-summary = { $invalid } lignes invalides, { $errors } problèmes ; les { $shown } premiers sont listés.
import-report = Problèmes du fichier, par ligne
import-row = Ligne
import-column = Colonne
import-problem = Problème
import-letters = Courriers pour l’imprimeur
import-letters-pack = PDF de courriers nº { $chunk } ({ $letters } courriers)
import-rows = { $rows } lignes
import-batch-heading = Import de { $file }
## dashboard
error-figures-range-invalid = Ces dates ne forment pas une période que les chiffres clés peuvent montrer : vérifiez que la première précède la dernière, que la dernière n'est pas après aujourd'hui et que la période n'est pas trop longue.
figures-heading = Chiffres clés
figures-intro = Des comptages du dossier national, rien sur une personne. Dans le temps, jours, semaines et mois sont comptés en UTC.
figures-records-open = DSP ouverts
figures-records-closed = DSP fermés
figures-professionals-activated = Professionnels activés
figures-documents = Documents
figures-connections = Connexions
figures-objections = Oppositions
figures-emergency-accesses = Accès d'urgence
figures-letters-waiting = Courriers en attente
figures-not-recorded = non enregistré par le service
figures-over-time = Dans le temps
figures-period = Période
figures-by-day = Par jour
figures-by-week = Par semaine
figures-by-month = Par mois
figures-table = Tableau des chiffres
figures-week-of = semaine du { $date }
figures-month-of = { $month } { $year }
figures-chart-desc = { $figure }, { $period }, du { $first } au { $last } ; la valeur la plus haute est { $max }.

## lead: confirmation letters
life-agency-letter = Lettre de confirmation (PDF)
life-agency-letter-done = La lettre de confirmation est téléchargée : imprimez-la et envoyez-la au patient.
## helpdesk
error-identity-check-required = Enregistrez d’abord le contrôle d’identité : cochez les pièces que la personne vous a présentées.
error-licence-state-unchanged = L’autorisation d’exercer est déjà dans cet état : rechargez l’annuaire pour la voir telle qu’elle est.
error-licence-suspended = L’autorisation d’exercer de ce professionnel est suspendue : ce compte n’accède à rien tant que l’agence ne l’a pas rétablie.
error-activation-not-locked = L’activation n’est pas bloquée : il n’y a rien à débloquer.
error-duplicate-organisation = Une organisation portant ce nom figure déjà dans l’annuaire.
error-invalid-token = L’accès du logiciel a pris fin ou n’est pas valable : reconnectez-le depuis votre compte DSP.
error-insufficient-scope = Le logiciel n’a pas été autorisé à faire cela : sa connexion ne comprend pas cette autorisation.
history-action-professional-licence-suspended = L’agence a suspendu l’autorisation d’exercer de { $professional } : il n’accède plus à votre dossier.
history-action-professional-licence-reinstated = L’agence a rétabli l’autorisation d’exercer de { $professional } : son accès suit de nouveau vos choix.
history-action-activation-unlocked = { $actor } a débloqué l’activation de votre dossier après trop de codes erronés.
history-what-professional-licence-suspended = Autorisations suspendues
history-what-professional-licence-reinstated = Autorisations rétablies
history-what-activation-unlocked = Activation débloquée
helpdesk-tools = Helpdesk
helpdesk-letters-heading = Courriers
helpdesk-letters-show = Afficher les courriers
helpdesk-letters-none = Aucun courrier n’a été émis pour ce dossier.
helpdesk-letter-kind-activation = courrier d’activation
helpdesk-letter-kind-reissue = nouveau courrier d’activation
helpdesk-letter-kind-recovery = courrier de récupération
helpdesk-letter-row = { $date } : { $kind }
helpdesk-letter-checked = Identité contrôlée : { $documents }
helpdesk-unlock-hint = Après 5 codes erronés, l’activation est bloquée. Après avoir parlé avec la personne, débloquez-la : le code de son courrier fonctionne de nouveau.
helpdesk-unlock-button = Débloquer l’activation
helpdesk-unlocked = L’activation est débloquée : le code du courrier fonctionne de nouveau.
helpdesk-identity-legend = Contrôle d’identité : les pièces présentées par la personne
helpdesk-doc-id-card = Carte d’identité
helpdesk-doc-passport = Passeport
helpdesk-doc-residence-permit = Titre de séjour
helpdesk-doc-driving-licence = Permis de conduire
helpdesk-doc-social-security-card = Carte de sécurité sociale
helpdesk-doc-professional-card = Carte professionnelle
helpdesk-recovery-letter-heading = Clés d’accès perdues : courrier de récupération
helpdesk-recovery-letter-hint = Contrôlez d’abord l’identité de la personne. Le code du courrier enregistre une nouvelle clé d’accès qui remplace toutes les autres et met fin à toutes les sessions ; le patient en est informé aussitôt dans l’application.
helpdesk-recovery-letter-button = Télécharger le courrier de récupération
helpdesk-recovery-letter-done = Le courrier de récupération est téléchargé.
helpdesk-licence-heading = Autorisation d’exercer
helpdesk-licence-active = Autorisation active
helpdesk-licence-suspended = Autorisation suspendue
helpdesk-suspend-hint = La suspension met fin à toutes les sessions de ce professionnel sur-le-champ : il n’accède plus à rien jusqu’au rétablissement. Les patients qui ont un lien avec lui le voient dans leur historique.
helpdesk-reinstate-hint = Le rétablissement rend ses droits au professionnel : il se connecte de nouveau avec sa clé et ses liens comptent de nouveau.
helpdesk-reason-label = Motif (conservé dans le journal d’audit, non montré aux patients)
helpdesk-suspend-button = Suspendre l’autorisation
helpdesk-reinstate-button = Rétablir l’autorisation
helpdesk-suspended-done = L’autorisation est suspendue et toutes les sessions sont terminées.
helpdesk-reinstated-done = L’autorisation est rétablie.
helpdesk-key-recovery-heading = Clé de sécurité perdue
helpdesk-key-recovery-hint = Après le contrôle d’identité, émettez un code de récupération : toutes les clés enregistrées sont supprimées et toutes les sessions prennent fin sur-le-champ ; la clé enregistrée avec le code les remplace, et le professionnel en est informé dans l’application.
helpdesk-key-recovery-button = Émettre un code de récupération
helpdesk-assign-open = Changer d’organisation
helpdesk-assign-label = Travaille à
helpdesk-assign-button = Affecter
helpdesk-assigned = Travaille désormais à { $name }.
helpdesk-organisations-heading = Organisations
helpdesk-organisation-search-label = Nom de l’organisation
helpdesk-organisations-none = Aucune organisation ne correspond.
helpdesk-organisation-name = Nom
helpdesk-organisation-kind = Type
helpdesk-kind-practice = Cabinet
helpdesk-kind-hospital = Hôpital
helpdesk-kind-care-home = Maison de soins
helpdesk-kind-laboratory = Laboratoire
helpdesk-kind-pharmacy = Pharmacie
helpdesk-organisation-create-heading = Ajouter une organisation
helpdesk-organisation-create-button = Ajouter l’organisation
helpdesk-organisation-created = { $name } figure dans l’annuaire.
helpdesk-organisation-edit = Modifier l’organisation
helpdesk-organisation-save = Enregistrer
helpdesk-organisation-saved = Enregistré.
helpdesk-organisation-staff = Professionnels
helpdesk-organisation-show-staff = Afficher les professionnels
helpdesk-organisation-staff-none = Aucun professionnel de l’annuaire ne travaille ici.
helpdesk-notices-heading = Messages de l’agence
helpdesk-notice-key-recovery = Le { $date }, l’agence a remplacé vos clés de sécurité après un contrôle d’identité : la clé enregistrée avec le code de récupération est désormais la seule. Si vous ne l’avez pas demandé, appelez le helpdesk de l’agence.
helpdesk-notice-licence-reinstated = Le { $date }, l’agence a rétabli votre autorisation d’exercer : vous accédez de nouveau aux dossiers selon les règles.
helpdesk-enrol-recovery-note = Un code de récupération du helpdesk après la perte d’une clé ? La clé que vous enregistrez ici remplace toutes vos clés précédentes, qui ne fonctionnent plus.

## oauth
error-redirect-uri-invalid = Une adresse de retour doit commencer par https:// (ou http://localhost ou http://127.0.0.1 pour un logiciel sur l’ordinateur du professionnel), ne pas contenir de partie #, et être enregistrée pour ce logiciel.
error-scope-invalid = Une autorisation n’est pas une autorisation SMART valable (comme user/DocumentReference.rs), ou dépasse ce pour quoi ce logiciel est enregistré.
error-authorization-request-invalid = Cette demande de connexion du logiciel ne peut pas être approuvée : le logiciel est inconnu ou désactivé, ou sa demande est incomplète.
error-user-code-invalid = Ce code est inconnu, a expiré ou a déjà servi : recommencez la connexion dans le logiciel.
## fhir-read
# A professional who acted through their practice software, in the history ("Dr X via MediPrax").
history-actor-via = { $actor } via { $software }
## oauth-ui
oauth-connect-title = Connecter un logiciel
oauth-connect-heading = Connecter un logiciel métier
oauth-device-title = Connecter un logiciel avec un code
oauth-device-heading = Connecter un logiciel avec un code
oauth-software-title = Logiciels connectés
oauth-software-heading = Logiciels connectés
oauth-sign-in-first = Un logiciel métier demande à accéder au DSP en votre nom. Connectez-vous d’abord avec votre clé de sécurité ; vous verrez ensuite ce qu’il demande et déciderez.
oauth-software-sign-in = Connectez-vous avec votre clé de sécurité pour voir les logiciels que vous avez connectés.
oauth-professionals-only = Seuls les professionnels de santé, connectés avec leur clé de sécurité, connectent un logiciel métier.
oauth-request-incomplete = Cette adresse ne contient pas de demande complète d’un logiciel. Recommencez la connexion depuis le logiciel.
oauth-approval-heading = { $software } demande à se connecter
oauth-approval-organisation = { $software } est enregistré pour { $organisation }.
oauth-approval-asks = Il demande à agir en votre nom :
oauth-approval-rules = { $software } ne voit et ne fait que ce que vous pouvez voir et faire vous-même, dans les limites de ces autorisations. Chaque accès est enregistré, et les patients le voient dans leur historique comme « via { $software } ». Vous pouvez le déconnecter à tout moment sous Logiciels connectés.
oauth-approval-return = Après votre décision, vous retournez vers { $host }.
oauth-approve = Autoriser
oauth-refuse = Refuser
oauth-returning = Retour vers le logiciel…
oauth-resource-documents = Les documents des dossiers auxquels vous accédez
oauth-resource-content = Le contenu de ces documents
oauth-resource-submissions = Les dépôts (quels documents ont été déposés ensemble)
oauth-resource-patients = L’identité des patients (trouver un dossier par matricule)
oauth-resource-history = L’historique des accès
oauth-resource-all = Tout ce à quoi vous accédez
oauth-op-create = en déposer de nouveaux
oauth-op-read = les lire
oauth-op-update = les modifier
oauth-op-delete = les supprimer
oauth-op-search = les rechercher
oauth-scope-line = { $resource } : { $ops }
oauth-device-code-label = Code affiché par votre logiciel
oauth-device-code-hint = Par exemple WDJB-MJHT. Majuscules, espaces et tirets n’ont pas d’importance.
oauth-device-look-up = Continuer
oauth-device-approved = Autorisé. Retournez à votre logiciel : il sera connecté dans quelques secondes.
oauth-device-refused = Refusé. Le logiciel n’est pas connecté.
oauth-software-intro = Les logiciels de cabinet et d’hôpital que vous avez autorisés à accéder au DSP en votre nom. En déconnecter un met fin à son accès immédiatement.
oauth-software-none = Vous n’avez connecté aucun logiciel.
oauth-software-disconnected = { $software } est déconnecté.
oauth-organisation = Enregistré pour
oauth-connected-since = Connecté depuis le
oauth-last-used = Dernière utilisation
oauth-never-used = Pas encore utilisé
oauth-disconnect = Déconnecter
oauth-disconnect-confirm = Déconnecter { $software } ? Il ne pourra plus accéder au DSP en votre nom tant que vous ne le reconnectez pas.
oauth-disconnect-yes = Oui, déconnecter
oauth-cancel = Annuler
oauth-back-to-portal = Retour au portail des professionnels
software-heading = Logiciels métier
software-intro = Les systèmes de cabinet et d’hôpital enregistrés pour une organisation. Un professionnel en connecte un avec sa clé de sécurité ; le logiciel n’accède jamais à plus que ce professionnel.
software-none = Aucun logiciel n’est enregistré.
software-register-heading = Enregistrer un logiciel
software-register-button = Enregistrer
software-organisation = Organisation
software-name = Nom du logiciel
software-name-hint = Les professionnels et les patients le lisent (« Dr X via … »).
software-redirects = Adresses de retour
software-redirects-hint = Séparées par des espaces, exactement comme le logiciel les envoie : https://…, ou http://127.0.0.1:port/… pour un logiciel sur l’ordinateur du professionnel.
software-scopes = Autorisations (scopes SMART)
software-scopes-hint = Séparées par des espaces, par exemple user/DocumentReference.crs user/Binary.r.
software-confidential = Émettre un secret (pour que la passerelle de l’organisation vérifie les jetons)
software-name-too-long = 200 caractères au plus.
software-redirect-invalid = Chaque adresse commence par https://, http://127.0.0.1 ou http://localhost, et ne contient pas de #.
software-scope-invalid = Chaque autorisation a la forme user/DocumentReference.rs (les lettres c r u d s, dans cet ordre).
software-registered = { $name } est enregistré.
software-client-id = Identifiant client
software-secret = Secret
software-secret-once = Copiez le secret maintenant (sélectionnez-le, puis copiez) et remettez-le à l’informatique de l’organisation : il ne sera plus jamais affiché.
software-state = État
software-active = Actif, { $count ->
    [one] une connexion
   *[other] { $count } connexions
}
software-disabled-since = Désactivé le { $date }
software-grants-heading = Connexions
software-show-grants = Afficher les connexions ({ $count })
software-grants-none = Aucun professionnel ne l’a connecté.
software-grant-facts = connecté le { $since }, dernière utilisation : { $last }
software-revoke-grant = Mettre fin à cette connexion
software-edit = Modifier
software-save = Enregistrer
software-saved = Enregistré.
software-new-secret = Nouveau secret
software-disable = Désactiver
software-disable-confirm = Désactiver { $name } ? Toutes ses connexions prennent fin immédiatement, et personne ne pourra plus le connecter.
software-secret-confirm = Donner un nouveau secret à { $name } ? Le secret actuel cesse de fonctionner immédiatement.
software-confirm-yes = Oui
software-disabled-done = Désactivé : toutes les connexions ont pris fin.
software-secret-done = Nouveau secret émis : copiez-le ci-dessus.

## fhir-write
error-fhir-bundle-not-transaction = Le logiciel a envoyé un lot qui n’est pas une transaction : rien n’a été déposé.
error-fhir-bundle-invalid = Le logiciel a envoyé un lot de documents incomplet ou invalide : rien n’a été déposé.
error-fhir-base64-invalid = Le logiciel a envoyé un document dont le contenu n’est pas en base64 valide : rien n’a été déposé.
error-fhir-hash-mismatch = Le logiciel a envoyé un document dont le contenu ne correspond pas à son empreinte (il a changé en route) : rien n’a été déposé.
error-fhir-patient-mismatch = Un document du lot désigne un autre patient que la soumission : rien n’a été déposé.
error-fhir-category-unknown = Un document du lot n’a aucune catégorie du dossier : rien n’a été déposé.
## life
objection-letter-hint = Votre lettre de confirmation est prête. Téléchargez-la maintenant et conservez-la : nous n’en gardons aucune copie et, une fois cette page quittée, elle ne peut plus être téléchargée.
objection-letter-download = Télécharger ma confirmation (PDF)
agency-objection-letter = La lettre de confirmation a été téléchargée : imprimez-la et envoyez-la par la poste à la personne. Aucune copie n’est conservée.
agency-objection-letter-again = Télécharger à nouveau la lettre de confirmation
history-action-patient-viewed = { $who ->
    [you] Vous avez consulté les données de votre dossier dans la console de l’agence.
   *[other] { $actor } a consulté les données de votre dossier (nom, adresse, lettres).
}
history-what-patient-viewed = Données du dossier consultées par l’agence
