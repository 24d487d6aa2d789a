//! `dsp-bench`: the load harness. `scripts/bench` builds the release server and runs it.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};
use dsp_bench::{Engine, Options, Run, Timing, fixture, report, server};

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Engines {
    Sqlite,
    Postgres,
    Both,
}

/// Drives the real DSP server over HTTP: same-run baselines (B0–B3), workloads (W1–W8) as ratios
/// to them, results in `bench/results/`.
#[derive(Debug, Parser)]
#[command(name = "dsp-bench")]
struct Cli {
    /// The `dsp` binary to benchmark (a release build); without it, the server runs in this
    /// process (memory figures then include the load generator).
    #[arg(long)]
    server: Option<PathBuf>,
    /// Which engines.
    #[arg(long, value_enum, default_value = "both")]
    engine: Engines,
    /// Runs per engine (the report gives medians).
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// A smoke run: short phases, one run.
    #[arg(long)]
    quick: bool,
    /// Where the results go.
    #[arg(long, default_value = "bench/results")]
    out: PathBuf,
    /// PostgreSQL's administrative URL (a database per run is created there and dropped).
    #[arg(
        long,
        env = "DSP_BENCH_POSTGRES_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/postgres"
    )]
    postgres: String,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let command = std::env::args().collect::<Vec<_>>().join(" ");
    let timing = if cli.quick { Timing::quick() } else { Timing::full() };
    let runs = if cli.quick { 1 } else { cli.runs.max(1) };
    let engines = match cli.engine {
        Engines::Sqlite => vec![Engine::Sqlite],
        Engines::Postgres => vec![Engine::Postgres],
        Engines::Both => vec![Engine::Sqlite, Engine::Postgres],
    };
    let kind = cli.server.clone().map_or(server::Kind::InProcess, server::Kind::Process);
    let mut all: Vec<Run> = Vec::new();
    let mut lines = Vec::new();
    for engine in engines {
        let options = Options {
            engine,
            server: kind.clone(),
            timing,
            postgres_admin_url: cli.postgres.clone(),
            sizes: fixture::Sizes { documents: 50, history: if cli.quick { 500 } else { 10_000 } },
            pool: 16,
        };
        let mut runs_of_engine = Vec::new();
        for n in 1..=runs {
            eprintln!("{engine:?}, run {n} of {runs}");
            runs_of_engine.push(dsp_bench::run(&options).await?);
        }
        lines.extend(report::summarise(&runs_of_engine));
        all.extend(runs_of_engine);
    }
    let when = chrono::Utc::now().format("%Y-%m-%dT%H-%M-%SZ").to_string();
    let markdown = report::markdown(&lines, &all, &command, &when);
    print!("{markdown}");
    std::fs::create_dir_all(&cli.out)?;
    let stem = if cli.quick { format!("{when}-quick") } else { when.clone() };
    std::fs::write(cli.out.join(format!("{stem}.md")), &markdown)?;
    let json = serde_json::json!({
        "when": when, "command": command, "machine": report::machine(),
        "timing": timing, "summary": lines, "runs": all,
    });
    std::fs::write(cli.out.join(format!("{stem}.json")), serde_json::to_string_pretty(&json)?)?;
    eprintln!("results: {}", cli.out.join(format!("{stem}.md")).display());
    Ok(())
}
