# The letters DSP prints and posts to patients: activation, recovery and confirmations.
# Read by backend/src/letter.rs (`fluent-bundle`). Keep the same keys in the four languages.
# Variables are filled with names, dates, codes and addresses exactly as given;
# { $art } (Luxembourgish only) is the article de/den before a date (the n-rule).

## Shared by every letter, and the activation and recovery letter

letter-title = Information and activation letter – shared care record
letter-tagline = Shared care record – Dossier de Soins Partagé
letter-phone-label = Phone
letter-id-label = National ID
letter-date-label = Date
letter-helpdesk-label = Helpdesk
letter-place-date = Luxembourg, { $date }
activation-subject = Your shared care record (DSP): information and activation code
letter-salutation = Dear { $name },
activation-intro =
    The Agence DSP has opened a shared care record (Dossier de Soins Partagé, DSP) in your name. It
    is free, personal and secure. The health professionals who treat you use it to share your
    essential health documents, such as hospital reports, laboratory results, imaging reports and
    the medicines dispensed to you. You stay in control: you decide who may see what, and you see
    every access to your record.
activation-object-heading = Your right to object within 30 days
activation-object-body =
    You do not have to accept this record. If you object before { $deadline }, your record will be
    deleted. If you do nothing, from { $deadline } the health professionals who treat you may use
    it, and we will tell you when a professional opens it for the first time. To object, call our
    helpdesk or write to the Agence DSP at the address above.
activation-heading = How to activate your record
activation-step-1 = Go to { $url }.
activation-step-2 = Enter your national ID ({ $nid }) and the activation code below.
activation-step-3 =
    Register a passkey on your phone or computer. From then on, you sign in with this passkey – no
    password needed.
activation-code-label = Your activation code
activation-code-note =
    The code works only once and expires on { $expires }. After 5 wrong attempts it is locked; in
    that case, ask the Agence DSP for a new letter. Once we send you a new letter, the code in this
    one stops working.
activation-practice-heading = At the doctor’s, even without activating: your practice code
activation-practice-body =
    You do not need to activate your record for a doctor or another health professional in private
    practice to use it. At the visit, if you agree, give them your national ID and the practice
    code below: with it they open a 15-day consultation link to your record. Give the code only to
    a professional who treats you.
activation-practice-code-label = Your practice code (for your doctor)
activation-practice-note =
    The practice code works once, until { $pexpires }. After 5 wrong tries it is locked. Each use
    appears in your record’s history, with a message telling you who used it: you see it once you
    have activated your record, or ask our helpdesk. For your next visit, ask the
    helpdesk for a new letter or make a new code in the portal; any new letter or code voids this
    one. In the portal you can also switch the practice code off.
recovery-subject = Your shared care record (DSP): recovery letter for a lost passkey
recovery-heading = Recovery letter
recovery-body =
    Your record is already activated. This letter replaces a lost passkey: use the code below only
    if you lost your passkey. Using it removes every passkey you registered and ends all your
    sessions; the new passkey you then create is the only one. If you did not ask for this letter,
    call our helpdesk at once on { $phone }.
activation-close-heading = How to close your record
activation-close-body =
    You may ask for your record to be closed at any time, with a signed request on paper to the
    Agence DSP at the address above. Once it is closed, no health professional can reach it any
    more.
letter-help-heading = Questions?
letter-help-body =
    Our helpdesk is there for you from Monday to Friday, 8 am to 5 pm: phone { $phone }, e-mail {
    $email }. Please keep this letter in a safe place and never share your activation code with
    anyone.
letter-closing = Yours sincerely,
letter-no-signature = This letter was produced automatically and is valid without a signature.
letter-page = Page { $n } of { $total }

## Shared by the confirmation letters (objection, closing, reopening)

letter-reference-label = Reference
confirmation-help-body =
    Our helpdesk is there for you from Monday to Friday, 8 am to 5 pm: phone { $phone }, e-mail
    { $email }. Please give the reference { $reference } when you contact us.

## Objection confirmation: the record was deleted in the objection window

objection-title = Confirmation of your objection – shared care record
objection-subject = Your shared care record (DSP): confirmation of your objection
objection-intro-online =
    We confirm that on { $date } you objected online, in the portal, to your shared care record
    (Dossier de Soins Partagé, DSP), within the 30-day objection window.
objection-intro-postal =
    We confirm that on { $date } the Agence DSP recorded your objection, received by post, to your
    shared care record (Dossier de Soins Partagé, DSP), within the 30-day objection window.
objection-heading = What your objection means
objection-body =
    Your record has been deleted for good: the documents it held and your personal data in it are
    erased, and no health professional can reach it. The record’s access log is kept, with your
    identity replaced by a pseudonym.
objection-new-heading = If you change your mind
objection-new-body =
    You may ask the Agence DSP at any time to open a new shared care record for you. It starts
    empty: the deleted documents cannot be restored.

## Closing confirmation

closing-title = Confirmation of closing – shared care record
closing-subject = Your shared care record (DSP): confirmation that it is closed
closing-intro-online =
    We confirm that on { $date } you closed your shared care record (Dossier de Soins Partagé,
    DSP) online, in the portal.
closing-intro-postal =
    We confirm that on { $date } the Agence DSP closed your shared care record (Dossier de Soins
    Partagé, DSP), as you asked in your signed request on paper.
closing-intro-idle =
    Your shared care record (Dossier de Soins Partagé, DSP) was closed on { $date }, because
    nobody had accessed it for 10 years.
closing-heading = What closing means
closing-body =
    From { $date }, no health professional can read your record or add documents to it, and the
    consultation links professionals had to it have ended. Its documents and its history are kept,
    sealed. If you activated your record, you can still sign in with your passkey to read it and
    its access history, and download everything it holds as a ZIP file.
closing-reopen-heading = Reopening your record
closing-reopen-body =
    Until { $until }, you can ask the Agence DSP to reopen your record, by calling our helpdesk or
    by writing to the address above. It is then restored as it was, without the professionals’
    consultation links. After that date, the record is deleted for good.

## Reopening confirmation

reopening-title = Confirmation of reopening – shared care record
reopening-subject = Your shared care record (DSP): confirmation that it is open again
reopening-intro =
    We confirm that on { $date } the Agence DSP reopened your shared care record (Dossier de Soins
    Partagé, DSP), as you asked.
reopening-heading = What reopening means
reopening-body =
    Your record is open again as it was when it was closed, with its documents and its history,
    and the health professionals who treat you can use it again. The consultation links that
    professionals had before the closing have not come back: a professional who treats you opens a
    new one. You decide who sees what, and you may close your record again at any time.
