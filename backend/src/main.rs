//! `dsp`: the DSP server and its administration commands.

use anyhow::Context;
use clap::{Parser, Subcommand};
use dsp::clock::Clock;
use dsp::{Config, Server, app, db, telemetry};

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
    }
}
