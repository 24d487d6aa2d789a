//! Connected software: the professional's own grants, and the agency's register of software
//! clients (registration, changes, disabling, secret rotation, their grants).

use std::collections::HashMap;

use axum::http::StatusCode;
use oauth2::url::Url;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};
use shared::ApiErrorCode;
use shared::api::oauth::{
    ConnectedSoftware, RegisteredSoftwareClient, SoftwareClient, SoftwareClientForm,
};
use shared::ids::OrganisationId;
use uuid::Uuid;

use super::authorize::scope_views;
use super::protocol::revoke_grant;
use super::{Scope, ScopeSet};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::{CurrentAgent, CurrentProfessional, codes};
use crate::entity::{oauth_client, oauth_grant, organisation, professional};
use crate::error::AppError;
use crate::services::audited;

fn refused(code: ApiErrorCode) -> AppError {
    AppError::refused(StatusCode::UNPROCESSABLE_ENTITY, code)
}

/// Whether a redirect URI may be registered: `https://` with a host, or `http://` on the
/// professional's own computer (`localhost`, `127.0.0.1`, `[::1]`), and no fragment.
#[must_use]
pub fn redirect_uri_ok(uri: &str) -> bool {
    if uri.len() > 2000 || uri.contains('#') || uri.chars().any(char::is_whitespace) {
        return false;
    }
    let Ok(url) = Url::parse(uri) else { return false };
    match url.scheme() {
        "https" => url.host_str().is_some_and(|h| !h.is_empty()),
        "http" => matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]")),
        _ => false,
    }
}

/// The form's values, checked: (name, redirect URIs, scopes).
fn checked(form: &SoftwareClientForm) -> Result<(String, Vec<String>, ScopeSet), AppError> {
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(refused(ApiErrorCode::FieldRequired));
    }
    if form.redirect_uris.len() > 20 || !form.redirect_uris.iter().all(|u| redirect_uri_ok(u)) {
        return Err(refused(ApiErrorCode::RedirectUriInvalid));
    }
    let mut uris: Vec<String> = Vec::new();
    for uri in &form.redirect_uris {
        if !uris.contains(uri) {
            uris.push(uri.clone());
        }
    }
    if form.allowed_scopes.is_empty()
        || form.allowed_scopes.len() > 50
        || !form.allowed_scopes.iter().all(|s| Scope::parse(s.trim()).is_some())
    {
        return Err(refused(ApiErrorCode::ScopeInvalid));
    }
    let scopes = ScopeSet::parse(&form.allowed_scopes.join(" "));
    Ok((name.to_owned(), uris, scopes))
}

async fn organisation_names(
    conn: &impl ConnectionTrait,
) -> Result<HashMap<Uuid, String>, AppError> {
    Ok(organisation::Entity::find().all(conn).await?.into_iter().map(|o| (o.id, o.name)).collect())
}

fn summary(
    client: oauth_client::Model,
    organisations: &HashMap<Uuid, String>,
    active_grants: u32,
) -> SoftwareClient {
    SoftwareClient {
        organisation_name: organisations.get(&client.organisation_id).cloned().unwrap_or_default(),
        organisation_id: OrganisationId(client.organisation_id),
        redirect_uris: client.redirect_uris.lines().map(str::to_owned).collect(),
        allowed_scopes: ScopeSet::parse(&client.allowed_scopes)
            .0
            .iter()
            .map(ToString::to_string)
            .collect(),
        confidential: client.secret_hash.is_some(),
        name: client.name,
        created_at: client.created_at,
        disabled_at: client.disabled_at,
        client_id: client.client_id,
        active_grants,
    }
}

async fn active_grants(
    conn: &impl ConnectionTrait,
    client_id: Option<&str>,
) -> Result<Vec<oauth_grant::Model>, AppError> {
    let mut query = oauth_grant::Entity::find().filter(oauth_grant::Column::RevokedAt.is_null());
    if let Some(id) = client_id {
        query = query.filter(oauth_grant::Column::ClientId.eq(id));
    }
    Ok(query.order_by_desc(oauth_grant::Column::CreatedAt).all(conn).await?)
}

async fn client_summary(
    conn: &impl ConnectionTrait,
    client: oauth_client::Model,
) -> Result<SoftwareClient, AppError> {
    let count = active_grants(conn, Some(&client.client_id)).await?.len();
    Ok(summary(client, &organisation_names(conn).await?, u32::try_from(count).unwrap_or(u32::MAX)))
}

/// Every registered client, with how many professionals have it connected now.
///
/// # Errors
/// Database.
pub async fn list(
    state: &AppState,
    _agent: &CurrentAgent,
) -> Result<Vec<SoftwareClient>, AppError> {
    let organisations = organisation_names(&state.db).await?;
    let mut counts: HashMap<String, u32> = HashMap::new();
    for grant in active_grants(&state.db, None).await? {
        *counts.entry(grant.client_id).or_default() += 1;
    }
    let clients = oauth_client::Entity::find()
        .order_by_asc(oauth_client::Column::Name)
        .all(&state.db)
        .await?;
    Ok(clients
        .into_iter()
        .map(|c| {
            let count = counts.get(&c.client_id).copied().unwrap_or(0);
            summary(c, &organisations, count)
        })
        .collect())
}

fn agent_event(agent: &CurrentAgent, action: &'static str, client_id: &str) -> Event {
    Event::new(action, Outcome::Success, Some((agent.0.role, agent.0.subject_id())))
        .target("software_client", client_id.to_owned())
}

/// Registers software for an organisation; the secret (confidential clients) is shown once.
///
/// # Errors
/// `field_required`, `redirect_uri_invalid`, `scope_invalid`, `not_found` (organisation).
pub async fn register(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    form: &SoftwareClientForm,
) -> Result<RegisteredSoftwareClient, AppError> {
    let (name, uris, scopes) = checked(form)?;
    let organisation_id = form.organisation_id.0;
    organisation::Entity::find_by_id(organisation_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let client_id = format!("dsp-{}", Uuid::new_v4().simple());
    let secret = form.confidential.then(codes::new_token);
    let now = state.clock.now();
    let event = agent_event(agent, "software_client_registered", &client_id)
        .with("name", name.clone())
        .with("organisation_id", organisation_id.to_string())
        .with("scopes", scopes.to_string())
        .with("confidential", form.confidential);
    audited(state, meta, event, async |txn, _| {
        let row = oauth_client::ActiveModel {
            client_id: Set(client_id.clone()),
            organisation_id: Set(organisation_id),
            name: Set(name.clone()),
            redirect_uris: Set(uris.join("\n")),
            allowed_scopes: Set(scopes.to_string()),
            secret_hash: Set(secret.as_deref().map(codes::hash)),
            created_at: Set(now),
            disabled_at: Set(None),
        }
        .insert(txn)
        .await?;
        Ok(RegisteredSoftwareClient {
            client: client_summary(txn, row).await?,
            client_secret: secret.clone(),
        })
    })
    .await
}

async fn find_client(
    conn: &impl ConnectionTrait,
    client_id: &str,
) -> Result<oauth_client::Model, AppError> {
    oauth_client::Entity::find_by_id(client_id.to_owned())
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// Changes a client's name, redirect URIs, scopes and whether it holds a secret (turning it
/// confidential needs a secret rotation to get one). Grants asking for more than the new scopes
/// end.
///
/// # Errors
/// As [`register`]; `not_found`.
pub async fn change(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    client_id: &str,
    form: &SoftwareClientForm,
) -> Result<SoftwareClient, AppError> {
    let (name, uris, scopes) = checked(form)?;
    let row = find_client(&state.db, client_id).await?;
    let now = state.clock.now();
    let event = agent_event(agent, "software_client_changed", client_id)
        .with("name", name.clone())
        .with("scopes", scopes.to_string())
        .with("confidential", form.confidential);
    audited(state, meta, event, async |txn, event| {
        let keep_secret = if form.confidential { row.secret_hash.clone() } else { None };
        let mut active: oauth_client::ActiveModel = row.clone().into();
        active.name = Set(name.clone());
        active.redirect_uris = Set(uris.join("\n"));
        active.allowed_scopes = Set(scopes.to_string());
        active.secret_hash = Set(keep_secret);
        let row = active.update(txn).await?;
        let mut ended = 0_u32;
        for grant in active_grants(txn, Some(client_id)).await? {
            if !ScopeSet::parse(&grant.scopes).within(&scopes)
                && revoke_grant(txn, grant.id, "scopes_changed", now).await?
            {
                ended += 1;
            }
        }
        *event = event.clone().with("grants_ended", ended);
        client_summary(txn, row).await
    })
    .await
}

/// Disables a client: every grant (and token) of it ends at once.
///
/// # Errors
/// `not_found`.
pub async fn disable(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    client_id: &str,
) -> Result<SoftwareClient, AppError> {
    let row = find_client(&state.db, client_id).await?;
    let now = state.clock.now();
    audited(
        state,
        meta,
        agent_event(agent, "software_client_disabled", client_id),
        async |txn, event| {
            let row = if row.disabled_at.is_none() {
                let mut active: oauth_client::ActiveModel = row.clone().into();
                active.disabled_at = Set(Some(now));
                active.update(txn).await?
            } else {
                row.clone()
            };
            let mut ended = 0_u32;
            for grant in active_grants(txn, Some(client_id)).await? {
                if revoke_grant(txn, grant.id, "client_disabled", now).await? {
                    ended += 1;
                }
            }
            *event = event.clone().with("grants_ended", ended);
            client_summary(txn, row).await
        },
    )
    .await
}

/// Gives a client a new secret (shown once; the old one stops working).
///
/// # Errors
/// `not_found`.
pub async fn rotate_secret(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    client_id: &str,
) -> Result<RegisteredSoftwareClient, AppError> {
    let row = find_client(&state.db, client_id).await?;
    let secret = codes::new_token();
    audited(
        state,
        meta,
        agent_event(agent, "software_client_secret_rotated", client_id),
        async |txn, _| {
            let mut active: oauth_client::ActiveModel = row.clone().into();
            active.secret_hash = Set(Some(codes::hash(&secret)));
            let row = active.update(txn).await?;
            Ok(RegisteredSoftwareClient {
                client: client_summary(txn, row).await?,
                client_secret: Some(secret.clone()),
            })
        },
    )
    .await
}

async fn connected(
    conn: &impl ConnectionTrait,
    grants: Vec<oauth_grant::Model>,
    with_names: bool,
) -> Result<Vec<ConnectedSoftware>, AppError> {
    let organisations = organisation_names(conn).await?;
    let mut clients: HashMap<String, oauth_client::Model> = HashMap::new();
    let mut out = Vec::with_capacity(grants.len());
    for grant in grants {
        if !clients.contains_key(&grant.client_id) {
            let client = find_client(conn, &grant.client_id).await?;
            clients.insert(grant.client_id.clone(), client);
        }
        let client = &clients[&grant.client_id];
        let professional_name = if with_names {
            professional::Entity::find_by_id(grant.professional_id)
                .one(conn)
                .await?
                .map(|p| format!("{} {}", p.given_name, p.family_name))
        } else {
            None
        };
        out.push(ConnectedSoftware {
            grant_id: grant.id,
            client_id: client.client_id.clone(),
            client_name: client.name.clone(),
            organisation_name: organisations
                .get(&client.organisation_id)
                .cloned()
                .unwrap_or_default(),
            scopes: scope_views(&ScopeSet::parse(&grant.scopes)),
            connected_at: grant.created_at,
            last_used_at: grant.last_used_at,
            professional_name,
        });
    }
    Ok(out)
}

/// The live grants of one client, with the professionals' names.
///
/// # Errors
/// `not_found`.
pub async fn client_grants(
    state: &AppState,
    _agent: &CurrentAgent,
    client_id: &str,
) -> Result<Vec<ConnectedSoftware>, AppError> {
    find_client(&state.db, client_id).await?;
    let grants = active_grants(&state.db, Some(client_id)).await?;
    connected(&state.db, grants, true).await
}

/// The software the professional has connected (live grants).
///
/// # Errors
/// Database.
pub async fn mine(
    state: &AppState,
    professional: &CurrentProfessional,
) -> Result<Vec<ConnectedSoftware>, AppError> {
    let grants = oauth_grant::Entity::find()
        .filter(oauth_grant::Column::ProfessionalId.eq(professional.0.subject_id()))
        .filter(oauth_grant::Column::RevokedAt.is_null())
        .order_by_desc(oauth_grant::Column::CreatedAt)
        .all(&state.db)
        .await?;
    connected(&state.db, grants, false).await
}

/// Ends a live grant; `mine_only`: only one of this professional's (else `not_found`).
async fn end_grant(
    state: &AppState,
    meta: &RequestMeta,
    actor: (shared::api::auth::Role, Uuid),
    grant_id: Uuid,
    mine_only: Option<Uuid>,
    reason: &'static str,
) -> Result<(), AppError> {
    let grant = oauth_grant::Entity::find_by_id(grant_id)
        .one(&state.db)
        .await?
        .filter(|g| g.revoked_at.is_none() && mine_only.is_none_or(|me| g.professional_id == me))
        .ok_or(AppError::NotFound)?;
    let client = find_client(&state.db, &grant.client_id).await?;
    let now = state.clock.now();
    let event = Event::new("oauth_grant_revoked", Outcome::Success, Some(actor))
        .target("oauth_grant", grant_id.to_string())
        .with("client_id", client.client_id)
        .with("client_name", client.name)
        .with("professional_id", grant.professional_id.to_string())
        .with("by", reason);
    audited(state, meta, event, async |txn, _| {
        if revoke_grant(txn, grant_id, reason, now).await? {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    })
    .await
}

/// The professional disconnects software.
///
/// # Errors
/// `not_found` (not theirs, or already ended).
pub async fn disconnect(
    state: &AppState,
    meta: &RequestMeta,
    professional: &CurrentProfessional,
    grant_id: Uuid,
) -> Result<(), AppError> {
    let me = professional.0.subject_id();
    end_grant(state, meta, (professional.0.role, me), grant_id, Some(me), "professional").await
}

/// The agency ends a professional's connection of software.
///
/// # Errors
/// `not_found`.
pub async fn revoke_by_agent(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    grant_id: Uuid,
) -> Result<(), AppError> {
    end_grant(state, meta, (agent.0.role, agent.0.subject_id()), grant_id, None, "agent").await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_uris_are_https_or_this_computer() {
        assert!(redirect_uri_ok("https://gp.example.lu/callback"));
        assert!(redirect_uri_ok("https://gp.example.lu/cb?x=1"));
        assert!(redirect_uri_ok("http://127.0.0.1:8765/callback"));
        assert!(redirect_uri_ok("http://localhost/callback"));
        assert!(!redirect_uri_ok("http://gp.example.lu/callback"));
        assert!(!redirect_uri_ok("https://gp.example.lu/cb#frag"));
        assert!(!redirect_uri_ok("ftp://gp.example.lu/cb"));
        assert!(!redirect_uri_ok("javascript:alert(1)"));
        assert!(!redirect_uri_ok("https://gp.example.lu/a b"));
        assert!(!redirect_uri_ok("http://localhost.evil.example/cb"));
    }
}
