//! On `/patient/access`: the practice code, the personal code printed on the patient's letter
//! that a professional uses once to open a consultation link, read out at the visit. The page
//! says where it stands (ready until a date, used, locked after wrong codes, switched off),
//! makes a new one (shown once: only its hash is kept) and switches it off.

use shared::api::care::{PracticeCode, PracticeCodeState};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiFailure, Remote};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};

/// The sentence that says where the practice code stands.
#[must_use]
pub fn state_sentence(tr: &Translator, state: Option<&PracticeCodeState>) -> String {
    match state {
        None => tr.t("practice-state-none"),
        Some(s) if s.locked => tr.t("practice-state-locked"),
        Some(PracticeCodeState { used_at: Some(used), .. }) => {
            tr.t_args("practice-state-used", [("date", Arg::from(messages::date_time(tr, *used)))])
        }
        Some(s) => tr.t_args(
            "practice-state-ready",
            [("date", Arg::from(messages::date_only(tr, s.expires_at)))],
        ),
    }
}

/// What the last action did.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Done {
    Made(PracticeCode),
    SwitchedOff,
}

/// See the module documentation.
#[component]
pub fn PracticeCodePanel() -> Html {
    let i18n = use_i18n();
    let state = use_state(|| Remote::<Option<PracticeCodeState>>::Loading);
    let busy = use_state(|| false);
    let done = use_state(|| None::<Done>);
    let error = use_state(|| None::<ApiFailure>);
    {
        let state = state.clone();
        use_effect_with((), move |()| {
            spawn_local(async move { state.set(api::care::practice_code().await.into()) });
        });
    }
    let act = |switch_off: bool| {
        let state = state.clone();
        let busy = busy.clone();
        let done = done.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            error.set(None);
            done.set(None);
            let state = state.clone();
            let busy = busy.clone();
            let done = done.clone();
            let error = error.clone();
            spawn_local(async move {
                let outcome = if switch_off {
                    api::care::switch_off_practice_code().await.map(|()| Done::SwitchedOff)
                } else {
                    api::care::renew_practice_code().await.map(Done::Made)
                };
                match outcome {
                    Ok(outcome) => done.set(Some(outcome)),
                    Err(failure) => error.set(Some(failure)),
                }
                state.set(api::care::practice_code().await.into());
                busy.set(false);
            });
        })
    };
    let (on_new, on_off) = (act(false), act(true));
    let current = match &*state {
        Remote::Loading => None,
        Remote::Ready(current) => Some(current.as_ref()),
        Remote::Failed(failure) => {
            return html! {
                <section class="panel" aria-labelledby="practice-code-section">
                    <h2 id="practice-code-section">{ i18n.t("practice-heading") }</h2>
                    <ErrorMessage text={AttrValue::from(messages::api_failure(&i18n, failure))} />
                </section>
            };
        }
    };
    let can_switch_off = current.flatten().is_some_and(|s| s.used_at.is_none());
    let said = match &*done {
        Some(Done::SwitchedOff) => Some(AttrValue::from(i18n.t("practice-done-off"))),
        _ => None,
    };
    let made = match &*done {
        Some(Done::Made(code)) => Some(code.clone()),
        _ => None,
    };
    html! {
        <section class="panel" aria-labelledby="practice-code-section">
            <h2 id="practice-code-section">{ i18n.t("practice-heading") }</h2>
            <p id="practice-code-explain">{ i18n.t("practice-explain") }</p>
            if let Some(current) = current {
                <p id="practice-code-state">{ state_sentence(&i18n, current) }</p>
            }
            if let Some(made) = made {
                <section class="issued" aria-labelledby="practice-code-shown">
                    <h3 id="practice-code-shown" tabindex="-1">{ i18n.t("practice-shown-heading") }</h3>
                    <p class="issued-facts">
                        <code id="practice-code" class="code">{ made.code.clone() }</code>
                    </p>
                    <p>{ i18n.t("practice-shown-tell") }</p>
                </section>
            }
            <p class="actions">
                <button id="practice-code-button" type="button" class="button-primary"
                    onclick={on_new} disabled={*busy} aria-describedby="practice-code-explain">
                    { i18n.t("practice-new-button") }
                </button>
                if can_switch_off {
                    { " " }
                    <button id="practice-code-off" type="button" class="button-secondary"
                        onclick={on_off} disabled={*busy}>
                        { i18n.t("practice-off-button") }
                    </button>
                }
            </p>
            <StatusMessage id="practice-code-status" text={said} />
            <ErrorMessage text={(*error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use shared::Language;

    use super::*;

    #[test]
    fn each_state_has_its_own_sentence_in_every_language() {
        let at = Utc.with_ymd_and_hms(2027, 3, 9, 10, 0, 0).single().unwrap_or_default();
        let ready =
            PracticeCodeState { issued_at: at, expires_at: at, used_at: None, locked: false };
        let used = PracticeCodeState { used_at: Some(at), ..ready.clone() };
        let locked = PracticeCodeState { locked: true, ..used.clone() };
        for language in Language::ALL {
            let tr = Translator::new(language);
            let sentences = [
                state_sentence(&tr, None),
                state_sentence(&tr, Some(&ready)),
                state_sentence(&tr, Some(&used)),
                state_sentence(&tr, Some(&locked)),
            ];
            for (i, a) in sentences.iter().enumerate() {
                assert!(!a.contains("practice-"), "{language:?}: {a}");
                assert!(sentences[i + 1..].iter().all(|b| b != a), "{language:?}: {a}");
            }
            assert!(sentences[1].contains("2027"), "{language:?}: the last day is said");
        }
    }
}
