//! Signed checkpoints of the audit chains' heads (`audit::checkpoint`): each chain head keeps
//! the sequence number the last checkpoint witnessed, so that a checkpoint lists only the chains
//! that moved since; and one row per checkpoint written, which numbers them, links each to the
//! previous one by its file's hash, and lets one instance write per interval.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{big_integer, string_len, timestamp_with_time_zone};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(AuditChainHeads::Table)
                    .add_column(big_integer(AuditChainHeads::CheckpointedSeq).default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditCheckpoints::Table)
                    .col(big_integer(AuditCheckpoints::Number).primary_key())
                    .col(timestamp_with_time_zone(AuditCheckpoints::WrittenAt))
                    .col(string_len(AuditCheckpoints::FileName, 100))
                    .col(string_len(AuditCheckpoints::FileSha256, 64))
                    .col(big_integer(AuditCheckpoints::Chains))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AuditCheckpoints::Table).to_owned()).await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AuditChainHeads::Table)
                    .drop_column(AuditChainHeads::CheckpointedSeq)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum AuditChainHeads {
    Table,
    CheckpointedSeq,
}

#[derive(DeriveIden)]
enum AuditCheckpoints {
    Table,
    Number,
    WrittenAt,
    FileName,
    FileSha256,
    Chains,
}
