//! `dsp generate`: fills an empty database with a synthetic country for load tests and
//! benchmarks — organisations, agents, professionals, patients, care links, référents, blocks,
//! emergency accesses, documents with their versions and restrictions, and an audit log whose
//! hash chains verify — deterministic from a seed.
//!
//! Distributions are heavy-tailed (a few heavy patients, most light), rows arrive in the order a
//! real system would have written them (time order across records), and every document version
//! points at one of a handful of small placeholder contents stored once in the content store.
//! Loading uses multi-row `INSERT`s in large transactions (SQLite) or `COPY` (PostgreSQL) on one
//! dedicated connection whose durability is relaxed for the load only (SQLite
//! `synchronous=OFF`, PostgreSQL `synchronous_commit=off`; both end with the connection), with
//! the bulk tables' secondary indexes dropped during the load and rebuilt after it.
//!
//! It never runs on a database that already holds patients, professionals or organisations, and
//! a generation that fails half-way leaves a partial database to discard.

mod bulk;
mod history;
mod people;
mod random;
mod world;

use std::fmt;
use std::io::Write;
use std::str::FromStr;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use chrono::{DateTime, NaiveTime, Utc};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement,
};
use tokio::sync::mpsc;

pub use bulk::TableStats;
use bulk::{Method, Sink, Table, Writer};
use history::{History, Placeholder};
use world::Rights;

use crate::config::Config;
use crate::documents::content::{ContentLimits, ExpectedPatient, Validator};
use crate::documents::store::{ContentStore, FileStore};

/// A day, in microseconds.
pub(crate) const DAY: i64 = 86_400_000_000;
/// An hour, in microseconds.
pub(crate) const HOUR: i64 = 3_600_000_000;
/// How far back the history goes: the record's launch.
const HISTORY_YEARS: i64 = 6;

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Volumes {
    /// Patient records.
    pub patients: u64,
    /// Professionals in the directory.
    pub professionals: u64,
    /// Organisations (at least one of each kind).
    pub organisations: u64,
    /// Documents (one version each).
    pub documents: u64,
    /// Audit entries, all chains together.
    pub audit_entries: u64,
}

/// The named sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// A smoke test: 200 patients, 50 professionals, 3 000 documents, 20 000 audit entries.
    Tiny,
    /// 10 000 patients, 1 000 professionals, 300 000 documents, 3 000 000 audit entries.
    S,
    /// The country: 750 000 patients, 10 000 professionals, 20 000 000 documents, 100 000 000
    /// audit entries.
    N,
}

impl Scale {
    /// The volumes of this scale.
    #[must_use]
    pub const fn volumes(self) -> Volumes {
        match self {
            Self::Tiny => Volumes {
                patients: 200,
                professionals: 50,
                organisations: 8,
                documents: 3_000,
                audit_entries: 20_000,
            },
            Self::S => Volumes {
                patients: 10_000,
                professionals: 1_000,
                organisations: 70,
                documents: 300_000,
                audit_entries: 3_000_000,
            },
            Self::N => Volumes {
                patients: 750_000,
                professionals: 10_000,
                organisations: 700,
                documents: 20_000_000,
                audit_entries: 100_000_000,
            },
        }
    }
}

/// A scale name that is none of `tiny`, `S`, `N`.
#[derive(Debug, Clone, thiserror::Error)]
#[error("unknown scale {0:?}: use tiny, S or N")]
pub struct UnknownScale(String);

impl FromStr for Scale {
    type Err = UnknownScale;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "tiny" => Ok(Self::Tiny),
            "s" => Ok(Self::S),
            "n" => Ok(Self::N),
            _ => Err(UnknownScale(s.to_owned())),
        }
    }
}

/// What to generate, from which seed, around which "now".
#[derive(Debug, Clone)]
pub struct Options {
    /// How much.
    pub volumes: Volumes,
    /// The same seed (and day) gives the same data.
    pub seed: u64,
    /// The history ends at the start of this day (UTC); links, activations and grants are set
    /// around it.
    pub now: DateTime<Utc>,
}

/// What a generation wrote and how long it took.
#[derive(Debug, Clone)]
pub struct Summary {
    /// The end of the generated history (the start of the day of `Options::now`).
    pub now: DateTime<Utc>,
    /// Rows and statement time per table.
    pub tables: Vec<(&'static str, TableStats)>,
    /// Time spent loading rows (generation and inserts overlap).
    pub load: Duration,
    /// Of which the writer waited for the generator.
    pub waiting: Duration,
    /// Secondary indexes rebuilt, each with its time.
    pub indexes: Vec<(String, Duration)>,
    /// Everything, from connecting to the end.
    pub total: Duration,
    /// The database's size in bytes after the generation, when the engine says.
    pub database_bytes: Option<u64>,
}

impl Summary {
    /// Rows written to `table`.
    #[must_use]
    pub fn rows(&self, table: &str) -> u64 {
        self.tables.iter().find(|(name, _)| *name == table).map_or(0, |(_, s)| s.rows)
    }
}

fn per_second(rows: u64, time: Duration) -> f64 {
    rows as f64 / time.as_secs_f64().max(1e-9)
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<22} {:>12} {:>10} {:>12}", "table", "rows", "insert s", "rows/s")?;
        let mut rows = 0;
        for (name, stats) in &self.tables {
            if stats.rows == 0 {
                continue;
            }
            rows += stats.rows;
            writeln!(
                f,
                "{name:<22} {:>12} {:>10.1} {:>12.0}",
                stats.rows,
                stats.busy.as_secs_f64(),
                per_second(stats.rows, stats.busy)
            )?;
        }
        writeln!(
            f,
            "{:<22} {rows:>12} {:>10.1} {:>12.0}  (wall clock of the load; {:.1} s waiting for the generator)",
            "all tables",
            self.load.as_secs_f64(),
            per_second(rows, self.load),
            self.waiting.as_secs_f64()
        )?;
        for (name, time) in &self.indexes {
            writeln!(f, "index {name:<33} rebuilt in {:>7.1} s", time.as_secs_f64())?;
        }
        if let Some(bytes) = self.database_bytes {
            writeln!(f, "database size: {:.2} GB", bytes as f64 / 1e9)?;
        }
        writeln!(
            f,
            "generated in {:.1} s; the history ends at {}",
            self.total.as_secs_f64(),
            self.now.to_rfc3339()
        )
    }
}

/// One connection for the whole load, with durability relaxed on it alone: SQLite
/// `synchronous=OFF` and a 2 GiB page cache (per connection: the server's own connections keep
/// `synchronous=FULL`), PostgreSQL `synchronous_commit=off` (per session).
async fn connect(config: &Config) -> Result<DatabaseConnection, sea_orm::DbErr> {
    let mut options = ConnectOptions::new(config.database_url.clone());
    options
        .max_connections(1)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(60))
        .connect_timeout(Duration::from_secs(10))
        .max_lifetime(None)
        .idle_timeout(None)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Off)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(30))
                .pragma("cache_size", "-2097152")
        })
        .map_sqlx_postgres_opts(|o| {
            o.options([("synchronous_commit", "off"), ("maintenance_work_mem", "512MB")])
        });
    Database::connect(options).await
}

async fn count(db: &DatabaseConnection, table: &str) -> anyhow::Result<i64> {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM {table}"),
        ))
        .await?
        .with_context(|| format!("counting {table}"))?;
    Ok(row.try_get("", "n")?)
}

/// Refuses a database that already holds people.
async fn ensure_empty(db: &DatabaseConnection) -> anyhow::Result<()> {
    for table in ["patients", "professionals", "organisations"] {
        let n = count(db, table).await?;
        if n > 0 {
            anyhow::bail!(
                "the database already holds {n} {table}: generate fills an empty database \
                 (create a new one, or point DATABASE_URL elsewhere)"
            );
        }
    }
    Ok(())
}

/// Validates the placeholder contents as an upload would be, and stores each once.
async fn store_placeholders(config: &Config) -> anyhow::Result<(Vec<Placeholder>, Placeholder)> {
    let store = FileStore::open_in(&config.data_dir).await.context("opening the content store")?;
    let mut contents: Vec<Vec<u8>> = people::PLACEHOLDER_PDFS
        .iter()
        .map(|(title, lines)| crate::demo::demo_pdf(title, lines))
        .collect();
    contents.push(people::PLACEHOLDER_PNG.to_vec());
    let mut stored = Vec::new();
    for bytes in contents {
        let mut validator = Validator::new(ContentLimits::default(), ExpectedPatient::default());
        validator.update(&bytes).map_err(|e| anyhow::anyhow!("placeholder rejected: {e}"))?;
        let validated =
            validator.finish().map_err(|e| anyhow::anyhow!("placeholder rejected: {e}"))?;
        let mut pending = store.begin().await?;
        pending.write(bytes.into()).await?;
        let address = pending.commit().await?;
        if address.sha256() != &validated.sha256 {
            anyhow::bail!("the content store and the validator disagree on a placeholder's hash");
        }
        stored.push(Placeholder {
            sha256: address.to_hex(),
            size: i64::try_from(validated.size).unwrap_or(i64::MAX),
            format: validated.format.code(),
            media_type: validated.media_type,
            extension: validated.format.extension(),
        });
    }
    let png = stored.pop().context("no placeholder image")?;
    Ok((stored, png))
}

/// Sets SQLite's journal mode; returns the mode in force after. Leaving the write-ahead log
/// fails (locked) while another connection uses the database.
async fn journal_mode(db: &DatabaseConnection, mode: &str) -> anyhow::Result<String> {
    let row = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            format!("PRAGMA journal_mode = {mode}"),
        ))
        .await?
        .context("reading the journal mode")?;
    Ok(row.try_get::<String>("", "journal_mode")?.to_ascii_lowercase())
}

/// The first audit entry id the generation may use.
async fn next_audit_id(db: &DatabaseConnection) -> anyhow::Result<i64> {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT COALESCE(MAX(id), 0) AS max_id FROM audit_events",
        ))
        .await?
        .context("reading the audit log's last id")?;
    let max: i64 = row.try_get("", "max_id")?;
    Ok(max + 1)
}

async fn database_bytes(db: &DatabaseConnection) -> Option<u64> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => "SELECT pg_database_size(current_database())::bigint AS bytes",
        _ => {
            "SELECT (SELECT page_count FROM pragma_page_count()) * \
             (SELECT page_size FROM pragma_page_size()) AS bytes"
        }
    };
    let row = db.query_one_raw(Statement::from_string(backend, sql)).await.ok()??;
    let bytes: i64 = row.try_get("", "bytes").ok()?;
    u64::try_from(bytes).ok()
}

/// Fills the database of `config` (migrated first; it must hold no patients, professionals or
/// organisations) and its content store with the synthetic country of `options`, writing
/// progress lines to `out`.
///
/// # Errors
/// When the database is not empty or refuses the load, or the content store fails. A failure
/// half-way leaves a partial database (its indexes rebuilt when possible): discard it.
pub async fn run(
    config: &Config,
    options: &Options,
    out: &mut (dyn Write + Send),
) -> anyhow::Result<Summary> {
    let started = Instant::now();
    let now = options.now.date_naive().and_time(NaiveTime::MIN).and_utc();
    let db = connect(config).await.context("opening the database")?;
    crate::db::migrate(&db).await.context("migrating")?;
    ensure_empty(&db).await?;
    let backend = db.get_database_backend();
    let method = if backend == DbBackend::Postgres { Method::Copy } else { Method::Insert };
    let (pdfs, png) = store_placeholders(config).await?;
    let matrix = crate::services::documents::load_matrix(&db)
        .await
        .map_err(|e| anyhow::anyhow!("reading the access matrix: {e}"))?;
    let rights = Rights::of(&matrix);
    let first_audit_id = next_audit_id(&db).await?;
    let indexes = bulk::secondary_indexes(&db, &bulk::BULK_TABLES).await?;
    let volumes = options.volumes;
    writeln!(
        out,
        "generating {} patients, {} professionals, {} documents, {} audit entries (seed {}) \
         into {}; dropping {} secondary indexes for the load",
        volumes.patients,
        volumes.professionals,
        volumes.documents,
        volumes.audit_entries,
        options.seed,
        if backend == DbBackend::Postgres { "PostgreSQL (COPY)" } else { "SQLite (INSERT)" },
        indexes.len()
    )?;
    bulk::drop_indexes(&db, &indexes).await?;
    // SQLite: with no other connection, write pages straight to the file during the load (no
    // write-ahead log to copy them through twice) in few, large transactions, so that the
    // random-UUID primary keys' pages are written once rather than at every commit; the
    // write-ahead log comes back at the end. With another connection open, keep the log.
    let unjournaled = backend != DbBackend::Postgres
        && journal_mode(&db, "OFF").await.is_ok_and(|mode| mode == "off");
    if backend != DbBackend::Postgres && !unjournaled {
        writeln!(out, "the database is in use: loading through the write-ahead log")?;
    }
    let (tx, mut rx) = mpsc::channel(64);
    let seed = options.seed;
    let generator = tokio::task::spawn_blocking(move || {
        let mut sink = Sink::new(tx, method);
        generate(seed, volumes, &rights, &pdfs, &png, now, first_audit_id, &mut sink)
    });
    let mut expected = vec![None; Table::ALL.len()];
    for (table, total) in [
        (Table::Patients, volumes.patients),
        (Table::Professionals, volumes.professionals),
        (Table::Documents, volumes.documents),
        (Table::DocumentVersions, volumes.documents),
        (Table::AuditEvents, volumes.audit_entries),
    ] {
        if let Some(slot) = Table::ALL.iter().position(|t| *t == table) {
            expected[slot] = Some(total);
        }
    }
    let load_started = Instant::now();
    let mut waiting = Duration::ZERO;
    let mut writer = Writer::new(&db, expected, if unjournaled { 5_000_000 } else { 200_000 });
    let mut failure = None;
    loop {
        let wait = Instant::now();
        let Some(batch) = rx.recv().await else { break };
        waiting += wait.elapsed();
        if let Err(e) = writer.write(batch, out).await {
            failure = Some(e);
            break;
        }
    }
    drop(rx);
    if failure.is_none()
        && let Err(e) = writer.commit().await
    {
        failure = Some(e);
    }
    let generated = generator.await.context("the generator panicked")?;
    let load = load_started.elapsed();
    let failure = match (failure, generated) {
        (Some(e), _) | (None, Err(e)) => Some(e),
        (None, Ok(())) => None,
    };
    if let Some(error) = failure {
        drop(writer);
        if unjournaled {
            let _ = journal_mode(&db, "WAL").await;
        }
        let _ = bulk::create_indexes(&db, &indexes, out).await;
        return Err(error.context("the generation failed; the database is incomplete: discard it"));
    }
    let stats = writer.stats.clone();
    drop(writer);
    writeln!(out, "loaded in {:.1} s; rebuilding indexes", load.as_secs_f64())?;
    let timings = bulk::create_indexes(&db, &indexes, out).await?;
    if backend == DbBackend::Postgres {
        db.execute_unprepared(
            "SELECT setval(pg_get_serial_sequence('audit_events', 'id'), \
             (SELECT MAX(id) FROM audit_events))",
        )
        .await?;
        writeln!(out, "analyzing")?;
        db.execute_unprepared("ANALYZE").await?;
    } else {
        if journal_mode(&db, "WAL").await? != "wal" {
            anyhow::bail!("could not return the database to write-ahead logging");
        }
        db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)").await?;
    }
    let database_bytes = database_bytes(&db).await;
    db.close().await?;
    Ok(Summary {
        now,
        tables: Table::ALL.iter().zip(stats).map(|(t, s)| (t.name(), s)).collect(),
        load,
        waiting,
        indexes: timings,
        total: started.elapsed(),
        database_bytes,
    })
}

/// The generator thread: the directory, the patients, then the history in time order.
#[expect(clippy::too_many_arguments, reason = "the generator thread's inputs, passed once")]
fn generate(
    seed: u64,
    volumes: Volumes,
    rights: &Rights,
    pdfs: &[Placeholder],
    png: &Placeholder,
    now: DateTime<Utc>,
    first_audit_id: i64,
    sink: &mut Sink,
) -> anyhow::Result<()> {
    let now_micros = now.timestamp_micros();
    let launch = now_micros - HISTORY_YEARS * 365 * DAY;
    let directory = world::directory(seed, &volumes, rights, launch);
    emit_directory(seed, &directory, launch, sink)?;
    let (plans, professional_events) =
        world::patients(seed, &volumes, &directory, launch, now_micros)?;
    emit_patients(seed, &plans, &directory, sink)?;
    sink.flush_all()?;
    let mut history = History {
        seed,
        now: now_micros,
        directory: &directory,
        rights,
        plans: &plans,
        professional_events: &professional_events,
        pdfs,
        png,
        sink,
        next_audit_id: first_audit_id,
        documents: 0,
        links: 0,
        grants: 0,
    };
    history.play()?;
    Ok(())
}

fn at(micros: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(random::warp(micros)).unwrap_or_default()
}

fn emit_directory(
    seed: u64,
    directory: &world::Directory,
    launch: i64,
    sink: &mut Sink,
) -> Result<(), bulk::SinkError> {
    let opened = at(launch - 120 * DAY);
    for o in &directory.organisations {
        sink.push(
            Table::Organisations,
            [o.id.into(), o.name.clone().into(), o.kind.into(), opened.into()],
        )?;
    }
    for (i, id) in directory.agents.iter().enumerate() {
        sink.push(
            Table::Agents,
            [
                (*id).into(),
                format!("Agent de test {}", i + 1).into(),
                "active".into(),
                opened.into(),
            ],
        )?;
    }
    sink.flush(Table::Organisations)?;
    let mut rng = random::Rng::derive(seed, world::domain::DIRECTORY, 1);
    for (i, p) in directory.professionals.iter().enumerate() {
        let given = rng.pick(&people::GIVEN_NAMES).copied().unwrap_or("Jean");
        let family = rng.pick(&people::FAMILY_NAMES).copied().unwrap_or("Schmit");
        let organisation = p.organisation.and_then(|o| directory.organisations.get(o as usize));
        let email = rng.chance(0.6).then(|| format!("pro-{:06}@sante.example.lu", i + 1));
        sink.push(
            Table::Professionals,
            [
                p.id.into(),
                given.into(),
                family.into(),
                p.profession.code().into(),
                format!("{}-{:06}", p.profession.code(), i + 1).into(),
                organisation.map(|o| o.id).into(),
                if p.active { "active" } else { "inactive" }.into(),
                email.into(),
                at(p.created_at).into(),
            ],
        )?;
    }
    Ok(())
}

fn emit_patients(
    seed: u64,
    plans: &[world::PatientPlan],
    directory: &world::Directory,
    sink: &mut Sink,
) -> anyhow::Result<()> {
    let mut national_ids = people::NationalIds::default();
    for (i, plan) in plans.iter().enumerate() {
        let mut rng = random::Rng::derive(seed, world::domain::PATIENT_ROW, i as u64);
        let created = at(plan.created);
        let birth = people::birth_date(&mut rng, created.date_naive());
        let national_id = national_ids.issue(birth).context("generating a national ID")?;
        let address = people::address(&mut rng);
        let given = rng.pick(&people::GIVEN_NAMES).copied().unwrap_or("Jean");
        let family = rng.pick(&people::FAMILY_NAMES).copied().unwrap_or("Schmit");
        let referent =
            plan.referent.and_then(|(r, _)| directory.professionals.get(r as usize)).map(|p| p.id);
        sink.push(
            Table::Patients,
            [
                plan.id.into(),
                national_id.as_str().into(),
                given.into(),
                family.into(),
                national_id.birth_date().into(),
                address.language.tag().into(),
                plan.state.as_str().into(),
                created.into(),
                Some(at(plan.letter)).into(),
                plan.activated.map(at).into(),
                plan.closed.map(at).into(),
                Some(address.street).into(),
                Some(address.postal_code).into(),
                Some(address.city).into(),
                Some(address.country).into(),
                referent.into(),
                plan.emergency_off.is_none().into(),
            ],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_parse_in_either_case() {
        assert_eq!("tiny".parse::<Scale>().unwrap(), Scale::Tiny);
        assert_eq!("S".parse::<Scale>().unwrap(), Scale::S);
        assert_eq!("n".parse::<Scale>().unwrap(), Scale::N);
        assert!("XL".parse::<Scale>().is_err());
        assert_eq!(Scale::N.volumes().audit_entries, 100_000_000);
    }

    fn plan(volumes: Volumes, seed: u64) -> (Vec<world::PatientPlan>, Vec<u64>) {
        let matrix = crate::access::Matrix::from_cells(
            &crate::seed::parse_access_matrix(crate::seed::ACCESS_MATRIX_CSV).unwrap(),
        );
        let rights = Rights::of(&matrix);
        let now = 20_000 * DAY;
        let launch = now - HISTORY_YEARS * 365 * DAY;
        let directory = world::directory(seed, &volumes, &rights, launch);
        world::patients(seed, &volumes, &directory, launch, now).unwrap()
    }

    #[test]
    fn plans_add_up_to_the_volumes_and_are_heavy_tailed() {
        let volumes = Scale::S.volumes();
        let (plans, professional) = plan(volumes, 9);
        assert_eq!(plans.len() as u64, volumes.patients);
        assert_eq!(plans.iter().map(|p| p.documents).sum::<u64>(), volumes.documents);
        let events: u64 = plans.iter().map(world::PatientPlan::events).sum::<u64>()
            + professional.iter().sum::<u64>();
        assert_eq!(events, volumes.audit_entries);
        let mut documents: Vec<u64> = plans.iter().map(|p| p.documents).collect();
        documents.sort_unstable();
        let median = documents[documents.len() / 2];
        let top: u64 = documents[documents.len() * 99 / 100..].iter().sum();
        assert!(documents[documents.len() - 1] > 20 * median.max(1), "a few heavy patients");
        assert!(top * 100 / volumes.documents >= 8, "the top 1 % hold {top} documents");
        let activated =
            plans.iter().filter(|p| p.state == shared::api::agency::RecordState::Activated).count();
        assert!(activated * 2 > plans.len(), "mostly activated");
        let with_referent = plans.iter().filter(|p| p.referent.is_some()).count();
        assert!(with_referent * 10 > plans.len() * 7, "a référent for most");
        for p in &plans {
            assert!(p.created <= p.letter);
            assert!(p.start < p.end, "an active window");
            assert!(p.activated.is_none_or(|a| a > p.letter && a < p.end + DAY));
        }
    }

    #[test]
    fn plans_are_deterministic() {
        let (a, _) = plan(Scale::Tiny.volumes(), 3);
        let (b, _) = plan(Scale::Tiny.volumes(), 3);
        let (c, _) = plan(Scale::Tiny.volumes(), 4);
        let ids = |p: &[world::PatientPlan]| p.iter().map(|x| x.id).collect::<Vec<_>>();
        assert_eq!(ids(&a), ids(&b));
        assert_ne!(ids(&a), ids(&c));
    }

    #[test]
    fn too_few_audit_entries_are_refused() {
        let matrix = crate::access::Matrix::from_cells(
            &crate::seed::parse_access_matrix(crate::seed::ACCESS_MATRIX_CSV).unwrap(),
        );
        let rights = Rights::of(&matrix);
        let volumes = Volumes { audit_entries: 100, ..Scale::Tiny.volumes() };
        let directory = world::directory(1, &volumes, &rights, 0);
        assert!(world::patients(1, &volumes, &directory, 0, 3_000 * DAY).is_err());
    }
}
