//! Sign-in, activation and enrolment ceremonies, the current session, sign-out.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use shared::ApiError;
use shared::api::auth::{
    ActivationOptions, ActivationStart, CeremonyFinish, CeremonyOptions, EnrolmentStart,
    SessionInfo,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::audit::RequestMeta;
use crate::auth::{CurrentUser, session};
use crate::error::{ApiJson, AppError};
use crate::services::{self, SignedIn};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sign_in_start))
        .routes(routes!(sign_in_finish))
        .routes(routes!(sign_out))
        .routes(routes!(current_session))
        .routes(routes!(activation_start))
        .routes(routes!(activation_finish))
        .routes(routes!(enrolment_start))
        .routes(routes!(enrolment_finish))
}

fn previous_token(headers: &HeaderMap, state: &AppState) -> Option<String> {
    session::token_from_headers(headers, &state.config.public_origin)
}

fn credential_bytes(finish: &CeremonyFinish) -> Result<Vec<u8>, AppError> {
    serde_json::to_vec(&finish.credential).map_err(|e| AppError::InvalidRequest(e.to_string()))
}

/// The session info with the cookie that installs the new session.
fn signed_in(state: &AppState, signed: SignedIn) -> Result<Response, AppError> {
    let cookie =
        HeaderValue::from_str(&session::set_cookie(&state.config.public_origin, &signed.token))
            .map_err(|e| AppError::Internal(e.into()))?;
    Ok(([(header::SET_COOKIE, cookie)], Json(signed.info)).into_response())
}

/// Starts a sign-in with any registered passkey or security key (no username).
#[utoipa::path(post, path = "/auth/sign-in/start", tag = "sign-in",
    responses((status = 200, body = CeremonyOptions), (status = 429, body = ApiError)))]
async fn sign_in_start(
    State(state): State<AppState>,
    meta: RequestMeta,
) -> Result<Json<CeremonyOptions>, AppError> {
    Ok(Json(services::sign_in::start(&state, &meta).await?))
}

/// Finishes a sign-in; sets the session cookie (a new token, whatever the request carried).
#[utoipa::path(post, path = "/auth/sign-in/finish", tag = "sign-in", request_body = CeremonyFinish,
    responses((status = 200, body = SessionInfo, description = "Signed in; `Set-Cookie` holds the session"),
              (status = 400, body = ApiError, description = "ceremony_expired, credential_rejected, unknown_credential, user_verification_required, synced_credential_refused"),
              (status = 403, body = ApiError, description = "credential_suspended, forbidden")))]
async fn sign_in_finish(
    State(state): State<AppState>,
    meta: RequestMeta,
    headers: HeaderMap,
    ApiJson(finish): ApiJson<CeremonyFinish>,
) -> Result<Response, AppError> {
    let previous = previous_token(&headers, &state);
    let signed =
        services::sign_in::finish(&state, &meta, previous.as_deref(), &credential_bytes(&finish)?)
            .await?;
    signed_in(&state, signed)
}

/// Ends the current session and clears the cookie.
#[utoipa::path(post, path = "/auth/sign-out", tag = "sign-in", responses((status = 204, description = "Signed out")))]
async fn sign_out(
    State(state): State<AppState>,
    meta: RequestMeta,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let token = previous_token(&headers, &state);
    services::sign_in::sign_out(&state, &meta, token.as_deref()).await?;
    let cookie = HeaderValue::from_str(&session::clear_cookie(&state.config.public_origin))
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, cookie)]).into_response())
}

/// Who is signed in.
#[utoipa::path(get, path = "/auth/session", tag = "sign-in",
    responses((status = 200, body = SessionInfo), (status = 401, body = ApiError, description = "unauthenticated, session_expired")))]
async fn current_session(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<SessionInfo>, AppError> {
    Ok(Json(
        services::session_info(&state.db, user.role, user.subject_id(), user.session.expires_at)
            .await?,
    ))
}

/// Checks the national ID and the letter's activation code; answers passkey registration options
/// and whether the letter is a recovery letter (finishing replaces the record's passkeys).
#[utoipa::path(post, path = "/activation/start", tag = "activation", request_body = ActivationStart,
    responses((status = 200, body = ActivationOptions),
              (status = 400, body = ApiError, description = "activation_failed (never says whether the national ID exists)"),
              (status = 422, body = ApiError, description = "invalid_national_id"),
              (status = 423, body = ApiError, description = "activation_locked"),
              (status = 429, body = ApiError, description = "rate_limited")))]
async fn activation_start(
    State(state): State<AppState>,
    meta: RequestMeta,
    ApiJson(input): ApiJson<ActivationStart>,
) -> Result<Json<ActivationOptions>, AppError> {
    Ok(Json(services::activation::start(&state, &meta, &input).await?))
}

/// Registers the patient's passkey, activates the record and signs the patient in.
#[utoipa::path(post, path = "/activation/finish", tag = "activation", request_body = CeremonyFinish,
    responses((status = 200, body = SessionInfo), (status = 400, body = ApiError)))]
async fn activation_finish(
    State(state): State<AppState>,
    meta: RequestMeta,
    headers: HeaderMap,
    ApiJson(finish): ApiJson<CeremonyFinish>,
) -> Result<Response, AppError> {
    let previous = previous_token(&headers, &state);
    let body = credential_bytes(&finish)?;
    let signed =
        services::activation::finish(&state, &meta, previous.as_deref(), &body, finish.name)
            .await?;
    signed_in(&state, signed)
}

/// Checks an enrolment code; answers security-key registration options.
#[utoipa::path(post, path = "/enrolment/start", tag = "enrolment", request_body = EnrolmentStart,
    responses((status = 200, body = CeremonyOptions), (status = 400, body = ApiError, description = "enrolment_code_invalid"),
              (status = 429, body = ApiError)))]
async fn enrolment_start(
    State(state): State<AppState>,
    meta: RequestMeta,
    ApiJson(input): ApiJson<EnrolmentStart>,
) -> Result<Json<CeremonyOptions>, AppError> {
    Ok(Json(services::enrolment::start(&state, &meta, &input).await?))
}

/// Registers the security key and signs the professional or agent in.
#[utoipa::path(post, path = "/enrolment/finish", tag = "enrolment", request_body = CeremonyFinish,
    responses((status = 200, body = SessionInfo),
              (status = 400, body = ApiError, description = "synced_credential_refused, user_verification_required, ceremony_expired, credential_rejected")))]
async fn enrolment_finish(
    State(state): State<AppState>,
    meta: RequestMeta,
    headers: HeaderMap,
    ApiJson(finish): ApiJson<CeremonyFinish>,
) -> Result<Response, AppError> {
    let previous = previous_token(&headers, &state);
    let body = credential_bytes(&finish)?;
    let signed =
        services::enrolment::finish(&state, &meta, previous.as_deref(), &body, finish.name).await?;
    signed_in(&state, signed)
}
