//! The security page: one's own credentials and sessions, and re-verification.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use shared::ApiError;
use shared::api::agency::ObjectionWindow;
use shared::api::auth::Role;
use shared::api::auth::{CeremonyFinish, CeremonyOptions};
use shared::api::me::{ContactData, CredentialSummary, RenameCredential, SessionSummary};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::{CurrentPatient, CurrentUser};
use crate::error::{ApiJson, AppError};
use crate::services::{agency, credentials, objection, sign_in};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(reverify_start))
        .routes(routes!(reverify_finish))
        .routes(routes!(list_credentials))
        .routes(routes!(add_credential_start))
        .routes(routes!(add_credential_finish))
        .routes(routes!(rename_credential, remove_credential))
        .routes(routes!(list_sessions))
        .routes(routes!(end_session))
        .routes(routes!(my_contact, set_my_contact))
        .routes(routes!(my_objection_window, object_to_my_record))
}

/// Whether the patient can still object to their record (the 30-day window after the letter).
#[utoipa::path(get, path = "/me/objection", tag = "security",
    responses((status = 200, body = ObjectionWindow), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn my_objection_window(
    State(state): State<AppState>,
    patient: CurrentPatient,
) -> Result<Json<ObjectionWindow>, AppError> {
    Ok(Json(objection::my_window(&state, &patient).await?))
}

/// The patient objects to their record within the window: the record and everything in it is
/// deleted for good, and the session ends. Needs a verification in the last 5 minutes. The
/// answer is the confirmation letter (PDF), rendered before the deletion and kept nowhere.
#[utoipa::path(post, path = "/me/objection", tag = "security",
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>,
               description = "The record is deleted; the confirmation letter"), (status = 401, body = ApiError),
              (status = 403, body = ApiError, description = "reverification_required"),
              (status = 409, body = ApiError, description = "objection_window_closed")))]
async fn object_to_my_record(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
) -> Result<Response, AppError> {
    Ok(super::letter_response(objection::object_online(&state, &meta, &patient).await?))
}

/// The patient's own phone and e-mail.
#[utoipa::path(get, path = "/me/contact", tag = "security",
    responses((status = 200, body = ContactData), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
async fn my_contact(
    State(state): State<AppState>,
    patient: CurrentPatient,
) -> Result<Json<ContactData>, AppError> {
    Ok(Json(agency::contact(&state, patient.0.subject_id()).await?))
}

/// The patient replaces their own phone and e-mail (an empty value clears it); audited.
#[utoipa::path(put, path = "/me/contact", tag = "security", request_body = ContactData,
    responses((status = 200, body = ContactData), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 422, body = ApiError, description = "invalid_phone, invalid_email")))]
async fn set_my_contact(
    State(state): State<AppState>,
    meta: RequestMeta,
    patient: CurrentPatient,
    ApiJson(input): ApiJson<ContactData>,
) -> Result<Json<ContactData>, AppError> {
    let me = patient.0.subject_id();
    Ok(Json(agency::set_contact(&state, &meta, (Role::Patient, me), me, &input).await?))
}

fn body(finish: &CeremonyFinish) -> Result<Vec<u8>, AppError> {
    serde_json::to_vec(&finish.credential).map_err(|e| AppError::InvalidRequest(e.to_string()))
}

/// Starts a fresh verification with one of one's own credentials.
#[utoipa::path(post, path = "/me/reverify/start", tag = "security",
    responses((status = 200, body = CeremonyOptions), (status = 401, body = ApiError)))]
async fn reverify_start(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<CeremonyOptions>, AppError> {
    Ok(Json(sign_in::reverify_start(&state, &user).await?))
}

/// Finishes the verification: sensitive changes are allowed for 5 minutes.
#[utoipa::path(post, path = "/me/reverify/finish", tag = "security", request_body = CeremonyFinish,
    responses((status = 204, description = "Verified"), (status = 400, body = ApiError), (status = 401, body = ApiError)))]
async fn reverify_finish(
    State(state): State<AppState>,
    meta: RequestMeta,
    user: CurrentUser,
    ApiJson(finish): ApiJson<CeremonyFinish>,
) -> Result<StatusCode, AppError> {
    sign_in::reverify_finish(&state, &meta, &user, &body(&finish)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// One's passkeys or security keys.
#[utoipa::path(get, path = "/me/credentials", tag = "security",
    responses((status = 200, body = Vec<CredentialSummary>), (status = 401, body = ApiError)))]
async fn list_credentials(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<CredentialSummary>>, AppError> {
    Ok(Json(credentials::list(&state, &user).await?))
}

/// Starts adding a passkey or key (needs a verification in the last 5 minutes).
#[utoipa::path(post, path = "/me/credentials/start", tag = "security",
    responses((status = 200, body = CeremonyOptions), (status = 403, body = ApiError, description = "reverification_required")))]
async fn add_credential_start(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<CeremonyOptions>, AppError> {
    Ok(Json(credentials::add_start(&state, &user).await?))
}

/// Finishes adding a passkey or key.
#[utoipa::path(post, path = "/me/credentials/finish", tag = "security", request_body = CeremonyFinish,
    responses((status = 200, body = CredentialSummary), (status = 400, body = ApiError)))]
async fn add_credential_finish(
    State(state): State<AppState>,
    meta: RequestMeta,
    user: CurrentUser,
    ApiJson(finish): ApiJson<CeremonyFinish>,
) -> Result<Json<CredentialSummary>, AppError> {
    Ok(Json(credentials::add_finish(&state, &meta, &user, &body(&finish)?, finish.name).await?))
}

/// Renames one of one's credentials.
#[utoipa::path(patch, path = "/me/credentials/{id}", tag = "security", request_body = RenameCredential,
    params(("id" = String, Path, description = "Credential id (base64url)")),
    responses((status = 200, body = CredentialSummary), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
async fn rename_credential(
    State(state): State<AppState>,
    meta: RequestMeta,
    user: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<RenameCredential>,
) -> Result<Json<CredentialSummary>, AppError> {
    Ok(Json(credentials::rename(&state, &meta, &user, &id, &input).await?))
}

/// Removes one of one's credentials (not the last) and ends the sessions opened with it.
#[utoipa::path(delete, path = "/me/credentials/{id}", tag = "security",
    params(("id" = String, Path, description = "Credential id (base64url)")),
    responses((status = 204, description = "Removed"), (status = 404, body = ApiError), (status = 409, body = ApiError, description = "last_credential")))]
async fn remove_credential(
    State(state): State<AppState>,
    meta: RequestMeta,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    credentials::remove(&state, &meta, &user, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// One's signed-in sessions.
#[utoipa::path(get, path = "/me/sessions", tag = "security",
    responses((status = 200, body = Vec<SessionSummary>), (status = 401, body = ApiError)))]
async fn list_sessions(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<SessionSummary>>, AppError> {
    Ok(Json(credentials::sessions(&state, &user).await?))
}

/// Ends one of one's sessions.
#[utoipa::path(delete, path = "/me/sessions/{id}", tag = "security",
    params(("id" = Uuid, Path, description = "Session id")),
    responses((status = 204, description = "Ended"), (status = 404, body = ApiError)))]
async fn end_session(
    State(state): State<AppState>,
    meta: RequestMeta,
    user: CurrentUser,
    Path(id): Path<Uuid>,
) -> Result<StatusCode, AppError> {
    credentials::end_session(&state, &meta, &user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
