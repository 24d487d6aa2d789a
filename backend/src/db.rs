//! Opening the database: SQLite (WAL, foreign keys on) or PostgreSQL, with the same migrations.

use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr};
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

/// Begins a transaction that will write. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`), so that concurrent writers wait for each other instead of failing when a
/// read lock cannot be upgraded; and writers of this process queue in order on an in-process gate
/// per database file first, because SQLite's own busy handler waits by sleeping (up to 100 ms a
/// try), which under contention costs far more than the writes. Other processes on the same file
/// (the `dsp` commands) still meet the busy timeout. PostgreSQL needs neither (row locks).
///
/// # Errors
/// When the transaction cannot start.
pub async fn begin_write(db: &DatabaseConnection) -> Result<WriteTxn, DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    let gate = match sqlite_file(db) {
        Some(file) => Some(gate_of(file).lock_owned().await),
        None => None,
    };
    let txn = db
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..TransactionOptions::default()
        })
        .await?;
    Ok(WriteTxn { txn, _gate: gate })
}

/// A write transaction holding this process's turn to write (SQLite).
#[derive(Debug)]
pub struct WriteTxn {
    // Dropped first: the transaction ends, then the next writer's turn begins.
    txn: sea_orm::DatabaseTransaction,
    _gate: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl std::ops::Deref for WriteTxn {
    type Target = sea_orm::DatabaseTransaction;

    fn deref(&self) -> &Self::Target {
        &self.txn
    }
}

impl WriteTxn {
    /// Commits, then lets the next writer in.
    ///
    /// # Errors
    /// When the commit fails (nothing was written).
    pub async fn commit(self) -> Result<(), DbErr> {
        self.txn.commit().await
    }
}

fn sqlite_file(db: &DatabaseConnection) -> Option<std::path::PathBuf> {
    match db.get_database_backend() {
        DbBackend::Sqlite => {
            Some(db.get_sqlite_connection_pool().connect_options().get_filename().to_path_buf())
        }
        _ => None,
    }
}

fn gate_of(file: std::path::PathBuf) -> std::sync::Arc<tokio::sync::Mutex<()>> {
    static GATES: std::sync::LazyLock<
        std::sync::Mutex<
            std::collections::HashMap<std::path::PathBuf, std::sync::Arc<tokio::sync::Mutex<()>>>,
        >,
    > = std::sync::LazyLock::new(Default::default);
    match GATES.lock() {
        Ok(mut gates) => gates.entry(file).or_default().clone(),
        // A poisoned map only loses the ordering, not correctness (the busy timeout remains).
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
