//! Test harness: the real server on port 0 with a fresh, migrated database per test, on SQLite
//! or on PostgreSQL (each test creates and drops its own PostgreSQL database).

pub mod authenticator;
pub mod personas;

use std::path::PathBuf;

use dsp::clock::Clock;
use dsp::{Config, Server};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use tokio::sync::oneshot;

/// The database engine a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Where the test PostgreSQL server is: `DSP_TEST_POSTGRES_URL`, default the local one.
pub fn postgres_admin_url() -> String {
    std::env::var("DSP_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// What a document is filed as, in the `DSP-Document-*` headers a client sends with an upload:
/// the title and file name percent-encoded UTF-8; no category for a new version.
pub fn filed_as(
    request: reqwest::RequestBuilder,
    category: Option<&str>,
    title: &str,
    clinical_date: &str,
    file_name: Option<&str>,
) -> reqwest::RequestBuilder {
    use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
    use shared::api::documents::upload_headers;
    let mut request = request
        .header(upload_headers::TITLE, utf8_percent_encode(title, NON_ALPHANUMERIC).to_string())
        .header(upload_headers::CLINICAL_DATE, clinical_date);
    if let Some(category) = category {
        request = request.header(upload_headers::CATEGORY, category);
    }
    if let Some(name) = file_name {
        request = request.header(
            upload_headers::FILE_NAME,
            utf8_percent_encode(name, NON_ALPHANUMERIC).to_string(),
        );
    }
    request
}

/// A running server and a client for it.
pub struct TestApp {
    /// The public origin (`DSP_PUBLIC_ORIGIN`): what browsers and authenticators see.
    pub base: String,
    /// Where the server listens (plain HTTP, also under an `https` origin).
    address: String,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    /// The server's state, for calling services directly (e.g. `dsp admin` commands).
    pub state: dsp::AppState,
    /// The server's clock (fixed; `clock.advance(…)` moves it).
    pub clock: Clock,
    /// The SQL the server runs, while recording.
    pub statements: Statements,
    _data_dir: tempfile::TempDir,
    postgres_db: Option<String>,
    shutdown: Option<oneshot::Sender<()>>,
}

/// The SQL statements (their text, parameters left out) the server's pool runs while recording.
#[derive(Clone, Default)]
pub struct Statements(std::sync::Arc<std::sync::Mutex<Option<Vec<String>>>>);

impl Statements {
    fn record(&self, sql: &str) {
        if let Some(list) = self.0.lock().unwrap().as_mut() {
            list.push(sql.to_owned());
        }
    }

    /// The statements `work` made the server run.
    pub async fn of(&self, work: impl Future<Output = ()>) -> Vec<String> {
        *self.0.lock().unwrap() = Some(Vec::new());
        work.await;
        self.0.lock().unwrap().take().unwrap()
    }
}

/// Options for [`TestApp::spawn_with`].
#[derive(Default)]
pub struct Options {
    pub dist_dir: Option<PathBuf>,
    /// `DSP_MAX_IN_FLIGHT` (default: the server's).
    pub max_in_flight: Option<usize>,
    /// An `https://` public origin, as in production (the test still talks plain HTTP to the
    /// port, as a TLS-terminating proxy would).
    pub https_origin: bool,
    /// More configuration variables (e.g. short timeouts).
    pub vars: Vec<(&'static str, String)>,
}

impl TestApp {
    /// The server's data directory (`DSP_DATA_DIR`).
    pub fn data_dir(&self) -> &std::path::Path {
        self._data_dir.path()
    }

    /// Runs the `dsp` command on the test's database and data directory, with `vars` added to
    /// a clean environment; returns (exit status, stdout and stderr).
    pub fn cli(&self, args: &[&str], vars: &[(&str, &std::path::Path)]) -> (i32, String) {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_dsp"));
        command
            .args(args)
            .env_clear()
            .env("DATABASE_URL", &self.state.config.database_url)
            .env("DSP_DATA_DIR", self.data_dir())
            .env("DSP_LOG", "warn");
        for (name, value) in vars {
            command.env(name, value);
        }
        let output = command.output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&output.stderr);
        (output.status.code().unwrap_or(-1), format!("{stdout}{stderr}"))
    }

    pub async fn spawn(engine: Engine) -> Self {
        Self::spawn_with(engine, Options::default()).await
    }

    pub async fn spawn_with(engine: Engine, options: Options) -> Self {
        let data_dir = tempfile::tempdir().unwrap();
        let (database_url, postgres_db) = match engine {
            Engine::Sqlite => {
                (format!("sqlite://{}?mode=rwc", data_dir.path().join("dsp.db").display()), None)
            }
            Engine::Postgres => {
                let name = format!("dsp_test_{}", uuid::Uuid::new_v4().simple());
                let admin = Database::connect(postgres_admin_url())
                    .await
                    .expect("PostgreSQL must run on 127.0.0.1:5432 (or set DSP_TEST_POSTGRES_URL)");
                admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.unwrap();
                admin.close().await.unwrap();
                (replace_database(&postgres_admin_url(), &name), Some(name))
            }
        };
        let dist = options.dist_dir.unwrap_or_else(|| data_dir.path().join("no-dist"));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let scheme = if options.https_origin { "https" } else { "http" };
        let origin = format!("{scheme}://localhost:{port}");
        let mut vars = vec![
            ("DSP_PUBLIC_ORIGIN", origin.clone()),
            ("DATABASE_URL", database_url),
            ("DSP_DATA_DIR", data_dir.path().display().to_string()),
            ("DSP_BIND", "127.0.0.1:0".into()),
            ("DSP_DIST_DIR", dist.display().to_string()),
            ("DSP_DB_MAX_CONNECTIONS", "5".into()),
            ("DSP_MAX_IN_FLIGHT", options.max_in_flight.map(|n| n.to_string()).unwrap_or_default()),
            // Every persona of a test is a different person on 127.0.0.1, as if behind a proxy:
            // the per-client caps are off unless a test sets them (tests/api/hostile.rs).
            ("DSP_MAX_IN_FLIGHT_PER_CLIENT", "0".into()),
            ("DSP_MAX_CONNECTIONS_PER_CLIENT", "0".into()),
        ];
        vars.extend(options.vars);
        let config = Config::from_lookup(|name| {
            vars.iter().rev().find(|(k, _)| *k == name).map(|(_, v)| v.clone())
        })
        .unwrap();
        // A clock the test can move: expiries are tested by advancing it.
        let clock = Clock::fixed(chrono::Utc::now());
        let mut db = dsp::db::connect(&config).await.unwrap();
        let statements = Statements::default();
        let recorder = statements.clone();
        db.set_metric_callback(move |info| recorder.record(&info.statement.sql));
        let server =
            Server::on_database(listener, db.clone(), config.clone(), clock.clone()).await.unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        tokio::spawn(server.run(async move {
            let _ = rx.await;
        }));
        // Like a browser on this site: same-origin requests carry the Origin header.
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("origin", origin.parse().unwrap());
        let client = reqwest::Client::builder().default_headers(headers).build().unwrap();
        let state = dsp::AppState::new(db.clone(), config, clock.clone()).await.unwrap();
        Self {
            base: origin,
            address: format!("http://localhost:{port}"),
            client,
            db,
            state,
            statements,
            clock,
            _data_dir: data_dir,
            postgres_db,
            shutdown: Some(tx),
        }
    }

    /// A second server on the same database (instances share nothing but it).
    pub async fn second_instance(&self) -> SecondInstance {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        // The same public origin: behind a load balancer, instances answer for one site.
        let server =
            Server::build_on(listener, self.state.config.as_ref().clone(), self.clock.clone())
                .await
                .unwrap();
        let port = server.local_addr().unwrap().port();
        let (tx, rx) = oneshot::channel::<()>();
        tokio::spawn(server.run(async move {
            let _ = rx.await;
        }));
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("origin", self.base.parse().unwrap());
        let client = reqwest::Client::builder().default_headers(headers).build().unwrap();
        SecondInstance { base: format!("http://127.0.0.1:{port}"), client, _shutdown: tx }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    pub async fn post_json(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client.post(self.url(path)).json(body).send().await.unwrap()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(name) = self.postgres_db.take() {
            // Drop runs inside the test's runtime: do the async clean-up on a thread of its own.
            let _ = std::thread::spawn(move || {
                let runtime =
                    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                runtime.block_on(async {
                    if let Ok(admin) = Database::connect(postgres_admin_url()).await {
                        let _ = admin
                            .execute_unprepared(&format!(
                                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                            ))
                            .await;
                        let _ = admin.close().await;
                    }
                });
            })
            .join();
        }
    }
}

/// Another server sharing the test's database.
pub struct SecondInstance {
    base: String,
    client: reqwest::Client,
    _shutdown: oneshot::Sender<()>,
}

impl SecondInstance {
    pub async fn send(
        &self,
        browser: &mut personas::Browser,
        path: &str,
        body: &serde_json::Value,
    ) -> personas::Answer {
        let mut request = self.client.post(format!("{}{path}", self.base)).json(body);
        if let Some(cookie) = &browser.cookie {
            request = request.header("cookie", cookie);
        }
        personas::answer(browser, request.send().await.unwrap()).await
    }

    pub async fn get_as(&self, browser: &personas::Browser, path: &str) -> personas::Answer {
        let mut request = self.client.get(format!("{}{path}", self.base));
        if let Some(cookie) = &browser.cookie {
            request = request.header("cookie", cookie);
        }
        personas::answer(&mut browser.clone(), request.send().await.unwrap()).await
    }
}

fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, None), |(b, q)| (b, Some(q)));
    let prefix = base.rsplit_once('/').map_or(base, |(p, _)| p);
    match query {
        Some(q) => format!("{prefix}/{name}?{q}"),
        None => format!("{prefix}/{name}"),
    }
}

/// Defines each listed `async fn name(engine: Engine)` of the calling module as one test per
/// database engine: `sqlite::name` and `postgres::name`.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name($crate::common::Engine::Sqlite).await }) *
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name($crate::common::Engine::Postgres).await }) *
        }
    };
}
