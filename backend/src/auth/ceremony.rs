//! Stored WebAuthn ceremonies: keyed by challenge, single-use, 5-minute expiry.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use shared::api::auth::Role;
use uuid::Uuid;

use crate::auth::webauthn::Started;
use crate::entity::ceremony;
use crate::error::AppError;

/// What a ceremony is for; checked at finish, so an answer cannot be replayed elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A patient registers their first passkey with the letter's code.
    Activate,
    /// A professional or agent registers a security key with an enrolment code.
    Enrol,
    /// A signed-in user adds a credential.
    AddCredential,
    /// Anyone signs in.
    SignIn,
    /// A signed-in user confirms with their credential before a sensitive change.
    Reverify,
}

impl Purpose {
    const fn as_str(self) -> &'static str {
        match self {
            Self::Activate => "activate",
            Self::Enrol => "enrol",
            Self::AddCredential => "add",
            Self::SignIn => "sign-in",
            Self::Reverify => "reverify",
        }
    }
}

/// How long a ceremony may take (the options say the same to the browser).
pub const TIME_TO_LIVE: chrono::TimeDelta = chrono::TimeDelta::minutes(5);

/// Stores a started ceremony; it expires [`TIME_TO_LIVE`] after `now`.
///
/// # Errors
/// When the insert fails.
pub async fn store(
    conn: &impl ConnectionTrait,
    started: &Started,
    purpose: Purpose,
    subject: Option<(Role, Uuid)>,
    binding: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    ceremony::ActiveModel {
        challenge: Set(started.challenge.clone()),
        purpose: Set(purpose.as_str().into()),
        subject_kind: Set(subject.map(|(r, _)| r.as_str().to_owned())),
        subject_id: Set(subject.map(|(_, id)| id)),
        binding: Set(binding),
        state: Set(started.state.clone()),
        // The server's clock decides; webauthn_rp also checks its own copy of the expiry.
        expires_at: Set(now + TIME_TO_LIVE),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Takes (reads and deletes) the ceremony for `challenge` if it has this purpose and has not
/// expired. Exactly one concurrent caller can take a ceremony: the delete must affect its row.
///
/// # Errors
/// Database errors. `Ok(None)` when there is no such live ceremony.
pub async fn take(
    conn: &impl ConnectionTrait,
    challenge: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<Option<ceremony::Model>, AppError> {
    let Some(row) = ceremony::Entity::find_by_id(challenge.to_owned()).one(conn).await? else {
        return Ok(None);
    };
    let deleted = ceremony::Entity::delete_many()
        .filter(ceremony::Column::Challenge.eq(challenge))
        .exec(conn)
        .await?;
    if deleted.rows_affected != 1 || row.purpose != purpose.as_str() || row.expires_at <= now {
        return Ok(None);
    }
    Ok(Some(row))
}

/// Deletes expired ceremonies (run now and then; expired ones are refused anyway).
///
/// # Errors
/// When the delete fails.
pub async fn purge_expired(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<u64, AppError> {
    let result = ceremony::Entity::delete_many()
        .filter(ceremony::Column::ExpiresAt.lt(now))
        .exec(conn)
        .await?;
    Ok(result.rows_affected)
}
