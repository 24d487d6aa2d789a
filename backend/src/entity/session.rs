//! A signed-in session; the cookie holds the token, the table only its hash.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    #[sea_orm(unique)]
    pub id: Uuid,
    pub subject_kind: String,
    pub subject_id: Uuid,
    pub credential_id: Option<String>,
    pub created_at: DateTimeUtc,
    pub last_seen_at: DateTimeUtc,
    /// The absolute end (12 h after sign-in).
    pub expires_at: DateTimeUtc,
    pub reverified_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub user_agent: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
