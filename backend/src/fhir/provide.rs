//! IHE MHD Document Recipient: ITI-65 Provide Document Bundle (`POST /fhir/R4` with a
//! `transaction` Bundle). The Bundle holds one SubmissionSet `List` naming the patient, one or
//! more `DocumentReference`s, and their content: a `Binary` entry the attachment's `url` points
//! to (its `fullUrl`), or the attachment's own `data`. Every document is filed through
//! [`service::file_batch`]: the portal's decision (the professional's write right, a live care
//! relation), the same content validator (type from the content, the patient named and only
//! them), one transaction for all of them (all filed or none), an audit entry per document
//! naming the software. `relatesTo.code = replaces` files a new version of the target.
//!
//! Limits: the body is read up to [`bundle_limit`] (64 MiB, or more when the largest document
//! allowed needs it: a single document of `DSP_MAX_DOCUMENT_MB` in base64 always fits), refused
//! at once when its `Content-Length` says more; each document is then held to
//! `DSP_MAX_DOCUMENT_MB` decoded, and its base64 is decoded piece by piece into the validator
//! and the content store (the decoded document is never held whole in memory).
//!
//! What the Bundle says is checked before the record is looked at (structure, references,
//! base64, categories, the same patient everywhere): those refusals say nothing about any
//! record. A patient that does not exist, a record without a care relation and a document to
//! replace that is hidden all answer `404 not_found`, audited.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse as _, Response};
use chrono::{NaiveDate, SecondsFormat};
use futures_util::StreamExt as _;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use serde_json::{Value, json};
use shared::api::documents::DocumentSummary;
use shared::{ApiErrorCode, Category, NationalId};
use uuid::Uuid;

use super::{CATEGORY_SYSTEM, LIST_TYPE_SYSTEM, NATIONAL_ID_SYSTEM, resource};
use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::config::Config;
use crate::entity::patient;
use crate::error::AppError;
use crate::oauth::{FhirCaller, Op};
use crate::services::documents::{self as service, BatchItem, BatchTarget, Filing, Upload};

const LOINC: &str = "http://loinc.org";

/// The least cap on a Provide Document Bundle's body.
pub const MIN_BUNDLE_LIMIT: usize = 64 * 1024 * 1024;
/// Base64 characters decoded at a time (a multiple of 4: 48 KiB of content).
const DECODE_CHUNK: usize = 64 * 1024;

/// The memory bundles may take at once in one instance, counted in KiB: a bundle reserves its
/// declared length (or the largest allowed, when it declares none) before its first byte is read,
/// and gives it back when its request ends. Not session state: each instance bounds its own
/// memory.
#[derive(Debug, Clone)]
pub struct BundleMemory {
    permits: Arc<tokio::sync::Semaphore>,
    total_kib: u32,
}

impl BundleMemory {
    /// A budget of `bytes`.
    #[must_use]
    pub fn new(bytes: u64) -> Self {
        let total_kib = u32::try_from(bytes.div_ceil(1024)).unwrap_or(u32::MAX).max(1);
        let permits = usize::try_from(total_kib).unwrap_or(usize::MAX);
        Self { permits: Arc::new(tokio::sync::Semaphore::new(permits)), total_kib }
    }

    /// Reserves `bytes` (at most the whole budget), or `None` while too much is taken.
    fn reserve(&self, bytes: usize) -> Option<tokio::sync::OwnedSemaphorePermit> {
        let kib = u32::try_from(bytes.div_ceil(1024)).unwrap_or(u32::MAX).clamp(1, self.total_kib);
        Arc::clone(&self.permits).try_acquire_many_owned(kib).ok()
    }
}

/// The largest Provide Document Bundle body: 64 MiB, or a single document of the largest size
/// allowed in base64 plus 1 MiB of metadata when that is more.
#[must_use]
pub fn bundle_limit(config: &Config) -> usize {
    let document = usize::try_from(config.max_document_bytes).unwrap_or(usize::MAX);
    MIN_BUNDLE_LIMIT.max(document.saturating_mul(4) / 3 + 1024 * 1024)
}

/// LOINC document types (`DocumentReference.type`) and the category they are filed in, for
/// software that does not send DSP's own category code.
const LOINC_CATEGORIES: &[(&str, Category)] = &[
    ("60591-5", Category::Summaries),
    ("34133-9", Category::Summaries),
    ("18842-5", Category::Summaries),
    ("11348-0", Category::HealthHistory),
    ("48765-2", Category::Allergies),
    ("46264-8", Category::Prostheses),
    ("11488-4", Category::CareReports),
    ("11506-3", Category::CareReports),
    ("28570-0", Category::CareReports),
    ("11504-8", Category::CareReports),
    ("18748-4", Category::MedicalImaging),
    ("11502-2", Category::LabAnalyses),
    ("60593-1", Category::MedicationDispensation),
    ("34746-8", Category::NursingAssessments),
    ("57833-6", Category::Prescriptions),
    ("11369-6", Category::Prevention),
];

fn refused(status: StatusCode, code: ApiErrorCode) -> AppError {
    AppError::refused(status, code)
}

fn invalid() -> AppError {
    refused(StatusCode::BAD_REQUEST, ApiErrorCode::FhirBundleInvalid)
}

// ---- The Bundle as it arrives (only what DSP reads; the base64 borrowed from the body). ----

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Bundle<'a> {
    resource_type: String,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default, borrow)]
    entry: Vec<Entry<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Entry<'a> {
    full_url: Option<String>,
    #[serde(borrow)]
    resource: Option<Resource<'a>>,
    request: Option<EntryRequest>,
}

#[derive(Deserialize)]
struct EntryRequest {
    method: String,
}

/// The fields of `List`, `DocumentReference` and `Binary` that DSP reads.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Resource<'a> {
    resource_type: String,
    subject: Option<Reference>,
    code: Option<CodeableConcept>,
    status: Option<String>,
    #[serde(default)]
    category: Vec<CodeableConcept>,
    #[serde(rename = "type")]
    kind: Option<CodeableConcept>,
    description: Option<String>,
    date: Option<String>,
    context: Option<Context>,
    #[serde(default, borrow)]
    content: Vec<Content<'a>>,
    #[serde(default)]
    relates_to: Vec<RelatesTo>,
    content_type: Option<String>,
    #[serde(borrow)]
    data: Option<Cow<'a, str>>,
    /// A SubmissionSet's documents.
    #[serde(default)]
    entry: Vec<ListEntry>,
}

#[derive(Deserialize)]
struct ListEntry {
    item: Reference,
}

#[derive(Deserialize, Clone, Default)]
struct Reference {
    reference: Option<String>,
    identifier: Option<Identifier>,
}

#[derive(Deserialize, Clone)]
struct Identifier {
    system: Option<String>,
    value: Option<String>,
}

#[derive(Deserialize, Default)]
struct CodeableConcept {
    #[serde(default)]
    coding: Vec<Coding>,
    text: Option<String>,
}

#[derive(Deserialize)]
struct Coding {
    system: Option<String>,
    code: Option<String>,
    display: Option<String>,
}

#[derive(Deserialize)]
struct Context {
    period: Option<Period>,
}

#[derive(Deserialize)]
struct Period {
    start: Option<String>,
}

#[derive(Deserialize)]
struct Content<'a> {
    #[serde(borrow)]
    attachment: Attachment<'a>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Attachment<'a> {
    content_type: Option<String>,
    #[serde(borrow)]
    data: Option<Cow<'a, str>>,
    url: Option<String>,
    size: Option<u64>,
    hash: Option<String>,
    title: Option<String>,
    creation: Option<String>,
}

#[derive(Deserialize)]
struct RelatesTo {
    code: String,
    target: Reference,
}

// ---- What DSP makes of it. ----

/// How the Bundle names the patient.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PatientRef {
    /// `Patient/<id>` (a local id that is no UUID is no record's).
    Id(String),
    /// By national ID.
    NationalId(String),
}

/// One document of the submission, checked.
#[derive(Debug)]
struct Document {
    /// The index of its entry.
    entry: usize,
    /// The index of its `Binary` entry, if the content is one.
    binary: Option<usize>,
    target: BatchTarget,
    filing: Filing,
    content_type: Option<String>,
    declared_size: Option<u64>,
    /// The base64 content, without whitespace.
    data: Bytes,
}

/// A submission: the patient, the documents, the entries' types (for the response).
#[derive(Debug)]
struct Submission {
    patient: PatientRef,
    documents: Vec<Document>,
    kinds: Vec<&'static str>,
}

/// ITI-65 Provide Document Bundle.
pub(crate) async fn transaction(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: FhirCaller,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, AppError> {
    caller.require("DocumentReference", Op::Create)?;
    let fhir_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
        .is_some_and(|v| v == "application/fhir+json" || v == "application/json");
    if !fhir_json {
        return Err(AppError::UnsupportedMediaType);
    }
    let limit = bundle_limit(&state.config);
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|d| d > limit as u64) {
        return Err(AppError::PayloadTooLarge);
    }
    // The body is held whole while it is checked: it first reserves its size in the
    // instance's budget, so that many large bundles at once wait rather than exhaust memory.
    let size = declared.map_or(limit, |d| usize::try_from(d).unwrap_or(limit));
    let Some(_reserved) = state.bundle_memory.reserve(size) else {
        return Ok((StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "5")]).into_response());
    };
    let bytes = read_limited(body, limit, declared).await?;
    let submission = parse(&bytes)?;
    let patient_id = resolve(&state, &submission.patient).await?;
    let mut items = Vec::with_capacity(submission.documents.len());
    let mut order = Vec::with_capacity(submission.documents.len());
    for doc in submission.documents {
        order.push((doc.entry, doc.binary));
        let length = doc.declared_size.or_else(|| Some(decoded_len(&doc.data)));
        items.push(BatchItem {
            target: doc.target,
            upload: Upload {
                filing: doc.filing,
                content_type: doc.content_type,
                content_length: length,
                body: decoding_body(doc.data),
            },
        });
    }
    let filed =
        service::file_batch(&state, &caller.stamp(meta), &caller.user, patient_id, items).await?;
    Ok(response(&state, &submission.kinds, &order, &filed))
}

/// Reads the body up to `limit` bytes (into a buffer of the declared length, when there is one).
async fn read_limited(body: Body, limit: usize, declared: Option<u64>) -> Result<Bytes, AppError> {
    let mut stream = body.into_data_stream();
    let mut buffer =
        Vec::with_capacity(declared.and_then(|d| usize::try_from(d).ok()).unwrap_or(0).min(limit));
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| AppError::MalformedJson(format!("bundle body: {e}")))?;
        if buffer.len() + chunk.len() > limit {
            return Err(AppError::PayloadTooLarge);
        }
        buffer.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(buffer))
}

/// Parses and checks the Bundle (nothing here looks at the database).
fn parse(bytes: &Bytes) -> Result<Submission, AppError> {
    let bundle: Bundle<'_> = serde_json::from_slice(bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => invalid(),
        _ => AppError::MalformedJson(e.to_string()),
    })?;
    if bundle.resource_type != "Bundle" {
        return Err(invalid());
    }
    if bundle.kind.as_deref() != Some("transaction") {
        return Err(refused(StatusCode::BAD_REQUEST, ApiErrorCode::FhirBundleNotTransaction));
    }
    let mut kinds = Vec::with_capacity(bundle.entry.len());
    let mut list: Option<Reference> = None;
    let mut binaries: HashMap<String, usize> = HashMap::new();
    let mut binary_data: HashMap<usize, (Option<String>, Cow<'_, str>)> = HashMap::new();
    let mut references = Vec::new();
    let mut listed: Vec<Option<String>> = Vec::new();
    let mut document_urls: Vec<Option<String>> = Vec::new();
    for (i, entry) in bundle.entry.into_iter().enumerate() {
        let (Some(resource), Some(request)) = (entry.resource, entry.request) else {
            return Err(invalid());
        };
        if request.method != "POST" {
            return Err(invalid());
        }
        match resource.resource_type.as_str() {
            "List" => {
                let submission_set = resource.code.as_ref().is_some_and(|c| {
                    c.coding.iter().any(|c| {
                        c.system.as_deref() == Some(LIST_TYPE_SYSTEM)
                            && c.code.as_deref() == Some("submissionset")
                    })
                });
                if !submission_set || list.is_some() {
                    return Err(invalid());
                }
                listed = resource.entry.into_iter().map(|e| e.item.reference).collect();
                list = Some(resource.subject.ok_or_else(invalid)?);
                kinds.push("List");
            }
            "Binary" => {
                let full_url = entry.full_url.ok_or_else(invalid)?;
                if binaries.insert(full_url, i).is_some() {
                    return Err(invalid());
                }
                binary_data.insert(i, (resource.content_type, resource.data.ok_or_else(invalid)?));
                kinds.push("Binary");
            }
            "DocumentReference" => {
                document_urls.push(entry.full_url);
                references.push((i, resource));
                kinds.push("DocumentReference");
            }
            _ => return Err(invalid()),
        }
    }
    let patient = patient_ref(&list.ok_or_else(invalid)?)?;
    if references.is_empty() {
        return Err(invalid());
    }
    // The SubmissionSet's entries, when it lists its documents, are exactly the Bundle's
    // DocumentReferences (by `fullUrl`): a list naming something else, or leaving one out, does
    // not say what is submitted.
    if !listed.is_empty() {
        let mut named: Vec<&str> =
            listed.iter().map(|r| r.as_deref().unwrap_or_default()).collect();
        let mut documents: Vec<&str> =
            document_urls.iter().map(|u| u.as_deref().unwrap_or_default()).collect();
        named.sort_unstable();
        documents.sort_unstable();
        if named != documents || named.iter().any(|u| u.is_empty()) {
            return Err(invalid());
        }
    }
    let mut documents = Vec::with_capacity(references.len());
    for (entry, resource) in references {
        if resource.status.as_deref() != Some("current") {
            return Err(invalid());
        }
        let subject = patient_ref(resource.subject.as_ref().ok_or_else(invalid)?)?;
        if subject != patient {
            return Err(refused(
                StatusCode::UNPROCESSABLE_ENTITY,
                ApiErrorCode::FhirPatientMismatch,
            ));
        }
        let target = target(&resource)?;
        let [content] = <[Content<'_>; 1]>::try_from(resource.content).map_err(|_| invalid())?;
        let attachment = content.attachment;
        let (binary, declared_type, data) = match (attachment.data, attachment.url.as_deref()) {
            (Some(data), None) => (None, None, data),
            (None, Some(url)) => {
                let index = *binaries.get(url).ok_or_else(invalid)?;
                // Each Binary belongs to one document.
                let (binary_type, data) = binary_data.remove(&index).ok_or_else(invalid)?;
                (Some(index), binary_type, data)
            }
            _ => return Err(invalid()),
        };
        let content_type = match (attachment.content_type, declared_type) {
            (Some(a), Some(b)) if !same_format(&a, &b) => return Err(invalid()),
            (a, b) => a.or(b),
        };
        let title = resource
            .description
            .clone()
            .or_else(|| attachment.title.clone())
            .or_else(|| resource.kind.as_ref().and_then(|k| k.text.clone()))
            .or_else(|| {
                resource.kind.as_ref().and_then(|k| k.coding.iter().find_map(|c| c.display.clone()))
            })
            .ok_or_else(invalid)?;
        let date = resource
            .context
            .as_ref()
            .and_then(|c| c.period.as_ref())
            .and_then(|p| p.start.as_deref())
            .or(attachment.creation.as_deref())
            .or(resource.date.as_deref());
        let clinical_date = match date {
            Some(text) => text
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .ok_or_else(invalid)?,
            None => return Err(invalid()),
        };
        documents.push(Document {
            entry,
            binary,
            target,
            filing: Filing { title, clinical_date, file_name: attachment.title },
            content_type,
            declared_size: attachment.size,
            data: checked_hash(attachment.hash.as_deref(), base64_of(bytes, data)?)?,
        });
    }
    // A Binary no document points to is not filed: refuse rather than drop it.
    if !binary_data.is_empty() {
        return Err(invalid());
    }
    Ok(Submission { patient, documents, kinds })
}

/// Whether two declared media types stand for the same format (both unknown counts as the same:
/// the validator refuses them).
fn same_format(a: &str, b: &str) -> bool {
    use crate::documents::content::DocumentFormat;
    DocumentFormat::from_declared(a).ok() == DocumentFormat::from_declared(b).ok()
}

/// New document (of the category its codes name) or new version (`relatesTo replaces`).
fn target(resource: &Resource<'_>) -> Result<BatchTarget, AppError> {
    let mut replaces = None;
    for relation in &resource.relates_to {
        if relation.code != "replaces" || replaces.is_some() {
            return Err(invalid());
        }
        let reference = relation.target.reference.as_deref().ok_or_else(invalid)?;
        let id = local_id(reference, "DocumentReference").ok_or_else(invalid)?;
        // An id that is no UUID is no document's: it answers like a missing one.
        replaces = Some(Uuid::parse_str(id).unwrap_or(Uuid::nil()));
    }
    if let Some(id) = replaces {
        return Ok(BatchTarget::Replaces(id));
    }
    let own = resource
        .category
        .iter()
        .flat_map(|c| &c.coding)
        .filter(|c| c.system.as_deref() == Some(CATEGORY_SYSTEM))
        .find_map(|c| c.code.as_deref().and_then(Category::from_code));
    let by_type = || {
        resource.kind.as_ref().and_then(|k| {
            k.coding.iter().filter(|c| c.system.as_deref() == Some(LOINC)).find_map(|c| {
                LOINC_CATEGORIES
                    .iter()
                    .find(|(code, _)| c.code.as_deref() == Some(*code))
                    .map(|(_, category)| *category)
            })
        })
    };
    own.or_else(by_type)
        .map(BatchTarget::New)
        .ok_or_else(|| refused(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::FhirCategoryUnknown))
}

/// The id in a reference `<type>/<id>` (relative, or absolute ending so).
fn local_id<'r>(reference: &'r str, resource_type: &str) -> Option<&'r str> {
    let (before, id) = reference.rsplit_once('/')?;
    let kind = before.rsplit('/').next()?;
    (kind == resource_type && !id.is_empty()).then_some(id)
}

fn patient_ref(reference: &Reference) -> Result<PatientRef, AppError> {
    match (&reference.reference, &reference.identifier) {
        (Some(r), None) => Ok(PatientRef::Id(local_id(r, "Patient").ok_or_else(invalid)?.into())),
        (None, Some(Identifier { system: Some(system), value: Some(value) }))
            if system == NATIONAL_ID_SYSTEM =>
        {
            Ok(PatientRef::NationalId(value.clone()))
        }
        _ => Err(invalid()),
    }
}

/// The record the Bundle names; one that does not exist becomes an id no record has, so that the
/// service refuses it (audited) exactly like a record without a care relation.
async fn resolve(state: &AppState, patient: &PatientRef) -> Result<Uuid, AppError> {
    match patient {
        PatientRef::Id(id) => Ok(Uuid::parse_str(id).unwrap_or(Uuid::nil())),
        PatientRef::NationalId(text) => {
            let national_id = NationalId::parse(text).map_err(|_| {
                refused(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::InvalidNationalId)
            })?;
            Ok(patient::Entity::find()
                .filter(patient::Column::NationalId.eq(national_id.as_str()))
                .one(&state.db)
                .await?
                .map_or(Uuid::nil(), |p| p.id))
        }
    }
}

/// The base64 text of a document, checked (alphabet, padding, length), without whitespace; a
/// slice of the body when it was sent without escapes or whitespace (no copy).
fn base64_of(body: &Bytes, data: Cow<'_, str>) -> Result<Bytes, AppError> {
    let bad = || refused(StatusCode::BAD_REQUEST, ApiErrorCode::FhirBase64Invalid);
    let text: Bytes = match data {
        Cow::Borrowed(s) if within(body, s) && !s.bytes().any(|b| b.is_ascii_whitespace()) => {
            body.slice_ref(s.as_bytes())
        }
        other => {
            Bytes::from(other.bytes().filter(|b| !b.is_ascii_whitespace()).collect::<Vec<u8>>())
        }
    };
    if !text.len().is_multiple_of(4) {
        return Err(bad());
    }
    let padding = text.iter().rev().take_while(|b| **b == b'=').count();
    let body_ok = text[..text.len() - padding]
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/');
    if padding > 2 || !body_ok {
        return Err(bad());
    }
    // The last quantum must decode (its unused bits zero).
    if let Some(start) = text.len().checked_sub(4)
        && data_encoding::BASE64.decode(&text[start..]).is_err()
    {
        return Err(bad());
    }
    Ok(text)
}

/// The checked base64 `text` of a document, after its `attachment.hash`, when the software gave
/// one, is found to be the hash of the decoded content: SHA-1 (20 bytes, what FHIR R4 defines) or
/// SHA-256 (32 bytes, what later versions allow), in base64. The content is decoded piece by
/// piece, as it is for the store.
fn checked_hash(hash: Option<&str>, text: Bytes) -> Result<Bytes, AppError> {
    let Some(hash) = hash else { return Ok(text) };
    let expected = data_encoding::BASE64.decode(hash.trim().as_bytes()).map_err(|_| invalid())?;
    let actual = match expected.len() {
        20 => digest_of::<sha1::Sha1>(&text)?,
        32 => digest_of::<sha2::Sha256>(&text)?,
        _ => return Err(invalid()),
    };
    if actual == expected {
        Ok(text)
    } else {
        Err(refused(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::FhirHashMismatch))
    }
}

/// The digest `D` of the content of checked base64 `text`, decoded piece by piece.
fn digest_of<D: sha2::Digest>(text: &[u8]) -> Result<Vec<u8>, AppError> {
    let mut hasher = D::new();
    for piece in text.chunks(DECODE_CHUNK) {
        let decoded = data_encoding::BASE64
            .decode(piece)
            .map_err(|_| refused(StatusCode::BAD_REQUEST, ApiErrorCode::FhirBase64Invalid))?;
        hasher.update(decoded);
    }
    Ok(hasher.finalize().to_vec())
}

/// Whether `text` lies in `body`'s bytes (what serde borrowed from it does).
fn within(body: &Bytes, text: &str) -> bool {
    let start = body.as_ptr() as usize;
    let at = text.as_ptr() as usize;
    at >= start && at + text.len() <= start + body.len()
}

/// The exact length of the decoded content of checked base64 text.
fn decoded_len(text: &Bytes) -> u64 {
    let padding = text.iter().rev().take_while(|b| **b == b'=').count();
    (text.len() / 4 * 3 - padding) as u64
}

/// A body that decodes checked base64 text piece by piece.
fn decoding_body(text: Bytes) -> Body {
    let pieces = text.len().div_ceil(DECODE_CHUNK);
    let stream = futures_util::stream::iter((0..pieces).map(move |i| {
        let piece = &text[i * DECODE_CHUNK..text.len().min((i + 1) * DECODE_CHUNK)];
        data_encoding::BASE64.decode(piece).map(Bytes::from)
    }));
    Body::from_stream(stream)
}

/// The `transaction-response`: an entry per request entry, in order.
fn response(
    state: &AppState,
    kinds: &[&str],
    order: &[(usize, Option<usize>)],
    filed: &[DocumentSummary],
) -> Response {
    let mut entries: Vec<Value> = kinds
        .iter()
        .map(|_| {
            json!({ "response": {
                "status": "201 Created",
                "outcome": {
                    "resourceType": "OperationOutcome",
                    "issue": [{
                        "severity": "information",
                        "code": "informational",
                        "diagnostics": "DSP records a submission set per document: List/<id> of each DocumentReference",
                    }],
                },
            } })
        })
        .collect();
    for ((entry, binary), summary) in order.iter().zip(filed) {
        let id = summary.id.0;
        let modified = summary.version_filed_at.to_rfc3339_opts(SecondsFormat::Millis, true);
        entries[*entry] = json!({ "response": {
            "status": "201 Created",
            "location": format!("DocumentReference/{id}/_history/{}", summary.version),
            "etag": format!("W/\"{}\"", summary.version),
            "lastModified": modified,
        } });
        if let Some(binary) = binary {
            entries[*binary] = json!({ "response": {
                "status": "201 Created",
                "location": format!("Binary/{id}"),
                "lastModified": modified,
            } });
        }
    }
    let bundle = json!({
        "resourceType": "Bundle",
        "id": Uuid::new_v4().to_string(),
        "type": "transaction-response",
        "timestamp": state.clock.now().to_rfc3339_opts(SecondsFormat::Secs, true),
        "entry": entries,
    });
    resource(&bundle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn base64_is_checked_and_decoded_in_pieces() {
        let body = Bytes::from_static(b"\"aGVsbG8=\"");
        let borrowed = std::str::from_utf8(&body[1..9]).unwrap();
        let text = base64_of(&body, Cow::Borrowed(borrowed)).unwrap();
        assert_eq!(text.as_ptr(), body[1..].as_ptr(), "a slice of the body, not a copy");
        assert_eq!(decoded_len(&text), 5);
        for bad in ["aGVsbG8", "aGV$bG8=", "a===", "aGVsbG9="] {
            assert!(base64_of(&body, Cow::Borrowed(bad)).is_err(), "{bad}");
        }
        let spaced = base64_of(&body, Cow::Owned("aGVs\nbG8=".into())).unwrap();
        assert_eq!(spaced.as_ref(), b"aGVsbG8=");
        let long = data_encoding::BASE64.encode(&vec![7u8; DECODE_CHUNK * 2 + 5]);
        let text = Bytes::from(long);
        let decoded = axum::body::to_bytes(decoding_body(text), usize::MAX).await.unwrap();
        assert_eq!(decoded.len(), DECODE_CHUNK * 2 + 5);
    }

    #[test]
    fn references_name_their_type() {
        assert_eq!(local_id("Patient/abc", "Patient"), Some("abc"));
        assert_eq!(local_id("https://x/fhir/R4/Patient/abc", "Patient"), Some("abc"));
        assert_eq!(local_id("Practitioner/abc", "Patient"), None);
        assert_eq!(local_id("abc", "Patient"), None);
    }
}
