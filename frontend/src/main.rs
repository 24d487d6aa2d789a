//! DSP's web app (Yew, compiled to wasm by trunk): the patient portal, the professional portal
//! and the agency console, in Luxembourgish, French, German and English.
//!
//! `main` picks the language, fetches its catalogue, then mounts [`app::App`]. Logic that needs no browser (translation, dates, error
//! messages, the language choice, reading API responses) lives in plain modules tested natively
//! with `cargo test -p frontend`; `browser` is the one place that touches browser objects.

mod api;
mod app;
mod auth;
mod browser;
mod clinical;
mod components;
mod forms;
mod i18n;
mod order;
mod pages;
mod router;
mod session;

fn main() {
    let language = i18n::choice::initial_language(
        browser::stored_language().as_deref(),
        &browser::preferred_languages(),
    );
    // The first render waits for the catalogue, so no message key ever flashes on screen.
    wasm_bindgen_futures::spawn_local(async move {
        match i18n::context::load(language).await {
            Some(translator) => {
                yew::Renderer::<app::App>::with_props(app::AppProps { translator }).render();
            }
            None => browser::show_load_failure(),
        }
    });
}
