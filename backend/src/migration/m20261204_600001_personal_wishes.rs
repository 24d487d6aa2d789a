//! The patient's declared wishes (organ donation, advance directives): one row per version,
//! never updated; the newest version of a kind is the one in force (a withdrawal is a version
//! without a choice).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    date_null, integer, pk_uuid, string_len, string_len_null, text_null, timestamp_with_time_zone,
    uuid,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

const VERSIONS_INDEX: &str = "ux_personal_wishes_version";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PersonalWishes::Table)
                    .col(pk_uuid(PersonalWishes::Id))
                    .col(uuid(PersonalWishes::PatientId))
                    // organ-donation | advance-directive
                    .col(string_len(PersonalWishes::Kind, 32))
                    .col(integer(PersonalWishes::Version))
                    // NULL: the version withdraws the declaration.
                    .col(string_len_null(PersonalWishes::Choice, 32))
                    .col(text_null(PersonalWishes::Limits))
                    .col(string_len_null(PersonalWishes::TrustedName, 120))
                    .col(string_len_null(PersonalWishes::TrustedRelation, 120))
                    .col(string_len_null(PersonalWishes::TrustedPhone, 32))
                    .col(date_null(PersonalWishes::SignedOn))
                    .col(timestamp_with_time_zone(PersonalWishes::RecordedAt))
                    .to_owned(),
            )
            .await?;
        // One version number per declaration: two concurrent changes cannot both be version n.
        manager
            .create_index(
                Index::create()
                    .name(VERSIONS_INDEX)
                    .table(PersonalWishes::Table)
                    .col(PersonalWishes::PatientId)
                    .col(PersonalWishes::Kind)
                    .col(PersonalWishes::Version)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(PersonalWishes::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum PersonalWishes {
    Table,
    Id,
    PatientId,
    Kind,
    Version,
    Choice,
    Limits,
    TrustedName,
    TrustedRelation,
    TrustedPhone,
    SignedOn,
    RecordedAt,
}
