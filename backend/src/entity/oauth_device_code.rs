//! A device authorization (RFC 8628): the device code the software polls with and the user code
//! the professional types, both stored hashed.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "oauth_device_codes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub device_code_hash: String,
    #[sea_orm(unique)]
    pub user_code_hash: String,
    pub client_id: String,
    pub scopes: String,
    pub interval_secs: i32,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub last_polled_at: Option<DateTimeUtc>,
    pub professional_id: Option<Uuid>,
    pub credential_id: Option<String>,
    pub approved_at: Option<DateTimeUtc>,
    pub denied_at: Option<DateTimeUtc>,
    pub used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
