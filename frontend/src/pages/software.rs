//! Practice software and the professional: the approval of a connection (`/professional/connect`,
//! where DSP's `/oauth/authorize` sends the browser with the software's request), the same
//! approval for a code typed from software without a browser (`/professional/device`), and the
//! software they connected (`/professional/software`: what it may do, since when, last used;
//! disconnect).
//!
//! A professional who is not signed in signs in here with their security key and stays on the
//! page: the request in the address is not lost on the way.

use shared::api::auth::Role;
use shared::api::oauth::{
    AuthorizationDecision, AuthorizationRequest, ConnectedSoftware, DeviceDecision, ScopeView,
};
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
use crate::forms::query_value;
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};
use crate::router::use_location;
use crate::session::use_session;

/// The authorization request in the query of `/professional/connect` (`None` when a required
/// parameter is missing: the address was cut or typed by hand).
#[must_use]
pub fn authorization_request(query: &str) -> Option<AuthorizationRequest> {
    let get = |name| query_value(query, name);
    Some(AuthorizationRequest {
        client_id: get("client_id")?,
        redirect_uri: get("redirect_uri")?,
        scope: get("scope")?,
        state: get("state"),
        code_challenge: get("code_challenge")?,
        code_challenge_method: get("code_challenge_method")?,
    })
}

/// What a scope lets the software do, in words: "Documents: search, read, file new ones".
#[must_use]
pub fn scope_words(tr: &Translator, scope: &ScopeView) -> String {
    let resource = match scope.resource.as_str() {
        "DocumentReference" => tr.t("oauth-resource-documents"),
        "Binary" => tr.t("oauth-resource-content"),
        "List" => tr.t("oauth-resource-submissions"),
        "Patient" => tr.t("oauth-resource-patients"),
        "AuditEvent" => tr.t("oauth-resource-history"),
        "*" => tr.t("oauth-resource-all"),
        other => other.to_owned(),
    };
    let ops: Vec<String> = scope
        .ops
        .chars()
        .filter_map(|op| match op {
            'c' => Some(tr.t("oauth-op-create")),
            'r' => Some(tr.t("oauth-op-read")),
            'u' => Some(tr.t("oauth-op-update")),
            'd' => Some(tr.t("oauth-op-delete")),
            's' => Some(tr.t("oauth-op-search")),
            _ => None,
        })
        .collect();
    tr.t_args(
        "oauth-scope-line",
        [("resource", Arg::from(resource)), ("ops", Arg::from(ops.join(", ")))],
    )
}

/// The scopes as a list, each in words with the scope itself beside it.
fn scope_list(tr: &Translator, scopes: &[ScopeView]) -> Html {
    html! {
        <ul class="scopes">
            { for scopes.iter().map(|s| html! {
                <li data-scope={s.scope.clone()}>
                    { scope_words(tr, s) }{ " " }<code class="muted">{ s.scope.clone() }</code>
                </li>
            }) }
        </ul>
    }
}

/// Props of [`SignInHere`].
#[derive(Debug, Clone, PartialEq, Properties)]
struct SignInHereProps {
    /// Why the page asks.
    text: AttrValue,
}

/// Signing in without leaving the page: the session updates and the page goes on.
#[component]
fn SignInHere(props: &SignInHereProps) -> Html {
    let i18n = use_i18n();
    let session = use_session();
    let busy = use_state(|| false);
    let error = use_state(|| None::<FlowError>);
    let onclick = {
        let (busy, error) = (busy.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            error.set(None);
            let (busy, error, session) = (busy.clone(), error.clone(), session.clone());
            spawn_local(async move {
                match flows::sign_in().await {
                    Ok(info) => session.signed_in(info),
                    Err(failure) => error.set(Some(failure)),
                }
                busy.set(false);
            });
        })
    };
    html! {
        <>
            <p class="lead">{ props.text.clone() }</p>
            <div class="actions">
                <button id="sign-in-button" type="button" class="button-primary" {onclick} disabled={*busy}>
                    { i18n.t("sign-in-button") }
                </button>
            </div>
            <CeremonyProgress busy={*busy} />
            <ErrorMessage id="sign-in-error"
                text={(*error).as_ref().map(|e| AttrValue::from(messages::flow_failure(&i18n, e)))} />
        </>
    }
}

/// Who may use the page: `Ok(())` for a signed-in professional, else what to show instead.
fn professional_only(
    i18n: &Translator,
    session: &crate::session::Session,
    why: String,
) -> Result<(), Html> {
    if session.is_checking() {
        return Err(loading(i18n.t("session-checking")));
    }
    match session.info() {
        None => Err(html! { <SignInHere text={why} /> }),
        Some(info) if info.role != Role::Professional => {
            Err(html! { <p class="notice" role="note">{ i18n.t("oauth-professionals-only") }</p> })
        }
        Some(_) => Ok(()),
    }
}

/// Props of [`Approval`].
#[derive(Debug, Clone, PartialEq, Properties)]
struct ApprovalProps {
    client_name: AttrValue,
    organisation_name: AttrValue,
    scopes: Vec<ScopeView>,
    /// The host the browser returns to (authorization code only).
    #[prop_or_default]
    redirect_host: Option<AttrValue>,
    /// A decision is on its way.
    busy: bool,
    /// Approve (`true`) or refuse.
    on_decide: Callback<bool>,
}

/// Which software, for which organisation, asks for what, and the two buttons.
#[component]
fn Approval(props: &ApprovalProps) -> Html {
    let i18n = use_i18n();
    let name = || Arg::from(props.client_name.to_string());
    html! {
        <section class="panel approval" aria-labelledby="approval-heading">
            <h2 id="approval-heading">{ i18n.t_args("oauth-approval-heading", [("software", name())]) }</h2>
            <p id="approval-organisation">
                { i18n.t_args("oauth-approval-organisation", [
                    ("software", name()),
                    ("organisation", Arg::from(props.organisation_name.to_string())),
                ]) }
            </p>
            <p>{ i18n.t("oauth-approval-asks") }</p>
            { scope_list(&i18n, &props.scopes) }
            <p class="notice" role="note">{ i18n.t_args("oauth-approval-rules", [("software", name())]) }</p>
            if let Some(host) = &props.redirect_host {
                <p id="approval-return">
                    { i18n.t_args("oauth-approval-return", [("host", Arg::from(host.to_string()))]) }
                </p>
            }
            <div class="actions">
                <button id="approve-button" type="button" class="button-primary" disabled={props.busy}
                    onclick={props.on_decide.reform(|_: MouseEvent| true)}>
                    { i18n.t("oauth-approve") }
                </button>
                <button id="refuse-button" type="button" class="button-secondary" disabled={props.busy}
                    onclick={props.on_decide.reform(|_: MouseEvent| false)}>
                    { i18n.t("oauth-refuse") }
                </button>
            </div>
        </section>
    }
}

/// `/professional/connect`: see the module documentation.
#[component]
pub fn ConnectPage() -> Html {
    let i18n = use_i18n();
    use_page("oauth-connect-title");
    let session = use_session();
    let query = use_location().map(|l| l.query_str().to_owned()).unwrap_or_default();
    let request = authorization_request(&query);
    let view = use_state(|| Remote::Loading);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiFailure>);
    let professional = session.as_role(Role::Professional).is_some();
    {
        let view = view.clone();
        use_effect_with((query, professional), move |(query, professional)| {
            if *professional {
                view.set(Remote::Loading);
                let query = query.clone();
                spawn_local(
                    async move { view.set(api::oauth::authorization(&query).await.into()) },
                );
            }
        });
    }
    let body = match (professional_only(&i18n, &session, i18n.t("oauth-sign-in-first")), request) {
        (Err(instead), _) => instead,
        (Ok(()), None) => {
            html! { <ErrorMessage text={AttrValue::from(i18n.t("oauth-request-incomplete"))} /> }
        }
        (Ok(()), Some(request)) => match &*view {
            Remote::Loading => loading(i18n.t("loading")),
            Remote::Failed(failure) => {
                html! { <ErrorMessage id="approval-error" text={AttrValue::from(messages::api_failure(&i18n, failure))} /> }
            }
            Remote::Ready(v) => {
                let on_decide = {
                    let (busy, error) = (busy.clone(), error.clone());
                    Callback::from(move |approve: bool| {
                        if *busy {
                            return;
                        }
                        busy.set(true);
                        error.set(None);
                        let decision = AuthorizationDecision { request: request.clone(), approve };
                        let (busy, error) = (busy.clone(), error.clone());
                        spawn_local(async move {
                            match api::oauth::decide(&decision).await {
                                // Only back to the software's own registered address.
                                Ok(r)
                                    if r.redirect_to
                                        .starts_with(&decision.request.redirect_uri) =>
                                {
                                    browser::assign_url(&r.redirect_to);
                                }
                                Ok(_) => {
                                    error.set(Some(ApiFailure::Decode));
                                    busy.set(false);
                                }
                                Err(failure) => {
                                    error.set(Some(failure));
                                    busy.set(false);
                                }
                            }
                        });
                    })
                };
                html! {
                    <>
                        <Approval client_name={v.client_name.clone()} organisation_name={v.organisation_name.clone()}
                            scopes={v.scopes.clone()} redirect_host={Some(AttrValue::from(v.redirect_host.clone()))}
                            busy={*busy} {on_decide} />
                        <StatusMessage text={busy.then(|| AttrValue::from(i18n.t("oauth-returning")))} />
                        <ErrorMessage id="approval-error"
                            text={(*error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
                    </>
                }
            }
        },
    };
    html! {
        <article class="page narrow">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("oauth-connect-heading") }</h1>
            { body }
        </article>
    }
}

/// `/professional/device`: the code shown by the software, then the same approval.
#[component]
pub fn DevicePage() -> Html {
    let i18n = use_i18n();
    use_page("oauth-device-title");
    let session = use_session();
    let query = use_location().map(|l| l.query_str().to_owned()).unwrap_or_default();
    let code = use_state(|| query_value(&query, "user_code").unwrap_or_default());
    let view = use_state(|| None::<Remote<shared::api::oauth::DeviceView>>);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiFailure>);
    let done = use_state(|| None::<bool>);

    let on_code = {
        let (code, view) = (code.clone(), view.clone());
        Callback::from(move |value: String| {
            code.set(value);
            view.set(None);
        })
    };
    let on_look_up = {
        let (code, view, done) = (code.clone(), view.clone(), done.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let typed = code.trim().to_owned();
            if typed.is_empty() {
                return;
            }
            done.set(None);
            view.set(Some(Remote::Loading));
            let view = view.clone();
            spawn_local(async move { view.set(Some(api::oauth::device(&typed).await.into())) });
        })
    };
    let on_decide = {
        let (code, busy, error, done, view) =
            (code.clone(), busy.clone(), error.clone(), done.clone(), view.clone());
        Callback::from(move |approve: bool| {
            if *busy {
                return;
            }
            busy.set(true);
            error.set(None);
            let decision = DeviceDecision { user_code: code.trim().to_owned(), approve };
            let (busy, error, done, view) =
                (busy.clone(), error.clone(), done.clone(), view.clone());
            spawn_local(async move {
                match api::oauth::decide_device(&decision).await {
                    Ok(()) => {
                        view.set(None);
                        done.set(Some(approve));
                    }
                    Err(failure) => error.set(Some(failure)),
                }
                busy.set(false);
            });
        })
    };

    let body = match professional_only(&i18n, &session, i18n.t("oauth-sign-in-first")) {
        Err(instead) => instead,
        Ok(()) => {
            let shown = match &*view {
                None => Html::default(),
                Some(Remote::Loading) => loading(i18n.t("loading")),
                Some(Remote::Failed(failure)) => html! {
                    <ErrorMessage id="device-error" text={AttrValue::from(messages::api_failure(&i18n, failure))} />
                },
                Some(Remote::Ready(v)) => html! {
                    <Approval client_name={v.client_name.clone()} organisation_name={v.organisation_name.clone()}
                        scopes={v.scopes.clone()} busy={*busy} on_decide={on_decide.clone()} />
                },
            };
            let outcome = (*done).map(|approved| {
                AttrValue::from(i18n.t(if approved {
                    "oauth-device-approved"
                } else {
                    "oauth-device-refused"
                }))
            });
            html! {
                <>
                    <form class="form" onsubmit={on_look_up} novalidate=true>
                        <TextField id="user-code" label={i18n.t("oauth-device-code-label")}
                            hint={i18n.t("oauth-device-code-hint")} value={(*code).clone()} on_input={on_code}
                            code_like=true autocomplete="off" maxlength="20" required=true />
                        <div class="actions">
                            <button id="device-look-up" type="submit" class="button-primary">
                                { i18n.t("oauth-device-look-up") }
                            </button>
                        </div>
                    </form>
                    { shown }
                    <StatusMessage id="device-status" text={outcome} />
                    <ErrorMessage text={(*error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
                </>
            }
        }
    };
    html! {
        <article class="page narrow">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("oauth-device-heading") }</h1>
            { body }
        </article>
    }
}

/// `/professional/software`: the software the professional connected.
#[component]
pub fn ConnectedSoftwarePage() -> Html {
    let i18n = use_i18n();
    use_page("oauth-software-title");
    let session = use_session();
    let list = use_state(|| Remote::<Vec<ConnectedSoftware>>::Loading);
    let confirming = use_state(|| None::<Uuid>);
    let busy = use_state(|| false);
    let status = use_state(|| None::<String>);
    let error = use_state(|| None::<ApiFailure>);
    let professional = session.as_role(Role::Professional).is_some();
    let reload = {
        let list = list.clone();
        Callback::from(move |()| {
            let list = list.clone();
            spawn_local(async move { list.set(api::oauth::connected().await.into()) });
        })
    };
    {
        let reload = reload.clone();
        use_effect_with(professional, move |professional| {
            if *professional {
                reload.emit(());
            }
        });
    }
    let on_disconnect = {
        let (confirming, busy, status, error) =
            (confirming.clone(), busy.clone(), status.clone(), error.clone());
        Callback::from(move |(grant_id, name): (Uuid, String)| {
            if *busy {
                return;
            }
            busy.set(true);
            error.set(None);
            let (confirming, busy, status, error, reload) =
                (confirming.clone(), busy.clone(), status.clone(), error.clone(), reload.clone());
            spawn_local(async move {
                match api::oauth::disconnect(grant_id).await {
                    Ok(()) => {
                        confirming.set(None);
                        status.set(Some(name));
                        reload.emit(());
                        browser::focus_element("software-heading");
                    }
                    Err(failure) => error.set(Some(failure)),
                }
                busy.set(false);
            });
        })
    };

    let body = match professional_only(&i18n, &session, i18n.t("oauth-software-sign-in")) {
        Err(instead) => instead,
        Ok(()) => {
            let rows = match &*list {
                Remote::Loading => loading(i18n.t("loading")),
                Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
                Remote::Ready(rows) if rows.is_empty() => {
                    html! { <p class="muted" id="software-none">{ i18n.t("oauth-software-none") }</p> }
                }
                Remote::Ready(rows) => html! {
                    <ul class="rows software">
                        { for rows.iter().map(|s| software_row(&i18n, s, *confirming == Some(s.grant_id), *busy,
                            &confirming, &on_disconnect)) }
                    </ul>
                },
            };
            html! {
                <>
                    <p class="lead">{ i18n.t("oauth-software-intro") }</p>
                    <StatusMessage id="software-status" text={(*status).as_ref().map(|name| AttrValue::from(
                        i18n.t_args("oauth-software-disconnected", [("software", Arg::from(name.clone()))])))} />
                    <ErrorMessage text={(*error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
                    { rows }
                </>
            }
        }
    };
    html! {
        <article class="page">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("oauth-software-heading") }</h1>
            <h2 id="software-heading" class="visually-hidden" tabindex="-1">{ i18n.t("oauth-software-heading") }</h2>
            { body }
            <p><RouteLink to={Route::Professional}>{ i18n.t("oauth-back-to-portal") }</RouteLink></p>
        </article>
    }
}

/// One connected software: what it may do, since when, last used; disconnect after confirming.
fn software_row(
    i18n: &Translator,
    s: &ConnectedSoftware,
    confirming: bool,
    busy: bool,
    confirm: &UseStateHandle<Option<Uuid>>,
    on_disconnect: &Callback<(Uuid, String)>,
) -> Html {
    let name = || Arg::from(s.client_name.clone());
    let last_used = s
        .last_used_at
        .map_or_else(|| i18n.t("oauth-never-used"), |at| messages::date_time(i18n, at));
    let grant_id = s.grant_id;
    let actions = if confirming {
        let yes = {
            let (on_disconnect, name) = (on_disconnect.clone(), s.client_name.clone());
            Callback::from(move |_: MouseEvent| on_disconnect.emit((grant_id, name.clone())))
        };
        let no = {
            let confirm = confirm.clone();
            Callback::from(move |_: MouseEvent| confirm.set(None))
        };
        html! {
            <div class="confirm" role="group">
                <p>{ i18n.t_args("oauth-disconnect-confirm", [("software", name())]) }</p>
                <button type="button" class="confirm-disconnect button-danger" onclick={yes} disabled={busy}>
                    { i18n.t("oauth-disconnect-yes") }
                </button>
                <button type="button" class="button-secondary" onclick={no} disabled={busy}>
                    { i18n.t("oauth-cancel") }
                </button>
            </div>
        }
    } else {
        let ask = {
            let confirm = confirm.clone();
            Callback::from(move |_: MouseEvent| confirm.set(Some(grant_id)))
        };
        html! {
            <button type="button" class="disconnect button-secondary" onclick={ask}>
                { i18n.t("oauth-disconnect") }
            </button>
        }
    };
    html! {
        <li class="row" data-grant-id={grant_id.to_string()}>
            <div class="row-main">
                <h3>{ s.client_name.clone() }</h3>
                <dl class="facts">
                    <div><dt>{ i18n.t("oauth-organisation") }</dt><dd>{ s.organisation_name.clone() }</dd></div>
                    <div><dt>{ i18n.t("oauth-connected-since") }</dt><dd>{ messages::date_time(i18n, s.connected_at) }</dd></div>
                    <div><dt>{ i18n.t("oauth-last-used") }</dt><dd>{ last_used }</dd></div>
                </dl>
                { scope_list(i18n, &s.scopes) }
            </div>
            { actions }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_request_is_read_from_the_query_as_the_authorize_endpoint_passes_it() {
        let query = "?response_type=code&client_id=c-1&redirect_uri=http%3A%2F%2F127.0.0.1%3A8765%2Fcallback\
                     &scope=user%2FDocumentReference.rs+user%2FBinary.r&state=xyz\
                     &code_challenge=abc-_&code_challenge_method=S256";
        let request = authorization_request(query);
        assert_eq!(
            request,
            Some(AuthorizationRequest {
                client_id: "c-1".into(),
                redirect_uri: "http://127.0.0.1:8765/callback".into(),
                scope: "user/DocumentReference.rs user/Binary.r".into(),
                state: Some("xyz".into()),
                code_challenge: "abc-_".into(),
                code_challenge_method: "S256".into(),
            })
        );
        // Without state it is still a request; without a challenge it is not.
        assert!(
            authorization_request(&query.replace("&state=xyz", ""))
                .is_some_and(|r| r.state.is_none())
        );
        assert_eq!(authorization_request(&query.replace("&code_challenge=abc-_", "")), None);
        assert_eq!(authorization_request(""), None);
    }
}
