//! On a record the professional cannot reach: break the glass. A stated reason (10 to 500
//! characters), what it means in plain words, and a confirmation with the security key when the
//! server asks for one (`reverification_required`); then the page reloads the documents. The
//! server's refusal is deliberately vague (blocked, switched off, closed, unknown look alike),
//! except at the professional's cap (`emergency_access_limit_reached`), which is about them, not
//! the record: it says the limit was reached and the agency alerted.

use shared::api::care::EmergencyAccessOpened;
use shared::ids::PatientId;
use shared::{ApiErrorCode, NationalId};
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlTextAreaElement, SubmitEvent};
use yew::prelude::*;

use super::CeremonyProgress;
use crate::api::{self, ApiFailure};
use crate::app::Route;
use crate::auth::{FlowError, flows};
use crate::browser;
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::components::route_link::RouteLink;
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};

/// The shortest reason the server accepts.
pub const MIN_REASON: usize = 10;
/// The longest reason the server accepts.
pub const MAX_REASON: usize = 500;

/// What is wrong with a reason, as a message key.
#[must_use]
pub fn reason_problem(reason: &str) -> Option<&'static str> {
    let count = reason.trim().chars().count();
    if count == 0 {
        Some("field-required")
    } else if count < MIN_REASON {
        Some("emergency-reason-too-short")
    } else if count > MAX_REASON {
        Some("emergency-reason-too-long")
    } else {
        None
    }
}

/// A failed emergency access, with the server's refusal said as what it means here. From a
/// lookup, the server also says when the record is not open yet or the patient switched
/// emergency access off (their codes' own messages); anything else about the record is one
/// refusal.
#[must_use]
pub fn emergency_failure(tr: &Translator, failure: &FlowError) -> String {
    match failure {
        FlowError::Api(api) if api.is(ApiErrorCode::NotFound) => tr.t("emergency-refused"),
        other => messages::flow_failure(tr, other),
    }
}

/// The record an emergency access is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmergencyTarget {
    /// On the record page.
    Record(PatientId),
    /// From a lookup by national ID.
    NationalId(NationalId),
}

async fn ask(target: &EmergencyTarget, reason: &str) -> Result<EmergencyAccessOpened, ApiFailure> {
    match target {
        EmergencyTarget::Record(patient) => {
            api::care::open_emergency_access(*patient, reason).await
        }
        EmergencyTarget::NationalId(id) => {
            api::care::open_emergency_access_by_national_id(id, reason).await
        }
    }
}

/// Opens the emergency access, confirming with the security key first when the server asks.
async fn open(target: &EmergencyTarget, reason: &str) -> Result<EmergencyAccessOpened, FlowError> {
    match ask(target, reason).await {
        Err(failure) if failure.is(ApiErrorCode::ReverificationRequired) => {
            flows::reverify().await?;
            Ok(ask(target, reason).await?)
        }
        other => Ok(other?),
    }
}

/// Props of [`EmergencyForm`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct EmergencyFormProps {
    /// The record.
    pub target: EmergencyTarget,
    /// Called once the access is open.
    pub on_opened: Callback<()>,
}

/// See the module documentation.
#[component]
pub fn EmergencyForm(props: &EmergencyFormProps) -> Html {
    let i18n = use_i18n();
    let reason = use_state(String::new);
    let submitted = use_state(|| false);
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<Result<EmergencyAccessOpened, FlowError>>);

    let problem = reason_problem(&reason).filter(|_| *submitted);
    let on_input = {
        let reason = reason.clone();
        Callback::from(move |event: InputEvent| {
            reason.set(event.target_unchecked_into::<HtmlTextAreaElement>().value());
        })
    };
    let onsubmit = {
        let reason = reason.clone();
        let submitted = submitted.clone();
        let busy = busy.clone();
        let outcome = outcome.clone();
        let target = props.target.clone();
        let on_opened = props.on_opened.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            submitted.set(true);
            if reason_problem(&reason).is_some() {
                browser::focus_element("emergency-reason");
                return;
            }
            let text = reason.trim().to_owned();
            busy.set(true);
            outcome.set(None);
            let busy = busy.clone();
            let outcome = outcome.clone();
            let on_opened = on_opened.clone();
            let target = target.clone();
            spawn_local(async move {
                let result = open(&target, &text).await;
                let opened = result.is_ok();
                outcome.set(Some(result));
                busy.set(false);
                browser::focus_element("emergency-result");
                if opened {
                    on_opened.emit(());
                }
            });
        })
    };
    let success = match &*outcome {
        Some(Ok(opened)) => Some(AttrValue::from(i18n.t_args(
            "emergency-opened",
            [("date", Arg::from(messages::date_time(&i18n, opened.expires_at)))],
        ))),
        _ => None,
    };
    let failure = match &*outcome {
        Some(Err(failure)) => Some(AttrValue::from(emergency_failure(&i18n, failure))),
        _ => None,
    };
    let count = reason.trim().chars().count();
    let opened = matches!(&*outcome, Some(Ok(_)));
    html! {
        <section class="panel" aria-labelledby="emergency-heading">
            <h2 id="emergency-heading">{ i18n.t("emergency-heading") }</h2>
            if !opened {
                <ul id="emergency-explain">
                    <li>{ i18n.t("emergency-explain-hours") }</li>
                    <li>{ i18n.t("emergency-explain-patient") }</li>
                    <li>{ i18n.t("emergency-explain-agency") }</li>
                    <li>{ i18n.t("emergency-explain-block") }</li>
                </ul>
                <form class="form" onsubmit={onsubmit} novalidate=true>
                    <div class={classes!("field", problem.is_some().then_some("field-invalid"))}>
                        <label for="emergency-reason">{ i18n.t("emergency-reason-label") }</label>
                        <p id="emergency-reason-hint" class="field-hint">
                            { i18n.t_args("emergency-reason-hint", [("count", Arg::from(count))]) }
                        </p>
                        <textarea id="emergency-reason" name="emergency-reason" rows="4"
                            maxlength={MAX_REASON.to_string()} required=true
                            value={(*reason).clone()} oninput={on_input}
                            aria-invalid={problem.is_some().then_some("true")}
                            aria-describedby="emergency-explain emergency-reason-hint emergency-reason-message" />
                        <p id="emergency-reason-message" class="field-message field-error" aria-live="polite">
                            { problem.map(|key| i18n.t(key)).unwrap_or_default() }
                        </p>
                    </div>
                    <p class="field-hint">{ i18n.t("emergency-key-hint") }</p>
                    <div class="actions">
                        <button id="emergency-button" type="submit" class="button-primary" disabled={*busy}>
                            { i18n.t("emergency-button") }
                        </button>
                    </div>
                </form>
                <CeremonyProgress busy={*busy} />
            }
            <div id="emergency-result" tabindex="-1">
                <StatusMessage text={success} />
                if let (Some(Ok(opened)), EmergencyTarget::NationalId(_)) = (&*outcome, &props.target) {
                    <p>
                        <RouteLink to={Route::ProfessionalRecord { patient_id: opened.patient_id.0 }}
                            class={classes!("record-link")}>
                            { i18n.t("consult-open-record") }
                        </RouteLink>
                    </p>
                }
                <ErrorMessage text={failure} />
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use shared::Language;

    use super::*;
    use crate::api::ApiFailure;

    #[test]
    fn a_reason_has_ten_to_five_hundred_characters() {
        assert_eq!(reason_problem("   "), Some("field-required"));
        assert_eq!(reason_problem("too short"), Some("emergency-reason-too-short"));
        assert_eq!(reason_problem("Unconscious, brought in by ambulance"), None);
        assert_eq!(reason_problem(&"é".repeat(500)), None);
        assert_eq!(reason_problem(&"x".repeat(501)), Some("emergency-reason-too-long"));
    }

    #[test]
    fn a_refusal_reads_as_a_refusal() {
        let not_found =
            FlowError::Api(ApiFailure::Api(shared::ApiError::new(ApiErrorCode::NotFound, "")));
        for language in Language::ALL {
            let tr = Translator::new(language);
            assert_eq!(emergency_failure(&tr, &not_found), tr.t("emergency-refused"));
        }
    }

    #[test]
    fn from_a_lookup_a_refusal_says_why_in_every_language() {
        let refusal = |code| FlowError::Api(ApiFailure::Api(shared::ApiError::new(code, "")));
        for language in Language::ALL {
            let tr = Translator::new(language);
            let waiting = emergency_failure(&tr, &refusal(ApiErrorCode::RecordInObjectionWindow));
            let off = emergency_failure(&tr, &refusal(ApiErrorCode::EmergencyAccessSwitchedOff));
            assert_eq!(waiting, tr.t("error-record-in-objection-window"), "{language:?}");
            assert_eq!(off, tr.t("error-emergency-access-switched-off"), "{language:?}");
            for text in [&waiting, &off] {
                assert!(!text.starts_with("error-"), "{language:?}: {text}");
                assert_ne!(text, &tr.t("emergency-refused"));
            }
            assert_ne!(waiting, off);
        }
    }

    #[test]
    fn the_cap_says_the_limit_was_reached_and_the_agency_alerted() {
        let code = ApiErrorCode::EmergencyAccessLimitReached;
        let at_cap = FlowError::Api(ApiFailure::Api(shared::ApiError::new(code, "")));
        for language in Language::ALL {
            let tr = Translator::new(language);
            let text = emergency_failure(&tr, &at_cap);
            assert_eq!(text, tr.t("error-emergency-access-limit-reached"), "{language:?}");
            assert_ne!(text, tr.t("emergency-refused"));
            assert!(!text.starts_with("error-"), "{language:?}: {text}");
        }
    }
}
