//! Request and response types of the JSON API under `/api`, one module per resource.

pub mod health;
pub mod national_id;
