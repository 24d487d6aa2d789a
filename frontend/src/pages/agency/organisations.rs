//! The console's organisations: search the directory's practices, hospitals, care homes,
//! laboratories and pharmacies, add one, rename it or change its kind, see who works there
//! (professionals are assigned from their row in the directory).

use shared::api::agency::OrganisationSummary;
use shared::api::helpdesk::{ORGANISATION_KINDS, OrganisationDetail, OrganisationInput};
use shared::ids::OrganisationId;
use wasm_bindgen_futures::spawn_local;
use web_sys::SubmitEvent;
use yew::prelude::*;

use crate::api::{self, ApiFailure, Remote};
use crate::components::field::{Choice, SelectField, TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};

/// The name of a kind of organisation; a kind the app has no words for, as it is stored.
fn kind_name(tr: &Translator, kind: &str) -> String {
    let key = match kind {
        "practice" => "helpdesk-kind-practice",
        "hospital" => "helpdesk-kind-hospital",
        "care-home" => "helpdesk-kind-care-home",
        "laboratory" => "helpdesk-kind-laboratory",
        "pharmacy" => "helpdesk-kind-pharmacy",
        other => return other.replace('-', " "),
    };
    tr.t(key)
}

fn kind_choices(tr: &Translator) -> Vec<Choice> {
    ORGANISATION_KINDS
        .iter()
        .map(|k| Choice { value: (*k).to_owned(), label: kind_name(tr, k) })
        .collect()
}

/// The organisations section of the console.
#[component]
pub fn OrganisationsPanel() -> Html {
    let i18n = use_i18n();
    let search = use_state(String::new);
    let query = use_state(String::new);
    let list = use_state(|| Remote::<Vec<OrganisationSummary>>::Loading);
    let name = use_state(String::new);
    let kind = use_state(String::new);
    let creating = use_state(|| false);
    let create_error = use_state(|| None::<ApiFailure>);
    let created = use_state(|| None::<String>);
    let refresh = use_state(|| 0_u32);

    {
        let list = list.clone();
        use_effect_with(((*query).clone(), *refresh), move |(q, _)| {
            let q = q.clone();
            list.set(Remote::Loading);
            spawn_local(async move { list.set(api::helpdesk::organisations(&q).await.into()) });
        });
    }
    let on_search_input = {
        let search = search.clone();
        Callback::from(move |value: String| search.set(value))
    };
    let on_search = {
        let search = search.clone();
        let query = query.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            query.set(search.trim().to_owned());
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |value: String| name.set(value))
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |value: String| kind.set(value))
    };
    let on_create = {
        let (name, kind, creating, create_error, created, refresh) = (
            name.clone(),
            kind.clone(),
            creating.clone(),
            create_error.clone(),
            created.clone(),
            refresh.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *creating {
                return;
            }
            creating.set(true);
            create_error.set(None);
            created.set(None);
            let input = OrganisationInput { name: (*name).clone(), kind: (*kind).clone() };
            let (name, kind, creating, create_error, created, refresh) = (
                name.clone(),
                kind.clone(),
                creating.clone(),
                create_error.clone(),
                created.clone(),
                refresh.clone(),
            );
            spawn_local(async move {
                match api::helpdesk::create_organisation(&input).await {
                    Ok(organisation) => {
                        created.set(Some(organisation.name));
                        name.set(String::new());
                        kind.set(String::new());
                        refresh.set(*refresh + 1);
                    }
                    Err(failure) => create_error.set(Some(failure)),
                }
                creating.set(false);
            });
        })
    };

    let rows = match &*list {
        Remote::Loading => crate::components::message::loading(&i18n),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(rows) if rows.is_empty() => {
            html! { <p class="muted" role="status">{ i18n.t("helpdesk-organisations-none") }</p> }
        }
        Remote::Ready(rows) => html! {
            <ul class="rows organisations">
                { for rows.iter().map(|o| html! { <OrganisationRow key={o.id.to_string()} organisation={o.clone()} /> }) }
            </ul>
        },
    };

    html! {
        <section class="panel" aria-labelledby="organisations-heading">
            <h2 id="organisations-heading" tabindex="-1">{ i18n.t("helpdesk-organisations-heading") }</h2>
            <form class="search" role="search" onsubmit={on_search}>
                <TextField id="organisation-search" label={i18n.t("helpdesk-organisation-search-label")}
                    value={(*search).clone()} on_input={on_search_input} input_type="search" autocomplete="off" />
                <button type="submit" class="button-secondary">{ i18n.t("search-button") }</button>
            </form>
            { rows }
            <form class="form create" onsubmit={on_create} novalidate=true aria-labelledby="organisation-create-heading">
                <h3 id="organisation-create-heading">{ i18n.t("helpdesk-organisation-create-heading") }</h3>
                <div class="field-row">
                    <TextField id="organisation-name" label={i18n.t("helpdesk-organisation-name")}
                        value={(*name).clone()} on_input={on_name} tone={Tone::Error} maxlength="200"
                        autocomplete="off" required=true />
                    <SelectField id="organisation-kind" label={i18n.t("helpdesk-organisation-kind")}
                        value={(*kind).clone()} choices={kind_choices(&i18n)} on_change={on_kind}
                        placeholder={i18n.t("field-choose")} required=true />
                </div>
                <div class="actions">
                    <button id="organisation-create-button" type="submit" class="button-primary"
                            disabled={*creating || name.trim().is_empty() || kind.is_empty()}>
                        { i18n.t("helpdesk-organisation-create-button") }
                    </button>
                </div>
                <ErrorMessage id="organisation-create-error"
                    text={(*create_error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
                <StatusMessage id="organisation-create-status"
                    text={(*created).as_ref().map(|n| AttrValue::from(
                        i18n.t_args("helpdesk-organisation-created", [("name", Arg::from(n.clone()))])))} />
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OrganisationRowProps {
    organisation: OrganisationSummary,
}

/// One organisation: its name and kind, who works there, and its edit form.
#[component]
fn OrganisationRow(props: &OrganisationRowProps) -> Html {
    let i18n = use_i18n();
    let current = use_state(|| props.organisation.clone());
    let detail = use_state(|| None::<Remote<OrganisationDetail>>);
    let name = use_state(|| props.organisation.name.clone());
    let kind = use_state(|| props.organisation.kind.clone());
    let saving = use_state(|| false);
    let saved = use_state(|| false);
    let save_error = use_state(|| None::<ApiFailure>);
    let id: OrganisationId = current.id;
    let stem = format!("organisation-{id}");

    let on_staff = {
        let detail = detail.clone();
        Callback::from(move |_: MouseEvent| {
            detail.set(Some(Remote::Loading));
            let detail = detail.clone();
            spawn_local(
                async move { detail.set(Some(api::helpdesk::organisation(id).await.into())) },
            );
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |value: String| name.set(value))
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |value: String| kind.set(value))
    };
    let on_save = {
        let (name, kind, saving, saved, save_error, current, detail) = (
            name.clone(),
            kind.clone(),
            saving.clone(),
            saved.clone(),
            save_error.clone(),
            current.clone(),
            detail.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *saving {
                return;
            }
            saving.set(true);
            saved.set(false);
            save_error.set(None);
            let input = OrganisationInput { name: (*name).clone(), kind: (*kind).clone() };
            let (saving, saved, save_error, current, detail) = (
                saving.clone(),
                saved.clone(),
                save_error.clone(),
                current.clone(),
                detail.clone(),
            );
            spawn_local(async move {
                match api::helpdesk::update_organisation(id, &input).await {
                    Ok(fresh) => {
                        current.set(OrganisationSummary {
                            id: fresh.id,
                            name: fresh.name.clone(),
                            kind: fresh.kind.clone(),
                        });
                        if detail.is_some() {
                            detail.set(Some(Remote::Ready(fresh)));
                        }
                        saved.set(true);
                    }
                    Err(failure) => save_error.set(Some(failure)),
                }
                saving.set(false);
            });
        })
    };

    let staff = match &*detail {
        None => html! {
            <button type="button" class="show-staff button-secondary" onclick={on_staff}>
                { i18n.t("helpdesk-organisation-show-staff") }
            </button>
        },
        Some(Remote::Loading) => crate::components::message::loading(&i18n),
        Some(Remote::Failed(failure)) => crate::components::message::failed(&i18n, failure),
        Some(Remote::Ready(d)) if d.professionals.is_empty() => {
            html! { <p class="muted staff">{ i18n.t("helpdesk-organisation-staff-none") }</p> }
        }
        Some(Remote::Ready(d)) => html! {
            <ul class="staff">
                { for d.professionals.iter().map(|p| html! {
                    <li data-professional-id={p.id.to_string()}>
                        { format!("{} {} · ", p.given_name, p.family_name) }
                        { messages::profession_name(&i18n, p.profession) }
                        { format!(" · {}", p.licence_number) }
                    </li>
                }) }
            </ul>
        },
    };
    html! {
        <li class="row" data-organisation-id={id.to_string()}>
            <div class="row-main">
                <h4>{ current.name.clone() }</h4>
                <dl class="facts">
                    <div><dt>{ i18n.t("helpdesk-organisation-kind") }</dt><dd>{ kind_name(&i18n, &current.kind) }</dd></div>
                </dl>
                <h5>{ i18n.t("helpdesk-organisation-staff") }</h5>
                { staff }
            </div>
            <details class="organisation-edit">
                <summary>{ i18n.t("helpdesk-organisation-edit") }</summary>
                <form class="form" onsubmit={on_save} novalidate=true>
                    <TextField id={format!("{stem}-name")} label={i18n.t("helpdesk-organisation-name")}
                        value={(*name).clone()} on_input={on_name} tone={Tone::Error} maxlength="200"
                        autocomplete="off" required=true />
                    <SelectField id={format!("{stem}-kind")} label={i18n.t("helpdesk-organisation-kind")}
                        value={(*kind).clone()} choices={kind_choices(&i18n)} on_change={on_kind} required=true />
                    <button type="submit" class="save-organisation button-secondary" disabled={*saving}>
                        { i18n.t("helpdesk-organisation-save") }
                    </button>
                    <StatusMessage text={saved.then(|| AttrValue::from(i18n.t("helpdesk-organisation-saved")))} />
                    <ErrorMessage text={(*save_error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
                </form>
            </details>
        </li>
    }
}
