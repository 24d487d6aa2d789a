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
use web_sys::{HtmlInputElement, SubmitEvent};
use yew::prelude::*;

use crate::api::{self, ApiFailure, Remote};
use crate::components::field::{Choice, SelectField, TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};

/// The scopes a new client is offered: file, find and read documents, and their submission sets.
const DEFAULT_SCOPES: &str = "user/DocumentReference.crs user/Binary.r user/List.s";

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
    /// Redirect URIs, separated by spaces.
    pub redirect_uris: String,
    /// Scopes, separated by spaces.
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

/// What the agent does on the panel.
#[derive(Debug, Clone, PartialEq)]
enum Act {
    /// A field changed.
    Typed(Typed),
    /// Register, or save the client being edited.
    Submit,
    /// Load a client into the form.
    Edit(SoftwareClient),
    /// Back to a new registration.
    StopEditing,
    /// Ask to confirm disabling (`true`) or a new secret (`false`) of the client `(id, name)`.
    Ask(bool, String, String),
    /// Confirmed.
    Confirmed,
    /// Not confirmed.
    Cancel,
    /// Show a client's connections.
    Grants(String),
    /// End one connection.
    Revoke(Uuid),
}

/// The state of the panel besides the list.
#[derive(Debug, Clone, PartialEq, Default)]
struct Panel {
    typed: Typed,
    /// The client being edited (else the form registers a new one).
    editing: Option<String>,
    problems: Vec<Problem>,
    error: Option<ApiFailure>,
    busy: bool,
    /// A secret to show this once.
    shown: Option<RegisteredSoftwareClient>,
    status: Option<&'static str>,
    /// (disable rather than new secret, client id, name).
    asking: Option<(bool, String, String)>,
    /// One client's connections.
    grants: Option<(String, Remote<Vec<ConnectedSoftware>>)>,
}

fn fresh_form() -> Typed {
    Typed { scopes: DEFAULT_SCOPES.to_owned(), ..Typed::default() }
}

/// The practice-software section of the console.
#[component]
pub fn SoftwarePanel() -> Html {
    let i18n = use_i18n();
    let list = use_state(|| Remote::<Vec<SoftwareClient>>::Loading);
    let organisations = use_state(Vec::<OrganisationSummary>::new);
    let refresh = use_state(|| 0_u32);
    // The panel's state lives in one cell that requests finishing later update in place (a
    // state handle captured before an await would put back what was typed meanwhile).
    let panel = use_mut_ref(|| Panel { typed: fresh_form(), ..Panel::default() });
    let redraw = use_force_update();
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
    let act = {
        let (panel, refresh, redraw) = (panel.clone(), refresh.clone(), redraw.clone());
        Callback::from(move |act: Act| {
            // Runs `change` on the panel after a request, then shows it.
            let later = {
                let (panel, redraw) = (panel.clone(), redraw.clone());
                move |change: Box<dyn FnOnce(&mut Panel)>| {
                    let mut now = panel.borrow_mut();
                    now.busy = false;
                    change(&mut now);
                    drop(now);
                    redraw.force_update();
                }
            };
            let mut next = panel.borrow_mut();
            next.error = None;
            next.status = None;
            match act {
                Act::Typed(typed) => {
                    next.typed = typed;
                    next.problems.clear();
                }
                Act::Edit(c) => {
                    next.typed = Typed {
                        organisation: c.organisation_id.to_string(),
                        name: c.name,
                        redirect_uris: c.redirect_uris.join(" "),
                        scopes: c.allowed_scopes.join(" "),
                        confidential: c.confidential,
                    };
                    next.editing = Some(c.client_id);
                    next.problems.clear();
                    crate::browser::focus_element("software-form-name");
                }
                Act::StopEditing => {
                    next.typed = fresh_form();
                    next.editing = None;
                    next.problems.clear();
                }
                Act::Ask(disable, id, name) => next.asking = Some((disable, id, name)),
                Act::Cancel => next.asking = None,
                Act::Grants(id) => {
                    next.grants = Some((id.clone(), Remote::Loading));
                    spawn_local(async move {
                        let found = api::oauth::grants(&id).await.into();
                        later(Box::new(move |now| now.grants = Some((id, found))));
                    });
                }
                Act::Submit | Act::Confirmed | Act::Revoke(_) if next.busy => return,
                Act::Submit => match check(&next.typed, next.editing.is_none()) {
                    Err(found) => next.problems = found,
                    Ok(form) => {
                        next.busy = true;
                        next.shown = None;
                        let (refresh, editing) = (refresh.clone(), next.editing.clone());
                        spawn_local(async move {
                            let outcome = match &editing {
                                None => api::oauth::register(&form).await.map(Some),
                                Some(id) => api::oauth::update(id, &form).await.map(|_| None),
                            };
                            if outcome.is_ok() {
                                refresh.set(*refresh + 1);
                            }
                            later(Box::new(move |now| match outcome {
                                Ok(shown) => {
                                    now.status = shown.is_none().then_some("software-saved");
                                    now.shown = shown;
                                    now.typed = fresh_form();
                                    now.editing = None;
                                }
                                Err(failure) => match server_problem(&failure, editing.is_none()) {
                                    Some(problem) => now.problems = vec![problem],
                                    None => now.error = Some(failure),
                                },
                            }));
                        });
                    }
                },
                Act::Confirmed => {
                    let Some((disable, id, _)) = next.asking.take() else { return };
                    next.busy = true;
                    let refresh = refresh.clone();
                    spawn_local(async move {
                        let outcome = if disable {
                            api::oauth::disable(&id).await.map(|_| None)
                        } else {
                            api::oauth::rotate_secret(&id).await.map(Some)
                        };
                        if outcome.is_ok() {
                            refresh.set(*refresh + 1);
                        }
                        later(Box::new(move |now| match outcome {
                            Ok(shown) => {
                                now.status = Some(if shown.is_some() {
                                    "software-secret-done"
                                } else {
                                    "software-disabled-done"
                                });
                                if shown.is_some() {
                                    now.shown = shown;
                                }
                                now.grants = None;
                            }
                            Err(failure) => now.error = Some(failure),
                        }));
                    });
                }
                Act::Revoke(grant_id) => {
                    let Some((id, _)) = next.grants.clone() else { return };
                    next.busy = true;
                    let refresh = refresh.clone();
                    spawn_local(async move {
                        let outcome = api::oauth::revoke_grant(grant_id).await;
                        let found = api::oauth::grants(&id).await.into();
                        refresh.set(*refresh + 1);
                        later(Box::new(move |now| {
                            now.grants = Some((id, found));
                            now.error = outcome.err();
                        }));
                    });
                }
            }
            drop(next);
            redraw.force_update();
        })
    };

    let current = panel.borrow().clone();
    let p = &current;
    let message = |field| problem_of(&p.problems, field, &i18n);
    let set = |apply: fn(&mut Typed, String)| {
        let (typed, act) = (p.typed.clone(), act.clone());
        Callback::from(move |value: String| {
            let mut next = typed.clone();
            apply(&mut next, value);
            act.emit(Act::Typed(next));
        })
    };
    let on_confidential = {
        let (typed, act) = (p.typed.clone(), act.clone());
        Callback::from(move |e: Event| {
            let mut next = typed.clone();
            next.confidential = e.target_unchecked_into::<HtmlInputElement>().checked();
            act.emit(Act::Typed(next));
        })
    };
    let on_submit = act.reform(|e: SubmitEvent| {
        e.prevent_default();
        Act::Submit
    });
    let rows = match &*list {
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(rows) if rows.is_empty() => {
            html! { <p class="muted">{ i18n.t("software-none") }</p> }
        }
        Remote::Ready(rows) => html! {
            <ul class="rows software-clients">
                { for rows.iter().map(|c| client_row(&i18n, c, p, &act)) }
            </ul>
        },
    };
    let heading = if p.editing.is_some() { "software-edit" } else { "software-register-heading" };
    html! {
        <section class="panel" aria-labelledby="software-heading">
            <h2 id="software-heading" tabindex="-1">{ i18n.t("software-heading") }</h2>
            <p class="lead">{ i18n.t("software-intro") }</p>
            if let Some(shown) = &p.shown { { secret_notice(&i18n, shown) } }
            <StatusMessage id="software-status" text={p.status.map(|key| AttrValue::from(i18n.t(key)))} />
            { rows }
            <form class="form create" onsubmit={on_submit} novalidate=true aria-labelledby="software-form-heading">
                <h3 id="software-form-heading">{ i18n.t(heading) }</h3>
                if p.editing.is_none() {
                    <SelectField id="software-form-organisation" label={i18n.t("software-organisation")}
                        value={p.typed.organisation.clone()} placeholder={i18n.t("field-choose")}
                        choices={organisations.iter().map(|o| Choice { value: o.id.to_string(), label: o.name.clone() }).collect::<Vec<_>>()}
                        on_change={set(|t, v| t.organisation = v)} message={message(SoftwareField::Organisation)} required=true />
                }
                <TextField id="software-form-name" label={i18n.t("software-name")} hint={i18n.t("software-name-hint")}
                    value={p.typed.name.clone()} on_input={set(|t, v| t.name = v)} maxlength="200" autocomplete="off"
                    message={message(SoftwareField::Name)} tone={Tone::Error} required=true />
                <TextField id="software-form-redirects" label={i18n.t("software-redirects")} hint={i18n.t("software-redirects-hint")}
                    value={p.typed.redirect_uris.clone()} on_input={set(|t, v| t.redirect_uris = v)} autocomplete="off"
                    message={message(SoftwareField::RedirectUris)} tone={Tone::Error} code_like=true required=true />
                <TextField id="software-form-scopes" label={i18n.t("software-scopes")} hint={i18n.t("software-scopes-hint")}
                    value={p.typed.scopes.clone()} on_input={set(|t, v| t.scopes = v)} autocomplete="off"
                    message={message(SoftwareField::Scopes)} tone={Tone::Error} code_like=true required=true />
                <p class="field">
                    <label>
                        <input type="checkbox" id="software-form-confidential" checked={p.typed.confidential}
                            onchange={on_confidential} />
                        { " " }{ i18n.t("software-confidential") }
                    </label>
                </p>
                <div class="actions">
                    <button id="software-form-button" type="submit" class="button-primary" disabled={p.busy}>
                        { i18n.t(if p.editing.is_some() { "software-save" } else { "software-register-button" }) }
                    </button>
                    if p.editing.is_some() {
                        <button type="button" class="button-secondary" onclick={act.reform(|_: MouseEvent| Act::StopEditing)}>
                            { i18n.t("oauth-cancel") }
                        </button>
                    }
                </div>
            </form>
            <ErrorMessage id="software-error" text={p.error.as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
        </section>
    }
}

/// One client: its facts, its buttons, the confirmation asked on it, its connections when shown.
fn client_row(i18n: &Translator, c: &SoftwareClient, p: &Panel, act: &Callback<Act>) -> Html {
    let id = c.client_id.clone();
    let on = |make: Act| act.reform(move |_: MouseEvent| make.clone());
    let asking = p.asking.as_ref().filter(|(_, asked, _)| *asked == id).map(|(disable, ..)| {
        let key = if *disable { "software-disable-confirm" } else { "software-secret-confirm" };
        html! {
            <div class="confirm" role="group">
                <p>{ i18n.t_args(key, [("name", Arg::from(c.name.as_str()))]) }</p>
                <button type="button" class="confirm-yes button-danger" onclick={on(Act::Confirmed)} disabled={p.busy}>
                    { i18n.t("software-confirm-yes") }
                </button>
                <button type="button" class="button-secondary" onclick={on(Act::Cancel)}>{ i18n.t("oauth-cancel") }</button>
            </div>
        }
    });
    let grants = match p.grants.as_ref().filter(|(shown, _)| *shown == id).map(|(_, g)| g) {
        None => html! {
            <button type="button" class="show-grants button-secondary" onclick={on(Act::Grants(id.clone()))}>
                { i18n.t_args("software-show-grants", [("count", Arg::from(c.active_grants))]) }
            </button>
        },
        Some(Remote::Loading) => crate::components::message::loading(i18n),
        Some(Remote::Failed(failure)) => crate::components::message::failed(i18n, failure),
        Some(Remote::Ready(rows)) if rows.is_empty() => {
            html! { <p class="muted grants">{ i18n.t("software-grants-none") }</p> }
        }
        Some(Remote::Ready(rows)) => html! {
            <ul class="grants">
                { for rows.iter().map(|g| {
                    let last = g.last_used_at.map_or_else(|| i18n.t("oauth-never-used"), |at| messages::date_time(i18n, at));
                    html! {
                        <li data-grant-id={g.grant_id.to_string()}>
                            { g.professional_name.clone().unwrap_or_default() }{ " · " }
                            { i18n.t_args("software-grant-facts", [
                                ("since", Arg::from(messages::date_time(i18n, g.connected_at))),
                                ("last", Arg::from(last)),
                            ]) }{ " " }
                            <button type="button" class="revoke-grant button-secondary" onclick={on(Act::Revoke(g.grant_id))}>
                                { i18n.t("software-revoke-grant") }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        },
    };
    let state = match c.disabled_at {
        Some(at) => i18n.t_args(
            "software-disabled-since",
            [("date", Arg::from(messages::date_time(i18n, at)))],
        ),
        None => i18n.t_args("software-active", [("count", Arg::from(c.active_grants))]),
    };
    html! {
        <li class="row" key={id.clone()} data-client-id={id.clone()}>
            <div class="row-main">
                <h4>{ c.name.clone() }</h4>
                <dl class="facts">
                    <div><dt>{ i18n.t("software-organisation") }</dt><dd>{ c.organisation_name.clone() }</dd></div>
                    <div><dt>{ i18n.t("software-client-id") }</dt><dd><code>{ id.clone() }</code></dd></div>
                    <div><dt>{ i18n.t("software-redirects") }</dt><dd>{ c.redirect_uris.join(" ") }</dd></div>
                    <div><dt>{ i18n.t("software-scopes") }</dt><dd>{ c.allowed_scopes.join(" ") }</dd></div>
                    <div><dt>{ i18n.t("software-state") }</dt><dd class="client-state">{ state }</dd></div>
                </dl>
                <h5>{ i18n.t("software-grants-heading") }</h5>
                { grants }
            </div>
            if c.disabled_at.is_none() {
                <div class="actions">
                    <button type="button" class="edit-software button-secondary" onclick={on(Act::Edit(c.clone()))}>
                        { i18n.t("software-edit") }
                    </button>
                    if c.confidential {
                        <button type="button" class="rotate-secret button-secondary" onclick={on(Act::Ask(false, id.clone(), c.name.clone()))}>
                            { i18n.t("software-new-secret") }
                        </button>
                    }
                    <button type="button" class="disable-software button-secondary" onclick={on(Act::Ask(true, id.clone(), c.name.clone()))}>
                        { i18n.t("software-disable") }
                    </button>
                </div>
            }
            { asking.unwrap_or_default() }
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
                allowed_scopes: DEFAULT_SCOPES.split(' ').map(str::to_owned).collect(),
                confidential: true,
            })
        );
    }
}
