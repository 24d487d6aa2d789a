//! Times the agency dashboard's two queries on a database (README "The key figures over time"):
//! the key figures (`GET /api/agency/figures`) and the series (`GET /api/agency/figures/series`)
//! for the default 31 days, 26 weeks and 24 months, each RUNS times (default 5) through the same
//! service functions the routes call, on the database `DATABASE_URL` names (as `dsp` reads it).
//!
//! `DATABASE_URL=… cargo run --release -p backend --example figures_timing [RUNS]`

use std::time::Instant;

use shared::api::figures::SeriesQuery;

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let runs: usize = std::env::args().nth(1).map_or(Ok(5), |n| n.parse())?;
    let config = dsp::config::Config::from_env()?;
    let db = dsp::db::connect(&config).await?;
    let now = chrono::Utc::now();
    let figures = dsp::services::figures::key_figures(&db, now)
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    println!(
        "{:?}: {} records open, {} documents",
        dsp::db::engine(&db),
        figures.records_open,
        figures.documents
    );
    let granularities = [None, Some("day"), Some("week"), Some("month")];
    for granularity in granularities {
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let started = Instant::now();
            match granularity {
                None => {
                    dsp::services::figures::key_figures(&db, now)
                        .await
                        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
                }
                Some(g) => {
                    let query =
                        SeriesQuery { granularity: Some(g.to_owned()), ..Default::default() };
                    let series = dsp::services::figures::series(&db, now, &query)
                        .await
                        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
                    std::hint::black_box(series);
                }
            }
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        let text: Vec<String> = times.iter().map(|t| format!("{t:.1}")).collect();
        println!("{:<16} ms: {}", granularity.map_or("figures", |g| g), text.join(" "));
    }
    Ok(())
}
