//! Documents of a record: filing (professionals), listing and reading (within the access rules),
//! the patient's restrictions.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Category;
use crate::ids::{DocumentId, PatientId, ProfessionalId};

/// The request headers that carry what an upload is filed as. They are headers, never query
/// parameters: a query string ends up in access logs, proxies and browser history, and a title
/// or file name often names a patient or a condition (a query string on an upload is refused
/// with `document_metadata_in_query`). The title and the file name are percent-encoded UTF-8,
/// as JavaScript's `encodeURIComponent` writes them; the category is its code and the clinical
/// date `YYYY-MM-DD`.
pub mod upload_headers {
    /// `DSP-Document-Category`: the category's code (a new document only; a new version keeps
    /// its document's category and refuses this header).
    pub const CATEGORY: &str = "dsp-document-category";
    /// `DSP-Document-Title`: the title, percent-encoded UTF-8, 1 to 200 characters.
    pub const TITLE: &str = "dsp-document-title";
    /// `DSP-Document-Clinical-Date`: the clinical date, `YYYY-MM-DD`.
    pub const CLINICAL_DATE: &str = "dsp-document-clinical-date";
    /// `DSP-Document-File-Name` (optional): the original file name, percent-encoded UTF-8.
    pub const FILE_NAME: &str = "dsp-document-file-name";
}

/// What a new document is filed as: the headers of [`upload_headers`] (the body is the document
/// itself, its type declared by `Content-Type` and checked against the content).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Header))]
pub struct UploadParams {
    /// The category's code (the professional's matrix must let them write it).
    #[cfg_attr(feature = "openapi", param(rename = "DSP-Document-Category"))]
    pub category: Category,
    /// The title, percent-encoded UTF-8; 1 to 200 characters.
    #[cfg_attr(feature = "openapi", param(rename = "DSP-Document-Title"))]
    pub title: String,
    /// The clinical date (of the exam, the stay, the prescription …), `YYYY-MM-DD`.
    #[cfg_attr(feature = "openapi", param(rename = "DSP-Document-Clinical-Date"))]
    pub clinical_date: NaiveDate,
    /// The original file name, percent-encoded UTF-8, for the download (never used as a path).
    #[cfg_attr(feature = "openapi", param(rename = "DSP-Document-File-Name"))]
    pub file_name: Option<String>,
}

/// What a new version of a document is filed as: the headers of [`upload_headers`] but the
/// category, which stays the document's.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Header))]
pub struct VersionParams {
    /// The title (the document takes it), percent-encoded UTF-8; 1 to 200 characters.
    #[cfg_attr(feature = "openapi", param(rename = "DSP-Document-Title"))]
    pub title: String,
    /// The clinical date (the document takes it), `YYYY-MM-DD`.
    #[cfg_attr(feature = "openapi", param(rename = "DSP-Document-Clinical-Date"))]
    pub clinical_date: NaiveDate,
    /// The original file name, percent-encoded UTF-8, for the download (never used as a path).
    #[cfg_attr(feature = "openapi", param(rename = "DSP-Document-File-Name"))]
    pub file_name: Option<String>,
}

/// Who may see a document besides the access rules' outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum DocumentRestriction {
    /// No restriction beyond the rules.
    None,
    /// Hidden from all but its author (and the référent).
    AuthorOnly,
    /// Hidden from these professionals.
    HiddenFrom {
        /// The professionals it is hidden from.
        professionals: Vec<ProfessionalId>,
    },
}

/// A document as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentSummary {
    /// Its id.
    pub id: DocumentId,
    /// The record.
    pub patient_id: PatientId,
    /// Its category.
    pub category: Category,
    /// Its title.
    pub title: String,
    /// The clinical date.
    pub clinical_date: NaiveDate,
    /// The author's name: who wrote the document and filed its first version.
    pub author: String,
    /// The author's id when a professional.
    pub author_id: Option<ProfessionalId>,
    /// pdf, png, jpeg, cda_xml, fhir_json.
    pub format: String,
    /// The media type it is served with.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256, hex.
    pub sha256: String,
    /// When its first version was filed.
    pub filed_at: DateTime<Utc>,
    /// The current version's number: 1 until someone files a new version.
    pub version: u32,
    /// Who filed the current version: the author, a professional of the organisation the
    /// document was filed under, or (for their own notes) the patient.
    pub version_filed_by: String,
    /// Their id when a professional.
    pub version_filed_by_id: Option<ProfessionalId>,
    /// When the current version was filed.
    pub version_filed_at: DateTime<Utc>,
    /// The patient's restriction (shown to the patient; `None` for professionals).
    pub restriction: Option<DocumentRestriction>,
    /// Set when the author withdrew it, with their reason (only the patient sees withdrawn
    /// documents; they stay in the record, marked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_reason: Option<String>,
    /// Whether the professional who listed the record may file a new version of it (its author,
    /// or a colleague of the organisation it was filed under, within the rules): the decision
    /// function's answer when the list was made; the server decides again on the act itself.
    #[serde(default)]
    pub may_replace: bool,
    /// Whether the professional who listed the record may withdraw it (its author, within the
    /// rules); decided again on the act itself.
    #[serde(default)]
    pub may_withdraw: bool,
}

/// The document's id, for routes that take one in the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentRef {
    /// The document.
    pub id: Uuid,
}

/// One version of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentVersionSummary {
    /// 1, 2, …
    pub version: u32,
    /// Whether it is the current one.
    pub current: bool,
    /// pdf, png, jpeg, cda_xml, fhir_json.
    pub format: String,
    /// The media type it is served with.
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256, hex.
    pub sha256: String,
    /// When it was filed.
    pub filed_at: DateTime<Utc>,
    /// Who filed it (the author, a colleague of the author's organisation, or the patient).
    pub filed_by: String,
    /// Their id when a professional.
    pub filed_by_id: Option<ProfessionalId>,
}

/// Why the author withdraws a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WithdrawDocument {
    /// 3 to 500 characters.
    pub reason: String,
}

/// The patient refused, at the point of care, that a document be filed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordRefusal {
    /// The category the document would have had.
    pub category: Category,
    /// What it was (for the audit trail the patient reads).
    pub title: String,
}

/// Which version to read (the current one when absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct VersionQuery {
    /// The version number.
    #[serde(default)]
    pub version: Option<u32>,
}
