//! On the patient's page: what the patient is told about (an emergency access with its stated
//! reason and the agency's review of it, a professional who opened the record before it was activated, a recovery letter
//! issued, passkeys replaced with its code), newest first, unread ones marked, and a button that
//! marks them all as read. The sentences are plain Rust, tested.

use shared::api::care::Notification;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiFailure, Remote};
use crate::components::message::ErrorMessage;
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};
use crate::order;

/// The sentence that tells the patient what happened.
#[must_use]
pub fn notification_sentence(tr: &Translator, notification: &Notification) -> String {
    let who = notification.professional.as_ref().map_or_else(
        || tr.t("notification-someone"),
        |p| format!("{} {}", p.given_name, p.family_name),
    );
    match notification.kind.as_str() {
        "emergency_access" => match &notification.reason {
            Some(reason) => tr.t_args(
                "notification-emergency",
                [("name", Arg::from(who)), ("reason", Arg::from(reason.clone()))],
            ),
            None => tr.t_args("notification-emergency-no-reason", [("name", Arg::from(who))]),
        },
        "emergency_access_reviewed" => {
            let outcome = notification.disposition.map_or("other", |d| d.as_str());
            let sentence = tr.t_args(
                "notification-emergency-reviewed",
                [("name", Arg::from(who)), ("disposition", Arg::from(outcome))],
            );
            match notification.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                Some(note) => format!(
                    "{sentence} {}",
                    tr.t_args("notification-emergency-reviewed-note", [("note", Arg::from(note))])
                ),
                None => sentence,
            }
        }
        "first_access" => tr.t_args("notification-first-access", [("name", Arg::from(who))]),
        "practice_code_used" => {
            tr.t_args("notification-practice-code-used", [("name", Arg::from(who))])
        }
        "recovery_letter_issued" => tr.t("notification-recovery-letter-issued"),
        "credential_recovery" => tr.t("notification-credential-recovery"),
        _ => tr.t("notification-other"),
    }
}

/// The notifications, newest first.
#[must_use]
pub fn newest_first(mut notifications: Vec<Notification>) -> Vec<Notification> {
    order::sort_by_key(&mut notifications, |n| std::cmp::Reverse(n.created_at));
    notifications
}

/// See the module documentation.
#[component]
pub fn NotificationsPanel() -> Html {
    let i18n = use_i18n();
    let list = use_state(|| Remote::<Vec<Notification>>::Loading);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiFailure>);
    {
        let list = list.clone();
        use_effect_with((), move |()| {
            spawn_local(async move {
                list.set(api::care::notifications().await.map(newest_first).into());
            });
        });
    }
    let mark_read = {
        let list = list.clone();
        let busy = busy.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            error.set(None);
            let list = list.clone();
            let busy = busy.clone();
            let error = error.clone();
            spawn_local(async move {
                match api::care::notifications_read().await {
                    Ok(()) => list.set(api::care::notifications().await.map(newest_first).into()),
                    Err(failure) => error.set(Some(failure)),
                }
                busy.set(false);
            });
        })
    };
    let body = match &*list {
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(rows) if rows.is_empty() => html! { <p>{ i18n.t("notifications-none") }</p> },
        Remote::Ready(rows) => {
            let unread = rows.iter().filter(|n| !n.read).count();
            html! {
                <>
                    <p role="status">
                        { i18n.t_args("notifications-unread", [("count", Arg::from(unread))]) }
                    </p>
                    <ul class="rows notifications">
                        { for rows.iter().map(|n| html! {
                            <li class={classes!("row", (!n.read).then_some("unread"))}
                                data-notification-id={n.id.to_string()}
                                data-read={n.read.to_string()}>
                                <div class="row-main">
                                    if !n.read {
                                        <strong class="badge">{ i18n.t("notifications-new") }</strong>{ " " }
                                    }
                                    <span>{ notification_sentence(&i18n, n) }</span>
                                    <p class="field-hint">
                                        <time datetime={n.created_at.to_rfc3339()}>
                                            { messages::date_time(&i18n, n.created_at) }
                                        </time>
                                    </p>
                                </div>
                            </li>
                        }) }
                    </ul>
                    if unread > 0 {
                        <div class="actions">
                            <button id="notifications-read" type="button" class="button-secondary"
                                disabled={*busy} onclick={mark_read}>
                                { i18n.t("notifications-read") }
                            </button>
                        </div>
                    }
                </>
            }
        }
    };
    html! {
        <section id="notifications" class="panel" aria-labelledby="notifications-heading">
            <h2 id="notifications-heading">{ i18n.t("notifications-heading") }</h2>
            { body }
            <ErrorMessage text={(*error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use shared::Language;
    use shared::Profession;
    use shared::api::care::ProfessionalBrief;
    use shared::ids::ProfessionalId;
    use uuid::Uuid;

    use super::*;

    fn notification(kind: &str, reason: Option<&str>, hour: u32) -> Notification {
        Notification {
            id: Uuid::nil(),
            kind: kind.to_owned(),
            professional: Some(ProfessionalBrief {
                id: ProfessionalId(Uuid::nil()),
                given_name: "Anne".to_owned(),
                family_name: "Weber".to_owned(),
                profession: Profession::ALL[0],
                organisation: None,
            }),
            reason: reason.map(str::to_owned),
            disposition: None,
            note: None,
            created_at: Utc.with_ymd_and_hms(2026, 11, 25, hour, 0, 0).single().unwrap_or_default(),
            read: false,
        }
    }

    #[test]
    fn an_emergency_access_names_who_and_why() {
        for language in Language::ALL {
            let tr = Translator::new(language);
            let text = notification_sentence(
                &tr,
                &notification("emergency_access", Some("Unconscious at the ER"), 9),
            );
            assert!(text.contains("Anne Weber"), "{language:?}: {text}");
            assert!(text.contains("Unconscious at the ER"), "{language:?}: {text}");
            let first = notification_sentence(&tr, &notification("first_access", None, 9));
            assert!(first.contains("Anne Weber"), "{language:?}: {first}");
            assert_ne!(first, text);
            let mut nobody = notification("first_access", None, 9);
            nobody.professional = None;
            assert!(!notification_sentence(&tr, &nobody).contains("notification-"));
            assert!(!notification_sentence(&tr, &notification("other", None, 9)).is_empty());
            let other = notification_sentence(&tr, &notification("other", None, 9));
            let letter =
                notification_sentence(&tr, &notification("recovery_letter_issued", None, 9));
            let used = notification_sentence(&tr, &notification("credential_recovery", None, 9));
            for sentence in [&letter, &used] {
                assert!(!sentence.contains("notification-"), "{language:?}: {sentence}");
                assert!(!sentence.contains("Anne Weber"), "{language:?}: {sentence}");
                assert_ne!(sentence, &other, "{language:?}");
            }
            assert_ne!(letter, used, "{language:?}");
            let practice = notification_sentence(&tr, &notification("practice_code_used", None, 9));
            assert!(practice.contains("Anne Weber"), "{language:?}: {practice}");
            assert!(!practice.contains("notification-"), "{language:?}: {practice}");
            assert_ne!(practice, first, "{language:?}");
            assert_ne!(practice, other, "{language:?}");
        }
    }

    #[test]
    fn the_agencys_review_says_its_outcome_and_note() {
        use shared::api::care::Disposition;
        for language in Language::ALL {
            let tr = Translator::new(language);
            let mut seen: Vec<String> = Vec::new();
            for disposition in Disposition::ALL {
                let mut reviewed = notification("emergency_access_reviewed", None, 9);
                reviewed.disposition = Some(disposition);
                let text = notification_sentence(&tr, &reviewed);
                assert!(text.contains("Anne Weber"), "{language:?}: {text}");
                assert!(!text.contains("notification-"), "{language:?}: {text}");
                assert!(!seen.contains(&text), "{language:?}: {text}");
                reviewed.note = Some("Asked the hospital".to_owned());
                let noted = notification_sentence(&tr, &reviewed);
                assert!(noted.starts_with(&text) && noted.contains("Asked the hospital"));
                seen.push(text);
            }
        }
    }

    #[test]
    fn the_newest_come_first() {
        let sorted = newest_first(vec![
            notification("first_access", None, 8),
            notification("emergency_access", Some("x"), 10),
            notification("first_access", None, 9),
        ]);
        let hours: Vec<_> = sorted.iter().map(|n| n.created_at.format("%H").to_string()).collect();
        assert_eq!(hours, ["10", "09", "08"]);
    }
}
