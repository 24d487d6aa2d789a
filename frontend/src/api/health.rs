//! `GET /api/health`: whether the server answers, on which database and migration.

use shared::api::health::HealthResponse;

use super::{ApiFailure, get_json};

/// Asks the server how it is.
pub async fn fetch() -> Result<HealthResponse, ApiFailure> {
    get_json("/api/health").await
}
