//! A voluntary opening request: the public form's data and the agent's decision.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "opening_requests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The reference the person got.
    #[sea_orm(unique)]
    pub reference: String,
    pub national_id: String,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub preferred_language: String,
    /// `pending`, `accepted` or `rejected`.
    pub status: String,
    pub received_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
    /// The agent who decided.
    pub decided_by: Option<Uuid>,
    pub checked_id_card: Option<bool>,
    pub checked_social_security_card: Option<bool>,
    pub id_document_number: Option<String>,
    pub rejection_reason: Option<String>,
    /// The identity check's note (accepted) or the rejection's explanation.
    pub decision_note: Option<String>,
    /// The record created on acceptance.
    pub patient_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
