//! The record's life in the database: closing (the patient online, an agent on a postal
//! request, a recorded death, the idle job), reopening, and the scheduled job. Every transition
//! is asked of the pure machine [`crate::lifecycle::step`] first, then made with a conditional
//! `UPDATE` whose `WHERE` re-checks the state (two instances, two agents or a double click act
//! once), audited in the same transaction.
//!
//! Closing a record ends every therapeutic link at once (after a death, at the end of the short
//! reading period, `DSP_DEATH_READ_DAYS`); reopening does not bring them back.

use axum::http::StatusCode;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseTransaction, EntityTrait,
    FromQueryResult, Statement,
};
use shared::ApiErrorCode;
use shared::api::agency::RecordState;
use shared::api::auth::Role;
use shared::api::life::{self as api, DeathRecord, PostalClosing, RecordLife};
use uuid::Uuid;

use super::sign_in::recently_verified;
use super::{audited, refuse};
use crate::app::AppState;
use crate::audit::{self, Event, Outcome, RequestMeta};
use crate::auth::{CurrentAgent, CurrentUser};
use crate::entity::{patient, record_life};
use crate::error::AppError;
use crate::lifecycle::{self, CloseReason, Life, Refusal, State};

const fn to_api(reason: CloseReason) -> api::CloseReason {
    match reason {
        CloseReason::Patient => api::CloseReason::Patient,
        CloseReason::Postal => api::CloseReason::Postal,
        CloseReason::Death => api::CloseReason::Death,
        CloseReason::Idle => api::CloseReason::Idle,
    }
}

/// The machine's view of a stored record.
fn life_of(
    p: &patient::Model,
    row: Option<&record_life::Model>,
    last_access: DateTime<Utc>,
) -> Life {
    let state = match RecordState::parse(&p.record_state) {
        Some(RecordState::Created) => State::Created,
        Some(RecordState::Activated) => State::Activated,
        Some(RecordState::Closed) | None => State::Closed {
            reason: row
                .and_then(|r| CloseReason::parse(&r.close_reason))
                .unwrap_or(CloseReason::Postal),
            at: p.closed_at.unwrap_or(p.created_at),
            was_activated: p.activated_at.is_some(),
        },
    };
    Life { state, first_letter_at: p.letter_issued_at, last_access_at: last_access }
}

fn refusal(r: Refusal) -> AppError {
    let status = match r {
        Refusal::Purged => StatusCode::NOT_FOUND,
        _ => StatusCode::CONFLICT,
    };
    refuse(status, r.code())
}

/// The record's life as the agency (and the patient) reads it.
fn summary(p: &patient::Model, row: Option<&record_life::Model>) -> RecordLife {
    let state = RecordState::parse(&p.record_state).unwrap_or(RecordState::Closed);
    let closed = state == RecordState::Closed;
    RecordLife {
        state,
        close_reason: row
            .filter(|_| closed)
            .and_then(|r| CloseReason::parse(&r.close_reason))
            .map(to_api),
        closed_at: p.closed_at.filter(|_| closed),
        reopenable_until: p.closed_at.filter(|_| closed).map(|at| at + lifecycle::RETENTION),
        closing_reference: row.filter(|_| closed).and_then(|r| r.closing_reference.clone()),
        death_date: row.and_then(|r| r.death_date),
        death_source: row.and_then(|r| r.death_source.clone()),
        reopened_at: row.and_then(|r| r.reopened_at),
    }
}

async fn load(
    conn: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Option<(patient::Model, Option<record_life::Model>)>, AppError> {
    let Some(p) = patient::Entity::find_by_id(id).one(conn).await? else { return Ok(None) };
    let row = record_life::Entity::find_by_id(id).one(conn).await?;
    Ok(Some((p, row)))
}

/// The record's life, for an agent: an audited read (`patient_viewed` with `part: life`), as
/// the record's page is; a missing record is `not_found` and writes nothing.
///
/// # Errors
/// `not_found`; database.
pub async fn of_record(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
) -> Result<RecordLife, AppError> {
    let event = super::agency::viewed(agent, id).with("part", "life");
    super::audited_read(state, meta, event, async |txn, _, _| {
        let (p, row) = load(txn, id).await?.ok_or(AppError::NotFound)?;
        Ok(summary(&p, row.as_ref()))
    })
    .await
}

/// What a closing records besides the state.
struct Closing {
    reason: CloseReason,
    reference: Option<String>,
    death: Option<(NaiveDate, String)>,
    /// Until when live links keep reading (a death only).
    read_until: Option<DateTime<Utc>>,
}

/// Closes the record in `txn` at `now` if the machine allows it: the conditional `UPDATE`
/// re-checks the state, so that of two concurrent closings one acts and the other is refused.
async fn close(
    txn: &DatabaseTransaction,
    p: &patient::Model,
    row: Option<&record_life::Model>,
    closing: Closing,
    last_access: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let life = life_of(p, row, last_access);
    lifecycle::step(&life, lifecycle::Event::Close(closing.reason), now).map_err(refusal)?;
    let backend = txn.get_database_backend();
    let sql = |text: &str| crate::db::placeholders(backend, text);
    let updated = txn
        .execute_raw(Statement::from_sql_and_values(
            backend,
            sql("UPDATE patients SET record_state = $1, closed_at = $2 WHERE id = $3 AND record_state = $4"),
            [
                RecordState::Closed.as_str().into(),
                now.into(),
                p.id.into(),
                p.record_state.clone().into(),
            ],
        ))
        .await?;
    if updated.rows_affected() != 1 {
        return Err(refusal(Refusal::AlreadyClosed));
    }
    // Links end now (after a death, at the end of the reading period) and never come back.
    let links_end = closing.read_until.unwrap_or(now);
    txn.execute_raw(Statement::from_sql_and_values(
        backend,
        sql("UPDATE care_links SET ended_at = $1 WHERE patient_id = $2 AND ends_at > $3 AND (ended_at IS NULL OR ended_at > $1)"),
        [links_end.into(), p.id.into(), now.into()],
    ))
    .await?;
    record_life::Entity::delete_by_id(p.id).exec(txn).await?;
    let (death_date, death_source) = closing.death.unzip();
    record_life::ActiveModel {
        patient_id: Set(p.id),
        close_reason: Set(closing.reason.as_str().to_owned()),
        closing_reference: Set(closing.reference),
        death_date: Set(death_date),
        death_source: Set(death_source),
        death_read_until: Set(closing.read_until),
        reopened_at: Set(row.and_then(|r| r.reopened_at)),
    }
    .insert(txn)
    .await?;
    Ok(())
}

/// The patient closes their own record, after a fresh verification (the one removing a passkey
/// needs). They keep signing in, reading their documents and history, and downloading it all.
///
/// # Errors
/// `reverification_required`, `record_already_closed`; audited.
pub async fn close_by_patient(
    state: &AppState,
    meta: &RequestMeta,
    user: &CurrentUser,
) -> Result<RecordLife, AppError> {
    let id = user.subject_id();
    let now = state.clock.now();
    let event = Event::new("record_closed", Outcome::Success, Some((Role::Patient, id)))
        .patient(id)
        .with("reason", CloseReason::Patient.as_str());
    audited(state, meta, event, async |txn, _| {
        if !recently_verified(user, now) {
            return Err(refuse(StatusCode::FORBIDDEN, ApiErrorCode::ReverificationRequired));
        }
        let (p, row) = load(txn, id).await?.ok_or(AppError::NotFound)?;
        let closing = Closing {
            reason: CloseReason::Patient,
            reference: None,
            death: None,
            read_until: None,
        };
        close(txn, &p, row.as_ref(), closing, now, now).await?;
        let (p, row) = load(txn, id).await?.ok_or(AppError::NotFound)?;
        Ok(summary(&p, row.as_ref()))
    })
    .await
}

/// The patient's own record's life.
///
/// # Errors
/// Database.
pub async fn mine(state: &AppState, user: &CurrentUser) -> Result<RecordLife, AppError> {
    let (p, row) = load(&state.db, user.subject_id()).await?.ok_or(AppError::NotFound)?;
    Ok(summary(&p, row.as_ref()))
}

fn agent_actor(agent: &CurrentAgent) -> Option<(Role, Uuid)> {
    Some((Role::Agent, agent.0.subject_id()))
}

/// An unknown record answers `not_found` before anything is audited on a chain of its own.
async fn existing(state: &AppState, id: Uuid) -> Result<(), AppError> {
    patient::Entity::find_by_id(id).one(&state.db).await?.map(|_| ()).ok_or(AppError::NotFound)
}

/// An agent closes a record on the patient's postal request, recording the form's reference.
///
/// # Errors
/// `not_found`, `invalid_request` (reference), `record_already_closed`; audited.
pub async fn close_by_post(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
    input: &PostalClosing,
) -> Result<RecordLife, AppError> {
    let reference = input.reference.trim().to_owned();
    if reference.is_empty() || reference.chars().count() > 64 {
        return Err(AppError::InvalidRequest(
            "the closing form's reference has 1 to 64 characters".into(),
        ));
    }
    existing(state, id).await?;
    let now = state.clock.now();
    let event = Event::new("record_closed", Outcome::Success, agent_actor(agent))
        .patient(id)
        .with("reason", CloseReason::Postal.as_str())
        .with("reference", reference.clone());
    audited(state, meta, event, async |txn, _| {
        let (p, row) = load(txn, id).await?.ok_or(AppError::NotFound)?;
        let closing = Closing {
            reason: CloseReason::Postal,
            reference: Some(reference.clone()),
            death: None,
            read_until: None,
        };
        close(txn, &p, row.as_ref(), closing, now, now).await?;
        let (p, row) = load(txn, id).await?.ok_or(AppError::NotFound)?;
        Ok(summary(&p, row.as_ref()))
    })
    .await
}

/// An agent records a death: the record closes and the 10-year clock starts; professionals
/// with a live link (or the référent) keep reading for `DSP_DEATH_READ_DAYS`.
///
/// # Errors
/// `not_found`, `invalid_request` (date in the future, source), `record_already_closed`;
/// audited.
pub async fn record_death(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
    input: &DeathRecord,
) -> Result<RecordLife, AppError> {
    let source = input.source.trim().to_owned();
    if source.is_empty() || source.chars().count() > 200 {
        return Err(AppError::InvalidRequest("the source has 1 to 200 characters".into()));
    }
    let now = state.clock.now();
    if input.date > now.date_naive() {
        return Err(AppError::InvalidRequest("the date of death is in the future".into()));
    }
    existing(state, id).await?;
    let days = i64::from(state.config.death_read_days);
    let read_until = (days > 0).then(|| now + TimeDelta::days(days));
    let event = Event::new("record_closed", Outcome::Success, agent_actor(agent))
        .patient(id)
        .with("reason", CloseReason::Death.as_str())
        .with("death_date", input.date.to_string())
        .with("source", source.clone());
    audited(state, meta, event, async |txn, _| {
        let (p, row) = load(txn, id).await?.ok_or(AppError::NotFound)?;
        if input.date < p.birth_date {
            return Err(AppError::InvalidRequest("the date of death is before the birth".into()));
        }
        let closing = Closing {
            reason: CloseReason::Death,
            reference: None,
            death: Some((input.date, source.clone())),
            read_until,
        };
        close(txn, &p, row.as_ref(), closing, now, now).await?;
        let (p, row) = load(txn, id).await?.ok_or(AppError::NotFound)?;
        Ok(summary(&p, row.as_ref()))
    })
    .await
}

/// The confirmation letter of the record's last change, for the agent to post: that it was
/// closed (online, on a postal request, or idle) or that it was reopened; in the patient's
/// language, with the closing form's reference (or the record's short reference). A record
/// closed on a death gets no letter. Audited as a letter issued (`kind` says which).
///
/// # Errors
/// `not_found`; `invalid_request` when there is nothing to confirm (open and never reopened,
/// or closed on a death); audited.
pub async fn confirmation_letter(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
) -> Result<super::agency::Letter, AppError> {
    use crate::letter::{self, ClosingCause, ClosingFacts, ReopeningFacts};
    existing(state, id).await?;
    let now = state.clock.now();
    let event = Event::new("letter_issued", Outcome::Success, agent_actor(agent)).patient(id);
    audited(state, meta, event, async |txn, event| {
        let (p, row) = load(txn, id).await?.ok_or(AppError::NotFound)?;
        let national_id = shared::NationalId::parse(&p.national_id)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("stored national ID: {e}")))?;
        let address_lines = super::agency::letter_address_lines(&p);
        let language = shared::Language::from_tag(&p.preferred_language).unwrap_or_default();
        let short: String = id.simple().to_string().chars().take(8).collect();
        let short = short.to_uppercase();
        let reason = row.as_ref().and_then(|r| CloseReason::parse(&r.close_reason));
        let closed = p.record_state == RecordState::Closed.as_str();
        let bad = |what: &str| Err(AppError::InvalidRequest(what.to_owned()));
        let (kind, pdf) = match (closed, p.closed_at, reason, row.as_ref()) {
            (true, Some(closed_at), Some(reason), _) => {
                let cause = match reason {
                    CloseReason::Patient => ClosingCause::Online,
                    CloseReason::Postal => ClosingCause::Postal,
                    CloseReason::Idle => ClosingCause::Idle,
                    CloseReason::Death => return bad("a record closed on a death gets no letter"),
                };
                let reference = row
                    .as_ref()
                    .and_then(|r| r.closing_reference.clone())
                    .unwrap_or_else(|| short.clone());
                let facts = ClosingFacts {
                    language,
                    given_name: &p.given_name,
                    family_name: &p.family_name,
                    address_lines: &address_lines,
                    national_id: &national_id,
                    issued_on: now.date_naive(),
                    closed_on: closed_at.date_naive(),
                    cause,
                    reopen_until: (closed_at + lifecycle::RETENTION).date_naive(),
                    reference: &reference,
                };
                ("closing_confirmation", letter::render_closing_confirmation(&facts))
            }
            (false, _, _, Some(life)) if life.reopened_at.is_some() => {
                let reopened_at = life.reopened_at.unwrap_or(now);
                let facts = ReopeningFacts {
                    language,
                    given_name: &p.given_name,
                    family_name: &p.family_name,
                    address_lines: &address_lines,
                    national_id: &national_id,
                    issued_on: now.date_naive(),
                    reopened_on: reopened_at.date_naive(),
                    reference: &short,
                };
                ("reopening_confirmation", letter::render_reopening_confirmation(&facts))
            }
            _ => return bad("nothing to confirm: the record was neither closed nor reopened"),
        };
        let pdf = pdf.map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
        *event = event.clone().with("kind", kind);
        Ok(super::agency::Letter {
            pdf,
            file_name: format!("dsp-{}-{}.pdf", kind.replace('_', "-"), p.national_id),
        })
    })
    .await
}

/// An agent reopens a closed record within 10 years of its closing: it is as it was (activated
/// or not), its links do not come back.
///
/// # Errors
/// `not_found`, `record_not_reopenable`; audited.
pub async fn reopen(
    state: &AppState,
    meta: &RequestMeta,
    agent: &CurrentAgent,
    id: Uuid,
) -> Result<RecordLife, AppError> {
    existing(state, id).await?;
    let now = state.clock.now();
    let event = Event::new("record_reopened", Outcome::Success, agent_actor(agent)).patient(id);
    audited(state, meta, event, async |txn, _| {
        let (p, row) = load(txn, id).await?.ok_or(AppError::NotFound)?;
        let life = life_of(&p, row.as_ref(), now);
        let next = lifecycle::step(&life, lifecycle::Event::Reopen, now).map_err(refusal)?;
        let restored = match next.state {
            State::Activated => RecordState::Activated,
            _ => RecordState::Created,
        };
        let backend = txn.get_database_backend();
        let updated = txn
            .execute_raw(Statement::from_sql_and_values(
                backend,
                crate::db::placeholders(
                    backend,
                    "UPDATE patients SET record_state = $1, closed_at = NULL WHERE id = $2 AND record_state = $3",
                ),
                [
                    restored.as_str().into(),
                    id.into(),
                    RecordState::Closed.as_str().into(),
                ],
            ))
            .await?;
        if updated.rows_affected() != 1 {
            return Err(refusal(Refusal::NotReopenable));
        }
        // Links kept reading after a death end now: none comes back with the record.
        txn.execute_raw(Statement::from_sql_and_values(
            backend,
            crate::db::placeholders(
                backend,
                "UPDATE care_links SET ended_at = $1 WHERE patient_id = $2 AND ended_at > $1",
            ),
            [now.into(), id.into()],
        ))
        .await?;
        if let Some(row) = row {
            let mut active: record_life::ActiveModel = row.into();
            active.reopened_at = Set(Some(now));
            active.death_read_until = Set(None);
            active.update(txn).await?;
        }
        let (p, row) = load(txn, id).await?.ok_or(AppError::NotFound)?;
        Ok(summary(&p, row.as_ref()))
    })
    .await
}

/// One act of the record-life job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobAct {
    /// The step that acts (`close_idle` …).
    pub step: &'static str,
    /// The record.
    pub patient_id: Uuid,
}

/// How many records one step handles per run at most (the next run takes the rest).
const JOB_BATCH: u64 = 500;

/// One step of the job: finds the records it applies to, and acts on one (claimed with a
/// conditional update that re-checks the state, audited in the same transaction).
#[derive(Debug, Clone, Copy)]
enum Step {
    /// Records with no access for 10 years close (reason idle).
    CloseIdle,
    /// Records closed 10 years ago (their retention over) are purged, each in its own
    /// transaction (`crate::services::purge`).
    PurgeClosed,
}

/// The job's steps, in order.
const STEPS: &[Step] = &[Step::CloseIdle, Step::PurgeClosed];

impl Step {
    const fn name(self) -> &'static str {
        match self {
            Self::CloseIdle => "close_idle",
            Self::PurgeClosed => "purge_closed",
        }
    }

    /// The records this step applies to at `now`.
    async fn candidates(
        self,
        conn: &impl ConnectionTrait,
        now: DateTime<Utc>,
    ) -> Result<Vec<(Uuid, DateTime<Utc>)>, AppError> {
        match self {
            Self::CloseIdle => idle_candidates(conn, now).await,
            Self::PurgeClosed => retention_candidates(conn, now).await,
        }
    }

    /// Acts on one record; `Ok(false)` when another instance (or a person) got there first or
    /// the record no longer qualifies.
    async fn act(
        self,
        state: &AppState,
        id: Uuid,
        last_access: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        match self {
            Self::CloseIdle => close_idle(state, id, last_access, now).await,
            Self::PurgeClosed => purge_closed(state, id, now).await,
        }
    }
}

#[derive(Debug, FromQueryResult)]
struct IdleRow {
    id: Uuid,
    last_access: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
}

/// Open records whose last audited event (any access, any act) is 10 years old or more, or
/// that have none and were created that long ago.
async fn idle_candidates(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<Vec<(Uuid, DateTime<Utc>)>, AppError> {
    let backend = conn.get_database_backend();
    let limit = now - lifecycle::IDLE_LIMIT;
    let rows = IdleRow::find_by_statement(Statement::from_sql_and_values(
        backend,
        crate::db::placeholders(
            backend,
            &format!(
                "SELECT p.id AS id, p.created_at AS created_at, \
                 (SELECT MAX(a.occurred_at) FROM audit_events a WHERE a.patient_id = p.id) AS last_access \
                 FROM patients p WHERE p.record_state IN ($1, $2) AND p.created_at <= $3 \
                 AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.patient_id = p.id AND a.occurred_at > $3) \
                 ORDER BY p.id LIMIT {JOB_BATCH}"
            ),
        ),
        [
            RecordState::Created.as_str().into(),
            RecordState::Activated.as_str().into(),
            limit.into(),
        ],
    ))
    .all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.id, r.last_access.unwrap_or(r.created_at).max(r.created_at)))
        .collect())
}

#[derive(Debug, FromQueryResult)]
struct ClosedRow {
    id: Uuid,
    closed_at: DateTime<Utc>,
}

/// Closed records whose retention (10 years from closing) is over.
async fn retention_candidates(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<Vec<(Uuid, DateTime<Utc>)>, AppError> {
    let backend = conn.get_database_backend();
    let rows = ClosedRow::find_by_statement(Statement::from_sql_and_values(
        backend,
        crate::db::placeholders(
            backend,
            &format!(
                "SELECT id, closed_at FROM patients WHERE record_state = $1 \
                 AND closed_at IS NOT NULL AND closed_at <= $2 ORDER BY id LIMIT {JOB_BATCH}"
            ),
        ),
        [RecordState::Closed.as_str().into(), (now - lifecycle::RETENTION).into()],
    ))
    .all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.closed_at)).collect())
}

/// Purges one record closed 10 years ago, if it still is when claimed: the row is locked and
/// re-checked in the transaction, so two instances purge it once (the second finds nothing).
async fn purge_closed(state: &AppState, id: Uuid, now: DateTime<Utc>) -> Result<bool, AppError> {
    use crate::services::purge;
    let key = purge::pseudonym_key(state)?;
    let started = std::time::SystemTime::now();
    let txn = crate::db::begin_write(&state.db).await?;
    let backend = txn.get_database_backend();
    let lock = if backend == sea_orm::DbBackend::Postgres { " FOR UPDATE" } else { "" };
    let still = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            crate::db::placeholders(
                backend,
                &format!(
                    "SELECT id FROM patients WHERE id = $1 AND record_state = $2 \
                     AND closed_at IS NOT NULL AND closed_at <= $3{lock}"
                ),
            ),
            [id.into(), RecordState::Closed.as_str().into(), (now - lifecycle::RETENTION).into()],
        ))
        .await?;
    if still.is_none() {
        return Ok(false);
    }
    let purged = purge::purge(&*txn, id, purge::Reason::RetentionEnded, now, &key).await?;
    txn.commit().await?;
    purge::erase_after_commit(state, &purged, started).await;
    Ok(purged.purged)
}

/// Closes one idle record, if it still is open and idle when claimed.
async fn close_idle(
    state: &AppState,
    id: Uuid,
    last_access: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let txn = crate::db::begin_write(&state.db).await?;
    let Some((p, row)) = load(&*txn, id).await? else { return Ok(false) };
    let closing =
        Closing { reason: CloseReason::Idle, reference: None, death: None, read_until: None };
    match close(&txn, &p, row.as_ref(), closing, last_access, now).await {
        Ok(()) => {}
        Err(AppError::Refused(..)) => return Ok(false),
        Err(e) => return Err(e),
    }
    // Re-check inside the claim: an access audited since the candidates were listed keeps it
    // open (the transaction then rolls back).
    let backend = txn.get_database_backend();
    let recent = txn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            crate::db::placeholders(
                backend,
                "SELECT 1 AS one FROM audit_events WHERE patient_id = $1 AND occurred_at > $2 LIMIT 1",
            ),
            [id.into(), (now - lifecycle::IDLE_LIMIT).into()],
        ))
        .await?;
    if recent.is_some() {
        return Ok(false);
    }
    let event = Event::new("record_closed", Outcome::Success, None)
        .patient(id)
        .with("reason", CloseReason::Idle.as_str())
        .with("last_access", last_access.to_rfc3339());
    audit::append(&*txn, &RequestMeta::default(), event, now).await?;
    txn.commit().await?;
    Ok(true)
}

/// One run of the record-life job: every step in turn, each on the records it applies to now.
/// With `dry_run`, lists what it would do and changes nothing. Idempotent, and safe with several
/// instances on one database: each act claims its record with a conditional update, so one
/// instance acts on a record and the others skip it.
///
/// # Errors
/// Database.
pub async fn run_job(state: &AppState, dry_run: bool) -> Result<Vec<JobAct>, AppError> {
    let now = state.clock.now();
    let mut acts = Vec::new();
    for step in STEPS {
        for (id, last_access) in step.candidates(&state.db, now).await? {
            if dry_run || step.act(state, id, last_access, now).await? {
                acts.push(JobAct { step: step.name(), patient_id: id });
            }
        }
    }
    Ok(acts)
}

/// `serve`'s loop: the job every `DSP_LIFECYCLE_MINUTES`, a failed run logged and retried at the
/// next tick.
pub async fn run_forever(state: AppState) {
    let mut tick = tokio::time::interval(state.config.lifecycle_every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match run_job(&state, false).await {
            Ok(acts) if !acts.is_empty() => tracing::info!(acts = acts.len(), "record-life job"),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "record-life job failed"),
        }
    }
}
