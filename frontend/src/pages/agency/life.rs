//! A record's life in the console: its state, why and when it was closed, until when it can be
//! reopened; and the agency's three acts, each confirmed before it is sent: close on the
//! patient's postal request (the closing form's reference), record a death (date, source),
//! reopen within 10 years.

use shared::api::agency::RecordState;
use shared::api::life::{DeathRecord, RecordLife};
use shared::ids::PatientId;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiFailure, Remote};
use crate::components::date_field::DateField;
use crate::components::field::TextField;
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::forms::parse_iso_date;
use crate::i18n::context::use_i18n;
use crate::i18n::messages;
use crate::pages::life::reason_text;

/// Props of [`RecordLifePanel`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct RecordLifeProps {
    /// The record.
    pub patient_id: PatientId,
    /// Called with the new state after an act.
    #[prop_or_default]
    pub on_changed: Callback<RecordState>,
}

/// Which act waits for its confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Close,
    Death,
    Reopen,
}

/// See the module documentation.
#[component]
pub fn RecordLifePanel(props: &RecordLifeProps) -> Html {
    let i18n = use_i18n();
    let id = props.patient_id;
    let life = use_state(|| Remote::<RecordLife>::Loading);
    let reference = use_state(String::new);
    let death_date = use_state(String::new);
    let source = use_state(String::new);
    let confirming = use_state(|| None::<Act>);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiFailure>);
    let status = use_state(|| None::<&'static str>);
    {
        let life = life.clone();
        use_effect_with(id, move |id| {
            let id = *id;
            spawn_local(async move { life.set(api::life::of_record(id).await.into()) });
        });
    }
    let stem = format!("life-{id}");
    let ask = |act: Act| {
        let confirming = confirming.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            error.set(None);
            confirming.set(Some(act));
        })
    };
    let on_cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(None))
    };
    let on_confirm = {
        let (life, confirming, busy, error, status) =
            (life.clone(), confirming.clone(), busy.clone(), error.clone(), status.clone());
        let (reference, death_date, source) =
            ((*reference).clone(), (*death_date).clone(), (*source).clone());
        let on_changed = props.on_changed.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(act) = *confirming else { return };
            if *busy {
                return;
            }
            busy.set(true);
            let (life, confirming, busy, error, status) =
                (life.clone(), confirming.clone(), busy.clone(), error.clone(), status.clone());
            let (reference, death_date, source) =
                (reference.clone(), death_date.clone(), source.clone());
            let on_changed = on_changed.clone();
            spawn_local(async move {
                let answer = match act {
                    Act::Close => api::life::close_by_post(id, reference.trim()).await,
                    Act::Death => match parse_iso_date(&death_date) {
                        Some(date) => {
                            let death = DeathRecord { date, source: source.trim().to_owned() };
                            api::life::record_death(id, &death).await
                        }
                        // The button waits for a date.
                        None => Err(ApiFailure::Decode),
                    },
                    Act::Reopen => api::life::reopen(id).await,
                };
                match answer {
                    Ok(next) => {
                        on_changed.emit(next.state);
                        life.set(Remote::Ready(next));
                        status.set(Some(match act {
                            Act::Close => "life-agency-closed",
                            Act::Death => "life-agency-death-recorded",
                            Act::Reopen => "life-agency-reopened",
                        }));
                        confirming.set(None);
                    }
                    Err(failure) => error.set(Some(failure)),
                }
                busy.set(false);
            });
        })
    };
    let on_letter = {
        let (busy, error, status) = (busy.clone(), error.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            error.set(None);
            let (busy, error, status) = (busy.clone(), error.clone(), status.clone());
            spawn_local(async move {
                match api::life::confirmation_letter(id).await {
                    Ok(file) => {
                        let name = file
                            .filename
                            .clone()
                            .unwrap_or_else(|| format!("dsp-confirmation-{id}.pdf"));
                        if crate::browser::save_file(&file.bytes, &name, &file.content_type) {
                            status.set(Some("life-agency-letter-done"));
                        } else {
                            error.set(Some(ApiFailure::Decode));
                        }
                    }
                    Err(failure) => error.set(Some(failure)),
                }
                busy.set(false);
            });
        })
    };
    let confirm_box = |act: Act, question: &'static str| {
        (*confirming == Some(act)).then(|| {
            html! {
                <div class="confirm" role="group" aria-label={i18n.t(question)}>
                    <p>{ i18n.t(question) }</p>
                    <button type="button" class="button-danger life-confirm" disabled={*busy}
                            onclick={on_confirm.clone()}>{ i18n.t("life-agency-confirm") }</button>
                    { " " }
                    <button type="button" class="button-secondary" onclick={on_cancel.clone()}>
                        { i18n.t("life-agency-cancel") }
                    </button>
                </div>
            }
        })
    };
    let facts = match &*life {
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(life) => {
            let date = |at| messages::date_only(&i18n, at);
            html! {
                <dl class="facts" data-life-state={life.state.as_str()}>
                    <div><dt>{ i18n.t("agency-record-state") }</dt><dd>{ messages::record_state(&i18n, life.state) }</dd></div>
                    if let Some(reason) = life.close_reason {
                        <div><dt>{ i18n.t("life-agency-reason") }</dt><dd class="life-reason">{ reason_text(&i18n, reason) }</dd></div>
                    }
                    if let Some(at) = life.closed_at {
                        <div><dt>{ i18n.t("life-agency-closed-at") }</dt><dd>{ date(at) }</dd></div>
                    }
                    if let Some(at) = life.reopenable_until {
                        <div><dt>{ i18n.t("life-agency-reopenable-until") }</dt><dd>{ date(at) }</dd></div>
                    }
                    if let Some(reference) = &life.closing_reference {
                        <div><dt>{ i18n.t("life-agency-reference") }</dt><dd class="mono">{ reference.clone() }</dd></div>
                    }
                    if let Some(day) = life.death_date {
                        <div><dt>{ i18n.t("life-agency-death-date") }</dt><dd>{ i18n.date(day) }</dd></div>
                    }
                    if let Some(source) = &life.death_source {
                        <div><dt>{ i18n.t("life-agency-death-source") }</dt><dd>{ source.clone() }</dd></div>
                    }
                    if let Some(at) = life.reopened_at {
                        <div><dt>{ i18n.t("life-agency-reopened-at") }</dt><dd>{ date(at) }</dd></div>
                    }
                </dl>
            }
        }
    };
    let closed = matches!(&*life, Remote::Ready(l) if l.state == RecordState::Closed);
    // A closing (but on a death) and a reopening are confirmed to the patient by post.
    let confirmable = matches!(&*life, Remote::Ready(l)
        if (l.state == RecordState::Closed && l.close_reason != Some(shared::api::life::CloseReason::Death))
            || (l.state != RecordState::Closed && l.reopened_at.is_some()));
    let open = matches!(&*life, Remote::Ready(l) if l.state != RecordState::Closed);
    let on_reference = {
        let reference = reference.clone();
        Callback::from(move |v: String| reference.set(v))
    };
    let on_death_date = {
        let death_date = death_date.clone();
        Callback::from(move |v: String| death_date.set(v))
    };
    let on_source = {
        let source = source.clone();
        Callback::from(move |v: String| source.set(v))
    };
    html! {
        <div class="record-life">
            { facts }
            <StatusMessage text={(*status).map(|key| AttrValue::from(i18n.t(key)))} />
            <ErrorMessage text={(*error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
            if open {
                <div class="life-act">
                    <TextField id={format!("{stem}-reference")} label={i18n.t("life-agency-reference")}
                               hint={i18n.t("life-agency-reference-hint")}
                               value={(*reference).clone()} on_input={on_reference} />
                    <button type="button" class="button-secondary life-close-post"
                            disabled={reference.trim().is_empty()} onclick={ask(Act::Close)}>
                        { i18n.t("life-agency-close") }
                    </button>
                    { for confirm_box(Act::Close, "life-agency-close-question") }
                </div>
                <div class="life-act">
                    <DateField id={format!("{stem}-death-date")} label={i18n.t("life-agency-death-date")}
                               value={(*death_date).clone()} on_input={on_death_date} />
                    <TextField id={format!("{stem}-death-source")} label={i18n.t("life-agency-death-source")}
                               hint={i18n.t("life-agency-death-source-hint")}
                               value={(*source).clone()} on_input={on_source} />
                    <button type="button" class="button-secondary life-death"
                            disabled={parse_iso_date(&death_date).is_none() || source.trim().is_empty()}
                            onclick={ask(Act::Death)}>
                        { i18n.t("life-agency-death") }
                    </button>
                    { for confirm_box(Act::Death, "life-agency-death-question") }
                </div>
            }
            if confirmable {
                <div class="life-act">
                    <button type="button" class="button-secondary life-letter" disabled={*busy} onclick={on_letter}>
                        { i18n.t("life-agency-letter") }
                    </button>
                </div>
            }
            if closed {
                <div class="life-act">
                    <button type="button" class="button-secondary life-reopen" onclick={ask(Act::Reopen)}>
                        { i18n.t("life-agency-reopen") }
                    </button>
                    { for confirm_box(Act::Reopen, "life-agency-reopen-question") }
                </div>
            }
        </div>
    }
}

/// Props of [`RecordLifeDetails`].
#[derive(Debug, Clone, PartialEq, Eq, Properties)]
pub struct RecordLifeDetailsProps {
    /// The record.
    pub patient_id: PatientId,
}

/// The panel folded in a patient's row: fetched only once the agent opens it.
#[component]
pub fn RecordLifeDetails(props: &RecordLifeDetailsProps) -> Html {
    let i18n = use_i18n();
    let opened = use_state(|| false);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |event: Event| {
            let details: web_sys::Element = event.target_unchecked_into();
            if details.has_attribute("open") {
                opened.set(true);
            }
        })
    };
    html! {
        <details class="record-life-edit" {ontoggle}>
            <summary>{ i18n.t("life-agency-summary") }</summary>
            if *opened {
                <RecordLifePanel patient_id={props.patient_id} />
            }
        </details>
    }
}
