//! The server under test: the real `dsp serve` binary in its own process (so that its memory
//! is its own), with the benchmark routes mounted; or, for the smoke test, the same server in
//! this process.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

/// A running server.
#[derive(Debug)]
pub struct Running {
    /// `http://localhost:PORT`.
    pub origin: String,
    child: Option<tokio::process::Child>,
    pid: u32,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

/// How to start the server.
#[derive(Debug, Clone)]
pub enum Kind {
    /// The `dsp` binary at this path.
    Process(PathBuf),
    /// In this process (the smoke test).
    InProcess,
}

/// The environment the server reads, for a database and data directory.
#[must_use]
pub fn vars(database_url: &str, data_dir: &Path, port: u16, pool: u32) -> Vec<(String, String)> {
    vec![
        ("DATABASE_URL".into(), database_url.to_owned()),
        ("DSP_DATA_DIR".into(), data_dir.display().to_string()),
        ("DSP_BIND".into(), format!("127.0.0.1:{port}")),
        ("DSP_PUBLIC_ORIGIN".into(), format!("http://localhost:{port}")),
        ("DSP_DIST_DIR".into(), data_dir.join("no-dist").display().to_string()),
        ("DSP_DB_MAX_CONNECTIONS".into(), pool.to_string()),
        ("DSP_BENCH_ROUTES".into(), "1".into()),
        // One load generator stands for many clients: no per-client caps.
        ("DSP_MAX_IN_FLIGHT_PER_CLIENT".into(), "0".into()),
        ("DSP_MAX_CONNECTIONS_PER_CLIENT".into(), "0".into()),
        ("RUST_LOG".into(), "warn".into()),
    ]
}

/// A free local port.
///
/// # Errors
/// When no port can be bound.
pub fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Starts the server and waits until it answers.
///
/// # Errors
/// When it does not start within 60 s.
pub async fn start(kind: &Kind, vars: &[(String, String)], port: u16) -> anyhow::Result<Running> {
    let origin = format!("http://localhost:{port}");
    let running = match kind {
        Kind::Process(binary) => {
            let child = tokio::process::Command::new(binary)
                .arg("serve")
                .envs(vars.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                .stdout(std::process::Stdio::null())
                .kill_on_drop(true)
                .spawn()
                .with_context(|| format!("starting {}", binary.display()))?;
            let pid = child.id().context("the server has no pid")?;
            Running { origin, child: Some(child), pid, stop: None }
        }
        Kind::InProcess => {
            let config = dsp::Config::from_lookup(|name| {
                vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
            })?;
            let server = dsp::Server::build(config, dsp::clock::Clock::system()).await?;
            let (tx, rx) = tokio::sync::oneshot::channel::<()>();
            tokio::spawn(server.run(async move {
                let _ = rx.await;
            }));
            Running { origin, child: None, pid: std::process::id(), stop: Some(tx) }
        }
    };
    let client = reqwest::Client::new();
    let start = Instant::now();
    loop {
        if let Ok(r) = client.get(format!("{}/api/health", running.origin)).send().await
            && r.status().is_success()
        {
            return Ok(running);
        }
        if start.elapsed() > Duration::from_secs(60) {
            bail!("the server did not answer /api/health within 60 s");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

impl Running {
    /// The server's resident memory now and at its peak, in KiB (`/proc/PID/status`).
    #[must_use]
    pub fn memory_kib(&self) -> (u64, u64) {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.pid)).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    /// Whether the server is a process of its own (its memory figures are its own).
    #[must_use]
    pub const fn is_own_process(&self) -> bool {
        self.child.is_some()
    }

    /// Stops the server.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(mut child) = self.child.take() {
            let _ = child.start_kill();
            let _ = child.wait().await;
        }
    }
}
