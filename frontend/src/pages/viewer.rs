//! The document viewer of [`super::documents`], the same for the patient and a professional. The
//! content is fetched as bytes and shown by this page itself, never by the document:
//!
//! - PDF: drawn by pdf.js into a canvas, page by page ([`pdf_view`]);
//! - PNG, JPEG: an `<img>` of an object URL;
//! - CDA XML: its header and narrative sections ([`cda`]);
//! - FHIR JSON: the resource's type, key facts and narrative ([`fhir`]).
//!
//! A narrative reaches the page only as [`narrative`] rebuilds it. What cannot be read is said,
//! and the download beside each document stays.

use std::cell::RefCell;
use std::rc::Rc;

use shared::api::documents::DocumentSummary;
use shared::ids::DocumentId;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Blob, BlobPropertyBag, Url};
use yew::prelude::*;

use crate::api::{self, ApiFailure};
use crate::browser;
use crate::clinical::narrative::{self, Narrative, Section};
use crate::clinical::{Document, Fact, FactValue, cda, fhir, xml};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::components::pdf_view::{self, Pdf};
use crate::i18n::context::use_i18n;
use crate::i18n::{Translator, messages};

use super::documents::withdrawn_label;

/// How the viewer shows a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// Drawn by pdf.js.
    Pdf,
    /// In `<img>`.
    Image,
    /// Header and sections.
    Cda,
    /// Facts and narrative.
    Fhir,
    /// Not shown: download it.
    None,
}

/// How to show a document of `format`.
#[must_use]
pub fn view_kind(format: &str) -> ViewKind {
    match format {
        "pdf" => ViewKind::Pdf,
        "png" | "jpeg" => ViewKind::Image,
        "cda_xml" => ViewKind::Cda,
        "fhir_json" => ViewKind::Fhir,
        _ => ViewKind::None,
    }
}

/// The catalogue key of a FHIR fact's label.
#[must_use]
pub const fn fact_key(fact: Fact) -> &'static str {
    match fact {
        Fact::Title => "documents-clinical-title",
        Fact::About => "documents-fhir-about",
        Fact::Status => "documents-fhir-status",
        Fact::Date => "documents-date",
        Fact::Patient => "documents-clinical-patient",
        Fact::Author => "documents-clinical-author",
        Fact::Result => "documents-fhir-result",
    }
}

/// What the viewer shows once the content arrived.
#[derive(Debug, Clone, PartialEq)]
enum Content {
    Loading,
    Pdf(Pdf),
    /// An object URL, released when the viewer closes or changes.
    Image(String),
    /// A CDA document or a FHIR resource.
    Clinical(Rc<Document>),
    /// Arrived, but cannot be shown.
    Unreadable,
    Failed(ApiFailure),
}

fn object_url(bytes: &[u8], media_type: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}

fn read(kind: ViewKind, bytes: &[u8], media_type: &str) -> Content {
    let shown = match kind {
        ViewKind::Image => object_url(bytes, media_type).map(Content::Image),
        // The upload checked that both are UTF-8.
        ViewKind::Cda => std::str::from_utf8(bytes)
            .ok()
            .and_then(xml::parse)
            .and_then(|root| cda::read(&root))
            .map(|document| Content::Clinical(Rc::new(document))),
        // From text, as every API answer is read: one copy of the JSON parser in the wasm.
        ViewKind::Fhir => std::str::from_utf8(bytes)
            .ok()
            .and_then(|text| serde_json::from_str(text).ok())
            .and_then(|value| fhir::read(&value, &xml::parse))
            .map(|document| Content::Clinical(Rc::new(document))),
        ViewKind::Pdf | ViewKind::None => None,
    };
    shown.unwrap_or(Content::Unreadable)
}

/// What the viewer gives back when it closes or shows another document.
enum Held {
    Url(String),
    Pdf(JsValue),
}

impl Held {
    fn release(self) {
        match self {
            Self::Url(url) => {
                let _ = Url::revoke_object_url(&url);
            }
            Self::Pdf(doc) => pdf_view::close(&doc),
        }
    }
}

/// Props of [`DocumentViewer`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct DocumentViewerProps {
    /// The document to show.
    pub document: DocumentSummary,
    /// Closes the viewer.
    pub on_close: Callback<()>,
}

/// Shows one document's content.
#[component]
pub fn DocumentViewer(props: &DocumentViewerProps) -> Html {
    let i18n = use_i18n();
    let content = use_state(|| Content::Loading);
    let kind = view_kind(&props.document.format);
    {
        let content = content.clone();
        let media_type = props.document.media_type.clone();
        use_effect_with(props.document.id, move |id: &DocumentId| {
            let id = *id;
            content.set(Content::Loading);
            // What to give back; `None` in the first place once the viewer has closed.
            let held = Rc::new(RefCell::new((true, None::<Held>)));
            let keep = held.clone();
            spawn_local(async move {
                let shown = match api::documents::content(id).await {
                    Err(failure) => Content::Failed(failure),
                    Ok(file) if kind == ViewKind::Pdf => Content::Pdf(Pdf::open(&file.bytes).await),
                    Ok(file) => read(kind, &file.bytes, &media_type),
                };
                let to_hold = match &shown {
                    Content::Image(url) => Some(Held::Url(url.clone())),
                    Content::Pdf(pdf) => pdf.doc.clone().map(Held::Pdf),
                    _ => None,
                };
                let open = keep.borrow().0;
                if !open {
                    if let Some(held) = to_hold {
                        held.release();
                    }
                    return;
                }
                keep.borrow_mut().1 = to_hold;
                content.set(shown.clone());
                browser::focus_element("document-viewer-heading");
                if let Content::Pdf(pdf) = shown
                    && let Some(failed) = pdf.draw().await
                {
                    content.set(Content::Pdf(failed));
                }
            });
            move || {
                let mut held = held.borrow_mut();
                held.0 = false;
                if let Some(held) = held.1.take() {
                    held.release();
                }
            }
        });
    }
    let turn_page = {
        let content = content.clone();
        Callback::from(move |page: u32| {
            if let Content::Pdf(pdf) = &*content {
                let pdf = pdf.at(page);
                content.set(Content::Pdf(pdf.clone()));
                let content = content.clone();
                spawn_local(async move {
                    if let Some(failed) = pdf.draw().await {
                        content.set(Content::Pdf(failed));
                    }
                });
            }
        })
    };
    let title = props.document.title.clone();
    let close = props.on_close.reform(|_: MouseEvent| ());
    let unreadable = || AttrValue::from(i18n.t("documents-viewer-unreadable"));
    let body = match &*content {
        // The canvas is there before the document opens, to be drawn into as soon as it does.
        Content::Loading if kind == ViewKind::Pdf => {
            pdf_view::view(&i18n, &Pdf::default(), &turn_page)
        }
        Content::Loading => html! { <StatusMessage text={AttrValue::from(i18n.t("loading"))} /> },
        Content::Failed(failure) => {
            html! { <ErrorMessage text={AttrValue::from(messages::api_failure(&i18n, failure))} /> }
        }
        Content::Unreadable => html! { <ErrorMessage text={unreadable()} /> },
        Content::Pdf(pdf) => pdf_view::view(&i18n, pdf, &turn_page),
        Content::Image(url) => html! {
            <img class="document-image" src={url.clone()} alt={title.clone()} />
        },
        Content::Clinical(document) => html! {
            <div class="clinical">{ document_view(&i18n, document, 3) }</div>
        },
    };
    html! {
        <section class="panel document-viewer" aria-labelledby="document-viewer-heading"
            data-viewing={props.document.id.0.to_string()}>
            <h2 id="document-viewer-heading" tabindex="-1">{ title.clone() }</h2>
            if let Some(label) = withdrawn_label(&i18n, &props.document) {
                <p class="badge withdrawn-label">{ label }</p>
            }
            <p class="muted">{ i18n.t("documents-viewer-safe") }</p>
            { body }
            <p class="actions">
                <button type="button" class="button-secondary close-viewer" onclick={close}>
                    { i18n.t("documents-viewer-close") }
                </button>
            </p>
        </section>
    }
}

/// `<h3>` to `<h6>` with `text`: sections nest below the viewer's `<h2>`.
fn heading(level: u8, text: &str) -> Html {
    let tag = match level {
        0..=3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    };
    narrative::element(tag, Html::from(text.to_owned()))
}

fn narrative_view(tr: &Translator, body: &Narrative) -> Html {
    match body {
        Narrative::Absent => Html::default(),
        Narrative::Shown(nodes) => {
            html! { <div class="narrative">{ narrative::render(nodes) }</div> }
        }
        Narrative::Unreadable => {
            html! { <p class="notice">{ tr.t("documents-clinical-unreadable") }</p> }
        }
    }
}

fn sections_view(tr: &Translator, sections: &[Section], level: u8) -> Html {
    sections
        .iter()
        .map(|section| {
            html! {
                <section class="clinical-section">
                    if let Some(title) = &section.title {
                        { heading(level, title) }
                    }
                    { narrative_view(tr, &section.body) }
                    { sections_view(tr, &section.sections, level + 1) }
                </section>
            }
        })
        .collect()
}

/// A CDA document (its facts, then its sections) or a FHIR resource (its type as a heading,
/// its facts, narrative, sections and entries).
fn document_view(tr: &Translator, document: &Document, level: u8) -> Html {
    let facts = document.facts.iter().map(|(fact, value)| {
        let value = match value {
            FactValue::Text(text) => text.clone(),
            FactValue::Date(day) => tr.date(*day),
        };
        html! { <div><dt>{ tr.t(fact_key(*fact)) }</dt><dd>{ value }</dd></div> }
    });
    let inner = level + u8::from(document.kind.is_some());
    html! {
        <section class="clinical-section" data-resource-type={document.kind.clone()}>
            if let Some(kind) = &document.kind {
                { heading(level, kind) }
            }
            <dl class="facts">{ for facts }</dl>
            if document.attachment {
                <p class="notice">{ tr.t("documents-clinical-attachment") }</p>
            }
            { narrative_view(tr, &document.narrative) }
            { sections_view(tr, &document.sections, inner) }
            { for document.entries.iter().map(|entry| document_view(tr, entry, inner)) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use shared::Language;

    use super::*;

    #[test]
    fn each_format_has_its_view() {
        assert_eq!(view_kind("pdf"), ViewKind::Pdf);
        assert_eq!(view_kind("png"), ViewKind::Image);
        assert_eq!(view_kind("jpeg"), ViewKind::Image);
        assert_eq!(view_kind("cda_xml"), ViewKind::Cda);
        assert_eq!(view_kind("fhir_json"), ViewKind::Fhir);
        assert_eq!(view_kind("docx"), ViewKind::None);
    }

    #[test]
    fn every_fact_has_a_label_in_every_language() {
        let facts = [
            Fact::Title,
            Fact::About,
            Fact::Status,
            Fact::Date,
            Fact::Patient,
            Fact::Author,
            Fact::Result,
        ];
        for language in Language::ALL {
            let tr = Translator::new(language);
            for f in facts {
                assert_ne!(tr.t(fact_key(f)), fact_key(f), "{language:?}");
            }
        }
    }
}
