//! An audit event: append-only (no delete path; the one update is a purge's pseudonymising
//! rewrite of identifying fields, which the triggers allow once and nothing else).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub occurred_at: DateTimeUtc,
    pub actor_kind: Option<String>,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub outcome: String,
    pub patient_id: Option<Uuid>,
    pub target_kind: Option<String>,
    pub target_id: Option<String>,
    /// Canonical JSON of the event's facts.
    pub detail: String,
    pub request_id: Option<String>,
    pub client_ip: Option<String>,
    /// `patient:<id>`, else `<role>:<actor id>`, else `system`.
    pub chain_key: String,
    /// Position in the chain, from 1.
    pub seq: i64,
    /// The previous entry's hash (none for the first).
    pub prev_hash: Option<String>,
    /// SHA-256 over the previous hash and this entry's canonical bytes.
    pub hash: String,
    /// Entries since the purge came: SHA-256 of the chain's salt and the identifying fields
    /// (chain, actor id, record, target id, detail, request, client); the hash covers this
    /// instead of those fields in clear. `None`: an older entry, hashed over them (`dsp-audit-v1`).
    pub commitment: Option<String>,
    /// A purge replaced this entry's identifying fields by a keyed pseudonym (the one update
    /// the triggers allow).
    pub pseudonymised: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
