//! The token endpoint (RFC 6749 §3.2): an authorization code with its PKCE verifier, a refresh
//! token (rotated: each is good once; a second use ends the grant), or an approved device code
//! (RFC 8628 §3.4). Every issue and every refused reuse is audited in the act's transaction.

use axum::http::HeaderMap;
use chrono::{DateTime, Utc};
use oauth2::basic::BasicTokenType;
use oauth2::{AccessToken, DeviceCodeErrorResponseType, EmptyExtraTokenFields, RefreshToken};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter};
use serde::Deserialize;
use shared::api::auth::Role;
use uuid::Uuid;

use super::protocol::{
    OAuthError, active_client, basic_credentials, grant_id_for, pkce_s256_matches,
    professional_stands, revoke_grant,
};
use super::{IssuedTokens, ScopeSet, issue_tokens};
use crate::app::AppState;
use crate::audit::{self, Event, Outcome, RequestMeta};
use crate::auth::codes;
use crate::entity::{oauth_client, oauth_code, oauth_device_code, oauth_grant, oauth_token};

/// The device grant's `grant_type`.
pub const DEVICE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// The token request's form (every field optional: a missing one is `invalid_request`).
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct TokenForm {
    /// `authorization_code`, `refresh_token` or `urn:ietf:params:oauth:grant-type:device_code`.
    pub grant_type: Option<String>,
    /// The software's client id (or HTTP Basic).
    pub client_id: Option<String>,
    /// The authorization code.
    pub code: Option<String>,
    /// The redirect URI the code was sent to.
    pub redirect_uri: Option<String>,
    /// The PKCE verifier.
    pub code_verifier: Option<String>,
    /// The refresh token.
    pub refresh_token: Option<String>,
    /// The device code.
    pub device_code: Option<String>,
    /// At most the grant's scopes (refresh).
    pub scope: Option<String>,
}

/// A token answer (RFC 6749 §5.1), the `oauth2` crate's type.
pub type TokenResponse = oauth2::StandardTokenResponse<EmptyExtraTokenFields, BasicTokenType>;

fn response(issued: &IssuedTokens) -> TokenResponse {
    let mut response = TokenResponse::new(
        AccessToken::new(issued.access_token.clone()),
        super::protocol::bearer(),
        EmptyExtraTokenFields {},
    );
    response.set_expires_in(Some(&std::time::Duration::from_secs(
        u64::try_from(issued.expires_in).unwrap_or(0),
    )));
    response.set_refresh_token(Some(RefreshToken::new(issued.refresh_token.clone())));
    response.set_scopes(Some(
        issued.scope.split_ascii_whitespace().map(|s| oauth2::Scope::new(s.to_owned())).collect(),
    ));
    response
}

fn required(value: Option<&String>) -> Result<&str, OAuthError> {
    value.map(String::as_str).filter(|v| !v.is_empty()).ok_or_else(OAuthError::invalid_request)
}

/// The client a token request is from: `client_id` in the form or HTTP Basic (whose secret,
/// when given, must be right).
async fn requesting_client(
    conn: &impl ConnectionTrait,
    headers: &HeaderMap,
    form_client_id: Option<&String>,
) -> Result<oauth_client::Model, OAuthError> {
    let basic = basic_credentials(headers);
    let id = match (&basic, form_client_id) {
        (Some((id, _)), Some(form)) if id != form => return Err(OAuthError::invalid_request()),
        (Some((id, _)), _) => id.clone(),
        (None, Some(form)) => form.clone(),
        (None, None) => return Err(OAuthError::invalid_client()),
    };
    let client = active_client(conn, &id).await?.ok_or_else(OAuthError::invalid_client)?;
    if let Some((_, secret)) = basic
        && client.secret_hash.as_deref() != Some(codes::hash(&secret).as_str())
    {
        return Err(OAuthError::invalid_client());
    }
    Ok(client)
}

/// Answers a token request.
///
/// # Errors
/// The RFC's error answers.
pub async fn token(
    state: &AppState,
    meta: &RequestMeta,
    headers: &HeaderMap,
    form: &TokenForm,
) -> Result<TokenResponse, OAuthError> {
    let grant_type = required(form.grant_type.as_ref())?;
    if !matches!(grant_type, "authorization_code" | "refresh_token" | DEVICE_GRANT) {
        return Err(OAuthError::unsupported_grant_type());
    }
    let client = requesting_client(&state.db, headers, form.client_id.as_ref()).await?;
    let now = state.clock.now();
    let txn = crate::db::begin_write(&state.db).await.map_err(crate::error::AppError::from)?;
    let outcome = match grant_type {
        "authorization_code" => by_code(&txn, meta, &client, form, now).await,
        "refresh_token" => by_refresh(&txn, meta, &client, form, now).await,
        _ => by_device_code(&txn, meta, &client, form, now).await,
    };
    match outcome {
        // A refusal may have changed something worth keeping (a grant ended on reuse, a poll
        // counted): commit either way.
        Ok(answer) => {
            txn.commit().await?;
            Ok(answer)
        }
        Err(Failure::Refused(error)) => {
            txn.commit().await?;
            Err(error)
        }
        Err(Failure::Broken(error)) => Err(error.into()),
    }
}

/// Why a token request failed: a protocol refusal (its changes kept) or an internal failure.
enum Failure {
    Refused(OAuthError),
    Broken(crate::error::AppError),
}

impl From<OAuthError> for Failure {
    fn from(error: OAuthError) -> Self {
        Self::Refused(error)
    }
}

impl From<crate::error::AppError> for Failure {
    fn from(error: crate::error::AppError) -> Self {
        Self::Broken(error)
    }
}

impl From<sea_orm::DbErr> for Failure {
    fn from(error: sea_orm::DbErr) -> Self {
        Self::Broken(error.into())
    }
}

fn event(
    action: &'static str,
    outcome: Outcome,
    professional_id: Uuid,
    grant_id: Uuid,
    client: &oauth_client::Model,
) -> Event {
    Event::new(action, outcome, Some((Role::Professional, professional_id)))
        .target("oauth_grant", grant_id.to_string())
        .with("client_id", client.client_id.clone())
        .with("client_name", client.name.clone())
}

async fn by_code(
    txn: &DatabaseTransaction,
    meta: &RequestMeta,
    client: &oauth_client::Model,
    form: &TokenForm,
    now: DateTime<Utc>,
) -> Result<TokenResponse, Failure> {
    let code = required(form.code.as_ref())?;
    let redirect_uri = required(form.redirect_uri.as_ref())?;
    let verifier = required(form.code_verifier.as_ref())?;
    let code_hash = codes::hash(code);
    let row = oauth_code::Entity::find_by_id(code_hash.clone())
        .one(txn)
        .await?
        .ok_or_else(|| OAuthError::invalid_grant().because("unknown code"))?;
    let grant_id = grant_id_for(&code_hash);
    // Single use, even between two instances racing: only one update finds it unused.
    let claimed = oauth_code::Entity::update_many()
        .col_expr(oauth_code::Column::UsedAt, Expr::value(now))
        .filter(oauth_code::Column::CodeHash.eq(code_hash.clone()))
        .filter(oauth_code::Column::UsedAt.is_null())
        .exec(txn)
        .await?
        .rows_affected
        == 1;
    if !claimed {
        // RFC 6749 §4.1.2: a code used twice revokes what its first use obtained.
        let ended = revoke_grant(txn, grant_id, "code_reuse", now).await?;
        let entry =
            event("oauth_code_reuse", Outcome::Failure, row.professional_id, grant_id, client)
                .with("grant_ended", ended);
        audit::append(txn, meta, entry, now).await?;
        return Err(OAuthError::invalid_grant().because("code already used").into());
    }
    let fits = row.client_id == client.client_id
        && row.redirect_uri == redirect_uri
        && now < row.expires_at
        && pkce_s256_matches(verifier, &row.code_challenge);
    if !fits || !professional_stands(txn, row.professional_id, &row.credential_id).await? {
        let entry =
            event("oauth_token_issued", Outcome::Failure, row.professional_id, grant_id, client)
                .with("grant_type", "authorization_code")
                .with("refused", "invalid_grant");
        audit::append(txn, meta, entry, now).await?;
        return Err(OAuthError::invalid_grant().into());
    }
    let scopes = ScopeSet::parse(&row.scopes);
    let issued = super::create_grant_as(
        txn,
        grant_id,
        &client.client_id,
        row.professional_id,
        &row.credential_id,
        &scopes,
        now,
    )
    .await?;
    let entry =
        event("oauth_token_issued", Outcome::Success, row.professional_id, grant_id, client)
            .with("grant_type", "authorization_code")
            .with("scopes", scopes.to_string());
    audit::append(txn, meta, entry, now).await?;
    Ok(response(&issued))
}

async fn by_refresh(
    txn: &DatabaseTransaction,
    meta: &RequestMeta,
    client: &oauth_client::Model,
    form: &TokenForm,
    now: DateTime<Utc>,
) -> Result<TokenResponse, Failure> {
    let token = required(form.refresh_token.as_ref())?;
    let token_hash = codes::hash(token);
    let row = oauth_token::Entity::find_by_id(token_hash.clone())
        .one(txn)
        .await?
        .filter(|t| t.kind == "refresh")
        .ok_or_else(OAuthError::invalid_grant)?;
    let grant = oauth_grant::Entity::find_by_id(row.grant_id)
        .one(txn)
        .await?
        .filter(|g| g.client_id == client.client_id)
        .ok_or_else(OAuthError::invalid_grant)?;
    let claimed = row.used_at.is_none()
        && oauth_token::Entity::update_many()
            .col_expr(oauth_token::Column::UsedAt, Expr::value(now))
            .filter(oauth_token::Column::TokenHash.eq(token_hash))
            .filter(oauth_token::Column::UsedAt.is_null())
            .exec(txn)
            .await?
            .rows_affected
            == 1;
    if !claimed {
        // A rotated refresh token came back: whoever holds it (the software or a thief), the
        // grant is no longer trusted.
        let ended = revoke_grant(txn, grant.id, "refresh_reuse", now).await?;
        let entry =
            event("oauth_refresh_reuse", Outcome::Failure, grant.professional_id, grant.id, client)
                .with("grant_ended", ended);
        audit::append(txn, meta, entry, now).await?;
        return Err(OAuthError::invalid_grant().because("refresh token already used").into());
    }
    let scopes = ScopeSet::parse(&grant.scopes);
    if let Some(asked) = form.scope.as_deref().filter(|s| !s.trim().is_empty())
        && !super::authorize::requested_scopes(asked).is_some_and(|a| a.within(&scopes))
    {
        return Err(OAuthError::invalid_scope().into());
    }
    let live = row.revoked_at.is_none()
        && now < row.expires_at
        && grant.revoked_at.is_none()
        && professional_stands(txn, grant.professional_id, &grant.credential_id).await?;
    if !live {
        return Err(OAuthError::invalid_grant().into());
    }
    oauth_grant::Entity::update_many()
        .col_expr(oauth_grant::Column::LastUsedAt, Expr::value(now))
        .filter(oauth_grant::Column::Id.eq(grant.id))
        .exec(txn)
        .await?;
    let issued = issue_tokens(txn, grant.id, &scopes, now).await?;
    let entry =
        event("oauth_token_refreshed", Outcome::Success, grant.professional_id, grant.id, client);
    audit::append(txn, meta, entry, now).await?;
    Ok(response(&issued))
}

async fn by_device_code(
    txn: &DatabaseTransaction,
    meta: &RequestMeta,
    client: &oauth_client::Model,
    form: &TokenForm,
    now: DateTime<Utc>,
) -> Result<TokenResponse, Failure> {
    let device_code = required(form.device_code.as_ref())?;
    let hash = codes::hash(device_code);
    let row = oauth_device_code::Entity::find_by_id(hash.clone())
        .one(txn)
        .await?
        .filter(|d| d.client_id == client.client_id)
        .ok_or_else(OAuthError::invalid_grant)?;
    if row.used_at.is_some() {
        return Err(OAuthError::invalid_grant().into());
    }
    if now >= row.expires_at {
        return Err(OAuthError::device(DeviceCodeErrorResponseType::ExpiredToken).into());
    }
    // Polled faster than the interval: slow down, and the interval grows by 5 s (RFC 8628 §3.5).
    let too_soon = row
        .last_polled_at
        .is_some_and(|last| now - last < chrono::Duration::seconds(i64::from(row.interval_secs)));
    let mut poll = oauth_device_code::Entity::update_many()
        .col_expr(oauth_device_code::Column::LastPolledAt, Expr::value(now))
        .filter(oauth_device_code::Column::DeviceCodeHash.eq(hash.clone()));
    if too_soon {
        poll = poll.col_expr(
            oauth_device_code::Column::IntervalSecs,
            Expr::value(row.interval_secs.saturating_add(5)),
        );
    }
    poll.exec(txn).await?;
    if too_soon {
        return Err(OAuthError::device(DeviceCodeErrorResponseType::SlowDown).into());
    }
    if row.denied_at.is_some() {
        return Err(OAuthError::device(DeviceCodeErrorResponseType::AccessDenied).into());
    }
    let (Some(_), Some(professional_id), Some(credential_id)) =
        (row.approved_at, row.professional_id, row.credential_id.clone())
    else {
        return Err(OAuthError::device(DeviceCodeErrorResponseType::AuthorizationPending).into());
    };
    let claimed = oauth_device_code::Entity::update_many()
        .col_expr(oauth_device_code::Column::UsedAt, Expr::value(now))
        .filter(oauth_device_code::Column::DeviceCodeHash.eq(hash.clone()))
        .filter(oauth_device_code::Column::UsedAt.is_null())
        .exec(txn)
        .await?
        .rows_affected
        == 1;
    if !claimed || !professional_stands(txn, professional_id, &credential_id).await? {
        return Err(OAuthError::invalid_grant().into());
    }
    let grant_id = grant_id_for(&hash);
    let scopes = ScopeSet::parse(&row.scopes);
    let issued = super::create_grant_as(
        txn,
        grant_id,
        &client.client_id,
        professional_id,
        &credential_id,
        &scopes,
        now,
    )
    .await?;
    let entry = event("oauth_token_issued", Outcome::Success, professional_id, grant_id, client)
        .with("grant_type", DEVICE_GRANT)
        .with("scopes", scopes.to_string());
    audit::append(txn, meta, entry, now).await?;
    Ok(response(&issued))
}
