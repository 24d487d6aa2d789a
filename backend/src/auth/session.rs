//! Sessions: an opaque random token in an `HttpOnly`, `SameSite=Strict` cookie (`Secure` and the
//! `__Host-` prefix on https); the database keeps only its hash. Idle time-outs per role, an
//! absolute time-out of 12 hours, rotation at every sign-in, revocation at sign-out, when a
//! credential is removed, and for every session of a person when one of their keys is suspended
//! as a possible clone or their passkeys are replaced by a recovery.
//!
//! The extractors are the coarse authorisation: a handler that takes [`CurrentPatient`] can only
//! be reached by a signed-in patient.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use shared::ApiErrorCode;
use shared::api::auth::Role;
use uuid::Uuid;

use crate::app::AppState;
use crate::auth::codes;
use crate::entity::session;
use crate::error::AppError;

/// The absolute lifetime of a session, whatever the activity.
pub const ABSOLUTE_TIMEOUT: TimeDelta = TimeDelta::hours(12);

/// Inactivity after which a session ends: 30 minutes for patients, 15 for professionals and
/// agents.
#[must_use]
pub const fn idle_timeout(role: Role) -> TimeDelta {
    match role {
        Role::Patient => TimeDelta::minutes(30),
        Role::Professional | Role::Agent => TimeDelta::minutes(15),
    }
}

/// Activity is recorded at most this often (a write per request would cost more than it tells).
const TOUCH_EVERY: TimeDelta = TimeDelta::seconds(15);

/// The cookie's name: `__Host-dsp_session` on https (bound to the host, Secure), else
/// `dsp_session`.
#[must_use]
pub fn cookie_name(public_origin: &str) -> &'static str {
    if public_origin.starts_with("https://") { "__Host-dsp_session" } else { "dsp_session" }
}

/// The `Set-Cookie` value that installs `token`.
#[must_use]
pub fn set_cookie(public_origin: &str, token: &str) -> String {
    let secure = if public_origin.starts_with("https://") { "; Secure" } else { "" };
    format!("{}={token}; Path=/; HttpOnly; SameSite=Strict{secure}", cookie_name(public_origin))
}

/// The `Set-Cookie` value that removes the session cookie.
#[must_use]
pub fn clear_cookie(public_origin: &str) -> String {
    let secure = if public_origin.starts_with("https://") { "; Secure" } else { "" };
    format!("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}", cookie_name(public_origin))
}

/// The session token the request carries, if any.
#[must_use]
pub fn token_from_headers(headers: &HeaderMap, public_origin: &str) -> Option<String> {
    let name = cookie_name(public_origin);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
        .filter(|v| !v.is_empty())
}

/// Creates a session and returns its token (to put in the cookie) and row.
///
/// # Errors
/// When the insert fails.
pub async fn create(
    conn: &impl ConnectionTrait,
    role: Role,
    subject_id: Uuid,
    credential_id: Option<String>,
    user_agent: Option<String>,
    now: DateTime<Utc>,
) -> Result<(String, session::Model), AppError> {
    let token = codes::new_token();
    let row = session::ActiveModel {
        token_hash: Set(codes::hash(&token)),
        id: Set(Uuid::new_v4()),
        subject_kind: Set(role.as_str().into()),
        subject_id: Set(subject_id),
        credential_id: Set(credential_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + ABSOLUTE_TIMEOUT),
        // Signing in is a fresh verification.
        reverified_at: Set(Some(now)),
        revoked_at: Set(None),
        user_agent: Set(user_agent.map(|ua| ua.chars().take(300).collect())),
    }
    .insert(conn)
    .await?;
    Ok((token, row))
}

/// Ends the session whose token hash is `token_hash` (a no-op if it already ended).
///
/// # Errors
/// When the update fails.
pub async fn revoke(
    conn: &impl ConnectionTrait,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(now))
        .filter(session::Column::TokenHash.eq(token_hash))
        .filter(session::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// Ends every session of a subject (a key re-issued or suspended, a recovery), returning how
/// many; a professional's connected software loses its grants with them (reason `sessions_ended`).
///
/// # Errors
/// When the update fails.
pub async fn revoke_all(
    conn: &impl ConnectionTrait,
    subject_id: Uuid,
    now: DateTime<Utc>,
) -> Result<u64, AppError> {
    let result = session::Entity::update_many()
        .col_expr(session::Column::RevokedAt, Expr::value(now))
        .filter(session::Column::SubjectId.eq(subject_id))
        .filter(session::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    crate::oauth::revoke_all_for(conn, subject_id, "sessions_ended", now).await?;
    Ok(result.rows_affected)
}

/// Whether a session row is still alive at `now`.
#[must_use]
pub fn is_live(row: &session::Model, role: Role, now: DateTime<Utc>) -> bool {
    row.revoked_at.is_none() && now < row.expires_at && now - row.last_seen_at < idle_timeout(role)
}

/// A signed-in user of any role.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    /// The session row.
    pub session: session::Model,
    /// The role.
    pub role: Role,
}

impl CurrentUser {
    /// The patient's, professional's or agent's id.
    #[must_use]
    pub const fn subject_id(&self) -> Uuid {
        self.session.subject_id
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let Some(token) = token_from_headers(&parts.headers, &state.config.public_origin) else {
            return Err(AppError::refused(StatusCode::UNAUTHORIZED, ApiErrorCode::Unauthenticated));
        };
        let expired = AppError::refused(StatusCode::UNAUTHORIZED, ApiErrorCode::SessionExpired);
        let token_hash = codes::hash(&token);
        let row =
            session::Entity::find_by_id(token_hash.clone()).one(&state.db).await?.ok_or_else(
                || AppError::refused(StatusCode::UNAUTHORIZED, ApiErrorCode::SessionExpired),
            )?;
        let role = Role::parse(&row.subject_kind).ok_or(AppError::NotFound)?;
        let now = state.clock.now();
        if !is_live(&row, role, now) {
            return Err(expired);
        }
        if now - row.last_seen_at >= TOUCH_EVERY {
            session::Entity::update_many()
                .col_expr(session::Column::LastSeenAt, Expr::value(now))
                .filter(session::Column::TokenHash.eq(token_hash))
                .exec(&state.db)
                .await?;
        }
        Ok(Self { session: row, role })
    }
}

macro_rules! role_extractor {
    ($(#[$doc:meta] $name:ident => $role:expr),* $(,)?) => {$(
        #[$doc]
        #[derive(Debug, Clone)]
        pub struct $name(pub CurrentUser);

        impl FromRequestParts<AppState> for $name {
            type Rejection = AppError;

            async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
                let user = CurrentUser::from_request_parts(parts, state).await?;
                if user.role == $role {
                    Ok(Self(user))
                } else {
                    Err(AppError::refused(StatusCode::FORBIDDEN, ApiErrorCode::Forbidden))
                }
            }
        }
    )*};
}

role_extractor!(
    /// A signed-in patient.
    CurrentPatient => Role::Patient,
    /// A signed-in health professional.
    CurrentProfessional => Role::Professional,
    /// A signed-in agency agent.
    CurrentAgent => Role::Agent,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_follow_the_origin_scheme() {
        let https = set_cookie("https://dsp.example.lu", "t");
        assert_eq!(https, "__Host-dsp_session=t; Path=/; HttpOnly; SameSite=Strict; Secure");
        let http = set_cookie("http://localhost:8080", "t");
        assert_eq!(http, "dsp_session=t; Path=/; HttpOnly; SameSite=Strict");
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, "a=b; dsp_session=tok; c=d".parse().unwrap());
        assert_eq!(token_from_headers(&headers, "http://localhost:8080").as_deref(), Some("tok"));
        assert_eq!(token_from_headers(&headers, "https://x.lu"), None);
    }
}
