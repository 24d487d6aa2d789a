#![cfg(test)]
//! The harness keeps working: one quick run per engine, the server in this process; every
//! baseline and workload answers without an error. (Figures from this run mean nothing: debug
//! build, tiny phases. `scripts/bench` measures.)

use dsp_bench::{Engine, Options, Timing, fixture, server};

async fn smoke(engine: Engine) {
    let options = Options {
        engine,
        server: server::Kind::InProcess,
        timing: Timing::quick(),
        postgres_admin_url: std::env::var("DSP_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into()),
        sizes: fixture::Sizes { documents: 10, history: 200 },
        pool: 8,
    };
    let run = dsp_bench::run(&options).await.unwrap();
    let ids: Vec<&str> = run.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["B0", "B0m", "B1", "B3", "B2d", "B2u", "W1", "W2", "W2x", "W6", "W3", "W8"]);
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
    let markdown = dsp_bench::report::markdown(&lines, &[run], "smoke", "now");
    assert!(markdown.contains("| W1 |") && markdown.contains("× B1"));
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
