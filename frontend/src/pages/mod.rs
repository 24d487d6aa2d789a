//! One module per page. A page sets its title, renders its `<h1 id="page-heading">` and, in later
//! issues, fetches its own data through `crate::api`.

pub mod agency;
pub mod home;
pub mod not_found;
pub mod patient;
pub mod professional;

use std::cell::Cell;

use yew::prelude::*;

use crate::browser;
use crate::i18n::context::use_i18n;

thread_local! {
    /// Whether a page has been shown since the app loaded.
    static A_PAGE_WAS_SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// Sets the document title to the page title (`title_key`) in the chosen language, and after a
/// client-side navigation moves focus to the new page's heading. The first page of a visit keeps
/// the browser's own focus, as after any page load.
#[hook]
pub fn use_page(title_key: &'static str) {
    let i18n = use_i18n();
    let title = format!("{} — {}", i18n.t(title_key), i18n.t("app-name"));
    use_effect_with(title, |title| browser::set_document_title(title));
    use_effect_with((), |()| {
        if A_PAGE_WAS_SHOWN.replace(true) {
            browser::focus_page_heading();
        }
    });
}

/// The body shared by the three area pages: what the area will let one do, and the honest note
/// that signing in is not there yet.
fn area_overview(heading: String, intro: String, abilities: Vec<String>, notice: String) -> Html {
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ heading }</h1>
            <p class="lead">{ intro }</p>
            <ul class="abilities">
                { for abilities.into_iter().map(|a| html! { <li>{ a }</li> }) }
            </ul>
            <p class="notice" role="note">{ notice }</p>
        </>
    }
}
