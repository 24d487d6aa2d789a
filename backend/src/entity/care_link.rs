//! A therapeutic link: who (a professional or an organisation) may reach the record, in which care context, from when until when; the patient can end it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "care_links")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub patient_id: Uuid,
    pub professional_id: Option<Uuid>,
    pub organisation_id: Option<Uuid>,
    pub context: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub ended_at: Option<DateTimeUtc>,
    pub created_by_kind: String,
    pub created_by_id: Uuid,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
