//! The patient's information and activation letter, as a printable PDF in the patient's language;
//! for a record that already has passkeys, a recovery letter (its code replaces them).
//!
//! Owns the letter's wording in the four languages, the date formats it prints and the page
//! layout. The text is shaped and drawn by `krilla` in Noto Sans, embedded as a subset (the font
//! files and their licence are in `backend/fonts`), so any name or address in Latin, Greek or
//! Cyrillic script prints as written; lines are wrapped with the widths of the same shaping.
//! It is pure: it neither reads the clock nor the database nor creates codes — the caller passes
//! every fact in [`LetterFacts`] and gets the PDF bytes back.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::TextDirection;
use shared::{Language, NationalId};

/// Everything the letter says about one patient and one activation code.
#[derive(Debug, Clone, Copy)]
pub struct LetterFacts<'a> {
    /// The language the patient reads.
    pub language: Language,
    /// The patient's given name.
    pub given_name: &'a str,
    /// The patient's family name.
    pub family_name: &'a str,
    /// The postal address, one to four lines, without the name.
    pub address_lines: &'a [String],
    /// The patient's national ID (matricule).
    pub national_id: &'a NationalId,
    /// The one-time activation code, as the patient types it (e.g. `K7PQ-M3XW-R9TD`).
    pub activation_code: &'a str,
    /// The date the letter is issued; it starts the objection window.
    pub issued_on: NaiveDate,
    /// The end of the 30-day objection window: objecting before it deletes the record, from it
    /// on the professionals who treat the patient may use the record.
    pub objection_deadline: NaiveDate,
    /// The last day the activation code works.
    pub code_expires_on: NaiveDate,
    /// Where the patient activates the record.
    pub activation_url: &'a str,
    /// The record already has passkeys: this is a recovery letter, whose code replaces them.
    pub recovery: bool,
    /// The personal practice code the patient reads out at a visit, so that a professional
    /// opens a consultation link (e.g. `M3XW-K7PQ-TD9R`).
    pub practice_code: &'a str,
    /// The last day the practice code works.
    pub practice_code_expires_on: NaiveDate,
}

// The sender, as printed in the letterhead, the window-envelope return line and the footer.
const AGENCY: &str = "Agence DSP";
const AGENCY_STREET: &str = "42, boulevard Royal";
const AGENCY_CITY: &str = "L-2449 Luxembourg";
const HELPDESK_PHONE: &str = "+352 27 12 50 18";
const HELPDESK_EMAIL: &str = "helpdesk@dsp.example.lu";

/// Why a letter could not be written (the embedded fonts or the PDF writer failed: a bug, never
/// the patient's data).
#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    /// An embedded font could not be read.
    #[error("the letter's embedded font could not be read")]
    Font,
    /// The PDF writer refused the document.
    #[error("the letter's PDF could not be written: {0}")]
    Pdf(String),
}

/// Renders the information and activation letter as a PDF (one or two A4 pages).
///
/// The text is in `facts.language`; each code is drawn as one line of its own, so text
/// extraction (`pdftotext`) gives it back whole.
///
/// # Errors
/// [`LetterError`] when the embedded fonts or the PDF writer fail.
pub fn render(facts: &LetterFacts<'_>) -> Result<Vec<u8>, LetterError> {
    let composed = compose(facts);
    debug_assert!(composed.widest_right <= RIGHT + 0.01, "a line crosses the right margin");
    debug_assert!(composed.lowest_baseline >= BOTTOM, "a line runs into the footer");
    let words = words_for(facts.language);
    let fonts = PDF_FONTS.as_ref().ok_or(LetterError::Font)?;
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| LetterError::Pdf("page size".to_owned()))?;

    let mut document = Document::new();
    for ops in &composed.pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, fonts, op);
        }
        surface.finish();
        page.finish();
    }
    let subject = if facts.recovery { words.recovery_subject } else { words.subject };
    document.set_metadata(
        Metadata::new()
            .title(words.title.to_owned())
            .authors(vec![AGENCY.to_owned()])
            .description(subject.to_owned())
            .producer("DSP".to_owned())
            .language(facts.language.tag().to_owned()),
    );
    document.finish().map_err(|e| LetterError::Pdf(format!("{e:?}")))
}

/// Renders many letters as one PDF for the printer (a bulk opening's batch): each letter starts
/// on a new sheet, so a letter with an odd number of pages is followed by a blank page and the
/// batch prints double-sided without one person's letter on the back of another's.
///
/// # Errors
/// [`LetterError`] when the embedded fonts or the PDF writer fail.
pub fn render_batch(letters: &[LetterFacts<'_>]) -> Result<Vec<u8>, LetterError> {
    let fonts = PDF_FONTS.as_ref().ok_or(LetterError::Font)?;
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| LetterError::Pdf("page size".to_owned()))?;
    let mut document = Document::new();
    for facts in letters {
        let composed = compose(facts);
        for ops in &composed.pages {
            let mut page = document.start_page_with(settings.clone());
            let mut surface = page.surface();
            for op in ops {
                draw(&mut surface, fonts, op);
            }
            surface.finish();
            page.finish();
        }
        if composed.pages.len() % 2 == 1 {
            document.start_page_with(settings.clone()).finish();
        }
    }
    if letters.is_empty() {
        document.start_page_with(settings).finish();
    }
    document
        .set_metadata(Metadata::new().authors(vec![AGENCY.to_owned()]).producer("DSP".to_owned()));
    document.finish().map_err(|e| LetterError::Pdf(format!("{e:?}")))
}

/// Draws one laid-out element; `y` in the layout counts from the bottom edge, krilla's from the top.
fn draw(surface: &mut Surface<'_>, fonts: &PdfFonts, op: &Op) {
    match op {
        Op::Text { x, y, size, color, font, text } => {
            surface.set_stroke(None);
            surface.set_fill(Some(solid_fill(*color)));
            let font = match font {
                Font::Regular => fonts.regular.clone(),
                Font::Bold => fonts.bold.clone(),
            };
            surface.draw_text(
                Point::from_xy(*x, PAGE_HEIGHT - y),
                font,
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Op::Rule { x0, x1, y, width, color } => {
            let mut path = PathBuilder::new();
            path.move_to(*x0, PAGE_HEIGHT - y);
            path.line_to(*x1, PAGE_HEIGHT - y);
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(solid_stroke(*color, *width)));
                surface.draw_path(&path);
            }
        }
        Op::Box { x, y, width, height, fill: inside, stroke: edge, line_width } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, PAGE_HEIGHT - y - height, *width, *height) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_fill(Some(solid_fill(*inside)));
                surface.set_stroke(Some(solid_stroke(*edge, *line_width)));
                surface.draw_path(&path);
            }
        }
    }
}

fn paint(color: Rgb) -> krilla::paint::Paint {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a colour channel in 0..=1, scaled to 0..=255"
    )]
    let channel = |c: f32| (c.clamp(0.0, 1.0) * 255.0).round() as u8;
    rgb::Color::new(channel(color.0), channel(color.1), channel(color.2)).into()
}

fn solid_fill(color: Rgb) -> Fill {
    Fill { paint: paint(color), ..Fill::default() }
}

fn solid_stroke(color: Rgb, width: f32) -> Stroke {
    Stroke { paint: paint(color), width, ..Stroke::default() }
}

// ---------------------------------------------------------------------------------------------
// Wording
// ---------------------------------------------------------------------------------------------

/// The letter's wording in one language. `{name}` placeholders are filled by [`fill`].
struct Words {
    title: &'static str,
    tagline: &'static str,
    phone_label: &'static str,
    id_label: &'static str,
    date_label: &'static str,
    helpdesk_label: &'static str,
    /// Place and date; `{date}` (and for Luxembourgish `{art}`, the article before it).
    place_date: &'static str,
    subject: &'static str,
    salutation: &'static str,
    intro: &'static str,
    object_heading: &'static str,
    object_body: &'static str,
    activate_heading: &'static str,
    steps: [&'static str; 3],
    code_label: &'static str,
    code_note: &'static str,
    /// The practice code: what it is for, its box's label, and its rules (`{pexpires}`, and
    /// for Luxembourgish `{part}`, the article before it).
    practice_heading: &'static str,
    practice_body: &'static str,
    practice_code_label: &'static str,
    practice_note: &'static str,
    /// A recovery letter's subject, heading and warning (in place of the objection window);
    /// `{phone}`.
    recovery_subject: &'static str,
    recovery_heading: &'static str,
    recovery_body: &'static str,
    close_heading: &'static str,
    close_body: &'static str,
    help_heading: &'static str,
    help_body: &'static str,
    closing: &'static str,
    no_signature: &'static str,
    /// `{n}` and `{total}`.
    page: &'static str,
}

#[expect(
    clippy::too_many_lines,
    reason = "four complete translations of one letter read best side by side"
)]
fn words_for(language: Language) -> Words {
    match language {
        Language::Lb => Words {
            title: "Informatiouns- an Aktivéierungsbréif – Gesondheetsdossier",
            tagline: "Gesondheetsdossier – Dossier de Soins Partagé",
            phone_label: "Tel.",
            id_label: "Matricule",
            date_label: "Datum",
            helpdesk_label: "Helpdesk",
            place_date: "Lëtzebuerg, {art} {date}",
            subject: "Äre Gesondheetsdossier (DSP): Informatioun an Aktivéierungscode",
            salutation: "Léif Madamm, léiwen Här,",
            intro: "D’Agence DSP huet op Ären Numm e Gesondheetsdossier (Dossier de Soins \
                    Partagé, DSP) opgemaach. Hien ass gratis, perséinlech a sécher. \
                    D’Gesondheetsprofessioneller, déi Iech behandelen, deelen do Är wichtegst \
                    Gesondheetsdokumenter, wéi Spidolsberichter, Laborresultater, Röntgenbiller \
                    an d’Medikamenter, déi Dir an der Apdikt kritt hutt. Dir behaalt \
                    d’Kontroll: Dir decidéiert, wien wat gesäit, an Dir gesitt all Zougrëff op \
                    Ären Dossier.",
            object_heading: "Äert Recht op Widdersproch bannent 30 Deeg",
            object_body: "Dir musst dësen Dossier net unhuelen. Wann Dir virum {deadline} \
                          Widdersproch aleet, gëtt Ären Dossier geläscht. Wann Dir näischt \
                          maacht, dierfen d’Gesondheetsprofessioneller, déi Iech behandelen, vum \
                          {deadline} un op Ären Dossier zougräifen, an Dir gitt informéiert, \
                          wann e Professionell fir d’éischt drop zougräift. Fir Widdersproch \
                          anzeleeën, rufft eisen Helpdesk un oder schreift un d’Agence DSP \
                          (Adress hei uewen).",
            activate_heading: "Wéi Dir Ären Dossier aktivéiert",
            steps: [
                "Gitt op {url}.",
                "Tippt Är Matricule ({nid}) an den Aktivéierungscode hei ënnendrënner an.",
                "Registréiert e Passkey op Ärem Handy oder Computer. Domat mellt Dir Iech \
                 duerno un, ouni Passwuert.",
            ],
            code_label: "Ären Aktivéierungscode",
            code_note: "De Code gëllt just eng Kéier a leeft {art} {expires} of. No 5 falsche \
                        Versich gëtt e gespaart; frot dann w.e.g. bei der Agence DSP no engem \
                        neie Bréif. Soubal Dir en neie Bréif kritt, ass de Code aus dësem Bréif \
                        net méi gëlteg.",
            practice_heading: "Beim Dokter, och ouni Aktivéierung: Äre Praxiscode",
            practice_body: "Dir musst Ären Dossier net aktivéieren, fir datt en Dokter oder en anere \
                            Gesondheetsprofessionell an enger Praxis en notze kann. Wann Dir \
                            averstan sidd, liest him bei der Konsultatioun Är Matricule an de \
                            Praxiscode hei ënnendrënner vir: domat mécht hien eng \
                            Konsultatiounsverbindung vu 15 Deeg op Ären Dossier op. Gitt de Code \
                            just engem Professionellen, deen Iech behandelt.",
            practice_code_label: "Äre Praxiscode (fir Ären Dokter)",
            practice_note: "De Praxiscode gëllt just eng Kéier a bis {part} {pexpires}. No 5 falsche \
                            Versich gëtt e gespaart. All Benotzung steet an der Historique vun \
                            Ärem Dossier, mat enger Noriicht, déi Iech seet, wien en benotzt huet: \
                            Dir gesitt se, soubal Dir Ären Dossier aktivéiert hutt, oder frot \
                            eisen Helpdesk. Fir déi nächst Konsultatioun frot den Helpdesk no \
                            engem neie Bréif oder maacht en neie Code am Portal; all neie Bréif \
                            oder Code mécht dëse Code ongëlteg. Am Portal kënnt Dir de Praxiscode \
                            och ausschalten.",
            recovery_subject: "Äre Gesondheetsdossier (DSP): Bréif fir Ären Zougang erëmzekréien",
            recovery_heading: "Bréif fir Ären Zougang erëmzekréien",
            recovery_body: "Ären Dossier ass schonn aktivéiert. Dëse Bréif ersetzt e verluerene \
                            Passkey: benotzt de Code hei ënnendrënner just, wann Dir Äre Passkey \
                            verluer hutt. Domat ginn all d’Passkeyen, déi Dir registréiert hutt, \
                            geläscht an all Är Sessiounen zougemaach; den neie Passkey, deen Dir \
                            dann erstellt, ass deen eenzegen. Wann Dir dëse Bréif net ugefrot \
                            hutt, rufft w.e.g. direkt eisen Helpdesk um {phone} un.",
            close_heading: "Wéi Dir Ären Dossier zoumaacht",
            close_body: "Dir kënnt zu all Moment ufroen, datt Ären Dossier zougemaach gëtt: mat \
                         enger ënnerschriwwener Demande op Pabeier un d’Agence DSP (Adress hei \
                         uewen). Soubal en zou ass, ka kee Gesondheetsprofessionell méi drop \
                         zougräifen.",
            help_heading: "Froen?",
            help_body: "Eisen Helpdesk ass vu méindes bis freides vun 8 bis 17 Auer fir Iech do: \
                        Telefon {phone}, E-Mail {email}. Haalt dëse Bréif w.e.g. op enger \
                        sécherer Plaz op a gitt Ären Aktivéierungscode kengem weider.",
            closing: "Mat frëndleche Gréiss",
            no_signature: "Dëse Bréif gouf automatesch erstallt an ass ouni Ënnerschrëft gëlteg.",
            page: "Säit {n} vun {total}",
        },
        Language::Fr => Words {
            title: "Lettre d’information et d’activation – Dossier de Soins Partagé",
            tagline: "Dossier de Soins Partagé",
            phone_label: "Tél.",
            id_label: "Matricule",
            date_label: "Date",
            helpdesk_label: "Assistance",
            place_date: "Luxembourg, le {date}",
            subject: "Votre Dossier de Soins Partagé (DSP)\u{a0}: information et code \
                      d’activation",
            salutation: "Madame, Monsieur,",
            intro: "L’Agence DSP a ouvert à votre nom un Dossier de Soins Partagé (DSP). Ce \
                    dossier est gratuit, personnel et sécurisé. Les professionnels de santé qui \
                    vous soignent y partagent vos documents de santé essentiels\u{a0}: comptes \
                    rendus d’hospitalisation, résultats d’analyses, rapports d’imagerie \
                    médicale, médicaments délivrés. Vous gardez la main\u{a0}: vous décidez qui \
                    voit quoi, et vous voyez chaque accès à votre dossier.",
            object_heading: "Votre droit d’opposition pendant 30\u{a0}jours",
            object_body: "Vous n’êtes pas obligé(e) d’accepter ce dossier. Si vous vous y \
                          opposez avant le {deadline}, il sera supprimé. Si vous ne faites \
                          rien, les professionnels de santé qui vous soignent pourront \
                          l’utiliser à partir du {deadline}, et vous serez informé(e) du premier \
                          accès. Pour vous opposer, appelez notre service d’assistance ou \
                          écrivez à l’Agence DSP à l’adresse ci-dessus.",
            activate_heading: "Comment activer votre dossier",
            steps: [
                "Rendez-vous sur {url}.",
                "Saisissez votre matricule ({nid}) et le code d’activation ci-dessous.",
                "Enregistrez une clé d’accès («\u{a0}passkey\u{a0}») sur votre téléphone ou \
                 votre ordinateur. Vous vous connecterez ensuite avec cette clé, sans mot de \
                 passe.",
            ],
            code_label: "Votre code d’activation",
            code_note: "Ce code ne sert qu’une seule fois et expire le {expires}. Après \
                        5\u{a0}essais erronés, il est bloqué\u{a0}: demandez alors une nouvelle \
                        lettre à l’Agence DSP. Dès qu’une nouvelle lettre vous est envoyée, le \
                        code de la présente lettre n’est plus valable.",
            practice_heading: "Chez votre médecin, même sans activation\u{a0}: votre code praticien",
            practice_body: "Vous n’avez pas besoin d’activer votre dossier pour qu’un médecin ou un autre \
                            professionnel de santé en cabinet l’utilise. Lors de la consultation, \
                            si vous êtes d’accord, communiquez-lui votre matricule et le code \
                            praticien ci-dessous\u{a0}: il ouvre ainsi un lien de consultation de \
                            15\u{a0}jours sur votre dossier. Ne donnez ce code qu’à un \
                            professionnel qui vous soigne.",
            practice_code_label: "Votre code praticien (pour votre médecin)",
            practice_note: "Le code praticien ne sert qu’une fois, jusqu’au {pexpires}. Après 5\u{a0}essais \
                            erronés, il est bloqué. Chaque utilisation figure dans l’historique de \
                            votre dossier, avec un message qui vous dit qui l’a utilisé\u{a0}: \
                            vous le verrez dès que vous aurez activé votre dossier, ou \
                            renseignez-vous auprès de notre service d’assistance. Pour la \
                            consultation suivante, demandez une nouvelle lettre au service \
                            d’assistance ou créez un nouveau code dans le portail\u{a0}; toute \
                            nouvelle lettre ou tout nouveau code annule celui-ci. Dans le portail, \
                            vous pouvez aussi désactiver le code praticien.",
            recovery_subject: "Votre Dossier de Soins Partagé (DSP)\u{a0}: lettre de \
                               récupération après la perte de votre clé d’accès",
            recovery_heading: "Lettre de récupération",
            recovery_body: "Votre dossier est déjà activé. Cette lettre remplace une clé \
                            d’accès («\u{a0}passkey\u{a0}») perdue\u{a0}: n’utilisez le code \
                            ci-dessous que si vous avez perdu votre clé d’accès. Son utilisation \
                            supprime toutes les clés d’accès que vous avez enregistrées et ferme \
                            toutes vos sessions\u{a0}; la nouvelle clé que vous créerez sera alors \
                            la seule. Si vous n’avez pas demandé cette lettre, appelez sans \
                            attendre notre service d’assistance au {phone}.",
            close_heading: "Comment fermer votre dossier",
            close_body: "Vous pouvez demander à tout moment la fermeture de votre dossier, par une \
                         demande écrite et signée adressée à l’Agence DSP à l’adresse \
                         ci-dessus. Dès sa fermeture, plus aucun professionnel de santé ne peut \
                         y accéder.",
            help_heading: "Des questions\u{a0}?",
            help_body: "Notre service d’assistance vous répond du lundi au vendredi, de 8\u{a0}h \
                        à 17\u{a0}h\u{a0}: téléphone {phone}, courriel {email}. Conservez cette \
                        lettre en lieu sûr et ne communiquez jamais votre code d’activation à \
                        personne.",
            closing: "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos \
                      salutations distinguées.",
            no_signature: "Ce courrier est établi automatiquement et valable sans signature.",
            page: "Page {n} sur {total}",
        },
        Language::De => Words {
            title: "Informations- und Aktivierungsschreiben – elektronische Gesundheitsakte",
            tagline: "Elektronische Gesundheitsakte – Dossier de Soins Partagé",
            phone_label: "Tel.",
            id_label: "Identifikationsnummer",
            date_label: "Datum",
            helpdesk_label: "Helpdesk",
            place_date: "Luxemburg, {date}",
            subject: "Ihre elektronische Gesundheitsakte (DSP): Information und \
                      Aktivierungscode",
            salutation: "Guten Tag {name},",
            intro: "die Agence DSP hat für Sie eine elektronische Gesundheitsakte (Dossier de \
                    Soins Partagé, DSP) eröffnet. Sie ist kostenlos, persönlich und sicher. Die \
                    Gesundheitsfachkräfte, die Sie behandeln, teilen darin Ihre wichtigsten \
                    Gesundheitsdokumente, etwa Krankenhausberichte, Laborergebnisse, \
                    Röntgenbefunde und abgegebene Medikamente. Sie behalten die Kontrolle: Sie \
                    entscheiden, wer was sehen darf, und sehen jeden Zugriff auf Ihre Akte.",
            object_heading: "Ihr Widerspruchsrecht innerhalb von 30 Tagen",
            object_body: "Sie müssen diese Akte nicht annehmen. Wenn Sie vor dem {deadline} \
                          widersprechen, wird Ihre Akte gelöscht. Wenn Sie nichts unternehmen, \
                          dürfen die Gesundheitsfachkräfte, die Sie behandeln, sie ab dem \
                          {deadline} nutzen; über den ersten Zugriff werden Sie informiert. Für \
                          Ihren Widerspruch rufen Sie unseren Helpdesk an oder schreiben Sie an \
                          die Agence DSP (Anschrift oben).",
            activate_heading: "So aktivieren Sie Ihre Akte",
            steps: [
                "Rufen Sie {url} auf.",
                "Geben Sie Ihre Identifikationsnummer ({nid}) und den unten stehenden \
                 Aktivierungscode ein.",
                "Registrieren Sie einen „Passkey“ auf Ihrem Smartphone oder Computer. Damit \
                 melden Sie sich künftig ohne Passwort an.",
            ],
            code_label: "Ihr Aktivierungscode",
            code_note: "Der Code gilt nur ein einziges Mal und läuft am {expires} ab. Nach \
                        5 Fehlversuchen wird er gesperrt; fordern Sie in diesem Fall bei der \
                        Agence DSP ein neues Schreiben an. Sobald Ihnen ein neues Schreiben \
                        zugeht, ist der Code in diesem Schreiben ungültig.",
            practice_heading: "Beim Arzt, auch ohne Aktivierung: Ihr Praxiscode",
            practice_body: "Sie müssen Ihre Akte nicht aktivieren, damit ein Arzt oder eine andere \
                            Gesundheitsfachkraft in einer Praxis sie nutzen kann. Wenn Sie \
                            einverstanden sind, nennen Sie beim Besuch Ihre Identifikationsnummer \
                            und den unten stehenden Praxiscode: Damit öffnet die Praxis eine \
                            Behandlungsverbindung von 15 Tagen zu Ihrer Akte. Geben Sie den Code \
                            nur einer Fachkraft, die Sie behandelt.",
            practice_code_label: "Ihr Praxiscode (für Ihre Ärztin oder Ihren Arzt)",
            practice_note: "Der Praxiscode gilt ein einziges Mal, bis zum {pexpires}. Nach 5 Fehlversuchen \
                            wird er gesperrt. Jede Verwendung steht im Verlauf Ihrer Akte, mit \
                            einer Nachricht, wer ihn verwendet hat: Sie sehen sie, sobald Sie Ihre \
                            Akte aktiviert haben, oder fragen Sie unseren Helpdesk. Für den \
                            nächsten Besuch fordern Sie beim Helpdesk ein neues Schreiben an oder \
                            erstellen Sie im Portal einen neuen Code; jedes neue Schreiben und \
                            jeder neue Code macht diesen ungültig. Im Portal können Sie den \
                            Praxiscode auch abschalten.",
            recovery_subject: "Ihre elektronische Gesundheitsakte (DSP): \
                               Wiederherstellungsschreiben für einen verlorenen Passkey",
            recovery_heading: "Wiederherstellungsschreiben",
            recovery_body: "Ihre Akte ist bereits aktiviert. Dieses Schreiben ersetzt einen \
                            verlorenen „Passkey“: Verwenden Sie den unten stehenden Code nur, wenn \
                            Sie Ihren Passkey verloren haben. Damit werden alle Passkeys gelöscht, \
                            die Sie registriert haben, und alle Ihre Sitzungen beendet; der neue \
                            Passkey, den Sie dann erstellen, ist der einzige. Wenn Sie dieses \
                            Schreiben nicht angefordert haben, rufen Sie bitte sofort unseren \
                            Helpdesk unter {phone} an.",
            close_heading: "So schließen Sie Ihre Akte",
            close_body: "Sie können jederzeit beantragen, dass Ihre Akte geschlossen wird: mit \
                         einem unterschriebenen Antrag auf Papier an die Agence DSP (Anschrift \
                         oben). Eine geschlossene Akte ist für keine Gesundheitsfachkraft mehr \
                         erreichbar.",
            help_heading: "Fragen?",
            help_body: "Unser Helpdesk ist montags bis freitags von 8 bis 17 Uhr für Sie da: \
                        Telefon {phone}, E-Mail {email}. Bitte bewahren Sie dieses Schreiben \
                        sicher auf und geben Sie Ihren Aktivierungscode niemals weiter.",
            closing: "Mit freundlichen Grüßen",
            no_signature: "Dieses Schreiben wurde maschinell erstellt und ist ohne Unterschrift \
                           gültig.",
            page: "Seite {n} von {total}",
        },
        Language::En => Words {
            title: "Information and activation letter – shared care record",
            tagline: "Shared care record – Dossier de Soins Partagé",
            phone_label: "Phone",
            id_label: "National ID",
            date_label: "Date",
            helpdesk_label: "Helpdesk",
            place_date: "Luxembourg, {date}",
            subject: "Your shared care record (DSP): information and activation code",
            salutation: "Dear {name},",
            intro: "The Agence DSP has opened a shared care record (Dossier de Soins Partagé, \
                    DSP) in your name. It is free, personal and secure. The health \
                    professionals who treat you use it to share your essential health \
                    documents, such as hospital reports, laboratory results, imaging reports \
                    and the medicines dispensed to you. You stay in control: you decide who may \
                    see what, and you see every access to your record.",
            object_heading: "Your right to object within 30 days",
            object_body: "You do not have to accept this record. If you object before \
                          {deadline}, your record will be deleted. If you do nothing, from \
                          {deadline} the health professionals who treat you may use it, and we \
                          will tell you when a professional opens it for the first time. To \
                          object, call our helpdesk or write to the Agence DSP at the address \
                          above.",
            activate_heading: "How to activate your record",
            steps: [
                "Go to {url}.",
                "Enter your national ID ({nid}) and the activation code below.",
                "Register a passkey on your phone or computer. From then on, you sign in with \
                 this passkey – no password needed.",
            ],
            code_label: "Your activation code",
            code_note: "The code works only once and expires on {expires}. After 5 wrong \
                        attempts it is locked; in that case, ask the Agence DSP for a new \
                        letter. As soon as we send you a new letter, the code in this one stops \
                        working.",
            practice_heading: "At the doctor’s, even without activating: your practice code",
            practice_body: "You do not need to activate your record for a doctor or another health \
                            professional in private practice to use it. At the visit, if you \
                            agree, give them your national ID and the practice code below: with \
                            it they open a 15-day consultation link to your record. Give the code \
                            only to a professional who treats you.",
            practice_code_label: "Your practice code (for your doctor)",
            practice_note: "The practice code works once, until {pexpires}. After 5 wrong tries it is \
                            locked. Each use appears in your record’s history, with a message \
                            telling you who used it: you will see it as soon as you have \
                            activated your record, or ask our helpdesk. For your next visit, ask \
                            the helpdesk for a new letter or make a new code in the portal; any \
                            new letter or code voids this one. In the portal you can also switch \
                            the practice code off.",
            recovery_subject: "Your shared care record (DSP): recovery letter for a lost passkey",
            recovery_heading: "Recovery letter",
            recovery_body: "Your record is already activated. This letter replaces a lost \
                            passkey: use the code below only if you lost your passkey. Using it \
                            removes every passkey you registered and ends all your sessions; the \
                            new passkey you then create is the only one. If you did not ask for \
                            this letter, call our helpdesk at once on {phone}.",
            close_heading: "How to close your record",
            close_body: "You may ask for your record to be closed at any time, with a signed \
                         request on paper to the Agence DSP at the address above. Once it is \
                         closed, no health professional can reach it any more.",
            help_heading: "Questions?",
            help_body: "Our helpdesk is there for you from Monday to Friday, 8 am to 5 pm: phone \
                        {phone}, e-mail {email}. Please keep this letter in a safe place and \
                        never share your activation code with anyone.",
            closing: "Yours sincerely,",
            no_signature: "This letter was produced automatically and is valid without a \
                           signature.",
            page: "Page {n} of {total}",
        },
    }
}

/// A date as the letter prints it: `25 novembre 2026`, `25. November 2026`, `25 November 2026`;
/// French writes the first day of a month `1er`.
fn format_date(language: Language, date: NaiveDate) -> String {
    const LB: [&str; 12] = [
        "Januar",
        "Februar",
        "Mäerz",
        "Abrëll",
        "Mee",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const DE: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = usize::try_from(date.month0()).unwrap_or(0) % 12;
    let (day, year) = (date.day(), date.year());
    match language {
        Language::Lb => format!("{day}. {} {year}", LB[month]),
        Language::De => format!("{day}. {} {year}", DE[month]),
        Language::Fr if day == 1 => format!("1er {} {year}", FR[month]),
        Language::Fr => format!("{day} {} {year}", FR[month]),
        Language::En => format!("{day} {} {year}", EN[month]),
    }
}

/// The Luxembourgish masculine article before a spoken ordinal day: the final *n* of `den`
/// stays only before a vowel or *n d t z h* (the n-rule), so `de 25.` (fënnefanzwanzegsten)
/// but `den 28.` (aachtanzwanzegsten). Exactly the days ending in 4–7 start with *v f s*.
fn lb_article(date: NaiveDate) -> &'static str {
    if matches!(date.day() % 10, 4..=7) { "de" } else { "den" }
}

/// The national ID grouped as it is printed: `1893 1201 057 32`.
fn grouped_national_id(id: &NationalId) -> String {
    let digits = id.as_str();
    match (digits.get(..4), digits.get(4..8), digits.get(8..11), digits.get(11..)) {
        (Some(a), Some(b), Some(c), Some(d)) => format!("{a} {b} {c} {d}"),
        _ => digits.to_owned(),
    }
}

// ---------------------------------------------------------------------------------------------
// Fonts and metrics
// ---------------------------------------------------------------------------------------------

/// Noto Sans, regular and bold (SIL Open Font License 1.1, see `backend/fonts/OFL.txt`): Latin
/// with its extensions, Greek and Cyrillic. Only the glyphs a letter uses are embedded.
static REGULAR_TTF: &[u8] = include_bytes!("../fonts/NotoSans-Regular.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../fonts/NotoSans-Bold.ttf");

/// The fonts as the PDF writer embeds them (parsed once per process).
struct PdfFonts {
    regular: krilla::text::Font,
    bold: krilla::text::Font,
}

static PDF_FONTS: LazyLock<Option<PdfFonts>> = LazyLock::new(|| {
    Some(PdfFonts {
        regular: krilla::text::Font::new(REGULAR_TTF.into(), 0)?,
        bold: krilla::text::Font::new(BOLD_TTF.into(), 0)?,
    })
});

/// The fonts as the shaper measures them: the same rustybuzz shaping krilla draws with.
static FACES: LazyLock<Option<(rustybuzz::Face<'static>, rustybuzz::Face<'static>)>> =
    LazyLock::new(|| {
        Some((
            rustybuzz::Face::from_slice(REGULAR_TTF, 0)?,
            rustybuzz::Face::from_slice(BOLD_TTF, 0)?,
        ))
    });

/// The two faces the letter uses; codes are set in the bold one, larger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    /// The advance width of `text` shaped in this font, in em (multiply by the size for points).
    fn em(self, text: &str) -> f32 {
        let Some((regular, bold)) = FACES.as_ref() else {
            return 0.0;
        };
        let face = match self {
            Self::Regular => regular,
            Self::Bold => bold,
        };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(face, &[], buffer);
        let units: i64 = shaped.glyph_positions().iter().map(|p| i64::from(p.x_advance)).sum();
        #[expect(clippy::cast_precision_loss, reason = "a line's width in font units is small")]
        let em =
            units as f32 / f32::from(u16::try_from(face.units_per_em()).unwrap_or(1000).max(1));
        em
    }

    /// The width of `text` in points at `size`.
    fn width(self, text: &str, size: f32) -> f32 {
        self.em(text) * size
    }
}

// ---------------------------------------------------------------------------------------------
// Styled text and word wrapping
// ---------------------------------------------------------------------------------------------

/// A piece of text in one font. An atomic run (a filled-in date, code, URL…) is never broken at
/// its spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    font: Font,
    text: String,
    atomic: bool,
}

impl Run {
    fn new(font: Font, text: &str) -> Self {
        Self { font, text: text.to_owned(), atomic: false }
    }
}

/// Fills `{name}` placeholders of a template with the given values, each in its own font and
/// unbreakable; the template's own text is in `base`. Unknown placeholders stay as written.
fn fill(template: &str, base: Font, values: &[(&str, &str, Font)]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|i| open + i) else {
            break;
        };
        let name = &rest[open + 1..close];
        let Some((_, value, font)) = values.iter().find(|(n, _, _)| *n == name) else {
            runs.push(Run::new(base, &rest[..=close]));
            rest = &rest[close + 1..];
            continue;
        };
        if open > 0 {
            runs.push(Run::new(base, &rest[..open]));
        }
        runs.push(Run { font: *font, text: (*value).to_owned(), atomic: true });
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        runs.push(Run::new(base, rest));
    }
    merge(runs)
}

/// Joins neighbouring runs in the same font and breakability.
fn merge(runs: Vec<Run>) -> Vec<Run> {
    let mut merged: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        match merged.last_mut() {
            Some(last) if last.font == run.font && last.atomic == run.atomic => {
                last.text.push_str(&run.text);
            }
            _ if run.text.is_empty() => {}
            _ => merged.push(run),
        }
    }
    merged
}

/// Splits styled text into words at its breakable spaces; a word may mix fonts (`2026.`).
fn words(runs: &[Run]) -> Vec<Vec<Run>> {
    let mut words = Vec::new();
    let mut word: Vec<Run> = Vec::new();
    for run in runs {
        if run.atomic {
            word.push(run.clone());
            continue;
        }
        for (i, piece) in run.text.split(' ').enumerate() {
            if i > 0 && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            if !piece.is_empty() {
                word.push(Run::new(run.font, piece));
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// The width of styled text in em, each run shaped as it is drawn.
fn runs_em(runs: &[Run]) -> f32 {
    runs.iter().map(|r| r.font.em(&r.text)).sum()
}

/// Breaks styled text into lines no wider than `max_width` points at `size`, measured by shaping
/// each candidate line as it will be drawn (kerning included). Lines break at spaces; a word
/// wider than a whole line is cut where it must.
fn wrap(runs: &[Run], size: f32, max_width: f32) -> Vec<Vec<Run>> {
    let max_em = max_width.max(0.0) / size;
    let mut lines = Vec::new();
    let mut line: Vec<Run> = Vec::new();
    for word in words(runs) {
        if !line.is_empty() {
            let mut candidate = line.clone();
            if let Some(last) = candidate.last_mut() {
                last.text.push(' ');
            }
            candidate.extend(word.iter().cloned());
            let candidate = merge(candidate);
            if runs_em(&candidate) <= max_em {
                line = candidate;
                continue;
            }
            lines.push(std::mem::take(&mut line));
        }
        if runs_em(&word) <= max_em {
            line = word;
        } else {
            let mut pieces = cut(&word, max_em);
            line = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Cuts one over-long word into pieces that each fit `max_em` (a piece holds at least one
/// character, so a line narrower than any glyph still makes progress).
fn cut(word: &[Run], max_em: f32) -> Vec<Vec<Run>> {
    let mut pieces = Vec::new();
    let mut piece: Vec<Run> = Vec::new();
    for run in word {
        for c in run.text.chars() {
            let mut text = String::new();
            text.push(c);
            let next = Run { font: run.font, text, atomic: run.atomic };
            if !piece.is_empty() {
                let mut candidate = piece.clone();
                candidate.push(next.clone());
                if runs_em(&merge(candidate)) > max_em {
                    pieces.push(merge(std::mem::take(&mut piece)));
                }
            }
            piece.push(next);
        }
    }
    if !piece.is_empty() {
        pieces.push(merge(piece));
    }
    pieces
}

// ---------------------------------------------------------------------------------------------
// Page layout
// ---------------------------------------------------------------------------------------------

const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
/// 25 mm left, 20 mm right, as in a DIN 5008 business letter.
const LEFT: f32 = 70.87;
const RIGHT: f32 = 538.58;
const TEXT_WIDTH: f32 = RIGHT - LEFT;
/// No body baseline goes below this; the footer lives underneath.
const BOTTOM: f32 = 66.0;
/// Where the body starts on pages after the first.
const CONTINUATION_TOP: f32 = 772.0;
/// The information block on the right of the address window (125 mm from the left edge).
const INFO_LEFT: f32 = 354.33;

const BODY_SIZE: f32 = 10.0;
const BODY_LEADING: f32 = 14.0;
const HEADING_SIZE: f32 = 11.0;
const STEP_INDENT: f32 = 18.0;

type Rgb = (f32, f32, f32);
const INK: Rgb = (0.10, 0.11, 0.13);
const ACCENT: Rgb = (0.06, 0.24, 0.42);
const MUTED: Rgb = (0.40, 0.42, 0.46);
const TINT: Rgb = (0.94, 0.96, 0.98);

/// One element of a laid-out page; coordinates in points from the bottom-left corner.
#[derive(Debug, Clone, PartialEq)]
enum Op {
    /// Text with its baseline starting at (`x`, `y`).
    Text { x: f32, y: f32, size: f32, color: Rgb, font: Font, text: String },
    /// A horizontal line.
    Rule { x0: f32, x1: f32, y: f32, width: f32, color: Rgb },
    /// A filled and outlined rectangle whose bottom-left corner is (`x`, `y`).
    Box { x: f32, y: f32, width: f32, height: f32, fill: Rgb, stroke: Rgb, line_width: f32 },
}

/// The laid-out letter: what each page draws, plus what the tests check about the geometry.
struct Composed {
    pages: Vec<Vec<Op>>,
    /// The right end of the widest text line drawn, in points from the left edge.
    widest_right: f32,
    /// The lowest body baseline, in points from the bottom edge.
    lowest_baseline: f32,
}

/// Places text and shapes page by page, moving a baseline cursor down and starting a new page
/// when the next line would cross [`BOTTOM`].
struct Layout {
    done: Vec<Vec<Op>>,
    page: Vec<Op>,
    /// The baseline of the last line drawn.
    y: f32,
    widest_right: f32,
    lowest_baseline: f32,
}

impl Layout {
    fn new() -> Self {
        Self {
            done: Vec::new(),
            page: Vec::new(),
            y: PAGE_HEIGHT,
            widest_right: 0.0,
            lowest_baseline: PAGE_HEIGHT,
        }
    }

    /// Makes sure `height` points fit below the cursor, else continues on a new page.
    fn need(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.done.push(std::mem::take(&mut self.page));
            self.y = CONTINUATION_TOP;
        }
    }

    fn gap(&mut self, points: f32) {
        self.y -= points;
    }

    /// Draws one line of runs with its baseline at (`x`, `y`), each run after the one before.
    fn line_at(&mut self, x: f32, y: f32, size: f32, color: Rgb, runs: &[Run]) {
        let mut cursor = x;
        for run in runs {
            self.page.push(Op::Text {
                x: cursor,
                y,
                size,
                color,
                font: run.font,
                text: run.text.clone(),
            });
            cursor += run.font.width(&run.text, size);
        }
        self.widest_right = self.widest_right.max(cursor);
        self.lowest_baseline = self.lowest_baseline.min(y);
    }

    /// Draws one plain line right-aligned to `right`.
    fn right_aligned(&mut self, right: f32, y: f32, size: f32, color: Rgb, font: Font, text: &str) {
        let x = right - font.width(text, size);
        self.line_at(x, y, size, color, &[Run::new(font, text)]);
    }

    /// Flows styled text at the cursor: `x` and `width` bound it, `marker` (a list number) hangs
    /// in front of the first line at `marker_x`.
    #[expect(clippy::too_many_arguments, reason = "a text block has this many properties")]
    fn flow(
        &mut self,
        runs: &[Run],
        x: f32,
        width: f32,
        size: f32,
        leading: f32,
        color: Rgb,
        marker: Option<(f32, &str)>,
    ) {
        for (i, line) in wrap(runs, size, width).iter().enumerate() {
            self.need(leading);
            self.y -= leading;
            if let (0, Some((marker_x, marker))) = (i, marker) {
                self.line_at(marker_x, self.y, size, color, &[Run::new(Font::Bold, marker)]);
            }
            self.line_at(x, self.y, size, color, line);
        }
    }

    /// A body paragraph across the text width.
    fn paragraph(&mut self, runs: &[Run]) {
        self.flow(runs, LEFT, TEXT_WIDTH, BODY_SIZE, BODY_LEADING, INK, None);
    }

    /// A section heading, kept on the same page as the first two lines that follow it.
    fn heading(&mut self, text: &str) {
        self.gap(9.0);
        self.need(18.0 + 3.0 * BODY_LEADING);
        let runs = [Run::new(Font::Bold, text)];
        self.flow(&runs, LEFT, TEXT_WIDTH, HEADING_SIZE, 16.0, ACCENT, None);
        self.gap(1.0);
    }

    fn rule(&mut self, x0: f32, x1: f32, y: f32, width: f32, color: Rgb) {
        self.page.push(Op::Rule { x0, x1, y, width, color });
    }

    /// A code in a tinted box, in bold, as one line of its own.
    fn code_box(&mut self, label: &str, code: &str) {
        let (x, width, height) = (LEFT + STEP_INDENT, TEXT_WIDTH - STEP_INDENT, 62.0);
        self.gap(10.0);
        self.need(height + 6.0);
        let top = self.y;
        let bottom = top - height;
        self.page.push(Op::Box {
            x,
            y: bottom,
            width,
            height,
            fill: TINT,
            stroke: ACCENT,
            line_width: 1.2,
        });

        let label_runs = [Run::new(Font::Bold, label)];
        let label_lines = wrap(&label_runs, 8.5, width - 24.0);
        if let Some(line) = label_lines.first() {
            self.line_at(x + 12.0, top - 15.0, 8.5, MUTED, line);
        }
        let natural = Font::Bold.width(code, 1.0);
        let size = if natural > 0.0 { ((width - 28.0) / natural).min(22.0) } else { 22.0 };
        let code_x = x + (width - Font::Bold.width(code, size)) / 2.0;
        self.line_at(code_x, bottom + 15.0, size, INK, &[Run::new(Font::Bold, code)]);
        self.y = bottom - 4.0;
    }
}
/// Lays out the letter for `facts`.
#[expect(clippy::too_many_lines, reason = "the letter, top to bottom")]
fn compose(facts: &LetterFacts<'_>) -> Composed {
    let language = facts.language;
    let words = words_for(language);
    let name = format!("{} {}", facts.given_name.trim(), facts.family_name.trim());
    let issued = format_date(language, facts.issued_on);
    let deadline = format_date(language, facts.objection_deadline);
    let expires = format_date(language, facts.code_expires_on);
    let nid = grouped_national_id(facts.national_id);
    let mut layout = Layout::new();

    // Letterhead.
    layout.line_at(LEFT, 790.0, 18.0, ACCENT, &[Run::new(Font::Bold, AGENCY)]);
    let tagline = wrap(&[Run::new(Font::Regular, words.tagline)], 9.0, INFO_LEFT - LEFT - 10.0);
    if let Some(line) = tagline.first() {
        layout.line_at(LEFT, 776.0, 9.0, MUTED, line);
    }
    let phone = format!("{} {HELPDESK_PHONE}", words.phone_label);
    for (i, text) in [AGENCY_STREET, AGENCY_CITY, phone.as_str(), HELPDESK_EMAIL].iter().enumerate()
    {
        layout.right_aligned(RIGHT, 796.0 - 10.5 * index_f32(i), 8.5, MUTED, Font::Regular, text);
    }
    layout.rule(LEFT, RIGHT, 754.0, 0.8, ACCENT);

    // Window-envelope return line and recipient.
    let return_line = format!("{AGENCY} · {AGENCY_STREET} · {AGENCY_CITY}");
    layout.line_at(LEFT, 716.0, 7.0, MUTED, &[Run::new(Font::Regular, &return_line)]);
    let return_width = Font::Regular.width(&return_line, 7.0);
    layout.rule(LEFT, LEFT + return_width, 713.5, 0.4, MUTED);
    let window = INFO_LEFT - LEFT - 14.0;
    layout.y = 712.0;
    let mut recipient = vec![name.clone()];
    recipient.extend(facts.address_lines.iter().take(4).map(|l| l.trim().to_owned()));
    for line in &recipient {
        let runs = [Run::new(Font::Regular, line)];
        for wrapped in wrap(&runs, 10.5, window).iter().take(2) {
            layout.y -= 13.5;
            layout.line_at(LEFT, layout.y, 10.5, INK, wrapped);
        }
    }
    let after_address = layout.y;

    // Information block.
    let place_date = fill(
        words.place_date,
        Font::Regular,
        &[("date", &issued, Font::Regular), ("art", lb_article(facts.issued_on), Font::Regular)],
    );
    let info: [(&str, Vec<Run>); 3] = [
        (words.id_label, vec![Run { font: Font::Bold, text: nid.clone(), atomic: true }]),
        (words.date_label, place_date),
        (words.helpdesk_label, vec![Run::new(Font::Regular, HELPDESK_PHONE)]),
    ];
    layout.y = 712.0;
    for (label, value) in &info {
        layout.flow(
            &[Run::new(Font::Regular, label)],
            INFO_LEFT,
            RIGHT - INFO_LEFT,
            7.5,
            11.0,
            MUTED,
            None,
        );
        layout.flow(value, INFO_LEFT, RIGHT - INFO_LEFT, 9.5, 12.0, INK, None);
        layout.gap(5.0);
    }
    layout.y = layout.y.min(after_address).min(596.0);

    // Subject and salutation.
    layout.gap(6.0);
    let subject = if facts.recovery { words.recovery_subject } else { words.subject };
    layout.flow(&[Run::new(Font::Bold, subject)], LEFT, TEXT_WIDTH, 12.0, 16.0, INK, None);
    layout.gap(12.0);
    layout.paragraph(&fill(words.salutation, Font::Regular, &[("name", &name, Font::Regular)]));
    layout.gap(6.0);
    layout.paragraph(&fill(words.intro, Font::Regular, &[]));

    // Objection window; for an activated record, what a recovery letter does instead.
    if facts.recovery {
        layout.heading(words.recovery_heading);
        let phone = [("phone", HELPDESK_PHONE, Font::Bold)];
        layout.paragraph(&fill(words.recovery_body, Font::Regular, &phone));
    } else {
        let dates = [
            ("deadline", deadline.as_str(), Font::Bold),
            ("expires", expires.as_str(), Font::Bold),
        ];
        layout.heading(words.object_heading);
        layout.paragraph(&fill(words.object_body, Font::Regular, &dates));
    }

    // Activation.
    layout.heading(words.activate_heading);
    let step_values =
        [("url", facts.activation_url, Font::Bold), ("nid", nid.as_str(), Font::Bold)];
    for (i, step) in words.steps.iter().enumerate() {
        let marker = format!("{}.", i + 1);
        let runs = fill(step, Font::Regular, &step_values);
        layout.flow(
            &runs,
            LEFT + STEP_INDENT,
            TEXT_WIDTH - STEP_INDENT,
            BODY_SIZE,
            BODY_LEADING,
            INK,
            Some((LEFT + 2.0, &marker)),
        );
        layout.gap(2.0);
    }
    layout.code_box(words.code_label, facts.activation_code);
    let note = fill(
        words.code_note,
        Font::Regular,
        &[
            ("expires", expires.as_str(), Font::Bold),
            ("art", lb_article(facts.code_expires_on), Font::Regular),
        ],
    );
    layout.gap(4.0);
    layout.paragraph(&note);

    // The practice code, for a visit without activating.
    layout.heading(words.practice_heading);
    layout.paragraph(&fill(words.practice_body, Font::Regular, &[]));
    layout.code_box(words.practice_code_label, facts.practice_code);
    let practice_expires = format_date(language, facts.practice_code_expires_on);
    let practice_note = fill(
        words.practice_note,
        Font::Regular,
        &[
            ("pexpires", practice_expires.as_str(), Font::Bold),
            ("part", lb_article(facts.practice_code_expires_on), Font::Regular),
        ],
    );
    layout.gap(4.0);
    layout.paragraph(&practice_note);

    // Closing the record, help, signature.
    layout.heading(words.close_heading);
    layout.paragraph(&fill(words.close_body, Font::Regular, &[]));
    layout.heading(words.help_heading);
    let contact = [("phone", HELPDESK_PHONE, Font::Bold), ("email", HELPDESK_EMAIL, Font::Bold)];
    layout.paragraph(&fill(words.help_body, Font::Regular, &contact));

    layout.gap(14.0);
    layout.need(3.0 * BODY_LEADING + 30.0);
    layout.paragraph(&fill(words.closing, Font::Regular, &[]));
    layout.gap(10.0);
    layout.paragraph(&[Run::new(Font::Bold, AGENCY)]);
    layout.gap(6.0);
    layout.flow(
        &[Run::new(Font::Regular, words.no_signature)],
        LEFT,
        TEXT_WIDTH,
        7.5,
        10.0,
        MUTED,
        None,
    );

    // Footers, now that the page count is known.
    let widest_right = layout.widest_right;
    let lowest_baseline = layout.lowest_baseline;
    let mut contents = std::mem::take(&mut layout.done);
    contents.push(std::mem::take(&mut layout.page));
    let total = contents.len();
    let mut pages = Vec::with_capacity(total);
    for (i, content) in contents.into_iter().enumerate() {
        let mut footer = Layout { page: content, ..Layout::new() };
        if i > 0 {
            footer.line_at(LEFT, 796.0, 11.0, ACCENT, &[Run::new(Font::Bold, AGENCY)]);
            footer.right_aligned(RIGHT, 796.0, 8.5, MUTED, Font::Regular, &name);
            footer.rule(LEFT, RIGHT, 788.0, 0.8, ACCENT);
        }
        footer.rule(LEFT, RIGHT, 48.0, 0.4, MUTED);
        let footer_left = format!("{AGENCY} · {AGENCY_STREET} · {AGENCY_CITY} · {HELPDESK_EMAIL}");
        footer.line_at(LEFT, 36.0, 7.0, MUTED, &[Run::new(Font::Regular, &footer_left)]);
        let page_label =
            words.page.replace("{n}", &(i + 1).to_string()).replace("{total}", &total.to_string());
        footer.right_aligned(RIGHT, 36.0, 7.0, MUTED, Font::Regular, &page_label);
        pages.push(footer.page);
    }
    Composed { pages, widest_right, lowest_baseline }
}

fn index_f32(index: usize) -> f32 {
    f32::from(u16::try_from(index).unwrap_or(u16::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: &str = "K7PQ-M3XW-R9TD";
    const PRACTICE_CODE: &str = "M3XW-K7PQ-TD9R";

    fn national_id() -> NationalId {
        NationalId::parse("1893120105732").unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn address() -> Vec<String> {
        vec!["12, rue de l’Église".to_owned(), "L-9099 Ettelbruck".to_owned()]
    }

    fn facts<'a>(language: Language, id: &'a NationalId, address: &'a [String]) -> LetterFacts<'a> {
        LetterFacts {
            language,
            given_name: "Léonie",
            family_name: "Müller-Schräder",
            address_lines: address,
            national_id: id,
            activation_code: CODE,
            issued_on: date(2026, 11, 25),
            objection_deadline: date(2026, 12, 25),
            code_expires_on: date(2027, 2, 23),
            activation_url: "https://dsp.example.lu/activate",
            recovery: false,
            practice_code: PRACTICE_CODE,
            practice_code_expires_on: date(2027, 11, 25),
        }
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    /// The letter's text as a reader gets it back: `pdftotext` (Debian's poppler-utils, which
    /// `scripts/setup` installs), with every run of white space (line ends too) as one space.
    fn extracted(pdf: &[u8]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("letter.pdf");
        std::fs::write(&path, pdf).unwrap();
        let output = std::process::Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
            .expect(
                "pdftotext (poppler-utils) is needed to read the letters back: run scripts/setup",
            );
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// A piece of wording as it reads once extracted (white space collapsed).
    fn flat(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn all_words() -> Vec<&'static str> {
        Language::ALL
            .iter()
            .flat_map(|l| {
                let w = words_for(*l);
                let mut all = vec![
                    w.title,
                    w.tagline,
                    w.phone_label,
                    w.id_label,
                    w.date_label,
                    w.helpdesk_label,
                    w.place_date,
                    w.subject,
                    w.salutation,
                    w.intro,
                    w.object_heading,
                    w.object_body,
                    w.activate_heading,
                    w.code_label,
                    w.code_note,
                    w.practice_heading,
                    w.practice_body,
                    w.practice_code_label,
                    w.practice_note,
                    w.recovery_subject,
                    w.recovery_heading,
                    w.recovery_body,
                    w.close_heading,
                    w.close_body,
                    w.help_heading,
                    w.help_body,
                    w.closing,
                    w.no_signature,
                    w.page,
                ];
                all.extend(w.steps);
                all
            })
            .collect()
    }

    /// Residents whose names and addresses need more than Windows-1252.
    const RESIDENTS: [(&str, &str, [&str; 3]); 5] = [
        ("Łukasz", "Wójcik", ["ul. Źródlana 7/3, Żółkiewskiego", "90-418 Łódź", "Polska"]),
        ("Ștefan", "Popescu", ["Strada Ştirbei Vodă 14, ap. 3", "010102 București", "România"]),
        ("Antonín", "Dvořák", ["Nábřeží Přemyslovců 9", "120 00 Praha 2 – Vinohrady", "Česko"]),
        ("Γιώργος", "Παπαδόπουλος", ["Οδός Ερμού 25", "105 63 Αθήνα", "Ελλάδα"]),
        ("Анна", "Иванова", ["ул. Тверская, д. 7, кв. 12", "125009 Москва", "Россия"]),
    ];

    #[test]
    fn names_and_addresses_in_every_script_come_back_from_the_pdf_exactly() {
        let id = national_id();
        for (given, family, lines) in RESIDENTS {
            let address: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
            for language in Language::ALL {
                for recovery in [false, true] {
                    let tag = language.tag();
                    let mut f = facts(language, &id, &address);
                    f.given_name = given;
                    f.family_name = family;
                    f.recovery = recovery;
                    let text = extracted(&render(&f).unwrap());
                    for needle in [
                        format!("{given} {family}"),
                        lines[0].to_owned(),
                        lines[1].to_owned(),
                        lines[2].to_owned(),
                        "1893 1201 057 32".to_owned(),
                        CODE.to_owned(),
                        PRACTICE_CODE.to_owned(),
                    ] {
                        assert!(text.contains(&needle), "{tag}: {needle:?} not in {text}");
                    }
                    assert!(!text.contains('\u{FFFD}'), "{tag}: a missing glyph: {text}");
                }
            }
        }
    }

    #[test]
    fn every_language_renders_a_complete_letter() {
        let id = national_id();
        let address = address();
        for language in Language::ALL {
            let f = facts(language, &id, &address);
            let pdf = render(&f).unwrap();
            let words = words_for(language);
            let text = extracted(&pdf);
            let tag = language.tag();
            assert!(pdf.starts_with(b"%PDF-"), "{tag}");
            assert!(pdf.ends_with(b"%%EOF") || pdf.ends_with(b"%%EOF\n"), "{tag}");
            // The font is embedded (a subset), no base-14 font is referenced.
            assert!(contains(&pdf, b"/FontFile2"), "{tag}: the font is not embedded");
            assert!(contains(&pdf, b"NotoSans"), "{tag}");
            assert!(!contains(&pdf, b"Helvetica") && !contains(&pdf, b"Courier"), "{tag}");
            assert!(contains(&pdf, format!("/Lang ({tag})").as_bytes()), "{tag}: /Lang");

            for needle in [
                words.subject,
                words.object_heading,
                words.activate_heading,
                words.close_heading,
                words.code_label,
                words.practice_heading,
                words.practice_code_label,
                words.closing,
                "Léonie Müller-Schräder",
                "12, rue de l’Église",
                "L-9099 Ettelbruck",
                "1893 1201 057 32",
                "https://dsp.example.lu/activate",
                CODE,
                PRACTICE_CODE,
                HELPDESK_EMAIL,
            ] {
                assert!(text.contains(&flat(needle)), "{tag}: missing {needle:?} in {text}");
            }
            for day in [f.objection_deadline, f.code_expires_on, f.issued_on] {
                let shown = format_date(language, day);
                assert!(text.contains(&shown), "{tag}: missing {shown:?}");
            }
            assert!(!text.contains('{'), "{tag}: a placeholder was left unfilled");
            assert!(!text.contains('*'), "{tag}");
        }
    }

    #[test]
    fn a_recovery_letter_says_what_its_code_does_in_every_language() {
        let id = national_id();
        let address = address();
        for language in Language::ALL {
            let tag = language.tag();
            let words = words_for(language);
            let mut f = facts(language, &id, &address);
            let plain = extracted(&render(&f).unwrap());
            f.recovery = true;
            let text = extracted(&render(&f).unwrap());
            assert!(text.contains(&flat(words.recovery_heading)), "{tag}: recovery heading");
            assert!(text.contains(&flat(words.recovery_subject)), "{tag}: subject");
            assert!(!text.contains(&flat(words.subject)), "{tag}: the plain subject");
            assert!(!text.contains(&flat(words.object_heading)), "{tag}: no objection");
            assert!(!plain.contains(&flat(words.recovery_heading)), "{tag}: plain letter");
            assert!(text.contains(CODE), "{tag}: code");
            assert!(text.contains(HELPDESK_PHONE), "{tag}");
            assert!(!text.contains('{'), "{tag}: a placeholder was left unfilled");
            let composed = compose(&f);
            assert!(composed.widest_right <= RIGHT + 0.01, "{tag}: {}", composed.widest_right);
            assert!(composed.lowest_baseline >= BOTTOM, "{tag}: {}", composed.lowest_baseline);
            assert!((1..=2).contains(&composed.pages.len()), "{tag}");
        }
    }

    #[test]
    fn language_specific_phrases_are_in_the_text() {
        let id = national_id();
        let address = address();
        let cases = [
            (Language::Lb, "Wéi Dir Ären Dossier aktivéiert", "Mat frëndleche Gréiss"),
            (Language::Fr, "Comment activer votre dossier", "salutations distinguées."),
            (Language::De, "So schließen Sie Ihre Akte", "Mit freundlichen Grüßen"),
            (Language::En, "How to activate your record", "Yours sincerely,"),
        ];
        for (language, heading, closing) in cases {
            let text = extracted(&render(&facts(language, &id, &address)).unwrap());
            assert!(text.contains(heading), "{heading}");
            assert!(text.contains(closing), "{closing}");
            for (other, other_heading, _) in cases {
                if other != language {
                    assert!(!text.contains(other_heading), "{other_heading} leaked");
                }
            }
        }
    }

    #[test]
    fn languages_give_different_letters() {
        let id = national_id();
        let address = address();
        let texts: Vec<String> = Language::ALL
            .iter()
            .map(|l| extracted(&render(&facts(*l, &id, &address)).unwrap()))
            .collect();
        for (i, a) in texts.iter().enumerate() {
            for b in &texts[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn texts_stay_inside_the_margins_even_with_long_facts() {
        let id = national_id();
        let long_address = vec![
            "Appartement 12, Résidence « Les Jardins du Kirchberg », Bâtiment C, 3e étage"
                .to_owned(),
            "145, rue Jean-Pierre Probst-Grand-Duchesse-Charlotte-Verlängerung".to_owned(),
            "c/o Famille Zwaanepoel-Oberweis".to_owned(),
            "L-9999 Wemperhardt-Nordstaadmeisterschaftsgemeng".to_owned(),
        ];
        for language in Language::ALL {
            for address in [address(), long_address.clone()] {
                let mut f = facts(language, &id, &address);
                let long_name = "Marie-Christine-Antoinette-Joséphine-Élisabeth";
                if address.len() > 2 {
                    f.given_name = long_name;
                    f.activation_code = "K7PQ-M3XW-R9TD-K7PQ-M3XW-R9TD-K7PQ";
                    f.activation_url =
                        "https://dsp.example.lu/activate/with/a/rather/long/path/that/never/ends";
                }
                let composed = compose(&f);
                assert!(composed.widest_right <= RIGHT + 0.01, "{}", composed.widest_right);
                assert!(composed.lowest_baseline >= BOTTOM, "{}", composed.lowest_baseline);
                assert!(composed.pages.len() <= 2, "{} pages", composed.pages.len());
                let text = extracted(&render(&f).unwrap());
                assert!(text.contains(f.activation_code), "{text}");
            }
        }
    }

    fn line_width(line: &[Run], size: f32) -> f32 {
        runs_em(line) * size
    }

    fn plain(text: &str) -> Vec<Run> {
        vec![Run::new(Font::Regular, text)]
    }

    fn joined(lines: &[Vec<Run>]) -> String {
        lines
            .iter()
            .map(|l| l.iter().map(|r| r.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn wrap_keeps_every_line_within_the_width_and_every_word() {
        let sentence = "Dir kënnt Ären Dossier zu all Moment zoumaachen: online am Portal oder \
                        mat enger ënnerschriwwener Demande op Pabeier un d’Agence DSP. \
                        Γιώργος Παπαδόπουλος, Анна Иванова, Łukasz Wójcik. "
            .repeat(6);
        for width in [40.0, 95.5, 200.0, TEXT_WIDTH] {
            for font in [Font::Regular, Font::Bold] {
                let runs = vec![Run::new(font, &sentence)];
                let lines = wrap(&runs, BODY_SIZE, width);
                assert!(lines.len() > 1);
                for line in &lines {
                    assert!(line_width(line, BODY_SIZE) <= width, "{line:?}");
                    assert!(!line.iter().any(|r| r.text.starts_with(' ')));
                }
                if width >= 95.0 {
                    let words: Vec<&str> = sentence.split_whitespace().collect();
                    assert_eq!(joined(&lines), words.join(" "));
                }
            }
        }
    }

    #[test]
    fn a_batch_starts_every_letter_on_a_new_sheet() {
        let id = national_id();
        let address = address();
        let one = facts(Language::Fr, &id, &address);
        let single = render(&one).unwrap();
        let pages_of_one = pages(&single);
        let batch = render_batch(&[one, facts(Language::De, &id, &address), one]).unwrap();
        let per_letter = pages_of_one + pages_of_one % 2;
        assert_eq!(pages(&batch), 3 * per_letter);
        assert_eq!(pages(&render_batch(&[]).unwrap()), 1);
    }

    /// The number of pages of a PDF krilla wrote: its page tree's `/Count`.
    fn pages(pdf: &[u8]) -> usize {
        let text = String::from_utf8_lossy(pdf);
        let at = text.find("/Count ").expect("a page tree");
        text[at + 7..].chars().take_while(char::is_ascii_digit).collect::<String>().parse().unwrap()
    }

    #[test]
    fn wrap_fills_lines_greedily() {
        let lines = wrap(&plain("aaa bbb ccc"), 10.0, 1000.0);
        assert_eq!(lines.len(), 1);
        let a = Font::Regular.width("aaa bbb", 10.0);
        let lines = wrap(&plain("aaa bbb ccc"), 10.0, a + 0.01);
        assert_eq!(joined(&lines), "aaa bbb ccc");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], plain("aaa bbb"));
        assert!(wrap(&plain(""), 10.0, 100.0).is_empty());
        assert!(wrap(&plain("   "), 10.0, 100.0).is_empty());
    }

    #[test]
    fn wrap_cuts_words_longer_than_a_line() {
        let word = "Gesondheetsprofessionellenaktivéierungscodeverlängerungsbréif";
        let text = format!("Kuerz {word} Enn");
        let lines = wrap(&plain(&text), BODY_SIZE, 80.0);
        assert!(lines.len() >= 4, "{lines:?}");
        for line in &lines {
            assert!(line_width(line, BODY_SIZE) <= 80.0, "{line:?}");
        }
        let glued: String = lines.iter().flatten().map(|r| r.text.as_str()).collect();
        assert_eq!(glued.replace(' ', ""), text.replace(' ', ""));
        // Narrower than a single glyph: one character per line, never a loop.
        let lines = wrap(&plain("WWW"), 10.0, 1.0);
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn wrap_keeps_filled_values_whole_and_mixes_fonts() {
        let runs = fill(
            "If you object before {deadline}, your record will be deleted.",
            Font::Regular,
            &[("deadline", "25 December 2026", Font::Bold)],
        );
        assert_eq!(runs.len(), 3);
        assert_eq!(
            runs[1],
            Run { font: Font::Bold, text: "25 December 2026".into(), atomic: true }
        );
        for width in [100.0, 120.0, 180.0, 400.0] {
            let lines = wrap(&runs, BODY_SIZE, width);
            let holding: Vec<_> =
                lines.iter().filter(|l| l.iter().any(|r| r.text.contains("December"))).collect();
            assert_eq!(holding.len(), 1, "the date was split at width {width}");
            assert!(
                holding[0].iter().any(|r| r.font == Font::Bold && r.text == "25 December 2026")
            );
            for line in &lines {
                assert!(line_width(line, BODY_SIZE) <= width);
            }
        }
        let unknown = fill("a {nothing} b", Font::Regular, &[]);
        assert_eq!(unknown, plain("a {nothing} b"));
    }

    #[test]
    fn the_font_has_a_glyph_for_every_character_of_the_wording_and_the_names() {
        let (regular, bold) = FACES.as_ref().unwrap();
        let names = RESIDENTS.iter().flat_map(|(g, f, lines)| [*g, *f].into_iter().chain(*lines));
        for text in all_words().into_iter().chain(names) {
            for c in text.chars().filter(|c| !c.is_whitespace()) {
                assert!(regular.glyph_index(c).is_some(), "regular lacks {c:?} of {text:?}");
                assert!(bold.glyph_index(c).is_some(), "bold lacks {c:?} of {text:?}");
            }
            assert!(!text.contains("  "), "double space in {text:?}");
        }
        assert!(PDF_FONTS.is_some());
    }

    #[test]
    fn widths_come_from_the_shaped_font() {
        // Noto Sans: 1000 units per em; `W` is wider than `i`, bold wider than regular.
        assert!(Font::Regular.em("W") > 3.0 * Font::Regular.em("i"));
        assert!(Font::Bold.em("Helvetica") > Font::Regular.em("Helvetica"));
        let one = Font::Regular.em("Ł");
        assert!(one > 0.3 && one < 1.0, "{one}");
        assert!((Font::Regular.em("ŁŁ") - 2.0 * one).abs() < 1e-4);
        assert!(Font::Regular.width("Анна", 10.0) > 0.0);
        assert!(Font::Bold.width(CODE, 10.0) > Font::Regular.width(CODE, 10.0));
    }

    #[test]
    fn dates_follow_each_language() {
        let d = date(2026, 11, 25);
        assert_eq!(format_date(Language::Fr, d), "25 novembre 2026");
        assert_eq!(format_date(Language::De, d), "25. November 2026");
        assert_eq!(format_date(Language::Lb, d), "25. November 2026");
        assert_eq!(format_date(Language::En, d), "25 November 2026");
        assert_eq!(format_date(Language::Fr, date(2027, 8, 1)), "1er août 2027");
        assert_eq!(format_date(Language::Lb, date(2027, 3, 2)), "2. Mäerz 2027");
        assert_eq!(format_date(Language::Lb, date(2027, 4, 12)), "12. Abrëll 2027");
        assert_eq!(format_date(Language::Lb, date(2027, 5, 31)), "31. Mee 2027");
        assert_eq!(format_date(Language::De, date(2027, 3, 2)), "2. März 2027");
        assert_eq!(format_date(Language::Fr, date(2027, 2, 3)), "3 février 2027");
        assert_eq!(lb_article(date(2026, 11, 25)), "de");
        assert_eq!(lb_article(date(2026, 11, 28)), "den");
        assert_eq!(lb_article(date(2026, 11, 1)), "den");
        assert_eq!(lb_article(date(2026, 11, 14)), "de");
        assert_eq!(lb_article(date(2026, 11, 9)), "den");
        assert_eq!(grouped_national_id(&national_id()), "1893 1201 057 32");
    }

    #[test]
    fn the_letter_is_one_or_two_pages() {
        let id = national_id();
        let address = address();
        for language in Language::ALL {
            let composed = compose(&facts(language, &id, &address));
            assert!((1..=2).contains(&composed.pages.len()));
        }
    }

    /// Size and time of one letter (printed; run with `--nocapture`, in release for real times).
    #[test]
    fn a_letter_is_small_and_quick() {
        let id = national_id();
        let (given, family, lines) = RESIDENTS[3];
        let address: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        let mut f = facts(Language::Fr, &id, &address);
        f.given_name = given;
        f.family_name = family;
        let _ = render(&f).unwrap(); // parses the fonts once
        let rounds = 20_u32;
        let start = std::time::Instant::now();
        let mut size = 0;
        for _ in 0..rounds {
            size = render(&f).unwrap().len();
        }
        let each = start.elapsed() / rounds;
        println!("letter: {size} bytes, {each:?} to render");
        // Subsetting keeps the file far below the two embedded fonts (1 MB).
        assert!(size < 120_000, "{size} bytes");
    }
}
