//! The documents of a record as both the patient and a professional see them: a timeline
//! (newest clinical date first) or the 19 categories, each document with its facts, a viewer
//! and a download. The patient's page adds its restriction controls through
//! [`DocumentListProps::controls`]. Only the patient receives documents their author withdrew:
//! they stay listed, set apart and marked with the author's reason.
//!
//! The viewer is [`super::viewer`]. Sorting, grouping and sizes are plain Rust, tested natively.

use std::collections::BTreeMap;

use shared::api::documents::{DocumentRestriction, DocumentSummary};
use shared::{Category, Language};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::api::{self, ApiFailure};
use crate::browser;
use crate::components::message::ErrorMessage;
use crate::i18n::context::use_i18n;
use crate::i18n::{Arg, Translator, messages};
use crate::order;

use super::viewer::DocumentViewer;

/// Newest clinical date first; on the same day, the latest filed first.
pub fn sort_newest(documents: &mut [DocumentSummary]) {
    order::sort_by(documents, |a, b| {
        b.clinical_date.cmp(&a.clinical_date).then_with(|| b.filed_at.cmp(&a.filed_at))
    });
}

/// The documents by category, in the order of [`Category::ALL`], empty categories left out,
/// each newest first.
#[must_use]
pub fn group_by_category(documents: &[DocumentSummary]) -> Vec<(Category, Vec<DocumentSummary>)> {
    let mut groups: BTreeMap<usize, Vec<DocumentSummary>> = BTreeMap::new();
    for document in documents {
        let rank = Category::ALL.iter().position(|c| *c == document.category).unwrap_or(usize::MAX);
        groups.entry(rank).or_default().push(document.clone());
    }
    groups
        .into_iter()
        .filter_map(|(rank, mut group)| {
            let category = *Category::ALL.get(rank)?;
            sort_newest(&mut group);
            Some((category, group))
        })
        .collect()
}

/// A size in bytes as people read it: `512 B`, `3.4 kB`, `1.2 MB` (decimal comma in lb, fr, de).
/// Whole-number arithmetic, rounded half up: float formatting would weigh more than this page.
#[must_use]
pub fn format_size(bytes: u64, language: Language) -> String {
    let (unit, tenth) = match bytes {
        0..1000 => return format!("{bytes} B"),
        // From 999.95 kB on, the rounded size reads better as 1.0 MB.
        1000..999_950 => ("kB", 100),
        _ => ("MB", 100_000),
    };
    let tenths = bytes / tenth + u64::from(bytes % tenth >= tenth / 2);
    let point = if language == Language::En { '.' } else { ',' };
    format!("{}{point}{} {unit}", tenths / 10, tenths % 10)
}

/// The name of a stored format, as people know it.
#[must_use]
pub fn format_name(format: &str) -> String {
    match format {
        "pdf" => "PDF".to_owned(),
        "png" => "PNG".to_owned(),
        "jpeg" => "JPEG".to_owned(),
        "cda_xml" => "CDA (XML)".to_owned(),
        "fhir_json" => "FHIR (JSON)".to_owned(),
        // Stored formats are ASCII codes.
        other => other.to_ascii_uppercase(),
    }
}

/// The value of the restriction select for a restriction.
#[must_use]
pub const fn restriction_mode(restriction: Option<&DocumentRestriction>) -> &'static str {
    match restriction {
        None | Some(DocumentRestriction::None) => "none",
        Some(DocumentRestriction::AuthorOnly) => "author_only",
        Some(DocumentRestriction::HiddenFrom { .. }) => "hidden_from",
    }
}

/// What marks a document its author withdrew: "Withdrawn by its author: wrong patient" (without
/// the reason when none was given); `None` for a current document.
#[must_use]
pub fn withdrawn_label(tr: &Translator, document: &DocumentSummary) -> Option<String> {
    let reason = document.withdrawn_reason.as_deref()?.trim();
    Some(if reason.is_empty() {
        tr.t("documents-withdrawn")
    } else {
        tr.t_args("documents-withdrawn-reason", [("reason", Arg::from(reason.to_owned()))])
    })
}

/// Who filed the current version and when, once someone filed a new version of the document
/// (the author stays the one who wrote it).
pub fn version_label(tr: &Translator, document: &DocumentSummary) -> Option<String> {
    (document.version > 1).then(|| {
        tr.t_args(
            "documents-version-filed",
            [
                ("version", Arg::from(document.version)),
                ("name", Arg::from(document.version_filed_by.clone())),
                ("date", Arg::from(tr.date(document.version_filed_at.date_naive()))),
            ],
        )
    })
}

/// A file name for a download when the server gives none.
fn fallback_name(document: &DocumentSummary) -> String {
    let extension = match document.format.as_str() {
        "pdf" => "pdf",
        "png" => "png",
        "jpeg" => "jpg",
        "fhir_json" => "json",
        _ => "xml",
    };
    format!("document-{}.{extension}", document.id.0)
}

/// Props of [`DocumentList`].
#[derive(Clone, PartialEq, Properties)]
pub struct DocumentListProps {
    /// The documents, in any order.
    pub documents: Vec<DocumentSummary>,
    /// Extra controls for each document (the patient's restriction).
    #[prop_or_default]
    pub controls: Option<Callback<DocumentSummary, Html>>,
}

impl std::fmt::Debug for DocumentListProps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentListProps")
            .field("documents", &self.documents.len())
            .field("controls", &self.controls.is_some())
            .finish()
    }
}

/// Which arrangement the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Arrangement {
    Timeline,
    ByCategory,
}

/// See the module documentation.
#[component]
pub fn DocumentList(props: &DocumentListProps) -> Html {
    let i18n = use_i18n();
    let arrangement = use_state(|| Arrangement::Timeline);
    let shown = use_state(|| None::<DocumentSummary>);
    let download_error = use_state(|| None::<ApiFailure>);

    let on_view = {
        let shown = shown.clone();
        Callback::from(move |document: DocumentSummary| shown.set(Some(document)))
    };
    let on_download = {
        let download_error = download_error.clone();
        Callback::from(move |document: DocumentSummary| {
            download_error.set(None);
            let download_error = download_error.clone();
            spawn_local(async move {
                match api::documents::content(document.id).await {
                    Ok(file) => {
                        let name = file.filename.unwrap_or_else(|| fallback_name(&document));
                        browser::save_file(&file.bytes, &name, &file.content_type);
                    }
                    Err(failure) => download_error.set(Some(failure)),
                }
            });
        })
    };
    let on_close = {
        let shown = shown.clone();
        Callback::from(move |()| shown.set(None))
    };

    if props.documents.is_empty() {
        return html! { <p class="notice" id="documents-empty">{ i18n.t("documents-none") }</p> };
    }
    let row = |document: &DocumentSummary| {
        let controls = props.controls.as_ref().map(|c| c.emit(document.clone()));
        document_row(&i18n, document, &on_view, &on_download, controls)
    };
    let body = match *arrangement {
        Arrangement::Timeline => {
            let mut documents = props.documents.clone();
            sort_newest(&mut documents);
            html! {
                <ul class="rows" aria-label={i18n.t("documents-timeline")}>
                    { for documents.iter().map(row) }
                </ul>
            }
        }
        Arrangement::ByCategory => html! {
            { for group_by_category(&props.documents).into_iter().map(|(category, group)| {
                let heading = format!("category-heading-{}", category.code());
                html! {
                    <section aria-labelledby={heading.clone()} data-category={category.code()}>
                        <h3 id={heading.clone()}>
                            { messages::category_name(&i18n, category) }
                            { format!(" ({})", group.len()) }
                        </h3>
                        <ul class="rows" aria-labelledby={heading}>
                            { for group.iter().map(row) }
                        </ul>
                    </section>
                }
            }) }
        },
    };
    let choose = |value: Arrangement| {
        let arrangement = arrangement.clone();
        Callback::from(move |_: MouseEvent| arrangement.set(value))
    };
    let pressed = |value: Arrangement| if *arrangement == value { "true" } else { "false" };

    html! {
        <>
            <div class="in-page" role="group" aria-label={i18n.t("documents-arrangement")}>
                <button type="button" id="documents-timeline" class="button-secondary"
                    aria-pressed={pressed(Arrangement::Timeline)} onclick={choose(Arrangement::Timeline)}>
                    { i18n.t("documents-timeline") }
                </button>
                <button type="button" id="documents-by-category" class="button-secondary"
                    aria-pressed={pressed(Arrangement::ByCategory)} onclick={choose(Arrangement::ByCategory)}>
                    { i18n.t("documents-by-category") }
                </button>
            </div>
            { body }
            <ErrorMessage text={(*download_error).as_ref().map(|f| AttrValue::from(messages::api_failure(&i18n, f)))} />
            <div id="document-viewer">
                if let Some(document) = &*shown {
                    <DocumentViewer document={document.clone()} on_close={on_close} />
                }
            </div>
        </>
    }
}

fn document_row(
    tr: &Translator,
    document: &DocumentSummary,
    on_view: &Callback<DocumentSummary>,
    on_download: &Callback<DocumentSummary>,
    controls: Option<Html>,
) -> Html {
    let id = document.id.0.to_string();
    let view = on_view.reform({
        let d = document.clone();
        move |_: MouseEvent| d.clone()
    });
    let download = on_download.reform({
        let d = document.clone();
        move |_: MouseEvent| d.clone()
    });
    let title_id = format!("document-title-{id}");
    let withdrawn = withdrawn_label(tr, document);
    let withdrawn_id = format!("document-withdrawn-{id}");
    let described_by =
        if withdrawn.is_some() { format!("{title_id} {withdrawn_id}") } else { title_id.clone() };
    html! {
        <li class={classes!("row", withdrawn.is_some().then_some("withdrawn"))} key={id.clone()}
            data-document-id={id.clone()} data-format={document.format.clone()}>
            <div class="row-main">
                <h3 id={title_id.clone()} class="document-title">{ document.title.clone() }</h3>
                if let Some(label) = withdrawn {
                    <p id={withdrawn_id} class="badge withdrawn-label">{ label }</p>
                }
                <dl class="facts">
                    <div><dt>{ tr.t("documents-date") }</dt><dd>{ tr.date(document.clinical_date) }</dd></div>
                    <div><dt>{ tr.t("documents-category") }</dt><dd>{ messages::category_name(tr, document.category) }</dd></div>
                    <div><dt>{ tr.t("documents-author") }</dt><dd>{ document.author.clone() }</dd></div>
                    if let Some(version) = version_label(tr, document) {
                        <div><dt>{ tr.t("documents-version") }</dt><dd>{ version }</dd></div>
                    }
                    <div><dt>{ tr.t("documents-format") }</dt><dd>{ format_name(&document.format) }</dd></div>
                    <div><dt>{ tr.t("documents-size") }</dt><dd>{ format_size(document.size, tr.language()) }</dd></div>
                </dl>
                { controls.unwrap_or_default() }
            </div>
            <div class="row-actions">
                <button type="button" class="button-secondary view-document" onclick={view}
                    aria-describedby={described_by.clone()}>
                    { tr.t("documents-view") }
                </button>
                <button type="button" class="button-secondary download-document" onclick={download}
                    aria-describedby={described_by}>
                    { tr.t("documents-download") }
                </button>
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};
    use shared::ids::{DocumentId, PatientId};
    use uuid::Uuid;

    use super::*;

    fn document(
        n: u128,
        category: Category,
        date: (i32, u32, u32),
        filed_hour: u32,
    ) -> DocumentSummary {
        DocumentSummary {
            id: DocumentId(Uuid::from_u128(n)),
            patient_id: PatientId(Uuid::nil()),
            category,
            title: format!("doc {n}"),
            clinical_date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap(),
            author: "Dr A".into(),
            author_id: None,
            format: "pdf".into(),
            media_type: "application/pdf".into(),
            size: 1234,
            sha256: String::new(),
            withdrawn_reason: None,
            may_replace: false,
            may_withdraw: false,
            filed_at: Utc.with_ymd_and_hms(2026, 11, 25, filed_hour, 0, 0).unwrap(),
            version: 1,
            version_filed_by: "Dr A".into(),
            version_filed_by_id: None,
            version_filed_at: Utc.with_ymd_and_hms(2026, 11, 25, filed_hour, 0, 0).unwrap(),
            restriction: None,
        }
    }

    fn ids(documents: &[DocumentSummary]) -> Vec<u128> {
        documents.iter().map(|d| d.id.0.as_u128()).collect()
    }

    #[test]
    fn the_timeline_is_newest_clinical_date_first() {
        let mut all = vec![
            document(1, Category::Summaries, (2025, 1, 1), 9),
            document(2, Category::Summaries, (2026, 3, 1), 9),
            document(3, Category::Allergies, (2026, 3, 1), 11),
            document(4, Category::Allergies, (2024, 12, 31), 12),
        ];
        sort_newest(&mut all);
        assert_eq!(ids(&all), [3, 2, 1, 4]);
    }

    #[test]
    fn categories_follow_the_official_order_and_skip_empty_ones() {
        let all = vec![
            document(1, Category::LabAnalyses, (2025, 1, 1), 9),
            document(2, Category::Summaries, (2024, 1, 1), 9),
            document(3, Category::LabAnalyses, (2026, 1, 1), 9),
        ];
        let groups = group_by_category(&all);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].0, Category::Summaries);
        assert_eq!(groups[1].0, Category::LabAnalyses);
        assert_eq!(ids(&groups[1].1), [3, 1]);
        assert!(group_by_category(&[]).is_empty());
    }

    #[test]
    fn sizes_read_in_bytes_kilobytes_and_megabytes() {
        assert_eq!(format_size(0, Language::En), "0 B");
        assert_eq!(format_size(999, Language::En), "999 B");
        assert_eq!(format_size(1500, Language::En), "1.5 kB");
        assert_eq!(format_size(1500, Language::Fr), "1,5 kB");
        assert_eq!(format_size(20_000_000, Language::De), "20,0 MB");
        assert_eq!(format_size(2_345_678, Language::En), "2.3 MB");
        assert_eq!(format_size(2_350_000, Language::En), "2.4 MB");
        assert_eq!(format_size(999_949, Language::En), "999.9 kB");
        assert_eq!(format_size(999_999, Language::En), "1.0 MB");
    }

    #[test]
    fn a_download_without_a_name_is_named_by_its_format() {
        let d = document(7, Category::Summaries, (2025, 1, 1), 9);
        assert!(fallback_name(&d).ends_with(".pdf"));
        assert_eq!(format_name("cda_xml"), "CDA (XML)");
    }

    #[test]
    fn a_withdrawn_document_is_marked_with_its_reason() {
        let en = Translator::new(Language::En);
        let mut d = document(8, Category::Summaries, (2025, 1, 1), 9);
        assert_eq!(withdrawn_label(&en, &d), None);
        d.withdrawn_reason = Some(" wrong patient ".into());
        assert_eq!(
            withdrawn_label(&en, &d).as_deref(),
            Some("Withdrawn by its author: wrong patient")
        );
        d.withdrawn_reason = Some(String::new());
        assert_eq!(withdrawn_label(&en, &d).as_deref(), Some("Withdrawn by its author"));
        let fr = Translator::new(Language::Fr);
        d.withdrawn_reason = Some("erreur de patient".into());
        assert_eq!(
            withdrawn_label(&fr, &d).as_deref(),
            Some("Retiré par son auteur : erreur de patient")
        );
    }

    #[test]
    fn a_new_version_names_who_filed_it() {
        let en = Translator::new(Language::En);
        let mut d = document(9, Category::Summaries, (2025, 1, 1), 9);
        assert_eq!(version_label(&en, &d), None, "the author filed the only version");
        d.version = 2;
        d.version_filed_by = "Anne Muller".into();
        d.version_filed_at = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
        assert_eq!(
            version_label(&en, &d).as_deref(),
            Some("version 2, filed by Anne Muller on 27 November 2026")
        );
        let de = Translator::new(Language::De);
        assert_eq!(
            version_label(&de, &d).as_deref(),
            Some("Version 2, abgelegt von Anne Muller am 27. November 2026")
        );
    }

    #[test]
    fn the_restriction_select_reflects_the_restriction() {
        assert_eq!(restriction_mode(None), "none");
        assert_eq!(restriction_mode(Some(&DocumentRestriction::None)), "none");
        assert_eq!(restriction_mode(Some(&DocumentRestriction::AuthorOnly)), "author_only");
        let hidden = DocumentRestriction::HiddenFrom { professionals: vec![] };
        assert_eq!(restriction_mode(Some(&hidden)), "hidden_from");
    }
}
