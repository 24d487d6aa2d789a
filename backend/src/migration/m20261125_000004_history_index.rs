//! The patient's history reads the audit log newest first, page by page, by record
//! (`patient_id`) and by actor (`actor_id`): composite indexes with the id let each page be one
//! backward index range scan that stops after the page, however long the log grows. They replace
//! the single-column indexes, which they cover.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const PATIENT_OLD: &str = "ix_audit_events_patient";
const ACTOR_OLD: &str = "ix_audit_events_actor";
const PATIENT_NEW: &str = "ix_audit_events_patient_id";
const ACTOR_NEW: &str = "ix_audit_events_actor_id";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, column) in
            [(PATIENT_NEW, AuditEvents::PatientId), (ACTOR_NEW, AuditEvents::ActorId)]
        {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(AuditEvents::Table)
                        .col(column)
                        .col(AuditEvents::Id)
                        .to_owned(),
                )
                .await?;
        }
        for name in [PATIENT_OLD, ACTOR_OLD] {
            manager
                .drop_index(Index::drop().name(name).table(AuditEvents::Table).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, column) in
            [(PATIENT_OLD, AuditEvents::PatientId), (ACTOR_OLD, AuditEvents::ActorId)]
        {
            manager
                .create_index(
                    Index::create().name(name).table(AuditEvents::Table).col(column).to_owned(),
                )
                .await?;
        }
        for name in [PATIENT_NEW, ACTOR_NEW] {
            manager
                .drop_index(Index::drop().name(name).table(AuditEvents::Table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    PatientId,
    ActorId,
}
