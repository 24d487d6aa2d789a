# DSP-Web-App: Lëtzebuergesch.
# All Schlëssel steet och an fr.ftl, de.ftl an en.ftl (gepréift vu `cargo test -p frontend`).

## Rumm vun der Applikatioun

app-name = DSP
app-tagline = Gedeelte Gesondheetsdossier
skip-to-content = Direkt op den Haaptinhalt
nav-label = Haaptnavigatioun
nav-home = Startsäit
nav-patient = Patienten
nav-professional = Gesondheetsberuffer
nav-agency = Agence
language-label = Sprooch
signin-coming = D’Umeldung gëtt et nach net; si kënnt an enger spéiderer Versioun vum DSP. Fir de Moment beschreiwen dës Säiten, wat Dir an all Beräich spéider maache kënnt.

## Startsäit

home-title = Startsäit
home-heading = Äre gedeelte Gesondheetsdossier
home-intro = Den DSP sammelt déi wichtegst Gesondheetsdokumenter vun all versécherter Persoun zu Lëtzebuerg — Berichter vum Spidol a vum Labo, Imagerie, Ordonnancen —, fir datt d’Gesondheetsberuffer, déi Iech behandelen, se kënnen deelen. Dir behaalt d’Kontroll: Dir decidéiert, wien wat gesäit, an Dir gesitt all Zougrëff.
home-areas-heading = Wielt Äre Beräich
home-patient-title = Ech sinn Patient
home-patient-text = Liest Är Dokumenter, decidéiert, wien se gesi kann, a verfollegt all Zougrëff op Ären Dossier.
home-professional-title = Ech schaffen an engem Gesondheetsberuff
home-professional-text = Fannt Är Patienten am Kader vun de Reegelen, liest hir Dokumenter a leet nei derbäi.
home-agency-title = Ech schaffe bei der Agence
home-agency-text = Dossieren opmaachen, Aktivéierungsbréiwer drécken, d’Verzeechnes vun de Gesondheetsberuffer aktuell halen a Leit hëllefen, déi net méi weiderkommen.

## Beräich fir Patienten

patient-title = Patienten
patient-heading = Portal fir Patienten
patient-intro = Ären Dossier gehéiert Iech. Am Portal fir Patienten kënnt Dir spéider:
patient-read = all Är Gesondheetsdokumenter liesen: Berichter vum Spidol, Analysen, Imagerie, Ordonnancen;
patient-decide = decidéieren, wien wat gesäit: e Professionnel spären, en Dokument verstoppen, Äre Referenzdokter (médecin référent) wielen;
patient-traces = all Zougrëff gesinn: wien Ären Dossier opgemaach huet, wéini an no wéi enger Reegel;
patient-close = Ären Dossier zu all Moment zoumaachen an en bannent zéng Joer esou erëm opmaachen, wéi e war;
patient-signin = Iech mat engem Passkey op Ärem Handy oder Computer umellen, deen Dir mam Aktivéierungscode aus Ärem Bréif ageriicht hutt.
patient-categories-heading = Wat an Ärem Dossier stoe kann

## Beräich fir Gesondheetsberuffer

professional-title = Gesondheetsberuffer
professional-heading = Portal fir Gesondheetsberuffer
professional-intro = Fir Dokteren, Apdikter, Infirmieren an déi aner Gesondheetsberuffer aus dem nationale Verzeechnes. Am Portal kënnt Dir spéider:
professional-find = e Patient iwwer seng Matrikelnummer fannen, an den Dossier just am Kader vun den Zougangsreegelen an enger Behandlungsbezéiung opmaachen;
professional-read = d’Dokumenter liesen, déi Äre Beruff an Är Behandlungsbezéiung erlaben;
professional-file = Berichter, Resultater an Ordonnancen am Dossier vum Patient ofleeën;
professional-signin = Iech mat Ärem perséinleche Sécherheetsschlëssel umellen, deen Dir mam Aschreiwungscode vun der Agence ageriicht hutt.
professional-professions-heading = D’Beruffer aus dem Verzeechnes

## Beräich vun der Agence

agency-title = Agence
agency-heading = Konsol vun der Agence
agency-intro = Fir d’Mataarbechter an den Helpdesk vun der Agence, déi den DSP bedreift. An der Konsol kënnt Dir spéider:
agency-open = Dossieren opmaachen an d’Informatiouns- an Aktivéierungsbréiwer drécken;
agency-directory = d’Verzeechnes vun de Gesondheetsberuffer aktuell halen;
agency-close = en Dossier op eng schrëftlech Ufro hin zoumaachen;
agency-recover = Leit hëllefen, déi hire Passkey oder Sécherheetsschlëssel verluer hunn, fir sech erëm unzemellen;
agency-signin = Iech mat Ärem Sécherheetsschlëssel umellen.

## Säit net fonnt

not-found-title = Säit net fonnt
not-found-heading = Dës Säit gëtt et net
not-found-text = Ënnert der Adress { $path } gëtt et keng Säit.
not-found-home = Op d’Startsäit

## Fousszeil

footer-today = Haut: { $date }
footer-server-checking = Server: gëtt gepréift …
footer-server-online = Server: online · { $database } · Migratioun { $migration }
footer-server-degraded = Server: Status „{ $status }“
footer-server-error = Server: { $message }

## Feeler vum Server (shared::ApiErrorCode) a vun der Verbindung

error-not-found = Dat, wat Dir gesicht hutt, gouf net fonnt.
error-method-not-allowed = Dës Aktioun ass hei net erlaabt.
error-malformed-json = D’Ufro konnt net gelies ginn. Lued d’Säit w.e.g. nei a probéiert nach eng Kéier.
error-invalid-request = Verschidden Informatiounen, déi geschéckt goufen, sinn net gëlteg.
error-unsupported-media-type = De Server hëlt dës Zort vun Inhalt net un.
error-payload-too-large = Dat, wat Dir geschéckt hutt, ass ze grouss.
error-rate-limited = Ze vill Versich. Waart w.e.g. e Moment a probéiert dann nach eng Kéier.
error-unavailable = De Service ass de Moment net disponibel. Probéiert w.e.g. méi spéit nach eng Kéier.
error-internal = Bei eis ass eppes schifgaang. Wann dat nach eng Kéier geschitt, mellt Iech mat der Referenz beim Helpdesk.
error-unauthenticated = Mellt Iech w.e.g. fir d’éischt un.
error-session-expired = Är Sessioun ass ofgelaf. Mellt Iech w.e.g. nees un.
error-forbidden = Dëse Beräich ass net fir Är Zort vu Kont.
error-csrf-rejected = Dës Ufro koum net vun enger Säit vum DSP a gouf refuséiert. Lued d’Säit w.e.g. nei a probéiert nach eng Kéier.
error-activation-failed = D’Matrikelnummer an den Aktivéierungscode passen net zesummen. Kuckt allebéid no a probéiert nach eng Kéier.
error-activation-locked = Ze vill falsch Aktivéierungscoden. Frot w.e.g. bei der Agence en neien Aktivéierungsbréif un.
error-enrolment-code-invalid = Dësen Aschreiwungscode ass onbekannt, scho benotzt oder ofgelaf. Frot w.e.g. bei der Agence en neien un.
error-ceremony-expired = Dat huet ze laang gedauert oder gouf scho benotzt. Fänkt w.e.g. nach eng Kéier vu vir un.
error-credential-rejected = D’Äntwert vun Ärem Schlëssel konnt net iwwerpréift ginn. Probéiert w.e.g. nach eng Kéier.
error-synced-credential-refused = Gesondheetsberuffer a Mataarbechter vun der Agence brauchen e Sécherheetsschlëssel, deen un een Apparat gebonnen ass; e synchroniséierte Passkey gëtt net akzeptéiert.
error-user-verification-required = Äre Schlëssel muss préiwen, datt Dir et sidd (PIN oder Fangerofdrock). Probéiert w.e.g. nach eng Kéier mat dëser Préiwung.
error-credential-suspended = Dëse Schlëssel gouf zu Ärem Schutz gespaart, well e méiglecherweis kopéiert gouf. Mellt Iech w.e.g. beim Helpdesk.
error-unknown-credential = Dëse Schlëssel ass net oder net méi registréiert.
error-duplicate-national-id = Et gëtt schonn en Dossier mat dëser Matrikelnummer.
error-birth-date-mismatch = De Gebuertsdatum passt net zu deem aus der Matrikelnummer.
error-invalid-national-id = D’Matrikelnummer ass net gëlteg.
error-duplicate-licence = E Professionnel mat dëser Zouloossungsnummer steet schonn am Verzeechnes.
error-last-credential = Dir kënnt Äre leschte Schlëssel net ewechhuelen: Setzt fir d’éischt en aneren derbäi.
error-reverification-required = Bestätegt dës Ännerung w.e.g. nach eng Kéier mat Ärem Passkey oder Sécherheetsschlëssel.
error-network = De Server ass net ze erreechen. Kuckt Är Verbindung no a probéiert nach eng Kéier.
error-http = De Server huet mat engem onerwaarte Feeler geäntwert (HTTP { $status }).
error-unexpected-response = D’Äntwert vum Server konnt net gelies ginn.
error-reference = Referenz: { $id }

## Matrikelnummer (shared::NationalIdError)

national-id-not-digits = Eng Matrikelnummer huet just Zifferen.
national-id-wrong-length = Eng Matrikelnummer huet 13 Zifferen, dës huet der { $count }.
national-id-invalid-birth-date = Déi éischt aacht Ziffere mussen e Gebuertsdatum sinn (JJJJMMDD).
national-id-luhn-mismatch = Déi 12. Ziffer (éischt Kontrollziffer) passt net zu deenen éischten eelef. Kuckt d’Nummer w.e.g. no.
national-id-verhoeff-mismatch = Déi 13. Ziffer (zweet Kontrollziffer) passt net zu deenen éischten eelef. Kuckt d’Nummer w.e.g. no.

## Datum

date-long = { $day }. { $month } { $year }
month-1 = Januar
month-2 = Februar
month-3 = Mäerz
month-4 = Abrëll
month-5 = Mee
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## Kategorien vun Dokumenter (shared::Category)

category-personal-expression = Perséinlechen Ausdrock vum Inhaber
category-summaries = Resuméen
category-health-history = Gesondheetsgeschicht
category-allergies = Allergien an Intoleranzen
category-prostheses = Prothesen a medezinesch Apparater
category-care-reports = Behandlungsberichter
category-certificates = Zertifikater an Deklaratiounen
category-medical-imaging = Medezinesch Imagerie
category-lab-analyses = Laboranalysen
category-medication-dispensation = Ausgab vu Medikamenter
category-nursing-assessments = Fleegebewäertungen
category-prescriptions = Ordonnancen a Behandlungen
category-prevention = Preventioun
category-socio-educational = Sozialpädagogesch Donnéeën
category-social-environment = Sozialt Ëmfeld
category-legal-protection = Juristesche Schutz
category-social-insurance = Sozialversécherung
category-education = Bildung
category-access-traces = Iwwersiicht vun den Zougrëffer

## Beruffer (shared::Profession)

profession-MED = Dokter
profession-REF = Referenzdokter (médecin référent)
profession-PHA = Apdikter
profession-INF = Infirmier
profession-EXP = Anere Gesondheetsberuff
profession-SAG = Hebamm
profession-LAB = Laborassistent
profession-ATM = Radiologie-Assistent
profession-AID = Fleegehëllef
profession-SOC = Sozialaarbechter
profession-BIO = Biolog
