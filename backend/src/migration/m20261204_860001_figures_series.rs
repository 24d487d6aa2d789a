//! The key figures over time (`services::figures::series`) count rows by day within a range
//! and before it: each count an index range instead of a scan. Records by creation and (with
//! their state) by closing, documents by status and filing time.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const CREATED: &str = "ix_patients_created_at";
const CLOSED: &str = "ix_patients_state_closed_at";
const FILED: &str = "ix_documents_status_created_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let indexes = [
            Index::create()
                .name(CREATED)
                .table(Patients::Table)
                .col(Patients::CreatedAt)
                .to_owned(),
            Index::create()
                .name(CLOSED)
                .table(Patients::Table)
                .col(Patients::RecordState)
                .col(Patients::ClosedAt)
                .to_owned(),
            Index::create()
                .name(FILED)
                .table(Documents::Table)
                .col(Documents::Status)
                .col(Documents::CreatedAt)
                .to_owned(),
        ];
        for index in indexes {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let indexes = [
            Index::drop().name(CREATED).table(Patients::Table).to_owned(),
            Index::drop().name(CLOSED).table(Patients::Table).to_owned(),
            Index::drop().name(FILED).table(Documents::Table).to_owned(),
        ];
        for index in indexes {
            manager.drop_index(index).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Patients {
    Table,
    CreatedAt,
    RecordState,
    ClosedAt,
}

#[derive(DeriveIden)]
enum Documents {
    Table,
    Status,
    CreatedAt,
}
