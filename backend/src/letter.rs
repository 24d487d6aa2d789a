//! The letters DSP posts to patients, as printable PDFs in the patient's language: the
//! information and activation letter ([`render`], [`render_batch`]); for a record that already
//! has passkeys, a recovery letter (its code replaces them); and the confirmations of an
//! objection ([`render_objection_confirmation`]), a closing ([`render_closing_confirmation`]) and
//! a reopening ([`render_reopening_confirmation`]).
//!
//! The wording lives in the Fluent catalogues `backend/i18n/letters/{lb,fr,de,en}.ftl`, read
//! with `fluent-bundle`, where translators see it with the rest of the product's text; this
//! module owns the date formats the letters print and the page layout. The text is shaped and
//! drawn by `krilla` in Noto Sans, embedded as a subset (the font files and their licence are in
//! `backend/fonts`), so any name or address in Latin, Greek or Cyrillic script prints as
//! written; lines are wrapped with the widths of the same shaping. It is pure: it neither reads
//! the clock nor the database nor creates codes — the caller passes every fact ([`LetterFacts`],
//! [`ObjectionFacts`], [`ClosingFacts`], [`ReopeningFacts`]) and gets the PDF bytes back.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
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
    let words = words_for(facts.language);
    let subject =
        if facts.recovery { &words.activation.recovery_subject } else { &words.activation.subject };
    write_pdf(&composed, facts.language, &words.title, subject)
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
        add_pages(&mut document, &composed, fonts, &settings);
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

/// How a patient's request reached the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// The patient acted in the portal, signed in.
    Online,
    /// The patient wrote; an agent recorded the signed paper form.
    Postal,
}

/// What the objection confirmation says: the patient objected within the 30-day window, and the
/// record was deleted for good.
///
/// Render it BEFORE the purge erases the name and address it needs (the purge keeps nothing to
/// address a letter with); the letter says the record "has been deleted".
#[derive(Debug, Clone, Copy)]
pub struct ObjectionFacts<'a> {
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
    /// The date printed next to the place in the letterhead.
    pub issued_on: NaiveDate,
    /// The day the objection was made (online) or recorded (postal).
    pub objected_on: NaiveDate,
    /// Online in the portal, or by post recorded by an agent.
    pub channel: Channel,
    /// The reference the patient quotes to the helpdesk (the postal form's reference, or the
    /// audit event's id for an online objection).
    pub reference: &'a str,
}

/// Why a record was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosingCause {
    /// The patient closed it in the portal.
    Online,
    /// An agent closed it on the patient's signed paper request.
    Postal,
    /// Nobody accessed it for 10 years (the scheduled job closed it).
    Idle,
}

/// What the closing confirmation says: since when the record is sealed, what the patient can
/// still do, and until when it can be reopened. (A record closed on a death gets no letter.)
#[derive(Debug, Clone, Copy)]
pub struct ClosingFacts<'a> {
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
    /// The date printed next to the place in the letterhead.
    pub issued_on: NaiveDate,
    /// The day the record was closed.
    pub closed_on: NaiveDate,
    /// Online, on a postal request, or for inactivity.
    pub cause: ClosingCause,
    /// The last day the record can be reopened (10 years after closing); after it the record
    /// is purged.
    pub reopen_until: NaiveDate,
    /// The reference the patient quotes to the helpdesk (the closing form's reference, or the
    /// audit event's id).
    pub reference: &'a str,
}

/// What the reopening confirmation says: the record is open again as it was, without the
/// professionals' former consultation links.
#[derive(Debug, Clone, Copy)]
pub struct ReopeningFacts<'a> {
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
    /// The date printed next to the place in the letterhead.
    pub issued_on: NaiveDate,
    /// The day the record was reopened.
    pub reopened_on: NaiveDate,
    /// The reference the patient quotes to the helpdesk (the request's reference, or the audit
    /// event's id).
    pub reference: &'a str,
}

/// Renders the confirmation of an objection (one A4 page, the activation letter's layout).
///
/// # Errors
/// [`LetterError`] when the embedded fonts or the PDF writer fail.
pub fn render_objection_confirmation(facts: &ObjectionFacts<'_>) -> Result<Vec<u8>, LetterError> {
    let composed = compose_objection(facts);
    let words = &words_for(facts.language).objection;
    write_pdf(&composed, facts.language, &words.title, &words.subject)
}

/// Renders the confirmation that a record was closed (one A4 page, the activation letter's
/// layout).
///
/// # Errors
/// [`LetterError`] when the embedded fonts or the PDF writer fail.
pub fn render_closing_confirmation(facts: &ClosingFacts<'_>) -> Result<Vec<u8>, LetterError> {
    let composed = compose_closing(facts);
    let words = &words_for(facts.language).closing_letter;
    write_pdf(&composed, facts.language, &words.title, &words.subject)
}

/// Renders the confirmation that a closed record was reopened (one A4 page, the activation
/// letter's layout).
///
/// # Errors
/// [`LetterError`] when the embedded fonts or the PDF writer fail.
pub fn render_reopening_confirmation(facts: &ReopeningFacts<'_>) -> Result<Vec<u8>, LetterError> {
    let composed = compose_reopening(facts);
    let words = &words_for(facts.language).reopening;
    write_pdf(&composed, facts.language, &words.title, &words.subject)
}

/// Draws a composed letter's pages at the end of `document`.
fn add_pages(
    document: &mut Document,
    composed: &Composed,
    fonts: &PdfFonts,
    settings: &PageSettings,
) {
    for ops in &composed.pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, fonts, op);
        }
        surface.finish();
        page.finish();
    }
}

/// Writes one laid-out letter as a PDF with its metadata.
fn write_pdf(
    composed: &Composed,
    language: Language,
    title: &str,
    subject: &str,
) -> Result<Vec<u8>, LetterError> {
    debug_assert!(composed.widest_right <= RIGHT + 0.01, "a line crosses the right margin");
    debug_assert!(composed.lowest_baseline >= BOTTOM, "a line runs into the footer");
    let fonts = PDF_FONTS.as_ref().ok_or(LetterError::Font)?;
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| LetterError::Pdf("page size".to_owned()))?;

    let mut document = Document::new();
    add_pages(&mut document, composed, fonts, &settings);
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .authors(vec![AGENCY.to_owned()])
            .description(subject.to_owned())
            .producer("DSP".to_owned())
            .language(language.tag().to_owned()),
    );
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

/// The letters' Fluent catalogues, where translators find them next to the product's other text.
fn catalogue_source(language: Language) -> &'static str {
    match language {
        Language::Lb => include_str!("../i18n/letters/lb.ftl"),
        Language::Fr => include_str!("../i18n/letters/fr.ftl"),
        Language::De => include_str!("../i18n/letters/de.ftl"),
        Language::En => include_str!("../i18n/letters/en.ftl"),
    }
}

/// The letters' wording in one language, read from its catalogue once per process. Each Fluent
/// variable (`{ $deadline }`) comes out as a `{deadline}` slot that [`fill`] fills with the
/// value in its own font, unbreakable (a date in bold stays on one line).
struct Words {
    title: String,
    tagline: String,
    phone_label: String,
    id_label: String,
    date_label: String,
    helpdesk_label: String,
    reference_label: String,
    /// Place and date; `{date}` (and for Luxembourgish `{art}`, the article before it).
    place_date: String,
    /// `{name}` (in the languages that greet by name).
    salutation: String,
    help_heading: String,
    /// `{phone}`, `{email}`.
    help_body: String,
    closing: String,
    no_signature: String,
    /// `{n}` and `{total}`.
    page: String,
    activation: ActivationWords,
    /// `{phone}`, `{email}`, `{reference}`.
    confirmation_help_body: String,
    objection: ObjectionWords,
    closing_letter: ClosingWords,
    reopening: ReopeningWords,
}

/// The activation letter and, for a record with passkeys, the recovery letter.
struct ActivationWords {
    subject: String,
    intro: String,
    object_heading: String,
    /// `{deadline}`.
    object_body: String,
    heading: String,
    /// `{url}`, `{nid}`.
    steps: [String; 3],
    code_label: String,
    /// `{expires}`, `{art}`.
    code_note: String,
    practice_heading: String,
    practice_body: String,
    practice_code_label: String,
    /// `{pexpires}`, `{part}`.
    practice_note: String,
    recovery_subject: String,
    recovery_heading: String,
    /// `{phone}`.
    recovery_body: String,
    close_heading: String,
    close_body: String,
}

/// The objection confirmation. `{date}` and `{art}` are the objection's date.
struct ObjectionWords {
    title: String,
    subject: String,
    intro_online: String,
    intro_postal: String,
    heading: String,
    body: String,
    new_heading: String,
    new_body: String,
}

/// The closing confirmation. `{date}` and `{art}` are the closing's date; `{until}` the last
/// day of reopening (with its own `{art}`).
struct ClosingWords {
    title: String,
    subject: String,
    intro_online: String,
    intro_postal: String,
    intro_idle: String,
    heading: String,
    body: String,
    reopen_heading: String,
    reopen_body: String,
}

/// The reopening confirmation. `{date}` and `{art}` are the reopening's date.
struct ReopeningWords {
    title: String,
    subject: String,
    intro: String,
    heading: String,
    body: String,
}

/// Reads messages out of one catalogue, noting every key asked for and every problem (a missing
/// key, a variable the code does not give, a syntax error), so that the tests can prove the
/// catalogues and the code agree.
struct Reader {
    language: Language,
    bundle: FluentBundle<FluentResource>,
    requested: BTreeSet<&'static str>,
    texts: Vec<String>,
    problems: Vec<String>,
}

impl Reader {
    fn new(language: Language) -> Self {
        Self::with_source(language, catalogue_source(language))
    }

    /// A reader of `source` as the catalogue of `language` (the tests feed it broken ones).
    fn with_source(language: Language, source: &str) -> Self {
        let tag = language.tag();
        let mut problems = Vec::new();
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                problems.push(format!("{tag}: the catalogue does not parse: {errors:?}"));
                resource
            }
        };
        let mut bundle = FluentBundle::new(tag.parse().ok().into_iter().collect());
        // The PDF's text must be exactly the words: no bidi isolation marks around values.
        bundle.set_use_isolating(false);
        if let Err(errors) = bundle.add_resource(resource) {
            problems.push(format!("{tag}: {errors:?}"));
        }
        Self { language, bundle, requested: BTreeSet::new(), texts: Vec::new(), problems }
    }

    /// The message `key`, with each of `slots` as a `{slot}` for [`fill`]. Multi-line messages
    /// read as one paragraph. A missing key reads as the key (and is a problem).
    fn text(&mut self, key: &'static str, slots: &[&str]) -> String {
        self.requested.insert(key);
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            self.problems.push(format!("{}: {key} is missing", self.language.tag()));
            return key.to_owned();
        };
        let mut args = FluentArgs::new();
        for slot in slots {
            args.set(*slot, format!("{{{slot}}}"));
        }
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, Some(&args), &mut errors).replace('\n', " ");
        if !errors.is_empty() {
            self.problems.push(format!("{}: {key}: {errors:?}", self.language.tag()));
        }
        self.texts.push(text.clone());
        text
    }

    fn words(&mut self) -> Words {
        let date = &["date", "art"];
        Words {
            title: self.text("letter-title", &[]),
            tagline: self.text("letter-tagline", &[]),
            phone_label: self.text("letter-phone-label", &[]),
            id_label: self.text("letter-id-label", &[]),
            date_label: self.text("letter-date-label", &[]),
            helpdesk_label: self.text("letter-helpdesk-label", &[]),
            reference_label: self.text("letter-reference-label", &[]),
            place_date: self.text("letter-place-date", date),
            salutation: self.text("letter-salutation", &["name"]),
            help_heading: self.text("letter-help-heading", &[]),
            help_body: self.text("letter-help-body", &["phone", "email"]),
            closing: self.text("letter-closing", &[]),
            no_signature: self.text("letter-no-signature", &[]),
            page: self.text("letter-page", &["n", "total"]),
            activation: ActivationWords {
                subject: self.text("activation-subject", &[]),
                intro: self.text("activation-intro", &[]),
                object_heading: self.text("activation-object-heading", &[]),
                object_body: self.text("activation-object-body", &["deadline"]),
                heading: self.text("activation-heading", &[]),
                steps: [
                    self.text("activation-step-1", &["url", "nid"]),
                    self.text("activation-step-2", &["url", "nid"]),
                    self.text("activation-step-3", &["url", "nid"]),
                ],
                code_label: self.text("activation-code-label", &[]),
                code_note: self.text("activation-code-note", &["expires", "art"]),
                practice_heading: self.text("activation-practice-heading", &[]),
                practice_body: self.text("activation-practice-body", &[]),
                practice_code_label: self.text("activation-practice-code-label", &[]),
                practice_note: self.text("activation-practice-note", &["pexpires", "part"]),
                recovery_subject: self.text("recovery-subject", &[]),
                recovery_heading: self.text("recovery-heading", &[]),
                recovery_body: self.text("recovery-body", &["phone"]),
                close_heading: self.text("activation-close-heading", &[]),
                close_body: self.text("activation-close-body", &[]),
            },
            confirmation_help_body: self
                .text("confirmation-help-body", &["phone", "email", "reference"]),
            objection: ObjectionWords {
                title: self.text("objection-title", &[]),
                subject: self.text("objection-subject", &[]),
                intro_online: self.text("objection-intro-online", date),
                intro_postal: self.text("objection-intro-postal", date),
                heading: self.text("objection-heading", &[]),
                body: self.text("objection-body", &[]),
                new_heading: self.text("objection-new-heading", &[]),
                new_body: self.text("objection-new-body", &[]),
            },
            closing_letter: ClosingWords {
                title: self.text("closing-title", &[]),
                subject: self.text("closing-subject", &[]),
                intro_online: self.text("closing-intro-online", date),
                intro_postal: self.text("closing-intro-postal", date),
                intro_idle: self.text("closing-intro-idle", date),
                heading: self.text("closing-heading", &[]),
                body: self.text("closing-body", date),
                reopen_heading: self.text("closing-reopen-heading", &[]),
                reopen_body: self.text("closing-reopen-body", &["until", "art"]),
            },
            reopening: ReopeningWords {
                title: self.text("reopening-title", &[]),
                subject: self.text("reopening-subject", &[]),
                intro: self.text("reopening-intro", date),
                heading: self.text("reopening-heading", &[]),
                body: self.text("reopening-body", &[]),
            },
        }
    }
}

/// One language's wording as loaded, with what the loading noticed (which the tests read).
#[cfg_attr(not(test), expect(dead_code, reason = "the tests read what the loading noticed"))]
struct Loaded {
    words: Words,
    /// Every key the code asked for.
    requested: BTreeSet<&'static str>,
    /// Every message as the code reads it.
    texts: Vec<String>,
    problems: Vec<String>,
}

fn load(language: Language) -> Loaded {
    let mut reader = Reader::new(language);
    let words = reader.words();
    for problem in &reader.problems {
        tracing::error!(problem = %problem, "the letters' catalogue and the code disagree");
    }
    Loaded { words, requested: reader.requested, texts: reader.texts, problems: reader.problems }
}

static WORDING: LazyLock<[Loaded; 4]> = LazyLock::new(|| Language::ALL.map(load));

fn loaded(language: Language) -> &'static Loaded {
    let index = Language::ALL.iter().position(|l| *l == language).unwrap_or(0);
    &WORDING[index]
}

fn words_for(language: Language) -> &'static Words {
    &loaded(language).words
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
/// Who a letter goes to, as every letter prints it.
struct Addressee<'a> {
    language: Language,
    name: String,
    address_lines: &'a [String],
    national_id: &'a NationalId,
    issued_on: NaiveDate,
    /// The reference a confirmation prints in its information block.
    reference: Option<&'a str>,
}

impl<'a> Addressee<'a> {
    fn new(
        language: Language,
        (given_name, family_name): (&str, &str),
        address_lines: &'a [String],
        national_id: &'a NationalId,
        issued_on: NaiveDate,
        reference: Option<&'a str>,
    ) -> Self {
        let name = format!("{} {}", given_name.trim(), family_name.trim());
        Self { language, name, address_lines, national_id, issued_on, reference }
    }
}

/// Starts a letter: letterhead, window-envelope return line and recipient, the information
/// block (national ID, place and date, reference, helpdesk); leaves the cursor above the subject.
fn letterhead(to: &Addressee<'_>) -> Layout {
    let words = words_for(to.language);
    let mut layout = Layout::new();

    // Letterhead.
    layout.line_at(LEFT, 790.0, 18.0, ACCENT, &[Run::new(Font::Bold, AGENCY)]);
    let tagline = wrap(&[Run::new(Font::Regular, &words.tagline)], 9.0, INFO_LEFT - LEFT - 10.0);
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
    let mut recipient = vec![to.name.clone()];
    recipient.extend(to.address_lines.iter().take(4).map(|l| l.trim().to_owned()));
    for line in &recipient {
        let runs = [Run::new(Font::Regular, line)];
        for wrapped in wrap(&runs, 10.5, window).iter().take(2) {
            layout.y -= 13.5;
            layout.line_at(LEFT, layout.y, 10.5, INK, wrapped);
        }
    }
    let after_address = layout.y;

    // Information block.
    let issued = format_date(to.language, to.issued_on);
    let place_date = fill(
        &words.place_date,
        Font::Regular,
        &[("date", &issued, Font::Regular), ("art", lb_article(to.issued_on), Font::Regular)],
    );
    let nid = grouped_national_id(to.national_id);
    let mut info: Vec<(&str, Vec<Run>)> = vec![
        (&words.id_label, vec![Run { font: Font::Bold, text: nid, atomic: true }]),
        (&words.date_label, place_date),
    ];
    if let Some(reference) = to.reference {
        let value = vec![Run { font: Font::Bold, text: reference.trim().to_owned(), atomic: true }];
        info.push((&words.reference_label, value));
    }
    info.push((&words.helpdesk_label, vec![Run::new(Font::Regular, HELPDESK_PHONE)]));
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
    layout
}

/// The subject line and the salutation.
fn subject_and_salutation(layout: &mut Layout, to: &Addressee<'_>, subject: &str) {
    let words = words_for(to.language);
    layout.gap(6.0);
    layout.flow(&[Run::new(Font::Bold, subject)], LEFT, TEXT_WIDTH, 12.0, 16.0, INK, None);
    layout.gap(12.0);
    let name = [("name", to.name.as_str(), Font::Regular)];
    layout.paragraph(&fill(&words.salutation, Font::Regular, &name));
    layout.gap(6.0);
}

/// Closes a letter: greeting, the agency, the no-signature note, then each page's footer (and
/// on later pages a running head with the recipient's name).
fn sign_off(mut layout: Layout, to: &Addressee<'_>) -> Composed {
    let words = words_for(to.language);
    layout.gap(14.0);
    layout.need(3.0 * BODY_LEADING + 30.0);
    layout.paragraph(&fill(&words.closing, Font::Regular, &[]));
    layout.gap(10.0);
    layout.paragraph(&[Run::new(Font::Bold, AGENCY)]);
    layout.gap(6.0);
    layout.flow(
        &[Run::new(Font::Regular, &words.no_signature)],
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
            footer.right_aligned(RIGHT, 796.0, 8.5, MUTED, Font::Regular, &to.name);
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

/// Lays out the activation (or recovery) letter for `facts`.
fn compose(facts: &LetterFacts<'_>) -> Composed {
    let language = facts.language;
    let words = &words_for(language).activation;
    let deadline = format_date(language, facts.objection_deadline);
    let expires = format_date(language, facts.code_expires_on);
    let nid = grouped_national_id(facts.national_id);
    let to = Addressee::new(
        language,
        (facts.given_name, facts.family_name),
        facts.address_lines,
        facts.national_id,
        facts.issued_on,
        None,
    );
    let mut layout = letterhead(&to);

    let subject = if facts.recovery { &words.recovery_subject } else { &words.subject };
    subject_and_salutation(&mut layout, &to, subject);
    layout.paragraph(&fill(&words.intro, Font::Regular, &[]));

    // Objection window; for an activated record, what a recovery letter does instead.
    if facts.recovery {
        layout.heading(&words.recovery_heading);
        let phone = [("phone", HELPDESK_PHONE, Font::Bold)];
        layout.paragraph(&fill(&words.recovery_body, Font::Regular, &phone));
    } else {
        let dates = [("deadline", deadline.as_str(), Font::Bold)];
        layout.heading(&words.object_heading);
        layout.paragraph(&fill(&words.object_body, Font::Regular, &dates));
    }

    // Activation.
    layout.heading(&words.heading);
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
    layout.code_box(&words.code_label, facts.activation_code);
    let note = fill(
        &words.code_note,
        Font::Regular,
        &[
            ("expires", expires.as_str(), Font::Bold),
            ("art", lb_article(facts.code_expires_on), Font::Regular),
        ],
    );
    layout.gap(4.0);
    layout.paragraph(&note);

    // The practice code, for a visit without activating.
    layout.heading(&words.practice_heading);
    layout.paragraph(&fill(&words.practice_body, Font::Regular, &[]));
    layout.code_box(&words.practice_code_label, facts.practice_code);
    let practice_expires = format_date(language, facts.practice_code_expires_on);
    let practice_note = fill(
        &words.practice_note,
        Font::Regular,
        &[
            ("pexpires", practice_expires.as_str(), Font::Bold),
            ("part", lb_article(facts.practice_code_expires_on), Font::Regular),
        ],
    );
    layout.gap(4.0);
    layout.paragraph(&practice_note);

    // Closing the record, help, signature.
    layout.heading(&words.close_heading);
    layout.paragraph(&fill(&words.close_body, Font::Regular, &[]));
    let all = words_for(language);
    layout.heading(&all.help_heading);
    let contact = [("phone", HELPDESK_PHONE, Font::Bold), ("email", HELPDESK_EMAIL, Font::Bold)];
    layout.paragraph(&fill(&all.help_body, Font::Regular, &contact));
    sign_off(layout, &to)
}

/// Lays out a confirmation: subject, salutation, what happened (`intro`), then each section
/// (heading and text), then how to reach the helpdesk quoting the reference.
fn compose_confirmation(
    to: &Addressee<'_>,
    subject: &str,
    intro: &[Run],
    sections: &[(&str, Vec<Run>)],
) -> Composed {
    let words = words_for(to.language);
    let mut layout = letterhead(to);
    subject_and_salutation(&mut layout, to, subject);
    layout.paragraph(intro);
    for (heading, body) in sections {
        layout.heading(heading);
        layout.paragraph(body);
    }
    layout.heading(&words.help_heading);
    let contact = [
        ("phone", HELPDESK_PHONE, Font::Bold),
        ("email", HELPDESK_EMAIL, Font::Bold),
        ("reference", to.reference.unwrap_or_default().trim(), Font::Bold),
    ];
    layout.paragraph(&fill(&words.confirmation_help_body, Font::Regular, &contact));
    sign_off(layout, to)
}

/// The values of a message about the day of an act: `{date}` in bold and, for Luxembourgish,
/// `{art}` before it.
fn on_day(language: Language, day: NaiveDate) -> (String, &'static str) {
    (format_date(language, day), lb_article(day))
}

fn fill_day(template: &str, day: &(String, &'static str)) -> Vec<Run> {
    fill(template, Font::Regular, &[("date", &day.0, Font::Bold), ("art", day.1, Font::Regular)])
}

fn compose_objection(facts: &ObjectionFacts<'_>) -> Composed {
    let words = &words_for(facts.language).objection;
    let to = Addressee::new(
        facts.language,
        (facts.given_name, facts.family_name),
        facts.address_lines,
        facts.national_id,
        facts.issued_on,
        Some(facts.reference),
    );
    let day = on_day(facts.language, facts.objected_on);
    let intro = match facts.channel {
        Channel::Online => &words.intro_online,
        Channel::Postal => &words.intro_postal,
    };
    let sections = [
        (words.heading.as_str(), fill(&words.body, Font::Regular, &[])),
        (words.new_heading.as_str(), fill(&words.new_body, Font::Regular, &[])),
    ];
    compose_confirmation(&to, &words.subject, &fill_day(intro, &day), &sections)
}

fn compose_closing(facts: &ClosingFacts<'_>) -> Composed {
    let words = &words_for(facts.language).closing_letter;
    let to = Addressee::new(
        facts.language,
        (facts.given_name, facts.family_name),
        facts.address_lines,
        facts.national_id,
        facts.issued_on,
        Some(facts.reference),
    );
    let day = on_day(facts.language, facts.closed_on);
    let intro = match facts.cause {
        ClosingCause::Online => &words.intro_online,
        ClosingCause::Postal => &words.intro_postal,
        ClosingCause::Idle => &words.intro_idle,
    };
    let until = format_date(facts.language, facts.reopen_until);
    let reopen = fill(
        &words.reopen_body,
        Font::Regular,
        &[("until", &until, Font::Bold), ("art", lb_article(facts.reopen_until), Font::Regular)],
    );
    let sections = [
        (words.heading.as_str(), fill_day(&words.body, &day)),
        (words.reopen_heading.as_str(), reopen),
    ];
    compose_confirmation(&to, &words.subject, &fill_day(intro, &day), &sections)
}

fn compose_reopening(facts: &ReopeningFacts<'_>) -> Composed {
    let words = &words_for(facts.language).reopening;
    let to = Addressee::new(
        facts.language,
        (facts.given_name, facts.family_name),
        facts.address_lines,
        facts.national_id,
        facts.issued_on,
        Some(facts.reference),
    );
    let day = on_day(facts.language, facts.reopened_on);
    let sections = [(words.heading.as_str(), fill(&words.body, Font::Regular, &[]))];
    compose_confirmation(&to, &words.subject, &fill_day(&words.intro, &day), &sections)
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

    /// Every message of every language, as the code reads it.
    fn all_words() -> Vec<&'static str> {
        Language::ALL.iter().flat_map(|l| loaded(*l).texts.iter().map(String::as_str)).collect()
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
                words.activation.subject.as_str(),
                &words.activation.object_heading,
                &words.activation.heading,
                &words.activation.close_heading,
                &words.activation.code_label,
                &words.activation.practice_heading,
                &words.activation.practice_code_label,
                &words.closing,
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
            assert!(
                text.contains(&flat(&words.activation.recovery_heading)),
                "{tag}: recovery heading"
            );
            assert!(text.contains(&flat(&words.activation.recovery_subject)), "{tag}: subject");
            assert!(!text.contains(&flat(&words.activation.subject)), "{tag}: the plain subject");
            assert!(!text.contains(&flat(&words.activation.object_heading)), "{tag}: no objection");
            assert!(
                !plain.contains(&flat(&words.activation.recovery_heading)),
                "{tag}: plain letter"
            );
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

    // -----------------------------------------------------------------------------------------
    // The catalogues
    // -----------------------------------------------------------------------------------------

    /// The message ids of a catalogue, each once, as Fluent's parser reads them.
    fn catalogue_ids(language: Language) -> BTreeSet<String> {
        let tag = language.tag();
        let resource = match fluent_syntax::parser::parse(catalogue_source(language)) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("{tag}: the catalogue does not parse: {errors:?}"),
        };
        let mut ids = BTreeSet::new();
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                assert!(message.value.is_some(), "{tag}: {} has no value", message.id.name);
                let fresh = ids.insert(message.id.name.to_owned());
                assert!(fresh, "{tag}: {} is defined twice", message.id.name);
            }
        }
        ids
    }

    #[test]
    fn the_catalogues_have_the_same_keys_in_every_language() {
        let english = catalogue_ids(Language::En);
        assert!(english.len() > 50, "{}", english.len());
        for language in Language::ALL {
            let ids = catalogue_ids(language);
            let missing: Vec<_> = english.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&english).collect();
            assert!(missing.is_empty(), "{}: missing {missing:?}", language.tag());
            assert!(extra.is_empty(), "{}: only here {extra:?}", language.tag());
        }
    }

    #[test]
    fn every_key_is_used_and_none_is_missing_at_run_time() {
        for language in Language::ALL {
            let tag = language.tag();
            let loaded = loaded(language);
            assert!(loaded.problems.is_empty(), "{tag}: {:?}", loaded.problems);
            let requested: BTreeSet<String> =
                loaded.requested.iter().map(|k| (*k).to_owned()).collect();
            let ids = catalogue_ids(language);
            let unused: Vec<_> = ids.difference(&requested).collect();
            let missing: Vec<_> = requested.difference(&ids).collect();
            assert!(unused.is_empty(), "{tag}: never used: {unused:?}");
            assert!(missing.is_empty(), "{tag}: not in the catalogue: {missing:?}");
            for text in &loaded.texts {
                assert!(!text.trim().is_empty(), "{tag}: an empty message");
                assert!(!text.contains(['\u{2068}', '\u{2069}']), "{tag}: isolation marks");
                assert!(!text.contains('\n') && !text.contains("  "), "{tag}: {text:?}");
            }
        }
    }

    /// The checks above can fail: a missing key, a variable the code does not give and a
    /// syntax error are each noticed.
    #[test]
    fn a_broken_catalogue_is_noticed() {
        let source = catalogue_source(Language::En);
        let without_title: String = source
            .lines()
            .filter(|l| !l.starts_with("letter-title ="))
            .map(|l| format!("{l}\n"))
            .collect();
        let mut reader = Reader::with_source(Language::En, &without_title);
        let words = reader.words();
        assert_eq!(words.title, "letter-title");
        assert!(reader.problems.iter().any(|p| p.contains("letter-title is missing")));

        let unknown = source.replace("Reference\n", "Reference { $nobody }\n");
        assert_ne!(unknown, source);
        let mut reader = Reader::with_source(Language::En, &unknown);
        let _ = reader.words();
        assert!(reader.problems.iter().any(|p| p.contains("letter-reference-label")));

        let broken = format!("{source}\nnot a message\n");
        let mut reader = Reader::with_source(Language::En, &broken);
        let _ = reader.words();
        assert!(reader.problems.iter().any(|p| p.contains("does not parse")));
    }

    /// Phrases that promise what the product does not do yet (as the frontend's catalogues
    /// test): a letter says what is true on the day it is printed.
    const PROMISES: [(Language, &[&str]); 4] = [
        (
            Language::En,
            &[
                "next version",
                "coming soon",
                "soon",
                "future version",
                "later version",
                "later",
                "in the future",
                "will be able to",
                "not yet available",
                "not available yet",
                "under construction",
            ],
        ),
        (
            Language::Fr,
            &[
                "prochaine version",
                "version future",
                "future version",
                "bientôt",
                "prochainement",
                "plus tard",
                "à venir",
                "vous pourrez",
                "pas encore disponible",
                "en construction",
            ],
        ),
        (
            Language::De,
            &[
                "nächsten version",
                "nächste version",
                "künftigen version",
                "demnächst",
                "bald",
                "später",
                "in zukunft",
                "noch nicht verfügbar",
                "werden sie:",
                "im aufbau",
            ],
        ),
        (
            Language::Lb,
            &[
                "nächster versioun",
                "nächst versioun",
                "nächsten versioun",
                "geschwënn",
                "demnächst",
                "spéider",
                "an der zukunft",
                "nach net disponibel",
                "kënnt dir spéider",
            ],
        ),
    ];

    /// Whether `phrase` occurs in `text` as whole words.
    fn contains_words(text: &str, phrase: &str) -> bool {
        text.match_indices(phrase).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + phrase.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }

    #[test]
    fn no_letter_promises_what_is_not_there() {
        assert!(contains_words("arrive bientôt.", "bientôt"));
        assert!(!contains_words("baldigst", "bald"));
        for (language, phrases) in PROMISES {
            let mut found = Vec::new();
            for text in &loaded(language).texts {
                let text = text.to_lowercase();
                for phrase in phrases {
                    if contains_words(&text, phrase) {
                        found.push(format!("“{phrase}” in {text}"));
                    }
                }
            }
            assert!(found.is_empty(), "{} promises: {found:?}", language.tag());
        }
    }

    // -----------------------------------------------------------------------------------------
    // The confirmations
    // -----------------------------------------------------------------------------------------

    const REFERENCE: &str = "DSP-2026-004217";

    /// One confirmation of each kind and variant, for one addressee.
    #[derive(Clone, Copy)]
    enum Kind {
        Objection(Channel),
        Closing(ClosingCause),
        Reopening,
    }

    const KINDS: [Kind; 6] = [
        Kind::Objection(Channel::Online),
        Kind::Objection(Channel::Postal),
        Kind::Closing(ClosingCause::Online),
        Kind::Closing(ClosingCause::Postal),
        Kind::Closing(ClosingCause::Idle),
        Kind::Reopening,
    ];

    struct Person<'a> {
        language: Language,
        given: &'a str,
        family: &'a str,
        address: &'a [String],
        id: &'a NationalId,
        reference: &'a str,
    }

    /// The act's date, and the dates the letter must print.
    fn act_day() -> NaiveDate {
        date(2026, 11, 28)
    }

    fn reopen_until() -> NaiveDate {
        date(2036, 11, 28)
    }

    /// The composed letter, its PDF, and the dates it must print.
    fn confirmation(kind: Kind, p: &Person<'_>) -> (Composed, Vec<u8>, Vec<NaiveDate>) {
        let issued_on = date(2026, 12, 1);
        match kind {
            Kind::Objection(channel) => {
                let f = ObjectionFacts {
                    language: p.language,
                    given_name: p.given,
                    family_name: p.family,
                    address_lines: p.address,
                    national_id: p.id,
                    issued_on,
                    objected_on: act_day(),
                    channel,
                    reference: p.reference,
                };
                (compose_objection(&f), render_objection_confirmation(&f).unwrap(), vec![act_day()])
            }
            Kind::Closing(cause) => {
                let f = ClosingFacts {
                    language: p.language,
                    given_name: p.given,
                    family_name: p.family,
                    address_lines: p.address,
                    national_id: p.id,
                    issued_on,
                    closed_on: act_day(),
                    cause,
                    reopen_until: reopen_until(),
                    reference: p.reference,
                };
                let dates = vec![act_day(), reopen_until()];
                (compose_closing(&f), render_closing_confirmation(&f).unwrap(), dates)
            }
            Kind::Reopening => {
                let f = ReopeningFacts {
                    language: p.language,
                    given_name: p.given,
                    family_name: p.family,
                    address_lines: p.address,
                    national_id: p.id,
                    issued_on,
                    reopened_on: act_day(),
                    reference: p.reference,
                };
                (compose_reopening(&f), render_reopening_confirmation(&f).unwrap(), vec![act_day()])
            }
        }
    }

    /// The subject and headings a confirmation of `kind` prints.
    fn headings(kind: Kind, words: &Words) -> Vec<&str> {
        match kind {
            Kind::Objection(_) => vec![
                &words.objection.subject,
                &words.objection.heading,
                &words.objection.new_heading,
            ],
            Kind::Closing(_) => vec![
                &words.closing_letter.subject,
                &words.closing_letter.heading,
                &words.closing_letter.reopen_heading,
            ],
            Kind::Reopening => vec![&words.reopening.subject, &words.reopening.heading],
        }
    }

    #[test]
    fn confirmations_print_names_and_addresses_in_every_script_exactly() {
        let id = national_id();
        let mut residents: Vec<(&str, &str, Vec<String>)> = RESIDENTS
            .iter()
            .map(|(g, f, lines)| (*g, *f, lines.iter().map(|l| (*l).to_owned()).collect()))
            .collect();
        residents.push(("Léonie", "Müller-Schräder", address()));
        for (given, family, address) in &residents {
            for language in Language::ALL {
                let tag = language.tag();
                let words = words_for(language);
                for kind in KINDS {
                    let person =
                        Person { language, given, family, address, id: &id, reference: REFERENCE };
                    let (composed, pdf, dates) = confirmation(kind, &person);
                    assert!(composed.widest_right <= RIGHT + 0.01, "{tag}");
                    assert!(composed.lowest_baseline >= BOTTOM, "{tag}");
                    assert_eq!(composed.pages.len(), 1, "{tag}: a confirmation is one page");
                    assert!(contains(&pdf, b"/FontFile2"), "{tag}: the font is not embedded");
                    assert!(contains(&pdf, format!("/Lang ({tag})").as_bytes()), "{tag}");
                    let text = extracted(&pdf);
                    let mut needles = vec![
                        format!("{given} {family}"),
                        "1893 1201 057 32".to_owned(),
                        REFERENCE.to_owned(),
                        HELPDESK_PHONE.to_owned(),
                        HELPDESK_EMAIL.to_owned(),
                        flat(&words.closing),
                    ];
                    needles.extend(address.iter().cloned());
                    needles.extend(dates.iter().map(|d| format_date(language, *d)));
                    needles.extend(headings(kind, words).into_iter().map(flat));
                    for needle in needles {
                        assert!(text.contains(&needle), "{tag}: {needle:?} not in {text}");
                    }
                    assert!(!text.contains('{'), "{tag}: a slot was left unfilled: {text}");
                    assert!(!text.contains('\u{FFFD}'), "{tag}: a missing glyph: {text}");
                }
            }
        }
    }

    #[test]
    fn each_confirmation_says_what_it_confirms_and_nothing_else() {
        let id = national_id();
        let address = address();
        for language in Language::ALL {
            let tag = language.tag();
            let words = words_for(language);
            let person = Person {
                language,
                given: "Léonie",
                family: "Müller-Schräder",
                address: &address,
                id: &id,
                reference: REFERENCE,
            };
            let texts: Vec<String> =
                KINDS.iter().map(|k| extracted(&confirmation(*k, &person).1)).collect();
            for (i, kind) in KINDS.iter().enumerate() {
                for (j, other) in KINDS.iter().enumerate() {
                    assert!(i == j || texts[i] != texts[j], "{tag}: {i} and {j} read the same");
                    if std::mem::discriminant(kind) != std::mem::discriminant(other) {
                        let heading = flat(headings(*other, words)[1]);
                        assert!(!texts[i].contains(&heading), "{tag}: {heading} leaked");
                    }
                }
                // Not an activation letter: no code, no objection window.
                assert!(!texts[i].contains(&flat(&words.activation.code_label)), "{tag}");
            }
            // Luxembourgish: the article before the act's day follows the n-rule (the 28th).
            if language == Language::Lb {
                assert!(texts[0].contains("den 28. November 2026"), "{}", texts[0]);
            }
        }
    }

    #[test]
    fn confirmations_stay_inside_the_margins_with_long_facts() {
        let id = national_id();
        let long_address = vec![
            "Appartement 12, Résidence « Les Jardins du Kirchberg », Bâtiment C, 3e étage"
                .to_owned(),
            "145, rue Jean-Pierre Probst-Grand-Duchesse-Charlotte-Verlängerung".to_owned(),
            "c/o Famille Zwaanepoel-Oberweis".to_owned(),
            "L-9999 Wemperhardt-Nordstaadmeisterschaftsgemeng".to_owned(),
        ];
        let reference = "FORM-2026-11-28-CLOSING-POSTAL-000000004217-LUXEMBOURG-VILLE";
        for language in Language::ALL {
            for kind in KINDS {
                let person = Person {
                    language,
                    given: "Marie-Christine-Antoinette-Joséphine-Élisabeth",
                    family: "Παπαδόπουλος-Иванова-Wójcik",
                    address: &long_address,
                    id: &id,
                    reference,
                };
                let (composed, pdf, _) = confirmation(kind, &person);
                assert!(composed.widest_right <= RIGHT + 0.01, "{}", composed.widest_right);
                assert!(composed.lowest_baseline >= BOTTOM, "{}", composed.lowest_baseline);
                assert!(composed.pages.len() <= 2, "{} pages", composed.pages.len());
                let text = extracted(&pdf);
                assert!(text.contains("Zwaanepoel-Oberweis"), "{text}");
            }
        }
    }

    #[test]
    fn a_batch_prints_every_script_exactly() {
        let id = national_id();
        let addresses: Vec<Vec<String>> = RESIDENTS
            .iter()
            .map(|(_, _, lines)| lines.iter().map(|l| (*l).to_owned()).collect())
            .collect();
        let letters: Vec<LetterFacts<'_>> = RESIDENTS
            .iter()
            .zip(&addresses)
            .zip(Language::ALL.iter().cycle())
            .map(|(((given, family, _), address), language)| {
                let mut f = facts(*language, &id, address);
                f.given_name = given;
                f.family_name = family;
                f
            })
            .collect();
        let text = extracted(&render_batch(&letters).unwrap());
        for (given, family, lines) in RESIDENTS {
            assert!(text.contains(&format!("{given} {family}")), "{given} {family}");
            for line in lines {
                assert!(text.contains(line), "{line}");
            }
        }
    }
}
