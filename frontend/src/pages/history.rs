//! `/patient/history` (signed-in patients): the history of their record in plain words, newest
//! first, with filters (who, what, dates), "show older entries" paging by cursor, and downloads
//! of the same selection as CSV or as a FHIR bundle.

use shared::api::auth::Role;
use shared::api::history::{HistoryActor, HistoryEntry, KNOWN_ACTIONS};
use wasm_bindgen_futures::spawn_local;
use web_sys::SubmitEvent;
use yew::prelude::*;

use super::{loading, use_page};
use crate::api::{self, ApiFailure};
use crate::app::Route;
use crate::components::field::{Choice, SelectField, TextField};
use crate::components::message::ErrorMessage;
use crate::components::route_link::RouteLink;
use crate::i18n::Translator;
use crate::i18n::context::use_i18n;
use crate::i18n::history::{self, Filters};
use crate::i18n::messages;
use crate::session::use_session;

/// The entries shown so far and where the next page starts.
#[derive(Debug, Clone, Default, PartialEq)]
struct Shown {
    entries: Vec<HistoryEntry>,
    next_cursor: Option<i64>,
    /// Whether the first page has arrived.
    ready: bool,
}

/// See the module documentation.
#[component]
pub fn HistoryPage() -> Html {
    let i18n = use_i18n();
    use_page("history-title");
    let session = use_session();
    if session.is_checking() {
        return html! { <article class="page">{ loading(i18n.t("session-checking")) }</article> };
    }
    if session.as_role(Role::Patient).is_none() {
        return html! {
            <article class="page narrow">
                <h1 id="page-heading" tabindex="-1">{ i18n.t("history-heading") }</h1>
                <p class="notice">
                    { i18n.t("history-signed-out") }{ " " }
                    <RouteLink to={Route::SignIn}>{ i18n.t("area-sign-in-link") }</RouteLink>
                </p>
            </article>
        };
    }
    html! {
        <article class="page">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("history-heading") }</h1>
            <p class="lead">{ i18n.t("history-intro") }</p>
            <p><RouteLink to={Route::Patient}>{ i18n.t("history-back") }</RouteLink></p>
            <History />
        </article>
    }
}

#[component]
fn History() -> Html {
    let i18n = use_i18n();
    // What the form shows, and what the list was fetched with.
    let form = use_state(Filters::default);
    let applied = use_state(Filters::default);
    let shown = use_state(Shown::default);
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiFailure>);

    {
        let shown = shown.clone();
        let busy = busy.clone();
        let failure = failure.clone();
        use_effect_with((*applied).clone(), move |filters: &Filters| {
            let query = filters.query(None);
            busy.set(true);
            failure.set(None);
            spawn_local(async move {
                match api::history::page(&query).await {
                    Ok(page) => shown.set(Shown {
                        entries: page.entries,
                        next_cursor: page.next_cursor,
                        ready: true,
                    }),
                    Err(e) => failure.set(Some(e)),
                }
                busy.set(false);
            });
        });
    }

    let on_more = {
        let shown = shown.clone();
        let busy = busy.clone();
        let failure = failure.clone();
        let applied = applied.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(cursor) = shown.next_cursor else { return };
            if *busy {
                return;
            }
            let query = applied.query(Some(cursor));
            let shown = shown.clone();
            let busy = busy.clone();
            let failure = failure.clone();
            busy.set(true);
            failure.set(None);
            spawn_local(async move {
                match api::history::page(&query).await {
                    Ok(page) => {
                        let mut entries = shown.entries.clone();
                        entries.extend(page.entries);
                        shown.set(Shown { entries, next_cursor: page.next_cursor, ready: true });
                    }
                    Err(e) => failure.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let on_apply = {
        let form = form.clone();
        let applied = applied.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            applied.set((*form).clone());
        })
    };
    let on_reset = {
        let form = form.clone();
        let applied = applied.clone();
        Callback::from(move |_: MouseEvent| {
            form.set(Filters::default());
            applied.set(Filters::default());
        })
    };
    let set = |update: fn(&mut Filters, String)| {
        let form = form.clone();
        Callback::from(move |value: String| {
            let mut next = (*form).clone();
            update(&mut next, value);
            form.set(next);
        })
    };

    let actor_choices = vec![
        Choice { value: String::new(), label: i18n.t("history-filter-actor-all") },
        Choice { value: "patient".into(), label: i18n.t("history-filter-actor-patient") },
        Choice { value: "professional".into(), label: i18n.t("history-filter-actor-professional") },
        Choice { value: "agent".into(), label: i18n.t("history-filter-actor-agent") },
    ];
    let mut action_choices =
        vec![Choice { value: String::new(), label: i18n.t("history-filter-action-all") }];
    action_choices.extend(
        KNOWN_ACTIONS.iter().map(|action| Choice {
            value: (*action).to_owned(),
            label: action_label(&i18n, action),
        }),
    );
    let downloads = applied.query(None);

    let list = if shown.ready && shown.entries.is_empty() {
        html! { <p class="notice">{ i18n.t("history-empty") }</p> }
    } else {
        html! {
            <ol class="rows history" aria-labelledby="page-heading">
                { for shown.entries.iter().map(|entry| entry_row(&i18n, entry)) }
            </ol>
        }
    };

    html! {
        <>
            <section aria-labelledby="history-filters-heading">
                <h2 id="history-filters-heading">{ i18n.t("history-filters") }</h2>
                <form class="form filters" onsubmit={on_apply} novalidate=true>
                    <SelectField id="history-actor" label={i18n.t("history-filter-actor")}
                        value={form.actor.clone()} choices={actor_choices}
                        on_change={set(|f, v| f.actor = v)} />
                    <SelectField id="history-action" label={i18n.t("history-filter-action")}
                        value={form.action.clone()} choices={action_choices}
                        on_change={set(|f, v| f.action = v)} />
                    <TextField id="history-from" label={i18n.t("history-filter-from")}
                        input_type="date" value={form.from.clone()}
                        on_input={set(|f, v| f.from = v)} />
                    <TextField id="history-to" label={i18n.t("history-filter-to")}
                        input_type="date" value={form.to.clone()}
                        on_input={set(|f, v| f.to = v)} />
                    <div class="actions">
                        <button type="submit">{ i18n.t("history-filter-apply") }</button>
                        <button type="button" class="button-secondary" onclick={on_reset}>
                            { i18n.t("history-filter-reset") }
                        </button>
                    </div>
                </form>
            </section>
            <section aria-labelledby="history-downloads-heading">
                <h2 id="history-downloads-heading">{ i18n.t("history-downloads") }</h2>
                <p class="actions">
                    <a class="button-secondary" id="history-download-csv" download="dsp-history.csv"
                        href={api::history::csv_url(&downloads)}>{ i18n.t("history-download-csv") }</a>
                    { " " }
                    <a class="button-secondary" id="history-download-fhir" download="dsp-history.fhir.json"
                        href={api::history::fhir_url(&downloads)}>{ i18n.t("history-download-fhir") }</a>
                </p>
            </section>
            <div role="status" class="status">
                if *busy && !shown.ready { <p>{ i18n.t("loading") }</p> }
            </div>
            if let Some(failure) = &*failure {
                <ErrorMessage text={AttrValue::from(messages::api_failure(&i18n, failure))} />
            }
            { list }
            if shown.next_cursor.is_some() {
                <p>
                    <button type="button" class="button-secondary" id="history-more"
                        onclick={on_more} disabled={*busy}>{ i18n.t("history-load-more") }</button>
                </p>
            } else if shown.ready && !shown.entries.is_empty() {
                <p class="status">{ i18n.t("history-end") }</p>
            }
        </>
    }
}

/// The filter's name for an action: its sentence with the usual actor (the agency for the
/// record's creation and letters, else the patient).
fn action_label(tr: &Translator, action: &str) -> String {
    let agency = matches!(action, "patient_created" | "letter_issued");
    let entry = HistoryEntry {
        id: 0,
        occurred_at: chrono::DateTime::UNIX_EPOCH,
        actor: Some(HistoryActor {
            role: if agency { Role::Agent } else { Role::Patient },
            id: None,
            display_name: None,
            profession: None,
            is_you: !agency,
        }),
        action: action.to_owned(),
        outcome: shared::api::history::HistoryOutcome::Success,
        target: None,
        rule: None,
        context: None,
        refused: None,
        label: None,
        request_id: None,
    };
    history::sentence(tr, &entry)
}

fn entry_row(tr: &Translator, entry: &HistoryEntry) -> Html {
    let refused = history::refusal(tr, entry);
    html! {
        <li key={entry.id} data-action={entry.action.clone()}
            class={classes!("row", refused.is_some().then_some("refused"))}>
            <time datetime={entry.occurred_at.to_rfc3339()}>
                { messages::date_time(tr, entry.occurred_at) }
            </time>
            <p class="sentence">{ history::sentence(tr, entry) }</p>
            if let Some(refused) = refused { <p class="refusal">{ refused }</p> }
            <ul class="details">
                { for history::details(tr, entry).into_iter().map(|line| html! { <li>{ line }</li> }) }
            </ul>
        </li>
    }
}
