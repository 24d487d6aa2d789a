//! A PDF drawn by pdf.js (the glue is `pdf_view.js` beside this file): one page at a time into a
//! canvas as wide as the viewer, with the previous and next pages and "page n of N", which is the
//! canvas's label too. Nothing of the document but its drawing reaches the page.
//!
//! Not a component of its own: the viewer keeps a [`Pdf`] in its state and renders [`view`] (a
//! component per format would weigh on the wasm for nothing).

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::components::message::{ErrorMessage, StatusMessage};
use crate::i18n::{Arg, Translator};

#[wasm_bindgen(module = "/src/components/pdf_view.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = openPdf)]
    async fn open_pdf(bytes: js_sys::Uint8Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = pageCount)]
    fn page_count(doc: &JsValue) -> u32;
    #[wasm_bindgen(catch, js_name = renderPage)]
    async fn render_page(doc: &JsValue, number: u32, canvas_id: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = closePdf)]
    fn close_pdf(doc: &JsValue);
}

/// The id of the canvas the page is drawn into (one viewer at a time).
const CANVAS_ID: &str = "document-page";

/// A document and the page shown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pdf {
    /// pdf.js's document; `None` while opening or when it could not be opened.
    pub doc: Option<JsValue>,
    /// Its number of pages.
    pages: u32,
    /// The page shown, from 1.
    page: u32,
    /// Whether the document could not be opened or a page drawn.
    failed: bool,
}

impl Pdf {
    /// Opens a document from its bytes (pdf.js's worker parses them).
    pub async fn open(bytes: &[u8]) -> Self {
        let doc = open_pdf(js_sys::Uint8Array::from(bytes)).await.ok();
        let pages = doc.as_ref().map_or(0, page_count);
        Self { failed: doc.is_none(), doc, pages, page: 1 }
    }

    /// The same document at `page`.
    #[must_use]
    pub fn at(&self, page: u32) -> Self {
        Self { page: page.clamp(1, self.pages.max(1)), ..self.clone() }
    }

    /// Draws the page; `Some` with the failure marked when it could not be drawn.
    pub async fn draw(&self) -> Option<Self> {
        let doc = self.doc.as_ref()?;
        let failed = render_page(doc, self.page, CANVAS_ID).await.is_err();
        failed.then(|| Self { failed, ..self.clone() })
    }
}

/// Ends pdf.js's work on a document (its worker).
pub fn close(doc: &JsValue) {
    close_pdf(doc);
}

/// The pages and their controls; `go` turns to a page. The canvas is there from the start (hidden
/// until a page is drawn), so that the first page is drawn as soon as the document opens.
pub fn view(tr: &Translator, pdf: &Pdf, go: &Callback<u32>) -> Html {
    let (page, pages) = (pdf.page, pdf.pages);
    let label =
        tr.t_args("documents-page", [("page", Arg::from(page)), ("pages", Arg::from(pages))]);
    let turn = |to: u32| go.reform(move |_: MouseEvent| to);
    html! {
        <div class="pdf-view">
            if pdf.failed {
                <ErrorMessage text={AttrValue::from(tr.t("documents-viewer-unreadable"))} />
            } else if pdf.doc.is_none() {
                <StatusMessage text={AttrValue::from(tr.t("loading"))} />
            }
            if pages > 1 {
                <div class="in-page pdf-pages" role="group" aria-label={tr.t("documents-pages")}>
                    <button type="button" class="button-secondary pdf-previous" disabled={page <= 1}
                        onclick={turn(page.saturating_sub(1))}>
                        { tr.t("documents-page-previous") }
                    </button>
                    <span class="pdf-page-number" aria-live="polite">{ label.clone() }</span>
                    <button type="button" class="button-secondary pdf-next" disabled={page >= pages}
                        onclick={turn(page + 1)}>
                        { tr.t("documents-page-next") }
                    </button>
                </div>
            }
            <canvas id={CANVAS_ID} class="document-page" role="img" aria-label={label}
                hidden={pdf.doc.is_none() || pdf.failed}></canvas>
        </div>
    }
}
