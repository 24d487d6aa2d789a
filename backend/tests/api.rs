#![cfg(test)]
//! API integration tests: the real server on port 0, a fresh database per test, every test on
//! SQLite and on PostgreSQL.

mod common;

#[path = "api/audit.rs"]
mod audit;
#[path = "api/care.rs"]
mod care;
#[path = "api/contract.rs"]
mod contract;
#[path = "api/documents.rs"]
mod documents;
#[path = "api/emergency.rs"]
mod emergency;
#[path = "api/errors.rs"]
mod errors;
#[path = "api/history.rs"]
mod history;
#[path = "api/identity.rs"]
mod identity;
#[path = "api/schema.rs"]
mod schema;
#[path = "api/spa.rs"]
mod spa;
