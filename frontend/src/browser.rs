//! Browser glue: the only module that reads or writes `window`, `document`, `navigator` and
//! `localStorage` (WebAuthn's `navigator.credentials` has its own glue in `crate::auth`). Each
//! function quietly does nothing when the browser refuses (private mode, storage disabled),
//! because none of this is worth breaking the page for.

use chrono::NaiveDate;
use shared::Language;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Document, HtmlAnchorElement, HtmlElement, Storage, Url};

use crate::i18n::choice::STORAGE_KEY;

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language tag saved by an earlier visit, if any.
pub fn stored_language() -> Option<String> {
    local_storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Remembers the person's choice for the next visits.
pub fn store_language(language: Language) {
    if let Some(storage) = local_storage() {
        // A full or forbidden storage only means the choice is not remembered.
        let _ = storage.set_item(STORAGE_KEY, language.tag());
    }
}

/// The browser's preferred languages, most preferred first (`navigator.languages`).
pub fn preferred_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let languages: Vec<String> =
        navigator.languages().iter().filter_map(|value| value.as_string()).collect();
    if languages.is_empty() { navigator.language().into_iter().collect() } else { languages }
}

/// Sets `<html lang>`, so that screen readers and hyphenation follow the chosen language.
pub fn set_document_language(language: Language) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", language.tag());
    }
}

/// Sets the browser tab's title.
pub fn set_document_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

/// Marks `<body data-app-ready="true">` once the app has rendered (a hook for end-to-end tests).
pub fn mark_app_ready() {
    if let Some(body) = document().and_then(|d| d.body()) {
        let _ = body.set_attribute("data-app-ready", "true");
    }
    // The first rendered page, on the navigation's clock (the benchmark reads it).
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("dsp-first-render");
    }
}

/// Moves focus to the page's `<h1 id="page-heading">`, so that after a client-side navigation
/// a screen reader announces the new page, as it would after a full page load.
pub fn focus_page_heading() {
    if let Some(heading) = document()
        .and_then(|d| d.get_element_by_id("page-heading"))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = heading.focus();
    }
}

/// The location: path, query (with its `?`) and fragment (with its `#`).
pub fn location() -> (String, String, String) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return ("/".to_owned(), String::new(), String::new());
    };
    (
        location.pathname().unwrap_or_else(|_| "/".to_owned()),
        location.search().unwrap_or_default(),
        location.hash().unwrap_or_default(),
    )
}

/// Adds a history entry for `url` (same origin) without loading it.
pub fn push_url(url: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(url));
    }
}

/// Loads `url` (same origin) as a new page: the way into another of the apps.
pub fn assign_url(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(url);
    }
}

/// The text of a file served beside the app (`path` from the site's root); `None` when it cannot
/// be fetched or the server does not answer 200.
pub async fn fetch_text(path: &str) -> Option<String> {
    let response = gloo_net::http::Request::get(path).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    response.text().await.ok()
}

/// Shows the page's own notice that the app could not start (`<div id="load-failed" hidden>` in
/// `index.html`, written in the four languages), for when no catalogue can be fetched.
pub fn show_load_failure() {
    if let Some(notice) = document().and_then(|d| d.get_element_by_id("load-failed")) {
        let _ = notice.remove_attribute("hidden");
    }
}

/// Today's date in the browser's time zone.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Moves focus to the element with `id` (a result panel, the first wrong field).
pub fn focus_element(id: &str) {
    if let Some(element) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Hands `bytes` to the browser as a downloaded file named `filename`. Returns whether the
/// browser took it.
pub fn save_file(bytes: &[u8], filename: &str, content_type: &str) -> bool {
    save_file_inner(bytes, filename, content_type).is_some()
}

fn save_file_inner(bytes: &[u8], filename: &str, content_type: &str) -> Option<()> {
    let document = document()?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(content_type);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    let link: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(filename);
    let body = document.body()?;
    body.append_child(&link).ok()?;
    link.click();
    link.remove();
    // The download has started; the object URL is released a minute later.
    let release = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 60_000)
        .ok()?;
    Some(())
}

#[wasm_bindgen]
extern "C" {
    // Own binding: web-sys has the Clipboard API only as an unstable API.
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn clipboard_write_text(text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Copies `text` to the clipboard. Returns whether it worked.
pub async fn copy_text(text: &str) -> bool {
    match clipboard_write_text(text) {
        Ok(promise) => JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}

/// A repeating timer (`setInterval`), stopped when dropped.
pub struct Interval {
    id: i32,
    _tick: Closure<dyn FnMut()>,
}

impl std::fmt::Debug for Interval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interval").field("id", &self.id).finish_non_exhaustive()
    }
}

impl Interval {
    /// Calls `tick` every `millis` milliseconds until the value is dropped; `None` when the
    /// browser refuses.
    pub fn every(millis: i32, tick: impl FnMut() + 'static) -> Option<Self> {
        let tick = Closure::<dyn FnMut()>::new(tick);
        let id = web_sys::window()?
            .set_interval_with_callback_and_timeout_and_arguments_0(
                tick.as_ref().unchecked_ref(),
                millis,
            )
            .ok()?;
        Some(Self { id, _tick: tick })
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_interval_with_handle(self.id);
        }
    }
}

/// A listener for an event on `window` (`popstate`), removed when dropped.
pub struct WindowListener {
    event: &'static str,
    callback: Closure<dyn FnMut()>,
}

impl std::fmt::Debug for WindowListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WindowListener").field("event", &self.event).finish_non_exhaustive()
    }
}

impl WindowListener {
    /// Calls `handler` on every `event` until the value is dropped; `None` when the browser
    /// refuses.
    pub fn new(event: &'static str, handler: impl FnMut() + 'static) -> Option<Self> {
        let callback = Closure::<dyn FnMut()>::new(handler);
        web_sys::window()?
            .add_event_listener_with_callback(event, callback.as_ref().unchecked_ref())
            .ok()?;
        Some(Self { event, callback })
    }
}

impl Drop for WindowListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                self.event,
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }
}
