//! `/patient/documents` (signed-in patients): the documents of my record, as a timeline or by
//! category, each with a viewer, a download and who may see it: every professional with access,
//! only its author (and my médecin référent), or everyone but professionals I choose from the
//! directory. Restricting is said plainly to put care at risk. A document its author withdrew
//! is no longer shown to any professional: it can still be read and downloaded, not restricted.

use shared::api::auth::Role;
use shared::api::care::ProfessionalBrief;
use shared::api::documents::{DocumentRestriction, DocumentSummary};
use shared::ids::ProfessionalId;
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::access::MIN_SEARCH;
use super::documents::{DocumentList, restriction_mode};
use super::{loading, use_page};
use crate::api::{self, ApiFailure, Remote};
use crate::app::Route;
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::components::route_link::RouteLink;
use crate::i18n::context::use_i18n;
use crate::i18n::messages;
use crate::session::use_session;

/// The restriction a select value and a list of professionals stand for.
#[must_use]
pub fn restriction_of(mode: &str, professionals: &[ProfessionalId]) -> DocumentRestriction {
    match mode {
        "author_only" => DocumentRestriction::AuthorOnly,
        "hidden_from" => DocumentRestriction::HiddenFrom { professionals: professionals.to_vec() },
        _ => DocumentRestriction::None,
    }
}

/// Whether the patient can choose who sees `document` (not once its author withdrew it: no
/// professional sees it any more).
#[must_use]
pub const fn can_restrict(document: &DocumentSummary) -> bool {
    document.withdrawn_reason.is_none()
}

/// See the module documentation.
#[component]
pub fn PatientDocumentsPage() -> Html {
    let i18n = use_i18n();
    use_page("documents-title");
    let session = use_session();
    let documents = use_state(|| Remote::<Vec<DocumentSummary>>::Loading);
    let signed_in = session.as_role(Role::Patient).is_some();
    {
        let documents = documents.clone();
        use_effect_with(signed_in, move |signed_in| {
            if *signed_in {
                spawn_local(async move { documents.set(api::documents::own().await.into()) });
            }
        });
    }
    if session.is_checking() {
        return html! { <article class="page">{ loading(i18n.t("session-checking")) }</article> };
    }
    if !signed_in {
        return html! {
            <article class="page narrow">
                <h1 id="page-heading" tabindex="-1">{ i18n.t("documents-heading") }</h1>
                <p class="notice">
                    { i18n.t("documents-signed-out") }{ " " }
                    <RouteLink to={Route::SignIn}>{ i18n.t("area-sign-in-link") }</RouteLink>
                </p>
            </article>
        };
    }
    let on_saved = {
        let documents = documents.clone();
        Callback::from(move |saved: DocumentSummary| {
            if let Remote::Ready(list) = &*documents {
                let list = list
                    .iter()
                    .map(|d| if d.id == saved.id { saved.clone() } else { d.clone() })
                    .collect();
                documents.set(Remote::Ready(list));
            }
        })
    };
    let controls = {
        let i18n = i18n.clone();
        Callback::from(move |document: DocumentSummary| {
            if can_restrict(&document) {
                html! { <RestrictionControl {document} on_saved={on_saved.clone()} /> }
            } else {
                html! { <p class="muted withdrawn-explain">{ i18n.t("documents-withdrawn-explain") }</p> }
            }
        })
    };
    let body = match &*documents {
        Remote::Loading => loading(i18n.t("loading")),
        Remote::Failed(failure) => crate::components::message::failed(&i18n, failure),
        Remote::Ready(list) => html! { <DocumentList documents={list.clone()} {controls} /> },
    };
    html! {
        <article class="page">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("documents-heading") }</h1>
            <p class="lead">{ i18n.t("documents-intro") }</p>
            <p><RouteLink to={Route::Patient}>{ i18n.t("history-back") }</RouteLink></p>
            <p id="restriction-warning" class="warning">{ i18n.t("documents-restrict-warning") }</p>
            { body }
        </article>
    }
}

/// Props of [`RestrictionControl`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct RestrictionControlProps {
    /// The document.
    pub document: DocumentSummary,
    /// Called with the document as the server saved it.
    pub on_saved: Callback<DocumentSummary>,
}

/// Who may see one document.
#[component]
pub fn RestrictionControl(props: &RestrictionControlProps) -> Html {
    let i18n = use_i18n();
    let current = props.document.restriction.as_ref();
    let mode = use_state(|| restriction_mode(current).to_owned());
    let hidden = use_state(|| match current {
        Some(DocumentRestriction::HiddenFrom { professionals }) => professionals.clone(),
        _ => Vec::new(),
    });
    // Names of the professionals chosen here (the server keeps only their ids).
    let names = use_state(Vec::<ProfessionalBrief>::new);
    let search = use_state(String::new);
    let results = use_state(|| None::<Remote<Vec<ProfessionalBrief>>>);
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<Result<(), ApiFailure>>);
    let id = props.document.id.0.to_string();

    let on_mode = {
        let mode = mode.clone();
        let outcome = outcome.clone();
        Callback::from(move |event: Event| {
            outcome.set(None);
            mode.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let on_search_input = {
        let search = search.clone();
        Callback::from(move |event: InputEvent| {
            search.set(event.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let on_search = {
        let search = search.clone();
        let results = results.clone();
        Callback::from(move |_: MouseEvent| {
            let q = search.trim().to_owned();
            if q.chars().count() < MIN_SEARCH {
                return;
            }
            results.set(Some(Remote::Loading));
            let results = results.clone();
            spawn_local(async move { results.set(Some(api::care::directory(&q).await.into())) });
        })
    };
    let toggle = {
        let hidden = hidden.clone();
        let names = names.clone();
        Callback::from(move |p: ProfessionalBrief| {
            let mut ids = (*hidden).clone();
            if let Some(at) = ids.iter().position(|id| *id == p.id) {
                ids.remove(at);
            } else {
                ids.push(p.id);
                let mut known = (*names).clone();
                if !known.iter().any(|k| k.id == p.id) {
                    known.push(p);
                    names.set(known);
                }
            }
            hidden.set(ids);
        })
    };
    let on_save = {
        let mode = mode.clone();
        let hidden = hidden.clone();
        let busy = busy.clone();
        let outcome = outcome.clone();
        let on_saved = props.on_saved.clone();
        let document_id = props.document.id;
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            let restriction = restriction_of(&mode, &hidden);
            busy.set(true);
            outcome.set(None);
            let busy = busy.clone();
            let outcome = outcome.clone();
            let on_saved = on_saved.clone();
            spawn_local(async move {
                match api::documents::restrict(document_id, &restriction).await {
                    Ok(saved) => {
                        outcome.set(Some(Ok(())));
                        on_saved.emit(saved);
                    }
                    Err(failure) => outcome.set(Some(Err(failure))),
                }
                busy.set(false);
            });
        })
    };

    let search_id = format!("restriction-search-{id}");
    let hidden_list = if hidden.is_empty() {
        html! { <p class="muted">{ i18n.t("documents-hidden-none") }</p> }
    } else {
        html! {
            <ul class="hidden-from">
                { for hidden.iter().map(|pid| {
                    let known = names.iter().find(|p| p.id == *pid).cloned();
                    let label = known.as_ref().map_or_else(
                        || i18n.t("documents-hidden-unnamed"),
                        |p| format!("{} {}", p.given_name, p.family_name),
                    );
                    let remove = {
                        let hidden = hidden.clone();
                        let pid = *pid;
                        Callback::from(move |_: MouseEvent| {
                            hidden.set(hidden.iter().copied().filter(|h| *h != pid).collect());
                        })
                    };
                    html! {
                        <li data-hidden-from={pid.0.to_string()}>
                            { label }{ " " }
                            <button type="button" class="button-secondary unhide" onclick={remove}>
                                { i18n.t("documents-unhide") }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        }
    };
    let found = match &*results {
        None => Html::default(),
        Some(Remote::Loading) => loading(i18n.t("loading")),
        Some(Remote::Failed(failure)) => crate::components::message::failed(&i18n, failure),
        Some(Remote::Ready(list)) if list.is_empty() => {
            html! { <p class="muted" role="status">{ i18n.t("care-search-none") }</p> }
        }
        Some(Remote::Ready(list)) => html! {
            <ul class="rows" aria-label={i18n.t("care-search-results")}>
                { for list.iter().map(|p| {
                    let chosen = hidden.contains(&p.id);
                    let on_toggle = toggle.reform({ let p = p.clone(); move |_: MouseEvent| p.clone() });
                    html! {
                        <li data-professional-id={p.id.0.to_string()}>
                            { format!("{} {} · {}", p.given_name, p.family_name, messages::profession_name(&i18n, p.profession)) }
                            { " " }
                            <button type="button" class="button-secondary hide-from" aria-pressed={chosen.to_string()}
                                onclick={on_toggle}>
                                { if chosen { i18n.t("documents-unhide") } else { i18n.t("documents-hide-from") } }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        },
    };
    let saved_text = match &*outcome {
        Some(Ok(())) => Some(AttrValue::from(i18n.t("documents-restriction-saved"))),
        _ => None,
    };
    let error_text = match &*outcome {
        Some(Err(failure)) => Some(AttrValue::from(messages::api_failure(&i18n, failure))),
        _ => None,
    };
    // Radio buttons, not a select: their labels wrap, so no choice is ever cut at phone width.
    let option = |value: &'static str, key: &'static str| {
        let option_id = format!("restriction-{id}-{value}");
        html! {
            <div class="choice">
                <input type="radio" id={option_id.clone()} name={format!("restriction-{id}")}
                    class="restriction-mode" {value} checked={*mode == value}
                    onchange={on_mode.clone()} />
                <label for={option_id}>{ i18n.t(key) }</label>
            </div>
        }
    };
    html! {
        <div class="restriction" role="group" aria-labelledby={format!("document-title-{id}")}>
            <fieldset class="choices" aria-describedby="restriction-warning">
                <legend>{ i18n.t("documents-restriction-label") }</legend>
                { option("none", "documents-restriction-none") }
                { option("author_only", "documents-restriction-author-only") }
                { option("hidden_from", "documents-restriction-hidden-from") }
            </fieldset>
            if *mode == "hidden_from" {
                { hidden_list }
                <div class="search">
                    <div class="field">
                        <label for={search_id.clone()}>{ i18n.t("care-search-label") }</label>
                        <input id={search_id} type="search" class="restriction-search" autocomplete="off"
                            value={(*search).clone()} oninput={on_search_input} />
                    </div>
                    <button type="button" class="button-secondary restriction-search-button" onclick={on_search}>
                        { i18n.t("search-button") }
                    </button>
                </div>
                { found }
            }
            <p>
                <button type="button" class="button-primary save-restriction" onclick={on_save} disabled={*busy}>
                    { i18n.t("documents-restriction-save") }
                </button>
            </p>
            <StatusMessage text={saved_text} />
            <ErrorMessage text={error_text} />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    #[test]
    fn the_select_value_becomes_the_restriction() {
        let a = ProfessionalId(Uuid::from_u128(1));
        assert_eq!(restriction_of("none", &[a]), DocumentRestriction::None);
        assert_eq!(restriction_of("author_only", &[a]), DocumentRestriction::AuthorOnly);
        assert_eq!(
            restriction_of("hidden_from", &[a]),
            DocumentRestriction::HiddenFrom { professionals: vec![a] }
        );
        assert_eq!(restriction_of("nonsense", &[]), DocumentRestriction::None);
    }

    #[test]
    fn a_withdrawn_document_cannot_be_restricted() {
        let mut document: DocumentSummary = serde_json::from_value(serde_json::json!({
            "id": Uuid::from_u128(1), "patient_id": Uuid::nil(), "category": "summaries",
            "title": "Report", "clinical_date": "2026-11-25", "author": "Dr A", "author_id": null,
            "format": "pdf", "media_type": "application/pdf", "size": 1, "sha256": "",
            "filed_at": "2026-11-25T10:00:00Z", "version": 1, "version_filed_by": "Dr A",
            "version_filed_by_id": null, "version_filed_at": "2026-11-25T10:00:00Z",
            "restriction": null
        }))
        .unwrap();
        assert!(can_restrict(&document));
        document.withdrawn_reason = Some("wrong patient".into());
        assert!(!can_restrict(&document));
    }
}
