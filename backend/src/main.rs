//! `dsp`: the DSP server and its administration commands.

use anyhow::Context;
use clap::{Parser, Subcommand};
use dsp::clock::Clock;
use dsp::{AppState, Config, Server, app, db, demo, services, telemetry};

/// mimalloc instead of the system allocator: measured on W1 (see the README's benchmarks);
/// counted in benchmark mode only (`dsp_heap`).
#[global_allocator]
static GLOBAL: dsp_heap::Counting<mimalloc::MiMalloc> = dsp_heap::Counting(mimalloc::MiMalloc);

/// The migrated database and the state the services need, for commands that act like a request.
async fn open(config: Config) -> anyhow::Result<AppState> {
    let connection = db::connect(&config).await.context("opening the database")?;
    db::migrate(&connection).await.context("migrating")?;
    AppState::new(connection, config, Clock::system()).await
}

/// The checkpoint witness the configuration asks for, its key loaded (`None`: no checkpoints).
fn witness(config: &Config) -> anyhow::Result<Option<dsp::audit::checkpoint::Witness>> {
    let (Some(dir), Some(key)) = (&config.audit_checkpoint_dir, &config.audit_checkpoint_key)
    else {
        return Ok(None);
    };
    Ok(Some(dsp::audit::checkpoint::Witness {
        dir: dir.clone(),
        key: dsp::audit::checkpoint::CheckpointKey::load(key)?,
        every: config.audit_checkpoint_every,
    }))
}

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
    /// Add demo organisations, professionals and patients (once; a no-op afterwards) and print
    /// the links to try every role.
    Demo,
    /// Administration.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// One pass of housekeeping (`serve` runs it every 10 minutes): expired ceremonies, stale
    /// rate-limit windows, orphaned document content (stored in the last day, or all with --all).
    Housekeeping {
        /// Look at every stored content, not only the last day's (after restoring a backup).
        #[arg(long)]
        all: bool,
    },
    /// The audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// The records' life.
    #[command(subcommand)]
    Lifecycle(LifecycleCommand),
    /// Bulk opening for operators: read and check an insured-persons CSV file (as the agency
    /// console's upload does), then, if every row is valid, create the records and their
    /// letters chunk by chunk (as `serve` does for a started batch) and print the counts. With
    /// --check-only it stops after the check. Audited with no actor (the operator).
    Import {
        /// The CSV file (see the README: header, separators, encoding).
        file: std::path::PathBuf,
        /// Only read and check the file (the batch stays `ready` for the console).
        #[arg(long)]
        check_only: bool,
        /// Chunks processed at once (each renders its letters on its own core; the writes take
        /// turns). Default: the machine's cores. `dsp serve` runs one per instance.
        #[arg(long)]
        workers: Option<std::num::NonZeroUsize>,
    },
    /// Fill an empty database (and the content store) with a synthetic country for load tests:
    /// `tiny` (200 patients, a smoke test), `S` (10 000 patients, 3 million audit entries) or `N`
    /// (750 000 patients, 20 million documents, 100 million audit entries).
    Generate {
        /// tiny, S or N.
        #[arg(long)]
        scale: dsp::generate::Scale,
        /// The same seed (on the same day) gives the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Recompute every hash chain; name the first broken entry (exit status 1 if any). With
    /// --checkpoints, also check every chain against the signed checkpoints of a witness: a chain
    /// shorter than witnessed (truncated) or whose witnessed entry changed (rewritten).
    Verify {
        /// A directory of checkpoint files (the witness's copy).
        #[arg(long, value_name = "DIR")]
        checkpoints: Option<std::path::PathBuf>,
        /// A public key that signs them (PEM); repeat it for the keys before a rotation.
        /// Default: the checkpoint-key-*.pub files in DIR. Give the copies you keep yourself:
        /// keys found beside the files prove only that the files agree with them.
        #[arg(long, value_name = "FILE", requires = "checkpoints")]
        public_key: Vec<std::path::PathBuf>,
    },
    /// Write a signed checkpoint of the chains that moved since the last one now (`serve`
    /// writes one every DSP_AUDIT_CHECKPOINT_MINUTES), to DSP_AUDIT_CHECKPOINT_DIR with the key
    /// DSP_AUDIT_CHECKPOINT_KEY.
    Checkpoint,
    /// Write a new Ed25519 key pair for checkpoints: the private key at --out (PKCS#8 PEM,
    /// readable by its owner only) and the public key at --out with `.pub` added.
    Keygen {
        /// Where the private key goes; never on the database's host.
        #[arg(long, value_name = "FILE")]
        out: std::path::PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum LifecycleCommand {
    /// One run of the record-life job (`serve` runs it every DSP_LIFECYCLE_MINUTES): records
    /// without any access for 10 years close (reason idle). Safe beside running servers: each
    /// record is claimed by one instance. Prints one line per act.
    Run {
        /// List what the job would do; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create an agency agent and print their one-time enrolment link.
    CreateAgent {
        /// The agent's name as colleagues know it.
        #[arg(long)]
        name: String,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    telemetry::init();
    let config = Config::from_env()?;
    match cli.command {
        Command::Serve => {
            // The key is read before serving: a missing or unreadable one stops the start.
            let witness = witness(&config)?;
            let server = Server::build(config.clone(), Clock::system()).await?;
            let state = open(config).await?;
            let checkpoints = witness.map(|witness| {
                tokio::spawn(dsp::maintenance::checkpoints_forever(state.clone(), witness))
            });
            let life = tokio::spawn(services::life::run_forever(state.clone()));
            // Started imports go on (and stopped instances' chunks are taken over) here.
            let imports: Vec<_> = (0..state.config.import_workers)
                .map(|_| {
                    tokio::spawn(services::imports::run_forever(
                        state.clone(),
                        std::time::Duration::from_secs(2),
                    ))
                })
                .collect();
            let housekeeping = tokio::spawn(dsp::maintenance::run_forever(
                state,
                std::time::Duration::from_secs(600),
            ));
            let result = server.run(app::shutdown_signal()).await;
            housekeeping.abort();
            life.abort();
            for worker in imports {
                worker.abort();
            }
            if let Some(task) = checkpoints {
                task.abort();
            }
            result
        }
        Command::Import { file, check_only, workers } => {
            let state = open(config).await?;
            let workers = workers
                .or_else(|| std::thread::available_parallelism().ok())
                .map_or(1, std::num::NonZeroUsize::get);
            import_file(&state, &file, check_only, workers).await
        }
        Command::Migrate => {
            let connection = db::connect(&config).await.context("opening the database")?;
            db::migrate(&connection).await.context("migrating")?;
            let (newest, applied) = db::migration_status(&connection).await?;
            println!("database migrated: {applied} migrations, newest {newest}");
            Ok(())
        }
        Command::Lifecycle(LifecycleCommand::Run { dry_run }) => {
            let state = open(config).await?;
            let acts = services::life::run_job(&state, dry_run)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let verb = if dry_run { "would do" } else { "done" };
            for act in &acts {
                println!("{verb}: {} {}", act.step, act.patient_id);
            }
            if dry_run {
                println!("{} acts listed (dry run: nothing changed)", acts.len());
            } else {
                println!("{} acts done", acts.len());
            }
            Ok(())
        }
        Command::Demo => {
            let state = open(config).await?;
            let created = demo::create(&state).await?;
            print!("{created}");
            Ok(())
        }
        Command::Audit(AuditCommand::Verify { checkpoints, public_key }) => {
            let connection = db::connect(&config).await.context("opening the database")?;
            let witnessed = match &checkpoints {
                None => None,
                Some(dir) => {
                    use dsp::audit::checkpoint;
                    let keys = if public_key.is_empty() {
                        checkpoint::public_keys_in(dir)
                    } else {
                        public_key.iter().map(|file| checkpoint::load_public_key(file)).collect()
                    };
                    let checked = keys.and_then(|keys| checkpoint::read_dir(dir, &keys));
                    match checked {
                        Ok(witnessed) => Some(witnessed),
                        Err(e) => {
                            println!("checkpoints REFUSED: {e}");
                            std::process::exit(1);
                        }
                    }
                }
            };
            let report = match &witnessed {
                None => dsp::audit::verify(&connection).await,
                // Chains renamed by purges are followed with the pseudonym key, if there is one.
                Some(w) if config.pseudonym_key.exists() => {
                    let key =
                        dsp::audit::pseudonym::PseudonymKey::load_or_create(&config.pseudonym_key)?;
                    dsp::audit::checkpoint::verify_against_purged(&connection, w, &key).await
                }
                Some(w) => dsp::audit::checkpoint::verify_against(&connection, w).await,
            }
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            match report.first_broken {
                None => {
                    println!(
                        "audit log intact: {} entries in {} chains",
                        report.entries, report.chains
                    );
                    if let Some(w) = witnessed {
                        let newest =
                            w.newest.map(|(n, at)| format!(", the newest number {n} of {at}"));
                        println!(
                            "  and as {} checkpoints witnessed: {} entries of {} chains{}",
                            w.files,
                            w.entries(),
                            w.chains.len(),
                            newest.unwrap_or_default()
                        );
                    }
                    Ok(())
                }
                Some((id, chain, problem)) => {
                    println!("audit log BROKEN at entry {id} of chain {chain}: {problem}");
                    std::process::exit(1);
                }
            }
        }
        Command::Audit(AuditCommand::Checkpoint) => {
            let Some(mut witness) = witness(&config)? else {
                anyhow::bail!("set DSP_AUDIT_CHECKPOINT_DIR and DSP_AUDIT_CHECKPOINT_KEY first");
            };
            witness.every = chrono::TimeDelta::zero();
            let connection = db::connect(&config).await.context("opening the database")?;
            db::migrate(&connection).await.context("migrating")?;
            let started = std::time::Instant::now();
            let written =
                dsp::audit::checkpoint::write(&connection, &witness, Clock::system().now())
                    .await
                    .map_err(|e| anyhow::anyhow!("{e}"))?;
            match written {
                Some(w) => println!(
                    "checkpoint {} written: {} chains, {} bytes, {:.2} s: {}",
                    w.number,
                    w.chains,
                    w.bytes,
                    started.elapsed().as_secs_f64(),
                    w.file.display()
                ),
                None => println!("no chain moved since the last checkpoint: nothing written"),
            }
            Ok(())
        }
        Command::Audit(AuditCommand::Keygen { out }) => {
            let public = dsp::audit::checkpoint::keygen(&out)?;
            println!("private key: {} (set DSP_AUDIT_CHECKPOINT_KEY to it)", out.display());
            println!("public key:  {} (keep a copy with the witness)", public.display());
            Ok(())
        }
        Command::Generate { scale, seed } => {
            let options = dsp::generate::Options {
                volumes: scale.volumes(),
                seed,
                now: Clock::system().now(),
            };
            let summary = dsp::generate::run(&config, &options, &mut std::io::stdout()).await?;
            print!("{summary}");
            Ok(())
        }
        Command::Housekeeping { all } => {
            let state = open(config).await?;
            let scope =
                if all { dsp::maintenance::Scope::All } else { dsp::maintenance::Scope::Recent };
            let report = dsp::maintenance::run_once(&state, scope)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("{report:?}");
            Ok(())
        }
        Command::Admin(AdminCommand::CreateAgent { name }) => {
            let state = open(config).await?;
            let (_, issued) = services::agents::create_agent(&state, &name)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "agent {name} created; enrolment link (single use, until {}):",
                issued.expires_at
            );
            println!("  {}", issued.link);
            Ok(())
        }
    }
}

/// `dsp import FILE`: the console's upload and the worker's chunks, in one process.
async fn import_file(
    state: &AppState,
    file: &std::path::Path,
    check_only: bool,
    workers: usize,
) -> anyhow::Result<()> {
    use dsp::services::imports;
    use shared::api::imports::ImportState;
    let started = std::time::Instant::now();
    let opened =
        tokio::fs::File::open(file).await.with_context(|| format!("opening {}", file.display()))?;
    let stream = tokio_util::io::ReaderStream::with_capacity(opened, 64 * 1024);
    let meta = dsp::audit::RequestMeta::default();
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let batch = imports::upload(state, &meta, None, &name, stream)
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    println!(
        "batch {}: {} rows, {} invalid rows, {} errors, state {:?} ({:.1} s)",
        batch.id,
        batch.rows,
        batch.invalid_rows,
        batch.errors,
        batch.state,
        started.elapsed().as_secs_f64()
    );
    if batch.state == ImportState::Invalid {
        let detail =
            imports::detail(state, batch.id).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
        for e in detail.errors.iter().take(20) {
            println!("row {} {}: {}", e.row, e.column, e.code.as_str());
        }
        anyhow::bail!("the file has invalid rows: nothing imported");
    }
    if check_only {
        return Ok(());
    }
    imports::start(state, &meta, None, batch.id).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
    // Several workers claim chunks as several instances would (a conditional UPDATE each).
    let mut running = tokio::task::JoinSet::new();
    for _ in 0..workers {
        let state = state.clone();
        running.spawn(async move { imports::work(&state, uuid::Uuid::new_v4()).await });
    }
    while let Some(finished) = running.join_next().await {
        finished?.map_err(|e| anyhow::anyhow!("{e:?}"))?;
    }
    let done = imports::detail(state, batch.id).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
    println!(
        "state {:?}: {} created, {} already there, {} chunks, {} letter PDFs, {workers} workers \
         ({:.1} s)",
        done.batch.state,
        done.batch.created,
        done.batch.already_there,
        done.batch.chunks_done,
        done.letters.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
