//! The key figures of the national record (issue 12 §4): what the agency watches and Prometheus
//! scrapes. One statement of scalar sub-queries (one round trip), each an index range count
//! (see the migration `figures_indexes`); nothing personal leaves it, only counts.
//!
//! What each figure counts:
//! - records open: `created` or `activated` (not `closed`); of them, activated;
//! - records closed: `closed`;
//! - professionals activated: active in the directory with at least one security key;
//! - documents: those not withdrawn;
//! - connections per day: sessions opened in the last 24 hours. Every sign-in, activation and
//!   enrolment opens exactly one session and sessions are never deleted (only revoked), so the
//!   sessions table counts sign-ins without reading the audit log, the largest table;
//! - objections: objections in the window, all time (the `objections` table: a date and a
//!   channel per objection, nothing personal; the record itself is purged);
//! - emergency accesses: all, and those opened in the last 24 hours;
//! - letters waiting: records created whose first letter has not been issued.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{ConnectionTrait, FromQueryResult, Statement};
use shared::api::agency::RecordState;
use shared::api::figures::KeyFigures;

use crate::error::AppError;

/// The window of the "per day" figures.
const DAY: TimeDelta = TimeDelta::hours(24);

/// The statement; `$1` is the start of the last 24 hours, `$2`, `$3`, `$4` the record states
/// created, activated and closed.
const FIGURES_SQL: &str = "SELECT \
(SELECT COUNT(*) FROM patients WHERE record_state IN ($2, $3)) AS records_open, \
(SELECT COUNT(*) FROM patients WHERE record_state = $3) AS records_activated, \
(SELECT COUNT(*) FROM patients WHERE record_state = $4) AS records_closed, \
(SELECT COUNT(*) FROM patients WHERE record_state = $2 AND letter_issued_at IS NULL) \
AS letters_waiting, \
(SELECT COUNT(*) FROM professionals p WHERE p.state = 'active' AND EXISTS \
(SELECT 1 FROM credentials c WHERE c.subject_id = p.id)) AS professionals_activated, \
(SELECT COUNT(*) FROM documents WHERE status = 'current') AS documents, \
(SELECT COUNT(*) FROM sessions WHERE created_at > $1) AS connections_last_24h, \
(SELECT COUNT(*) FROM emergency_grants) AS emergency_accesses, \
(SELECT COUNT(*) FROM emergency_grants WHERE opened_at > $1) AS emergency_accesses_last_24h, \
(SELECT COUNT(*) FROM objections) AS objections";

/// One row of [`FIGURES_SQL`].
#[derive(Debug, FromQueryResult)]
struct Row {
    records_open: i64,
    records_activated: i64,
    records_closed: i64,
    letters_waiting: i64,
    professionals_activated: i64,
    documents: i64,
    connections_last_24h: i64,
    emergency_accesses: i64,
    emergency_accesses_last_24h: i64,
    objections: i64,
}

/// The key figures at `now`.
///
/// # Errors
/// Database.
pub async fn key_figures(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<KeyFigures, AppError> {
    let backend = conn.get_database_backend();
    let statement = Statement::from_sql_and_values(
        backend,
        crate::db::placeholders(backend, FIGURES_SQL),
        [
            (now - DAY).into(),
            RecordState::Created.as_str().into(),
            RecordState::Activated.as_str().into(),
            RecordState::Closed.as_str().into(),
        ],
    );
    let row = Row::find_by_statement(statement)
        .one(conn)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the figures query returned no row")))?;
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    Ok(KeyFigures {
        at: now,
        records_open: count(row.records_open),
        records_activated: count(row.records_activated),
        records_closed: count(row.records_closed),
        professionals_activated: count(row.professionals_activated),
        documents: count(row.documents),
        connections_last_24h: count(row.connections_last_24h),
        objections: Some(count(row.objections)),
        emergency_accesses: count(row.emergency_accesses),
        emergency_accesses_last_24h: count(row.emergency_accesses_last_24h),
        letters_waiting: count(row.letters_waiting),
    })
}
