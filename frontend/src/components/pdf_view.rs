//! A PDF drawn by pdf.js (the glue is `pdf_view.js` beside this file): one page at a time into a
//! canvas as wide as the viewer, with the previous and next pages and "page n of N", which is the
//! canvas's label too. Nothing of the document but its drawing reaches the page.
//!
//! Not a component of its own: the viewer keeps a [`Pdf`] in its state and renders [`view`] (a
//! component per format would weigh on the wasm for nothing).

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::i18n::{Arg, Translator};

#[wasm_bindgen(module = "/src/components/pdf_view.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = openPdf)]
    async fn open_pdf(bytes: js_sys::Uint8Array, canvas_id: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = pageCount)]
    fn page_count(doc: &JsValue) -> u32;
    #[wasm_bindgen(catch, js_name = renderPage)]
    async fn render_page(doc: &JsValue, number: u32, canvas_id: &str) -> Result<JsValue, JsValue>;
    /// Gives back an object URL or ends pdf.js's work on a document (its worker).
    pub fn release(held: &JsValue);
}

/// The id of the canvas the page is drawn into (one viewer at a time).
const CANVAS_ID: &str = "document-page";

/// An open document and the page shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Pdf {
    /// pdf.js's document.
    pub doc: JsValue,
    /// Its number of pages.
    pages: u32,
    /// The page shown, from 1.
    page: u32,
}

impl Pdf {
    /// Opens a document from its bytes (pdf.js's worker parses them) and draws its first page
    /// into the canvas of [`view`], which must be on the page; `None` when it cannot be read.
    pub async fn open(bytes: &[u8]) -> Option<Self> {
        let doc = open_pdf(js_sys::Uint8Array::from(bytes), CANVAS_ID).await.ok()?;
        Some(Self { pages: page_count(&doc), doc, page: 1 })
    }

    /// The same document at `page`.
    #[must_use]
    pub fn at(&self, page: u32) -> Self {
        Self { page: page.clamp(1, self.pages.max(1)), ..self.clone() }
    }

    /// Draws the page; `false` when it cannot.
    pub async fn draw(&self) -> bool {
        render_page(&self.doc, self.page, CANVAS_ID).await.is_ok()
    }
}

/// The pages and their controls (`go` turns to a page); before the document opens (`None`),
/// only the canvas, hidden, for the first page to be drawn into.
pub fn view(tr: &Translator, pdf: Option<&Pdf>, go: &Callback<u32>) -> Html {
    let (page, pages) = pdf.map_or((0, 0), |pdf| (pdf.page, pdf.pages));
    let label =
        tr.t_args("documents-page", [("page", Arg::from(page)), ("pages", Arg::from(pages))]);
    let turn = |to: u32| go.reform(move |_: MouseEvent| to);
    html! {
        <div class="pdf-view">
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
                hidden={pdf.is_none()}></canvas>
        </div>
    }
}
