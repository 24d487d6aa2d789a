//! A patient activates their record: national ID + the letter's activation code, then a passkey.
//!
//! Answers never reveal whether a national ID exists: a wrong code and an unknown ID get the same
//! refusal, count against the same per-ID lock-out (5 wrong codes), and cost the same work (the
//! same statements, the same hashing, and a floor on the answer's time).
//!
//! A letter for a record that already has passkeys is a recovery letter: its code registers a
//! new passkey that replaces all the others, and ends every session (see [`finish`]).

use axum::http::StatusCode;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use shared::api::agency::RecordState;
use shared::api::auth::{ActivationOptions, ActivationStart, Role};
use shared::{ApiErrorCode, NationalId};

use super::emergency::notify_patient;
use super::verify_registration;
use super::{SignedIn, audited, insert_credential, open_session, refuse, stored_credentials};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::ceremony::{self, Purpose};
use crate::auth::webauthn::{Holder, Policy};
use crate::auth::{codes, rate_limit, session};
use crate::entity::{activation_code, activation_failure, credential, patient};
use crate::error::AppError;

/// Wrong codes allowed per national ID before it is locked until a new letter.
pub const MAX_FAILURES: i32 = 5;

/// Checks the national ID and code; on success starts registering the patient's passkey, and
/// says whether the letter is a recovery letter (the record already has passkeys).
///
/// Every answer leaves no earlier than the floor (`DSP_NOT_FOUND_FLOOR_MS`), on top of the same
/// statements and the same hashing for a known and an unknown national ID.
///
/// # Errors
/// `invalid_national_id`, `activation_failed`, `activation_locked`, rate limits; audited.
pub async fn start(
    state: &AppState,
    meta: &RequestMeta,
    input: &ActivationStart,
) -> Result<ActivationOptions, AppError> {
    let arrived = tokio::time::Instant::now();
    let answer = check_and_start(state, meta, input).await;
    tokio::time::sleep_until(arrived + state.config.not_found_floor).await;
    answer
}

async fn check_and_start(
    state: &AppState,
    meta: &RequestMeta,
    input: &ActivationStart,
) -> Result<ActivationOptions, AppError> {
    let now = state.clock.now();
    let typed_hash = codes::hash_code(&input.activation_code);
    // The counts, the checks and the audit entry in one durable commit. Over a limit nothing
    // commits, and the count stays at the limit, which refuses the next try too.
    audited(
        state,
        meta,
        Event::new("activation_attempt", Outcome::Success, None),
        async |txn, event| {
            let client = format!("activation:{}", meta.client_key());
            rate_limit::hit(txn, &client, rate_limit::ACTIVATION_PER_CLIENT, now).await?;
            let national_id = NationalId::parse(&input.national_id).map_err(|_| {
                refuse(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::InvalidNationalId)
            })?;
            let per_id = format!("activation-id:{national_id}");
            rate_limit::hit(txn, &per_id, rate_limit::ACTIVATION_PER_ID, now).await?;
            let failures = activation_failure::Entity::find_by_id(national_id.to_string())
                .one(txn)
                .await?
                .map_or(0, |f| f.failures);
            // The record and its code in one statement, found or not.
            let (patient, code) = patient::Entity::find()
                .filter(patient::Column::NationalId.eq(national_id.as_str()))
                .find_also_related(activation_code::Entity)
                .one(txn)
                .await?
                .map_or((None, None), |(p, c)| (Some(p), c));
            if let Some(p) = &patient {
                event.patient_id = Some(p.id);
                event.actor = Some((Role::Patient, p.id));
            }
            if failures >= MAX_FAILURES {
                return Err(refuse(StatusCode::LOCKED, ApiErrorCode::ActivationLocked));
            }
            // Without a code, the typed one is compared with a hash no code has: the same work.
            let stored_hash = code.as_ref().map_or(NO_CODE_HASH, |c| c.code_hash.as_str());
            let hash_matches = constant_time_eq(stored_hash, &typed_hash);
            let usable = code.as_ref().is_some_and(|c| c.used_at.is_none() && c.expires_at > now)
                && patient.as_ref().is_some_and(|p| p.record_state != RecordState::Closed.as_str());
            let (Some(patient), true) = (patient, hash_matches && usable) else {
                let failures = record_failure(txn, &national_id, now).await?;
                return Err(if failures >= MAX_FAILURES {
                    refuse(StatusCode::LOCKED, ApiErrorCode::ActivationLocked)
                } else {
                    refuse(StatusCode::BAD_REQUEST, ApiErrorCode::ActivationFailed)
                });
            };
            let display = format!("{} {}", patient.given_name, patient.family_name);
            let holder =
                Holder { id: patient.id, name: national_id.as_str(), display_name: &display };
            let existing = stored_credentials(txn, patient.id).await?;
            let started = state.rp.start_registration(&holder, &existing, Policy::Passkey)?;
            ceremony::store(
                txn,
                &started,
                Purpose::Activate,
                Some((Role::Patient, patient.id)),
                Some(typed_hash.clone()),
                state.clock.now(),
            )
            .await?;
            Ok(ActivationOptions { public_key: started.options, recovery: !existing.is_empty() })
        },
    )
    .await
}

/// A hash that no code has (SHA-256 hex is never all zeros in practice): what a typed code is
/// compared with when the national ID has no record or the record no code.
pub(crate) const NO_CODE_HASH: &str =
    "0000000000000000000000000000000000000000000000000000000000000000";

/// Registers the passkey, uses up the code, activates the record and signs the patient in.
///
/// A record that already has passkeys is being recovered (the letter was a recovery letter): the
/// new passkey replaces every other one, every session of the patient ends, and the patient is
/// told in the app; audited as `credential_recovery`, with what it removed and ended.
///
/// # Errors
/// `ceremony_expired`, `activation_failed` (code used meanwhile), credential refusals; audited.
pub async fn finish(
    state: &AppState,
    meta: &RequestMeta,
    previous_token: Option<&str>,
    body: &[u8],
    name: Option<String>,
) -> Result<SignedIn, AppError> {
    let now = state.clock.now();
    audited(state, meta, Event::new("activation", Outcome::Success, None), async |txn, event| {
        let registered = verify_registration(txn, state, body, Purpose::Activate, event).await?;
        let patient_id = registered.subject_id;
        event.patient_id = Some(patient_id);
        // Single use: only the code this ceremony was started with, and only once.
        let used = activation_code::Entity::update_many()
            .col_expr(activation_code::Column::UsedAt, Expr::value(now))
            .filter(activation_code::Column::PatientId.eq(patient_id))
            .filter(activation_code::Column::UsedAt.is_null())
            .filter(
                activation_code::Column::CodeHash
                    .eq(registered.binding.clone().unwrap_or_default()),
            )
            .exec(txn)
            .await?;
        if used.rows_affected != 1 {
            return Err(refuse(StatusCode::BAD_REQUEST, ApiErrorCode::ActivationFailed));
        }
        let credential =
            insert_credential(txn, Role::Patient, patient_id, &registered.credential, name, now)
                .await?;
        *event = event.clone().target("credential", credential.id.clone());
        // Only after every check that can refuse (a refusal commits with its audit entry): a
        // recovery removes the other passkeys.
        let revoked = credential::Entity::delete_many()
            .filter(credential::Column::SubjectId.eq(patient_id))
            .filter(credential::Column::Id.ne(credential.id.clone()))
            .exec(txn)
            .await?
            .rows_affected;
        if revoked > 0 {
            let sessions_ended = session::revoke_all(txn, patient_id, now).await?;
            event.action = "credential_recovery";
            *event = event
                .clone()
                .with("revoked_credentials", revoked)
                .with("sessions_ended", sessions_ended);
            let detail = serde_json::json!({
                "revoked_credentials": revoked,
                "sessions_ended": sessions_ended,
            });
            notify_patient(txn, patient_id, "credential_recovery", &detail, now).await?;
        }
        let record =
            patient::Entity::find_by_id(patient_id).one(txn).await?.ok_or(AppError::NotFound)?;
        if record.record_state == RecordState::Created.as_str() {
            let mut active: patient::ActiveModel = record.into();
            active.record_state = Set(RecordState::Activated.as_str().into());
            active.activated_at = Set(Some(now));
            active.update(txn).await?;
        }
        open_session(txn, state, meta, previous_token, Role::Patient, patient_id, &credential.id)
            .await
    })
    .await
}

/// Counts a wrong code against a national ID (known or not) and returns the new count.
async fn record_failure(
    conn: &impl ConnectionTrait,
    national_id: &NationalId,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i32, AppError> {
    activation_failure::Entity::insert(activation_failure::ActiveModel {
        national_id: Set(national_id.to_string()),
        failures: Set(1),
        last_failure_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(activation_failure::Column::NationalId)
            .value(
                activation_failure::Column::Failures,
                Expr::col((activation_failure::Entity, activation_failure::Column::Failures))
                    .add(1),
            )
            .value(activation_failure::Column::LastFailureAt, now)
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(activation_failure::Entity::find_by_id(national_id.to_string())
        .one(conn)
        .await?
        .map_or(1, |f| f.failures))
}

/// Compares two hex digests without an early exit.
pub(crate) fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
