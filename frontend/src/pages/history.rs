//! `/patient/history` (signed-in patients): the history of their record in plain words, newest
//! first, with filters (who, what, dates), "show older entries" paging by cursor, and downloads
//! of the same selection as CSV or as a FHIR bundle. The record page's access-traces tab shows a
//! record's history to its médecin référent with the same [`History`] (without the downloads,
//! which are the patient's).
//!
//! "Who" is a kind of actor or one named professional: those who appear in the entries loaded so
//! far and those the record's rights name (référent, links, blocks). The server does the filtering.

use std::rc::Rc;

use shared::api::auth::Role;
use shared::api::care::CareOverview;
use shared::api::history::{self as history_api, ACTION_GROUPS, HistoryEntry, HistoryQuery};
use shared::ids::PatientId;
use shared::{ApiErrorCode, Profession};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::SubmitEvent;
use yew::prelude::*;

use super::{loading, use_page};
use crate::api::{self, ApiFailure};
use crate::app::Route;
use crate::components::date_field::DateField;
use crate::components::field::{Choice, ChoiceGroup, SelectField};
use crate::components::message::ErrorMessage;
use crate::components::route_link::RouteLink;
use crate::i18n::context::use_i18n;
use crate::i18n::history::{self, Filters};
use crate::i18n::messages;
use crate::i18n::{Arg, Translator};
use crate::order;
use crate::session::use_session;

/// A professional the history can be filtered by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Their id: the `actor` filter's value.
    pub id: Uuid,
    /// "Given Family".
    pub name: String,
    /// Their profession, when known.
    pub profession: Option<Profession>,
}

/// The named professionals who acted in `entries`.
#[must_use]
pub fn professionals_in(entries: &[HistoryEntry]) -> Vec<Person> {
    entries
        .iter()
        .filter_map(|entry| entry.actor.as_ref())
        .filter(|actor| actor.role == Role::Professional)
        .filter_map(|actor| {
            let name = actor.display_name.as_deref()?.trim();
            (!name.is_empty()).then_some(Person {
                id: actor.id?,
                name: name.to_owned(),
                profession: actor.profession,
            })
        })
        .collect()
}

/// The professionals the record's rights name: the référent, the links, the blocks.
#[must_use]
pub fn professionals_of(overview: &CareOverview) -> Vec<Person> {
    overview
        .referent
        .iter()
        .chain(overview.links.iter().filter_map(|link| link.professional.as_ref()))
        .chain(&overview.blocked)
        .map(|p| Person {
            id: p.id.0,
            name: format!("{} {}", p.given_name, p.family_name),
            profession: Some(p.profession),
        })
        .collect()
}

/// `known` and `more` together: one per id (the first name seen, and a profession when any
/// mention has one), sorted by name.
#[must_use]
pub fn merge_people(known: &[Person], more: Vec<Person>) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::with_capacity(known.len() + more.len());
    for person in known.iter().cloned().chain(more) {
        match people.iter_mut().find(|p| p.id == person.id) {
            Some(seen) => seen.profession = seen.profession.or(person.profession),
            None => people.push(person),
        }
    }
    order::sort_by_key(&mut people, |p| (sort_key(&p.name), p.id));
    people
}

/// `name` with the capitals of the Latin letters in European names (ASCII, Latin-1, Latin
/// Extended-A) made small, so that case does not change the order. Not `to_lowercase`: its
/// Unicode tables would weigh more than this page.
fn sort_key(name: &str) -> String {
    name.chars()
        .map(|c| {
            let code = u32::from(c);
            let small = match code {
                0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => code + 0x20,
                0x100..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
                0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
                0x178 => 0xFF,
                _ => code,
            };
            char::from_u32(small).unwrap_or(c)
        })
        .collect()
}

/// The "who" filter's choices: everyone, each kind of actor, then each professional in the order
/// given, named with their profession.
#[must_use]
pub fn actor_choices(tr: &Translator, people: &[Person]) -> Vec<Choice> {
    let mut choices = vec![
        Choice { value: String::new(), label: tr.t("history-filter-actor-all") },
        Choice { value: "patient".into(), label: tr.t("history-filter-actor-patient") },
        Choice { value: "professional".into(), label: tr.t("history-filter-actor-professional") },
        Choice { value: "agent".into(), label: tr.t("history-filter-actor-agent") },
    ];
    choices.extend(people.iter().map(|p| Choice {
        value: p.id.to_string(),
        label: match p.profession {
            Some(profession) => tr.t_args(
                "history-actor-professional",
                [
                    ("name", Arg::from(p.name.clone())),
                    ("profession", Arg::from(messages::profession_name(tr, profession))),
                ],
            ),
            None => p.name.clone(),
        },
    }));
    choices
}

/// The professionals the filter offers, gathered from every page loaded and the record's rights.
#[derive(Debug, Clone, Default, PartialEq)]
struct Known(Vec<Person>);

impl Reducible for Known {
    type Action = Vec<Person>;

    fn reduce(self: Rc<Self>, more: Vec<Person>) -> Rc<Self> {
        Rc::new(Self(merge_people(&self.0, more)))
    }
}

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
            <History source={Source::Own} />
        </article>
    }
}

/// Whose history [`History`] shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The signed-in patient's own (with the downloads).
    Own,
    /// A record's, for its médecin référent (the access-traces tab of the record page).
    Record(PatientId),
}

impl Source {
    async fn page(self, query: &HistoryQuery) -> Result<history_api::HistoryPage, ApiFailure> {
        match self {
            Self::Own => api::history::page(query).await,
            Self::Record(patient) => api::history::record_page(patient, query).await,
        }
    }
}

/// Props of [`History`].
#[derive(Debug, Clone, Copy, PartialEq, Properties)]
pub struct HistoryProps {
    /// Whose history.
    pub source: Source,
}

/// A history with its filters and paging: the patient's own, or a record's for its référent.
#[component]
pub fn History(props: &HistoryProps) -> Html {
    let i18n = use_i18n();
    let source = props.source;
    // What the form shows, and what the list was fetched with.
    let form = use_state(Filters::default);
    let applied = use_state(Filters::default);
    let shown = use_state(Shown::default);
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiFailure>);
    let known = use_reducer_eq(Known::default);

    {
        // Not required: without it, the filter offers the professionals of the entries alone.
        let known = known.clone();
        use_effect_with(source, move |source| {
            // The patient's own rights; the référent's tab has the entries' professionals alone.
            if *source == Source::Own {
                spawn_local(async move {
                    if let Ok(overview) = api::care::overview().await {
                        known.dispatch(professionals_of(&overview));
                    }
                });
            }
        });
    }
    {
        let shown = shown.clone();
        let busy = busy.clone();
        let failure = failure.clone();
        let known = known.clone();
        use_effect_with(((*applied).clone(), source), move |(filters, source)| {
            let query = filters.query(None);
            let source = *source;
            busy.set(true);
            failure.set(None);
            spawn_local(async move {
                match source.page(&query).await {
                    Ok(page) => {
                        known.dispatch(professionals_in(&page.entries));
                        shown.set(Shown {
                            entries: page.entries,
                            next_cursor: page.next_cursor,
                            ready: true,
                        });
                    }
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
        let known = known.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(cursor) = shown.next_cursor else { return };
            if *busy {
                return;
            }
            let query = applied.query(Some(cursor));
            let shown = shown.clone();
            let busy = busy.clone();
            let failure = failure.clone();
            let known = known.clone();
            busy.set(true);
            failure.set(None);
            spawn_local(async move {
                match source.page(&query).await {
                    Ok(page) => {
                        known.dispatch(professionals_in(&page.entries));
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

    let mut actor_choices = actor_choices(&i18n, &known.0);
    if let (Source::Record(_), Some(patient)) =
        (source, actor_choices.iter_mut().find(|c| c.value == "patient"))
    {
        // On the référent's tab, the record's patient is not "you".
        patient.label = i18n.t("traces-filter-actor-patient");
    }
    let action_choices =
        vec![Choice { value: String::new(), label: i18n.t("history-filter-action-all") }];
    let action_groups = action_groups(&i18n);
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
                        value={form.action.clone()} choices={action_choices} groups={action_groups}
                        on_change={set(|f, v| f.action = v)} />
                    <DateField id="history-from" label={i18n.t("history-filter-from")}
                        value={form.from.clone()}
                        on_input={set(|f, v| f.from = v)} />
                    <DateField id="history-to" label={i18n.t("history-filter-to")}
                        value={form.to.clone()}
                        on_input={set(|f, v| f.to = v)} />
                    <div class="actions">
                        <button type="submit" id="history-apply" class="button-primary">{ i18n.t("history-filter-apply") }</button>
                        <button type="button" class="button-secondary" onclick={on_reset}>
                            { i18n.t("history-filter-reset") }
                        </button>
                    </div>
                </form>
            </section>
            if source == Source::Own {
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
            }
            <div role="status" class="status">
                if *busy && !shown.ready { <p>{ i18n.t("loading") }</p> }
            </div>
            if let Some(failure) = &*failure {
                <ErrorMessage text={AttrValue::from(history_failure(&i18n, source, failure))} />
            }
            { list }
            if shown.next_cursor.is_some() {
                <p>
                    <button type="button" class="button-secondary" id="history-more"
                        onclick={on_more} disabled={*busy}>{ i18n.t("history-load-more") }</button>
                </p>
            } else if shown.ready && !shown.entries.is_empty() {
                <p class="status">{ i18n.t(match source {
                    Source::Own => "history-end",
                    Source::Record(_) => "traces-end",
                }) }</p>
            }
        </>
    }
}

/// A failed page in words: for a record's history, `not_found` means this professional is not
/// the record's médecin référent (the only one who reads it).
#[must_use]
pub fn history_failure(tr: &Translator, source: Source, failure: &ApiFailure) -> String {
    match source {
        Source::Record(_) if failure.is(ApiErrorCode::NotFound) => tr.t("traces-referent-only"),
        Source::Own | Source::Record(_) => messages::api_failure(tr, failure),
    }
}

/// The "what" filter's groups: documents, access by professionals, rights, the record, sign-in
/// — each action named briefly ("Documents read"), in the order the shared list gives.
#[must_use]
pub fn action_groups(tr: &Translator) -> Vec<ChoiceGroup> {
    ACTION_GROUPS
        .iter()
        .map(|(group, actions)| ChoiceGroup {
            label: tr.t(&history::group_key(group)),
            choices: actions
                .iter()
                .map(|action| Choice {
                    value: (*action).to_owned(),
                    label: history::action_label(tr, action),
                })
                .collect(),
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use shared::Language;
    use shared::api::care::{LinkContext, LinkSummary, ProfessionalBrief};
    use shared::api::history::{HistoryActor, HistoryOutcome, KNOWN_ACTIONS};
    use shared::ids::ProfessionalId;

    use super::*;

    fn entry(actor: HistoryActor) -> HistoryEntry {
        HistoryEntry {
            id: 1,
            occurred_at: Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap(),
            actor: Some(actor),
            action: "document_read".into(),
            outcome: HistoryOutcome::Success,
            target: None,
            rule: None,
            context: None,
            refused: None,
            label: None,
            request_id: None,
            denied: None,
            document: None,
            professionals: Vec::new(),
            organisation: None,
            stated_reason: None,
        }
    }

    fn actor(
        role: Role,
        n: u128,
        name: Option<&str>,
        profession: Option<Profession>,
    ) -> HistoryActor {
        HistoryActor {
            role,
            id: Some(Uuid::from_u128(n)),
            display_name: name.map(str::to_owned),
            profession,
            is_you: false,
            via: None,
        }
    }

    fn brief(n: u128, given: &str, family: &str, profession: Profession) -> ProfessionalBrief {
        ProfessionalBrief {
            id: ProfessionalId(Uuid::from_u128(n)),
            given_name: given.into(),
            family_name: family.into(),
            profession,
            organisation: None,
        }
    }

    fn names(people: &[Person]) -> Vec<&str> {
        people.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn only_named_professionals_of_the_entries_are_offered() {
        let entries = [
            entry(actor(Role::Professional, 1, Some("Paul Reuter"), Some(Profession::Physician))),
            entry(actor(Role::Agent, 2, Some("Anne Weber"), None)),
            entry(actor(Role::Patient, 3, Some("Léa Schroeder"), None)),
            entry(actor(Role::Professional, 4, None, Some(Profession::Nurse))),
            entry(actor(Role::Professional, 5, Some("  "), None)),
        ];
        let people = professionals_in(&entries);
        assert_eq!(names(&people), ["Paul Reuter"]);
        assert_eq!(people[0].id, Uuid::from_u128(1));
        assert_eq!(people[0].profession, Some(Profession::Physician));
    }

    #[test]
    fn the_record_rights_name_the_referent_links_and_blocks() {
        let link = |professional| LinkSummary {
            id: Uuid::from_u128(99),
            professional,
            context: LinkContext::Consultation,
            starts_at: Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2026, 11, 16, 0, 0, 0).unwrap(),
            ended_at: None,
            live: true,
        };
        let overview = CareOverview {
            referent: Some(brief(1, "Marc", "Schmit", Profession::Physician)),
            blocked: vec![brief(2, "Jeanne", "Klein", Profession::Pharmacist)],
            links: vec![link(Some(brief(3, "Claire", "Weber", Profession::Physician))), link(None)],
            emergency_access_enabled: true,
        };
        assert_eq!(
            names(&professionals_of(&overview)),
            ["Marc Schmit", "Claire Weber", "Jeanne Klein"]
        );
    }

    #[test]
    fn names_sort_without_regard_to_case() {
        for name in ["Émile Ŝtefan-Łukasz Ÿves", "ANNE MÜLLER", "paul o'brien"] {
            assert_eq!(sort_key(name), name.to_lowercase(), "{name}");
        }
    }

    #[test]
    fn people_are_listed_once_and_by_name() {
        let person = |n: u128, name: &str, profession| Person {
            id: Uuid::from_u128(n),
            name: name.into(),
            profession,
        };
        let known = [person(2, "Paul Reuter", None), person(1, "claire Weber", None)];
        let more = vec![
            person(2, "Paul Reuter", Some(Profession::Nurse)),
            person(3, "Anne Muller", Some(Profession::Physician)),
            person(1, "Claire Weber", Some(Profession::Physician)),
        ];
        let people = merge_people(&known, more);
        assert_eq!(names(&people), ["Anne Muller", "claire Weber", "Paul Reuter"]);
        assert_eq!(people[2].profession, Some(Profession::Nurse));
        assert_eq!(merge_people(&people, people.clone()), people);
    }

    #[test]
    fn the_choices_keep_the_kinds_and_add_each_professional() {
        let en = Translator::new(Language::En);
        let people = merge_people(
            &[],
            vec![
                Person { id: Uuid::from_u128(7), name: "Paul Reuter".into(), profession: None },
                Person {
                    id: Uuid::from_u128(8),
                    name: "Claire Weber".into(),
                    profession: Some(Profession::Physician),
                },
            ],
        );
        let choices = actor_choices(&en, &people);
        let values: Vec<&str> = choices.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(
            values,
            [
                "",
                "patient",
                "professional",
                "agent",
                "00000000-0000-0000-0000-000000000008",
                "00000000-0000-0000-0000-000000000007"
            ]
        );
        assert_eq!(choices[4].label, "Claire Weber (Physician)");
        assert_eq!(choices[5].label, "Paul Reuter");
        assert_eq!(actor_choices(&en, &[]).len(), 4);
    }

    #[test]
    fn the_what_filter_groups_every_known_action_once() {
        for language in Language::ALL {
            let tr = Translator::new(language);
            let groups = action_groups(&tr);
            let values: Vec<&str> =
                groups.iter().flat_map(|g| g.choices.iter().map(|c| c.value.as_str())).collect();
            assert_eq!(values, KNOWN_ACTIONS);
            let mut labels: Vec<&str> = groups
                .iter()
                .flat_map(|g| g.choices.iter().map(|c| c.label.as_str()))
                .chain(groups.iter().map(|g| g.label.as_str()))
                .collect();
            assert!(labels.iter().all(|l| !l.is_empty() && !l.starts_with("history-")));
            labels.sort_unstable();
            let count = labels.len();
            labels.dedup();
            assert_eq!(labels.len(), count, "{}: two choices read alike", language.tag());
        }
        let en = Translator::new(Language::En);
        let groups = action_groups(&en);
        assert_eq!(groups[0].label, "Documents");
        assert_eq!(groups[0].choices[0].label, "Documents filed");
    }
}
