//! Benchmark-only routes, mounted when the server starts with `DSP_BENCH_ROUTES=1` (refused with
//! an `https` origin, i.e. anywhere real): the baselines `dsp-bench` measures in the same run as
//! the workloads, so that every figure is a ratio on the same machine at the same moment.
//!
//! - **B0** `GET /bench/b0`: a bare JSON answer, outside every middleware;
//! - **B0m** `GET /api/bench/b0m`: the same through the API's full middleware stack;
//! - **B1** `GET /api/bench/b1`: one primary-key read of a small row through the production pool;
//! - **B2** `POST /api/bench/b2`: a raw streamed upload to a file, fsynced, then removed;
//!   `GET /api/bench/b2`: a raw 1 MiB file download;
//! - **B3** `POST /api/bench/b3`: one single-row insert and its durable commit.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::TryStreamExt as _;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use tokio::io::AsyncWriteExt as _;

use crate::app::AppState;
use crate::error::AppError;

/// The size of the B2 download file.
pub const DOWNLOAD_BYTES: usize = 1024 * 1024;

/// Statements the pool ran, and their time, since the start (benchmark mode only).
static STATEMENTS: AtomicU64 = AtomicU64::new(0);
static DB_MICROS: AtomicU64 = AtomicU64::new(0);

/// Per statement text: how many ran and their total time in µs.
static BY_STATEMENT: Mutex<BTreeMap<String, (u64, u64)>> = Mutex::new(BTreeMap::new());

/// Counts a statement (the pool's metric callback in benchmark mode).
pub fn count(info: &sea_orm::metric::Info<'_>) {
    let micros = u64::try_from(info.elapsed.as_micros()).unwrap_or(0);
    STATEMENTS.fetch_add(1, Ordering::Relaxed);
    DB_MICROS.fetch_add(micros, Ordering::Relaxed);
    if let Ok(mut by) = BY_STATEMENT.lock() {
        let text: String = info.statement.sql.chars().take(160).collect();
        let entry = by.entry(text).or_insert((0, 0));
        entry.0 += 1;
        entry.1 += micros;
    }
}

/// Routes that need no state and no middleware (B0, and the counters for profiling).
pub(crate) fn bare() -> Router {
    Router::new()
        .route("/bench/b0", get(b0))
        .route("/bench/stats", get(stats))
        .route("/bench/heap/start", axum::routing::post(start_heap_count))
        .route("/bench/heap/stop", axum::routing::post(stop_heap_count))
}

/// Counts heap bytes from now on, from a new peak (the memory probes: the peak growth with one
/// call at a time, then with many). Counting costs atomic updates on every allocation, so it
/// runs only during a probe, never while throughput is measured.
async fn start_heap_count() -> StatusCode {
    dsp_heap::enable();
    dsp_heap::reset_peak();
    StatusCode::NO_CONTENT
}

async fn stop_heap_count() -> StatusCode {
    dsp_heap::disable();
    StatusCode::NO_CONTENT
}

async fn stats() -> Response {
    let (groups, grouped) = crate::audit::writer::counters();
    let (heap_live, heap_peak) = dsp_heap::live_and_peak();
    let (write_groups, write_grouped_acts) = crate::db::group_commit_counters();
    axum::Json(serde_json::json!({
        // Bytes, relative to an arbitrary origin; null when this process does not count them.
        "heap_live": dsp_heap::enabled().then_some(heap_live),
        "heap_peak": dsp_heap::enabled().then_some(heap_peak),
        "statements": STATEMENTS.load(Ordering::Relaxed),
        "db_micros": DB_MICROS.load(Ordering::Relaxed),
        "audit_groups": groups,
        "write_groups": write_groups,
        "write_grouped_acts": write_grouped_acts,
        "audit_grouped_entries": grouped,
        "by_statement": BY_STATEMENT.lock().map(|by| by.iter().map(|(sql, (n, us))| {
            serde_json::json!({"sql": sql, "count": n, "micros": us})
        }).collect::<Vec<_>>()).unwrap_or_default(),
    }))
    .into_response()
}

/// Routes under `/api/bench`, behind the API's middleware (B0m, B1, B2, B3).
pub(crate) fn api() -> Router<AppState> {
    Router::new()
        .route("/bench/b0m", get(b0))
        .route("/bench/b1", get(b1))
        .route("/bench/b2", get(b2_download).post(b2_upload))
        .route("/bench/b3", axum::routing::post(b3))
}

/// Creates the baselines' table and download file (idempotent).
///
/// # Errors
/// Database or file system.
pub async fn prepare(state: &AppState) -> anyhow::Result<()> {
    let db = &state.db;
    db.execute_unprepared(
        "CREATE TABLE IF NOT EXISTS bench_rows (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)",
    )
    .await?;
    db.execute_unprepared(
        "CREATE TABLE IF NOT EXISTS bench_commits (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)",
    )
    .await?;
    db.execute_unprepared(
        "INSERT INTO bench_rows (id, payload) VALUES (1, 'a small row') ON CONFLICT (id) DO NOTHING",
    )
    .await?;
    let dir = bench_dir(state);
    tokio::fs::create_dir_all(&dir).await?;
    let file = dir.join("download.bin");
    if tokio::fs::metadata(&file).await.map(|m| m.len()).ok() != Some(DOWNLOAD_BYTES as u64) {
        let bytes: Vec<u8> = (0..DOWNLOAD_BYTES).map(|i| (i % 251) as u8).collect();
        tokio::fs::write(&file, bytes).await?;
    }
    Ok(())
}

fn bench_dir(state: &AppState) -> std::path::PathBuf {
    state.config.data_dir.join("bench")
}

fn sql(backend: DbBackend, text: &str) -> String {
    crate::db::placeholders(backend, text)
}

async fn b0() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], "{\"ok\":true}").into_response()
}

async fn b1(State(state): State<AppState>) -> Result<Response, AppError> {
    let backend = state.db.get_database_backend();
    let row = state
        .db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql(backend, "SELECT id, payload FROM bench_rows WHERE id = $1"),
            [1_i64.into()],
        ))
        .await?
        .ok_or(AppError::NotFound)?;
    let payload: String = row.try_get("", "payload")?;
    Ok(axum::Json(serde_json::json!({ "id": 1, "payload": payload })).into_response())
}

async fn b2_upload(State(state): State<AppState>, body: Body) -> Result<StatusCode, AppError> {
    let path = bench_dir(&state).join(format!("upload-{}", uuid::Uuid::new_v4()));
    let mut file = tokio::fs::File::create(&path).await.map_err(internal)?;
    let mut stream = body.into_data_stream();
    while let Some(chunk) =
        stream.try_next().await.map_err(|e| internal(std::io::Error::other(e)))?
    {
        file.write_all(&chunk).await.map_err(internal)?;
    }
    file.sync_all().await.map_err(internal)?;
    drop(file);
    tokio::fs::remove_file(&path).await.map_err(internal)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn b2_download(State(state): State<AppState>) -> Result<Response, AppError> {
    let file =
        tokio::fs::File::open(bench_dir(&state).join("download.bin")).await.map_err(internal)?;
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(file));
    Ok((
        [(header::CONTENT_TYPE, "application/octet-stream"), (header::CONTENT_LENGTH, "1048576")],
        body,
    )
        .into_response())
}

async fn b3(State(state): State<AppState>) -> Result<StatusCode, AppError> {
    let backend = state.db.get_database_backend();
    let txn = crate::db::begin_write_alone(&state.db).await?;
    let id = i64::from_le_bytes(uuid::Uuid::new_v4().as_bytes()[..8].try_into().unwrap_or([0; 8]));
    txn.execute_raw(Statement::from_sql_and_values(
        backend,
        sql(backend, "INSERT INTO bench_commits (id, payload) VALUES ($1, $2)"),
        [id.into(), "a committed row".into()],
    ))
    .await?;
    txn.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

fn internal(e: std::io::Error) -> AppError {
    AppError::Internal(anyhow::anyhow!("bench file: {e}"))
}
