//! The 19 categories and the 11 × 19 default access matrix, loaded from `seed/access-matrix.csv`.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{integer, string_len};

use crate::seed::parse_access_matrix;

/// The matrix this migration loads. Once shipped, a change to the file needs a new migration that
/// applies the difference to existing databases; the API test that compares the migrated matrix
/// with the regulation's table catches an edit made here alone.
const MATRIX_AT_THIS_MIGRATION: &str = crate::seed::ACCESS_MATRIX_CSV;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let cells = parse_access_matrix(MATRIX_AT_THIS_MIGRATION)
            .map_err(|e| DbErr::Migration(e.to_string()))?;
        manager
            .create_table(
                Table::create()
                    .table(Categories::Table)
                    .col(string_len(Categories::Code, 32).primary_key())
                    .col(integer(Categories::Position))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AccessRights::Table)
                    .col(string_len(AccessRights::Profession, 3))
                    .col(string_len(AccessRights::Category, 32))
                    // none | read | write
                    .col(string_len(AccessRights::Access, 5))
                    .primary_key(
                        Index::create().col(AccessRights::Profession).col(AccessRights::Category),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_access_rights_category")
                            .from(AccessRights::Table, AccessRights::Category)
                            .to(Categories::Table, Categories::Code),
                    )
                    .to_owned(),
            )
            .await?;
        let mut categories = Query::insert()
            .into_table(Categories::Table)
            .columns([Categories::Code, Categories::Position])
            .to_owned();
        let mut seen = Vec::new();
        for cell in &cells {
            if !seen.contains(&cell.category) {
                seen.push(cell.category);
                let position = <i32 as TryFrom<usize>>::try_from(seen.len()).unwrap_or(i32::MAX);
                categories.values_panic([cell.category.code().into(), position.into()]);
            }
        }
        manager.exec_stmt(categories).await?;
        let mut rights = Query::insert()
            .into_table(AccessRights::Table)
            .columns([AccessRights::Profession, AccessRights::Category, AccessRights::Access])
            .to_owned();
        for cell in &cells {
            let access = match cell.right {
                shared::category::Right::None => "none",
                shared::category::Right::Read => "read",
                shared::category::Right::Write => "write",
            };
            rights.values_panic([
                cell.profession.code().into(),
                cell.category.code().into(),
                access.into(),
            ]);
        }
        manager.exec_stmt(rights).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AccessRights::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Categories::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Categories {
    Table,
    Code,
    Position,
}

#[derive(DeriveIden)]
enum AccessRights {
    Table,
    Profession,
    Category,
    Access,
}
