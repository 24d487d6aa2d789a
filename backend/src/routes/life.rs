//! The record's life: the patient closes their record; an agent closes it on a postal request,
//! records a death, reopens it.

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use shared::ApiError;
use shared::api::life::{DeathRecord, PostalClosing, RecordLife};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::{CurrentAgent, CurrentPatient};
use crate::error::{ApiJson, AppError};
use crate::services::{life, record_export};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(my_record_life))
        .routes(routes!(close_my_record))
        .routes(routes!(export_my_record))
        .routes(routes!(record_life))
        .routes(routes!(close_by_post))
        .routes(routes!(record_death))
        .routes(routes!(reopen))
        .routes(routes!(confirmation_letter))
}

/// The patient's record: its state, and when closed why, when, and until when it can be reopened.
#[utoipa::path(get, path = "/me/record", tag = "life",
    responses((status = 200, body = RecordLife), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn my_record_life(
    State(state): State<AppState>,
    patient: CurrentPatient,
) -> Result<Json<RecordLife>, AppError> {
    Ok(Json(life::mine(&state, &patient.0).await?))
}

/// The patient closes their record (after a fresh verification in the last 5 minutes): no
/// professional reads or writes any more, links end; the patient keeps reading and downloading.
#[utoipa::path(post, path = "/me/record/close", tag = "life",
    responses((status = 200, body = RecordLife), (status = 401, body = ApiError),
              (status = 403, body = ApiError, description = "reverification_required"),
              (status = 409, body = ApiError, description = "record_already_closed")))]
async fn close_my_record(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
) -> Result<Json<RecordLife>, AppError> {
    Ok(Json(life::close_by_patient(&state, &meta, &patient.0).await?))
}

/// Everything in the patient's record, open or closed, as a ZIP (streamed): every version of
/// every document as stored, `documents.fhir.json` (FHIR R4 Bundle of DocumentReference) and
/// `history.fhir.json` (FHIR R4 Bundle of AuditEvent); audited.
#[utoipa::path(get, path = "/me/record/export.zip", tag = "life",
    responses((status = 200, content_type = "application/zip", body = Vec<u8>, description = "The archive"),
              (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn export_my_record(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
) -> Result<Response, AppError> {
    let stream = record_export::export(&state, &meta, &patient).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"dsp-record.zip\"".to_owned()),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}

/// A record's life, for an agent.
#[utoipa::path(get, path = "/agency/patients/{id}/life", tag = "life", params(("id" = Uuid, Path)),
    responses((status = 200, body = RecordLife), (status = 404, body = ApiError)))]
async fn record_life(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
) -> Result<Json<RecordLife>, AppError> {
    Ok(Json(life::of_record(&state, &meta, &agent, id).await?))
}

/// An agent closes a record on the patient's postal request (the closing form's reference).
#[utoipa::path(post, path = "/agency/patients/{id}/close", tag = "life", params(("id" = Uuid, Path)),
    request_body = PostalClosing,
    responses((status = 200, body = RecordLife), (status = 404, body = ApiError),
              (status = 409, body = ApiError, description = "record_already_closed"),
              (status = 422, body = ApiError)))]
async fn close_by_post(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<PostalClosing>,
) -> Result<Json<RecordLife>, AppError> {
    Ok(Json(life::close_by_post(&state, &meta, &agent, id, &input).await?))
}

/// An agent records the patient's death: the record closes and the 10-year clock starts.
#[utoipa::path(post, path = "/agency/patients/{id}/death", tag = "life", params(("id" = Uuid, Path)),
    request_body = DeathRecord,
    responses((status = 200, body = RecordLife), (status = 404, body = ApiError),
              (status = 409, body = ApiError, description = "record_already_closed"),
              (status = 422, body = ApiError)))]
async fn record_death(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<DeathRecord>,
) -> Result<Json<RecordLife>, AppError> {
    Ok(Json(life::record_death(&state, &meta, &agent, id, &input).await?))
}

/// An agent reopens a closed record within 10 years of its closing; its links do not come back.
#[utoipa::path(post, path = "/agency/patients/{id}/reopen", tag = "life", params(("id" = Uuid, Path)),
    responses((status = 200, body = RecordLife), (status = 404, body = ApiError),
              (status = 409, body = ApiError, description = "record_not_reopenable")))]
async fn reopen(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
) -> Result<Json<RecordLife>, AppError> {
    Ok(Json(life::reopen(&state, &meta, &agent, id).await?))
}

/// The confirmation letter of the record's last change (closed or reopened), as a PDF in the
/// patient's language, for the agent to post; audited.
#[utoipa::path(post, path = "/agency/patients/{id}/life/letter", tag = "life", params(("id" = Uuid, Path)),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>, description = "The letter"),
              (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 422, body = ApiError, description = "invalid_request: nothing to confirm")))]
async fn confirmation_letter(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
) -> Result<Response, AppError> {
    let letter = life::confirmation_letter(&state, &meta, &agent, id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", letter.file_name)),
        ],
        letter.pdf,
    )
        .into_response())
}
