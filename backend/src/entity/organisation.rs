//! An organisation of the directory: hospital, care institution, practice, laboratory, pharmacy.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::professional::Entity")]
    Professional,
}

impl Related<super::professional::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Professional.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
