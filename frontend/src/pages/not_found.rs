//! The page for a client path that leads nowhere.

use yew::prelude::*;

use super::use_page;
use crate::app::Route;
use crate::components::route_link::RouteLink;
use crate::i18n::Arg;
use crate::i18n::context::use_i18n;
use crate::router::use_location;

/// See the module documentation.
#[component]
pub fn NotFoundPage() -> Html {
    let i18n = use_i18n();
    use_page("not-found-title");
    let path = use_location().map(|l| l.path().to_owned()).unwrap_or_default();
    html! {
        <article class="page">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("not-found-heading") }</h1>
            <p>{ i18n.t_args("not-found-text", [("path", Arg::from(path))]) }</p>
            <p><RouteLink to={Route::Home}>{ i18n.t("not-found-home") }</RouteLink></p>
        </article>
    }
}
