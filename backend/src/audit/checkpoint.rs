//! Signed checkpoints of the audit chains, for a witness outside the database.
//!
//! [`verify`](super::verify) proves that every chain is internally whole, but someone with the
//! database writer's rights can delete a chain's newest entries and move its head back (or go
//! on appending from there): what is left still verifies. A checkpoint says, signed with an
//! Ed25519 key that is kept outside the database, "at this time chain K had reached entry S,
//! whose hash was H". The operator ships the checkpoint files to a place the database's writer
//! cannot rewrite; [`verify_against`] then finds any chain shorter than witnessed (truncated) or
//! whose witnessed entry now hashes differently (rewritten). Entries appended and removed
//! between two checkpoints stay unseen: the interval bounds that window.
//!
//! Scale: a checkpoint lists only the chains that moved since the previous one (each head keeps
//! the sequence number last witnessed, `checkpointed_seq`); the first lists them all. Each names
//! its number and the SHA-256 of the previous file, so a witness with a file missing is told so.
//! Because a chain's entry hash covers everything before it, the newest witnessed entry of a
//! chain vouches for its whole prefix; every witnessed entry is still checked, so that a chain
//! rewound and grown again between two checkpoints is caught by the older one.
//!
//! Several instances on one database: the writer takes a lock in the database (PostgreSQL: an
//! advisory lock; SQLite: its single writer) and writes only when the newest checkpoint is
//! older than most of the interval, so one checkpoint is written per interval. A file written
//! whose database commit then failed is harmless: it is signed and true, and the next checkpoint
//! takes its number again (the verifier accepts several files of one number).
//!
//! The file is text, one line per fact, so that an operator can read it:
//!
//! ```text
//! dsp-audit-checkpoint 1
//! number 42
//! time 2026-12-04T10:00:00.000000Z
//! previous <SHA-256 of checkpoint 41's file, or ->
//! chains 2
//! patient:6f0b… 17 <hash of entry 17>
//! system 3 <hash of entry 3>
//! signature <Ed25519 signature of every byte above, base64>
//! ```
//!
//! Keys are PKCS#8 (private) and SPKI (public) PEM files, which OpenSSL also reads and writes.

use std::collections::{BTreeMap, HashMap};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, TimeDelta, Utc};
use ed25519_dalek::pkcs8::spki::der::pem::LineEnding;
use ed25519_dalek::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use sha2::{Digest, Sha256};

use crate::error::AppError;

/// The first line of every checkpoint file.
const MAGIC: &str = "dsp-audit-checkpoint 1";

/// The writer leaves its public key in the checkpoint directory as
/// `checkpoint-key-<fingerprint>.pub` (one file per key, so a rotated key adds one): the
/// verifier's fallback when no key is given.
pub const PUBLIC_KEY_PREFIX: &str = "checkpoint-key-";

/// A short name of a public key: the first 16 hex digits of its SHA-256.
#[must_use]
pub fn fingerprint(public: &VerifyingKey) -> String {
    data_encoding::HEXLOWER.encode(&Sha256::digest(public.as_bytes())[..8])
}

/// The public keys the writer left in `dir`.
///
/// # Errors
/// When the directory or a key cannot be read.
pub fn public_keys_in(dir: &Path) -> Result<Vec<VerifyingKey>, CheckpointError> {
    let mut keys = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| CheckpointError::Io(dir.into(), e))? {
        let path = entry.map_err(|e| CheckpointError::Io(dir.into(), e))?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with(PUBLIC_KEY_PREFIX) && name.ends_with(".pub") {
            keys.push(load_public_key(&path)?);
        }
    }
    Ok(keys)
}

/// The PostgreSQL advisory lock that lets one instance write at a time.
const LOCK: i64 = 0x0D5B_A0D1_7C4E_C0DE;

/// Chains whose `checkpointed_seq` one statement moves.
const BATCH: usize = 500;

/// A checkpoint that cannot be trusted or read, or a key that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum CheckpointError {
    /// A file could not be read or written.
    #[error("{0}: {1}")]
    Io(PathBuf, std::io::Error),
    /// A key file is not an Ed25519 key in PEM.
    #[error("{0}: not an Ed25519 key in PEM ({1})")]
    Key(PathBuf, String),
    /// A checkpoint file is not in the format.
    #[error("{0}: not a checkpoint ({1})")]
    Malformed(PathBuf, String),
    /// A checkpoint's signature does not verify with any of the public keys.
    #[error("{0}: the signature does not verify with the given public keys")]
    Signature(PathBuf),
    /// A checkpoint between the first and the newest is not in the directory.
    #[error("checkpoint {0} is missing from the witness")]
    Missing(i64),
    /// A checkpoint names a previous file that is not in the directory.
    #[error("{0}: does not follow any checkpoint {1} in the witness")]
    Unlinked(PathBuf, i64),
}

/// The private key that signs checkpoints.
#[derive(Clone)]
pub struct CheckpointKey(SigningKey);

impl std::fmt::Debug for CheckpointKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("CheckpointKey").field(&self.0.verifying_key()).finish()
    }
}

impl CheckpointKey {
    /// Reads a PKCS#8 PEM private key.
    ///
    /// # Errors
    /// When the file cannot be read or holds no Ed25519 private key.
    pub fn load(path: &Path) -> Result<Self, CheckpointError> {
        let pem = std::fs::read_to_string(path).map_err(|e| CheckpointError::Io(path.into(), e))?;
        SigningKey::from_pkcs8_pem(&pem)
            .map(Self)
            .map_err(|e| CheckpointError::Key(path.into(), e.to_string()))
    }

    /// The public key that verifies its signatures.
    #[must_use]
    pub fn public_key(&self) -> VerifyingKey {
        self.0.verifying_key()
    }
}

/// Writes a new key pair: the private key at `private` (created, never overwritten, readable by
/// its owner only) and the public key beside it, with `.pub` added to the name, which it returns.
///
/// # Errors
/// When a file exists already or cannot be written.
pub fn keygen(private: &Path) -> Result<PathBuf, CheckpointError> {
    fn io(path: &Path) -> impl Fn(std::io::Error) -> CheckpointError + '_ {
        move |e| CheckpointError::Io(path.into(), e)
    }
    let key = SigningKey::from_bytes(&rand::random::<[u8; 32]>());
    let pem = key
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| CheckpointError::Key(private.into(), e.to_string()))?;
    let public_pem = key
        .verifying_key()
        .to_public_key_pem(LineEnding::LF)
        .map_err(|e| CheckpointError::Key(private.into(), e.to_string()))?;
    let mut public = private.as_os_str().to_owned();
    public.push(".pub");
    let public = PathBuf::from(public);
    if let Some(parent) = private.parent() {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(private).map_err(io(private))?;
    file.write_all(pem.as_bytes()).and_then(|()| file.sync_all()).map_err(io(private))?;
    write_new(&public, public_pem.as_bytes())?;
    Ok(public)
}

/// Reads an SPKI PEM public key (`dsp audit keygen`'s `.pub`, or `openssl pkey -pubout`).
///
/// # Errors
/// When the file cannot be read or holds no Ed25519 public key.
pub fn load_public_key(path: &Path) -> Result<VerifyingKey, CheckpointError> {
    let pem = std::fs::read_to_string(path).map_err(|e| CheckpointError::Io(path.into(), e))?;
    VerifyingKey::from_public_key_pem(&pem)
        .map_err(|e| CheckpointError::Key(path.into(), e.to_string()))
}

/// Where and how often checkpoints are written, and the key that signs them.
#[derive(Debug, Clone)]
pub struct Witness {
    /// The directory the files go to (the operator ships it to the witness).
    pub dir: PathBuf,
    /// The signing key.
    pub key: CheckpointKey,
    /// The interval: no checkpoint is written while the newest is younger than nine tenths of
    /// it. Zero: write whenever a chain moved (`dsp audit checkpoint`).
    pub every: TimeDelta,
}

/// A checkpoint that was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Its number (1 for the first).
    pub number: i64,
    /// The chains it lists (those that moved since the previous one).
    pub chains: u64,
    /// Its file.
    pub file: PathBuf,
    /// The file's size.
    pub bytes: u64,
}

/// Writes a checkpoint of every chain that moved since the previous one, unless one is not due
/// (the newest is younger than most of the interval, or another instance is writing one now)
/// or no chain moved: then `None`.
///
/// # Errors
/// Database, or the file cannot be written (then nothing is recorded as witnessed).
pub async fn write(
    db: &DatabaseConnection,
    witness: &Witness,
    now: DateTime<Utc>,
) -> Result<Option<Written>, AppError> {
    let txn = crate::db::begin_write_alone(db).await?;
    let conn = &*txn;
    let backend = conn.get_database_backend();
    if backend == DbBackend::Postgres {
        let row = conn
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                "SELECT pg_try_advisory_xact_lock($1) AS locked",
                [LOCK.into()],
            ))
            .await?;
        let locked: bool = row.map(|r| r.try_get("", "locked")).transpose()?.unwrap_or(false);
        if !locked {
            return Ok(None);
        }
    }
    let last = conn
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT number, written_at, file_sha256 FROM audit_checkpoints \
             ORDER BY number DESC LIMIT 1",
        ))
        .await?;
    let (number, previous) = match last {
        Some(row) => {
            let written_at: DateTime<Utc> = row.try_get("", "written_at")?;
            if now - written_at < witness.every - witness.every / 10 {
                return Ok(None);
            }
            let number: i64 = row.try_get("", "number")?;
            (number + 1, Some(row.try_get::<String>("", "file_sha256")?))
        }
        None => (1, None),
    };
    let moved = conn
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT chain_key, seq, hash FROM audit_chain_heads \
             WHERE seq <> checkpointed_seq AND seq > 0 ORDER BY chain_key",
        ))
        .await?;
    if moved.is_empty() {
        return Ok(None);
    }
    let mut heads = Vec::with_capacity(moved.len());
    for row in moved {
        let key: String = row.try_get("", "chain_key")?;
        let seq: i64 = row.try_get("", "seq")?;
        let hash: String = row.try_get("", "hash")?;
        heads.push((key, seq, hash));
    }
    let bytes = signed_file(&witness.key, number, now, previous.as_deref(), &heads);
    let file_sha256 = data_encoding::HEXLOWER.encode(&Sha256::digest(&bytes));
    let name = format!("checkpoint-{number:010}-{}.txt", now.format("%Y%m%dT%H%M%S%.6fZ"));
    let dir = witness.dir.clone();
    let public = witness.key.public_key();
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    let file = tokio::task::spawn_blocking(move || store(&dir, &name, &bytes, &public))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(e.into()))?;
    let file_name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    conn.execute_raw(Statement::from_sql_and_values(
        backend,
        crate::db::placeholders(
            backend,
            "INSERT INTO audit_checkpoints (number, written_at, file_name, file_sha256, chains) \
             VALUES ($1, $2, $3, $4, $5)",
        ),
        [
            number.into(),
            now.into(),
            file_name.into(),
            file_sha256.into(),
            i64::try_from(heads.len()).unwrap_or(i64::MAX).into(),
        ],
    ))
    .await?;
    for batch in heads.chunks(BATCH) {
        mark_witnessed(conn, batch).await?;
    }
    txn.commit().await?;
    Ok(Some(Written {
        number,
        chains: u64::try_from(heads.len()).unwrap_or(u64::MAX),
        file,
        bytes: size,
    }))
}

/// Records that these heads are witnessed: the next checkpoint lists a chain again only once it
/// has moved past them.
async fn mark_witnessed(
    conn: &impl ConnectionTrait,
    heads: &[(String, i64, String)],
) -> Result<(), AppError> {
    let backend = conn.get_database_backend();
    let mut cases = String::new();
    let mut keys = Vec::with_capacity(heads.len());
    let mut values: Vec<sea_orm::Value> = Vec::with_capacity(heads.len() * 2);
    for (i, (key, seq, _)) in heads.iter().enumerate() {
        cases.push_str(&format!(" WHEN ${} THEN ${}", 2 * i + 1, 2 * i + 2));
        keys.push(format!("${}", 2 * i + 1));
        values.push(key.clone().into());
        values.push((*seq).into());
    }
    let sql = format!(
        "UPDATE audit_chain_heads SET checkpointed_seq = CASE chain_key{cases} END \
         WHERE chain_key IN ({})",
        keys.join(", ")
    );
    conn.execute_raw(Statement::from_sql_and_values(
        backend,
        crate::db::placeholders(backend, &sql),
        values,
    ))
    .await?;
    Ok(())
}

/// The bytes of a checkpoint file, signature included.
fn signed_file(
    key: &CheckpointKey,
    number: i64,
    time: DateTime<Utc>,
    previous: Option<&str>,
    heads: &[(String, i64, String)],
) -> Vec<u8> {
    let mut text = format!(
        "{MAGIC}\nnumber {number}\ntime {}\nprevious {}\nchains {}\n",
        time.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        previous.unwrap_or("-"),
        heads.len()
    );
    text.reserve(heads.len() * 120);
    for (chain, seq, hash) in heads {
        text.push_str(&format!("{chain} {seq} {hash}\n"));
    }
    let signature = key.0.sign(text.as_bytes());
    text.push_str(&format!("signature {}\n", data_encoding::BASE64.encode(&signature.to_bytes())));
    text.into_bytes()
}

/// Writes a file durably under `dir` (a temporary file, fsynced, renamed, the directory
/// fsynced), and the public key beside it the first time.
fn store(dir: &Path, name: &str, bytes: &[u8], public: &VerifyingKey) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let key_file = dir.join(format!("{PUBLIC_KEY_PREFIX}{}.pub", fingerprint(public)));
    if !key_file.exists() {
        let pem = public
            .to_public_key_pem(LineEnding::LF)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        std::fs::write(&key_file, pem)?;
    }
    let final_path = dir.join(name);
    let temporary = dir.join(format!(".{name}.{}.tmp", uuid::Uuid::new_v4().simple()));
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&temporary)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&temporary, &final_path)?;
    std::fs::File::open(dir)?.sync_all()?;
    Ok(final_path)
}

/// Creates a file that must not exist yet.
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), CheckpointError> {
    let io = |e| CheckpointError::Io(path.into(), e);
    let mut file =
        std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(io)?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(io)
}

/// One witnessed entry: chain `chain` had reached it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Witnessed {
    /// The entry's hash then.
    pub hash: String,
    /// The checkpoint that says so.
    pub checkpoint: i64,
}

/// Everything a witness's checkpoints say, after their signatures and sequence were checked.
#[derive(Debug, Clone, Default)]
pub struct Checkpoints {
    /// Files read.
    pub files: u64,
    /// The newest checkpoint's number and time.
    pub newest: Option<(i64, DateTime<Utc>)>,
    /// Per chain, per entry number, what the checkpoints witnessed.
    pub chains: HashMap<String, BTreeMap<i64, Vec<Witnessed>>>,
}

impl Checkpoints {
    /// The entries witnessed in all.
    #[must_use]
    pub fn entries(&self) -> u64 {
        self.chains.values().map(|c| c.values().map(Vec::len).sum::<usize>()).sum::<usize>() as u64
    }
}

/// One parsed file.
struct Parsed {
    number: i64,
    time: DateTime<Utc>,
    previous: Option<String>,
    sha256: String,
    heads: Vec<(String, i64, String)>,
}

/// Reads every checkpoint file of `dir`, checks that each is signed by one of `keys` (several
/// after a key rotation) and that they form one unbroken sequence from 1 to the newest, each
/// naming a file of the number before it.
///
/// # Errors
/// A file unreadable, malformed or wrongly signed; a checkpoint missing or out of sequence.
pub fn read_dir(dir: &Path, keys: &[VerifyingKey]) -> Result<Checkpoints, CheckpointError> {
    let mut parsed = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| CheckpointError::Io(dir.into(), e))?;
    for entry in entries {
        let path = entry.map_err(|e| CheckpointError::Io(dir.into(), e))?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if !(name.starts_with("checkpoint-") && name.ends_with(".txt")) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| CheckpointError::Io(path.clone(), e))?;
        parsed.push((parse(&path, &bytes, keys)?, path));
    }
    let mut by_number: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for (p, _) in &parsed {
        by_number.entry(p.number).or_default().push(p.sha256.clone());
    }
    if let Some(newest) = by_number.keys().next_back().copied()
        && let Some(missing) = (1..=newest).find(|n| !by_number.contains_key(n))
    {
        return Err(CheckpointError::Missing(missing));
    }
    let mut out = Checkpoints::default();
    for (p, path) in parsed {
        let follows = match (&p.previous, by_number.get(&(p.number - 1))) {
            (None, _) => p.number == 1,
            (Some(previous), Some(files)) => files.contains(previous),
            (Some(_), None) => false,
        };
        if !follows {
            return Err(CheckpointError::Unlinked(path, p.number - 1));
        }
        out.files += 1;
        if out.newest.is_none_or(|(n, _)| n < p.number) {
            out.newest = Some((p.number, p.time));
        }
        for (chain, seq, hash) in p.heads {
            let seen = out.chains.entry(chain).or_default().entry(seq).or_default();
            let witnessed = Witnessed { hash, checkpoint: p.number };
            if !seen.contains(&witnessed) {
                seen.push(witnessed);
            }
        }
    }
    Ok(out)
}

/// Parses one file and checks its signature.
fn parse(path: &Path, bytes: &[u8], keys: &[VerifyingKey]) -> Result<Parsed, CheckpointError> {
    let bad = |why: &str| CheckpointError::Malformed(path.into(), why.to_owned());
    let text = std::str::from_utf8(bytes).map_err(|_| bad("not UTF-8"))?;
    let body_end = text.rfind("signature ").ok_or_else(|| bad("no signature"))?;
    let (body, signature_line) = text.split_at(body_end);
    let signature = signature_line
        .strip_prefix("signature ")
        .and_then(|s| s.strip_suffix('\n'))
        .and_then(|s| data_encoding::BASE64.decode(s.as_bytes()).ok())
        .and_then(|s| Signature::from_slice(&s).ok())
        .ok_or_else(|| bad("unreadable signature"))?;
    if !keys.iter().any(|key| key.verify_strict(body.as_bytes(), &signature).is_ok()) {
        return Err(CheckpointError::Signature(path.into()));
    }
    let mut lines = body.lines();
    if lines.next() != Some(MAGIC) {
        return Err(bad("unknown format"));
    }
    let mut field = |name: &str| {
        lines
            .next()
            .and_then(|l| l.strip_prefix(name))
            .and_then(|l| l.strip_prefix(' '))
            .ok_or_else(|| bad(&format!("no {name}")))
    };
    let number: i64 = field("number")?.parse().map_err(|_| bad("number"))?;
    let time = DateTime::parse_from_rfc3339(field("time")?).map_err(|_| bad("time"))?.to_utc();
    let previous = match field("previous")? {
        "-" => None,
        hash => Some(hash.to_owned()),
    };
    let count: usize = field("chains")?.parse().map_err(|_| bad("chains"))?;
    let mut heads = Vec::with_capacity(count.min(1 << 20));
    for line in lines {
        let mut parts = line.split(' ');
        let (Some(chain), Some(seq), Some(hash), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad("a chain line"));
        };
        let seq: i64 = seq.parse().map_err(|_| bad("a chain line"))?;
        heads.push((chain.to_owned(), seq, hash.to_owned()));
    }
    if heads.len() != count || number < 1 {
        return Err(bad("the chain count"));
    }
    let sha256 = data_encoding::HEXLOWER.encode(&Sha256::digest(bytes));
    Ok(Parsed { number, time, previous, sha256, heads })
}

/// [`verify`](super::verify), and every witnessed entry checked against the database: a chain
/// that ends before an entry a checkpoint witnessed was truncated; a witnessed entry that hashes
/// otherwise now was rewritten. The first problem is named.
///
/// # Errors
/// Database errors.
pub async fn verify_against(
    conn: &impl ConnectionTrait,
    checkpoints: &Checkpoints,
) -> Result<super::VerifyReport, AppError> {
    super::verify_with(conn, Some(checkpoints), None).await
}

/// [`verify_against`], following the chains purges renamed with the pseudonym `key`: a purged
/// record's chain is checked against what the checkpoints witnessed under its former name.
///
/// # Errors
/// Database errors.
pub async fn verify_against_purged(
    conn: &impl ConnectionTrait,
    checkpoints: &Checkpoints,
    key: &super::pseudonym::PseudonymKey,
) -> Result<super::VerifyReport, AppError> {
    super::verify_with(conn, Some(checkpoints), Some(key)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> CheckpointKey {
        CheckpointKey(SigningKey::from_bytes(&[7; 32]))
    }

    #[test]
    fn a_file_reads_back_as_written_and_any_change_breaks_its_signature() {
        let heads = vec![
            ("patient:1".to_owned(), 17, "a".repeat(64)),
            ("system".to_owned(), 3, "b".repeat(64)),
        ];
        let time = DateTime::from_timestamp(1_800_000_000, 123_000).unwrap();
        let bytes = signed_file(&key(), 4, time, Some("c0ffee"), &heads);
        let path = Path::new("checkpoint-0000000004.txt");
        let parsed = parse(path, &bytes, &[key().public_key()]).unwrap();
        assert_eq!((parsed.number, parsed.time), (4, time));
        assert_eq!(parsed.previous.as_deref(), Some("c0ffee"));
        assert_eq!(parsed.heads, heads);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with("dsp-audit-checkpoint 1\nnumber 4\n"), "{text}");
        for (from, to) in [(" 17 ", " 18 "), ("number 4", "number 5"), ("system", "systen")] {
            let forged = text.replacen(from, to, 1);
            assert!(
                matches!(
                    parse(path, forged.as_bytes(), &[key().public_key()]),
                    Err(CheckpointError::Signature(_))
                ),
                "{from} → {to}"
            );
        }
        let stranger = SigningKey::from_bytes(&[8; 32]).verifying_key();
        assert!(matches!(parse(path, &bytes, &[stranger]), Err(CheckpointError::Signature(_))));
        // After a rotation, the old key among the given ones still verifies old files.
        assert!(parse(path, &bytes, &[stranger, key().public_key()]).is_ok());
        assert!(matches!(
            parse(path, b"hello\nsignature AAAA\n", &[key().public_key()]),
            Err(CheckpointError::Malformed(..))
        ));
    }

    #[test]
    fn a_generated_key_pair_is_pem_that_loads_and_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let private = dir.path().join("keys/checkpoint.pem");
        let public = keygen(&private).unwrap();
        assert_eq!(public, dir.path().join("keys/checkpoint.pem.pub"));
        let key = CheckpointKey::load(&private).unwrap();
        assert_eq!(load_public_key(&public).unwrap(), key.public_key());
        assert!(
            std::fs::read_to_string(&private).unwrap().starts_with("-----BEGIN PRIVATE KEY-----")
        );
        assert!(
            std::fs::read_to_string(&public).unwrap().starts_with("-----BEGIN PUBLIC KEY-----")
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&private).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(keygen(&private).is_err(), "an existing key is kept");
        assert_eq!(CheckpointKey::load(&private).unwrap().public_key(), key.public_key());
        assert!(matches!(CheckpointKey::load(&public), Err(CheckpointError::Key(..))));
    }
}
