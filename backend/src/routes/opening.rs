//! Voluntary opening requests: the public form (no sign-in) and the agency's queue (agents only).

use axum::Json;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use shared::ApiError;
use shared::api::opening::{
    AcceptOpening, OpeningRequestForm, OpeningRequestReceived, OpeningRequestSummary, RejectOpening,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::CurrentAgent;
use crate::error::{ApiJson, AppError};
use crate::services::opening;

pub fn router() -> OpenApiRouter<AppState> {
    let public = OpenApiRouter::new()
        .routes(routes!(submit))
        .layer(DefaultBodyLimit::max(opening::FORM_BODY_LIMIT));
    OpenApiRouter::new()
        .merge(public)
        .routes(routes!(queue))
        .routes(routes!(get_request))
        .routes(routes!(accept))
        .routes(routes!(reject))
}

/// A person asks for their record (the voluntary opening form). The answer is the same whether
/// or not a record exists for the national ID; the request waits in the agency's queue.
#[utoipa::path(post, path = "/opening-requests", tag = "opening", request_body = OpeningRequestForm,
    responses((status = 202, body = OpeningRequestReceived),
              (status = 413, body = ApiError, description = "payload_too_large"),
              (status = 422, body = ApiError, description = "field_required, invalid_national_id, birth_date_mismatch, contact_required, invalid_phone, invalid_email, conditions_not_accepted, invalid_request"),
              (status = 429, body = ApiError, description = "rate_limited")))]
async fn submit(
    State(state): State<AppState>,
    meta: RequestMeta,
    ApiJson(form): ApiJson<OpeningRequestForm>,
) -> Result<(StatusCode, Json<OpeningRequestReceived>), AppError> {
    Ok((StatusCode::ACCEPTED, Json(opening::submit(&state, &meta, &form).await?)))
}

/// The waiting requests, oldest first, flagged near the 7-day limit and overdue.
#[utoipa::path(get, path = "/agency/opening-requests", tag = "agency",
    responses((status = 200, body = Vec<OpeningRequestSummary>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn queue(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
) -> Result<Json<Vec<OpeningRequestSummary>>, AppError> {
    Ok(Json(opening::queue(&state, &meta, &agent).await?))
}

/// One request, whatever its status.
#[utoipa::path(get, path = "/agency/opening-requests/{id}", tag = "agency", params(("id" = Uuid, Path)),
    responses((status = 200, body = OpeningRequestSummary), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError)))]
async fn get_request(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
) -> Result<Json<OpeningRequestSummary>, AppError> {
    Ok(Json(opening::get(&state, &meta, &agent, id).await?))
}

/// Accepts a request after the identity check: creates the record and answers its activation
/// letter (PDF) to print.
#[utoipa::path(post, path = "/agency/opening-requests/{id}/accept", tag = "agency", params(("id" = Uuid, Path)),
    request_body = AcceptOpening,
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>, description = "The activation letter"),
              (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError, description = "opening_request_decided, duplicate_national_id"),
              (status = 422, body = ApiError, description = "identity_check_incomplete, field_required, invalid_request")))]
async fn accept(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<AcceptOpening>,
) -> Result<Response, AppError> {
    let letter = opening::accept(&state, &meta, &agent, id, &input).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", letter.file_name)),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        letter.pdf,
    )
        .into_response())
}

/// Rejects a request with a reason.
#[utoipa::path(post, path = "/agency/opening-requests/{id}/reject", tag = "agency", params(("id" = Uuid, Path)),
    request_body = RejectOpening,
    responses((status = 200, body = OpeningRequestSummary), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError, description = "opening_request_decided"),
              (status = 422, body = ApiError, description = "field_required, invalid_request")))]
async fn reject(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<RejectOpening>,
) -> Result<Json<OpeningRequestSummary>, AppError> {
    Ok(Json(opening::reject(&state, &meta, &agent, id, &input).await?))
}
