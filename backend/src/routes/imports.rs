//! The agency's bulk opening: upload the insured-persons file, read its report, start or stop
//! the import, download the letters.

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use shared::ApiError;
use shared::api::auth::Role;
use shared::api::imports::{FILE_NAME_HEADER, ImportBatch, ImportBatchDetail};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::CurrentAgent;
use crate::error::AppError;
use crate::services::imports;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(upload_import, list_imports))
        .routes(routes!(import_detail))
        .routes(routes!(start_import))
        .routes(routes!(pause_import))
        .routes(routes!(import_letters))
}

fn actor(agent: &CurrentAgent) -> imports::Actor {
    Some((Role::Agent, agent.0.subject_id()))
}

/// Uploads the insured-persons file (CSV, UTF-8, `,` or `;`, header line
/// `national_id,given_name,family_name,street,postal_code,city,country,language`; 64 MB at
/// most), read as it arrives. Every row is checked: a file with any invalid row imports
/// nothing (state `invalid`, see the report); a valid one waits (`ready`) to be started. The
/// file's name travels in the `DSP-Import-File-Name` header (percent-encoded).
#[utoipa::path(post, path = "/agency/imports", tag = "agency",
    request_body(content = Vec<u8>, content_type = "text/csv"),
    responses((status = 201, body = ImportBatch), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 408, body = ApiError, description = "request_timeout: the file arrived too slowly"),
              (status = 413, body = ApiError, description = "payload_too_large"),
              (status = 422, body = ApiError, description = "import_file_invalid: not UTF-8, no or another header line")))]
async fn upload_import(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, Json<ImportBatch>), AppError> {
    let name = headers
        .get(FILE_NAME_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| percent_encoding::percent_decode_str(v).decode_utf8().ok())
        .map_or_else(|| "import.csv".to_owned(), |n| n.trim().to_owned());
    let batch =
        imports::upload(&state, &meta, actor(&agent), &name, body.into_data_stream()).await?;
    Ok((StatusCode::CREATED, Json(batch)))
}

/// The import batches, newest first.
#[utoipa::path(get, path = "/agency/imports", tag = "agency",
    responses((status = 200, body = Vec<ImportBatch>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn list_imports(
    State(state): State<AppState>,
    _agent: CurrentAgent,
) -> Result<Json<Vec<ImportBatch>>, AppError> {
    Ok(Json(imports::list(&state).await?))
}

/// A batch: its progress, its error report (the first 1000 refused values) and its letters.
#[utoipa::path(get, path = "/agency/imports/{id}", tag = "agency", params(("id" = Uuid, Path)),
    responses((status = 200, body = ImportBatchDetail), (status = 403, body = ApiError), (status = 404, body = ApiError)))]
async fn import_detail(
    State(state): State<AppState>,
    _agent: CurrentAgent,
    Path(id): Path<Uuid>,
) -> Result<Json<ImportBatchDetail>, AppError> {
    Ok(Json(imports::detail(&state, id).await?))
}

/// Starts a ready batch or resumes a stopped one; the server's instances process it chunk by
/// chunk.
#[utoipa::path(post, path = "/agency/imports/{id}/start", tag = "agency", params(("id" = Uuid, Path)),
    responses((status = 200, body = ImportBatch), (status = 404, body = ApiError),
              (status = 409, body = ApiError, description = "import_not_ready: invalid, running or finished")))]
async fn start_import(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
) -> Result<Json<ImportBatch>, AppError> {
    Ok(Json(imports::start(&state, &meta, actor(&agent), id).await?))
}

/// Stops a running batch after the chunk in work; it resumes where it stopped.
#[utoipa::path(post, path = "/agency/imports/{id}/pause", tag = "agency", params(("id" = Uuid, Path)),
    responses((status = 200, body = ImportBatch), (status = 404, body = ApiError),
              (status = 409, body = ApiError, description = "import_not_ready: not running")))]
async fn pause_import(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
) -> Result<Json<ImportBatch>, AppError> {
    Ok(Json(imports::pause(&state, &meta, actor(&agent), id).await?))
}

/// The letters of one chunk as one PDF for the printer (every letter on its own sheets); audited.
#[utoipa::path(get, path = "/agency/imports/{id}/letters/{chunk}", tag = "agency",
    params(("id" = Uuid, Path), ("chunk" = u32, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404, body = ApiError)))]
async fn import_letters(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path((id, chunk)): Path<(Uuid, u32)>,
) -> Result<Response, AppError> {
    let pdf = imports::letters(&state, &meta, actor(&agent), id, chunk).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"dsp-letters-{id}-{chunk:04}.pdf\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        pdf,
    )
        .into_response())
}
