//! Signing in with a passkey or security key (no username), re-verifying before sensitive
//! changes, and signing out.

use axum::http::StatusCode;
use chrono::TimeDelta;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter,
};
use shared::ApiErrorCode;
use shared::api::auth::{CeremonyOptions, Role};

use super::{
    SignedIn, audited, ceremony_refusal, open_session, policy, refuse, stored, subject_is_active,
};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::ceremony::{self, Purpose};
use crate::auth::webauthn::{CeremonyError, RelyingParty};
use crate::auth::{CurrentUser, codes, rate_limit, session};
use crate::entity::{credential, professional};
use crate::error::AppError;

/// How long a re-verification lets a session make sensitive changes.
pub const REVERIFY_WINDOW: TimeDelta = TimeDelta::minutes(5);

/// Starts a sign-in: options for any discoverable credential.
///
/// # Errors
/// Rate limit, database.
pub async fn start(state: &AppState, meta: &RequestMeta) -> Result<CeremonyOptions, AppError> {
    let now = state.clock.now();
    // The count and the ceremony in one durable commit, through the write gate. Over the limit,
    // the transaction is dropped: the count stays at the limit, which refuses the next try too.
    let txn = crate::db::begin_write(&state.db).await?;
    rate_limit::hit(
        &*txn,
        &format!("sign-in:{}", meta.client_key()),
        rate_limit::SIGN_IN_PER_CLIENT,
        now,
    )
    .await?;
    let started = state.rp.start_authentication()?;
    ceremony::store(&*txn, &started, Purpose::SignIn, None, None, now).await?;
    txn.commit().await?;
    Ok(CeremonyOptions { public_key: started.options })
}

/// A verified assertion: the credential row after its counter update.
struct Asserted {
    role: Role,
    credential: credential::Model,
}

/// Verifies an assertion for a stored ceremony of `purpose`, updates the credential's counter
/// (compare-and-set), and suspends a credential whose counter went backwards, ending every
/// session of its holder.
async fn verify_assertion(
    txn: &DatabaseTransaction,
    state: &AppState,
    body: &[u8],
    purpose: Purpose,
    event: &mut Event,
) -> Result<(Asserted, Option<String>), AppError> {
    let now = state.clock.now();
    let claims = RelyingParty::assertion_claims(body).map_err(ceremony_refusal)?;
    event.target = Some(("credential", claims.credential_id.clone()));
    let ceremony = ceremony::take(txn, &claims.challenge, purpose, now)
        .await?
        .ok_or_else(|| ceremony_refusal(CeremonyError::Expired))?;
    let row = credential::Entity::find_by_id(claims.credential_id.clone())
        .one(txn)
        .await?
        .filter(|c| c.subject_id == claims.holder)
        .ok_or_else(|| refuse(StatusCode::BAD_REQUEST, ApiErrorCode::UnknownCredential))?;
    let role = Role::parse(&row.subject_kind).ok_or(AppError::NotFound)?;
    event.actor = Some((role, row.subject_id));
    if row.suspended_at.is_some() {
        return Err(refuse(StatusCode::FORBIDDEN, ApiErrorCode::CredentialSuspended));
    }
    if !subject_is_active(txn, role, row.subject_id).await? {
        // A suspended licence says so (the helpdesk suspended it; it can reinstate it).
        let suspended = role == Role::Professional
            && professional::Entity::find_by_id(row.subject_id)
                .one(txn)
                .await?
                .is_some_and(|p| p.state == "suspended");
        let code = if suspended { ApiErrorCode::LicenceSuspended } else { ApiErrorCode::Forbidden };
        return Err(refuse(StatusCode::FORBIDDEN, code));
    }
    let verified =
        match state.rp.finish_authentication(&ceremony.state, body, &stored(&row), policy(role)) {
            Ok(v) => v,
            Err(CeremonyError::CounterRegression) => {
                // A possible cloned key: suspend it and end every session of its holder at once.
                // Nobody can tell the clone from the original, and whoever holds the clone may
                // have added a key of their own and signed in with it: all sessions are suspect,
                // not only those this key opened. The audit entry says why and how many ended.
                let mut suspended: credential::ActiveModel = row.clone().into();
                suspended.suspended_at = Set(Some(now));
                suspended.update(txn).await?;
                let ended = session::revoke_all(txn, row.subject_id, now).await?;
                *event = event
                    .clone()
                    .with("suspended", "signature counter went backwards")
                    .with("sessions_ended", ended);
                return Err(ceremony_refusal(CeremonyError::CounterRegression));
            }
            Err(e) => {
                *event = event.clone().with("reason", e.to_string());
                return Err(ceremony_refusal(e));
            }
        };
    // Compare-and-set: a concurrent sign-in with the same key must not lose an update.
    let updated = credential::Entity::update_many()
        .col_expr(credential::Column::DynamicState, Expr::value(verified.dynamic_state.clone()))
        .col_expr(credential::Column::SignCount, Expr::value(i64::from(verified.sign_count)))
        .col_expr(credential::Column::LastUsedAt, Expr::value(now))
        .filter(credential::Column::Id.eq(row.id.clone()))
        .filter(credential::Column::SignCount.eq(row.sign_count))
        .exec(txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(refuse(StatusCode::CONFLICT, ApiErrorCode::CredentialRejected));
    }
    Ok((Asserted { role, credential: row }, ceremony.binding))
}

/// Finishes a sign-in and opens a session.
///
/// # Errors
/// Refusals for every failed check, each audited.
pub async fn finish(
    state: &AppState,
    meta: &RequestMeta,
    previous_token: Option<&str>,
    body: &[u8],
) -> Result<SignedIn, AppError> {
    audited(state, meta, Event::new("sign_in", Outcome::Success, None), async |txn, event| {
        // Counted in the act's transaction: a refusal commits it with its audit entry; over the
        // limit nothing commits, and the count stays at the limit.
        if let Ok(claims) = RelyingParty::assertion_claims(body) {
            let key = format!("sign-in-credential:{}", claims.credential_id);
            rate_limit::hit(txn, &key, rate_limit::SIGN_IN_PER_CREDENTIAL, state.clock.now())
                .await?;
        }
        let (asserted, _) = verify_assertion(txn, state, body, Purpose::SignIn, event).await?;
        open_session(
            txn,
            state,
            meta,
            previous_token,
            asserted.role,
            asserted.credential.subject_id,
            &asserted.credential.id,
        )
        .await
    })
    .await
}

/// Signs out: ends the session the request carries (audited when there was one).
///
/// # Errors
/// Database.
pub async fn sign_out(
    state: &AppState,
    meta: &RequestMeta,
    token: Option<&str>,
) -> Result<(), AppError> {
    let Some(token) = token else { return Ok(()) };
    let now = state.clock.now();
    let hash = codes::hash(token);
    let Some(row) = crate::entity::session::Entity::find_by_id(hash.clone()).one(&state.db).await?
    else {
        return Ok(());
    };
    let actor = Role::parse(&row.subject_kind).map(|r| (r, row.subject_id));
    audited(
        state,
        meta,
        Event::new("sign_out", Outcome::Success, actor).target("session", row.id.to_string()),
        async |txn, _| session::revoke(txn, &hash, now).await,
    )
    .await
}

/// Starts a re-verification of the signed-in user.
///
/// # Errors
/// Database.
pub async fn reverify_start(
    state: &AppState,
    user: &CurrentUser,
) -> Result<CeremonyOptions, AppError> {
    let started = state.rp.start_authentication()?;
    ceremony::store(
        &state.db,
        &started,
        Purpose::Reverify,
        Some((user.role, user.subject_id())),
        Some(user.session.token_hash.clone()),
        state.clock.now(),
    )
    .await?;
    Ok(CeremonyOptions { public_key: started.options })
}

/// Finishes a re-verification: the same person, with one of their own credentials, in this
/// session. Sensitive changes are then allowed for [`REVERIFY_WINDOW`].
///
/// # Errors
/// Refusals, audited.
pub async fn reverify_finish(
    state: &AppState,
    meta: &RequestMeta,
    user: &CurrentUser,
    body: &[u8],
) -> Result<(), AppError> {
    let actor = Some((user.role, user.subject_id()));
    audited(
        state,
        meta,
        Event::new("reverification", Outcome::Success, actor),
        async |txn, event| {
            let (asserted, binding) =
                verify_assertion(txn, state, body, Purpose::Reverify, event).await?;
            if asserted.credential.subject_id != user.subject_id()
                || binding.as_deref() != Some(user.session.token_hash.as_str())
            {
                return Err(refuse(StatusCode::BAD_REQUEST, ApiErrorCode::CredentialRejected));
            }
            crate::entity::session::Entity::update_many()
                .col_expr(
                    crate::entity::session::Column::ReverifiedAt,
                    Expr::value(state.clock.now()),
                )
                .filter(
                    crate::entity::session::Column::TokenHash.eq(user.session.token_hash.clone()),
                )
                .exec(txn)
                .await?;
            Ok(())
        },
    )
    .await
}

/// Whether the session re-verified recently enough for a sensitive change.
#[must_use]
pub fn recently_verified(user: &CurrentUser, now: chrono::DateTime<chrono::Utc>) -> bool {
    user.session.reverified_at.is_some_and(|at| now - at <= REVERIFY_WINDOW)
}
