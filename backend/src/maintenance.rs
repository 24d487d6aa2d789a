//! Housekeeping that every instance may run (each step is idempotent): expired WebAuthn
//! ceremonies, stale rate-limit windows, and document content no version refers to (an upload
//! that failed half-way, after its grace period).

use std::collections::HashSet;
use std::time::Duration;

use chrono::TimeDelta;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::app::AppState;
use crate::auth::ceremony;
use crate::documents::store::ContentAddress;
use crate::entity::{document_version, rate_limit};
use crate::error::AppError;

/// How long an unfinished or unrecorded upload is spared (longer than any upload takes).
const UPLOAD_GRACE: TimeDelta = TimeDelta::hours(1);

/// What one pass removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Report {
    /// Expired ceremonies.
    pub ceremonies: u64,
    /// Rate-limit windows over for an hour.
    pub rate_limits: u64,
    /// Stored contents no document version refers to.
    pub orphan_contents: u64,
    /// Temporary files of uploads that never finished.
    pub temp_files: u64,
}

/// One pass of housekeeping.
///
/// # Errors
/// Database or content-store failures.
pub async fn run_once(state: &AppState) -> Result<Report, AppError> {
    let now = state.clock.now();
    let ceremonies = ceremony::purge_expired(&state.db, now).await?;
    let rate_limits = rate_limit::Entity::delete_many()
        .filter(rate_limit::Column::WindowStart.lt(now.timestamp() - 3600))
        .exec(&state.db)
        .await?
        .rows_affected;
    let known: HashSet<String> = document_version::Entity::find()
        .select_only()
        .column(document_version::Column::Sha256)
        .into_tuple::<String>()
        .all(&state.db)
        .await?
        .into_iter()
        .collect();
    let cut_off = std::time::SystemTime::from(now - UPLOAD_GRACE);
    let orphans = state
        .store
        .delete_orphans(&|address: &ContentAddress| known.contains(&address.to_hex()), cut_off)
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    Ok(Report {
        ceremonies,
        rate_limits,
        orphan_contents: orphans.contents_removed,
        temp_files: orphans.temp_files_removed,
    })
}

/// Runs [`run_once`] every `every`, logging what it removed, until the task is dropped.
pub async fn run_forever(state: AppState, every: Duration) {
    let mut interval = tokio::time::interval(every);
    loop {
        interval.tick().await;
        match run_once(&state).await {
            Ok(report) if report != Report::default() => tracing::info!(?report, "housekeeping"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "housekeeping failed"),
        }
    }
}
