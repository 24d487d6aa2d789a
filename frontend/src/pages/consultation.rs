//! On the professional's page: open a patient's record with the national ID and the connection
//! code the patient hands over at the visit. The national ID is explained as it is typed; a
//! wrong or used code gets the server's deliberately vague answer.

use shared::api::care::{ConsultationOpened, OpenConsultation};
use wasm_bindgen_futures::spawn_local;
use web_sys::SubmitEvent;
use yew::prelude::*;

use crate::api::{self, ApiFailure};
use crate::app::Route;
use crate::browser;
use crate::components::field::{TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::components::route_link::RouteLink;
use crate::forms::{
    ActivationField, ActivationForm, FormAction, NationalIdFeedback, national_id_feedback,
    problem_of,
};
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, messages};

const NATIONAL_ID: &str = "consult-national-id";
const CODE: &str = "consult-code";

/// The form (the same two fields as the activation form: a national ID and a code).
#[component]
pub fn ConsultationForm() -> Html {
    let i18n = use_i18n();
    let form = use_reducer(ActivationForm::default);
    let submitted = use_state(|| false);
    let busy = use_state(|| false);
    let opened = use_state(|| None::<ConsultationOpened>);
    let error = use_state(|| None::<ApiFailure>);

    let problems = form.problems();
    let set = |field: ActivationField| {
        let form = form.dispatcher();
        Callback::from(move |value: String| form.dispatch(FormAction::Set(field, value)))
    };
    let onsubmit = {
        let form = form.clone();
        let submitted = submitted.clone();
        let busy = busy.clone();
        let opened = opened.clone();
        let error = error.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            submitted.set(true);
            if let Some((field, _)) = form.problems().first() {
                browser::focus_element(match field {
                    ActivationField::NationalId => NATIONAL_ID,
                    ActivationField::Code => CODE,
                });
                return;
            }
            let national_id = match national_id_feedback(&form.national_id) {
                NationalIdFeedback::Valid(id) => id.as_str().to_owned(),
                _ => form.national_id.trim().to_owned(),
            };
            let request =
                OpenConsultation { national_id, connection_code: form.code.trim().to_owned() };
            busy.set(true);
            opened.set(None);
            error.set(None);
            let form = form.clone();
            let submitted = submitted.clone();
            let busy = busy.clone();
            let opened = opened.clone();
            let error = error.clone();
            spawn_local(async move {
                match api::care::open_consultation(&request).await {
                    Ok(result) => {
                        opened.set(Some(result));
                        form.dispatch(FormAction::Reset);
                        submitted.set(false);
                    }
                    Err(failure) => error.set(Some(failure)),
                }
                busy.set(false);
            });
        })
    };

    let (id_message, id_tone) = messages::national_id_feedback(&i18n, &form.national_id);
    let (id_message, id_tone) = match problem_of(&problems, ActivationField::NationalId) {
        Some(problem) if *submitted && id_message.is_none() => {
            (Some(messages::field_problem(&i18n, problem)), Tone::Error)
        }
        _ => (id_message, id_tone),
    };
    let code_message = problem_of(&problems, ActivationField::Code)
        .filter(|_| *submitted)
        .map(|problem| AttrValue::from(messages::field_problem(&i18n, problem)));
    let success = (*opened).as_ref().map(|opened| {
        AttrValue::from(i18n.t_args(
            "consult-opened",
            [("date", Arg::from(messages::date_time(&i18n, opened.link.ends_at)))],
        ))
    });
    let failure = (*error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)));

    html! {
        <section class="panel" aria-labelledby="consult-heading">
            <h2 id="consult-heading">{ i18n.t("consult-heading") }</h2>
            <p>{ i18n.t("consult-intro") }</p>
            <form class="form" onsubmit={onsubmit} novalidate=true>
                <TextField
                    id={NATIONAL_ID}
                    label={i18n.t("consult-national-id-label")}
                    hint={i18n.t("consult-national-id-hint")}
                    value={form.national_id.clone()}
                    on_input={set(ActivationField::NationalId)}
                    message={id_message.map(AttrValue::from)}
                    tone={id_tone}
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength="17"
                    required=true
                    code_like=true
                />
                <TextField
                    id={CODE}
                    label={i18n.t("consult-code-label")}
                    hint={i18n.t("consult-code-hint")}
                    value={form.code.clone()}
                    on_input={set(ActivationField::Code)}
                    message={code_message}
                    tone={Tone::Error}
                    autocomplete="off"
                    maxlength="32"
                    required=true
                    code_like=true
                />
                <div class="actions">
                    <button id="consult-button" type="submit" class="button-primary"
                        disabled={*busy} aria-describedby="consult-result">
                        { i18n.t("consult-button") }
                    </button>
                </div>
            </form>
            <div id="consult-result">
                <StatusMessage text={success} />
                if let Some(opened) = &*opened {
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
