//! Opening the database: SQLite (WAL, foreign keys on) or PostgreSQL, with the same migrations.

use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr,
    TransactionTrait,
};
use sea_orm_migration::MigratorTrait;
use shared::api::health::DatabaseEngine;

use crate::config::Config;
use crate::migration::Migrator;

/// Opens the pool described by the configuration. It does not migrate; see [`migrate`].
///
/// # Errors
/// When the database cannot be reached or opened.
pub async fn connect(config: &Config) -> Result<DatabaseConnection, DbErr> {
    connect_sized(config, config.db_max_connections).await
}

/// Opens a pool of `size` connections (the audit writer has one of its own, so that its commits
/// never queue behind the requests waiting for them).
///
/// # Errors
/// When the database cannot be reached or opened.
pub async fn connect_sized(config: &Config, size: u32) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(config.database_url.clone());
    options
        .max_connections(size)
        .min_connections(1)
        // A short acquire timeout sheds load fast instead of queueing requests for seconds.
        .acquire_timeout(Duration::from_secs(3))
        .connect_timeout(Duration::from_secs(5))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
        });
    Database::connect(options).await
}

/// Applies every pending migration (a no-op when the schema is current).
///
/// # Errors
/// When a migration fails; it is then rolled back where the engine allows it.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// The engine behind a connection.
#[must_use]
pub fn engine(db: &DatabaseConnection) -> DatabaseEngine {
    match db.get_database_backend() {
        DbBackend::Postgres => DatabaseEngine::Postgres,
        _ => DatabaseEngine::Sqlite,
    }
}

/// The newest applied migration and the number applied.
///
/// # Errors
/// When the migrations table cannot be read.
pub async fn migration_status(db: &DatabaseConnection) -> Result<(String, u32), DbErr> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            backend,
            "SELECT MAX(version) AS newest, COUNT(*) AS applied FROM seaql_migrations",
        ))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("seaql_migrations".into()))?;
    let newest: Option<String> = row.try_get("", "newest")?;
    let applied: i64 = row.try_get("", "applied")?;
    Ok((newest.unwrap_or_default(), u32::try_from(applied).unwrap_or(u32::MAX)))
}

/// Begins a transaction that will write.
///
/// On PostgreSQL it is a plain transaction (row locks order concurrent writers, and the server
/// groups concurrent commits itself).
///
/// On SQLite there is one writer at a time, and a durable commit (an fsync) costs more than most
/// acts. So the writers of this process take turns on an in-process gate per database file
/// (SQLite's own busy handler waits by sleeping, up to 100 ms a try), and the acts that take
/// their turn while a commit is due share it: the first opens the transaction (`BEGIN
/// IMMEDIATE`), each act runs in a savepoint of it (an act that fails or is dropped is rolled
/// back to its savepoint alone), and once the writers already waiting have had their turn, one
/// commit makes them all durable. [`WriteTxn::commit`] returns only after that commit, with its
/// result: no act answers before it is durable, and if the commit fails every act in it fails.
/// Other processes on the same file (the `dsp` commands) still meet the busy timeout.
///
/// # Errors
/// When the transaction cannot start.
pub async fn begin_write(db: &DatabaseConnection) -> Result<WriteTxn, DbErr> {
    let Some(gate) = gate_for(db) else {
        return Ok(WriteTxn {
            txn: db.begin_with_options(immediate()).await?,
            turn: None,
            alone: None,
        });
    };
    let mut group = std::sync::Arc::clone(&gate.group).lock_owned().await;
    // From here on, dropping the turn schedules the group's commit (also on an error below).
    let mut turn = Turn { gate, group: None };
    let outer = match group.outer.take() {
        Some(outer) => outer,
        None => db.begin_with_options(immediate()).await?,
    };
    let savepoint = outer.begin().await;
    group.outer = Some(outer);
    turn.group = Some(group);
    Ok(WriteTxn { txn: savepoint?, turn: Some(turn), alone: None })
}

/// Begins a write that commits on its own, never grouped: the B3 baseline (the raw rate of
/// durable commits). On SQLite it still takes its turn on the gate (after committing a group
/// that is open), so that it does not meet SQLite's sleeping busy handler.
///
/// # Errors
/// When the transaction cannot start.
pub async fn begin_write_alone(db: &DatabaseConnection) -> Result<WriteTxn, DbErr> {
    let alone = match gate_for(db) {
        Some(gate) => {
            let mut group = std::sync::Arc::clone(&gate.group).lock_owned().await;
            commit_group(&mut group).await;
            Some(group)
        }
        None => None,
    };
    let txn = db.begin_with_options(immediate()).await?;
    Ok(WriteTxn { txn, turn: None, alone })
}

/// `BEGIN IMMEDIATE` on SQLite (the write lock at once, so that a read lock never has to be
/// upgraded); PostgreSQL ignores the mode.
fn immediate() -> sea_orm::TransactionOptions {
    sea_orm::TransactionOptions {
        sqlite_transaction_mode: Some(sea_orm::SqliteTransactionMode::Immediate),
        ..sea_orm::TransactionOptions::default()
    }
}

/// A write: a transaction (PostgreSQL) or this act's savepoint in the group's transaction
/// (SQLite), holding this process's turn to write.
#[derive(Debug)]
pub struct WriteTxn {
    // Dropped first: an uncommitted act is rolled back, then the turn passes on.
    txn: sea_orm::DatabaseTransaction,
    turn: Option<Turn>,
    /// The gate, held by a write that commits on its own ([`begin_write_alone`]).
    alone: Option<tokio::sync::OwnedMutexGuard<Group>>,
}

impl std::ops::Deref for WriteTxn {
    type Target = sea_orm::DatabaseTransaction;

    fn deref(&self) -> &Self::Target {
        &self.txn
    }
}

impl WriteTxn {
    /// Commits, and returns once the act is durable.
    ///
    /// # Errors
    /// When the commit fails (nothing of the act was written).
    pub async fn commit(self) -> Result<(), DbErr> {
        let Self { txn, turn, alone } = self;
        let Some(mut turn) = turn else {
            let committed = txn.commit().await;
            drop(alone);
            return committed;
        };
        let released = txn.commit().await;
        let Some(group) = turn.group.as_mut() else {
            return Err(DbErr::Custom("a write outside its turn".into()));
        };
        if let Err(e) = released {
            // The savepoint's state is unknown: the whole group must not commit.
            group.poisoned = true;
            return Err(e);
        }
        let (done, durable) = tokio::sync::oneshot::channel();
        group.waiters.push(done);
        drop(turn);
        durable
            .await
            .map_err(|_| DbErr::Custom("the group commit was abandoned".into()))?
            .map_err(DbErr::Custom)
    }
}

/// One database file's writers: their gate, and the group commit they share.
#[derive(Debug, Default)]
struct Gate {
    group: std::sync::Arc<tokio::sync::Mutex<Group>>,
    /// A commit is queued on the gate (acts finishing meanwhile join it).
    commit_queued: std::sync::atomic::AtomicBool,
}

/// The open transaction of a group and the acts waiting for its commit.
#[derive(Debug, Default)]
struct Group {
    outer: Option<sea_orm::DatabaseTransaction>,
    waiters: Vec<tokio::sync::oneshot::Sender<Result<(), String>>>,
    poisoned: bool,
}

/// An act's turn on the gate. When it ends (committed, failed or dropped), the group's commit is
/// queued behind the writers already waiting, so that they join it.
#[derive(Debug)]
struct Turn {
    gate: std::sync::Arc<Gate>,
    group: Option<tokio::sync::OwnedMutexGuard<Group>>,
}

impl Drop for Turn {
    fn drop(&mut self) {
        use std::sync::atomic::Ordering;
        if self.gate.commit_queued.swap(true, Ordering::AcqRel) {
            return;
        }
        let mut queued = QueuedCommit { gate: std::sync::Arc::clone(&self.gate), ran: false };
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return; // `queued` is dropped: the group is abandoned (see below).
        };
        runtime.spawn(async move {
            let gate = std::sync::Arc::clone(&queued.gate);
            // The gate is fair: the writers queued before this commit run (and join it) first.
            let mut group = gate.group.lock().await;
            gate.commit_queued.store(false, Ordering::Release);
            commit_group(&mut group).await;
            queued.ran = true;
            drop(queued);
        });
    }
}

static GROUP_COMMITS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
static GROUPED_ACTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// SQLite group commits since the process started, and the acts they made durable (the
/// benchmark's profile).
#[must_use]
pub fn group_commit_counters() -> (u64, u64) {
    use std::sync::atomic::Ordering;
    (GROUP_COMMITS.load(Ordering::Relaxed), GROUPED_ACTS.load(Ordering::Relaxed))
}

/// Commits the group's transaction, if one is open, and tells its acts the result.
async fn commit_group(group: &mut Group) {
    use std::sync::atomic::Ordering;
    if group.outer.is_some() {
        GROUP_COMMITS.fetch_add(1, Ordering::Relaxed);
        GROUPED_ACTS.fetch_add(group.waiters.len() as u64, Ordering::Relaxed);
    }
    let waiters = std::mem::take(&mut group.waiters);
    let poisoned = std::mem::take(&mut group.poisoned);
    let result = match group.outer.take() {
        Some(outer) if !poisoned => outer.commit().await.map_err(|e| e.to_string()),
        Some(outer) => {
            let _ = outer.rollback().await;
            Err("an act of the group failed to end cleanly; the group was rolled back".to_owned())
        }
        None => Ok(()),
    };
    for waiter in waiters {
        let _ = waiter.send(result.clone());
    }
}

/// A queued group commit. Dropped before it ran (its runtime shut down), it abandons the group:
/// the transaction is rolled back and its acts fail, and the next act starts a new group.
#[derive(Debug)]
struct QueuedCommit {
    gate: std::sync::Arc<Gate>,
    ran: bool,
}

impl Drop for QueuedCommit {
    fn drop(&mut self) {
        if self.ran {
            return;
        }
        if let Ok(mut group) = self.gate.group.try_lock() {
            group.outer = None;
            group.waiters.clear();
            group.poisoned = false;
        }
        self.gate.commit_queued.store(false, std::sync::atomic::Ordering::Release);
    }
}

/// The gate of the database's file: `None` on PostgreSQL, and for an in-memory SQLite database
/// (each is its own, so no gate may be shared by its name).
fn gate_for(db: &DatabaseConnection) -> Option<std::sync::Arc<Gate>> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return None;
    }
    let file = db.get_sqlite_connection_pool().connect_options().get_filename().to_path_buf();
    if file.as_os_str().is_empty() || file.as_os_str() == ":memory:" {
        return None;
    }
    Some(gate_of(file))
}

fn gate_of(file: std::path::PathBuf) -> std::sync::Arc<Gate> {
    static GATES: std::sync::LazyLock<
        std::sync::Mutex<std::collections::HashMap<std::path::PathBuf, std::sync::Arc<Gate>>>,
    > = std::sync::LazyLock::new(Default::default);
    match GATES.lock() {
        Ok(mut gates) => std::sync::Arc::clone(gates.entry(file).or_default()),
        // A poisoned map only loses the ordering and grouping, not correctness (the busy
        // timeout remains).
        Err(_) => std::sync::Arc::default(),
    }
}

/// Raw SQL written with PostgreSQL's numbered placeholders (`$1`), for `backend`: SQLite reads
/// the same numbers as `?1`.
#[must_use]
pub fn placeholders(backend: DbBackend, text: &str) -> String {
    match backend {
        DbBackend::Postgres => text.to_owned(),
        _ => text.replace('$', "?"),
    }
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};

    use super::*;

    async fn open(dir: &tempfile::TempDir) -> DatabaseConnection {
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("g.db").display());
        let mut options = ConnectOptions::new(url);
        options.max_connections(8).map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal).synchronous(SqliteSynchronous::Full)
        });
        let db = Database::connect(options).await.unwrap();
        db.execute_unprepared("CREATE TABLE t (n INTEGER NOT NULL)").await.unwrap();
        db
    }

    async fn rows(db: &DatabaseConnection) -> Vec<i64> {
        let found = db
            .query_all_raw(Statement::from_string(DbBackend::Sqlite, "SELECT n FROM t ORDER BY n"))
            .await
            .unwrap();
        found.iter().map(|r| r.try_get::<i64>("", "n").unwrap()).collect()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_writes_share_commits_and_a_failed_act_is_rolled_back_alone() {
        let dir = tempfile::tempdir().unwrap();
        let db = open(&dir).await;
        let (commits_before, _) = group_commit_counters();
        let mut acts = Vec::new();
        for n in 0..40_i64 {
            let db = db.clone();
            acts.push(tokio::spawn(async move {
                let txn = begin_write(&db).await.unwrap();
                txn.execute_raw(Statement::from_sql_and_values(
                    DbBackend::Sqlite,
                    "INSERT INTO t (n) VALUES (?)",
                    [n.into()],
                ))
                .await
                .unwrap();
                if n % 4 == 3 {
                    // A failed act: dropped without its commit.
                    drop(txn);
                    return false;
                }
                txn.commit().await.unwrap();
                true
            }));
        }
        for act in acts {
            act.await.unwrap();
        }
        let expected: Vec<i64> = (0..40).filter(|n| n % 4 != 3).collect();
        // Every committed act is there once its commit returned; no dropped act is.
        assert_eq!(rows(&db).await, expected);
        let (commits_after, _) = group_commit_counters();
        let commits = commits_after - commits_before;
        assert!((1..30).contains(&commits), "40 writers at once took {commits} commits");
        // A lone write after the crowd still commits (its own group).
        let txn = begin_write(&db).await.unwrap();
        txn.execute_unprepared("INSERT INTO t (n) VALUES (100)").await.unwrap();
        txn.commit().await.unwrap();
        assert_eq!(rows(&db).await.last(), Some(&100));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_write_alone_commits_the_open_group_first() {
        let dir = tempfile::tempdir().unwrap();
        let db = open(&dir).await;
        let grouped = {
            let db = db.clone();
            tokio::spawn(async move {
                let txn = begin_write(&db).await.unwrap();
                txn.execute_unprepared("INSERT INTO t (n) VALUES (1)").await.unwrap();
                txn.commit().await.unwrap();
            })
        };
        let alone = begin_write_alone(&db).await.unwrap();
        alone.execute_unprepared("INSERT INTO t (n) VALUES (2)").await.unwrap();
        alone.commit().await.unwrap();
        grouped.await.unwrap();
        assert_eq!(rows(&db).await, vec![1, 2]);
    }
}
