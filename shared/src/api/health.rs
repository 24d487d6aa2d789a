//! `GET /api/health`.

use serde::{Deserialize, Serialize};

/// The database engine the server runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum DatabaseEngine {
    /// The embedded SQLite file.
    Sqlite,
    /// PostgreSQL, the production engine.
    Postgres,
}

/// The server is up and its database answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HealthResponse {
    /// Always `ok` when the server answers 200.
    pub status: String,
    /// The server's version (the crate version).
    pub version: String,
    /// The database engine in use.
    pub database: DatabaseEngine,
    /// The name of the newest applied migration.
    pub migration: String,
    /// How many migrations are applied.
    pub migrations_applied: u32,
}
