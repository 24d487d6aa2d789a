//! A patient's record: identity, preferred language and the record's life (created, activated,
//! closed) with its dates.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "patients")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub national_id: String,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Date,
    pub preferred_language: String,
    pub record_state: String,
    pub created_at: DateTimeUtc,
    pub letter_issued_at: Option<DateTimeUtc>,
    pub activated_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    /// The médecin référent the patient (or an agent) designated.
    pub referent_id: Option<Uuid>,
    /// Whether the patient allows emergency access.
    pub emergency_access_enabled: bool,
    /// A phone number in E.164 form.
    pub phone: Option<String>,
    /// An e-mail address.
    pub email: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The current activation code of its letter, if any.
    #[sea_orm(has_one = "super::activation_code::Entity")]
    ActivationCode,
    /// The current practice code of its letter (or the portal), if any.
    #[sea_orm(has_one = "super::practice_code::Entity")]
    PracticeCode,
}

impl Related<super::practice_code::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::PracticeCode.def()
    }
}

impl Related<super::activation_code::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ActivationCode.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
