//! Documents: filing (streamed body), listing within the rules, reading, the patient's
//! restrictions.

use axum::Json;
use axum::body::Body;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use percent_encoding::percent_decode_str;
use shared::api::documents::{
    DocumentRestriction, DocumentSummary, DocumentVersionSummary, RecordRefusal, UploadParams,
    VersionParams, VersionQuery, WithdrawDocument, upload_headers,
};
use shared::{ApiError, ApiErrorCode, Category};
use tokio_util::io::ReaderStream;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::{CurrentPatient, CurrentProfessional, CurrentUser};
use crate::error::{ApiJson, AppError};
use crate::services::documents::{self, Filing, Upload};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(upload, list_for_professional))
        .routes(routes!(list_own, upload_own))
        .routes(routes!(content))
        .routes(routes!(restrict))
        .routes(routes!(new_version, versions))
        .routes(routes!(withdraw))
        .routes(routes!(record_refusal))
}

/// What a new document is filed as: its category and filing, from the `DSP-Document-*` headers.
#[derive(Debug)]
struct NewDocument(Category, Filing);

/// What a new version is filed as: its filing, from the `DSP-Document-*` headers (no category:
/// a new version keeps its document's).
#[derive(Debug)]
struct NewVersion(Filing);

impl<S: Send + Sync> FromRequestParts<S> for NewDocument {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let (category, filing) = filed_as(parts)?;
        let category = category.ok_or_else(|| {
            AppError::InvalidRequest(format!("{} is missing", upload_headers::CATEGORY))
        })?;
        Ok(Self(category, filing))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for NewVersion {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        match filed_as(parts)? {
            (None, filing) => Ok(Self(filing)),
            (Some(_), _) => Err(AppError::InvalidRequest(format!(
                "a new version keeps its document's category: no {}",
                upload_headers::CATEGORY
            ))),
        }
    }
}

/// Reads the `DSP-Document-*` headers of an upload (title and file name percent-encoded UTF-8).
/// An upload with a query string is refused outright: what a document is filed as often names a
/// patient or a condition, and a query string ends up in access logs and browser history.
fn filed_as(parts: &Parts) -> Result<(Option<Category>, Filing), AppError> {
    if parts.uri.query().is_some_and(|query| !query.is_empty()) {
        return Err(AppError::refused(
            StatusCode::BAD_REQUEST,
            ApiErrorCode::DocumentMetadataInQuery,
        ));
    }
    let invalid = |name: &str| AppError::InvalidRequest(format!("{name} is not valid"));
    let text = |name: &str| -> Result<Option<String>, AppError> {
        let Some(value) = parts.headers.get(name) else { return Ok(None) };
        let value = value.to_str().map_err(|_| invalid(name))?;
        let decoded = percent_decode_str(value).decode_utf8().map_err(|_| invalid(name))?;
        Ok(Some(decoded.into_owned()))
    };
    let required = |name: &str| {
        text(name)?.ok_or_else(|| AppError::InvalidRequest(format!("{name} is missing")))
    };
    let category = match text(upload_headers::CATEGORY)? {
        Some(code) => {
            Some(Category::from_code(&code).ok_or_else(|| invalid(upload_headers::CATEGORY))?)
        }
        None => None,
    };
    let clinical_date =
        NaiveDate::parse_from_str(&required(upload_headers::CLINICAL_DATE)?, "%Y-%m-%d")
            .map_err(|_| invalid(upload_headers::CLINICAL_DATE))?;
    let filing = Filing {
        title: required(upload_headers::TITLE)?,
        clinical_date,
        file_name: text(upload_headers::FILE_NAME)?,
    };
    Ok((category, filing))
}

fn upload_of(filing: Filing, headers: &HeaderMap, body: Body) -> Upload {
    let header = |name| headers.get(name).and_then(|v: &axum::http::HeaderValue| v.to_str().ok());
    Upload {
        filing,
        content_type: header(header::CONTENT_TYPE).map(str::to_owned),
        content_length: header(header::CONTENT_LENGTH).and_then(|v| v.parse().ok()),
        body,
    }
}

/// Files a note or document into one's personal space (category `personal-expression`: notes,
/// organ-donation wishes, advance directives), readable by every professional with a relation.
#[utoipa::path(post, path = "/me/documents", tag = "documents", params(UploadParams),
    request_body(content = Vec<u8>, content_type = "application/pdf"),
    responses((status = 200, body = DocumentSummary),
              (status = 400, body = ApiError, description = "document_metadata_in_query: the metadata goes in the DSP-Document-* headers"),
              (status = 404, body = ApiError, description = "another category"),
              (status = 413, body = ApiError, description = "payload_too_large: larger than DSP_MAX_DOCUMENT_MB"),
              (status = 422, body = ApiError, description = "document_rejected, document_wrong_patient, document_unsafe_narrative, invalid_request")))]
async fn upload_own(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    NewDocument(category, filing): NewDocument,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<DocumentSummary>, AppError> {
    let me = patient.0.subject_id();
    let upload = upload_of(filing, &headers, body);
    Ok(Json(documents::upload(&state, &meta, &patient.0, me, category, upload).await?))
}

/// Files a new version of a document (it becomes the current one; older ones stay readable).
#[utoipa::path(post, path = "/documents/{id}/versions", tag = "documents", params(("id" = Uuid, Path), VersionParams),
    request_body(content = Vec<u8>, content_type = "application/pdf"),
    responses((status = 200, body = DocumentSummary),
              (status = 400, body = ApiError, description = "document_metadata_in_query: the metadata goes in the DSP-Document-* headers"),
              (status = 404, body = ApiError, description = "no such document, or no right to replace it (indistinguishable)"),
              (status = 413, body = ApiError, description = "payload_too_large: larger than DSP_MAX_DOCUMENT_MB"),
              (status = 422, body = ApiError, description = "document_rejected, document_wrong_patient, document_unsafe_narrative, invalid_request")))]
async fn new_version(
    State(state): State<AppState>,
    meta: RequestMeta,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    NewVersion(filing): NewVersion,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<DocumentSummary>, AppError> {
    let upload = upload_of(filing, &headers, body);
    Ok(Json(documents::upload_version(&state, &meta, &user, id, upload).await?))
}

/// The versions of a document, newest first.
#[utoipa::path(get, path = "/documents/{id}/versions", tag = "documents", params(("id" = Uuid, Path)),
    responses((status = 200, body = Vec<DocumentVersionSummary>), (status = 404, body = ApiError)))]
async fn versions(
    State(state): State<AppState>,
    meta: RequestMeta,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<DocumentVersionSummary>>, AppError> {
    Ok(Json(documents::versions(&state, &meta, &user, id).await?))
}

/// The author withdraws a document, with a reason.
#[utoipa::path(post, path = "/documents/{id}/withdraw", tag = "documents", params(("id" = Uuid, Path)),
    request_body = WithdrawDocument,
    responses((status = 200, body = DocumentSummary), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
async fn withdraw(
    State(state): State<AppState>,
    meta: RequestMeta,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<WithdrawDocument>,
) -> Result<Json<DocumentSummary>, AppError> {
    Ok(Json(documents::withdraw(&state, &meta, &user, id, &input.reason).await?))
}

/// Records that the patient refused, at the point of care, that a document be filed.
#[utoipa::path(post, path = "/records/{patient_id}/refusals", tag = "documents", params(("patient_id" = Uuid, Path)),
    request_body = RecordRefusal,
    responses((status = 204, description = "Recorded; nothing filed"), (status = 404, body = ApiError)))]
async fn record_refusal(
    State(state): State<AppState>,
    meta: RequestMeta,
    pro: CurrentProfessional,
    Path(patient_id): Path<Uuid>,
    ApiJson(input): ApiJson<RecordRefusal>,
) -> Result<StatusCode, AppError> {
    documents::record_refusal(&state, &meta, &pro, patient_id, input.category, &input.title)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Files a document into a record. The body is the document (PDF, CDA XML, FHIR JSON, PNG,
/// JPEG; 20 MB at most), its type declared by `Content-Type` and checked against the content;
/// what it is filed as travels in the `DSP-Document-*` headers, never in the query string.
#[utoipa::path(post, path = "/records/{patient_id}/documents", tag = "documents",
    params(("patient_id" = Uuid, Path), UploadParams),
    request_body(content = Vec<u8>, content_type = "application/pdf"),
    responses((status = 200, body = DocumentSummary),
              (status = 400, body = ApiError, description = "document_metadata_in_query: the metadata goes in the DSP-Document-* headers"),
              (status = 404, body = ApiError, description = "no such record, or no right to write here (indistinguishable)"),
              (status = 413, body = ApiError, description = "payload_too_large: larger than DSP_MAX_DOCUMENT_MB"),
              (status = 422, body = ApiError, description = "document_rejected, document_wrong_patient, document_unsafe_narrative, invalid_request")))]
async fn upload(
    State(state): State<AppState>,
    meta: RequestMeta,
    pro: CurrentProfessional,
    Path(patient_id): Path<Uuid>,
    NewDocument(category, filing): NewDocument,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<DocumentSummary>, AppError> {
    let upload = upload_of(filing, &headers, body);
    Ok(Json(documents::upload(&state, &meta, &pro.0, patient_id, category, upload).await?))
}

/// The documents of a record that this professional may see.
#[utoipa::path(get, path = "/records/{patient_id}/documents", tag = "documents", params(("patient_id" = Uuid, Path)),
    responses((status = 200, body = Vec<DocumentSummary>), (status = 404, body = ApiError)))]
async fn list_for_professional(
    State(state): State<AppState>,
    meta: RequestMeta,
    pro: CurrentProfessional,
    Path(patient_id): Path<Uuid>,
) -> Result<Json<Vec<DocumentSummary>>, AppError> {
    Ok(Json(documents::list_for_professional(&state, &meta, &pro, patient_id).await?))
}

/// Every document of one's own record.
#[utoipa::path(get, path = "/me/documents", tag = "documents",
    responses((status = 200, body = Vec<DocumentSummary>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn list_own(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
) -> Result<Json<Vec<DocumentSummary>>, AppError> {
    Ok(Json(documents::list_own(&state, &meta, &patient).await?))
}

/// A document's content, served with its validated type as an attachment, sandboxed.
#[utoipa::path(get, path = "/documents/{id}/content", tag = "documents", params(("id" = Uuid, Path), VersionQuery),
    responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 404, body = ApiError)))]
async fn content(
    State(state): State<AppState>,
    meta: RequestMeta,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(query): Query<VersionQuery>,
) -> Result<Response, AppError> {
    let download = documents::download(&state, &meta, &user, id, query.version).await?;
    Ok((
        [
            (header::CONTENT_TYPE, download.media_type),
            (header::CONTENT_DISPOSITION, download.disposition),
            (header::CONTENT_LENGTH, download.size.to_string()),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
            (header::CONTENT_SECURITY_POLICY, "sandbox; default-src 'none'".to_owned()),
        ],
        Body::from_stream(ReaderStream::new(download.reader)),
    )
        .into_response())
}

/// Restricts one of one's documents (from named professionals, or from all but its author).
#[utoipa::path(put, path = "/me/documents/{id}/restriction", tag = "documents", params(("id" = Uuid, Path)),
    request_body = DocumentRestriction,
    responses((status = 200, body = DocumentSummary), (status = 404, body = ApiError)))]
async fn restrict(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    Path(id): Path<Uuid>,
    ApiJson(restriction): ApiJson<DocumentRestriction>,
) -> Result<Json<DocumentSummary>, AppError> {
    Ok(Json(documents::restrict(&state, &meta, &patient, id, &restriction).await?))
}
