//! The document viewer of [`super::documents`], the same for the patient and a professional. The
//! content is fetched as bytes and shown by this page itself, never by the document:
//!
//! - PDF: drawn by pdf.js into a canvas, page by page ([`PdfView`]);
//! - PNG, JPEG: an `<img>` of an object URL;
//! - CDA XML: its header and narrative sections ([`cda`]);
//! - FHIR JSON: the resource's type, key facts and narrative ([`fhir`]).
//!
//! A narrative reaches the page only as [`narrative`] rebuilds it. What cannot be read is said,
//! and the download beside each document stays.

use std::rc::Rc;

use shared::api::documents::DocumentSummary;
use shared::ids::DocumentId;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Blob, BlobPropertyBag, Url};
use yew::prelude::*;

use crate::api::{self, ApiFailure};
use crate::browser;
use crate::clinical::cda::{self, Cda};
use crate::clinical::fhir::{self, Fact, FactValue, Resource};
use crate::clinical::narrative::{self, Narrative, Section};
use crate::clinical::xml;
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::components::pdf_view::{PdfBytes, PdfView};
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
    Pdf(PdfBytes),
    /// An object URL, released when the viewer closes or changes.
    Image(String),
    Cda(Rc<Cda>),
    Fhir(Rc<Resource>),
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
        ViewKind::Pdf => Some(Content::Pdf(PdfBytes(js_sys::Uint8Array::from(bytes)))),
        ViewKind::Image => object_url(bytes, media_type).map(Content::Image),
        ViewKind::Cda => xml::parse(&String::from_utf8_lossy(bytes))
            .and_then(|root| cda::read(&root))
            .map(|cda| Content::Cda(Rc::new(cda))),
        // From text, as every API answer is read: one copy of the JSON parser in the wasm.
        ViewKind::Fhir => serde_json::from_str(&String::from_utf8_lossy(bytes))
            .ok()
            .and_then(|value| fhir::read(&value, &xml::parse))
            .map(|resource| Content::Fhir(Rc::new(resource))),
        ViewKind::None => None,
    };
    shown.unwrap_or(Content::Unreadable)
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
            let url_cell = Rc::new(std::cell::RefCell::new(None::<String>));
            let keep = url_cell.clone();
            spawn_local(async move {
                let shown = match api::documents::content(id).await {
                    Err(failure) => Content::Failed(failure),
                    Ok(file) => read(kind, &file.bytes, &media_type),
                };
                if let Content::Image(url) = &shown {
                    *keep.borrow_mut() = Some(url.clone());
                }
                content.set(shown);
                browser::focus_element("document-viewer-heading");
            });
            move || {
                if let Some(url) = url_cell.borrow_mut().take() {
                    let _ = Url::revoke_object_url(&url);
                }
            }
        });
    }
    let title = props.document.title.clone();
    let close = props.on_close.reform(|_: MouseEvent| ());
    let unreadable = || AttrValue::from(i18n.t("documents-viewer-unreadable"));
    let body = match &*content {
        Content::Loading => html! { <StatusMessage text={AttrValue::from(i18n.t("loading"))} /> },
        Content::Failed(failure) => {
            html! { <ErrorMessage text={AttrValue::from(messages::api_failure(&i18n, failure))} /> }
        }
        Content::Unreadable => html! { <ErrorMessage text={unreadable()} /> },
        Content::Pdf(bytes) => html! { <PdfView bytes={bytes.clone()} /> },
        Content::Image(url) => html! {
            <img class="document-image" src={url.clone()} alt={title.clone()} />
        },
        Content::Cda(cda) => cda_view(&i18n, cda),
        Content::Fhir(resource) => html! {
            <div class="clinical">{ resource_view(&i18n, resource, 3) }</div>
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

fn fact(label: String, value: Option<String>) -> Html {
    value.map(|value| html! { <div><dt>{ label }</dt><dd>{ value }</dd></div> }).unwrap_or_default()
}

fn cda_view(tr: &Translator, cda: &Cda) -> Html {
    html! {
        <div class="clinical">
            <dl class="facts">
                { fact(tr.t("documents-clinical-title"), cda.title.clone()) }
                { fact(tr.t("documents-date"), cda.date.map(|d| tr.date(d))) }
                { fact(tr.t("documents-clinical-patient"), cda.patient.clone()) }
                { fact(tr.t("documents-clinical-author"), cda.author.clone()) }
            </dl>
            if cda.attachment {
                <p class="notice">{ tr.t("documents-clinical-attachment") }</p>
            }
            { sections_view(tr, &cda.sections, 3) }
        </div>
    }
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

fn resource_view(tr: &Translator, resource: &Resource, level: u8) -> Html {
    html! {
        <section class="clinical-section" data-resource-type={resource.kind.clone()}>
            { heading(level, &resource.kind) }
            <dl class="facts">
                { for resource.facts.iter().map(|(f, value)| fact(tr.t(fact_key(*f)), Some(match value {
                    FactValue::Text(text) => text.clone(),
                    FactValue::Date(day) => tr.date(*day),
                }))) }
            </dl>
            { narrative_view(tr, &resource.narrative) }
            { sections_view(tr, &resource.sections, level + 1) }
            { for resource.entries.iter().map(|entry| resource_view(tr, entry, level + 1)) }
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
