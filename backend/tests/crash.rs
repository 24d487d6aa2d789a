#![cfg(test)]
//! Crash safety: the real `dsp serve` (this crate's binary) runs in a process of its own under a
//! load of uploads and reads, is killed with SIGKILL at random moments, and is restarted on the
//! same database, data directory and address; on SQLite and on PostgreSQL.
//!
//! What must hold afterwards:
//! - every upload the client saw acknowledged (`200` with its document) is in the database, with
//!   its `document_filed` entry (found by the request's `x-request-id`) and its content stored
//!   under its SHA-256, the bytes the client sent; the record's list shows it;
//! - every read the client saw acknowledged (a `200`) has its audit entry, by request id;
//! - a content that comes back from the server is the one that was filed;
//! - `dsp audit verify` accepts every chain (exit status 0);
//! - the content store misses no content of any version, and holds no orphan: a stored content
//!   that no version refers to can only be an upload the kill interrupted before the client saw
//!   it acknowledged, and a temporary file only a write the kill interrupted; once their grace
//!   period is over (the files' times moved back two hours), one `dsp housekeeping` pass leaves
//!   exactly the contents that versions refer to and no temporary file.
//!
//! The people (a physician with a security key, a patient with a passkey and a consultation link
//! between them) sign in through the API harness first; their sessions live in the database, so
//! the same cookies work across every restart.

#[expect(dead_code, reason = "the API tests' harness; this test uses part of it")]
mod common;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use rand::Rng;
use sea_orm::{ConnectionTrait, EntityTrait};
use serde_json::Value;
use sha2::{Digest, Sha256};
use tokio::sync::Notify;

use common::personas::Browser;
use common::{Engine, TestApp};
use dsp::entity::{audit_event, document, document_version};

/// Kills per run.
const KILLS: usize = 4;
/// Clients filing documents at once, and clients reading.
const UPLOADERS: usize = 3;
const READERS: usize = 3;

/// `dsp` run on the test's database and a data directory of its own, at one address across
/// restarts. On a failure the directory (content store, SQLite file, the servers' logs) is kept
/// and its path printed.
struct Site {
    vars: Vec<(&'static str, String)>,
    database_url: String,
    origin: String,
    dir: Option<tempfile::TempDir>,
}

impl Site {
    /// The site of the harness's database, once it holds the people. A SQLite database is
    /// copied into a file of the site's (`VACUUM INTO`), so that the server is its only user, as
    /// in production, and each restart recovers what a kill left in the write-ahead log.
    async fn of(app: &TestApp, engine: Engine) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let database_url = match engine {
            Engine::Sqlite => {
                let file = dir.path().join("dsp.db");
                let copy = format!("VACUUM INTO '{}'", file.display());
                app.db.execute_unprepared(&copy).await.unwrap();
                format!("sqlite://{}?mode=rwc", file.display())
            }
            Engine::Postgres => app.state.config.database_url.clone(),
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let origin = format!("http://localhost:{port}");
        let vars = vec![
            ("DATABASE_URL", database_url.clone()),
            ("DSP_DATA_DIR", dir.path().display().to_string()),
            ("DSP_BIND", format!("127.0.0.1:{port}")),
            ("DSP_PUBLIC_ORIGIN", origin.clone()),
            ("DSP_DIST_DIR", dir.path().join("no-dist").display().to_string()),
            ("DSP_DB_MAX_CONNECTIONS", "8".into()),
        ];
        Self { vars, database_url, origin, dir: Some(dir) }
    }

    fn path(&self) -> &Path {
        self.dir.as_ref().map(tempfile::TempDir::path).unwrap()
    }

    /// The `dsp` command with this site's environment and nothing else of the test's.
    fn dsp(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_dsp"));
        command.args(args).env_clear().envs(self.vars.iter().map(|(k, v)| (*k, v.as_str())));
        command
    }

    /// Starts `dsp serve` (its log in a file) and waits until it answers.
    async fn start(&self, run: usize) -> Serving {
        let log = self.path().join(format!("serve-{run}.log"));
        let file = std::fs::File::create(&log).unwrap();
        let child =
            self.dsp(&["serve"]).stdout(file.try_clone().unwrap()).stderr(file).spawn().unwrap();
        let mut server = Serving(child);
        let client = reqwest::Client::new();
        let start = Instant::now();
        loop {
            if let Ok(r) = client.get(format!("{}/api/health", self.origin)).send().await
                && r.status().is_success()
            {
                return server;
            }
            let exited = server.0.try_wait().unwrap();
            if exited.is_some() || start.elapsed() > Duration::from_secs(60) {
                let text = std::fs::read_to_string(&log).unwrap_or_default();
                panic!("dsp serve (run {run}) did not start ({exited:?}):\n{text}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs a `dsp` command to its end: its exit status and output.
    async fn run(&self, args: &[&str]) -> (i32, String) {
        let mut command = self.dsp(args);
        let output = tokio::task::spawn_blocking(move || command.output()).await.unwrap().unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        (output.status.code().unwrap_or(-1), text)
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        if std::thread::panicking()
            && let Some(dir) = self.dir.take()
        {
            eprintln!("kept for inspection: {}", dir.keep().display());
        }
    }
}

/// When a run's server is killed, once the load is under way.
#[derive(Debug, Clone, Copy)]
enum Moment {
    /// After a random while.
    Random(Duration),
    /// The instant an upload is acknowledged.
    Filed,
    /// The instant a read is acknowledged.
    Read,
}

/// A running `dsp serve`.
struct Serving(Child);

impl Serving {
    /// Kills it with SIGKILL (`Child::kill` on Unix) and reaps it.
    fn kill(self) {
        drop(self);
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// An upload the client saw acknowledged.
#[derive(Debug, Clone)]
struct Filed {
    document_id: String,
    sha256: String,
    request_id: String,
}

/// What the clients sent and what the server acknowledged.
#[derive(Debug, Default)]
struct Ledger {
    filed: Vec<Filed>,
    /// The SHA-256 of every upload sent, acknowledged or not.
    sent: HashSet<String>,
    /// Reads acknowledged: request id and the audit action they must have left.
    reads: Vec<(String, &'static str)>,
    /// Answers that are neither a success nor a connection lost to a kill, and contents that
    /// came back different from what was filed.
    wrong: Vec<String>,
    /// Requests that found no server (during a kill).
    lost: usize,
}

/// Who the clients are, and the signals of their acknowledgements.
#[derive(Clone)]
struct People {
    origin: String,
    client: reqwest::Client,
    doctor: Browser,
    patient: Browser,
    patient_id: String,
    /// Each acknowledged upload, once noted.
    filed: Arc<Notify>,
    /// Each acknowledged read, once noted.
    read: Arc<Notify>,
}

impl People {
    fn request(
        &self,
        who: &Browser,
        method: reqwest::Method,
        path: &str,
    ) -> reqwest::RequestBuilder {
        let request = self
            .client
            .request(method, format!("{}{path}", self.origin))
            .header("x-request-id", uuid::Uuid::new_v4().to_string());
        match &who.cookie {
            Some(cookie) => request.header("cookie", cookie),
            None => request,
        }
    }
}

/// A PDF of about `size` bytes that no other upload has (a fresh id in a comment).
fn unique_pdf(size: usize) -> Vec<u8> {
    let mut body = format!("%PDF-1.7\n% {}\n", uuid::Uuid::new_v4()).into_bytes();
    body.resize(size.max(body.len() + 6) - 6, b' ');
    body.extend_from_slice(b"%%EOF\n");
    body
}

fn sha256_hex(bytes: &[u8]) -> String {
    data_encoding::HEXLOWER.encode(&Sha256::digest(bytes))
}

/// Files `body` as `who` (the physician into the record, the patient into their personal space).
fn upload(people: &People, as_patient: bool, body: Vec<u8>) -> reqwest::RequestBuilder {
    let (who, path, category) = if as_patient {
        (&people.patient, "/api/me/documents".to_owned(), "personal-expression")
    } else {
        (&people.doctor, format!("/api/records/{}/documents", people.patient_id), "summaries")
    };
    let request = people.request(who, reqwest::Method::POST, &path);
    common::filed_as(request, Some(category), "Scan", "2026-11-20", None)
        .header("content-type", "application/pdf")
        .body(body)
}

/// The request id a request builder carries.
fn request_id_of(request: &reqwest::Request) -> String {
    request.headers()["x-request-id"].to_str().unwrap().to_owned()
}

/// Files documents until `stop`, noting each upload sent and each acknowledged.
async fn uploader(people: People, ledger: Arc<Mutex<Ledger>>, stop: Arc<AtomicBool>) {
    while !stop.load(Ordering::Relaxed) {
        let (as_patient, size) = {
            let mut rng = rand::rng();
            (rng.random_bool(0.3), rng.random_range(1024..256 * 1024))
        };
        let body = unique_pdf(size);
        let sha256 = sha256_hex(&body);
        let request = upload(&people, as_patient, body).build().unwrap();
        let request_id = request_id_of(&request);
        ledger.lock().unwrap().sent.insert(sha256.clone());
        let answer = match people.client.execute(request).await {
            Ok(response) => response,
            Err(_) => {
                ledger.lock().unwrap().lost += 1;
                continue;
            }
        };
        let status = answer.status();
        match answer.json::<Value>().await {
            Ok(doc) if status.is_success() => {
                let filed = Filed {
                    document_id: doc["id"].as_str().unwrap_or_default().to_owned(),
                    sha256: doc["sha256"].as_str().unwrap_or_default().to_owned(),
                    request_id,
                };
                let mut ledger = ledger.lock().unwrap();
                if filed.sha256 != sha256 {
                    ledger.wrong.push(format!("filed {filed:?}, sent {sha256}"));
                }
                ledger.filed.push(filed);
                drop(ledger);
                people.filed.notify_waiters();
            }
            Ok(body) => ledger.lock().unwrap().wrong.push(format!("upload: {status} {body}")),
            // The answer was cut by a kill: not acknowledged.
            Err(_) => ledger.lock().unwrap().lost += 1,
        }
    }
}

/// Reads until `stop`: a document's content, the physician's view of the record, the patient's
/// list; noting each read acknowledged.
async fn reader(people: People, ledger: Arc<Mutex<Ledger>>, stop: Arc<AtomicBool>) {
    while !stop.load(Ordering::Relaxed) {
        let (kind, pick) = {
            let mut rng = rand::rng();
            (rng.random_range(0..4), rng.random_range(0..usize::MAX))
        };
        let filed = {
            let ledger = ledger.lock().unwrap();
            (!ledger.filed.is_empty()).then(|| ledger.filed[pick % ledger.filed.len()].clone())
        };
        let (request, action, expected) = match (kind, filed) {
            (0 | 1, Some(filed)) => {
                let who = if kind == 0 { &people.doctor } else { &people.patient };
                let path = format!("/api/documents/{}/content", filed.document_id);
                let request = people.request(who, reqwest::Method::GET, &path);
                (request, "document_read", Some(filed.sha256))
            }
            (2, _) => {
                let path = format!("/api/records/{}/documents", people.patient_id);
                (people.request(&people.doctor, reqwest::Method::GET, &path), "record_opened", None)
            }
            _ => (
                people.request(&people.patient, reqwest::Method::GET, "/api/me/documents"),
                "documents_listed",
                None,
            ),
        };
        let request = request.build().unwrap();
        let request_id = request_id_of(&request);
        let answer = match people.client.execute(request).await {
            Ok(answer) => answer,
            Err(_) => {
                ledger.lock().unwrap().lost += 1;
                continue;
            }
        };
        let status = answer.status();
        if !status.is_success() {
            let body = answer.text().await.unwrap_or_default();
            ledger.lock().unwrap().wrong.push(format!("{action}: {status} {body}"));
            continue;
        }
        // The answer's head left only once the entry was durable: the read is acknowledged,
        // even if a kill cuts its body.
        ledger.lock().unwrap().reads.push((request_id, action));
        people.read.notify_waiters();
        if let (Some(expected), Ok(bytes)) = (expected, answer.bytes().await) {
            let got = sha256_hex(&bytes);
            if got != expected {
                ledger.lock().unwrap().wrong.push(format!("read {got}, filed {expected}"));
            }
        }
    }
}

/// Runs the clients until `until` completes, then stops them (a request in flight finishes or
/// fails first).
async fn load(people: &People, ledger: &Arc<Mutex<Ledger>>, until: impl Future<Output = ()>) {
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for _ in 0..UPLOADERS {
        clients.push(tokio::spawn(uploader(people.clone(), Arc::clone(ledger), Arc::clone(&stop))));
    }
    for _ in 0..READERS {
        clients.push(tokio::spawn(reader(people.clone(), Arc::clone(ledger), Arc::clone(&stop))));
    }
    until.await;
    stop.store(true, Ordering::Relaxed);
    for client in clients {
        client.await.unwrap();
    }
}

/// Every file under `dir`.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() { out.extend(files_under(&path)) } else { out.push(path) }
        }
    }
    out
}

/// The stored contents (by SHA-256 hex, from their names) and the temporary files.
fn content_store(data_dir: &Path) -> (HashMap<String, PathBuf>, Vec<PathBuf>) {
    let root = data_dir.join("content");
    let mut stored = HashMap::new();
    let mut temporary = Vec::new();
    for path in files_under(&root) {
        if path.starts_with(root.join("tmp")) {
            temporary.push(path);
        } else {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            stored.insert(name, path);
        }
    }
    (stored, temporary)
}

async fn survives_kills(engine: Engine) {
    let started = Instant::now();
    let app = TestApp::spawn(engine).await;
    let (doctor, patient, patient_id) = app.linked_physician().await;
    let site = Site::of(&app, engine).await;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("origin", site.origin.parse().unwrap());
    let client = reqwest::Client::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let people = People {
        origin: site.origin.clone(),
        client,
        doctor,
        patient,
        patient_id,
        filed: Arc::default(),
        read: Arc::default(),
    };
    let ledger = Arc::new(Mutex::new(Ledger::default()));

    // Load; once it is under way, kill: at a random moment, or the instant an upload or a read
    // is acknowledged (an answer sent before its commit was durable would then be lost); restart;
    // again.
    for run in 0..KILLS {
        let server = site.start(run).await;
        let acknowledged = |ledger: &Ledger| ledger.filed.len() + ledger.reads.len();
        let before = acknowledged(&ledger.lock().unwrap());
        let moment = match run % 4 {
            0 | 2 => Moment::Random(Duration::from_millis(rand::rng().random_range(0..1500))),
            1 => Moment::Filed,
            _ => Moment::Read,
        };
        load(&people, &ledger, async {
            let start = Instant::now();
            while acknowledged(&ledger.lock().unwrap()) < before + 3 {
                assert!(start.elapsed() < Duration::from_secs(60), "run {run}: no progress");
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            let moment_came = tokio::time::timeout(Duration::from_secs(60), async {
                match moment {
                    Moment::Random(after) => tokio::time::sleep(after).await,
                    Moment::Filed => people.filed.notified().await,
                    Moment::Read => people.read.notified().await,
                }
            });
            assert!(moment_came.await.is_ok(), "run {run}: nothing acknowledged to kill at");
            server.kill();
        })
        .await;
        let ledger = ledger.lock().unwrap();
        eprintln!(
            "{engine:?} run {run}: killed ({moment:?}); acknowledged so far {} uploads, {} \
             reads; {} requests lost",
            ledger.filed.len(),
            ledger.reads.len(),
            ledger.lost
        );
    }

    // The last start: the same sessions work, every acknowledged upload is listed.
    let server = site.start(KILLS).await;
    load(&people, &ledger, tokio::time::sleep(Duration::from_millis(500))).await;
    let ledger = std::mem::take(&mut *ledger.lock().unwrap());
    assert!(ledger.wrong.is_empty(), "{:#?}", ledger.wrong);
    let listed = people
        .request(&people.patient, reqwest::Method::GET, "/api/me/documents")
        .send()
        .await
        .unwrap();
    assert_eq!(listed.status(), 200);
    let listed: Value = listed.json().await.unwrap();
    let listed: HashMap<&str, &str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap(), d["sha256"].as_str().unwrap()))
        .collect();
    for filed in &ledger.filed {
        assert_eq!(
            listed.get(filed.document_id.as_str()),
            Some(&filed.sha256.as_str()),
            "{filed:?}"
        );
    }
    server.kill();

    // The database: each acknowledged upload with its version and entry, each read's entry.
    let db = sea_orm::Database::connect(&site.database_url).await.unwrap();
    let versions = document_version::Entity::find().all(&db).await.unwrap();
    let documents = document::Entity::find().all(&db).await.unwrap();
    let entries = audit_event::Entity::find().all(&db).await.unwrap();
    db.close().await.unwrap();
    let by_request: HashMap<&str, Vec<&audit_event::Model>> =
        entries.iter().fold(HashMap::new(), |mut map, e| {
            if let Some(id) = &e.request_id {
                map.entry(id.as_str()).or_default().push(e);
            }
            map
        });
    let entry_for = |request_id: &str, action: &str| {
        by_request
            .get(request_id)
            .is_some_and(|found| found.iter().any(|e| e.action == action && e.outcome == "success"))
    };
    for filed in &ledger.filed {
        let current = documents.iter().find(|d| d.id.to_string() == filed.document_id);
        let current = current.unwrap_or_else(|| panic!("acknowledged upload lost: {filed:?}"));
        assert!(
            versions.iter().any(|v| v.document_id == current.id
                && v.version == current.current_version
                && v.sha256 == filed.sha256),
            "{filed:?}"
        );
        assert!(entry_for(&filed.request_id, "document_filed"), "no entry for {filed:?}");
    }
    for (request_id, action) in &ledger.reads {
        assert!(entry_for(request_id, action), "no {action} entry for request {request_id}");
    }
    for doc in &documents {
        assert!(
            versions.iter().any(|v| v.document_id == doc.id && v.version == doc.current_version),
            "document {} without its current version",
            doc.id
        );
    }

    // The audit chains.
    let (status, output) = site.run(&["audit", "verify"]).await;
    assert_eq!(status, 0, "dsp audit verify: {output}");

    // The content store: nothing missing, nothing but interrupted uploads besides.
    let referenced: HashSet<&str> = versions.iter().map(|v| v.sha256.as_str()).collect();
    let (stored, temporary) = content_store(site.path());
    for sha256 in &referenced {
        let path = stored.get(*sha256).unwrap_or_else(|| panic!("content {sha256} missing"));
        assert_eq!(sha256_hex(&std::fs::read(path).unwrap()), *sha256, "{}", path.display());
    }
    let acknowledged: HashSet<&str> = ledger.filed.iter().map(|f| f.sha256.as_str()).collect();
    let unreferenced: Vec<&String> =
        stored.keys().filter(|sha256| !referenced.contains(sha256.as_str())).collect();
    for sha256 in &unreferenced {
        assert!(
            ledger.sent.contains(*sha256) && !acknowledged.contains(sha256.as_str()),
            "stored content {sha256} is neither referenced nor an interrupted upload"
        );
    }
    let interrupted = ledger.sent.len() - acknowledged.len();
    assert!(
        unreferenced.len() + temporary.len() <= interrupted,
        "{} unreferenced contents and {} temporary files for {interrupted} uploads unacknowledged",
        unreferenced.len(),
        temporary.len()
    );

    // Two hours later, housekeeping leaves exactly what the versions refer to.
    let two_hours_ago = SystemTime::now() - Duration::from_secs(2 * 3600);
    for path in stored.values().chain(&temporary) {
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(two_hours_ago).unwrap();
    }
    let (status, output) = site.run(&["housekeeping"]).await;
    assert_eq!(status, 0, "dsp housekeeping: {output}");
    let (stored_after, temporary_after) = content_store(site.path());
    let mut left: Vec<&str> = stored_after.keys().map(String::as_str).collect();
    let mut expected: Vec<&str> = referenced.iter().copied().collect();
    left.sort_unstable();
    expected.sort_unstable();
    assert_eq!(left, expected, "after housekeeping: {output}");
    assert!(temporary_after.is_empty(), "temporary files left: {temporary_after:?}");

    eprintln!(
        "{engine:?}: {KILLS} kills; {} uploads and {} reads acknowledged, {} uploads sent, \
         {} orphans and {} temporary files left by the kills and removed; {:.1} s",
        ledger.filed.len(),
        ledger.reads.len(),
        ledger.sent.len(),
        unreferenced.len(),
        temporary.len(),
        started.elapsed().as_secs_f64()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_and_reads_survive_kills_on_sqlite() {
    survives_kills(Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_and_reads_survive_kills_on_postgres() {
    survives_kills(Engine::Postgres).await;
}
