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
use crate::clinical::{Document, cda, dom, fhir, xml};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::components::pdf_view;
use crate::i18n::context::use_i18n;

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

/// What the viewer shows once the content arrived.
#[derive(Debug, Clone, PartialEq)]
enum Content {
    Loading,
    /// Shown by pdf.js (the document, to release).
    Pdf(JsValue),
    /// An object URL, released when the viewer closes or changes.
    Image(String),
    /// A CDA document or a FHIR resource.
    Clinical(Document),
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

/// A text document's bytes as text, by the browser's decoder (the upload checked they are UTF-8).
fn text(bytes: &[u8]) -> Option<String> {
    web_sys::TextDecoder::new().ok()?.decode_with_u8_array(bytes).ok()
}

fn read(kind: ViewKind, bytes: &[u8], media_type: &str) -> Content {
    let shown = match kind {
        ViewKind::Image => object_url(bytes, media_type).map(Content::Image),
        ViewKind::Cda => text(bytes)
            .as_deref()
            .and_then(xml::parse)
            .and_then(|root| cda::read(&root))
            .map(Content::Clinical),
        // From text, as every API answer is read: one copy of the JSON parser in the wasm.
        ViewKind::Fhir => text(bytes)
            .and_then(|text| serde_json::from_str(&text).ok())
            .and_then(|value| fhir::read(&value, &xml::parse))
            .map(Content::Clinical),
        ViewKind::Pdf | ViewKind::None => None,
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
            // Whether the viewer is still open, and what to give back when it closes: an image's
            // object URL, a PDF (see `pdf_view::release`).
            let held = Rc::new(RefCell::new((true, None::<JsValue>)));
            let keep = held.clone();
            spawn_local(async move {
                let shown = match api::documents::content(id).await {
                    Err(failure) => Content::Failed(failure),
                    Ok(file) if kind == ViewKind::Pdf => {
                        pdf_view::show(&file.bytes).await.map_or(Content::Unreadable, Content::Pdf)
                    }
                    Ok(file) => read(kind, &file.bytes, &media_type),
                };
                let to_hold = match &shown {
                    Content::Image(url) => Some(JsValue::from_str(url)),
                    Content::Pdf(doc) => Some(doc.clone()),
                    _ => None,
                };
                let mut held = keep.borrow_mut();
                if !held.0 {
                    if let Some(to_hold) = to_hold {
                        pdf_view::release(&to_hold);
                    }
                    return;
                }
                held.1 = to_hold;
                content.set(shown);
                browser::focus_element("document-viewer-heading");
            });
            move || {
                let mut held = held.borrow_mut();
                held.0 = false;
                if let Some(to_hold) = held.1.take() {
                    pdf_view::release(&to_hold);
                }
            }
        });
    }
    let title = props.document.title.clone();
    let close = props.on_close.reform(|_: MouseEvent| ());
    let unreadable = || AttrValue::from(i18n.t("documents-viewer-unreadable"));
    let body = match &*content {
        Content::Loading => html! { <StatusMessage text={AttrValue::from(i18n.t("loading"))} /> },
        Content::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Content::Unreadable => html! { <ErrorMessage text={unreadable()} /> },
        Content::Pdf(_) => Html::default(),
        Content::Image(url) => html! {
            <img class="document-image" src={url.clone()} alt={title.clone()} />
        },
        // Built anew at each render, so that a change of language relabels it.
        Content::Clinical(document) => dom::build(&i18n, document)
            .map_or_else(|| html! { <ErrorMessage text={unreadable()} /> }, Html::VRef),
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
            // In place from the start, for pdf.js to show the pages in as soon as it can.
            if kind == ViewKind::Pdf && matches!(*content, Content::Loading | Content::Pdf(_)) {
                { pdf_view::holder(&i18n) }
            }
            <p class="actions">
                <button type="button" class="button-secondary close-viewer" onclick={close}>
                    { i18n.t("documents-viewer-close") }
                </button>
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use shared::Language;

    use super::*;
    use crate::clinical::Fact;
    use crate::clinical::dom::fact_key;
    use crate::i18n::Translator;

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
