//! The access matrix as the decision reads it: the right of each profession on each category.
//!
//! Built from the cells stored in the database (seeded from `seed/access-matrix.csv`); it holds
//! no right of its own.

use std::collections::HashMap;

use shared::category::Right;
use shared::{Category, Profession};

use crate::seed::MatrixCell;

/// The rights of the eleven professions (the `REF` column included) on the nineteen categories.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matrix {
    cells: HashMap<(Profession, Category), Right>,
}

impl Matrix {
    /// The matrix of these cells. A cell given twice keeps the last; a missing cell is
    /// [`Right::None`], so that a gap in the data denies rather than allows.
    #[must_use]
    pub fn from_cells(cells: &[MatrixCell]) -> Self {
        Self { cells: cells.iter().map(|c| ((c.profession, c.category), c.right)).collect() }
    }

    /// The right of `profession` on `category`.
    #[must_use]
    pub fn right(&self, profession: Profession, category: Category) -> Right {
        self.cells.get(&(profession, category)).copied().unwrap_or(Right::None)
    }
}
