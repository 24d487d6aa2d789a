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

use std::collections::HashMap;

use axum::http::StatusCode;
use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveTime, TimeDelta, Utc};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement};
use shared::ApiErrorCode;
use shared::api::agency::RecordState;
use shared::api::figures::{FiguresPoint, FiguresSeries, Granularity, KeyFigures, SeriesQuery};

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

/// The key figures over time (`GET /api/agency/figures/series`).
///
/// Computed from the dates the rows carry, not from snapshots: one statement (one round trip)
/// of `GROUP BY` day counts over each event's timestamp within the range, plus, for the
/// figures that are levels, the count of the same events before the range. A level at the end
/// of a period is then the count before the range plus the running sum of the days up to it:
///
/// - records open: created, minus closed (records now closed, at their `closed_at`);
/// - records closed: records now closed, at their `closed_at`;
/// - letters waiting: created, minus those whose first letter was issued (or, without one,
///   that were activated or closed);
/// - professionals activated: professionals active in the directory, at their first key;
/// - documents: documents not withdrawn, at their filing, and those filed in the period;
/// - connections: sessions opened in the period (every sign-in opens one; the same source as
///   the current figure, and indexed, instead of the audit log, the largest table);
/// - emergency accesses: opened in the period;
/// - objections: received in the period (the `objections` table keeps only their dates);
///
/// Why no snapshots: every figure above is a count of rows by a date they keep, so the past is
/// read exactly as it was (for what the rows still say: a withdrawn document or a reopened
/// record leaves the past too), no scheduled step has to run every day on one instance, and
/// nothing is stored twice. Each part is an index range (migration `figures_series`).
///
/// # Errors
/// `figures_range_invalid` for a bad query; database.
pub async fn series(
    conn: &impl ConnectionTrait,
    now: DateTime<Utc>,
    query: &SeriesQuery,
) -> Result<FiguresSeries, AppError> {
    let range = Range::parse(query, now.date_naive())?;
    let backend = conn.get_database_backend();
    let lower = range.from.and_time(NaiveTime::MIN).and_utc();
    let end_of_to = (range.to + TimeDelta::days(1)).and_time(NaiveTime::MIN).and_utc();
    // What happened up to now (inclusive), never after: a clock moved back reads the past.
    let upper = end_of_to.min(now + TimeDelta::milliseconds(1));
    let statement = Statement::from_sql_and_values(
        backend,
        crate::db::placeholders(backend, &series_sql(backend)),
        [lower.into(), upper.into(), RecordState::Closed.as_str().into()],
    );
    let rows = SeriesRow::find_by_statement(statement).all(conn).await?;
    Ok(range.fold(&rows, now))
}

/// Where each figure's events come from: (kind, rows, timestamp, condition, is a level).
const SOURCES: [(&str, &str, &str, &str, bool); 8] = [
    ("created", "patients", "created_at", "1 = 1", true),
    ("closed", "patients", "closed_at", "record_state = $3", true),
    ("lettered", "patients", "COALESCE(letter_issued_at, activated_at, closed_at)", "1 = 1", true),
    (
        "professional",
        "(SELECT (SELECT MIN(c.created_at) FROM credentials c WHERE c.subject_id = p.id) AS t \
         FROM professionals p WHERE p.state = 'active') f",
        "t",
        "1 = 1",
        true,
    ),
    ("document", "documents", "created_at", "status = 'current'", true),
    ("connection", "sessions", "created_at", "1 = 1", false),
    ("emergency", "emergency_grants", "opened_at", "1 = 1", false),
    ("objection", "objections", "objected_at", "1 = 1", false),
];

/// The day (`YYYY-MM-DD`, UTC) of a timestamp, in `backend`'s SQL. SQLite keeps timestamps as
/// RFC 3339 text in UTC, whose first ten characters are the day.
fn day_of(backend: DbBackend, at: &str) -> String {
    match backend {
        DbBackend::Postgres => format!("to_char(({at}) AT TIME ZONE 'UTC', 'YYYY-MM-DD')"),
        _ => format!("substr({at}, 1, 10)"),
    }
}

/// The series statement: `$1` the start of the range, `$2` its end (exclusive), `$3` the
/// closed state. Rows: (kind, day, count); `day` is empty for the count before the range.
fn series_sql(backend: DbBackend) -> String {
    let mut parts = Vec::new();
    for (kind, rows, at, condition, level) in SOURCES {
        let day = day_of(backend, at);
        parts.push(format!(
            "SELECT '{kind}' AS kind, {day} AS day, COUNT(*) AS n FROM {rows} \
             WHERE {condition} AND {at} >= $1 AND {at} < $2 GROUP BY {day}"
        ));
        if level {
            parts.push(format!(
                "SELECT '{kind}' AS kind, '' AS day, COUNT(*) AS n FROM {rows} \
                 WHERE {condition} AND {at} < $1"
            ));
        }
    }
    parts.join(" UNION ALL ")
}

/// One row of [`series_sql`].
#[derive(Debug, FromQueryResult)]
struct SeriesRow {
    kind: String,
    day: String,
    n: i64,
}

/// The periods asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Range {
    granularity: Granularity,
    /// The start of the first period.
    from: NaiveDate,
    to: NaiveDate,
    /// The first day of each period.
    starts: Vec<NaiveDate>,
}

fn range_invalid() -> AppError {
    AppError::refused(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::FiguresRangeInvalid)
}

/// The start of the period of `granularity` that holds `day`.
fn period_start(granularity: Granularity, day: NaiveDate) -> NaiveDate {
    match granularity {
        Granularity::Day => day,
        Granularity::Week => day - TimeDelta::days(i64::from(day.weekday().num_days_from_monday())),
        Granularity::Month => day.with_day(1).unwrap_or(day),
    }
}

/// The start of the period after the one starting at `start`.
fn next_start(granularity: Granularity, start: NaiveDate) -> Option<NaiveDate> {
    match granularity {
        Granularity::Day => start.succ_opt(),
        Granularity::Week => start.checked_add_signed(TimeDelta::days(7)),
        Granularity::Month => start.checked_add_months(Months::new(1)),
    }
}

/// The start of the period `count` periods before the one starting at `start`.
fn periods_back(granularity: Granularity, start: NaiveDate, count: u32) -> Option<NaiveDate> {
    match granularity {
        Granularity::Day => start.checked_sub_signed(TimeDelta::days(i64::from(count))),
        Granularity::Week => start.checked_sub_signed(TimeDelta::days(7 * i64::from(count))),
        Granularity::Month => start.checked_sub_months(Months::new(count)),
    }
}

impl Range {
    /// The range of `query` on `today`, or `figures_range_invalid`.
    fn parse(query: &SeriesQuery, today: NaiveDate) -> Result<Self, AppError> {
        let granularity = match query.granularity.as_deref() {
            None => Granularity::Day,
            Some(name) => Granularity::parse(name).ok_or_else(range_invalid)?,
        };
        let date = |text: &Option<String>| -> Result<Option<NaiveDate>, AppError> {
            text.as_deref()
                .map(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| range_invalid()))
                .transpose()
        };
        let to = date(&query.to)?.unwrap_or(today);
        if to > today {
            return Err(range_invalid());
        }
        let from = match date(&query.from)? {
            Some(from) => from,
            None => periods_back(
                granularity,
                period_start(granularity, to),
                granularity.default_periods() - 1,
            )
            .ok_or_else(range_invalid)?,
        };
        if from > to {
            return Err(range_invalid());
        }
        let from = period_start(granularity, from);
        let mut starts = Vec::new();
        let mut start = Some(from);
        while let Some(s) = start.filter(|s| *s <= to) {
            if starts.len() >= granularity.max_periods() as usize {
                return Err(range_invalid());
            }
            starts.push(s);
            start = next_start(granularity, s);
        }
        Ok(Self { granularity, from, to, starts })
    }

    /// The index of the period holding `day`, if in the range.
    fn index(&self, day: NaiveDate) -> Option<usize> {
        if day < self.from || day > self.to {
            return None;
        }
        Some(self.starts.partition_point(|s| *s <= day).saturating_sub(1))
    }

    /// The series from the statement's rows.
    fn fold(&self, rows: &[SeriesRow], now: DateTime<Utc>) -> FiguresSeries {
        let periods = self.starts.len();
        let mut base: HashMap<&str, i64> = HashMap::new();
        let mut within: HashMap<&str, Vec<i64>> = HashMap::new();
        for row in rows {
            if row.day.is_empty() {
                *base.entry(row.kind.as_str()).or_default() += row.n;
                continue;
            }
            let Ok(day) = NaiveDate::parse_from_str(&row.day, "%Y-%m-%d") else { continue };
            if let Some(i) = self.index(day) {
                within.entry(row.kind.as_str()).or_insert_with(|| vec![0; periods])[i] += row.n;
            }
        }
        let flow = |kind: &str, i: usize| within.get(kind).map_or(0, |v| v[i]);
        let mut level: HashMap<&str, i64> = base.clone();
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        let mut points = Vec::with_capacity(periods);
        for (i, start) in self.starts.iter().enumerate() {
            for (kind, _, _, _, is_level) in SOURCES {
                if is_level {
                    *level.entry(kind).or_default() += flow(kind, i);
                }
            }
            let at = |kind: &str| level.get(kind).copied().unwrap_or(0);
            points.push(FiguresPoint {
                start: *start,
                records_open: count(at("created") - at("closed")),
                records_closed: count(at("closed")),
                professionals_activated: count(at("professional")),
                documents: count(at("document")),
                documents_filed: count(flow("document", i)),
                connections: count(flow("connection", i)),
                objections: Some(count(flow("objection", i))),
                emergency_accesses: count(flow("emergency", i)),
                letters_waiting: count(at("created") - at("lettered")),
            });
        }
        FiguresSeries {
            granularity: self.granularity,
            from: self.from,
            to: self.to,
            at: now,
            points,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn query(granularity: &str, from: &str, to: &str) -> SeriesQuery {
        SeriesQuery {
            granularity: Some(granularity.into()),
            from: (!from.is_empty()).then(|| from.into()),
            to: (!to.is_empty()).then(|| to.into()),
        }
    }

    #[test]
    fn the_series_is_one_statement_with_a_part_per_event_and_level() {
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            let sql = crate::db::placeholders(backend, &series_sql(backend));
            // 8 sources, 5 of them levels with a count before the range.
            assert_eq!(sql.matches("UNION ALL").count(), 12, "{sql}");
            if std::env::var_os("DSP_PRINT_SERIES_SQL").is_some() {
                println!("{backend:?}: {sql}");
            }
        }
    }

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        let today = day("2026-12-04");
        let weeks = Range::parse(&query("week", "2026-11-18", "2026-12-04"), today).unwrap();
        assert_eq!(weeks.starts, vec![day("2026-11-16"), day("2026-11-23"), day("2026-11-30")]);
        assert_eq!(weeks.index(day("2026-11-29")), Some(1));
        let months = Range::parse(&query("month", "2026-10-31", ""), today).unwrap();
        assert_eq!(months.starts, vec![day("2026-10-01"), day("2026-11-01"), day("2026-12-01")]);
        let days = Range::parse(&SeriesQuery::default(), today).unwrap();
        assert_eq!(days.starts.len(), 31);
        assert_eq!(days.starts.last(), Some(&today));
    }

    #[test]
    fn bad_ranges_are_refused() {
        let today = day("2026-12-04");
        for bad in [
            query("day", "2026-12-05", "2026-12-04"),
            query("day", "", "2026-12-05"),
            query("day", "2025-01-01", "2026-12-04"),
            query("month", "2016-01-01", "2026-12-04"),
            query("hour", "", ""),
            query("day", "04/12/2026", ""),
        ] {
            assert!(Range::parse(&bad, today).is_err(), "{bad:?}");
        }
        assert!(Range::parse(&query("day", "2025-12-04", "2026-12-04"), today).is_ok());
    }
}
