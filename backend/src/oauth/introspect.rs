//! Token introspection (RFC 7662) for an organisation's gateway, and revocation (RFC 7009) by
//! the software itself.

use axum::http::HeaderMap;
use chrono::{DateTime, Utc};
use oauth2::basic::BasicTokenType;
use oauth2::{ClientId, EmptyExtraTokenFields};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde::Deserialize;
use shared::api::auth::Role;

use super::protocol::{
    OAuthError, active_client, authenticated_client, basic_credentials, professional_stands,
    revoke_grant,
};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::codes;
use crate::entity::{oauth_client, oauth_grant, oauth_token};
use crate::error::AppError;
use crate::services::audited;

/// The introspection or revocation form.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct TokenQueryForm {
    /// The token.
    pub token: Option<String>,
    /// `access_token` or `refresh_token` (a hint only).
    pub token_type_hint: Option<String>,
    /// The software's client id (revocation by a public client).
    pub client_id: Option<String>,
}

/// The introspection answer, the `oauth2` crate's type.
pub type Introspection =
    oauth2::StandardTokenIntrospectionResponse<EmptyExtraTokenFields, BasicTokenType>;

/// A live token with its grant and client.
async fn live_token(
    conn: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(oauth_token::Model, oauth_grant::Model, oauth_client::Model)>, AppError> {
    let Some(row) = oauth_token::Entity::find_by_id(codes::hash(token)).one(conn).await? else {
        return Ok(None);
    };
    let usable = row.revoked_at.is_none()
        && now < row.expires_at
        && (row.kind == "access" || row.used_at.is_none());
    if !usable {
        return Ok(None);
    }
    let Some(grant) = oauth_grant::Entity::find_by_id(row.grant_id)
        .one(conn)
        .await?
        .filter(|g| g.revoked_at.is_none())
    else {
        return Ok(None);
    };
    let Some(client) = active_client(conn, &grant.client_id).await? else { return Ok(None) };
    if !professional_stands(conn, grant.professional_id, &grant.credential_id).await? {
        return Ok(None);
    }
    Ok(Some((row, grant, client)))
}

/// Introspects a token for a confidential client (HTTP Basic): active only when the token
/// stands and was issued to software of the same organisation.
///
/// # Errors
/// `invalid_client` (401), `invalid_request`.
pub async fn introspect(
    state: &AppState,
    headers: &HeaderMap,
    form: &TokenQueryForm,
) -> Result<Introspection, OAuthError> {
    let gateway = authenticated_client(&state.db, headers).await?;
    let token =
        form.token.as_deref().filter(|t| !t.is_empty()).ok_or_else(OAuthError::invalid_request)?;
    let now = state.clock.now();
    let inactive = Introspection::new(false, EmptyExtraTokenFields {});
    let Some((row, grant, client)) = live_token(&state.db, token, now).await? else {
        return Ok(inactive);
    };
    if client.organisation_id != gateway.organisation_id {
        return Ok(inactive);
    }
    let mut answer = Introspection::new(true, EmptyExtraTokenFields {});
    answer.set_scopes(Some(
        grant.scopes.split_ascii_whitespace().map(|s| oauth2::Scope::new(s.to_owned())).collect(),
    ));
    answer.set_client_id(Some(ClientId::new(client.client_id)));
    answer.set_sub(Some(grant.professional_id.to_string()));
    answer.set_exp(Some(row.expires_at));
    answer.set_iat(Some(row.created_at));
    answer.set_token_type(Some(BasicTokenType::Bearer));
    Ok(answer)
}

/// Revokes a token of the requesting software (RFC 7009): a refresh token ends its grant; an
/// access token ends itself. Unknown tokens are not an error.
///
/// # Errors
/// `invalid_client`, `invalid_request`.
pub async fn revoke(
    state: &AppState,
    meta: &RequestMeta,
    headers: &HeaderMap,
    form: &TokenQueryForm,
) -> Result<(), OAuthError> {
    let client = match basic_credentials(headers) {
        Some(_) => authenticated_client(&state.db, headers).await?,
        None => {
            let id = form.client_id.as_deref().ok_or_else(OAuthError::invalid_client)?;
            active_client(&state.db, id).await?.ok_or_else(OAuthError::invalid_client)?
        }
    };
    let token =
        form.token.as_deref().filter(|t| !t.is_empty()).ok_or_else(OAuthError::invalid_request)?;
    let now = state.clock.now();
    let Some(row) = oauth_token::Entity::find_by_id(codes::hash(token)).one(&state.db).await?
    else {
        return Ok(());
    };
    let Some(grant) = oauth_grant::Entity::find_by_id(row.grant_id)
        .one(&state.db)
        .await?
        .filter(|g| g.client_id == client.client_id && g.revoked_at.is_none())
    else {
        return Ok(());
    };
    let action = if row.kind == "refresh" { "oauth_grant_revoked" } else { "oauth_token_revoked" };
    let event =
        Event::new(action, Outcome::Success, Some((Role::Professional, grant.professional_id)))
            .target("oauth_grant", grant.id.to_string())
            .with("client_id", client.client_id.clone())
            .with("client_name", client.name.clone())
            .with("by", "software")
            .with("token_kind", row.kind.clone());
    audited(state, meta, event, async |txn, _| {
        if row.kind == "refresh" {
            revoke_grant(txn, grant.id, "software", now).await?;
        } else {
            use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
            oauth_token::Entity::update_many()
                .col_expr(oauth_token::Column::RevokedAt, Expr::value(now))
                .filter(oauth_token::Column::TokenHash.eq(row.token_hash.clone()))
                .filter(oauth_token::Column::RevokedAt.is_null())
                .exec(txn)
                .await?;
        }
        Ok(())
    })
    .await?;
    Ok(())
}
