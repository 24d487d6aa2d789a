//! Portable schema migrations (SeaORM's schema DSL), identical on SQLite and PostgreSQL.
//!
//! Append-only: never edit a migration once it has shipped; add a new one. Migrations never
//! import the current entities, so that old migrations keep meaning what they meant.

use sea_orm_migration::prelude::*;

mod m20261125_000001_directory;
mod m20261125_000002_access_matrix;
mod m20261125_000003_identity;
mod m20261125_000004_history_index;
mod m20261125_000005_care_relations;
mod m20261125_000006_documents;
mod m20261126_000007_content_index;
mod m20261204_500001_emergency_cap;
mod m20261204_500002_audit_checkpoints;
mod m20261204_600001_personal_wishes;
mod m20261204_710001_emergency_dispositions;
mod m20261204_710002_patient_contact;
mod m20261204_720001_practice_codes;
mod m20261204_730001_figures_indexes;
mod m20261204_810001_record_life;
mod m20261204_820001_purge;
mod m20261204_830001_opening_requests;
mod m20261204_840001_bulk_import;
mod m20261204_850001_helpdesk;
mod m20261204_860001_figures_series;
mod m20261205_900001_oauth;

/// Every migration, oldest first.
#[derive(Debug)]
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_directory::Migration),
            Box::new(m20261125_000002_access_matrix::Migration),
            Box::new(m20261125_000003_identity::Migration),
            Box::new(m20261125_000004_history_index::Migration),
            Box::new(m20261125_000005_care_relations::Migration),
            Box::new(m20261125_000006_documents::Migration),
            Box::new(m20261126_000007_content_index::Migration),
            Box::new(m20261204_500001_emergency_cap::Migration),
            Box::new(m20261204_500002_audit_checkpoints::Migration),
            Box::new(m20261204_600001_personal_wishes::Migration),
            Box::new(m20261204_710001_emergency_dispositions::Migration),
            Box::new(m20261204_710002_patient_contact::Migration),
            Box::new(m20261204_720001_practice_codes::Migration),
            Box::new(m20261204_730001_figures_indexes::Migration),
            Box::new(m20261204_810001_record_life::Migration),
            Box::new(m20261204_820001_purge::Migration),
            Box::new(m20261204_830001_opening_requests::Migration),
            Box::new(m20261204_840001_bulk_import::Migration),
            Box::new(m20261204_850001_helpdesk::Migration),
            Box::new(m20261204_860001_figures_series::Migration),
            Box::new(m20261205_900001_oauth::Migration),
        ]
    }
}
