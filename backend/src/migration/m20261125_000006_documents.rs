//! Documents: metadata and versions (the bytes live in the content store, by SHA-256), and the
//! patient's restrictions.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, date, integer, pk_uuid, string_len, string_len_null, text_null,
    timestamp_with_time_zone, uuid, uuid_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Documents::Table)
                    .col(pk_uuid(Documents::Id))
                    .col(uuid(Documents::PatientId))
                    .col(string_len(Documents::Category, 32))
                    .col(string_len(Documents::Title, 200))
                    .col(date(Documents::ClinicalDate))
                    // professional | patient
                    .col(string_len(Documents::AuthorKind, 16))
                    .col(uuid(Documents::AuthorId))
                    .col(uuid_null(Documents::OrganisationId))
                    // current | withdrawn
                    .col(string_len(Documents::Status, 16))
                    .col(text_null(Documents::WithdrawnReason))
                    // none | author_only | hidden_from
                    .col(string_len(Documents::Restriction, 16))
                    .col(integer(Documents::CurrentVersion))
                    .col(timestamp_with_time_zone(Documents::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_documents_patient")
                    .table(Documents::Table)
                    .col(Documents::PatientId)
                    .col(Documents::ClinicalDate)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DocumentVersions::Table)
                    .col(pk_uuid(DocumentVersions::Id))
                    .col(uuid(DocumentVersions::DocumentId))
                    .col(integer(DocumentVersions::Version))
                    .col(string_len(DocumentVersions::Sha256, 64))
                    .col(big_integer(DocumentVersions::Size))
                    .col(string_len(DocumentVersions::Format, 16))
                    .col(string_len(DocumentVersions::MediaType, 64))
                    .col(string_len_null(DocumentVersions::FileName, 200))
                    .col(uuid(DocumentVersions::CreatedBy))
                    .col(timestamp_with_time_zone(DocumentVersions::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_document_versions")
                    .table(DocumentVersions::Table)
                    .col(DocumentVersions::DocumentId)
                    .col(DocumentVersions::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DocumentHiddenFrom::Table)
                    .col(uuid(DocumentHiddenFrom::DocumentId))
                    .col(uuid(DocumentHiddenFrom::ProfessionalId))
                    .primary_key(
                        Index::create()
                            .col(DocumentHiddenFrom::DocumentId)
                            .col(DocumentHiddenFrom::ProfessionalId),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            DocumentHiddenFrom::Table.into_iden(),
            DocumentVersions::Table.into_iden(),
            Documents::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Documents {
    Table,
    Id,
    PatientId,
    Category,
    Title,
    ClinicalDate,
    AuthorKind,
    AuthorId,
    OrganisationId,
    Status,
    WithdrawnReason,
    Restriction,
    CurrentVersion,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DocumentVersions {
    Table,
    Id,
    DocumentId,
    Version,
    Sha256,
    Size,
    Format,
    MediaType,
    FileName,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DocumentHiddenFrom {
    Table,
    DocumentId,
    ProfessionalId,
}
