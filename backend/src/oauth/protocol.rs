//! What the protocol endpoints share: their error answers (RFC 6749 §5.2, RFC 8628 §3.5) in the
//! `oauth2` crate's serde types, PKCE S256 verification (RFC 7636, the `oauth2` crate computes
//! the challenge), client lookup and authentication, and ending a grant with its tokens.

use axum::Json;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use oauth2::basic::BasicErrorResponseType;
use oauth2::{DeviceCodeErrorResponseType, PkceCodeChallenge, PkceCodeVerifier};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::auth::codes;
use crate::entity::{credential, oauth_client, oauth_grant, oauth_token, professional};
use crate::error::AppError;

/// An error answer of a protocol endpoint: `{"error": "...", "error_description": "..."}`.
#[derive(Debug)]
pub struct OAuthError {
    status: StatusCode,
    error: DeviceCodeErrorResponseType,
    description: Option<&'static str>,
    /// Seconds to wait (`Retry-After`), for a refusal by rate limit.
    retry_after: Option<u64>,
}

impl OAuthError {
    const fn basic(status: StatusCode, error: BasicErrorResponseType) -> Self {
        Self {
            status,
            error: DeviceCodeErrorResponseType::Basic(error),
            description: None,
            retry_after: None,
        }
    }

    /// `invalid_request` (400): a parameter missing, repeated or malformed.
    #[must_use]
    pub const fn invalid_request() -> Self {
        Self::basic(StatusCode::BAD_REQUEST, BasicErrorResponseType::InvalidRequest)
    }

    /// `invalid_client` (401): unknown or disabled client, or a wrong secret.
    #[must_use]
    pub const fn invalid_client() -> Self {
        Self::basic(StatusCode::UNAUTHORIZED, BasicErrorResponseType::InvalidClient)
    }

    /// `invalid_grant` (400): a code, refresh token or device code that is not (or no longer)
    /// good for this client.
    #[must_use]
    pub const fn invalid_grant() -> Self {
        Self::basic(StatusCode::BAD_REQUEST, BasicErrorResponseType::InvalidGrant)
    }

    /// `invalid_scope` (400).
    #[must_use]
    pub const fn invalid_scope() -> Self {
        Self::basic(StatusCode::BAD_REQUEST, BasicErrorResponseType::InvalidScope)
    }

    /// `unsupported_grant_type` (400).
    #[must_use]
    pub const fn unsupported_grant_type() -> Self {
        Self::basic(StatusCode::BAD_REQUEST, BasicErrorResponseType::UnsupportedGrantType)
    }

    /// A device-flow answer while polling (RFC 8628 §3.5), 400.
    #[must_use]
    pub const fn device(error: DeviceCodeErrorResponseType) -> Self {
        Self { status: StatusCode::BAD_REQUEST, error, description: None, retry_after: None }
    }

    /// Adds a human-readable description (English, for the software's developers).
    #[must_use]
    pub const fn because(mut self, description: &'static str) -> Self {
        self.description = Some(description);
        self
    }

    /// Whether the request failed on credentials a client should have had right (an unknown
    /// client, a wrong secret, a code or token that is not good): what the failure limit counts.
    #[must_use]
    pub fn is_credential_failure(&self) -> bool {
        matches!(
            self.error,
            DeviceCodeErrorResponseType::Basic(
                BasicErrorResponseType::InvalidClient | BasicErrorResponseType::InvalidGrant
            )
        )
    }

    /// The error's name (`invalid_grant` …).
    #[must_use]
    pub fn name(&self) -> &str {
        self.error.as_ref()
    }
}

impl From<AppError> for OAuthError {
    fn from(error: AppError) -> Self {
        match error {
            // Too many failed requests from this address: 429 with `Retry-After` (the RFCs
            // define no code for it; `slow_down` says what to do).
            AppError::RateLimited(seconds) => Self {
                status: StatusCode::TOO_MANY_REQUESTS,
                error: DeviceCodeErrorResponseType::SlowDown,
                description: Some("too many failed requests from this address: retry later"),
                retry_after: Some(seconds),
            },
            other => {
                tracing::error!(error = %other, "OAuth endpoint failed");
                Self {
                    status: StatusCode::INTERNAL_SERVER_ERROR,
                    error: DeviceCodeErrorResponseType::Basic(BasicErrorResponseType::Extension(
                        "server_error".to_owned(),
                    )),
                    description: None,
                    retry_after: None,
                }
            }
        }
    }
}

impl From<sea_orm::DbErr> for OAuthError {
    fn from(error: sea_orm::DbErr) -> Self {
        AppError::from(error).into()
    }
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        let body = oauth2::StandardErrorResponse::new(
            self.error,
            self.description.map(str::to_owned),
            None,
        );
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Basic realm=\"dsp\""));
        }
        if let Some(seconds) = self.retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// The token type as the contract spells it (`Bearer`; RFC 6749 §5.1 makes it case-insensitive,
/// the `oauth2` crate's own variant writes `bearer`).
#[must_use]
pub fn bearer() -> oauth2::basic::BasicTokenType {
    oauth2::basic::BasicTokenType::Extension("Bearer".to_owned())
}

/// Whether `verifier` is a PKCE code verifier (RFC 7636 §4.1: 43–128 unreserved characters)
/// whose S256 challenge is `challenge`.
#[must_use]
pub fn pkce_s256_matches(verifier: &str, challenge: &str) -> bool {
    let well_formed = (43..=128).contains(&verifier.len())
        && verifier.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b));
    well_formed
        && PkceCodeChallenge::from_code_verifier_sha256(&PkceCodeVerifier::new(verifier.to_owned()))
            .as_str()
            == challenge
}

/// Whether `challenge` can be an S256 challenge (43 base64url characters: a SHA-256).
#[must_use]
pub fn is_s256_challenge(challenge: &str) -> bool {
    challenge.len() == 43
        && challenge.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b))
}

/// A client that is registered and not disabled.
///
/// # Errors
/// Database.
pub async fn active_client(
    conn: &impl ConnectionTrait,
    client_id: &str,
) -> Result<Option<oauth_client::Model>, AppError> {
    Ok(oauth_client::Entity::find_by_id(client_id.to_owned())
        .one(conn)
        .await?
        .filter(|c| c.disabled_at.is_none()))
}

/// The `client_id:secret` of an HTTP Basic `Authorization` header (RFC 6749 §2.3.1: each
/// form-urlencoded before base64).
#[must_use]
pub fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = data_encoding::BASE64.decode(encoded.trim().as_bytes()).ok()?;
    let decoded = String::from_utf8(decoded).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    let unescape = |s: &str| {
        percent_encoding::percent_decode_str(&s.replace('+', " "))
            .decode_utf8()
            .ok()
            .map(|c| c.into_owned())
    };
    Some((unescape(id)?, unescape(secret)?))
}

/// The confidential client that authenticated with HTTP Basic, if the secret is right.
///
/// # Errors
/// `invalid_client` otherwise.
pub async fn authenticated_client(
    conn: &impl ConnectionTrait,
    headers: &HeaderMap,
) -> Result<oauth_client::Model, OAuthError> {
    let (id, secret) = basic_credentials(headers).ok_or_else(OAuthError::invalid_client)?;
    let client = active_client(conn, &id).await?.ok_or_else(OAuthError::invalid_client)?;
    match &client.secret_hash {
        Some(hash) if *hash == codes::hash(&secret) => Ok(client),
        _ => Err(OAuthError::invalid_client()),
    }
}

/// The grant id that a code or device code's exchange creates: derived from its hash, so that a
/// second use of the code finds (and ends) the grant the first one created (RFC 6749 §4.1.2)
/// without keeping the code in clear.
#[must_use]
pub fn grant_id_for(code_hash: &str) -> Uuid {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("dsp-oauth-grant:{code_hash}").as_bytes());
    let mut bytes = [0_u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// Ends a grant and every token issued under it; whether it was still live.
///
/// # Errors
/// Database.
pub async fn revoke_grant(
    conn: &impl ConnectionTrait,
    grant_id: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let ended = oauth_grant::Entity::update_many()
        .col_expr(oauth_grant::Column::RevokedAt, Expr::value(now))
        .col_expr(oauth_grant::Column::RevokedReason, Expr::value(reason))
        .filter(oauth_grant::Column::Id.eq(grant_id))
        .filter(oauth_grant::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    oauth_token::Entity::update_many()
        .col_expr(oauth_token::Column::RevokedAt, Expr::value(now))
        .filter(oauth_token::Column::GrantId.eq(grant_id))
        .filter(oauth_token::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(ended.rows_affected > 0)
}

/// Ends every live grant approved with the security key `credential_id` (the key removed);
/// returns how many.
///
/// # Errors
/// Database.
pub async fn revoke_for_credential(
    conn: &impl ConnectionTrait,
    credential_id: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<u64, AppError> {
    let grants = oauth_grant::Entity::find()
        .filter(oauth_grant::Column::CredentialId.eq(credential_id))
        .filter(oauth_grant::Column::RevokedAt.is_null())
        .all(conn)
        .await?;
    let mut ended = 0;
    for grant in grants {
        if revoke_grant(conn, grant.id, reason, now).await? {
            ended += 1;
        }
    }
    Ok(ended)
}

/// Whether the professional may still be acted for: licence active, and the security key
/// `credential_id` still theirs and not suspended.
///
/// # Errors
/// Database.
pub async fn professional_stands(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
    credential_id: &str,
) -> Result<bool, AppError> {
    let active = professional::Entity::find_by_id(professional_id)
        .one(conn)
        .await?
        .is_some_and(|p| p.state == "active");
    let key = credential::Entity::find_by_id(credential_id.to_owned())
        .one(conn)
        .await?
        .is_some_and(|c| c.subject_id == professional_id && c.suspended_at.is_none());
    Ok(active && key)
}

/// Failed requests on credentials (an unknown client, a wrong secret, a code or token that is
/// not good) per client address at the token, introspection and revocation endpoints. Software
/// that works fails rarely; a script guessing fails every time: past the limit, the address
/// waits for the window's end (429, `Retry-After`). Counted in the database, so every instance
/// counts together.
pub const FAILURES_PER_CLIENT: crate::auth::rate_limit::Limit =
    crate::auth::rate_limit::Limit { max: 30, window_seconds: 60 };

/// Runs `act` for the client at `client_key` unless its failures fill the window, and counts
/// its failure on credentials.
///
/// # Errors
/// 429 past the limit; `act`'s own errors.
pub async fn failures_limited<T>(
    state: &crate::app::AppState,
    client_key: &str,
    act: impl Future<Output = Result<T, OAuthError>>,
) -> Result<T, OAuthError> {
    use crate::auth::rate_limit;
    let key = format!("oauth_failures:{client_key}");
    let now = state.clock.now();
    if rate_limit::current(&state.db, &key, FAILURES_PER_CLIENT, now).await?
        >= FAILURES_PER_CLIENT.max
    {
        // Counts this one too, and refuses with the seconds left in the window.
        rate_limit::hit(&state.db, &key, FAILURES_PER_CLIENT, now).await?;
    }
    let result = act.await;
    if let Err(error) = &result
        && error.is_credential_failure()
    {
        match rate_limit::hit(&state.db, &key, FAILURES_PER_CLIENT, now).await {
            // The answer is already decided; a full window refuses the next request.
            Ok(()) | Err(AppError::RateLimited(_)) => {}
            Err(other) => return Err(other.into()),
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_s256_follows_rfc_7636() {
        // The challenge computed independently (Python: base64url(sha256(verifier)), unpadded).
        let verifier = "dBjftJeZ4CVP-mJ92IZj6Aq2yf4sp_Tl1PNswKFvCdk";
        let challenge = "xQsOP6s3hfzkje7SDbt_Ui-C2QRie9Hht8rQUuCr8qQ";
        assert!(pkce_s256_matches(verifier, challenge));
        assert!(is_s256_challenge(challenge));
        assert!(!pkce_s256_matches(challenge, challenge));
        assert!(!pkce_s256_matches("short", challenge), "too short: refused, never a panic");
        assert!(!pkce_s256_matches(&"a".repeat(129), challenge));
        assert!(!is_s256_challenge(verifier.trim_end_matches('k')));
    }

    #[test]
    fn basic_credentials_are_form_decoded() {
        let mut headers = HeaderMap::new();
        let encoded = data_encoding::BASE64.encode(b"my%20client:s%3Acret");
        headers.insert(header::AUTHORIZATION, format!("Basic {encoded}").parse().unwrap());
        assert_eq!(basic_credentials(&headers), Some(("my client".into(), "s:cret".into())));
    }

    #[test]
    fn a_code_always_leads_to_the_same_grant() {
        assert_eq!(grant_id_for("abc"), grant_id_for("abc"));
        assert_ne!(grant_id_for("abc"), grant_id_for("abd"));
    }
}
