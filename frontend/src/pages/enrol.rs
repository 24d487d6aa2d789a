//! `/enrol`: a professional or agent registers a security key with the enrolment code from the
//! agency. The enrolment link carries the code in its fragment (`#code=…`), which browsers never
//! send to the server, so it stays out of every log.

use shared::api::auth::EnrolmentStart;
use wasm_bindgen_futures::spawn_local;
use web_sys::SubmitEvent;
use yew::prelude::*;

use super::{CeremonyProgress, use_page};
use crate::app::Route;
use crate::auth::{self, FlowError, flows};
use crate::browser;
use crate::components::field::{TextField, Tone};
use crate::components::message::ErrorMessage;
use crate::components::route_link::RouteLink;
use crate::forms::{FieldProblem, code_from_fragment};
use crate::i18n::context::use_i18n;
use crate::i18n::messages;
use crate::router::{use_location, use_navigator};
use crate::session::{home_of, use_session};

const CODE: &str = "enrol-code";

/// See the module documentation.
#[component]
pub fn EnrolPage() -> Html {
    let i18n = use_i18n();
    use_page("enrol-title");
    let session = use_session();
    let navigator = use_navigator();
    let fragment = use_location().map(|l| l.hash().to_owned()).unwrap_or_default();
    let code = use_state(|| code_from_fragment(&fragment).unwrap_or_default());
    let from_link = use_memo((), |()| code_from_fragment(&fragment).is_some());
    let submitted = use_state(|| false);
    let busy = use_state(|| false);
    let error = use_state(|| None::<FlowError>);
    let supported = use_memo((), |()| auth::supported());

    let on_input = {
        let code = code.clone();
        Callback::from(move |value: String| code.set(value))
    };
    let onsubmit = {
        let code = code.clone();
        let submitted = submitted.clone();
        let busy = busy.clone();
        let error = error.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            submitted.set(true);
            if code.trim().is_empty() {
                browser::focus_element(CODE);
                return;
            }
            let start = EnrolmentStart { code: code.trim().to_owned() };
            busy.set(true);
            error.set(None);
            let busy = busy.clone();
            let error = error.clone();
            let session = session.clone();
            let navigator = navigator.clone();
            spawn_local(async move {
                match flows::enrol(&start).await {
                    Ok(info) => {
                        let home = home_of(info.role);
                        session.signed_in(info);
                        busy.set(false);
                        if let Some(navigator) = navigator {
                            navigator.push(&home);
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

    let code_message = (*submitted && code.trim().is_empty())
        .then(|| AttrValue::from(messages::field_problem(&i18n, FieldProblem::Required)));
    let error_text = (*error).as_ref().map(|e| AttrValue::from(messages::flow_failure(&i18n, e)));
    let unsupported = (!*supported).then(|| AttrValue::from(i18n.t("ceremony-unsupported")));

    html! {
        <article class="page narrow">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("enrol-heading") }</h1>
            <p class="lead">{ i18n.t("enrol-intro") }</p>
            <p class="field-hint" id="enrol-recovery-note">{ i18n.t("helpdesk-enrol-recovery-note") }</p>
            if *from_link {
                <p class="notice">{ i18n.t("enrol-from-link") }</p>
            }
            <form class="form" onsubmit={onsubmit} novalidate=true>
                <TextField
                    id={CODE}
                    label={i18n.t("enrol-code-label")}
                    hint={i18n.t("enrol-code-hint")}
                    value={(*code).clone()}
                    {on_input}
                    message={code_message}
                    tone={Tone::Error}
                    autocomplete="one-time-code"
                    maxlength="32"
                    required=true
                    code_like=true
                />
                <p class="field-hint">{ i18n.t("enrol-key-hint") }</p>
                <div class="actions">
                    <button
                        id="enrol-button"
                        type="submit"
                        class="button-primary"
                        disabled={*busy}
                        aria-describedby="enrol-error"
                    >
                        { i18n.t("enrol-button") }
                    </button>
                </div>
            </form>
            <CeremonyProgress busy={*busy} />
            <ErrorMessage id="enrol-error" text={error_text.or(unsupported)} />
            <p class="muted">
                { i18n.t("enrol-already") }{ " " }
                <RouteLink to={Route::SignIn}>{ i18n.t("activate-sign-in-link") }</RouteLink>
            </p>
        </article>
    }
}
