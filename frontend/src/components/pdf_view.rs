//! A PDF's pages, drawn by pdf.js (the glue is `pdf_view.js` beside this file) one at a time into
//! a canvas as wide as the viewer, with the previous and next pages and "page n of N", which is
//! the canvas's label too. Nothing of the document but its drawing reaches the page.
//!
//! The controls are made by the glue inside the element of [`holder`], whose data attributes
//! carry their words in the reader's language (Yew keeps them current; the glue follows): the
//! page state lives with pdf.js, and the wasm carries none of it.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::i18n::Translator;

#[wasm_bindgen(module = "/src/components/pdf_view.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = showPdf)]
    async fn show_pdf(bytes: js_sys::Uint8Array, holder_id: &str) -> Result<JsValue, JsValue>;
    /// Gives back an object URL or ends pdf.js's work on a document (its worker).
    pub fn release(held: &JsValue);
}

/// The id of the element the pages are shown in (one viewer at a time).
const HOLDER_ID: &str = "pdf-view";

/// Opens a document from its bytes (pdf.js's worker parses them) and shows its first page in the
/// element of [`holder`], which must be on the page; the document, or `None` when it cannot be
/// read.
pub async fn show(bytes: &[u8]) -> Option<JsValue> {
    show_pdf(js_sys::Uint8Array::from(bytes), HOLDER_ID).await.ok()
}

/// The element the pages are shown in, with the controls' words.
pub fn holder(tr: &Translator) -> Html {
    let page =
        tr.t_args("documents-page", [("page", "{page}".into()), ("pages", "{pages}".into())]);
    html! {
        <div id={HOLDER_ID} class="pdf-view" data-page={page} data-pages={tr.t("documents-pages")}
            data-previous={tr.t("documents-page-previous")} data-next={tr.t("documents-page-next")}
            data-unreadable={tr.t("documents-viewer-unreadable")}></div>
    }
}
