//! `/patient/access` (signed-in patients): who can see my record. A connection code to hand to
//! a doctor (shown large, with a live countdown to its expiry), the médecin référent, the
//! therapeutic links (live first, each can be ended at once), access granted until a date,
//! blocked professionals, and the emergency-access switch.
//!
//! The page fetches the overview once and again after every change, so what it shows is always
//! what the server decided. Wording (context sentences, the countdown) is plain Rust, tested
//! natively.

use std::future::Future;
use std::pin::Pin;

use chrono::{DateTime, NaiveDate, Utc};
use shared::Profession;
use shared::api::auth::Role;
use shared::api::care::{
    CareOverview, ConnectionCode, LinkContext, LinkSummary, ProfessionalBrief,
};
use shared::ids::ProfessionalId;
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, SubmitEvent};
use yew::prelude::*;

use super::{loading, use_page};
use crate::api::{self, ApiFailure, Remote};
use crate::app::Route;
use crate::browser;
use crate::components::date_field::DateField;
use crate::components::field::{TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::components::route_link::RouteLink;
use crate::forms::parse_iso_date;
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};
use crate::session::use_session;

/// The shortest directory search the server answers.
pub const MIN_SEARCH: usize = 2;

/// Whole seconds from `now` until `expires_at` (never negative).
#[must_use]
pub fn seconds_left(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (expires_at - now).num_seconds().max(0)
}

/// A countdown as minutes and seconds, `9:05`.
#[must_use]
pub fn countdown(seconds: i64) -> String {
    let seconds = seconds.max(0);
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The message key of the plain-words sentence for a link's care context.
#[must_use]
pub const fn context_key(context: LinkContext) -> &'static str {
    match context {
        LinkContext::Consultation => "care-context-consultation",
        LinkContext::InstitutionStay => "care-context-institution-stay",
        LinkContext::EmergencyDepartment => "care-context-emergency-department",
        LinkContext::PatientGrant => "care-context-patient-grant",
    }
}

/// What is wrong with the "access until" date, as a message key; the date when it is right.
///
/// # Errors
/// `field-required`, `field-invalid-date`, or `care-grant-until-past` before `today`.
pub fn grant_until(value: &str, today: NaiveDate) -> Result<NaiveDate, &'static str> {
    if value.trim().is_empty() {
        return Err("field-required");
    }
    let date = parse_iso_date(value).ok_or("field-invalid-date")?;
    if date < today { Err("care-grant-until-past") } else { Ok(date) }
}

/// "Given Family".
fn full_name(professional: &ProfessionalBrief) -> String {
    format!("{} {}", professional.given_name, professional.family_name)
}

/// "Physician · Organisation".
fn standing(tr: &Translator, professional: &ProfessionalBrief) -> String {
    let profession = messages::profession_name(tr, professional.profession);
    match &professional.organisation {
        Some(organisation) => format!("{profession} · {organisation}"),
        None => profession,
    }
}

/// See the module documentation.
#[component]
pub fn AccessPage() -> Html {
    let i18n = use_i18n();
    use_page("care-title");
    let session = use_session();
    if session.is_checking() {
        return html! { <article class="page">{ loading(i18n.t("session-checking")) }</article> };
    }
    if session.as_role(Role::Patient).is_none() {
        return html! {
            <article class="page narrow">
                <h1 id="page-heading" tabindex="-1">{ i18n.t("care-heading") }</h1>
                <p class="notice">
                    { i18n.t("care-signed-out") }{ " " }
                    <RouteLink to={Route::SignIn}>{ i18n.t("area-sign-in-link") }</RouteLink>
                </p>
            </article>
        };
    }
    html! {
        <article class="page">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("care-heading") }</h1>
            <p class="lead">{ i18n.t("care-intro") }</p>
            <p><RouteLink to={Route::Patient}>{ i18n.t("history-back") }</RouteLink></p>
            <ConnectionCodePanel />
            <super::practice::PracticeCodePanel />
            <CareControls />
        </article>
    }
}

// ---------------------------------------------------------------------------------------------
// The connection code

#[component]
fn ConnectionCodePanel() -> Html {
    let i18n = use_i18n();
    let code = use_state(|| None::<ConnectionCode>);
    let now = use_state(Utc::now);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiFailure>);
    let copied = use_state(|| None::<bool>);

    // The countdown ticks while a code is shown.
    {
        let now = now.clone();
        let expired = code.as_ref().is_none_or(|c| seconds_left(c.expires_at, *now) == 0);
        use_effect_with((code.as_ref().map(|c| c.code.clone()), expired), move |(_, expired)| {
            let interval = (!*expired)
                .then(|| browser::Interval::every(1000, move || now.set(Utc::now())))
                .flatten();
            move || drop(interval)
        });
    }
    use_effect_with(code.as_ref().map(|c| c.code.clone()), |shown| {
        if shown.is_some() {
            browser::focus_element("connection-code-heading");
        }
    });

    let on_new = {
        let code = code.clone();
        let now = now.clone();
        let busy = busy.clone();
        let error = error.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            error.set(None);
            copied.set(None);
            let code = code.clone();
            let now = now.clone();
            let busy = busy.clone();
            let error = error.clone();
            spawn_local(async move {
                match api::care::connection_code().await {
                    Ok(fresh) => {
                        now.set(Utc::now());
                        code.set(Some(fresh));
                    }
                    Err(failure) => error.set(Some(failure)),
                }
                busy.set(false);
            });
        })
    };

    let left = code.as_ref().map_or(0, |shown| seconds_left(shown.expires_at, *now));
    // One polite region for the copy and the expiry, present before either is said.
    let said = if code.is_some() && left == 0 {
        Some(AttrValue::from(i18n.t("care-code-expired")))
    } else {
        match *copied {
            Some(true) => Some(AttrValue::from(i18n.t("care-code-copied"))),
            Some(false) => Some(AttrValue::from(i18n.t("agency-copy-failed"))),
            None => None,
        }
    };
    let shown = code.as_ref().filter(|_| left > 0).map(|shown| {
        let on_copy = {
            let copied = copied.clone();
            let text = shown.code.clone();
            Callback::from(move |_: MouseEvent| {
                let copied = copied.clone();
                let text = text.clone();
                spawn_local(async move { copied.set(Some(browser::copy_text(&text).await)) });
            })
        };
        html! {
            <section class="issued" aria-labelledby="connection-code-heading">
                <h3 id="connection-code-heading" tabindex="-1">{ i18n.t("care-code-shown-heading") }</h3>
                    <p class="issued-facts">
                        <code id="connection-code" class="code" aria-describedby="connection-code-expiry">
                            { shown.code.clone() }
                        </code>
                        { " " }
                        <button type="button" class="button-secondary" onclick={on_copy}>
                            { i18n.t("care-code-copy") }
                        </button>
                    </p>
                    <p id="connection-code-expiry">
                        <span role="timer" aria-live="off" class="countdown">
                            { i18n.t_args("care-code-countdown", [("time", Arg::from(countdown(left)))]) }
                        </span>
                        { " " }
                        { i18n.t_args("care-code-expires-at", [("time", Arg::from(messages::date_time(&i18n, shown.expires_at)))]) }
                    </p>
                    <p>{ i18n.t("care-code-tell") }</p>
            </section>
        }
    });

    html! {
        <section class="panel" aria-labelledby="connection-code-section">
            <h2 id="connection-code-section">{ i18n.t("care-code-heading") }</h2>
            <p id="connection-code-explain">{ i18n.t("care-code-explain") }</p>
            <p class="actions">
                <button id="connection-code-button" type="button" class="button-primary"
                    onclick={on_new} disabled={*busy} aria-describedby="connection-code-explain">
                    { if code.is_some() { i18n.t("care-code-again") } else { i18n.t("care-code-button") } }
                </button>
            </p>
            { shown.unwrap_or_default() }
            <StatusMessage id="connection-code-status" text={said} />
            <ErrorMessage text={(*error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
        </section>
    }
}

// ---------------------------------------------------------------------------------------------
// The référent, links, blocks and emergency access

/// Where the last change was made (its outcome is said there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Referent,
    Find,
    Links,
    Blocked,
    Emergency,
}

impl Section {
    const fn id(self) -> &'static str {
        match self {
            Self::Referent => "referent",
            Self::Find => "find",
            Self::Links => "links",
            Self::Blocked => "blocked",
            Self::Emergency => "emergency",
        }
    }
}

/// A change that worked.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Done {
    Designated(String),
    ReferentRemoved,
    Granted(String, NaiveDate),
    Ended,
    Blocked(String),
    Unblocked(String),
    Emergency(bool),
}

fn done_text(tr: &Translator, done: &Done) -> String {
    let name = |name: &String| ("name", Arg::from(name.clone()));
    match done {
        Done::Designated(who) => tr.t_args("care-done-designated", [name(who)]),
        Done::ReferentRemoved => tr.t("care-done-referent-removed"),
        Done::Granted(who, until) => {
            tr.t_args("care-done-granted", [name(who), ("date", Arg::from(tr.date(*until)))])
        }
        Done::Ended => tr.t("care-done-ended"),
        Done::Blocked(who) => tr.t_args("care-done-blocked", [name(who)]),
        Done::Unblocked(who) => tr.t_args("care-done-unblocked", [name(who)]),
        Done::Emergency(true) => tr.t("care-done-emergency-on"),
        Done::Emergency(false) => tr.t("care-done-emergency-off"),
    }
}

/// The outcome of the last change, and where it was made.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    Done(Section, Done),
    Failed(Section, ApiFailure),
}

/// Runs one change, then fetches the overview again.
#[derive(Clone)]
struct Runner {
    overview: UseStateHandle<Remote<CareOverview>>,
    outcome: UseStateHandle<Option<Outcome>>,
    busy: UseStateHandle<bool>,
    /// Failed changes so far: the switch is re-created after one, so that it shows the saved
    /// setting again rather than the click that did not count.
    failures: UseStateHandle<u32>,
}

impl Runner {
    /// `work` is boxed, so that the task below exists once in the wasm, not once per change.
    fn run(
        &self,
        section: Section,
        work: Pin<Box<dyn Future<Output = Result<(), ApiFailure>>>>,
        done: Done,
        then_focus: Option<&'static str>,
    ) {
        if *self.busy {
            return;
        }
        self.busy.set(true);
        self.outcome.set(None);
        let this = self.clone();
        spawn_local(async move {
            match work.await {
                Ok(()) => {
                    if let Ok(fresh) = api::care::overview().await {
                        this.overview.set(Remote::Ready(fresh));
                    }
                    this.outcome.set(Some(Outcome::Done(section, done)));
                    if let Some(id) = then_focus {
                        browser::focus_element(id);
                    }
                }
                Err(failure) => {
                    this.failures.set(*this.failures + 1);
                    this.outcome.set(Some(Outcome::Failed(section, failure)));
                }
            }
            this.busy.set(false);
        });
    }
}

#[component]
fn CareControls() -> Html {
    let i18n = use_i18n();
    let overview = use_state(|| Remote::<CareOverview>::Loading);
    let outcome = use_state(|| None::<Outcome>);
    let busy = use_state(|| false);
    let search = use_state(String::new);
    let search_problem = use_state(|| false);
    let results = use_state(|| None::<Remote<Vec<ProfessionalBrief>>>);
    let until = use_state(String::new);
    let until_problem = use_state(|| None::<&'static str>);
    let confirming = use_state(|| None::<Uuid>);
    let failures = use_state(|| 0_u32);
    let runner = Runner {
        overview: overview.clone(),
        outcome: outcome.clone(),
        busy: busy.clone(),
        failures: failures.clone(),
    };

    // The question takes focus, so that it is read out before the choice.
    use_effect_with(*confirming, |id| {
        if let Some(id) = id {
            browser::focus_element(&format!("confirm-end-{id}"));
        }
    });
    {
        let overview = overview.clone();
        use_effect_with((), move |()| {
            spawn_local(async move { overview.set(api::care::overview().await.into()) });
        });
    }

    let on_search_input = {
        let search = search.clone();
        Callback::from(move |value: String| search.set(value))
    };
    let on_search = {
        let search = search.clone();
        let search_problem = search_problem.clone();
        let results = results.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let q = search.trim().to_owned();
            if q.chars().count() < MIN_SEARCH {
                search_problem.set(true);
                browser::focus_element("directory-search");
                return;
            }
            search_problem.set(false);
            results.set(Some(Remote::Loading));
            let results = results.clone();
            spawn_local(async move {
                results.set(Some(api::care::directory(&q).await.into()));
            });
        })
    };
    let on_until = {
        let until = until.clone();
        let until_problem = until_problem.clone();
        Callback::from(move |value: String| {
            until_problem.set(None);
            until.set(value);
        })
    };

    let designate = {
        let runner = runner.clone();
        Callback::from(move |professional: ProfessionalBrief| {
            let id = professional.id;
            runner.run(
                Section::Find,
                Box::pin(async move { api::care::set_referent(Some(id)).await.map(|_| ()) }),
                Done::Designated(full_name(&professional)),
                None,
            );
        })
    };
    let remove_referent = {
        let runner = runner.clone();
        Callback::from(move |_: MouseEvent| {
            runner.run(
                Section::Referent,
                Box::pin(async move { api::care::set_referent(None).await.map(|_| ()) }),
                Done::ReferentRemoved,
                Some("referent-heading"),
            );
        })
    };
    let grant = {
        let runner = runner.clone();
        let until = until.clone();
        let until_problem = until_problem.clone();
        Callback::from(move |professional: ProfessionalBrief| {
            let date = match grant_until(&until, browser::today()) {
                Ok(date) => date,
                Err(key) => {
                    until_problem.set(Some(key));
                    browser::focus_element("grant-until");
                    return;
                }
            };
            let id = professional.id;
            runner.run(
                Section::Find,
                Box::pin(async move { api::care::grant_link(id, date).await.map(|_| ()) }),
                Done::Granted(full_name(&professional), date),
                None,
            );
        })
    };
    let block = {
        let runner = runner.clone();
        Callback::from(move |professional: ProfessionalBrief| {
            let id = professional.id;
            runner.run(
                Section::Find,
                Box::pin(async move { api::care::set_block(id, true).await }),
                Done::Blocked(full_name(&professional)),
                None,
            );
        })
    };
    let unblock = {
        let runner = runner.clone();
        Callback::from(move |professional: ProfessionalBrief| {
            let id: ProfessionalId = professional.id;
            runner.run(
                Section::Blocked,
                Box::pin(async move { api::care::set_block(id, false).await }),
                Done::Unblocked(full_name(&professional)),
                Some("blocked-heading"),
            );
        })
    };
    let ask_end = {
        let confirming = confirming.clone();
        Callback::from(move |id: Option<Uuid>| {
            confirming.set(id);
        })
    };
    let end = {
        let runner = runner.clone();
        let confirming = confirming.clone();
        Callback::from(move |id: Uuid| {
            confirming.set(None);
            runner.run(
                Section::Links,
                Box::pin(async move { api::care::end_link(id).await }),
                Done::Ended,
                Some("links-heading"),
            );
        })
    };
    let on_emergency = {
        let runner = runner.clone();
        Callback::from(move |event: Event| {
            let enabled = event.target_unchecked_into::<HtmlInputElement>().checked();
            runner.run(
                Section::Emergency,
                Box::pin(async move { api::care::set_emergency_access(enabled).await }),
                Done::Emergency(enabled),
                None,
            );
        })
    };

    let feedback = |section: Section| {
        let (status, error) = match &*outcome {
            Some(Outcome::Done(at, done)) if *at == section => {
                (Some(AttrValue::from(done_text(&i18n, done))), None)
            }
            Some(Outcome::Failed(at, failure)) if *at == section => {
                (None, Some(AttrValue::from(messages::api_failure(&i18n, failure))))
            }
            _ => (None, None),
        };
        html! {
            <>
                <StatusMessage id={format!("{}-status", section.id())} text={status} />
                <ErrorMessage id={format!("{}-error", section.id())} text={error} />
            </>
        }
    };

    let care = match &*overview {
        Remote::Loading => return loading(i18n.t("loading")),
        Remote::Failed(failure) => {
            return html! { <ErrorMessage text={AttrValue::from(messages::api_failure(&i18n, failure))} /> };
        }
        Remote::Ready(care) => care,
    };

    // The médecin référent.
    let referent = html! {
        <section class="panel" aria-labelledby="referent-heading">
            <h2 id="referent-heading" tabindex="-1">{ i18n.t("care-referent-heading") }</h2>
            <p id="referent-explain">{ i18n.t("care-referent-explain") }</p>
            if let Some(referent) = &care.referent {
                <div class="row" data-referent-id={referent.id.to_string()}>
                    <div class="row-main">
                        <h3>{ full_name(referent) }</h3>
                        <p class="muted">{ standing(&i18n, referent) }</p>
                        if care.blocked.iter().any(|b| b.id == referent.id) {
                            <p class="warning">{ i18n.t("care-referent-blocked") }</p>
                        }
                    </div>
                    <div class="row-actions">
                        <button type="button" class="button-secondary remove-referent"
                            onclick={remove_referent} disabled={*busy}>
                            { i18n.t("care-referent-remove") }
                        </button>
                    </div>
                </div>
            } else {
                <p class="notice">{ i18n.t("care-referent-none") }</p>
            }
            { feedback(Section::Referent) }
        </section>
    };

    // The directory: designate, grant, block.
    let blocked_ids: Vec<ProfessionalId> = care.blocked.iter().map(|p| p.id).collect();
    let result_rows = match &*results {
        None => Html::default(),
        Some(Remote::Loading) => loading(i18n.t("loading")),
        Some(Remote::Failed(failure)) => crate::components::message::failed(&i18n, failure),
        Some(Remote::Ready(found)) if found.is_empty() => {
            html! { <p class="muted" role="status">{ i18n.t("care-search-none") }</p> }
        }
        Some(Remote::Ready(found)) => html! {
            <ul class="rows" aria-label={i18n.t("care-search-results")}>
                { for found.iter().map(|p| {
                    let is_referent = care.referent.as_ref().is_some_and(|r| r.id == p.id);
                    let is_blocked = blocked_ids.contains(&p.id);
                    let designate = designate.reform({ let p = p.clone(); move |_: MouseEvent| p.clone() });
                    let grant = grant.reform({ let p = p.clone(); move |_: MouseEvent| p.clone() });
                    let block = block.reform({ let p = p.clone(); move |_: MouseEvent| p.clone() });
                    html! {
                        <li class="row" key={p.id.to_string()} data-professional-id={p.id.to_string()}>
                            <div class="row-main">
                                <h3>{ full_name(p) }</h3>
                                <p class="muted">{ standing(&i18n, p) }</p>
                                if is_referent { <p class="badge">{ i18n.t("care-is-referent") }</p> }
                                if is_blocked { <p class="badge">{ i18n.t("care-is-blocked") }</p> }
                            </div>
                            <div class="row-actions">
                                if p.profession == Profession::Physician && !is_referent {
                                    <button type="button" class="button-secondary designate-referent"
                                        onclick={designate} disabled={*busy} aria-describedby="referent-explain">
                                        { i18n.t("care-designate") }
                                    </button>
                                }
                                <button type="button" class="button-secondary grant-link"
                                    onclick={grant} disabled={*busy} aria-describedby="grant-until-hint">
                                    { i18n.t("care-grant") }
                                </button>
                                if !is_blocked {
                                    <button type="button" class="button-danger block-professional"
                                        onclick={block} disabled={*busy} aria-describedby="block-warning">
                                        { i18n.t("care-block") }
                                    </button>
                                }
                            </div>
                        </li>
                    }
                }) }
            </ul>
        },
    };
    let find = html! {
        <section class="panel" aria-labelledby="find-heading">
            <h2 id="find-heading">{ i18n.t("care-find-heading") }</h2>
            <p>{ i18n.t("care-find-intro") }</p>
            <form class="search" role="search" onsubmit={on_search}>
                <TextField
                    id="directory-search"
                    label={i18n.t("care-search-label")}
                    hint={i18n.t("care-search-hint")}
                    value={(*search).clone()}
                    on_input={on_search_input}
                    input_type="search"
                    autocomplete="off"
                    message={search_problem.then(|| AttrValue::from(i18n.t("care-search-too-short")))}
                    tone={Tone::Error}
                />
                <button type="submit" class="button-secondary">{ i18n.t("search-button") }</button>
            </form>
            <DateField
                id="grant-until"
                label={i18n.t("care-grant-until-label")}
                hint={i18n.t("care-grant-until-hint")}
                value={(*until).clone()}
                on_input={on_until}
                message={until_problem.map(|key| AttrValue::from(i18n.t(key)))}
                tone={Tone::Error}
            />
            <p id="block-warning" class="warning">{ i18n.t("care-block-warning") }</p>
            { result_rows }
            { feedback(Section::Find) }
        </section>
    };

    // The links, live first (the server's order).
    let link_rows = if care.links.is_empty() {
        html! { <p class="notice">{ i18n.t("care-links-none") }</p> }
    } else {
        html! {
            <ul class="rows" aria-labelledby="links-heading">
                { for care.links.iter().map(|link| {
                    let blocked = link.professional.as_ref().is_some_and(|p| blocked_ids.contains(&p.id));
                    link_row(&i18n, link, LinkFlags { confirming: *confirming == Some(link.id), blocked, busy: *busy }, &ask_end, &end)
                }) }
            </ul>
        }
    };
    let links = html! {
        <section class="panel" aria-labelledby="links-heading">
            <h2 id="links-heading" tabindex="-1">{ i18n.t("care-links-heading") }</h2>
            <p>{ i18n.t("care-links-explain") }</p>
            { link_rows }
            { feedback(Section::Links) }
        </section>
    };

    // Blocked professionals.
    let blocked = html! {
        <section class="panel" aria-labelledby="blocked-heading">
            <h2 id="blocked-heading" tabindex="-1">{ i18n.t("care-blocked-heading") }</h2>
            <p class="warning">{ i18n.t("care-block-warning") }</p>
            if care.blocked.is_empty() {
                <p class="notice">{ i18n.t("care-blocked-none") }</p>
            } else {
                <ul class="rows" aria-labelledby="blocked-heading">
                    { for care.blocked.iter().map(|p| {
                        let unblock = unblock.reform({ let p = p.clone(); move |_: MouseEvent| p.clone() });
                        html! {
                            <li class="row" key={p.id.to_string()} data-blocked-id={p.id.to_string()}>
                                <div class="row-main">
                                    <h3>{ full_name(p) }</h3>
                                    <p class="muted">{ standing(&i18n, p) }</p>
                                </div>
                                <div class="row-actions">
                                    <button type="button" class="button-secondary unblock"
                                        onclick={unblock} disabled={*busy}>
                                        { i18n.t("care-unblock") }
                                    </button>
                                </div>
                            </li>
                        }
                    }) }
                </ul>
            }
            { feedback(Section::Blocked) }
        </section>
    };

    // Emergency access.
    let emergency = html! {
        <section class="panel" aria-labelledby="emergency-heading">
            <h2 id="emergency-heading">{ i18n.t("care-emergency-heading") }</h2>
            <p class="switch">
                <input type="checkbox" id="emergency-access-toggle" key={failures.to_string()}
                    checked={care.emergency_access_enabled} onchange={on_emergency}
                    disabled={*busy} aria-describedby="emergency-explain" />
                { " " }
                <label for="emergency-access-toggle">{ i18n.t("care-emergency-label") }</label>
            </p>
            <p id="emergency-explain">{ i18n.t("care-emergency-explain") }</p>
            { feedback(Section::Emergency) }
        </section>
    };

    html! {
        <>
            { referent }
            { find }
            { links }
            { blocked }
            { emergency }
        </>
    }
}

/// How a link row is shown.
#[derive(Debug, Clone, Copy)]
struct LinkFlags {
    /// The "end access now?" question is open.
    confirming: bool,
    /// The professional is blocked: the link gives them nothing.
    blocked: bool,
    /// A change is under way.
    busy: bool,
}

fn link_row(
    tr: &Translator,
    link: &LinkSummary,
    flags: LinkFlags,
    ask_end: &Callback<Option<Uuid>>,
    end: &Callback<Uuid>,
) -> Html {
    let LinkFlags { confirming, blocked, busy } = flags;
    let name = link.professional.as_ref().map_or_else(|| tr.t("care-link-unknown"), full_name);
    let id = link.id;
    let state = if link.live {
        tr.t("care-link-live")
    } else if link.ended_at.is_some() {
        tr.t("care-link-ended")
    } else {
        tr.t("care-link-expired")
    };
    let until = match link.ended_at {
        Some(ended) => {
            tr.t_args("care-link-ended-at", [("date", Arg::from(messages::date_time(tr, ended)))])
        }
        None => messages::date_time(tr, link.ends_at),
    };
    html! {
        <li class={classes!("row", (!link.live).then_some("ended"))} key={id.to_string()}
            data-link-id={id.to_string()} data-live={link.live.to_string()}>
            <div class="row-main">
                <h3>{ name.clone() }</h3>
                if let Some(professional) = &link.professional {
                    <p class="muted">{ standing(tr, professional) }</p>
                }
                <p>{ tr.t(context_key(link.context)) }</p>
                if blocked && link.live {
                    <p class="warning">{ tr.t("care-link-blocked") }</p>
                }
                <dl class="facts">
                    <div><dt>{ tr.t("care-link-state") }</dt><dd class="badge">{ state }</dd></div>
                    <div><dt>{ tr.t("care-link-from") }</dt><dd>{ messages::date_time(tr, link.starts_at) }</dd></div>
                    <div><dt>{ tr.t("care-link-until") }</dt><dd>{ until }</dd></div>
                </dl>
            </div>
            if link.live {
                <div class="row-actions">
                    if confirming {
                        <div class="confirm" role="group" aria-labelledby={format!("confirm-end-{id}")}>
                            <p id={format!("confirm-end-{id}")} tabindex="-1">
                                { tr.t_args("care-end-confirm", [("name", Arg::from(name))]) }
                            </p>
                            <button type="button" class="button-danger confirm-end-link"
                                onclick={end.reform(move |_: MouseEvent| id)} disabled={busy}>
                                { tr.t("care-end-yes") }
                            </button>
                            <button type="button" class="button-secondary cancel-end-link"
                                onclick={ask_end.reform(|_: MouseEvent| None)}>
                                { tr.t("care-end-no") }
                            </button>
                        </div>
                    } else {
                        <button type="button" class="button-danger end-link"
                            onclick={ask_end.reform(move |_: MouseEvent| Some(id))} disabled={busy}>
                            { tr.t("care-end") }
                        </button>
                    }
                </div>
            }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use shared::Language;

    use super::*;

    #[test]
    fn the_countdown_reads_minutes_and_seconds() {
        assert_eq!(countdown(600), "10:00");
        assert_eq!(countdown(545), "9:05");
        assert_eq!(countdown(59), "0:59");
        assert_eq!(countdown(0), "0:00");
        assert_eq!(countdown(-3), "0:00");
    }

    #[test]
    fn seconds_left_never_go_below_zero() {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap();
        let expires = now + chrono::Duration::minutes(10);
        assert_eq!(seconds_left(expires, now), 600);
        assert_eq!(seconds_left(expires, now + chrono::Duration::milliseconds(1500)), 598);
        assert_eq!(seconds_left(expires, expires + chrono::Duration::seconds(5)), 0);
    }

    #[test]
    fn every_context_has_its_own_sentence_in_every_language() {
        let contexts = [
            LinkContext::Consultation,
            LinkContext::InstitutionStay,
            LinkContext::EmergencyDepartment,
            LinkContext::PatientGrant,
        ];
        for language in Language::ALL {
            let tr = Translator::new(language);
            let sentences: std::collections::BTreeSet<String> =
                contexts.iter().map(|c| tr.t(context_key(*c))).collect();
            assert_eq!(sentences.len(), 4, "{}: {sentences:?}", language.tag());
            for c in contexts {
                assert_ne!(tr.t(context_key(c)), context_key(c), "{}", language.tag());
            }
        }
        assert_eq!(context_key(LinkContext::PatientGrant), "care-context-patient-grant");
    }

    #[test]
    fn the_grant_date_is_today_or_later() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        assert_eq!(grant_until("", today), Err("field-required"));
        assert_eq!(grant_until("2026-13-01", today), Err("field-invalid-date"));
        assert_eq!(grant_until("2026-11-24", today), Err("care-grant-until-past"));
        assert_eq!(grant_until("2026-11-25", today), Ok(today));
        for language in Language::ALL {
            let tr = Translator::new(language);
            assert_ne!(tr.t("care-grant-until-past"), "care-grant-until-past");
        }
    }

    #[test]
    fn every_outcome_has_a_sentence() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
        let all = [
            Done::Designated("A B".into()),
            Done::ReferentRemoved,
            Done::Granted("A B".into(), date),
            Done::Ended,
            Done::Blocked("A B".into()),
            Done::Unblocked("A B".into()),
            Done::Emergency(true),
            Done::Emergency(false),
        ];
        for language in Language::ALL {
            let tr = Translator::new(language);
            for done in &all {
                let text = done_text(&tr, done);
                assert!(!text.starts_with("care-"), "{}: {text}", language.tag());
            }
            assert!(done_text(&tr, &all[2]).contains("2026"));
        }
    }

    #[test]
    fn a_professional_reads_as_name_and_standing() {
        let p = ProfessionalBrief {
            id: ProfessionalId(Uuid::nil()),
            given_name: "Anne".into(),
            family_name: "Weber".into(),
            profession: Profession::Physician,
            organisation: Some("CHL".into()),
        };
        assert_eq!(full_name(&p), "Anne Weber");
        let tr = Translator::new(Language::En);
        assert!(standing(&tr, &p).ends_with(" · CHL"));
    }
}
