//! An alert for the agency: a professional asked for one more emergency access than the cap
//! allows within its window, and was refused. It stays, for the agency's review.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "emergency_alerts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub professional_id: Uuid,
    pub refused_at: DateTimeUtc,
    /// The professional's openings within the window when refused.
    pub openings_in_window: i32,
    /// The cap then in force: at most this many openings …
    pub max_openings: i32,
    /// … within this many hours.
    pub window_hours: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
