//! The agency's helpdesk: a record's letters and activation lock-out, lost-key recovery, licence
//! suspension, the organisations of the directory; and what a professional is told in the app.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use shared::ApiError;
use shared::api::agency::{
    EnrolmentCodeIssued, OrganisationSummary, PatientSummary, ProfessionalSummary, Search,
};
use shared::api::helpdesk::{
    Assignment, KeyRecovery, LetterRecord, LicenceChange, OrganisationDetail, OrganisationInput,
    ProfessionalNotice,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::{CurrentAgent, CurrentProfessional};
use crate::error::{ApiJson, AppError};
use crate::services::helpdesk;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(letters))
        .routes(routes!(unlock_activation))
        .routes(routes!(professional_recovery))
        .routes(routes!(suspend_licence))
        .routes(routes!(reinstate_licence))
        .routes(routes!(search_organisations))
        .routes(routes!(create_organisation))
        .routes(routes!(get_organisation, update_organisation))
        .routes(routes!(assign_professional))
        .routes(routes!(professional_notices))
}

/// The letters issued for a record, newest first; an audited read of the record.
#[utoipa::path(get, path = "/agency/patients/{id}/letters", tag = "agency", params(("id" = Uuid, Path)),
    responses((status = 200, body = Vec<LetterRecord>), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError)))]
async fn letters(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<LetterRecord>>, AppError> {
    Ok(Json(helpdesk::letters(&state, &meta, &agent, id).await?))
}

/// Lifts an activation lock-out (too many wrong codes); audited.
#[utoipa::path(post, path = "/agency/patients/{id}/unlock", tag = "agency", params(("id" = Uuid, Path)),
    responses((status = 200, body = PatientSummary), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError, description = "activation_not_locked")))]
async fn unlock_activation(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
) -> Result<Json<PatientSummary>, AppError> {
    Ok(Json(helpdesk::unlock_activation(&state, &meta, &agent, id).await?))
}

/// A lost security key: after the identity check, a recovery enrolment code; every key is
/// removed and every session ends at once; audited.
#[utoipa::path(post, path = "/agency/professionals/{id}/recovery", tag = "agency", params(("id" = Uuid, Path)),
    request_body = KeyRecovery,
    responses((status = 200, body = EnrolmentCodeIssued), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError, description = "licence_suspended"),
              (status = 422, body = ApiError, description = "identity_check_required")))]
async fn professional_recovery(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<KeyRecovery>,
) -> Result<Json<EnrolmentCodeIssued>, AppError> {
    Ok(Json(helpdesk::professional_recovery(&state, &meta, &agent, id, &input).await?))
}

/// Suspends a professional's licence: their rights end at once; audited with the reason.
#[utoipa::path(post, path = "/agency/professionals/{id}/suspension", tag = "agency", params(("id" = Uuid, Path)),
    request_body = LicenceChange,
    responses((status = 200, body = ProfessionalSummary), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError, description = "licence_state_unchanged"),
              (status = 422, body = ApiError)))]
async fn suspend_licence(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<LicenceChange>,
) -> Result<Json<ProfessionalSummary>, AppError> {
    Ok(Json(helpdesk::change_licence(&state, &meta, &agent, id, &input, true).await?))
}

/// Reinstates a suspended professional's licence; audited with the reason.
#[utoipa::path(post, path = "/agency/professionals/{id}/reinstatement", tag = "agency", params(("id" = Uuid, Path)),
    request_body = LicenceChange,
    responses((status = 200, body = ProfessionalSummary), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError, description = "licence_state_unchanged"),
              (status = 422, body = ApiError)))]
async fn reinstate_licence(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<LicenceChange>,
) -> Result<Json<ProfessionalSummary>, AppError> {
    Ok(Json(helpdesk::change_licence(&state, &meta, &agent, id, &input, false).await?))
}

/// Organisations whose name matches `q`. A POST so that the words stay out of URLs.
#[utoipa::path(post, path = "/agency/organisations/search", tag = "agency", request_body = Search,
    responses((status = 200, body = Vec<OrganisationSummary>), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 422, body = ApiError)))]
async fn search_organisations(
    State(state): State<AppState>,
    _agent: CurrentAgent,
    ApiJson(search): ApiJson<Search>,
) -> Result<Json<Vec<OrganisationSummary>>, AppError> {
    Ok(Json(helpdesk::search_organisations(&state, search.q.as_deref()).await?))
}

/// Adds an organisation to the directory; audited.
#[utoipa::path(post, path = "/agency/organisations", tag = "agency", request_body = OrganisationInput,
    responses((status = 201, body = OrganisationDetail), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 409, body = ApiError, description = "duplicate_organisation"), (status = 422, body = ApiError)))]
async fn create_organisation(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    ApiJson(input): ApiJson<OrganisationInput>,
) -> Result<(StatusCode, Json<OrganisationDetail>), AppError> {
    Ok((
        StatusCode::CREATED,
        Json(helpdesk::create_organisation(&state, &meta, &agent, &input).await?),
    ))
}

/// One organisation with its professionals.
#[utoipa::path(get, path = "/agency/organisations/{id}", tag = "agency", params(("id" = Uuid, Path)),
    responses((status = 200, body = OrganisationDetail), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError)))]
async fn get_organisation(
    State(state): State<AppState>,
    _agent: CurrentAgent,
    Path(id): Path<Uuid>,
) -> Result<Json<OrganisationDetail>, AppError> {
    Ok(Json(helpdesk::organisation(&state, id).await?))
}

/// Renames an organisation or changes its kind; audited.
#[utoipa::path(put, path = "/agency/organisations/{id}", tag = "agency", params(("id" = Uuid, Path)),
    request_body = OrganisationInput,
    responses((status = 200, body = OrganisationDetail), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError, description = "duplicate_organisation"),
              (status = 422, body = ApiError)))]
async fn update_organisation(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<OrganisationInput>,
) -> Result<Json<OrganisationDetail>, AppError> {
    Ok(Json(helpdesk::update_organisation(&state, &meta, &agent, id, &input).await?))
}

/// Assigns a professional to an organisation; audited.
#[utoipa::path(put, path = "/agency/professionals/{id}/organisation", tag = "agency", params(("id" = Uuid, Path)),
    request_body = Assignment,
    responses((status = 200, body = ProfessionalSummary), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError)))]
async fn assign_professional(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<Assignment>,
) -> Result<Json<ProfessionalSummary>, AppError> {
    Ok(Json(helpdesk::assign(&state, &meta, &agent, id, &input).await?))
}

/// What the signed-in professional is told (keys replaced, licence reinstated), newest first.
#[utoipa::path(get, path = "/professional/notices", tag = "care",
    responses((status = 200, body = Vec<ProfessionalNotice>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn professional_notices(
    State(state): State<AppState>,
    professional: CurrentProfessional,
) -> Result<Json<Vec<ProfessionalNotice>>, AppError> {
    Ok(Json(helpdesk::notices(&state, &professional).await?))
}
