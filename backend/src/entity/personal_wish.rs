//! One version of a patient's declared wish (organ donation or advance directive). Never
//! changes; a withdrawal is a version without a choice.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "personal_wishes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub patient_id: Uuid,
    /// A `shared::api::wishes::WishKind` code.
    pub kind: String,
    pub version: i32,
    /// A `shared::api::wishes::WishChoice` code; `None` for a withdrawal.
    pub choice: Option<String>,
    pub limits: Option<String>,
    pub trusted_name: Option<String>,
    pub trusted_relation: Option<String>,
    pub trusted_phone: Option<String>,
    pub signed_on: Option<Date>,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
