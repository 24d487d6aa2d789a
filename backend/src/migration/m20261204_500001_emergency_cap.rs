//! The cap on emergency accesses: a professional's openings within the window are counted by
//! (professional, time), and a refusal at the cap leaves an alert that the agency reviews.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{integer, pk_uuid, timestamp_with_time_zone, uuid};

#[derive(DeriveMigrationName)]
pub struct Migration;

const GRANTS_INDEX: &str = "ix_emergency_grants_professional_opened";
const ALERTS_INDEX: &str = "ix_emergency_alerts_refused_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(GRANTS_INDEX)
                    .table(EmergencyGrants::Table)
                    .col(EmergencyGrants::ProfessionalId)
                    .col(EmergencyGrants::OpenedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EmergencyAlerts::Table)
                    .col(pk_uuid(EmergencyAlerts::Id))
                    .col(uuid(EmergencyAlerts::ProfessionalId))
                    .col(timestamp_with_time_zone(EmergencyAlerts::RefusedAt))
                    .col(integer(EmergencyAlerts::OpeningsInWindow))
                    .col(integer(EmergencyAlerts::MaxOpenings))
                    .col(integer(EmergencyAlerts::WindowHours))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(ALERTS_INDEX)
                    .table(EmergencyAlerts::Table)
                    .col(EmergencyAlerts::RefusedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(EmergencyAlerts::Table).to_owned()).await?;
        manager
            .drop_index(Index::drop().name(GRANTS_INDEX).table(EmergencyGrants::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum EmergencyGrants {
    Table,
    ProfessionalId,
    OpenedAt,
}

#[derive(DeriveIden)]
enum EmergencyAlerts {
    Table,
    Id,
    ProfessionalId,
    RefusedAt,
    OpeningsInWindow,
    MaxOpenings,
    WindowHours,
}
