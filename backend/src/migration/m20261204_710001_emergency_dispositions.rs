//! The agency's disposition of an emergency access: justified, questioned or escalated, with a
//! note, by which agent and when. Nullable columns of the grant: an access not yet reviewed has
//! none. One column per statement, as SQLite alters a table.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let columns = [
            ColumnDef::new(EmergencyGrants::Disposition).string_len(16).null().to_owned(),
            ColumnDef::new(EmergencyGrants::DispositionNote).text().null().to_owned(),
            ColumnDef::new(EmergencyGrants::DisposedBy).uuid().null().to_owned(),
            ColumnDef::new(EmergencyGrants::DisposedAt)
                .timestamp_with_time_zone()
                .null()
                .to_owned(),
        ];
        for mut column in columns {
            manager
                .alter_table(
                    Table::alter().table(EmergencyGrants::Table).add_column(&mut column).to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [
            EmergencyGrants::DisposedAt,
            EmergencyGrants::DisposedBy,
            EmergencyGrants::DispositionNote,
            EmergencyGrants::Disposition,
        ] {
            manager
                .alter_table(
                    Table::alter().table(EmergencyGrants::Table).drop_column(column).to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum EmergencyGrants {
    Table,
    Disposition,
    DispositionNote,
    DisposedBy,
    DisposedAt,
}
