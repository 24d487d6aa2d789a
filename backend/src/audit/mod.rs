//! The audit log: append-only and tamper-evident. Every sign-in, failure, enrolment, activation
//! attempt, credential change, sign-out and agency act is appended **in the transaction of the
//! act**, so that an act without its audit entry cannot exist. There is no update or delete path
//! here; the database refuses them too (triggers).
//!
//! Entries form hash chains: one per record (`patient:<id>`), else one per actor, else `system`.
//! Each entry's hash covers the previous entry's hash and the entry's canonical bytes; the chain
//! head row is locked while appending, so concurrent appends to one record stay linear, and a
//! unique (chain, seq) index refuses a fork. [`verify`] recomputes every chain; signed
//! [checkpoints](checkpoint) kept outside the database catch a chain cut short or rewritten
//! from some entry on, which the chain alone cannot show.

pub mod checkpoint;
pub mod pseudonym;
pub mod writer;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::NotSet, ConnectionTrait, DbBackend, EntityTrait, QueryOrder, QuerySelect,
    Statement,
};
use sha2::{Digest, Sha256};
use shared::api::auth::Role;
use uuid::Uuid;

use crate::entity::audit_event;
use crate::error::AppError;

/// How an audited act ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It happened.
    Success,
    /// It was attempted and refused.
    Failure,
}

impl Outcome {
    const fn as_str(self) -> &'static str {
        match self {
            Self::Success => "success",
            Self::Failure => "failure",
        }
    }
}

/// Facts about the request an audit entry records: its id, the client's address, its browser.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    /// The `x-request-id`.
    pub request_id: Option<String>,
    /// The client's IP address.
    pub client_ip: Option<String>,
    /// The `User-Agent`.
    pub user_agent: Option<String>,
    /// The practice software the professional acted through, when not the portal.
    pub via: Option<Via>,
}

/// Practice software acting for a professional (OAuth client), named in every audit entry of
/// its acts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Via {
    /// The client id.
    pub client_id: String,
    /// The name the agency registered.
    pub name: String,
}

impl<S: Send + Sync> FromRequestParts<S> for RequestMeta {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let header =
            |name| parts.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        Ok(Self {
            request_id: header(crate::telemetry::REQUEST_ID_HEADER),
            user_agent: header(header::USER_AGENT.as_str()),
            client_ip: parts
                .extensions
                .get::<ConnectInfo<std::net::SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip().to_string()),
            via: None,
        })
    }
}

impl RequestMeta {
    /// The key that identifies this client for rate limits.
    #[must_use]
    pub fn client_key(&self) -> String {
        self.client_ip.clone().unwrap_or_else(|| "unknown".into())
    }
}

/// One audit entry.
#[derive(Debug, Clone)]
pub struct Event {
    /// Who acted, when known.
    pub actor: Option<(Role, Uuid)>,
    /// What: a stable action name (`sign_in`, `activation`, `letter_issued` …).
    pub action: &'static str,
    /// How it ended.
    pub outcome: Outcome,
    /// The record concerned, if any.
    pub patient_id: Option<Uuid>,
    /// What was acted on (`credential`, `session`, `professional` …) and its id.
    pub target: Option<(&'static str, String)>,
    /// Further facts (reason of a refusal, names …).
    pub detail: serde_json::Value,
}

impl Event {
    /// An event with no target, patient or detail yet.
    #[must_use]
    pub fn new(action: &'static str, outcome: Outcome, actor: Option<(Role, Uuid)>) -> Self {
        Self {
            actor,
            action,
            outcome,
            patient_id: None,
            target: None,
            detail: serde_json::Value::Object(serde_json::Map::new()),
        }
    }

    /// Sets the record concerned.
    #[must_use]
    pub const fn patient(mut self, patient_id: Uuid) -> Self {
        self.patient_id = Some(patient_id);
        self
    }

    /// Sets the target.
    #[must_use]
    pub fn target(mut self, kind: &'static str, id: impl Into<String>) -> Self {
        self.target = Some((kind, id.into()));
        self
    }

    /// Adds a fact to the detail.
    #[must_use]
    pub fn with(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        if let serde_json::Value::Object(map) = &mut self.detail {
            map.insert(key.to_owned(), value.into());
        }
        self
    }
}

/// The chain an event belongs to.
pub(crate) fn chain_key(event: &Event) -> String {
    match (event.patient_id, event.actor) {
        (Some(patient), _) => format!("patient:{patient}"),
        (None, Some((role, id))) => format!("{}:{id}", role.as_str()),
        (None, None) => "system".to_owned(),
    }
}

fn length_prefixed(fields: impl IntoIterator<Item = Option<impl AsRef<str>>>) -> Vec<u8> {
    let mut bytes = Vec::new();
    for field in fields {
        match field {
            None => bytes.extend_from_slice(b"-"),
            Some(value) => {
                let value = value.as_ref();
                bytes.extend_from_slice(value.len().to_string().as_bytes());
                bytes.push(b':');
                bytes.extend_from_slice(value.as_bytes());
            }
        }
        bytes.push(b'\n');
    }
    bytes
}

/// The fields an entry's hash covers, length-prefixed so that no two entries share bytes.
/// An entry with a commitment (`dsp-audit-v2`) covers the commitment in place of its
/// identifying fields; an older one (`dsp-audit-v1`) covers them in clear.
fn canonical_bytes(e: &audit_event::Model) -> Vec<u8> {
    let occurred = e.occurred_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let seq = e.seq.to_string();
    if let Some(commitment) = &e.commitment {
        return length_prefixed([
            Some("dsp-audit-v2"),
            Some(commitment.as_str()),
            Some(&seq),
            Some(&occurred),
            e.actor_kind.as_deref(),
            Some(&e.action),
            Some(&e.outcome),
            e.target_kind.as_deref(),
        ]);
    }
    let actor_id = e.actor_id.map(|id| id.to_string());
    let patient_id = e.patient_id.map(|id| id.to_string());
    length_prefixed([
        Some("dsp-audit-v1"),
        Some(&e.chain_key),
        Some(&seq),
        Some(&occurred),
        e.actor_kind.as_deref(),
        actor_id.as_deref(),
        Some(&e.action),
        Some(&e.outcome),
        patient_id.as_deref(),
        e.target_kind.as_deref(),
        e.target_id.as_deref(),
        Some(&e.detail),
        e.request_id.as_deref(),
        e.client_ip.as_deref(),
    ])
}

/// The commitment to an entry's identifying fields under its chain's `salt`: what its hash
/// covers in their place. Without the salt (a purge deletes it) the fields cannot be guessed
/// back from it, and the rest of the entry still verifies.
pub(crate) fn commitment(salt: &str, e: &audit_event::Model) -> String {
    let actor_id = e.actor_id.map(|id| id.to_string());
    let patient_id = e.patient_id.map(|id| id.to_string());
    let mut hasher = Sha256::new();
    hasher.update(length_prefixed([
        Some("dsp-audit-commitment-v1"),
        Some(salt),
        Some(&e.chain_key),
        actor_id.as_deref(),
        patient_id.as_deref(),
        e.target_id.as_deref(),
        Some(&e.detail),
        e.request_id.as_deref(),
        e.client_ip.as_deref(),
    ]));
    data_encoding::HEXLOWER.encode(&hasher.finalize())
}

/// A new chain salt: 32 random bytes, hex.
fn new_salt() -> String {
    let mut bytes = [0_u8; 32];
    rand::fill(&mut bytes);
    data_encoding::HEXLOWER.encode(&bytes)
}

/// The hash of an entry after `prev`. The load generator (`crate::generate`) chains its
/// entries with it too, so that generated logs verify.
pub(crate) fn entry_hash(prev: Option<&str>, entry: &audit_event::Model) -> String {
    let mut hasher = Sha256::new();
    hasher.update(prev.unwrap_or("").as_bytes());
    hasher.update(canonical_bytes(entry));
    data_encoding::HEXLOWER.encode(&hasher.finalize())
}

fn sql(backend: DbBackend, text: &str) -> String {
    // SQLite has a single writer: no row locks to take.
    let text = crate::db::placeholders(backend, text);
    if backend == DbBackend::Postgres { text } else { text.replace(" FOR UPDATE", "") }
}

/// Appends `event` through `conn` (pass the act's transaction), extending its chain.
///
/// # Errors
/// When the insert fails; the caller's act must then fail too.
pub async fn append(
    conn: &impl ConnectionTrait,
    meta: &RequestMeta,
    event: Event,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let key = chain_key(&event);
    append_run(conn, &key, [(meta, event, now)]).await
}

/// Appends entries that all extend the chain `key`, in order: the head is locked and moved
/// once, and the entries go in multi-row inserts (the grouped writer's path).
///
/// # Errors
/// When an insert fails; the caller's act must then fail too.
pub(crate) async fn append_run<'a>(
    conn: &impl ConnectionTrait,
    key: &str,
    entries: impl IntoIterator<Item = (&'a RequestMeta, Event, DateTime<Utc>)>,
) -> Result<(), AppError> {
    /// Rows per insert (16 columns: far under every engine's parameter limit).
    const ROWS_PER_INSERT: usize = 256;
    let backend = conn.get_database_backend();
    // Lock the chain's head: appends to one chain wait for each other (PostgreSQL row lock;
    // SQLite has a single writer).
    conn.execute_raw(Statement::from_sql_and_values(
        backend,
        sql(backend, "INSERT INTO audit_chain_heads (chain_key, seq, hash, salt) VALUES ($1, 0, '', $2) ON CONFLICT (chain_key) DO NOTHING"),
        [key.into(), new_salt().into()],
    ))
    .await?;
    let head = conn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql(
                backend,
                "SELECT seq, hash, salt FROM audit_chain_heads WHERE chain_key = $1 FOR UPDATE",
            ),
            [key.into()],
        ))
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("audit chain head missing")))?;
    let mut seq: i64 = head.try_get("", "seq")?;
    let mut hash: String = head.try_get("", "hash")?;
    let salt = match head.try_get::<Option<String>>("", "salt")? {
        Some(salt) => salt,
        // A chain written before salts existed, or by the load generator: salted from now on.
        None => {
            let salt = new_salt();
            conn.execute_raw(Statement::from_sql_and_values(
                backend,
                sql(backend, "UPDATE audit_chain_heads SET salt = $1 WHERE chain_key = $2"),
                [salt.clone().into(), key.into()],
            ))
            .await?;
            salt
        }
    };
    let mut rows: Vec<audit_event::ActiveModel> = Vec::new();
    for (meta, mut event, now) in entries {
        debug_assert_eq!(chain_key(&event), key);
        if let Some(via) = &meta.via {
            event = event
                .with("via", serde_json::json!({ "client_id": via.client_id, "name": via.name }));
        }
        // Microseconds: what every engine stores, so that the hash verifies after a round trip.
        let occurred_at = DateTime::from_timestamp_micros(now.timestamp_micros()).unwrap_or(now);
        let mut entry = audit_event::Model {
            id: 0,
            occurred_at,
            actor_kind: event.actor.map(|(role, _)| role.as_str().to_owned()),
            actor_id: event.actor.map(|(_, id)| id),
            action: event.action.to_owned(),
            outcome: event.outcome.as_str().to_owned(),
            patient_id: event.patient_id,
            target_kind: event.target.as_ref().map(|(kind, _)| (*kind).to_owned()),
            target_id: event.target.map(|(_, id)| id),
            detail: event.detail.to_string(),
            request_id: meta.request_id.clone(),
            client_ip: meta.client_ip.clone(),
            chain_key: key.to_owned(),
            seq: seq + 1,
            prev_hash: (seq > 0).then(|| hash.clone()),
            hash: String::new(),
            commitment: None,
            pseudonymised: false,
        };
        entry.commitment = Some(commitment(&salt, &entry));
        entry.hash = entry_hash(entry.prev_hash.as_deref(), &entry);
        seq = entry.seq;
        hash.clone_from(&entry.hash);
        let mut active: audit_event::ActiveModel = entry.into();
        active.id = NotSet;
        rows.push(active);
    }
    if rows.is_empty() {
        return Ok(());
    }
    while !rows.is_empty() {
        let rest = rows.split_off(rows.len().min(ROWS_PER_INSERT));
        audit_event::Entity::insert_many(std::mem::replace(&mut rows, rest))
            .exec_without_returning(conn)
            .await?;
    }
    conn.execute_raw(Statement::from_sql_and_values(
        backend,
        sql(backend, "UPDATE audit_chain_heads SET seq = $1, hash = $2 WHERE chain_key = $3"),
        [seq.into(), hash.into(), key.into()],
    ))
    .await?;
    Ok(())
}

/// The outcome of [`verify`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    /// Entries checked.
    pub entries: u64,
    /// Chains checked.
    pub chains: u64,
    /// The first broken entry, if any: its id, chain and what is wrong.
    pub first_broken: Option<(i64, String, String)>,
}

/// Recomputes every chain, in id order, page by page (memory: one head per chain).
///
/// # Errors
/// Database errors.
pub async fn verify(conn: &impl ConnectionTrait) -> Result<VerifyReport, AppError> {
    verify_with(conn, None, None).await
}

/// The chains' salts (chains a purge salted no longer have one).
async fn salts(
    conn: &impl ConnectionTrait,
) -> Result<std::collections::HashMap<String, Option<String>>, AppError> {
    let rows = conn
        .query_all_raw(Statement::from_string(
            conn.get_database_backend(),
            "SELECT chain_key, salt FROM audit_chain_heads".to_owned(),
        ))
        .await?;
    let mut out = std::collections::HashMap::with_capacity(rows.len());
    for row in rows {
        out.insert(row.try_get("", "chain_key")?, row.try_get("", "salt")?);
    }
    Ok(out)
}

/// What an entry's own fields say about it: `None` when they hold.
fn entry_problem(
    entry: &audit_event::Model,
    salts: &std::collections::HashMap<String, Option<String>>,
) -> Option<String> {
    match (&entry.commitment, entry.pseudonymised) {
        // An older entry a purge rewrote: its hash covered the identity in clear, which is gone;
        // the chain still links through its stored hash.
        (None, true) => return None,
        (Some(expected), false) => match salts.get(&entry.chain_key).and_then(Option::as_deref) {
            None => return Some("its chain's salt is missing".to_owned()),
            Some(salt) if commitment(salt, entry) != *expected => {
                return Some(
                    "its identifying fields do not match their commitment (edited)".to_owned(),
                );
            }
            Some(_) => {}
        },
        (Some(_), true) | (None, false) => {}
    }
    (entry_hash(entry.prev_hash.as_deref(), entry) != entry.hash)
        .then(|| "its content does not match its hash (edited)".to_owned())
}

/// [`verify`], and with `checkpoints` every witnessed entry compared as it passes; a chain that
/// ends before its newest witnessed entry is reported after the pass. With the pseudonym `key`,
/// a chain a purge renamed is found under the name its checkpoints knew.
pub(crate) async fn verify_with(
    conn: &impl ConnectionTrait,
    checkpoints: Option<&checkpoint::Checkpoints>,
    key: Option<&pseudonym::PseudonymKey>,
) -> Result<VerifyReport, AppError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let salts = salts(conn).await?;
    let renamed = match (checkpoints, key) {
        (Some(witnessed), Some(key)) => Some(checkpoint::Checkpoints {
            chains: witnessed
                .chains
                .iter()
                .map(|(chain, seen)| {
                    let purged = key.chain(chain);
                    let name = if !salts.contains_key(chain) && salts.contains_key(&purged) {
                        purged
                    } else {
                        chain.clone()
                    };
                    (name, seen.clone())
                })
                .collect(),
            files: witnessed.files,
            newest: witnessed.newest,
        }),
        _ => None,
    };
    let checkpoints = renamed.as_ref().or(checkpoints);
    let mut heads: std::collections::HashMap<String, (i64, String)> =
        std::collections::HashMap::new();
    let mut entries = 0_u64;
    let mut after = 0_i64;
    let broken = |heads: &std::collections::HashMap<String, (i64, String)>,
                  entries: u64,
                  at: (i64, String, String)| VerifyReport {
        entries,
        chains: u64::try_from(heads.len()).unwrap_or(u64::MAX),
        first_broken: Some(at),
    };
    loop {
        let page = audit_event::Entity::find()
            .filter(audit_event::Column::Id.gt(after))
            .order_by_asc(audit_event::Column::Id)
            .limit(5_000)
            .all(conn)
            .await?;
        let Some(last) = page.last() else { break };
        after = last.id;
        for entry in page {
            entries += 1;
            let (expected_seq, expected_prev) = heads
                .get(&entry.chain_key)
                .map_or((1, None), |(seq, hash)| (seq + 1, Some(hash.clone())));
            let problem = if entry.seq != expected_seq {
                Some(format!(
                    "sequence {} where {expected_seq} was expected (an entry is missing)",
                    entry.seq
                ))
            } else if entry.prev_hash != expected_prev {
                Some("does not link to the previous entry".to_owned())
            } else if let Some(problem) = entry_problem(&entry, &salts) {
                Some(problem)
            } else {
                checkpoints
                    .and_then(|c| c.chains.get(&entry.chain_key))
                    .and_then(|witnessed| witnessed.get(&entry.seq))
                    .and_then(|seen| seen.iter().find(|w| w.hash != entry.hash))
                    .map(|w| {
                        format!(
                            "rewritten: checkpoint {} witnessed entry {} with another hash",
                            w.checkpoint, entry.seq
                        )
                    })
            };
            if let Some(problem) = problem {
                return Ok(broken(&heads, entries, (entry.id, entry.chain_key, problem)));
            }
            heads.insert(entry.chain_key, (entry.seq, entry.hash));
        }
    }
    // A deleted tail: the head says more entries than the chain holds.
    let rows = conn
        .query_all_raw(Statement::from_string(
            conn.get_database_backend(),
            "SELECT chain_key, seq FROM audit_chain_heads WHERE seq > 0".to_owned(),
        ))
        .await?;
    for row in rows {
        let key: String = row.try_get("", "chain_key")?;
        let seq: i64 = row.try_get("", "seq")?;
        if heads.get(&key).map_or(0, |(s, _)| *s) != seq {
            let problem = format!("the chain should end at entry {seq} (entries removed)");
            return Ok(broken(&heads, entries, (0, key, problem)));
        }
    }
    // A deleted tail with its head moved back: only a witness still knows how far it went.
    if let Some(checkpoints) = checkpoints {
        let mut short: Vec<(&String, i64, i64, i64)> = checkpoints
            .chains
            .iter()
            .filter_map(|(key, witnessed)| {
                let (&seq, seen) = witnessed.last_key_value()?;
                let ends = heads.get(key).map_or(0, |(s, _)| *s);
                let checkpoint = seen.first().map_or(0, |w| w.checkpoint);
                (ends < seq).then_some((key, seq, ends, checkpoint))
            })
            .collect();
        short.sort();
        if let Some((key, seq, ends, checkpoint)) = short.first() {
            let problem = format!(
                "truncated: checkpoint {checkpoint} witnessed entry {seq}, the chain ends at entry {ends}"
            );
            return Ok(broken(&heads, entries, (0, (*key).clone(), problem)));
        }
    }
    Ok(VerifyReport {
        entries,
        chains: u64::try_from(heads.len()).unwrap_or(u64::MAX),
        first_broken: None,
    })
}
