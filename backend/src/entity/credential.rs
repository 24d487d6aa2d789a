//! A registered WebAuthn credential: passkey (patient) or security key (professional, agent).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "credentials")]
pub struct Model {
    /// base64url of the credential id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub subject_kind: String,
    pub subject_id: Uuid,
    pub static_state: Vec<u8>,
    pub dynamic_state: Vec<u8>,
    pub sign_count: i64,
    pub transports: i32,
    /// 1 when backup-eligible (a synced passkey).
    pub synced: i32,
    pub name: String,
    pub created_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
    pub suspended_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
