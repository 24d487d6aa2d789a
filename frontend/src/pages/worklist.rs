//! `/professional/worklist` (signed-in professionals): the patients they reach now through a live
//! link of their own or of their institution, soonest-ending first; links ending within a few
//! days are flagged, and a stay of their institution can be renewed from here. The server lists
//! only records the rules let them open, and decides again on a renewal.

use shared::ApiErrorCode;
use shared::api::auth::Role;
use shared::api::care::{EXPIRING_SOON_DAYS, LinkContext, WorklistEntry};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{loading, use_page};
use crate::api::{self, ApiFailure, Remote};
use crate::app::Route;
use crate::browser;
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::components::route_link::RouteLink;
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};
use crate::session::use_session;

/// The words for a link's care context, as the professional holds it.
#[must_use]
pub fn context_text(tr: &Translator, entry: &WorklistEntry) -> String {
    let organisation = Arg::from(
        entry.organisation.clone().unwrap_or_else(|| tr.t("history-organisation-unknown")),
    );
    match entry.link.context {
        LinkContext::Consultation => tr.t("worklist-context-consultation"),
        LinkContext::PatientGrant => tr.t("worklist-context-patient-grant"),
        LinkContext::InstitutionStay => {
            tr.t_args("worklist-context-institution-stay", [("organisation", organisation)])
        }
        LinkContext::EmergencyDepartment => {
            tr.t_args("worklist-context-emergency-department", [("organisation", organisation)])
        }
    }
}

/// A refused renewal in words: `not_found` means the rules do not (or no longer) allow it.
#[must_use]
pub fn renew_failure(tr: &Translator, failure: &ApiFailure) -> String {
    if failure.is(ApiErrorCode::NotFound) {
        tr.t("worklist-renew-refused")
    } else {
        messages::api_failure(tr, failure)
    }
}

/// See the module documentation.
#[component]
pub fn WorklistPage() -> Html {
    let i18n = use_i18n();
    use_page("worklist-title");
    let session = use_session();
    let entries = use_state(|| Remote::<Vec<WorklistEntry>>::Loading);
    let renewing = use_state(|| None::<Uuid>);
    let outcome = use_state(|| None::<Result<String, ApiFailure>>);
    let signed_in = session.as_role(Role::Professional).is_some();
    let reload = {
        let entries = entries.clone();
        Callback::from(move |()| {
            let entries = entries.clone();
            spawn_local(async move { entries.set(api::care::worklist().await.into()) });
        })
    };
    {
        let reload = reload.clone();
        use_effect_with(signed_in, move |signed_in| {
            if *signed_in {
                reload.emit(());
            }
        });
    }
    if session.is_checking() {
        return html! { <article class="page">{ loading(i18n.t("session-checking")) }</article> };
    }
    if !signed_in {
        return html! {
            <article class="page narrow">
                <h1 id="page-heading" tabindex="-1">{ i18n.t("worklist-heading") }</h1>
                <p class="notice">
                    { i18n.t("record-signed-out") }{ " " }
                    <RouteLink to={Route::SignIn}>{ i18n.t("area-sign-in-link") }</RouteLink>
                </p>
            </article>
        };
    }
    let on_renew = {
        let renewing = renewing.clone();
        let outcome = outcome.clone();
        let reload = reload.clone();
        let tr = i18n.clone();
        Callback::from(move |entry: WorklistEntry| {
            if renewing.is_some() {
                return;
            }
            renewing.set(Some(entry.link.id));
            outcome.set(None);
            let renewing = renewing.clone();
            let outcome = outcome.clone();
            let reload = reload.clone();
            let tr = tr.clone();
            spawn_local(async move {
                let name = format!("{} {}", entry.given_name, entry.family_name);
                let result = api::care::renew_stay(entry.link.id).await.map(|longer| {
                    tr.t_args(
                        "worklist-renewed",
                        [
                            ("name", Arg::from(name)),
                            ("date", Arg::from(messages::date_time(&tr, longer.ends_at))),
                        ],
                    )
                });
                outcome.set(Some(result));
                renewing.set(None);
                reload.emit(());
                browser::focus_element("worklist-result");
            });
        })
    };
    let body = match &*entries {
        Remote::Loading => loading(i18n.t("loading")),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(list) if list.is_empty() => {
            html! { <p class="notice" id="worklist-empty">{ i18n.t("worklist-empty") }</p> }
        }
        Remote::Ready(list) => html! {
            <ul class="rows worklist" aria-labelledby="worklist-list-heading">
                { for list.iter().map(|entry| row(&i18n, entry, &on_renew, *renewing)) }
            </ul>
        },
    };
    let success = match &*outcome {
        Some(Ok(text)) => Some(AttrValue::from(text.clone())),
        _ => None,
    };
    let failure = match &*outcome {
        Some(Err(failure)) => Some(AttrValue::from(renew_failure(&i18n, failure))),
        _ => None,
    };
    html! {
        <article class="page">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("worklist-heading") }</h1>
            <p class="lead">
                { i18n.t_args("worklist-intro", [("days", Arg::from(EXPIRING_SOON_DAYS))]) }
            </p>
            <p><RouteLink to={Route::Professional}>{ i18n.t("record-back") }</RouteLink></p>
            <section class="panel" aria-labelledby="worklist-list-heading">
                <h2 id="worklist-list-heading">{ i18n.t("worklist-list-heading") }</h2>
                <div id="worklist-result" tabindex="-1">
                    <StatusMessage text={success} />
                    <ErrorMessage text={failure} />
                </div>
                { body }
            </section>
        </article>
    }
}

fn row(
    tr: &Translator,
    entry: &WorklistEntry,
    on_renew: &Callback<WorklistEntry>,
    renewing: Option<Uuid>,
) -> Html {
    let id = entry.link.id.to_string();
    let name_id = format!("worklist-name-{id}");
    let name = format!("{} {}", entry.given_name, entry.family_name);
    let renew = on_renew.reform({
        let entry = entry.clone();
        move |_: MouseEvent| entry.clone()
    });
    let record = Route::ProfessionalRecord { patient_id: entry.patient_id.0 };
    html! {
        <li key={id.clone()} class={classes!("row", entry.expiring_soon.then_some("expiring"))}
            data-link-id={id.clone()} data-patient-id={entry.patient_id.0.to_string()}
            data-expiring={entry.expiring_soon.to_string()}>
            <div class="row-main">
                <h3 id={name_id.clone()}>
                    <RouteLink to={record}>{ name }</RouteLink>
                </h3>
                if entry.expiring_soon {
                    <p class="badge expiring-label">{ tr.t("worklist-expiring") }</p>
                }
                <dl class="facts">
                    <div><dt>{ tr.t("worklist-birth-date") }</dt><dd>{ tr.date(entry.birth_date) }</dd></div>
                    <div><dt>{ tr.t("worklist-context") }</dt><dd>{ context_text(tr, entry) }</dd></div>
                    <div><dt>{ tr.t("worklist-until") }</dt>
                        <dd><time datetime={entry.link.ends_at.to_rfc3339()}>{ messages::date_time(tr, entry.link.ends_at) }</time></dd></div>
                </dl>
            </div>
            <div class="row-actions">
                if entry.renewable {
                    <button type="button" class="button-secondary renew-link" onclick={renew}
                        disabled={renewing.is_some()} aria-describedby={name_id}>
                        { tr.t("worklist-renew") }
                    </button>
                }
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};
    use shared::Language;
    use shared::api::care::LinkSummary;
    use shared::ids::PatientId;

    use super::*;

    fn entry(context: LinkContext, organisation: Option<&str>) -> WorklistEntry {
        WorklistEntry {
            patient_id: PatientId(Uuid::from_u128(1)),
            given_name: "Marie".into(),
            family_name: "Dupont".into(),
            birth_date: NaiveDate::from_ymd_opt(1972, 9, 2).unwrap(),
            link: LinkSummary {
                id: Uuid::from_u128(2),
                professional: None,
                context,
                starts_at: Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0).unwrap(),
                ends_at: Utc.with_ymd_and_hms(2026, 12, 16, 0, 0, 0).unwrap(),
                ended_at: None,
                live: true,
            },
            organisation: organisation.map(str::to_owned),
            expiring_soon: false,
            renewable: false,
        }
    }

    #[test]
    fn each_context_reads_in_words_naming_the_institution() {
        for language in Language::ALL {
            let tr = Translator::new(language);
            let stay = context_text(&tr, &entry(LinkContext::InstitutionStay, Some("CHL")));
            assert!(stay.contains("CHL"), "{stay}");
            let ed = context_text(&tr, &entry(LinkContext::EmergencyDepartment, Some("CHL")));
            assert!(ed.contains("CHL") && ed != stay, "{ed}");
            for context in [LinkContext::Consultation, LinkContext::PatientGrant] {
                let text = context_text(&tr, &entry(context, None));
                assert!(!text.starts_with("worklist-"), "{text}");
            }
        }
    }

    #[test]
    fn a_refused_renewal_says_so() {
        let not_found = ApiFailure::Api(shared::ApiError::new(ApiErrorCode::NotFound, ""));
        for language in Language::ALL {
            let tr = Translator::new(language);
            assert_eq!(renew_failure(&tr, &not_found), tr.t("worklist-renew-refused"));
        }
    }
}
