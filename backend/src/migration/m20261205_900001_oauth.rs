//! Practice software reaching the record (FHIR with OAuth 2.0): the clients the agency
//! registers, the one-time authorization and device codes, the grants a professional approved
//! (bound to the security key they approved with), and the tokens issued under a grant. Codes
//! and tokens are stored hashed (SHA-256), never in clear.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    integer, pk_uuid, string_len, string_len_null, text, timestamp_with_time_zone,
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
                    .table(OauthClients::Table)
                    .col(string_len(OauthClients::ClientId, 64).primary_key())
                    .col(uuid(OauthClients::OrganisationId))
                    .col(string_len(OauthClients::Name, 200))
                    // One redirect URI per line, compared exactly.
                    .col(text(OauthClients::RedirectUris))
                    // Space-separated SMART scopes the client may ask for.
                    .col(text(OauthClients::AllowedScopes))
                    // For gateways that introspect tokens (RFC 7662); none for public clients.
                    .col(string_len_null(OauthClients::SecretHash, 64))
                    .col(timestamp_with_time_zone(OauthClients::CreatedAt))
                    .col(timestamp_with_time_zone_null(OauthClients::DisabledAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OauthCodes::Table)
                    .col(string_len(OauthCodes::CodeHash, 64).primary_key())
                    .col(string_len(OauthCodes::ClientId, 64))
                    .col(uuid(OauthCodes::ProfessionalId))
                    .col(text(OauthCodes::CredentialId))
                    .col(text(OauthCodes::Scopes))
                    .col(text(OauthCodes::RedirectUri))
                    .col(string_len(OauthCodes::CodeChallenge, 128))
                    .col(timestamp_with_time_zone(OauthCodes::CreatedAt))
                    .col(timestamp_with_time_zone(OauthCodes::ExpiresAt))
                    .col(timestamp_with_time_zone_null(OauthCodes::UsedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OauthDeviceCodes::Table)
                    .col(string_len(OauthDeviceCodes::DeviceCodeHash, 64).primary_key())
                    .col(string_len(OauthDeviceCodes::UserCodeHash, 64).unique_key())
                    .col(string_len(OauthDeviceCodes::ClientId, 64))
                    .col(text(OauthDeviceCodes::Scopes))
                    .col(integer(OauthDeviceCodes::IntervalSecs))
                    .col(timestamp_with_time_zone(OauthDeviceCodes::CreatedAt))
                    .col(timestamp_with_time_zone(OauthDeviceCodes::ExpiresAt))
                    .col(timestamp_with_time_zone_null(OauthDeviceCodes::LastPolledAt))
                    .col(uuid_null(OauthDeviceCodes::ProfessionalId))
                    .col(string_len_null(OauthDeviceCodes::CredentialId, 512))
                    .col(timestamp_with_time_zone_null(OauthDeviceCodes::ApprovedAt))
                    .col(timestamp_with_time_zone_null(OauthDeviceCodes::DeniedAt))
                    .col(timestamp_with_time_zone_null(OauthDeviceCodes::UsedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OauthGrants::Table)
                    .col(pk_uuid(OauthGrants::Id))
                    .col(string_len(OauthGrants::ClientId, 64))
                    .col(uuid(OauthGrants::ProfessionalId))
                    .col(text(OauthGrants::CredentialId))
                    .col(text(OauthGrants::Scopes))
                    .col(timestamp_with_time_zone(OauthGrants::CreatedAt))
                    .col(timestamp_with_time_zone_null(OauthGrants::LastUsedAt))
                    .col(timestamp_with_time_zone_null(OauthGrants::RevokedAt))
                    // professional | agent | key_revoked | licence_suspended | refresh_reuse …
                    .col(string_len_null(OauthGrants::RevokedReason, 32))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_oauth_grants_professional")
                    .table(OauthGrants::Table)
                    .col(OauthGrants::ProfessionalId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_oauth_grants_client")
                    .table(OauthGrants::Table)
                    .col(OauthGrants::ClientId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OauthTokens::Table)
                    .col(string_len(OauthTokens::TokenHash, 64).primary_key())
                    .col(uuid(OauthTokens::GrantId))
                    // access | refresh
                    .col(string_len(OauthTokens::Kind, 16))
                    .col(timestamp_with_time_zone(OauthTokens::CreatedAt))
                    .col(timestamp_with_time_zone(OauthTokens::ExpiresAt))
                    // A refresh token once exchanged (rotation); reuse revokes the grant.
                    .col(timestamp_with_time_zone_null(OauthTokens::UsedAt))
                    .col(timestamp_with_time_zone_null(OauthTokens::RevokedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_oauth_tokens_grant")
                    .table(OauthTokens::Table)
                    .col(OauthTokens::GrantId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            OauthTokens::Table.into_iden(),
            OauthGrants::Table.into_iden(),
            OauthDeviceCodes::Table.into_iden(),
            OauthCodes::Table.into_iden(),
            OauthClients::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum OauthClients {
    Table,
    ClientId,
    OrganisationId,
    Name,
    RedirectUris,
    AllowedScopes,
    SecretHash,
    CreatedAt,
    DisabledAt,
}

#[derive(DeriveIden)]
enum OauthCodes {
    Table,
    CodeHash,
    ClientId,
    ProfessionalId,
    CredentialId,
    Scopes,
    RedirectUri,
    CodeChallenge,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum OauthDeviceCodes {
    Table,
    DeviceCodeHash,
    UserCodeHash,
    ClientId,
    Scopes,
    IntervalSecs,
    CreatedAt,
    ExpiresAt,
    LastPolledAt,
    ProfessionalId,
    CredentialId,
    ApprovedAt,
    DeniedAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum OauthGrants {
    Table,
    Id,
    ClientId,
    ProfessionalId,
    CredentialId,
    Scopes,
    CreatedAt,
    LastUsedAt,
    RevokedAt,
    RevokedReason,
}

#[derive(DeriveIden)]
enum OauthTokens {
    Table,
    TokenHash,
    GrantId,
    Kind,
    CreatedAt,
    ExpiresAt,
    UsedAt,
    RevokedAt,
}
