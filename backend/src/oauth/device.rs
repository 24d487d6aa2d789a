//! The device authorization grant (RFC 8628) for software without a browser: the software gets
//! a device code and a short user code; the professional types the user code in DSP, signed in
//! with their security key, and approves or refuses; the software polls the token endpoint.

use axum::http::StatusCode;
use chrono::Duration;
use rand::Rng;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use shared::ApiErrorCode;
use shared::api::oauth::{DeviceDecision, DeviceView};

use super::ScopeSet;
use super::authorize::{organisation_name, requested_scopes, scope_views};
use super::protocol::{OAuthError, active_client};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::rate_limit::{self, Limit};
use crate::auth::{CurrentProfessional, codes};
use crate::entity::{oauth_client, oauth_device_code};
use crate::error::AppError;
use crate::services::audited;

/// How long a device code lives.
pub const DEVICE_CODE_LIFETIME: Duration = Duration::minutes(10);
/// The least interval between two polls, in seconds.
pub const INTERVAL_SECS: i32 = 5;
/// User codes looked up per professional (a guessing script is stopped long before it finds one
/// of the 31^8 codes).
pub const USER_CODE_LOOKUPS: Limit = Limit { max: 10, window_seconds: 60 };

/// The device authorization request's form.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct DeviceForm {
    /// The software's client id.
    pub client_id: Option<String>,
    /// Space-separated SMART scopes.
    pub scope: Option<String>,
}

/// The device authorization answer (RFC 8628 §3.2).
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DeviceAuthorization {
    /// For the software's polls.
    pub device_code: String,
    /// For the professional to type.
    pub user_code: String,
    /// Where the professional types it.
    pub verification_uri: String,
    /// The same with the code filled in.
    pub verification_uri_complete: String,
    /// Seconds until both codes expire.
    pub expires_in: i64,
    /// Seconds between polls.
    pub interval: i32,
}

/// A user code: 8 characters of the hand-typing alphabet, in two groups (`K7PQ-M3XW`).
#[must_use]
pub fn new_user_code() -> String {
    let mut rng = rand::rng();
    let mut pick = || char::from(codes::ALPHABET[rng.random_range(0..codes::ALPHABET.len())]);
    let first: String = (0..4).map(|_| pick()).collect();
    let second: String = (0..4).map(|_| pick()).collect();
    format!("{first}-{second}")
}

/// Starts a device authorization for a client and scopes.
///
/// # Errors
/// `invalid_client`, `invalid_scope`.
pub async fn start(
    state: &AppState,
    meta: &RequestMeta,
    form: &DeviceForm,
) -> Result<DeviceAuthorization, OAuthError> {
    let client_id = form.client_id.as_deref().ok_or_else(OAuthError::invalid_client)?;
    let client =
        active_client(&state.db, client_id).await?.ok_or_else(OAuthError::invalid_client)?;
    let scopes = requested_scopes(form.scope.as_deref().unwrap_or_default())
        .filter(|s| s.within(&ScopeSet::parse(&client.allowed_scopes)))
        .ok_or_else(OAuthError::invalid_scope)?;
    let now = state.clock.now();
    let device_code = codes::new_token();
    let user_code = new_user_code();
    let event = Event::new("oauth_device_authorization", Outcome::Success, None)
        .target("software_client", client.client_id.clone())
        .with("client_name", client.name.clone())
        .with("scopes", scopes.to_string());
    audited(state, meta, event, async |txn, _| {
        oauth_device_code::Entity::insert(oauth_device_code::ActiveModel {
            device_code_hash: Set(codes::hash(&device_code)),
            user_code_hash: Set(codes::hash_code(&user_code)),
            client_id: Set(client.client_id.clone()),
            scopes: Set(scopes.to_string()),
            interval_secs: Set(INTERVAL_SECS),
            created_at: Set(now),
            expires_at: Set(now + DEVICE_CODE_LIFETIME),
            last_polled_at: Set(None),
            professional_id: Set(None),
            credential_id: Set(None),
            approved_at: Set(None),
            denied_at: Set(None),
            used_at: Set(None),
        })
        .exec_without_returning(txn)
        .await?;
        Ok(())
    })
    .await?;
    let verification_uri = format!("{}/professional/device", state.config.public_origin);
    Ok(DeviceAuthorization {
        device_code,
        verification_uri_complete: format!("{verification_uri}?user_code={user_code}"),
        user_code,
        verification_uri,
        expires_in: DEVICE_CODE_LIFETIME.num_seconds(),
        interval: INTERVAL_SECS,
    })
}

fn invalid_code() -> AppError {
    AppError::refused(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::UserCodeInvalid)
}

/// The undecided, unexpired device authorization of a typed user code and its client.
async fn pending(
    state: &AppState,
    conn: &impl ConnectionTrait,
    professional: &CurrentProfessional,
    user_code: &str,
) -> Result<(oauth_device_code::Model, oauth_client::Model), AppError> {
    let now = state.clock.now();
    let key = format!("oauth_user_code:{}", professional.0.subject_id());
    rate_limit::hit(conn, &key, USER_CODE_LOOKUPS, now).await?;
    let row = oauth_device_code::Entity::find()
        .filter(oauth_device_code::Column::UserCodeHash.eq(codes::hash_code(user_code)))
        .one(conn)
        .await?
        .filter(|d| {
            now < d.expires_at
                && d.approved_at.is_none()
                && d.denied_at.is_none()
                && d.used_at.is_none()
        })
        .ok_or_else(invalid_code)?;
    let client = active_client(conn, &row.client_id).await?.ok_or_else(invalid_code)?;
    Ok((row, client))
}

/// What the professional is asked to approve for a typed user code (rate-limited).
///
/// # Errors
/// `user_code_invalid`, `rate_limited`.
pub async fn view(
    state: &AppState,
    professional: &CurrentProfessional,
    user_code: &str,
) -> Result<DeviceView, AppError> {
    let (row, client) = pending(state, &state.db, professional, user_code).await?;
    Ok(DeviceView {
        client_id: client.client_id.clone(),
        client_name: client.name.clone(),
        organisation_name: organisation_name(&state.db, client.organisation_id).await?,
        scopes: scope_views(&ScopeSet::parse(&row.scopes)),
    })
}

/// The professional approves (bound to the session's security key) or refuses; audited.
///
/// # Errors
/// `user_code_invalid`, `rate_limited`, `forbidden` without a security key.
pub async fn decide(
    state: &AppState,
    meta: &RequestMeta,
    professional: &CurrentProfessional,
    decision: &DeviceDecision,
) -> Result<(), AppError> {
    let user = &professional.0;
    let now = state.clock.now();
    let credential_id = user
        .session
        .credential_id
        .clone()
        .ok_or(AppError::refused(StatusCode::FORBIDDEN, ApiErrorCode::Forbidden))?;
    // Counted outside the act's transaction, so that a refusal still counts.
    let (row, client) = pending(state, &state.db, professional, &decision.user_code).await?;
    let action = if decision.approve { "oauth_grant_approved" } else { "oauth_grant_refused" };
    let event = Event::new(action, Outcome::Success, Some((user.role, user.subject_id())))
        .target("software_client", client.client_id.clone())
        .with("client_name", client.name.clone())
        .with("scopes", row.scopes.clone())
        .with("flow", "device");
    audited(state, meta, event, async |txn, _| {
        let mut update = oauth_device_code::Entity::update_many()
            .filter(oauth_device_code::Column::DeviceCodeHash.eq(row.device_code_hash.clone()))
            .filter(oauth_device_code::Column::ApprovedAt.is_null())
            .filter(oauth_device_code::Column::DeniedAt.is_null());
        update = if decision.approve {
            update
                .col_expr(oauth_device_code::Column::ApprovedAt, Expr::value(now))
                .col_expr(oauth_device_code::Column::ProfessionalId, Expr::value(user.subject_id()))
                .col_expr(
                    oauth_device_code::Column::CredentialId,
                    Expr::value(credential_id.clone()),
                )
        } else {
            update
                .col_expr(oauth_device_code::Column::DeniedAt, Expr::value(now))
                .col_expr(oauth_device_code::Column::ProfessionalId, Expr::value(user.subject_id()))
        };
        if update.exec(txn).await?.rows_affected == 1 { Ok(()) } else { Err(invalid_code()) }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_codes_are_typed_by_hand() {
        let code = new_user_code();
        assert_eq!(code.len(), 9);
        assert_eq!(codes::normalise(&code).len(), 8);
        assert_eq!(
            codes::hash_code(&code),
            codes::hash_code(&code.to_lowercase().replace('-', ""))
        );
    }
}
