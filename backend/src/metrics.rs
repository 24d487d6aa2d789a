//! `GET /metrics`: the key figures and the service's own metrics in Prometheus' text exposition
//! format (version 0.0.4), for a scraper holding the bearer token `DSP_METRICS_TOKEN`.
//!
//! Not under `/api`: no session, no cookie, no CSRF. Unset token: 404, as if there were no such
//! page. A missing or wrong token: 401 with an empty body; the token is compared in constant
//! time (the SHA-256 digests of both, so that neither the content nor the length leaks).
//!
//! The service metrics belong to this instance (a scraper scrapes each one); the figures are
//! the country's, the same from every instance.

use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sea_orm::DbBackend;
use sha2::{Digest, Sha256};

use crate::app::AppState;

/// The latency histogram's upper bounds, in seconds.
const BUCKETS: [f64; 11] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

/// Counters of the requests this instance served, updated by [`count`].
#[derive(Debug, Default)]
pub struct ServiceMetrics {
    /// Answers by status class (1xx … 5xx).
    by_class: [AtomicU64; 5],
    /// Requests being worked on now.
    in_flight: AtomicU64,
    /// Answers whose latency is at most each bucket's bound (not cumulative here).
    buckets: [AtomicU64; BUCKETS.len()],
    /// Answers slower than the last bound.
    slower: AtomicU64,
    /// The sum of the latencies, in microseconds.
    micros: AtomicU64,
}

/// Decrements the in-flight gauge when the request ends, even when it is dropped half-way.
struct InFlight<'a>(&'a AtomicU64);

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Middleware: counts every request of the whole router (API, web app and `/metrics`), its
/// status class and its latency until the response's head (a streamed body's end is not
/// waited for).
pub async fn count(
    State(metrics): State<Arc<ServiceMetrics>>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    metrics.in_flight.fetch_add(1, Ordering::Relaxed);
    let response = {
        let _guard = InFlight(&metrics.in_flight);
        next.run(request).await
    };
    let elapsed = started.elapsed();
    let class = usize::from(response.status().as_u16() / 100).clamp(1, 5) - 1;
    metrics.by_class[class].fetch_add(1, Ordering::Relaxed);
    let seconds = elapsed.as_secs_f64();
    match BUCKETS.iter().position(|bound| seconds <= *bound) {
        Some(i) => metrics.buckets[i].fetch_add(1, Ordering::Relaxed),
        None => metrics.slower.fetch_add(1, Ordering::Relaxed),
    };
    let micros = u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX);
    metrics.micros.fetch_add(micros, Ordering::Relaxed);
    response
}

/// Whether `given` is the configured token, in time independent of where they differ.
fn token_matches(given: &str, expected: &str) -> bool {
    let (a, b) = (Sha256::digest(given.as_bytes()), Sha256::digest(expected.as_bytes()));
    a.iter().zip(b.iter()).fold(0_u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// `GET /metrics`.
pub async fn serve(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(expected) = state.config.metrics_token.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if !bearer(&headers).is_some_and(|given| token_matches(given, expected)) {
        return (StatusCode::UNAUTHORIZED, [(header::WWW_AUTHENTICATE, "Bearer")]).into_response();
    }
    let figures = match crate::services::figures::key_figures(&state.db, state.clock.now()).await {
        Ok(figures) => figures,
        Err(error) => {
            tracing::error!(%error, "counting the key figures for /metrics");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let mut text = String::with_capacity(4096);
    render_figures(&mut text, &figures);
    render_service(&mut text, &state.metrics);
    render_pool(&mut text, &state.db);
    (
        [
            (header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        text,
    )
        .into_response()
}

fn metric(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

fn gauge(out: &mut String, name: &str, help: &str, value: u64) {
    metric(out, name, "gauge", help);
    let _ = writeln!(out, "{name} {value}");
}

fn render_figures(out: &mut String, f: &shared::api::figures::KeyFigures) {
    metric(out, "dsp_records", "gauge", "Patient records by state.");
    let created = f.records_open.saturating_sub(f.records_activated);
    let _ = writeln!(out, "dsp_records{{state=\"created\"}} {created}");
    let _ = writeln!(out, "dsp_records{{state=\"activated\"}} {}", f.records_activated);
    let _ = writeln!(out, "dsp_records{{state=\"closed\"}} {}", f.records_closed);
    gauge(out, "dsp_records_open", "Records not closed (created or activated).", f.records_open);
    gauge(
        out,
        "dsp_professionals_activated",
        "Professionals active in the directory with at least one security key.",
        f.professionals_activated,
    );
    gauge(out, "dsp_documents", "Documents not withdrawn.", f.documents);
    gauge(
        out,
        "dsp_connections_last_24h",
        "Sessions opened (sign-ins, activations, enrolments) in the last 24 hours.",
        f.connections_last_24h,
    );
    // Objections are not recorded by the service yet: no sample rather than a made-up zero.
    if let Some(objections) = f.objections {
        gauge(out, "dsp_objections", "Objections to a record's opening.", objections);
    }
    gauge(out, "dsp_emergency_accesses", "Emergency accesses ever opened.", f.emergency_accesses);
    gauge(
        out,
        "dsp_emergency_accesses_last_24h",
        "Emergency accesses opened in the last 24 hours.",
        f.emergency_accesses_last_24h,
    );
    gauge(
        out,
        "dsp_letters_waiting",
        "Records created whose first information letter is not issued yet.",
        f.letters_waiting,
    );
}

fn render_service(out: &mut String, m: &ServiceMetrics) {
    metric(out, "dsp_http_requests_total", "counter", "HTTP requests answered, by status class.");
    for (i, counter) in m.by_class.iter().enumerate() {
        let _ = writeln!(
            out,
            "dsp_http_requests_total{{class=\"{}xx\"}} {}",
            i + 1,
            counter.load(Ordering::Relaxed)
        );
    }
    gauge(
        out,
        "dsp_http_requests_in_flight",
        "HTTP requests being worked on now.",
        m.in_flight.load(Ordering::Relaxed),
    );
    let name = "dsp_http_request_duration_seconds";
    metric(out, name, "histogram", "Time to answer an HTTP request (until the response head).");
    let mut cumulative = 0;
    for (bound, counter) in BUCKETS.iter().zip(&m.buckets) {
        cumulative += counter.load(Ordering::Relaxed);
        let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {cumulative}");
    }
    cumulative += m.slower.load(Ordering::Relaxed);
    let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {cumulative}");
    // Seconds with microseconds, written exactly (no float rounding).
    let micros = m.micros.load(Ordering::Relaxed);
    let _ = writeln!(out, "{name}_sum {}.{:06}", micros / 1_000_000, micros % 1_000_000);
    let _ = writeln!(out, "{name}_count {cumulative}");
}

fn render_pool(out: &mut String, db: &sea_orm::DatabaseConnection) {
    let (size, idle, max) = match db.get_database_backend() {
        DbBackend::Postgres => {
            let pool = db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle(), pool.options().get_max_connections())
        }
        DbBackend::Sqlite => {
            let pool = db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle(), pool.options().get_max_connections())
        }
        _ => return,
    };
    gauge(out, "dsp_db_pool_connections", "Connections open in the database pool.", size.into());
    gauge(
        out,
        "dsp_db_pool_idle_connections",
        "Open connections of the database pool not in use.",
        u64::try_from(idle).unwrap_or(0),
    );
    gauge(out, "dsp_db_pool_max_connections", "The database pool's size limit.", max.into());
}
