//! Documents: filing (streamed body), listing within the rules, reading, the patient's
//! restrictions.

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use shared::ApiError;
use shared::api::documents::{
    DocumentRestriction, DocumentSummary, DocumentVersionSummary, RecordRefusal, UploadParams,
    VersionQuery, WithdrawDocument,
};
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

fn upload_of(params: UploadParams, headers: &HeaderMap, body: Body) -> Upload {
    let header = |name| headers.get(name).and_then(|v: &axum::http::HeaderValue| v.to_str().ok());
    Upload {
        filing: Filing {
            title: params.title,
            clinical_date: params.clinical_date,
            file_name: params.file_name,
        },
        content_type: header(header::CONTENT_TYPE).map(str::to_owned),
        content_length: header(header::CONTENT_LENGTH).and_then(|v| v.parse().ok()),
        body,
    }
}

/// Files a note or document into one's personal space (category `personal-expression`: notes,
/// organ-donation wishes, advance directives), readable by every professional with a relation.
#[utoipa::path(post, path = "/me/documents", tag = "documents", params(UploadParams),
    request_body(content = Vec<u8>, content_type = "application/pdf"),
    responses((status = 200, body = DocumentSummary), (status = 404, body = ApiError, description = "another category"),
              (status = 422, body = ApiError, description = "document_rejected")))]
async fn upload_own(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    Query(params): Query<UploadParams>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<DocumentSummary>, AppError> {
    let me = patient.0.subject_id();
    let category = params.category;
    let upload = upload_of(params, &headers, body);
    Ok(Json(documents::upload(&state, &meta, &patient.0, me, category, upload).await?))
}

/// Files a new version of a document (it becomes the current one; older ones stay readable).
#[utoipa::path(post, path = "/documents/{id}/versions", tag = "documents", params(("id" = Uuid, Path), UploadParams),
    request_body(content = Vec<u8>, content_type = "application/pdf"),
    responses((status = 200, body = DocumentSummary), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
async fn new_version(
    State(state): State<AppState>,
    meta: RequestMeta,
    user: CurrentUser,
    Path(id): Path<Uuid>,
    Query(params): Query<UploadParams>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<DocumentSummary>, AppError> {
    let upload = upload_of(params, &headers, body);
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
) -> Result<axum::http::StatusCode, AppError> {
    documents::record_refusal(&state, &meta, &pro, patient_id, input.category, &input.title)
        .await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// Files a document into a record. The body is the document (PDF, CDA XML, FHIR JSON, PNG,
/// JPEG; 20 MB at most), its type declared by `Content-Type` and checked against the content.
#[utoipa::path(post, path = "/records/{patient_id}/documents", tag = "documents",
    params(("patient_id" = Uuid, Path), UploadParams),
    request_body(content = Vec<u8>, content_type = "application/pdf"),
    responses((status = 200, body = DocumentSummary),
              (status = 404, body = ApiError, description = "no such record, or no right to write here (indistinguishable)"),
              (status = 422, body = ApiError, description = "document_rejected, invalid_request")))]
async fn upload(
    State(state): State<AppState>,
    meta: RequestMeta,
    pro: CurrentProfessional,
    Path(patient_id): Path<Uuid>,
    Query(params): Query<UploadParams>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<DocumentSummary>, AppError> {
    let category = params.category;
    let upload = upload_of(params, &headers, body);
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
