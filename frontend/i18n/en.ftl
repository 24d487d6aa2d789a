# DSP web app: English.
# Every key here exists in lb.ftl, fr.ftl and de.ftl too (checked by `cargo test -p frontend`).

## Shell

app-name = DSP
app-tagline = Shared care record
skip-to-content = Skip to main content
nav-label = Main navigation
nav-home = Home
nav-patient = Patients
nav-professional = Health professionals
nav-agency = Agency
language-label = Language
signin-coming = Signing in is not available yet: it comes with a next version of DSP. For now, these pages describe what each area will do.

## Home page

home-title = Home
home-heading = Your shared care record
home-intro = DSP gathers the essential health documents of every insured person in Luxembourg — hospital and laboratory reports, imaging, prescriptions — so that the professionals who treat you can share them. You stay in control: you decide who sees what, and you see every access.
home-areas-heading = Choose your area
home-patient-title = I am a patient
home-patient-text = Read your documents, decide who may see them and follow every access to your record.
home-professional-title = I am a health professional
home-professional-text = Find your patients within the rules, read their documents and file new ones.
home-agency-title = I work at the agency
home-agency-text = Open records, print activation letters, keep the professional directory and help people who are stuck.

## Patient area

patient-title = Patients
patient-heading = Patient portal
patient-intro = Your record belongs to you. In the patient portal you will be able to:
patient-read = read all your health documents: hospital reports, analyses, imaging, prescriptions;
patient-decide = decide who sees what: block a professional, hide a document, choose your médecin référent;
patient-traces = see every access: who opened your record, when, and under which rule;
patient-close = close your record at any time, and reopen it within ten years as it was;
patient-signin = sign in with a passkey on your phone or computer, registered with the activation code from your letter.
patient-categories-heading = What your record can hold

## Professional area

professional-title = Health professionals
professional-heading = Professional portal
professional-intro = For physicians, pharmacists, nurses and the other health professionals of the national directory. In the professional portal you will be able to:
professional-find = find a patient by national ID, and open the record only within the access rules and a care relation;
professional-read = read the documents that your profession and your care relation allow;
professional-file = file reports, results and prescriptions in the patient's record;
professional-signin = sign in with your personal security key, registered with the enrolment code from the agency.
professional-professions-heading = The professions of the directory

## Agency area

agency-title = Agency
agency-heading = Agency console
agency-intro = For the agents and the helpdesk of the agency that runs DSP. In the agency console you will be able to:
agency-open = open records and print the information and activation letters;
agency-directory = keep the directory of health professionals up to date;
agency-close = close a record on a written request;
agency-recover = help people who lost their passkey or security key to sign in again;
agency-signin = sign in with your security key.

## Page not found

not-found-title = Page not found
not-found-heading = Page not found
not-found-text = There is no page at the address { $path }.
not-found-home = Go to the home page

## Footer

footer-today = Today: { $date }
footer-server-checking = Server: checking…
footer-server-online = Server: online · { $database } · migration { $migration }
footer-server-degraded = Server: status “{ $status }”
footer-server-error = Server: { $message }

## Errors from the server (shared::ApiErrorCode) and from the connection

error-not-found = What you asked for was not found.
error-method-not-allowed = This action is not allowed here.
error-malformed-json = The request could not be read. Please reload the page and try again.
error-invalid-request = Some of the information sent is not valid.
error-unsupported-media-type = The server does not accept this kind of content.
error-payload-too-large = What you sent is too large.
error-rate-limited = Too many attempts. Please wait a moment and try again.
error-unavailable = The service is temporarily unavailable. Please try again later.
error-internal = Something went wrong on our side. If it happens again, contact the helpdesk and give the reference.
error-unauthenticated = Please sign in first.
error-session-expired = Your session has ended. Please sign in again.
error-forbidden = This area is not for your kind of account.
error-csrf-rejected = This request did not come from a DSP page and was refused. Reload the page and try again.
error-activation-failed = The national ID and the activation code do not match. Check both and try again.
error-activation-locked = Too many wrong activation codes. Please ask the agency for a new activation letter.
error-enrolment-code-invalid = This enrolment code is unknown, already used or expired. Please ask the agency for a new one.
error-ceremony-expired = This took too long or was already used. Please start again.
error-credential-rejected = Your key’s answer could not be verified. Please try again.
error-synced-credential-refused = Health professionals and agency staff need a security key bound to one device; a synced passkey is not accepted.
error-user-verification-required = Your key must check that it is you (PIN or fingerprint). Please try again with that check.
error-credential-suspended = This key has been suspended for your protection, because it may have been copied. Please contact the helpdesk.
error-unknown-credential = This key is not registered, or no longer.
error-duplicate-national-id = A record with this national ID already exists.
error-birth-date-mismatch = The birth date does not match the one in the national ID.
error-invalid-national-id = The national ID is not valid.
error-duplicate-licence = A professional with this licence number is already in the directory.
error-last-credential = You cannot remove your last key: add another one first.
error-reverification-required = Please confirm this change again with your passkey or security key.
error-network = The server cannot be reached. Check your connection and try again.
error-http = The server answered with an unexpected error (HTTP { $status }).
error-unexpected-response = The server’s answer could not be read.
error-reference = Reference: { $id }

## National ID (shared::NationalIdError)

national-id-not-digits = A national ID contains only digits.
national-id-wrong-length = A national ID has 13 digits; this one has { $count }.
national-id-invalid-birth-date = The first eight digits must be a birth date (YYYYMMDD).
national-id-luhn-mismatch = The 12th digit (first check digit) does not match the first eleven. Please check the number.
national-id-verhoeff-mismatch = The 13th digit (second check digit) does not match the first eleven. Please check the number.

## Dates

date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Document categories (shared::Category)

category-personal-expression = Personal expression of the holder
category-summaries = Summaries
category-health-history = Health history
category-allergies = Allergies and intolerances
category-prostheses = Prostheses and medical devices
category-care-reports = Care reports
category-certificates = Certificates and declarations
category-medical-imaging = Medical imaging
category-lab-analyses = Laboratory analyses
category-medication-dispensation = Medication dispensation
category-nursing-assessments = Nursing assessments
category-prescriptions = Prescriptions and treatments
category-prevention = Prevention
category-socio-educational = Socio-educational data
category-social-environment = Social environment
category-legal-protection = Legal protection
category-social-insurance = Social insurance cover
category-education = Education
category-access-traces = Access-traces dashboard

## Professions (shared::Profession)

profession-MED = Physician
profession-REF = Médecin référent (designated physician)
profession-PHA = Pharmacist
profession-INF = Nurse
profession-EXP = Other health professional
profession-SAG = Midwife
profession-LAB = Laboratory technician
profession-ATM = Radiology technician
profession-AID = Care assistant
profession-SOC = Social worker
profession-BIO = Biologist
