//! `/patient`: a signed-in patient is greeted and finds their keys; a visitor reads what the
//! patient portal will let a holder do and how to get in.

use shared::Category;
use shared::api::auth::Role;
use yew::prelude::*;

use super::notifications::NotificationsPanel;
use super::{area_overview, loading, signed_in_home, use_page};
use crate::app::Route;
use crate::components::route_link::RouteLink;
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, messages};
use crate::session::use_session;

/// See the module documentation.
#[component]
pub fn PatientPage() -> Html {
    let i18n = use_i18n();
    use_page("patient-title");
    let session = use_session();
    if session.is_checking() {
        return html! { <article class="page">{ loading(i18n.t("session-checking")) }</article> };
    }
    if let Some(info) = session.as_role(Role::Patient) {
        let name = Arg::from(info.display_name.clone());
        return html! {
            <article class="page">
                { signed_in_home(
                    i18n.t_args("home-greeting", [("name", name)]),
                    i18n.t("patient-signed-in-intro"),
                    i18n.t("patient-record-coming"),
                    i18n.t("security-link"),
                ) }
                <p><RouteLink to={Route::PatientAccess}>{ i18n.t("care-link") }</RouteLink></p>
                <p><RouteLink to={Route::PatientDocuments}>{ i18n.t("documents-link") }</RouteLink></p>
                <p><RouteLink to={Route::PatientPersonalSpace}>{ i18n.t("personal-link") }</RouteLink></p>
                <p><RouteLink to={Route::PatientHistory}>{ i18n.t("history-link") }</RouteLink></p>
                <NotificationsPanel />
            </article>
        };
    }
    let abilities = vec![
        i18n.t("patient-read"),
        i18n.t("patient-decide"),
        i18n.t("patient-traces"),
        i18n.t("patient-signin"),
    ];
    let notice = html! {
        <p>
            <RouteLink to={Route::SignIn}>{ i18n.t("area-sign-in-link") }</RouteLink>
            { " · " }
            <RouteLink to={Route::Activate}>{ i18n.t("patient-activate-link") }</RouteLink>
        </p>
    };
    html! {
        <article class="page">
            { area_overview(i18n.t("patient-heading"), i18n.t("patient-intro"), abilities, notice) }
            <section aria-labelledby="categories-heading">
                <h2 id="categories-heading">{ i18n.t("patient-categories-heading") }</h2>
                <ul class="columns">
                    { for Category::ALL.into_iter().map(|c| html! {
                        <li data-category={c.code()}>{ messages::category_name(&i18n, c) }</li>
                    }) }
                </ul>
            </section>
        </article>
    }
}
