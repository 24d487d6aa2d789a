//! An emergency access ("break the glass"): who, why, when; 4 hours of reading.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "emergency_grants")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub patient_id: Uuid,
    pub professional_id: Uuid,
    pub reason: String,
    pub opened_at: DateTimeUtc,
    /// The agency's disposition (`justified`, `questioned`, `escalated`), once reviewed.
    pub disposition: Option<String>,
    /// The agent's note with it.
    pub disposition_note: Option<String>,
    /// The agent who recorded it.
    pub disposed_by: Option<Uuid>,
    /// When.
    pub disposed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
