//! A WebAuthn ceremony in progress: single-use, expires after 5 minutes.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ceremonies")]
pub struct Model {
    /// Hex of the challenge.
    #[sea_orm(primary_key, auto_increment = false)]
    pub challenge: String,
    pub purpose: String,
    pub subject_kind: Option<String>,
    pub subject_id: Option<Uuid>,
    /// What the ceremony is bound to: the session token hash (reverify, add), the enrolment
    /// code hash (enrol).
    pub binding: Option<String>,
    pub state: Vec<u8>,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
