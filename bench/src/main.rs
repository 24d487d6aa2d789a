//! `dsp-bench`: the load harness. `scripts/bench` builds the release server and runs it.

use std::path::PathBuf;

use anyhow::bail;
use clap::{Parser, Subcommand, ValueEnum};
use dsp_bench::{Data, Engine, Options, Run, Timing, fixture, report, server};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Engines {
    Sqlite,
    Postgres,
    Both,
}

/// Drives the real DSP server over HTTP: same-run baselines (B0–B3), workloads (W1–W8) as ratios
/// to them, results in `bench/results/`.
#[derive(Debug, Parser)]
#[command(name = "dsp-bench", args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The `dsp` binary to benchmark (a release build); without it, the server runs in this
    /// process (memory figures then include the load generator).
    #[arg(long)]
    server: Option<PathBuf>,
    /// Which engines (default: both; with --data, the data's).
    #[arg(long, value_enum)]
    engine: Option<Engines>,
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
    /// Scale mode: run against this existing database (a `DATABASE_URL` that `dsp generate`
    /// filled) instead of a fresh one. It is migrated and added to (the harness's own actors and
    /// data), never dropped.
    #[arg(long, value_name = "DATABASE_URL")]
    data: Option<String>,
    /// With --data: the content store the generator wrote (its `DSP_DATA_DIR`); without it, a
    /// temporary one.
    #[arg(long, value_name = "DIR", requires = "data")]
    data_dir: Option<PathBuf>,
    /// Only these baselines and workloads, a comma list (e.g. `B1,W1,W2`).
    #[arg(long, value_delimiter = ',')]
    only: Option<Vec<String>>,
    /// Names the run in the results' file name and heading (e.g. `scale-S`).
    #[arg(long)]
    label: Option<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compares two results files (e.g. scale S then scale N): W1's and W2's p99, the second
    /// within 1.5 × the first. Prints a markdown table.
    Compare {
        /// The reference (scale S).
        a: PathBuf,
        /// The one checked against it (scale N).
        b: PathBuf,
    },
}

fn compare(a: &std::path::Path, b: &std::path::Path) -> anyhow::Result<()> {
    let read = |p: &std::path::Path| -> anyhow::Result<serde_json::Value> {
        Ok(serde_json::from_str(&std::fs::read_to_string(p)?)?)
    };
    let (va, vb) = (read(a)?, read(b)?);
    let (na, nb) = (a.display().to_string(), b.display().to_string());
    print!("{}", report::compare((&na, &va), (&nb, &vb))?);
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Some(Command::Compare { a, b }) = &cli.command {
        return compare(a, b);
    }
    let command = std::env::args().collect::<Vec<_>>().join(" ");
    let timing = if cli.quick { Timing::quick() } else { Timing::full() };
    let runs = if cli.quick { 1 } else { cli.runs.max(1) };
    let engines = match (&cli.data, cli.engine) {
        (Some(url), engine) => {
            let of_data = Engine::of_url(url)?;
            let asked = match engine {
                Some(Engines::Sqlite) => Some(Engine::Sqlite),
                Some(Engines::Postgres) => Some(Engine::Postgres),
                Some(Engines::Both) | None => None,
            };
            if let Some(asked) = asked.filter(|e| *e != of_data) {
                bail!("--engine {asked:?} but --data is a {of_data:?} database");
            }
            vec![of_data]
        }
        (None, Some(Engines::Sqlite)) => vec![Engine::Sqlite],
        (None, Some(Engines::Postgres)) => vec![Engine::Postgres],
        (None, Some(Engines::Both) | None) => vec![Engine::Sqlite, Engine::Postgres],
    };
    let label = cli.label.as_deref().map(str::trim).filter(|l| !l.is_empty());
    let kind = cli.server.clone().map_or(server::Kind::InProcess, server::Kind::Process);
    let data = cli.data.clone().map(|url| Data { url, dir: cli.data_dir.clone() });
    let mut all: Vec<Run> = Vec::new();
    let mut lines = Vec::new();
    for engine in engines {
        let options = Options {
            engine,
            server: kind.clone(),
            timing,
            postgres_admin_url: cli.postgres.clone(),
            sizes: fixture::Sizes {
                documents: 50,
                history: if cli.quick { 500 } else { 10_000 },
                // Each key signs in at most 20 times a minute: enough for W5's warm-up, closed
                // and open loops at about 4 000 sign-ins/s (full) or 8 000/s (quick).
                security_keys: if cli.quick { 256 } else { 2048 },
            },
            pool: 16,
            data: data.clone(),
            only: cli.only.clone(),
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
    let markdown = report::markdown(&lines, &all, &command, &when, label);
    print!("{markdown}");
    std::fs::create_dir_all(&cli.out)?;
    let mut stem = when.clone();
    if let Some(label) = label {
        let safe: String = label
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
            .collect();
        stem = format!("{stem}-{safe}");
    }
    if cli.quick {
        stem.push_str("-quick");
    }
    std::fs::write(cli.out.join(format!("{stem}.md")), &markdown)?;
    let json = serde_json::json!({
        "when": when, "label": label, "command": command, "machine": report::machine(),
        "timing": timing, "summary": lines, "runs": all,
    });
    std::fs::write(cli.out.join(format!("{stem}.json")), serde_json::to_string_pretty(&json)?)?;
    eprintln!("results: {}", cli.out.join(format!("{stem}.md")).display());
    Ok(())
}
