//! Practice codes: a personal code printed on the patient's letter (only its hash kept), which
//! the patient reads out at a visit so that a professional opens a consultation link on a record
//! that was never activated; and the wrong practice codes counted per national ID.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    integer, pk_uuid, string_len, timestamp_with_time_zone, timestamp_with_time_zone_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PracticeCodes::Table)
                    .col(pk_uuid(PracticeCodes::PatientId))
                    .col(string_len(PracticeCodes::CodeHash, 64))
                    .col(timestamp_with_time_zone(PracticeCodes::IssuedAt))
                    .col(timestamp_with_time_zone(PracticeCodes::ExpiresAt))
                    .col(timestamp_with_time_zone_null(PracticeCodes::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_practice_codes_patient")
                            .from(PracticeCodes::Table, PracticeCodes::PatientId)
                            .to(Patients::Table, Patients::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PracticeFailures::Table)
                    .col(string_len(PracticeFailures::NationalId, 13).primary_key())
                    .col(integer(PracticeFailures::Failures))
                    .col(timestamp_with_time_zone(PracticeFailures::LastFailureAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(PracticeFailures::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(PracticeCodes::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum PracticeCodes {
    Table,
    PatientId,
    CodeHash,
    IssuedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Patients {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PracticeFailures {
    Table,
    NationalId,
    Failures,
    LastFailureAt,
}
