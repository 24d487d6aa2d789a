//! The home page: what DSP is, and the way into each of its three areas (a signed-in person's
//! own area only).

use yew::prelude::*;

use super::use_page;
use crate::app::Route;
use crate::components::route_link::RouteLink;
use crate::i18n::context::use_i18n;
use crate::session::{home_of, use_session};

/// See the module documentation.
#[component]
pub fn HomePage() -> Html {
    let i18n = use_i18n();
    use_page("home-title");
    let session = use_session();
    let own = session.info().map(|info| home_of(info.role));
    let card = |to: Route, title: String, text: String| {
        if own.is_some_and(|own| own != to) {
            return html! {};
        }
        html! {
            <li class="card">
                <h3><RouteLink {to}>{ title }</RouteLink></h3>
                <p>{ text }</p>
            </li>
        }
    };
    html! {
        <article class="page">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("home-heading") }</h1>
            <p class="lead">{ i18n.t("home-intro") }</p>
            <section aria-labelledby="areas-heading">
                <h2 id="areas-heading">{ i18n.t("home-areas-heading") }</h2>
                <ul class="cards">
                    { card(Route::Patient, i18n.t("home-patient-title"), i18n.t("home-patient-text")) }
                    { card(
                        Route::Professional,
                        i18n.t("home-professional-title"),
                        i18n.t("home-professional-text"),
                    ) }
                    { card(Route::Agency, i18n.t("home-agency-title"), i18n.t("home-agency-text")) }
                </ul>
            </section>
            if own.is_none() {
                <p class="notice" role="note">
                    { i18n.t("home-sign-in-text") }{ " " }
                    <RouteLink to={Route::SignIn}>{ i18n.t("area-sign-in-link") }</RouteLink>
                </p>
                <p class="notice" role="note">
                    { i18n.t("home-open-text") }{ " " }
                    <RouteLink to={Route::Open}>{ i18n.t("home-open-link") }</RouteLink>
                </p>
            }
        </article>
    }
}
