//! Bulk opening from the insured-persons file: a batch per uploaded file, its rows (kept until
//! processed, so that an import survives a restart and any instance can carry it on), the
//! refused values of the error report, and the chunks that instances claim one at a time, each
//! with the printable PDF of its letters.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    binary_null, integer, pk_uuid, string_len, string_len_null, timestamp_with_time_zone,
    timestamp_with_time_zone_null, uuid, uuid_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ImportBatches::Table)
                    .col(pk_uuid(ImportBatches::Id))
                    .col(string_len(ImportBatches::FileName, 255))
                    .col(string_len(ImportBatches::FileSha256, 64))
                    .col(string_len(ImportBatches::State, 16))
                    .col(uuid(ImportBatches::UploadedBy))
                    .col(timestamp_with_time_zone(ImportBatches::UploadedAt))
                    .col(uuid_null(ImportBatches::StartedBy))
                    .col(integer(ImportBatches::TotalRows))
                    .col(integer(ImportBatches::InvalidRows))
                    .col(integer(ImportBatches::ErrorCount))
                    .col(integer(ImportBatches::CreatedCount))
                    .col(integer(ImportBatches::ExistingCount))
                    .col(integer(ImportBatches::Chunks))
                    .col(integer(ImportBatches::ChunksDone))
                    .col(timestamp_with_time_zone_null(ImportBatches::FinishedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_import_batches_state")
                    .table(ImportBatches::Table)
                    .col(ImportBatches::State)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ImportRows::Table)
                    .col(uuid(ImportRows::BatchId))
                    .col(integer(ImportRows::RowNo))
                    .col(integer(ImportRows::ChunkNo))
                    .col(string_len(ImportRows::NationalId, 13))
                    .col(string_len(ImportRows::GivenName, 200))
                    .col(string_len(ImportRows::FamilyName, 200))
                    .col(string_len(ImportRows::Street, 200))
                    .col(string_len(ImportRows::PostalCode, 16))
                    .col(string_len(ImportRows::City, 100))
                    .col(string_len(ImportRows::Country, 2))
                    .col(string_len(ImportRows::Language, 2))
                    .col(string_len_null(ImportRows::Outcome, 16))
                    .col(uuid_null(ImportRows::PatientId))
                    .primary_key(Index::create().col(ImportRows::BatchId).col(ImportRows::RowNo))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_import_rows_batch")
                            .from(ImportRows::Table, ImportRows::BatchId)
                            .to(ImportBatches::Table, ImportBatches::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_import_rows_chunk")
                    .table(ImportRows::Table)
                    .col(ImportRows::BatchId)
                    .col(ImportRows::ChunkNo)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ImportErrors::Table)
                    .col(uuid(ImportErrors::BatchId))
                    .col(integer(ImportErrors::RowNo))
                    .col(string_len(ImportErrors::ColumnName, 32))
                    .col(string_len(ImportErrors::Code, 48))
                    .primary_key(
                        Index::create()
                            .col(ImportErrors::BatchId)
                            .col(ImportErrors::RowNo)
                            .col(ImportErrors::ColumnName),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_import_errors_batch")
                            .from(ImportErrors::Table, ImportErrors::BatchId)
                            .to(ImportBatches::Table, ImportBatches::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ImportChunks::Table)
                    .col(uuid(ImportChunks::BatchId))
                    .col(integer(ImportChunks::ChunkNo))
                    .col(uuid_null(ImportChunks::ClaimedBy))
                    .col(timestamp_with_time_zone_null(ImportChunks::ClaimedUntil))
                    .col(timestamp_with_time_zone_null(ImportChunks::DoneAt))
                    .col(integer(ImportChunks::Letters))
                    .col(binary_null(ImportChunks::LettersPdf))
                    .primary_key(
                        Index::create().col(ImportChunks::BatchId).col(ImportChunks::ChunkNo),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_import_chunks_batch")
                            .from(ImportChunks::Table, ImportChunks::BatchId)
                            .to(ImportBatches::Table, ImportBatches::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ImportChunks::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ImportErrors::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ImportRows::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ImportBatches::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum ImportBatches {
    Table,
    Id,
    FileName,
    FileSha256,
    State,
    UploadedBy,
    UploadedAt,
    StartedBy,
    TotalRows,
    InvalidRows,
    ErrorCount,
    CreatedCount,
    ExistingCount,
    Chunks,
    ChunksDone,
    FinishedAt,
}

#[derive(DeriveIden)]
enum ImportRows {
    Table,
    BatchId,
    RowNo,
    ChunkNo,
    NationalId,
    GivenName,
    FamilyName,
    Street,
    PostalCode,
    City,
    Country,
    Language,
    Outcome,
    PatientId,
}

#[derive(DeriveIden)]
enum ImportErrors {
    Table,
    BatchId,
    RowNo,
    ColumnName,
    Code,
}

#[derive(DeriveIden)]
enum ImportChunks {
    Table,
    BatchId,
    ChunkNo,
    ClaimedBy,
    ClaimedUntil,
    DoneAt,
    Letters,
    LettersPdf,
}
