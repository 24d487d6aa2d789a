//! Practice or hospital software registered by the agency as a client of an organisation.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "oauth_clients")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub client_id: String,
    pub organisation_id: Uuid,
    pub name: String,
    /// One redirect URI per line, compared exactly.
    pub redirect_uris: String,
    /// Space-separated SMART scopes the client may ask for.
    pub allowed_scopes: String,
    /// SHA-256 of the secret of a confidential client (token introspection).
    pub secret_hash: Option<String>,
    pub created_at: DateTimeUtc,
    pub disabled_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
