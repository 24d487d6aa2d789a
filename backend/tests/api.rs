#![cfg(test)]
//! API integration tests: the real server on port 0, a fresh database per test, every test on
//! SQLite and on PostgreSQL.

mod common;

#[path = "api/agency_review.rs"]
mod agency_review;
#[path = "api/audit.rs"]
mod audit;
#[path = "api/care.rs"]
mod care;
#[path = "api/contract.rs"]
mod contract;
#[path = "api/credentials.rs"]
mod credentials;
#[path = "api/documents.rs"]
mod documents;
#[path = "api/emergency.rs"]
mod emergency;
#[path = "api/errors.rs"]
mod errors;
#[path = "api/fhir.rs"]
mod fhir;
#[path = "api/fhir_provide.rs"]
mod fhir_provide;
#[path = "api/figures.rs"]
mod figures;
#[path = "api/figures_series.rs"]
mod figures_series;
#[path = "api/headers.rs"]
mod headers;
#[path = "api/helpdesk.rs"]
mod helpdesk;
#[path = "api/history.rs"]
mod history;
#[path = "api/hostile.rs"]
mod hostile;
#[path = "api/identity.rs"]
mod identity;
#[path = "api/imports.rs"]
mod imports;
#[path = "api/life.rs"]
mod life;
#[path = "api/lookups.rs"]
mod lookups;
#[path = "api/oauth.rs"]
mod oauth;
#[path = "api/opening.rs"]
mod opening;
#[path = "api/purge.rs"]
mod purge;
#[path = "api/schema.rs"]
mod schema;
#[path = "api/spa.rs"]
mod spa;
#[path = "api/way_in.rs"]
mod way_in;
#[path = "api/wishes.rs"]
mod wishes;
#[path = "api/worklist.rs"]
mod worklist;
