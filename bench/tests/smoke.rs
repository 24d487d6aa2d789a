#![cfg(test)]
//! The harness keeps working: one quick run per engine, the server in this process; every
//! baseline and workload answers without an error; and scale mode runs, twice, on a kept
//! generated country. (Figures from these runs mean nothing: debug build, tiny phases.
//! `scripts/bench` measures.)

use dsp::entity::{patient, professional};
use dsp_bench::{Data, Engine, Options, Timing, fixture, server};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

async fn smoke(engine: Engine) {
    let options = Options {
        engine,
        server: server::Kind::InProcess,
        timing: Timing::quick(),
        postgres_admin_url: std::env::var("DSP_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into()),
        sizes: fixture::Sizes { documents: 10, history: 200, security_keys: 64 },
        pool: 8,
        data: None,
        only: None,
    };
    let run = dsp_bench::run(&options).await.unwrap();
    let ids: Vec<&str> = run.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, dsp_bench::IDS);
    for row in &run.rows {
        assert!(row.saturation.calls > 0, "{}: no call completed", row.id);
        assert_eq!(
            row.saturation.errors + row.half.errors,
            0,
            "{}: {:?} {:?}",
            row.id,
            row.saturation.first_error,
            row.half.first_error
        );
    }
    let lines = dsp_bench::report::summarise(std::slice::from_ref(&run));
    let w1 = lines.iter().find(|l| l.id == "W1").unwrap();
    assert!(w1.ratio.is_some_and(|r| r > 0.0), "W1 is a ratio to B1");
    let w5 = lines.iter().find(|l| l.id == "W5").unwrap();
    assert!(w5.ops_per_s > 0.0 && w5.verdict.starts_with("m"), "W5 has a goal: {w5:?}");
    let markdown = dsp_bench::report::markdown(&lines, &[run], "smoke", "now", Some("smoke"));
    assert!(markdown.contains("| W1 |") && markdown.contains("× B1"));
    assert!(markdown.contains("| W5 |") && markdown.starts_with("# DSP benchmark, smoke, now"));
    // Every line has as many cells as the header.
    let cells = |line: &str| line.matches('|').count();
    let header = markdown.lines().find(|l| l.starts_with("| engine")).unwrap();
    for line in
        markdown.lines().filter(|l| l.starts_with("| Sqlite") || l.starts_with("| Postgres"))
    {
        assert_eq!(cells(line), cells(header), "{line}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_harness_runs_on_sqlite() {
    smoke(Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_harness_runs_on_postgres() {
    smoke(Engine::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_harness_runs_twice_on_a_generated_country() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("country.db").display());
    let data_dir = dir.path().join("content");
    let vars = server::vars(&url, &data_dir, 0, 4);
    let config = dsp::Config::from_lookup(|name| {
        vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    })
    .unwrap();
    let generation = dsp::generate::Options {
        volumes: dsp::generate::Scale::Tiny.volumes(),
        seed: 1,
        now: chrono::Utc::now(),
    };
    dsp::generate::run(&config, &generation, &mut std::io::sink()).await.unwrap();
    let options = Options {
        engine: Engine::Sqlite,
        server: server::Kind::InProcess,
        timing: Timing::quick(),
        postgres_admin_url: String::new(),
        sizes: fixture::Sizes { documents: 10, history: 200, security_keys: 32 },
        pool: 8,
        data: Some(Data { url: url.clone(), dir: Some(data_dir) }),
        only: Some(["B1", "W1", "W2", "W5"].map(String::from).to_vec()),
    };
    // Twice: a second run finds its physicians again, and makes a new patient and new keys.
    for _ in 0..2 {
        let run = dsp_bench::run(&options).await.unwrap();
        let ids: Vec<&str> = run.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["B1", "W1", "W2", "W5"]);
        for row in &run.rows {
            assert!(row.saturation.calls > 0, "{}: no call completed", row.id);
            assert_eq!(row.saturation.errors + row.half.errors, 0, "{}: {row:?}", row.id);
        }
        let lines = dsp_bench::report::summarise(std::slice::from_ref(&run));
        let w5 = lines.iter().find(|l| l.id == "W5").unwrap();
        assert_eq!(w5.ratio, None, "B0m did not run");
    }
    // The generated country is still there, with the harness's actors beside it.
    let db = sea_orm::Database::connect(&url).await.unwrap();
    let volumes = dsp::generate::Scale::Tiny.volumes();
    let patients = patient::Entity::find().count(&db).await.unwrap();
    assert_eq!(patients, volumes.patients + 2);
    let bench = professional::Entity::find()
        .filter(professional::Column::LicenceNumber.starts_with("BENCH-"))
        .count(&db)
        .await
        .unwrap();
    let holders = options.sizes.security_keys.div_ceil(dsp_bench::sign_in::KEYS_PER_PROFESSIONAL);
    assert_eq!(bench, 2 + 2 * holders as u64, "BENCH-1, BENCH-2, and each run's key holders");
}
