//! Grouped commits for the audit entries of reads.
//!
//! A read (opening a record, reading a document, viewing the history) changes nothing but the
//! audit log, and must not answer before its entry is durable. Committing each entry on its own
//! costs one fsync per read and, on SQLite, takes the single write lock for the whole request.
//! Instead a read decides and gathers its data in a read transaction, then hands its entry to
//! this writer and waits: the writer appends every entry waiting at that moment in one
//! transaction (chains in a fixed order, each chain's entries in arrival order) and commits once.
//! Only when that commit is durable does each waiting read answer; if it fails, every read in
//! the group fails (the access is refused, never served unaudited).
//!
//! The queue lives in the process only for the milliseconds an entry waits for its commit; it
//! holds no session or ceremony state, and instances sharing a database each run their own
//! writer (PostgreSQL row locks on the chain heads keep every chain linear across them).

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

use super::{Event, RequestMeta, append_run, chain_key};
use crate::error::AppError;
use shared::api::agency::RecordState;

/// Most entries in one commit.
const MAX_GROUP: usize = 512;

static GROUPS: AtomicU64 = AtomicU64::new(0);
static GROUPED: AtomicU64 = AtomicU64::new(0);

/// Groups committed and entries in them since the process started (the benchmark's profile).
#[must_use]
pub fn counters() -> (u64, u64) {
    (GROUPS.load(Ordering::Relaxed), GROUPED.load(Ordering::Relaxed))
}

/// A professional's first access to a record the patient has not activated: the patient is
/// notified in the same commit as the entry.
#[derive(Debug, Clone, Copy)]
pub struct FirstAccess {
    pub patient_id: Uuid,
    pub state: RecordState,
    pub professional_id: Uuid,
}

struct Job {
    meta: RequestMeta,
    event: Event,
    now: DateTime<Utc>,
    first_access: Option<FirstAccess>,
    done: oneshot::Sender<Result<(), String>>,
}

/// The handle requests append through (cheap to clone).
#[derive(Debug, Clone)]
pub struct GroupWriter {
    jobs: mpsc::Sender<Job>,
}

impl GroupWriter {
    /// Starts the writer on `db` (a task on the current runtime; it ends with the last handle).
    #[must_use]
    pub fn start(db: DatabaseConnection) -> Self {
        let (jobs, queue) = mpsc::channel(4 * MAX_GROUP);
        tokio::spawn(run(db, queue));
        Self { jobs }
    }

    /// Appends `event` and returns once it is durable.
    ///
    /// # Errors
    /// When the entry could not be written: the read must then fail.
    pub async fn append(
        &self,
        meta: RequestMeta,
        event: Event,
        now: DateTime<Utc>,
        first_access: Option<FirstAccess>,
    ) -> Result<(), AppError> {
        let (done, written) = oneshot::channel();
        self.jobs
            .send(Job { meta, event, now, first_access, done })
            .await
            .map_err(|_| AppError::Internal(anyhow::anyhow!("the audit writer stopped")))?;
        written
            .await
            .map_err(|_| AppError::Internal(anyhow::anyhow!("the audit writer stopped")))?
            .map_err(|e| AppError::Internal(anyhow::anyhow!("audit append failed: {e}")))
    }
}

async fn run(db: DatabaseConnection, mut queue: mpsc::Receiver<Job>) {
    while let Some(first) = queue.recv().await {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match queue.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        // One lock order for every group (a stable sort keeps each chain's arrival order), so
        // that writers of several instances never wait for each other in a cycle.
        group.sort_by_cached_key(|job| chain_key(&job.event));
        match write(&db, &group).await {
            Ok(()) => {
                GROUPS.fetch_add(1, Ordering::Relaxed);
                GROUPED.fetch_add(group.len() as u64, Ordering::Relaxed);
                for job in group {
                    let _ = job.done.send(Ok(()));
                }
            }
            // One bad entry must not fail its neighbours: retry each on its own.
            Err(_) if group.len() > 1 => {
                for job in group {
                    let result = write(&db, std::slice::from_ref(&job)).await;
                    let _ = job.done.send(result);
                }
            }
            Err(e) => {
                for job in group {
                    let _ = job.done.send(Err(e.clone()));
                }
            }
        }
    }
}

async fn write(db: &DatabaseConnection, group: &[Job]) -> Result<(), String> {
    let txn = crate::db::begin_write(db).await.map_err(|e| e.to_string())?;
    for job in group {
        if let Some(f) = job.first_access {
            crate::services::emergency::note_access(
                &*txn,
                f.patient_id,
                f.state,
                f.professional_id,
                job.now,
            )
            .await
            .map_err(|e| format!("{e:?}"))?;
        }
    }
    // The group is sorted by chain: each chain's entries are appended together, the head moved
    // once.
    let keys: Vec<String> = group.iter().map(|job| chain_key(&job.event)).collect();
    let mut start = 0;
    while start < group.len() {
        let key = &keys[start];
        let end = start + keys[start..].iter().take_while(|k| *k == key).count();
        let run = group[start..end].iter().map(|job| (&job.meta, job.event.clone(), job.now));
        append_run(&*txn, key, run).await.map_err(|e| format!("{e:?}"))?;
        start = end;
    }
    txn.commit().await.map_err(|e| e.to_string())
}
