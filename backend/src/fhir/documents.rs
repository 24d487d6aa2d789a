//! IHE MHD Document Responder: ITI-67 Find Document References, ITI-68 Retrieve Document and
//! ITI-66 Find Document Lists, through the portal's own services (the decision function for the
//! record and for every document, the audit entry naming the software).

use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::SecondsFormat;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use shared::api::documents::DocumentSummary;
use shared::{ApiErrorCode, NationalId};
use tokio::io::AsyncReadExt;
use tokio_util::io::ReaderStream;
use uuid::Uuid;

use super::params::{
    DateCondition, Params, PatientParam, decode_cursor, encode_cursor, token_matches,
};
use super::{
    CATEGORY_SYSTEM, FORMAT_SYSTEM, LIST_TYPE_SYSTEM, PROFESSIONAL_SYSTEM, base_url, resource,
    searchset,
};
use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::CurrentProfessional;
use crate::entity::{document_version, patient};
use crate::error::AppError;
use crate::oauth::{FhirCaller, Op};
use crate::services::documents as service;

/// The record a search names. A national ID no record has becomes an id no record has, so that
/// the service refuses it (audited) exactly like a record the professional may not reach.
pub(super) async fn patient_id(
    state: &AppState,
    params: &Params,
    identifier_param: &str,
) -> Result<Uuid, AppError> {
    match PatientParam::of(params, identifier_param)? {
        PatientParam::Id(id) => Ok(id),
        PatientParam::NationalId(text) => {
            let national_id = NationalId::parse(&text).map_err(|_| {
                AppError::refused(
                    axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                    ApiErrorCode::InvalidNationalId,
                )
            })?;
            Ok(patient::Entity::find()
                .filter(patient::Column::NationalId.eq(national_id.as_str()))
                .one(&state.db)
                .await?
                .map_or(Uuid::nil(), |p| p.id))
        }
    }
}

/// A professional's name and directory id, as a FHIR `Reference`.
fn professional(name: &str, id: Option<Uuid>) -> Value {
    match id {
        Some(id) => json!({
            "identifier": { "system": PROFESSIONAL_SYSTEM, "value": id.to_string() },
            "display": name,
        }),
        None => json!({ "display": name }),
    }
}

/// A document (its current version) as an MHD `DocumentReference`.
pub(crate) fn document_reference(state: &AppState, d: &DocumentSummary) -> Value {
    let id = d.id.0;
    json!({
        "resourceType": "DocumentReference",
        "id": id.to_string(),
        "meta": {
            "versionId": d.version.to_string(),
            "lastUpdated": d.version_filed_at.to_rfc3339_opts(SecondsFormat::Millis, true),
        },
        "identifier": [{ "system": "urn:ietf:rfc:3986", "value": format!("urn:uuid:{id}") }],
        "status": if d.withdrawn_reason.is_some() { "entered-in-error" } else { "current" },
        "type": { "coding": [{ "system": FORMAT_SYSTEM, "code": d.format }] },
        "category": [{ "coding": [{ "system": CATEGORY_SYSTEM, "code": d.category.code() }] }],
        "subject": { "reference": format!("Patient/{}", d.patient_id.0) },
        "date": d.filed_at.to_rfc3339_opts(SecondsFormat::Millis, true),
        "author": [professional(&d.author, d.author_id.map(|p| p.0))],
        "description": d.title,
        "content": [{ "attachment": {
            "contentType": d.media_type,
            "url": format!("{}/Binary/{id}", base_url(state)),
            "size": d.size,
            "title": d.title,
            "creation": d.version_filed_at.to_rfc3339_opts(SecondsFormat::Millis, true),
        } }],
        "context": { "period": { "start": d.clinical_date.to_string() } },
    })
}

/// The search parameters of ITI-67.
const DOCUMENT_PARAMS: &[&str] =
    &["patient", "patient.identifier", "status", "date", "category", "type", "_count", "_cursor"];

/// The statuses a `DocumentReference` can have.
const STATUSES: &[&str] = &["current", "superseded", "entered-in-error"];

/// One result of a document search: a document's current version, or (when the search asks
/// for `status=superseded`) one of its older versions.
struct Found {
    doc: DocumentSummary,
    older: Option<document_version::Model>,
}

impl Found {
    fn status(&self) -> &'static str {
        if self.doc.withdrawn_reason.is_some() {
            "entered-in-error"
        } else if self.older.is_some() {
            "superseded"
        } else {
            "current"
        }
    }

    fn version(&self) -> u32 {
        self.older.as_ref().map_or(self.doc.version, |v| u32::try_from(v.version).unwrap_or(0))
    }
}

/// Whether a result meets every condition of the search.
fn wanted(f: &Found, params: &Params, dates: &[DateCondition]) -> bool {
    let any = |name: &str, system: &str, code: &str| {
        params.groups(name).iter().all(|group| group.iter().any(|v| token_matches(v, system, code)))
    };
    let format = f.older.as_ref().map_or(f.doc.format.as_str(), |v| v.format.as_str());
    any("status", "http://hl7.org/fhir/document-reference-status", f.status())
        && any("category", CATEGORY_SYSTEM, f.doc.category.code())
        && any("type", FORMAT_SYSTEM, format)
        && dates.iter().all(|c| c.matches(f.doc.filed_at))
}

/// The key a page resumes after: newest clinical date first, then the id and the version
/// (fixed width, so that the order of keys as text is the order of the search).
fn page_key(f: &Found) -> String {
    format!("{}|{}|{:010}", f.doc.clinical_date.format("%Y-%m-%d"), f.doc.id.0, f.version())
}

/// The results of a search over `documents` (those the professional may see now): their
/// current versions, and their older ones when the search names `superseded` (one query).
async fn found(
    state: &AppState,
    params: &Params,
    documents: Vec<DocumentSummary>,
) -> Result<Vec<Found>, AppError> {
    let superseded = params
        .groups("status")
        .iter()
        .flatten()
        .any(|s| s.rsplit('|').next() == Some("superseded"));
    let with_older: Vec<Uuid> =
        documents.iter().filter(|d| d.version > 1).map(|d| d.id.0).collect();
    let mut older = if superseded && !with_older.is_empty() {
        document_version::Entity::find()
            .filter(document_version::Column::DocumentId.is_in(with_older))
            .all(&state.db)
            .await?
    } else {
        Vec::new()
    };
    let mut out = Vec::with_capacity(documents.len() + older.len());
    for doc in documents {
        let id = doc.id.0;
        let current = i64::from(doc.version);
        for v in older.extract_if(.., |v| v.document_id == id && i64::from(v.version) < current) {
            out.push(Found { doc: doc.clone(), older: Some(v) });
        }
        out.push(Found { doc, older: None });
    }
    Ok(out)
}

/// The parameters of a search's links: the query without its cursor, the patient named by the
/// record's id (`patient=Patient/<id>`) whether the search named them so or by national ID.
pub(super) fn link_pairs(query: Option<&str>, patient: Uuid) -> Vec<(String, String)> {
    std::iter::once(("patient".into(), format!("Patient/{patient}")))
        .chain(
            form_urlencoded::parse(query.unwrap_or_default().as_bytes())
                .filter(|(k, _)| {
                    !matches!(k.as_ref(), "_cursor" | "patient" | "patient.identifier")
                })
                .map(|(k, v)| (k.into_owned(), v.into_owned())),
        )
        .collect()
}

/// One page of `items` in descending order of `key` (each key unique, of fixed width), resuming
/// after the key `after`; with the total, the `next` link (relative to the base, the same query
/// with the cursor of the page's last item) and the `self` link. The links name the patient by
/// the record's id, never by the national ID the search may have used (a `POST …/_search` keeps
/// it out of URLs, and so do the links a client follows).
pub(super) fn paged<T>(
    mut items: Vec<T>,
    key: impl Fn(&T) -> String,
    after: Option<&str>,
    count: usize,
    (resource_type, patient): (&str, Uuid),
    query: Option<&str>,
) -> (Vec<T>, usize, Option<String>, String) {
    items.sort_by_cached_key(|item| std::cmp::Reverse(key(item)));
    let total = items.len();
    let start = after.map_or(0, |after| {
        items.iter().position(|item| key(item).as_str() < after).unwrap_or(total)
    });
    let mut page: Vec<T> = items.into_iter().skip(start).collect();
    let more = page.len() > count;
    page.truncate(count);
    let pairs = link_pairs(query, patient);
    let link = |cursor: Option<&str>| {
        let mut serializer = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &pairs {
            serializer.append_pair(k, v);
        }
        if let Some(cursor) = cursor {
            serializer.append_pair("_cursor", cursor);
        }
        format!("{resource_type}?{}", serializer.finish())
    };
    let next = if more && count > 0 {
        page.last().map(|item| link(Some(&encode_cursor(&key(item)))))
    } else {
        None
    };
    let self_link = link(after.map(encode_cursor).as_deref());
    (page, total, next, self_link)
}

/// ITI-67 Find Document References: the documents of a record the professional may see now
/// (the others are absent, as in the portal), filtered, newest clinical date first, paged with an
/// opaque cursor; their older versions too (`superseded`) when the search's `status` names them. A record they may not reach, or that does not exist, is `not_found`.
pub(super) async fn search(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: FhirCaller,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    caller.require("DocumentReference", Op::Search)?;
    let params = Params::parse(query.as_deref(), DOCUMENT_PARAMS)?;
    for group in params.groups("status") {
        if group.iter().any(|s| !STATUSES.contains(&s.rsplit('|').next().unwrap_or_default())) {
            return Err(AppError::InvalidRequest(
                "status must be current, superseded or entered-in-error".into(),
            ));
        }
    }
    let dates = params
        .groups("date")
        .concat()
        .iter()
        .map(|d| DateCondition::parse(d))
        .collect::<Result<Vec<_>, _>>()?;
    let count = params.count()?;
    let after = params.one("_cursor")?.map(decode_cursor).transpose()?;
    let patient_id = patient_id(&state, &params, "patient.identifier").await?;
    let pro = CurrentProfessional(caller.user.clone());
    let documents =
        service::list_for_professional(&state, &caller.stamp(meta), &pro, patient_id).await?;
    let mut results = found(&state, &params, documents).await?;
    results.retain(|f| wanted(f, &params, &dates));
    let (page, total, next, self_link) = paged(
        results,
        page_key,
        after.as_deref(),
        count,
        ("DocumentReference", patient_id),
        query.as_deref(),
    );
    let resources = page
        .iter()
        .map(|f| match &f.older {
            None => document_reference(&state, &f.doc),
            Some(v) => older_version(&state, &f.doc, v),
        })
        .collect();
    Ok(resource(&searchset(&state, &self_link, next, Some(total), resources)))
}

/// A document's id from the path (anything else is a document that does not exist).
fn path_id(id: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(id).map_err(|_| AppError::NotFound)
}

/// `DocumentReference/{id}`: one document's current version, within the rules.
pub(super) async fn read(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: FhirCaller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    caller.require("DocumentReference", Op::Read)?;
    let id = path_id(&id)?;
    let summary = service::read_summary(&state, &caller.stamp(meta), &caller.user, id).await?;
    Ok(resource(&document_reference(&state, &summary)))
}

/// `DocumentReference/{id}/_history/{version}` (the `location` ITI-65 answers with): the
/// document read as above (the same decision and audit entry), then the version asked for: the
/// current one as `read` gives it, an older one as a `superseded` DocumentReference whose content
/// is `Binary/{id}/_history/{version}`. A version the document does not have is `not_found`.
pub(super) async fn vread(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: FhirCaller,
    Path((id, version)): Path<(String, String)>,
) -> Result<Response, AppError> {
    caller.require("DocumentReference", Op::Read)?;
    let id = path_id(&id)?;
    let version = version_number(&version)?;
    let summary = service::read_summary(&state, &caller.stamp(meta), &caller.user, id).await?;
    if summary.version == version {
        return Ok(resource(&document_reference(&state, &summary)));
    }
    let older = document_version::Entity::find()
        .filter(document_version::Column::DocumentId.eq(id))
        .filter(document_version::Column::Version.eq(i32::try_from(version).unwrap_or(i32::MAX)))
        .one(&state.db)
        .await?
        .filter(|_| version < summary.version)
        .ok_or(AppError::NotFound)?;
    Ok(resource(&older_version(&state, &summary, &older)))
}

/// A version number of a path (`1`, `2` …); anything else is no version of anything.
fn version_number(text: &str) -> Result<u32, AppError> {
    text.parse::<u32>().ok().filter(|v| *v >= 1).ok_or(AppError::NotFound)
}

/// An older version of the document `current` as a `superseded` DocumentReference (an
/// `entered-in-error` one when the document was withdrawn): the document's facts, the version's
/// own format, type, size, filing time and content.
fn older_version(
    state: &AppState,
    current: &DocumentSummary,
    v: &document_version::Model,
) -> Value {
    let id = current.id.0;
    let filed = v.created_at.to_rfc3339_opts(SecondsFormat::Millis, true);
    let mut reference = document_reference(state, current);
    reference["meta"] = json!({ "versionId": v.version.to_string(), "lastUpdated": filed });
    if current.withdrawn_reason.is_none() {
        reference["status"] = json!("superseded");
    }
    reference["type"] = json!({ "coding": [{ "system": FORMAT_SYSTEM, "code": v.format }] });
    reference["content"] = json!([{ "attachment": {
        "contentType": v.media_type,
        "url": format!("{}/Binary/{id}/_history/{}", base_url(state), v.version),
        "size": v.size,
        "title": current.title,
        "creation": filed,
    } }]);
    reference
}

/// Whether the client asks for the `Binary` resource (FHIR JSON) rather than the raw content.
fn wants_fhir_json(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|v| {
            let media = v.split(';').next().unwrap_or_default().trim();
            media.eq_ignore_ascii_case("application/fhir+json")
                || media.eq_ignore_ascii_case("application/json+fhir")
        })
}

/// ITI-68 Retrieve Document (`Binary/{id}`, the URL of `DocumentReference.content.attachment`):
/// the current content with its stored media type, or a `Binary` resource (base64) when the
/// client asks for `application/fhir+json`. Audited as the portal's download.
pub(super) async fn binary(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: FhirCaller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    retrieve(&state, meta, &caller, &headers, &id, None).await
}

/// `Binary/{id}/_history/{version}`: one version's content (the URL of an older version's
/// attachment), within the same rules and audit as the current one.
pub(super) async fn binary_version(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: FhirCaller,
    headers: HeaderMap,
    Path((id, version)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let version = version_number(&version)?;
    retrieve(&state, meta, &caller, &headers, &id, Some(version)).await
}

/// ITI-68 for `binary` and `binary_version`.
async fn retrieve(
    state: &AppState,
    meta: RequestMeta,
    caller: &FhirCaller,
    headers: &HeaderMap,
    id: &str,
    version: Option<u32>,
) -> Result<Response, AppError> {
    caller.require("Binary", Op::Read)?;
    let id = path_id(id)?;
    let download = service::download(state, &caller.stamp(meta), &caller.user, id, version).await?;
    if wants_fhir_json(headers) {
        let mut bytes = Vec::with_capacity(usize::try_from(download.size).unwrap_or(0));
        let mut reader = download.reader;
        reader
            .read_to_end(&mut bytes)
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("reading a document: {e}")))?;
        return Ok(resource(&json!({
            "resourceType": "Binary",
            "id": id.to_string(),
            "contentType": download.media_type,
            "data": data_encoding::BASE64.encode(&bytes),
        })));
    }
    let media_type = HeaderValue::from_str(&download.media_type)
        .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    let mut response = Body::from_stream(ReaderStream::new(download.reader)).into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, media_type);
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(download.size));
    if let Ok(disposition) = HeaderValue::from_str(&download.disposition) {
        h.insert(header::CONTENT_DISPOSITION, disposition);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// The search parameters of ITI-66.
const LIST_PARAMS: &[&str] =
    &["patient", "patient.identifier", "code", "status", "_count", "_cursor"];

/// A filing as an MHD SubmissionSet `List`: DSP records who filed what when per document
/// version; a filing through the portal is a submission set of one document.
fn submission_set(d: &DocumentSummary) -> Value {
    json!({
        "resourceType": "List",
        "id": d.id.0.to_string(),
        "identifier": [{ "use": "official", "system": "urn:ietf:rfc:3986", "value": format!("urn:uuid:{}", d.id.0) }],
        "status": "current",
        "mode": "working",
        "code": { "coding": [{ "system": LIST_TYPE_SYSTEM, "code": "submissionset" }] },
        "subject": { "reference": format!("Patient/{}", d.patient_id.0) },
        "date": d.version_filed_at.to_rfc3339_opts(SecondsFormat::Millis, true),
        "source": professional(&d.version_filed_by, d.version_filed_by_id.map(|p| p.0)),
        "entry": [{ "item": { "reference": format!("DocumentReference/{}", d.id.0) } }],
    })
}

/// ITI-66 Find Document Lists: the submission sets of the documents the professional may see
/// in the record (only `code=submissionset`; DSP keeps no folders), newest first.
pub(super) async fn lists(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: FhirCaller,
    RawQuery(query): RawQuery,
) -> Result<Response, AppError> {
    caller.require("List", Op::Search)?;
    let params = Params::parse(query.as_deref(), LIST_PARAMS)?;
    let count = params.count()?;
    let after = params.one("_cursor")?.map(decode_cursor).transpose()?;
    let patient_id = patient_id(&state, &params, "patient.identifier").await?;
    let pro = CurrentProfessional(caller.user.clone());
    let mut documents =
        service::list_for_professional(&state, &caller.stamp(meta), &pro, patient_id).await?;
    let submission_sets = params
        .groups("code")
        .iter()
        .all(|group| group.iter().any(|v| token_matches(v, LIST_TYPE_SYSTEM, "submissionset")))
        && params.groups("status").iter().all(|group| group.iter().any(|v| v == "current"));
    if !submission_sets {
        documents.clear();
    }
    let key = |d: &DocumentSummary| {
        format!("{}|{}", d.version_filed_at.format("%Y-%m-%dT%H:%M:%S%.6fZ"), d.id.0)
    };
    let (page, total, next, self_link) =
        paged(documents, key, after.as_deref(), count, ("List", patient_id), query.as_deref());
    let resources = page.iter().map(submission_set).collect();
    Ok(resource(&searchset(&state, &self_link, next, Some(total), resources)))
}
