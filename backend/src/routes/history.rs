//! The patient's history of their record: a JSON page, and the whole of it as CSV or as a FHIR
//! bundle (streamed). Patients only (`CurrentPatient`).

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use shared::ApiError;
use shared::api::history::{HistoryPage, HistoryQuery};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::{CurrentPatient, CurrentProfessional};
use crate::error::AppError;
use crate::services::history::{self, Format};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(export_csv))
        .routes(routes!(export_fhir))
        .routes(routes!(for_referent))
}

/// A record's access traces for its médecin référent (the only professional who reads them).
#[utoipa::path(get, path = "/records/{patient_id}/history", tag = "history",
    params(("patient_id" = uuid::Uuid, Path), HistoryQuery),
    responses((status = 200, body = HistoryPage), (status = 404, body = ApiError, description = "not the référent, or no such record")))]
async fn for_referent(
    State(state): State<AppState>,
    meta: RequestMeta,
    professional: CurrentProfessional,
    Path(patient_id): Path<uuid::Uuid>,
    Query(query): Query<HistoryQuery>,
) -> Result<Json<HistoryPage>, AppError> {
    Ok(Json(history::for_referent(&state, &meta, &professional, patient_id, &query).await?))
}

/// One page of one's history, newest first; pass `next_cursor` as `before` for the next page.
#[utoipa::path(get, path = "/me/history", tag = "history", params(HistoryQuery),
    responses((status = 200, body = HistoryPage), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 422, body = ApiError, description = "invalid_request: a bad filter or limit")))]
async fn list(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    Query(query): Query<HistoryQuery>,
) -> Result<Json<HistoryPage>, AppError> {
    Ok(Json(history::list(&state, &meta, &patient, &query).await?))
}

async fn export(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
    query: &HistoryQuery,
    format: Format,
) -> Result<Response, AppError> {
    let stream = history::export(state, meta, patient, query, format).await?;
    let (content_type, filename) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "dsp-history.csv"),
        Format::Fhir => ("application/fhir+json", "dsp-history.fhir.json"),
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}

/// One's whole history (with the same filters) as CSV, streamed.
#[utoipa::path(get, path = "/me/history.csv", tag = "history", params(HistoryQuery),
    responses((status = 200, content_type = "text/csv", body = String, description = "RFC 4180 with a header row; cells that a spreadsheet would read as formulas start with '"),
              (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
async fn export_csv(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    Query(query): Query<HistoryQuery>,
) -> Result<Response, AppError> {
    export(&state, &meta, &patient, &query, Format::Csv).await
}

/// One's whole history (with the same filters) as a FHIR R4 `Bundle` of `AuditEvent`s, streamed.
#[utoipa::path(get, path = "/me/history.fhir.json", tag = "history", params(HistoryQuery),
    responses((status = 200, content_type = "application/fhir+json", body = Object, description = "Bundle (type collection) of AuditEvent"),
              (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
async fn export_fhir(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    Query(query): Query<HistoryQuery>,
) -> Result<Response, AppError> {
    export(&state, &meta, &patient, &query, Format::Fhir).await
}
