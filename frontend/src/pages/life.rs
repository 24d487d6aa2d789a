//! `/patient/record`: the patient's record's state and, while it is open, closing it: what
//! closing means, then a fresh verification with a passkey, then closed. A closed record says
//! since when and until when the agency can reopen it.

use shared::ApiErrorCode;
use shared::api::auth::Role;
use shared::api::life::{CloseReason, RecordLife};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::{loading, use_page};
use crate::api::{self, Remote};
use crate::app::Route;
use crate::auth::{FlowError, flows};
use crate::browser;
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::components::route_link::RouteLink;
use crate::i18n::context::use_i18n;
use crate::i18n::{Translator, messages};
use crate::session::use_session;

/// Why a record is closed, in words.
#[must_use]
pub fn reason_text(tr: &Translator, reason: CloseReason) -> String {
    tr.t(match reason {
        CloseReason::Patient => "life-reason-patient",
        CloseReason::Postal => "life-reason-postal",
        CloseReason::Death => "life-reason-death",
        CloseReason::Idle => "life-reason-idle",
    })
}

/// Closes the record, confirming with a passkey first when the server asks.
async fn close() -> Result<RecordLife, FlowError> {
    match api::life::close_mine().await {
        Err(failure) if failure.is(ApiErrorCode::ReverificationRequired) => {
            flows::reverify().await?;
            Ok(api::life::close_mine().await?)
        }
        other => Ok(other?),
    }
}

/// See the module documentation.
#[component]
pub fn RecordLifePage() -> Html {
    let i18n = use_i18n();
    use_page("life-title");
    let session = use_session();
    let life = use_state(|| Remote::<RecordLife>::Loading);
    let understood = use_state(|| false);
    let busy = use_state(|| false);
    let error = use_state(|| None::<FlowError>);
    let done = use_state(|| false);
    let patient = session.as_role(Role::Patient).is_some();
    {
        let life = life.clone();
        use_effect_with(patient, move |patient| {
            if *patient {
                spawn_local(async move { life.set(api::life::mine().await.into()) });
            }
        });
    }
    if session.is_checking() {
        return html! { <article class="page">{ loading(i18n.t("session-checking")) }</article> };
    }
    if !patient {
        return html! {
            <article class="page">
                <h1 id="page-heading" tabindex="-1">{ i18n.t("life-title") }</h1>
                <p><RouteLink to={Route::SignIn}>{ i18n.t("area-sign-in-link") }</RouteLink></p>
            </article>
        };
    }
    let on_understood = {
        let understood = understood.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            understood.set(input.checked());
        })
    };
    let on_close = {
        let (life, busy, error, done) = (life.clone(), busy.clone(), error.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            error.set(None);
            let (life, busy, error, done) =
                (life.clone(), busy.clone(), error.clone(), done.clone());
            spawn_local(async move {
                match close().await {
                    Ok(closed) => {
                        life.set(Remote::Ready(closed));
                        done.set(true);
                        browser::focus_element("page-heading");
                    }
                    Err(failure) => error.set(Some(failure)),
                }
                busy.set(false);
            });
        })
    };
    let body = match &*life {
        Remote::Loading => loading(i18n.t("loading")),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(life) if life.closed_at.is_some() => {
            let since = life.closed_at.map(|at| messages::date_only(&i18n, at)).unwrap_or_default();
            let until =
                life.reopenable_until.map(|at| messages::date_only(&i18n, at)).unwrap_or_default();
            let reason = life.close_reason.map(|r| reason_text(&i18n, r)).unwrap_or_default();
            html! {
                <section class="panel" data-record-state="closed">
                    <p>{ i18n.t_args("life-closed-since", [("date", since.into()), ("reason", reason.into())]) }</p>
                    <p>{ i18n.t("life-closed-you-still-read") }</p>
                    <p>{ i18n.t_args("life-reopen-until", [("date", until.into())]) }</p>
                    <p><a id="life-download" href="/api/me/record/export.zip" download="dsp-record.zip">{ i18n.t("life-download") }</a></p>
                    <p><RouteLink to={Route::PatientDocuments}>{ i18n.t("documents-link") }</RouteLink></p>
                    <p><RouteLink to={Route::PatientHistory}>{ i18n.t("history-link") }</RouteLink></p>
                </section>
            }
        }
        Remote::Ready(life) => html! {
            <section class="panel" data-record-state={life.state.as_str()}>
                <p>{ i18n.t_args("life-state-now", [("state", messages::record_state(&i18n, life.state).into())]) }</p>
                <p><a id="life-download" href="/api/me/record/export.zip" download="dsp-record.zip">{ i18n.t("life-download") }</a></p>
                <h2 id="life-means-heading">{ i18n.t("life-means-heading") }</h2>
                <ul>
                    <li>{ i18n.t("life-means-professionals") }</li>
                    <li>{ i18n.t("life-means-links") }</li>
                    <li>{ i18n.t("life-means-you") }</li>
                    <li>{ i18n.t("life-means-reopen") }</li>
                    <li>{ i18n.t("life-means-deleted") }</li>
                </ul>
                <p class="field">
                    <label>
                        <input type="checkbox" id="life-understood" checked={*understood} onchange={on_understood} />
                        { " " }{ i18n.t("life-understood") }
                    </label>
                </p>
                <p class="field-hint" id="life-verify-hint">{ i18n.t("life-verify-hint") }</p>
                <button type="button" id="life-close" class="button-danger"
                        disabled={!*understood || *busy} onclick={on_close}
                        aria-describedby="life-verify-hint">
                    { i18n.t("life-close-button") }
                </button>
                <ErrorMessage text={(*error).as_ref().map(|e| AttrValue::from(messages::flow_failure(&i18n, e)))} />
            </section>
        },
    };
    html! {
        <article class="page">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("life-title") }</h1>
            <StatusMessage text={done.then(|| AttrValue::from(i18n.t("life-closed-done")))} />
            { body }
        </article>
    }
}
