//! The console's emergency-access review: first the alerts — professionals refused because they
//! had opened as many emergency accesses as the cap allows within its window — then every
//! emergency access opened, newest first, with who, which record, the stated reason, until when
//! it could read, and the agency's disposition: an agent records (or changes) it — justified,
//! questioned or escalated — with a note that the patient reads. The sentences are plain Rust,
//! tested.

use shared::api::care::{
    DISPOSITION_NOTE_MAX, Disposition, DispositionRecord, EmergencyAccessReview, EmergencyAlert,
    PatientNotice, ProfessionalBrief, SetDisposition,
};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlTextAreaElement, SubmitEvent};
use yew::prelude::*;

use crate::api::{self, ApiFailure, Remote};
use crate::browser;
use crate::components::message::{ErrorMessage, StatusMessage};
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

/// The message key of a disposition's name.
#[must_use]
pub fn disposition_key(disposition: Disposition) -> String {
    format!("agency-emergency-disposition-{}", disposition.as_str())
}

/// What the review says about an access: not reviewed yet, or the disposition, by whom and when.
#[must_use]
pub fn disposition_sentence(tr: &Translator, record: Option<&DispositionRecord>) -> String {
    let Some(record) = record else { return tr.t("agency-emergency-not-reviewed") };
    let disposition = tr.t(&disposition_key(record.disposition));
    let date = messages::date_time(tr, record.decided_at);
    match &record.agent {
        Some(agent) => tr.t_args(
            "agency-emergency-disposed",
            [
                ("disposition", Arg::from(disposition)),
                ("agent", Arg::from(agent.clone())),
                ("date", Arg::from(date)),
            ],
        ),
        None => tr.t_args(
            "agency-emergency-disposed-unknown-agent",
            [("disposition", Arg::from(disposition)), ("date", Arg::from(date))],
        ),
    }
}

/// Whether the patient was told of the access in the app, and whether they read it.
#[must_use]
pub fn notice_sentence(tr: &Translator, notice: Option<&PatientNotice>) -> String {
    match notice {
        None => tr.t("agency-emergency-not-notified"),
        Some(PatientNotice { at, read_at: None }) => tr.t_args(
            "agency-emergency-notified-unread",
            [("date", Arg::from(messages::date_time(tr, *at)))],
        ),
        Some(PatientNotice { at, read_at: Some(read) }) => tr.t_args(
            "agency-emergency-notified-read",
            [
                ("date", Arg::from(messages::date_time(tr, *at))),
                ("read", Arg::from(messages::date_time(tr, *read))),
            ],
        ),
    }
}

/// What is wrong with a note, as a message key.
#[must_use]
pub fn note_problem(note: &str) -> Option<&'static str> {
    (note.trim().chars().count() > DISPOSITION_NOTE_MAX).then_some("agency-emergency-note-too-long")
}

/// Props of [`DispositionForm`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct DispositionFormProps {
    /// The access under review.
    pub access: EmergencyAccessReview,
    /// Called with the access as the server now has it.
    pub on_saved: Callback<EmergencyAccessReview>,
}

/// An agent's disposition of one access: three choices and a note.
#[component]
pub fn DispositionForm(props: &DispositionFormProps) -> Html {
    let i18n = use_i18n();
    let current = props.access.disposition.as_ref();
    let chosen = use_state(|| current.map(|d| d.disposition));
    let note = use_state(|| current.map(|d| d.note.clone()).unwrap_or_default());
    let submitted = use_state(|| false);
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<Result<(), ApiFailure>>);
    let id = props.access.id;
    let stem = format!("disposition-{id}");
    let problem = if *submitted {
        if chosen.is_none() { Some("agency-emergency-choose") } else { note_problem(&note) }
    } else {
        None
    };
    let on_note = {
        let note = note.clone();
        Callback::from(move |event: InputEvent| {
            note.set(event.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let onsubmit = {
        let (chosen, note, submitted, busy, outcome) =
            (chosen.clone(), note.clone(), submitted.clone(), busy.clone(), outcome.clone());
        let on_saved = props.on_saved.clone();
        let stem = stem.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            submitted.set(true);
            let Some(disposition) = *chosen else {
                browser::focus_element(&format!("{stem}-justified"));
                return;
            };
            if note_problem(&note).is_some() {
                browser::focus_element(&format!("{stem}-note"));
                return;
            }
            let body = SetDisposition { disposition, note: note.trim().to_owned() };
            busy.set(true);
            outcome.set(None);
            let (busy, outcome, on_saved, stem) =
                (busy.clone(), outcome.clone(), on_saved.clone(), stem.clone());
            spawn_local(async move {
                let result = api::agency::set_disposition(id, &body).await;
                busy.set(false);
                match result {
                    Ok(saved) => {
                        outcome.set(Some(Ok(())));
                        on_saved.emit(saved);
                    }
                    Err(failure) => outcome.set(Some(Err(failure))),
                }
                browser::focus_element(&format!("{stem}-result"));
            });
        })
    };
    let success = matches!(&*outcome, Some(Ok(())))
        .then(|| AttrValue::from(i18n.t("agency-emergency-recorded")));
    let failure = match &*outcome {
        Some(Err(failure)) => Some(AttrValue::from(messages::api_failure(&i18n, failure))),
        _ => None,
    };
    let count = note.trim().chars().count();
    html! {
        <form class="form disposition" onsubmit={onsubmit} novalidate=true>
            <fieldset aria-describedby={format!("{stem}-message")}>
                <legend>{ i18n.t("agency-emergency-disposition-legend") }</legend>
                { for Disposition::ALL.into_iter().map(|d| {
                    let checked = *chosen == Some(d);
                    let chosen = chosen.clone();
                    let onchange = Callback::from(move |_: Event| chosen.set(Some(d)));
                    let input_id = format!("{stem}-{}", d.as_str());
                    html! {
                        <label class="choice" for={input_id.clone()}>
                            <input type="radio" id={input_id} name={format!("{stem}-choice")}
                                value={d.as_str()} {checked} {onchange} />
                            { i18n.t(&disposition_key(d)) }
                        </label>
                    }
                }) }
            </fieldset>
            <div class={classes!("field", problem.is_some().then_some("field-invalid"))}>
                <label for={format!("{stem}-note")}>{ i18n.t("agency-emergency-note-label") }</label>
                <p id={format!("{stem}-note-hint")} class="field-hint">
                    { i18n.t_args("agency-emergency-note-hint", [("count", Arg::from(count))]) }
                </p>
                <textarea id={format!("{stem}-note")} name={format!("{stem}-note")} rows="3"
                    value={(*note).clone()} oninput={on_note}
                    aria-invalid={problem.is_some().then_some("true")}
                    aria-describedby={format!("{stem}-note-hint {stem}-message")} />
                <p id={format!("{stem}-message")} class="field-message field-error" aria-live="polite">
                    { problem.map(|key| i18n.t(key)).unwrap_or_default() }
                </p>
            </div>
            <div class="actions">
                <button type="submit" class="button-primary" disabled={*busy}>
                    { i18n.t(if current.is_some() { "agency-emergency-change" } else { "agency-emergency-record" }) }
                </button>
            </div>
            <div id={format!("{stem}-result")} tabindex="-1">
                <StatusMessage text={success} />
                <ErrorMessage text={failure} />
            </div>
        </form>
    }
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
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
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
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(rows) if rows.is_empty() => {
            html! { <p class="muted">{ i18n.t("agency-emergency-none") }</p> }
        }
        Remote::Ready(rows) => html! {
            <ul class="rows" aria-labelledby="emergency-openings-heading">
                { for rows.iter().map(|access| {
                    let on_saved = {
                        let openings = openings.clone();
                        let rows = rows.clone();
                        Callback::from(move |saved: EmergencyAccessReview| {
                            let mut rows = rows.clone();
                            if let Some(row) = rows.iter_mut().find(|r| r.id == saved.id) {
                                *row = saved;
                            }
                            openings.set(Remote::Ready(rows));
                        })
                    };
                    let reviewed = access.disposition.as_ref();
                    html! {
                        <li class="row" data-emergency-id={access.id.to_string()}
                            data-disposition={reviewed.map(|d| d.disposition.as_str())}>
                            <div class="row-main">
                                <span>{ opening_sentence(&i18n, access) }</span>
                                { when(&i18n, access.opened_at) }
                                if let Some(until) = access.expires_at {
                                    <p class="field-hint">{ i18n.t_args("agency-emergency-until",
                                        [("date", Arg::from(messages::date_time(&i18n, until)))]) }</p>
                                }
                                <p class="patient-notice">{ notice_sentence(&i18n, access.patient_notified.as_ref()) }</p>
                                <p class="disposition-state"><strong>{ disposition_sentence(&i18n, reviewed) }</strong></p>
                                if let Some(note) = reviewed.map(|d| d.note.clone()).filter(|n| !n.is_empty()) {
                                    <p class="disposition-note">{ i18n.t_args("agency-emergency-note", [("note", Arg::from(note))]) }</p>
                                }
                                <DispositionForm access={access.clone()} {on_saved} />
                            </div>
                        </li>
                    }
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
            expires_at: None,
            disposition: None,
            patient_notified: None,
        };
        for language in Language::ALL {
            let tr = Translator::new(language);
            let text = opening_sentence(&tr, &access);
            assert!(text.contains("Anne Weber"), "{language:?}: {text}");
            assert!(text.contains(&access.patient_id.to_string()), "{language:?}: {text}");
            assert!(text.contains("Unconscious at the ER"), "{language:?}: {text}");
        }
    }

    #[test]
    fn the_patients_notice_says_whether_it_was_sent_and_read() {
        let at = Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).single().unwrap_or_default();
        let read = Utc.with_ymd_and_hms(2026, 12, 5, 18, 30, 0).single().unwrap_or_default();
        for language in Language::ALL {
            let tr = Translator::new(language);
            let none = notice_sentence(&tr, None);
            let unread = notice_sentence(&tr, Some(&PatientNotice { at, read_at: None }));
            let seen = notice_sentence(&tr, Some(&PatientNotice { at, read_at: Some(read) }));
            assert_eq!(none, tr.t("agency-emergency-not-notified"));
            assert!(unread.contains(&messages::date_time(&tr, at)), "{language:?}: {unread}");
            assert!(seen.contains(&messages::date_time(&tr, read)), "{language:?}: {seen}");
            assert!(none != unread && unread != seen, "{language:?}");
        }
    }

    #[test]
    fn a_disposition_says_what_by_whom_or_that_none_was_recorded() {
        let at = Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).single().unwrap_or_default();
        for language in Language::ALL {
            let tr = Translator::new(language);
            let none = disposition_sentence(&tr, None);
            assert_eq!(none, tr.t("agency-emergency-not-reviewed"));
            let mut seen = vec![none];
            for disposition in Disposition::ALL {
                let mut record = DispositionRecord {
                    disposition,
                    note: String::new(),
                    agent: Some("Marie Kieffer".to_owned()),
                    decided_at: at,
                };
                let text = disposition_sentence(&tr, Some(&record));
                assert!(text.contains("Marie Kieffer"), "{language:?}: {text}");
                assert!(
                    text.contains(&tr.t(&disposition_key(disposition))),
                    "{language:?}: {text}"
                );
                assert!(!text.contains("agency-"), "{language:?}: {text}");
                record.agent = None;
                let unnamed = disposition_sentence(&tr, Some(&record));
                assert!(!unnamed.contains("agency-") && !unnamed.contains("Marie"), "{unnamed}");
                assert!(!seen.contains(&text), "{language:?}: {text}");
                seen.push(text);
            }
        }
    }

    #[test]
    fn a_note_has_at_most_a_thousand_characters() {
        assert_eq!(note_problem(""), None);
        assert_eq!(note_problem(&"é".repeat(1000)), None);
        assert_eq!(note_problem(&"x".repeat(1001)), Some("agency-emergency-note-too-long"));
    }
}
