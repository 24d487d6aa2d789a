//! One's own passkeys / security keys and sessions: list, add and remove (each after a fresh
//! verification; never the last), rename, end sessions.

use axum::http::StatusCode;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use shared::ApiErrorCode;
use shared::api::auth::CeremonyOptions;
use shared::api::me::{CredentialSummary, RenameCredential, SessionSummary};
use uuid::Uuid;

use super::sign_in::recently_verified;
use super::verify_registration;
use super::{audited, ceremony_refusal, insert_credential, policy, refuse, stored_credentials};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::ceremony::{self, Purpose};
use crate::auth::webauthn::{CeremonyError, Holder};
use crate::auth::{CurrentUser, session};
use crate::entity::{credential, session as session_entity};
use crate::error::AppError;

fn summary(row: &credential::Model) -> CredentialSummary {
    CredentialSummary {
        id: row.id.clone(),
        name: row.name.clone(),
        created_at: row.created_at,
        last_used_at: row.last_used_at,
        synced: row.synced != 0,
        suspended: row.suspended_at.is_some(),
    }
}

/// The user's credentials, oldest first.
///
/// # Errors
/// Database.
pub async fn list(
    state: &AppState,
    user: &CurrentUser,
) -> Result<Vec<CredentialSummary>, AppError> {
    let rows = credential::Entity::find()
        .filter(credential::Column::SubjectId.eq(user.subject_id()))
        .order_by_asc(credential::Column::CreatedAt)
        .all(&state.db)
        .await?;
    Ok(rows.iter().map(summary).collect())
}

/// Starts adding a credential; needs a verification within the last minutes.
///
/// # Errors
/// `reverification_required`; database.
pub async fn add_start(state: &AppState, user: &CurrentUser) -> Result<CeremonyOptions, AppError> {
    if !recently_verified(user, state.clock.now()) {
        return Err(refuse(StatusCode::FORBIDDEN, ApiErrorCode::ReverificationRequired));
    }
    let subject = user.subject_id();
    let display = super::session_info(&state.db, user.role, subject, user.session.expires_at)
        .await?
        .display_name;
    let name = format!("{}-{}", user.role.as_str(), subject.simple());
    let existing = stored_credentials(&state.db, subject).await?;
    let started = state.rp.start_registration(
        &Holder { id: subject, name: &name, display_name: &display },
        &existing,
        policy(user.role),
    )?;
    ceremony::store(
        &state.db,
        &started,
        Purpose::AddCredential,
        Some((user.role, subject)),
        Some(user.session.token_hash.clone()),
        state.clock.now(),
    )
    .await?;
    Ok(CeremonyOptions { public_key: started.options })
}

/// Finishes adding a credential.
///
/// # Errors
/// Ceremony refusals; audited.
pub async fn add_finish(
    state: &AppState,
    meta: &RequestMeta,
    user: &CurrentUser,
    body: &[u8],
    name: Option<String>,
) -> Result<CredentialSummary, AppError> {
    let now = state.clock.now();
    let actor = Some((user.role, user.subject_id()));
    audited(
        state,
        meta,
        Event::new("credential_added", Outcome::Success, actor),
        async |txn, event| {
            let registered =
                verify_registration(txn, state, body, Purpose::AddCredential, event).await?;
            if registered.binding.as_deref() != Some(user.session.token_hash.as_str())
                || registered.subject_id != user.subject_id()
            {
                return Err(ceremony_refusal(CeremonyError::Expired));
            }
            let row = insert_credential(
                txn,
                user.role,
                user.subject_id(),
                &registered.credential,
                name,
                now,
            )
            .await?;
            *event = event.clone().target("credential", row.id.clone());
            Ok(summary(&row))
        },
    )
    .await
}

async fn own_credential(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
) -> Result<credential::Model, AppError> {
    credential::Entity::find_by_id(id.to_owned())
        .one(&state.db)
        .await?
        .filter(|c| c.subject_id == user.subject_id())
        .ok_or(AppError::NotFound)
}

/// Renames one of the user's credentials.
///
/// # Errors
/// `not_found` for someone else's; `invalid_request` for an empty or long name.
pub async fn rename(
    state: &AppState,
    meta: &RequestMeta,
    user: &CurrentUser,
    id: &str,
    input: &RenameCredential,
) -> Result<CredentialSummary, AppError> {
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 60 {
        return Err(AppError::InvalidRequest("a name has 1 to 60 characters".into()));
    }
    let row = own_credential(state, user, id).await?;
    let actor = Some((user.role, user.subject_id()));
    let event = Event::new("credential_renamed", Outcome::Success, actor)
        .target("credential", id)
        .with("name", name);
    audited(state, meta, event, async |txn, _| {
        let mut active: credential::ActiveModel = row.into();
        active.name = Set(name.to_owned());
        Ok(summary(&active.update(txn).await?))
    })
    .await
}

/// Removes one of the user's credentials and ends the sessions that were opened with it. Like
/// adding one, it needs a verification within the last minutes; the last usable credential is
/// never removed (a lost one is replaced through the agency: a recovery letter or a new
/// enrolment code).
///
/// # Errors
/// `not_found`, `reverification_required`, `last_credential`; audited.
pub async fn remove(
    state: &AppState,
    meta: &RequestMeta,
    user: &CurrentUser,
    id: &str,
) -> Result<(), AppError> {
    let row = own_credential(state, user, id).await?;
    let now = state.clock.now();
    let actor = Some((user.role, user.subject_id()));
    audited(
        state,
        meta,
        Event::new("credential_removed", Outcome::Success, actor).target("credential", id),
        async |txn, _| {
            if !recently_verified(user, now) {
                return Err(refuse(StatusCode::FORBIDDEN, ApiErrorCode::ReverificationRequired));
            }
            let usable = credential::Entity::find()
                .filter(credential::Column::SubjectId.eq(user.subject_id()))
                .filter(credential::Column::SuspendedAt.is_null())
                .all(txn)
                .await?;
            if row.suspended_at.is_none() && usable.len() <= 1 {
                return Err(refuse(StatusCode::CONFLICT, ApiErrorCode::LastCredential));
            }
            credential::Entity::delete_by_id(row.id.clone()).exec(txn).await?;
            let sessions = session_entity::Entity::find()
                .filter(session_entity::Column::CredentialId.eq(row.id.clone()))
                .filter(session_entity::Column::RevokedAt.is_null())
                .all(txn)
                .await?;
            for s in sessions {
                session::revoke(txn, &s.token_hash, now).await?;
            }
            // Software connected with this key loses its grants with it (and says so at once,
            // not only when its next request finds the key gone).
            crate::oauth::protocol::revoke_for_credential(txn, &row.id, "key_removed", now).await?;
            Ok(())
        },
    )
    .await
}

/// The user's live sessions, newest first.
///
/// # Errors
/// Database.
pub async fn sessions(
    state: &AppState,
    user: &CurrentUser,
) -> Result<Vec<SessionSummary>, AppError> {
    let now = state.clock.now();
    let rows = session_entity::Entity::find()
        .filter(session_entity::Column::SubjectId.eq(user.subject_id()))
        .filter(session_entity::Column::RevokedAt.is_null())
        .order_by_desc(session_entity::Column::CreatedAt)
        .all(&state.db)
        .await?;
    Ok(rows
        .into_iter()
        .filter(|s| session::is_live(s, user.role, now))
        .map(|s| SessionSummary {
            current: s.token_hash == user.session.token_hash,
            id: s.id,
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
            user_agent: s.user_agent,
        })
        .collect())
}

/// Ends one of the user's sessions.
///
/// # Errors
/// `not_found` for someone else's; audited.
pub async fn end_session(
    state: &AppState,
    meta: &RequestMeta,
    user: &CurrentUser,
    id: Uuid,
) -> Result<(), AppError> {
    let row = session_entity::Entity::find()
        .filter(session_entity::Column::Id.eq(id))
        .filter(session_entity::Column::SubjectId.eq(user.subject_id()))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let actor = Some((user.role, user.subject_id()));
    audited(
        state,
        meta,
        Event::new("session_ended", Outcome::Success, actor).target("session", id.to_string()),
        async |txn, _| session::revoke(txn, &row.token_hash, now).await,
    )
    .await
}
