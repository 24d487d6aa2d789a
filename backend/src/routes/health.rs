//! `GET /api/health`: the server answers and its database too.

use axum::Json;
use axum::extract::State;
use axum::http::header;
use shared::ApiError;
use shared::api::health::HealthResponse;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::db;
use crate::error::AppError;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health))
}

/// The server's version, database engine and schema version.
#[utoipa::path(
    get,
    path = "/health",
    tag = "system",
    responses(
        (status = 200, description = "The server and its database answer", body = HealthResponse),
        (status = 500, description = "The database does not answer", body = ApiError),
    )
)]
async fn health(
    State(state): State<AppState>,
) -> Result<([(header::HeaderName, &'static str); 1], Json<HealthResponse>), AppError> {
    let (migration, migrations_applied) = db::migration_status(&state.db).await?;
    // Nothing personal here: the API's `no-store` does not apply.
    Ok((
        [(header::CACHE_CONTROL, "no-cache")],
        Json(HealthResponse {
            status: "ok".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            database: db::engine(&state.db),
            migration,
            migrations_applied,
        }),
    ))
}
