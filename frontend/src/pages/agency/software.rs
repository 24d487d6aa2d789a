//! The console's practice software: the clients registered for organisations (name, redirect
//! URIs, scopes, how many professionals connected them), registering one (its secret shown this
//! once), changing one, disabling one (every connection ends), a new secret, and one client's
//! connections with the way to end each.

use shared::api::agency::OrganisationSummary;
use shared::api::oauth::{
    ConnectedSoftware, RegisteredSoftwareClient, SoftwareClient, SoftwareClientForm,
};
use shared::ids::OrganisationId;
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlTextAreaElement, SubmitEvent};
use yew::prelude::*;

use crate::api::{self, ApiFailure, Remote};
use crate::components::field::{Choice, SelectField, TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};

/// The scopes a new client is offered: file, find and read documents, and their submission sets.
const DEFAULT_SCOPES: &str = "user/DocumentReference.crs\nuser/Binary.r\nuser/List.s";

/// A field of the software form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoftwareField {
    /// The organisation.
    Organisation,
    /// The name.
    Name,
    /// The redirect URIs.
    RedirectUris,
    /// The scopes.
    Scopes,
}

/// What is wrong with a field: the message key.
pub type Problem = (SoftwareField, String);

/// The software form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typed {
    /// The organisation's id, or "".
    pub organisation: String,
    /// The name.
    pub name: String,
    /// Redirect URIs, one a line.
    pub redirect_uris: String,
    /// Scopes, one a line (or space-separated).
    pub scopes: String,
    /// Issue a secret.
    pub confidential: bool,
}

/// Whether `uri` may be a redirect URI: `https://…`, or `http://localhost`/`http://127.0.0.1`
/// (software on the professional's own computer), without a fragment.
#[must_use]
pub fn redirect_uri_ok(uri: &str) -> bool {
    let rest = uri.strip_prefix("https://").or_else(|| {
        uri.strip_prefix("http://").filter(|r| {
            let host = r.split(['/', '?']).next().unwrap_or_default();
            let host = host.rsplit_once(':').map_or(host, |(h, port)| {
                if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) { h } else { host }
            });
            host == "localhost" || host == "127.0.0.1"
        })
    });
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
        && !uri.contains('#')
        && !uri.chars().any(char::is_whitespace)
}

/// Whether `scope` is a SMART v2 `user/` scope (`user/<Resource or *>.<cruds letters in order>`).
#[must_use]
pub fn scope_ok(scope: &str) -> bool {
    let Some((resource, ops)) = scope.strip_prefix("user/").and_then(|r| r.split_once('.')) else {
        return false;
    };
    let resource_ok = resource == "*"
        || (!resource.is_empty() && resource.chars().all(|c| c.is_ascii_alphanumeric()));
    let mut order = "cruds".chars();
    resource_ok && !ops.is_empty() && ops.chars().all(|c| order.any(|o| o == c))
}

fn lines(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

/// The request once every field is right, or what is wrong with each field.
///
/// # Errors
/// One problem per wrong field.
pub fn check(typed: &Typed, new: bool) -> Result<SoftwareClientForm, Vec<Problem>> {
    let mut problems = Vec::new();
    let organisation = typed.organisation.parse::<Uuid>().ok();
    if new && organisation.is_none() {
        problems.push(problem(SoftwareField::Organisation, "field-required"));
    }
    let name = typed.name.trim();
    if name.is_empty() {
        problems.push(problem(SoftwareField::Name, "field-required"));
    } else if name.chars().count() > 200 {
        problems.push(problem(SoftwareField::Name, "software-name-too-long"));
    }
    let redirect_uris = lines(&typed.redirect_uris);
    if redirect_uris.is_empty() {
        problems.push(problem(SoftwareField::RedirectUris, "field-required"));
    } else if !redirect_uris.iter().all(|u| redirect_uri_ok(u)) {
        problems.push(problem(SoftwareField::RedirectUris, "software-redirect-invalid"));
    }
    let allowed_scopes = lines(&typed.scopes);
    if allowed_scopes.is_empty() {
        problems.push(problem(SoftwareField::Scopes, "field-required"));
    } else if !allowed_scopes.iter().all(|s| scope_ok(s)) {
        problems.push(problem(SoftwareField::Scopes, "software-scope-invalid"));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(SoftwareClientForm {
        organisation_id: OrganisationId::from(organisation.unwrap_or_default()),
        name: name.to_owned(),
        redirect_uris,
        allowed_scopes,
        confidential: typed.confidential,
    })
}

fn problem_of(problems: &[Problem], field: SoftwareField, tr: &Translator) -> Option<AttrValue> {
    problems.iter().find(|(f, _)| *f == field).map(|(_, key)| AttrValue::from(tr.t(key)))
}

fn problem(field: SoftwareField, key: &str) -> Problem {
    (field, key.to_owned())
}

/// Props of [`SoftwareFields`].
#[derive(Debug, Clone, PartialEq, Properties)]
struct SoftwareFieldsProps {
    /// The stem of the controls' ids.
    stem: AttrValue,
    typed: Typed,
    on_change: Callback<Typed>,
    problems: Vec<Problem>,
    /// The organisations to choose from (registration only).
    #[prop_or_default]
    organisations: Option<Vec<OrganisationSummary>>,
}

/// The fields of the form, each with its message.
#[component]
fn SoftwareFields(props: &SoftwareFieldsProps) -> Html {
    let i18n = use_i18n();
    let stem = props.stem.as_str();
    let set = |apply: fn(&mut Typed, String)| {
        let (typed, on_change) = (props.typed.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut next = typed.clone();
            apply(&mut next, value);
            on_change.emit(next);
        })
    };
    let area = |apply: fn(&mut Typed, String)| {
        set(apply).reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value())
    };
    let on_confidential = {
        let (typed, on_change) = (props.typed.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let mut next = typed.clone();
            next.confidential = e.target_unchecked_into::<HtmlInputElement>().checked();
            on_change.emit(next);
        })
    };
    let message = |field| problem_of(&props.problems, field, &i18n);
    let textarea = |suffix: &str,
                    label: String,
                    hint: String,
                    value: &str,
                    field,
                    oninput: Callback<InputEvent>| {
        let id = format!("{stem}-{suffix}");
        let problem = message(field);
        html! {
            <div class={classes!("field", problem.is_some().then_some("field-invalid"))}>
                <label for={id.clone()}>{ label }</label>
                <p id={format!("{id}-hint")} class="field-hint">{ hint }</p>
                <textarea id={id.clone()} rows="3" value={value.to_owned()} {oninput} spellcheck="false"
                    aria-invalid={problem.is_some().then_some("true")}
                    aria-describedby={format!("{id}-hint {id}-message")} />
                <p id={format!("{id}-message")} class="field-message field-error" aria-live="polite">
                    { problem.unwrap_or_default() }
                </p>
            </div>
        }
    };
    html! {
        <>
            if let Some(organisations) = &props.organisations {
                <SelectField id={format!("{stem}-organisation")} label={i18n.t("software-organisation")}
                    value={props.typed.organisation.clone()} placeholder={i18n.t("field-choose")}
                    choices={organisations.iter().map(|o| Choice { value: o.id.to_string(), label: o.name.clone() }).collect::<Vec<_>>()}
                    on_change={set(|t, v| t.organisation = v)} message={message(SoftwareField::Organisation)} required=true />
            }
            <TextField id={format!("{stem}-name")} label={i18n.t("software-name")} hint={i18n.t("software-name-hint")}
                value={props.typed.name.clone()} on_input={set(|t, v| t.name = v)} maxlength="200" autocomplete="off"
                message={message(SoftwareField::Name)} tone={Tone::Error} required=true />
            { textarea("redirects", i18n.t("software-redirects"), i18n.t("software-redirects-hint"),
                &props.typed.redirect_uris, SoftwareField::RedirectUris, area(|t, v| t.redirect_uris = v)) }
            { textarea("scopes", i18n.t("software-scopes"), i18n.t("software-scopes-hint"),
                &props.typed.scopes, SoftwareField::Scopes, area(|t, v| t.scopes = v)) }
            <p class="field">
                <label>
                    <input type="checkbox" id={format!("{stem}-confidential")} checked={props.typed.confidential}
                        onchange={on_confidential} />
                    { " " }{ i18n.t("software-confidential") }
                </label>
            </p>
        </>
    }
}

/// A server refusal said under its field when it is about one, else for the whole form (by the
/// code's wire value: the codes of practice software arrive with the OAuth server).
fn server_problem(failure: &ApiFailure, new: bool) -> Option<Problem> {
    let code = failure.code()?;
    let field = match code.as_str() {
        "redirect_uri_invalid" => SoftwareField::RedirectUris,
        "scope_invalid" => SoftwareField::Scopes,
        "field_required" => SoftwareField::Name,
        // On a registration, the only thing to find is the organisation.
        "not_found" if new => SoftwareField::Organisation,
        _ => return None,
    };
    Some((field, code.message_key()))
}

/// The secret of a client, shown this once.
fn secret_notice(i18n: &Translator, registered: &RegisteredSoftwareClient) -> Html {
    let client = &registered.client;
    html! {
        <div class="issued" role="status" id="software-secret" tabindex="-1">
            <p>{ i18n.t_args("software-registered", [("name", Arg::from(client.name.clone()))]) }</p>
            <dl class="facts issued-facts">
                <div><dt>{ i18n.t("software-client-id") }</dt><dd><code class="client-id link">{ client.client_id.clone() }</code></dd></div>
                if let Some(secret) = &registered.client_secret {
                    <div><dt>{ i18n.t("software-secret") }</dt><dd><code class="client-secret link">{ secret.clone() }</code></dd></div>
                }
            </dl>
            if registered.client_secret.is_some() {
                <p class="field-hint">{ i18n.t("software-secret-once") }</p>
            }
        </div>
    }
}

/// The practice-software section of the console.
#[component]
pub fn SoftwarePanel() -> Html {
    let i18n = use_i18n();
    let list = use_state(|| Remote::<Vec<SoftwareClient>>::Loading);
    let organisations = use_state(Vec::<OrganisationSummary>::new);
    let refresh = use_state(|| 0_u32);
    let typed = use_state(|| Typed { scopes: DEFAULT_SCOPES.to_owned(), ..Typed::default() });
    let problems = use_state(Vec::<Problem>::new);
    let error = use_state(|| None::<ApiFailure>);
    let busy = use_state(|| false);
    let registered = use_state(|| None::<RegisteredSoftwareClient>);
    {
        let list = list.clone();
        use_effect_with(*refresh, move |_| {
            spawn_local(async move { list.set(api::oauth::clients().await.into()) });
        });
    }
    {
        let organisations = organisations.clone();
        use_effect_with((), move |()| {
            spawn_local(async move {
                if let Ok(found) = api::agency::organisations().await {
                    organisations.set(found);
                }
            });
        });
    }
    let on_change = {
        let (typed, problems) = (typed.clone(), problems.clone());
        Callback::from(move |next: Typed| {
            typed.set(next);
            problems.set(Vec::new());
        })
    };
    let on_shown = {
        let registered = registered.clone();
        Callback::from(move |shown: RegisteredSoftwareClient| registered.set(Some(shown)))
    };
    let on_register = {
        let (typed, problems, error, busy, registered, refresh) = (
            typed.clone(),
            problems.clone(),
            error.clone(),
            busy.clone(),
            registered.clone(),
            refresh.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            error.set(None);
            registered.set(None);
            let form = match check(&typed, true) {
                Ok(form) => form,
                Err(found) => {
                    problems.set(found);
                    return;
                }
            };
            busy.set(true);
            let (typed, problems, error, busy, registered, refresh) = (
                typed.clone(),
                problems.clone(),
                error.clone(),
                busy.clone(),
                registered.clone(),
                refresh.clone(),
            );
            spawn_local(async move {
                match api::oauth::register(&form).await {
                    Ok(done) => {
                        registered.set(Some(done));
                        typed.set(Typed { scopes: DEFAULT_SCOPES.to_owned(), ..Typed::default() });
                        refresh.set(*refresh + 1);
                    }
                    Err(failure) => match server_problem(&failure, true) {
                        Some(problem) => problems.set(vec![problem]),
                        None => error.set(Some(failure)),
                    },
                }
                busy.set(false);
            });
        })
    };
    let rows = match &*list {
        Remote::Loading => html! { <p class="status" role="status">{ i18n.t("loading") }</p> },
        Remote::Failed(failure) => {
            html! { <ErrorMessage text={AttrValue::from(messages::api_failure(&i18n, failure))} /> }
        }
        Remote::Ready(rows) if rows.is_empty() => {
            html! { <p class="muted">{ i18n.t("software-none") }</p> }
        }
        Remote::Ready(rows) => html! {
            <ul class="rows software-clients">
                { for rows.iter().map(|c| html! {
                    <ClientRow key={c.client_id.clone()} client={c.clone()} on_secret={on_shown.clone()} />
                }) }
            </ul>
        },
    };
    html! {
        <section class="panel" aria-labelledby="software-heading">
            <h2 id="software-heading" tabindex="-1">{ i18n.t("software-heading") }</h2>
            <p class="lead">{ i18n.t("software-intro") }</p>
            if let Some(shown) = &*registered { { secret_notice(&i18n, shown) } }
            { rows }
            <form class="form create" onsubmit={on_register} novalidate=true aria-labelledby="software-register-heading">
                <h3 id="software-register-heading">{ i18n.t("software-register-heading") }</h3>
                <SoftwareFields stem="software-new" typed={(*typed).clone()} {on_change} problems={(*problems).clone()}
                    organisations={Some((*organisations).clone())} />
                <div class="actions">
                    <button id="software-register-button" type="submit" class="button-primary" disabled={*busy}>
                        { i18n.t("software-register-button") }
                    </button>
                </div>
                <ErrorMessage id="software-register-error"
                    text={(*error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ClientRowProps {
    client: SoftwareClient,
    /// A new secret to show (at the top of the panel).
    on_secret: Callback<RegisteredSoftwareClient>,
}

/// What the agent is about to confirm on a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Confirm {
    Disable,
    Secret,
}

/// One client: its facts, its edit form, disable, new secret, its connections.
#[component]
fn ClientRow(props: &ClientRowProps) -> Html {
    let i18n = use_i18n();
    let current = use_state(|| props.client.clone());
    let typed = use_state(|| Typed {
        organisation: props.client.organisation_id.to_string(),
        name: props.client.name.clone(),
        redirect_uris: props.client.redirect_uris.join("\n"),
        scopes: props.client.allowed_scopes.join("\n"),
        confidential: props.client.confidential,
    });
    let problems = use_state(Vec::<Problem>::new);
    let confirm = use_state(|| None::<Confirm>);
    let busy = use_state(|| false);
    let status = use_state(|| None::<&'static str>);
    let error = use_state(|| None::<ApiFailure>);
    let grants = use_state(|| None::<Remote<Vec<ConnectedSoftware>>>);
    let client_id = current.client_id.clone();
    let stem = format!(
        "software-{}",
        current.client_id.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );

    let on_change = {
        let (typed, problems) = (typed.clone(), problems.clone());
        Callback::from(move |next: Typed| {
            typed.set(next);
            problems.set(Vec::new());
        })
    };
    let on_save = {
        let (typed, problems, error, busy, status, current, id) = (
            typed.clone(),
            problems.clone(),
            error.clone(),
            busy.clone(),
            status.clone(),
            current.clone(),
            client_id.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            error.set(None);
            status.set(None);
            let form = match check(&typed, false) {
                Ok(form) => form,
                Err(found) => {
                    problems.set(found);
                    return;
                }
            };
            busy.set(true);
            let (problems, error, busy, status, current, id) = (
                problems.clone(),
                error.clone(),
                busy.clone(),
                status.clone(),
                current.clone(),
                id.clone(),
            );
            spawn_local(async move {
                match api::oauth::update(&id, &form).await {
                    Ok(fresh) => {
                        current.set(fresh);
                        status.set(Some("software-saved"));
                    }
                    Err(failure) => match server_problem(&failure, false) {
                        Some(problem) => problems.set(vec![problem]),
                        None => error.set(Some(failure)),
                    },
                }
                busy.set(false);
            });
        })
    };
    let on_confirmed = {
        let (confirm, busy, error, status, current, grants, on_secret, id) = (
            confirm.clone(),
            busy.clone(),
            error.clone(),
            status.clone(),
            current.clone(),
            grants.clone(),
            props.on_secret.clone(),
            client_id.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(what) = *confirm else { return };
            if *busy {
                return;
            }
            busy.set(true);
            error.set(None);
            status.set(None);
            let (confirm, busy, error, status, current, grants, on_secret, id) = (
                confirm.clone(),
                busy.clone(),
                error.clone(),
                status.clone(),
                current.clone(),
                grants.clone(),
                on_secret.clone(),
                id.clone(),
            );
            spawn_local(async move {
                let outcome = match what {
                    Confirm::Disable => api::oauth::disable(&id).await.map(|fresh| {
                        current.set(fresh);
                        grants.set(None);
                        status.set(Some("software-disabled-done"));
                    }),
                    Confirm::Secret => api::oauth::rotate_secret(&id).await.map(|shown| {
                        current.set(shown.client.clone());
                        on_secret.emit(shown);
                        status.set(Some("software-secret-done"));
                        crate::browser::focus_element("software-secret");
                    }),
                };
                if let Err(failure) = outcome {
                    error.set(Some(failure));
                }
                confirm.set(None);
                busy.set(false);
            });
        })
    };
    let ask = |what: Confirm| {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| confirm.set(Some(what)))
    };
    let on_grants = {
        let (grants, id) = (grants.clone(), client_id.clone());
        Callback::from(move |_: MouseEvent| {
            grants.set(Some(Remote::Loading));
            let (grants, id) = (grants.clone(), id.clone());
            spawn_local(async move { grants.set(Some(api::oauth::grants(&id).await.into())) });
        })
    };
    let on_revoke = {
        let (grants, error, id) = (grants.clone(), error.clone(), client_id.clone());
        Callback::from(move |grant_id: Uuid| {
            let (grants, error, id) = (grants.clone(), error.clone(), id.clone());
            spawn_local(async move {
                match api::oauth::revoke_grant(grant_id).await {
                    Ok(()) => grants.set(Some(api::oauth::grants(&id).await.into())),
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };

    let c = &*current;
    let disabled = c.disabled_at.is_some();
    let connections = match &*grants {
        None => html! {
            <button type="button" class="show-grants button-secondary" onclick={on_grants}>
                { i18n.t_args("software-show-grants", [("count", Arg::from(c.active_grants))]) }
            </button>
        },
        Some(Remote::Loading) => {
            html! { <p class="status" role="status">{ i18n.t("loading") }</p> }
        }
        Some(Remote::Failed(failure)) => {
            html! { <ErrorMessage text={AttrValue::from(messages::api_failure(&i18n, failure))} /> }
        }
        Some(Remote::Ready(rows)) if rows.is_empty() => {
            html! { <p class="muted grants">{ i18n.t("software-grants-none") }</p> }
        }
        Some(Remote::Ready(rows)) => html! {
            <ul class="grants">
                { for rows.iter().map(|g| {
                    let grant_id = g.grant_id;
                    let last = g.last_used_at.map_or_else(|| i18n.t("oauth-never-used"), |at| messages::date_time(&i18n, at));
                    html! {
                        <li data-grant-id={grant_id.to_string()}>
                            { format!("{} · ", g.professional_name.clone().unwrap_or_default()) }
                            { i18n.t_args("software-grant-facts", [
                                ("since", Arg::from(messages::date_time(&i18n, g.connected_at))),
                                ("last", Arg::from(last)),
                            ]) }
                            { " " }
                            <button type="button" class="revoke-grant button-secondary"
                                onclick={on_revoke.reform(move |_: MouseEvent| grant_id)}>
                                { i18n.t("software-revoke-grant") }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        },
    };
    let confirming = (*confirm).map(|what| {
        let key = match what {
            Confirm::Disable => "software-disable-confirm",
            Confirm::Secret => "software-secret-confirm",
        };
        html! {
            <div class="confirm" role="group">
                <p>{ i18n.t_args(key, [("name", Arg::from(c.name.clone()))]) }</p>
                <button type="button" class="confirm-yes button-danger" onclick={on_confirmed.clone()} disabled={*busy}>
                    { i18n.t("software-confirm-yes") }
                </button>
                <button type="button" class="button-secondary" onclick={{ let confirm = confirm.clone(); Callback::from(move |_: MouseEvent| confirm.set(None)) }}>
                    { i18n.t("oauth-cancel") }
                </button>
            </div>
        }
    });
    html! {
        <li class={classes!("row", disabled.then_some("disabled"))} data-client-id={c.client_id.clone()}>
            <div class="row-main">
                <h4>{ c.name.clone() }</h4>
                <dl class="facts">
                    <div><dt>{ i18n.t("software-organisation") }</dt><dd>{ c.organisation_name.clone() }</dd></div>
                    <div><dt>{ i18n.t("software-client-id") }</dt><dd><code>{ c.client_id.clone() }</code></dd></div>
                    <div><dt>{ i18n.t("software-redirects") }</dt><dd>{ c.redirect_uris.join(" · ") }</dd></div>
                    <div><dt>{ i18n.t("software-scopes") }</dt><dd>{ c.allowed_scopes.join(" ") }</dd></div>
                    <div><dt>{ i18n.t("software-state") }</dt><dd class="client-state">{
                        match c.disabled_at {
                            Some(at) => i18n.t_args("software-disabled-since", [("date", Arg::from(messages::date_time(&i18n, at)))]),
                            None => i18n.t_args("software-active", [("count", Arg::from(c.active_grants))]),
                        }
                    }</dd></div>
                </dl>
                <h5>{ i18n.t("software-grants-heading") }</h5>
                { connections }
            </div>
            if !disabled {
                <details class="software-edit">
                    <summary>{ i18n.t("software-edit") }</summary>
                    <form class="form" onsubmit={on_save} novalidate=true>
                        <SoftwareFields stem={stem.clone()} typed={(*typed).clone()} {on_change} problems={(*problems).clone()} />
                        <button type="submit" class="save-software button-secondary" disabled={*busy}>
                            { i18n.t("software-save") }
                        </button>
                    </form>
                </details>
                <div class="actions">
                    if c.confidential {
                        <button type="button" class="rotate-secret button-secondary" onclick={ask(Confirm::Secret)}>
                            { i18n.t("software-new-secret") }
                        </button>
                    }
                    <button type="button" class="disable-software button-secondary" onclick={ask(Confirm::Disable)}>
                        { i18n.t("software-disable") }
                    </button>
                </div>
            }
            { confirming.unwrap_or_default() }
            <StatusMessage text={status.map(|key| AttrValue::from(i18n.t(key)))} />
            <ErrorMessage text={(*error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_uris_are_https_or_the_professional_s_own_computer() {
        for ok in [
            "https://his.example.lu/callback",
            "http://127.0.0.1:8765/callback",
            "http://localhost/cb",
            "http://localhost:3000",
        ] {
            assert!(redirect_uri_ok(ok), "{ok}");
        }
        for wrong in [
            "http://his.example.lu/callback",
            "https://his.example.lu/cb#frag",
            "ftp://x",
            "https://",
            "http://localhost.evil.example/cb",
            "http://127.0.0.1.evil.example/cb",
            "https://a b",
            "callback",
        ] {
            assert!(!redirect_uri_ok(wrong), "{wrong}");
        }
    }

    #[test]
    fn scopes_follow_smart_v2() {
        for ok in ["user/DocumentReference.crs", "user/*.rs", "user/Binary.r"] {
            assert!(scope_ok(ok), "{ok}");
        }
        for wrong in [
            "patient/Observation.r",
            "user/DocumentReference.sr",
            "user/.r",
            "user/Binary.",
            "user/Binary.rr",
            "openid",
        ] {
            assert!(!scope_ok(wrong), "{wrong}");
        }
    }

    #[test]
    fn each_wrong_field_says_what_is_wrong() {
        let typed = Typed {
            organisation: String::new(),
            name: "  ".into(),
            redirect_uris: "http://his.example/cb".into(),
            scopes: "user/DocumentReference.rs openid".into(),
            confidential: false,
        };
        let problems = check(&typed, true).err().unwrap_or_default();
        assert_eq!(
            problems,
            vec![
                problem(SoftwareField::Organisation, "field-required"),
                problem(SoftwareField::Name, "field-required"),
                problem(SoftwareField::RedirectUris, "software-redirect-invalid"),
                problem(SoftwareField::Scopes, "software-scope-invalid"),
            ]
        );
        // A change does not ask for the organisation (a client stays with its organisation).
        assert!(
            check(&typed, false)
                .err()
                .unwrap_or_default()
                .iter()
                .all(|(f, _)| *f != SoftwareField::Organisation)
        );
    }

    #[test]
    fn a_right_form_becomes_the_request() {
        let organisation = Uuid::from_u128(7);
        let typed = Typed {
            organisation: organisation.to_string(),
            name: " Praxis Plus ".into(),
            redirect_uris: "http://127.0.0.1:8765/callback\n\nhttps://praxis.example/cb ".into(),
            scopes: DEFAULT_SCOPES.into(),
            confidential: true,
        };
        let form = check(&typed, true).ok();
        assert_eq!(
            form,
            Some(SoftwareClientForm {
                organisation_id: OrganisationId::from(organisation),
                name: "Praxis Plus".into(),
                redirect_uris: vec![
                    "http://127.0.0.1:8765/callback".into(),
                    "https://praxis.example/cb".into()
                ],
                allowed_scopes: DEFAULT_SCOPES.lines().map(str::to_owned).collect(),
                confidential: true,
            })
        );
    }
}
