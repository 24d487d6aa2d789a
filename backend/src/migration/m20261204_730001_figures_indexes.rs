//! The key figures (`services::figures`) count rows by state and by recent time: each count is
//! an index range (PostgreSQL answers most from the index alone) instead of a scan of the table.
//! Records by state and first letter (open, closed, letters waiting), documents by status,
//! sessions by opening time (connections of the last 24 hours), emergency accesses by opening
//! time.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const PATIENTS: &str = "ix_patients_state_letter";
const DOCUMENTS: &str = "ix_documents_status";
const SESSIONS: &str = "ix_sessions_created_at";
const GRANTS: &str = "ix_emergency_grants_opened_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let indexes = [
            Index::create()
                .name(PATIENTS)
                .table(Patients::Table)
                .col(Patients::RecordState)
                .col(Patients::LetterIssuedAt)
                .to_owned(),
            Index::create()
                .name(DOCUMENTS)
                .table(Documents::Table)
                .col(Documents::Status)
                .to_owned(),
            Index::create()
                .name(SESSIONS)
                .table(Sessions::Table)
                .col(Sessions::CreatedAt)
                .to_owned(),
            Index::create()
                .name(GRANTS)
                .table(EmergencyGrants::Table)
                .col(EmergencyGrants::OpenedAt)
                .to_owned(),
        ];
        for index in indexes {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let indexes = [
            Index::drop().name(PATIENTS).table(Patients::Table).to_owned(),
            Index::drop().name(DOCUMENTS).table(Documents::Table).to_owned(),
            Index::drop().name(SESSIONS).table(Sessions::Table).to_owned(),
            Index::drop().name(GRANTS).table(EmergencyGrants::Table).to_owned(),
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
    RecordState,
    LetterIssuedAt,
}

#[derive(DeriveIden)]
enum Documents {
    Table,
    Status,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    CreatedAt,
}

#[derive(DeriveIden)]
enum EmergencyGrants {
    Table,
    OpenedAt,
}
