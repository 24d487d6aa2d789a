//! `/agency`: for a signed-in agent, the console (patients' records and letters, the
//! professional directory and enrolment codes, the emergency-access review and its alerts); for
//! anyone else, what the console is for and how agents get in.

mod chart;
mod emergency;
mod figures;
mod helpdesk;
mod imports;
mod life;
mod opening;
mod organisations;
mod patients;
mod professionals;
mod software;

use shared::api::auth::Role;
use yew::prelude::*;

use super::{area_overview, loading, use_page};
use crate::app::Route;
use crate::components::route_link::RouteLink;
use crate::i18n::Arg;
use crate::i18n::context::use_i18n;
use crate::session::use_session;
use emergency::EmergencyPanel;
use figures::FiguresPanel;
use imports::ImportsPanel;
use opening::OpeningPanel;
use organisations::OrganisationsPanel;
use patients::PatientsPanel;
use professionals::ProfessionalsPanel;
use software::SoftwarePanel;

/// See the module documentation.
#[component]
pub fn AgencyPage() -> Html {
    let i18n = use_i18n();
    use_page("agency-title");
    let session = use_session();
    if session.is_checking() {
        return html! { <article class="page">{ loading(i18n.t("session-checking")) }</article> };
    }
    if let Some(info) = session.as_role(Role::Agent) {
        let name = Arg::from(info.display_name.clone());
        return html! {
            <article class="page wide">
                <h1 id="page-heading" tabindex="-1">{ i18n.t("agency-heading") }</h1>
                <p class="lead">{ i18n.t_args("agency-greeting", [("name", name)]) }</p>
                <nav class="in-page" aria-label={i18n.t("agency-sections")}>
                    <a href="#opening-heading">{ i18n.t("opening-heading") }</a>
                    <a href="#patients-heading">{ i18n.t("agency-patients-heading") }</a>
                    <a href="#imports-heading">{ i18n.t("import-heading") }</a>
                    <a href="#professionals-heading">{ i18n.t("agency-professionals-heading") }</a>
                    <a href="#organisations-heading">{ i18n.t("helpdesk-organisations-heading") }</a>
                    <a href="#software-heading">{ i18n.t("software-heading") }</a>
                    <a href="#emergency-review-heading">{ i18n.t("agency-emergency-heading") }</a>
                    <a href="#figures-heading">{ i18n.t("figures-heading") }</a>
                    <RouteLink to={Route::Security}>{ i18n.t("security-link") }</RouteLink>
                </nav>
                <OpeningPanel />
                <PatientsPanel />
                <ImportsPanel />
                <ProfessionalsPanel />
                <OrganisationsPanel />
                <SoftwarePanel />
                <EmergencyPanel />
                <FiguresPanel />
            </article>
        };
    }
    let abilities = vec![
        i18n.t("agency-open"),
        i18n.t("agency-directory"),
        i18n.t("agency-review"),
        i18n.t("agency-recover"),
        i18n.t("agency-signin"),
    ];
    let notice = if session.info().is_some() {
        html! { <p>{ i18n.t("agency-not-for-you") }</p> }
    } else {
        html! {
            <p>
                <RouteLink to={Route::SignIn}>{ i18n.t("area-sign-in-link") }</RouteLink>
                { " · " }
                <RouteLink to={Route::Enrol}>{ i18n.t("area-enrol-link") }</RouteLink>
            </p>
        }
    };
    html! {
        <article class="page">
            { area_overview(i18n.t("agency-heading"), i18n.t("agency-intro"), abilities, notice) }
        </article>
    }
}
