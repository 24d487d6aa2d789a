//! The console's emergency-access review: first the alerts — professionals refused because they
//! had opened as many emergency accesses as the cap allows within its window — then every
//! emergency access opened, newest first, with who, which record and the stated reason. The
//! sentences are plain Rust, tested.

use shared::api::care::{EmergencyAccessReview, EmergencyAlert, ProfessionalBrief};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, Remote};
use crate::components::message::ErrorMessage;
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};

/// A professional's name and profession, or who they were when no longer in the directory.
fn who(tr: &Translator, professional: Option<&ProfessionalBrief>) -> String {
    professional.map_or_else(
        || tr.t("agency-emergency-someone"),
        |p| {
            let profession = messages::profession_name(tr, p.profession);
            format!("{} {} ({profession})", p.given_name, p.family_name)
        },
    )
}

/// What an alert says: who was refused, how many they had opened within how many hours, and
/// the cap.
#[must_use]
pub fn alert_sentence(tr: &Translator, alert: &EmergencyAlert) -> String {
    tr.t_args(
        "agency-emergency-alert",
        [
            ("name", Arg::from(who(tr, alert.professional.as_ref()))),
            ("count", Arg::from(alert.openings_in_window)),
            ("hours", Arg::from(alert.window_hours)),
            ("max", Arg::from(alert.max_openings)),
        ],
    )
}

/// What an opening says: who opened which record, and why.
#[must_use]
pub fn opening_sentence(tr: &Translator, access: &EmergencyAccessReview) -> String {
    tr.t_args(
        "agency-emergency-opening",
        [
            ("name", Arg::from(who(tr, access.professional.as_ref()))),
            ("record", Arg::from(access.patient_id.to_string())),
            ("reason", Arg::from(access.reason.clone())),
        ],
    )
}

/// The time of a row, as a `<time>`.
fn when(tr: &Translator, at: chrono::DateTime<chrono::Utc>) -> Html {
    html! {
        <p class="field-hint">
            <time datetime={at.to_rfc3339()}>{ messages::date_time(tr, at) }</time>
        </p>
    }
}

/// See the module documentation.
#[component]
pub fn EmergencyPanel() -> Html {
    let i18n = use_i18n();
    let alerts = use_state(|| Remote::<Vec<EmergencyAlert>>::Loading);
    let openings = use_state(|| Remote::<Vec<EmergencyAccessReview>>::Loading);
    {
        let alerts = alerts.clone();
        let openings = openings.clone();
        use_effect_with((), move |()| {
            spawn_local(async move {
                alerts.set(api::agency::emergency_alerts().await.into());
                openings.set(api::agency::emergency_accesses().await.into());
            });
        });
    }
    let alert_rows = match &*alerts {
        Remote::Loading => html! { <p class="status" role="status">{ i18n.t("loading") }</p> },
        Remote::Failed(failure) => {
            html! { <ErrorMessage text={AttrValue::from(messages::api_failure(&i18n, failure))} /> }
        }
        Remote::Ready(rows) if rows.is_empty() => {
            html! { <p class="muted">{ i18n.t("agency-emergency-no-alerts") }</p> }
        }
        Remote::Ready(rows) => html! {
            <ul class="rows" aria-labelledby="emergency-alerts-heading">
                { for rows.iter().map(|alert| html! {
                    <li class="row alert" data-alert-id={alert.id.to_string()}>
                        <div class="row-main">
                            <strong>{ alert_sentence(&i18n, alert) }</strong>
                            { when(&i18n, alert.refused_at) }
                        </div>
                    </li>
                }) }
            </ul>
        },
    };
    let opening_rows = match &*openings {
        Remote::Loading => html! { <p class="status" role="status">{ i18n.t("loading") }</p> },
        Remote::Failed(failure) => {
            html! { <ErrorMessage text={AttrValue::from(messages::api_failure(&i18n, failure))} /> }
        }
        Remote::Ready(rows) if rows.is_empty() => {
            html! { <p class="muted">{ i18n.t("agency-emergency-none") }</p> }
        }
        Remote::Ready(rows) => html! {
            <ul class="rows" aria-labelledby="emergency-openings-heading">
                { for rows.iter().map(|access| html! {
                    <li class="row" data-emergency-id={access.id.to_string()}>
                        <div class="row-main">
                            <span>{ opening_sentence(&i18n, access) }</span>
                            { when(&i18n, access.opened_at) }
                        </div>
                    </li>
                }) }
            </ul>
        },
    };
    html! {
        <section class="panel" aria-labelledby="emergency-review-heading">
            <h2 id="emergency-review-heading" tabindex="-1">{ i18n.t("agency-emergency-heading") }</h2>
            <p>{ i18n.t("agency-emergency-intro") }</p>
            <h3 id="emergency-alerts-heading">{ i18n.t("agency-emergency-alerts-heading") }</h3>
            { alert_rows }
            <h3 id="emergency-openings-heading">{ i18n.t("agency-emergency-openings-heading") }</h3>
            { opening_rows }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use shared::ids::{PatientId, ProfessionalId};
    use shared::{Language, Profession};
    use uuid::Uuid;

    use super::*;

    fn anne() -> Option<ProfessionalBrief> {
        Some(ProfessionalBrief {
            id: ProfessionalId(Uuid::nil()),
            given_name: "Anne".to_owned(),
            family_name: "Weber".to_owned(),
            profession: Profession::Physician,
            organisation: None,
        })
    }

    #[test]
    fn an_alert_says_who_how_many_within_how_long_and_the_cap() {
        let alert = EmergencyAlert {
            id: Uuid::nil(),
            professional: anne(),
            refused_at: Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).single().unwrap_or_default(),
            openings_in_window: 3,
            max_openings: 3,
            window_hours: 24,
        };
        for language in Language::ALL {
            let tr = Translator::new(language);
            let text = alert_sentence(&tr, &alert);
            assert!(text.contains("Anne Weber"), "{language:?}: {text}");
            assert!(text.contains(&messages::profession_name(&tr, Profession::Physician)));
            assert!(text.contains('3') && text.contains("24"), "{language:?}: {text}");
            assert!(!text.contains("agency-"), "{language:?}: {text}");
            let mut gone = alert.clone();
            gone.professional = None;
            assert!(alert_sentence(&tr, &gone).contains(&tr.t("agency-emergency-someone")));
        }
    }

    #[test]
    fn an_opening_says_who_which_record_and_why() {
        let access = EmergencyAccessReview {
            id: Uuid::nil(),
            patient_id: PatientId(Uuid::from_u128(7)),
            professional: anne(),
            reason: "Unconscious at the ER".to_owned(),
            opened_at: Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).single().unwrap_or_default(),
        };
        for language in Language::ALL {
            let tr = Translator::new(language);
            let text = opening_sentence(&tr, &access);
            assert!(text.contains("Anne Weber"), "{language:?}: {text}");
            assert!(text.contains(&access.patient_id.to_string()), "{language:?}: {text}");
            assert!(text.contains("Unconscious at the ER"), "{language:?}: {text}");
        }
    }
}
