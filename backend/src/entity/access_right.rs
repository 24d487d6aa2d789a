//! One cell of the access matrix: what a profession may do with a category (none, read, write).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "access_rights")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub profession: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub category: String,
    pub access: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
