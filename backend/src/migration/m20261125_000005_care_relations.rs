//! Care relations and the patient's control: the médecin référent, therapeutic links, blocks,
//! connection codes, emergency access and its switch, and the patient's notifications.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    boolean, pk_uuid, string_len, text, timestamp_with_time_zone, timestamp_with_time_zone_null,
    uuid, uuid_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            uuid_null(Patients::ReferentId),
            boolean(Patients::EmergencyAccessEnabled).default(true).to_owned(),
        ] {
            manager
                .alter_table(Table::alter().table(Patients::Table).add_column(column).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(CareLinks::Table)
                    .col(pk_uuid(CareLinks::Id))
                    .col(uuid(CareLinks::PatientId))
                    .col(uuid_null(CareLinks::ProfessionalId))
                    .col(uuid_null(CareLinks::OrganisationId))
                    // consultation | institution_stay | emergency_department | patient_grant
                    .col(string_len(CareLinks::Context, 32))
                    .col(timestamp_with_time_zone(CareLinks::StartsAt))
                    .col(timestamp_with_time_zone(CareLinks::EndsAt))
                    .col(timestamp_with_time_zone_null(CareLinks::EndedAt))
                    .col(string_len(CareLinks::CreatedByKind, 16))
                    .col(uuid(CareLinks::CreatedById))
                    .col(timestamp_with_time_zone(CareLinks::CreatedAt))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("ix_care_links_patient", CareLinks::PatientId),
            ("ix_care_links_professional", CareLinks::ProfessionalId),
        ] {
            manager
                .create_index(
                    Index::create().name(name).table(CareLinks::Table).col(column).to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Blocks::Table)
                    .col(uuid(Blocks::PatientId))
                    .col(uuid(Blocks::ProfessionalId))
                    .col(timestamp_with_time_zone(Blocks::CreatedAt))
                    .primary_key(Index::create().col(Blocks::PatientId).col(Blocks::ProfessionalId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ConnectionCodes::Table)
                    .col(pk_uuid(ConnectionCodes::PatientId))
                    .col(string_len(ConnectionCodes::CodeHash, 64))
                    .col(timestamp_with_time_zone(ConnectionCodes::ExpiresAt))
                    .col(timestamp_with_time_zone_null(ConnectionCodes::UsedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EmergencyGrants::Table)
                    .col(pk_uuid(EmergencyGrants::Id))
                    .col(uuid(EmergencyGrants::PatientId))
                    .col(uuid(EmergencyGrants::ProfessionalId))
                    .col(text(EmergencyGrants::Reason))
                    .col(timestamp_with_time_zone(EmergencyGrants::OpenedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_emergency_grants_patient")
                    .table(EmergencyGrants::Table)
                    .col(EmergencyGrants::PatientId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(pk_uuid(Notifications::Id))
                    .col(uuid(Notifications::PatientId))
                    // first_access | emergency_access | …
                    .col(string_len(Notifications::Kind, 32))
                    .col(text(Notifications::Detail))
                    .col(timestamp_with_time_zone(Notifications::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notifications::ReadAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_notifications_patient")
                    .table(Notifications::Table)
                    .col(Notifications::PatientId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Notifications::Table.into_iden(),
            EmergencyGrants::Table.into_iden(),
            ConnectionCodes::Table.into_iden(),
            Blocks::Table.into_iden(),
            CareLinks::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for column in [Patients::ReferentId, Patients::EmergencyAccessEnabled] {
            manager
                .alter_table(Table::alter().table(Patients::Table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Patients {
    Table,
    ReferentId,
    EmergencyAccessEnabled,
}

#[derive(DeriveIden)]
enum CareLinks {
    Table,
    Id,
    PatientId,
    ProfessionalId,
    OrganisationId,
    Context,
    StartsAt,
    EndsAt,
    EndedAt,
    CreatedByKind,
    CreatedById,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Blocks {
    Table,
    PatientId,
    ProfessionalId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ConnectionCodes {
    Table,
    PatientId,
    CodeHash,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum EmergencyGrants {
    Table,
    Id,
    PatientId,
    ProfessionalId,
    Reason,
    OpenedAt,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    PatientId,
    Kind,
    Detail,
    CreatedAt,
    ReadAt,
}
