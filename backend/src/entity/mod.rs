//! SeaORM entities: the current shape of each table (migrations own the history).

pub mod access_right;
pub mod category;
pub mod organisation;
pub mod patient;
pub mod professional;
