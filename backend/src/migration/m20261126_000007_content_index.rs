//! Housekeeping asks which of the recently stored contents a document version refers to, by
//! SHA-256, a batch at a time: an index makes each question a few lookups instead of a scan of
//! every version (20 million at national scale).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NAME: &str = "ix_document_versions_sha256";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(NAME)
                    .table(DocumentVersions::Table)
                    .col(DocumentVersions::Sha256)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name(NAME).table(DocumentVersions::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum DocumentVersions {
    Table,
    Sha256,
}
