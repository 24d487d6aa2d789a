//! Authorization code with PKCE (RFC 6749 §4.1, RFC 7636): the request checked, shown to the
//! signed-in professional, and their decision (a one-time code bound to the client, the
//! redirect URI, the PKCE challenge and the security key they approved with).

use axum::http::StatusCode;
use chrono::Duration;
use oauth2::url::Url;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use shared::ApiErrorCode;
use shared::api::oauth::{
    AuthorizationDecision, AuthorizationRedirect, AuthorizationRequest, AuthorizationView,
    ScopeView,
};

use super::protocol::{active_client, is_s256_challenge};
use super::{Scope, ScopeSet};
use crate::app::AppState;
use crate::audit::{Event, RequestMeta};
use crate::auth::{CurrentProfessional, codes};
use crate::entity::{oauth_client, oauth_code, organisation};
use crate::error::AppError;
use crate::services::audited;

/// How long an authorization code lives.
pub const CODE_LIFETIME: Duration = Duration::seconds(60);

/// Why a request cannot be approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The client or its redirect URI is not known: nothing may be sent back to that URI.
    NoRedirect(ApiErrorCode),
    /// The software is told, at its redirect URI, with this RFC 6749 §4.1.2.1 error.
    Redirect(&'static str, ApiErrorCode),
}

impl Refusal {
    /// The refusal as an API error (the approval page's JSON API).
    #[must_use]
    pub const fn api_error(self) -> AppError {
        match self {
            Self::NoRedirect(code) | Self::Redirect(_, code) => {
                AppError::refused(StatusCode::UNPROCESSABLE_ENTITY, code)
            }
        }
    }
}

/// A request that may be shown and approved.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The software.
    pub client: oauth_client::Model,
    /// The scopes asked for, all within the registration.
    pub scopes: ScopeSet,
}

/// Checks an authorization request: the client (registered, not disabled), the redirect URI
/// (registered, exactly), PKCE (S256 only) and the scopes (SMART `user/` scopes within the
/// client's registration).
///
/// # Errors
/// Database.
pub async fn check(
    conn: &impl ConnectionTrait,
    request: &AuthorizationRequest,
) -> Result<Result<Checked, Refusal>, AppError> {
    let Some(client) = active_client(conn, &request.client_id).await? else {
        return Ok(Err(Refusal::NoRedirect(ApiErrorCode::AuthorizationRequestInvalid)));
    };
    if !client.redirect_uris.lines().any(|uri| uri == request.redirect_uri) {
        return Ok(Err(Refusal::NoRedirect(ApiErrorCode::RedirectUriInvalid)));
    }
    if request.code_challenge_method != "S256" || !is_s256_challenge(&request.code_challenge) {
        return Ok(Err(Refusal::Redirect(
            "invalid_request",
            ApiErrorCode::AuthorizationRequestInvalid,
        )));
    }
    let Some(scopes) = requested_scopes(&request.scope) else {
        return Ok(Err(Refusal::Redirect("invalid_scope", ApiErrorCode::ScopeInvalid)));
    };
    if !scopes.within(&ScopeSet::parse(&client.allowed_scopes)) {
        return Ok(Err(Refusal::Redirect("invalid_scope", ApiErrorCode::ScopeInvalid)));
    }
    Ok(Ok(Checked { client, scopes }))
}

/// The scopes of a request when every one is a SMART `user/` scope and there is at least one.
#[must_use]
pub fn requested_scopes(text: &str) -> Option<ScopeSet> {
    let all_known = text.split_ascii_whitespace().all(|s| Scope::parse(s).is_some());
    let scopes = ScopeSet::parse(text);
    (all_known && !scopes.is_empty()).then_some(scopes)
}

/// The scopes as the screens show them.
#[must_use]
pub fn scope_views(scopes: &ScopeSet) -> Vec<ScopeView> {
    scopes
        .0
        .iter()
        .map(|s| ScopeView {
            scope: s.to_string(),
            resource: s.resource.clone(),
            ops: s.ops.clone(),
        })
        .collect()
}

/// The name of an organisation (empty when it is gone).
///
/// # Errors
/// Database.
pub async fn organisation_name(
    conn: &impl ConnectionTrait,
    id: uuid::Uuid,
) -> Result<String, AppError> {
    Ok(organisation::Entity::find_by_id(id).one(conn).await?.map(|o| o.name).unwrap_or_default())
}

/// `redirect_uri` with the query parameters added.
#[must_use]
pub fn redirect_with(redirect_uri: &str, pairs: &[(&str, &str)]) -> String {
    match Url::parse(redirect_uri) {
        Ok(mut url) => {
            {
                let mut query = url.query_pairs_mut();
                for (k, v) in pairs {
                    query.append_pair(k, v);
                }
            }
            url.to_string()
        }
        Err(_) => redirect_uri.to_owned(),
    }
}

/// What the approval page shows for a request.
///
/// # Errors
/// The refusal's code (422), database.
pub async fn view(
    state: &AppState,
    request: &AuthorizationRequest,
) -> Result<AuthorizationView, AppError> {
    let checked = check(&state.db, request).await?.map_err(Refusal::api_error)?;
    let redirect_host = Url::parse(&request.redirect_uri)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default();
    Ok(AuthorizationView {
        client_id: checked.client.client_id.clone(),
        client_name: checked.client.name.clone(),
        organisation_name: organisation_name(&state.db, checked.client.organisation_id).await?,
        scopes: scope_views(&checked.scopes),
        redirect_host,
    })
}

/// The professional's decision: approved, a one-time code (60 s) for the software; refused,
/// `access_denied`. Both audited with the professional as actor and the software in detail.
///
/// # Errors
/// The refusal's code (422) for a request that cannot be approved; `forbidden` for a session
/// without a security key; database.
pub async fn decide(
    state: &AppState,
    meta: &RequestMeta,
    professional: &CurrentProfessional,
    decision: &AuthorizationDecision,
) -> Result<AuthorizationRedirect, AppError> {
    let user = &professional.0;
    let request = &decision.request;
    let now = state.clock.now();
    let checked = check(&state.db, request).await?.map_err(Refusal::api_error)?;
    let credential_id = user
        .session
        .credential_id
        .clone()
        .ok_or(AppError::refused(StatusCode::FORBIDDEN, ApiErrorCode::Forbidden))?;
    let action = if decision.approve { "oauth_grant_approved" } else { "oauth_grant_refused" };
    let event =
        Event::new(action, crate::audit::Outcome::Success, Some((user.role, user.subject_id())))
            .target("software_client", checked.client.client_id.clone())
            .with("client_name", checked.client.name.clone())
            .with("scopes", checked.scopes.to_string())
            .with("flow", "authorization_code");
    let state_param = request.state.clone().unwrap_or_default();
    audited(state, meta, event, async |txn, _| {
        if !decision.approve {
            let mut pairs = vec![("error", "access_denied")];
            if request.state.is_some() {
                pairs.push(("state", state_param.as_str()));
            }
            return Ok(AuthorizationRedirect {
                redirect_to: redirect_with(&request.redirect_uri, &pairs),
            });
        }
        let code = codes::new_token();
        oauth_code::Entity::insert(oauth_code::ActiveModel {
            code_hash: Set(codes::hash(&code)),
            client_id: Set(checked.client.client_id.clone()),
            professional_id: Set(user.subject_id()),
            credential_id: Set(credential_id.clone()),
            scopes: Set(checked.scopes.to_string()),
            redirect_uri: Set(request.redirect_uri.clone()),
            code_challenge: Set(request.code_challenge.clone()),
            created_at: Set(now),
            expires_at: Set(now + CODE_LIFETIME),
            used_at: Set(None),
        })
        .exec_without_returning(txn)
        .await?;
        let mut pairs = vec![("code", code.as_str())];
        if request.state.is_some() {
            pairs.push(("state", state_param.as_str()));
        }
        Ok(AuthorizationRedirect { redirect_to: redirect_with(&request.redirect_uri, &pairs) })
    })
    .await
}
