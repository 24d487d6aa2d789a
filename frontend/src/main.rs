//! DSP's web app (Yew, compiled to wasm by trunk): the patient portal, the professional portal
//! and the agency console, in Luxembourgish, French, German and English.
//!
//! `main` only mounts [`app::App`]. Logic that needs no browser (translation, dates, error
//! messages, the language choice, reading API responses) lives in plain modules tested natively
//! with `cargo test -p frontend`; `browser` is the one place that touches browser objects.

mod api;
mod app;
mod auth;
mod browser;
mod components;
mod forms;
mod i18n;
mod pages;
mod session;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
