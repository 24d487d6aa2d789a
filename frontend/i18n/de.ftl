# DSP-Web-App: Deutsch.
# Jeder Schlüssel steht auch in lb.ftl, fr.ftl und en.ftl (geprüft von `cargo test -p frontend`).

## Rahmen der Anwendung

app-name = DSP
app-tagline = Gemeinsame Gesundheitsakte
skip-to-content = Zum Hauptinhalt springen
nav-label = Hauptnavigation
nav-home = Startseite
nav-patient = Patienten
nav-professional = Gesundheitsberufe
nav-agency = Agentur
language-label = Sprache
signin-coming = Die Anmeldung ist noch nicht verfügbar; sie kommt mit einer der nächsten Versionen des DSP. Vorerst beschreiben diese Seiten, was jeder Bereich bieten wird.

## Startseite

home-title = Startseite
home-heading = Ihre gemeinsame Gesundheitsakte
home-intro = Der DSP sammelt die wesentlichen Gesundheitsdokumente jeder versicherten Person in Luxemburg — Krankenhaus- und Laborberichte, Bildgebung, Verordnungen —, damit die Fachleute, die Sie behandeln, sie teilen können. Sie behalten die Kontrolle: Sie entscheiden, wer was sieht, und Sie sehen jeden Zugriff.
home-areas-heading = Wählen Sie Ihren Bereich
home-patient-title = Ich bin Patientin oder Patient
home-patient-text = Lesen Sie Ihre Dokumente, entscheiden Sie, wer sie sehen darf, und verfolgen Sie jeden Zugriff auf Ihre Akte.
home-professional-title = Ich arbeite in einem Gesundheitsberuf
home-professional-text = Finden Sie Ihre Patienten im Rahmen der Regeln, lesen Sie ihre Dokumente und legen Sie neue ab.
home-agency-title = Ich arbeite bei der Agentur
home-agency-text = Akten eröffnen, Aktivierungsbriefe drucken, das Verzeichnis der Gesundheitsberufe pflegen und Menschen helfen, die nicht weiterkommen.

## Bereich für Patienten

patient-title = Patienten
patient-heading = Patientenportal
patient-intro = Ihre Akte gehört Ihnen. Im Patientenportal werden Sie:
patient-read = alle Ihre Gesundheitsdokumente lesen: Krankenhausberichte, Analysen, Bildgebung, Verordnungen;
patient-decide = entscheiden, wer was sieht: eine Fachperson sperren, ein Dokument verbergen, Ihren Referenzarzt wählen;
patient-traces = jeden Zugriff sehen: wer Ihre Akte geöffnet hat, wann und nach welcher Regel;
patient-close = Ihre Akte jederzeit schließen und sie innerhalb von zehn Jahren unverändert wieder öffnen;
patient-signin = sich mit einem Passkey auf Ihrem Telefon oder Computer anmelden, eingerichtet mit dem Aktivierungscode aus Ihrem Brief.
patient-categories-heading = Was Ihre Akte enthalten kann

## Bereich für Gesundheitsberufe

professional-title = Gesundheitsberufe
professional-heading = Portal für Gesundheitsberufe
professional-intro = Für Ärztinnen und Ärzte, Apotheker, Pflegekräfte und die anderen Gesundheitsberufe des nationalen Verzeichnisses. Im Portal werden Sie:
professional-find = eine Patientin oder einen Patienten über die Matrikelnummer finden und die Akte nur im Rahmen der Zugriffsregeln und einer Behandlungsbeziehung öffnen;
professional-read = die Dokumente lesen, die Ihr Beruf und Ihre Behandlungsbeziehung erlauben;
professional-file = Berichte, Ergebnisse und Verordnungen in der Akte ablegen;
professional-signin = sich mit Ihrem persönlichen Sicherheitsschlüssel anmelden, eingerichtet mit dem Registrierungscode der Agentur.
professional-professions-heading = Die Berufe des Verzeichnisses

## Bereich der Agentur

agency-title = Agentur
agency-heading = Konsole der Agentur
agency-intro = Für die Mitarbeitenden und den Helpdesk der Agentur, die den DSP betreibt. In der Konsole werden Sie:
agency-open = Akten eröffnen und die Informations- und Aktivierungsbriefe drucken;
agency-directory = das Verzeichnis der Gesundheitsberufe auf dem neuesten Stand halten;
agency-close = eine Akte auf schriftlichen Antrag schließen;
agency-recover = Menschen, die ihren Passkey oder Sicherheitsschlüssel verloren haben, wieder zur Anmeldung verhelfen;
agency-signin = sich mit Ihrem Sicherheitsschlüssel anmelden.

## Seite nicht gefunden

not-found-title = Seite nicht gefunden
not-found-heading = Seite nicht gefunden
not-found-text = Unter der Adresse { $path } gibt es keine Seite.
not-found-home = Zur Startseite

## Fußzeile

footer-today = Heute: { $date }
footer-server-checking = Server: wird geprüft …
footer-server-online = Server: online · { $database } · Migration { $migration }
footer-server-degraded = Server: Status „{ $status }“
footer-server-error = Server: { $message }

## Fehler des Servers (shared::ApiErrorCode) und der Verbindung

error-not-found = Das Gesuchte wurde nicht gefunden.
error-method-not-allowed = Diese Aktion ist hier nicht erlaubt.
error-malformed-json = Die Anfrage konnte nicht gelesen werden. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.
error-invalid-request = Einige der gesendeten Angaben sind ungültig.
error-unsupported-media-type = Der Server nimmt diese Art von Inhalt nicht an.
error-payload-too-large = Die gesendeten Daten sind zu groß.
error-rate-limited = Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.
error-unavailable = Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es später noch einmal.
error-internal = Bei uns ist ein Fehler aufgetreten. Wenn das wieder vorkommt, wenden Sie sich mit der Referenz an den Helpdesk.
error-unauthenticated = Bitte melden Sie sich zuerst an.
error-session-expired = Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.
error-forbidden = Dieser Bereich ist nicht für Ihre Art von Konto bestimmt.
error-csrf-rejected = Diese Anfrage kam nicht von einer Seite des DSP und wurde abgelehnt. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.
error-activation-failed = Matrikelnummer und Aktivierungscode passen nicht zusammen. Bitte prüfen Sie beides und versuchen Sie es erneut.
error-activation-locked = Zu viele falsche Aktivierungscodes. Bitte fordern Sie bei der Agentur einen neuen Aktivierungsbrief an.
error-enrolment-code-invalid = Dieser Registrierungscode ist unbekannt, bereits verwendet oder abgelaufen. Bitte fordern Sie bei der Agentur einen neuen an.
error-ceremony-expired = Der Vorgang hat zu lange gedauert oder wurde bereits verwendet. Bitte beginnen Sie von vorn.
error-credential-rejected = Die Antwort Ihres Schlüssels konnte nicht überprüft werden. Bitte versuchen Sie es erneut.
error-synced-credential-refused = Gesundheitsberufe und Mitarbeitende der Agentur brauchen einen Sicherheitsschlüssel, der an ein Gerät gebunden ist; ein synchronisierter Passkey wird nicht angenommen.
error-user-verification-required = Ihr Schlüssel muss prüfen, dass Sie es sind (PIN oder Fingerabdruck). Bitte versuchen Sie es mit dieser Prüfung erneut.
error-credential-suspended = Dieser Schlüssel wurde zu Ihrem Schutz gesperrt, weil er möglicherweise kopiert wurde. Bitte wenden Sie sich an den Helpdesk.
error-unknown-credential = Dieser Schlüssel ist nicht oder nicht mehr registriert.
error-duplicate-national-id = Für diese Matrikelnummer gibt es bereits eine Akte.
error-birth-date-mismatch = Das Geburtsdatum stimmt nicht mit dem der Matrikelnummer überein.
error-invalid-national-id = Die Matrikelnummer ist ungültig.
error-duplicate-licence = Eine Fachperson mit dieser Zulassungsnummer steht bereits im Verzeichnis.
error-last-credential = Sie können Ihren letzten Schlüssel nicht entfernen: Fügen Sie zuerst einen weiteren hinzu.
error-reverification-required = Bitte bestätigen Sie diese Änderung erneut mit Ihrem Passkey oder Sicherheitsschlüssel.
error-network = Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
error-http = Der Server hat mit einem unerwarteten Fehler geantwortet (HTTP { $status }).
error-unexpected-response = Die Antwort des Servers konnte nicht gelesen werden.
error-reference = Referenz: { $id }

## Matrikelnummer (shared::NationalIdError)

national-id-not-digits = Eine Matrikelnummer enthält nur Ziffern.
national-id-wrong-length = Eine Matrikelnummer hat 13 Ziffern, diese hat { $count }.
national-id-invalid-birth-date = Die ersten acht Ziffern müssen ein Geburtsdatum sein (JJJJMMTT).
national-id-luhn-mismatch = Die 12. Ziffer (erste Prüfziffer) passt nicht zu den ersten elf. Bitte prüfen Sie die Nummer.
national-id-verhoeff-mismatch = Die 13. Ziffer (zweite Prüfziffer) passt nicht zu den ersten elf. Bitte prüfen Sie die Nummer.

## Datum

date-long = { $day }. { $month } { $year }
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## Dokumentkategorien (shared::Category)

category-personal-expression = Persönliche Äußerungen des Inhabers
category-summaries = Zusammenfassungen
category-health-history = Krankengeschichte
category-allergies = Allergien und Unverträglichkeiten
category-prostheses = Prothesen und Medizinprodukte
category-care-reports = Behandlungsberichte
category-certificates = Bescheinigungen und Erklärungen
category-medical-imaging = Medizinische Bildgebung
category-lab-analyses = Laboranalysen
category-medication-dispensation = Arzneimittelabgabe
category-nursing-assessments = Pflegebeurteilungen
category-prescriptions = Verordnungen und Behandlungen
category-prevention = Vorsorge
category-socio-educational = Sozialpädagogische Daten
category-social-environment = Soziales Umfeld
category-legal-protection = Rechtlicher Schutz
category-social-insurance = Sozialversicherungsschutz
category-education = Bildung
category-access-traces = Übersicht der Zugriffsprotokolle

## Berufe (shared::Profession)

profession-MED = Arzt/Ärztin
profession-REF = Referenzarzt/Referenzärztin (médecin référent)
profession-PHA = Apotheker/Apothekerin
profession-INF = Pflegefachkraft
profession-EXP = Andere Gesundheitsfachperson
profession-SAG = Hebamme
profession-LAB = Laborassistent/Laborassistentin
profession-ATM = Medizinisch-technische Radiologieassistenz
profession-AID = Pflegehelfer/Pflegehelferin
profession-SOC = Sozialarbeiter/Sozialarbeiterin
profession-BIO = Biologe/Biologin
