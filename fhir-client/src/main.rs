//! The command line of `dsp-fhir-client` (see the library's documentation).

use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::{NaiveDate, Utc};
use clap::{Args, Parser, Subcommand};
use dsp_fhir_client::bundle::{self, Document, Subject};
use dsp_fhir_client::fhir::{Fhir, PatientArg};
use dsp_fhir_client::{auth, tokens};

/// A sample practice-software client for DSP's FHIR interface.
#[derive(Debug, Parser)]
#[command(name = "dsp-fhir-client", version)]
struct Cli {
    /// Where the tokens are kept (created with mode 0600).
    #[arg(long, env = "DSP_TOKEN_FILE", global = true)]
    token_file: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

/// The patient, by DSP id or by matricule.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
struct PatientChoice {
    /// DSP's patient id.
    patient_id: Option<String>,
    /// The patient's national identification number (matricule).
    #[arg(long)]
    matricule: Option<String>,
}

impl PatientChoice {
    fn arg(&self) -> anyhow::Result<PatientArg> {
        match (&self.patient_id, &self.matricule) {
            (Some(id), None) => Ok(PatientArg::Id(id.clone())),
            (None, Some(m)) => Ok(PatientArg::Matricule(m.replace(' ', ""))),
            _ => bail!("give a patient id or --matricule"),
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Connects this software: the professional approves in their browser with their security
    /// key (or, with --device, types a code on their DSP page).
    Login {
        /// The DSP server (`https://dsp.example`).
        #[arg(long, env = "DSP_SERVER")]
        server: String,
        /// The client id the agency registered for this software.
        #[arg(long, env = "DSP_CLIENT_ID")]
        client_id: String,
        /// The SMART scopes to ask for.
        #[arg(long, default_value = auth::DEFAULT_SCOPES)]
        scope: String,
        /// Port of the loopback redirect `http://127.0.0.1:<port>/callback` (as registered).
        #[arg(long, default_value_t = 8765)]
        port: u16,
        /// Use the device grant: no redirect, a code to type on the DSP page.
        #[arg(long)]
        device: bool,
    },
    /// Files a document in the patient's record (ITI-65).
    #[command(
        override_usage = "dsp-fhir-client file <PATIENT_ID> <FILE> --type <CATEGORY> [OPTIONS]\n       \
                                dsp-fhir-client file --matricule <NUMBER> <FILE> --type <CATEGORY> [OPTIONS]"
    )]
    File {
        /// `<patient-id> <file>`, or `<file>` with --matricule.
        #[arg(required = true, num_args = 1..=2, value_names = ["PATIENT_ID", "FILE"])]
        targets: Vec<String>,
        /// The patient's national identification number (matricule).
        #[arg(long)]
        matricule: Option<String>,
        /// DSP's category code (`care-reports`, `lab-analyses`, `medical-imaging` …).
        #[arg(long = "type")]
        category: String,
        /// The title (the file name when not given).
        #[arg(long)]
        title: Option<String>,
        /// The clinical date, YYYY-MM-DD (today when not given).
        #[arg(long)]
        date: Option<NaiveDate>,
        /// The media type (from the file's extension when not given).
        #[arg(long)]
        content_type: Option<String>,
    },
    /// Lists the record's current documents within the professional's reach (ITI-67).
    Find {
        #[command(flatten)]
        patient: PatientChoice,
    },
    /// Writes a document's content to a file (ITI-68).
    Get {
        /// The DocumentReference id.
        id: String,
        /// Where to write it.
        #[arg(long, short)]
        out: PathBuf,
    },
    /// Disconnects this software (revokes its tokens) and deletes the token file.
    Logout,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let token_file = match cli.token_file {
        Some(path) => path,
        None => tokens::default_path()?,
    };
    match cli.command {
        Command::Login { server, client_id, scope, port, device } => {
            let http = auth::http_client()?;
            let tokens = if device {
                auth::login_with_device(&http, &server, &client_id, &scope, |prompt| {
                    println!("On your DSP page {}", prompt.verification_uri);
                    println!("type the code: {}", prompt.user_code);
                    if let Some(complete) = &prompt.verification_uri_complete {
                        println!("(or open {complete})");
                    }
                })
                .await?
            } else {
                auth::login_with_code(&http, &server, &client_id, &scope, port, |url| {
                    println!(
                        "Open this address in your browser and approve with your security key:"
                    );
                    println!("{url}");
                })
                .await?
            };
            tokens::save(&token_file, &tokens)?;
            println!("Connected ({}). Tokens saved in {}.", tokens.scope, token_file.display());
        }
        Command::File { targets, matricule, category, title, date, content_type } => {
            let (patient, path) = match (targets.as_slice(), matricule) {
                ([id, file], None) => (PatientArg::Id(id.clone()), PathBuf::from(file)),
                ([file], Some(m)) => {
                    (PatientArg::Matricule(m.replace(' ', "")), PathBuf::from(file))
                }
                _ => bail!("give `<patient-id> <file>`, or `--matricule <number> <file>`"),
            };
            let mut fhir = Fhir::open(&token_file)?;
            let data = tokio::fs::read(&path)
                .await
                .with_context(|| format!("reading {}", path.display()))?;
            let file_name =
                path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let content_type = match content_type {
                Some(t) => t,
                None => bundle::content_type_of(&file_name)
                    .context("unknown file type: give --content-type")?
                    .to_owned(),
            };
            let document = Document {
                subject: match patient {
                    PatientArg::Id(id) => Subject::Patient(id),
                    PatientArg::Matricule(m) => Subject::Matricule(m),
                },
                category,
                title: title.unwrap_or_else(|| file_name.clone()),
                clinical_date: date.unwrap_or_else(|| Utc::now().date_naive()),
                content_type,
                data,
                now: Utc::now(),
            };
            let source = bundle::uuid_oid(uuid::Uuid::new_v4());
            let response = fhir.provide(&bundle::provide_bundle(&document, &source)).await?;
            for entry in response["entry"].as_array().into_iter().flatten() {
                let r = &entry["response"];
                println!(
                    "{} {}",
                    r["status"].as_str().unwrap_or_default(),
                    r["location"].as_str().unwrap_or_default()
                );
            }
        }
        Command::Find { patient } => {
            let mut fhir = Fhir::open(&token_file)?;
            let found = fhir.find(&patient.arg()?).await?;
            if found.is_empty() {
                println!("No document within your reach.");
            }
            for d in found {
                println!("{}\t{}\t{}\t{}\t{}", d.id, d.date, d.category, d.content_type, d.title);
            }
        }
        Command::Get { id, out } => {
            let mut fhir = Fhir::open(&token_file)?;
            let (content_type, size) = fhir.get(&id, &out).await?;
            println!("{} ({content_type}, {size} bytes)", out.display());
        }
        Command::Logout => {
            let saved = tokens::load(&token_file)?;
            let revoked = auth::revoke(&auth::http_client()?, &saved).await;
            tokens::remove(&token_file)?;
            revoked?;
            println!("Disconnected.");
        }
    }
    Ok(())
}
