//! A PDF drawn by pdf.js (the glue is `pdf_view.js` beside this file): one page at a time into a
//! canvas as wide as the viewer, with the previous and next pages and "page n of N", which is the
//! canvas's label too. Nothing of the document but its drawing reaches the page.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::components::message::{ErrorMessage, StatusMessage};
use crate::i18n::Arg;
use crate::i18n::context::use_i18n;

#[wasm_bindgen(module = "/src/components/pdf_view.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = openPdf)]
    async fn open_pdf(bytes: js_sys::Uint8Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = pageCount)]
    fn page_count(doc: &JsValue) -> u32;
    #[wasm_bindgen(catch, js_name = renderPage)]
    async fn render_page(
        doc: &JsValue,
        number: u32,
        canvas: &HtmlCanvasElement,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = closePdf)]
    fn close_pdf(doc: &JsValue);
}

/// A document's bytes in the browser's memory, given up to pdf.js (its worker takes them); equal
/// only to themselves.
#[derive(Debug, Clone)]
pub struct PdfBytes(pub js_sys::Uint8Array);

impl PartialEq for PdfBytes {
    fn eq(&self, other: &Self) -> bool {
        AsRef::<JsValue>::as_ref(&self.0) == AsRef::<JsValue>::as_ref(&other.0)
    }
}

/// Props of [`PdfView`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PdfViewProps {
    /// The document.
    pub bytes: PdfBytes,
}

/// An open document and its number of pages; `None` when pdf.js could not open it.
type Opened = Option<(JsValue, u32)>;

/// See the module documentation.
#[component]
pub fn PdfView(props: &PdfViewProps) -> Html {
    let i18n = use_i18n();
    let opened = use_state(|| None::<Opened>);
    let page = use_state(|| 1_u32);
    let failed = use_state(|| false);
    let canvas = use_node_ref();
    {
        let (opened, page) = (opened.clone(), page.clone());
        use_effect_with(props.bytes.clone(), move |bytes| {
            opened.set(None);
            page.set(1);
            // The document to close when the viewer closes or shows another one; `Err` once closed.
            let held = Rc::new(RefCell::new(Ok::<_, ()>(None::<JsValue>)));
            let keep = held.clone();
            let bytes = bytes.clone();
            spawn_local(async move {
                let result = open_pdf(bytes.0).await.ok();
                let closed = keep.borrow().is_err();
                match result {
                    Some(doc) if closed => close_pdf(&doc),
                    Some(doc) => {
                        *keep.borrow_mut() = Ok(Some(doc.clone()));
                        opened.set(Some(Some((doc.clone(), page_count(&doc)))));
                    }
                    None if !closed => opened.set(Some(None)),
                    None => {}
                }
            });
            move || {
                if let Ok(Some(doc)) = held.replace(Err(())) {
                    close_pdf(&doc);
                }
            }
        });
    }
    {
        let (canvas, failed) = (canvas.clone(), failed.clone());
        let doc = (*opened).clone().flatten().map(|(doc, _)| doc);
        use_effect_with((doc, *page), move |(doc, number)| {
            if let (Some(doc), Some(canvas)) = (doc.clone(), canvas.cast::<HtmlCanvasElement>()) {
                let number = *number;
                spawn_local(async move {
                    failed.set(render_page(&doc, number, &canvas).await.is_err());
                });
            }
        });
    }
    let Some(opened) = &*opened else {
        return html! { <StatusMessage text={AttrValue::from(i18n.t("loading"))} /> };
    };
    let Some((_, pages)) = opened else {
        return html! { <ErrorMessage text={AttrValue::from(i18n.t("documents-viewer-unreadable"))} /> };
    };
    let (n, pages) = (*page, *pages);
    let label =
        i18n.t_args("documents-page", [("page", Arg::from(n)), ("pages", Arg::from(pages))]);
    let go = |to: u32| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
    html! {
        <div class="pdf-view">
            if pages > 1 {
                <div class="in-page pdf-pages" role="group" aria-label={i18n.t("documents-pages")}>
                    <button type="button" class="button-secondary pdf-previous" disabled={n <= 1}
                        onclick={go(n.saturating_sub(1).max(1))}>
                        { i18n.t("documents-page-previous") }
                    </button>
                    <span class="pdf-page-number" aria-live="polite">{ label.clone() }</span>
                    <button type="button" class="button-secondary pdf-next" disabled={n >= pages}
                        onclick={go((n + 1).min(pages))}>
                        { i18n.t("documents-page-next") }
                    </button>
                </div>
            }
            <canvas ref={canvas} class="document-page" role="img" aria-label={label}></canvas>
            <ErrorMessage text={failed.then(|| AttrValue::from(i18n.t("documents-viewer-unreadable")))} />
        </div>
    }
}
