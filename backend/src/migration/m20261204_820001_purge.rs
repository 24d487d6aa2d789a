//! Purge and objection (`services::purge`):
//! - audit entries carry a `commitment`: the SHA-256 of a per-chain salt and the entry's
//!   identifying fields (chain, actor, record, target, detail, request, client). New entries'
//!   hashes cover the commitment instead of those fields in clear, so that a purge can replace
//!   them with a keyed pseudonym and the chain still verifies. The salt lives on the chain's head
//!   (`audit_chain_heads.salt`), apart from the entries, and is deleted by the purge;
//! - `pseudonymised` marks an entry a purge rewrote: the one update the triggers allow (once,
//!   identifying fields only; hash, link, order, time, act and outcome never change);
//! - `objections`: one row per objection in the window, without personal data (the key figure).

use sea_orm::DatabaseBackend;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    boolean, string_len, string_len_null, timestamp_with_time_zone, uuid,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The identifying columns a purge may rewrite; every other column must stay as it is.
const FROZEN: [&str; 10] = [
    "id",
    "occurred_at",
    "actor_kind",
    "action",
    "outcome",
    "target_kind",
    "seq",
    "prev_hash",
    "hash",
    "commitment",
];

fn unchanged(backend: DatabaseBackend) -> String {
    let op = if backend == DatabaseBackend::Postgres { "IS NOT DISTINCT FROM" } else { "IS" };
    FROZEN.iter().map(|c| format!("NEW.{c} {op} OLD.{c}")).collect::<Vec<_>>().join(" AND ")
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        let db = manager.get_connection();
        manager
            .alter_table(
                Table::alter()
                    .table(AuditEvents::Table)
                    .add_column(string_len_null(AuditEvents::Commitment, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AuditEvents::Table)
                    .add_column(boolean(AuditEvents::Pseudonymised).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AuditChainHeads::Table)
                    .add_column(string_len_null(AuditChainHeads::Salt, 64))
                    .to_owned(),
            )
            .await?;
        // Every existing chain gets its salt now (random from the engine's CSPRNG).
        let fill = if backend == DatabaseBackend::Postgres {
            "UPDATE audit_chain_heads SET salt = \
             replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')"
        } else {
            "UPDATE audit_chain_heads SET salt = lower(hex(randomblob(32)))"
        };
        db.execute_unprepared(fill).await?;
        manager
            .create_table(
                Table::create()
                    .table(Objections::Table)
                    .col(uuid(Objections::Id).primary_key())
                    .col(timestamp_with_time_zone(Objections::ObjectedAt))
                    .col(string_len(Objections::Channel, 16))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_objections_objected_at")
                    .table(Objections::Table)
                    .col(Objections::ObjectedAt)
                    .to_owned(),
            )
            .await?;
        // The one update the log allows: a purge's pseudonymising rewrite, once per entry.
        let same = unchanged(backend);
        if backend == DatabaseBackend::Postgres {
            db.execute_unprepared(&format!(
                "DROP TRIGGER audit_events_append_only ON audit_events;
                 CREATE TRIGGER audit_events_append_only BEFORE DELETE OR TRUNCATE
                 ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
                 CREATE FUNCTION audit_events_pseudonymise_only() RETURNS trigger AS $$
                 BEGIN
                   IF OLD.pseudonymised = FALSE AND NEW.pseudonymised = TRUE AND {same} THEN
                     RETURN NEW;
                   END IF;
                   RAISE EXCEPTION 'audit_events is append-only';
                 END $$ LANGUAGE plpgsql;
                 CREATE TRIGGER audit_events_pseudonymise_only BEFORE UPDATE ON audit_events
                 FOR EACH ROW EXECUTE FUNCTION audit_events_pseudonymise_only();"
            ))
            .await?;
        } else {
            db.execute_unprepared(&format!(
                "DROP TRIGGER audit_events_no_update;
                 CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
                 WHEN NOT (OLD.pseudonymised = 0 AND NEW.pseudonymised = 1 AND {same})
                 BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        let db = manager.get_connection();
        if backend == DatabaseBackend::Postgres {
            db.execute_unprepared(
                "DROP TRIGGER audit_events_pseudonymise_only ON audit_events;
                 DROP FUNCTION audit_events_pseudonymise_only();
                 DROP TRIGGER audit_events_append_only ON audit_events;
                 CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
                 ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();",
            )
            .await?;
        } else {
            db.execute_unprepared(
                "DROP TRIGGER audit_events_no_update;
                 CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
                 BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;",
            )
            .await?;
        }
        manager.drop_table(Table::drop().table(Objections::Table).to_owned()).await?;
        for (table, column) in [
            (AuditChainHeads::Table.into_iden(), AuditChainHeads::Salt.into_iden()),
            (AuditEvents::Table.into_iden(), AuditEvents::Pseudonymised.into_iden()),
            (AuditEvents::Table.into_iden(), AuditEvents::Commitment.into_iden()),
        ] {
            manager.alter_table(Table::alter().table(table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Commitment,
    Pseudonymised,
}

#[derive(DeriveIden)]
enum AuditChainHeads {
    Table,
    Salt,
}

#[derive(DeriveIden)]
enum Objections {
    Table,
    Id,
    ObjectedAt,
    Channel,
}
