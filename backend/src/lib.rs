//! The DSP server: a JSON API under `/api` that also serves the built web app.
//!
//! `app` assembles the router and runs the server; `routes` holds the HTTP layer (thin handlers,
//! one module per resource); `db`, `entity` and `migration` hold persistence; `config` and
//! `clock` are injected everywhere they are needed, never read globally.

pub mod access;
pub mod app;
pub mod audit;
pub mod auth;
pub mod bench_routes;
pub mod bodies;
pub mod clients;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod documents;
pub mod entity;
pub mod error;
pub mod fhir;
pub mod generate;
pub mod letter;
pub mod lifecycle;
pub mod linger;
pub mod maintenance;
pub mod metrics;
pub mod migration;
pub mod oauth;
pub mod routes;
pub mod seed;
pub mod services;
pub mod spa;
pub mod telemetry;

pub use app::{AppState, Server};
pub use config::Config;
