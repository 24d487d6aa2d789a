//! Browser glue: the only module that reads or writes `window`, `document`, `navigator` and
//! `localStorage`. Each function quietly does nothing when the browser refuses (private mode,
//! storage disabled), because none of this is worth breaking the page for.

use chrono::NaiveDate;
use shared::Language;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, Storage};

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

/// Today's date in the browser's time zone.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
