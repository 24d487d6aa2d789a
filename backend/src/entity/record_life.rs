//! Why and how a record was closed, a recorded death, when it was last reopened (one row per
//! record ever closed; the state and closing date stay on the patient).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "record_life")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub patient_id: Uuid,
    /// patient | postal | death | idle (`crate::lifecycle::CloseReason`).
    pub close_reason: String,
    /// The closing form's reference, for a postal closing.
    pub closing_reference: Option<String>,
    /// The date of death, when a death was recorded.
    pub death_date: Option<Date>,
    /// Where the agency learnt of the death (death certificate, registry…).
    pub death_source: Option<String>,
    /// Until when professionals with a live link keep reading after a death.
    pub death_read_until: Option<DateTimeUtc>,
    /// When an agent last reopened the record.
    pub reopened_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
