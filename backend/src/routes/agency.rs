//! The agency console's API: patients and letters, the professional directory.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use shared::ApiError;
use shared::api::agency::{
    EnrolmentCodeIssued, NewPatient, NewProfessional, OrganisationSummary, PatientSummary,
    PostalObjection, ProfessionalSummary, Search,
};
use shared::api::figures::{FiguresSeries, KeyFigures, SeriesQuery};
use shared::api::helpdesk::LetterRequest;
use shared::api::me::ContactData;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::CurrentAgent;
use crate::error::{ApiJson, AppError};
use crate::services::{agency, figures, helpdesk};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_patient))
        .routes(routes!(search_patients))
        .routes(routes!(get_patient))
        .routes(routes!(issue_letter))
        .routes(routes!(set_patient_contact))
        .routes(routes!(record_postal_objection))
        .routes(routes!(list_organisations))
        .routes(routes!(create_professional))
        .routes(routes!(search_professionals))
        .routes(routes!(issue_enrolment_code))
        .routes(routes!(key_figures))
        .routes(routes!(figures_series))
}

/// The key figures of the national record now: records open and closed, professionals
/// activated, documents, connections of the last 24 hours, objections, emergency accesses,
/// letters waiting. Counts only, nothing about a person: like the agency's other reads of its
/// own data (the lists of organisations, of emergency accesses), not audited.
#[utoipa::path(get, path = "/agency/figures", tag = "agency",
    responses((status = 200, body = KeyFigures), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn key_figures(
    State(state): State<AppState>,
    _agent: CurrentAgent,
) -> Result<Json<KeyFigures>, AppError> {
    Ok(Json(figures::key_figures(&state.db, state.clock.now()).await?))
}

/// The key figures over time, one point per day, week or month (UTC) within a bounded range:
/// levels at the end of each period, flows within it. Counts only, not audited (as above).
#[utoipa::path(get, path = "/agency/figures/series", tag = "agency", params(SeriesQuery),
    responses((status = 200, body = FiguresSeries), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 422, body = ApiError, description = "figures_range_invalid: a bad date, granularity or range")))]
async fn figures_series(
    State(state): State<AppState>,
    _agent: CurrentAgent,
    Query(query): Query<SeriesQuery>,
) -> Result<Json<FiguresSeries>, AppError> {
    Ok(Json(figures::series(&state.db, state.clock.now(), &query).await?))
}

/// Patients matching a name or national ID (the newest when `q` is empty). A POST so that the
/// words stay out of URLs; audited (the agent and the search) and rate-limited per agent.
#[utoipa::path(post, path = "/agency/patients/search", tag = "agency", request_body = Search,
    responses((status = 200, body = Vec<PatientSummary>), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 422, body = ApiError), (status = 429, body = ApiError, description = "rate_limited")))]
async fn search_patients(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    ApiJson(search): ApiJson<Search>,
) -> Result<Json<Vec<PatientSummary>>, AppError> {
    Ok(Json(helpdesk::search_patients(&state, &meta, &agent, search.q.as_deref()).await?))
}

/// Creates a patient record.
#[utoipa::path(post, path = "/agency/patients", tag = "agency", request_body = NewPatient,
    responses((status = 201, body = PatientSummary), (status = 409, body = ApiError, description = "duplicate_national_id"),
              (status = 422, body = ApiError, description = "invalid_national_id, birth_date_mismatch, invalid_phone, invalid_email, invalid_request")))]
async fn create_patient(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    ApiJson(input): ApiJson<NewPatient>,
) -> Result<(StatusCode, Json<PatientSummary>), AppError> {
    Ok((StatusCode::CREATED, Json(agency::create_patient(&state, &meta, &agent, &input).await?)))
}

/// One patient record; audited (`patient_viewed`).
#[utoipa::path(get, path = "/agency/patients/{id}", tag = "agency", params(("id" = Uuid, Path)),
    responses((status = 200, body = PatientSummary), (status = 404, body = ApiError)))]
async fn get_patient(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
) -> Result<Json<PatientSummary>, AppError> {
    Ok(Json(agency::get_patient(&state, &meta, &agent, id).await?))
}

/// Replaces a patient's phone and e-mail (an empty value clears it); audited.
#[utoipa::path(put, path = "/agency/patients/{id}/contact", tag = "agency", params(("id" = Uuid, Path)),
    request_body = ContactData,
    responses((status = 200, body = PatientSummary), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 422, body = ApiError, description = "invalid_phone, invalid_email")))]
async fn set_patient_contact(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<ContactData>,
) -> Result<Json<PatientSummary>, AppError> {
    Ok(Json(agency::set_patient_contact(&state, &meta, &agent, id, &input).await?))
}

/// Records an objection received by post (the letter's reference and date): inside the window
/// the record is deleted for good. The answer is the confirmation letter to post (PDF, the
/// patient's language), rendered before the deletion and kept nowhere.
#[utoipa::path(post, path = "/agency/patients/{id}/objection", tag = "agency", params(("id" = Uuid, Path)),
    request_body = PostalObjection,
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>,
               description = "The record is deleted; the confirmation letter"), (status = 401, body = ApiError),
              (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError, description = "objection_window_closed"),
              (status = 422, body = ApiError)))]
async fn record_postal_objection(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<PostalObjection>,
) -> Result<Response, AppError> {
    let letter =
        crate::services::objection::object_by_post(&state, &meta, &agent, id, &input).await?;
    Ok(super::letter_response(letter))
}

/// Issues the information and activation letter (PDF, the patient's language); voids the previous code.
/// For an activated record it is a recovery letter and needs the identity check the agent made.
#[utoipa::path(post, path = "/agency/patients/{id}/letter", tag = "agency", params(("id" = Uuid, Path)),
    request_body = LetterRequest,
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>, description = "The letter"),
              (status = 404, body = ApiError), (status = 422, body = ApiError)))]
async fn issue_letter(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
    ApiJson(request): ApiJson<LetterRequest>,
) -> Result<Response, AppError> {
    let check = request.identity_check.as_ref();
    let letter = agency::issue_letter_checked(&state, &meta, &agent, id, check).await?;
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

/// The organisations of the directory.
#[utoipa::path(get, path = "/agency/organisations", tag = "agency",
    responses((status = 200, body = Vec<OrganisationSummary>), (status = 403, body = ApiError)))]
async fn list_organisations(
    State(state): State<AppState>,
    _agent: CurrentAgent,
) -> Result<Json<Vec<OrganisationSummary>>, AppError> {
    Ok(Json(agency::organisations(&state).await?))
}

/// Professionals matching a name or licence number. A POST so that the words stay out of URLs;
/// it changes nothing.
#[utoipa::path(post, path = "/agency/professionals/search", tag = "agency", request_body = Search,
    responses((status = 200, body = Vec<ProfessionalSummary>), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
async fn search_professionals(
    State(state): State<AppState>,
    _agent: CurrentAgent,
    ApiJson(search): ApiJson<Search>,
) -> Result<Json<Vec<ProfessionalSummary>>, AppError> {
    Ok(Json(agency::list_professionals(&state, search.q.as_deref()).await?))
}

/// Registers a professional in the directory.
#[utoipa::path(post, path = "/agency/professionals", tag = "agency", request_body = NewProfessional,
    responses((status = 201, body = ProfessionalSummary), (status = 409, body = ApiError, description = "duplicate_licence"),
              (status = 422, body = ApiError)))]
async fn create_professional(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    ApiJson(input): ApiJson<NewProfessional>,
) -> Result<(StatusCode, Json<ProfessionalSummary>), AppError> {
    Ok((
        StatusCode::CREATED,
        Json(agency::create_professional(&state, &meta, &agent, &input).await?),
    ))
}

/// Issues an enrolment code; a re-issue revokes the professional's keys and sessions.
#[utoipa::path(post, path = "/agency/professionals/{id}/enrolment-code", tag = "agency", params(("id" = Uuid, Path)),
    responses((status = 200, body = EnrolmentCodeIssued), (status = 404, body = ApiError)))]
async fn issue_enrolment_code(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
) -> Result<Json<EnrolmentCodeIssued>, AppError> {
    Ok(Json(agency::professional_enrolment_code(&state, &meta, &agent, id).await?))
}
