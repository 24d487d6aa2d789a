//! Patients, organisations and the professional directory.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    date, pk_uuid, string_len, string_len_null, string_len_uniq, timestamp_with_time_zone,
    timestamp_with_time_zone_null, uuid_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Patients::Table)
                    .col(pk_uuid(Patients::Id))
                    .col(string_len_uniq(Patients::NationalId, 13))
                    .col(string_len(Patients::GivenName, 200))
                    .col(string_len(Patients::FamilyName, 200))
                    .col(date(Patients::BirthDate))
                    .col(string_len(Patients::PreferredLanguage, 2))
                    // created | activated | closed
                    .col(string_len(Patients::RecordState, 16))
                    .col(timestamp_with_time_zone(Patients::CreatedAt))
                    // Start of the 30-day objection window.
                    .col(timestamp_with_time_zone_null(Patients::LetterIssuedAt))
                    .col(timestamp_with_time_zone_null(Patients::ActivatedAt))
                    .col(timestamp_with_time_zone_null(Patients::ClosedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Organisations::Table)
                    .col(pk_uuid(Organisations::Id))
                    .col(string_len(Organisations::Name, 200))
                    // hospital | care-institution | practice | laboratory | pharmacy | radiology | other
                    .col(string_len(Organisations::Kind, 32))
                    .col(timestamp_with_time_zone(Organisations::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Professionals::Table)
                    .col(pk_uuid(Professionals::Id))
                    .col(string_len(Professionals::GivenName, 200))
                    .col(string_len(Professionals::FamilyName, 200))
                    // A matrix code: MED, PHA, INF, …
                    .col(string_len(Professionals::Profession, 3))
                    .col(string_len_uniq(Professionals::LicenceNumber, 32))
                    .col(uuid_null(Professionals::OrganisationId))
                    // active | inactive
                    .col(string_len(Professionals::State, 16))
                    .col(string_len_null(Professionals::Email, 254))
                    .col(timestamp_with_time_zone(Professionals::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_professionals_organisation")
                            .from(Professionals::Table, Professionals::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_professionals_family_name")
                    .table(Professionals::Table)
                    .col(Professionals::FamilyName)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Professionals::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Organisations::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Patients::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Patients {
    Table,
    Id,
    NationalId,
    GivenName,
    FamilyName,
    BirthDate,
    PreferredLanguage,
    RecordState,
    CreatedAt,
    LetterIssuedAt,
    ActivatedAt,
    ClosedAt,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    Name,
    Kind,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Professionals {
    Table,
    Id,
    GivenName,
    FamilyName,
    Profession,
    LicenceNumber,
    OrganisationId,
    State,
    Email,
    CreatedAt,
}
