//! A patient's contact data: a phone number (E.164) and an e-mail address, both optional. One
//! column per statement, as SQLite alters a table.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let columns = [
            ColumnDef::new(Patients::Phone).string_len(16).null().to_owned(),
            ColumnDef::new(Patients::Email).string_len(254).null().to_owned(),
        ];
        for mut column in columns {
            manager
                .alter_table(
                    Table::alter().table(Patients::Table).add_column(&mut column).to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Patients::Email, Patients::Phone] {
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
    Phone,
    Email,
}
