//! `/professional/records/:patient_id` (signed-in professionals): the documents of a record that
//! this professional may see, and a form to file one. The file is streamed with a progress bar;
//! the server decides what may be filed (the category matrix, a live relation, the content).
//! Each document offers the acts the rules allow ([`super::record_acts`]: a new version, a
//! withdrawal), and the patient's refusal of a filing is recorded here. A second tab shows the
//! record's access traces, which only its médecin référent reads (the server says who).

use shared::api::auth::Role;
use shared::api::care::PatientFound;
use shared::api::documents::DocumentSummary;
use shared::ids::PatientId;
use shared::{ApiErrorCode, Category};
use uuid::Uuid;
use wasm_bindgen_futures::spawn_local;
use web_sys::{HtmlInputElement, SubmitEvent};
use yew::prelude::*;

use super::documents::DocumentList;
use super::emergency::{EmergencyForm, EmergencyTarget};
use super::history::{History, Source};
use super::record_acts::{DocumentActs, RefusalForm};
use super::wishes::WishesBanner;
use super::{loading, use_page};
use crate::api::documents::UploadRequest;
use crate::api::{self, ApiFailure, Remote};
use crate::app::Route;
use crate::browser;
use crate::components::date_field::DateField;
use crate::components::field::{Choice, SelectField, TextField, Tone};
use crate::components::message::{ErrorMessage, StatusMessage};
use crate::components::route_link::RouteLink;
use crate::forms::parse_iso_date;
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};
use crate::order;
use crate::session::use_session;

/// The longest title the server accepts.
pub const MAX_TITLE: usize = 200;

/// What is wrong with the upload form, as (field id, message key), in the order of the form.
#[must_use]
pub fn upload_problems(
    has_file: bool,
    category: &str,
    title: &str,
    date: &str,
) -> Vec<(&'static str, &'static str)> {
    let mut problems = Vec::new();
    if !has_file {
        problems.push(("upload-file", "upload-file-required"));
    }
    if Category::from_code(category).is_none() {
        problems.push(("upload-category", "upload-category-required"));
    }
    let title = title.trim();
    if title.is_empty() {
        problems.push(("upload-title", "field-required"));
    } else if title.chars().count() > MAX_TITLE {
        problems.push(("upload-title", "upload-title-too-long"));
    }
    if date.trim().is_empty() {
        problems.push(("upload-date", "field-required"));
    } else if parse_iso_date(date).is_none() {
        problems.push(("upload-date", "field-invalid-date"));
    }
    problems
}

/// Whole percent of an upload, 0 to 100.
#[must_use]
pub fn percent(sent: f64, total: f64) -> u8 {
    if total <= 0.0 {
        return 0;
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0..=100"
    )]
    let whole = (sent / total * 100.0).clamp(0.0, 100.0).floor() as u8;
    whole
}

/// A failed upload or list, with `not_found` said as what it means here.
#[must_use]
pub fn record_failure(tr: &Translator, failure: &ApiFailure) -> String {
    messages::api_failure_or(tr, failure, "record-not-found")
}

/// The two views of the record page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    /// The documents, and the acts on the record.
    Documents,
    /// The record's access traces, for its médecin référent.
    Traces,
}

/// Props of [`RecordPage`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct RecordPageProps {
    /// The record.
    pub patient_id: Uuid,
}

/// See the module documentation.
#[component]
pub fn RecordPage(props: &RecordPageProps) -> Html {
    let i18n = use_i18n();
    use_page("record-title");
    let session = use_session();
    let documents = use_state(|| Remote::<Vec<DocumentSummary>>::Loading);
    let broke_glass = use_state(|| false);
    let acted = use_state(|| None::<String>);
    let tab = use_state(|| Tab::Documents);
    let patient = PatientId(props.patient_id);
    let signed_in = session.as_role(Role::Professional).is_some();
    let reload = {
        let documents = documents.clone();
        Callback::from(move |()| {
            let documents = documents.clone();
            spawn_local(
                async move { documents.set(api::documents::for_record(patient).await.into()) },
            );
        })
    };
    {
        let reload = reload.clone();
        use_effect_with((signed_in, patient), move |(signed_in, _)| {
            if *signed_in {
                reload.emit(());
            }
        });
    }
    if session.is_checking() {
        return html! { <article class="page">{ loading(i18n.t("session-checking")) }</article> };
    }
    if !signed_in {
        return html! {
            <article class="page narrow">
                <h1 id="page-heading" tabindex="-1">{ i18n.t("record-heading") }</h1>
                <p class="notice">
                    { i18n.t("record-signed-out") }{ " " }
                    <RouteLink to={Route::SignIn}>{ i18n.t("area-sign-in-link") }</RouteLink>
                </p>
            </article>
        };
    }
    // The emergency form stays after it opened the record, to keep its confirmation in view.
    let no_access =
        *broke_glass || matches!(&*documents, Remote::Failed(f) if f.is(ApiErrorCode::NotFound));
    let on_opened = {
        let broke_glass = broke_glass.clone();
        let reload = reload.clone();
        Callback::from(move |()| {
            broke_glass.set(true);
            reload.emit(());
        })
    };
    // An act on a document (a new version, a withdrawal) says what it did here, and the record
    // reloads: a withdrawn document leaves the list.
    let on_act = {
        let acted = acted.clone();
        let reload = reload.clone();
        Callback::from(move |done: String| {
            acted.set(Some(done));
            reload.emit(());
            browser::focus_element("record-acts-result");
        })
    };
    let controls = Callback::from(move |document: DocumentSummary| {
        html! { <DocumentActs {document} on_done={on_act.clone()} /> }
    });
    let body = match &*documents {
        Remote::Loading => loading(i18n.t("loading")),
        Remote::Failed(failure) => {
            html! { <ErrorMessage text={AttrValue::from(record_failure(&i18n, failure))} /> }
        }
        Remote::Ready(list) => html! { <DocumentList documents={list.clone()} {controls} /> },
    };
    let choose = |value: Tab| {
        let tab = tab.clone();
        Callback::from(move |_: MouseEvent| tab.set(value))
    };
    let pressed = |value: Tab| if *tab == value { "true" } else { "false" };
    let tabs = html! {
        <div class="in-page" role="group" aria-label={i18n.t("record-tabs")}>
            <button type="button" id="record-tab-documents" class="button-secondary"
                aria-pressed={pressed(Tab::Documents)} onclick={choose(Tab::Documents)}>
                { i18n.t("record-documents-heading") }
            </button>
            <button type="button" id="record-tab-traces" class="button-secondary"
                aria-pressed={pressed(Tab::Traces)} onclick={choose(Tab::Traces)}>
                { i18n.t("traces-heading") }
            </button>
        </div>
    };
    if *tab == Tab::Traces {
        return html! {
            <article class="page">
                <h1 id="page-heading" tabindex="-1">{ i18n.t("record-heading") }</h1>
                <p><RouteLink to={Route::Professional}>{ i18n.t("record-back") }</RouteLink></p>
                { tabs }
                <section class="panel" aria-labelledby="traces-heading">
                    <h2 id="traces-heading">{ i18n.t("traces-heading") }</h2>
                    <p>{ i18n.t("traces-intro") }</p>
                    <p class="notice" role="note">{ i18n.t("traces-wording") }</p>
                    <History source={Source::Record(patient)} />
                </section>
            </article>
        };
    }
    html! {
        <article class="page">
            <h1 id="page-heading" tabindex="-1">{ i18n.t("record-heading") }</h1>
            <PatientBanner {patient} generation={u32::from(*broke_glass)} />
            <p class="lead">{ i18n.t("record-intro") }</p>
            <p><RouteLink to={Route::Professional}>{ i18n.t("record-back") }</RouteLink></p>
            <WishesBanner {patient} generation={u32::from(*broke_glass)} />
            { tabs }
            // Outside the documents' panel, whose own status says that the list is loading.
            <div id="record-acts-result" tabindex="-1">
                <StatusMessage text={(*acted).clone().map(AttrValue::from)} />
            </div>
            <section class="panel" aria-labelledby="record-documents-heading">
                <h2 id="record-documents-heading">{ i18n.t("record-documents-heading") }</h2>
                { body }
            </section>
            if no_access {
                <EmergencyForm target={EmergencyTarget::Record(patient)} {on_opened} />
            }
            <UploadForm {patient} on_filed={reload} />
            if !no_access {
                <RefusalForm {patient} />
            }
        </article>
    }
}

/// A national ID as people read it: `YYYYMMDD XXX CC` in three groups.
#[must_use]
pub fn grouped_national_id(id: &str) -> String {
    if id.len() == 13 && id.is_ascii() {
        format!("{} {} {}", &id[..8], &id[8..11], &id[11..])
    } else {
        id.to_owned()
    }
}

/// Props of [`PatientBanner`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PatientBannerProps {
    /// The record.
    pub patient: PatientId,
    /// Changes when the professional's access may have changed (an emergency access opened).
    #[prop_or_default]
    pub generation: u32,
}

/// Whose record it is: the patient's name, national ID and birth date, at the top of every
/// record page. The server tells them only to a professional who reaches the record now;
/// otherwise the banner stays empty (the page says why below).
#[component]
pub fn PatientBanner(props: &PatientBannerProps) -> Html {
    let i18n = use_i18n();
    let found = use_state(|| None::<PatientFound>);
    {
        let found = found.clone();
        use_effect_with((props.patient, props.generation), move |(patient, _)| {
            let patient = *patient;
            spawn_local(async move { found.set(api::care::record_patient(patient).await.ok()) });
        });
    }
    let Some(who) = &*found else { return Html::default() };
    html! {
        <section id="record-patient" class="patient-banner" aria-label={i18n.t("record-patient-label")}>
            <p class="patient-name">{ format!("{} {}", who.given_name, who.family_name) }</p>
            <dl class="patient-facts">
                <div>
                    <dt>{ i18n.t("record-patient-national-id") }</dt>
                    <dd id="record-patient-national-id" class="code">{ grouped_national_id(&who.national_id) }</dd>
                </div>
                <div>
                    <dt>{ i18n.t("record-patient-birth-date") }</dt>
                    <dd id="record-patient-birth-date">{ i18n.date(who.birth_date) }</dd>
                </div>
            </dl>
        </section>
    }
}

/// Props of [`UploadForm`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct UploadFormProps {
    /// The record.
    pub patient: PatientId,
    /// Called after a document was filed.
    pub on_filed: Callback<()>,
}

/// Files a document, with a progress bar.
#[component]
pub fn UploadForm(props: &UploadFormProps) -> Html {
    let i18n = use_i18n();
    let file_ref = use_node_ref();
    let has_file = use_state(|| false);
    let category = use_state(String::new);
    let title = use_state(String::new);
    let date = use_state(String::new);
    let submitted = use_state(|| false);
    let busy = use_state(|| false);
    let progress = use_state(|| None::<u8>);
    let outcome = use_state(|| None::<Result<DocumentSummary, ApiFailure>>);

    let problems = upload_problems(*has_file, &category, &title, &date);
    let problem = |field: &str| {
        problems
            .iter()
            .find(|(f, _)| *f == field)
            .filter(|_| *submitted)
            .map(|(_, key)| AttrValue::from(i18n.t(key)))
    };
    let on_file = {
        let has_file = has_file.clone();
        let title = title.clone();
        Callback::from(move |event: Event| {
            let input = event.target_unchecked_into::<HtmlInputElement>();
            let file = input.files().and_then(|files| files.get(0));
            if let Some(file) = &file
                && title.trim().is_empty()
            {
                // The file's name, without its extension, is a fair first title.
                let name = file.name();
                let stem = name.rsplit_once('.').map_or(name.as_str(), |(stem, _)| stem);
                title.set(stem.chars().take(MAX_TITLE).collect());
            }
            has_file.set(file.is_some());
        })
    };
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |value: String| state.set(value))
    };
    let onsubmit = {
        let file_ref = file_ref.clone();
        let category = category.clone();
        let title = title.clone();
        let date = date.clone();
        let submitted = submitted.clone();
        let busy = busy.clone();
        let progress = progress.clone();
        let outcome = outcome.clone();
        let has_file = has_file.clone();
        let patient = props.patient;
        let on_filed = props.on_filed.clone();
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
            let problems = upload_problems(file.is_some(), &category, &title, &date);
            if let Some((field, _)) = problems.first() {
                browser::focus_element(field);
                return;
            }
            let Some(file) = file else { return };
            let request = UploadRequest {
                patient,
                category: (*category).clone(),
                title: title.trim().to_owned(),
                clinical_date: date.trim().to_owned(),
            };
            busy.set(true);
            outcome.set(None);
            progress.set(Some(0));
            let on_progress = {
                let progress = progress.clone();
                Callback::from(move |(sent, total): (f64, f64)| {
                    progress.set(Some(percent(sent, total)));
                })
            };
            let busy = busy.clone();
            let outcome = outcome.clone();
            let progress = progress.clone();
            let on_filed = on_filed.clone();
            let file_ref = file_ref.clone();
            let title = title.clone();
            let submitted = submitted.clone();
            let has_file = has_file.clone();
            spawn_local(async move {
                let result = api::documents::upload(&request, &file, on_progress).await;
                if result.is_ok() {
                    progress.set(Some(100));
                    if let Some(input) = file_ref.cast::<HtmlInputElement>() {
                        input.set_value("");
                    }
                    has_file.set(false);
                    title.set(String::new());
                    submitted.set(false);
                    on_filed.emit(());
                } else {
                    progress.set(None);
                }
                outcome.set(Some(result));
                busy.set(false);
                browser::focus_element("upload-result");
            });
        })
    };

    let mut choices: Vec<Choice> = Category::ALL
        .iter()
        .map(|c| Choice { value: c.code().to_owned(), label: messages::category_name(&i18n, *c) })
        .collect();
    order::sort_by(&mut choices, |a, b| a.label.cmp(&b.label));
    let file_problem = problem("upload-file");
    let success = match &*outcome {
        Some(Ok(filed)) => Some(AttrValue::from(
            i18n.t_args("upload-done", [("title", Arg::from(filed.title.clone()))]),
        )),
        _ => None,
    };
    let failure = match &*outcome {
        Some(Err(failure)) => Some(AttrValue::from(record_failure(&i18n, failure))),
        _ => None,
    };
    html! {
        <section class="panel" aria-labelledby="upload-heading">
            <h2 id="upload-heading">{ i18n.t("upload-heading") }</h2>
            <p id="upload-explain">{ i18n.t("upload-explain") }</p>
            <form class="form" onsubmit={onsubmit} novalidate=true>
                <div class={classes!("field", file_problem.is_some().then_some("field-invalid"))}>
                    <label for="upload-file">{ i18n.t("upload-file-label") }</label>
                    <p id="upload-file-hint" class="field-hint">{ i18n.t("upload-file-hint") }</p>
                    <input id="upload-file" name="upload-file" type="file" ref={file_ref}
                        accept=".pdf,.png,.jpg,.jpeg,.xml,.json,application/pdf,image/png,image/jpeg,application/xml,application/fhir+json"
                        onchange={on_file} required=true
                        aria-invalid={file_problem.is_some().then_some("true")}
                        aria-describedby="upload-file-hint upload-file-message" />
                    <p id="upload-file-message" class="field-message field-error" aria-live="polite">
                        { file_problem.clone().unwrap_or_default() }
                    </p>
                </div>
                <SelectField
                    id="upload-category"
                    label={i18n.t("upload-category-label")}
                    value={(*category).clone()}
                    choices={choices}
                    on_change={set(&category)}
                    placeholder={AttrValue::from(i18n.t("upload-category-choose"))}
                    message={problem("upload-category")}
                    required=true
                />
                <TextField
                    id="upload-title"
                    label={i18n.t("upload-title-label")}
                    value={(*title).clone()}
                    on_input={set(&title)}
                    message={problem("upload-title")}
                    tone={Tone::Error}
                    maxlength="200"
                    required=true
                />
                <DateField
                    id="upload-date"
                    label={i18n.t("upload-date-label")}
                    value={(*date).clone()}
                    on_input={set(&date)}
                    message={problem("upload-date")}
                    tone={Tone::Error}
                    required=true
                />
                <div class="actions">
                    <button id="upload-button" type="submit" class="button-primary" disabled={*busy}>
                        { i18n.t("upload-button") }
                    </button>
                </div>
                if let Some(done) = *progress {
                    <p>
                        <label for="upload-progress">{ i18n.t("upload-progress-label") }</label>{ " " }
                        <progress id="upload-progress" max="100" value={done.to_string()}>
                            { format!("{done} %") }
                        </progress>
                        { format!(" {done} %") }
                    </p>
                }
            </form>
            <div id="upload-result" tabindex="-1">
                <StatusMessage text={success} />
                <ErrorMessage text={failure} />
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_national_id_reads_in_three_groups() {
        assert_eq!(grouped_national_id("1893120105732"), "18931201 057 32");
        assert_eq!(grouped_national_id("123"), "123");
    }

    use shared::Language;

    use super::*;

    #[test]
    fn the_form_says_what_is_missing_in_order() {
        assert_eq!(
            upload_problems(false, "", "", ""),
            [
                ("upload-file", "upload-file-required"),
                ("upload-category", "upload-category-required"),
                ("upload-title", "field-required"),
                ("upload-date", "field-required"),
            ]
        );
        assert!(upload_problems(true, "summaries", "Letter", "2026-11-20").is_empty());
        assert_eq!(
            upload_problems(true, "summaries", &"x".repeat(201), "2026-02-30"),
            [("upload-title", "upload-title-too-long"), ("upload-date", "field-invalid-date")]
        );
    }

    #[test]
    fn progress_is_a_whole_percent() {
        assert_eq!(percent(0.0, 0.0), 0);
        assert_eq!(percent(1.0, 3.0), 33);
        assert_eq!(percent(5.0, 5.0), 100);
        assert_eq!(percent(9.0, 5.0), 100);
    }

    #[test]
    fn no_access_reads_as_no_access() {
        let not_found = ApiFailure::Api(shared::ApiError::new(ApiErrorCode::NotFound, ""));
        for language in Language::ALL {
            let tr = Translator::new(language);
            assert_eq!(record_failure(&tr, &not_found), tr.t("record-not-found"));
            assert_ne!(tr.t("record-not-found"), "record-not-found");
        }
    }
}
