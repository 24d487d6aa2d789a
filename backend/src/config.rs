//! Typed configuration, read once from the environment at start and injected.
//! Every variable is documented in `.env.example`.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context, bail};

/// The server's configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`: `sqlite://…` or `postgres://…`; default a SQLite file in the data directory.
    pub database_url: String,
    /// `DSP_DATA_DIR`: where the SQLite file and stored documents live (default `./data`).
    pub data_dir: PathBuf,
    /// `DSP_BIND`: the address to listen on (default `127.0.0.1:8080`).
    pub bind: SocketAddr,
    /// `DSP_PUBLIC_ORIGIN`: the origin browsers use, e.g. `https://dsp.example.lu`
    /// (default `http://localhost:8080`). WebAuthn and CSRF checks compare against it.
    pub public_origin: String,
    /// `DSP_DIST_DIR`: the built web app (default `./dist`).
    pub dist_dir: PathBuf,
    /// `DSP_DB_MAX_CONNECTIONS`: the size of the database pool (default 16).
    pub db_max_connections: u32,
    /// `DSP_ACTIVATION_CODE_DAYS`: how long a letter's activation code works (default 90).
    pub activation_code_days: u32,
    /// `DSP_ENROLMENT_CODE_DAYS`: how long an enrolment code works (default 14).
    pub enrolment_code_days: u32,
    /// `DSP_NOT_FOUND_FLOOR_MS`: the least time a `not_found` answer takes (default 10 ms), so
    /// that refusing a hidden document or record and a missing one cannot be told apart by timing;
    /// an activation start waits it out too (a known and an unknown national ID look alike).
    pub not_found_floor: std::time::Duration,
    /// `DSP_MAX_DOCUMENT_MB`: the largest document a professional or patient may file, in MB of
    /// 1 048 576 bytes (default 20).
    pub max_document_bytes: u64,
    /// `DSP_FHIR_BUNDLE_MEMORY_MB`: memory one instance lets ITI-65 bundles take at once, in MB
    /// (a bundle is held whole while it is checked; default 256, four bundles of the largest
    /// size, from 1 to 65536). Past it a bundle waits its turn: 503 with `Retry-After`.
    pub fhir_bundle_memory_bytes: u64,
    /// `DSP_IMPORT_CHUNK_ROWS`: rows of a bulk import per chunk, that is per transaction and
    /// per printable PDF of letters (default 500, from 1 to 5000).
    pub import_chunk_rows: usize,
    /// `DSP_IMPORT_WORKERS`: chunks of started imports that one `dsp serve` instance processes
    /// at once, each rendering its letters on its own core (default 1, from 1 to 64; several
    /// instances add theirs).
    pub import_workers: usize,
    /// `DSP_FHIR_NATIONAL_ID_SYSTEMS`: comma-separated identifier systems (URIs; an OID as
    /// `urn:oid:…`) whose values are national IDs; a FHIR document may name its patient by one
    /// of them as well as by `Patient/<record id>`, and a CDA document's `recordTarget` must name
    /// them by one of them (its `root`, the OID bare or not) (default `urn:dsp:national-id`).
    pub fhir_national_id_systems: Vec<String>,
    /// `DSP_BENCH_ROUTES=1`: mount the benchmark-only baseline routes (`/bench/…`,
    /// `/api/bench/…`, unauthenticated); refused with an `https` origin.
    pub bench_routes: bool,
    /// `DSP_MAX_IN_FLIGHT`: API requests one instance works on at once (default 64); past it,
    /// a request is refused at once with 503 and `Retry-After` instead of queueing behind the
    /// database pool.
    pub max_in_flight: usize,
    /// `DSP_MAX_IN_FLIGHT_PER_CLIENT`: API requests one client (IP address, IPv6 /64) has in
    /// work at once (default 16; 0: no cap); past it, `429` with `Retry-After` at once.
    pub max_in_flight_per_client: usize,
    /// `DSP_MAX_CONNECTIONS_PER_CLIENT`: connections one client holds open at once (default
    /// 128; 0: no cap); a connection past it serves one request, refused with `429` under `/api`,
    /// and is closed.
    pub max_connections_per_client: usize,
    /// `DSP_HEADER_READ_TIMEOUT_SECS`: how long a connection may take to send a whole request
    /// head, counted from its opening or from its previous answer, so also how long a kept-alive
    /// connection may stay idle (default 20 s); then it is closed.
    pub header_read_timeout: std::time::Duration,
    /// `DSP_BODY_READ_TIMEOUT_SECS`: how long the server waits, in all, for each
    /// `DSP_BODY_MIN_BYTES_PER_SEC` × this many bytes of a request body (default 20 s); a body
    /// slower than that is answered `408 request_timeout`.
    pub body_read_timeout: std::time::Duration,
    /// `DSP_BODY_MIN_BYTES_PER_SEC`: the least pace of a request body (default 500 bytes/s).
    pub body_min_bytes_per_sec: u64,
    /// `DSP_EMERGENCY_MAX_PER_WINDOW` (default 3) emergency accesses one professional may open
    /// within any `DSP_EMERGENCY_WINDOW_HOURS` (default 24); the next is refused and the agency
    /// alerted.
    pub emergency_cap: crate::access::EmergencyCap,
    /// `DSP_AUDIT_CHECKPOINT_DIR`: where `serve` writes a signed checkpoint of the audit chains'
    /// heads every `DSP_AUDIT_CHECKPOINT_MINUTES`, for the operator to ship to a witness the
    /// database's writer cannot rewrite (unset: no checkpoints).
    pub audit_checkpoint_dir: Option<PathBuf>,
    /// `DSP_AUDIT_CHECKPOINT_KEY`: the Ed25519 private key (PKCS#8 PEM, `dsp audit keygen`) that
    /// signs them, a file kept outside the database; required with the directory.
    pub audit_checkpoint_key: Option<PathBuf>,
    /// `DSP_PSEUDONYM_KEY`: the file of the key (64 hex digits) whose HMAC replaces a purged
    /// record's identity in the audit log. Keep it outside the database and its backups; it is
    /// created on first use. Default: `<data dir>/pseudonym.key`.
    pub pseudonym_key: PathBuf,
    /// `DSP_AUDIT_CHECKPOINT_MINUTES`: how often (default 10).
    pub audit_checkpoint_every: chrono::TimeDelta,
    /// `DSP_METRICS_TOKEN`: the bearer token a Prometheus scraper sends to `GET /metrics` (the
    /// key figures and the service's metrics, text format; at least 16 characters). Unset:
    /// `/metrics` answers 404.
    pub metrics_token: Option<String>,
    /// `DSP_DEATH_READ_DAYS` (default 30, 0 for none): after an agent records a death, the
    /// professionals who hold a live link (or are the référent) keep reading the record for this
    /// many days (the death certificate, the family doctor's last report); nobody writes.
    pub death_read_days: u32,
    /// `DSP_LIFECYCLE_MINUTES` (default 60): how often `serve` runs the record-life job (idle
    /// records closed, and the steps that join it).
    pub lifecycle_every: std::time::Duration,
}

/// The defaults of the variables that protect the server from slow and greedy clients, as the
/// README and `.env.example` state them (a test holds the three together).
pub const CLIENT_LIMIT_DEFAULTS: [(&str, u64); 5] = [
    ("DSP_MAX_IN_FLIGHT_PER_CLIENT", 16),
    ("DSP_MAX_CONNECTIONS_PER_CLIENT", 128),
    ("DSP_HEADER_READ_TIMEOUT_SECS", 20),
    ("DSP_BODY_READ_TIMEOUT_SECS", 20),
    ("DSP_BODY_MIN_BYTES_PER_SEC", 500),
];

impl Config {
    /// Reads the configuration from the process environment, creating the data directory.
    ///
    /// # Errors
    /// When a variable is malformed or the data directory cannot be created.
    pub fn from_env() -> anyhow::Result<Self> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration from any variable lookup (the environment, or a test's map).
    ///
    /// # Errors
    /// When a variable is malformed or the data directory cannot be created.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> anyhow::Result<Self> {
        let var = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let data_dir = PathBuf::from(var("DSP_DATA_DIR").unwrap_or_else(|| "./data".into()));
        std::fs::create_dir_all(&data_dir)
            .with_context(|| format!("cannot create DSP_DATA_DIR {}", data_dir.display()))?;
        let database_url = match var("DATABASE_URL") {
            Some(url) => url,
            None => {
                let file = std::path::absolute(data_dir.join("dsp.db"))
                    .context("cannot resolve the SQLite file path")?;
                format!("sqlite://{}?mode=rwc", file.display())
            }
        };
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            bail!("DATABASE_URL must start with sqlite: or postgres://");
        }
        let bind = var("DSP_BIND")
            .unwrap_or_else(|| "127.0.0.1:8080".into())
            .parse()
            .context("DSP_BIND must be an address such as 127.0.0.1:8080")?;
        let public_origin =
            var("DSP_PUBLIC_ORIGIN").unwrap_or_else(|| "http://localhost:8080".into());
        if !(public_origin.starts_with("http://") || public_origin.starts_with("https://"))
            || public_origin.ends_with('/')
        {
            bail!("DSP_PUBLIC_ORIGIN must be an origin such as https://dsp.example.lu (no path)");
        }
        let dist_dir = PathBuf::from(var("DSP_DIST_DIR").unwrap_or_else(|| "./dist".into()));
        let db_max_connections = var("DSP_DB_MAX_CONNECTIONS")
            .map_or(Ok(16), |v| v.parse())
            .context("DSP_DB_MAX_CONNECTIONS must be a positive number")?;
        if db_max_connections == 0 {
            bail!("DSP_DB_MAX_CONNECTIONS must be a positive number");
        }
        let days = |name: &str, default: u32| -> anyhow::Result<u32> {
            let value = var(name).map_or(Ok(default), |v| v.parse()).ok().filter(|d| *d > 0);
            value.with_context(|| format!("{name} must be a positive number of days"))
        };
        let activation_code_days = days("DSP_ACTIVATION_CODE_DAYS", 90)?;
        let enrolment_code_days = days("DSP_ENROLMENT_CODE_DAYS", 14)?;
        let not_found_floor = std::time::Duration::from_millis(
            var("DSP_NOT_FOUND_FLOOR_MS")
                .map_or(Ok(10), |v| v.parse())
                .context("DSP_NOT_FOUND_FLOOR_MS must be a number of milliseconds")?,
        );
        let max_document_mb: u64 = var("DSP_MAX_DOCUMENT_MB")
            .map_or(Ok(20), |v| v.parse())
            .ok()
            .filter(|mb| (1..=1024).contains(mb))
            .context("DSP_MAX_DOCUMENT_MB must be a number of MB from 1 to 1024")?;
        let fhir_bundle_memory_mb: u64 = var("DSP_FHIR_BUNDLE_MEMORY_MB")
            .map_or(Ok(256), |v| v.parse())
            .ok()
            .filter(|mb| (1..=65536).contains(mb))
            .context("DSP_FHIR_BUNDLE_MEMORY_MB must be a number of MB from 1 to 65536")?;
        let import_chunk_rows: usize = var("DSP_IMPORT_CHUNK_ROWS")
            .map_or(Ok(500), |v| v.parse())
            .ok()
            .filter(|n| (1..=5000).contains(n))
            .context("DSP_IMPORT_CHUNK_ROWS must be a number of rows from 1 to 5000")?;
        let import_workers: usize = var("DSP_IMPORT_WORKERS")
            .map_or(Ok(1), |v| v.parse())
            .ok()
            .filter(|n| (1..=64).contains(n))
            .context("DSP_IMPORT_WORKERS must be a number of workers from 1 to 64")?;
        let fhir_national_id_systems: Vec<String> = var("DSP_FHIR_NATIONAL_ID_SYSTEMS")
            .unwrap_or_else(|| "urn:dsp:national-id".into())
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        if fhir_national_id_systems
            .iter()
            .any(|s| !s.contains(':') || s.contains(char::is_whitespace))
        {
            bail!("DSP_FHIR_NATIONAL_ID_SYSTEMS must be URIs separated by commas");
        }
        let bench_routes = matches!(var("DSP_BENCH_ROUTES").as_deref(), Some("1" | "true"));
        if bench_routes && public_origin.starts_with("https://") {
            bail!("DSP_BENCH_ROUTES is for benchmarks on a local origin, never with https");
        }
        let max_in_flight: usize = var("DSP_MAX_IN_FLIGHT")
            .map_or(Ok(64), |v| v.parse())
            .ok()
            .filter(|n| *n > 0)
            .context("DSP_MAX_IN_FLIGHT must be a positive number")?;
        let number = |name: &str, least: u64| -> anyhow::Result<u64> {
            let default = CLIENT_LIMIT_DEFAULTS
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(0, |(_, default)| *default);
            let value = var(name).map_or(Ok(default), |v| v.parse()).ok().filter(|n| *n >= least);
            value.with_context(|| format!("{name} must be a number from {least}"))
        };
        let count = |name: &str| -> anyhow::Result<usize> {
            usize::try_from(number(name, 0)?).with_context(|| format!("{name} is too large"))
        };
        let max_in_flight_per_client = count("DSP_MAX_IN_FLIGHT_PER_CLIENT")?;
        if max_in_flight_per_client >= max_in_flight {
            // One client could then take every slot, which the cap is there to prevent.
            bail!("DSP_MAX_IN_FLIGHT_PER_CLIENT must be below DSP_MAX_IN_FLIGHT, or 0 for no cap");
        }
        let max_connections_per_client = count("DSP_MAX_CONNECTIONS_PER_CLIENT")?;
        let seconds = std::time::Duration::from_secs;
        let header_read_timeout = seconds(number("DSP_HEADER_READ_TIMEOUT_SECS", 1)?);
        let body_read_timeout = seconds(number("DSP_BODY_READ_TIMEOUT_SECS", 1)?);
        let body_min_bytes_per_sec = number("DSP_BODY_MIN_BYTES_PER_SEC", 1)?;
        let positive = |name: &str, default: u32, max: u32| -> anyhow::Result<u32> {
            let value = var(name).map_or(Ok(default), |v| v.parse()).ok();
            value
                .filter(|n| (1..=max).contains(n))
                .with_context(|| format!("{name} must be a number from 1 to {max}"))
        };
        let emergency_cap = crate::access::EmergencyCap {
            max_openings: positive("DSP_EMERGENCY_MAX_PER_WINDOW", 3, 1000)?,
            window: chrono::TimeDelta::hours(i64::from(positive(
                "DSP_EMERGENCY_WINDOW_HOURS",
                24,
                24 * 31,
            )?)),
        };
        let audit_checkpoint_dir = var("DSP_AUDIT_CHECKPOINT_DIR").map(PathBuf::from);
        let audit_checkpoint_key = var("DSP_AUDIT_CHECKPOINT_KEY").map(PathBuf::from);
        let pseudonym_key =
            var("DSP_PSEUDONYM_KEY").map_or_else(|| data_dir.join("pseudonym.key"), PathBuf::from);
        if audit_checkpoint_dir.is_some() != audit_checkpoint_key.is_some() {
            bail!("DSP_AUDIT_CHECKPOINT_DIR and DSP_AUDIT_CHECKPOINT_KEY go together: set both");
        }
        let audit_checkpoint_every = chrono::TimeDelta::minutes(i64::from(positive(
            "DSP_AUDIT_CHECKPOINT_MINUTES",
            10,
            24 * 60,
        )?));
        let metrics_token = var("DSP_METRICS_TOKEN").map(|t| t.trim().to_owned());
        if metrics_token.as_ref().is_some_and(|t| t.len() < 16 || !t.is_ascii()) {
            bail!("DSP_METRICS_TOKEN must have at least 16 ASCII characters");
        }
        let death_read_days: u32 = var("DSP_DEATH_READ_DAYS")
            .map_or(Ok(30), |v| v.parse())
            .ok()
            .filter(|d| *d <= 365)
            .context("DSP_DEATH_READ_DAYS must be a number of days from 0 to 365")?;
        let lifecycle_every = std::time::Duration::from_secs(
            60 * u64::from(positive("DSP_LIFECYCLE_MINUTES", 60, 7 * 24 * 60)?),
        );
        Ok(Self {
            database_url,
            data_dir,
            bind,
            public_origin,
            dist_dir,
            db_max_connections,
            activation_code_days,
            enrolment_code_days,
            not_found_floor,
            max_document_bytes: max_document_mb * 1024 * 1024,
            fhir_bundle_memory_bytes: fhir_bundle_memory_mb * 1024 * 1024,
            import_chunk_rows,
            import_workers,
            fhir_national_id_systems,
            bench_routes,
            max_in_flight,
            max_in_flight_per_client,
            max_connections_per_client,
            header_read_timeout,
            body_read_timeout,
            body_min_bytes_per_sec,
            emergency_cap,
            audit_checkpoint_dir,
            audit_checkpoint_key,
            pseudonym_key,
            audit_checkpoint_every,
            metrics_token,
            death_read_days,
            lifecycle_every,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> anyhow::Result<Config> {
        let map: HashMap<String, String> =
            vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_put_a_sqlite_file_in_the_data_directory() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("nested/data");
        let c = config(&[("DSP_DATA_DIR", data.to_str().unwrap())]).unwrap();
        assert!(data.is_dir(), "the data directory is created");
        assert!(c.database_url.starts_with("sqlite://"));
        assert!(c.database_url.ends_with("nested/data/dsp.db?mode=rwc"));
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(c.public_origin, "http://localhost:8080");
    }

    #[test]
    fn malformed_values_are_refused_with_the_variable_named() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_str().unwrap();
        let err = config(&[("DSP_DATA_DIR", d), ("DSP_BIND", "nowhere")]).unwrap_err();
        assert!(err.to_string().contains("DSP_BIND"));
        let err = config(&[("DSP_DATA_DIR", d), ("DATABASE_URL", "mysql://x")]).unwrap_err();
        assert!(err.to_string().contains("DATABASE_URL"));
        let err = config(&[("DSP_DATA_DIR", d), ("DSP_PUBLIC_ORIGIN", "x.lu")]).unwrap_err();
        assert!(err.to_string().contains("DSP_PUBLIC_ORIGIN"));
        for (name, value) in [
            ("DSP_MAX_DOCUMENT_MB", "0"),
            ("DSP_MAX_DOCUMENT_MB", "lots"),
            ("DSP_FHIR_NATIONAL_ID_SYSTEMS", "not a uri"),
            ("DSP_NOT_FOUND_FLOOR_MS", "-1"),
            ("DSP_MAX_IN_FLIGHT", "0"),
            ("DSP_MAX_IN_FLIGHT_PER_CLIENT", "-1"),
            ("DSP_MAX_CONNECTIONS_PER_CLIENT", "many"),
            ("DSP_HEADER_READ_TIMEOUT_SECS", "0"),
            ("DSP_BODY_READ_TIMEOUT_SECS", "1.5"),
            ("DSP_BODY_MIN_BYTES_PER_SEC", "0"),
            ("DSP_EMERGENCY_MAX_PER_WINDOW", "0"),
            ("DSP_EMERGENCY_WINDOW_HOURS", "a day"),
            ("DSP_AUDIT_CHECKPOINT_MINUTES", "0"),
            ("DSP_AUDIT_CHECKPOINT_DIR", "/var/lib/dsp/checkpoints"),
            ("DSP_IMPORT_WORKERS", "0"),
            ("DSP_IMPORT_WORKERS", "65"),
            ("DSP_FHIR_BUNDLE_MEMORY_MB", "0"),
        ] {
            let err = config(&[("DSP_DATA_DIR", d), (name, value)]).unwrap_err();
            assert!(err.to_string().contains(name), "{name}={value}: {err}");
        }
    }

    #[test]
    fn document_limits_and_fhir_systems_are_configured() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_str().unwrap();
        let c = config(&[("DSP_DATA_DIR", d)]).unwrap();
        assert_eq!(c.max_document_bytes, 20 * 1024 * 1024);
        assert_eq!(c.fhir_national_id_systems, ["urn:dsp:national-id"]);
        assert_eq!(c.fhir_bundle_memory_bytes, 256 * 1024 * 1024);
        assert_eq!(c.import_workers, 1);
        let c = config(&[
            ("DSP_DATA_DIR", d),
            ("DSP_FHIR_BUNDLE_MEMORY_MB", "1024"),
            ("DSP_IMPORT_WORKERS", "8"),
        ])
        .unwrap();
        assert_eq!((c.fhir_bundle_memory_bytes, c.import_workers), (1024 * 1024 * 1024, 8));
        let c = config(&[
            ("DSP_DATA_DIR", d),
            ("DSP_MAX_DOCUMENT_MB", "50"),
            ("DSP_FHIR_NATIONAL_ID_SYSTEMS", "urn:oid:1.2.3, https://example.lu/ns/matricule"),
        ])
        .unwrap();
        assert_eq!(c.max_document_bytes, 50 * 1024 * 1024);
        assert_eq!(
            c.fhir_national_id_systems,
            ["urn:oid:1.2.3", "https://example.lu/ns/matricule"]
        );
    }

    #[test]
    fn the_metrics_token_is_off_by_default_and_never_short() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_str().unwrap();
        assert_eq!(config(&[("DSP_DATA_DIR", d)]).unwrap().metrics_token, None);
        assert!(config(&[("DSP_DATA_DIR", d), ("DSP_METRICS_TOKEN", "short")]).is_err());
        let token = "0123456789abcdef0123";
        let c = config(&[("DSP_DATA_DIR", d), ("DSP_METRICS_TOKEN", token)]).unwrap();
        assert_eq!(c.metrics_token.as_deref(), Some(token));
    }

    #[test]
    fn client_limits_default_to_what_the_readme_and_env_example_say() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_str().unwrap();
        let c = config(&[("DSP_DATA_DIR", d)]).unwrap();
        assert_eq!(c.max_in_flight_per_client, 16);
        assert_eq!(c.max_connections_per_client, 128);
        assert_eq!(c.header_read_timeout, std::time::Duration::from_secs(20));
        assert_eq!(c.body_read_timeout, std::time::Duration::from_secs(20));
        assert_eq!(c.body_min_bytes_per_sec, 500);
        let readme = include_str!("../../README.md");
        let env = include_str!("../../.env.example");
        for (name, default) in CLIENT_LIMIT_DEFAULTS {
            assert!(readme.contains(&format!("`{name}` ({default}")), "README: {name} {default}");
            assert!(env.contains(&format!("#{name}={default}\n")), ".env.example: {name}");
        }
        let c = config(&[
            ("DSP_DATA_DIR", d),
            ("DSP_MAX_IN_FLIGHT_PER_CLIENT", "0"),
            ("DSP_MAX_CONNECTIONS_PER_CLIENT", "0"),
            ("DSP_HEADER_READ_TIMEOUT_SECS", "3"),
        ])
        .unwrap();
        assert_eq!((c.max_in_flight_per_client, c.max_connections_per_client), (0, 0), "no caps");
        let err = config(&[("DSP_DATA_DIR", d), ("DSP_MAX_IN_FLIGHT", "16")]).unwrap_err();
        assert!(err.to_string().contains("DSP_MAX_IN_FLIGHT_PER_CLIENT must be below"), "{err}");
        assert_eq!(c.header_read_timeout, std::time::Duration::from_secs(3));
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn the_emergency_cap_and_the_checkpoints_are_configured() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_str().unwrap().to_owned();
        let config = |vars: &[(&str, &str)]| {
            Config::from_lookup(|name| {
                (name == "DSP_DATA_DIR")
                    .then(|| d.clone())
                    .or_else(|| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned()))
            })
            .unwrap()
        };
        let c = config(&[]);
        assert_eq!(c.emergency_cap, crate::access::EmergencyCap::default());
        assert_eq!(c.emergency_cap.max_openings, 3);
        assert_eq!(c.emergency_cap.window, chrono::TimeDelta::hours(24));
        assert_eq!((c.audit_checkpoint_dir, c.audit_checkpoint_key), (None, None));
        assert_eq!(c.audit_checkpoint_every, chrono::TimeDelta::minutes(10));
        let c = config(&[
            ("DSP_EMERGENCY_MAX_PER_WINDOW", "5"),
            ("DSP_EMERGENCY_WINDOW_HOURS", "12"),
            ("DSP_AUDIT_CHECKPOINT_DIR", "/srv/witness"),
            ("DSP_AUDIT_CHECKPOINT_KEY", "/etc/dsp/checkpoint.pem"),
            ("DSP_AUDIT_CHECKPOINT_MINUTES", "5"),
        ]);
        assert_eq!(c.emergency_cap.max_openings, 5);
        assert_eq!(c.emergency_cap.window, chrono::TimeDelta::hours(12));
        assert_eq!(c.audit_checkpoint_dir.unwrap(), PathBuf::from("/srv/witness"));
        assert_eq!(c.audit_checkpoint_key.unwrap(), PathBuf::from("/etc/dsp/checkpoint.pem"));
        assert_eq!(c.audit_checkpoint_every, chrono::TimeDelta::minutes(5));
    }
}
