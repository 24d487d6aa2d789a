//! One module per page. A page sets its title, renders its `<h1 id="page-heading">` and fetches
//! its own data through `crate::api`.

pub mod access;
pub mod activate;
pub mod agency;
pub mod consultation;
pub mod contact;
pub mod documents;
pub mod emergency;
pub mod enrol;
pub mod history;
pub mod home;
pub mod life;
pub mod not_found;
pub mod notifications;
pub mod objection;
pub mod opening;
pub mod patient;
pub mod patient_documents;
pub mod personal_space;
pub mod practice;
pub mod professional;
pub mod professional_notices;
pub mod reach;
pub mod record;
pub mod record_acts;
pub mod security;
pub mod sign_in;
pub mod software;
pub mod viewer;
pub mod wishes;
pub mod worklist;

use std::cell::Cell;

use yew::prelude::*;

use crate::app::Route;
use crate::auth;
use crate::browser;
use crate::components::route_link::RouteLink;
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

/// The body shared by the three area pages for visitors: what the area lets one do, and how to
/// get in.
fn area_overview(heading: String, intro: String, abilities: Vec<String>, notice: Html) -> Html {
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ heading }</h1>
            <p class="lead">{ intro }</p>
            <ul class="abilities">
                { for abilities.into_iter().map(|a| html! { <li>{ a }</li> }) }
            </ul>
            <div class="notice" role="note">{ notice }</div>
        </>
    }
}

/// The greeting of a signed-in person on their area's page: their name, the way to their keys
/// and sessions, and the honest word that the record itself comes later.
fn signed_in_home(greeting: String, intro: String, coming: String, security: String) -> Html {
    html! {
        <>
            <h1 id="page-heading" tabindex="-1">{ greeting }</h1>
            <p class="lead">{ intro }</p>
            <p class="notice" role="note">{ coming }</p>
            <p><RouteLink to={Route::Security}>{ security }</RouteLink></p>
        </>
    }
}

/// Props of [`CeremonyProgress`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct CeremonyProgressProps {
    /// Whether a ceremony is under way.
    pub busy: bool,
}

/// While a ceremony runs: what to do now, and a way to give up (a request for a security key
/// with none plugged in would otherwise wait for minutes).
#[component]
pub fn CeremonyProgress(props: &CeremonyProgressProps) -> Html {
    let i18n = use_i18n();
    let cancel = Callback::from(|_: MouseEvent| auth::cancel());
    html! {
        <div class="progress">
            <div role="status" class="status">
                if props.busy { <p>{ i18n.t("ceremony-waiting") }</p> }
            </div>
            if props.busy {
                <button type="button" class="button-secondary" onclick={cancel}>
                    { i18n.t("ceremony-cancel") }
                </button>
            }
        </div>
    }
}

/// A "loading" line for pages waiting for the session or their data.
fn loading(text: String) -> Html {
    html! { <p class="status" role="status">{ text }</p> }
}
