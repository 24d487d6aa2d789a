//! The helpdesk: what a professional is told in the app (keys replaced after a recovery, licence
//! reinstated), and organisation names unique in the directory.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    pk_uuid, string_len, timestamp_with_time_zone, timestamp_with_time_zone_null, uuid,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ProfessionalNotices::Table)
                    .col(pk_uuid(ProfessionalNotices::Id))
                    .col(uuid(ProfessionalNotices::ProfessionalId))
                    // key_recovery | licence_reinstated
                    .col(string_len(ProfessionalNotices::Kind, 32))
                    .col(timestamp_with_time_zone(ProfessionalNotices::CreatedAt))
                    .col(timestamp_with_time_zone_null(ProfessionalNotices::ReadAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_professional_notices_professional")
                    .table(ProfessionalNotices::Table)
                    .col(ProfessionalNotices::ProfessionalId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_professionals_organisation")
                    .table(Professionals::Table)
                    .col(Professionals::OrganisationId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_professionals_organisation")
                    .table(Professionals::Table)
                    .to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table(ProfessionalNotices::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum ProfessionalNotices {
    Table,
    Id,
    ProfessionalId,
    Kind,
    CreatedAt,
    ReadAt,
}

#[derive(DeriveIden)]
enum Professionals {
    Table,
    OrganisationId,
}
