//! A professional's acts on a record beyond filing: a new version of a document they may replace,
//! withdrawing a document they wrote (with a reason, after a confirmation), and recording the
//! patient's refusal, at the point of care, that a document be filed.
//!
//! The server's list says what the rules let this professional do to each document
//! (`may_replace`, `may_withdraw`); only those acts are offered, and the server decides again when
//! the act arrives: its refusal is shown in words.

use shared::Category;
use shared::api::documents::DocumentSummary;
use shared::ids::PatientId;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, HtmlTextAreaElement, SubmitEvent};
use yew::prelude::*;

use super::record::{MAX_TITLE, percent};
use crate::api::{self, ApiFailure};
use crate::browser;
use crate::components::field::{Choice, SelectField, TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::forms::{iso_date, parse_iso_date};
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};
use crate::order;

/// The shortest and longest reason for a withdrawal the server accepts.
pub const WITHDRAW_REASON: std::ops::RangeInclusive<usize> = 3..=500;

/// What is wrong with the new-version form, as (field, message key), in the order of the form.
#[must_use]
pub fn version_problems(
    has_file: bool,
    title: &str,
    date: &str,
) -> Vec<(&'static str, &'static str)> {
    let mut problems = Vec::new();
    if !has_file {
        problems.push(("file", "upload-file-required"));
    }
    let title = title.trim();
    if title.is_empty() {
        problems.push(("title", "field-required"));
    } else if title.chars().count() > MAX_TITLE {
        problems.push(("title", "upload-title-too-long"));
    }
    if date.trim().is_empty() {
        problems.push(("date", "field-required"));
    } else if parse_iso_date(date).is_none() {
        problems.push(("date", "field-invalid-date"));
    }
    problems
}

/// What is wrong with a withdrawal's reason, as a message key.
#[must_use]
pub fn reason_problem(reason: &str) -> Option<&'static str> {
    let count = reason.trim().chars().count();
    if count == 0 {
        Some("field-required")
    } else if count < *WITHDRAW_REASON.start() {
        Some("acts-reason-too-short")
    } else if count > *WITHDRAW_REASON.end() {
        Some("acts-reason-too-long")
    } else {
        None
    }
}

/// What is wrong with the refusal form, as (field, message key).
#[must_use]
pub fn refusal_problems(category: &str, title: &str) -> Vec<(&'static str, &'static str)> {
    let mut problems = Vec::new();
    if Category::from_code(category).is_none() {
        problems.push(("refusal-category", "upload-category-required"));
    }
    let title = title.trim();
    if title.is_empty() {
        problems.push(("refusal-title", "field-required"));
    } else if title.chars().count() > MAX_TITLE {
        problems.push(("refusal-title", "upload-title-too-long"));
    }
    problems
}

/// A refused act on a document, in words: `not_found` means the rules no longer let this
/// professional do it (the document was withdrawn, the relation ended, the patient restricted it).
#[must_use]
pub fn act_failure(tr: &Translator, failure: &ApiFailure) -> String {
    messages::api_failure_or(tr, failure, "acts-not-allowed")
}

/// Which act's form a document shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    Version,
    Withdraw,
}

/// Props of [`DocumentActs`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct DocumentActsProps {
    /// The document, with what the rules let this professional do to it.
    pub document: DocumentSummary,
    /// Called with what to tell the professional once an act succeeded (the record reloads).
    pub on_done: Callback<String>,
}

/// The acts a professional may perform on one document of the record.
#[component]
pub fn DocumentActs(props: &DocumentActsProps) -> Html {
    let i18n = use_i18n();
    let open = use_state(|| Open::Nothing);
    let document = &props.document;
    if !document.may_replace && !document.may_withdraw {
        return Html::default();
    }
    let choose = |value: Open| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(if *open == value { Open::Nothing } else { value })
        })
    };
    let close = {
        let open = open.clone();
        Callback::from(move |()| open.set(Open::Nothing))
    };
    // A form that did its act closes; the record page says what was done.
    let done = {
        let open = open.clone();
        let on_done = props.on_done.clone();
        Callback::from(move |text: String| {
            open.set(Open::Nothing);
            on_done.emit(text);
        })
    };
    let title_id = format!("document-title-{}", document.id.0);
    html! {
        <div class="document-acts">
            <div class="in-page">
                if document.may_replace {
                    <button type="button" class="button-secondary new-version"
                        aria-expanded={(*open == Open::Version).to_string()}
                        aria-describedby={title_id.clone()} onclick={choose(Open::Version)}>
                        { i18n.t("acts-new-version") }
                    </button>
                }
                if document.may_withdraw {
                    <button type="button" class="button-secondary withdraw-document"
                        aria-expanded={(*open == Open::Withdraw).to_string()}
                        aria-describedby={title_id} onclick={choose(Open::Withdraw)}>
                        { i18n.t("acts-withdraw") }
                    </button>
                }
            </div>
            if *open == Open::Version {
                <VersionForm document={document.clone()} on_done={done.clone()} on_cancel={close.clone()} />
            }
            if *open == Open::Withdraw {
                <WithdrawForm document={document.clone()} on_done={done} on_cancel={close} />
            }
        </div>
    }
}

/// Props of the forms of one act.
#[derive(Debug, Clone, PartialEq, Properties)]
struct ActFormProps {
    document: DocumentSummary,
    on_done: Callback<String>,
    on_cancel: Callback<()>,
}

/// A new version: the file, and the title and clinical date the document takes.
#[component]
fn VersionForm(props: &ActFormProps) -> Html {
    let i18n = use_i18n();
    let document = &props.document;
    let prefix = format!("version-{}", document.id.0);
    let file_ref = use_node_ref();
    let has_file = use_state(|| false);
    let title = use_state(|| document.title.clone());
    let date = use_state(|| iso_date(document.clinical_date));
    let submitted = use_state(|| false);
    let busy = use_state(|| false);
    let progress = use_state(|| None::<u8>);
    let failure = use_state(|| None::<ApiFailure>);

    let problems = version_problems(*has_file, &title, &date);
    let problem = |field: &str| {
        problems
            .iter()
            .find(|(f, _)| *f == field)
            .filter(|_| *submitted)
            .map(|(_, key)| AttrValue::from(i18n.t(key)))
    };
    let on_file = {
        let has_file = has_file.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            has_file.set(input.files().and_then(|files| files.get(0)).is_some());
        })
    };
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |value: String| state.set(value))
    };
    let onsubmit = {
        let file_ref = file_ref.clone();
        let title = title.clone();
        let date = date.clone();
        let submitted = submitted.clone();
        let busy = busy.clone();
        let progress = progress.clone();
        let failure = failure.clone();
        let id = document.id;
        let prefix = prefix.clone();
        let on_done = props.on_done.clone();
        let tr = i18n.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            submitted.set(true);
            let file = file_ref
                .cast::<HtmlInputElement>()
                .and_then(|input| input.files())
                .and_then(|files| files.get(0));
            if let Some((field, _)) = version_problems(file.is_some(), &title, &date).first() {
                browser::focus_element(&format!("{prefix}-{field}"));
                return;
            }
            let Some(file) = file else { return };
            let (title, date) = (title.trim().to_owned(), date.trim().to_owned());
            busy.set(true);
            failure.set(None);
            progress.set(Some(0));
            let on_progress = {
                let progress = progress.clone();
                Callback::from(move |(sent, total): (f64, f64)| {
                    progress.set(Some(percent(sent, total)));
                })
            };
            let busy = busy.clone();
            let progress = progress.clone();
            let failure = failure.clone();
            let on_done = on_done.clone();
            let tr = tr.clone();
            let prefix = prefix.clone();
            spawn_local(async move {
                match api::documents::upload_version(id, &title, &date, &file, on_progress).await {
                    Ok(filed) => on_done.emit(tr.t_args(
                        "acts-version-done",
                        [("title", Arg::from(filed.title)), ("version", Arg::from(filed.version))],
                    )),
                    Err(e) => {
                        progress.set(None);
                        failure.set(Some(e));
                        busy.set(false);
                        browser::focus_element(&format!("{prefix}-result"));
                    }
                }
            });
        })
    };
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let file_problem = problem("file");
    let file_id = format!("{prefix}-file");
    html! {
        <form class="form act-form version-form" onsubmit={onsubmit} novalidate=true>
            <p class="field-hint">{ i18n.t("acts-version-explain") }</p>
            <div class={classes!("field", file_problem.is_some().then_some("field-invalid"))}>
                <label for={file_id.clone()}>{ i18n.t("upload-file-label") }</label>
                <input id={file_id.clone()} name={file_id.clone()} type="file" ref={file_ref}
                    class="version-file"
                    accept=".pdf,.png,.jpg,.jpeg,.xml,.json,application/pdf,image/png,image/jpeg,application/xml,application/fhir+json"
                    onchange={on_file} required=true
                    aria-invalid={file_problem.is_some().then_some("true")}
                    aria-describedby={format!("{file_id}-message")} />
                <p id={format!("{file_id}-message")} class="field-message field-error" aria-live="polite">
                    { file_problem.clone().unwrap_or_default() }
                </p>
            </div>
            <TextField id={format!("{prefix}-title")} label={i18n.t("upload-title-label")}
                value={(*title).clone()} on_input={set(&title)} message={problem("title")}
                tone={Tone::Error} maxlength="200" required=true />
            <TextField id={format!("{prefix}-date")} label={i18n.t("upload-date-label")}
                value={(*date).clone()} on_input={set(&date)} input_type="date"
                message={problem("date")} tone={Tone::Error} required=true />
            <div class="actions">
                <button type="submit" class="button-primary file-version" disabled={*busy}>
                    { i18n.t("acts-version-button") }
                </button>
                <button type="button" class="button-secondary" onclick={cancel} disabled={*busy}>
                    { i18n.t("acts-cancel") }
                </button>
            </div>
            if let Some(done) = *progress {
                <p>
                    <label for={format!("{prefix}-progress")}>{ i18n.t("upload-progress-label") }</label>{ " " }
                    <progress id={format!("{prefix}-progress")} max="100" value={done.to_string()}>
                        { format!("{done} %") }
                    </progress>
                    { format!(" {done} %") }
                </p>
            }
            <div id={format!("{prefix}-result")} tabindex="-1">
                <ErrorMessage text={(*failure).as_ref().map(|f| AttrValue::from(act_failure(&i18n, f)))} />
            </div>
        </form>
    }
}

/// A withdrawal: what it does, the reason, and a confirmation.
#[component]
fn WithdrawForm(props: &ActFormProps) -> Html {
    let i18n = use_i18n();
    let document = &props.document;
    let prefix = format!("withdraw-{}", document.id.0);
    let reason = use_state(String::new);
    let submitted = use_state(|| false);
    let confirming = use_state(|| false);
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiFailure>);
    let problem = reason_problem(&reason).filter(|_| *submitted);
    let on_input = {
        let reason = reason.clone();
        let confirming = confirming.clone();
        Callback::from(move |event: InputEvent| {
            reason.set(event.target_unchecked_into::<HtmlTextAreaElement>().value());
            confirming.set(false);
        })
    };
    let onsubmit = {
        let reason = reason.clone();
        let submitted = submitted.clone();
        let confirming = confirming.clone();
        let busy = busy.clone();
        let failure = failure.clone();
        let id = document.id;
        let prefix = prefix.clone();
        let on_done = props.on_done.clone();
        let tr = i18n.clone();
        let title = document.title.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            submitted.set(true);
            if reason_problem(&reason).is_some() {
                browser::focus_element(&format!("{prefix}-reason"));
                return;
            }
            // First the confirmation, then the act.
            if !*confirming {
                confirming.set(true);
                browser::focus_element(&format!("{prefix}-confirm"));
                return;
            }
            let reason = reason.trim().to_owned();
            busy.set(true);
            failure.set(None);
            let busy = busy.clone();
            let failure = failure.clone();
            let on_done = on_done.clone();
            let tr = tr.clone();
            let prefix = prefix.clone();
            let title = title.clone();
            spawn_local(async move {
                match api::documents::withdraw(id, &reason).await {
                    Ok(_) => {
                        on_done.emit(tr.t_args("acts-withdraw-done", [("title", Arg::from(title))]))
                    }
                    Err(e) => {
                        failure.set(Some(e));
                        busy.set(false);
                        browser::focus_element(&format!("{prefix}-result"));
                    }
                }
            });
        })
    };
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let reason_id = format!("{prefix}-reason");
    let count = reason.trim().chars().count();
    html! {
        <form class="form act-form withdraw-form" onsubmit={onsubmit} novalidate=true>
            <p id={format!("{prefix}-explain")} class="warning">{ i18n.t("acts-withdraw-explain") }</p>
            <div class={classes!("field", problem.is_some().then_some("field-invalid"))}>
                <label for={reason_id.clone()}>{ i18n.t("acts-withdraw-reason-label") }</label>
                <p id={format!("{reason_id}-hint")} class="field-hint">
                    { i18n.t_args("acts-withdraw-reason-hint", [("count", Arg::from(count))]) }
                </p>
                <textarea id={reason_id.clone()} name={reason_id.clone()} rows="3" class="withdraw-reason"
                    maxlength={WITHDRAW_REASON.end().to_string()} required=true
                    value={(*reason).clone()} oninput={on_input}
                    aria-invalid={problem.is_some().then_some("true")}
                    aria-describedby={format!("{prefix}-explain {reason_id}-hint {reason_id}-message")} />
                <p id={format!("{reason_id}-message")} class="field-message field-error" aria-live="polite">
                    { problem.map(|key| i18n.t(key)).unwrap_or_default() }
                </p>
            </div>
            if *confirming {
                <p id={format!("{prefix}-confirm-text")} class="notice" role="alert">
                    { i18n.t_args("acts-withdraw-confirm-text", [("title", Arg::from(document.title.clone()))]) }
                </p>
            }
            <div class="actions">
                if *confirming {
                    <button id={format!("{prefix}-confirm")} type="submit"
                        class="button-danger confirm-withdraw" disabled={*busy}
                        aria-describedby={format!("{prefix}-confirm-text")}>
                        { i18n.t("acts-withdraw-confirm") }
                    </button>
                } else {
                    <button type="submit" class="button-primary withdraw-continue" disabled={*busy}>
                        { i18n.t("acts-withdraw-button") }
                    </button>
                }
                <button type="button" class="button-secondary" onclick={cancel} disabled={*busy}>
                    { i18n.t("acts-cancel") }
                </button>
            </div>
            <div id={format!("{prefix}-result")} tabindex="-1">
                <ErrorMessage text={(*failure).as_ref().map(|f| AttrValue::from(act_failure(&i18n, f)))} />
            </div>
        </form>
    }
}

/// Props of [`RefusalForm`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct RefusalFormProps {
    /// The record.
    pub patient: PatientId,
}

/// The patient's refusal, at the point of care, that a document be filed: what it means, and
/// the form that records it (nothing is filed; the patient reads it in their history).
#[component]
pub fn RefusalForm(props: &RefusalFormProps) -> Html {
    let i18n = use_i18n();
    let category = use_state(String::new);
    let title = use_state(String::new);
    let submitted = use_state(|| false);
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<Result<String, ApiFailure>>);
    let problems = refusal_problems(&category, &title);
    let problem = |field: &str| {
        problems
            .iter()
            .find(|(f, _)| *f == field)
            .filter(|_| *submitted)
            .map(|(_, key)| AttrValue::from(i18n.t(key)))
    };
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |value: String| state.set(value))
    };
    let onsubmit = {
        let category = category.clone();
        let title = title.clone();
        let submitted = submitted.clone();
        let busy = busy.clone();
        let outcome = outcome.clone();
        let patient = props.patient;
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            submitted.set(true);
            if let Some((field, _)) = refusal_problems(&category, &title).first() {
                browser::focus_element(field);
                return;
            }
            let Some(code) = Category::from_code(&category) else { return };
            let what = title.trim().to_owned();
            busy.set(true);
            outcome.set(None);
            let busy = busy.clone();
            let outcome = outcome.clone();
            let title = title.clone();
            let category = category.clone();
            let submitted = submitted.clone();
            spawn_local(async move {
                let result = api::documents::record_refusal(patient, code, &what).await;
                if result.is_ok() {
                    title.set(String::new());
                    category.set(String::new());
                    submitted.set(false);
                }
                outcome.set(Some(result.map(|()| what)));
                busy.set(false);
                browser::focus_element("refusal-result");
            });
        })
    };
    let mut choices: Vec<Choice> = Category::ALL
        .iter()
        .map(|c| Choice { value: c.code().to_owned(), label: messages::category_name(&i18n, *c) })
        .collect();
    order::sort_by(&mut choices, |a, b| a.label.cmp(&b.label));
    let success = match &*outcome {
        Some(Ok(what)) => {
            Some(AttrValue::from(i18n.t_args("refusal-done", [("title", Arg::from(what.clone()))])))
        }
        _ => None,
    };
    let failure = match &*outcome {
        Some(Err(failure)) => Some(AttrValue::from(refusal_failure(&i18n, failure))),
        _ => None,
    };
    html! {
        <section class="panel" aria-labelledby="refusal-heading">
            <h2 id="refusal-heading">{ i18n.t("refusal-heading") }</h2>
            <ul id="refusal-explain">
                <li>{ i18n.t("refusal-explain-when") }</li>
                <li>{ i18n.t("refusal-explain-nothing-filed") }</li>
                <li>{ i18n.t("refusal-explain-patient") }</li>
            </ul>
            <form class="form" onsubmit={onsubmit} novalidate=true>
                <SelectField id="refusal-category" label={i18n.t("refusal-category-label")}
                    value={(*category).clone()} choices={choices} on_change={set(&category)}
                    placeholder={AttrValue::from(i18n.t("upload-category-choose"))}
                    message={problem("refusal-category")} required=true />
                <TextField id="refusal-title" label={i18n.t("refusal-title-label")}
                    hint={AttrValue::from(i18n.t("refusal-title-hint"))}
                    value={(*title).clone()} on_input={set(&title)} message={problem("refusal-title")}
                    tone={Tone::Error} maxlength="200" required=true />
                <div class="actions">
                    <button id="refusal-button" type="submit" class="button-primary" disabled={*busy}>
                        { i18n.t("refusal-button") }
                    </button>
                </div>
            </form>
            <div id="refusal-result" tabindex="-1">
                <StatusMessage text={success} />
                <ErrorMessage text={failure} />
            </div>
        </section>
    }
}

/// A refused refusal, in words: `not_found` means the rules do not let this professional file a
/// document of this category in this record (so there is no filing to refuse).
#[must_use]
pub fn refusal_failure(tr: &Translator, failure: &ApiFailure) -> String {
    messages::api_failure_or(tr, failure, "refusal-not-allowed")
}

#[cfg(test)]
mod tests {
    use shared::{ApiErrorCode, Language};

    use super::*;

    #[test]
    fn a_new_version_needs_a_file_a_title_and_a_date() {
        assert_eq!(
            version_problems(false, " ", ""),
            [
                ("file", "upload-file-required"),
                ("title", "field-required"),
                ("date", "field-required")
            ]
        );
        assert!(version_problems(true, "Letter", "2026-11-20").is_empty());
        assert_eq!(
            version_problems(true, &"x".repeat(201), "2026-02-30"),
            [("title", "upload-title-too-long"), ("date", "field-invalid-date")]
        );
    }

    #[test]
    fn a_withdrawal_states_its_reason_in_three_to_five_hundred_characters() {
        assert_eq!(reason_problem("  "), Some("field-required"));
        assert_eq!(reason_problem(" ab "), Some("acts-reason-too-short"));
        assert_eq!(reason_problem("abc"), None);
        assert_eq!(reason_problem(&"é".repeat(500)), None);
        assert_eq!(reason_problem(&"x".repeat(501)), Some("acts-reason-too-long"));
    }

    #[test]
    fn a_refusal_names_a_category_and_what_it_was() {
        assert_eq!(
            refusal_problems("", ""),
            [("refusal-category", "upload-category-required"), ("refusal-title", "field-required")]
        );
        assert!(refusal_problems("lab-analyses", "Blood test").is_empty());
    }

    #[test]
    fn refusals_read_as_what_they_mean_here() {
        let not_found = ApiFailure::Api(shared::ApiError::new(ApiErrorCode::NotFound, ""));
        let invalid = ApiFailure::Api(shared::ApiError::new(ApiErrorCode::InvalidRequest, ""));
        for language in Language::ALL {
            let tr = Translator::new(language);
            assert_eq!(act_failure(&tr, &not_found), tr.t("acts-not-allowed"));
            assert_eq!(refusal_failure(&tr, &not_found), tr.t("refusal-not-allowed"));
            assert_eq!(act_failure(&tr, &invalid), tr.t("error-invalid-request"));
            for key in ["acts-not-allowed", "refusal-not-allowed", "acts-reason-too-short"] {
                assert!(!tr.t(key).starts_with("acts-") && !tr.t(key).starts_with("refusal-"));
            }
        }
    }
}
