//! SeaORM entities: the current shape of each table (migrations own the history).

pub mod access_right;
pub mod activation_code;
pub mod activation_failure;
pub mod agent;
pub mod audit_event;
pub mod block;
pub mod care_link;
pub mod category;
pub mod ceremony;
pub mod connection_code;
pub mod credential;
pub mod document;
pub mod document_hidden_from;
pub mod document_version;
pub mod emergency_alert;
pub mod emergency_grant;
pub mod enrolment_code;
pub mod notification;
pub mod organisation;
pub mod patient;
pub mod personal_wish;
pub mod practice_code;
pub mod practice_failure;
pub mod professional;
pub mod rate_limit;
pub mod session;
