//! On the professional's page: find a patient one reaches now by national ID (with a link to the
//! record), and, for hospital and care-institution staff, register an admission (a stay, which
//! can be renewed, or an emergency department). The server decides who may do what; a patient
//! one does not reach is simply "not found".

use shared::api::care::{LinkContext, LinkSummary, PatientFound};
use shared::{ApiErrorCode, NationalId};
use wasm_bindgen_futures::spawn_local;
use web_sys::SubmitEvent;
use yew::prelude::*;

use super::emergency::{EmergencyForm, EmergencyTarget};
use super::record::grouped_national_id;
use crate::api::{self, ApiFailure};
use crate::app::Route;
use crate::browser;
use crate::components::field::{Choice, SelectField, TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::components::route_link::RouteLink;
use crate::forms::{NationalIdFeedback, national_id_feedback};
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};

/// The typed national ID, or why it cannot be sent yet (a message key).
pub fn submitted_national_id(input: &str) -> Result<NationalId, &'static str> {
    match national_id_feedback(input) {
        NationalIdFeedback::Valid(id) => Ok(id),
        NationalIdFeedback::Empty => Err("field-required"),
        NationalIdFeedback::Incomplete(_) => Err("national-id-too-short"),
        NationalIdFeedback::Invalid(error) => Err(error.message_key()),
    }
}

/// The care context chosen in the admission form.
#[must_use]
pub fn admission_context(value: &str) -> Option<LinkContext> {
    match value {
        "institution_stay" => Some(LinkContext::InstitutionStay),
        "emergency_department" => Some(LinkContext::EmergencyDepartment),
        _ => None,
    }
}

/// A failed lookup: `not_found` said plainly.
#[must_use]
pub fn find_failure(tr: &Translator, failure: &ApiFailure) -> String {
    messages::api_failure_or(tr, failure, "find-none")
}

/// A failed admission: `invalid_request` means the professional is not institution staff.
#[must_use]
pub fn admission_failure(tr: &Translator, failure: &ApiFailure) -> String {
    if failure.is(ApiErrorCode::InvalidRequest) {
        tr.t("admission-not-institution")
    } else if failure.is(ApiErrorCode::NotFound) {
        tr.t("admission-refused")
    } else {
        messages::api_failure(tr, failure)
    }
}

/// The message under a national-ID field: as-you-type feedback, or after a try the problem.
fn national_id_message(tr: &Translator, input: &str, submitted: bool) -> (Option<AttrValue>, Tone) {
    let (message, tone) = messages::national_id_feedback(tr, input);
    match submitted_national_id(input) {
        Err(key) if submitted && (message.is_none() || tone != Tone::Error) => {
            let text = if key == "national-id-too-short" {
                message.unwrap_or_else(|| tr.t("field-required"))
            } else {
                tr.t(key)
            };
            (Some(AttrValue::from(text)), Tone::Error)
        }
        _ => (message.map(AttrValue::from), tone),
    }
}

/// Finds a patient by national ID among those one reaches now.
#[component]
pub fn FindPatientForm() -> Html {
    let i18n = use_i18n();
    let national_id = use_state(String::new);
    let submitted = use_state(|| false);
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<Result<PatientFound, ApiFailure>>);
    // The national ID last looked up, and whether the emergency form is shown for it.
    let looked_up = use_state(|| None::<NationalId>);
    let emergency = use_state(|| false);
    let on_input = {
        let national_id = national_id.clone();
        Callback::from(move |value: String| national_id.set(value))
    };
    let on_emergency = {
        let emergency = emergency.clone();
        Callback::from(move |_: MouseEvent| {
            emergency.set(true);
            browser::focus_element("emergency-reason");
        })
    };
    let onsubmit = {
        let national_id = national_id.clone();
        let submitted = submitted.clone();
        let busy = busy.clone();
        let outcome = outcome.clone();
        let looked_up = looked_up.clone();
        let emergency = emergency.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            submitted.set(true);
            let Ok(id) = submitted_national_id(&national_id) else {
                browser::focus_element("find-national-id");
                return;
            };
            busy.set(true);
            outcome.set(None);
            emergency.set(false);
            looked_up.set(Some(id.clone()));
            let busy = busy.clone();
            let outcome = outcome.clone();
            spawn_local(async move {
                outcome.set(Some(api::care::find_patient(&id).await));
                busy.set(false);
                browser::focus_element("find-result");
            });
        })
    };
    let (message, tone) = national_id_message(&i18n, &national_id, *submitted);
    let result = match &*outcome {
        None => Html::default(),
        Some(Ok(found)) => html! {
            <div class="row">
                <div class="row-main">
                    <h3>{ format!("{} {}", found.given_name, found.family_name) }</h3>
                    <p>
                        { i18n.t_args("find-born", [("date", Arg::from(i18n.date(found.birth_date)))]) }
                    </p>
                    <p class="code">{ grouped_national_id(&found.national_id) }</p>
                    <p>
                        <RouteLink to={Route::ProfessionalRecord { patient_id: found.patient_id.0 }}
                            class={classes!("record-link")}>
                            { i18n.t("consult-open-record") }
                        </RouteLink>
                    </p>
                </div>
            </div>
        },
        Some(Err(failure)) => html! {
            <>
                <ErrorMessage text={AttrValue::from(find_failure(&i18n, failure))} />
                if failure.is(ApiErrorCode::NotFound) {
                    <p class="field-hint">{ i18n.t("find-none-hint") }</p>
                }
            </>
        },
    };
    // Outside the live region: a form read out at each keystroke would drown the answer.
    let not_found = matches!(&*outcome, Some(Err(f)) if f.is(ApiErrorCode::NotFound));
    let emergency_part = match &*looked_up {
        Some(id) if not_found && *emergency => html! {
            <EmergencyForm target={EmergencyTarget::NationalId(id.clone())}
                on_opened={Callback::from(|()| ())} />
        },
        Some(_) if not_found => html! {
            <div class="emergency-offer">
                <p>{ i18n.t("find-emergency-offer") }</p>
                <button id="find-emergency" type="button" class="button-secondary"
                    onclick={on_emergency}>
                    { i18n.t("find-emergency-button") }
                </button>
            </div>
        },
        _ => Html::default(),
    };
    html! {
        <section class="panel" aria-labelledby="find-heading">
            <h2 id="find-heading">{ i18n.t("find-heading") }</h2>
            <p>{ i18n.t("find-intro") }</p>
            <form class="form" onsubmit={onsubmit} novalidate=true role="search">
                <TextField
                    id="find-national-id"
                    label={i18n.t("consult-national-id-label")}
                    hint={i18n.t("consult-national-id-hint")}
                    value={(*national_id).clone()}
                    on_input={on_input}
                    message={message}
                    tone={tone}
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength="17"
                    required=true
                    code_like=true
                />
                <div class="actions">
                    <button id="find-button" type="submit" class="button-primary" disabled={*busy}>
                        { i18n.t("find-button") }
                    </button>
                </div>
            </form>
            <div id="find-result" tabindex="-1" aria-live="polite">{ result }</div>
            { emergency_part }
        </section>
    }
}

/// Registers an admission (hospital or care-institution staff), and renews a stay.
#[component]
pub fn AdmissionForm() -> Html {
    let i18n = use_i18n();
    let national_id = use_state(String::new);
    let context = use_state(String::new);
    let submitted = use_state(|| false);
    let busy = use_state(|| false);
    let link = use_state(|| None::<LinkSummary>);
    let renewed = use_state(|| false);
    let error = use_state(|| None::<ApiFailure>);
    let on_input = {
        let national_id = national_id.clone();
        Callback::from(move |value: String| national_id.set(value))
    };
    let on_context = {
        let context = context.clone();
        Callback::from(move |value: String| context.set(value))
    };
    let onsubmit = {
        let national_id = national_id.clone();
        let context = context.clone();
        let submitted = submitted.clone();
        let busy = busy.clone();
        let link = link.clone();
        let renewed = renewed.clone();
        let error = error.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            submitted.set(true);
            let Ok(id) = submitted_national_id(&national_id) else {
                browser::focus_element("admission-national-id");
                return;
            };
            let Some(chosen) = admission_context(&context) else {
                browser::focus_element("admission-context");
                return;
            };
            busy.set(true);
            link.set(None);
            renewed.set(false);
            error.set(None);
            let busy = busy.clone();
            let link = link.clone();
            let error = error.clone();
            spawn_local(async move {
                match api::care::open_admission(&id, chosen).await {
                    Ok(opened) => link.set(Some(opened)),
                    Err(failure) => error.set(Some(failure)),
                }
                busy.set(false);
                browser::focus_element("admission-result");
            });
        })
    };
    let on_renew = {
        let busy = busy.clone();
        let link = link.clone();
        let renewed = renewed.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(current) = (*link).clone() else { return };
            if *busy {
                return;
            }
            busy.set(true);
            error.set(None);
            renewed.set(false);
            let busy = busy.clone();
            let link = link.clone();
            let renewed = renewed.clone();
            let error = error.clone();
            spawn_local(async move {
                match api::care::renew_stay(current.id).await {
                    Ok(longer) => {
                        link.set(Some(longer));
                        renewed.set(true);
                    }
                    Err(failure) => error.set(Some(failure)),
                }
                busy.set(false);
                browser::focus_element("admission-result");
            });
        })
    };
    let (message, tone) = national_id_message(&i18n, &national_id, *submitted);
    let context_problem = (*submitted && admission_context(&context).is_none())
        .then(|| AttrValue::from(i18n.t("admission-context-required")));
    let choices = vec![
        Choice { value: "institution_stay".to_owned(), label: i18n.t("admission-stay") },
        Choice {
            value: "emergency_department".to_owned(),
            label: i18n.t("admission-emergency-department"),
        },
    ];
    let success = (*link).as_ref().map(|l| {
        let key = if *renewed { "admission-renewed" } else { "admission-opened" };
        AttrValue::from(
            i18n.t_args(key, [("date", Arg::from(messages::date_time(&i18n, l.ends_at)))]),
        )
    });
    let failure = (*error).as_ref().map(|f| AttrValue::from(admission_failure(&i18n, f)));
    html! {
        <section class="panel" aria-labelledby="admission-heading">
            <h2 id="admission-heading">{ i18n.t("admission-heading") }</h2>
            <p>{ i18n.t("admission-intro") }</p>
            <form class="form" onsubmit={onsubmit} novalidate=true>
                <TextField
                    id="admission-national-id"
                    label={i18n.t("consult-national-id-label")}
                    hint={i18n.t("consult-national-id-hint")}
                    value={(*national_id).clone()}
                    on_input={on_input}
                    message={message}
                    tone={tone}
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength="17"
                    required=true
                    code_like=true
                />
                <SelectField
                    id="admission-context"
                    label={i18n.t("admission-context-label")}
                    value={(*context).clone()}
                    choices={choices}
                    on_change={on_context}
                    placeholder={AttrValue::from(i18n.t("admission-context-choose"))}
                    message={context_problem}
                    required=true
                />
                <div class="actions">
                    <button id="admission-button" type="submit" class="button-primary" disabled={*busy}>
                        { i18n.t("admission-button") }
                    </button>
                </div>
            </form>
            <div id="admission-result" tabindex="-1">
                <StatusMessage text={success} />
                if let Some(l) = &*link {
                    if l.context == LinkContext::InstitutionStay {
                        <p>
                            <button type="button" class="button-secondary renew-stay"
                                disabled={*busy} onclick={on_renew}>
                                { i18n.t("admission-renew") }
                            </button>
                        </p>
                    }
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

    #[test]
    fn only_a_whole_national_id_is_sent() {
        assert_eq!(submitted_national_id(""), Err("field-required"));
        assert_eq!(submitted_national_id("1990"), Err("national-id-too-short"));
        assert_eq!(
            submitted_national_id("1893 1201 05732").map(|id| id.as_str().to_owned()),
            Ok("1893120105732".to_owned())
        );
        assert!(submitted_national_id("1893120105731").is_err());
    }

    #[test]
    fn the_two_admission_contexts() {
        assert_eq!(admission_context("institution_stay"), Some(LinkContext::InstitutionStay));
        assert_eq!(
            admission_context("emergency_department"),
            Some(LinkContext::EmergencyDepartment)
        );
        assert_eq!(admission_context("consultation"), None);
        assert_eq!(admission_context(""), None);
    }

    #[test]
    fn refusals_read_as_what_they_mean() {
        let failure = |code| ApiFailure::Api(shared::ApiError::new(code, ""));
        for language in Language::ALL {
            let tr = Translator::new(language);
            assert_eq!(find_failure(&tr, &failure(ApiErrorCode::NotFound)), tr.t("find-none"));
            assert_eq!(
                admission_failure(&tr, &failure(ApiErrorCode::InvalidRequest)),
                tr.t("admission-not-institution")
            );
        }
    }
}
