//! `dsp`: the DSP server and its administration commands.

use anyhow::Context;
use clap::{Parser, Subcommand};
use dsp::clock::Clock;
use dsp::{Config, Server, app, db, demo, telemetry};

/// DSP, the national shared care record. Configuration comes from the environment
/// (see `.env.example`).
#[derive(Debug, Parser)]
#[command(name = "dsp", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Migrate the database, then serve the API and the web app until SIGINT or SIGTERM.
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Add demo organisations, professionals and patients (once; a no-op afterwards).
    Demo,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    telemetry::init();
    let config = Config::from_env()?;
    match cli.command {
        Command::Serve => {
            let server = Server::build(config, Clock::system()).await?;
            server.run(app::shutdown_signal()).await
        }
        Command::Migrate => {
            let connection = db::connect(&config).await.context("opening the database")?;
            db::migrate(&connection).await.context("migrating")?;
            let (newest, applied) = db::migration_status(&connection).await?;
            println!("database migrated: {applied} migrations, newest {newest}");
            Ok(())
        }
        Command::Demo => {
            let connection = db::connect(&config).await.context("opening the database")?;
            db::migrate(&connection).await.context("migrating")?;
            let created = demo::create(&connection, Clock::system().now()).await?;
            if created.organisations == 0 {
                println!("demo data already present: nothing added");
            } else {
                println!(
                    "demo data added: {} organisations, {} professionals, {} patients",
                    created.organisations, created.professionals, created.patients
                );
            }
            println!("open {} in a browser", config.public_origin);
            Ok(())
        }
    }
}
