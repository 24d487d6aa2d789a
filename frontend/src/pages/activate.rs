//! `/activate`: a patient types their national ID (explained as they type) and the code from
//! their letter, registers a passkey and lands, signed in, on their portal. With a recovery
//! letter (the record already has passkeys) the page first says what the code does: the new
//! passkey replaces every other one and every session ends; the person confirms or stops.

use shared::api::auth::{ActivationOptions, ActivationStart};
use wasm_bindgen_futures::spawn_local;
use web_sys::SubmitEvent;
use yew::prelude::*;

use super::{CeremonyProgress, use_page};
use crate::app::Route;
use crate::auth::{self, FlowError, flows};
use crate::browser;
use crate::components::field::TextField;
use crate::components::message::ErrorMessage;
use crate::components::route_link::RouteLink;
use crate::forms::{ActivationField, ActivationForm, FormAction, problem_of};
use crate::i18n::context::use_i18n;
use crate::i18n::messages;
use crate::router::use_navigator;
use crate::session::use_session;

const NATIONAL_ID: &str = "activate-national-id";
const CODE: &str = "activate-code";
const RECOVERY_HEADING: &str = "activate-recovery-heading";

/// See the module documentation.
#[component]
pub fn ActivatePage() -> Html {
    let i18n = use_i18n();
    use_page("activate-title");
    let session = use_session();
    let navigator = use_navigator();
    let form = use_reducer(ActivationForm::default);
    let submitted = use_state(|| false);
    let busy = use_state(|| false);
    let error = use_state(|| None::<FlowError>);
    let recovery = use_state(|| None::<ActivationOptions>);
    let supported = use_memo((), |()| auth::supported());

    let problems = form.problems();
    let set = |field: ActivationField| {
        let form = form.dispatcher();
        Callback::from(move |value: String| form.dispatch(FormAction::Set(field, value)))
    };

    // Registers the passkey with the server's options, then the portal.
    let register = {
        let busy = busy.clone();
        let error = error.clone();
        Callback::from(move |options: ActivationOptions| {
            busy.set(true);
            error.set(None);
            let busy = busy.clone();
            let error = error.clone();
            let session = session.clone();
            let navigator = navigator.clone();
            spawn_local(async move {
                match flows::activate(&options).await {
                    Ok(info) => {
                        session.signed_in(info);
                        busy.set(false);
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::Patient);
                        }
                    }
                    Err(failure) => {
                        error.set(Some(failure));
                        busy.set(false);
                    }
                }
            });
        })
    };

    let onsubmit = {
        let form = form.clone();
        let submitted = submitted.clone();
        let busy = busy.clone();
        let error = error.clone();
        let recovery = recovery.clone();
        let register = register.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            submitted.set(true);
            recovery.set(None);
            if let Some((field, _)) = form.problems().first() {
                browser::focus_element(match field {
                    ActivationField::NationalId => NATIONAL_ID,
                    ActivationField::Code => CODE,
                });
                return;
            }
            let start = ActivationStart {
                national_id: form.national_id.clone(),
                activation_code: form.code.trim().to_owned(),
            };
            busy.set(true);
            error.set(None);
            let busy = busy.clone();
            let error = error.clone();
            let recovery = recovery.clone();
            let register = register.clone();
            spawn_local(async move {
                match flows::activation_options(&start).await {
                    Ok(options) if options.recovery => {
                        busy.set(false);
                        recovery.set(Some(options));
                    }
                    Ok(options) => register.emit(options),
                    Err(failure) => {
                        error.set(Some(failure));
                        busy.set(false);
                    }
                }
            });
        })
    };
    // The warning takes focus, so that it is read out before the choice.
    use_effect_with(recovery.is_some(), |shown| {
        if *shown {
            browser::focus_element(RECOVERY_HEADING);
        }
    });
    let confirm_recovery = {
        let recovery = recovery.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(options) = (*recovery).clone() {
                recovery.set(None);
                register.emit(options);
            }
        })
    };
    let stop_recovery = {
        let recovery = recovery.clone();
        Callback::from(move |_: MouseEvent| {
            recovery.set(None);
            browser::focus_element(CODE);
        })
    };

    // The national ID is explained as it is typed; the code only after a first try.
    let (id_message, id_tone) = messages::national_id_feedback(&i18n, &form.national_id);
    let (id_message, id_tone) = match problem_of(&problems, ActivationField::NationalId) {
        Some(problem) if *submitted && id_message.is_none() => {
            (Some(messages::field_problem(&i18n, problem)), crate::components::field::Tone::Error)
        }
        _ => (id_message, id_tone),
    };
    let code_message = problem_of(&problems, ActivationField::Code)
        .filter(|_| *submitted)
        .map(|problem| AttrValue::from(messages::field_problem(&i18n, problem)));
    let code_tone = crate::components::field::Tone::Error;
    let error_text = (*error).as_ref().map(|e| AttrValue::from(messages::flow_failure(&i18n, e)));
    let unsupported = (!*supported).then(|| AttrValue::from(i18n.t("ceremony-unsupported")));

    html! {
        <article class="page narrow">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("activate-heading") }</h1>
            <p class="lead">{ i18n.t("activate-intro") }</p>
            <form class="form" onsubmit={onsubmit} novalidate=true>
                <TextField
                    id={NATIONAL_ID}
                    label={i18n.t("activate-national-id-label")}
                    hint={i18n.t("activate-national-id-hint")}
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
                    label={i18n.t("activate-code-label")}
                    hint={i18n.t("activate-code-hint")}
                    value={form.code.clone()}
                    on_input={set(ActivationField::Code)}
                    message={code_message}
                    tone={code_tone}
                    autocomplete="one-time-code"
                    maxlength="32"
                    required=true
                    code_like=true
                />
                <p class="field-hint">{ i18n.t("activate-passkey-hint") }</p>
                <div class="actions">
                    <button
                        id="activate-button"
                        type="submit"
                        class="button-primary"
                        disabled={*busy || recovery.is_some()}
                        aria-describedby="activate-error"
                    >
                        { i18n.t("activate-button") }
                    </button>
                </div>
            </form>
            if recovery.is_some() {
                <section id="activate-recovery" class="panel" aria-labelledby={RECOVERY_HEADING}>
                    <h2 id={RECOVERY_HEADING} tabindex="-1">{ i18n.t("activate-recovery-heading") }</h2>
                    <p class="warning">{ i18n.t("activate-recovery-text") }</p>
                    <div class="actions">
                        <button id="activate-recovery-confirm" type="button" class="button-danger"
                            onclick={confirm_recovery}>
                            { i18n.t("activate-recovery-confirm") }
                        </button>
                        <button type="button" class="button-secondary" onclick={stop_recovery}>
                            { i18n.t("cancel") }
                        </button>
                    </div>
                </section>
            }
            <CeremonyProgress busy={*busy} />
            <ErrorMessage id="activate-error" text={error_text.or(unsupported)} />
            <p class="muted">
                { i18n.t("activate-already") }{ " " }
                <RouteLink to={Route::SignIn}>{ i18n.t("activate-sign-in-link") }</RouteLink>
            </p>
        </article>
    }
}
