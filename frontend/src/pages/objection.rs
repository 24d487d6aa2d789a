//! Objection in the window (issue 12 §1). On the patient's security page: while the 30-day
//! window runs, a panel says plainly that objecting deletes the record and everything in it for
//! good, asks to confirm, then a fresh verification with the passkey (as removing a key does);
//! after the window it says the record can be closed instead. In the agency console, a form on
//! a record to record an objection received by post (the letter's reference and date).
//! Both answers carry the confirmation letter, rendered before the deletion and kept nowhere:
//! the agent's browser downloads it to print; the patient's last screen offers it.

use shared::api::agency::{ObjectionWindow, PostalObjection};
use shared::ids::PatientId;
use wasm_bindgen_futures::spawn_local;
use web_sys::SubmitEvent;
use yew::prelude::*;

use crate::api::{self, ApiFailure, Download, Remote};
use crate::auth::{FlowError, flows};
use crate::components::field::TextField;
use crate::components::message::ErrorMessage;
use crate::i18n::context::use_i18n;
use crate::i18n::messages;
use crate::session::use_session;

/// Props of [`MyObjectionPanel`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct MyObjectionProps {
    /// Called once the record is deleted (the session ends with it), with the confirmation.
    pub on_deleted: Callback<Download>,
}

/// The patient's own objection (see the module documentation).
#[component]
pub fn MyObjectionPanel(props: &MyObjectionProps) -> Html {
    let i18n = use_i18n();
    let session = use_session();
    let window = use_state(|| Remote::<ObjectionWindow>::Loading);
    let confirming = use_state(|| false);
    let busy = use_state(|| false);
    let failure = use_state(|| None::<FlowError>);
    {
        let window = window.clone();
        use_effect_with((), move |()| {
            spawn_local(async move { window.set(api::me::objection_window().await.into()) });
        });
    }
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        let failure = failure.clone();
        Callback::from(move |_: MouseEvent| {
            failure.set(None);
            confirming.set(false);
        })
    };
    let confirm = {
        let busy = busy.clone();
        let failure = failure.clone();
        let on_deleted = props.on_deleted.clone();
        let session = session.clone();
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            failure.set(None);
            let busy = busy.clone();
            let failure = failure.clone();
            let on_deleted = on_deleted.clone();
            let session = session.clone();
            spawn_local(async move {
                match flows::object_to_record().await {
                    Ok(letter) => {
                        on_deleted.emit(letter);
                        session.signed_out();
                    }
                    Err(refused) => failure.set(Some(refused)),
                }
                busy.set(false);
            });
        })
    };
    let body = match &*window {
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(w) if !w.open => html! { <p>{ i18n.t("objection-closed") }</p> },
        Remote::Ready(w) => {
            let deadline = w.deadline.map_or_else(
                || i18n.t("objection-no-letter"),
                |at| {
                    i18n.t_args(
                        "objection-deadline",
                        [("date", messages::date_only(&i18n, at).into())],
                    )
                },
            );
            let error = failure.as_ref().map(|f| AttrValue::from(messages::flow_failure(&i18n, f)));
            html! {
                <>
                    <p>{ deadline }</p>
                    <p class="warning">{ i18n.t("objection-what") }</p>
                    if *confirming {
                        <div class="confirm" role="group" aria-labelledby="objection-question">
                            <p id="objection-question" class="warning">{ i18n.t("objection-question") }</p>
                            <p class="field-hint">{ i18n.t("security-add-reverify-hint") }</p>
                            <button type="button" id="objection-confirm" class="button-danger"
                                onclick={confirm} disabled={*busy}>
                                { i18n.t("objection-confirm") }
                            </button>
                            <button type="button" class="button-secondary" onclick={cancel}>{ i18n.t("cancel") }</button>
                        </div>
                    } else {
                        <button type="button" id="objection-start" class="button-secondary" onclick={ask}>
                            { i18n.t("objection-start") }
                        </button>
                    }
                    <ErrorMessage text={error} />
                </>
            }
        }
    };
    html! {
        <section class="panel" aria-labelledby="objection-heading">
            <h2 id="objection-heading">{ i18n.t("objection-heading") }</h2>
            { body }
        </section>
    }
}

/// Props of [`PostalObjectionForm`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PostalObjectionProps {
    /// The record.
    pub patient: PatientId,
    /// Called once the record is deleted, with the confirmation letter (already handed to the
    /// browser as a download).
    pub on_done: Callback<(PatientId, Download)>,
}

/// An agent records an objection received by post (see the module documentation).
#[component]
pub fn PostalObjectionForm(props: &PostalObjectionProps) -> Html {
    let i18n = use_i18n();
    let reference = use_state(String::new);
    let received = use_state(String::new);
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiFailure>);
    let missing = use_state(|| false);
    let stem = format!("objection-{}", props.patient);
    let on_reference = {
        let reference = reference.clone();
        Callback::from(move |v: String| reference.set(v))
    };
    let on_received = {
        let received = received.clone();
        Callback::from(move |v: String| received.set(v))
    };
    let onsubmit = {
        let reference = reference.clone();
        let received = received.clone();
        let busy = busy.clone();
        let failure = failure.clone();
        let missing = missing.clone();
        let patient = props.patient;
        let on_done = props.on_done.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let date = crate::forms::parse_iso_date(&received);
            let text = reference.trim().to_owned();
            let (Some(received_on), false) = (date, text.is_empty()) else {
                missing.set(true);
                return;
            };
            if *busy {
                return;
            }
            missing.set(false);
            busy.set(true);
            failure.set(None);
            let busy = busy.clone();
            let failure = failure.clone();
            let on_done = on_done.clone();
            spawn_local(async move {
                let objection = PostalObjection { reference: text, received_on };
                match api::agency::postal_objection(patient, &objection).await {
                    Ok(letter) => {
                        save_letter(&letter);
                        on_done.emit((patient, letter));
                    }
                    Err(refused) => failure.set(Some(refused)),
                }
                busy.set(false);
            });
        })
    };
    let error = failure.as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)));
    let message = missing.then(|| AttrValue::from(i18n.t("agency-objection-missing")));
    html! {
        <form class="postal-objection" {onsubmit} novalidate=true>
            <p class="warning">{ i18n.t("agency-objection-explain") }</p>
            <TextField id={format!("{stem}-reference")} label={i18n.t("agency-objection-reference")}
                value={(*reference).clone()} on_input={on_reference} maxlength="100" autocomplete="off" />
            <TextField id={format!("{stem}-received")} label={i18n.t("agency-objection-received")}
                value={(*received).clone()} on_input={on_received} input_type="date" />
            <button type="submit" class="button-danger" disabled={*busy}>{ i18n.t("agency-objection-submit") }</button>
            <ErrorMessage text={message.or(error)} />
        </form>
    }
}

/// Hands the confirmation letter to the browser as a download. Returns whether it took it.
pub fn save_letter(letter: &Download) -> bool {
    let name = letter.filename.as_deref().unwrap_or("dsp-objection-confirmation.pdf");
    crate::browser::save_file(&letter.bytes, name, &letter.content_type)
}
