//! `/patient/personal-space` (signed-in patients): my own words in my record, which the
//! professionals who treat me read. My organ-donation wishes and advance directive as forms
//! ([`WishEditor`]); notes I write (filed as a FHIR `Composition` whose narrative is the note);
//! documents I add (a scan, a photo, a PDF). I edit my notes and documents (each change a new
//! version; the earlier ones stay) or withdraw them with a reason.

use serde_json::{Value, json};
use shared::Category;
use shared::api::auth::Role;
use shared::api::documents::DocumentSummary;
use shared::api::wishes::{PersonalWishes, WishKind, WishVersion};
use shared::ids::PatientId;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Blob, BlobPropertyBag, HtmlInputElement, HtmlTextAreaElement, SubmitEvent};
use yew::prelude::*;

use super::documents::DocumentList;
use super::record::MAX_TITLE;
use super::wishes::WishEditor;
use super::{loading, use_page};
use crate::api::documents::Filing;
use crate::api::{self, ApiFailure, Remote};
use crate::app::Route;
use crate::browser;
use crate::components::date_field::DateField;
use crate::components::field::{TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::components::route_link::RouteLink;
use crate::forms::{iso_date, parse_iso_date};
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, messages};
use crate::session::use_session;

/// The extension that carries a note's text as the patient typed it, so that it can be edited.
pub const NOTE_TEXT_EXTENSION: &str = "https://dsp.lu/fhir/StructureDefinition/patient-note-text";

/// The longest note, in characters.
pub const MAX_NOTE: usize = 20_000;

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// A note as the record files it: a FHIR `Composition` about the patient (`Patient/<id>` on this
/// server), written by them, whose narrative is the text, one paragraph a line.
#[must_use]
pub fn note_resource(
    patient: PatientId,
    author: &str,
    title: &str,
    date: &str,
    text: &str,
) -> Value {
    let paragraphs: String = text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| format!("<p>{}</p>", escape(line)))
        .collect();
    json!({
        "resourceType": "Composition",
        "status": "final",
        "type": {"coding": [{"system": "http://loinc.org", "code": "51855-5", "display": "Patient Note"}]},
        "subject": {"reference": format!("Patient/{}", patient.0)},
        "date": date,
        "author": [{"display": author}],
        "title": title,
        "text": {
            "status": "generated",
            "div": format!("<div xmlns=\"http://www.w3.org/1999/xhtml\">{paragraphs}</div>"),
        },
        "extension": [{"url": NOTE_TEXT_EXTENSION, "valueString": text}],
    })
}

/// The text of a note filed by [`note_resource`]; `None` for any other document.
#[must_use]
pub fn note_text(resource: &Value) -> Option<String> {
    resource
        .get("extension")?
        .as_array()?
        .iter()
        .find(|e| e.get("url").and_then(Value::as_str) == Some(NOTE_TEXT_EXTENSION))?
        .get("valueString")?
        .as_str()
        .map(str::to_owned)
}

/// What is wrong with a note or a filing, as a message key (`None`: nothing).
#[must_use]
pub fn filing_problem(title: &str, date: &str) -> Option<&'static str> {
    let title = title.trim();
    if title.is_empty() {
        Some("personal-title-required")
    } else if title.chars().count() > MAX_TITLE {
        Some("upload-title-too-long")
    } else if parse_iso_date(date).is_none() {
        Some("field-invalid-date")
    } else {
        None
    }
}

/// Whether a document is one of the patient's own entries in the personal space.
#[must_use]
pub fn is_own_entry(document: &DocumentSummary) -> bool {
    document.category == Category::PersonalExpression && document.author_id.is_none()
}

fn json_blob(value: &Value) -> Option<Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(&value.to_string()));
    let options = BlobPropertyBag::new();
    options.set_type("application/fhir+json");
    Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// See the module documentation.
#[component]
pub fn PersonalSpacePage() -> Html {
    let i18n = use_i18n();
    use_page("personal-title");
    let session = use_session();
    let me = session
        .as_role(Role::Patient)
        .map(|info| (PatientId(info.subject_id), info.display_name.clone()));
    let wishes = use_state(|| Remote::<PersonalWishes>::Loading);
    let documents = use_state(|| Remote::<Vec<DocumentSummary>>::Loading);
    let reload = {
        let documents = documents.clone();
        Callback::from(move |()| {
            let documents = documents.clone();
            spawn_local(async move { documents.set(api::documents::own().await.into()) });
        })
    };
    {
        let wishes = wishes.clone();
        let reload = reload.clone();
        use_effect_with(me.is_some(), move |signed_in| {
            if *signed_in {
                reload.emit(());
                spawn_local(async move { wishes.set(api::wishes::own().await.into()) });
            }
        });
    }
    if session.is_checking() {
        return html! { <article class="page">{ loading(i18n.t("session-checking")) }</article> };
    }
    let Some((patient, name)) = me else {
        return html! {
            <article class="page narrow">
                <h1 id="page-heading" tabindex="-1">{ i18n.t("personal-heading") }</h1>
                <p class="notice">
                    { i18n.t("personal-signed-out") }{ " " }
                    <RouteLink to={Route::SignIn}>{ i18n.t("area-sign-in-link") }</RouteLink>
                </p>
            </article>
        };
    };
    let wish_forms = match &*wishes {
        Remote::Loading => loading(i18n.t("loading")),
        Remote::Failed(f) => {
            html! { <ErrorMessage text={AttrValue::from(messages::api_failure(&i18n, f))} /> }
        }
        Remote::Ready(found) => html! {
            { for WishKind::ALL.into_iter().map(|kind| {
                let on_saved = {
                    let wishes = wishes.clone();
                    let found = found.clone();
                    Callback::from(move |saved: WishVersion| {
                        let mut updated = found.clone();
                        updated.set(saved.kind, Some(saved));
                        wishes.set(Remote::Ready(updated));
                    })
                };
                html! { <WishEditor {kind} current={found.of(kind).cloned()} {on_saved} /> }
            }) }
        },
    };
    let entries = match &*documents {
        Remote::Loading => loading(i18n.t("loading")),
        Remote::Failed(f) => {
            html! { <ErrorMessage text={AttrValue::from(messages::api_failure(&i18n, f))} /> }
        }
        Remote::Ready(list) => {
            let own: Vec<DocumentSummary> =
                list.iter().filter(|d| is_own_entry(d)).cloned().collect();
            if own.is_empty() {
                html! { <p class="muted">{ i18n.t("personal-entries-none") }</p> }
            } else {
                let controls = {
                    let reload = reload.clone();
                    let name = name.clone();
                    Callback::from(move |document: DocumentSummary| {
                        html! {
                            <EntryControls {document} {patient} author={name.clone()} on_changed={reload.clone()} />
                        }
                    })
                };
                html! { <DocumentList documents={own} {controls} /> }
            }
        }
    };
    html! {
        <article class="page">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("personal-heading") }</h1>
            <p class="lead">{ i18n.t("personal-intro") }</p>
            <p><RouteLink to={Route::Patient}>{ i18n.t("history-back") }</RouteLink></p>
            { wish_forms }
            <NoteForm {patient} author={name.clone()} on_filed={reload.clone()} />
            <FileForm on_filed={reload} />
            <section class="panel" aria-labelledby="personal-entries-heading">
                <h2 id="personal-entries-heading">{ i18n.t("personal-entries-heading") }</h2>
                { entries }
            </section>
        </article>
    }
}

/// Props of [`NoteForm`].
#[derive(Debug, Clone, PartialEq, Properties)]
struct NoteFormProps {
    patient: PatientId,
    author: String,
    on_filed: Callback<()>,
}

/// Writes a new note.
#[component]
fn NoteForm(props: &NoteFormProps) -> Html {
    let i18n = use_i18n();
    let title = use_state(String::new);
    let date = use_state(|| iso_date(browser::today()));
    let text = use_state(String::new);
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<Result<String, String>>);
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |value: String| state.set(value))
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let onsubmit = {
        let (title, date, text, busy, outcome) =
            (title.clone(), date.clone(), text.clone(), busy.clone(), outcome.clone());
        let (patient, author, on_filed) =
            (props.patient, props.author.clone(), props.on_filed.clone());
        let i18n = i18n.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            let problem = filing_problem(&title, &date).or_else(|| {
                let length = text.trim().chars().count();
                (length == 0 || length > MAX_NOTE).then_some("personal-note-required")
            });
            if let Some(key) = problem {
                outcome.set(Some(Err(i18n.t(key))));
                return;
            }
            let resource = note_resource(patient, &author, title.trim(), &date, text.trim());
            let Some(blob) = json_blob(&resource) else { return };
            busy.set(true);
            outcome.set(None);
            let (title, text, busy, outcome, on_filed, i18n) = (
                title.clone(),
                text.clone(),
                busy.clone(),
                outcome.clone(),
                on_filed.clone(),
                i18n.clone(),
            );
            let date = (*date).clone();
            spawn_local(async move {
                let filing = Filing {
                    category: Some(Category::PersonalExpression.code()),
                    title: title.trim(),
                    clinical_date: &date,
                    file_name: None,
                };
                match api::documents::upload_own(&filing, &blob, Callback::noop()).await {
                    Ok(filed) => {
                        outcome.set(Some(Ok(
                            i18n.t_args("upload-done", [("title", Arg::from(filed.title))])
                        )));
                        title.set(String::new());
                        text.set(String::new());
                        on_filed.emit(());
                    }
                    Err(failure) => outcome.set(Some(Err(messages::api_failure(&i18n, &failure)))),
                }
                busy.set(false);
            });
        })
    };
    let (status, error) = split(&outcome);
    html! {
        <section class="panel" aria-labelledby="note-heading">
            <h2 id="note-heading">{ i18n.t("personal-note-heading") }</h2>
            <form class="form" {onsubmit} novalidate=true>
                <TextField id="note-title" label={i18n.t("upload-title-label")} value={(*title).clone()}
                    on_input={set(&title)} maxlength="200" required=true />
                <DateField id="note-date" label={i18n.t("personal-date-label")} value={(*date).clone()}
                    on_input={set(&date)} tone={Tone::Error} required=true />
                <div class="field">
                    <label for="note-text">{ i18n.t("personal-note-label") }</label>
                    <textarea id="note-text" rows="6" maxlength="20000" value={(*text).clone()} oninput={on_text} />
                </div>
                <div class="actions">
                    <button id="note-save" type="submit" class="button-primary" disabled={*busy}>
                        { i18n.t("personal-note-save") }
                    </button>
                </div>
            </form>
            <StatusMessage text={status} />
            <ErrorMessage text={error} />
        </section>
    }
}

fn split(outcome: &Option<Result<String, String>>) -> (Option<AttrValue>, Option<AttrValue>) {
    match outcome {
        Some(Ok(text)) => (Some(AttrValue::from(text.clone())), None),
        Some(Err(text)) => (None, Some(AttrValue::from(text.clone()))),
        None => (None, None),
    }
}

/// Props of [`FileForm`].
#[derive(Debug, Clone, PartialEq, Properties)]
struct FileFormProps {
    on_filed: Callback<()>,
}

/// Adds a document of one's own (a PDF, an image …).
#[component]
fn FileForm(props: &FileFormProps) -> Html {
    let i18n = use_i18n();
    let file_ref = use_node_ref();
    let title = use_state(String::new);
    let date = use_state(|| iso_date(browser::today()));
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<Result<String, String>>);
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |value: String| state.set(value))
    };
    let onsubmit = {
        let (title, date, busy, outcome, file_ref) =
            (title.clone(), date.clone(), busy.clone(), outcome.clone(), file_ref.clone());
        let on_filed = props.on_filed.clone();
        let i18n = i18n.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            let input = file_ref.cast::<HtmlInputElement>();
            let Some(file) =
                input.as_ref().and_then(HtmlInputElement::files).and_then(|f| f.get(0))
            else {
                outcome.set(Some(Err(i18n.t("upload-file-required"))));
                return;
            };
            if let Some(key) = filing_problem(&title, &date) {
                outcome.set(Some(Err(i18n.t(key))));
                return;
            }
            busy.set(true);
            outcome.set(None);
            let (title, date, busy, outcome, on_filed, i18n) = (
                title.clone(),
                (*date).clone(),
                busy.clone(),
                outcome.clone(),
                on_filed.clone(),
                i18n.clone(),
            );
            spawn_local(async move {
                let filing = Filing {
                    category: Some(Category::PersonalExpression.code()),
                    title: title.trim(),
                    clinical_date: &date,
                    file_name: Some(file.name()),
                };
                match api::documents::upload_own(&filing, &file, Callback::noop()).await {
                    Ok(filed) => {
                        outcome.set(Some(Ok(
                            i18n.t_args("upload-done", [("title", Arg::from(filed.title))])
                        )));
                        title.set(String::new());
                        if let Some(input) = input {
                            input.set_value("");
                        }
                        on_filed.emit(());
                    }
                    Err(failure) => outcome.set(Some(Err(messages::api_failure(&i18n, &failure)))),
                }
                busy.set(false);
            });
        })
    };
    let (status, error) = split(&outcome);
    html! {
        <section class="panel" aria-labelledby="own-file-heading">
            <h2 id="own-file-heading">{ i18n.t("personal-file-heading") }</h2>
            <form class="form" {onsubmit} novalidate=true>
                <div class="field">
                    <label for="own-file">{ i18n.t("upload-file-label") }</label>
                    <p id="own-file-hint" class="field-hint">{ i18n.t("upload-file-hint") }</p>
                    <input id="own-file" type="file" ref={file_ref} aria-describedby="own-file-hint"
                        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" />
                </div>
                <TextField id="own-file-title" label={i18n.t("upload-title-label")} value={(*title).clone()}
                    on_input={set(&title)} maxlength="200" required=true />
                <DateField id="own-file-date" label={i18n.t("personal-date-label")} value={(*date).clone()}
                    on_input={set(&date)} tone={Tone::Error} required=true />
                <div class="actions">
                    <button id="own-file-save" type="submit" class="button-primary" disabled={*busy}>
                        { i18n.t("upload-button") }
                    </button>
                </div>
            </form>
            <StatusMessage text={status} />
            <ErrorMessage text={error} />
        </section>
    }
}

/// Props of [`EntryControls`].
#[derive(Debug, Clone, PartialEq, Properties)]
struct EntryControlsProps {
    document: DocumentSummary,
    patient: PatientId,
    author: String,
    on_changed: Callback<()>,
}

/// Edits (a new version) or withdraws one of the patient's own entries.
#[component]
fn EntryControls(props: &EntryControlsProps) -> Html {
    let i18n = use_i18n();
    // The note's text being edited; `None` while not editing.
    let editing = use_state(|| None::<String>);
    let reason = use_state(String::new);
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<Result<String, String>>);
    let file_ref = use_node_ref();
    let id = props.document.id;
    if props.document.withdrawn_reason.is_some() {
        return html! { <p class="muted">{ i18n.t("personal-entry-withdrawn") }</p> };
    }
    let is_note = props.document.format == "fhir_json";
    let done = {
        let (busy, outcome, editing, on_changed, i18n) = (
            busy.clone(),
            outcome.clone(),
            editing.clone(),
            props.on_changed.clone(),
            i18n.clone(),
        );
        move |result: Result<DocumentSummary, ApiFailure>, key: &'static str| {
            match result {
                Ok(_) => {
                    outcome.set(Some(Ok(i18n.t(key))));
                    editing.set(None);
                    on_changed.emit(());
                }
                Err(failure) => outcome.set(Some(Err(messages::api_failure(&i18n, &failure)))),
            }
            busy.set(false);
        }
    };
    let on_edit = {
        let (editing, outcome, i18n) = (editing.clone(), outcome.clone(), i18n.clone());
        Callback::from(move |_: MouseEvent| {
            let (editing, outcome, i18n) = (editing.clone(), outcome.clone(), i18n.clone());
            spawn_local(async move {
                let text = api::documents::content(id)
                    .await
                    .ok()
                    .and_then(|d| serde_json::from_slice::<Value>(&d.bytes).ok())
                    .and_then(|v| note_text(&v));
                match text {
                    Some(text) => editing.set(Some(text)),
                    None => outcome.set(Some(Err(i18n.t("error-unexpected-response")))),
                }
            });
        })
    };
    let on_text = {
        let editing = editing.clone();
        Callback::from(move |e: InputEvent| {
            editing.set(Some(e.target_unchecked_into::<HtmlTextAreaElement>().value()));
        })
    };
    let document = props.document.clone();
    let date = iso_date(document.clinical_date);
    let on_save_note = {
        let (editing, busy, done) = (editing.clone(), busy.clone(), done.clone());
        let (patient, author, document, date) =
            (props.patient, props.author.clone(), document.clone(), date.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(text) = (*editing).clone().filter(|t| !t.trim().is_empty()) else { return };
            let resource = note_resource(patient, &author, &document.title, &date, text.trim());
            let Some(blob) = json_blob(&resource) else { return };
            busy.set(true);
            let (done, title, date) = (done.clone(), document.title.clone(), date.clone());
            spawn_local(async move {
                let filing =
                    Filing { category: None, title: &title, clinical_date: &date, file_name: None };
                done(
                    api::documents::new_version(id, &filing, &blob, Callback::noop()).await,
                    "personal-entry-saved",
                );
            });
        })
    };
    let on_replace = {
        let (file_ref, busy, done, outcome, i18n) =
            (file_ref.clone(), busy.clone(), done.clone(), outcome.clone(), i18n.clone());
        let (title, date) = (document.title.clone(), date.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(file) =
                file_ref.cast::<HtmlInputElement>().and_then(|i| i.files()).and_then(|f| f.get(0))
            else {
                outcome.set(Some(Err(i18n.t("upload-file-required"))));
                return;
            };
            busy.set(true);
            let (done, title, date) = (done.clone(), title.clone(), date.clone());
            spawn_local(async move {
                let filing = Filing {
                    category: None,
                    title: &title,
                    clinical_date: &date,
                    file_name: Some(file.name()),
                };
                done(
                    api::documents::new_version(id, &filing, &file, Callback::noop()).await,
                    "personal-entry-saved",
                );
            });
        })
    };
    let on_withdraw = {
        let (reason, busy, done, outcome, i18n) =
            (reason.clone(), busy.clone(), done.clone(), outcome.clone(), i18n.clone());
        Callback::from(move |_: MouseEvent| {
            let text = reason.trim().to_owned();
            if !(3..=500).contains(&text.chars().count()) {
                outcome.set(Some(Err(i18n.t("personal-reason-required"))));
                return;
            }
            busy.set(true);
            let done = done.clone();
            spawn_local(async move {
                done(api::documents::withdraw(id, &text).await, "personal-entry-withdrawn-done")
            });
        })
    };
    let set_reason = {
        let reason = reason.clone();
        Callback::from(move |value: String| reason.set(value))
    };
    let (status, error) = split(&outcome);
    let key = id.0;
    html! {
        <div class="entry-controls">
            if is_note {
                if let Some(text) = &*editing {
                    <div class="field">
                        <label for={format!("edit-note-{key}")}>{ i18n.t("personal-note-label") }</label>
                        <textarea id={format!("edit-note-{key}")} class="edit-note" rows="6" maxlength="20000"
                            value={text.clone()} oninput={on_text} />
                    </div>
                    <button type="button" class="button-primary save-note" disabled={*busy} onclick={on_save_note}>
                        { i18n.t("personal-entry-save") }
                    </button>
                } else {
                    <button type="button" class="button-secondary edit-note-button" onclick={on_edit}>
                        { i18n.t("personal-entry-edit") }
                    </button>
                }
            } else {
                <div class="field">
                    <label for={format!("replace-{key}")}>{ i18n.t("personal-entry-replace-label") }</label>
                    <input id={format!("replace-{key}")} type="file" ref={file_ref}
                        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" />
                </div>
                <button type="button" class="button-secondary replace-file" disabled={*busy} onclick={on_replace}>
                    { i18n.t("personal-entry-save") }
                </button>
            }
            <TextField id={format!("withdraw-reason-{key}")} label={i18n.t("personal-reason-label")}
                value={(*reason).clone()} on_input={set_reason} maxlength="500" />
            <button type="button" class="button-secondary withdraw-entry" disabled={*busy} onclick={on_withdraw}>
                { i18n.t("personal-entry-withdraw") }
            </button>
            <StatusMessage text={status} />
            <ErrorMessage text={error} />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    #[test]
    fn a_note_names_its_patient_escapes_its_narrative_and_reads_back() {
        let patient = PatientId(Uuid::from_u128(7));
        let text = "Pas de transfusion <b>sauf</b> urgence & accord\n\nAppeler Anne";
        let note = note_resource(patient, "Léa Schroeder", "Mes souhaits", "2026-11-30", text);
        assert_eq!(note["subject"]["reference"], format!("Patient/{}", patient.0));
        let div = note["text"]["div"].as_str().unwrap();
        assert!(
            div.contains("<p>Pas de transfusion &lt;b&gt;sauf&lt;/b&gt; urgence &amp; accord</p>")
        );
        assert!(div.ends_with("<p>Appeler Anne</p></div>"), "{div}");
        assert_eq!(note_text(&note).as_deref(), Some(text));
        assert_eq!(note_text(&json!({"resourceType": "Observation"})), None);
    }

    #[test]
    fn a_filing_needs_a_title_and_a_date() {
        assert_eq!(filing_problem(" ", "2026-11-30"), Some("personal-title-required"));
        assert_eq!(filing_problem(&"x".repeat(201), "2026-11-30"), Some("upload-title-too-long"));
        assert_eq!(filing_problem("Note", "30/11/2026"), Some("field-invalid-date"));
        assert_eq!(filing_problem("Note", "2026-11-30"), None);
    }
}
