//! DSP's web app (Yew, compiled to wasm by trunk): the patient portal, the professional portal
//! and the agency console, in Luxembourgish, French, German and English.
//!
//! Three apps share this library, each a bin of its own (`src/bin/portal.rs`,
//! `professional.rs`, `agency.rs`) that names only its own pages, so that a patient's browser
//! never downloads the agency console (see [`app::Area`]). [`start`] picks the language, fetches
//! its catalogue, then mounts [`app::App`] with the bin's pages. Logic that needs no browser
//! (translation, dates, error messages, the language choice, reading API responses) lives in
//! plain modules tested natively with `cargo test -p frontend`; `browser` is the one place that
//! touches browser objects.

pub mod api;
pub mod app;
pub mod auth;
pub mod browser;
pub mod clinical;
pub mod components;
pub mod forms;
pub mod i18n;
pub mod order;
pub mod pages;
pub mod router;
pub mod session;

pub use app::{Area, Pages, Route};
pub use yew::{Html, html};

/// Starts one of the apps: picks the language, fetches its catalogue (the first render waits for
/// it, so no message key ever flashes on screen), then renders `pages`.
pub fn start(pages: Pages) {
    let language = i18n::choice::initial_language(
        browser::stored_language().as_deref(),
        &browser::preferred_languages(),
    );
    wasm_bindgen_futures::spawn_local(async move {
        match i18n::context::load(language).await {
            Some(translator) => {
                yew::Renderer::<app::App>::with_props(app::AppProps { translator, pages }).render();
            }
            None => browser::show_load_failure(),
        }
    });
}
