//! The server-side cost of one complete sign-in (start + finish) with a security key, on SQLite
//! and on PostgreSQL: the real services with their database work, audit entry and session, minus
//! the authenticator's own signing (the client's work, not timed).
//!
//! `cargo bench -p backend --bench sign_in` (set `DSP_BENCH_SIGN_INS`, default 400).

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a benchmark harness stops at the first failure"
)]

#[path = "../tests/common/authenticator.rs"]
#[expect(
    dead_code,
    unused_imports,
    reason = "the benchmark uses the security key only, not the passkey or the module's own checks"
)]
mod authenticator;

use std::time::{Duration, Instant};

use authenticator::SecurityKey;
use dsp::AppState;
use dsp::audit::RequestMeta;
use dsp::clock::Clock;
use dsp::config::Config;
use sea_orm::{ConnectionTrait, Database};
use shared::api::auth::EnrolmentStart;

fn config(database_url: &str, data_dir: &std::path::Path) -> Config {
    let vars = [
        ("DATABASE_URL", database_url.to_owned()),
        ("DSP_DATA_DIR", data_dir.display().to_string()),
        ("DSP_PUBLIC_ORIGIN", "http://localhost:8080".to_owned()),
    ];
    Config::from_lookup(|name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone()))
        .unwrap()
}

fn meta(i: usize) -> RequestMeta {
    // A distinct client label per sign-in keeps the per-client rate limit out of the measurement.
    RequestMeta {
        request_id: Some(format!("bench-{i}")),
        client_ip: Some(format!("bench-client-{i}")),
        user_agent: None,
        via: None,
    }
}

async fn measure(name: &str, database_url: &str, count: usize) {
    let dir = tempfile::tempdir().unwrap();
    let config = config(database_url, dir.path());
    let db = dsp::db::connect(&config).await.unwrap();
    dsp::db::migrate(&db).await.unwrap();
    let state = AppState::new(db, config, Clock::system()).await.unwrap();
    let (_, issued) = dsp::services::agents::create_agent(&state, "Bench Agent").await.unwrap();
    let mut key = SecurityKey::new(42);
    let options =
        dsp::services::enrolment::start(&state, &meta(0), &EnrolmentStart { code: issued.code })
            .await
            .unwrap();
    let registration = key.register(&options.public_key.to_string(), "http://localhost:8080");
    dsp::services::enrolment::finish(&state, &meta(0), None, registration.as_bytes(), None)
        .await
        .unwrap();

    let mut samples = Vec::with_capacity(count);
    for i in 0..count + 20 {
        let started = Instant::now();
        let options = dsp::services::sign_in::start(&state, &meta(i)).await.unwrap();
        let start_time = started.elapsed();
        let assertion = key.authenticate(&options.public_key.to_string(), "http://localhost:8080");
        let finishing = Instant::now();
        dsp::services::sign_in::finish(&state, &meta(i), None, assertion.as_bytes()).await.unwrap();
        let total = start_time + finishing.elapsed();
        if i >= 20 {
            samples.push(total); // the first 20 warm the pool and caches
        }
    }
    samples.sort();
    let mean = samples.iter().sum::<Duration>() / u32::try_from(samples.len()).unwrap();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{name:<10} {count} sign-ins: mean {:.2} ms, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms → {:.0} sign-ins/s on one connection",
        mean.as_secs_f64() * 1e3,
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        samples.last().unwrap().as_secs_f64() * 1e3,
        1.0 / mean.as_secs_f64()
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let count =
        std::env::var("DSP_BENCH_SIGN_INS").ok().and_then(|v| v.parse().ok()).unwrap_or(400);
    let sqlite_dir = tempfile::tempdir().unwrap();
    let sqlite_url = format!("sqlite://{}?mode=rwc", sqlite_dir.path().join("bench.db").display());
    measure("sqlite", &sqlite_url, count).await;

    let admin_url = std::env::var("DSP_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let name = format!("dsp_bench_{}", uuid::Uuid::new_v4().simple());
    let admin = Database::connect(&admin_url).await.unwrap();
    admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.unwrap();
    let prefix = admin_url.rsplit_once('/').unwrap().0;
    measure("postgres", &format!("{prefix}/{name}"), count).await;
    admin.execute_unprepared(&format!("DROP DATABASE {name} WITH (FORCE)")).await.unwrap();
}
