//! On the professional's page: open a patient's record with the national ID and the connection
//! code the patient hands over at the visit, or with the practice code printed on the patient's
//! letter (a record the patient never activated included). The national ID is explained as it
//! is typed; a wrong or used code gets the server's deliberately vague answer.

use shared::api::care::{ConsultationOpened, OpenConsultation, OpenPracticeConsultation};
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

/// Which code the form takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// A connection code from the patient's portal (10 minutes).
    Connection,
    /// The practice code printed on the patient's letter (or a newer one from the portal).
    Practice,
}

impl CodeKind {
    /// The prefix of the form's element ids.
    const fn prefix(self) -> &'static str {
        match self {
            Self::Connection => "consult",
            Self::Practice => "practice-consult",
        }
    }

    /// The message keys of the form's heading, introduction, code label and hint.
    const fn keys(self) -> [&'static str; 4] {
        match self {
            Self::Connection => {
                ["consult-heading", "consult-intro", "consult-code-label", "consult-code-hint"]
            }
            Self::Practice => [
                "practice-consult-heading",
                "practice-consult-intro",
                "practice-consult-code-label",
                "practice-consult-code-hint",
            ],
        }
    }
}

/// The form's properties.
#[derive(Debug, Properties, PartialEq, Eq)]
pub struct ConsultationFormProps {
    /// Which code it takes.
    #[prop_or(CodeKind::Connection)]
    pub kind: CodeKind,
}

/// The form (the same two fields as the activation form: a national ID and a code).
#[component]
pub fn ConsultationForm(props: &ConsultationFormProps) -> Html {
    let i18n = use_i18n();
    let kind = props.kind;
    let prefix = kind.prefix();
    let national_id_field = format!("{prefix}-national-id");
    let code_field = format!("{prefix}-code");
    let [heading_key, intro_key, code_label_key, code_hint_key] = kind.keys();
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
        let (national_id_field, code_field) = (national_id_field.clone(), code_field.clone());
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
                    ActivationField::NationalId => &national_id_field,
                    ActivationField::Code => &code_field,
                });
                return;
            }
            let national_id = match national_id_feedback(&form.national_id) {
                NationalIdFeedback::Valid(id) => id.as_str().to_owned(),
                _ => form.national_id.trim().to_owned(),
            };
            let code = form.code.trim().to_owned();
            busy.set(true);
            opened.set(None);
            error.set(None);
            let form = form.clone();
            let submitted = submitted.clone();
            let busy = busy.clone();
            let opened = opened.clone();
            let error = error.clone();
            spawn_local(async move {
                let answer = match kind {
                    CodeKind::Connection => {
                        let request = OpenConsultation { national_id, connection_code: code };
                        api::care::open_consultation(&request).await
                    }
                    CodeKind::Practice => {
                        let request = OpenPracticeConsultation { national_id, practice_code: code };
                        api::care::open_practice_consultation(&request).await
                    }
                };
                match answer {
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

    let heading = format!("{prefix}-heading");
    let result = format!("{prefix}-result");
    html! {
        <section class="panel" aria-labelledby={heading.clone()}>
            <h2 id={heading.clone()}>{ i18n.t(heading_key) }</h2>
            <p>{ i18n.t(intro_key) }</p>
            <form class="form" onsubmit={onsubmit} novalidate=true>
                <TextField
                    id={national_id_field}
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
                    id={code_field}
                    label={i18n.t(code_label_key)}
                    hint={i18n.t(code_hint_key)}
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
                    <button id={format!("{prefix}-button")} type="submit" class="button-primary"
                        disabled={*busy} aria-describedby={result.clone()}>
                        { i18n.t("consult-button") }
                    </button>
                </div>
            </form>
            <div id={result}>
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
