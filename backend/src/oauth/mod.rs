//! Practice software reaching the record on a professional's behalf (OAuth 2.0): the scopes,
//! the grants a professional approves, the tokens issued under them, and the caller a FHIR
//! request is made by. Tokens are opaque random strings stored as SHA-256 hashes; a token is
//! worth something only while its grant, its client, the professional's licence and the security
//! key they approved with all still stand, so that revoking any of them ends it at once.

pub mod authorize;
pub mod clients;
pub mod device;
pub mod introspect;
pub mod protocol;
pub mod scope;
pub mod token;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Statement,
};
use shared::ApiErrorCode;
use shared::api::auth::Role;
use uuid::Uuid;

pub use scope::{Op, Scope, ScopeSet};

use crate::app::AppState;
use crate::audit::{RequestMeta, Via};
use crate::auth::{CurrentUser, codes};
use crate::entity::{oauth_grant, oauth_token, session};
use crate::error::AppError;

/// How long an access token lives.
pub const ACCESS_TOKEN_LIFETIME: Duration = Duration::minutes(5);
/// How long a refresh token lives (each use rotates it).
pub const REFRESH_TOKEN_LIFETIME: Duration = Duration::days(30);

/// A pair of tokens just issued: shown once to the client, stored only hashed.
#[derive(Debug, Clone)]
pub struct IssuedTokens {
    /// The grant they belong to.
    pub grant_id: Uuid,
    /// The access token.
    pub access_token: String,
    /// Its lifetime in seconds.
    pub expires_in: i64,
    /// The refresh token.
    pub refresh_token: String,
    /// The scopes granted, space-separated.
    pub scope: String,
}

/// Records a professional's approval of `client_id` for `scopes` (bound to the security key
/// `credential_id` they approved with) and issues its first tokens. Pass the act's transaction:
/// the caller audits in it.
///
/// # Errors
/// When an insert fails.
pub async fn create_grant(
    conn: &impl ConnectionTrait,
    client_id: &str,
    professional_id: Uuid,
    credential_id: &str,
    scopes: &ScopeSet,
    now: DateTime<Utc>,
) -> Result<IssuedTokens, AppError> {
    let grant = Uuid::new_v4();
    create_grant_as(conn, grant, client_id, professional_id, credential_id, scopes, now).await
}

/// [`create_grant`] with the grant's id chosen by the caller (the token endpoint derives it from
/// the code, so that a reused code finds the grant it created).
///
/// # Errors
/// When an insert fails.
pub async fn create_grant_as(
    conn: &impl ConnectionTrait,
    grant_id: Uuid,
    client_id: &str,
    professional_id: Uuid,
    credential_id: &str,
    scopes: &ScopeSet,
    now: DateTime<Utc>,
) -> Result<IssuedTokens, AppError> {
    oauth_grant::Entity::insert(oauth_grant::ActiveModel {
        id: Set(grant_id),
        client_id: Set(client_id.to_owned()),
        professional_id: Set(professional_id),
        credential_id: Set(credential_id.to_owned()),
        scopes: Set(scopes.to_string()),
        created_at: Set(now),
        last_used_at: Set(None),
        revoked_at: Set(None),
        revoked_reason: Set(None),
    })
    .exec_without_returning(conn)
    .await?;
    issue_tokens(conn, grant_id, scopes, now).await
}

/// Issues a new access and refresh token under `grant_id`.
///
/// # Errors
/// When an insert fails.
pub async fn issue_tokens(
    conn: &impl ConnectionTrait,
    grant_id: Uuid,
    scopes: &ScopeSet,
    now: DateTime<Utc>,
) -> Result<IssuedTokens, AppError> {
    let access_token = codes::new_token();
    let refresh_token = codes::new_token();
    let row = |token: &str, kind: &str, lifetime: Duration| oauth_token::ActiveModel {
        token_hash: Set(codes::hash(token)),
        grant_id: Set(grant_id),
        kind: Set(kind.to_owned()),
        created_at: Set(now),
        expires_at: Set(now + lifetime),
        used_at: Set(None),
        revoked_at: Set(None),
    };
    oauth_token::Entity::insert_many([
        row(&access_token, "access", ACCESS_TOKEN_LIFETIME),
        row(&refresh_token, "refresh", REFRESH_TOKEN_LIFETIME),
    ])
    .exec_without_returning(conn)
    .await?;
    Ok(IssuedTokens {
        grant_id,
        access_token,
        expires_in: ACCESS_TOKEN_LIFETIME.num_seconds(),
        refresh_token,
        scope: scopes.to_string(),
    })
}

/// Ends every grant of a professional (their key re-issued or revoked, their licence suspended,
/// a recovery), and so every token issued under them; returns how many grants ended.
///
/// # Errors
/// When the update fails.
pub async fn revoke_all_for(
    conn: &impl ConnectionTrait,
    professional_id: Uuid,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<u64, AppError> {
    let result = oauth_grant::Entity::update_many()
        .col_expr(oauth_grant::Column::RevokedAt, Expr::value(now))
        .col_expr(oauth_grant::Column::RevokedReason, Expr::value(reason))
        .filter(oauth_grant::Column::ProfessionalId.eq(professional_id))
        .filter(oauth_grant::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}

/// The bearer token of a request, if it carries one.
#[must_use]
pub fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim()).filter(|t| !t.is_empty())
}

/// A request made by practice software on a professional's behalf, with a live access token.
#[derive(Debug, Clone)]
pub struct FhirCaller {
    /// The professional the software acts for.
    pub professional_id: Uuid,
    /// The grant the token was issued under.
    pub grant_id: Uuid,
    /// The software.
    pub client_id: String,
    /// The software's name, as the agency registered it ("Dr X via <name>").
    pub client_name: String,
    /// What the grant allows.
    pub scopes: ScopeSet,
    /// The professional as the services see a signed-in user (no cookie session behind it: the
    /// row stands for the token, and is never stored).
    pub user: CurrentUser,
}

impl FhirCaller {
    /// Refuses (`403 insufficient_scope`) an act the grant's scopes do not cover.
    ///
    /// # Errors
    /// `insufficient_scope`.
    pub fn require(&self, resource: &str, op: Op) -> Result<(), AppError> {
        if self.scopes.allows(resource, op) {
            Ok(())
        } else {
            Err(AppError::refused(StatusCode::FORBIDDEN, ApiErrorCode::InsufficientScope))
        }
    }

    /// The request's audit facts with the software named, so that every entry of the act reads
    /// "professional via software".
    #[must_use]
    pub fn stamp(&self, mut meta: RequestMeta) -> RequestMeta {
        meta.via = Some(Via { client_id: self.client_id.clone(), name: self.client_name.clone() });
        meta
    }

    /// The caller of the access token `token` at `now`.
    ///
    /// # Errors
    /// `401 invalid_token` when the token is unknown, not an access token, expired or revoked,
    /// or its grant, client, licence or security key no longer stands.
    pub async fn from_token(
        conn: &impl ConnectionTrait,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<Self, AppError> {
        let invalid = || AppError::refused(StatusCode::UNAUTHORIZED, ApiErrorCode::InvalidToken);
        let token_hash = codes::hash(token);
        // One statement for what must all still stand (every request of the software pays it):
        // the token, its grant, the software, the professional's licence and the key they
        // approved with.
        let backend = conn.get_database_backend();
        let row = conn
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                crate::db::placeholders(
                    backend,
                    "SELECT t.created_at AS token_created_at, t.expires_at AS token_expires_at, \
                     g.id AS grant_id, g.professional_id, g.credential_id, g.scopes, \
                     g.last_used_at, c.client_id, c.name AS client_name \
                     FROM oauth_tokens t \
                     JOIN oauth_grants g ON g.id = t.grant_id AND g.revoked_at IS NULL \
                     JOIN oauth_clients c ON c.client_id = g.client_id AND c.disabled_at IS NULL \
                     JOIN professionals p ON p.id = g.professional_id AND p.state = 'active' \
                     JOIN credentials k ON k.id = g.credential_id \
                       AND k.subject_id = g.professional_id AND k.suspended_at IS NULL \
                     WHERE t.token_hash = $1 AND t.kind = 'access' AND t.revoked_at IS NULL",
                ),
                [token_hash.clone().into()],
            ))
            .await?
            .ok_or_else(invalid)?;
        let expires_at: DateTime<Utc> = row.try_get("", "token_expires_at")?;
        if now >= expires_at {
            return Err(invalid());
        }
        let created_at: DateTime<Utc> = row.try_get("", "token_created_at")?;
        let grant_id: Uuid = row.try_get("", "grant_id")?;
        let professional_id: Uuid = row.try_get("", "professional_id")?;
        let credential_id: String = row.try_get("", "credential_id")?;
        let scopes: String = row.try_get("", "scopes")?;
        let last_used_at: Option<DateTime<Utc>> = row.try_get("", "last_used_at")?;
        let client_id: String = row.try_get("", "client_id")?;
        let client_name: String = row.try_get("", "client_name")?;
        // What the connected-software lists show as "last used", kept to the minute.
        if last_used_at.is_none_or(|at| now - at >= Duration::minutes(1)) {
            oauth_grant::Entity::update_many()
                .col_expr(oauth_grant::Column::LastUsedAt, Expr::value(now))
                .filter(oauth_grant::Column::Id.eq(grant_id))
                .exec(conn)
                .await?;
        }
        let user = CurrentUser {
            session: session::Model {
                token_hash,
                id: grant_id,
                subject_kind: Role::Professional.as_str().to_owned(),
                subject_id: professional_id,
                credential_id: Some(credential_id),
                created_at,
                last_seen_at: now,
                expires_at,
                reverified_at: None,
                revoked_at: None,
                user_agent: None,
            },
            role: Role::Professional,
        };
        Ok(Self {
            professional_id,
            grant_id,
            client_id,
            client_name,
            scopes: ScopeSet::parse(&scopes),
            user,
        })
    }
}

impl FromRequestParts<AppState> for FhirCaller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = bearer_token(&parts.headers)
            .ok_or(AppError::refused(StatusCode::UNAUTHORIZED, ApiErrorCode::InvalidToken))?;
        Self::from_token(&state.db, token, state.clock.now()).await
    }
}
