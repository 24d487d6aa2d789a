//! Voluntary opening requests: the public form's data, waiting in the agency's queue until an
//! agent checks the person's identity and accepts (the record is created, `patient_id`) or
//! rejects (a reason) it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    boolean_null, date, pk_uuid, string_len, string_len_null, string_len_uniq,
    timestamp_with_time_zone, timestamp_with_time_zone_null, uuid_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OpeningRequests::Table)
                    .col(pk_uuid(OpeningRequests::Id))
                    .col(string_len_uniq(OpeningRequests::Reference, 16))
                    .col(string_len(OpeningRequests::NationalId, 13))
                    .col(string_len(OpeningRequests::GivenName, 200))
                    .col(string_len(OpeningRequests::FamilyName, 200))
                    .col(date(OpeningRequests::BirthDate))
                    .col(string_len_null(OpeningRequests::Street, 200))
                    .col(string_len_null(OpeningRequests::PostalCode, 16))
                    .col(string_len_null(OpeningRequests::City, 100))
                    .col(string_len_null(OpeningRequests::Country, 2))
                    .col(string_len_null(OpeningRequests::Phone, 16))
                    .col(string_len_null(OpeningRequests::Email, 254))
                    .col(string_len(OpeningRequests::PreferredLanguage, 8))
                    .col(string_len(OpeningRequests::Status, 16))
                    .col(timestamp_with_time_zone(OpeningRequests::ReceivedAt))
                    .col(timestamp_with_time_zone_null(OpeningRequests::DecidedAt))
                    .col(uuid_null(OpeningRequests::DecidedBy))
                    .col(boolean_null(OpeningRequests::CheckedIdCard))
                    .col(boolean_null(OpeningRequests::CheckedSocialSecurityCard))
                    .col(string_len_null(OpeningRequests::IdDocumentNumber, 64))
                    .col(string_len_null(OpeningRequests::RejectionReason, 32))
                    .col(string_len_null(OpeningRequests::DecisionNote, 1000))
                    .col(uuid_null(OpeningRequests::PatientId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_opening_requests_patient")
                            .from(OpeningRequests::Table, OpeningRequests::PatientId)
                            .to(Patients::Table, Patients::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_opening_requests_queue")
                    .table(OpeningRequests::Table)
                    .col(OpeningRequests::Status)
                    .col(OpeningRequests::ReceivedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_opening_requests_national_id")
                    .table(OpeningRequests::Table)
                    .col(OpeningRequests::NationalId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(OpeningRequests::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum OpeningRequests {
    Table,
    Id,
    Reference,
    NationalId,
    GivenName,
    FamilyName,
    BirthDate,
    Street,
    PostalCode,
    City,
    Country,
    Phone,
    Email,
    PreferredLanguage,
    Status,
    ReceivedAt,
    DecidedAt,
    DecidedBy,
    CheckedIdCard,
    CheckedSocialSecurityCard,
    IdDocumentNumber,
    RejectionReason,
    DecisionNote,
    PatientId,
}

#[derive(DeriveIden)]
enum Patients {
    Table,
    Id,
}
