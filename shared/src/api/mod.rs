//! Request and response types of the JSON API under `/api`, one module per resource.

pub mod agency;
pub mod auth;
pub mod care;
pub mod documents;
pub mod figures;
pub mod health;
pub mod helpdesk;
pub mod history;
pub mod imports;
pub mod life;
pub mod me;
pub mod national_id;
pub mod oauth;
pub mod opening;
pub mod wishes;
