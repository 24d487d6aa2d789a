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
patient-intro = Ären Dossier gehéiert Iech. Am Portal fir Patienten kënnt Dir:
patient-read = all Är Gesondheetsdokumenter liesen: Berichter vum Spidol, Analysen, Imagerie, Ordonnancen;
patient-decide = decidéieren, wien wat gesäit: e Professionnel spären, en Dokument verstoppen, Äre Referenzdokter (médecin référent) wielen;
patient-traces = all Zougrëff gesinn: wien Ären Dossier opgemaach huet, wéini an no wéi enger Reegel;
patient-signin = Iech mat engem Passkey op Ärem Handy oder Computer umellen, deen Dir mam Aktivéierungscode aus Ärem Bréif ageriicht hutt.
patient-categories-heading = Wat an Ärem Dossier stoe kann

## Beräich fir Gesondheetsberuffer

professional-title = Gesondheetsberuffer
professional-heading = Portal fir Gesondheetsberuffer
professional-intro = Fir Dokteren, Apdikter, Infirmieren an déi aner Gesondheetsberuffer aus dem nationale Verzeechnes. Am Portal kënnt Dir:
professional-find = e Patient iwwer seng Matrikelnummer fannen, an den Dossier just am Kader vun den Zougangsreegelen an enger Behandlungsbezéiung opmaachen;
professional-read = d’Dokumenter liesen, déi Äre Beruff an Är Behandlungsbezéiung erlaben;
professional-file = Berichter, Resultater an Ordonnancen am Dossier vum Patient ofleeën;
professional-signin = Iech mat Ärem perséinleche Sécherheetsschlëssel umellen, deen Dir mam Aschreiwungscode vun der Agence ageriicht hutt.
professional-professions-heading = D’Beruffer aus dem Verzeechnes

## Beräich vun der Agence

agency-title = Agence
agency-heading = Konsol vun der Agence
agency-intro = Fir d’Mataarbechter an den Helpdesk vun der Agence, déi den DSP bedreift. An der Konsol kënnt Dir:
agency-open = Dossieren opmaachen an d’Informatiouns- an Aktivéierungsbréiwer drécken;
agency-directory = d’Verzeechnes vun de Gesondheetsberuffer aktuell halen;
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
error-payload-too-large = Dat, wat Dir geschéckt hutt, ass ze grouss. En Dokument däerf bis zu 20 MB grouss sinn.
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
error-last-credential = Dir kënnt Äre leschte Passkey oder Schlëssel net ewechhuelen: Setzt fir d’éischt en aneren derbäi. Wann Dir en verluer hutt, ersetzt den Helpdesk vun der Agence en (e Bréif fir Ären Zougang erëmzekréien fir e Passkey, en neien Aschreiwungscode fir e Sécherheetsschlëssel).
error-reverification-required = Bestätegt dës Ännerung w.e.g. nach eng Kéier mat Ärem Passkey oder Sécherheetsschlëssel.
error-connection-failed = Matrikel an Verbindungscode passen net (de Code ass falsch, scho benotzt oder ofgelaf). Frot de Patient no engem neie Code.
error-document-rejected = Dëst Dokument gouf refuséiert: den Typ oder d’Gréisst passen net, oder den Inhalt ass net sécher. Erlaabt sinn PDF, PNG a JPEG bis 20 MB, CDA XML a FHIR JSON bis 5 MB.
error-request-timeout = Dat, wat Dir geschéckt hutt, ass ze lues oder guer net ukomm. Kontrolléiert w.e.g. Är Verbindung a probéiert nach eng Kéier.
error-document-metadata-in-query = Bei dësem Eropluede stoungen Titel, Kategorie, Datum oder Fichiersnumm vum Dokument an der Adress, wou Protokoller an d’Historique vum Browser se géife behalen. D’App schéckt se separat; aktualiséiert d’Software, déi dëst Dokument geschéckt huet.
error-document-wrong-patient = Dëst Dokument gouf refuséiert: de Patient, deen dran genannt gëtt, ass net de Patient vun dësem Dossier, oder en ass net mat senger Matrikelnummer genannt. Kuckt no, ob Dir et am richtegen Dossier ofleet.
error-document-unsafe-narrative = Dëst Dokument gouf refuséiert: säi liesbaren Deel (Narrativ) enthält eppes, wat an engem Browser kéint ausgefouert ginn, wéi e Skript, en Event-Handler oder e javascript:-Link. Exportéiert et nach eng Kéier ouni dësen Inhalt.
error-emergency-access-limit-reached = Dir hutt fir de Moment esou vill Noutfallzougrëffer opgemaach wéi erlaabt: Dësen ass net opgemaach ginn, an d’Agence gouf alarméiert. Frot de Patient no engem Verbindungscode oder kontaktéiert d’Agence.
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

## Heefeg Wierder

loading = Gëtt gelueden…
save = Späicheren
cancel = Ofbriechen
search-button = Sichen
session-checking = Et gëtt nogekuckt, ob Dir ugemellt sidd…
date-time = { $date } um { $time } Auer

## Konto (Kappzeil)

nav-security = Sécherheet
account-signed-in-as = Ugemellt als
account-sign-out = Ofmellen
account-sign-in = Umellen
role-patient = Patient
role-professional = Gesondheetsberuff
role-agent = Mataarbechter vun der Agence
area-sign-in-link = Umellen
area-enrol-link = Äre Sécherheetsschlëssel mat engem Aschreiwungscode aschreiwen
home-sign-in-text = Scho registréiert? Mellt Iech mat Ärem Passkey oder Sécherheetsschlëssel un.
home-greeting = Moien { $name }
security-link = Är Passkeyen, Schlësselen a Sessiounen verwalten

## Passkeyen a Sécherheetsschlësselen (Dialoge vum Browser)

ceremony-waiting = Maacht, wat Äre Browser Iech seet: wielt Äre Passkey, oder stieche Äre Sécherheetsschlëssel an a beréiert en.
ceremony-cancel = Ofbriechen
ceremony-unsupported = Dëse Browser kann keng Passkeyen a keng Sécherheetsschlësselen benotzen. Benotzt w.e.g. eng aktuell Versioun vu Chrome, Edge, Firefox oder Safari.
ceremony-cancelled = Et gouf näischt ënnerschriwwen: d’Ufro gouf ofgebrach, huet ze laang gedauert, oder et gouf kee passende Passkey oder Schlëssel fonnt. Probéiert w.e.g. nach eng Kéier.
ceremony-aborted = Ofgebrach. Dir kënnt nees ufänken, wann Dir prett sidd.
ceremony-already-registered = Dëse Passkey oder Sécherheetsschlëssel ass fir Äre Kont scho registréiert. Mellt Iech domat un, oder huelt en aneren.
ceremony-unsuitable = Dëse Passkey oder Sécherheetsschlëssel kann net dat, wat verlaangt gëtt (eng Préiwung mat PIN oder Fangerofdrock). Huelt w.e.g. en aneren.
ceremony-security = D’Adress vun dëser Säit däerf keng Passkeyen benotzen. Maacht den DSP iwwer seng offiziell Adress op.
ceremony-other = Äre Browser konnt d’Ufro net ofschléissen ({ $name }). Probéiert w.e.g. nach eng Kéier.
error-rate-limited-wait = Ze vill Versich. Probéiert w.e.g. an { $minutes } Min. nach eng Kéier.

## Umeldsäit

sign-in-title = Umellen
sign-in-heading = Beim DSP umellen
sign-in-intro = Patiente mellen sech mam Passkey op hirem Handy oder Computer un; Gesondheetsberuffer a Mataarbechter vun der Agence mat hirem perséinleche Sécherheetsschlëssel. Keen Benotzernumm, kee Passwuert.
sign-in-button = Mat Ärem Passkey oder Sécherheetsschlëssel umellen
sign-in-expired = Är Sessioun ass zu Ärem Schutz ofgelaf. Mellt Iech w.e.g. nees un.
sign-in-signed-out = Dir hutt Iech ofgemellt.
sign-in-already = Dir sidd als { $name } ugemellt.
sign-in-go-to-area = Op Äre Beräich
sign-in-first-time = Fir d’éischt hei?
sign-in-activate-link = Ären Dossier aktivéieren
sign-in-activate-text = fir Patienten, mam Aktivéierungsbréif, deen Dir mat der Post kritt hutt.
sign-in-enrol-link = E Sécherheetsschlëssel aschreiwen
sign-in-enrol-text = fir Gesondheetsberuffer a Mataarbechter vun der Agence, mam Aschreiwungscode vun der Agence.

## Aktivéierungssäit

activate-title = Ären Dossier aktivéieren
activate-heading = Ären Dossier aktivéieren
activate-intro = Gitt Är Matrikelnummer an den Aktivéierungscode aus Ärem Bréif an. Duerno maacht Dir op dësem Handy oder Computer e Passkey: domat mellt Dir Iech vun elo un un.
activate-national-id-label = Matrikelnummer (national Identifikatiounsnummer)
activate-national-id-hint = 13 Zifferen, wéi op Ärer Sozialversécherungskaart. Espacen sinn erlaabt.
activate-code-label = Aktivéierungscode
activate-code-hint = Esou wéi en an Ärem Bréif steet, zum Beispill ABCD-EFGH-JKLM.
activate-passkey-hint = Äre Browser freet Iech, e Passkey ze maachen, mat Ärem Fangerofdrock, Ärem Gesiicht oder der Bildschiermspär.
activate-button = Aktivéieren a mäi Passkey maachen
activate-recovery-heading = Dëst ass e Bréif fir Ären Zougang erëmzekréien
activate-recovery-text = Ären Dossier huet schonn Passkeyen. Wann Dir weidermaacht, ersetzt de Passkey, deen Dir elo maacht, se all: Déi aner funktionéieren net méi, an all d’Sessiounen, an deenen Dir ugemellt sidd, ginn zougemaach. Maacht just weider, wann Dir Äre Passkey verluer hutt; wann Dir dëse Bréif net ugefrot hutt, rufft den Helpdesk vun der Agence un.
activate-recovery-confirm = Meng Passkeyen ersetzen
activate-already = Scho aktivéiert?
activate-sign-in-link = Umellen

## Aschreiwungssäit

enrol-title = E Sécherheetsschlëssel aschreiwen
enrol-heading = Äre Sécherheetsschlëssel aschreiwen
enrol-intro = Gesondheetsberuffer a Mataarbechter vun der Agence mellen sech mat engem perséinleche Sécherheetsschlëssel un. Gitt den Aschreiwungscode vun der Agence an, stiecht dann Äre Schlëssel an a beréiert en.
enrol-from-link = De Code aus Ärem Aschreiwungslink ass schonn agedroen.
enrol-code-label = Aschreiwungscode
enrol-code-hint = Zum Beispill ABCD-EFGH-JKLM. E gëllt just eng Kéier a leeft of.
enrol-key-hint = Just e Sécherheetsschlëssel, deen un een Apparat gebonnen ass, gëtt akzeptéiert (kee synchroniséierte Passkey). E freet no senger PIN.
enrol-button = Mäi Sécherheetsschlëssel aschreiwen
enrol-already = Scho registréiert?

## Formulairesfelder

field-required = Fëllt w.e.g. dëst Feld aus.
field-invalid-date = Gitt w.e.g. e gültegen Datum an, als Dag.Mount.Joer, zum Beispill 25.11.2026.
field-country-code = Benotzt w.e.g. de Landcode mat zwee Buschtawen, zum Beispill LU.
field-choose = Wielt…
field-national-id = Matrikelnummer
field-given-name = Virnimm
field-family-name = Familljennumm
field-birth-date = Gebuertsdatum
field-language = Léifste Sprooch
field-address = Postadress
field-street = Strooss an Hausnummer
field-postal-code = Postleitzuel
field-city = Uertschaft
field-country = Land
field-country-hint = Zwee Buschtawen: LU, FR, BE, DE …
field-profession = Beruff
field-licence = Zouloossungsnummer
field-organisation = Organisatioun
national-id-incomplete = Nach feelend Zifferen: { $count } vun 13.
national-id-valid = Gülteg Matrikelnummer, gebuer den { $date }.

## Patienten- a Beruffsberäich (ugemellt)

patient-signed-in-intro = Dir sidd op Ärem gedeelte Gesondheetsdossier ugemellt.
patient-record-coming = Hei liest Dir Är Dokumenter, decidéiert, wien wat gesäit, a kuckt all Zougrëff op Ären Dossier no.
patient-activate-link = Ären Dossier mat Ärem Bréif aktivéieren
professional-signed-in-intro = Dir sidd um Portal fir Gesondheetsberuffer ugemellt.
professional-signed-in-as = Dir sidd um Portal fir Gesondheetsberuffer ugemellt als { $profession }.
professional-record-coming = Fannt e Patient, deen Dir erreecht, maacht en Dossier mam Verbindungscode vum Patient op oder registréiert eng Opnam; d’Säit vun all Dossier weist seng Dokumenter a léisst Iech eent ofleeën.

## Konsol vun der Agence

agency-greeting = Ugemellt als { $name }. Maacht Dossieren op an dréckt hir Bréiwer; haalt d’Verzeechnes vun de Gesondheetsberuffer aktuell.
agency-sections = Deeler vun der Konsol
agency-not-for-you = D’Konsol vun der Agence ass just fir Mataarbechter vun der Agence.
agency-patients-heading = Patienten
agency-patients-list = Fonnt Dossieren
agency-patient-search-label = No Numm oder Matrikelnummer sichen
agency-no-patients = Keen Dossier passt.
agency-patient-create-heading = En Dossier opmaachen
agency-national-id-hint = 13 Zifferen. De Gebuertsdatum gëtt dorausser iwwerholl.
agency-birth-date-hint = Muss zu den éischten aacht Zifferen vun der Matrikelnummer passen.
agency-patient-create-button = Den Dossier opmaachen
agency-patient-created = Den Dossier vu(n) { $name } ass op. Luet den Informatiounsbréif an der Lëscht erof, fir en ze verschécken.
agency-record-state = Zoustand
record-state-created = Ugeluecht, net aktivéiert
record-state-activated = Aktivéiert
record-state-closed = Zougemaach
agency-code-locked = Code gespaart
agency-letter = Bréif
agency-letter-none = Nach kee Bréif
agency-letter-issued-until = Erausginn den { $date }; Oppositioun méiglech bis den { $deadline }
agency-download-letter = Informatiounsbréif eroflueden (PDF)
agency-letter-new-code = De Bréif huet en neien Aktivéierungscode.
agency-letter-voids-previous = En neie Bréif huet en neien Aktivéierungscode: de Code vum virege Bréif gëllt dann net méi.
agency-letter-recovery = Den Dossier ass aktivéiert: Dëst ass e Bréif fir den Zougang erëmzekréien, fir e Patient, deen säi Passkey verluer huet. De Code dovun ersetzt all seng Passkeyen a mécht seng Sessiounen zou; de Patient kritt direkt an der Applikatioun Bescheed.
agency-letter-busy = De Bréif gëtt gemaach…
agency-letter-done = Bréif erofgelueden. Just säin Aktivéierungscode gëllt elo.
agency-professionals-heading = Gesondheetsberuffer
agency-emergency-heading = Noutfallzougrëffer
agency-emergency-intro = All Noutfallzougrëff („d’Glas briechen“), deen e Gesondheetsberuff opgemaach huet, dee neiste fir d’éischt; an dovir d’Alarmer: Gesondheetsberuffer, déi refuséiert goufen, well se scho sou vill opgemaach haten wéi erlaabt.
agency-emergency-alerts-heading = Alarmer
agency-emergency-no-alerts = Keen Alarm: Kee Gesondheetsberuff huet d’Limitt erreecht.
agency-emergency-alert = { $name } gouf en Noutfallzougrëff refuséiert: { $count } scho bannent { $hours } Stonnen opgemaach, bei enger Limitt vu { $max }.
agency-emergency-openings-heading = Opgemaachten Noutfallzougrëffer
agency-emergency-none = Et gouf nach keen Noutfallzougrëff opgemaach.
agency-emergency-opening = { $name } huet den Dossier { $record } opgemaach: „{ $reason }“
agency-emergency-someone = E Gesondheetsberuff, deen net méi am Verzeechnes steet
agency-professionals-list = Fonnt Gesondheetsberuffer
agency-professional-search-label = No Numm oder Zouloossungsnummer sichen
agency-no-professionals = Kee Gesondheetsberuff passt.
agency-professional-create-heading = E Gesondheetsberuff an d’Verzeechnes setzen
agency-professional-create-button = An d’Verzeechnes setzen
agency-professional-created = { $name } steet am Verzeechnes. Gitt en Aschreiwungscode eraus, fir datt de Sécherheetsschlëssel kann ageschriwwe ginn.
agency-keys = Sécherheetsschlësselen
agency-keys-count = { $count } registréiert
agency-enrolment-pending = en Aschreiwungscode waart drop, benotzt ze ginn
agency-enrolment-none = keen oppenen Aschreiwungscode
agency-issue-code = Aschreiwungscode erausginn
agency-issue-revokes = En neie Code widderrifft direkt déi { $count } registréiert Sécherheetsschlësselen: d’Persoun kann sech eréischt nees umellen, wann se mam neie Code e Schlëssel ageschriwwen huet.
agency-issue-replaces = En neie Code ersetzt deen nach net benotzte Code, deen dann net méi gëllt.
agency-issue-confirm = Widderruffen an en neie Code erausginn
agency-issue-busy = De Code gëtt erausginn…
agency-issued-heading = Aschreiwungscode fir { $name }
agency-issued-once = Dëse Code gëtt just eng Kéier gewisen. Gitt en oder de Link elo der Persoun; d’Agence kann en net nach eng Kéier weisen.
agency-issued-code = Code
agency-issued-link = Aschreiwungslink
agency-issued-expires = Gëllt bis
agency-issued-revoked = Widderrufe registréiert Sécherheetsschlësselen: { $count }.
agency-copy-code = Code kopéieren
agency-copy-link = Link kopéieren
agency-copied-code = De Code ass kopéiert.
agency-copied-link = De Link ass kopéiert.
agency-copy-failed = D’Kopéieren huet net funktionéiert: markéiert den Text a kopéiert en selwer.
agency-issued-done = Fäerdeg, Code verstoppen

## Sécherheetssäit

security-title = Sécherheet
security-heading = D’Sécherheet vun Ärer Umeldung
security-signed-out = Mellt Iech un, fir Är Passkeyen oder Schlësselen an Är Sessiounen ze gesinn.
security-intro-patient = Mat Äre Passkeyen mellt Dir Iech ouni Passwuert un. Behaalt der op d’mannst zwee, op verschiddenen Apparater, fir datt Dir net ausgespaart sidd, wann Dir een verléiert.
security-intro-key = Mat Äre Sécherheetsschlësselen mellt Dir Iech un. Schreift e Reserveschlëssel an, fir datt Dir net ausgespaart sidd, wann Dir een verléiert.
security-passkeys-heading = Är Passkeyen
security-keys-heading = Är Sécherheetsschlësselen
security-kind = Aart
security-synced = Passkey, deen tëscht Ären Apparater synchroniséiert gëtt
security-device-bound = Un een Apparat gebonnen
security-created = Registréiert
security-last-used = Fir d’lescht benotzt
security-never-used = Nach ni
security-suspended = Zu Ärem Schutz gespaart: e gouf méiglecherweis kopéiert. Mellt Iech beim Helpdesk.
security-last-passkey = Dat ass Ären eenzege Passkey, dofir kann en net ewechgeholl ginn: Setzt fir d’éischt en aneren derbäi. Wann Dir en verléiert, rufft den Helpdesk vun der Agence un: E schéckt Iech mat der Post e Bréif fir Ären Zougang erëmzekréien, an de Code dovun ersetzt Är Passkeyen.
security-last-key = Dat ass Ären eenzege Sécherheetsschlëssel, dofir kann en net ewechgeholl ginn: Setzt fir d’éischt en aneren derbäi. Wann Dir en verléiert, rufft den Helpdesk vun der Agence un: E gëtt Iech en neien Aschreiwungscode, deen en ersetzt.
security-rename = Ëmbenennen
security-rename-named = { $name } ëmbenennen
security-rename-label = Neien Numm
security-renamed = Den Numm ass gespäichert.
security-remove = Ewechhuelen
security-remove-named = { $name } ewechhuelen
security-remove-confirm = „{ $name }“ ewechhuelen? Dir kënnt Iech dann net méi domat umellen.
security-removed = Ewechgeholl.
security-add-passkey = E Passkey derbäisetzen
security-add-key = E Sécherheetsschlëssel derbäisetzen
security-new-name-label = Numm (fakultativ)
security-new-name-hint = Fir datt Dir en erëmerkennt, zum Beispill „Mäin Handy“ oder „Reserveschlëssel“.
security-add-reverify-hint = Zu Ärem Schutz gitt Dir eventuell fir d’éischt gefrot, mat engem Passkey oder Schlëssel ze bestätegen, deen Dir schonn hutt.
security-added = Derbäigesat. Dir kënnt Iech elo domat umellen.
security-sessions-heading = Wou Dir ugemellt sidd
security-session-started = Ugemellt
security-session-last-seen = Lescht Aktivitéit
security-this-device = dësen Apparat
security-end-session = Dës Sessioun ofschléissen
security-end-this-session = Hei ofmellen
security-session-ended = D’Sessioun ass ofgeschloss.
browser-on-system = { $browser } op { $system }
browser-unknown = Onbekannte Browser

## Den Historique vum Patient

history-title = Historique
history-heading = Den Historique vun Ärem Dossier
history-intro = Hei steet alles, wat mat Ärem Dossier geschitt ass, dat Neist fir d’éischt: wien, wéini, wat an no wéi enger Reegel. Och Är eege Umeldungen an d’Ännerunge vun Äre Passkeyen stinn hei. All Kéier, wou Dir dësen Historique kuckt oder erofluet, gëtt dat och festgehalen.
history-link = Den Historique vun Ärem Dossier gesinn: wien huet wéini wat gemaach
history-signed-out = Mellt Iech als Patient un, fir den Historique vun Ärem Dossier ze gesinn.
history-back = Zréck op Ären Dossier
history-filters = Den Historique filteren
history-filter-actor = Wien
history-filter-actor-all = Jiddereen
history-filter-actor-patient = Dir selwer
history-filter-actor-professional = Gesondheetsberuffer
history-filter-actor-agent = D’Agence
history-filter-action = Wat
history-filter-action-all = Alles
history-filter-from = Vum
history-filter-to = Bis
history-filter-apply = Weisen
history-filter-reset = Filteren ewechhuelen
history-empty = Näischt am Historique passt op dës Filteren.
history-load-more = Méi al Entréeë weisen
history-end = Hei fänkt den Historique vun Ärem Dossier un.
history-downloads = Den Historique eroflueden (mat dëse Filteren)
history-download-csv = Fir eng Tabellekalkulatioun (CSV)
history-download-fhir = Fir Gesondheetssoftware (FHIR)
history-refused = Refuséiert.
history-refused-because = Refuséiert: { $reason }
history-rule = Grondlag: { $rule }
history-context = Kontext: { $context }
history-label = Numm: { $label }
history-reference = Referenz: { $id }
history-actor-you = Dir
history-actor-agent = D’Agence ({ $name })
history-actor-agency = D’Agence
history-actor-professional = { $name } ({ $profession })
history-actor-professional-unnamed = E Gesondheetsberuff
history-actor-patient = E Patient
history-actor-unknown = Iergendeen
history-action-other = { $actor }: { $action }.
history-action-patient-created = { $actor } huet Ären Dossier ugeluecht.
history-action-letter-issued = { $actor } huet Ären Informatiouns- an Aktivéierungsbréif erstallt.
history-action-recovery-letter-issued = { $actor } huet e Bréif erstallt, fir Ären Zougang erëmzekréien: De Code dovun ersetzt Är Passkeyen.
history-action-activation-attempt = Den Aktivéierungscode aus Ärem Bréif gouf aginn.
history-action-activation = Ären Dossier gouf mat engem neie Passkey aktivéiert.
history-action-sign-in = { $who ->
    [you] Dir hutt Iech ugemellt.
   *[other] { $actor } huet sech ugemellt.
}
history-action-sign-out = { $who ->
    [you] Dir hutt Iech ofgemellt.
   *[other] { $actor } huet sech ofgemellt.
}
history-action-reverification = { $who ->
    [you] Dir hutt mat Ärem Passkey bestätegt, datt Dir et sidd.
   *[other] { $actor } huet seng Identitéit nach eng Kéier bestätegt.
}
history-action-credential-added = { $who ->
    [you] Dir hutt e Passkey derbäigesat.
   *[other] { $actor } huet e Passkey derbäigesat.
}
history-action-credential-renamed = { $who ->
    [you] Dir hutt e Passkey ëmbenannt.
   *[other] { $actor } huet e Passkey ëmbenannt.
}
history-action-credential-removed = { $who ->
    [you] Dir hutt e Passkey ewechgeholl.
   *[other] { $actor } huet e Passkey ewechgeholl.
}
history-action-credential-recovery = Är Passkeye goufe mam Code vun engem Bréif ersat, fir Ären Zougang erëmzekréien: Déi al goufen ewechgeholl an all d’Sessiounen zougemaach.
history-action-session-ended = { $who ->
    [you] Dir hutt eng vun Äre Sessiounen ofgeschloss.
   *[other] { $actor } huet eng Sessioun ofgeschloss.
}
history-action-history-viewed = { $who ->
    [you] Dir hutt dësen Historique gekuckt.
   *[other] { $actor } huet dësen Historique gekuckt.
}
history-action-history-exported = { $who ->
    [you] Dir hutt dësen Historique erofgelueden.
   *[other] { $actor } huet dësen Historique erofgelueden.
}
history-stated-reason = Uginnene Grond: { $reason }
history-document = „{ $title }“ ({ $category })
history-document-titled = „{ $title }“
history-document-of-category = en Dokument ({ $category })
history-document-unknown = en Dokument
history-professional-unknown = e Gesondheetsprofessionnel
history-organisation-unknown = net uginn
history-holder-unknown = engem Professionnel oder enger Institutioun
history-action-document-filed = { $outcome ->
    [failure] { $who ->
        [you] Dir hutt probéiert, { $document } ofzeleeën.
       *[other] { $actor } huet probéiert, { $document } ofzeleeën.
    }
   *[success] { $who ->
        [you] Dir hutt { $document } an Ärem perséinleche Beräich ofgeluecht.
       *[other] { $actor } huet { $document } ofgeluecht.
    }
}
history-action-document-version-filed = { $outcome ->
    [failure] { $who ->
        [you] Dir hutt probéiert, eng nei Versioun ofzeleeën: { $document }.
       *[other] { $actor } huet probéiert, eng nei Versioun ofzeleeën: { $document }.
    }
   *[success] { $who ->
        [you] Dir hutt eng nei Versioun ofgeluecht: { $document }.
       *[other] { $actor } huet eng nei Versioun ofgeluecht: { $document }.
    }
}
history-action-document-read = { $outcome ->
    [failure] { $who ->
        [you] Dir hutt probéiert, { $document } opzemaachen.
       *[other] { $actor } huet probéiert, { $document } ze liesen.
    }
   *[success] { $who ->
        [you] Dir hutt { $document } opgemaach.
       *[other] { $actor } huet { $document } gelies.
    }
}
history-action-document-history-read = { $outcome ->
    [failure] { $who ->
        [you] Dir hutt probéiert, déi fréier Versiounen ze kucken: { $document }.
       *[other] { $actor } huet probéiert, déi fréier Versiounen ze kucken: { $document }.
    }
   *[success] { $who ->
        [you] Dir hutt déi fréier Versioune gekuckt: { $document }.
       *[other] { $actor } huet déi fréier Versioune gekuckt: { $document }.
    }
}
history-action-document-withdrawn = { $outcome ->
    [failure] { $who ->
        [you] Dir hutt probéiert, { $document } zréckzezéien.
       *[other] { $actor } huet probéiert, { $document } zréckzezéien.
    }
   *[success] { $who ->
        [you] Dir hutt { $document } zréckgezunn.
       *[other] { $actor } huet { $document } zréckgezunn: d’Professionneller gesinn et net méi.
    }
}
history-action-document-refused-by-patient = { $outcome ->
    [failure] { $actor } huet probéiert, Äre Refus vun enger Oflag festzehalen: { $document }.
   *[success] { $actor } huet Äre Refus festgehalen: { $document } gouf net ofgeluecht.
}
history-action-document-restricted = { $who ->
    [you] { $context ->
        [none] Dir hutt d’Aschränkunge fir { $document } opgehuewen: all Professionneller, déi d’Reegelen erlaben, gesinn et erëm.
        [author_only] Dir hutt { $document } virun alle Professionneller verstoppt, ausser sengem Auteur an Ärem Referenzdokter.
        [hidden_from] { $named ->
            [yes] Dir hutt { $document } virun { $professional } verstoppt.
           *[no] Dir hutt { $document } virun e puer Professionneller verstoppt.
        }
       *[other] Dir hutt geännert, wie { $document } gesi kann.
    }
   *[other] { $actor } huet geännert, wie { $document } gesi kann.
}
history-action-documents-listed = { $who ->
    [you] Dir hutt d’Lëscht vun Ären Dokumenter gekuckt.
   *[other] { $actor } huet d’Lëscht vun Ären Dokumenter gekuckt.
}
history-action-record-opened = { $outcome ->
    [failure] { $actor } huet probéiert, Ären Dossier opzemaachen.
   *[success] { $actor } huet Ären Dossier opgemaach.
}
history-action-patient-lookup = { $outcome ->
    [failure] { $actor } huet probéiert, Ären Dossier iwwer Är Matrikelnummer ze fannen.
   *[success] { $actor } huet Ären Dossier iwwer Är Matrikelnummer fonnt.
}
history-action-link-opened = { $outcome ->
    [failure] { $context ->
        [consultation] { $actor } huet probéiert, Ären Dossier mat engem Verbindungscode opzemaachen.
       *[other] { $actor } huet probéiert, Är Opnam anzedroen.
    }
   *[success] { $context ->
        [consultation] { $actor } huet Ären Dossier mat Ärem Verbindungscode opgemaach: e Konsultatiounszougrëff fir 15 Deeg.
        [institution_stay] { $actor } huet Ären Openthalt ageschriwwen (Institutioun: { $organisation }): d’Fleegeteam kann Ären Dossier 45 Deeg laang opmaachen.
        [emergency_department] { $actor } huet Iech an der Urgence ageschriwwen (Institutioun: { $organisation }): d’Team kann Ären Dossier 16 Deeg laang opmaachen.
       *[other] { $actor } huet en Zougrëff op Ären Dossier opgemaach.
    }
}
history-action-link-renewed = { $outcome ->
    [failure] { $actor } huet probéiert, Ären Openthalt ze verlängeren (Institutioun: { $organisation }).
   *[success] { $actor } huet Ären Openthalt ëm 30 Deeg verlängert (Institutioun: { $organisation }).
}
history-action-emergency-access-opened = { $outcome ->
    [failure] { $actor } huet probéiert, en Noutfallzougrëff op Ären Dossier opzemaachen.
   *[success] { $actor } huet fir 4 Stonnen en Noutfallzougrëff op Ären Dossier opgemaach.
}
history-action-access-traces-viewed = { $outcome ->
    [failure] { $actor } huet probéiert, den Historique vun Ärem Dossier ze liesen.
   *[success] { $actor }, Äre Referenzdokter, huet den Historique vun Ärem Dossier gelies.
}
history-action-connection-code-issued = { $who ->
    [you] Dir hutt e Verbindungscode fir e Gesondheetsprofessionnel gemaach.
   *[other] { $actor } huet e Verbindungscode gemaach.
}
history-action-link-granted = { $who ->
    [you] Dir hutt { $holder } Zougrëff op Ären Dossier ginn.
   *[other] { $actor } huet { $holder } Zougrëff op Ären Dossier ginn.
}
history-action-link-ended = { $who ->
    [you] Dir hutt den Zougrëff vun { $holder } op Ären Dossier ofgeschloss.
   *[other] { $actor } huet den Zougrëff vun { $holder } op Ären Dossier ofgeschloss.
}
history-action-referent-designated = { $who ->
    [you] Dir hutt { $professional } als Äre Referenzdokter gewielt.
   *[other] { $actor } huet { $professional } als Referenzdokter gewielt.
}
history-action-referent-removed = { $who ->
    [you] { $named ->
        [yes] Dir hutt { $professional } als Referenzdokter ewechgeholl.
       *[no] Dir hutt Äre Referenzdokter ewechgeholl.
    }
   *[other] { $actor } huet de Referenzdokter ewechgeholl.
}
history-action-professional-blocked = { $who ->
    [you] Dir hutt { $professional } gespaart: déi Persoun kënnt net méi un Ären Dossier.
   *[other] { $actor } huet { $professional } gespaart.
}
history-action-professional-unblocked = { $who ->
    [you] Dir hutt d’Spär fir { $professional } opgehuewen.
   *[other] { $actor } huet d’Spär fir { $professional } opgehuewen.
}
history-action-emergency-access-enabled = { $who ->
    [you] Dir hutt den Noutfallzougrëff op Ären Dossier ageschalt.
   *[other] { $actor } huet den Noutfallzougrëff ageschalt.
}
history-action-emergency-access-disabled = { $who ->
    [you] Dir hutt den Noutfallzougrëff op Ären Dossier ausgeschalt.
   *[other] { $actor } huet den Noutfallzougrëff ausgeschalt.
}
history-group-documents = Dokumenter
history-group-access = Zougrëffer vu Professionneller
history-group-rights = Wie Ären Dossier gesäit
history-group-record = Ären Dossier an dësen Historique
history-group-security = Umeldung a Passkeyen
history-what-document-filed = Ofgeluecht Dokumenter
history-what-document-version-filed = Nei Versioune vun Dokumenter
history-what-document-read = Geliese Dokumenter
history-what-document-history-read = Gekuckte Versioune vun engem Dokument
history-what-document-withdrawn = Zréckgezunnen Dokumenter
history-what-document-refused-by-patient = Oflagen, déi Dir refuséiert hutt
history-what-document-restricted = Ännerungen, wie en Dokument gesi kann
history-what-documents-listed = Lëscht vun Ären Dokumenter gekuckt
history-what-record-opened = Dossier vun engem Professionnel opgemaach
history-what-patient-lookup = Sich no Ärem Dossier
history-what-link-opened = Konsultatiounen an Opnamen
history-what-link-renewed = Verlängert Openthalter
history-what-emergency-access-opened = Noutfallzougrëffer
history-what-access-traces-viewed = Historique vun Ärem Referenzdokter gelies
history-what-connection-code-issued = Gemaachte Verbindungscoden
history-what-link-granted = Zougrëffer, déi Dir ginn hutt
history-what-link-ended = Ofgeschlossen Zougrëffer
history-what-referent-designated = Referenzdokter gewielt
history-what-referent-removed = Referenzdokter ewechgeholl
history-what-professional-blocked = Gespaart Professionneller
history-what-professional-unblocked = Opgehuewe Spären
history-what-emergency-access-enabled = Noutfallzougrëff ageschalt
history-what-emergency-access-disabled = Noutfallzougrëff ausgeschalt
history-what-patient-created = Dossier ugeluecht
history-what-letter-issued = Erstallte Bréiwer
history-what-recovery-letter-issued = Bréiwer, fir den Zougang erëmzekréien
history-what-activation-attempt = Aginn Aktivéierungscoden
history-what-activation = Dossier aktivéiert
history-what-history-viewed = Historique gekuckt
history-what-history-exported = Historique erofgelueden
history-what-sign-in = Umeldungen
history-what-sign-out = Ofmeldungen
history-what-reverification = Identitéit nach eng Kéier bestätegt
history-what-credential-added = Derbäigesate Passkeyen
history-what-credential-renamed = Ëmbenannte Passkeyen
history-what-credential-removed = Ewechgeholl Passkeyen
history-what-credential-recovery = Passkeyen, déi mat esou engem Bréif ersat goufen
history-what-session-ended = Ofgeschloss Sessiounen
history-rule-holder = Ären eegenen Zougrëff als Inhaber vum Dossier
history-rule-referent = Referenzdokter
history-rule-link-consultation = Konsultatiounszougrëff (Verbindungscode)
history-rule-link-institution-stay = Zougrëff fir en Openthalt an enger Fleegeinstitutioun
history-rule-link-emergency-department = Zougrëff fir e Passage an der Urgence
history-rule-link-patient-grant = Zougrëff, deen Dir ginn hutt
history-rule-emergency-access = Noutfallzougrëff
history-rule-emergency-access-opening = Noutfallzougrëff op Ären Dossier erlaabt
history-denied-not-the-holder = et ass net säin eegenen Dossier
history-denied-agency-has-no-health-access = d’Agence huet keen Zougrëff op Gesondheetsdaten
history-denied-professionals-only = just e Gesondheetsprofessionnel dierf dat
history-denied-record-closed = Ären Dossier ass zou
history-denied-no-letter-yet = Ären Informatiounsbréif ass nach net verschéckt ginn
history-denied-objection-window = déi 30 Deeg, fir Ärem Dossier ze widderspriechen, lafen nach
history-denied-professional-inactive = dëse Professionnel ass net méi aktiv
history-denied-blocked = Dir hutt dëse Professionnel gespaart
history-denied-category-not-readable = säi Beruff dierf dës Zort Dokument net liesen
history-denied-category-not-writable = säi Beruff dierf dës Zort Dokument net ofleeën
history-denied-access-traces-referent-only = just Äre Referenzdokter dierf dësen Historique liesen
history-denied-restricted = Dir hutt dëst Dokument virun dësem Professionnel verstoppt
history-denied-not-author = just den Auteur vum Dokument dierf dat
history-denied-holder-writes-only-personal-space = Dir kënnt Dokumenter just an Ärem perséinleche Beräich ofleeën
history-denied-no-care-relation = en huet keng Behandlungsbezéiung mat Iech (keen Zougrëff, net Äre Referenzdokter)
history-denied-link-not-started = säin Zougrëff hat nach net ugefaang
history-denied-link-expired = säin Zougrëff war ofgelaf
history-denied-link-ended = Dir hat säin Zougrëff ofgeschloss
history-denied-emergency-access-expired = säin Noutfallzougrëff war ofgelaf
history-denied-emergency-access-switched-off = Dir hutt den Noutfallzougrëff ausgeschalt
history-denied-emergency-access-read-only = en Noutfallzougrëff erlaabt just d’Liesen
history-denied-not-author-or-colleague = just den Auteur vum Dokument oder een aus senger Organisatioun dierf eng nei Versioun dovun derbäisetzen
history-denied-withdrawn = d’Dokument war vu sengem Auteur zréckgezu ginn
history-denied-emergency-access-limit-reached = de Gesondheetsprofessionnel hat schonn esou vill Noutfallzougrëffer opgemaach wéi erlaabt; d’Agence gouf alarméiert
history-denied-not-found = d’Dokument gouf net fonnt (zréckgezunn, oder net an Ärem Dossier)
history-context-consultation = eng Konsultatioun (Verbindungscode, 15 Deeg)
history-context-institution-stay = en Openthalt an enger Fleegeinstitutioun (45 Deeg, ka verlängert ginn)
history-context-emergency-department = e Passage an der Urgence (24 Stonnen, duerno 15 Deeg)
history-context-patient-grant = en Zougrëff, deen Dir an dësem Portal ginn hutt

## Wie mäin Dossier gesäit (Patient) an en Dossier mat engem Verbindungscode opmaachen (Professionnel)
care-title = Wie mäin Dossier gesäit
care-heading = Wie mäin Dossier gesäit
care-intro = Dir decidéiert, wéi eng Gesondheetsprofessionnellen Ären Dossier opmaache kënnen, a fir wéi laang. All Zougrëff gëtt an Ärem Historique festgehalen.
care-signed-out = Mellt Iech als Patient un, fir ze decidéieren, wien Ären Dossier gesäit.
care-link = Wie mäin Dossier gesäit: Verbindungscode, Referenzdokter, Zougrëffer a Spären
care-code-heading = Mengem Dokter e Verbindungscode ginn
care-code-explain = Bei enger Konsultatioun brauch Ären Dokter Är Matrikelnummer an e Verbindungscode, fir Ären Dossier opzemaachen. De Code gëllt eng Kéier, 10 Minutte laang. Duerno kann Ären Dokter Ären Dossier 15 Deeg laang liesen.
care-code-button = Mengem Dokter e Verbindungscode ginn
care-code-again = En neie Code maachen
care-code-shown-heading = Äre Verbindungscode
care-code-copy = De Code kopéieren
care-code-copied = De Code gouf kopéiert.
care-code-countdown = Nach { $time } gëlteg.
care-code-expires-at = Vun { $time } u funktionéiert en net méi.
care-code-tell = Sot dëse Code Ärem Dokter oder weist him dësen Ecran. Gitt en ni engem, deen Iech ongefrot urifft.
care-code-expired = Dëse Code ass ofgelaf. Maacht en neien, wann Ären Dokter prett ass.
care-referent-heading = Mäin Referenzdokter
care-referent-explain = Äre Referenzdokter (médecin référent) ass en Dokter, deen Dir selwer wielt. Hie kann Ären Dossier ëmmer liesen, ouni Verbindungscode, an hien ass deen eenzege Professionnel, deen och d’Spuere gesäit, wie Ären Dossier opgemaach huet. Just en Dokter ka Äre Referenzdokter sinn.
care-referent-remove = Als Referenzdokter ewechhuelen
care-referent-none = Dir hutt kee Referenzdokter. Sicht hei ënnendrënner no Ärem Dokter, fir hien ze wielen.
care-referent-blocked = Dir hutt dësen Dokter och gespaart: hie gesäit näischt vun Ärem Dossier, och net als Referenzdokter.
care-find-heading = E Professionnel fannen
care-find-intro = Sicht am Verzeechnes no Numm, fir Äre Referenzdokter ze wielen, engem Professionnel bis zu engem Datum Zougrëff ze ginn oder e Professionnel ze spären.
care-search-label = Numm vum Professionnel
care-search-hint = Mindestens 2 Buschtawen.
care-search-too-short = Gitt mindestens 2 Buschtawen an.
care-search-none = Kee Professionnel am Verzeechnes huet dësen Numm.
care-search-results = Fonnte Professionnellen
care-is-referent = Äre Referenzdokter
care-is-blocked = Gespaart
care-designate = Als Referenzdokter wielen
care-grant = Zougrëff bis zum Datum ginn
care-block = Spären
care-grant-until-label = Zougrëff bis (leschten Dag abegraff)
care-grant-until-hint = Wielt de leschten Dag, un deem de Professionnel Ären Dossier liese kann, an dréckt dann nieft sengem Numm op „Zougrëff bis zum Datum ginn“.
care-grant-until-past = Wielt haut oder e spéideren Dag.
care-block-warning = E gespaarte Professionnel gesäit näischt vun Ärem Dossier, och net an engem Noutfall. Dat kann Är Behandlung a Gefor bréngen: spärt just een, deen en ni dierf gesinn.
care-links-heading = Wie mäin Dossier elo gesäit
care-links-explain = All Professionnel hei ënnendrënner kann Ären Dossier fir Är Behandlung liesen, bis zum ugewisenen Datum. Dir kënnt all Zougrëff direkt ofschléissen.
care-links-none = Kee Professionnel huet Zougrëff op Ären Dossier duerch eng Konsultatioun, en Openthalt oder Är Erlaabnis.
care-link-unknown = E Professionnel, deen net méi am Verzeechnes steet
care-link-blocked = Dir hutt dëse Professionnel gespaart: dësen Zougrëff bréngt him näischt.
care-link-live = Aktiv
care-link-ended = Vun Iech ofgeschloss
care-link-expired = Ofgelaf
care-link-ended-at = vun Iech ofgeschloss den { $date }
care-link-state = Stand
care-link-from = Vum
care-link-until = Bis
care-end = Zougrëff elo ofschléissen
care-end-confirm = Den Zougrëff vun { $name } op Ären Dossier elo ofschléissen? Déi Persoun kann en dann net méi liesen.
care-end-yes = Jo, Zougrëff elo ofschléissen
care-end-no = Zougrëff behalen
care-context-consultation = Eng Konsultatioun: Dir hutt dësem Professionnel Äre Verbindungscode ginn (15 Deeg).
care-context-institution-stay = En Openthalt am Spidol oder am Fleegeheem (45 Deeg, ka verlängert ginn).
care-context-emergency-department = E Passage an der Urgence (24 Stonnen, duerno 15 Deeg).
care-context-patient-grant = Dir hutt dësen Zougrëff selwer an dësem Portal ginn.
care-blocked-heading = Gespaart Professionnellen
care-blocked-none = Dir hutt kee Professionnel gespaart.
care-unblock = Spär ophiewen
care-emergency-heading = Noutfallzougrëff
care-emergency-label = Noutfallzougrëff op mäin Dossier erlaben
care-emergency-explain = An engem Noutfall dierf e Professionnel, deen nach keen Zougrëff huet, Ären Dossier 4 Stonne laang liesen, nodeems en de Grond uginn huet. Dir gitt direkt informéiert, an d’Agence kontrolléiert all Noutfallzougrëff. E Professionnel, deen Dir gespaart hutt, kann dat ni.
care-done-designated = { $name } ass elo Äre Referenzdokter.
care-done-referent-removed = Dir hutt kee Referenzdokter méi.
care-done-granted = { $name } kann Ären Dossier bis den { $date } abegraff liesen.
care-done-ended = Den Zougrëff ass ofgeschloss: dëse Professionnel kann Ären Dossier net méi liesen.
care-done-blocked = { $name } ass gespaart a gesäit näischt vun Ärem Dossier.
care-done-unblocked = { $name } ass net méi gespaart.
care-done-emergency-on = Den Noutfallzougrëff ass erlaabt.
care-done-emergency-off = Den Noutfallzougrëff ass ausgeschalt.
consult-heading = Den Dossier vun engem Patient mat sengem Verbindungscode opmaachen
consult-intro = Frot de Patient no senger Matrikelnummer an engem Verbindungscode aus sengem Portal (e gëllt eng Kéier, 10 Minutte laang). Den Dossier ass Iech dann 15 Deeg laang op.
consult-national-id-label = Matrikelnummer vum Patient
consult-national-id-hint = 13 Zifferen. Espacen sinn erlaabt.
consult-code-label = Verbindungscode
consult-code-hint = Esou wéi en am Portal vum Patient steet.
consult-button = Den Dossier opmaachen
consult-opened = Den Dossier vum Patient ass fir Iech bis den { $date } op.
consult-open-record = Op den Dossier vun dësem Patient: Dokumenter an Oflag
documents-title = Meng Dokumenter
documents-heading = D’Dokumenter a mengem Dossier
documents-intro = All d’Dokumenter, déi an Ärem Dossier ofgeluecht goufen: Berichter, Resultater, Ordonnancen, Biller. Déi neist als éischt, oder no Kategorie sortéiert. Dir kënnt se hei liesen, eroflueden an entscheeden, wéi eng Professionneller all eenzelt gesi kënnen.
documents-signed-out = Mellt Iech als Patient un, fir d’Dokumenter an Ärem Dossier ze gesinn.
documents-link = Meng Dokumenter: liesen, eroflueden a festleeën, wie wat gesi kann
documents-restrict-warning = Wann Dir en Dokument verstoppt, kann e Professionnel, deen Iech behandelt, eppes Wichteges iwwersinn, zum Beispill eng Allergie oder eng Behandlung. Dat kann Är Versuergung a Gefor bréngen. Verstoppt en Dokument nëmme mat engem gudde Grond.
documents-none = Hei sinn nach keng Dokumenter.
documents-arrangement = Wéi d’Dokumenter gewise ginn
documents-timeline = Déi neist als éischt
documents-by-category = No Kategorie
documents-date = Datum
documents-category = Kategorie
documents-author = Ofgeluecht vum
documents-version = Aktuell Versioun
documents-version-filed = Versioun { $version }, ofgeluecht vum { $name } den { $date }
documents-format = Format
documents-size = Gréisst
documents-view = Weisen
documents-download = Eroflueden
documents-viewer-safe = Vun dëser Säit selwer gezeechent: d’Dokument kann an Ärem Browser näischt ausféieren.
documents-viewer-close = Dokument zoumaachen
documents-viewer-unreadable = Dëst Dokument kann hei net gewise ginn. Luet et erof, fir et mat engem anere Programm opzemaachen.
documents-pages = Säite vum Dokument
documents-page = Säit { $page } vun { $pages }
documents-page-previous = Virdrun Säit
documents-page-next = Nächst Säit
documents-clinical-title = Titel
documents-clinical-patient = Patient
documents-clinical-author = Auteur
documents-clinical-attachment = Den Inhalt vun dësem Dokument ass an engem anere Format bäigeluecht: luet et erof, fir en ze liesen.
documents-clinical-unreadable = Dësen Deel vum Dokument kann hei net gewise ginn: luet d’Dokument erof, fir en ze liesen.
documents-fhir-about = Betreff
documents-fhir-status = Status
documents-fhir-result = Resultat
documents-restriction-label = Wie dëst Dokument gesi kann
documents-restriction-none = All Professionneller, déi Zougang zu mengem Dossier hunn
documents-restriction-author-only = Nëmmen säin Auteur (a mäi médecin référent)
documents-restriction-hidden-from = Jiddereen ausser de Professionneller, déi ech auswielen
documents-restriction-save = Späicheren, wie et gesi kann
documents-restriction-saved = Gespäichert. Nëmmen d’Professionneller, déi Dir erlaabt hutt, gesinn dëst Dokument.
documents-hidden-none = Dir hutt nach keen ausgewielt. Sicht ënnen no Numm.
documents-hidden-unnamed = E Professionnel, deen Dir virdru gewielt hutt
documents-hide-from = Virun dësem Professionnel verstoppen
documents-unhide = Net méi verstoppen
documents-withdrawn = Vu sengem Auteur zréckgezunn
documents-withdrawn-reason = Vu sengem Auteur zréckgezunn: { $reason }
documents-withdrawn-explain = D’Professionneller gesinn dëst Dokument net méi. Dir kënnt et ëmmer nach liesen an eroflueden.
record-title = Dossier vum Patient
record-heading = Den Dossier vum Patient
record-intro = D’Dokumenter vun dësem Dossier, déi Dir gesi kënnt, an de Formulaire, fir en neit ofzeleeën. Alles wat Dir hei maacht, gëtt an der Historique vum Patient festgehalen.
record-signed-out = Mellt Iech als Gesondheetsprofessionnel un, fir en Dossier opzemaachen.
record-back = Zréck op mäi Portal
record-documents-heading = Dokumenter
record-not-found = Dir hutt keen Zougang zu dësem Dossier, oder en existéiert net.
upload-heading = En Dokument ofleeën
upload-explain = PDF, PNG oder JPEG bis 20 MB; CDA (XML) oder FHIR (JSON) bis 5 MB. Dir kënnt nëmmen an de Kategorien ofleeën, déi Äre Beruff fëllen däerf.
upload-file-label = Fichier
upload-file-hint = Wielt d’Dokument op Ärem Computer.
upload-file-required = Wielt e Fichier.
upload-category-label = Kategorie
upload-category-choose = Kategorie wielen
upload-category-required = Wielt eng Kategorie.
upload-title-label = Titel
upload-title-too-long = Den Titel däerf héchstens 200 Zeechen hunn.
upload-date-label = Klineschen Datum (vun der Ënnersichung, dem Openthalt oder der Ordonnance)
upload-button = Dokument ofleeën
upload-progress-label = Gëtt geschéckt
upload-done = „{ $title }“ gouf am Dossier ofgeluecht.

## The professional finds a patient, registers an admission, breaks the glass
find-heading = E Patient fannen
find-intro = Gitt d’Matrikelnummer vun engem Patient an, deem säin Dossier Dir elo erreecht (duerch eng Konsultatioun, eng Opnam, eng Fräigab vum Patient oder als Referenzdokter).
find-button = De Patient fannen
find-born = Gebuer den { $date }
find-none = Kee Patient, deen Dir de Moment erreecht, huet dës Matrikelnummer.
find-none-hint = Fir den Dossier vun engem Patient ze erreechen, frot hien bei der Visite no engem Verbindungscode, oder registréiert eng Opnam, wann Dir an engem Spidol oder Fleegeheem schafft.
admission-heading = Eng Opnam registréieren
admission-intro = Fir d’Personal vun engem Spidol oder Fleegeheem: en Openthalt mécht den Dossier 45 Deeg op (ëm 30 Deeg verlängerbar), e Passage an der Urgence 24 Stonnen an duerno 15 Deeg.
admission-context-label = Aart vun der Opnam
admission-context-choose = Wielt d’Aart vun der Opnam
admission-context-required = Wielt w.e.g. d’Aart vun der Opnam.
admission-stay = Openthalt an der Institutioun (45 Deeg, verlängerbar)
admission-emergency-department = Urgence (24 Stonnen, duerno 15 Deeg)
admission-button = D’Opnam registréieren
admission-opened = D’Opnam ass registréiert. Den Dossier ass fir Är Institutioun bis den { $date } op.
admission-renewed = Den Openthalt ass verlängert. Den Dossier ass fir Är Institutioun bis den { $date } op.
admission-renew = Den Openthalt ëm 30 Deeg verlängeren
admission-not-institution = Just d’Personal vun engem Spidol oder Fleegeheem kann eng Opnam registréieren.
admission-refused = D’Opnam konnt fir dës Matrikelnummer net registréiert ginn.
emergency-heading = Noutfallzougrëff („d’Glas briechen“)
emergency-explain-hours = Dir dierft dësen Dossier 4 Stonne laang liesen.
emergency-explain-patient = De Patient gëtt direkt informéiert, mam Grond, deen Dir uginn.
emergency-explain-agency = D’Agence kontrolléiert all Noutfallzougrëff.
emergency-explain-block = Et ass ni méiglech, wann de Patient Iech gespaart oder den Noutfallzougrëff ausgeschalt huet.
emergency-reason-label = Firwat braucht Dir dësen Dossier elo?
emergency-reason-hint = Tëscht 10 an 500 Zeechen; de Patient an d’Agence liesen en. Bis elo aginn: { $count }.
emergency-reason-too-short = Gitt w.e.g. e Grond mat mindestens 10 Zeechen un.
emergency-reason-too-long = De Grond dierf héchstens 500 Zeechen hunn.
emergency-key-hint = Dir gitt gefrot, mat Ärem Sécherheetsschlëssel ze bestätegen.
emergency-button = Den Dossier am Noutfall opmaachen
emergency-opened = Den Noutfallzougrëff ass bis den { $date } op. De Patient ass informéiert ginn.
emergency-refused = En Noutfallzougrëff op dësen Dossier ass net méiglech.

## The patient's notifications
notifications-heading = Notifikatiounen
notifications-none = Dir hutt keng Notifikatiounen.
notifications-unread = Net gelies: { $count }
notifications-new = Nei
notifications-read = Alles als gelies markéieren
notification-someone = E Professionnel
notification-emergency = { $name } huet Ären Dossier an engem Noutfall opgemaach: „{ $reason }“
notification-emergency-no-reason = { $name } huet Ären Dossier an engem Noutfall opgemaach.
notification-first-access = { $name } huet Ären Dossier opgemaach, ier Dir en aktivéiert hutt.
notification-recovery-letter-issued = D’Agence huet fir Ären Dossier e Bréif erstallt, fir Ären Zougang erëmzekréien: De Code dovun ersetzt Är Passkeyen. Wann Dir en net ugefrot hutt, rufft direkt den Helpdesk vun der Agence un.
notification-credential-recovery = Är Passkeye goufe mam Code vun engem Bréif ersat, fir Ären Zougang erëmzekréien: Déi al funktionéieren net méi, an all d’Sessioune goufen zougemaach. Wann Dir dat net wart, rufft direkt den Helpdesk vun der Agence un.
notification-other = An Ärem Dossier ass eppes geschitt.

## Wierder, déi stëmmen (Issue 13 §2)
agency-review = all Noutfallzougrëff iwwerpréiwen, an d’Alarmer iwwer Professionneller, déi d’Limitt erreecht hunn;
date-format-hint = Dag.Mount.Joer, zum Beispill 25.11.2026.
## Personal space (wishes, notes, own documents)
personal-link = Mäi perséinleche Beräich: Organspend, Patienteverfügung, Notizen
personal-title = Perséinleche Beräich
personal-heading = Mäi perséinleche Beräich
personal-intro = Är eege Wierder an Ärem Dossier: Äre Wëllen zur Organspend, Är Patienteverfügung, Notizen an Dokumenter, déi Dir derbäisetzt. D’Gesondheetsprofessionneller, déi Iech behandelen, liesen se; nëmmen Dir schreift oder zitt se zréck.
personal-signed-out = Mellt Iech un, fir an Ärem perséinleche Beräich ze schreiwen.
personal-note-heading = Eng Notiz schreiwen
personal-note-label = Är Notiz
personal-note-save = Notiz ofleeën
personal-note-required = Schreift Är Notiz (héchstens 20 000 Zeechen).
personal-title-required = Gitt en Titel un.
personal-date-label = Datum
personal-file-heading = En eegent Dokument derbäisetzen
personal-entries-heading = Meng Notizen an Dokumenter
personal-entries-none = Dir hutt nach keng Notiz geschriwwen a keen Dokument derbäigesat.
personal-entry-edit = Änneren
personal-entry-save = Als nei Versioun späicheren
personal-entry-saved = Als nei Versioun gespäichert; déi vireg bleift an Ärem Dossier.
personal-entry-replace-label = Duerch en neie Fichier ersetzen
personal-entry-withdraw = Zréckzéien
personal-entry-withdrawn = Dir hutt dësen Androg zréckgezunn: d’Professionneller gesinn en net méi.
personal-entry-withdrawn-done = Zréckgezunn: d’Professionneller gesinn en net méi.
personal-reason-label = Firwat Dir en zréckzitt
personal-reason-required = Gitt de Grond an 3 bis 500 Zeechen un.
wish-kind-organ-donation = Organspend
wish-kind-advance-directive = Patienteverfügung
wish-organ-donation-explain = Sot, ob Är Organer a Gewebe no Ärem Doud dierfe gespent ginn. Dir kënnt dat ëmmer änneren oder zréckzéien.
wish-advance-directive-explain = Sot, wéi eng Behandlungen Dir wëllt oder refuséiert, wann Dir et enges Daags net méi selwer soe kënnt. Dir kënnt dat ëmmer änneren oder zréckzéien.
wish-current-heading = Elo gëlteg
wish-choice-legend = Äre Choix
wish-choice-required = Wielt eng vun den Äntwerten.
wish-choice-donate-all = Ech sinn averstanen, all meng Organer a Gewebe ze spenden
wish-choice-donate-except = Ech sinn averstanen ze spenden, ausser déi Organer a Gewebe, déi hei ënnendrënner stinn
wish-choice-donate-only = Ech sinn averstanen, nëmmen déi Organer a Gewebe ze spenden, déi hei ënnendrënner stinn
wish-choice-do-not-donate = Ech wëll keng Organer a kee Gewebe spenden
wish-choice-trusted-person-decides-donation = Meng Vertrauenspersoun decidéiert fir mech
wish-choice-trusted-person-decides-treatment = Meng Vertrauenspersoun decidéiert fir mech
wish-choice-all-treatment = Ech wëll all Behandlung, déi mech um Liewe kann halen
wish-choice-limit-treatment = Ech wëll Behandlung an de Grenzen, déi hei ënnendrënner stinn
wish-choice-comfort-care-only = Ech wëll nëmme lindernd Fleeg a Schmerzbehandlung
wish-limits-label = Grenzen
wish-limits-hint-donation = Wéi eng Organer oder Gewebe (bei „ausser“ an „nëmmen“).
wish-limits-hint-treatment = Zum Beispill: keng Widderbeliewung, keng kënschtlech Beootmung, keng Sondenernierung.
wish-trusted-legend = Vertrauenspersoun (fräiwëlleg, néideg, wa si decidéiert)
wish-trusted-label = Vertrauenspersoun
wish-trusted-name = Numm
wish-trusted-relation = Relatioun zu Iech
wish-trusted-phone = Telefonsnummer
wish-date-label = Datum vun dëser Erklärung
wish-save = Späicheren
wish-saved = Gespäichert: dës Versioun gëllt elo.
wish-withdraw = Zréckzéien
wish-withdrawn = Zréckgezunn: keng Erklärung gëlteg.
wish-withdrawn-done = Zréckgezunn: d’Professionneller gesinn se net méi.
wish-versions-heading = Fréier Versiounen
wish-version-line = Versioun { $version }, erfaasst den { $date }
wish-signed-on = Erkläert den { $date }
wishes-banner-heading = Erkläerte Wëlle vum Patient
wishes-banner-none = De Patient huet weder e Wëllen zur Organspend nach eng Patienteverfügung erkläert.
error-wish-limits-required = Gitt d’Grenze vun dësem Choix un (héchstens 2 000 Zeechen).
error-wish-trusted-person-incomplete = Gitt den Numm vun der Vertrauenspersoun an eng Telefonsnummer un, fir se z’areechen.
error-wish-date-in-future = D’Datum vun der Erklärung däerf net nom haitegen Dag sinn.
history-action-wish-recorded = { $outcome ->
    [failure] { $who ->
        [you] Dir hutt probéiert, en erkläerte Wëllen ze erfaassen.
       *[other] { $actor } huet probéiert, en erkläerte Wëllen ze erfaassen.
    }
   *[success] Dir hutt eng nei Versioun vun engem erkläerte Wëllen erfaasst (Organspend oder Patienteverfügung).
}
history-action-wish-withdrawn = { $outcome ->
    [failure] Dir hutt probéiert, en erkläerte Wëllen zréckzezéien, deen net gëlteg war.
   *[success] Dir hutt en erkläerte Wëllen zréckgezunn: d’Professionneller gesinn en net méi.
}
history-action-wishes-read = { $outcome ->
    [failure] { $who ->
        [you] Dir hutt probéiert, Ären erkläerte Wëllen ze consultéieren.
       *[other] { $actor } huet probéiert, Ären erkläerte Wëllen ze consultéieren.
    }
   *[success] { $who ->
        [you] Dir hutt Ären erkläerte Wëllen consultéiert.
       *[other] { $actor } huet Ären erkläerte Wëllen consultéiert.
    }
}
history-what-wish-recorded = Erkläerte Wëllen erfaasst
history-what-wish-withdrawn = Erkläerte Wëllen zréckgezunn
history-what-wishes-read = Erkläerte Wëllen consultéiert
## Professional acts on a record: new versions, withdrawals, the patient's refusal at the point of care
acts-new-version = Eng nei Versioun ofleeën
acts-withdraw = Zréckzéien
acts-cancel = Ofbriechen
acts-version-explain = Déi nei Versioun gëtt déi, déi jiddereen liest; déi fréier Versioune bleiwen am Dossier a kënnen nach ëmmer gelies ginn. D’Dokument behält seng Kategorie a säin Auteur; Dir gitt als déi Persoun festgehalen, déi dës Versioun ofgeluecht huet.
acts-version-button = Dës Versioun ofleeën
acts-version-done = D’Versioun { $version } vun „{ $title }“ gouf ofgeluecht.
acts-withdraw-explain = En zréckgezunnent Dokument verschwënnt fir all d’Gesondheetsberuffer aus dem Dossier. De Patient gesäit et nach ëmmer, als zréckgezu markéiert, mat Ärer Begrënnung. Dat kann een net réckgängeg maachen.
acts-withdraw-reason-label = Firwat zitt Dir et zréck?
acts-withdraw-reason-hint = 3 bis 500 Zeechen (bis elo { $count }). De Patient liest se.
acts-withdraw-button = Weider
acts-withdraw-confirm-text = „{ $title }“ definitiv zréckzéien? D’Gesondheetsberuffer gesinn et dann net méi.
acts-withdraw-confirm = Jo, zréckzéien
acts-withdraw-done = „{ $title }“ gouf zréckgezunn: D’Gesondheetsberuffer gesinn et net méi; de Patient gesäit et mat Ärer Begrënnung markéiert.
acts-reason-too-short = Gitt eng Begrënnung vu mindestens 3 Zeechen un.
acts-reason-too-long = D’Begrënnung däerf héchstens 500 Zeechen hunn.
acts-not-allowed = D’Regele erlaben Iech dat bei dësem Dokument net méi: Et gouf vläicht zréckgezunn oder vum Patient ageschränkt, oder Ären Zougang zum Dossier ass eriwwer. Lued den Dossier nei.
refusal-heading = De Patient refuséiert eng Oflag
refusal-explain-when = Wann e Patient Iech bei der Behandlung seet, datt hien en Dokument (e Resultat, e Rapport …) net a sengem Dossier wëll, hält hei seng Refus fest, amplaz et ofzeleeën.
refusal-explain-nothing-filed = Et gëtt näischt ofgeluecht: keen Dokument a keen Inhalt. Festgehale gëtt just, datt de Patient refuséiert huet, mat der Kategorie a wat et war.
refusal-explain-patient = De Patient gesäit d’Refus an der Historique vu sengem Dossier; aner Gesondheetsberuffer gesinn net, wat et war.
refusal-category-label = Kategorie, déi d’Dokument gehat hätt
refusal-title-label = Wat et war
refusal-title-hint = Zum Beispill „Bluttprouf vum 3. Dezember“. De Patient liest et a senger Historique.
refusal-button = D’Refus festhalen
refusal-done = D’Refus vum Patient gouf festgehalen: „{ $title }“ gouf net ofgeluecht.
refusal-not-allowed = Dir däerft an dësem Dossier keng Dokumenter vun dëser Kategorie ofleeën: Et gëtt also keng Oflag, déi ze refuséieren ass.

## The professional's worklist
worklist-title = Meng Patienten
worklist-heading = Meng Patienten
worklist-link = Meng Patienten: d’Dossieren, déi Dir iwwer e Lien erreecht, an d’Lienen, déi an e puer Deeg oflafen
worklist-intro = D’Patienten, deenen hiren Dossier Dir elo iwwer e Lien vun Iech oder vun Ärer Institutioun opmaache kënnt, déi, déi am éischten oflafen, als éischt. E Lien, deen an de nächsten { $days } Deeg ofleeft, ass markéiert; e Openthalt an Ärer Institutioun kann hei verlängert ginn.
worklist-list-heading = Lafend Lienen
worklist-empty = Dir hutt de Moment kee lafende Lien op en Dossier.
worklist-birth-date = Gebuer de
worklist-context = Lien
worklist-until = Bis
worklist-expiring = Leeft an e puer Deeg of
worklist-context-consultation = Konsultatioun (Verbindungscode vum Patient)
worklist-context-patient-grant = Zougang, deen de Patient Iech a sengem Portal ginn huet
worklist-context-institution-stay = Openthalt am { $organisation }
worklist-context-emergency-department = Noutopnam vum { $organisation }
worklist-renew = Den Openthalt ëm 30 Deeg verlängeren
worklist-renewed = Den Openthalt vum { $name } ass verlängert: Den Dossier ass fir Är Institutioun bis { $date } op.
worklist-renew-refused = Dëse Lien kann net verlängert ginn: Just e lafenden Openthalt an Ärer eegener Institutioun kann et, an nëmmen esou laang wéi de Patient Iech net gespaart huet.

## The médecin référent's access traces on the record page
record-tabs = Usiichte vum Dossier
traces-heading = Zougrëffsspueren
traces-intro = Als Médecin référent vum Patient kënnt Dir d’Historique vun dësem Dossier liesen: wien en opgemaach huet, wien wat gelies oder ofgeluecht huet an no wéi enger Regel, dat Neist als éischt. All Kéier wann Dir se liest, gëtt dat an der Historique vum Patient festgehalen.
traces-wording = D’Androungen sinn esou formuléiert, wéi de Patient se liest: „Dir“ ass de Patient, an „Ären Dossier“ ass dësen Dossier.
traces-end = Hei fänkt d’Historique vun dësem Dossier un.
traces-referent-only = Nëmmen de Médecin référent vum Patient liest d’Zougrëffsspuere vun dësem Dossier.
traces-filter-actor-patient = De Patient
## Agency review of emergency accesses
history-action-emergency-access-reviewed = { $outcome ->
    [failure] { $actor } huet probéiert, eng Iwwerpréiwung vun engem Noutfallzougrëff op Ären Dossier anzedroen.
   *[success] { $actor } huet den Noutfallzougrëff vun { $professional } op Ären Dossier iwwerpréift an { $context ->
        [justified] als berechtegt ugesinn.
        [questioned] a Fro gestallt: De Gesondheetsberuff muss en erklären.
       *[escalated] fir eng weider Enquête weidergeleet.
    }
}
history-what-emergency-access-reviewed = Iwwerpréiwunge vun Noutfallzougrëffer
notification-emergency-reviewed = D’Agence huet den Noutfallzougrëff vun { $name } op Ären Dossier iwwerpréift: { $disposition ->
    [justified] berechtegt.
    [questioned] a Fro gestallt; de Gesondheetsberuff muss en erklären.
    [escalated] fir eng weider Enquête weidergeleet.
   *[other] iwwerpréift.
}
notification-emergency-reviewed-note = Notiz vun der Agence: „{ $note }“
agency-emergency-until = Konnt liesen bis { $date }
agency-emergency-not-notified = De Patient huet an der App keng Matdeelung iwwer dësen Accès kritt.
agency-emergency-notified-unread = De Patient gouf den { $date } an der App informéiert; nach net gelies.
agency-emergency-notified-read = De Patient gouf den { $date } an der App informéiert an huet et den { $read } gelies.
agency-emergency-not-reviewed = Nach net iwwerpréift.
agency-emergency-disposition-justified = Berechtegt
agency-emergency-disposition-questioned = A Fro gestallt
agency-emergency-disposition-escalated = Weidergeleet
agency-emergency-disposed = { $disposition }, agedroe vun { $agent } den { $date }
agency-emergency-disposed-unknown-agent = { $disposition }, agedroen den { $date }
agency-emergency-note = Notiz: „{ $note }“
agency-emergency-disposition-legend = Är Iwwerpréiwung
agency-emergency-choose = Wielt berechtegt, a Fro gestallt oder weidergeleet.
agency-emergency-note-label = Notiz (de Patient liest se)
agency-emergency-note-hint = Fräiwëlleg, héchstens 1000 Zeechen. Bis elo: { $count }.
agency-emergency-note-too-long = D’Notiz däerf héchstens 1000 Zeechen hunn.
agency-emergency-record = Iwwerpréiwung androen
agency-emergency-change = Iwwerpréiwung änneren
agency-emergency-recorded = Iwwerpréiwung agedroen. De Patient gouf a sengem Historique an a senge Notifikatioune informéiert.

## Contact data
error-invalid-phone = D’Telefonsnummer ass net gëlteg: Gitt se mat der Landesvirwiel un, z. B. +352 621 123 456.
error-invalid-email = D’E-Mail-Adress ass net gëlteg, z. B. numm@beispill.lu.
field-phone = Telefon
field-phone-hint = Fräiwëlleg, mat der Landesvirwiel: +352 621 123 456.
field-email = E-Mail
field-email-hint = Fräiwëlleg: numm@beispill.lu.
contact-heading = Kontaktdaten
contact-intro = Wéi d’Agence Iech wéinst Ärem Dossier erreeche kann. Allebéid si fräiwëlleg; maacht e Feld eidel, fir d’Donnée ewechzehuelen.
contact-save = Kontaktdaten späicheren
contact-saved = Kontaktdate gespäichert.
agency-contact-edit = Telefon oder E-Mail änneren
agency-contact-none = keng
history-action-contact-data-changed = { $outcome ->
    [failure] { $who ->
        [you] Dir hutt probéiert, Är Telefonsnummer oder E-Mail-Adress z’änneren; dat gouf refuséiert.
       *[other] { $actor } huet probéiert, Är Telefonsnummer oder E-Mail-Adress z’änneren; dat gouf refuséiert.
    }
   *[success] { $who ->
        [you] Dir hutt Är Telefonsnummer oder E-Mail-Adress geännert.
       *[other] { $actor } huet Är Telefonsnummer oder E-Mail-Adress geännert.
    }
}
history-what-contact-data-changed = Geännert Kontaktdaten
## Whose record, emergency access from the lookup (issue 13 §0)
record-patient-label = Wiem säin Dossier dat ass
record-patient-national-id = Matrikelnummer
record-patient-birth-date = Gebuer den
find-emergency-offer = Wann et en Noutfall ass an de Patient Iech kee Verbindungscode ka ginn, kënnt Dir säin Dossier am Noutfall opmaachen: Dir gitt un firwat, confirméiert mat Ärem Sécherheetsschlëssel, an de Patient an d’Agence ginn informéiert.
find-emergency-button = Noutfallzougrëff fir dës Matrikelnummer
error-record-in-objection-window = Dësen Dossier ass nach net fir d’Professionneller op: Déi 30 Deeg Oppositiounsfrist nom Bréif un de Patient lafen nach. Virdrun kann keen en opmaachen, och net an engem Noutfall.
error-emergency-access-switched-off = De Patient huet den Noutfallzougrëff ausgeschalt: Säin Dossier kann net am Noutfall opgemaach ginn. Frot de Patient oder seng Familljememberen no engem Verbindungscode.
## A way in for records nobody activated: the practice code
practice-consult-heading = En Dossier mam Praxiscode aus dem Bréif vum Patient opmaachen
practice-consult-intro = Fir e Patient, deen säin Dossier net aktivéiert huet (oder säin Handy net dobäi huet): Frot no senger Matrikelnummer an dem Praxiscode, deen op sengem DSP-Bréif steet. De Code gëllt eng Kéier; den Dossier ass Iech dann 15 Deeg laang op, an de Patient gëtt informéiert.
practice-consult-code-label = Praxiscode
practice-consult-code-hint = Zwielef Buschtawen an Zifferen, esou wéi se um Bréif vum Patient stinn (Espacen a Bindestrécher spillen keng Roll).
error-practice-code-failed = Matrikelnummer a Praxiscode maachen Iech keen Dossier op (de Code ass falsch, scho benotzt, ofgelaf oder ausgeschalt). Kuckt de Code mam Patient no; no 5 falsche Coden ass e gespaart.
error-practice-code-locked = Ze vill falsch Praxiscoden: De Code ass gespaart, bis de Patient en neie kritt (am Portal oder beim Helpdesk vun der Agence), oder Dir hutt haut ze vill falsch Coden aginn.
practice-heading = Äre Praxiscode fir eng Konsultatioun
practice-explain = Op Ärem Bréif steet e Praxiscode. Liest en bei enger Konsultatioun mat Ärer Matrikelnummer vir, an de Professionell mécht eng Konsultatiounsverbindung vu 15 Deeg op Ären Dossier op. E gëllt eng Kéier; Dir gitt iwwer all Benotzung informéiert. Maacht hei en neie fir Är nächst Konsultatioun; en neie Code mécht dee vireg an deen aus Ärem Bréif ongëlteg.
practice-state-none = Dir hutt kee Praxiscode: keen mécht Ären Dossier op.
practice-state-ready = Äre Praxiscode gëllt bis den { $date }.
practice-state-used = Äre Praxiscode gouf den { $date } benotzt: maacht en neie fir Är nächst Konsultatioun.
practice-state-locked = Äre Praxiscode ass no ze vill falsche Versich gespaart: maacht en neien.
practice-new-button = En neie Praxiscode maachen
practice-off-button = De Praxiscode ausschalten
practice-shown-heading = Ären neie Praxiscode
practice-shown-tell = Schreift en op oder loosst dës Säit op: e gëtt just elo gewisen. Liest en just engem Professionellen vir, deen Iech behandelt.
practice-done-off = De Praxiscode ass ausgeschalt: kee Code mécht Ären Dossier op, bis Dir en neie maacht.
notification-practice-code-used = { $name } huet mat Ärem Praxiscode eng Konsultatiounsverbindung op Ären Dossier opgemaach. De Code ass elo benotzt.
history-action-practice-code-issued = { $who ->
    [you] Dir hutt en neie Praxiscode fir eng Konsultatioun gemaach.
   *[other] { $actor } huet en neie Praxiscode gemaach.
}
history-action-practice-code-revoked = { $who ->
    [you] Dir hutt Äre Praxiscode ausgeschalt.
   *[other] { $actor } huet de Praxiscode ausgeschalt.
}
history-what-practice-code-issued = Gemaachte Praxiscoden
history-what-practice-code-revoked = Praxiscode ausgeschalt
history-rule-practice-consultation-opening = de Praxiscode, deen Dir bei der Konsultatioun virgelies hutt
agency-letter-practice = Am Bréif steet och en neie Praxiscode, deen de Patient bei enger Konsultatioun virliest, fir datt e Professionell säin Dossier opmécht: dee mécht de viregte Praxiscode (aus engem Bréif oder dem Portal) ongëlteg an hieft seng Spär op.

## life
life-nav = Mäin Dossier
life-title = Mäin Dossier: zoumaachen
life-state-now = Status vun Ärem Dossier: { $state }.
life-means-heading = Wat et heescht, Ären Dossier zouzemaachen
life-means-professionals = Vum Moment un, wou Dir en zoumaacht, liest a schreift kee Gesondheetsprofessionnel méi dran, och net an engem Noutfall.
life-means-links = All Zougäng, déi Dir Professionnelle ginn hutt, hale op a kommen net erëm, wann den Dossier nees opgemaach gëtt.
life-means-you = Dir kënnt Iech weider umellen, Är Dokumenter an den Historique vun Ärem Dossier liesen an eroflueden.
life-means-reopen = Bannent 10 Joer kënnt Dir en duerch d’Agence nees opmaache loossen, esou wéi e war.
life-means-deleted = No 10 Joer ginn den Dossier an seng Dokumenter definitiv geläscht.
life-understood = Ech hu gelies, wat et heescht, mäin Dossier zouzemaachen.
life-verify-hint = Dir confirméiert mat Ärem Passkey, ier den Dossier zougemaach gëtt.
life-close-button = Mäin Dossier zoumaachen
life-closed-done = Ären Dossier ass zou.
life-closed-since = Ären Dossier ass zënter dem { $date } zou ({ $reason }).
life-closed-you-still-read = Kee Gesondheetsprofessionnel liest oder schreift dran. Dir liest weider Är Dokumenter an Ären Historique a kënnt se eroflueden.
life-reopen-until = D’Agence kann en bis den { $date } nees opmaachen; duerno gëtt e geläscht.
life-reason-patient = vum Patient online zougemaach
life-reason-postal = op eng Demande per Bréif zougemaach
life-reason-death = Doud agedroen
life-reason-idle = 10 Joer ouni Zougrëff
life-agency-summary = Liewen vum Dossier: zoumaachen, Doud, nees opmaachen
life-agency-reason = Grond vum Zoumaachen
life-agency-closed-at = Zougemaach den
life-agency-reopenable-until = Ka nees opgemaach ginn bis den
life-agency-reference = Referenz vum Formulaire fir zouzemaachen
life-agency-reference-hint = Esou wéi se um Formulaire steet, deen de Patient ënnerschriwwen huet.
life-agency-death-date = Datum vum Doud
life-agency-death-source = Quell
life-agency-death-source-hint = Zum Beispill: Doudesschäin, Etat-civil-Register.
life-agency-reopened-at = Fir d’lescht nees opgemaach den
life-agency-close = Op dës Demande per Bréif zoumaachen
life-agency-close-question = Dësen Dossier elo zoumaachen? Kee Professionnel liest en méi, an all Verbindungen hale op.
life-agency-death = Den Doud androen
life-agency-death-question = Dësen Doud androen? Den Dossier gëtt elo zougemaach, an d’Frist vun 10 Joer fänkt un.
life-agency-reopen = Den Dossier nees opmaachen
life-agency-reopen-question = Dësen Dossier nees opmaachen? E gëtt esou, wéi e war; d’Verbindunge kommen net erëm.
life-agency-confirm = Confirméieren
life-agency-cancel = Ofbriechen
life-agency-closed = Den Dossier ass zou.
life-agency-death-recorded = Den Doud ass agedroen an den Dossier ass zou.
life-agency-reopened = Den Dossier ass nees op.
error-record-already-closed = Dësen Dossier ass schonn zou.
error-record-not-reopenable = Dësen Dossier kann net nees opgemaach ginn: en ass net zou, oder e gouf viru méi wéi 10 Joer zougemaach.
history-action-record-closed = { $who ->
    [you] Dir hutt Ären Dossier zougemaach.
   *[other] { $actor } huet Ären Dossier zougemaach.
}
history-action-record-reopened = { $actor } huet Ären Dossier nees opgemaach.
history-what-record-closed = Dossier zougemaach
history-what-record-reopened = Dossier nees opgemaach
history-action-record-exported = { $who ->
    [you] Dir hutt Äre ganzen Dossier erofgelueden.
   *[other] { $actor } huet Äre ganzen Dossier erofgelueden.
}
history-what-record-exported = Dossier erofgelueden
life-download = Alles eroflueden (ZIP: Är Dokumenter, hir Detailer an Ären Historique am FHIR-Format)
## purge
objection-heading = Géint Ären Dossier Asproch maachen
objection-deadline = Dir kënnt bis den { $date } Asproch maachen. No deem Datum ass Ären Dossier fir d’Professionneller op, déi Iech behandelen; Dir kënnt en ëmmer nach zoumaachen.
objection-no-letter = Dir kënnt Asproch maachen, soulaang Ären Dossier net fir d’Professionneller op ass.
objection-what = Wann Dir Asproch maacht, ginn Ären Dossier an alles, wat dran ass (Dokumenter, Notizen, Wënsch, Verbindungen, Passkeys), fir ëmmer geläscht. Dat kann net réckgängeg gemaach ginn. D’Historique vun den Zougrëffer bleift ouni Ären Numm, esou wéi d’Gesetz et verlaangt.
objection-start = Asproch maachen a mäin Dossier läschen…
objection-question = Ären Dossier an alles, wat dran ass, fir ëmmer läschen?
objection-confirm = Jo, mäin Dossier fir ëmmer läschen
objection-done = Ären Dossier gouf fir ëmmer geläscht. Dir sidd ofgemellt.
objection-closed = D’Oppositiounsfrist vun 30 Deeg ass eriwwer. Dir kënnt Ären Dossier awer zoumaachen: Da kann e kee Professionnel méi opmaachen.
agency-objection-summary = En Asproch erfaassen, deen per Post koum
agency-objection-explain = Bannent der Oppositiounsfrist vun 30 Deeg läscht en erfaasste Asproch dësen Dossier an alles, wat dran ass, fir ëmmer.
agency-objection-reference = Referenz vum Bréif
agency-objection-received = Datum, wou de Bréif ukomm ass
agency-objection-submit = Asproch erfaassen an Dossier läschen
agency-objection-missing = Gitt d’Referenz vum Bréif an den Datum un, wou en ukomm ass.
agency-objection-done = Den Asproch ass erfaasst an den Dossier gouf fir ëmmer geläscht.
error-objection-window-closed = D’Oppositiounsfrist vun 30 Deeg ass eriwwer: Den Dossier gouf net geläscht. E kann awer zougemaach ginn.
## opening
error-field-required = Fëllt w.e.g. dëst Feld aus.
error-contact-required = Gitt eng Postadress oder eng Telefonsnummer un (mindestens eng vun deenen zwou), fir datt d’Agence Iech erreecht.
error-conditions-not-accepted = Liest w.e.g. d’Konditiounen a kräizt d’Këschtchen un, fir se unzehuelen.
error-opening-request-decided = Dës Ufro gouf schonn ugeholl oder ofgeleent: Doriwwer kann net nach eng Kéier entscheet ginn.
error-identity-check-incomplete = Notéiert déi zwee virgeluechten Dokumenter: d’Identitéitskaart (oder de Pass) an d’Sozialversécherungskaart.
home-open-text = Nach keen Dossier?
home-open-link = Frot Ären Dossier de Soins Partagé un
open-title = Dossier ufroen
open-heading = Frot Ären Dossier de Soins Partagé un
open-intro = Mat dësem Formulaire frot Dir bei der Agence eSanté no, Ären Dossier de Soins Partagé (DSP) opzemaachen. Et ass gratis a fräiwëlleg. En Agent iwwerpréift Är Identitéit, duerno schéckt d’Agence Iech den Aktivéierungsbréif mat der Post.
open-national-id-hint = Déi 13 Zifferen vun Ärer Matrikelnummer, sou wéi op Ärer Sozialversécherungskaart.
open-contact-legend = Wéi d’Agence Iech erreecht
open-contact-hint = Eng Postadress oder eng Telefonsnummer: mindestens eng vun deenen zwou. Den Aktivéierungsbréif geet mat der Post; ouni Adress rifft d’Agence Iech un, fir no hir ze froen.
open-phone-hint = Mat der Landesvirwiel: +352 621 123 456.
open-conditions-heading = Notzungskonditiounen
open-conditions-what = Den Dossier de Soins Partagé (DSP) ass Ären elektronesche Patientendossier op der Plattform eSanté. En sammelt Är nëtzlech Gesondheetsdokumenter, fir datt d’Gesondheetsprofessionneller zu Lëtzebuerg, déi Iech behandelen, se ënner Ärer Kontroll deelen.
open-conditions-letter = Nodeems Är Ufro registréiert an Är Identitéit iwwerpréift ass, mécht d’Agence den Aktivéierungsbréif mat allem, wat Dir braucht, fir Ären Dossier z’aktivéieren an dran ze kommen. En gëtt Iech perséinlech bannent 7 Deeg mat der Post geschéckt.
open-conditions-window = Wann Dir bannent 4 Wochen nom Datum vun dësem Bréif näischt ënnerhuelt, gëtt Ären Dossier fir d’Gesondheetsprofessionneller zougänglech, déi Iech behandelen an deenen Dir den Zougang ginn hutt; Dir kënnt Iech bei all Visite dergéint ausschwätzen.
open-conditions-control = Dir entscheet, wien wat gesäit, Dir gesitt all Zougrëff op Ären Dossier a kënnt e Professionell spären oder en Dokument verstoppen.
open-conditions-close = Dir kënnt Ären Dossier zu all Moment zoumaachen, online oder mat der Post mam Formulaire fir d’Zoumaachen.
open-conditions-data = D’Agence eSanté verschafft Är Donnéeën als Responsabel no dem Dateschutzgesetz. Hir Agenten, déi dem Beruffsgeheimnis ënnerleien, benotzen déi perséinlech Donnéeë vun dësem Formulaire just, fir Ären Dossier opzemaachen. Är Rechter kënnt Dir online ausüben oder andeems Dir un privacy@esante.lu schreift.
open-accept = Ech froe fir mäin Dossier de Soins Partagé opzemaachen, ech hunn d’Konditioune fir d’Notzung an d’Ausübe vu menge Rechter gelies a verstanen, an ech sinn averstan, datt meng perséinlech Donnéeën dofir sécher un d’Agence iwwermëttelt ginn.
open-submit = Meng Ufro schécken
open-after = En Agent iwwerpréift Är Identitéit; de Bréif geet bannent { $days } Deeg no der Unnam mat der Post fort.
open-received-heading = Är Ufro ass ukomm
open-reference = Referenz vun Ärer Ufro:
open-received-at = Ukomm den { $date }.
open-next-heading = Wéi et weidergeet
open-next-check = En Agent vun der Agence eSanté iwwerpréift Är Identitéit: Hutt Är Identitéitskaart an Är Sozialversécherungskaart bei der Hand.
open-next-letter = Soubal Är Ufro ugeholl ass, kënnt den Aktivéierungsbréif bannent { $days } Deeg mat der Post.
open-next-activate = Mam Code vum Bréif aktivéiert Dir Ären Dossier op dësem Site a registréiert e Passkey.
open-next-helpdesk = Gitt beim Helpdesk fir all Fro Är Referenz un.
opening-heading = Ufroen op en Dossier
opening-intro = Ufroen, déi mam ëffentleche Formulaire geschéckt goufen, déi eelst fir d’éischt. De Bréif muss bannent 7 Deeg no der Ufro fortgoen.
opening-queue-empty = Et waart keng Ufro.
opening-urgency-on-time = An der Frist
opening-urgency-near-limit = Kuerz virun der Frist vu 7 Deeg
opening-urgency-overdue = Iwwerfälleg
opening-record-exists = Fir dës Matrikelnummer gëtt et schonn en Dossier
opening-reference = Referenz
opening-received = Ukomm
opening-age-label = Alter
opening-age = { $days } D (Bréif fälleg bis { $due })
opening-decide = Identitéit iwwerpréiwen an entscheeden
opening-check-legend = Iwwerpréiwung vun der Identitéit: virgeluechten Dokumenter
opening-check-id-card = Identitéitskaart oder Pass
opening-check-social-card = Sozialversécherungskaart
opening-document-number = Nummer vum Identitéitsdokument (fakultativ)
opening-check-note = Bemierkung zur Iwwerpréiwung (fakultativ)
opening-letter-address = Postadress fir de Bréif
opening-letter-address-hint = An der Ufro steet keng Adress: Huelt se aus dem Identitéitsdokument oder frot d’Persoun.
opening-accept-button = Unhuelen an de Bréif eroflueden
opening-accept-hint = D’Unhuele mécht den Dossier op a stellt säin Aktivéierungsbréif aus (PDF fir ze drécken an ze verschécken).
opening-reject-legend = Ofleenen
opening-reason = Grond
opening-reason-identity-not-verified = Identitéit net iwwerpréift
opening-reason-data-mismatch = D’Donnéeë stëmmen net mat den Dokumenter iwwereen
opening-reason-record-exists = Et gëtt schonn en Dossier
opening-reason-duplicate-request = Duebel Ufro
opening-reason-withdrawn = Vun der Persoun zréckgezunn
opening-reason-other = Anere Grond (erkläert en)
opening-reject-note = Erklärung (obligatoresch bei „Anere Grond“)
opening-reject-button = D’Ufro ofleenen
opening-accepted = Ugeholl: Den Dossier vun { $name } ass op an de Bréif erofgelueden.
opening-rejected = Ofgeleent: d’Ufro vun { $name }.
## import
error-import-file-invalid = Dëse Fichier ass net de Fichier vun de Versécherten: E muss CSV-Text an UTF-8 sinn, deem seng éischt Zeil d’Kolonnen nennt. Et gouf näischt gespäichert.
error-import-not-ready = Den Import ka dat elo net: E Fichier mat ongëltege Zeilen importéiert näischt, an en ofgeschlossenen Import huet näischt méi ze maachen.
import-heading = Dossieren a Mass opmaachen
import-intro = Luet de Fichier vun de Versécherten erop (CSV, UTF-8, mat Kommaen oder Punkt-Kommaen getrennt, héchstens 64 MB). Seng éischt Zeil nennt dës Kolonnen:
import-rule = All Zeil gëtt als éischt kontrolléiert. Wann eng Zeil ongëlteg ass, gëtt näischt vum Fichier importéiert: Verbessert d’Zeilen aus dem Bericht a luet de Fichier nach eng Kéier erop. Eng Persoun, déi schonn en Dossier huet, zielt als schonn do a kritt kee neie Bréif; dee selwechte Fichier kann also zweemol importéiert ginn, ouni eppes duebel unzeleeën.
import-choose = Fichier vun de Versécherten (CSV)
import-upload = Eroplueden a kontrolléieren
import-sending = De Fichier gëtt geschéckt: { $percent } %
import-loading = D’Importer ginn gelueden…
import-none = Et gouf nach kee Fichier importéiert.
import-batches = Importéiert Fichieren, déi neiste fir d’éischt
import-file = Fichier
import-uploaded = Eropgelueden
import-state = Stand
import-progress-heading = Fortschrëtt
import-open = Opmaachen
import-progress = { $processed } vun { $rows } Zeile veraarbecht: { $created } Dossieren ugeluecht, { $existing } schonn do.
import-state-invalid = Ongëlteg Zeilen: näischt importéiert
import-state-ready = Kontrolléiert: prett fir unzefänken
import-state-running = Import leeft
import-state-paused = Gestoppt: weiderfuere fir virunzemaachen
import-state-done = Ofgeschloss
import-error-wrong-field-count = D’Zeil huet net déi aacht Kolonnen.
import-error-missing = Dëse Wäert ass eidel.
import-error-too-long = Dëse Wäert ass ze laang.
import-error-national-id-not-digits = D’Matrikelnummer huet aner Zeechen wéi Zifferen.
import-error-national-id-wrong-length = D’Matrikelnummer huet net 13 Zifferen.
import-error-national-id-invalid-birth-date = Déi éischt aacht Zifferen vun der Matrikelnummer sinn keen Gebuertsdatum.
import-error-national-id-luhn-mismatch = Déi 12. Ziffer vun der Matrikelnummer (Luhn-Kontroll) stëmmt net.
import-error-national-id-verhoeff-mismatch = Déi 13. Ziffer vun der Matrikelnummer (Verhoeff-Kontroll) stëmmt net.
import-error-duplicate-in-file = Dës Matrikelnummer steet schonn op enger fréierer Zeil vum Fichier.
import-error-invalid-country = D’Land muss e Code mat zwee Buschtawen sinn (LU, FR, BE, DE…).
import-error-invalid-language = D’Sprooch muss lb, fr, de oder en sinn.
import-column-national-id = Matrikelnummer
import-column-given-name = Virnumm
import-column-family-name = Familljennumm
import-column-street = Strooss
import-column-postal-code = Postleitzuel
import-column-city = Uertschaft
import-column-country = Land
import-column-language = Sprooch
import-column-row = Ganz Zeil
import-start = Den Import starten
import-resume = Mam Import weiderfueren
import-pause = Den Import stoppen
import-report-summary = { $invalid } ongëlteg Zeilen, { $errors } Problemer; déi éischt { $shown } sinn opgelëscht.
import-report = Problemer am Fichier, no Zeil
import-row = Zeil
import-column = Kolonn
import-problem = Problem
import-letters = Bréiwer fir d’Dréckerei
import-letters-pack = Bréif-PDF Nr. { $chunk } ({ $letters } Bréiwer)
import-rows = { $rows } Zeilen
import-batch-heading = Import vun { $file }
## dashboard
error-figures-range-invalid = Dës Datumer ginn keen Zäitraum, deen d'Schlësselzuele weise kënnen: kuckt, datt dat éischt virum leschte läit, datt dat lescht net no haut ass an datt den Zäitraum net ze laang ass.
figures-heading = Schlësselzuelen
figures-intro = Zielunge vum nationalen Dossier, näischt iwwer eng Persoun. Iwwer d'Zäit ginn Deeg, Wochen a Méint an UTC gezielt.
figures-records-open = Oppen Dossieren
figures-records-closed = Zougemaachen Dossieren
figures-professionals-activated = Aktivéiert Gesondheetsberuffler
figures-documents = Dokumenter
figures-connections = Umeldungen
figures-objections = Oppositiounen
figures-emergency-accesses = Noutfallzougrëffer
figures-letters-waiting = Bréiwer, déi waarden
figures-not-recorded = vum Service net erfaasst
figures-over-time = Iwwer d'Zäit
figures-period = Zäitraum
figures-by-day = Pro Dag
figures-by-week = Pro Woch
figures-by-month = Pro Mount
figures-table = Tabell vun den Zuelen
figures-week-of = Woch vum { $date }
figures-month-of = { $month } { $year }
figures-chart-desc = { $figure }, { $period }, vum { $first } bis { $last }; de gréisste Wäert ass { $max }.

## lead: confirmation letters
life-agency-letter = Confirmatiounsbréif (PDF)
life-agency-letter-done = De Confirmatiounsbréif ass erofgelueden: Dréckt en aus a schéckt en dem Patient.
## helpdesk
error-identity-check-required = Notéiert fir d’éischt d’Identitéitskontroll: Kräizt d’Dokumenter un, déi d’Persoun Iech gewisen huet.
error-licence-state-unchanged = D’Zouloossung ass schonn an deem Zoustand: Luet de Verzeechnes nei, fir ze gesinn, wéi en elo ass.
error-licence-suspended = D’Zouloossung vun dësem Professionnel ass suspendéiert: Dëse Kont kënnt un näischt, bis d’Agence se erëm hierstellt.
error-activation-not-locked = D’Aktivéierung ass net gespaart: Et gëtt näischt opzespären.
error-duplicate-organisation = Eng Organisatioun mat dësem Numm steet schonn am Verzeechnes.
error-invalid-token = Den Accès vun der Software ass eriwwer oder net gëlteg: verbannt se nach eng Kéier iwwer Ären DSP-Kont.
error-insufficient-scope = D'Software däerf dat net maachen: hir Verbindung ëmfaasst dës Autorisatioun net.
history-action-professional-licence-suspended = D’Agence huet d’Zouloossung vu(n) { $professional } suspendéiert: Déi Persoun kënnt net méi un Ären Dossier.
history-action-professional-licence-reinstated = D’Agence huet d’Zouloossung vu(n) { $professional } erëm hiergestallt: Den Zougang riicht sech erëm no Ären Entscheedungen.
history-action-activation-unlocked = { $actor } huet d’Aktivéierung vun Ärem Dossier no ze ville falsche Coden erëm opgespaart.
history-what-professional-licence-suspended = Suspendéiert Zouloossungen
history-what-professional-licence-reinstated = Erëm hiergestallten Zouloossungen
history-what-activation-unlocked = Aktivéierung opgespaart
helpdesk-tools = Helpdesk
helpdesk-letters-heading = Bréiwer
helpdesk-letters-show = D’Bréiwer weisen
helpdesk-letters-none = Fir dësen Dossier ass nach kee Bréif erausgaangen.
helpdesk-letter-kind-activation = Aktivéierungsbréif
helpdesk-letter-kind-reissue = neien Aktivéierungsbréif
helpdesk-letter-kind-recovery = Bréif fir den Zougang erëmzekréien
helpdesk-letter-row = { $date }: { $kind }
helpdesk-letter-checked = Identitéit kontrolléiert: { $documents }
helpdesk-unlock-hint = No 5 falsche Coden ass d’Aktivéierung gespaart. Wann Dir mat der Persoun geschwat hutt, spärt se op: De Code aus hirem Bréif funktionéiert dann erëm.
helpdesk-unlock-button = D’Aktivéierung opspären
helpdesk-unlocked = D’Aktivéierung ass opgespaart: De Code aus dem Bréif funktionéiert erëm.
helpdesk-identity-legend = Identitéitskontroll: d’Dokumenter, déi d’Persoun gewisen huet
helpdesk-doc-id-card = Identitéitskaart
helpdesk-doc-passport = Pass
helpdesk-doc-residence-permit = Openthaltstitel
helpdesk-doc-driving-licence = Führerschäin
helpdesk-doc-social-security-card = Sozialversécherungskaart
helpdesk-doc-professional-card = Beruffsausweis
helpdesk-recovery-letter-heading = Passkeyen verluer: Bréif fir den Zougang erëmzekréien
helpdesk-recovery-letter-hint = Kontrolléiert fir d’éischt d’Identitéit vun der Persoun. De Code vum Bréif registréiert en neie Passkey, deen all déi aner ersetzt an all d’Sessiounen zoumécht; de Patient kritt direkt an der Applikatioun Bescheed.
helpdesk-recovery-letter-button = De Bréif eroflueden
helpdesk-recovery-letter-done = De Bréif ass erofgelueden.
helpdesk-licence-heading = Zouloossung
helpdesk-licence-active = Zouloossung aktiv
helpdesk-licence-suspended = Zouloossung suspendéiert
helpdesk-suspend-hint = D’Suspensioun mécht direkt all d’Sessioune vun dësem Professionnel zou: Hie kënnt un näischt méi, bis d’Zouloossung erëm hiergestallt ass. Patienten, déi eng Verbindung mat him hunn, gesinn et an hirer Historique.
helpdesk-reinstate-hint = D’Erëmhierstellung gëtt dem Professionnel seng Rechter zeréck: Hie mellt sech erëm mat sengem Schlëssel un, a seng Verbindunge gëllen erëm.
helpdesk-reason-label = Grond (am Audit-Journal gespäichert, de Patiente net gewisen)
helpdesk-suspend-button = D’Zouloossung suspendéieren
helpdesk-reinstate-button = D’Zouloossung erëm hierstellen
helpdesk-suspended-done = D’Zouloossung ass suspendéiert, an all d’Sessioune sinn zou.
helpdesk-reinstated-done = D’Zouloossung ass erëm hiergestallt.
helpdesk-key-recovery-heading = Sécherheetsschlëssel verluer
helpdesk-key-recovery-hint = Stellt no der Identitéitskontroll en Erëmkrééiungscode aus: All registréiert Schlëssele ginn ewechgeholl an all d’Sessioune ginn direkt zou; de Schlëssel, dee mam Code registréiert gëtt, ersetzt se, an de Professionnel kritt an der Applikatioun Bescheed.
helpdesk-key-recovery-button = En Erëmkrééiungscode ausstellen
helpdesk-assign-open = D’Organisatioun änneren
helpdesk-assign-label = Schafft bei
helpdesk-assign-button = Zouuerdnen
helpdesk-assigned = Schafft elo bei { $name }.
helpdesk-organisations-heading = Organisatiounen
helpdesk-organisation-search-label = Numm vun der Organisatioun
helpdesk-organisations-none = Keng Organisatioun passt.
helpdesk-organisation-name = Numm
helpdesk-organisation-kind = Aart
helpdesk-kind-practice = Cabinet
helpdesk-kind-hospital = Spidol
helpdesk-kind-care-home = Fleegeheem
helpdesk-kind-laboratory = Labo
helpdesk-kind-pharmacy = Apdikt
helpdesk-organisation-create-heading = Eng Organisatioun derbäisetzen
helpdesk-organisation-create-button = D’Organisatioun derbäisetzen
helpdesk-organisation-created = { $name } steet am Verzeechnes.
helpdesk-organisation-edit = D’Organisatioun änneren
helpdesk-organisation-save = Späicheren
helpdesk-organisation-saved = Gespäichert.
helpdesk-organisation-staff = Professionneller
helpdesk-organisation-show-staff = D’Professionneller weisen
helpdesk-organisation-staff-none = Kee Professionnel aus dem Verzeechnes schafft hei.
helpdesk-notices-heading = Messagen vun der Agence
helpdesk-notice-key-recovery = Den { $date } huet d’Agence Är Sécherheetsschlësselen no enger Identitéitskontroll ersat: De Schlëssel, deen Dir mam Erëmkrééiungscode registréiert hutt, ass elo Ären eenzegen. Wann Dir dat net gefrot hutt, rufft den Helpdesk vun der Agence un.
helpdesk-notice-licence-reinstated = Den { $date } huet d’Agence Är Zouloossung erëm hiergestallt: Dir kommt erëm no de Reegelen un d’Dossieren.
helpdesk-enrol-recovery-note = En Erëmkrééiungscode vum Helpdesk, nodeems Dir e Schlëssel verluer hutt? De Schlëssel, deen Dir hei registréiert, ersetzt all Är fréier Schlësselen, déi net méi funktionéieren.

## oauth
error-redirect-uri-invalid = Eng Retouradress muss mat https:// ufänken (oder http://localhost oder http://127.0.0.1 fir Software um eegene Computer vum Professionnel), däerf keen #-Deel hunn a muss fir dës Software registréiert sinn.
error-scope-invalid = Eng Autorisatioun ass keng gëlteg SMART-Autorisatioun (wéi user/DocumentReference.rs), oder geet iwwer dat eraus, wat fir dës Software registréiert ass.
error-authorization-request-invalid = Dës Verbindungsufro vun der Software kann net approuvéiert ginn: d'Software ass onbekannt oder desaktivéiert, oder hir Ufro ass net komplett.
error-user-code-invalid = Dëse Code ass onbekannt, ofgelaf oder gouf schonn benotzt: fänkt d'Verbindung an der Software nei un.
## fhir-read
# A professional who acted through their practice software, in the history ("Dr X via MediPrax").
history-actor-via = { $actor } iwwer { $software }
## oauth-ui
oauth-connect-title = Software verbannen
oauth-connect-heading = Praxissoftware verbannen
oauth-device-title = Software mat engem Code verbannen
oauth-device-heading = Software mat engem Code verbannen
oauth-software-title = Verbonne Software
oauth-software-heading = Verbonne Software
oauth-sign-in-first = Eng Praxissoftware freet, an Ärem Numm op den DSP zouzegräifen. Mellt Iech fir d’éischt mat Ärem Sécherheetsschlëssel un; duerno gesitt Dir, wat se freet, an decidéiert.
oauth-software-sign-in = Mellt Iech mat Ärem Sécherheetsschlëssel un, fir d’Software ze gesinn, déi Dir verbonnen hutt.
oauth-professionals-only = Nëmme Gesondheetsberuffler, ugemellt mat hirem Sécherheetsschlëssel, verbanne Praxissoftware.
oauth-request-incomplete = Dës Adress enthält keng komplett Ufro vun enger Software. Fänkt d’Verbindung an der Software nach eng Kéier un.
oauth-approval-heading = { $software } freet, sech ze verbannen
oauth-approval-organisation = { $software } ass fir { $organisation } registréiert.
oauth-approval-asks = Se freet, an Ärem Numm ze handelen:
oauth-approval-rules = { $software } gesäit a mécht nëmmen dat, wat Dir selwer gesi an doe dierft, am Kader vun dësen Autorisatiounen. All Zougrëff gëtt protokolléiert, an d’Patiente gesinn en an hirer Historique als „iwwer { $software }“. Dir kënnt se all Moment ënner Verbonne Software trennen.
oauth-approval-return = No Ärer Decisioun gitt Dir zréck op { $host }.
oauth-approve = Erlaben
oauth-refuse = Refuséieren
oauth-returning = Zréck bei d’Software …
oauth-resource-documents = Dokumenter vun den Dossieren, op déi Dir zougräift
oauth-resource-content = Den Inhalt vun dësen Dokumenter
oauth-resource-submissions = Areechungen (wéi eng Dokumenter zesummen ofgeluecht goufen)
oauth-resource-patients = Identitéit vun de Patienten (en Dossier iwwer d’Matrikelnummer fannen)
oauth-resource-history = Historique vun den Zougrëffer
oauth-resource-all = Alles, op dat Dir zougräift
oauth-op-create = nei ofleeën
oauth-op-read = liesen
oauth-op-update = änneren
oauth-op-delete = läschen
oauth-op-search = sichen
oauth-scope-line = { $resource }: { $ops }
oauth-device-code-label = Code, deen Är Software weist
oauth-device-code-hint = Zum Beispill WDJB-MJHT. Grouss- a Klengschreiwung, Espacen a Bindestricher spillen keng Roll.
oauth-device-look-up = Weider
oauth-device-approved = Erlaabt. Gitt zréck bei Är Software: Se ass an e puer Sekonne verbonnen.
oauth-device-refused = Refuséiert. D’Software ass net verbonnen.
oauth-software-intro = Praxis- a Spidolssoftware, där Dir erlaabt hutt, an Ärem Numm op den DSP zouzegräifen. Trennen hält hiren Zougrëff direkt op.
oauth-software-none = Dir hutt keng Software verbonnen.
oauth-software-disconnected = { $software } ass getrennt.
oauth-organisation = Registréiert fir
oauth-connected-since = Verbonnen zanter
oauth-last-used = Fir d’lescht benotzt
oauth-never-used = Nach net benotzt
oauth-disconnect = Trennen
oauth-disconnect-confirm = { $software } trennen? Se kann eréischt erëm an Ärem Numm op den DSP zougräifen, wann Dir se nees verbannt.
oauth-disconnect-yes = Jo, trennen
oauth-cancel = Ofbriechen
oauth-back-to-portal = Zréck op de Portal fir Gesondheetsberuffler
software-heading = Praxissoftware
software-intro = Praxis- a Spidolssystemer, déi fir eng Organisatioun registréiert sinn. E Gesondheetsberuffler verbënnt e System mat sengem Sécherheetsschlëssel; et erreecht ni méi wéi dee Beruffler.
software-none = Keng Software ass registréiert.
software-register-heading = Software registréieren
software-register-button = Registréieren
software-organisation = Organisatioun
software-name = Numm vun der Software
software-name-hint = Gesondheetsberuffler a Patiente liesen en („Dr X iwwer …“).
software-redirects = Retouradressen
software-redirects-hint = Duerch Espacen getrennt, genee esou wéi d’Software se schéckt: https://… oder http://127.0.0.1:Port/… fir Software um eegene Computer vum Beruffler.
software-scopes = Autorisatiounen (SMART-Scopes)
software-scopes-hint = Duerch Espacen getrennt, zum Beispill user/DocumentReference.crs user/Binary.r.
software-confidential = E Geheimnis ausstellen (fir datt d’Gateway vun der Organisatioun Tokene kontrolléiere kann)
software-name-too-long = Héchstens 200 Zeechen.
software-redirect-invalid = All Adress fänkt mat https://, http://127.0.0.1 oder http://localhost un an huet keen #.
software-scope-invalid = All Autorisatioun gesäit aus wéi user/DocumentReference.rs (d’Buschtawen c r u d s, an där Reiefolleg).
software-registered = { $name } ass registréiert.
software-client-id = Client-ID
software-secret = Geheimnis
software-secret-once = Kopéiert d’Geheimnis elo (markéieren, dann kopéieren) a gitt et der IT vun der Organisatioun: Et gëtt ni méi ugewisen.
software-state = Status
software-active = Aktiv, { $count ->
    [one] eng Verbindung
   *[other] { $count } Verbindungen
}
software-disabled-since = Desaktivéiert de { $date }
software-grants-heading = Verbindungen
software-show-grants = Verbindungen weisen ({ $count })
software-grants-none = Kee Gesondheetsberuffler huet se verbonnen.
software-grant-facts = verbonnen de { $since }, fir d’lescht benotzt: { $last }
software-revoke-grant = Dës Verbindung ophalen
software-edit = Änneren
software-save = Späicheren
software-saved = Gespäichert.
software-new-secret = Neit Geheimnis
software-disable = Desaktivéieren
software-disable-confirm = { $name } desaktivéieren? All Verbindungen hale direkt op, a keen ka se méi verbannen.
software-secret-confirm = { $name } en neit Geheimnis ginn? Dat aktuellt funktionéiert direkt net méi.
software-confirm-yes = Jo
software-disabled-done = Desaktivéiert: All Verbindungen hunn opgehalen.
software-secret-done = Neit Geheimnis ausgestallt: Kopéiert et uewendriwwer.

## fhir-write
error-fhir-bundle-not-transaction = D'Software huet e Pak geschéckt, deen keng Transaktioun ass: et gouf näischt ofgeluecht.
error-fhir-bundle-invalid = D'Software huet en onvollstännegen oder ongëltege Pak vun Dokumenter geschéckt: et gouf näischt ofgeluecht.
error-fhir-base64-invalid = D'Software huet en Dokument geschéckt, deem säin Inhalt kee gëltegt Base64 ass: et gouf näischt ofgeluecht.
error-fhir-hash-mismatch = D'Software huet en Dokument geschéckt, deem säin Inhalt net mat sengem Hashwäert iwwereneestëmmt (en ass ënnerwee verännert ginn): et gouf näischt ofgeluecht.
error-fhir-patient-mismatch = En Dokument vum Pak nennt en anere Patient wéi d'Soumissioun: et gouf näischt ofgeluecht.
error-fhir-category-unknown = En Dokument vum Pak huet keng Kategorie vum Dossier: et gouf näischt ofgeluecht.
## life
objection-letter-hint = Äre Bestätegungsbréif ass prett. Luet en elo erof a behaalt en: mir behalen keng Kopie, a wann Dir dës Säit verlooss hutt, kann en net méi erofgeluede ginn.
objection-letter-download = Meng Bestätegung eroflueden (PDF)
agency-objection-letter = De Bestätegungsbréif gouf erofgelueden: dréckt en aus a schéckt en der Persoun mat der Post. Et gëtt keng Kopie behalen.
agency-objection-letter-again = De Bestätegungsbréif nach eng Kéier eroflueden
history-action-patient-viewed = { $who ->
    [you] Dir hutt d’Donnéeë vun Ärem Dossier an der Konsol vun der Agence ugekuckt.
   *[other] { $actor } huet d’Donnéeë vun Ärem Dossier ugekuckt (Numm, Adress, Bréiwer).
}
history-what-patient-viewed = Donnéeë vum Dossier vun der Agence ugekuckt
