//! A way in for records nobody activated: the practice code.
//!
//! Every information letter carries, besides the activation code, a personal practice code (only
//! its hash is kept). At a visit the patient reads it out, and the professional opens a 15-day
//! consultation link with the patient's national ID and that code, as with a connection code from
//! the portal: the code in the patient's hands is the consent. It works once; a new letter (the
//! agency re-issues one) or a new code made in the portal replaces it, and the patient can switch
//! it off in the portal.
//!
//! Nothing weaker than a connection code: the same codes (about 59 bits, hashed), single use, an
//! expiry, and on top of the connection code's rate limits a lock-out per national ID (5 wrong
//! codes, known ID or not, until a new code) and per professional (10 wrong codes a day). Answers
//! never reveal whether a national ID exists: a wrong, used, expired or switched-off code, an
//! unknown ID and a record the rules keep closed get the same refusal after the same work and a
//! floor on the answer's time. Every attempt is audited (`link_opened` via `practice_code`), the
//! opening is decided by the one decision function ([`Action::OpenPracticeConsultation`]), and
//! the patient is told of each use (a notification, and the letter says so).

use axum::http::StatusCode;
use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::QueryFilter;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait};
use shared::api::auth::Role;
use shared::api::care::{
    ConsultationOpened, LinkContext, OpenPracticeConsultation, PracticeCode, PracticeCodeState,
};
use shared::ids::PatientId;
use shared::{ApiErrorCode, NationalId};

use super::activation::{NO_CODE_HASH, constant_time_eq};
use super::care::{NewLink, insert_link, record_facts};
use super::emergency::notify_patient;
use super::{audited, refuse};
use crate::access::{self, Action};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::rate_limit::{self, Limit};
use crate::auth::{CurrentPatient, CurrentProfessional, codes};
use crate::entity::{patient, practice_code, practice_failure};
use crate::error::AppError;

/// How long a practice code works from its letter (or the portal).
pub const PRACTICE_CODE_LIFETIME: TimeDelta = TimeDelta::days(365);
/// Wrong practice codes per national ID before it is locked until a new code.
pub const MAX_FAILURES: i32 = 5;
/// Wrong practice codes a professional may type in a day, whatever the records.
pub const FAILURES_PER_PROFESSIONAL: Limit = Limit { max: 10, window_seconds: 86_400 };
/// How long a link opened with a practice code lasts, like a connection code's.
const LINK_LENGTH: TimeDelta = TimeDelta::days(15);

/// Replaces the patient's practice code with a new one and lifts a lock-out on their national
/// ID; the caller audits the act it is part of (a letter, the patient in the portal).
///
/// # Errors
/// Database.
pub(crate) async fn issue_code(
    txn: &impl ConnectionTrait,
    record: &patient::Model,
    now: DateTime<Utc>,
) -> Result<PracticeCode, AppError> {
    let code = codes::new_code();
    let expires_at = now + PRACTICE_CODE_LIFETIME;
    practice_code::Entity::delete_by_id(record.id).exec(txn).await?;
    practice_code::ActiveModel {
        patient_id: Set(record.id),
        code_hash: Set(codes::hash_code(&code)),
        issued_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
    }
    .insert(txn)
    .await?;
    practice_failure::Entity::delete_by_id(record.national_id.clone()).exec(txn).await?;
    Ok(PracticeCode { code, expires_at })
}

/// The patient's current practice code (not the code: only its hash is kept), or none.
///
/// # Errors
/// Database.
pub async fn current(
    state: &AppState,
    patient: &CurrentPatient,
) -> Result<Option<PracticeCodeState>, AppError> {
    let id = patient.0.subject_id();
    let Some(record) = patient::Entity::find_by_id(id).one(&state.db).await? else {
        return Err(AppError::NotFound);
    };
    let Some(code) = practice_code::Entity::find_by_id(id).one(&state.db).await? else {
        return Ok(None);
    };
    let failures = practice_failure::Entity::find_by_id(record.national_id)
        .one(&state.db)
        .await?
        .map_or(0, |f| f.failures);
    Ok(Some(PracticeCodeState {
        issued_at: code.issued_at,
        expires_at: code.expires_at,
        used_at: code.used_at,
        locked: failures >= MAX_FAILURES,
    }))
}

/// The patient makes a new practice code (shown once), which voids the previous one.
///
/// # Errors
/// `invalid_request` for a closed record; audited.
pub async fn renew(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
) -> Result<PracticeCode, AppError> {
    let id = patient.0.subject_id();
    let now = state.clock.now();
    let event =
        Event::new("practice_code_issued", Outcome::Success, Some((Role::Patient, id))).patient(id);
    audited(state, meta, event, async |txn, event| {
        let record = super::agency::lock_patient(txn, id).await?;
        if record.record_state == shared::api::agency::RecordState::Closed.as_str() {
            return Err(AppError::InvalidRequest("the record is closed".into()));
        }
        let code = issue_code(txn, &record, now).await?;
        *event = event.clone().with("code_expires_at", code.expires_at.to_rfc3339());
        Ok(code)
    })
    .await
}

/// The patient switches the practice code off: no code opens anything until a new one.
///
/// # Errors
/// Database; audited.
pub async fn switch_off(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
) -> Result<(), AppError> {
    let id = patient.0.subject_id();
    let event = Event::new("practice_code_revoked", Outcome::Success, Some((Role::Patient, id)))
        .patient(id);
    audited(state, meta, event, async |txn, _| {
        practice_code::Entity::delete_by_id(id).exec(txn).await?;
        Ok(())
    })
    .await
}

/// A professional opens a 15-day consultation link with the patient's national ID and practice
/// code. Every answer leaves no earlier than the floor (`DSP_NOT_FOUND_FLOOR_MS`).
///
/// # Errors
/// `invalid_national_id`, `practice_code_failed`, `practice_code_locked`, rate limits; audited.
pub async fn open(
    state: &AppState,
    meta: &RequestMeta,
    professional: &CurrentProfessional,
    input: &OpenPracticeConsultation,
) -> Result<ConsultationOpened, AppError> {
    let arrived = tokio::time::Instant::now();
    let answer = check_and_open(state, meta, professional, input).await;
    tokio::time::sleep_until(arrived + state.config.not_found_floor).await;
    answer
}

async fn check_and_open(
    state: &AppState,
    meta: &RequestMeta,
    professional: &CurrentProfessional,
    input: &OpenPracticeConsultation,
) -> Result<ConsultationOpened, AppError> {
    let now = state.clock.now();
    let pro = professional.0.subject_id();
    rate_limit::hit(&state.db, &format!("practice:{pro}"), rate_limit::ACTIVATION_PER_CLIENT, now)
        .await?;
    let national_id = NationalId::parse(&input.national_id)
        .map_err(|_| refuse(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::InvalidNationalId))?;
    rate_limit::hit(
        &state.db,
        &format!("practice-id:{national_id}"),
        rate_limit::ACTIVATION_PER_ID,
        now,
    )
    .await?;
    let typed = codes::hash_code(&input.practice_code);
    let event = Event::new("link_opened", Outcome::Success, Some((Role::Professional, pro)))
        .with("context", "consultation")
        .with("via", "practice_code");
    let failed = || refuse(StatusCode::BAD_REQUEST, ApiErrorCode::PracticeCodeFailed);
    let locked = || refuse(StatusCode::LOCKED, ApiErrorCode::PracticeCodeLocked);
    let per_professional = format!("practice-failures:{pro}");
    audited(state, meta, event, async |txn, event| {
        let failures = practice_failure::Entity::find_by_id(national_id.to_string())
            .one(txn)
            .await?
            .map_or(0, |f| f.failures);
        let mine =
            rate_limit::current(txn, &per_professional, FAILURES_PER_PROFESSIONAL, now).await?;
        // The record and its code in one statement, found or not.
        let (record, code) = patient::Entity::find()
            .filter(patient::Column::NationalId.eq(national_id.as_str()))
            .find_also_related(practice_code::Entity)
            .one(txn)
            .await?
            .map_or((None, None), |(p, c)| (Some(p), c));
        if let Some(p) = &record {
            event.patient_id = Some(p.id);
        }
        if failures >= MAX_FAILURES || mine >= FAILURES_PER_PROFESSIONAL.max {
            let reason =
                if failures >= MAX_FAILURES { "record_locked" } else { "professional_locked" };
            *event = event.clone().with("reason", reason);
            return Err(locked());
        }
        // Without a code, the typed one is compared with a hash no code has: the same work.
        let stored = code.as_ref().map_or(NO_CODE_HASH, |c| c.code_hash.as_str());
        let matches = constant_time_eq(stored, &typed);
        let usable = code.as_ref().is_some_and(|c| c.used_at.is_none() && c.expires_at > now);
        let (Some(record), true) = (record, matches && usable) else {
            *event =
                event.clone().with("reason", if matches { "code_spent" } else { "wrong_code" });
            let failures = record_failure(txn, &national_id, now).await?;
            match rate_limit::hit(txn, &per_professional, FAILURES_PER_PROFESSIONAL, now).await {
                Ok(()) | Err(AppError::RateLimited(_)) => {}
                Err(other) => return Err(other),
            }
            return Err(if failures >= MAX_FAILURES { locked() } else { failed() });
        };
        // The right code: the rules decide whether it opens anything (an open record, an active
        // professional, no block). A refusal here leaves the code unspent and counts nothing.
        let facts = record_facts(txn, record.id, now).await?;
        let actor = super::documents::actor(txn, &professional.0).await?;
        let matrix = state.matrix.get(txn).await?;
        let decision =
            access::decide(&matrix, &actor, &Action::OpenPracticeConsultation, &facts, now);
        *event = event.clone().with("rule", decision.as_str());
        if !decision.is_allowed() {
            return Err(failed());
        }
        // Single use: only this code, and only once.
        let used = practice_code::Entity::update_many()
            .col_expr(practice_code::Column::UsedAt, Expr::value(now))
            .filter(practice_code::Column::PatientId.eq(record.id))
            .filter(practice_code::Column::CodeHash.eq(typed.clone()))
            .filter(practice_code::Column::UsedAt.is_null())
            .exec(txn)
            .await?;
        if used.rows_affected != 1 {
            return Err(failed());
        }
        practice_failure::Entity::delete_by_id(national_id.to_string()).exec(txn).await?;
        let link = NewLink {
            patient_id: record.id,
            professional_id: Some(pro),
            organisation_id: None,
            context: LinkContext::Consultation,
            ends_at: now + LINK_LENGTH,
            created_by: (Role::Professional, pro),
        };
        let link = insert_link(txn, link, event, now).await?;
        let detail = serde_json::json!({ "professional": pro.to_string(), "link": link.id });
        notify_patient(txn, record.id, "practice_code_used", &detail, now).await?;
        Ok(ConsultationOpened { patient_id: PatientId(record.id), link })
    })
    .await
}

/// Counts a wrong practice code against a national ID (known or not) and returns the new count.
async fn record_failure(
    conn: &impl ConnectionTrait,
    national_id: &NationalId,
    now: DateTime<Utc>,
) -> Result<i32, AppError> {
    practice_failure::Entity::insert(practice_failure::ActiveModel {
        national_id: Set(national_id.to_string()),
        failures: Set(1),
        last_failure_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(practice_failure::Column::NationalId)
            .value(
                practice_failure::Column::Failures,
                Expr::col((practice_failure::Entity, practice_failure::Column::Failures)).add(1),
            )
            .value(practice_failure::Column::LastFailureAt, now)
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(practice_failure::Entity::find_by_id(national_id.to_string())
        .one(conn)
        .await?
        .map_or(1, |f| f.failures))
}
