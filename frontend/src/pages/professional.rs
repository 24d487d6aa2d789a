//! `/professional`: a signed-in professional is greeted and finds their keys; a visitor reads
//! what the portal will let a health professional do and how to get in.

use shared::Profession;
use shared::api::auth::Role;
use yew::prelude::*;

use super::consultation::{CodeKind, ConsultationForm};
use super::professional_notices::ProfessionalNotices;
use super::reach::{AdmissionForm, FindPatientForm};
use super::{area_overview, loading, signed_in_home, use_page};
use crate::app::Route;
use crate::components::route_link::RouteLink;
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, messages};
use crate::session::use_session;

/// See the module documentation.
#[component]
pub fn ProfessionalPage() -> Html {
    let i18n = use_i18n();
    use_page("professional-title");
    let session = use_session();
    if session.is_checking() {
        return html! { <article class="page">{ loading(i18n.t("session-checking")) }</article> };
    }
    if let Some(info) = session.as_role(Role::Professional) {
        let name = Arg::from(info.display_name.clone());
        let intro = match info.profession {
            Some(profession) => i18n.t_args(
                "professional-signed-in-as",
                [("profession", Arg::from(messages::profession_name(&i18n, profession)))],
            ),
            None => i18n.t("professional-signed-in-intro"),
        };
        return html! {
            <article class="page">
                { signed_in_home(
                    i18n.t_args("home-greeting", [("name", name)]),
                    intro,
                    i18n.t("professional-record-coming"),
                    i18n.t("security-link"),
                ) }
                <ProfessionalNotices />
                <p>
                    <RouteLink to={Route::ProfessionalWorklist}>{ i18n.t("worklist-link") }</RouteLink>
                    { " · " }
                    <RouteLink to={Route::ProfessionalSoftware}>{ i18n.t("oauth-software-title") }</RouteLink>
                </p>
                <FindPatientForm />
                <ConsultationForm />
                <ConsultationForm kind={CodeKind::Practice} />
                <AdmissionForm />
            </article>
        };
    }
    let abilities = vec![
        i18n.t("professional-find"),
        i18n.t("professional-read"),
        i18n.t("professional-file"),
        i18n.t("professional-signin"),
    ];
    let notice = html! {
        <p>
            <RouteLink to={Route::SignIn}>{ i18n.t("area-sign-in-link") }</RouteLink>
            { " · " }
            <RouteLink to={Route::Enrol}>{ i18n.t("area-enrol-link") }</RouteLink>
        </p>
    };
    html! {
        <article class="page">
            { area_overview(
                i18n.t("professional-heading"),
                i18n.t("professional-intro"),
                abilities,
                notice,
            ) }
            <section aria-labelledby="professions-heading">
                <h2 id="professions-heading">{ i18n.t("professional-professions-heading") }</h2>
                <ul class="columns">
                    { for Profession::ALL.into_iter().map(|p| html! {
                        <li data-profession={p.code()}>{ messages::profession_name(&i18n, p) }</li>
                    }) }
                </ul>
            </section>
        </article>
    }
}
