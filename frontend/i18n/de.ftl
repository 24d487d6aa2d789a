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
patient-intro = Ihre Akte gehört Ihnen. Im Patientenportal können Sie:
patient-read = alle Ihre Gesundheitsdokumente lesen: Krankenhausberichte, Analysen, Bildgebung, Verordnungen;
patient-decide = entscheiden, wer was sieht: eine Fachperson sperren, ein Dokument verbergen, Ihren Referenzarzt wählen;
patient-traces = jeden Zugriff sehen: wer Ihre Akte geöffnet hat, wann und nach welcher Regel;
patient-signin = sich mit einem Passkey auf Ihrem Telefon oder Computer anmelden, eingerichtet mit dem Aktivierungscode aus Ihrem Brief.
patient-categories-heading = Was Ihre Akte enthalten kann

## Bereich für Gesundheitsberufe

professional-title = Gesundheitsberufe
professional-heading = Portal für Gesundheitsberufe
professional-intro = Für Ärztinnen und Ärzte, Apotheker, Pflegekräfte und die anderen Gesundheitsberufe des nationalen Verzeichnisses. Im Portal können Sie:
professional-find = eine Patientin oder einen Patienten über die Matrikelnummer finden und die Akte nur im Rahmen der Zugriffsregeln und einer Behandlungsbeziehung öffnen;
professional-read = die Dokumente lesen, die Ihr Beruf und Ihre Behandlungsbeziehung erlauben;
professional-file = Berichte, Ergebnisse und Verordnungen in der Akte ablegen;
professional-signin = sich mit Ihrem persönlichen Sicherheitsschlüssel anmelden, eingerichtet mit dem Registrierungscode der Agentur.
professional-professions-heading = Die Berufe des Verzeichnisses

## Bereich der Agentur

agency-title = Agentur
agency-heading = Konsole der Agentur
agency-intro = Für die Mitarbeitenden und den Helpdesk der Agentur, die den DSP betreibt. In der Konsole können Sie:
agency-open = Akten eröffnen und die Informations- und Aktivierungsbriefe drucken;
agency-directory = das Verzeichnis der Gesundheitsberufe auf dem neuesten Stand halten;
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
error-payload-too-large = Die gesendeten Daten sind zu groß. Ein Dokument darf bis zu 20 MB groß sein.
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
error-last-credential = Sie können Ihren letzten Passkey oder Schlüssel nicht entfernen: Fügen Sie zuerst einen weiteren hinzu. Wenn Sie ihn verloren haben, ersetzt ihn der Helpdesk der Agentur (ein Wiederherstellungsbrief für einen Passkey, ein neuer Registrierungscode für einen Sicherheitsschlüssel).
error-reverification-required = Bitte bestätigen Sie diese Änderung erneut mit Ihrem Passkey oder Sicherheitsschlüssel.
error-connection-failed = Matrikelnummer und Verbindungscode passen nicht zusammen (Code falsch, bereits benutzt oder abgelaufen). Bitten Sie den Patienten um einen neuen Code.
error-document-rejected = Dieses Dokument wurde abgelehnt: Typ oder Größe passen nicht, oder der Inhalt ist nicht sicher. Erlaubt sind PDF, PNG und JPEG bis 20 MB, CDA-XML und FHIR-JSON bis 5 MB.
error-request-timeout = Ihre Daten kamen zu langsam oder gar nicht an. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
error-document-metadata-in-query = Bei diesem Hochladen standen Titel, Kategorie, Datum oder Dateiname des Dokuments in der Adresse, wo Protokolle und der Browserverlauf sie speichern würden. Die App überträgt sie getrennt; aktualisieren Sie die Software, die das Dokument gesendet hat.
error-document-wrong-patient = Dieses Dokument wurde abgelehnt: Der darin genannte Patient ist nicht der Patient dieser Akte, oder er wird nicht mit seiner Matrikelnummer genannt. Prüfen Sie, ob Sie es in der richtigen Akte ablegen.
error-document-unsafe-narrative = Dieses Dokument wurde abgelehnt: Sein lesbarer Teil (Narrativ) enthält etwas, das in einem Browser ausgeführt werden könnte, etwa ein Skript, einen Ereignis-Handler oder einen javascript:-Link. Exportieren Sie es erneut ohne diesen Inhalt.
error-emergency-access-limit-reached = Sie haben vorerst so viele Notfallzugriffe geöffnet wie erlaubt: Dieser wurde nicht geöffnet, und die Agentur wurde alarmiert. Bitten Sie den Patienten um einen Verbindungscode oder wenden Sie sich an die Agentur.
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

## Häufige Wörter

loading = Wird geladen…
save = Speichern
cancel = Abbrechen
search-button = Suchen
session-checking = Anmeldung wird geprüft…
date-time = { $date }, { $time } Uhr

## Konto (Kopfzeile)

nav-security = Sicherheit
account-signed-in-as = Angemeldet als
account-sign-out = Abmelden
account-sign-in = Anmelden
role-patient = Patient
role-professional = Gesundheitsfachkraft
role-agent = Mitarbeiter der Agentur
area-sign-in-link = Anmelden
area-enrol-link = Ihren Sicherheitsschlüssel mit einem Registrierungscode einrichten
home-sign-in-text = Schon registriert? Melden Sie sich mit Ihrem Passkey oder Sicherheitsschlüssel an.
home-greeting = Guten Tag, { $name }
security-link = Passkeys, Schlüssel und Sitzungen verwalten

## Passkeys und Sicherheitsschlüssel (Dialoge des Browsers)

ceremony-waiting = Folgen Sie den Anweisungen Ihres Browsers: Wählen Sie Ihren Passkey, oder stecken Sie Ihren Sicherheitsschlüssel ein und berühren Sie ihn.
ceremony-cancel = Abbrechen
ceremony-unsupported = Dieser Browser kann keine Passkeys oder Sicherheitsschlüssel verwenden. Bitte nutzen Sie eine aktuelle Version von Chrome, Edge, Firefox oder Safari.
ceremony-cancelled = Es wurde nichts signiert: Die Anfrage wurde abgebrochen, hat zu lange gedauert, oder es wurde kein passender Passkey oder Schlüssel gefunden. Bitte versuchen Sie es erneut.
ceremony-aborted = Abgebrochen. Sie können jederzeit neu beginnen.
ceremony-already-registered = Dieser Passkey oder Sicherheitsschlüssel ist für Ihr Konto bereits registriert. Melden Sie sich damit an oder verwenden Sie einen anderen.
ceremony-unsuitable = Dieser Passkey oder Sicherheitsschlüssel kann nicht leisten, was verlangt wird (Prüfung per PIN oder Fingerabdruck). Bitte verwenden Sie einen anderen.
ceremony-security = Die Adresse dieser Seite darf keine Passkeys verwenden. Öffnen Sie den DSP über seine offizielle Adresse.
ceremony-other = Ihr Browser konnte die Anfrage nicht abschließen ({ $name }). Bitte versuchen Sie es erneut.
error-rate-limited-wait = Zu viele Versuche. Bitte versuchen Sie es in { $minutes } Min. erneut.

## Anmeldeseite

sign-in-title = Anmelden
sign-in-heading = Beim DSP anmelden
sign-in-intro = Patienten melden sich mit dem Passkey auf ihrem Telefon oder Computer an, Gesundheitsfachkräfte und Mitarbeiter der Agentur mit ihrem persönlichen Sicherheitsschlüssel. Kein Benutzername, kein Passwort.
sign-in-button = Mit Passkey oder Sicherheitsschlüssel anmelden
sign-in-expired = Ihre Sitzung wurde zu Ihrem Schutz beendet. Bitte melden Sie sich erneut an.
sign-in-signed-out = Sie haben sich abgemeldet.
sign-in-already = Sie sind als { $name } angemeldet.
sign-in-go-to-area = Zu Ihrem Bereich
sign-in-first-time = Zum ersten Mal hier?
sign-in-activate-link = Ihre Akte aktivieren
sign-in-activate-text = für Patienten, mit dem Aktivierungsbrief, den Sie per Post erhalten haben.
sign-in-enrol-link = Einen Sicherheitsschlüssel registrieren
sign-in-enrol-text = für Gesundheitsfachkräfte und Mitarbeiter der Agentur, mit dem Registrierungscode der Agentur.

## Aktivierungsseite

activate-title = Akte aktivieren
activate-heading = Ihre Akte aktivieren
activate-intro = Geben Sie Ihre Matrikelnummer und den Aktivierungscode aus Ihrem Brief ein. Danach erstellen Sie auf diesem Telefon oder Computer einen Passkey: Damit melden Sie sich künftig an.
activate-national-id-label = Matrikelnummer (nationale Identifikationsnummer)
activate-national-id-hint = 13 Ziffern, wie auf Ihrer Sozialversicherungskarte. Leerzeichen sind erlaubt.
activate-code-label = Aktivierungscode
activate-code-hint = Wie in Ihrem Brief gedruckt, zum Beispiel ABCD-EFGH-JKLM.
activate-passkey-hint = Ihr Browser bittet Sie, einen Passkey zu erstellen – mit Fingerabdruck, Gesicht oder Bildschirmsperre.
activate-button = Aktivieren und meinen Passkey erstellen
activate-recovery-heading = Dies ist ein Wiederherstellungsbrief
activate-recovery-text = Ihre Akte hat bereits Passkeys. Wenn Sie fortfahren, ersetzt der Passkey, den Sie jetzt erstellen, alle anderen: Diese funktionieren nicht mehr, und alle Sitzungen, in denen Sie angemeldet sind, werden beendet. Fahren Sie nur fort, wenn Sie Ihren Passkey verloren haben; wenn Sie diesen Brief nicht angefordert haben, rufen Sie den Helpdesk der Agentur an.
activate-recovery-confirm = Meine Passkeys ersetzen
activate-already = Schon aktiviert?
activate-sign-in-link = Anmelden

## Registrierungsseite

enrol-title = Sicherheitsschlüssel registrieren
enrol-heading = Ihren Sicherheitsschlüssel registrieren
enrol-intro = Gesundheitsfachkräfte und Mitarbeiter der Agentur melden sich mit einem persönlichen Sicherheitsschlüssel an. Geben Sie den Registrierungscode der Agentur ein, stecken Sie dann Ihren Schlüssel ein und berühren Sie ihn.
enrol-from-link = Der Code aus Ihrem Registrierungslink ist bereits eingetragen.
enrol-code-label = Registrierungscode
enrol-code-hint = Zum Beispiel ABCD-EFGH-JKLM. Er gilt nur einmal und läuft ab.
enrol-key-hint = Nur ein an ein Gerät gebundener Sicherheitsschlüssel wird akzeptiert (kein synchronisierter Passkey). Er fragt nach seiner PIN.
enrol-button = Meinen Sicherheitsschlüssel registrieren
enrol-already = Schon registriert?

## Formularfelder

field-required = Bitte füllen Sie dieses Feld aus.
field-invalid-date = Bitte geben Sie ein gültiges Datum ein, als Tag.Monat.Jahr, zum Beispiel 25.11.2026.
field-country-code = Bitte verwenden Sie den zweistelligen Ländercode, zum Beispiel LU.
field-choose = Bitte wählen…
field-national-id = Matrikelnummer
field-given-name = Vornamen
field-family-name = Nachname
field-birth-date = Geburtsdatum
field-language = Bevorzugte Sprache
field-address = Postanschrift
field-street = Straße und Hausnummer
field-postal-code = Postleitzahl
field-city = Ort
field-country = Land
field-country-hint = Zwei Buchstaben: LU, FR, BE, DE …
field-profession = Beruf
field-licence = Zulassungsnummer
field-organisation = Einrichtung
national-id-incomplete = Noch fehlende Ziffern: { $count } von 13.
national-id-valid = Gültige Matrikelnummer, geboren am { $date }.

## Patienten- und Fachkräftebereich (angemeldet)

patient-signed-in-intro = Sie sind bei Ihrer gemeinsamen Gesundheitsakte angemeldet.
patient-record-coming = Hier lesen Sie Ihre Dokumente, bestimmen, wer was sieht, und verfolgen jeden Zugriff auf Ihre Akte.
patient-activate-link = Ihre Akte mit Ihrem Brief aktivieren
professional-signed-in-intro = Sie sind im Portal für Gesundheitsberufe angemeldet.
professional-signed-in-as = Sie sind im Portal für Gesundheitsberufe angemeldet als { $profession }.
professional-record-coming = Finden Sie einen Patienten, den Sie erreichen, öffnen Sie eine Akte mit dem Verbindungscode des Patienten oder erfassen Sie eine Aufnahme; die Seite jeder Akte listet ihre Dokumente auf und lässt Sie eines ablegen.

## Konsole der Agentur

agency-greeting = Angemeldet als { $name }. Eröffnen Sie Akten und drucken Sie deren Briefe; pflegen Sie das Verzeichnis der Gesundheitsfachkräfte.
agency-sections = Bereiche der Konsole
agency-not-for-you = Die Konsole der Agentur ist nur für Mitarbeiter der Agentur.
agency-patients-heading = Patienten
agency-patients-list = Gefundene Akten
agency-patient-search-label = Nach Name oder Matrikelnummer suchen
agency-no-patients = Keine Akte gefunden.
agency-patient-create-heading = Eine Akte eröffnen
agency-national-id-hint = 13 Ziffern. Das Geburtsdatum wird daraus übernommen.
agency-birth-date-hint = Muss den ersten acht Ziffern der Matrikelnummer entsprechen.
agency-patient-create-button = Akte eröffnen
agency-patient-created = Die Akte von { $name } ist eröffnet. Laden Sie den Informationsbrief in der Liste herunter, um ihn zu versenden.
agency-record-state = Status
record-state-created = Angelegt, nicht aktiviert
record-state-activated = Aktiviert
record-state-closed = Geschlossen
agency-code-locked = Code gesperrt
agency-letter = Brief
agency-letter-none = Noch kein Brief
agency-letter-issued-until = Ausgestellt am { $date }; Widerspruch möglich bis { $deadline }
agency-download-letter = Informationsbrief herunterladen (PDF)
agency-letter-new-code = Der Brief enthält einen neuen Aktivierungscode.
agency-letter-voids-previous = Ein neuer Brief enthält einen neuen Aktivierungscode: Der Code des vorigen Briefs gilt dann nicht mehr.
agency-letter-recovery = Die Akte ist aktiviert: Dies ist ein Wiederherstellungsbrief für einen Patienten, der seinen Passkey verloren hat. Sein Code ersetzt alle seine Passkeys und beendet seine Sitzungen; der Patient wird sofort in der Anwendung benachrichtigt.
agency-letter-busy = Der Brief wird erstellt…
agency-letter-done = Brief heruntergeladen. Nur sein Aktivierungscode gilt jetzt.
agency-professionals-heading = Gesundheitsfachkräfte
agency-emergency-heading = Notfallzugriffe
agency-emergency-intro = Jeder Notfallzugriff („Glas zerbrechen“), den eine Gesundheitsfachkraft geöffnet hat, der neueste zuerst; und davor die Alarme: Gesundheitsfachkräfte, die abgewiesen wurden, weil sie schon so viele geöffnet hatten wie erlaubt.
agency-emergency-alerts-heading = Alarme
agency-emergency-no-alerts = Kein Alarm: Keine Gesundheitsfachkraft hat die Höchstzahl erreicht.
agency-emergency-alert = { $name } wurde ein Notfallzugriff verweigert: { $count } bereits innerhalb von { $hours } Stunden geöffnet, bei einer Höchstzahl von { $max }.
agency-emergency-openings-heading = Geöffnete Notfallzugriffe
agency-emergency-none = Es wurde noch kein Notfallzugriff geöffnet.
agency-emergency-opening = { $name } hat die Akte { $record } geöffnet: „{ $reason }“
agency-emergency-someone = Eine Gesundheitsfachkraft, die nicht mehr im Verzeichnis steht
agency-professionals-list = Gefundene Gesundheitsfachkräfte
agency-professional-search-label = Nach Name oder Zulassungsnummer suchen
agency-no-professionals = Keine Gesundheitsfachkraft gefunden.
agency-professional-create-heading = Eine Gesundheitsfachkraft ins Verzeichnis aufnehmen
agency-professional-create-button = Gesundheitsfachkraft aufnehmen
agency-professional-created = { $name } steht im Verzeichnis. Stellen Sie einen Registrierungscode aus, damit der Sicherheitsschlüssel registriert werden kann.
agency-keys = Sicherheitsschlüssel
agency-keys-count = { $count } registriert
agency-enrolment-pending = ein Registrierungscode wartet auf seine Verwendung
agency-enrolment-none = kein offener Registrierungscode
agency-issue-code = Registrierungscode ausstellen
agency-issue-revokes = Ein neuer Code widerruft sofort die { $count } registrierten Sicherheitsschlüssel: Die Fachkraft kann sich erst wieder anmelden, wenn sie mit dem neuen Code einen Schlüssel registriert hat.
agency-issue-replaces = Ein neuer Code ersetzt den noch nicht verwendeten Code, der dann nicht mehr gilt.
agency-issue-confirm = Widerrufen und neuen Code ausstellen
agency-issue-busy = Der Code wird ausgestellt…
agency-issued-heading = Registrierungscode für { $name }
agency-issued-once = Dieser Code wird nur einmal angezeigt. Geben Sie ihn oder den Link jetzt weiter; die Agentur kann ihn nicht noch einmal anzeigen.
agency-issued-code = Code
agency-issued-link = Registrierungslink
agency-issued-expires = Gültig bis
agency-issued-revoked = Registrierte Sicherheitsschlüssel widerrufen: { $count }.
agency-copy-code = Code kopieren
agency-copy-link = Link kopieren
agency-copied-code = Der Code ist kopiert.
agency-copied-link = Der Link ist kopiert.
agency-copy-failed = Das Kopieren hat nicht funktioniert: Markieren und kopieren Sie den Text selbst.
agency-issued-done = Fertig, Code ausblenden

## Sicherheitsseite

security-title = Sicherheit
security-heading = Sicherheit Ihrer Anmeldung
security-signed-out = Melden Sie sich an, um Ihre Passkeys oder Schlüssel und Ihre Sitzungen zu sehen.
security-intro-patient = Mit Ihren Passkeys melden Sie sich ohne Passwort an. Behalten Sie mindestens zwei auf verschiedenen Geräten, damit Sie nach einem Verlust nicht ausgesperrt sind.
security-intro-key = Mit Ihren Sicherheitsschlüsseln melden Sie sich an. Registrieren Sie einen Ersatzschlüssel, damit Sie nach einem Verlust nicht ausgesperrt sind.
security-passkeys-heading = Ihre Passkeys
security-keys-heading = Ihre Sicherheitsschlüssel
security-kind = Art
security-synced = Zwischen Ihren Geräten synchronisierter Passkey
security-device-bound = An ein Gerät gebunden
security-created = Registriert
security-last-used = Zuletzt verwendet
security-never-used = Nie
security-suspended = Zu Ihrem Schutz gesperrt: Er wurde möglicherweise kopiert. Wenden Sie sich an den Helpdesk.
security-last-passkey = Dies ist Ihr einziger Passkey, daher kann er nicht entfernt werden: Fügen Sie zuerst einen weiteren hinzu. Wenn Sie ihn verlieren, rufen Sie den Helpdesk der Agentur an: Er schickt Ihnen per Post einen Wiederherstellungsbrief, dessen Code Ihre Passkeys ersetzt.
security-last-key = Dies ist Ihr einziger Sicherheitsschlüssel, daher kann er nicht entfernt werden: Fügen Sie zuerst einen weiteren hinzu. Wenn Sie ihn verlieren, rufen Sie den Helpdesk der Agentur an: Er gibt Ihnen einen neuen Registrierungscode, der ihn ersetzt.
security-rename = Umbenennen
security-rename-named = { $name } umbenennen
security-rename-label = Neuer Name
security-renamed = Der Name ist gespeichert.
security-remove = Entfernen
security-remove-named = { $name } entfernen
security-remove-confirm = „{ $name }“ entfernen? Sie können sich damit nicht mehr anmelden.
security-removed = Entfernt.
security-add-passkey = Passkey hinzufügen
security-add-key = Sicherheitsschlüssel hinzufügen
security-new-name-label = Name (optional)
security-new-name-hint = Damit Sie ihn wiedererkennen, zum Beispiel „Mein Telefon“ oder „Ersatzschlüssel“.
security-add-reverify-hint = Zu Ihrem Schutz werden Sie eventuell zuerst gebeten, mit einem vorhandenen Passkey oder Schlüssel zu bestätigen.
security-added = Hinzugefügt. Sie können sich jetzt damit anmelden.
security-sessions-heading = Wo Sie angemeldet sind
security-session-started = Angemeldet
security-session-last-seen = Letzte Aktivität
security-this-device = dieses Gerät
security-end-session = Diese Sitzung beenden
security-end-this-session = Hier abmelden
security-session-ended = Die Sitzung ist beendet.
browser-on-system = { $browser } unter { $system }
browser-unknown = Unbekannter Browser

## Der Verlauf der Patientin / des Patienten

history-title = Verlauf
history-heading = Der Verlauf Ihrer Akte
history-intro = Hier steht alles, was mit Ihrer Akte geschehen ist, das Neueste zuerst: wer, wann, was und nach welcher Regel. Auch Ihre eigenen Anmeldungen und Änderungen an Ihren Passkeys stehen hier. Jedes Ansehen oder Herunterladen dieses Verlaufs wird ebenfalls festgehalten.
history-link = Den Verlauf Ihrer Akte ansehen: wer wann was getan hat
history-signed-out = Melden Sie sich als Patientin oder Patient an, um den Verlauf Ihrer Akte zu sehen.
history-back = Zurück zu Ihrer Akte
history-filters = Verlauf filtern
history-filter-actor = Wer
history-filter-actor-all = Alle
history-filter-actor-patient = Sie selbst
history-filter-actor-professional = Gesundheitsberufe
history-filter-actor-agent = Die Agentur
history-filter-action = Was
history-filter-action-all = Alles
history-filter-from = Von
history-filter-to = Bis
history-filter-apply = Anzeigen
history-filter-reset = Filter löschen
history-empty = Nichts im Verlauf passt zu diesen Filtern.
history-load-more = Ältere Einträge anzeigen
history-end = Hier beginnt der Verlauf Ihrer Akte.
history-downloads = Verlauf herunterladen (mit diesen Filtern)
history-download-csv = Für eine Tabellenkalkulation (CSV)
history-download-fhir = Für Gesundheitssoftware (FHIR)
history-refused = Abgelehnt.
history-refused-because = Abgelehnt: { $reason }
history-rule = Grundlage: { $rule }
history-context = Kontext: { $context }
history-label = Name: { $label }
history-reference = Referenz: { $id }
history-actor-you = Sie
history-actor-agent = Die Agentur ({ $name })
history-actor-agency = Die Agentur
history-actor-professional = { $name } ({ $profession })
history-actor-professional-unnamed = Eine Gesundheitsfachperson
history-actor-patient = Ein Patient
history-actor-unknown = Jemand
history-action-other = { $actor }: { $action }.
history-action-patient-created = { $actor } hat Ihre Akte angelegt.
history-action-letter-issued = { $actor } hat Ihren Informations- und Aktivierungsbrief ausgestellt.
history-action-recovery-letter-issued = { $actor } hat einen Wiederherstellungsbrief ausgestellt: Sein Code ersetzt Ihre Passkeys.
history-action-activation-attempt = Der Aktivierungscode aus Ihrem Brief wurde eingegeben.
history-action-activation = Ihre Akte wurde mit einem neuen Passkey aktiviert.
history-action-sign-in = { $who ->
    [you] Sie haben sich angemeldet.
   *[other] { $actor } hat sich angemeldet.
}
history-action-sign-out = { $who ->
    [you] Sie haben sich abgemeldet.
   *[other] { $actor } hat sich abgemeldet.
}
history-action-reverification = { $who ->
    [you] Sie haben mit Ihrem Passkey bestätigt, dass Sie es sind.
   *[other] { $actor } hat die eigene Identität erneut bestätigt.
}
history-action-credential-added = { $who ->
    [you] Sie haben einen Passkey hinzugefügt.
   *[other] { $actor } hat einen Passkey hinzugefügt.
}
history-action-credential-renamed = { $who ->
    [you] Sie haben einen Passkey umbenannt.
   *[other] { $actor } hat einen Passkey umbenannt.
}
history-action-credential-removed = { $who ->
    [you] Sie haben einen Passkey entfernt.
   *[other] { $actor } hat einen Passkey entfernt.
}
history-action-credential-recovery = Ihre Passkeys wurden mit dem Code eines Wiederherstellungsbriefs ersetzt: Die alten wurden entfernt und alle Sitzungen beendet.
history-action-session-ended = { $who ->
    [you] Sie haben eine Ihrer Sitzungen beendet.
   *[other] { $actor } hat eine Sitzung beendet.
}
history-action-history-viewed = { $who ->
    [you] Sie haben diesen Verlauf angesehen.
   *[other] { $actor } hat diesen Verlauf angesehen.
}
history-action-history-exported = { $who ->
    [you] Sie haben diesen Verlauf heruntergeladen.
   *[other] { $actor } hat diesen Verlauf heruntergeladen.
}
history-stated-reason = Angegebener Grund: { $reason }
history-document = „{ $title }“ ({ $category })
history-document-titled = „{ $title }“
history-document-of-category = ein Dokument ({ $category })
history-document-unknown = ein Dokument
history-professional-unknown = eine Gesundheitsfachperson
history-organisation-unknown = nicht angegeben
history-holder-unknown = einer Fachperson oder Einrichtung
history-action-document-filed = { $outcome ->
    [failure] { $who ->
        [you] Sie haben versucht, { $document } abzulegen.
       *[other] { $actor } hat versucht, { $document } abzulegen.
    }
   *[success] { $who ->
        [you] Sie haben { $document } in Ihrem persönlichen Bereich abgelegt.
       *[other] { $actor } hat { $document } abgelegt.
    }
}
history-action-document-version-filed = { $outcome ->
    [failure] { $who ->
        [you] Sie haben versucht, eine neue Version abzulegen: { $document }.
       *[other] { $actor } hat versucht, eine neue Version abzulegen: { $document }.
    }
   *[success] { $who ->
        [you] Sie haben eine neue Version abgelegt: { $document }.
       *[other] { $actor } hat eine neue Version abgelegt: { $document }.
    }
}
history-action-document-read = { $outcome ->
    [failure] { $who ->
        [you] Sie haben versucht, { $document } zu öffnen.
       *[other] { $actor } hat versucht, { $document } zu lesen.
    }
   *[success] { $who ->
        [you] Sie haben { $document } geöffnet.
       *[other] { $actor } hat { $document } gelesen.
    }
}
history-action-document-history-read = { $outcome ->
    [failure] { $who ->
        [you] Sie haben versucht, die früheren Versionen anzusehen: { $document }.
       *[other] { $actor } hat versucht, die früheren Versionen anzusehen: { $document }.
    }
   *[success] { $who ->
        [you] Sie haben die früheren Versionen angesehen: { $document }.
       *[other] { $actor } hat die früheren Versionen angesehen: { $document }.
    }
}
history-action-document-withdrawn = { $outcome ->
    [failure] { $who ->
        [you] Sie haben versucht, { $document } zurückzuziehen.
       *[other] { $actor } hat versucht, { $document } zurückzuziehen.
    }
   *[success] { $who ->
        [you] Sie haben { $document } zurückgezogen.
       *[other] { $actor } hat { $document } zurückgezogen: Fachpersonen sehen es nicht mehr.
    }
}
history-action-document-refused-by-patient = { $outcome ->
    [failure] { $actor } hat versucht, Ihre Ablehnung einer Ablage festzuhalten: { $document }.
   *[success] { $actor } hat Ihre Ablehnung festgehalten: { $document } wurde nicht abgelegt.
}
history-action-document-restricted = { $who ->
    [you] { $context ->
        [none] Sie haben die Einschränkungen für { $document } aufgehoben: Alle Fachpersonen, die die Regeln zulassen, sehen es wieder.
        [author_only] Sie haben { $document } vor allen Fachpersonen außer seinem Verfasser und Ihrem Referenzarzt verborgen.
        [hidden_from] { $named ->
            [yes] Sie haben { $document } vor { $professional } verborgen.
           *[no] Sie haben { $document } vor einigen Fachpersonen verborgen.
        }
       *[other] Sie haben geändert, wer { $document } sehen darf.
    }
   *[other] { $actor } hat geändert, wer { $document } sehen darf.
}
history-action-documents-listed = { $who ->
    [you] Sie haben die Liste Ihrer Dokumente angesehen.
   *[other] { $actor } hat die Liste Ihrer Dokumente angesehen.
}
history-action-record-opened = { $outcome ->
    [failure] { $actor } hat versucht, Ihre Akte zu öffnen.
   *[success] { $actor } hat Ihre Akte geöffnet.
}
history-action-patient-lookup = { $outcome ->
    [failure] { $actor } hat versucht, Ihre Akte über Ihre Matrikelnummer zu finden.
   *[success] { $actor } hat Ihre Akte über Ihre Matrikelnummer gefunden.
}
history-action-link-opened = { $outcome ->
    [failure] { $context ->
        [consultation] { $actor } hat versucht, Ihre Akte mit einem Verbindungscode zu öffnen.
       *[other] { $actor } hat versucht, Ihre Aufnahme zu registrieren.
    }
   *[success] { $context ->
        [consultation] { $actor } hat Ihre Akte mit Ihrem Verbindungscode geöffnet: ein Konsultationszugriff für 15 Tage.
        [institution_stay] { $actor } hat Ihren Aufenthalt registriert (Einrichtung: { $organisation }): Das Pflegeteam kann Ihre Akte 45 Tage lang öffnen.
        [emergency_department] { $actor } hat Sie in der Notaufnahme registriert (Einrichtung: { $organisation }): Das Team kann Ihre Akte 16 Tage lang öffnen.
       *[other] { $actor } hat einen Zugriff auf Ihre Akte eröffnet.
    }
}
history-action-link-renewed = { $outcome ->
    [failure] { $actor } hat versucht, Ihren Aufenthalt zu verlängern (Einrichtung: { $organisation }).
   *[success] { $actor } hat Ihren Aufenthalt um 30 Tage verlängert (Einrichtung: { $organisation }).
}
history-action-emergency-access-opened = { $outcome ->
    [failure] { $actor } hat versucht, einen Notfallzugriff auf Ihre Akte zu öffnen.
   *[success] { $actor } hat für 4 Stunden einen Notfallzugriff auf Ihre Akte geöffnet.
}
history-action-access-traces-viewed = { $outcome ->
    [failure] { $actor } hat versucht, den Verlauf Ihrer Akte zu lesen.
   *[success] { $actor }, Ihr Referenzarzt, hat den Verlauf Ihrer Akte gelesen.
}
history-action-connection-code-issued = { $who ->
    [you] Sie haben einen Verbindungscode für eine Gesundheitsfachperson erstellt.
   *[other] { $actor } hat einen Verbindungscode erstellt.
}
history-action-link-granted = { $who ->
    [you] Sie haben { $holder } Zugriff auf Ihre Akte gegeben.
   *[other] { $actor } hat { $holder } Zugriff auf Ihre Akte gegeben.
}
history-action-link-ended = { $who ->
    [you] Sie haben den Zugriff von { $holder } auf Ihre Akte beendet.
   *[other] { $actor } hat den Zugriff von { $holder } auf Ihre Akte beendet.
}
history-action-referent-designated = { $who ->
    [you] Sie haben { $professional } als Ihren Referenzarzt gewählt.
   *[other] { $actor } hat { $professional } als Referenzarzt gewählt.
}
history-action-referent-removed = { $who ->
    [you] { $named ->
        [yes] Sie haben { $professional } als Referenzarzt entfernt.
       *[no] Sie haben Ihren Referenzarzt entfernt.
    }
   *[other] { $actor } hat den Referenzarzt entfernt.
}
history-action-professional-blocked = { $who ->
    [you] Sie haben { $professional } gesperrt: Diese Person erreicht Ihre Akte nicht mehr.
   *[other] { $actor } hat { $professional } gesperrt.
}
history-action-professional-unblocked = { $who ->
    [you] Sie haben die Sperre für { $professional } aufgehoben.
   *[other] { $actor } hat die Sperre für { $professional } aufgehoben.
}
history-action-emergency-access-enabled = { $who ->
    [you] Sie haben den Notfallzugriff auf Ihre Akte eingeschaltet.
   *[other] { $actor } hat den Notfallzugriff eingeschaltet.
}
history-action-emergency-access-disabled = { $who ->
    [you] Sie haben den Notfallzugriff auf Ihre Akte ausgeschaltet.
   *[other] { $actor } hat den Notfallzugriff ausgeschaltet.
}
history-group-documents = Dokumente
history-group-access = Zugriffe von Fachpersonen
history-group-rights = Wer Ihre Akte sehen kann
history-group-record = Ihre Akte und dieser Verlauf
history-group-security = Anmeldung und Passkeys
history-what-document-filed = Abgelegte Dokumente
history-what-document-version-filed = Neue Versionen von Dokumenten
history-what-document-read = Gelesene Dokumente
history-what-document-history-read = Angesehene Versionen eines Dokuments
history-what-document-withdrawn = Zurückgezogene Dokumente
history-what-document-refused-by-patient = Von Ihnen abgelehnte Ablagen
history-what-document-restricted = Änderungen, wer ein Dokument sehen darf
history-what-documents-listed = Angesehene Liste Ihrer Dokumente
history-what-record-opened = Akte von einer Fachperson geöffnet
history-what-patient-lookup = Suchen nach Ihrer Akte
history-what-link-opened = Konsultationen und Aufnahmen
history-what-link-renewed = Verlängerte Aufenthalte
history-what-emergency-access-opened = Notfallzugriffe
history-what-access-traces-viewed = Verlauf von Ihrem Referenzarzt gelesen
history-what-connection-code-issued = Erstellte Verbindungscodes
history-what-link-granted = Von Ihnen gegebene Zugriffe
history-what-link-ended = Beendete Zugriffe
history-what-referent-designated = Referenzarzt gewählt
history-what-referent-removed = Referenzarzt entfernt
history-what-professional-blocked = Gesperrte Fachpersonen
history-what-professional-unblocked = Aufgehobene Sperren
history-what-emergency-access-enabled = Notfallzugriff eingeschaltet
history-what-emergency-access-disabled = Notfallzugriff ausgeschaltet
history-what-patient-created = Akte angelegt
history-what-letter-issued = Ausgestellte Briefe
history-what-recovery-letter-issued = Ausgestellte Wiederherstellungsbriefe
history-what-activation-attempt = Eingegebene Aktivierungscodes
history-what-activation = Akte aktiviert
history-what-history-viewed = Verlauf angesehen
history-what-history-exported = Verlauf heruntergeladen
history-what-sign-in = Anmeldungen
history-what-sign-out = Abmeldungen
history-what-reverification = Identität erneut bestätigt
history-what-credential-added = Hinzugefügte Passkeys
history-what-credential-renamed = Umbenannte Passkeys
history-what-credential-removed = Entfernte Passkeys
history-what-credential-recovery = Mit einem Wiederherstellungsbrief ersetzte Passkeys
history-what-session-ended = Beendete Sitzungen
history-rule-holder = Ihr eigener Zugriff als Inhaber der Akte
history-rule-referent = Referenzarzt
history-rule-link-consultation = Konsultationszugriff (Verbindungscode)
history-rule-link-institution-stay = Zugriff für einen Aufenthalt in einer Pflegeeinrichtung
history-rule-link-emergency-department = Zugriff für einen Besuch in der Notaufnahme
history-rule-link-patient-grant = Zugriff, den Sie gegeben haben
history-rule-emergency-access = Notfallzugriff
history-rule-emergency-access-opening = Notfallzugriff auf Ihre Akte erlaubt
history-denied-not-the-holder = es ist nicht die eigene Akte
history-denied-agency-has-no-health-access = die Agentur hat keinen Zugriff auf Gesundheitsdaten
history-denied-professionals-only = nur eine Gesundheitsfachperson darf das
history-denied-record-closed = Ihre Akte ist geschlossen
history-denied-no-letter-yet = Ihr Informationsbrief wurde noch nicht verschickt
history-denied-objection-window = die 30 Tage, in denen Sie Ihrer Akte widersprechen können, laufen noch
history-denied-professional-inactive = diese Fachperson ist nicht mehr aktiv
history-denied-blocked = Sie haben diese Fachperson gesperrt
history-denied-category-not-readable = ihr Beruf darf diese Art von Dokument nicht lesen
history-denied-category-not-writable = ihr Beruf darf diese Art von Dokument nicht ablegen
history-denied-access-traces-referent-only = nur Ihr Referenzarzt darf diesen Verlauf lesen
history-denied-restricted = Sie haben dieses Dokument vor dieser Fachperson verborgen
history-denied-not-author = nur der Verfasser des Dokuments darf das
history-denied-holder-writes-only-personal-space = Sie können Dokumente nur in Ihrem persönlichen Bereich ablegen
history-denied-no-care-relation = sie hat keine Behandlungsbeziehung zu Ihnen (kein Zugriff, nicht Ihr Referenzarzt)
history-denied-link-not-started = ihr Zugriff hatte noch nicht begonnen
history-denied-link-expired = ihr Zugriff war abgelaufen
history-denied-link-ended = Sie hatten ihren Zugriff beendet
history-denied-emergency-access-expired = ihr Notfallzugriff war abgelaufen
history-denied-emergency-access-switched-off = Sie haben den Notfallzugriff ausgeschaltet
history-denied-emergency-access-read-only = ein Notfallzugriff erlaubt nur das Lesen
history-denied-not-author-or-colleague = nur der Verfasser des Dokuments oder jemand aus seiner Einrichtung darf eine neue Version davon ablegen
history-denied-withdrawn = das Dokument war von seinem Verfasser zurückgezogen worden
history-denied-emergency-access-limit-reached = die Gesundheitsfachperson hatte bereits so viele Notfallzugriffe geöffnet wie erlaubt; die Agentur wurde alarmiert
history-denied-not-found = das Dokument wurde nicht gefunden (zurückgezogen oder nicht in Ihrer Akte)
history-context-consultation = eine Konsultation (Verbindungscode, 15 Tage)
history-context-institution-stay = ein Aufenthalt in einer Pflegeeinrichtung (45 Tage, verlängerbar)
history-context-emergency-department = ein Besuch in der Notaufnahme (24 Stunden, dann 15 Tage)
history-context-patient-grant = ein Zugriff, den Sie in diesem Portal gegeben haben

## Wer meine Akte sehen kann (Patient) und Öffnen einer Akte mit einem Verbindungscode (Fachperson)
care-title = Wer meine Akte sehen kann
care-heading = Wer meine Akte sehen kann
care-intro = Sie entscheiden, welche Gesundheitsfachpersonen Ihre Akte öffnen können und wie lange. Jeder Zugriff wird in Ihrem Verlauf festgehalten.
care-signed-out = Melden Sie sich als Patient an, um zu entscheiden, wer Ihre Akte sehen kann.
care-link = Wer meine Akte sehen kann: Verbindungscode, Referenzarzt, Zugriffe und Sperren
care-code-heading = Meinem Arzt einen Verbindungscode geben
care-code-explain = Bei einer Konsultation braucht Ihr Arzt Ihre Matrikelnummer und einen Verbindungscode, um Ihre Akte zu öffnen. Der Code gilt einmal und 10 Minuten lang. Danach kann Ihr Arzt Ihre Akte 15 Tage lang lesen.
care-code-button = Meinem Arzt einen Verbindungscode geben
care-code-again = Neuen Code erstellen
care-code-shown-heading = Ihr Verbindungscode
care-code-copy = Code kopieren
care-code-copied = Der Code wurde kopiert.
care-code-countdown = Noch { $time } gültig.
care-code-expires-at = Er funktioniert ab { $time } nicht mehr.
care-code-tell = Nennen Sie diesen Code Ihrem Arzt oder zeigen Sie ihm diesen Bildschirm. Geben Sie ihn nie jemandem, der Sie unaufgefordert anruft.
care-code-expired = Dieser Code ist abgelaufen. Erstellen Sie einen neuen, wenn Ihr Arzt bereit ist.
care-referent-heading = Mein Referenzarzt
care-referent-explain = Ihr Referenzarzt (médecin référent) ist ein Arzt Ihrer Wahl. Er kann Ihre Akte jederzeit ohne Verbindungscode lesen und ist die einzige Fachperson, die auch die Spuren sieht, wer Ihre Akte geöffnet hat. Nur ein Arzt kann Ihr Referenzarzt sein.
care-referent-remove = Als Referenzarzt entfernen
care-referent-none = Sie haben keinen Referenzarzt. Suchen Sie unten nach Ihrem Arzt, um ihn zu wählen.
care-referent-blocked = Sie haben diesen Arzt auch gesperrt: Er sieht nichts von Ihrer Akte, auch nicht als Referenzarzt.
care-find-heading = Eine Fachperson finden
care-find-intro = Suchen Sie im Verzeichnis nach Namen, um Ihren Referenzarzt zu wählen, einer Fachperson bis zu einem Datum Zugriff zu geben oder eine Fachperson zu sperren.
care-search-label = Name der Fachperson
care-search-hint = Mindestens 2 Buchstaben.
care-search-too-short = Geben Sie mindestens 2 Buchstaben ein.
care-search-none = Keine Fachperson im Verzeichnis trägt diesen Namen.
care-search-results = Gefundene Fachpersonen
care-is-referent = Ihr Referenzarzt
care-is-blocked = Gesperrt
care-designate = Als Referenzarzt wählen
care-grant = Zugriff bis zum Datum geben
care-block = Sperren
care-grant-until-label = Zugriff bis (letzter Tag inbegriffen)
care-grant-until-hint = Wählen Sie den letzten Tag, an dem die Fachperson Ihre Akte lesen darf, und drücken Sie dann neben ihrem Namen auf „Zugriff bis zum Datum geben“.
care-grant-until-past = Wählen Sie heute oder einen späteren Tag.
care-block-warning = Eine gesperrte Fachperson sieht nichts von Ihrer Akte, auch nicht im Notfall. Das kann Ihre Behandlung gefährden: Sperren Sie nur jemanden, der sie nie sehen darf.
care-links-heading = Wer meine Akte jetzt sehen kann
care-links-explain = Jede Fachperson unten kann Ihre Akte für Ihre Behandlung bis zum angegebenen Datum lesen. Sie können jeden Zugriff sofort beenden.
care-links-none = Keine Fachperson hat über eine Konsultation, einen Aufenthalt oder Ihre Erlaubnis Zugriff auf Ihre Akte.
care-link-unknown = Eine Fachperson, die nicht mehr im Verzeichnis steht
care-link-blocked = Sie haben diese Fachperson gesperrt: Dieser Zugriff gibt ihr nichts.
care-link-live = Aktiv
care-link-ended = Von Ihnen beendet
care-link-expired = Abgelaufen
care-link-ended-at = von Ihnen beendet am { $date }
care-link-state = Stand
care-link-from = Ab
care-link-until = Bis
care-end = Zugriff jetzt beenden
care-end-confirm = Den Zugriff von { $name } auf Ihre Akte jetzt beenden? Diese Person kann sie dann nicht mehr lesen.
care-end-yes = Ja, Zugriff jetzt beenden
care-end-no = Zugriff behalten
care-context-consultation = Eine Konsultation: Sie haben dieser Fachperson Ihren Verbindungscode gegeben (15 Tage).
care-context-institution-stay = Ein Aufenthalt im Krankenhaus oder Pflegeheim (45 Tage, verlängerbar).
care-context-emergency-department = Ein Besuch in der Notaufnahme (24 Stunden, dann 15 Tage).
care-context-patient-grant = Sie haben diesen Zugriff selbst in diesem Portal gegeben.
care-blocked-heading = Gesperrte Fachpersonen
care-blocked-none = Sie haben keine Fachperson gesperrt.
care-unblock = Sperre aufheben
care-emergency-heading = Notfallzugriff
care-emergency-label = Notfallzugriff auf meine Akte erlauben
care-emergency-explain = In einem Notfall darf eine Fachperson ohne bisherigen Zugriff Ihre Akte 4 Stunden lang lesen, nachdem sie den Grund angegeben hat. Sie werden sofort benachrichtigt, und die Agentur prüft jeden Notfallzugriff. Eine von Ihnen gesperrte Fachperson kann das nie.
care-done-designated = { $name } ist jetzt Ihr Referenzarzt.
care-done-referent-removed = Sie haben keinen Referenzarzt mehr.
care-done-granted = { $name } kann Ihre Akte bis einschließlich { $date } lesen.
care-done-ended = Der Zugriff ist beendet: Diese Fachperson kann Ihre Akte nicht mehr lesen.
care-done-blocked = { $name } ist gesperrt und sieht nichts von Ihrer Akte.
care-done-unblocked = { $name } ist nicht mehr gesperrt.
care-done-emergency-on = Der Notfallzugriff ist erlaubt.
care-done-emergency-off = Der Notfallzugriff ist ausgeschaltet.
consult-heading = Die Akte eines Patienten mit seinem Verbindungscode öffnen
consult-intro = Bitten Sie den Patienten um seine Matrikelnummer und einen Verbindungscode aus seinem Portal (er gilt einmal, 10 Minuten lang). Die Akte ist Ihnen dann 15 Tage lang geöffnet.
consult-national-id-label = Matrikelnummer des Patienten
consult-national-id-hint = 13 Ziffern. Leerzeichen sind erlaubt.
consult-code-label = Verbindungscode
consult-code-hint = Wie im Portal des Patienten angezeigt.
consult-button = Akte öffnen
consult-opened = Die Akte des Patienten ist für Sie bis { $date } geöffnet.
consult-open-record = Zur Akte dieses Patienten: Dokumente und Ablage
documents-title = Meine Dokumente
documents-heading = Die Dokumente in meiner Akte
documents-intro = Alle Dokumente, die in Ihrer Akte abgelegt wurden: Berichte, Ergebnisse, Verordnungen, Bilder. Die neuesten zuerst oder nach Kategorie geordnet. Sie können sie hier lesen, herunterladen und für jedes entscheiden, welche Fachkräfte es sehen dürfen.
documents-signed-out = Melden Sie sich als Patient an, um die Dokumente in Ihrer Akte zu sehen.
documents-link = Meine Dokumente: lesen, herunterladen und festlegen, wer welches sehen darf
documents-restrict-warning = Wenn Sie ein Dokument verbergen, kann eine Fachkraft, die Sie behandelt, etwas Wichtiges übersehen, zum Beispiel eine Allergie oder eine Behandlung. Das kann Ihre Versorgung gefährden. Verbergen Sie ein Dokument nur aus gutem Grund.
documents-none = Hier gibt es noch keine Dokumente.
documents-arrangement = Wie die Dokumente angezeigt werden
documents-timeline = Neueste zuerst
documents-by-category = Nach Kategorie
documents-date = Datum
documents-category = Kategorie
documents-author = Abgelegt von
documents-version = Aktuelle Version
documents-version-filed = Version { $version }, abgelegt von { $name } am { $date }
documents-format = Format
documents-size = Größe
documents-view = Anzeigen
documents-download = Herunterladen
documents-viewer-safe = Von dieser Seite selbst gezeichnet: Das Dokument kann in Ihrem Browser nichts ausführen.
documents-viewer-close = Dokument schließen
documents-viewer-unreadable = Dieses Dokument kann hier nicht angezeigt werden. Laden Sie es herunter, um es mit einem anderen Programm zu öffnen.
documents-pages = Seiten des Dokuments
documents-page = Seite { $page } von { $pages }
documents-page-previous = Vorherige Seite
documents-page-next = Nächste Seite
documents-clinical-title = Titel
documents-clinical-patient = Patient
documents-clinical-author = Autor
documents-clinical-attachment = Der Inhalt dieses Dokuments ist in einem anderen Format beigefügt: Laden Sie es herunter, um ihn zu lesen.
documents-clinical-unreadable = Dieser Teil des Dokuments kann hier nicht angezeigt werden: Laden Sie das Dokument herunter, um ihn zu lesen.
documents-fhir-about = Betreff
documents-fhir-status = Status
documents-fhir-result = Ergebnis
documents-restriction-label = Wer dieses Dokument sehen darf
documents-restriction-none = Alle Fachkräfte, die Zugang zu meiner Akte haben
documents-restriction-author-only = Nur sein Verfasser (und mein médecin référent)
documents-restriction-hidden-from = Alle außer den Fachkräften, die ich auswähle
documents-restriction-save = Speichern, wer es sehen darf
documents-restriction-saved = Gespeichert. Nur die Fachkräfte, die Sie zugelassen haben, sehen dieses Dokument.
documents-hidden-none = Sie haben noch niemanden ausgewählt. Suchen Sie unten nach Namen.
documents-hidden-unnamed = Eine früher ausgewählte Fachkraft
documents-hide-from = Vor dieser Fachkraft verbergen
documents-unhide = Nicht mehr verbergen
documents-withdrawn = Von seinem Verfasser zurückgezogen
documents-withdrawn-reason = Von seinem Verfasser zurückgezogen: { $reason }
documents-withdrawn-explain = Fachkräfte sehen dieses Dokument nicht mehr. Sie können es weiterhin lesen und herunterladen.
record-title = Patientenakte
record-heading = Die Akte des Patienten
record-intro = Die Dokumente dieser Akte, die Sie sehen dürfen, und das Formular, um ein neues abzulegen. Alles, was Sie hier tun, wird im Verlauf des Patienten festgehalten.
record-signed-out = Melden Sie sich als Gesundheitsfachkraft an, um eine Akte zu öffnen.
record-back = Zurück zu meinem Portal
record-documents-heading = Dokumente
record-not-found = Sie haben keinen Zugang zu dieser Akte, oder sie existiert nicht.
upload-heading = Ein Dokument ablegen
upload-explain = PDF, PNG oder JPEG bis 20 MB; CDA (XML) oder FHIR (JSON) bis 5 MB. Sie können nur in den Kategorien ablegen, die Ihr Beruf befüllen darf.
upload-file-label = Datei
upload-file-hint = Wählen Sie das Dokument auf Ihrem Computer.
upload-file-required = Wählen Sie eine Datei.
upload-category-label = Kategorie
upload-category-choose = Kategorie wählen
upload-category-required = Wählen Sie eine Kategorie.
upload-title-label = Titel
upload-title-too-long = Der Titel darf höchstens 200 Zeichen haben.
upload-date-label = Klinisches Datum (der Untersuchung, des Aufenthalts oder der Verordnung)
upload-button = Dokument ablegen
upload-progress-label = Wird gesendet
upload-done = „{ $title }“ wurde in der Akte abgelegt.

## The professional finds a patient, registers an admission, breaks the glass
find-heading = Einen Patienten finden
find-intro = Geben Sie die Matrikelnummer eines Patienten ein, dessen Akte Sie jetzt erreichen (durch eine Konsultation, eine Aufnahme, eine Freigabe des Patienten oder als Referenzarzt).
find-button = Patienten finden
find-born = Geboren am { $date }
find-none = Kein Patient, den Sie zurzeit erreichen, hat diese Matrikelnummer.
find-none-hint = Um die Akte eines Patienten zu erreichen, bitten Sie ihn beim Besuch um einen Verbindungscode, oder erfassen Sie eine Aufnahme, wenn Sie in einem Krankenhaus oder Pflegeheim arbeiten.
admission-heading = Eine Aufnahme erfassen
admission-intro = Für das Personal eines Krankenhauses oder Pflegeheims: Ein Aufenthalt öffnet die Akte für 45 Tage (um 30 Tage verlängerbar), ein Besuch in der Notaufnahme für 24 Stunden und danach 15 Tage.
admission-context-label = Art der Aufnahme
admission-context-choose = Wählen Sie die Art der Aufnahme
admission-context-required = Bitte wählen Sie die Art der Aufnahme.
admission-stay = Aufenthalt in der Einrichtung (45 Tage, verlängerbar)
admission-emergency-department = Notaufnahme (24 Stunden, dann 15 Tage)
admission-button = Aufnahme erfassen
admission-opened = Die Aufnahme ist erfasst. Die Akte ist für Ihre Einrichtung bis { $date } geöffnet.
admission-renewed = Der Aufenthalt ist verlängert. Die Akte ist für Ihre Einrichtung bis { $date } geöffnet.
admission-renew = Aufenthalt um 30 Tage verlängern
admission-not-institution = Nur das Personal eines Krankenhauses oder Pflegeheims kann eine Aufnahme erfassen.
admission-refused = Die Aufnahme konnte für diese Matrikelnummer nicht erfasst werden.
emergency-heading = Notfallzugriff („Glas zerbrechen“)
emergency-explain-hours = Sie dürfen diese Akte 4 Stunden lang lesen.
emergency-explain-patient = Der Patient wird sofort benachrichtigt, mit dem Grund, den Sie angeben.
emergency-explain-agency = Die Agentur prüft jeden Notfallzugriff.
emergency-explain-block = Es ist nie möglich, wenn der Patient Sie gesperrt oder den Notfallzugriff ausgeschaltet hat.
emergency-reason-label = Warum brauchen Sie diese Akte jetzt?
emergency-reason-hint = Zwischen 10 und 500 Zeichen; der Patient und die Agentur lesen ihn. Bisher eingegeben: { $count }.
emergency-reason-too-short = Bitte geben Sie einen Grund mit mindestens 10 Zeichen an.
emergency-reason-too-long = Der Grund darf höchstens 500 Zeichen haben.
emergency-key-hint = Sie werden gebeten, mit Ihrem Sicherheitsschlüssel zu bestätigen.
emergency-button = Akte im Notfall öffnen
emergency-opened = Der Notfallzugriff ist bis { $date } geöffnet. Der Patient wurde benachrichtigt.
emergency-refused = Ein Notfallzugriff auf diese Akte ist nicht möglich.

## The patient's notifications
notifications-heading = Benachrichtigungen
notifications-none = Sie haben keine Benachrichtigungen.
notifications-unread = Ungelesen: { $count }
notifications-new = Neu
notifications-read = Alle als gelesen markieren
notification-someone = Eine Fachperson
notification-emergency = { $name } hat Ihre Akte im Notfall geöffnet: „{ $reason }“
notification-emergency-no-reason = { $name } hat Ihre Akte im Notfall geöffnet.
notification-first-access = { $name } hat Ihre Akte geöffnet, bevor Sie sie aktiviert haben.
notification-recovery-letter-issued = Die Agentur hat einen Wiederherstellungsbrief für Ihre Akte ausgestellt: Sein Code ersetzt Ihre Passkeys. Wenn Sie ihn nicht angefordert haben, rufen Sie sofort den Helpdesk der Agentur an.
notification-credential-recovery = Ihre Passkeys wurden mit dem Code eines Wiederherstellungsbriefs ersetzt: Die alten funktionieren nicht mehr, und alle Sitzungen wurden beendet. Wenn Sie das nicht waren, rufen Sie sofort den Helpdesk der Agentur an.
notification-other = In Ihrer Akte ist etwas geschehen.

## Wahre Worte (Issue 13 §2)
agency-review = jeden Notfallzugriff prüfen, und die Warnungen zu Fachpersonen, die die Höchstzahl erreicht haben;
date-format-hint = Tag.Monat.Jahr, zum Beispiel 25.11.2026.
## Personal space (wishes, notes, own documents)
personal-link = Mein persönlicher Bereich: Organspende, Patientenverfügung, Notizen
personal-title = Persönlicher Bereich
personal-heading = Mein persönlicher Bereich
personal-intro = Ihre eigenen Worte in Ihrer Akte: Ihr Wille zur Organspende, Ihre Patientenverfügung, Notizen und Dokumente, die Sie hinzufügen. Die Gesundheitsfachkräfte, die Sie behandeln, lesen sie; nur Sie schreiben oder widerrufen sie.
personal-signed-out = Melden Sie sich an, um in Ihrem persönlichen Bereich zu schreiben.
personal-note-heading = Eine Notiz schreiben
personal-note-label = Ihre Notiz
personal-note-save = Notiz ablegen
personal-note-required = Schreiben Sie Ihre Notiz (höchstens 20 000 Zeichen).
personal-title-required = Geben Sie einen Titel an.
personal-date-label = Datum
personal-file-heading = Ein eigenes Dokument hinzufügen
personal-entries-heading = Meine Notizen und Dokumente
personal-entries-none = Sie haben noch keine Notiz geschrieben und kein Dokument hinzugefügt.
personal-entry-edit = Bearbeiten
personal-entry-save = Als neue Version speichern
personal-entry-saved = Als neue Version gespeichert; die vorherige bleibt in Ihrer Akte.
personal-entry-replace-label = Durch eine neue Datei ersetzen
personal-entry-withdraw = Zurückziehen
personal-entry-withdrawn = Sie haben diesen Eintrag zurückgezogen: Gesundheitsfachkräfte sehen ihn nicht mehr.
personal-entry-withdrawn-done = Zurückgezogen: Gesundheitsfachkräfte sehen ihn nicht mehr.
personal-reason-label = Warum Sie ihn zurückziehen
personal-reason-required = Nennen Sie den Grund in 3 bis 500 Zeichen.
wish-kind-organ-donation = Organspende
wish-kind-advance-directive = Patientenverfügung
wish-organ-donation-explain = Geben Sie an, ob Ihre Organe und Gewebe nach Ihrem Tod gespendet werden dürfen. Sie können dies jederzeit ändern oder widerrufen.
wish-advance-directive-explain = Geben Sie an, welche Behandlungen Sie wünschen oder ablehnen, falls Sie es eines Tages nicht mehr selbst sagen können. Sie können dies jederzeit ändern oder widerrufen.
wish-current-heading = Derzeit gültig
wish-choice-legend = Ihre Wahl
wish-choice-required = Wählen Sie eine der Antworten.
wish-choice-donate-all = Ich bin bereit, alle meine Organe und Gewebe zu spenden
wish-choice-donate-except = Ich bin zur Spende bereit, außer der unten genannten Organe und Gewebe
wish-choice-donate-only = Ich bin nur zur Spende der unten genannten Organe und Gewebe bereit
wish-choice-do-not-donate = Ich möchte keine Organe und kein Gewebe spenden
wish-choice-trusted-person-decides-donation = Meine Vertrauensperson entscheidet für mich
wish-choice-trusted-person-decides-treatment = Meine Vertrauensperson entscheidet für mich
wish-choice-all-treatment = Ich wünsche jede Behandlung, die mich am Leben erhalten kann
wish-choice-limit-treatment = Ich wünsche Behandlung in den unten genannten Grenzen
wish-choice-comfort-care-only = Ich wünsche nur lindernde Pflege und Schmerzbehandlung
wish-limits-label = Grenzen
wish-limits-hint-donation = Welche Organe oder Gewebe (bei „außer“ und „nur“).
wish-limits-hint-treatment = Zum Beispiel: keine Wiederbelebung, keine künstliche Beatmung, keine Sondenernährung.
wish-trusted-legend = Vertrauensperson (freiwillig, erforderlich, wenn sie entscheidet)
wish-trusted-label = Vertrauensperson
wish-trusted-name = Name
wish-trusted-relation = Beziehung zu Ihnen
wish-trusted-phone = Telefonnummer
wish-date-label = Datum dieser Erklärung
wish-save = Speichern
wish-saved = Gespeichert: diese Version gilt ab jetzt.
wish-withdraw = Widerrufen
wish-withdrawn = Widerrufen: keine Erklärung gültig.
wish-withdrawn-done = Widerrufen: Gesundheitsfachkräfte sehen sie nicht mehr.
wish-versions-heading = Frühere Versionen
wish-version-line = Version { $version }, erfasst am { $date }
wish-signed-on = Erklärt am { $date }
wishes-banner-heading = Erklärter Wille des Patienten
wishes-banner-none = Der Patient hat weder einen Willen zur Organspende noch eine Patientenverfügung erklärt.
error-wish-limits-required = Geben Sie die Grenzen dieser Wahl an (höchstens 2 000 Zeichen).
error-wish-trusted-person-incomplete = Geben Sie den Namen der Vertrauensperson und eine Telefonnummer an, unter der sie erreichbar ist.
error-wish-date-in-future = Das Datum der Erklärung darf nicht in der Zukunft liegen.
history-action-wish-recorded = { $outcome ->
    [failure] { $who ->
        [you] Sie haben versucht, einen erklärten Willen zu erfassen.
       *[other] { $actor } hat versucht, einen erklärten Willen zu erfassen.
    }
   *[success] Sie haben eine neue Version eines erklärten Willens erfasst (Organspende oder Patientenverfügung).
}
history-action-wish-withdrawn = { $outcome ->
    [failure] Sie haben versucht, einen erklärten Willen zu widerrufen, der nicht gültig war.
   *[success] Sie haben einen erklärten Willen widerrufen: Gesundheitsfachkräfte sehen ihn nicht mehr.
}
history-action-wishes-read = { $outcome ->
    [failure] { $who ->
        [you] Sie haben versucht, Ihren erklärten Willen einzusehen.
       *[other] { $actor } hat versucht, Ihren erklärten Willen einzusehen.
    }
   *[success] { $who ->
        [you] Sie haben Ihren erklärten Willen eingesehen.
       *[other] { $actor } hat Ihren erklärten Willen eingesehen.
    }
}
history-what-wish-recorded = Erklärter Wille erfasst
history-what-wish-withdrawn = Erklärter Wille widerrufen
history-what-wishes-read = Erklärter Wille eingesehen
## Professional acts on a record: new versions, withdrawals, the patient's refusal at the point of care
acts-new-version = Neue Version ablegen
acts-withdraw = Zurückziehen
acts-cancel = Abbrechen
acts-version-explain = Die neue Version wird die, die alle lesen; frühere Versionen bleiben in der Akte und können weiterhin gelesen werden. Das Dokument behält seine Kategorie und seinen Autor; Sie werden als die Person festgehalten, die diese Version abgelegt hat.
acts-version-button = Diese Version ablegen
acts-version-done = Version { $version } von „{ $title }“ wurde abgelegt.
acts-withdraw-explain = Ein zurückgezogenes Dokument verschwindet für alle Gesundheitsberufe aus der Akte. Der Patient sieht es weiterhin, als zurückgezogen markiert, mit Ihrer Begründung. Das lässt sich nicht rückgängig machen.
acts-withdraw-reason-label = Warum ziehen Sie es zurück?
acts-withdraw-reason-hint = 3 bis 500 Zeichen (bisher { $count }). Der Patient liest sie.
acts-withdraw-button = Weiter
acts-withdraw-confirm-text = „{ $title }“ endgültig zurückziehen? Gesundheitsberufe sehen es dann nicht mehr.
acts-withdraw-confirm = Ja, zurückziehen
acts-withdraw-done = „{ $title }“ wurde zurückgezogen: Gesundheitsberufe sehen es nicht mehr; der Patient sieht es mit Ihrer Begründung markiert.
acts-reason-too-short = Geben Sie eine Begründung von mindestens 3 Zeichen an.
acts-reason-too-long = Die Begründung darf höchstens 500 Zeichen haben.
acts-not-allowed = Die Regeln erlauben Ihnen das bei diesem Dokument nicht mehr: Es wurde vielleicht zurückgezogen oder vom Patienten eingeschränkt, oder Ihr Zugang zur Akte ist beendet. Laden Sie die Akte neu.
refusal-heading = Der Patient lehnt eine Ablage ab
refusal-explain-when = Wenn Ihnen ein Patient bei der Behandlung sagt, dass er ein Dokument (einen Befund, einen Bericht …) nicht in seiner Akte haben möchte, halten Sie hier seine Ablehnung fest, statt es abzulegen.
refusal-explain-nothing-filed = Es wird nichts abgelegt: weder Dokument noch Inhalt. Festgehalten wird nur, dass der Patient abgelehnt hat, mit der Kategorie und worum es ging.
refusal-explain-patient = Der Patient sieht die Ablehnung im Verlauf seiner Akte; andere Gesundheitsberufe sehen nicht, worum es ging.
refusal-category-label = Kategorie, die das Dokument gehabt hätte
refusal-title-label = Worum es ging
refusal-title-hint = Zum Beispiel „Blutabnahme vom 3. Dezember“. Der Patient liest es in seinem Verlauf.
refusal-button = Ablehnung festhalten
refusal-done = Die Ablehnung des Patienten wurde festgehalten: „{ $title }“ wurde nicht abgelegt.
refusal-not-allowed = Sie dürfen in dieser Akte keine Dokumente dieser Kategorie ablegen: Es gibt also keine Ablage, die abgelehnt werden könnte.

## The professional's worklist
worklist-title = Meine Patienten
worklist-heading = Meine Patienten
worklist-link = Meine Patienten: die Akten, die Sie über eine Verbindung erreichen, und die Verbindungen, die in wenigen Tagen enden
worklist-intro = Die Patienten, deren Akte Sie jetzt über eine eigene Verbindung oder eine Ihrer Einrichtung öffnen können, die am frühesten endenden zuerst. Eine Verbindung, die innerhalb von { $days } Tagen endet, ist markiert; ein Aufenthalt in Ihrer Einrichtung kann hier verlängert werden.
worklist-list-heading = Laufende Verbindungen
worklist-empty = Sie haben zurzeit keine laufende Verbindung zu einer Akte.
worklist-birth-date = Geboren am
worklist-context = Verbindung
worklist-until = Bis
worklist-expiring = Endet in wenigen Tagen
worklist-context-consultation = Konsultation (Verbindungscode des Patienten)
worklist-context-patient-grant = Zugang, den der Patient Ihnen in seinem Portal gegeben hat
worklist-context-institution-stay = Aufenthalt in { $organisation }
worklist-context-emergency-department = Notaufnahme von { $organisation }
worklist-renew = Aufenthalt um 30 Tage verlängern
worklist-renewed = Der Aufenthalt von { $name } ist verlängert: Die Akte ist für Ihre Einrichtung bis { $date } offen.
worklist-renew-refused = Diese Verbindung kann nicht verlängert werden: Nur ein laufender Aufenthalt in Ihrer eigenen Einrichtung kann es, und nur solange der Patient Sie nicht gesperrt hat.

## The médecin référent's access traces on the record page
record-tabs = Ansichten der Akte
traces-heading = Zugriffsprotokoll
traces-intro = Als Médecin référent des Patienten können Sie den Verlauf dieser Akte lesen: wer sie geöffnet, wer was gelesen oder abgelegt hat und nach welcher Regel, das Neueste zuerst. Jedes Mal, wenn Sie ihn lesen, wird das im Verlauf des Patienten festgehalten.
traces-wording = Die Einträge sind so formuliert, wie der Patient sie liest: „Sie“ ist der Patient, und „Ihre Akte“ ist diese Akte.
traces-end = Hier beginnt der Verlauf dieser Akte.
traces-referent-only = Nur der Médecin référent des Patienten liest das Zugriffsprotokoll dieser Akte.
traces-filter-actor-patient = Der Patient
## Agency review of emergency accesses
history-action-emergency-access-reviewed = { $outcome ->
    [failure] { $actor } hat versucht, eine Prüfung eines Notfallzugriffs auf Ihre Akte zu erfassen.
   *[success] { $actor } hat den Notfallzugriff von { $professional } auf Ihre Akte geprüft und { $context ->
        [justified] für berechtigt befunden.
        [questioned] beanstandet: Die Fachperson muss ihn erklären.
       *[escalated] zur weiteren Untersuchung weitergeleitet.
    }
}
history-what-emergency-access-reviewed = Prüfungen von Notfallzugriffen
notification-emergency-reviewed = Die Agentur hat den Notfallzugriff von { $name } auf Ihre Akte geprüft: { $disposition ->
    [justified] berechtigt.
    [questioned] beanstandet; die Fachperson muss ihn erklären.
    [escalated] zur weiteren Untersuchung weitergeleitet.
   *[other] geprüft.
}
notification-emergency-reviewed-note = Anmerkung der Agentur: „{ $note }“
agency-emergency-until = Lesen möglich bis { $date }
agency-emergency-not-notified = Der Patient hat in der App keine Mitteilung über diesen Zugriff erhalten.
agency-emergency-notified-unread = Der Patient wurde am { $date } in der App benachrichtigt; noch nicht gelesen.
agency-emergency-notified-read = Der Patient wurde am { $date } in der App benachrichtigt und hat es am { $read } gelesen.
agency-emergency-not-reviewed = Noch nicht geprüft.
agency-emergency-disposition-justified = Berechtigt
agency-emergency-disposition-questioned = Beanstandet
agency-emergency-disposition-escalated = Weitergeleitet
agency-emergency-disposed = { $disposition }, erfasst von { $agent } am { $date }
agency-emergency-disposed-unknown-agent = { $disposition }, erfasst am { $date }
agency-emergency-note = Anmerkung: „{ $note }“
agency-emergency-disposition-legend = Ihre Prüfung
agency-emergency-choose = Wählen Sie berechtigt, beanstandet oder weitergeleitet.
agency-emergency-note-label = Anmerkung (die Patientin oder der Patient liest sie)
agency-emergency-note-hint = Freiwillig, höchstens 1000 Zeichen. Bisher: { $count }.
agency-emergency-note-too-long = Die Anmerkung darf höchstens 1000 Zeichen haben.
agency-emergency-record = Prüfung erfassen
agency-emergency-change = Prüfung ändern
agency-emergency-recorded = Prüfung erfasst. Die Person wurde in ihrem Verlauf und ihren Benachrichtigungen informiert.

## Contact data
error-invalid-phone = Die Telefonnummer ist ungültig: Geben Sie sie mit der Landesvorwahl an, z. B. +352 621 123 456.
error-invalid-email = Die E-Mail-Adresse ist ungültig, z. B. name@beispiel.lu.
field-phone = Telefon
field-phone-hint = Freiwillig, mit Landesvorwahl: +352 621 123 456.
field-email = E-Mail
field-email-hint = Freiwillig: name@beispiel.lu.
contact-heading = Kontaktdaten
contact-intro = Wie die Agentur Sie zu Ihrer Akte erreichen kann. Beides ist freiwillig; leeren Sie ein Feld, um den Eintrag zu entfernen.
contact-save = Kontaktdaten speichern
contact-saved = Kontaktdaten gespeichert.
agency-contact-edit = Telefon oder E-Mail ändern
agency-contact-none = keine
history-action-contact-data-changed = { $outcome ->
    [failure] { $who ->
        [you] Sie haben versucht, Ihre Telefonnummer oder E-Mail-Adresse zu ändern; das wurde abgelehnt.
       *[other] { $actor } hat versucht, Ihre Telefonnummer oder E-Mail-Adresse zu ändern; das wurde abgelehnt.
    }
   *[success] { $who ->
        [you] Sie haben Ihre Telefonnummer oder E-Mail-Adresse geändert.
       *[other] { $actor } hat Ihre Telefonnummer oder E-Mail-Adresse geändert.
    }
}
history-what-contact-data-changed = Geänderte Kontaktdaten
## Whose record, emergency access from the lookup (issue 13 §0)
record-patient-label = Wessen Akte dies ist
record-patient-national-id = Matrikelnummer
record-patient-birth-date = Geboren am
find-emergency-offer = Wenn es ein Notfall ist und der Patient Ihnen keinen Verbindungscode geben kann, können Sie seine Akte im Notfall öffnen: Sie geben den Grund an, bestätigen mit Ihrem Sicherheitsschlüssel, und der Patient sowie die Agentur werden informiert.
find-emergency-button = Notfallzugriff für diese Matrikelnummer
error-record-in-objection-window = Diese Akte ist für Fachkräfte noch nicht geöffnet: Die 30-tägige Widerspruchsfrist nach dem Brief an den Patienten läuft noch. Bis dahin kann niemand sie öffnen, auch nicht im Notfall.
error-emergency-access-switched-off = Der Patient hat den Notfallzugriff ausgeschaltet: Seine Akte kann im Notfall nicht geöffnet werden. Bitten Sie den Patienten oder seine Angehörigen um einen Verbindungscode.
## A way in for records nobody activated: the practice code
practice-consult-heading = Eine Akte mit dem Praxiscode aus dem Schreiben des Patienten öffnen
practice-consult-intro = Für einen Patienten, der seine Akte nicht aktiviert hat (oder sein Telefon nicht dabei hat): Fragen Sie nach seiner Matrikelnummer und dem Praxiscode, der auf seinem DSP-Schreiben steht. Der Code gilt einmal; die Akte ist Ihnen dann 15 Tage lang geöffnet, und der Patient wird informiert.
practice-consult-code-label = Praxiscode
practice-consult-code-hint = Zwölf Buchstaben und Ziffern, wie im Schreiben des Patienten gedruckt (Leerzeichen und Bindestriche spielen keine Rolle).
error-practice-code-failed = Matrikelnummer und Praxiscode öffnen Ihnen keine Akte (der Code ist falsch, bereits benutzt, abgelaufen oder abgeschaltet). Prüfen Sie den Code mit dem Patienten; nach 5 falschen Codes wird er gesperrt.
error-practice-code-locked = Zu viele falsche Praxiscodes: Der Code ist gesperrt, bis der Patient einen neuen erhält (im Portal oder beim Helpdesk der Agentur), oder Sie haben heute zu viele falsche Codes eingegeben.
practice-heading = Ihr Praxiscode für einen Arztbesuch
practice-explain = Ihr Schreiben enthält einen Praxiscode. Nennen Sie ihn beim Arztbesuch zusammen mit Ihrer Matrikelnummer, und die Praxis öffnet eine Behandlungsverbindung von 15 Tagen zu Ihrer Akte. Er gilt einmal; Sie werden über jede Verwendung informiert. Erstellen Sie hier einen neuen für Ihren nächsten Besuch; ein neuer Code macht den vorherigen und den aus Ihrem Schreiben ungültig.
practice-state-none = Sie haben keinen Praxiscode: Keiner öffnet Ihre Akte.
practice-state-ready = Ihr Praxiscode gilt bis zum { $date }.
practice-state-used = Ihr Praxiscode wurde am { $date } verwendet: Erstellen Sie einen neuen für Ihren nächsten Besuch.
practice-state-locked = Ihr Praxiscode ist nach zu vielen Fehlversuchen gesperrt: Erstellen Sie einen neuen.
practice-new-button = Neuen Praxiscode erstellen
practice-off-button = Praxiscode abschalten
practice-shown-heading = Ihr neuer Praxiscode
practice-shown-tell = Schreiben Sie ihn auf oder lassen Sie diese Seite offen: Er wird nur jetzt angezeigt. Nennen Sie ihn nur einer Fachkraft, die Sie behandelt.
practice-done-off = Der Praxiscode ist abgeschaltet: Kein Code öffnet Ihre Akte, bis Sie einen neuen erstellen.
notification-practice-code-used = { $name } hat mit Ihrem Praxiscode eine Behandlungsverbindung zu Ihrer Akte geöffnet. Der Code ist nun verbraucht.
history-action-practice-code-issued = { $who ->
    [you] Sie haben einen neuen Praxiscode für einen Arztbesuch erstellt.
   *[other] { $actor } hat einen neuen Praxiscode erstellt.
}
history-action-practice-code-revoked = { $who ->
    [you] Sie haben Ihren Praxiscode abgeschaltet.
   *[other] { $actor } hat den Praxiscode abgeschaltet.
}
history-what-practice-code-issued = Erstellte Praxiscodes
history-what-practice-code-revoked = Praxiscode abgeschaltet
history-rule-practice-consultation-opening = der Praxiscode, den Sie beim Besuch genannt haben
agency-letter-practice = Der Brief enthält auch einen neuen Praxiscode, den der Patient beim Arztbesuch nennt, damit eine Fachkraft seine Akte öffnet: Dieser macht den vorherigen Praxiscode (aus einem Schreiben oder dem Portal) ungültig und hebt dessen Sperre auf.

## life
life-nav = Meine Akte
life-title = Meine Akte: schließen
life-state-now = Status Ihrer Akte: { $state }.
life-means-heading = Was das Schließen Ihrer Akte bedeutet
life-means-professionals = Ab dem Schließen liest oder schreibt keine Gesundheitsfachkraft mehr darin, auch nicht im Notfall.
life-means-links = Alle Zugänge, die Sie Fachkräften gegeben haben, enden und kehren nicht zurück, wenn die Akte wieder geöffnet wird.
life-means-you = Sie können sich weiter anmelden, Ihre Dokumente und den Verlauf Ihrer Akte lesen und herunterladen.
life-means-reopen = Innerhalb von 10 Jahren können Sie sie von der Agentur wieder öffnen lassen, so wie sie war.
life-means-deleted = Nach 10 Jahren werden die Akte und ihre Dokumente endgültig gelöscht.
life-understood = Ich habe gelesen, was das Schließen meiner Akte bedeutet.
life-verify-hint = Sie bestätigen mit Ihrem Passkey, bevor die Akte geschlossen wird.
life-close-button = Meine Akte schließen
life-closed-done = Ihre Akte ist geschlossen.
life-closed-since = Ihre Akte ist seit dem { $date } geschlossen ({ $reason }).
life-closed-you-still-read = Keine Gesundheitsfachkraft liest oder schreibt darin. Sie lesen weiterhin Ihre Dokumente und Ihren Verlauf und können sie herunterladen.
life-reopen-until = Die Agentur kann sie bis zum { $date } wieder öffnen; danach wird sie gelöscht.
life-reason-patient = vom Patienten online geschlossen
life-reason-postal = auf schriftlichen Antrag per Post geschlossen
life-reason-death = Tod eingetragen
life-reason-idle = 10 Jahre ohne Zugriff
life-agency-summary = Lebenslauf der Akte: schließen, Tod, wieder öffnen
life-agency-reason = Grund der Schließung
life-agency-closed-at = Geschlossen am
life-agency-reopenable-until = Kann wieder geöffnet werden bis
life-agency-reference = Referenz des Schließungsformulars
life-agency-reference-hint = Wie auf dem vom Patienten unterschriebenen Schließungsformular.
life-agency-death-date = Todesdatum
life-agency-death-source = Quelle
life-agency-death-source-hint = Zum Beispiel: Sterbeurkunde, Personenstandsregister.
life-agency-reopened-at = Zuletzt wieder geöffnet am
life-agency-close = Auf diesen Antrag per Post schließen
life-agency-close-question = Diese Akte jetzt schließen? Keine Fachkraft liest sie mehr, und alle Verbindungen enden.
life-agency-death = Tod eintragen
life-agency-death-question = Diesen Tod eintragen? Die Akte wird jetzt geschlossen, und die Frist von 10 Jahren beginnt.
life-agency-reopen = Akte wieder öffnen
life-agency-reopen-question = Diese Akte wieder öffnen? Sie ist, wie sie war; die Verbindungen kehren nicht zurück.
life-agency-confirm = Bestätigen
life-agency-cancel = Abbrechen
life-agency-closed = Die Akte ist geschlossen.
life-agency-death-recorded = Der Tod ist eingetragen und die Akte geschlossen.
life-agency-reopened = Die Akte ist wieder geöffnet.
error-record-already-closed = Diese Akte ist bereits geschlossen.
error-record-not-reopenable = Diese Akte kann nicht wieder geöffnet werden: Sie ist nicht geschlossen, oder sie wurde vor mehr als 10 Jahren geschlossen.
history-action-record-closed = { $who ->
    [you] Sie haben Ihre Akte geschlossen.
   *[other] { $actor } hat Ihre Akte geschlossen.
}
history-action-record-reopened = { $actor } hat Ihre Akte wieder geöffnet.
history-what-record-closed = Akte geschlossen
history-what-record-reopened = Akte wieder geöffnet
history-action-record-exported = { $who ->
    [you] Sie haben Ihre ganze Akte heruntergeladen.
   *[other] { $actor } hat Ihre ganze Akte heruntergeladen.
}
history-what-record-exported = Akte heruntergeladen
life-download = Alles herunterladen (ZIP: Ihre Dokumente, ihre Angaben und Ihr Verlauf im FHIR-Format)
## purge
objection-heading = Ihrer Akte widersprechen
objection-deadline = Sie können bis zum { $date } widersprechen. Danach ist Ihre Akte für die Fachkräfte offen, die Sie behandeln; Sie können sie weiterhin schließen.
objection-no-letter = Sie können widersprechen, solange Ihre Akte nicht für Fachkräfte geöffnet ist.
objection-what = Wenn Sie widersprechen, werden Ihre Akte und alles darin (Dokumente, Notizen, Verfügungen, Verbindungen, Passkeys) endgültig gelöscht. Das lässt sich nicht rückgängig machen. Der Zugriffsverlauf bleibt ohne Ihren Namen erhalten, wie es das Gesetz verlangt.
objection-start = Widersprechen und meine Akte löschen…
objection-question = Ihre Akte und alles darin endgültig löschen?
objection-confirm = Ja, meine Akte endgültig löschen
objection-done = Ihre Akte wurde endgültig gelöscht. Sie wurden abgemeldet.
objection-closed = Die 30-tägige Widerspruchsfrist ist abgelaufen. Sie können Ihre Akte stattdessen schließen: Dann kann keine Fachkraft sie mehr öffnen.
agency-objection-summary = Einen per Post erhaltenen Widerspruch erfassen
agency-objection-explain = Innerhalb der 30-tägigen Widerspruchsfrist löscht das Erfassen eines Widerspruchs diese Akte und alles darin endgültig.
agency-objection-reference = Aktenzeichen des Briefs
agency-objection-received = Eingangsdatum des Briefs
agency-objection-submit = Widerspruch erfassen und Akte löschen
agency-objection-missing = Geben Sie das Aktenzeichen des Briefs und sein Eingangsdatum an.
agency-objection-done = Der Widerspruch ist erfasst und die Akte wurde endgültig gelöscht.
error-objection-window-closed = Die 30-tägige Widerspruchsfrist ist abgelaufen: Die Akte wurde nicht gelöscht. Sie kann stattdessen geschlossen werden.
## opening
error-field-required = Bitte füllen Sie dieses Feld aus.
error-contact-required = Geben Sie eine Postanschrift oder eine Telefonnummer an (mindestens eines von beiden), damit die Agentur Sie erreicht.
error-conditions-not-accepted = Bitte lesen Sie die Bedingungen und kreuzen Sie das Feld an, um sie anzunehmen.
error-opening-request-decided = Dieser Antrag wurde bereits angenommen oder abgelehnt: Er kann nicht erneut entschieden werden.
error-identity-check-incomplete = Erfassen Sie beide vorgelegten Dokumente: den Personalausweis (oder Reisepass) und die Sozialversicherungskarte.
home-open-text = Noch keine Akte?
home-open-link = Beantragen Sie Ihre gemeinsame Patientenakte
open-title = Akte beantragen
open-heading = Beantragen Sie Ihre gemeinsame Patientenakte
open-intro = Mit diesem Formular beantragen Sie bei der Agentur eSanté die Eröffnung Ihrer gemeinsamen Patientenakte (DSP). Der Antrag ist kostenlos und freiwillig. Ein Mitarbeiter prüft Ihre Identität, dann schickt Ihnen die Agentur den Aktivierungsbrief per Post.
open-national-id-hint = Die 13 Ziffern Ihrer Matrikelnummer, wie auf Ihrer Sozialversicherungskarte.
open-contact-legend = Wie die Agentur Sie erreicht
open-contact-hint = Eine Postanschrift oder eine Telefonnummer: mindestens eines von beiden. Der Aktivierungsbrief geht per Post; ohne Anschrift ruft die Agentur Sie an, um sie zu erfragen.
open-phone-hint = Mit der Landesvorwahl: +352 621 123 456.
open-conditions-heading = Nutzungsbedingungen
open-conditions-what = Die gemeinsame Patientenakte (DSP) ist Ihre elektronische Patientenakte auf der Plattform eSanté. Sie bündelt Ihre nützlichen Gesundheitsdokumente, damit die Gesundheitsfachkräfte in Luxemburg, die Sie behandeln, sie unter Ihrer Kontrolle teilen.
open-conditions-letter = Nach der Erfassung Ihres Antrags und der Prüfung Ihrer Identität erstellt die Agentur den Aktivierungsbrief mit allem, was Sie zum Aktivieren Ihrer Akte und für den Zugang brauchen. Er wird Ihnen persönlich innerhalb von 7 Tagen per Post zugeschickt.
open-conditions-window = Wenn Sie innerhalb von 4 Wochen nach dem Datum dieses Briefes nichts unternehmen, wird Ihre Akte für die Gesundheitsfachkräfte zugänglich, die Sie behandeln und denen Sie Zugang gegeben haben; Sie können bei jedem Besuch widersprechen.
open-conditions-control = Sie entscheiden, wer was sieht, Sie sehen jeden Zugriff auf Ihre Akte und können eine Fachkraft sperren oder ein Dokument verbergen.
open-conditions-close = Sie können Ihre Akte jederzeit schließen, online oder per Post mit dem Schließungsformular.
open-conditions-data = Die Agentur eSanté verarbeitet Ihre Daten als Verantwortliche nach dem Datenschutzgesetz. Ihre Mitarbeiter unterliegen dem Berufsgeheimnis und verwenden die persönlichen Daten dieses Formulars nur zur Eröffnung Ihrer Akte. Ihre Rechte üben Sie online oder schriftlich an privacy@esante.lu aus.
open-accept = Ich beantrage die Eröffnung meiner gemeinsamen Patientenakte, habe die Bedingungen für die Nutzung und die Ausübung meiner Rechte gelesen und verstanden und willige ein, dass meine persönlichen Daten dazu sicher an die Agentur übermittelt werden.
open-submit = Antrag senden
open-after = Ein Mitarbeiter prüft Ihre Identität; der Brief geht innerhalb von { $days } Tagen nach der Annahme per Post hinaus.
open-received-heading = Ihr Antrag ist eingegangen
open-reference = Aktenzeichen Ihres Antrags:
open-received-at = Eingegangen am { $date }.
open-next-heading = Die nächsten Schritte
open-next-check = Ein Mitarbeiter der Agentur eSanté prüft Ihre Identität: Halten Sie Ihren Personalausweis und Ihre Sozialversicherungskarte bereit.
open-next-letter = Sobald Ihr Antrag angenommen ist, kommt der Aktivierungsbrief innerhalb von { $days } Tagen per Post.
open-next-activate = Mit dem Code des Briefes aktivieren Sie Ihre Akte auf dieser Website und registrieren einen Passkey.
open-next-helpdesk = Nennen Sie dem Helpdesk bei Fragen Ihr Aktenzeichen.
opening-heading = Eröffnungsanträge
opening-intro = Mit dem öffentlichen Formular gesendete Anträge, die ältesten zuerst. Der Brief muss innerhalb von 7 Tagen nach dem Antrag hinausgehen.
opening-queue-empty = Kein Antrag wartet.
opening-urgency-on-time = In der Frist
opening-urgency-near-limit = Kurz vor der 7-Tage-Frist
opening-urgency-overdue = Überfällig
opening-record-exists = Für diese Matrikelnummer besteht eine Akte
opening-reference = Aktenzeichen
opening-received = Eingegangen
opening-age-label = Alter
opening-age = { $days } T (Brief fällig bis { $due })
opening-decide = Identität prüfen und entscheiden
opening-check-legend = Identitätsprüfung: vorgelegte Dokumente
opening-check-id-card = Personalausweis oder Reisepass
opening-check-social-card = Sozialversicherungskarte
opening-document-number = Nummer des Ausweisdokuments (optional)
opening-check-note = Bemerkung zur Prüfung (optional)
opening-letter-address = Postanschrift für den Brief
opening-letter-address-hint = Der Antrag nennt keine Anschrift: Übernehmen Sie sie aus dem Ausweis oder fragen Sie die Person.
opening-accept-button = Annehmen und Brief herunterladen
opening-accept-hint = Die Annahme eröffnet die Akte und stellt ihren Aktivierungsbrief aus (PDF zum Drucken und Versenden).
opening-reject-legend = Ablehnen
opening-reason = Grund
opening-reason-identity-not-verified = Identität nicht geprüft
opening-reason-data-mismatch = Die Angaben stimmen nicht mit den Dokumenten überein
opening-reason-record-exists = Eine Akte besteht bereits
opening-reason-duplicate-request = Doppelter Antrag
opening-reason-withdrawn = Von der Person zurückgezogen
opening-reason-other = Anderer Grund (bitte erläutern)
opening-reject-note = Erläuterung (Pflicht bei „Anderer Grund“)
opening-reject-button = Antrag ablehnen
opening-accepted = Angenommen: Die Akte von { $name } ist eröffnet und ihr Brief heruntergeladen.
opening-rejected = Abgelehnt: der Antrag von { $name }.
## import
error-import-file-invalid = Diese Datei ist nicht die Versichertendatei: Sie muss CSV-Text in UTF-8 sein, dessen erste Zeile die Spalten benennt. Es wurde nichts gespeichert.
error-import-not-ready = Der Import kann das jetzt nicht: Eine Datei mit ungültigen Zeilen importiert nichts, und ein abgeschlossener Import hat nichts mehr zu tun.
import-heading = Massenöffnung
import-intro = Laden Sie die Versichertendatei hoch (CSV, UTF-8, durch Kommas oder Semikolons getrennt, höchstens 64 MB). Ihre erste Zeile benennt diese Spalten:
import-rule = Jede Zeile wird zuerst geprüft. Ist eine Zeile ungültig, wird nichts aus der Datei importiert: Korrigieren Sie die Zeilen aus dem Bericht und laden Sie die Datei erneut hoch. Eine Person, die schon eine Akte hat, zählt als bereits vorhanden und erhält keinen neuen Brief; dieselbe Datei kann also zweimal importiert werden, ohne etwas doppelt anzulegen.
import-choose = Versichertendatei (CSV)
import-upload = Hochladen und prüfen
import-sending = Die Datei wird gesendet: { $percent } %
import-loading = Importe werden geladen…
import-none = Es wurde noch keine Datei importiert.
import-batches = Importierte Dateien, die neueste zuerst
import-file = Datei
import-uploaded = Hochgeladen
import-state = Stand
import-progress-heading = Fortschritt
import-open = Öffnen
import-progress = { $processed } von { $rows } Zeilen verarbeitet: { $created } Akten angelegt, { $existing } bereits vorhanden.
import-state-invalid = Ungültige Zeilen: nichts importiert
import-state-ready = Geprüft: bereit zum Start
import-state-running = Import läuft
import-state-paused = Angehalten: zum Fortfahren fortsetzen
import-state-done = Abgeschlossen
import-error-wrong-field-count = Die Zeile hat nicht die acht Spalten.
import-error-missing = Dieser Wert ist leer.
import-error-too-long = Dieser Wert ist zu lang.
import-error-national-id-not-digits = Die Matrikelnummer enthält andere Zeichen als Ziffern.
import-error-national-id-wrong-length = Die Matrikelnummer hat nicht 13 Ziffern.
import-error-national-id-invalid-birth-date = Die ersten acht Ziffern der Matrikelnummer sind kein Geburtsdatum.
import-error-national-id-luhn-mismatch = Die 12. Ziffer der Matrikelnummer (Luhn-Prüfziffer) stimmt nicht.
import-error-national-id-verhoeff-mismatch = Die 13. Ziffer der Matrikelnummer (Verhoeff-Prüfziffer) stimmt nicht.
import-error-duplicate-in-file = Diese Matrikelnummer steht bereits in einer früheren Zeile der Datei.
import-error-invalid-country = Das Land muss ein Code aus zwei Buchstaben sein (LU, FR, BE, DE…).
import-error-invalid-language = Die Sprache muss lb, fr, de oder en sein.
import-column-national-id = Matrikelnummer
import-column-given-name = Vorname
import-column-family-name = Nachname
import-column-street = Straße
import-column-postal-code = Postleitzahl
import-column-city = Ort
import-column-country = Land
import-column-language = Sprache
import-column-row = Ganze Zeile
import-start = Import starten
import-resume = Import fortsetzen
import-pause = Import anhalten
import-report-summary = { $invalid } ungültige Zeilen, { $errors } Probleme; die ersten { $shown } sind aufgeführt.
import-report = Probleme in der Datei, nach Zeile
import-row = Zeile
import-column = Spalte
import-problem = Problem
import-letters = Briefe für die Druckerei
import-letters-pack = Brief-PDF Nr. { $chunk } ({ $letters } Briefe)
import-rows = { $rows } Zeilen
import-batch-heading = Import von { $file }
## dashboard
error-figures-range-invalid = Diese Daten ergeben keinen Zeitraum, den die Kennzahlen zeigen können: Prüfen Sie, dass das erste vor dem letzten liegt, das letzte nicht nach heute und der Zeitraum nicht zu lang ist.
figures-heading = Kennzahlen
figures-intro = Zählungen der nationalen Akte, nichts über eine Person. Im Zeitverlauf werden Tage, Wochen und Monate in UTC gezählt.
figures-records-open = Offene Akten
figures-records-closed = Geschlossene Akten
figures-professionals-activated = Aktivierte Gesundheitsfachkräfte
figures-documents = Dokumente
figures-connections = Anmeldungen
figures-objections = Widersprüche
figures-emergency-accesses = Notfallzugriffe
figures-letters-waiting = Wartende Briefe
figures-not-recorded = vom Dienst nicht erfasst
figures-over-time = Im Zeitverlauf
figures-period = Zeitraum
figures-by-day = Pro Tag
figures-by-week = Pro Woche
figures-by-month = Pro Monat
figures-table = Tabelle der Zahlen
figures-week-of = Woche vom { $date }
figures-month-of = { $month } { $year }
figures-chart-desc = { $figure }, { $period }, vom { $first } bis { $last }; der höchste Wert ist { $max }.

## lead: confirmation letters
life-agency-letter = Bestätigungsschreiben (PDF)
life-agency-letter-done = Das Bestätigungsschreiben ist heruntergeladen: Drucken Sie es aus und schicken Sie es dem Patienten.
## helpdesk
error-identity-check-required = Erfassen Sie zuerst die Identitätsprüfung: Kreuzen Sie die Dokumente an, die die Person vorgelegt hat.
error-licence-state-unchanged = Die Zulassung ist bereits in diesem Zustand: Laden Sie das Verzeichnis neu, um den aktuellen Stand zu sehen.
error-licence-suspended = Die Zulassung dieser Fachperson ist ausgesetzt: Dieses Konto erreicht nichts, bis die Agentur sie wiederherstellt.
error-activation-not-locked = Die Aktivierung ist nicht gesperrt: Es gibt nichts zu entsperren.
error-duplicate-organisation = Eine Organisation mit diesem Namen steht bereits im Verzeichnis.
error-invalid-token = Der Zugang der Software ist beendet oder ungültig: Verbinden Sie sie erneut über Ihr DSP-Konto.
error-insufficient-scope = Die Software darf das nicht: Ihre Verbindung umfasst diese Berechtigung nicht.
history-action-professional-licence-suspended = Die Agentur hat die Zulassung von { $professional } ausgesetzt: Diese Person erreicht Ihre Akte nicht mehr.
history-action-professional-licence-reinstated = Die Agentur hat die Zulassung von { $professional } wiederhergestellt: Der Zugang richtet sich wieder nach Ihren Entscheidungen.
history-action-activation-unlocked = { $actor } hat die Aktivierung Ihrer Akte nach zu vielen falschen Codes entsperrt.
history-what-professional-licence-suspended = Ausgesetzte Zulassungen
history-what-professional-licence-reinstated = Wiederhergestellte Zulassungen
history-what-activation-unlocked = Aktivierung entsperrt
helpdesk-tools = Helpdesk
helpdesk-letters-heading = Briefe
helpdesk-letters-show = Briefe anzeigen
helpdesk-letters-none = Für diese Akte wurde noch kein Brief ausgestellt.
helpdesk-letter-kind-activation = Aktivierungsbrief
helpdesk-letter-kind-reissue = neuer Aktivierungsbrief
helpdesk-letter-kind-recovery = Wiederherstellungsbrief
helpdesk-letter-row = { $date }: { $kind }
helpdesk-letter-checked = Identität geprüft: { $documents }
helpdesk-unlock-hint = Nach 5 falschen Codes ist die Aktivierung gesperrt. Entsperren Sie sie, nachdem Sie mit der Person gesprochen haben: Der Code in ihrem Brief funktioniert dann wieder.
helpdesk-unlock-button = Aktivierung entsperren
helpdesk-unlocked = Die Aktivierung ist entsperrt: Der Code im Brief funktioniert wieder.
helpdesk-identity-legend = Identitätsprüfung: die Dokumente, die die Person vorgelegt hat
helpdesk-doc-id-card = Personalausweis
helpdesk-doc-passport = Reisepass
helpdesk-doc-residence-permit = Aufenthaltstitel
helpdesk-doc-driving-licence = Führerschein
helpdesk-doc-social-security-card = Sozialversicherungskarte
helpdesk-doc-professional-card = Berufsausweis
helpdesk-recovery-letter-heading = Passkeys verloren: Wiederherstellungsbrief
helpdesk-recovery-letter-hint = Prüfen Sie zuerst die Identität der Person. Der Code des Briefs registriert einen neuen Passkey, der alle anderen ersetzt und alle Sitzungen beendet; der Patient wird sofort in der Anwendung benachrichtigt.
helpdesk-recovery-letter-button = Wiederherstellungsbrief herunterladen
helpdesk-recovery-letter-done = Der Wiederherstellungsbrief ist heruntergeladen.
helpdesk-licence-heading = Zulassung
helpdesk-licence-active = Zulassung aktiv
helpdesk-licence-suspended = Zulassung ausgesetzt
helpdesk-suspend-hint = Das Aussetzen beendet sofort alle Sitzungen dieser Fachperson: Sie erreicht nichts mehr, bis die Zulassung wiederhergestellt ist. Patienten mit einer Verbindung zu ihr sehen es in ihrem Verlauf.
helpdesk-reinstate-hint = Die Wiederherstellung gibt der Fachperson ihre Rechte zurück: Sie meldet sich wieder mit ihrem Schlüssel an, und ihre Verbindungen gelten wieder.
helpdesk-reason-label = Grund (im Audit-Protokoll gespeichert, Patienten nicht gezeigt)
helpdesk-suspend-button = Zulassung aussetzen
helpdesk-reinstate-button = Zulassung wiederherstellen
helpdesk-suspended-done = Die Zulassung ist ausgesetzt, und alle Sitzungen sind beendet.
helpdesk-reinstated-done = Die Zulassung ist wiederhergestellt.
helpdesk-key-recovery-heading = Sicherheitsschlüssel verloren
helpdesk-key-recovery-hint = Stellen Sie nach der Identitätsprüfung einen Wiederherstellungscode aus: Alle registrierten Schlüssel werden entfernt, und alle Sitzungen enden sofort; der mit dem Code registrierte Schlüssel ersetzt sie, und die Fachperson wird in der Anwendung benachrichtigt.
helpdesk-key-recovery-button = Wiederherstellungscode ausstellen
helpdesk-assign-open = Organisation ändern
helpdesk-assign-label = Arbeitet bei
helpdesk-assign-button = Zuordnen
helpdesk-assigned = Arbeitet jetzt bei { $name }.
helpdesk-organisations-heading = Organisationen
helpdesk-organisation-search-label = Name der Organisation
helpdesk-organisations-none = Keine Organisation passt.
helpdesk-organisation-name = Name
helpdesk-organisation-kind = Art
helpdesk-kind-practice = Praxis
helpdesk-kind-hospital = Krankenhaus
helpdesk-kind-care-home = Pflegeheim
helpdesk-kind-laboratory = Labor
helpdesk-kind-pharmacy = Apotheke
helpdesk-organisation-create-heading = Organisation hinzufügen
helpdesk-organisation-create-button = Organisation hinzufügen
helpdesk-organisation-created = { $name } steht im Verzeichnis.
helpdesk-organisation-edit = Organisation bearbeiten
helpdesk-organisation-save = Speichern
helpdesk-organisation-saved = Gespeichert.
helpdesk-organisation-staff = Fachpersonen
helpdesk-organisation-show-staff = Fachpersonen anzeigen
helpdesk-organisation-staff-none = Keine Fachperson des Verzeichnisses arbeitet hier.
helpdesk-notices-heading = Nachrichten der Agentur
helpdesk-notice-key-recovery = Am { $date } hat die Agentur Ihre Sicherheitsschlüssel nach einer Identitätsprüfung ersetzt: Der mit dem Wiederherstellungscode registrierte Schlüssel ist jetzt Ihr einziger. Wenn Sie das nicht beantragt haben, rufen Sie den Helpdesk der Agentur an.
helpdesk-notice-licence-reinstated = Am { $date } hat die Agentur Ihre Zulassung wiederhergestellt: Sie erreichen Akten wieder im Rahmen der Regeln.
helpdesk-enrol-recovery-note = Ein Wiederherstellungscode vom Helpdesk nach einem verlorenen Schlüssel? Der Schlüssel, den Sie hier registrieren, ersetzt alle Ihre bisherigen Schlüssel, die nicht mehr funktionieren.

## oauth
error-redirect-uri-invalid = Eine Rücksprungadresse muss mit https:// beginnen (oder http://localhost bzw. http://127.0.0.1 für Software auf dem eigenen Rechner), darf keinen #-Teil enthalten und muss für diese Software registriert sein.
error-scope-invalid = Eine Berechtigung ist keine gültige SMART-Berechtigung (wie user/DocumentReference.rs) oder geht über das hinaus, wofür diese Software registriert ist.
error-authorization-request-invalid = Diese Verbindungsanfrage der Software kann nicht genehmigt werden: Die Software ist unbekannt oder deaktiviert, oder ihre Anfrage ist unvollständig.
error-user-code-invalid = Dieser Code ist unbekannt, abgelaufen oder wurde schon verwendet: Starten Sie die Verbindung in der Software neu.
## fhir-read
# A professional who acted through their practice software, in the history ("Dr X via MediPrax").
history-actor-via = { $actor } über { $software }
## oauth-ui
oauth-connect-title = Software verbinden
oauth-connect-heading = Praxissoftware verbinden
oauth-device-title = Software mit einem Code verbinden
oauth-device-heading = Software mit einem Code verbinden
oauth-software-title = Verbundene Software
oauth-software-heading = Verbundene Software
oauth-sign-in-first = Eine Praxissoftware möchte in Ihrem Namen auf die DSP zugreifen. Melden Sie sich zuerst mit Ihrem Sicherheitsschlüssel an; danach sehen Sie, was sie verlangt, und entscheiden.
oauth-software-sign-in = Melden Sie sich mit Ihrem Sicherheitsschlüssel an, um die von Ihnen verbundene Software zu sehen.
oauth-professionals-only = Nur Gesundheitsfachkräfte, angemeldet mit ihrem Sicherheitsschlüssel, verbinden Praxissoftware.
oauth-request-incomplete = Diese Adresse enthält keine vollständige Anfrage einer Software. Beginnen Sie die Verbindung erneut in der Software.
oauth-approval-heading = { $software } möchte sich verbinden
oauth-approval-organisation = { $software } ist für { $organisation } registriert.
oauth-approval-asks = Sie möchte in Ihrem Namen handeln:
oauth-approval-rules = { $software } sieht und tut nur, was Sie selbst sehen und tun dürfen, im Rahmen dieser Berechtigungen. Jeder Zugriff wird protokolliert, und Patienten sehen ihn in ihrem Verlauf als „über { $software }“. Sie können die Verbindung jederzeit unter Verbundene Software trennen.
oauth-approval-return = Nach Ihrer Entscheidung kehren Sie zu { $host } zurück.
oauth-approve = Zulassen
oauth-refuse = Ablehnen
oauth-returning = Zurück zur Software …
oauth-resource-documents = Dokumente der Akten, auf die Sie zugreifen
oauth-resource-content = Der Inhalt dieser Dokumente
oauth-resource-submissions = Einreichungen (welche Dokumente zusammen abgelegt wurden)
oauth-resource-patients = Identität der Patienten (eine Akte über die Matrikelnummer finden)
oauth-resource-history = Zugriffsverlauf
oauth-resource-all = Alles, worauf Sie zugreifen
oauth-op-create = neue ablegen
oauth-op-read = lesen
oauth-op-update = ändern
oauth-op-delete = löschen
oauth-op-search = suchen
oauth-scope-line = { $resource }: { $ops }
oauth-device-code-label = Von Ihrer Software angezeigter Code
oauth-device-code-hint = Zum Beispiel WDJB-MJHT. Groß- und Kleinschreibung, Leerzeichen und Bindestriche spielen keine Rolle.
oauth-device-look-up = Weiter
oauth-device-approved = Zugelassen. Kehren Sie zu Ihrer Software zurück: Sie ist in wenigen Sekunden verbunden.
oauth-device-refused = Abgelehnt. Die Software ist nicht verbunden.
oauth-software-intro = Praxis- und Krankenhaussoftware, der Sie den Zugriff auf die DSP in Ihrem Namen erlaubt haben. Trennen beendet ihren Zugriff sofort.
oauth-software-none = Sie haben keine Software verbunden.
oauth-software-disconnected = { $software } ist getrennt.
oauth-organisation = Registriert für
oauth-connected-since = Verbunden seit
oauth-last-used = Zuletzt benutzt
oauth-never-used = Noch nicht benutzt
oauth-disconnect = Trennen
oauth-disconnect-confirm = { $software } trennen? Sie kann erst wieder in Ihrem Namen auf die DSP zugreifen, wenn Sie sie erneut verbinden.
oauth-disconnect-yes = Ja, trennen
oauth-cancel = Abbrechen
oauth-back-to-portal = Zurück zum Portal für Gesundheitsfachkräfte
software-heading = Praxissoftware
software-intro = Für eine Organisation registrierte Praxis- und Krankenhaussysteme. Eine Gesundheitsfachkraft verbindet ein System mit ihrem Sicherheitsschlüssel; es erreicht nie mehr als diese Fachkraft.
software-none = Keine Software ist registriert.
software-register-heading = Software registrieren
software-register-button = Registrieren
software-organisation = Organisation
software-name = Name der Software
software-name-hint = Gesundheitsfachkräfte und Patienten lesen ihn („Dr. X über …“).
software-redirects = Rücksprungadressen
software-redirects-hint = Durch Leerzeichen getrennt, genau so, wie die Software sie sendet: https://… oder http://127.0.0.1:Port/… für Software auf dem eigenen Computer der Fachkraft.
software-scopes = Berechtigungen (SMART-Scopes)
software-scopes-hint = Durch Leerzeichen getrennt, zum Beispiel user/DocumentReference.crs user/Binary.r.
software-confidential = Ein Geheimnis ausstellen (damit das Gateway der Organisation Token prüfen kann)
software-name-too-long = Höchstens 200 Zeichen.
software-redirect-invalid = Jede Adresse beginnt mit https://, http://127.0.0.1 oder http://localhost und enthält kein #.
software-scope-invalid = Jede Berechtigung hat die Form user/DocumentReference.rs (die Buchstaben c r u d s, in dieser Reihenfolge).
software-registered = { $name } ist registriert.
software-client-id = Client-ID
software-secret = Geheimnis
software-secret-once = Kopieren Sie das Geheimnis jetzt (markieren, dann kopieren) und geben Sie es der IT der Organisation: Es wird nie wieder angezeigt.
software-state = Status
software-active = Aktiv, { $count ->
    [one] eine Verbindung
   *[other] { $count } Verbindungen
}
software-disabled-since = Deaktiviert am { $date }
software-grants-heading = Verbindungen
software-show-grants = Verbindungen anzeigen ({ $count })
software-grants-none = Keine Gesundheitsfachkraft hat sie verbunden.
software-grant-facts = verbunden am { $since }, zuletzt benutzt: { $last }
software-revoke-grant = Diese Verbindung beenden
software-edit = Bearbeiten
software-save = Speichern
software-saved = Gespeichert.
software-new-secret = Neues Geheimnis
software-disable = Deaktivieren
software-disable-confirm = { $name } deaktivieren? Alle Verbindungen enden sofort, und niemand kann sie mehr verbinden.
software-secret-confirm = { $name } ein neues Geheimnis geben? Das jetzige funktioniert sofort nicht mehr.
software-confirm-yes = Ja
software-disabled-done = Deaktiviert: Alle Verbindungen sind beendet.
software-secret-done = Neues Geheimnis ausgestellt: Kopieren Sie es oben.

## fhir-write
error-fhir-bundle-not-transaction = Die Software hat ein Paket gesendet, das keine Transaktion ist: Es wurde nichts abgelegt.
error-fhir-bundle-invalid = Die Software hat ein unvollständiges oder ungültiges Dokumentenpaket gesendet: Es wurde nichts abgelegt.
error-fhir-base64-invalid = Die Software hat ein Dokument gesendet, dessen Inhalt kein gültiges Base64 ist: Es wurde nichts abgelegt.
error-fhir-hash-mismatch = Die Software hat ein Dokument gesendet, dessen Inhalt nicht zu seinem Hashwert passt (er wurde unterwegs verändert): Es wurde nichts abgelegt.
error-fhir-patient-mismatch = Ein Dokument des Pakets nennt einen anderen Patienten als die Einreichung: Es wurde nichts abgelegt.
error-fhir-category-unknown = Ein Dokument des Pakets hat keine Kategorie der Akte: Es wurde nichts abgelegt.
## life
objection-letter-hint = Ihr Bestätigungsschreiben ist bereit. Laden Sie es jetzt herunter und bewahren Sie es auf: Wir behalten keine Kopie, und sobald Sie diese Seite verlassen, kann es nicht mehr heruntergeladen werden.
objection-letter-download = Meine Bestätigung herunterladen (PDF)
agency-objection-letter = Das Bestätigungsschreiben wurde heruntergeladen: Drucken Sie es aus und schicken Sie es der Person per Post. Es wird keine Kopie aufbewahrt.
agency-objection-letter-again = Bestätigungsschreiben erneut herunterladen
history-action-patient-viewed = { $who ->
    [you] Sie haben die Angaben Ihrer Akte in der Konsole der Agentur angesehen.
   *[other] { $actor } hat die Angaben Ihrer Akte angesehen (Name, Adresse, Briefe).
}
history-what-patient-viewed = Angaben der Akte von der Agentur angesehen
