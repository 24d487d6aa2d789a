//! Bulk loading: the generator thread encodes rows into per-table batches (bound values for
//! SQLite, `COPY` text for PostgreSQL) and hands them over a channel; the writer inserts them —
//! multi-row `INSERT`s within SQLite's bind-parameter limit in large transactions, or
//! `COPY … FROM STDIN` — and keeps per-table counts and timings. It also drops the secondary indexes of the bulk tables before the load and
//! builds them again after, from the definitions the database itself holds.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use sea_orm::sqlx;
use sea_orm::sqlx::postgres::PgPoolCopyExt;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use tokio::sync::mpsc;
use uuid::Uuid;

/// The tables the generator fills, in the order their rows first arrive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Table {
    Organisations,
    Agents,
    Professionals,
    Patients,
    Documents,
    DocumentVersions,
    DocumentHiddenFrom,
    CareLinks,
    Blocks,
    EmergencyGrants,
    Notifications,
    AuditEvents,
    AuditChainHeads,
}

impl Table {
    pub(super) const ALL: [Self; 13] = [
        Self::Organisations,
        Self::Agents,
        Self::Professionals,
        Self::Patients,
        Self::Documents,
        Self::DocumentVersions,
        Self::DocumentHiddenFrom,
        Self::CareLinks,
        Self::Blocks,
        Self::EmergencyGrants,
        Self::Notifications,
        Self::AuditEvents,
        Self::AuditChainHeads,
    ];

    pub(super) const fn name(self) -> &'static str {
        match self {
            Self::Organisations => "organisations",
            Self::Agents => "agents",
            Self::Professionals => "professionals",
            Self::Patients => "patients",
            Self::Documents => "documents",
            Self::DocumentVersions => "document_versions",
            Self::DocumentHiddenFrom => "document_hidden_from",
            Self::CareLinks => "care_links",
            Self::Blocks => "blocks",
            Self::EmergencyGrants => "emergency_grants",
            Self::Notifications => "notifications",
            Self::AuditEvents => "audit_events",
            Self::AuditChainHeads => "audit_chain_heads",
        }
    }

    pub(super) const fn columns(self) -> &'static [&'static str] {
        match self {
            Self::Organisations => &["id", "name", "kind", "created_at"],
            Self::Agents => &["id", "display_name", "state", "created_at"],
            Self::Professionals => &[
                "id",
                "given_name",
                "family_name",
                "profession",
                "licence_number",
                "organisation_id",
                "state",
                "email",
                "created_at",
            ],
            Self::Patients => &[
                "id",
                "national_id",
                "given_name",
                "family_name",
                "birth_date",
                "preferred_language",
                "record_state",
                "created_at",
                "letter_issued_at",
                "activated_at",
                "closed_at",
                "street",
                "postal_code",
                "city",
                "country",
                "referent_id",
                "emergency_access_enabled",
            ],
            Self::Documents => &[
                "id",
                "patient_id",
                "category",
                "title",
                "clinical_date",
                "author_kind",
                "author_id",
                "organisation_id",
                "status",
                "withdrawn_reason",
                "restriction",
                "current_version",
                "created_at",
            ],
            Self::DocumentVersions => &[
                "id",
                "document_id",
                "version",
                "sha256",
                "size",
                "format",
                "media_type",
                "file_name",
                "created_by",
                "created_at",
            ],
            Self::DocumentHiddenFrom => &["document_id", "professional_id"],
            Self::CareLinks => &[
                "id",
                "patient_id",
                "professional_id",
                "organisation_id",
                "context",
                "starts_at",
                "ends_at",
                "ended_at",
                "created_by_kind",
                "created_by_id",
                "created_at",
            ],
            Self::Blocks => &["patient_id", "professional_id", "created_at"],
            Self::EmergencyGrants => {
                &["id", "patient_id", "professional_id", "reason", "opened_at"]
            }
            Self::Notifications => &["id", "patient_id", "kind", "detail", "created_at", "read_at"],
            Self::AuditEvents => &[
                "id",
                "occurred_at",
                "actor_kind",
                "actor_id",
                "action",
                "outcome",
                "patient_id",
                "target_kind",
                "target_id",
                "detail",
                "request_id",
                "client_ip",
                "chain_key",
                "seq",
                "prev_hash",
                "hash",
            ],
            Self::AuditChainHeads => &["chain_key", "seq", "hash"],
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

/// The tables whose secondary indexes are dropped during the load and rebuilt after it.
pub(super) const BULK_TABLES: [Table; 7] = [
    Table::Documents,
    Table::DocumentVersions,
    Table::CareLinks,
    Table::EmergencyGrants,
    Table::Notifications,
    Table::AuditEvents,
    Table::AuditChainHeads,
];

/// How rows travel: multi-row `INSERT` with bound values (SQLite), or `COPY` (PostgreSQL).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Method {
    Insert,
    Copy,
}

/// Rows per `INSERT` statement (one bound JSON array: no parameter limit applies).
const ROWS_PER_INSERT: usize = 1_000;
/// Rows per `COPY`.
const ROWS_PER_COPY: usize = 5_000;
/// Rows per batch of `table`.
pub(super) const fn rows_per_batch(method: Method) -> usize {
    match method {
        Method::Copy => ROWS_PER_COPY,
        Method::Insert => ROWS_PER_INSERT,
    }
}

/// One value of a row, as the generator hands it over; encoded at once for the engine.
#[derive(Debug, Clone)]
pub(super) enum Cell<'a> {
    Null,
    Text(&'a str),
    Owned(String),
    Uuid(Uuid),
    Time(DateTime<Utc>),
    Date(NaiveDate),
    Int(i64),
    Bool(bool),
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(value: &'a str) -> Self {
        Self::Text(value)
    }
}

impl From<String> for Cell<'_> {
    fn from(value: String) -> Self {
        Self::Owned(value)
    }
}

impl From<Uuid> for Cell<'_> {
    fn from(value: Uuid) -> Self {
        Self::Uuid(value)
    }
}

impl From<DateTime<Utc>> for Cell<'_> {
    fn from(value: DateTime<Utc>) -> Self {
        Self::Time(value)
    }
}

impl From<NaiveDate> for Cell<'_> {
    fn from(value: NaiveDate) -> Self {
        Self::Date(value)
    }
}

impl From<i64> for Cell<'_> {
    fn from(value: i64) -> Self {
        Self::Int(value)
    }
}

impl From<i32> for Cell<'_> {
    fn from(value: i32) -> Self {
        Self::Int(i64::from(value))
    }
}

impl From<bool> for Cell<'_> {
    fn from(value: bool) -> Self {
        Self::Bool(value)
    }
}

impl<'a, T: Into<Cell<'a>>> From<Option<T>> for Cell<'a> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Null, Into::into)
    }
}

/// A batch's rows, encoded for the engine.
#[derive(Debug)]
pub(super) enum Payload {
    /// SQLite: the rows as one JSON array of arrays, bound as the single parameter of
    /// `INSERT … SELECT … FROM jsonb_each(?)`, and which columns hold UUIDs (stored as 16-byte
    /// blobs, as sqlx binds them).
    Json { text: String, uuid: Vec<bool> },
    /// `COPY` text-format lines (PostgreSQL).
    Copy(String),
}

/// One batch of rows of one table.
#[derive(Debug)]
pub(super) struct Batch {
    pub table: Table,
    pub rows: usize,
    pub payload: Payload,
}

/// Why the generator could not hand rows over.
#[derive(Debug, thiserror::Error)]
pub(super) enum SinkError {
    /// The writer stopped (it failed; its error says why).
    #[error("the database writer stopped")]
    WriterGone,
}

/// The generator's end of the channel: per-table buffers, encoded as rows arrive, that travel
/// when full. Encoding here, on the generator's thread, keeps the writer's thread free for the
/// database.
#[derive(Debug)]
pub(super) struct Sink {
    tx: mpsc::Sender<Batch>,
    method: Method,
    buffers: Vec<Batch>,
    capacity: Vec<usize>,
}

impl Sink {
    pub(super) fn new(tx: mpsc::Sender<Batch>, method: Method) -> Self {
        let capacity: Vec<usize> = Table::ALL.iter().map(|_| rows_per_batch(method)).collect();
        let buffers = Table::ALL.iter().map(|t| Self::empty(*t, method)).collect();
        Self { tx, method, buffers, capacity }
    }

    fn empty(table: Table, method: Method) -> Batch {
        let payload = match method {
            Method::Insert => {
                Payload::Json { text: String::new(), uuid: vec![false; table.columns().len()] }
            }
            Method::Copy => Payload::Copy(String::new()),
        };
        Batch { table, rows: 0, payload }
    }

    /// Adds one row (its values in the order of [`Table::columns`]).
    pub(super) fn push<const N: usize>(
        &mut self,
        table: Table,
        row: [Cell<'_>; N],
    ) -> Result<(), SinkError> {
        debug_assert_eq!(N, table.columns().len(), "{}", table.name());
        let buffer = &mut self.buffers[table.index()];
        match &mut buffer.payload {
            Payload::Json { text, uuid } => {
                text.push(if buffer.rows == 0 { '[' } else { ',' });
                text.push('[');
                for (i, cell) in row.iter().enumerate() {
                    if i > 0 {
                        text.push(',');
                    }
                    if matches!(cell, Cell::Uuid(_)) {
                        uuid[i] = true;
                    }
                    json_value(text, cell);
                }
                text.push(']');
            }
            Payload::Copy(text) => {
                for (i, cell) in row.iter().enumerate() {
                    if i > 0 {
                        text.push('\t');
                    }
                    copy_value(text, cell);
                }
                text.push('\n');
            }
        }
        buffer.rows += 1;
        if buffer.rows >= self.capacity[table.index()] {
            self.flush(table)?;
        }
        Ok(())
    }

    /// Sends what `table`'s buffer holds.
    pub(super) fn flush(&mut self, table: Table) -> Result<(), SinkError> {
        let i = table.index();
        if self.buffers[i].rows == 0 {
            return Ok(());
        }
        let mut full = std::mem::replace(&mut self.buffers[i], Self::empty(table, self.method));
        if let Payload::Json { text, .. } = &mut full.payload {
            text.push(']');
        }
        self.tx.blocking_send(full).map_err(|_| SinkError::WriterGone)
    }

    /// Sends every buffer.
    pub(super) fn flush_all(&mut self) -> Result<(), SinkError> {
        for table in Table::ALL {
            self.flush(table)?;
        }
        Ok(())
    }
}

/// One value in JSON, as SQLite stores what sqlx binds for SeaORM: texts as they are, UUIDs as
/// hex (made 16-byte blobs by `unhex`), instants as sqlx formats them (RFC 3339, `+00:00`),
/// dates as `YYYY-MM-DD`, booleans as 1 and 0.
fn json_value(out: &mut String, cell: &Cell<'_>) {
    let text = |out: &mut String, s: &str| {
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if u32::from(c) < 0x20 => {
                    let _ = write!(out, "\\u{:04x}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        out.push('"');
    };
    match cell {
        Cell::Null => out.push_str("null"),
        Cell::Text(s) => text(out, s),
        Cell::Owned(s) => text(out, s),
        Cell::Uuid(u) => {
            let _ = write!(out, "\"{}\"", u.simple());
        }
        Cell::Time(t) => text(out, &t.to_rfc3339_opts(SecondsFormat::AutoSi, false)),
        Cell::Date(d) => {
            let _ = write!(out, "\"{}\"", d.format("%F"));
        }
        Cell::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Cell::Bool(b) => out.push(if *b { '1' } else { '0' }),
    }
}

/// One value in `COPY`'s text format.
fn copy_value(out: &mut String, cell: &Cell<'_>) {
    let text = |out: &mut String, s: &str| {
        for c in s.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c => out.push(c),
            }
        }
    };
    match cell {
        Cell::Null => out.push_str("\\N"),
        Cell::Text(s) => text(out, s),
        Cell::Owned(s) => text(out, s),
        Cell::Uuid(u) => {
            let _ = write!(out, "{}", u.hyphenated());
        }
        Cell::Time(t) => {
            let _ = write!(out, "{}", t.format("%Y-%m-%d %H:%M:%S%.6f+00"));
        }
        Cell::Date(d) => {
            let _ = write!(out, "{}", d.format("%Y-%m-%d"));
        }
        Cell::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Cell::Bool(b) => out.push(if *b { 't' } else { 'f' }),
    }
}

/// Rows written to one table and the time its statements took.
#[derive(Debug, Clone, Copy, Default)]
pub struct TableStats {
    /// Rows inserted.
    pub rows: u64,
    /// Time spent in this table's statements.
    pub busy: Duration,
}

/// The database end: executes batches, commits now and then (SQLite; each `COPY` is its own
/// transaction), reports progress.
pub(super) struct Writer<'a> {
    db: &'a DatabaseConnection,
    txn: Option<sqlx::Transaction<'static, sqlx::Sqlite>>,
    since_commit: u64,
    /// Commit after this many rows (SQLite).
    rows_per_transaction: u64,
    sql: HashMap<(usize, usize), Arc<str>>,
    pub stats: Vec<TableStats>,
    started: Instant,
    last_report: Instant,
    /// Expected totals, for the progress lines.
    expected: Vec<Option<u64>>,
}

impl<'a> Writer<'a> {
    pub(super) fn new(
        db: &'a DatabaseConnection,
        expected: Vec<Option<u64>>,
        rows_per_transaction: u64,
    ) -> Self {
        Self {
            db,
            txn: None,
            since_commit: 0,
            rows_per_transaction,
            sql: HashMap::new(),
            stats: vec![TableStats::default(); Table::ALL.len()],
            started: Instant::now(),
            last_report: Instant::now(),
            expected,
        }
    }

    /// Writes one batch.
    pub(super) async fn write(
        &mut self,
        batch: Batch,
        out: &mut (dyn std::io::Write + Send),
    ) -> anyhow::Result<()> {
        let started = Instant::now();
        let (table, rows) = (batch.table, batch.rows);
        match batch.payload {
            Payload::Copy(text) => copy(self.db, table, text).await,
            Payload::Json { text, uuid } => self.insert(table, text, &uuid).await,
        }
        .with_context(|| format!("writing {rows} rows into {}", table.name()))?;
        let stats = &mut self.stats[table.index()];
        stats.rows += rows as u64;
        stats.busy += started.elapsed();
        self.since_commit += rows as u64;
        if self.since_commit >= self.rows_per_transaction {
            self.commit().await?;
        }
        if self.last_report.elapsed() >= Duration::from_secs(5) {
            self.last_report = Instant::now();
            writeln!(out, "{}", self.progress_line())?;
        }
        Ok(())
    }

    async fn insert(&mut self, table: Table, json: String, uuid: &[bool]) -> anyhow::Result<()> {
        let key = (table.index(), uuid.iter().fold(0_usize, |bits, u| bits << 1 | usize::from(*u)));
        let sql = Arc::clone(self.sql.entry(key).or_insert_with(|| insert_sql(table, uuid).into()));
        let txn = match &mut self.txn {
            Some(txn) => txn,
            None => self
                .txn
                .insert(self.db.get_sqlite_connection_pool().begin_with("BEGIN IMMEDIATE").await?),
        };
        sqlx::query(sqlx::AssertSqlSafe(sql)).bind(json).execute(&mut **txn).await?;
        Ok(())
    }

    /// Commits the open transaction, if any.
    pub(super) async fn commit(&mut self) -> anyhow::Result<()> {
        if let Some(txn) = self.txn.take() {
            txn.commit().await?;
        }
        self.since_commit = 0;
        Ok(())
    }

    /// Rows written so far, all tables.
    pub(super) fn total_rows(&self) -> u64 {
        self.stats.iter().map(|s| s.rows).sum()
    }

    fn progress_line(&self) -> String {
        let elapsed = self.started.elapsed().as_secs_f64();
        let mut line = format!("[{elapsed:>7.1} s]");
        for table in Table::ALL {
            let rows = self.stats[table.index()].rows;
            if rows == 0 {
                continue;
            }
            match self.expected[table.index()] {
                Some(total) if total > 0 => {
                    let _ = write!(
                        line,
                        " {} {}/{} ({:.0} %)",
                        table.name(),
                        rows,
                        total,
                        rows as f64 * 100.0 / total as f64
                    );
                }
                _ => {
                    let _ = write!(line, " {} {rows}", table.name());
                }
            }
        }
        let rate = self.total_rows() as f64 / elapsed.max(1e-9);
        let _ = write!(line, "; {rate:.0} rows/s overall");
        line
    }
}

/// `INSERT INTO table (…) SELECT … FROM jsonb_each(?)`: one bound JSON array per batch,
/// each element a row (UUID columns turned back into blobs).
fn insert_sql(table: Table, uuid: &[bool]) -> String {
    let values: Vec<String> = (0..table.columns().len())
        .map(|i| {
            if uuid.get(i).copied().unwrap_or(false) {
                format!("unhex(value ->> {i})")
            } else {
                format!("value ->> {i}")
            }
        })
        .collect();
    format!(
        "INSERT INTO {} ({}) SELECT {} FROM jsonb_each(?)",
        table.name(),
        table.columns().join(", "),
        values.join(", ")
    )
}

/// Streams a batch through PostgreSQL's `COPY … FROM STDIN` (text format), one transaction.
async fn copy(db: &DatabaseConnection, table: Table, text: String) -> anyhow::Result<()> {
    let statement = format!("COPY {} ({}) FROM STDIN", table.name(), table.columns().join(", "));
    let mut copy = db.get_postgres_connection_pool().copy_in_raw(&statement).await?;
    copy.send(text.into_bytes()).await?;
    copy.finish().await?;
    Ok(())
}

/// A secondary index as the database defines it: its name and the statement that creates it.
#[derive(Debug, Clone)]
pub(super) struct IndexDefinition {
    pub name: String,
    pub sql: String,
}

/// The secondary indexes of `tables` (not primary keys or constraints), as the database
/// defines them.
pub(super) async fn secondary_indexes(
    db: &DatabaseConnection,
    tables: &[Table],
) -> anyhow::Result<Vec<IndexDefinition>> {
    let backend = db.get_database_backend();
    let names: Vec<String> = tables.iter().map(|t| format!("'{}'", t.name())).collect();
    let sql = match backend {
        DbBackend::Postgres => format!(
            "SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i \
             WHERE i.schemaname = current_schema() AND i.tablename IN ({}) \
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) \
             ORDER BY i.indexname",
            names.join(", ")
        ),
        _ => format!(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL \
             AND tbl_name IN ({}) ORDER BY name",
            names.join(", ")
        ),
    };
    let rows = db.query_all_raw(Statement::from_string(backend, sql)).await?;
    rows.iter()
        .map(|row| {
            Ok(IndexDefinition { name: row.try_get("", "name")?, sql: row.try_get("", "sql")? })
        })
        .collect()
}

/// Drops these indexes.
pub(super) async fn drop_indexes(
    db: &DatabaseConnection,
    indexes: &[IndexDefinition],
) -> anyhow::Result<()> {
    for index in indexes {
        db.execute_unprepared(&format!("DROP INDEX IF EXISTS {}", index.name)).await?;
    }
    Ok(())
}

/// Creates these indexes again, each timed.
pub(super) async fn create_indexes(
    db: &DatabaseConnection,
    indexes: &[IndexDefinition],
    out: &mut (dyn std::io::Write + Send),
) -> anyhow::Result<Vec<(String, Duration)>> {
    let mut timings = Vec::new();
    for index in indexes {
        let started = Instant::now();
        writeln!(out, "building index {} …", index.name)?;
        db.execute_unprepared(&index.sql)
            .await
            .with_context(|| format!("building index {}", index.name))?;
        timings.push((index.name.clone(), started.elapsed()));
    }
    Ok(timings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_batches_are_one_json_array() {
        assert_eq!(
            insert_sql(Table::Blocks, &[true, true, false]),
            "INSERT INTO blocks (patient_id, professional_id, created_at) \
             SELECT unhex(value ->> 0), unhex(value ->> 1), value ->> 2 FROM jsonb_each(?)"
        );
        let mut out = String::new();
        let t = DateTime::from_timestamp_micros(1_764_000_000_123_456).unwrap();
        for cell in [
            Cell::from("a\"b\\c\nd"),
            Cell::from(Option::<String>::None),
            Cell::from(7_i64),
            Cell::from(true),
            Cell::from(t),
            Cell::from(Uuid::nil()),
            Cell::from(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()),
        ] {
            json_value(&mut out, &cell);
            out.push('|');
        }
        assert_eq!(
            out,
            "\"a\\\"b\\\\c\\u000ad\"|null|7|1|\"2025-11-24T16:00:00.123456+00:00\"|\"00000000000000000000000000000000\"|\"2026-01-02\"|"
        );
    }

    #[test]
    fn copy_text_escapes_and_formats() {
        let mut out = String::new();
        let t = DateTime::from_timestamp_micros(1_764_000_000_123_456).unwrap();
        for cell in [
            Cell::from("a\tb\\c\nd"),
            Cell::from(Option::<String>::None),
            Cell::from(7_i64),
            Cell::from(true),
            Cell::from(t),
            Cell::from(Uuid::nil()),
        ] {
            copy_value(&mut out, &cell);
            out.push('|');
        }
        assert_eq!(
            out,
            "a\\tb\\\\c\\nd|\\N|7|t|2025-11-24 16:00:00.123456+00|00000000-0000-0000-0000-000000000000|"
        );
    }
}
