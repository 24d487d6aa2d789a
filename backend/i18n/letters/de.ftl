# Die Schreiben, die DSP druckt und an Patienten schickt: Aktivierung, Wiederherstellung,
# Bestätigungen. Gelesen von backend/src/letter.rs (`fluent-bundle`).
# Gleiche Schlüssel in allen vier Sprachen.

## Gemeinsam für alle Schreiben, und das Aktivierungs- und Wiederherstellungsschreiben

letter-title = Informations- und Aktivierungsschreiben – elektronische Gesundheitsakte
letter-tagline = Elektronische Gesundheitsakte – Dossier de Soins Partagé
letter-phone-label = Tel.
letter-id-label = Identifikationsnummer
letter-date-label = Datum
letter-helpdesk-label = Helpdesk
letter-place-date = Luxemburg, { $date }
activation-subject = Ihre elektronische Gesundheitsakte (DSP): Information und Aktivierungscode
letter-salutation = Guten Tag { $name },
activation-intro =
    die Agence DSP hat für Sie eine elektronische Gesundheitsakte (Dossier de Soins Partagé, DSP)
    eröffnet. Sie ist kostenlos, persönlich und sicher. Die Gesundheitsfachkräfte, die Sie
    behandeln, teilen darin Ihre wichtigsten Gesundheitsdokumente, etwa Krankenhausberichte,
    Laborergebnisse, Röntgenbefunde und abgegebene Medikamente. Sie behalten die Kontrolle: Sie
    entscheiden, wer was sehen darf, und sehen jeden Zugriff auf Ihre Akte.
activation-object-heading = Ihr Widerspruchsrecht innerhalb von 30 Tagen
activation-object-body =
    Sie müssen diese Akte nicht annehmen. Wenn Sie vor dem { $deadline } widersprechen, wird Ihre
    Akte gelöscht. Wenn Sie nichts unternehmen, dürfen die Gesundheitsfachkräfte, die Sie
    behandeln, sie ab dem { $deadline } nutzen; über den ersten Zugriff werden Sie informiert. Für
    Ihren Widerspruch rufen Sie unseren Helpdesk an oder schreiben Sie an die Agence DSP (Anschrift
    oben).
activation-heading = So aktivieren Sie Ihre Akte
activation-step-1 = Rufen Sie { $url } auf.
activation-step-2 =
    Geben Sie Ihre Identifikationsnummer ({ $nid }) und den unten stehenden Aktivierungscode ein.
activation-step-3 =
    Registrieren Sie einen „Passkey“ auf Ihrem Smartphone oder Computer. Damit melden Sie sich
    künftig ohne Passwort an.
activation-code-label = Ihr Aktivierungscode
activation-code-note =
    Der Code gilt nur ein einziges Mal und läuft am { $expires } ab. Nach 5 Fehlversuchen wird er
    gesperrt; fordern Sie in diesem Fall bei der Agence DSP ein neues Schreiben an. Sobald Ihnen
    ein neues Schreiben zugeht, ist der Code in diesem Schreiben ungültig.
activation-practice-heading = Beim Arzt, auch ohne Aktivierung: Ihr Praxiscode
activation-practice-body =
    Sie müssen Ihre Akte nicht aktivieren, damit ein Arzt oder eine andere Gesundheitsfachkraft in
    einer Praxis sie nutzen kann. Wenn Sie einverstanden sind, nennen Sie beim Besuch Ihre
    Identifikationsnummer und den unten stehenden Praxiscode: Damit öffnet die Praxis eine
    Behandlungsverbindung von 15 Tagen zu Ihrer Akte. Geben Sie den Code nur einer Fachkraft, die
    Sie behandelt.
activation-practice-code-label = Ihr Praxiscode (für Ihre Ärztin oder Ihren Arzt)
activation-practice-note =
    Der Praxiscode gilt ein einziges Mal, bis zum { $pexpires }. Nach 5 Fehlversuchen wird er
    gesperrt. Jede Verwendung steht im Verlauf Ihrer Akte, mit einer Nachricht, wer ihn verwendet
    hat: Sie sehen sie, sobald Sie Ihre Akte aktiviert haben, oder fragen Sie unseren Helpdesk. Für
    den nächsten Besuch fordern Sie beim Helpdesk ein neues Schreiben an oder erstellen Sie im
    Portal einen neuen Code; jedes neue Schreiben und jeder neue Code macht diesen ungültig. Im
    Portal können Sie den Praxiscode auch abschalten.
recovery-subject =
    Ihre elektronische Gesundheitsakte (DSP): Wiederherstellungsschreiben für einen verlorenen
    Passkey
recovery-heading = Wiederherstellungsschreiben
recovery-body =
    Ihre Akte ist bereits aktiviert. Dieses Schreiben ersetzt einen verlorenen „Passkey“: Verwenden
    Sie den unten stehenden Code nur, wenn Sie Ihren Passkey verloren haben. Damit werden alle
    Passkeys gelöscht, die Sie registriert haben, und alle Ihre Sitzungen beendet; der neue
    Passkey, den Sie dann erstellen, ist der einzige. Wenn Sie dieses Schreiben nicht angefordert
    haben, rufen Sie bitte sofort unseren Helpdesk unter { $phone } an.
activation-close-heading = So schließen Sie Ihre Akte
activation-close-body =
    Sie können jederzeit beantragen, dass Ihre Akte geschlossen wird: mit einem unterschriebenen
    Antrag auf Papier an die Agence DSP (Anschrift oben). Eine geschlossene Akte ist für keine
    Gesundheitsfachkraft mehr erreichbar.
letter-help-heading = Fragen?
letter-help-body =
    Unser Helpdesk ist montags bis freitags von 8 bis 17 Uhr für Sie da: Telefon { $phone }, E-Mail
    { $email }. Bitte bewahren Sie dieses Schreiben sicher auf und geben Sie Ihren Aktivierungscode
    niemals weiter.
letter-closing = Mit freundlichen Grüßen
letter-no-signature = Dieses Schreiben wurde maschinell erstellt und ist ohne Unterschrift gültig.
letter-page = Seite { $n } von { $total }

## Gemeinsam für die Bestätigungsschreiben (Widerspruch, Schließung, Wiedereröffnung)

letter-reference-label = Aktenzeichen
confirmation-help-body =
    Unser Helpdesk ist montags bis freitags von 8 bis 17 Uhr für Sie da: Telefon { $phone },
    E-Mail { $email }. Bitte geben Sie das Aktenzeichen { $reference } an, wenn Sie uns
    kontaktieren.

## Bestätigung des Widerspruchs: die Akte wurde in der Widerspruchsfrist gelöscht

objection-title = Bestätigung Ihres Widerspruchs – elektronische Gesundheitsakte
objection-subject = Ihre elektronische Gesundheitsakte (DSP): Bestätigung Ihres Widerspruchs
objection-intro-online =
    Wir bestätigen, dass Sie am { $date } online im Portal innerhalb der Widerspruchsfrist von
    30 Tagen Ihrer elektronischen Gesundheitsakte (Dossier de Soins Partagé, DSP) widersprochen
    haben.
objection-intro-postal =
    Wir bestätigen, dass die Agence DSP am { $date } Ihren per Post eingegangenen Widerspruch gegen
    Ihre elektronische Gesundheitsakte (Dossier de Soins Partagé, DSP) innerhalb der
    Widerspruchsfrist von 30 Tagen erfasst hat.
objection-heading = Was Ihr Widerspruch bedeutet
objection-body =
    Ihre Akte wurde endgültig gelöscht: Die Dokumente darin und Ihre persönlichen Daten sind
    gelöscht, und keine Gesundheitsfachkraft kann darauf zugreifen. Das Zugriffsprotokoll der Akte
    bleibt erhalten; Ihre Identität ist darin durch ein Pseudonym
    ersetzt.
objection-new-heading = Wenn Sie es sich anders überlegen
objection-new-body =
    Sie können die Agence DSP jederzeit bitten, eine neue elektronische Gesundheitsakte für Sie zu
    eröffnen. Sie beginnt leer: Die gelöschten Dokumente lassen sich nicht wiederherstellen.

## Bestätigung der Schließung

closing-title = Bestätigung der Schließung – elektronische Gesundheitsakte
closing-subject = Ihre elektronische Gesundheitsakte (DSP): Bestätigung der Schließung
closing-intro-online =
    Wir bestätigen, dass Sie Ihre elektronische Gesundheitsakte (Dossier de Soins Partagé, DSP) am
    { $date } online im Portal geschlossen haben.
closing-intro-postal =
    Wir bestätigen, dass die Agence DSP Ihre elektronische Gesundheitsakte (Dossier de Soins
    Partagé, DSP) am { $date } auf Ihren unterschriebenen Antrag auf Papier geschlossen hat.
closing-intro-idle =
    Ihre elektronische Gesundheitsakte (Dossier de Soins Partagé, DSP) wurde am { $date }
    geschlossen, weil 10 Jahre lang niemand darauf zugegriffen hatte.
closing-heading = Was die Schließung bedeutet
closing-body =
    Seit dem { $date } kann keine Gesundheitsfachkraft Ihre Akte lesen oder Dokumente hinzufügen,
    und die Behandlungsverbindungen, die Fachkräfte zu ihr hatten, sind beendet. Ihre Dokumente
    und ihr Verlauf bleiben versiegelt erhalten. Wenn Sie Ihre Akte aktiviert haben, können Sie
    sich weiterhin mit Ihrem Passkey anmelden, sie und ihr Zugriffsprotokoll lesen und ihren
    gesamten Inhalt als ZIP-Datei herunterladen.
closing-reopen-heading = Ihre Akte wieder eröffnen
closing-reopen-body =
    Bis zum { $until } können Sie die Agence DSP bitten, Ihre Akte wieder zu eröffnen: Rufen Sie
    unseren Helpdesk an oder schreiben Sie an die Anschrift oben. Sie wird dann so
    wiederhergestellt, wie sie war, ohne die Behandlungsverbindungen der Fachkräfte. Nach diesem
    Datum wird die Akte endgültig gelöscht.

## Bestätigung der Wiedereröffnung

reopening-title = Bestätigung der Wiedereröffnung – elektronische Gesundheitsakte
reopening-subject = Ihre elektronische Gesundheitsakte (DSP): Bestätigung der Wiedereröffnung
reopening-intro =
    Wir bestätigen, dass die Agence DSP Ihre elektronische Gesundheitsakte (Dossier de Soins
    Partagé, DSP) am { $date } auf Ihren Wunsch wieder eröffnet hat.
reopening-heading = Was die Wiedereröffnung bedeutet
reopening-body =
    Ihre Akte ist wieder so geöffnet, wie sie bei der Schließung war, mit ihren Dokumenten und
    ihrem Verlauf, und die Gesundheitsfachkräfte, die Sie behandeln, können sie wieder nutzen. Die
    Behandlungsverbindungen, die Fachkräfte vor der Schließung hatten, sind nicht zurückgekehrt:
    Eine Fachkraft, die Sie behandelt, öffnet eine neue. Sie entscheiden, wer was sieht, und Sie
    können Ihre Akte jederzeit wieder schließen.
