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
    let mut options = ConnectOptions::new(config.database_url.clone());
    options
        .max_connections(config.db_max_connections)
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
/// (`BEGIN IMMEDIATE`), so that concurrent writers wait for each other (busy timeout) instead of
/// failing when a read lock cannot be upgraded; PostgreSQL ignores the mode.
///
/// # Errors
/// When the transaction cannot start.
pub async fn begin_write(db: &DatabaseConnection) -> Result<sea_orm::DatabaseTransaction, DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}
