//! A document of a record (all its versions): category, title, clinical date, author, status and the patient's restriction.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "documents")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub patient_id: Uuid,
    pub category: String,
    pub title: String,
    pub clinical_date: Date,
    pub author_kind: String,
    pub author_id: Uuid,
    pub organisation_id: Option<Uuid>,
    pub status: String,
    pub withdrawn_reason: Option<String>,
    pub restriction: String,
    pub current_version: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// Its versions (the current one is `current_version`).
    #[sea_orm(has_many = "super::document_version::Entity")]
    Versions,
}

impl Related<super::document_version::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Versions.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
