# D’Bréiwer, déi DSP dréckt an de Patiente schéckt: Aktivéierung, Zougang erëmkréien,
# Confirmatiounen. Gelies vu backend/src/letter.rs (`fluent-bundle`).
# Déiselwecht Schlësselen an de véier Sproochen.
# { $art } an { $part } sinn den Artikel de/den virun engem Datum (d’n-Regel).

## Gemeinsam fir all Bréif, an den Aktivéierungs- a Recuperatiounsbréif

letter-title = Informatiouns- an Aktivéierungsbréif – Gesondheetsdossier
letter-tagline = Gesondheetsdossier – Dossier de Soins Partagé
letter-phone-label = Tel.
letter-id-label = Matricule
letter-date-label = Datum
letter-helpdesk-label = Helpdesk
letter-place-date = Lëtzebuerg, { $art } { $date }
activation-subject = Äre Gesondheetsdossier (DSP): Informatioun an Aktivéierungscode
letter-salutation = Léif Madamm, léiwen Här,
activation-intro =
    D’Agence DSP huet op Ären Numm e Gesondheetsdossier (Dossier de Soins Partagé, DSP) opgemaach.
    Hien ass gratis, perséinlech a sécher. D’Gesondheetsprofessioneller, déi Iech behandelen,
    deelen do Är wichtegst Gesondheetsdokumenter, wéi Spidolsberichter, Laborresultater,
    Röntgenbiller an d’Medikamenter, déi Dir an der Apdikt kritt hutt. Dir behaalt d’Kontroll: Dir
    decidéiert, wien wat gesäit, an Dir gesitt all Zougrëff op Ären Dossier.
activation-object-heading = Äert Recht op Widdersproch bannent 30 Deeg
activation-object-body =
    Dir musst dësen Dossier net unhuelen. Wann Dir virum { $deadline } Widdersproch aleet, gëtt
    Ären Dossier geläscht. Wann Dir näischt maacht, dierfen d’Gesondheetsprofessioneller, déi Iech
    behandelen, vum { $deadline } un op Ären Dossier zougräifen, an Dir gitt informéiert, wann e
    Professionell fir d’éischt drop zougräift. Fir Widdersproch anzeleeën, rufft eisen Helpdesk un
    oder schreift un d’Agence DSP (Adress hei uewen).
activation-heading = Wéi Dir Ären Dossier aktivéiert
activation-step-1 = Gitt op { $url }.
activation-step-2 = Tippt Är Matricule ({ $nid }) an den Aktivéierungscode hei ënnendrënner an.
activation-step-3 =
    Registréiert e Passkey op Ärem Handy oder Computer. Domat mellt Dir Iech duerno un, ouni
    Passwuert.
activation-code-label = Ären Aktivéierungscode
activation-code-note =
    De Code gëllt just eng Kéier a leeft { $art } { $expires } of. No 5 falsche Versich gëtt e
    gespaart; frot dann w.e.g. bei der Agence DSP no engem neie Bréif. Soubal Dir en neie Bréif
    kritt, ass de Code aus dësem Bréif net méi gëlteg.
activation-practice-heading = Beim Dokter, och ouni Aktivéierung: Äre Praxiscode
activation-practice-body =
    Dir musst Ären Dossier net aktivéieren, fir datt en Dokter oder en anere
    Gesondheetsprofessionell an enger Praxis en notze kann. Wann Dir averstan sidd, liest him bei
    der Konsultatioun Är Matricule an de Praxiscode hei ënnendrënner vir: domat mécht hien eng
    Konsultatiounsverbindung vu 15 Deeg op Ären Dossier op. Gitt de Code just engem
    Professionellen, deen Iech behandelt.
activation-practice-code-label = Äre Praxiscode (fir Ären Dokter)
activation-practice-note =
    De Praxiscode gëllt just eng Kéier a bis { $part } { $pexpires }. No 5 falsche Versich gëtt e
    gespaart. All Benotzung steet an der Historique vun Ärem Dossier, mat enger Noriicht, déi Iech
    seet, wien en benotzt huet: Dir gesitt se, soubal Dir Ären Dossier aktivéiert hutt, oder frot
    eisen Helpdesk. Fir déi nächst Konsultatioun frot den Helpdesk no engem neie Bréif oder maacht
    en neie Code am Portal; all neie Bréif oder Code mécht dëse Code ongëlteg. Am Portal kënnt Dir
    de Praxiscode och ausschalten.
recovery-subject = Äre Gesondheetsdossier (DSP): Bréif fir Ären Zougang erëmzekréien
recovery-heading = Bréif fir Ären Zougang erëmzekréien
recovery-body =
    Ären Dossier ass schonn aktivéiert. Dëse Bréif ersetzt e verluerene Passkey: benotzt de Code
    hei ënnendrënner just, wann Dir Äre Passkey verluer hutt. Domat ginn all d’Passkeyen, déi Dir
    registréiert hutt, geläscht an all Är Sessiounen zougemaach; den neie Passkey, deen Dir dann
    erstellt, ass deen eenzegen. Wann Dir dëse Bréif net ugefrot hutt, rufft w.e.g. direkt eisen
    Helpdesk um { $phone } un.
activation-close-heading = Wéi Dir Ären Dossier zoumaacht
activation-close-body =
    Dir kënnt zu all Moment ufroen, datt Ären Dossier zougemaach gëtt: mat enger ënnerschriwwener
    Demande op Pabeier un d’Agence DSP (Adress hei uewen). Soubal en zou ass, ka kee
    Gesondheetsprofessionell méi drop zougräifen.
letter-help-heading = Froen?
letter-help-body =
    Eisen Helpdesk ass vu méindes bis freides vun 8 bis 17 Auer fir Iech do: Telefon { $phone },
    E-Mail { $email }. Haalt dëse Bréif w.e.g. op enger sécherer Plaz op a gitt Ären
    Aktivéierungscode kengem weider.
letter-closing = Mat frëndleche Gréiss
letter-no-signature = Dëse Bréif gouf automatesch erstallt an ass ouni Ënnerschrëft gëlteg.
letter-page = Säit { $n } vun { $total }

## Gemeinsam fir d’Confirmatiounsbréiwer (Widdersproch, Zoumaachen, Nees opmaachen)

letter-reference-label = Referenz
confirmation-help-body =
    Eisen Helpdesk ass vu méindes bis freides vun 8 bis 17 Auer fir Iech do: Telefon { $phone },
    E-Mail { $email }. Gitt w.e.g. d’Referenz { $reference } un, wann Dir eis kontaktéiert.

## Confirmatioun vum Widdersproch: den Dossier gouf bannent der Widdersproch-Frist geläscht

objection-title = Confirmatioun vun Ärem Widdersproch – Gesondheetsdossier
objection-subject = Äre Gesondheetsdossier (DSP): Confirmatioun vun Ärem Widdersproch
objection-intro-online =
    Mir confirméieren, datt Dir { $art } { $date } online am Portal géint Äre Gesondheetsdossier
    (Dossier de Soins Partagé, DSP) Widdersproch ageluecht hutt, bannent der Frist vun 30 Deeg.
objection-intro-postal =
    Mir confirméieren, datt d’Agence DSP { $art } { $date } Äre Widdersproch géint Äre
    Gesondheetsdossier (Dossier de Soins Partagé, DSP), deen per Post ukomm ass, bannent der
    Frist vun 30 Deeg registréiert huet.
objection-heading = Wat Äre Widdersproch bedeit
objection-body =
    Ären Dossier ass definitiv geläscht: d’Dokumenter, déi dra waren, an Är perséinlech Donnéeën
    dran sinn ewech, a kee Gesondheetsprofessionell kann drop zougräifen. D’Protokoll vun den
    Zougrëffer op den Dossier gëtt behalen, mat engem Pseudonym
    amplaz vun Ärer Identitéit.
objection-new-heading = Wann Dir Iech anescht decidéiert
objection-new-body =
    Dir kënnt d’Agence DSP zu all Moment froen, fir Iech en neie Gesondheetsdossier opzemaachen.
    En ass am Ufank eidel: déi geläscht Dokumenter kënnen net erëmhiergestallt ginn.

## Confirmatioun, datt den Dossier zou ass

closing-title = Confirmatioun vum Zoumaachen – Gesondheetsdossier
closing-subject = Äre Gesondheetsdossier (DSP): Confirmatioun, datt en zou ass
closing-intro-online =
    Mir confirméieren, datt Dir Äre Gesondheetsdossier (Dossier de Soins Partagé, DSP) { $art }
    { $date } online am Portal zougemaach hutt.
closing-intro-postal =
    Mir confirméieren, datt d’Agence DSP Äre Gesondheetsdossier (Dossier de Soins Partagé, DSP)
    { $art } { $date } zougemaach huet, esou wéi Dir et an Ärer ënnerschriwwener Demande op
    Pabeier gefrot hutt.
closing-intro-idle =
    Äre Gesondheetsdossier (Dossier de Soins Partagé, DSP) gouf { $art } { $date } zougemaach,
    well 10 Joer laang keen drop zougegraff hat.
closing-heading = Wat d’Zoumaachen bedeit
closing-body =
    Vum { $date } un kann kee Gesondheetsprofessionell Ären Dossier méi liesen oder Dokumenter
    derbäisetzen, an d’Konsultatiounsverbindungen, déi Professioneller op en haten, sinn
    eriwwer. Seng Dokumenter a seng Historique ginn versigelt behalen. Wann Dir Ären Dossier aktivéiert
    hutt, kënnt Dir Iech weider mat Ärem Passkey umellen, fir en an d’Historique vun den
    Zougrëffer ze liesen an alles, wat en enthält, als ZIP-Fichier erofzelueden.
closing-reopen-heading = Ären Dossier nees opmaachen
closing-reopen-body =
    Bis { $art } { $until } kënnt Dir d’Agence DSP froen, Ären Dossier nees opzemaachen: rufft
    eisen Helpdesk un oder schreift un d’Adress hei uewen. En gëtt dann esou erëmhiergestallt, wéi
    e war, ouni d’Konsultatiounsverbindunge vun de Professioneller. No deem Datum gëtt den
    Dossier definitiv geläscht.

## Confirmatioun, datt den Dossier nees op ass

reopening-title = Confirmatioun vum Nees-Opmaachen – Gesondheetsdossier
reopening-subject = Äre Gesondheetsdossier (DSP): Confirmatioun, datt en nees op ass
reopening-intro =
    Mir confirméieren, datt d’Agence DSP Äre Gesondheetsdossier (Dossier de Soins Partagé, DSP)
    { $art } { $date } nees opgemaach huet, esou wéi Dir et gefrot hutt.
reopening-heading = Wat d’Nees-Opmaachen bedeit
reopening-body =
    Ären Dossier ass nees op, esou wéi e beim Zoumaachen war, mat senge Dokumenter a senger
    Historique, an d’Gesondheetsprofessioneller, déi Iech behandelen, kënnen en nees notzen.
    D’Konsultatiounsverbindungen, déi Professioneller virum Zoumaachen haten, sinn net erëm do: e
    Professionell, deen Iech behandelt, mécht eng nei op. Dir decidéiert, wien wat gesäit, an Dir
    kënnt Ären Dossier zu all Moment nees zoumaachen.
