//! Housekeeping that every instance may run (each step is idempotent): expired WebAuthn
//! ceremonies, stale rate-limit windows, and document content no version refers to (an upload
//! that failed half-way, after its grace period).
//!
//! Its cost follows the recent uploads, not the size of the country's record: a pass looks at
//! the content stored in the last day (before the grace period) and asks the database about
//! those addresses only, a batch at a time (an index on the versions' SHA-256). A pass over
//! everything is `dsp housekeeping --all`.

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

/// How far back before the grace period a regular pass looks for orphaned content: an instance
/// down for less than this catches up on its next pass.
const ORPHAN_LOOKBACK: TimeDelta = TimeDelta::days(1);

/// Addresses asked about in one statement.
const BATCH: usize = 500;

/// Which stored content a pass considers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// What was stored in the day before the grace period (every regular pass).
    Recent,
    /// Everything (after restoring a backup, say).
    All,
}

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
pub async fn run_once(state: &AppState, scope: Scope) -> Result<Report, AppError> {
    let now = state.clock.now();
    let ceremonies = ceremony::purge_expired(&state.db, now).await?;
    let rate_limits = rate_limit::Entity::delete_many()
        .filter(rate_limit::Column::WindowStart.lt(now.timestamp() - 3600))
        .exec(&state.db)
        .await?
        .rows_affected;
    let store_error = |e| AppError::Internal(anyhow::anyhow!("{e}"));
    let cut_off = std::time::SystemTime::from(now - UPLOAD_GRACE);
    let since = match scope {
        Scope::Recent => std::time::SystemTime::from(now - UPLOAD_GRACE - ORPHAN_LOOKBACK),
        Scope::All => std::time::UNIX_EPOCH,
    };
    let candidates = state.store.stored_between(since, cut_off).await.map_err(store_error)?;
    let mut unreferenced = Vec::new();
    for batch in candidates.chunks(BATCH) {
        let hex: Vec<String> = batch.iter().map(ContentAddress::to_hex).collect();
        let referenced: HashSet<String> = document_version::Entity::find()
            .select_only()
            .column(document_version::Column::Sha256)
            .filter(document_version::Column::Sha256.is_in(hex))
            .into_tuple::<String>()
            .all(&state.db)
            .await?
            .into_iter()
            .collect();
        unreferenced.extend(batch.iter().filter(|a| !referenced.contains(&a.to_hex())));
    }
    let orphans = state.store.delete_orphans(&unreferenced, cut_off).await.map_err(store_error)?;
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
        match run_once(&state, Scope::Recent).await {
            Ok(report) if report != Report::default() => tracing::info!(?report, "housekeeping"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "housekeeping failed"),
        }
    }
}

/// Writes a signed audit checkpoint every `witness.every` (one instance per interval, see
/// [`crate::audit::checkpoint`]), logging what it wrote, until the task is dropped.
pub async fn checkpoints_forever(state: AppState, witness: crate::audit::checkpoint::Witness) {
    let every = witness.every.to_std().unwrap_or(Duration::from_secs(600));
    let mut interval = tokio::time::interval(every);
    loop {
        interval.tick().await;
        match crate::audit::checkpoint::write(&state.db, &witness, state.clock.now()).await {
            Ok(Some(written)) => tracing::info!(
                number = written.number,
                chains = written.chains,
                bytes = written.bytes,
                file = %written.file.display(),
                "audit checkpoint"
            ),
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "audit checkpoint failed"),
        }
    }
}
