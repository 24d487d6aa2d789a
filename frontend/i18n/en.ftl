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
patient-intro = Your record belongs to you. In the patient portal you can:
patient-read = read all your health documents: hospital reports, analyses, imaging, prescriptions;
patient-decide = decide who sees what: block a professional, hide a document, choose your médecin référent;
patient-traces = see every access: who opened your record, when, and under which rule;
patient-signin = sign in with a passkey on your phone or computer, registered with the activation code from your letter.
patient-categories-heading = What your record can hold

## Professional area

professional-title = Health professionals
professional-heading = Professional portal
professional-intro = For physicians, pharmacists, nurses and the other health professionals of the national directory. In the professional portal you can:
professional-find = find a patient by national ID, and open the record only within the access rules and a care relation;
professional-read = read the documents that your profession and your care relation allow;
professional-file = file reports, results and prescriptions in the patient's record;
professional-signin = sign in with your personal security key, registered with the enrolment code from the agency.
professional-professions-heading = The professions of the directory

## Agency area

agency-title = Agency
agency-heading = Agency console
agency-intro = For the agents and the helpdesk of the agency that runs DSP. In the agency console you can:
agency-open = open records and print the information and activation letters;
agency-directory = keep the directory of health professionals up to date;
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
error-payload-too-large = What you sent is too large. A document may be up to 20 MB.
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
error-last-credential = You cannot remove your last passkey or key: add another one first. If you lost it, the agency’s helpdesk replaces it (a recovery letter for a passkey, a new enrolment code for a security key).
error-reverification-required = Please confirm this change again with your passkey or security key.
error-connection-failed = The national ID and connection code do not match (the code is wrong, already used or expired). Ask the patient for a new code.
error-document-rejected = This document was refused: its type or size is not accepted, or its content is not safe. PDF, PNG and JPEG up to 20 MB, CDA XML and FHIR JSON up to 5 MB are accepted.
error-request-timeout = What you sent arrived too slowly, or not at all. Please check your connection and try again.
error-document-metadata-in-query = This upload put the document’s title, category, date or file name in the address, where logs and browser history would keep them. The app sends them separately; update the software that sent this upload.
error-document-wrong-patient = This document was refused: the patient it names is not the patient of this record, or it does not name them by their national ID. Check that you are filing it in the right record.
error-document-unsafe-narrative = This document was refused: its readable part (narrative) contains something that could run in a browser, such as a script, an event handler or a javascript: link. Export it again without it.
error-emergency-access-limit-reached = You have opened as many emergency accesses as allowed for now: this one was not opened, and the agency has been alerted. Ask the patient for a connection code, or contact the agency.
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

## Common words

loading = Loading…
save = Save
cancel = Cancel
search-button = Search
session-checking = Checking whether you are signed in…
date-time = { $date } at { $time }

## Account (header)

nav-security = Security
account-signed-in-as = Signed in as
account-sign-out = Sign out
account-sign-in = Sign in
role-patient = Patient
role-professional = Health professional
role-agent = Agency agent
area-sign-in-link = Sign in
area-enrol-link = Register your security key with an enrolment code
home-sign-in-text = Already registered? Sign in with your passkey or security key.
home-greeting = Hello, { $name }
security-link = Manage your passkeys, keys and sessions

## Passkeys and security keys (browser dialogs)

ceremony-waiting = Follow your browser’s instructions: choose your passkey, or insert and touch your security key.
ceremony-cancel = Cancel
ceremony-unsupported = This browser cannot use passkeys or security keys. Please use an up-to-date Chrome, Edge, Firefox or Safari.
ceremony-cancelled = Nothing was signed: the request was cancelled, took too long, or no matching passkey or key was found. Please try again.
ceremony-aborted = Cancelled. You can start again whenever you are ready.
ceremony-already-registered = This passkey or security key is already registered for your account. Use it to sign in, or use another one.
ceremony-unsuitable = This passkey or security key cannot do what is required (a PIN or fingerprint check). Please use another one.
ceremony-security = This page’s address is not allowed to use passkeys. Open DSP from its official address.
ceremony-other = Your browser could not complete the request ({ $name }). Please try again.
error-rate-limited-wait = Too many attempts. Please try again in { $minutes } min.

## Sign-in page

sign-in-title = Sign in
sign-in-heading = Sign in to DSP
sign-in-intro = Patients sign in with the passkey on their phone or computer; health professionals and agency staff with their personal security key. No user name, no password.
sign-in-button = Sign in with your passkey or security key
sign-in-expired = Your session has ended, for your protection. Please sign in again.
sign-in-signed-out = You have signed out.
sign-in-already = You are signed in as { $name }.
sign-in-go-to-area = Go to your area
sign-in-first-time = First time here?
sign-in-activate-link = Activate your record
sign-in-activate-text = for patients, with the activation letter you received by post.
sign-in-enrol-link = Register a security key
sign-in-enrol-text = for health professionals and agency staff, with the enrolment code from the agency.

## Activation page

activate-title = Activate your record
activate-heading = Activate your record
activate-intro = Type your national ID and the activation code from your letter. You then create a passkey on this phone or computer: it is how you will sign in from now on.
activate-national-id-label = National ID (matricule)
activate-national-id-hint = 13 digits, as on your social security card. Spaces are allowed.
activate-code-label = Activation code
activate-code-hint = As printed in your letter, for example ABCD-EFGH-JKLM.
activate-passkey-hint = Your browser will ask you to create a passkey, with your fingerprint, face or screen lock.
activate-button = Activate and create my passkey
activate-recovery-heading = This is a recovery letter
activate-recovery-text = Your record already has passkeys. If you go on, the passkey you create now replaces all of them: the others stop working and every session where you are signed in ends. Go on only if you lost your passkey; if you did not ask for this letter, call the agency’s helpdesk.
activate-recovery-confirm = Replace my passkeys
activate-already = Already activated?
activate-sign-in-link = Sign in

## Enrolment page

enrol-title = Register a security key
enrol-heading = Register your security key
enrol-intro = Health professionals and agency staff sign in with a personal security key. Type the enrolment code that the agency gave you, then insert your key and touch it.
enrol-from-link = The code from your enrolment link is already filled in.
enrol-code-label = Enrolment code
enrol-code-hint = For example ABCD-EFGH-JKLM. It works once and expires.
enrol-key-hint = Only a security key bound to one device is accepted (no synced passkey). It will ask for its PIN.
enrol-button = Register my security key
enrol-already = Already registered?

## Form fields

field-required = Please fill in this field.
field-invalid-date = Please enter a valid date, as day/month/year, for example 25/11/2026.
field-country-code = Please use the two-letter country code, for example LU.
field-choose = Choose…
field-national-id = National ID
field-given-name = Given names
field-family-name = Family name
field-birth-date = Birth date
field-language = Preferred language
field-address = Postal address
field-street = Street and number
field-postal-code = Postal code
field-city = City
field-country = Country
field-country-hint = Two letters: LU, FR, BE, DE …
field-profession = Profession
field-licence = Licence number
field-organisation = Organisation
national-id-incomplete = Digits still missing: { $count } of 13.
national-id-valid = Valid national ID, born on { $date }.

## Patient and professional areas (signed in)

patient-signed-in-intro = You are signed in to your shared care record.
patient-record-coming = Here you read your documents, decide who sees what and follow every access to your record.
patient-activate-link = Activate your record with your letter
professional-signed-in-intro = You are signed in to the professional portal.
professional-signed-in-as = You are signed in to the professional portal as { $profession }.
professional-record-coming = Find a patient you reach, open a record with the patient’s connection code, or register an admission; each record page lists its documents and lets you file one.

## Agency console

agency-greeting = Signed in as { $name }. Open records and print their letters; keep the directory of professionals.
agency-sections = Sections of the console
agency-not-for-you = The agency console is only for agency staff.
agency-patients-heading = Patients
agency-patients-list = Records found
agency-patient-search-label = Search by name or national ID
agency-no-patients = No record matches.
agency-patient-create-heading = Open a record
agency-national-id-hint = 13 digits. The birth date is filled in from it.
agency-birth-date-hint = Must match the first eight digits of the national ID.
agency-patient-create-button = Open the record
agency-patient-created = The record of { $name } is open. Download the information letter from the list to send it.
agency-record-state = State
record-state-created = Created, not activated
record-state-activated = Activated
record-state-closed = Closed
agency-code-locked = Code locked
agency-letter = Letter
agency-letter-none = No letter yet
agency-letter-issued-until = Issued on { $date }; objection possible until { $deadline }
agency-download-letter = Download information letter (PDF)
agency-letter-new-code = The letter holds a new activation code.
agency-letter-voids-previous = A new letter holds a new activation code: the code of the previous letter stops working.
agency-letter-recovery = The record is activated: this is a recovery letter, for a patient who lost their passkey. Its code replaces all their passkeys and ends their sessions; the patient is told in the app at once.
agency-letter-busy = Preparing the letter…
agency-letter-done = Letter downloaded. Only its activation code works now.
agency-professionals-heading = Professionals
agency-emergency-heading = Emergency accesses
agency-emergency-intro = Every emergency access (“break the glass”) that a professional opened, newest first; and, above them, the alerts: professionals refused because they had already opened as many as allowed.
agency-emergency-alerts-heading = Alerts
agency-emergency-no-alerts = No alert: no professional has reached the limit.
agency-emergency-alert = { $name } was refused an emergency access: { $count } already opened within { $hours } hours, where the limit is { $max }.
agency-emergency-openings-heading = Emergency accesses opened
agency-emergency-none = No emergency access has been opened.
agency-emergency-opening = { $name } opened record { $record }: «{ $reason }»
agency-emergency-someone = A professional no longer in the directory
agency-professionals-list = Professionals found
agency-professional-search-label = Search by name or licence number
agency-no-professionals = No professional matches.
agency-professional-create-heading = Add a professional to the directory
agency-professional-create-button = Add the professional
agency-professional-created = { $name } is in the directory. Issue an enrolment code so that they can register their security key.
agency-keys = Security keys
agency-keys-count = { $count } registered
agency-enrolment-pending = an enrolment code is waiting to be used
agency-enrolment-none = no enrolment code outstanding
agency-issue-code = Issue enrolment code
agency-issue-revokes = A new code revokes the { $count } registered security key(s) at once: the professional can no longer sign in until they register a key with the new code.
agency-issue-replaces = A new code replaces the code not yet used, which stops working.
agency-issue-confirm = Revoke and issue a new code
agency-issue-busy = Issuing the code…
agency-issued-heading = Enrolment code for { $name }
agency-issued-once = This code is shown only once. Give it, or the link, to the person now; the agency cannot show it again.
agency-issued-code = Code
agency-issued-link = Enrolment link
agency-issued-expires = Valid until
agency-issued-revoked = { $count } registered security key(s) were revoked.
agency-copy-code = Copy the code
agency-copy-link = Copy the link
agency-copied-code = The code is copied.
agency-copied-link = The link is copied.
agency-copy-failed = Copying did not work: select the text and copy it yourself.
agency-issued-done = Done, hide the code

## Security page

security-title = Security
security-heading = Your sign-in security
security-signed-out = Sign in to see your passkeys or keys and your sessions.
security-intro-patient = Your passkeys let you sign in without a password. Keep at least two, on different devices, so that losing one does not lock you out.
security-intro-key = Your security keys let you sign in. Register a spare key, so that losing one does not lock you out.
security-passkeys-heading = Your passkeys
security-keys-heading = Your security keys
security-kind = Kind
security-synced = Passkey synced between your devices
security-device-bound = Bound to one device
security-created = Registered
security-last-used = Last used
security-never-used = Never
security-suspended = Suspended for your protection: it may have been copied. Contact the helpdesk.
security-last-passkey = This is your only passkey, so it cannot be removed: add another one first. If you lose it, call the agency’s helpdesk: they send you a recovery letter by post, and its code replaces your passkeys.
security-last-key = This is your only security key, so it cannot be removed: add another one first. If you lose it, call the agency’s helpdesk: they give you a new enrolment code, which replaces it.
security-rename = Rename
security-rename-named = Rename { $name }
security-rename-label = New name
security-renamed = The name is saved.
security-remove = Remove
security-remove-named = Remove { $name }
security-remove-confirm = Remove “{ $name }”? You will no longer be able to sign in with it.
security-removed = Removed.
security-add-passkey = Add a passkey
security-add-key = Add a security key
security-new-name-label = Name (optional)
security-new-name-hint = So that you recognise it, for example “My phone” or “Spare key”.
security-add-reverify-hint = For your protection, you may first be asked to confirm with a passkey or key you already have.
security-added = Added. You can now sign in with it.
security-sessions-heading = Where you are signed in
security-session-started = Signed in
security-session-last-seen = Last activity
security-this-device = this device
security-end-session = End this session
security-end-this-session = Sign out here
security-session-ended = The session has ended.
browser-on-system = { $browser } on { $system }
browser-unknown = Unknown browser

## The patient's history

history-title = History
history-heading = The history of your record
history-intro = Everything that happened to your record is listed here, newest first: who, when, what, and under which rule. Your own sign-ins and passkey changes are listed too. Each time you read or download this history, that is recorded as well.
history-link = See the history of your record: who did what, and when
history-signed-out = Sign in as a patient to see the history of your record.
history-back = Back to your record
history-filters = Filter the history
history-filter-actor = Who
history-filter-actor-all = Everyone
history-filter-actor-patient = You
history-filter-actor-professional = Health professionals
history-filter-actor-agent = The agency
history-filter-action = What
history-filter-action-all = Everything
history-filter-from = From
history-filter-to = To
history-filter-apply = Show
history-filter-reset = Clear the filters
history-empty = Nothing in the history matches these filters.
history-load-more = Show older entries
history-end = This is the beginning of your record’s history.
history-downloads = Download the history (with these filters)
history-download-csv = As a spreadsheet (CSV)
history-download-fhir = For health software (FHIR)
history-refused = Refused.
history-refused-because = Refused: { $reason }
history-rule = Under: { $rule }
history-context = Context: { $context }
history-label = Name: { $label }
history-reference = Reference: { $id }
history-actor-you = You
history-actor-agent = The agency ({ $name })
history-actor-agency = The agency
history-actor-professional = { $name } ({ $profession })
history-actor-professional-unnamed = A health professional
history-actor-patient = A patient
history-actor-unknown = Someone
history-action-other = { $actor }: { $action }.
history-action-patient-created = { $actor } created your record.
history-action-letter-issued = { $actor } issued your information and activation letter.
history-action-recovery-letter-issued = { $actor } issued a recovery letter: its code replaces your passkeys.
history-action-activation-attempt = The activation code from your letter was entered.
history-action-activation = Your record was activated with a new passkey.
history-action-sign-in = { $who ->
    [you] You signed in.
   *[other] { $actor } signed in.
}
history-action-sign-out = { $who ->
    [you] You signed out.
   *[other] { $actor } signed out.
}
history-action-reverification = { $who ->
    [you] You confirmed it was you, with your passkey.
   *[other] { $actor } confirmed their identity again.
}
history-action-credential-added = { $who ->
    [you] You added a passkey.
   *[other] { $actor } added a passkey.
}
history-action-credential-renamed = { $who ->
    [you] You renamed a passkey.
   *[other] { $actor } renamed a passkey.
}
history-action-credential-removed = { $who ->
    [you] You removed a passkey.
   *[other] { $actor } removed a passkey.
}
history-action-credential-recovery = Your passkeys were replaced with the code of a recovery letter: the old ones were removed and every session ended.
history-action-session-ended = { $who ->
    [you] You ended one of your sessions.
   *[other] { $actor } ended a session.
}
history-action-history-viewed = { $who ->
    [you] You looked at this history.
   *[other] { $actor } looked at this history.
}
history-action-history-exported = { $who ->
    [you] You downloaded this history.
   *[other] { $actor } downloaded this history.
}
history-stated-reason = Reason given: { $reason }
history-document = “{ $title }” ({ $category })
history-document-titled = “{ $title }”
history-document-of-category = a document ({ $category })
history-document-unknown = a document
history-professional-unknown = a health professional
history-organisation-unknown = a care institution
history-holder-unknown = a professional or care institution
history-action-document-filed = { $outcome ->
    [failure] { $who ->
        [you] You tried to file { $document }.
       *[other] { $actor } tried to file { $document }.
    }
   *[success] { $who ->
        [you] You filed { $document } in your personal space.
       *[other] { $actor } filed { $document }.
    }
}
history-action-document-version-filed = { $outcome ->
    [failure] { $who ->
        [you] You tried to file a new version of { $document }.
       *[other] { $actor } tried to file a new version of { $document }.
    }
   *[success] { $who ->
        [you] You filed a new version of { $document }.
       *[other] { $actor } filed a new version of { $document }.
    }
}
history-action-document-read = { $outcome ->
    [failure] { $who ->
        [you] You tried to open { $document }.
       *[other] { $actor } tried to read { $document }.
    }
   *[success] { $who ->
        [you] You opened { $document }.
       *[other] { $actor } read { $document }.
    }
}
history-action-document-history-read = { $outcome ->
    [failure] { $who ->
        [you] You tried to look at the versions of { $document }.
       *[other] { $actor } tried to look at the versions of { $document }.
    }
   *[success] { $who ->
        [you] You looked at the versions of { $document }.
       *[other] { $actor } looked at the versions of { $document }.
    }
}
history-action-document-withdrawn = { $outcome ->
    [failure] { $who ->
        [you] You tried to withdraw { $document }.
       *[other] { $actor } tried to withdraw { $document }.
    }
   *[success] { $who ->
        [you] You withdrew { $document }.
       *[other] { $actor } withdrew { $document }: professionals no longer see it.
    }
}
history-action-document-refused-by-patient = { $outcome ->
    [failure] { $actor } tried to record that you refused the filing of { $document }.
   *[success] { $actor } recorded that you refused the filing of { $document }: it was not filed.
}
history-action-document-restricted = { $who ->
    [you] { $context ->
        [none] You lifted the restrictions on { $document }: every professional the rules allow can see it again.
        [author_only] You hid { $document } from every professional but its author and your médecin référent.
        [hidden_from] { $named ->
            [yes] You hid { $document } from { $professional }.
           *[no] You hid { $document } from some professionals.
        }
       *[other] You changed who may see { $document }.
    }
   *[other] { $actor } changed who may see { $document }.
}
history-action-documents-listed = { $who ->
    [you] You looked at the list of your documents.
   *[other] { $actor } looked at the list of your documents.
}
history-action-record-opened = { $outcome ->
    [failure] { $actor } tried to open your record.
   *[success] { $actor } opened your record.
}
history-action-patient-lookup = { $outcome ->
    [failure] { $actor } tried to find your record with your national ID.
   *[success] { $actor } found your record with your national ID.
}
history-action-link-opened = { $outcome ->
    [failure] { $context ->
        [consultation] { $actor } tried to open your record with a connection code.
       *[other] { $actor } tried to register your admission.
    }
   *[success] { $context ->
        [consultation] { $actor } opened your record with your connection code: a consultation link for 15 days.
        [institution_stay] { $actor } registered your stay at { $organisation }: its care team can open your record for 45 days.
        [emergency_department] { $actor } registered you at the emergency department of { $organisation }: its team can open your record for 16 days.
       *[other] { $actor } opened a link to your record.
    }
}
history-action-link-renewed = { $outcome ->
    [failure] { $actor } tried to extend your stay at { $organisation }.
   *[success] { $actor } extended your stay at { $organisation } by 30 days.
}
history-action-emergency-access-opened = { $outcome ->
    [failure] { $actor } tried to open an emergency access to your record.
   *[success] { $actor } opened an emergency access to your record, for 4 hours.
}
history-action-access-traces-viewed = { $outcome ->
    [failure] { $actor } tried to read the history of your record.
   *[success] { $actor }, your médecin référent, read the history of your record.
}
history-action-connection-code-issued = { $who ->
    [you] You created a connection code to give to a health professional.
   *[other] { $actor } created a connection code.
}
history-action-link-granted = { $who ->
    [you] You gave { $holder } access to your record.
   *[other] { $actor } gave { $holder } access to your record.
}
history-action-link-ended = { $who ->
    [you] You ended the access of { $holder } to your record.
   *[other] { $actor } ended the access of { $holder } to your record.
}
history-action-referent-designated = { $who ->
    [you] You chose { $professional } as your médecin référent.
   *[other] { $actor } chose { $professional } as médecin référent.
}
history-action-referent-removed = { $who ->
    [you] { $named ->
        [yes] You removed { $professional } as your médecin référent.
       *[no] You removed your médecin référent.
    }
   *[other] { $actor } removed the médecin référent.
}
history-action-professional-blocked = { $who ->
    [you] You blocked { $professional }: they can no longer reach your record.
   *[other] { $actor } blocked { $professional }.
}
history-action-professional-unblocked = { $who ->
    [you] You unblocked { $professional }.
   *[other] { $actor } unblocked { $professional }.
}
history-action-emergency-access-enabled = { $who ->
    [you] You switched on emergency access to your record.
   *[other] { $actor } switched on emergency access.
}
history-action-emergency-access-disabled = { $who ->
    [you] You switched off emergency access to your record.
   *[other] { $actor } switched off emergency access.
}
history-group-documents = Documents
history-group-access = Access by professionals
history-group-rights = Who can see your record
history-group-record = Your record and this history
history-group-security = Sign-in and passkeys
history-what-document-filed = Documents filed
history-what-document-version-filed = New versions of documents
history-what-document-read = Documents read
history-what-document-history-read = Versions of a document looked at
history-what-document-withdrawn = Documents withdrawn
history-what-document-refused-by-patient = Filings you refused
history-what-document-restricted = Changes to who may see a document
history-what-documents-listed = Your list of documents looked at
history-what-record-opened = Your record opened by a professional
history-what-patient-lookup = Searches for your record
history-what-link-opened = Consultations and admissions
history-what-link-renewed = Stays extended
history-what-emergency-access-opened = Emergency accesses
history-what-access-traces-viewed = History read by your médecin référent
history-what-connection-code-issued = Connection codes created
history-what-link-granted = Access you gave
history-what-link-ended = Access ended
history-what-referent-designated = Médecin référent chosen
history-what-referent-removed = Médecin référent removed
history-what-professional-blocked = Professionals blocked
history-what-professional-unblocked = Professionals unblocked
history-what-emergency-access-enabled = Emergency access switched on
history-what-emergency-access-disabled = Emergency access switched off
history-what-patient-created = Record created
history-what-letter-issued = Letters issued
history-what-recovery-letter-issued = Recovery letters issued
history-what-activation-attempt = Activation codes entered
history-what-activation = Record activated
history-what-history-viewed = History looked at
history-what-history-exported = History downloaded
history-what-sign-in = Sign-ins
history-what-sign-out = Sign-outs
history-what-reverification = Identity confirmed again
history-what-credential-added = Passkeys added
history-what-credential-renamed = Passkeys renamed
history-what-credential-removed = Passkeys removed
history-what-credential-recovery = Passkeys replaced with a recovery letter
history-what-session-ended = Sessions ended
history-rule-holder = your own access, as the record’s holder
history-rule-referent = médecin référent
history-rule-link-consultation = consultation link (connection code)
history-rule-link-institution-stay = link of a stay in a care institution
history-rule-link-emergency-department = link of an emergency-department visit
history-rule-link-patient-grant = access you gave
history-rule-emergency-access = emergency access
history-rule-emergency-access-opening = emergency access allowed on your record
history-denied-not-the-holder = this is not their record
history-denied-agency-has-no-health-access = the agency has no access to health data
history-denied-professionals-only = only a health professional may do this
history-denied-record-closed = your record is closed
history-denied-no-letter-yet = your information letter has not been sent yet
history-denied-objection-window = the 30 days in which you may object to your record are still running
history-denied-professional-inactive = this professional is no longer active
history-denied-blocked = you blocked this professional
history-denied-category-not-readable = their profession may not read this kind of document
history-denied-category-not-writable = their profession may not file this kind of document
history-denied-access-traces-referent-only = only your médecin référent may read this history
history-denied-restricted = you hid this document from this professional
history-denied-not-author = only the document’s author may do this
history-denied-holder-writes-only-personal-space = you may file documents only in your personal space
history-denied-no-care-relation = they have no care relation with you (no link, not your médecin référent)
history-denied-link-not-started = their link had not started yet
history-denied-link-expired = their link had expired
history-denied-link-ended = you had ended their access
history-denied-emergency-access-expired = their emergency access had expired
history-denied-emergency-access-switched-off = you switched off emergency access
history-denied-emergency-access-read-only = an emergency access allows reading only
history-denied-not-author-or-colleague = only the document’s author or a colleague of their organisation may file a new version of it
history-denied-withdrawn = the document had been withdrawn by its author
history-denied-emergency-access-limit-reached = the professional had already opened as many emergency accesses as allowed; the agency was alerted
history-denied-not-found = the document was not found (withdrawn, or not in your record)
history-context-consultation = a consultation (connection code, 15 days)
history-context-institution-stay = a stay in a care institution (45 days, can be extended)
history-context-emergency-department = an emergency-department visit (24 hours, then 15 days)
history-context-patient-grant = access you gave in this portal

## Who can see my record (patient) and opening a record with a connection code (professional)
care-title = Who can see my record
care-heading = Who can see my record
care-intro = You decide which health professionals can open your record, and for how long. Every access is written in your history.
care-signed-out = Sign in as a patient to decide who can see your record.
care-link = Who can see my record: connection code, médecin référent, access and blocks
care-code-heading = Give a connection code to my doctor
care-code-explain = At a consultation, your doctor needs your national ID and a connection code to open your record. The code works once, for 10 minutes. Your doctor can then read your record for 15 days.
care-code-button = Give a connection code to my doctor
care-code-again = Make a new code
care-code-shown-heading = Your connection code
care-code-copy = Copy the code
care-code-copied = The code has been copied.
care-code-countdown = Valid for { $time } more.
care-code-expires-at = It stops working at { $time }.
care-code-tell = Tell this code to your doctor or show them this screen. Never give it to someone who calls you unasked.
care-code-expired = This code has expired. Make a new one when your doctor is ready.
care-referent-heading = My médecin référent
care-referent-explain = Your médecin référent is a physician you choose. They can read your record at any time, without a connection code, and they are the only professional who also sees the traces of who opened your record. Only a physician can be your médecin référent.
care-referent-remove = Remove as my médecin référent
care-referent-none = You have no médecin référent. Search for your physician below to choose one.
care-referent-blocked = You have also blocked this physician: they see nothing of your record, even as your médecin référent.
care-find-heading = Find a professional
care-find-intro = Search the directory by name to choose your médecin référent, to give a professional access until a date, or to block a professional.
care-search-label = Name of the professional
care-search-hint = At least 2 letters.
care-search-too-short = Type at least 2 letters.
care-search-none = No professional in the directory has this name.
care-search-results = Professionals found
care-is-referent = Your médecin référent
care-is-blocked = Blocked
care-designate = Choose as my médecin référent
care-grant = Give access until the date
care-block = Block
care-grant-until-label = Access until (last day included)
care-grant-until-hint = Choose the last day on which the professional may read your record, then press “Give access until the date” next to their name.
care-grant-until-past = Choose today or a later day.
care-block-warning = A blocked professional sees nothing of your record, even in an emergency. This can put your care at risk: block only someone who must never see it.
care-links-heading = Who can see my record now
care-links-explain = Each professional below can read your record for the care you receive, until the date shown. You can end any access at once.
care-links-none = No professional has access to your record through a consultation, a stay or your permission.
care-link-unknown = A professional who is no longer in the directory
care-link-blocked = You have blocked this professional: this access gives them nothing.
care-link-live = Active
care-link-ended = Ended by you
care-link-expired = Over
care-link-ended-at = ended by you on { $date }
care-link-state = State
care-link-from = From
care-link-until = Until
care-end = End access now
care-end-confirm = End the access of { $name } to your record now? They will no longer be able to read it.
care-end-yes = Yes, end access now
care-end-no = Keep the access
care-context-consultation = A consultation: you gave this professional your connection code (15 days).
care-context-institution-stay = A stay in a hospital or care home (45 days, can be extended).
care-context-emergency-department = A visit to an emergency department (24 hours, then 15 days).
care-context-patient-grant = You gave this access yourself, in this portal.
care-blocked-heading = Blocked professionals
care-blocked-none = You have not blocked any professional.
care-unblock = Unblock
care-emergency-heading = Emergency access
care-emergency-label = Allow emergency access to my record
care-emergency-explain = In an emergency, a professional who has no access yet may read your record for 4 hours, after stating why. You are told at once, and the agency reviews every emergency access. A professional you have blocked never can.
care-done-designated = { $name } is now your médecin référent.
care-done-referent-removed = You no longer have a médecin référent.
care-done-granted = { $name } can read your record until { $date } included.
care-done-ended = The access has ended: this professional can no longer read your record.
care-done-blocked = { $name } is blocked and sees nothing of your record.
care-done-unblocked = { $name } is no longer blocked.
care-done-emergency-on = Emergency access is allowed.
care-done-emergency-off = Emergency access is switched off.
consult-heading = Open a patient’s record with their connection code
consult-intro = Ask the patient for their national ID and a connection code from their portal (it works once, for 10 minutes). The record then opens to you for 15 days.
consult-national-id-label = The patient’s national ID
consult-national-id-hint = 13 digits. Spaces are allowed.
consult-code-label = Connection code
consult-code-hint = As shown in the patient’s portal.
consult-button = Open the record
consult-opened = The patient’s record is open to you until { $date }.
consult-open-record = Go to this patient’s record: documents and filing
documents-title = My documents
documents-heading = The documents in my record
documents-intro = Every document filed in your record: reports, results, prescriptions, images. Newest first, or sorted by category. You can read them here, download them, and decide which professionals may see each one.
documents-signed-out = Sign in as a patient to see the documents in your record.
documents-link = My documents: read, download and choose who may see each one
documents-restrict-warning = If you hide a document, a professional treating you may miss something important, for example an allergy or a treatment. This can put your care at risk. Hide a document only when you have a good reason.
documents-none = There are no documents here yet.
documents-arrangement = How to show the documents
documents-timeline = Newest first
documents-by-category = By category
documents-date = Date
documents-category = Category
documents-author = Filed by
documents-version = Current version
documents-version-filed = version { $version }, filed by { $name } on { $date }
documents-format = Format
documents-size = Size
documents-view = Show
documents-download = Download
documents-viewer-safe = Drawn by this page itself: the document cannot run anything in your browser.
documents-viewer-close = Close the document
documents-viewer-unreadable = This document cannot be shown here. Download it to open it in another program.
documents-pages = Pages of the document
documents-page = Page { $page } of { $pages }
documents-page-previous = Previous page
documents-page-next = Next page
documents-clinical-title = Title
documents-clinical-patient = Patient
documents-clinical-author = Author
documents-clinical-attachment = The content of this document is attached to it in another format: download it to read it.
documents-clinical-unreadable = This part of the document cannot be shown here: download the document to read it.
documents-fhir-about = About
documents-fhir-status = Status
documents-fhir-result = Result
documents-restriction-label = Who may see this document
documents-restriction-none = All professionals who have access to my record
documents-restriction-author-only = Only its author (and my médecin référent)
documents-restriction-hidden-from = Everyone except professionals I choose
documents-restriction-save = Save who may see it
documents-restriction-saved = Saved. Only the professionals you allowed can see this document.
documents-hidden-none = You have not chosen anyone yet. Search by name below.
documents-hidden-unnamed = A professional you chose earlier
documents-hide-from = Hide from this professional
documents-unhide = Do not hide from them
documents-withdrawn = Withdrawn by its author
documents-withdrawn-reason = Withdrawn by its author: { $reason }
documents-withdrawn-explain = Professionals no longer see this document. You can still read and download it.
record-title = Patient record
record-heading = The patient’s record
record-intro = The documents of this record that you may see, and the form to file a new one. Everything you do here is written in the patient’s history.
record-signed-out = Sign in as a health professional to open a record.
record-back = Back to my portal
record-documents-heading = Documents
record-not-found = You have no access to this record, or it does not exist.
upload-heading = File a document
upload-explain = PDF, PNG or JPEG up to 20 MB; CDA (XML) or FHIR (JSON) up to 5 MB. You can file only in the categories your profession may write.
upload-file-label = File
upload-file-hint = Choose the document on your computer.
upload-file-required = Choose a file.
upload-category-label = Category
upload-category-choose = Choose a category
upload-category-required = Choose a category.
upload-title-label = Title
upload-title-too-long = The title may have at most 200 characters.
upload-date-label = Clinical date (of the exam, stay or prescription)
upload-button = File the document
upload-progress-label = Sending
upload-done = “{ $title }” has been filed in the record.

## The professional finds a patient, registers an admission, breaks the glass
find-heading = Find a patient
find-intro = Type the national ID of a patient whose record you can reach now (through a consultation, an admission, a grant from the patient, or as their référent).
find-button = Find the patient
find-born = Born on { $date }
find-none = No patient you currently reach has this national ID.
find-none-hint = To reach a patient’s record, ask them for a connection code at the visit, or register an admission if you work in a hospital or care institution.
admission-heading = Register an admission
admission-intro = For staff of a hospital or care institution: a stay opens the record for 45 days (renewable by 30 days), an emergency-department visit for 24 hours and then 15 days.
admission-context-label = Kind of admission
admission-context-choose = Choose the kind of admission
admission-context-required = Please choose the kind of admission.
admission-stay = Stay in the institution (45 days, renewable)
admission-emergency-department = Emergency department (24 hours, then 15 days)
admission-button = Register the admission
admission-opened = The admission is registered. The record is open to your institution until { $date }.
admission-renewed = The stay is renewed. The record is open to your institution until { $date }.
admission-renew = Renew the stay by 30 days
admission-not-institution = Only staff of a hospital or care institution can register an admission.
admission-refused = The admission could not be registered for this national ID.
emergency-heading = Emergency access (“break the glass”)
emergency-explain-hours = You may read this record for 4 hours.
emergency-explain-patient = The patient is told at once, with the reason you give.
emergency-explain-agency = The agency reviews every emergency access.
emergency-explain-block = It is never possible if the patient has blocked you or switched emergency access off.
emergency-reason-label = Why do you need this record now?
emergency-reason-hint = Between 10 and 500 characters; the patient and the agency will read it. Typed so far: { $count }.
emergency-reason-too-short = Please give a reason of at least 10 characters.
emergency-reason-too-long = The reason may have at most 500 characters.
emergency-key-hint = You will be asked to confirm with your security key.
emergency-button = Open the record in an emergency
emergency-opened = Emergency access is open until { $date }. The patient has been told.
emergency-refused = Emergency access to this record is not possible.

## The patient's notifications
notifications-heading = Notifications
notifications-none = You have no notifications.
notifications-unread = Unread: { $count }
notifications-new = New
notifications-read = Mark all as read
notification-someone = A professional
notification-emergency = { $name } opened your record in an emergency: «{ $reason }»
notification-emergency-no-reason = { $name } opened your record in an emergency.
notification-first-access = { $name } opened your record before you activated it.
notification-recovery-letter-issued = The agency issued a recovery letter for your record: its code replaces your passkeys. If you did not ask for it, call the agency’s helpdesk at once.
notification-credential-recovery = Your passkeys were replaced with the code of a recovery letter: the old ones no longer work and every session was ended. If this was not you, call the agency’s helpdesk at once.
notification-other = Something happened on your record.

## Words that tell the truth (issue 13 §2)
agency-review = review every emergency access, and the alerts about professionals who reached the limit;
date-format-hint = Day/month/year, for example 25/11/2026.
## Personal space (wishes, notes, own documents)
personal-link = My personal space: organ donation, advance directive, notes
personal-title = Personal space
personal-heading = My personal space
personal-intro = Your own words in your record: your organ-donation wishes, your advance directive, notes and documents you add. The professionals who treat you read them; only you write or withdraw them.
personal-signed-out = Sign in to write in your personal space.
personal-note-heading = Write a note
personal-note-label = Your note
personal-note-save = File the note
personal-note-required = Write your note (at most 20,000 characters).
personal-title-required = Give it a title.
personal-date-label = Date
personal-file-heading = Add a document of your own
personal-entries-heading = My notes and documents
personal-entries-none = You have not written a note or added a document yet.
personal-entry-edit = Edit
personal-entry-save = Save as a new version
personal-entry-saved = Saved as a new version; the earlier one stays in your record.
personal-entry-replace-label = Replace with a new file
personal-entry-withdraw = Withdraw
personal-entry-withdrawn = You withdrew this entry: professionals no longer see it.
personal-entry-withdrawn-done = Withdrawn: professionals no longer see it.
personal-reason-label = Why you withdraw it
personal-reason-required = Say why in 3 to 500 characters.
wish-kind-organ-donation = Organ donation
wish-kind-advance-directive = Advance directive
wish-organ-donation-explain = Say whether your organs and tissues may be donated after your death. You can change or withdraw this at any time.
wish-advance-directive-explain = Say which treatments you want or refuse if one day you can no longer say so yourself. You can change or withdraw this at any time.
wish-current-heading = In force now
wish-choice-legend = Your choice
wish-choice-required = Choose one of the answers.
wish-choice-donate-all = I agree to donate all my organs and tissues
wish-choice-donate-except = I agree to donate, except the organs and tissues named below
wish-choice-donate-only = I agree to donate only the organs and tissues named below
wish-choice-do-not-donate = I do not want to donate any organ or tissue
wish-choice-trusted-person-decides-donation = My trusted person decides for me
wish-choice-trusted-person-decides-treatment = My trusted person decides for me
wish-choice-all-treatment = I want every treatment that may keep me alive
wish-choice-limit-treatment = I want treatment within the limits stated below
wish-choice-comfort-care-only = I want comfort care and pain relief only
wish-limits-label = Limits
wish-limits-hint-donation = Which organs or tissues (for "except" and "only").
wish-limits-hint-treatment = For example: no resuscitation, no artificial ventilation, no tube feeding.
wish-trusted-legend = Trusted person (optional, required if they decide)
wish-trusted-label = Trusted person
wish-trusted-name = Name
wish-trusted-relation = Relation to you
wish-trusted-phone = Phone number
wish-date-label = Date of this declaration
wish-save = Save
wish-saved = Saved: this version is now in force.
wish-withdraw = Withdraw
wish-withdrawn = Withdrawn: no declaration in force.
wish-withdrawn-done = Withdrawn: professionals no longer see it.
wish-versions-heading = Earlier versions
wish-version-line = Version { $version }, recorded on { $date }
wish-signed-on = Declared on { $date }
wishes-banner-heading = The patient’s declared wishes
wishes-banner-none = The patient has declared no organ-donation wishes and no advance directive.
error-wish-limits-required = State the limits of this choice (at most 2,000 characters).
error-wish-trusted-person-incomplete = Give the trusted person’s name and a phone number to reach them.
error-wish-date-in-future = The date of the declaration cannot be later than today.
history-action-wish-recorded = { $outcome ->
    [failure] { $who ->
        [you] You tried to record a declared wish.
       *[other] { $actor } tried to record a declared wish.
    }
   *[success] You recorded a new version of a declared wish (organ donation or advance directive).
}
history-action-wish-withdrawn = { $outcome ->
    [failure] You tried to withdraw a declared wish that was not in force.
   *[success] You withdrew a declared wish: professionals no longer see it.
}
history-action-wishes-read = { $outcome ->
    [failure] { $who ->
        [you] You tried to look at your declared wishes.
       *[other] { $actor } tried to look at your declared wishes.
    }
   *[success] { $who ->
        [you] You looked at your declared wishes.
       *[other] { $actor } looked at your declared wishes.
    }
}
history-what-wish-recorded = Declared wishes recorded
history-what-wish-withdrawn = Declared wishes withdrawn
history-what-wishes-read = Declared wishes looked at
## Professional acts on a record: new versions, withdrawals, the patient's refusal at the point of care
acts-new-version = File a new version
acts-withdraw = Withdraw
acts-cancel = Cancel
acts-version-explain = The new version becomes the one everyone reads; earlier versions stay in the record and can still be read. The document keeps its category and its author; you are recorded as the one who filed this version.
acts-version-button = File this version
acts-version-done = Version { $version } of “{ $title }” was filed.
acts-withdraw-explain = A withdrawn document leaves the record for every professional. The patient still sees it, marked as withdrawn, with your reason. This cannot be undone.
acts-withdraw-reason-label = Why are you withdrawing it?
acts-withdraw-reason-hint = 3 to 500 characters ({ $count } so far). The patient reads it.
acts-withdraw-button = Continue
acts-withdraw-confirm-text = Withdraw “{ $title }” for good? Professionals will no longer see it.
acts-withdraw-confirm = Yes, withdraw it
acts-withdraw-done = “{ $title }” was withdrawn: professionals no longer see it; the patient sees it marked with your reason.
acts-reason-too-short = Give a reason of at least 3 characters.
acts-reason-too-long = The reason may have at most 500 characters.
acts-not-allowed = The rules no longer let you do this to this document: it may have been withdrawn or restricted by the patient, or your access to the record may have ended. Reload the record.
refusal-heading = The patient refuses a filing
refusal-explain-when = When a patient tells you, at the point of care, that they do not want a document (a result, a report …) filed into their record, record their refusal here instead of filing it.
refusal-explain-nothing-filed = Nothing is filed: no document and no content. Only the fact that the patient refused is kept, with the category and what it was.
refusal-explain-patient = The patient sees the refusal in the history of their record; other professionals do not see what it was.
refusal-category-label = Category the document would have had
refusal-title-label = What it was
refusal-title-hint = For example “Blood test of 3 December”. The patient reads it in their history.
refusal-button = Record the refusal
refusal-done = The patient’s refusal was recorded: “{ $title }” was not filed.
refusal-not-allowed = You may not file documents of this category in this record, so there is no filing to refuse.

## The professional's worklist
worklist-title = My patients
worklist-heading = My patients
worklist-link = My patients: the records you reach through a link, and the links about to end
worklist-intro = The patients whose record you can open now through a link of your own or of your institution, the soonest-ending first. A link that ends within { $days } days is marked; a stay in your institution can be renewed here.
worklist-list-heading = Live links
worklist-empty = You hold no live link to a record at the moment.
worklist-birth-date = Born on
worklist-context = Link
worklist-until = Until
worklist-expiring = Ends within days
worklist-context-consultation = Consultation (the patient’s connection code)
worklist-context-patient-grant = Access the patient gave you in their portal
worklist-context-institution-stay = Stay at { $organisation }
worklist-context-emergency-department = Emergency department of { $organisation }
worklist-renew = Renew the stay by 30 days
worklist-renewed = The stay of { $name } is renewed: the record is open to your institution until { $date }.
worklist-renew-refused = This link cannot be renewed: only a live stay of your own institution can be, and only while the patient has not blocked you.

## The médecin référent's access traces on the record page
record-tabs = Views of the record
traces-heading = Access traces
traces-intro = As the patient’s médecin référent you can read the history of this record: who opened it, read or filed what, and under which rule, newest first. Each time you read it, that is recorded in the patient’s history.
traces-wording = The entries are worded as the patient reads them: “you” is the patient, and “your record” is this record.
traces-end = This is the beginning of this record’s history.
traces-referent-only = Only the patient’s médecin référent reads the access traces of this record.
traces-filter-actor-patient = The patient
## Agency review of emergency accesses
history-action-emergency-access-reviewed = { $outcome ->
    [failure] { $actor } tried to record a review of an emergency access to your record.
   *[success] { $actor } reviewed the emergency access of { $professional } to your record and { $context ->
        [justified] found it justified.
        [questioned] questioned it: the professional must explain it.
       *[escalated] escalated it for a further inquiry.
    }
}
history-what-emergency-access-reviewed = Reviews of emergency accesses
notification-emergency-reviewed = The agency reviewed the emergency access of { $name } to your record: { $disposition ->
    [justified] justified.
    [questioned] questioned; the professional must explain it.
    [escalated] escalated for a further inquiry.
   *[other] reviewed.
}
notification-emergency-reviewed-note = The agency’s note: «{ $note }»
agency-emergency-until = Could read until { $date }
agency-emergency-not-notified = The patient got no notice of this access in the app.
agency-emergency-notified-unread = The patient was told in the app on { $date }; not read yet.
agency-emergency-notified-read = The patient was told in the app on { $date } and read it on { $read }.
agency-emergency-not-reviewed = Not reviewed yet.
agency-emergency-disposition-justified = Justified
agency-emergency-disposition-questioned = Questioned
agency-emergency-disposition-escalated = Escalated
agency-emergency-disposed = { $disposition }, recorded by { $agent } on { $date }
agency-emergency-disposed-unknown-agent = { $disposition }, recorded on { $date }
agency-emergency-note = Note: «{ $note }»
agency-emergency-disposition-legend = Your review
agency-emergency-choose = Choose justified, questioned or escalated.
agency-emergency-note-label = Note (the patient reads it)
agency-emergency-note-hint = Optional, at most 1000 characters. Typed so far: { $count }.
agency-emergency-note-too-long = The note may have at most 1000 characters.
agency-emergency-record = Record the review
agency-emergency-change = Change the review
agency-emergency-recorded = Review recorded. The patient has been told in their history and notifications.

## Contact data
error-invalid-phone = The phone number is not valid: give it with its country code, e.g. +352 621 123 456.
error-invalid-email = The e-mail address is not valid, e.g. name@example.lu.
field-phone = Phone
field-phone-hint = Optional, with the country code: +352 621 123 456.
field-email = E-mail
field-email-hint = Optional: name@example.lu.
contact-heading = Contact data
contact-intro = How the agency can reach you about your record. Both are optional; leave a field empty to remove it.
contact-save = Save contact data
contact-saved = Contact data saved.
agency-contact-edit = Change phone or e-mail
agency-contact-none = none
history-action-contact-data-changed = { $outcome ->
    [failure] { $who ->
        [you] You tried to change your phone or e-mail; it was refused.
       *[other] { $actor } tried to change your phone or e-mail; it was refused.
    }
   *[success] { $who ->
        [you] You changed your phone or e-mail.
       *[other] { $actor } changed your phone or e-mail.
    }
}
history-what-contact-data-changed = Contact data changed
## Whose record, emergency access from the lookup (issue 13 §0)
record-patient-label = Whose record this is
record-patient-national-id = National ID
record-patient-birth-date = Born on
find-emergency-offer = If this is an emergency and the patient cannot give you a connection code, you can open their record in an emergency: you state why, confirm with your security key, and the patient and the agency are told.
find-emergency-button = Emergency access to this national ID
error-record-in-objection-window = This record is not open to professionals yet: the patient’s 30-day objection period after their letter is still running. No one can open it before then, not even in an emergency.
error-emergency-access-switched-off = The patient has switched emergency access off: their record cannot be opened in an emergency. Ask the patient or their relatives for a connection code.
## A way in for records nobody activated: the practice code
practice-consult-heading = Open a record with the practice code from the patient’s letter
practice-consult-intro = For a patient who has not activated their record (or has no phone with them): ask for their national ID and the practice code printed on their DSP letter. The code works once; the record then opens to you for 15 days and the patient is told.
practice-consult-code-label = Practice code
practice-consult-code-hint = Twelve letters and digits, as printed on the patient’s letter (spaces and dashes do not matter).
error-practice-code-failed = The national ID and practice code do not open a record for you (the code is wrong, already used, expired or switched off). Check the code with the patient; after 5 wrong codes it is locked.
error-practice-code-locked = Too many wrong practice codes: the code is locked until the patient gets a new one (in the portal or from the agency’s helpdesk), or you have typed too many wrong codes today.
practice-heading = Your practice code, for a visit
practice-explain = Your letter carries a practice code. At a visit, read it out with your national ID, and the professional opens a 15-day consultation link to your record. It works once; you are told each time it is used. Make a new one here for your next visit; a new code voids the previous one and the one in your letter.
practice-state-none = You have no practice code: none opens your record.
practice-state-ready = Your practice code works until { $date }.
practice-state-used = Your practice code was used on { $date }: make a new one for your next visit.
practice-state-locked = Your practice code is locked after too many wrong tries: make a new one.
practice-new-button = Make a new practice code
practice-off-button = Switch the practice code off
practice-shown-heading = Your new practice code
practice-shown-tell = Write it down or keep this page open: it is shown only now. Read it out only to a professional who treats you.
practice-done-off = The practice code is switched off: no code opens your record until you make a new one.
notification-practice-code-used = { $name } opened a consultation link to your record with your practice code. The code is now used.
history-action-practice-code-issued = { $who ->
    [you] You made a new practice code to read out at a visit.
   *[other] { $actor } made a new practice code.
}
history-action-practice-code-revoked = { $who ->
    [you] You switched your practice code off.
   *[other] { $actor } switched the practice code off.
}
history-what-practice-code-issued = Practice codes made
history-what-practice-code-revoked = Practice code switched off
history-rule-practice-consultation-opening = the practice code you read out at the visit
agency-letter-practice = The letter also holds a new practice code, which the patient reads out at a visit so that a professional opens their record: it voids the previous practice code (from a letter or the portal) and lifts its lock.

## life
life-nav = My record
life-title = My record: close it
life-state-now = State of your record: { $state }.
life-means-heading = What closing your record means
life-means-professionals = No health professional reads or writes in it any more, from the moment you close it, not even in an emergency.
life-means-links = Every access you gave to professionals ends, and does not come back if the record is reopened.
life-means-you = You keep signing in, reading your documents and the history of your record, and downloading them.
life-means-reopen = Within 10 years you can have it reopened by the agency, as it was.
life-means-deleted = After 10 years, the record and its documents are deleted for good.
life-understood = I have read what closing my record means.
life-verify-hint = You confirm with your passkey before the record closes.
life-close-button = Close my record
life-closed-done = Your record is closed.
life-closed-since = Your record has been closed since { $date } ({ $reason }).
life-closed-you-still-read = No health professional reads or writes in it. You still read your documents and your history, and download them.
life-reopen-until = The agency can reopen it until { $date }; after that it is deleted.
life-reason-patient = closed by the patient online
life-reason-postal = closed on a postal request
life-reason-death = death recorded
life-reason-idle = no access for 10 years
life-agency-summary = Record's life: close, death, reopen
life-agency-reason = Why closed
life-agency-closed-at = Closed on
life-agency-reopenable-until = Can be reopened until
life-agency-reference = Closing form's reference
life-agency-reference-hint = As written on the patient's signed closing form.
life-agency-death-date = Date of death
life-agency-death-source = Source
life-agency-death-source-hint = For example: death certificate, civil registry.
life-agency-reopened-at = Last reopened on
life-agency-close = Close on this postal request
life-agency-close-question = Close this record now? No professional reads it any more and every link ends.
life-agency-death = Record the death
life-agency-death-question = Record this death? The record closes now and the 10-year clock starts.
life-agency-reopen = Reopen the record
life-agency-reopen-question = Reopen this record? It is as it was; the links do not come back.
life-agency-confirm = Confirm
life-agency-cancel = Cancel
life-agency-closed = The record is closed.
life-agency-death-recorded = The death is recorded and the record is closed.
life-agency-reopened = The record is reopened.
error-record-already-closed = This record is already closed.
error-record-not-reopenable = This record cannot be reopened: it is not closed, or it was closed more than 10 years ago.
history-action-record-closed = { $who ->
    [you] You closed your record.
   *[other] { $actor } closed your record.
}
history-action-record-reopened = { $actor } reopened your record.
history-what-record-closed = Record closed
history-what-record-reopened = Record reopened
history-action-record-exported = { $who ->
    [you] You downloaded everything in your record.
   *[other] { $actor } downloaded everything in your record.
}
history-what-record-exported = Record downloaded
life-download = Download everything (ZIP: your documents, and their details and your history in FHIR format)
## purge
objection-heading = Object to your record
objection-deadline = You can object until { $date }. After that date your record is open to the professionals who treat you; you can still close it.
objection-no-letter = You can object as long as your record has not been opened to professionals.
objection-what = If you object, your record and everything in it (documents, notes, wishes, links, passkeys) is deleted for good. This cannot be undone. The access history is kept without your name, as the law requires.
objection-start = Object and delete my record…
objection-question = Delete your record and everything in it for good?
objection-confirm = Yes, delete my record for good
objection-done = Your record has been deleted for good. You have been signed out.
objection-closed = The 30-day objection period is over. You can close your record instead: then no professional can open it.
agency-objection-summary = Record an objection received by post
agency-objection-explain = Within the 30-day objection period, recording an objection deletes this record and everything in it for good.
agency-objection-reference = Letter reference
agency-objection-received = Date the letter was received
agency-objection-submit = Record the objection and delete the record
agency-objection-missing = Enter the letter's reference and the date it was received.
agency-objection-done = The objection is recorded and the record has been deleted for good.
error-objection-window-closed = The 30-day objection period is over: the record was not deleted. It can be closed instead.
## opening
error-field-required = Please fill in this field.
error-contact-required = Give a postal address or a phone number (at least one), so that the agency can reach you.
error-conditions-not-accepted = Please read the conditions and tick the box to accept them.
error-opening-request-decided = This request has already been accepted or rejected: it cannot be decided again.
error-identity-check-incomplete = Record both documents presented: the identity card (or passport) and the social security card.
home-open-text = No record yet?
home-open-link = Ask for your shared care record
open-title = Ask for your record
open-heading = Ask for your shared care record
open-intro = With this form you ask the eSanté agency to open your shared care record (DSP). It is free and voluntary. An agent checks your identity, then the agency sends you the activation letter by post.
open-national-id-hint = The 13 digits of your national ID (matricule), as on your social security card.
open-contact-legend = How the agency reaches you
open-contact-hint = A postal address or a phone number: at least one. The activation letter goes by post; without an address, the agency calls you to ask for it.
open-phone-hint = With the country code: +352 621 123 456.
open-conditions-heading = Conditions of use
open-conditions-what = The shared care record (DSP) is your electronic health record, hosted on the eSanté platform. It gathers your useful health documents so that the health professionals in Luxembourg who treat you share them, under your control.
open-conditions-letter = After your request is registered and your identity checked, the agency issues the activation letter with everything you need to activate and reach your record. It is sent to you personally by post within 7 days.
open-conditions-window = Unless you act within 4 weeks of the date on that letter, your record becomes accessible to the health professionals who treat you and to whom you have given access; you can object at any visit.
open-conditions-control = You decide who may see what, you see every access to your record, and you can block a professional or hide a document.
open-conditions-close = You can close your record at any time, online or by post with the closing form.
open-conditions-data = The eSanté agency processes your data as the controller, under the data-protection law. Its agents, bound by professional secrecy, use the personal data of this form only to open your record. You exercise your rights online or by writing to privacy@esante.lu.
open-accept = I ask for my shared care record to be opened, I have read and understood the conditions of use and of the exercise of my rights, and I consent to my personal data being sent securely to the agency for that purpose.
open-submit = Send my request
open-after = An agent checks your identity; the letter goes out by post within { $days } days of the acceptance.
open-received-heading = Your request has been received
open-reference = Your request's reference:
open-received-at = Received on { $date }.
open-next-heading = What happens next
open-next-check = An agent of the eSanté agency checks your identity: have your identity card and your social security card ready.
open-next-letter = Once your request is accepted, the activation letter arrives by post within { $days } days.
open-next-activate = With the letter's code you activate your record on this site and register a passkey.
open-next-helpdesk = Quote your reference to the helpdesk for any question.
opening-heading = Opening requests
opening-intro = Requests sent with the public form, oldest first. The letter must go out within 7 days of the request.
opening-queue-empty = No request is waiting.
opening-urgency-on-time = Within the limit
opening-urgency-near-limit = Near the 7-day limit
opening-urgency-overdue = Overdue
opening-record-exists = A record exists for this national ID
opening-reference = Reference
opening-received = Received
opening-age-label = Age
opening-age = { $days } d (letter due by { $due })
opening-decide = Check identity and decide
opening-check-legend = Identity check: documents presented
opening-check-id-card = Identity card or passport
opening-check-social-card = Social security card
opening-document-number = Identity document number (optional)
opening-check-note = Note on the check (optional)
opening-letter-address = Postal address for the letter
opening-letter-address-hint = The request gives no address: take it from the identity document or ask the person.
opening-accept-button = Accept and download the letter
opening-accept-hint = Accepting creates the record and issues its activation letter (PDF to print and post).
opening-reject-legend = Reject
opening-reason = Reason
opening-reason-identity-not-verified = Identity not verified
opening-reason-data-mismatch = The data do not match the documents
opening-reason-record-exists = A record already exists
opening-reason-duplicate-request = Duplicate request
opening-reason-withdrawn = Withdrawn by the person
opening-reason-other = Other (explain)
opening-reject-note = Explanation (required for "Other")
opening-reject-button = Reject the request
opening-accepted = Accepted: the record of { $name } is open and its letter downloaded.
opening-rejected = Rejected: the request of { $name }.
## import
error-import-file-invalid = This file is not the insured-persons file: it must be UTF-8 CSV text whose first line names the columns. Nothing was stored.
error-import-not-ready = The import cannot do that now: a file with invalid rows imports nothing, and a finished import has nothing left to do.
import-heading = Bulk opening
import-intro = Upload the insured-persons file (CSV, UTF-8, separated by commas or semicolons, up to 64 MB). Its first line names these columns:
import-rule = Every row is checked first. If any row is invalid, nothing of the file is imported: correct the rows in the report and upload the file again. A person who already has a record is counted as already there and gets no new letter, so the same file can be imported twice without creating anything twice.
import-choose = Insured-persons file (CSV)
import-upload = Upload and check
import-sending = Sending the file: { $percent } %
import-loading = Loading the imports…
import-none = No file has been imported.
import-batches = Imported files, newest first
import-file = File
import-uploaded = Uploaded
import-state = State
import-progress-heading = Progress
import-open = Open
import-progress = { $processed } of { $rows } rows processed: { $created } records created, { $existing } already there.
import-state-invalid = Invalid rows: nothing imported
import-state-ready = Checked: ready to start
import-state-running = Importing
import-state-paused = Stopped: resume to carry on
import-state-done = Finished
import-error-wrong-field-count = The row does not have the eight columns.
import-error-missing = This value is empty.
import-error-too-long = This value is too long.
import-error-national-id-not-digits = The national ID contains something other than digits.
import-error-national-id-wrong-length = The national ID does not have 13 digits.
import-error-national-id-invalid-birth-date = The first eight digits of the national ID are not a birth date.
import-error-national-id-luhn-mismatch = The 12th digit of the national ID (Luhn check) does not match.
import-error-national-id-verhoeff-mismatch = The 13th digit of the national ID (Verhoeff check) does not match.
import-error-duplicate-in-file = This national ID is already on an earlier row of the file.
import-error-invalid-country = The country must be a two-letter code (LU, FR, BE, DE…).
import-error-invalid-language = The language must be lb, fr, de or en.
import-column-national-id = National ID
import-column-given-name = Given name
import-column-family-name = Family name
import-column-street = Street
import-column-postal-code = Postal code
import-column-city = City
import-column-country = Country
import-column-language = Language
import-column-row = Whole row
import-start = Start the import
import-resume = Resume the import
import-pause = Stop the import
import-report-summary = { $invalid } invalid rows, { $errors } problems; the first { $shown } are listed.
import-report = Problems in the file, by row
import-row = Row
import-column = Column
import-problem = Problem
import-letters = Letters for the printer
import-letters-pack = Letters PDF no. { $chunk } ({ $letters } letters)
import-rows = { $rows } rows
import-batch-heading = Import of { $file }
## dashboard
error-figures-range-invalid = These dates do not make a range the key figures can show: check that the first comes before the last, that the last is not after today, and that the range is not too long.
figures-heading = Key figures
figures-intro = Counts of the national record, nothing about any person. Over time, days, weeks and months are counted in UTC.
figures-records-open = Records open
figures-records-closed = Records closed
figures-professionals-activated = Professionals activated
figures-documents = Documents
figures-connections = Connections
figures-objections = Objections
figures-emergency-accesses = Emergency accesses
figures-letters-waiting = Letters waiting
figures-not-recorded = not recorded by the service
figures-over-time = Over time
figures-period = Period
figures-by-day = By day
figures-by-week = By week
figures-by-month = By month
figures-table = Table of the figures
figures-week-of = week of { $date }
figures-month-of = { $month } { $year }
figures-chart-desc = { $figure }, { $period }, from { $first } to { $last }; the highest value is { $max }.

## lead: confirmation letters
life-agency-letter = Confirmation letter (PDF)
life-agency-letter-done = The confirmation letter is downloaded: print it and post it to the patient.
## helpdesk
error-identity-check-required = Record the identity check first: tick the documents the person showed you.
error-licence-state-unchanged = The licence is already in that state: reload the directory to see it as it is now.
error-licence-suspended = The licence of this professional is suspended: this account reaches nothing until the agency reinstates it.
error-activation-not-locked = The activation is not locked: there is nothing to unlock.
error-duplicate-organisation = An organisation with this name is already in the directory.
error-invalid-token = The software's access has ended or is not valid: connect it again from your DSP account.
error-insufficient-scope = The software was not allowed to do this: its connection does not include this permission.
history-action-professional-licence-suspended = The agency suspended the licence of { $professional }: they no longer reach your record.
history-action-professional-licence-reinstated = The agency reinstated the licence of { $professional }: their access follows your choices again.
history-action-activation-unlocked = { $actor } unlocked the activation of your record after too many wrong codes.
history-what-professional-licence-suspended = Licences suspended
history-what-professional-licence-reinstated = Licences reinstated
history-what-activation-unlocked = Activation unlocked
helpdesk-tools = Helpdesk
helpdesk-letters-heading = Letters
helpdesk-letters-show = Show the letters
helpdesk-letters-none = No letter has been issued for this record.
helpdesk-letter-kind-activation = activation letter
helpdesk-letter-kind-reissue = new activation letter
helpdesk-letter-kind-recovery = recovery letter
helpdesk-letter-row = { $date }: { $kind }
helpdesk-letter-checked = Identity checked: { $documents }
helpdesk-unlock-hint = After 5 wrong codes the activation is locked. Once you have spoken with the person, unlock it: the code in their letter works again.
helpdesk-unlock-button = Unlock the activation
helpdesk-unlocked = The activation is unlocked: the code in the letter works again.
helpdesk-identity-legend = Identity check: the documents the person presented
helpdesk-doc-id-card = Identity card
helpdesk-doc-passport = Passport
helpdesk-doc-residence-permit = Residence permit
helpdesk-doc-driving-licence = Driving licence
helpdesk-doc-social-security-card = Social security card
helpdesk-doc-professional-card = Professional card
helpdesk-recovery-letter-heading = Lost passkeys: recovery letter
helpdesk-recovery-letter-hint = Check the person’s identity first. The letter’s code registers a new passkey that replaces all the others and ends every session; the patient is told in the app at once.
helpdesk-recovery-letter-button = Download the recovery letter
helpdesk-recovery-letter-done = The recovery letter is downloaded.
helpdesk-licence-heading = Licence
helpdesk-licence-active = Licence active
helpdesk-licence-suspended = Licence suspended
helpdesk-suspend-hint = Suspending ends every session of this professional at once: they reach nothing until the licence is reinstated. Patients with a link to them see it in their history.
helpdesk-reinstate-hint = Reinstating gives the professional their rights back: they sign in with their key again, and their links count again.
helpdesk-reason-label = Reason (kept in the audit log, not shown to patients)
helpdesk-suspend-button = Suspend the licence
helpdesk-reinstate-button = Reinstate the licence
helpdesk-suspended-done = The licence is suspended and every session has ended.
helpdesk-reinstated-done = The licence is reinstated.
helpdesk-key-recovery-heading = Lost security key
helpdesk-key-recovery-hint = After the identity check, issue a recovery code: every registered key is removed and every session ends at once; the key enrolled with the code replaces them, and the professional is told in the app.
helpdesk-key-recovery-button = Issue a recovery code
helpdesk-assign-open = Change the organisation
helpdesk-assign-label = Works at
helpdesk-assign-button = Assign
helpdesk-assigned = Now works at { $name }.
helpdesk-organisations-heading = Organisations
helpdesk-organisation-search-label = Name of the organisation
helpdesk-organisations-none = No organisation matches.
helpdesk-organisation-name = Name
helpdesk-organisation-kind = Kind
helpdesk-kind-practice = Practice
helpdesk-kind-hospital = Hospital
helpdesk-kind-care-home = Care home
helpdesk-kind-laboratory = Laboratory
helpdesk-kind-pharmacy = Pharmacy
helpdesk-organisation-create-heading = Add an organisation
helpdesk-organisation-create-button = Add the organisation
helpdesk-organisation-created = { $name } is in the directory.
helpdesk-organisation-edit = Edit the organisation
helpdesk-organisation-save = Save
helpdesk-organisation-saved = Saved.
helpdesk-organisation-staff = Professionals
helpdesk-organisation-show-staff = Show the professionals
helpdesk-organisation-staff-none = No professional of the directory works here.
helpdesk-notices-heading = Messages from the agency
helpdesk-notice-key-recovery = On { $date } the agency replaced your security keys after an identity check: the key you enrolled with the recovery code is now your only one. If you did not ask for this, call the agency’s helpdesk.
helpdesk-notice-licence-reinstated = On { $date } the agency reinstated your licence: you reach records again within the rules.
helpdesk-enrol-recovery-note = A recovery code from the helpdesk after a lost key? The key you register here replaces all your previous keys, which no longer work.

## oauth
error-redirect-uri-invalid = A return address must start with https:// (or http://localhost or http://127.0.0.1 for software on the professional's own computer), have no # part, and be registered for this software.
error-scope-invalid = A permission is not a valid SMART permission (such as user/DocumentReference.rs), or goes beyond what this software is registered for.
error-authorization-request-invalid = This connection request from the software cannot be approved: the software is unknown or disabled, or its request is incomplete.
error-user-code-invalid = This code is unknown, has expired or was already used: start the connection again in the software.
## fhir-read
# A professional who acted through their practice software, in the history ("Dr X via MediPrax").
history-actor-via = { $actor } via { $software }
## oauth-ui
oauth-connect-title = Connect software
oauth-connect-heading = Connect practice software
oauth-device-title = Connect software with a code
oauth-device-heading = Connect software with a code
oauth-software-title = Connected software
oauth-software-heading = Connected software
oauth-sign-in-first = A practice software asks to reach DSP in your name. Sign in with your security key first; you then see what it asks for and decide.
oauth-software-sign-in = Sign in with your security key to see the software you connected.
oauth-professionals-only = Only health professionals connect practice software, signed in with their security key.
oauth-request-incomplete = This address does not hold a complete request from a software. Start the connection again from the software.
oauth-approval-heading = { $software } asks to connect
oauth-approval-organisation = { $software } is registered for { $organisation }.
oauth-approval-asks = It asks to act in your name:
oauth-approval-rules = { $software } sees and does only what you may see and do yourself, within these permissions. Every access is recorded, and patients see it in their history as “via { $software }”. You can disconnect it at any time under Connected software.
oauth-approval-return = After your decision you go back to { $host }.
oauth-approve = Approve
oauth-refuse = Refuse
oauth-returning = Going back to the software…
oauth-resource-documents = Documents of the records you reach
oauth-resource-content = The content of those documents
oauth-resource-submissions = Filings (which documents were filed together)
oauth-resource-patients = Patients’ identity (finding a record by national identification number)
oauth-resource-history = Access history
oauth-resource-all = Everything you reach
oauth-op-create = file new ones
oauth-op-read = read
oauth-op-update = change
oauth-op-delete = delete
oauth-op-search = search
oauth-scope-line = { $resource }: { $ops }
oauth-device-code-label = Code shown by your software
oauth-device-code-hint = For example WDJB-MJHT. Capitals, spaces and dashes do not matter.
oauth-device-look-up = Continue
oauth-device-approved = Approved. Go back to your software: it is connected within a few seconds.
oauth-device-refused = Refused. The software is not connected.
oauth-software-intro = Practice and hospital software you allowed to reach DSP in your name. Disconnecting one ends its access at once.
oauth-software-none = You have not connected any software.
oauth-software-disconnected = { $software } is disconnected.
oauth-organisation = Registered for
oauth-connected-since = Connected since
oauth-last-used = Last used
oauth-never-used = Not used yet
oauth-disconnect = Disconnect
oauth-disconnect-confirm = Disconnect { $software }? It can no longer reach DSP in your name until you connect it again.
oauth-disconnect-yes = Yes, disconnect
oauth-cancel = Cancel
oauth-back-to-portal = Back to the professionals’ portal
software-heading = Practice software
software-intro = Practice and hospital systems registered for an organisation. A professional connects one with their security key; it never reaches more than that professional may.
software-none = No software is registered.
software-register-heading = Register software
software-register-button = Register
software-organisation = Organisation
software-name = Name of the software
software-name-hint = Professionals and patients read it (“Dr X via …”).
software-redirects = Redirect addresses
software-redirects-hint = Separated by spaces, exactly as the software sends them: https://…, or http://127.0.0.1:port/… for software on the professional’s own computer.
software-scopes = Permissions (SMART scopes)
software-scopes-hint = Separated by spaces, for example user/DocumentReference.crs user/Binary.r.
software-confidential = Issue a secret (for the organisation’s gateway to check tokens)
software-name-too-long = At most 200 characters.
software-redirect-invalid = Each address starts with https://, http://127.0.0.1 or http://localhost, and has no #.
software-scope-invalid = Each permission looks like user/DocumentReference.rs (the letters c r u d s, in that order).
software-registered = { $name } is registered.
software-client-id = Client id
software-secret = Secret
software-secret-once = Copy the secret now (select it, then copy) and give it to the organisation’s IT: it is never shown again.
software-state = State
software-active = Active, { $count ->
    [one] one connection
   *[other] { $count } connections
}
software-disabled-since = Disabled on { $date }
software-grants-heading = Connections
software-show-grants = Show the connections ({ $count })
software-grants-none = No professional has it connected.
software-grant-facts = connected on { $since }, last used: { $last }
software-revoke-grant = End this connection
software-edit = Edit
software-save = Save
software-saved = Saved.
software-new-secret = New secret
software-disable = Disable
software-disable-confirm = Disable { $name }? Every connection ends at once, and nobody can connect it any more.
software-secret-confirm = Give { $name } a new secret? The current one stops working at once.
software-confirm-yes = Yes
software-disabled-done = Disabled: every connection has ended.
software-secret-done = New secret issued: copy it above.

## fhir-write
error-fhir-bundle-not-transaction = The software sent a bundle that is not a transaction: nothing was filed.
error-fhir-bundle-invalid = The software sent an incomplete or invalid document bundle: nothing was filed.
error-fhir-base64-invalid = The software sent a document whose content is not valid base64: nothing was filed.
error-fhir-hash-mismatch = The software sent a document whose content does not match its hash (it changed on the way): nothing was filed.
error-fhir-patient-mismatch = A document of the bundle names another patient than the submission: nothing was filed.
error-fhir-category-unknown = A document of the bundle has no category of the record: nothing was filed.
## life
objection-letter-hint = Your confirmation letter is ready. Download it now and keep it: we keep no copy, and once you leave this page it cannot be downloaded again.
objection-letter-download = Download my confirmation (PDF)
agency-objection-letter = The confirmation letter has been downloaded: print it and post it to the person. No copy is kept.
agency-objection-letter-again = Download the confirmation letter again
history-action-patient-viewed = { $who ->
    [you] You looked at your record's details in the agency's console.
   *[other] { $actor } looked at your record's details (name, address, letters).
}
history-what-patient-viewed = Record details looked at by the agency
