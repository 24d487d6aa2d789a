//! An audit event: append-only (no update or delete path in the code; triggers refuse them).

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
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
