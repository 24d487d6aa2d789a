//! `/security` (any signed-in person): the passkeys or security keys (rename; add or remove one,
//! confirming first when the server asks; the last usable one cannot be removed, and the page
//! says what to do when it is lost) and the open sessions (end one).

use shared::api::auth::Role;
use shared::api::me::{CredentialSummary, SessionSummary};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::SubmitEvent;
use yew::prelude::*;

use super::{CeremonyProgress, loading, use_page};
use crate::api::{self, ApiFailure, Remote};
use crate::app::Route;
use crate::auth::{FlowError, flows};
use crate::browser;
use crate::components::field::TextField;
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::components::route_link::RouteLink;
use crate::i18n::context::use_i18n;
use crate::i18n::{Translator, messages};
use crate::router::use_navigator;
use crate::session::use_session;

/// What the person is doing to one credential.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Editing {
    Rename(String, String),
    ConfirmRemove(String),
}

/// See the module documentation.
#[component]
pub fn SecurityPage() -> Html {
    let i18n = use_i18n();
    use_page("security-title");
    let session = use_session();
    // The record was just deleted by an objection: say so (the session is gone with it) and
    // offer the confirmation letter the answer carried (only this page holds it).
    let deleted = use_state(|| None::<std::rc::Rc<api::Download>>);
    if let Some(letter) = &*deleted {
        let download = {
            let letter = letter.clone();
            Callback::from(move |_: MouseEvent| {
                super::objection::save_letter(&letter);
            })
        };
        return html! {
            <article class="page narrow">
                <h1 id="page-heading" tabindex="-1">{ i18n.t("objection-heading") }</h1>
                <StatusMessage id="objection-done" text={Some(AttrValue::from(i18n.t("objection-done")))} />
                <p>{ i18n.t("objection-letter-hint") }</p>
                <button type="button" id="objection-letter" class="button-primary" onclick={download}>
                    { i18n.t("objection-letter-download") }
                </button>
            </article>
        };
    }
    if session.is_checking() {
        return html! { <article class="page">{ loading(i18n.t("session-checking")) }</article> };
    }
    let Some(info) = session.info() else {
        return html! {
            <article class="page narrow">
                <h1 id="page-heading" tabindex="-1">{ i18n.t("security-heading") }</h1>
                <p class="notice">
                    { i18n.t("security-signed-out") }{ " " }
                    <RouteLink to={Route::SignIn}>{ i18n.t("area-sign-in-link") }</RouteLink>
                </p>
            </article>
        };
    };
    let passkeys = info.role == Role::Patient;
    html! {
        <article class="page">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("security-heading") }</h1>
            <p class="lead">
                if passkeys { { i18n.t("security-intro-patient") } } else { { i18n.t("security-intro-key") } }
            </p>
            <Credentials {passkeys} />
            if passkeys { <super::contact::MyContactPanel /> }
            <Sessions />
            if passkeys {
                <super::objection::MyObjectionPanel on_deleted={
                    let deleted = deleted.clone();
                    Callback::from(move |letter| deleted.set(Some(std::rc::Rc::new(letter))))
                } />
            }
        </article>
    }
}

/// Props of [`Credentials`].
#[derive(Debug, Clone, PartialEq, Properties)]
struct CredentialsProps {
    /// Passkeys (patients) rather than security keys.
    passkeys: bool,
}

#[component]
fn Credentials(props: &CredentialsProps) -> Html {
    let i18n = use_i18n();
    let list = use_state(|| Remote::<Vec<CredentialSummary>>::Loading);
    let editing = use_state(|| None::<Editing>);
    let row_error = use_state(|| None::<(String, FlowError)>);
    let removing = use_state(|| false);
    let status = use_state(|| None::<String>);
    let new_name = use_state(String::new);
    let adding = use_state(|| false);
    let add_error = use_state(|| None::<FlowError>);

    let reload = {
        let list = list.clone();
        Callback::from(move |()| {
            let list = list.clone();
            spawn_local(async move { list.set(api::me::credentials().await.into()) });
        })
    };
    {
        let reload = reload.clone();
        use_effect_with((), move |()| reload.emit(()));
    }

    let on_edit = {
        let editing = editing.clone();
        let row_error = row_error.clone();
        Callback::from(move |next: Option<Editing>| {
            row_error.set(None);
            editing.set(next);
        })
    };
    let on_rename = {
        let editing = editing.clone();
        let row_error = row_error.clone();
        let status = status.clone();
        let list = list.clone();
        Callback::from(move |(id, name): (String, String)| {
            let editing = editing.clone();
            let row_error = row_error.clone();
            let status = status.clone();
            let list = list.clone();
            spawn_local(async move {
                match api::me::rename_credential(&id, name.trim()).await {
                    Ok(renamed) => {
                        if let Remote::Ready(rows) = &*list {
                            let rows = rows.iter().map(|r| {
                                if r.id == renamed.id { renamed.clone() } else { r.clone() }
                            });
                            list.set(Remote::Ready(rows.collect()));
                        }
                        editing.set(None);
                        status.set(Some("security-renamed".to_owned()));
                    }
                    Err(failure) => row_error.set(Some((id, FlowError::Api(failure)))),
                }
            });
        })
    };
    let on_remove = {
        let editing = editing.clone();
        let row_error = row_error.clone();
        let status = status.clone();
        let removing = removing.clone();
        let reload = reload.clone();
        Callback::from(move |id: String| {
            if *removing {
                return;
            }
            removing.set(true);
            row_error.set(None);
            let editing = editing.clone();
            let row_error = row_error.clone();
            let status = status.clone();
            let removing = removing.clone();
            let reload = reload.clone();
            spawn_local(async move {
                match flows::remove_credential(&id).await {
                    Ok(()) => {
                        editing.set(None);
                        status.set(Some("security-removed".to_owned()));
                        reload.emit(());
                        browser::focus_element("credentials-heading");
                    }
                    Err(failure) => row_error.set(Some((id, failure))),
                }
                removing.set(false);
            });
        })
    };
    let on_new_name = {
        let new_name = new_name.clone();
        Callback::from(move |value: String| new_name.set(value))
    };
    let on_add = {
        let new_name = new_name.clone();
        let adding = adding.clone();
        let add_error = add_error.clone();
        let status = status.clone();
        let reload = reload.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *adding {
                return;
            }
            adding.set(true);
            add_error.set(None);
            status.set(None);
            let name = (*new_name).clone();
            let new_name = new_name.clone();
            let adding = adding.clone();
            let add_error = add_error.clone();
            let status = status.clone();
            let reload = reload.clone();
            spawn_local(async move {
                match flows::add_credential(&name).await {
                    Ok(_) => {
                        new_name.set(String::new());
                        status.set(Some("security-added".to_owned()));
                        reload.emit(());
                    }
                    Err(failure) => add_error.set(Some(failure)),
                }
                adding.set(false);
            });
        })
    };

    let rows = match &*list {
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(rows) => {
            // The only credential that still signs in stays: without it, nobody could.
            let usable = rows.iter().filter(|c| !c.suspended).count();
            let callbacks = RowCallbacks { on_edit, on_rename, on_remove };
            html! {
                <ul class="rows">
                    { for rows.iter().map(|c| credential_row(
                        &i18n,
                        c,
                        (!c.suspended && usable <= 1).then_some(props.passkeys),
                        editing.as_ref(),
                        row_error.as_ref(),
                        &callbacks,
                    )) }
                </ul>
            }
        }
    };
    let add_label =
        if props.passkeys { i18n.t("security-add-passkey") } else { i18n.t("security-add-key") };

    html! {
        <section class="panel" aria-labelledby="credentials-heading">
            <h2 id="credentials-heading" tabindex="-1">
                if props.passkeys { { i18n.t("security-passkeys-heading") } } else { { i18n.t("security-keys-heading") } }
            </h2>
            <StatusMessage id="credentials-status" text={(*status).as_ref().map(|key| AttrValue::from(i18n.t(key)))} />
            { rows }
            <form class="form inline-form" onsubmit={on_add} novalidate=true aria-labelledby="add-credential-heading">
                <h3 id="add-credential-heading">{ add_label.clone() }</h3>
                <TextField
                    id="new-credential-name"
                    label={i18n.t("security-new-name-label")}
                    hint={i18n.t("security-new-name-hint")}
                    value={(*new_name).clone()}
                    on_input={on_new_name}
                    maxlength="60"
                    autocomplete="off"
                />
                <p class="field-hint">{ i18n.t("security-add-reverify-hint") }</p>
                <div class="actions">
                    <button
                        id="add-credential-button"
                        type="submit"
                        class="button-primary"
                        disabled={*adding}
                        aria-describedby="add-credential-error"
                    >
                        { add_label }
                    </button>
                </div>
            </form>
            <CeremonyProgress busy={*adding || *removing} />
            <ErrorMessage
                id="add-credential-error"
                text={(*add_error).as_ref().map(|e| AttrValue::from(messages::flow_failure(&i18n, e)))}
            />
        </section>
    }
}

/// What a credential's row can do.
struct RowCallbacks {
    on_edit: Callback<Option<Editing>>,
    on_rename: Callback<(String, String)>,
    on_remove: Callback<String>,
}

/// One credential. `last` is set for the only one that still signs in (`Some(true)` for a
/// passkey): it cannot be removed, and the row says what to do instead.
fn credential_row(
    i18n: &Translator,
    credential: &CredentialSummary,
    last: Option<bool>,
    editing: Option<&Editing>,
    row_error: Option<&(String, FlowError)>,
    callbacks: &RowCallbacks,
) -> Html {
    let RowCallbacks { on_edit, on_rename, on_remove } = callbacks;
    let id = credential.id.clone();
    let dom_id = format!("credential-{}", dom_safe(&id));
    let error = row_error
        .filter(|(rid, _)| *rid == id)
        .map(|(_, failure)| AttrValue::from(messages::flow_failure(i18n, failure)));
    let kind =
        if credential.synced { i18n.t("security-synced") } else { i18n.t("security-device-bound") };
    let last_used = credential
        .last_used_at
        .map_or_else(|| i18n.t("security-never-used"), |at| messages::date_time(i18n, at));

    let actions = match editing {
        Some(Editing::Rename(rid, value)) if *rid == id => {
            let input_id = format!("{dom_id}-name");
            let on_input = {
                let id = id.clone();
                on_edit.reform(move |value: String| Some(Editing::Rename(id.clone(), value)))
            };
            let onsubmit = {
                let id = id.clone();
                let value = value.clone();
                let on_rename = on_rename.clone();
                Callback::from(move |event: SubmitEvent| {
                    event.prevent_default();
                    on_rename.emit((id.clone(), value.clone()));
                })
            };
            let cancel = on_edit.reform(|_: MouseEvent| None);
            html! {
                <form class="rename" {onsubmit}>
                    <TextField
                        id={input_id}
                        label={i18n.t("security-rename-label")}
                        value={value.clone()}
                        {on_input}
                        maxlength="60"
                        autocomplete="off"
                    />
                    <button type="submit" class="button-primary">{ i18n.t("save") }</button>
                    <button type="button" class="button-secondary" onclick={cancel}>{ i18n.t("cancel") }</button>
                </form>
            }
        }
        Some(Editing::ConfirmRemove(rid)) if *rid == id => {
            let confirm = {
                let id = id.clone();
                on_remove.reform(move |_: MouseEvent| id.clone())
            };
            let cancel = on_edit.reform(|_: MouseEvent| None);
            let warning_id = format!("{dom_id}-remove-warning");
            html! {
                <div class="confirm" role="group" aria-labelledby={warning_id.clone()}>
                    <p id={warning_id} class="warning">
                        { i18n.t_args("security-remove-confirm", [("name", credential.name.clone().into())]) }
                    </p>
                    <p class="field-hint">{ i18n.t("security-add-reverify-hint") }</p>
                    <button type="button" class="button-danger confirm-remove-credential" onclick={confirm}>
                        { i18n.t("security-remove") }
                    </button>
                    <button type="button" class="button-secondary" onclick={cancel}>{ i18n.t("cancel") }</button>
                </div>
            }
        }
        _ => {
            let rename = {
                let id = id.clone();
                let name = credential.name.clone();
                on_edit.reform(move |_: MouseEvent| Some(Editing::Rename(id.clone(), name.clone())))
            };
            let remove = {
                let id = id.clone();
                on_edit.reform(move |_: MouseEvent| Some(Editing::ConfirmRemove(id.clone())))
            };
            html! {
                <>
                    <button type="button" class="button-secondary rename-credential" onclick={rename}
                        aria-label={i18n.t_args("security-rename-named", [("name", credential.name.clone().into())])}>
                        { i18n.t("security-rename") }
                    </button>
                    if last.is_none() {
                        <button type="button" class="button-secondary remove-credential" onclick={remove}
                            aria-label={i18n.t_args("security-remove-named", [("name", credential.name.clone().into())])}>
                            { i18n.t("security-remove") }
                        </button>
                    }
                </>
            }
        }
    };

    html! {
        <li class="row" id={dom_id} data-credential-id={id.clone()}>
            <div class="row-main">
                <h3 class="row-title">{ credential.name.clone() }</h3>
                <dl class="facts">
                    <div><dt>{ i18n.t("security-kind") }</dt><dd>{ kind }</dd></div>
                    <div><dt>{ i18n.t("security-created") }</dt><dd>{ messages::date_time(i18n, credential.created_at) }</dd></div>
                    <div><dt>{ i18n.t("security-last-used") }</dt><dd>{ last_used }</dd></div>
                </dl>
                if credential.suspended {
                    <p class="warning">{ i18n.t("security-suspended") }</p>
                }
                if let Some(passkey) = last {
                    <p class="field-hint last-credential">
                        if passkey { { i18n.t("security-last-passkey") } } else { { i18n.t("security-last-key") } }
                    </p>
                }
            </div>
            <div class="row-actions">
                { actions }
                <ErrorMessage text={error} />
            </div>
        </li>
    }
}

/// Credential ids are base64url; element ids keep only the safe characters.
fn dom_safe(id: &str) -> String {
    id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}

#[component]
fn Sessions() -> Html {
    let i18n = use_i18n();
    let session = use_session();
    let navigator = use_navigator();
    let list = use_state(|| Remote::<Vec<SessionSummary>>::Loading);
    let error = use_state(|| None::<ApiFailure>);
    let status = use_state(|| false);
    {
        let list = list.clone();
        use_effect_with((), move |()| {
            spawn_local(async move { list.set(api::me::sessions().await.into()) });
        });
    }
    let on_end = {
        let list = list.clone();
        let error = error.clone();
        let status = status.clone();
        Callback::from(move |(id, current): (Uuid, bool)| {
            let list = list.clone();
            let error = error.clone();
            let status = status.clone();
            let session = session.clone();
            let navigator = navigator.clone();
            spawn_local(async move {
                match api::me::end_session(id).await {
                    Ok(()) if current => {
                        session.signed_out();
                        if let Some(navigator) = navigator {
                            navigator.push_with_query(&Route::SignIn, &[("signed-out", "1")]);
                        }
                    }
                    Ok(()) => {
                        error.set(None);
                        status.set(true);
                        if let Remote::Ready(rows) = &*list {
                            let rows = rows.iter().filter(|s| s.id != id).cloned().collect();
                            list.set(Remote::Ready(rows));
                        }
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let rows = match &*list {
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(rows) => html! {
            <ul class="rows">
                { for rows.iter().map(|s| {
                    let onclick = on_end.reform({
                        let (id, current) = (s.id, s.current);
                        move |_: MouseEvent| (id, current)
                    });
                    html! {
                        <li class="row" data-session-id={s.id.to_string()}>
                            <div class="row-main">
                                <h3 class="row-title">
                                    { messages::browser_name(&i18n, s.user_agent.as_deref()) }
                                    if s.current {
                                        { " " }<span class="badge state-activated">{ i18n.t("security-this-device") }</span>
                                    }
                                </h3>
                                <dl class="facts">
                                    <div><dt>{ i18n.t("security-session-started") }</dt><dd>{ messages::date_time(&i18n, s.created_at) }</dd></div>
                                    <div><dt>{ i18n.t("security-session-last-seen") }</dt><dd>{ messages::date_time(&i18n, s.last_seen_at) }</dd></div>
                                </dl>
                            </div>
                            <div class="row-actions">
                                <button type="button" class="button-secondary end-session" {onclick}>
                                    if s.current { { i18n.t("security-end-this-session") } } else { { i18n.t("security-end-session") } }
                                </button>
                            </div>
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <section class="panel" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{ i18n.t("security-sessions-heading") }</h2>
            <StatusMessage text={(*status).then(|| AttrValue::from(i18n.t("security-session-ended")))} />
            <ErrorMessage text={(*error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
            { rows }
        </section>
    }
}
