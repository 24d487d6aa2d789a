//! Who may reach the record: the patient's controls, and a professional opening a consultation.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use shared::ApiError;
use shared::api::agency::Search;
use shared::api::care::{
    CareOverview, ConnectionCode, ConsultationOpened, EmergencyAccessByNationalId,
    EmergencyAccessOpened, EmergencyAccessRequest, EmergencyAccessReview, EmergencyAccessSetting,
    EmergencyAlert, GrantLink, LinkSummary, Notification, OpenAdmission, OpenConsultation,
    OpenPracticeConsultation, PatientFound, PatientLookup, PracticeCode, PracticeCodeState,
    ProfessionalBrief, SetDisposition, SetReferent, WorklistEntry,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::{CurrentAgent, CurrentPatient, CurrentProfessional};
use crate::error::{ApiJson, AppError};
use crate::services::{care, emergency, practice, worklist as links};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(connection_code))
        .routes(routes!(overview))
        .routes(routes!(grant_link))
        .routes(routes!(end_link))
        .routes(routes!(set_referent))
        .routes(routes!(block, unblock))
        .routes(routes!(set_emergency_access))
        .routes(routes!(directory))
        .routes(routes!(open_consultation))
        .routes(routes!(practice_code, renew_practice_code, switch_off_practice_code))
        .routes(routes!(open_practice_consultation))
        .routes(routes!(open_emergency_access))
        .routes(routes!(open_emergency_access_by_national_id))
        .routes(routes!(notifications))
        .routes(routes!(notifications_read))
        .routes(routes!(emergency_review))
        .routes(routes!(emergency_disposition))
        .routes(routes!(emergency_alerts))
        .routes(routes!(open_admission))
        .routes(routes!(renew_stay))
        .routes(routes!(worklist))
        .routes(routes!(find_patient))
        .routes(routes!(record_patient))
}

/// Whose record it is: the patient's name, national ID and birth date, for a professional who
/// reaches the record now (audited as a lookup); any other record answers `not_found`.
#[utoipa::path(get, path = "/records/{patient_id}/patient", tag = "care", params(("patient_id" = Uuid, Path)),
    responses((status = 200, body = PatientFound), (status = 404, body = ApiError)))]
async fn record_patient(
    State(state): State<AppState>,
    meta: RequestMeta,
    professional: CurrentProfessional,
    Path(patient_id): Path<Uuid>,
) -> Result<Json<PatientFound>, AppError> {
    Ok(Json(care::record_patient(&state, &meta, &professional, patient_id).await?))
}

/// Registers an admission (hospital or care institution): a 45-day stay link, or an
/// emergency-department link of 24 hours + 15 days, held by the institution.
#[utoipa::path(post, path = "/professional/admissions", tag = "care", request_body = OpenAdmission,
    responses((status = 200, body = LinkSummary), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
async fn open_admission(
    State(state): State<AppState>,
    meta: RequestMeta,
    professional: CurrentProfessional,
    ApiJson(input): ApiJson<OpenAdmission>,
) -> Result<Json<LinkSummary>, AppError> {
    Ok(Json(care::open_admission(&state, &meta, &professional, &input).await?))
}

/// Renews an institution-stay link by 30 days.
#[utoipa::path(post, path = "/professional/links/{id}/renew", tag = "care", params(("id" = Uuid, Path)),
    responses((status = 200, body = LinkSummary), (status = 404, body = ApiError)))]
async fn renew_stay(
    State(state): State<AppState>,
    meta: RequestMeta,
    professional: CurrentProfessional,
    Path(id): Path<Uuid>,
) -> Result<Json<LinkSummary>, AppError> {
    Ok(Json(care::renew_stay(&state, &meta, &professional, id).await?))
}

/// The professional's worklist: the patients they reach now through a live link of their own or
/// of their institution (records the rules let them open), soonest-ending first, with the links
/// ending within three days flagged and the renewable ones marked (audited).
#[utoipa::path(get, path = "/professional/links", tag = "care",
    responses((status = 200, body = Vec<WorklistEntry>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn worklist(
    State(state): State<AppState>,
    meta: RequestMeta,
    professional: CurrentProfessional,
) -> Result<Json<Vec<WorklistEntry>>, AppError> {
    Ok(Json(links::worklist(&state, &meta, &professional).await?))
}

/// Finds a patient by national ID among those the professional reaches now (audited). A POST so
/// that the national ID stays out of URLs; it changes nothing but the audit trail.
#[utoipa::path(post, path = "/professional/patients", tag = "care", request_body = PatientLookup,
    responses((status = 200, body = PatientFound), (status = 404, body = ApiError),
              (status = 422, body = ApiError, description = "invalid_national_id, invalid_request"),
              (status = 429, body = ApiError)))]
async fn find_patient(
    State(state): State<AppState>,
    meta: RequestMeta,
    professional: CurrentProfessional,
    ApiJson(lookup): ApiJson<PatientLookup>,
) -> Result<Json<PatientFound>, AppError> {
    Ok(Json(care::find_patient(&state, &meta, &professional, &lookup.national_id).await?))
}

/// Breaks the glass: four hours of reading, a stated reason, a fresh security-key verification;
/// the patient is told at once.
#[utoipa::path(post, path = "/records/{patient_id}/emergency-access", tag = "care",
    params(("patient_id" = Uuid, Path)), request_body = EmergencyAccessRequest,
    responses((status = 200, body = EmergencyAccessOpened),
              (status = 403, body = ApiError, description = "reverification_required"),
              (status = 404, body = ApiError, description = "no such record, or refused (indistinguishable)"),
              (status = 422, body = ApiError)))]
async fn open_emergency_access(
    State(state): State<AppState>,
    meta: RequestMeta,
    professional: CurrentProfessional,
    Path(patient_id): Path<Uuid>,
    ApiJson(input): ApiJson<EmergencyAccessRequest>,
) -> Result<Json<EmergencyAccessOpened>, AppError> {
    Ok(Json(emergency::open(&state, &meta, &professional, patient_id, &input).await?))
}

/// Opens an emergency access from a lookup by national ID (a JSON body, never a URL). Says why
/// when the record is not open yet or the patient switched emergency access off; a block, a
/// closed record and an unknown national ID answer `not_found` alike.
#[utoipa::path(post, path = "/professional/emergency-access", tag = "care",
    request_body = EmergencyAccessByNationalId,
    responses((status = 200, body = EmergencyAccessOpened),
              (status = 403, body = ApiError, description = "reverification_required, emergency_access_limit_reached, record_in_objection_window, emergency_access_switched_off"),
              (status = 404, body = ApiError, description = "no such record, blocked or closed (indistinguishable)"),
              (status = 422, body = ApiError, description = "invalid_national_id, invalid_request"),
              (status = 429, body = ApiError)))]
async fn open_emergency_access_by_national_id(
    State(state): State<AppState>,
    meta: RequestMeta,
    professional: CurrentProfessional,
    ApiJson(input): ApiJson<EmergencyAccessByNationalId>,
) -> Result<Json<EmergencyAccessOpened>, AppError> {
    Ok(Json(emergency::open_by_national_id(&state, &meta, &professional, &input).await?))
}

/// The patient's notifications (first access before activation, emergency accesses).
#[utoipa::path(get, path = "/me/notifications", tag = "care",
    responses((status = 200, body = Vec<Notification>), (status = 401, body = ApiError)))]
async fn notifications(
    State(state): State<AppState>,
    patient: CurrentPatient,
) -> Result<Json<Vec<Notification>>, AppError> {
    Ok(Json(emergency::notifications(&state, &patient).await?))
}

/// Marks the patient's notifications as read.
#[utoipa::path(post, path = "/me/notifications/read", tag = "care",
    responses((status = 204, description = "Done"), (status = 401, body = ApiError)))]
async fn notifications_read(
    State(state): State<AppState>,
    patient: CurrentPatient,
) -> Result<StatusCode, AppError> {
    emergency::mark_read(&state, &patient).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Emergency accesses, for the agency's review; every look audited.
#[utoipa::path(get, path = "/agency/emergency-accesses", tag = "agency",
    responses((status = 200, body = Vec<EmergencyAccessReview>), (status = 403, body = ApiError)))]
async fn emergency_review(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
) -> Result<Json<Vec<EmergencyAccessReview>>, AppError> {
    Ok(Json(emergency::review(&state, &meta, &agent).await?))
}

/// Records (or changes) the agency's disposition of an emergency access, with a note; the
/// patient is told in their history and notifications.
#[utoipa::path(put, path = "/agency/emergency-accesses/{id}/disposition", tag = "agency",
    params(("id" = Uuid, Path)), request_body = SetDisposition,
    responses((status = 200, body = EmergencyAccessReview), (status = 401, body = ApiError),
              (status = 403, body = ApiError), (status = 404, body = ApiError),
              (status = 422, body = ApiError, description = "invalid_request")))]
async fn emergency_disposition(
    State(state): State<AppState>,
    meta: RequestMeta,
    agent: CurrentAgent,
    Path(id): Path<Uuid>,
    ApiJson(input): ApiJson<SetDisposition>,
) -> Result<Json<EmergencyAccessReview>, AppError> {
    Ok(Json(emergency::dispose(&state, &meta, &agent, id, &input).await?))
}

/// Alerts for the agency's review: professionals refused at the cap on emergency accesses.
#[utoipa::path(get, path = "/agency/emergency-alerts", tag = "agency",
    responses((status = 200, body = Vec<EmergencyAlert>), (status = 403, body = ApiError)))]
async fn emergency_alerts(
    State(state): State<AppState>,
    _agent: CurrentAgent,
) -> Result<Json<Vec<EmergencyAlert>>, AppError> {
    Ok(Json(emergency::alerts(&state).await?))
}

/// A new connection code (10 minutes, single use) to hand to a professional at the visit.
#[utoipa::path(post, path = "/me/connection-code", tag = "care",
    responses((status = 200, body = ConnectionCode), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn connection_code(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
) -> Result<Json<ConnectionCode>, AppError> {
    Ok(Json(care::connection_code(&state, &meta, &patient).await?))
}

/// The référent, blocks, links and emergency-access switch of one's record.
#[utoipa::path(get, path = "/me/care", tag = "care",
    responses((status = 200, body = CareOverview), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn overview(
    State(state): State<AppState>,
    patient: CurrentPatient,
) -> Result<Json<CareOverview>, AppError> {
    Ok(Json(care::overview(&state, &patient).await?))
}

/// Grants a professional access until the end of a day.
#[utoipa::path(post, path = "/me/links", tag = "care", request_body = GrantLink,
    responses((status = 200, body = LinkSummary), (status = 422, body = ApiError)))]
async fn grant_link(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    ApiJson(input): ApiJson<GrantLink>,
) -> Result<Json<LinkSummary>, AppError> {
    Ok(Json(care::grant_link(&state, &meta, &patient, &input).await?))
}

/// Ends a link at once.
#[utoipa::path(delete, path = "/me/links/{id}", tag = "care", params(("id" = Uuid, Path)),
    responses((status = 204, description = "Ended"), (status = 404, body = ApiError)))]
async fn end_link(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    Path(id): Path<Uuid>,
) -> Result<StatusCode, AppError> {
    care::end_link(&state, &meta, &patient, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Designates (or removes) the médecin référent.
#[utoipa::path(put, path = "/me/referent", tag = "care", request_body = SetReferent,
    responses((status = 200, body = CareOverview), (status = 422, body = ApiError)))]
async fn set_referent(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    ApiJson(input): ApiJson<SetReferent>,
) -> Result<Json<CareOverview>, AppError> {
    Ok(Json(care::set_referent(&state, &meta, &patient, &input).await?))
}

/// Blocks a professional: a block beats everything, the référent and emergency access included.
#[utoipa::path(put, path = "/me/blocks/{professional_id}", tag = "care", params(("professional_id" = Uuid, Path)),
    responses((status = 204, description = "Blocked"), (status = 422, body = ApiError)))]
async fn block(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    Path(professional_id): Path<Uuid>,
) -> Result<StatusCode, AppError> {
    care::set_block(&state, &meta, &patient, professional_id, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Lifts a block.
#[utoipa::path(delete, path = "/me/blocks/{professional_id}", tag = "care", params(("professional_id" = Uuid, Path)),
    responses((status = 204, description = "Unblocked"), (status = 422, body = ApiError)))]
async fn unblock(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    Path(professional_id): Path<Uuid>,
) -> Result<StatusCode, AppError> {
    care::set_block(&state, &meta, &patient, professional_id, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Switches emergency access ("break the glass") on or off.
#[utoipa::path(put, path = "/me/emergency-access", tag = "care", request_body = EmergencyAccessSetting,
    responses((status = 204, description = "Saved"), (status = 401, body = ApiError)))]
async fn set_emergency_access(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    ApiJson(input): ApiJson<EmergencyAccessSetting>,
) -> Result<StatusCode, AppError> {
    care::set_emergency_access(&state, &meta, &patient, input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Active professionals by name (at least 2 characters), for the patient's choices. A POST so
/// that the words stay out of URLs; it changes nothing.
#[utoipa::path(post, path = "/me/directory", tag = "care", request_body = Search,
    responses((status = 200, body = Vec<ProfessionalBrief>), (status = 401, body = ApiError), (status = 422, body = ApiError)))]
async fn directory(
    State(state): State<AppState>,
    _patient: CurrentPatient,
    ApiJson(search): ApiJson<Search>,
) -> Result<Json<Vec<ProfessionalBrief>>, AppError> {
    Ok(Json(care::directory(&state, search.q.as_deref()).await?))
}

/// Opens a 15-day consultation link with the patient's national ID and connection code.
#[utoipa::path(post, path = "/professional/consultations", tag = "care", request_body = OpenConsultation,
    responses((status = 200, body = ConsultationOpened),
              (status = 400, body = ApiError, description = "connection_failed (never says why)"),
              (status = 422, body = ApiError, description = "invalid_national_id"),
              (status = 429, body = ApiError)))]
async fn open_consultation(
    State(state): State<AppState>,
    meta: RequestMeta,
    professional: CurrentProfessional,
    ApiJson(input): ApiJson<OpenConsultation>,
) -> Result<Json<ConsultationOpened>, AppError> {
    Ok(Json(care::open_consultation(&state, &meta, &professional, &input).await?))
}

/// The patient's practice code as it stands (not the code itself: only its hash is kept), or
/// `null` when there is none (switched off).
#[utoipa::path(get, path = "/me/practice-code", tag = "care",
    responses((status = 200, body = Option<PracticeCodeState>), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn practice_code(
    State(state): State<AppState>,
    patient: CurrentPatient,
) -> Result<Json<Option<PracticeCodeState>>, AppError> {
    Ok(Json(practice::current(&state, &patient).await?))
}

/// A new practice code (single use, a year), shown once; the previous one stops working.
#[utoipa::path(post, path = "/me/practice-code", tag = "care",
    responses((status = 200, body = PracticeCode), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 422, body = ApiError, description = "a closed record")))]
async fn renew_practice_code(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
) -> Result<Json<PracticeCode>, AppError> {
    Ok(Json(practice::renew(&state, &meta, &patient).await?))
}

/// Switches the practice code off until the patient makes a new one (or a new letter comes).
#[utoipa::path(delete, path = "/me/practice-code", tag = "care",
    responses((status = 204, description = "Switched off"), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn switch_off_practice_code(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
) -> Result<StatusCode, AppError> {
    practice::switch_off(&state, &meta, &patient).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Opens a 15-day consultation link with the patient's national ID and the practice code from
/// their letter (a record never activated included); the patient is told.
#[utoipa::path(post, path = "/professional/practice-consultations", tag = "care",
    request_body = OpenPracticeConsultation,
    responses((status = 200, body = ConsultationOpened),
              (status = 400, body = ApiError, description = "practice_code_failed (never says why)"),
              (status = 422, body = ApiError, description = "invalid_national_id"),
              (status = 423, body = ApiError, description = "practice_code_locked"),
              (status = 429, body = ApiError)))]
async fn open_practice_consultation(
    State(state): State<AppState>,
    meta: RequestMeta,
    professional: CurrentProfessional,
    ApiJson(input): ApiJson<OpenPracticeConsultation>,
) -> Result<Json<ConsultationOpened>, AppError> {
    Ok(Json(practice::open(&state, &meta, &professional, &input).await?))
}
