//! `dsp-bench`: drives the real server over HTTP and reports each workload as a ratio to a
//! baseline measured in the same run, with an absolute floor, so that the figures mean something
//! on a shared, noisy machine.
//!
//! A run: a fresh database (SQLite file or PostgreSQL database) prepared through the library
//! ([`fixture`]), the `dsp serve` binary started with the benchmark routes, then for every
//! baseline and workload a warm-up, a closed loop to find saturation, and an open loop at half
//! of it for latency ([`load`]). Three runs per engine; medians reported.
//!
//! Scale mode ([`Options::data`]): the same against a kept database that `dsp generate` filled
//! (a synthetic country), with actors of the harness's own; it is migrated (idempotent) and
//! added to, never dropped or emptied. Comparing a run at scale S with one at scale N
//! ([`report::compare`]) checks that W1's and W2's p99 do not grow with the country.

pub mod fixture;
pub mod load;
pub mod report;
pub mod server;
pub mod sign_in;

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use load::{Measured, Op};
use serde::Serialize;
use shared::api::documents::upload_headers;

/// How long each phase lasts.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Timing {
    /// Warm-up before measuring.
    pub warm_up: Duration,
    /// The closed loop (saturation).
    pub closed: Duration,
    /// The open loop at half saturation (latency).
    pub open: Duration,
    /// Clients in the closed loop.
    pub workers: usize,
}

impl Timing {
    /// The full benchmark.
    #[must_use]
    pub const fn full() -> Self {
        Self {
            warm_up: Duration::from_secs(1),
            closed: Duration::from_secs(5),
            open: Duration::from_secs(5),
            workers: 32,
        }
    }

    /// A smoke run: everything once, briefly, so that the harness keeps working.
    #[must_use]
    pub const fn quick() -> Self {
        Self {
            warm_up: Duration::from_millis(100),
            closed: Duration::from_millis(300),
            open: Duration::from_millis(300),
            workers: 4,
        }
    }
}

/// The database engine of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// What one baseline or workload measured in one run.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// `B1`, `W1` …
    pub id: String,
    /// What it does.
    pub what: String,
    /// The baseline it is compared with.
    pub baseline: Option<String>,
    /// Operations per call (a grant and its revocation count as two).
    pub ops_per_call: u32,
    /// The closed loop.
    pub saturation: Measured,
    /// The open loop at half saturation.
    pub half: Measured,
    /// The server's resident memory after the workload, and its peak so far, in KiB.
    pub rss_kib: u64,
    pub peak_rss_kib: u64,
    /// Profile of the saturation phase, per call: SQL statements, time in the database (ms),
    /// and the mean number of audit entries per grouped commit.
    pub statements_per_call: f64,
    pub db_ms_per_call: f64,
    pub audit_group_size: f64,
    /// SQLite: the mean number of acts per grouped write commit (0 when none, or PostgreSQL).
    pub write_group_size: f64,
    /// The statements that took most database time in the saturation phase: (text, per call,
    /// ms per call).
    pub top_statements: Vec<(String, f64, f64)>,
    /// Heap per further concurrent call, KiB (uploads and exports, own-process servers).
    pub heap_kib_per_call: Option<f64>,
}

/// The server's counters (`/bench/stats`).
#[derive(Debug, Clone, Default)]
struct Counters {
    statements: f64,
    db_micros: f64,
    groups: f64,
    grouped: f64,
    write_groups: f64,
    write_grouped: f64,
    /// The server's heap now and its peak since the last reset, bytes (null: not counted).
    heap: Option<(f64, f64)>,
    by_statement: std::collections::BTreeMap<String, (f64, f64)>,
}

/// The statements whose database time grew most between two snapshots, per call.
fn top(before: &Counters, after: &Counters, calls: f64) -> Vec<(String, f64, f64)> {
    let mut grown: Vec<(String, f64, f64)> = after
        .by_statement
        .iter()
        .map(|(sql, (n, us))| {
            let (n0, us0) = before.by_statement.get(sql).copied().unwrap_or_default();
            (sql.clone(), (n - n0) / calls, (us - us0) / calls / 1000.0)
        })
        .filter(|(_, n, _)| *n > 0.0)
        .collect();
    grown.sort_by(|a, b| b.2.total_cmp(&a.2));
    grown.truncate(5);
    grown
}

async fn counters(client: &reqwest::Client, origin: &str) -> Counters {
    let Ok(response) = client.get(format!("{origin}/bench/stats")).send().await else {
        return Counters::default();
    };
    let v: serde_json::Value = response.json().await.unwrap_or_default();
    let f = |k: &str| v[k].as_f64().unwrap_or(0.0);
    Counters {
        statements: f("statements"),
        db_micros: f("db_micros"),
        groups: f("audit_groups"),
        grouped: f("audit_grouped_entries"),
        write_groups: f("write_groups"),
        write_grouped: f("write_grouped_acts"),
        heap: v["heap_live"].as_f64().zip(v["heap_peak"].as_f64()),
        by_statement: v["by_statement"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|s| {
                        let sql = s["sql"].as_str().unwrap_or_default().to_owned();
                        (
                            sql,
                            (
                                s["count"].as_f64().unwrap_or(0.0),
                                s["micros"].as_f64().unwrap_or(0.0),
                            ),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

impl Row {
    /// Operations per second at saturation.
    #[must_use]
    pub fn ops(&self) -> f64 {
        self.saturation.throughput * f64::from(self.ops_per_call)
    }
}

/// One engine's run.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    pub engine: Engine,
    pub rows: Vec<Row>,
    /// W1 at twice its saturation: how the server sheds load.
    pub overload: Option<Measured>,
    /// Whether the memory figures are the server's alone.
    pub server_process: bool,
}

impl Engine {
    /// The engine of a database URL.
    ///
    /// # Errors
    /// When the URL is neither `sqlite:` nor `postgres:`/`postgresql:`.
    pub fn of_url(url: &str) -> anyhow::Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Self::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Self::Postgres)
        } else {
            bail!("{url}: not a sqlite: or postgres: URL")
        }
    }
}

/// A kept database to run against instead of a fresh one (scale mode).
#[derive(Debug, Clone)]
pub struct Data {
    /// Its URL, as `DATABASE_URL`.
    pub url: String,
    /// The content store the generator wrote (`DSP_DATA_DIR`); without it, a temporary one (the
    /// workloads never read the generated documents' content).
    pub dir: Option<std::path::PathBuf>,
}

/// The ids of the baselines and workloads, in the order they run.
pub const IDS: [&str; 15] = [
    "B0", "B0m", "B1", "B3", "B2d", "B2u", "W1", "W1f", "W2", "W2x", "W6", "W6f", "W5", "W3", "W8",
];

/// The options of a benchmark.
#[derive(Debug, Clone)]
pub struct Options {
    pub engine: Engine,
    pub server: server::Kind,
    pub timing: Timing,
    /// PostgreSQL's administrative URL (a database per run is created and dropped there).
    pub postgres_admin_url: String,
    pub sizes: fixture::Sizes,
    pub pool: u32,
    /// Run against this database instead of a fresh one.
    pub data: Option<Data>,
    /// Only these baselines and workloads (ids of [`IDS`]); all when `None`.
    pub only: Option<Vec<String>>,
}

impl Options {
    fn selected(&self, id: &str) -> bool {
        self.only.as_ref().is_none_or(|only| only.iter().any(|o| o == id))
    }
}

/// One run on a fresh database, or on [`Options::data`].
///
/// # Errors
/// When the server cannot be prepared or started, or a workload cannot even begin.
pub async fn run(options: &Options) -> anyhow::Result<Run> {
    if let Some(unknown) = options.only.iter().flatten().find(|id| !IDS.contains(&id.as_str())) {
        bail!("unknown workload {unknown:?}; known: {}", IDS.join(","));
    }
    let dir = tempfile::tempdir()?;
    if let Some(data) = &options.data {
        if Engine::of_url(&data.url)? != options.engine {
            bail!("{} is not a {:?} database", data.url, options.engine);
        }
        let data_dir = data.dir.as_deref().unwrap_or(dir.path());
        return run_on(options, &data.url, data_dir, fixture::Actors::Own).await;
    }
    let (database_url, pg_name) = match options.engine {
        Engine::Sqlite => {
            (format!("sqlite://{}?mode=rwc", dir.path().join("dsp.db").display()), None)
        }
        Engine::Postgres => {
            let name = format!("dsp_bench_{}", uuid::Uuid::new_v4().simple());
            let admin = sea_orm::Database::connect(&options.postgres_admin_url).await?;
            sea_orm::ConnectionTrait::execute_unprepared(
                &admin,
                &format!("CREATE DATABASE {name}"),
            )
            .await?;
            admin.close().await?;
            let url = match options.postgres_admin_url.rsplit_once('/') {
                Some((base, _)) => format!("{base}/{name}"),
                None => bail!("DSP_BENCH_POSTGRES_URL must end with a database name"),
            };
            (url, Some(name))
        }
    };
    let result = run_on(options, &database_url, dir.path(), fixture::Actors::Demo).await;
    if let Some(name) = pg_name {
        let admin = sea_orm::Database::connect(&options.postgres_admin_url).await?;
        let _ = sea_orm::ConnectionTrait::execute_unprepared(
            &admin,
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        )
        .await;
        admin.close().await?;
    }
    result
}

async fn run_on(
    options: &Options,
    database_url: &str,
    dir: &std::path::Path,
    actors: fixture::Actors,
) -> anyhow::Result<Run> {
    let port = server::free_port()?;
    let vars = server::vars(database_url, dir, port, options.pool);
    let config = dsp::Config::from_lookup(|name| {
        vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    })?;
    let fixture = {
        let db = dsp::db::connect(&config).await?;
        dsp::db::migrate(&db).await?;
        let state =
            dsp::AppState::new(db.clone(), config.clone(), dsp::clock::Clock::system()).await?;
        let mut sizes = options.sizes;
        if !options.selected("W5") {
            sizes.security_keys = 0;
        }
        let fixture =
            fixture::prepare(&state, sizes, actors).await.context("preparing the data")?;
        db.close().await?;
        fixture
    };
    let running = server::start(&options.server, &vars, port).await?;
    let outcome = measure_all(options, &running, &fixture).await;
    let server_process = running.is_own_process();
    running.stop().await;
    let (rows, overload) = outcome?;
    Ok(Run { engine: options.engine, rows, overload, server_process })
}

/// A request that must answer with `expected`.
fn check(status: reqwest::StatusCode, expected: u16) -> anyhow::Result<()> {
    if status.as_u16() == expected { Ok(()) } else { bail!("status {status}, expected {expected}") }
}

struct Spec {
    id: &'static str,
    what: &'static str,
    baseline: Option<&'static str>,
    ops_per_call: u32,
    op: Op,
}

/// What W3's upload is filed as: headers, never the query string.
const FILED_AS: &[(&str, &str)] = &[
    (upload_headers::CATEGORY, "care-reports"),
    (upload_headers::TITLE, "Bench"),
    (upload_headers::CLINICAL_DATE, "2026-11-20"),
];

fn specs(options: &Options, origin: &str, fixture: &fixture::Fixture) -> anyhow::Result<Vec<Spec>> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .timeout(Duration::from_secs(30))
        .build()?;
    let cookie = |token: &str| format!("{}={token}", dsp::auth::session::cookie_name(origin));
    let physician = Arc::new(cookie(&fixture.physician_token));
    let patient = Arc::new(cookie(&fixture.patient_token));
    let origin: Arc<str> = origin.into();
    let megabyte = fixture::pdf(1024 * 1024);
    let get = |path: String, cookie: Option<Arc<String>>, expected: u16| -> Op {
        let (client, origin) = (client.clone(), origin.clone());
        Arc::new(move |_| {
            let mut request = client.get(format!("{origin}{path}"));
            if let Some(cookie) = &cookie {
                request = request.header("cookie", cookie.as_str());
            }
            Box::pin(async move {
                let response = request.send().await?;
                let status = response.status();
                // Read the whole body: a download is measured to its last byte.
                let _ = response.bytes().await?;
                check(status, expected)
            })
        })
    };
    // Practice software: a bearer token, no cookie (the FHIR interface, issue 14).
    let bearer = Arc::new(format!("Bearer {}", fixture.fhir_token));
    let fhir_get = |path: String, accept: &'static str| -> Op {
        let (client, origin, bearer) = (client.clone(), origin.clone(), bearer.clone());
        Arc::new(move |_| {
            let request = client
                .get(format!("{origin}{path}"))
                .header("authorization", bearer.as_str())
                .header("accept", accept);
            Box::pin(async move {
                let response = request.send().await?;
                let status = response.status();
                let _ = response.bytes().await?;
                check(status, 200)
            })
        })
    };
    let post_bytes = |path: String,
                      cookie: Option<Arc<String>>,
                      headers: &'static [(&'static str, &'static str)],
                      body: Vec<u8>,
                      expected: u16|
     -> Op {
        let (client, origin) = (client.clone(), origin.clone());
        let body = bytes::Bytes::from(body);
        Arc::new(move |_| {
            let mut request = client
                .post(format!("{origin}{path}"))
                .header("origin", origin.as_ref())
                .header("content-type", "application/pdf");
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            if let Some(cookie) = &cookie {
                request = request.header("cookie", cookie.as_str());
            }
            let request = request.body(body.clone());
            Box::pin(async move { check(request.send().await?.status(), expected) })
        })
    };
    let records = format!("/api/records/{}/documents", fixture.patient_id);
    let sign_in = if options.selected("W5") {
        Some(sign_in::op(&origin, &fixture.security_keys)?)
    } else {
        None
    };
    let grant = {
        let (client, origin, patient) = (client.clone(), origin.clone(), patient.clone());
        let other = fixture.other_physician_id;
        let op: Op = Arc::new(move |_| {
            let (client, origin, patient) = (client.clone(), origin.clone(), patient.clone());
            Box::pin(async move {
                let until = (chrono::Utc::now() + chrono::Duration::days(7)).date_naive();
                let granted = client
                    .post(format!("{origin}/api/me/links"))
                    .header("origin", origin.as_ref())
                    .header("cookie", patient.as_str())
                    .json(&serde_json::json!({"professional_id": other, "until": until}))
                    .send()
                    .await?;
                let status = granted.status();
                let link: serde_json::Value = granted.json().await?;
                check(status, 200).with_context(|| format!("granting: {link}"))?;
                let id = link["id"].as_str().context("a granted link has an id")?.to_owned();
                let ended = client
                    .delete(format!("{origin}/api/me/links/{id}"))
                    .header("origin", origin.as_ref())
                    .header("cookie", patient.as_str())
                    .send()
                    .await?;
                let status = ended.status();
                if status.as_u16() == 200 || status.as_u16() == 204 {
                    Ok(())
                } else {
                    bail!("ending: {status}")
                }
            })
        });
        op
    };
    let mut specs = vec![
        Spec {
            id: "B0",
            what: "bare JSON endpoint, no middleware",
            baseline: None,
            ops_per_call: 1,
            op: get("/bench/b0".into(), None, 200),
        },
        Spec {
            id: "B0m",
            what: "the same through the full middleware stack",
            baseline: Some("B0"),
            ops_per_call: 1,
            op: get("/api/bench/b0m".into(), None, 200),
        },
        Spec {
            id: "B1",
            what: "one primary-key read of a small row (production pool)",
            baseline: None,
            ops_per_call: 1,
            op: get("/api/bench/b1".into(), None, 200),
        },
        Spec {
            id: "B3",
            what: "single-row insert + durable commit",
            baseline: None,
            ops_per_call: 1,
            op: post_bytes("/api/bench/b3".into(), None, &[], Vec::new(), 204),
        },
        Spec {
            id: "B2d",
            what: "raw 1 MiB file download",
            baseline: None,
            ops_per_call: 1,
            op: get("/api/bench/b2".into(), None, 200),
        },
        Spec {
            id: "B2u",
            what: "raw 1 MiB streamed upload to disk + fsync",
            baseline: None,
            ops_per_call: 1,
            op: post_bytes("/api/bench/b2".into(), None, &[], megabyte.clone(), 204),
        },
        Spec {
            id: "W1",
            what: "professional opens a record (session, decision, documents, audit)",
            baseline: Some("B1"),
            ops_per_call: 1,
            op: get(records, Some(physician.clone()), 200),
        },
        Spec {
            id: "W1f",
            what: "practice software finds the record's documents (FHIR ITI-67 search, first page of 50)",
            baseline: Some("W1"),
            ops_per_call: 1,
            op: fhir_get(
                format!(
                    "/fhir/R4/DocumentReference?patient=Patient/{}&status=current&_count=50",
                    fixture.patient_id
                ),
                "application/fhir+json",
            ),
        },
        Spec {
            id: "W2",
            what: "patient history page (100 newest of the record's entries)",
            baseline: Some("B1"),
            ops_per_call: 1,
            op: get("/api/me/history?limit=100".into(), Some(patient.clone()), 200),
        },
        Spec {
            id: "W2x",
            what: "patient history, full CSV export (streamed)",
            baseline: None,
            ops_per_call: 1,
            op: get("/api/me/history.csv".into(), Some(patient.clone()), 200),
        },
        Spec {
            id: "W6",
            what: "1 MiB document download (authorised, audited, streamed)",
            baseline: Some("B2d"),
            ops_per_call: 1,
            op: get(
                format!("/api/documents/{}/content", fixture.large_document_id),
                Some(physician.clone()),
                200,
            ),
        },
        Spec {
            id: "W6f",
            what: "practice software retrieves the 1 MiB document (FHIR ITI-68 Binary, raw)",
            baseline: Some("W6"),
            ops_per_call: 1,
            op: fhir_get(
                format!("/fhir/R4/Binary/{}", fixture.large_document_id),
                "application/pdf",
            ),
        },
    ];
    if let Some(op) = sign_in {
        specs.push(Spec {
            id: "W5",
            what: "professional signs in with a security key (start + finish)",
            baseline: Some("B0m"),
            ops_per_call: 1,
            op,
        });
    }
    specs.extend([
        Spec {
            id: "W3",
            what: "1 MiB PDF upload (validate, hash, store, audit)",
            baseline: Some("B2u"),
            ops_per_call: 1,
            op: post_bytes(
                format!("/api/records/{}/documents", fixture.patient_id),
                Some(physician.clone()),
                FILED_AS,
                megabyte,
                200,
            ),
        },
        Spec {
            id: "W8",
            what: "patient grants then ends a link (two acts)",
            baseline: Some("B3"),
            ops_per_call: 2,
            op: grant,
        },
    ]);
    specs.retain(|s| options.selected(s.id));
    Ok(specs)
}

async fn measure_all(
    options: &Options,
    running: &server::Running,
    fixture: &fixture::Fixture,
) -> anyhow::Result<(Vec<Row>, Option<Measured>)> {
    let timing = options.timing;
    let mut rows = Vec::new();
    let mut overload = None;
    let stats_client = reqwest::Client::new();
    for spec in specs(options, &running.origin, fixture)? {
        // W3 fills the record and W8 its links: they run last, after every workload that
        // reads them.
        load::closed_loop(&spec.op, timing.workers.min(8), timing.warm_up).await?;
        let before = counters(&stats_client, &running.origin).await;
        let saturation = load::closed_loop(&spec.op, timing.workers, timing.closed).await?;
        let after = counters(&stats_client, &running.origin).await;
        let calls = (saturation.calls as f64).max(1.0);
        let groups = after.groups - before.groups;
        let write_groups = after.write_groups - before.write_groups;
        let rate = (saturation.throughput / 2.0).clamp(1.0, load::MAX_RATE);
        let half = load::open_loop(&spec.op, rate, timing.open).await?;
        let (rss_kib, peak_rss_kib) = running.memory_kib();
        eprintln!(
            "  {:<4} {:>9.0}/s  half-load p50 {:>7.2} ms  p99 {:>7.2} ms  errors {}  RSS {} MiB  {:.1} statements, {:.2} ms DB per call",
            spec.id,
            saturation.throughput * f64::from(spec.ops_per_call),
            half.p50_ms,
            half.p99_ms,
            saturation.errors + half.errors,
            rss_kib / 1024,
            (after.statements - before.statements) / calls,
            (after.db_micros - before.db_micros) / calls / 1000.0,
        );
        if let Some(e) = saturation.first_error.as_ref().or(half.first_error.as_ref()) {
            eprintln!("       first error: {e}");
        }
        let heap_kib_per_call = if HEAP_PROBED.contains(&spec.id) && running.is_own_process() {
            heap_per_concurrent_call(&spec.op, &stats_client, &running.origin, timing).await?
        } else {
            None
        };
        if let Some(kib) = heap_kib_per_call {
            eprintln!("       heap per further concurrent call: {kib:.0} KiB");
        }
        if spec.id == "W1" {
            // At once, while the record still holds the documents W1 is defined with (W3 adds
            // to it later).
            overload = Some(twice_saturation(&spec.op, saturation.throughput, timing).await?);
        }
        rows.push(Row {
            id: spec.id.into(),
            what: spec.what.into(),
            baseline: spec.baseline.map(Into::into),
            ops_per_call: spec.ops_per_call,
            saturation,
            half,
            rss_kib,
            peak_rss_kib,
            statements_per_call: (after.statements - before.statements) / calls,
            db_ms_per_call: (after.db_micros - before.db_micros) / calls / 1000.0,
            audit_group_size: if groups > 0.0 {
                (after.grouped - before.grouped) / groups
            } else {
                0.0
            },
            write_group_size: if write_groups > 0.0 {
                (after.write_grouped - before.write_grouped) / write_groups
            } else {
                0.0
            },
            top_statements: top(&before, &after, calls),
            heap_kib_per_call,
        });
    }
    Ok((rows, overload))
}

/// Workloads whose memory per concurrent call has a goal (uploads; exports must stay flat).
const HEAP_PROBED: &[&str] = &["W3", "W2x"];

/// Calls at once in the memory probe.
pub const HEAP_PROBE_CONCURRENCY: usize = 16;

/// The server's heap peak growth with [`HEAP_PROBE_CONCURRENCY`] calls at once minus that with
/// one call at a time, per further call, in KiB; `None` when the server does not count its heap.
async fn heap_per_concurrent_call(
    op: &Op,
    client: &reqwest::Client,
    origin: &str,
    timing: Timing,
) -> anyhow::Result<Option<f64>> {
    let phase = timing.open.min(Duration::from_secs(3));
    let mut peaks = Vec::new();
    for workers in [1, HEAP_PROBE_CONCURRENCY] {
        client.post(format!("{origin}/bench/heap/start")).send().await?;
        let start = counters(client, origin).await.heap;
        let probed = load::closed_loop(op, workers, phase).await;
        let end = counters(client, origin).await.heap;
        client.post(format!("{origin}/bench/heap/stop")).send().await?;
        probed?;
        let (Some((live, _)), Some((_, peak))) = (start, end) else { return Ok(None) };
        peaks.push(peak - live);
    }
    let per_call = (peaks[1] - peaks[0]) / (HEAP_PROBE_CONCURRENCY - 1) as f64 / 1024.0;
    Ok(Some(per_call.max(0.0)))
}

/// W1 offered at twice its saturation: how the server sheds load (refusals in milliseconds,
/// the admitted calls still served).
async fn twice_saturation(op: &Op, saturation: f64, timing: Timing) -> anyhow::Result<Measured> {
    let rate = (saturation * 2.0).clamp(2.0, 2.0 * load::MAX_RATE);
    let measured = load::open_loop(op, rate, timing.open).await?;
    eprintln!(
        "  W1 at twice saturation: {:.0}/s served (p99 {:.1} ms), {} of {} refused (p50 {:.1} ms, p99 {:.1} ms)",
        measured.throughput,
        measured.ok_p99_ms,
        measured.errors,
        measured.calls,
        measured.failed_p50_ms,
        measured.failed_p99_ms
    );
    Ok(measured)
}
