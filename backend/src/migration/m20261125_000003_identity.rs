//! Sign-in and identity: agents, postal addresses, activation and enrolment codes, WebAuthn
//! credentials and ceremonies, sessions, rate-limit counters and the audit log.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, big_pk_auto, blob, integer, pk_uuid, string_len, string_len_null, text,
    timestamp_with_time_zone, timestamp_with_time_zone_null, uuid, uuid_null, uuid_uniq,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for column in [
            string_len_null(Patients::Street, 200),
            string_len_null(Patients::PostalCode, 16),
            string_len_null(Patients::City, 100),
            string_len_null(Patients::Country, 2),
        ] {
            manager
                .alter_table(Table::alter().table(Patients::Table).add_column(column).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Agents::Table)
                    .col(pk_uuid(Agents::Id))
                    .col(string_len(Agents::DisplayName, 200))
                    .col(string_len(Agents::State, 16))
                    .col(timestamp_with_time_zone(Agents::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ActivationCodes::Table)
                    .col(pk_uuid(ActivationCodes::PatientId))
                    .col(string_len(ActivationCodes::CodeHash, 64))
                    .col(timestamp_with_time_zone(ActivationCodes::IssuedAt))
                    .col(timestamp_with_time_zone(ActivationCodes::ExpiresAt))
                    .col(timestamp_with_time_zone_null(ActivationCodes::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_activation_codes_patient")
                            .from(ActivationCodes::Table, ActivationCodes::PatientId)
                            .to(Patients::Table, Patients::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // Wrong activation codes per national ID, whether or not a record has it, so that the
        // lock-out reveals nothing.
        manager
            .create_table(
                Table::create()
                    .table(ActivationFailures::Table)
                    .col(string_len(ActivationFailures::NationalId, 13).primary_key())
                    .col(integer(ActivationFailures::Failures))
                    .col(timestamp_with_time_zone(ActivationFailures::LastFailureAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EnrolmentCodes::Table)
                    .col(string_len(EnrolmentCodes::CodeHash, 64).primary_key())
                    .col(string_len(EnrolmentCodes::SubjectKind, 16))
                    .col(uuid(EnrolmentCodes::SubjectId))
                    .col(timestamp_with_time_zone(EnrolmentCodes::IssuedAt))
                    .col(timestamp_with_time_zone(EnrolmentCodes::ExpiresAt))
                    .col(timestamp_with_time_zone_null(EnrolmentCodes::UsedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_enrolment_codes_subject")
                    .table(EnrolmentCodes::Table)
                    .col(EnrolmentCodes::SubjectId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Credentials::Table)
                    // base64url of the credential id
                    .col(string_len(Credentials::Id, 1400).primary_key())
                    .col(string_len(Credentials::SubjectKind, 16))
                    .col(uuid(Credentials::SubjectId))
                    .col(blob(Credentials::StaticState))
                    .col(blob(Credentials::DynamicState))
                    .col(big_integer(Credentials::SignCount))
                    .col(integer(Credentials::Transports))
                    .col(integer(Credentials::Synced))
                    .col(string_len(Credentials::Name, 60))
                    .col(timestamp_with_time_zone(Credentials::CreatedAt))
                    .col(timestamp_with_time_zone_null(Credentials::LastUsedAt))
                    .col(timestamp_with_time_zone_null(Credentials::SuspendedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_credentials_subject")
                    .table(Credentials::Table)
                    .col(Credentials::SubjectId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Ceremonies::Table)
                    // hex of the 16-byte challenge
                    .col(string_len(Ceremonies::Challenge, 32).primary_key())
                    .col(string_len(Ceremonies::Purpose, 16))
                    .col(string_len_null(Ceremonies::SubjectKind, 16))
                    .col(uuid_null(Ceremonies::SubjectId))
                    .col(string_len_null(Ceremonies::Binding, 64))
                    .col(blob(Ceremonies::State))
                    .col(timestamp_with_time_zone(Ceremonies::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(string_len(Sessions::TokenHash, 64).primary_key())
                    .col(uuid_uniq(Sessions::Id))
                    .col(string_len(Sessions::SubjectKind, 16))
                    .col(uuid(Sessions::SubjectId))
                    .col(string_len_null(Sessions::CredentialId, 1400))
                    .col(timestamp_with_time_zone(Sessions::CreatedAt))
                    .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                    .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                    .col(timestamp_with_time_zone_null(Sessions::ReverifiedAt))
                    .col(timestamp_with_time_zone_null(Sessions::RevokedAt))
                    .col(string_len_null(Sessions::UserAgent, 300))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sessions_subject")
                    .table(Sessions::Table)
                    .col(Sessions::SubjectId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RateLimits::Table)
                    .col(string_len(RateLimits::Key, 200).primary_key())
                    // Epoch seconds: compared in SQL, so an integer on every engine.
                    .col(big_integer(RateLimits::WindowStart))
                    .col(integer(RateLimits::Hits))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditEvents::Table)
                    .col(big_pk_auto(AuditEvents::Id))
                    .col(timestamp_with_time_zone(AuditEvents::OccurredAt))
                    .col(string_len_null(AuditEvents::ActorKind, 16))
                    .col(uuid_null(AuditEvents::ActorId))
                    .col(string_len(AuditEvents::Action, 64))
                    .col(string_len(AuditEvents::Outcome, 16))
                    .col(uuid_null(AuditEvents::PatientId))
                    .col(string_len_null(AuditEvents::TargetKind, 16))
                    .col(string_len_null(AuditEvents::TargetId, 1400))
                    .col(text(AuditEvents::Detail))
                    .col(string_len_null(AuditEvents::RequestId, 100))
                    .col(string_len_null(AuditEvents::ClientIp, 64))
                    // Hash chain: one chain per record (or per actor, or `system`), linear by seq.
                    .col(string_len(AuditEvents::ChainKey, 64))
                    .col(big_integer(AuditEvents::Seq))
                    .col(string_len_null(AuditEvents::PrevHash, 64))
                    .col(string_len(AuditEvents::Hash, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_audit_events_chain")
                    .table(AuditEvents::Table)
                    .col(AuditEvents::ChainKey)
                    .col(AuditEvents::Seq)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditChainHeads::Table)
                    .col(string_len(AuditChainHeads::ChainKey, 64).primary_key())
                    .col(big_integer(AuditChainHeads::Seq))
                    .col(string_len(AuditChainHeads::Hash, 64))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("ix_audit_events_patient", AuditEvents::PatientId),
            ("ix_audit_events_actor", AuditEvents::ActorId),
        ] {
            manager
                .create_index(
                    Index::create().name(name).table(AuditEvents::Table).col(column).to_owned(),
                )
                .await?;
        }
        // Append-only, also in the database where the engine allows it.
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(
                    "CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
                     BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$ LANGUAGE plpgsql;
                     CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
                     ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();",
                )
                .await?;
        } else {
            manager
                .get_connection()
                .execute_unprepared(
                    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
                     BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
                     CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
                     BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;",
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditChainHeads::Table.into_iden(),
            AuditEvents::Table.into_iden(),
            RateLimits::Table.into_iden(),
            Sessions::Table.into_iden(),
            Ceremonies::Table.into_iden(),
            Credentials::Table.into_iden(),
            EnrolmentCodes::Table.into_iden(),
            ActivationFailures::Table.into_iden(),
            ActivationCodes::Table.into_iden(),
            Agents::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared("DROP FUNCTION IF EXISTS audit_events_append_only()")
                .await?;
        }
        for column in [Patients::Street, Patients::PostalCode, Patients::City, Patients::Country] {
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
    Id,
    Street,
    PostalCode,
    City,
    Country,
}

#[derive(DeriveIden)]
enum Agents {
    Table,
    Id,
    DisplayName,
    State,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ActivationCodes {
    Table,
    PatientId,
    CodeHash,
    IssuedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum ActivationFailures {
    Table,
    NationalId,
    Failures,
    LastFailureAt,
}

#[derive(DeriveIden)]
enum EnrolmentCodes {
    Table,
    CodeHash,
    SubjectKind,
    SubjectId,
    IssuedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Credentials {
    Table,
    Id,
    SubjectKind,
    SubjectId,
    StaticState,
    DynamicState,
    SignCount,
    Transports,
    Synced,
    Name,
    CreatedAt,
    LastUsedAt,
    SuspendedAt,
}

#[derive(DeriveIden)]
enum Ceremonies {
    Table,
    Challenge,
    Purpose,
    SubjectKind,
    SubjectId,
    Binding,
    State,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    TokenHash,
    Id,
    SubjectKind,
    SubjectId,
    CredentialId,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    ReverifiedAt,
    RevokedAt,
    UserAgent,
}

#[derive(DeriveIden)]
enum RateLimits {
    Table,
    Key,
    WindowStart,
    Hits,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    OccurredAt,
    ActorKind,
    ActorId,
    Action,
    Outcome,
    PatientId,
    TargetKind,
    TargetId,
    Detail,
    RequestId,
    ClientIp,
    ChainKey,
    Seq,
    PrevHash,
    Hash,
}

#[derive(DeriveIden)]
enum AuditChainHeads {
    Table,
    ChainKey,
    Seq,
    Hash,
}
