//! The record's life beyond its state: why and how it was closed (the closing form's reference,
//! a death with its date and source), until when professionals with a live link keep reading
//! after a death, when it was last reopened. One row per record that was ever closed; the state
//! and the closing date stay on `patients`.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    date_null, string_len, string_len_null, timestamp_with_time_zone_null, uuid,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RecordLife::Table)
                    .col(uuid(RecordLife::PatientId).primary_key())
                    // patient | postal | death | idle
                    .col(string_len(RecordLife::CloseReason, 16))
                    .col(string_len_null(RecordLife::ClosingReference, 64))
                    .col(date_null(RecordLife::DeathDate))
                    .col(string_len_null(RecordLife::DeathSource, 200))
                    .col(timestamp_with_time_zone_null(RecordLife::DeathReadUntil))
                    .col(timestamp_with_time_zone_null(RecordLife::ReopenedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(RecordLife::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum RecordLife {
    Table,
    PatientId,
    CloseReason,
    ClosingReference,
    DeathDate,
    DeathSource,
    DeathReadUntil,
    ReopenedAt,
}
