//! Use cases: load facts → decide → act → audit, in one transaction. Handlers call exactly one
//! function here; nothing here knows about HTTP beyond the error type.

pub mod activation;
pub mod agency;
pub mod agents;
pub mod care;
pub mod credentials;
pub mod documents;
pub mod emergency;
pub mod enrolment;
pub mod figures;
pub mod helpdesk;
pub mod history;
pub mod imports;
pub mod life;
pub mod objection;
pub mod opening;
pub mod practice;
pub mod purge;
pub mod record_export;
pub mod sign_in;
pub mod wishes;
pub mod worklist;

use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::LikeExpr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, QueryFilter, TransactionTrait as _,
};
use shared::api::auth::{Role, SessionInfo};
use shared::{ApiErrorCode, Language, Profession};
use uuid::Uuid;

use crate::app::AppState;
use crate::audit::{self, Event, Outcome, RequestMeta};
use crate::auth::ceremony::{self, Purpose};
use crate::auth::session;
use crate::auth::webauthn::{CeremonyError, NewCredential, RelyingParty, StoredCredential};
use crate::entity::{agent, credential, patient, professional};
use crate::error::AppError;

/// A refusal with its status and code.
pub(crate) const fn refuse(status: StatusCode, code: ApiErrorCode) -> AppError {
    AppError::refused(status, code)
}

/// The refusal for anything the caller may not know about: a record or document that is hidden
/// from them answers exactly like one that does not exist, but is audited (unlike a plain 404).
pub(crate) const fn hidden() -> AppError {
    refuse(StatusCode::NOT_FOUND, ApiErrorCode::NotFound)
}

/// The `LIKE` pattern for "contains `text`" (lower-cased, to compare with a lower-cased column)
/// in which `%` and `_` typed by a person are letters, not wildcards. `!` escapes them, declared
/// by an `ESCAPE` clause: a backslash would not do, being PostgreSQL's default escape but a plain
/// letter to SQLite.
pub(crate) fn contains_pattern(text: &str) -> LikeExpr {
    const ESCAPE: char = '!';
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | ESCAPE) {
            pattern.push(ESCAPE);
        }
        pattern.push(c);
    }
    pattern.push('%');
    LikeExpr::new(pattern).escape(ESCAPE)
}

/// The refusal for a failed ceremony.
pub(crate) const fn ceremony_refusal(e: CeremonyError) -> AppError {
    let code = match e {
        CeremonyError::Expired => ApiErrorCode::CeremonyExpired,
        CeremonyError::Synced => ApiErrorCode::SyncedCredentialRefused,
        CeremonyError::NotVerified => ApiErrorCode::UserVerificationRequired,
        CeremonyError::CounterRegression => ApiErrorCode::CredentialSuspended,
        CeremonyError::Rejected(_) => ApiErrorCode::CredentialRejected,
    };
    refuse(StatusCode::BAD_REQUEST, code)
}

/// Runs `act` in a transaction and audits it there: on success the event `base` with outcome
/// success (plus what `act` adds), on a refusal the same event as a failure with its code. A
/// refusal still commits (the audit entry, a consumed ceremony, a suspended key); an internal
/// error rolls everything back.
pub(crate) async fn audited<T, F>(
    state: &AppState,
    meta: &RequestMeta,
    base: Event,
    act: F,
) -> Result<T, AppError>
where
    F: AsyncFnOnce(&DatabaseTransaction, &mut Event) -> Result<T, AppError>,
{
    let now = state.clock.now();
    let txn = crate::db::begin_write(&state.db).await?;
    let mut event = base;
    match act(&*txn, &mut event).await {
        Ok(value) => {
            event.outcome = Outcome::Success;
            audit::append(&*txn, meta, event, now).await?;
            txn.commit().await?;
            Ok(value)
        }
        Err(AppError::Refused(status, code)) => {
            event.outcome = Outcome::Failure;
            let event = event.with("refused", code.as_str());
            audit::append(&*txn, meta, event, now).await?;
            txn.commit().await?;
            Err(AppError::Refused(status, code))
        }
        Err(AppError::RateLimited(seconds)) => {
            drop(txn);
            Err(AppError::RateLimited(seconds))
        }
        Err(other) => Err(other),
    }
}

/// Like [`audited`], for an act made of several parts that stand or fall together, each audited
/// with its own entry (`events`, one per part; `act` sets `part` to the index of the part it
/// works on). On success every entry is written with the act, in its transaction. On a refusal
/// of any part nothing of the act is kept: the transaction is rolled back and only the refused
/// part's entry (a failure with its code) is written, in a transaction of its own.
pub(crate) async fn audited_all<T, F>(
    state: &AppState,
    meta: &RequestMeta,
    events: Vec<Event>,
    act: F,
) -> Result<T, AppError>
where
    F: AsyncFnOnce(&DatabaseTransaction, &mut [Event], &mut usize) -> Result<T, AppError>,
{
    let now = state.clock.now();
    let txn = crate::db::begin_write(&state.db).await?;
    let mut events = events;
    let mut part = 0;
    match act(&*txn, &mut events, &mut part).await {
        Ok(value) => {
            for mut event in events {
                event.outcome = Outcome::Success;
                audit::append(&*txn, meta, event, now).await?;
            }
            txn.commit().await?;
            Ok(value)
        }
        Err(AppError::Refused(status, code)) => {
            drop(txn);
            if part >= events.len() {
                return Err(AppError::Refused(status, code));
            }
            let mut event = events.swap_remove(part);
            event.outcome = Outcome::Failure;
            let event = event.with("refused", code.as_str());
            let txn = crate::db::begin_write(&state.db).await?;
            audit::append(&*txn, meta, event, now).await?;
            txn.commit().await?;
            Err(AppError::Refused(status, code))
        }
        Err(other) => Err(other),
    }
}

/// Like [`audited`], for an act that only reads: `act` decides and gathers in a read
/// transaction (no write lock held while it works), then the entry (success, or the refusal)
/// goes through the grouped audit writer, and the answer leaves only once the entry is durable.
/// A professional's first access to a record not yet activated (`first_access`, set by `act`)
/// is notified in the same commit as the entry.
pub(crate) async fn audited_read<T, F>(
    state: &AppState,
    meta: &RequestMeta,
    base: Event,
    act: F,
) -> Result<T, AppError>
where
    F: AsyncFnOnce(
        &DatabaseTransaction,
        &mut Event,
        &mut Option<audit::writer::FirstAccess>,
    ) -> Result<T, AppError>,
{
    let now = state.clock.now();
    let txn = state.db.begin().await?;
    let mut event = base;
    let mut first_access = None;
    let outcome = act(&txn, &mut event, &mut first_access).await;
    txn.rollback().await?;
    match outcome {
        Ok(value) => {
            event.outcome = Outcome::Success;
            state.audit.append(meta.clone(), event, now, first_access).await?;
            Ok(value)
        }
        Err(AppError::Refused(status, code)) => {
            event.outcome = Outcome::Failure;
            let event = event.with("refused", code.as_str());
            state.audit.append(meta.clone(), event, now, None).await?;
            Err(AppError::Refused(status, code))
        }
        Err(other) => Err(other),
    }
}

/// A registration that verified against its stored ceremony.
pub(crate) struct Registered {
    pub role: Role,
    pub subject_id: Uuid,
    /// What the ceremony was bound to (code hash, session token hash).
    pub binding: Option<String>,
    pub credential: NewCredential,
}

/// Takes the stored ceremony a registration answers (single use) and verifies the registration
/// with the policy of the ceremony's subject; records the actor, and a refusal's reason, in the
/// event.
pub(crate) async fn verify_registration(
    txn: &DatabaseTransaction,
    state: &AppState,
    body: &[u8],
    purpose: Purpose,
    event: &mut Event,
) -> Result<Registered, AppError> {
    let challenge = RelyingParty::registration_challenge(body).map_err(ceremony_refusal)?;
    let ceremony = ceremony::take(txn, &challenge, purpose, state.clock.now())
        .await?
        .ok_or_else(|| ceremony_refusal(CeremonyError::Expired))?;
    let role = ceremony.subject_kind.as_deref().and_then(Role::parse).ok_or(AppError::NotFound)?;
    let subject_id = ceremony.subject_id.ok_or(AppError::NotFound)?;
    event.actor = Some((role, subject_id));
    let credential =
        state.rp.finish_registration(&ceremony.state, body, policy(role)).map_err(|e| {
            *event = event.clone().with("reason", e.to_string());
            ceremony_refusal(e)
        })?;
    Ok(Registered { role, subject_id, binding: ceremony.binding, credential })
}

/// The credentials of a subject, as the relying party needs them.
pub(crate) async fn stored_credentials(
    conn: &impl ConnectionTrait,
    subject_id: Uuid,
) -> Result<Vec<StoredCredential>, AppError> {
    Ok(credential::Entity::find()
        .filter(credential::Column::SubjectId.eq(subject_id))
        .all(conn)
        .await?
        .iter()
        .map(stored)
        .collect())
}

pub(crate) fn stored(row: &credential::Model) -> StoredCredential {
    StoredCredential {
        id: row.id.clone(),
        holder: row.subject_id,
        static_state: row.static_state.clone(),
        dynamic_state: row.dynamic_state.clone(),
        transports: u8::try_from(row.transports).unwrap_or(0),
    }
}

/// Stores a newly registered credential; a credential id already registered is refused.
pub(crate) async fn insert_credential(
    conn: &impl ConnectionTrait,
    role: Role,
    subject_id: Uuid,
    new: &NewCredential,
    name: Option<String>,
    now: DateTime<Utc>,
) -> Result<credential::Model, AppError> {
    if credential::Entity::find_by_id(new.id.clone()).one(conn).await?.is_some() {
        return Err(refuse(StatusCode::BAD_REQUEST, ApiErrorCode::CredentialRejected));
    }
    let default_name = match role {
        Role::Patient => "Passkey",
        Role::Professional | Role::Agent => "Security key",
    };
    let name = name
        .map(|n| n.trim().chars().take(60).collect::<String>())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| default_name.to_owned());
    Ok(credential::ActiveModel {
        id: Set(new.id.clone()),
        subject_kind: Set(role.as_str().into()),
        subject_id: Set(subject_id),
        static_state: Set(new.static_state.clone()),
        dynamic_state: Set(new.dynamic_state.clone()),
        sign_count: Set(i64::from(new.sign_count)),
        transports: Set(i32::from(new.transports)),
        synced: Set(i32::from(new.synced)),
        name: Set(name),
        created_at: Set(now),
        last_used_at: Set(None),
        suspended_at: Set(None),
    }
    .insert(conn)
    .await?)
}

/// Who is signed in, for the app.
pub(crate) async fn session_info(
    conn: &impl ConnectionTrait,
    role: Role,
    subject_id: Uuid,
    expires_at: DateTime<Utc>,
) -> Result<SessionInfo, AppError> {
    let (display_name, profession, preferred_language) = match role {
        Role::Patient => {
            let p = patient::Entity::find_by_id(subject_id)
                .one(conn)
                .await?
                .ok_or(AppError::NotFound)?;
            (
                format!("{} {}", p.given_name, p.family_name),
                None,
                Language::from_tag(&p.preferred_language),
            )
        }
        Role::Professional => {
            let p = professional::Entity::find_by_id(subject_id)
                .one(conn)
                .await?
                .ok_or(AppError::NotFound)?;
            (
                format!("{} {}", p.given_name, p.family_name),
                Profession::from_code(&p.profession),
                None,
            )
        }
        Role::Agent => {
            let a =
                agent::Entity::find_by_id(subject_id).one(conn).await?.ok_or(AppError::NotFound)?;
            (a.display_name, None, None)
        }
    };
    Ok(SessionInfo {
        role,
        subject_id,
        display_name,
        profession,
        preferred_language,
        idle_timeout_seconds: u32::try_from(session::idle_timeout(role).num_seconds()).unwrap_or(0),
        expires_at,
    })
}

/// Whether a professional or agent may still sign in (active in the directory).
pub(crate) async fn subject_is_active(
    conn: &impl ConnectionTrait,
    role: Role,
    subject_id: Uuid,
) -> Result<bool, AppError> {
    Ok(match role {
        Role::Patient => patient::Entity::find_by_id(subject_id).one(conn).await?.is_some(),
        Role::Professional => professional::Entity::find_by_id(subject_id)
            .one(conn)
            .await?
            .is_some_and(|p| p.state == "active"),
        Role::Agent => agent::Entity::find_by_id(subject_id)
            .one(conn)
            .await?
            .is_some_and(|a| a.state == "active"),
    })
}

/// The authenticator policy of a role.
pub(crate) const fn policy(role: Role) -> crate::auth::webauthn::Policy {
    match role {
        Role::Patient => crate::auth::webauthn::Policy::Passkey,
        Role::Professional | Role::Agent => crate::auth::webauthn::Policy::SecurityKey,
    }
}

/// A finished sign-in (activation, enrolment or plain): the session to install.
#[derive(Debug)]
pub struct SignedIn {
    /// The cookie's token.
    pub token: String,
    /// Who is signed in.
    pub info: SessionInfo,
}

/// Opens a session for a verified subject, ending the session the request came with (no
/// session fixation: the token always changes at sign-in).
pub(crate) async fn open_session(
    txn: &DatabaseTransaction,
    state: &AppState,
    meta: &RequestMeta,
    previous_token: Option<&str>,
    role: Role,
    subject_id: Uuid,
    credential_id: &str,
) -> Result<SignedIn, AppError> {
    let now = state.clock.now();
    if let Some(previous) = previous_token {
        session::revoke(txn, &crate::auth::codes::hash(previous), now).await?;
    }
    let (token, row) = session::create(
        txn,
        role,
        subject_id,
        Some(credential_id.to_owned()),
        meta.user_agent.clone(),
        now,
    )
    .await?;
    let info = session_info(txn, role, subject_id, row.expires_at).await?;
    Ok(SignedIn { token, info })
}
