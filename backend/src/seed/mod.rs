//! Seed data shipped with the code: the categories and the default access matrix.
//!
//! The matrix is data (`seed/access-matrix.csv`), parsed here and loaded by a migration; no code
//! path hard-codes a right.

use shared::category::Right;
use shared::{Category, Profession};

/// The matrix file as shipped.
pub const ACCESS_MATRIX_CSV: &str = include_str!("../../seed/access-matrix.csv");

/// One cell of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixCell {
    /// The row.
    pub category: Category,
    /// The column.
    pub profession: Profession,
    /// The right in that cell.
    pub right: Right,
}

/// A problem in the matrix file, with its line number.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("access matrix, line {line}: {problem}")]
pub struct MatrixError {
    /// The 1-based line.
    pub line: usize,
    /// What is wrong.
    pub problem: String,
}

/// Parses the matrix file: a header of profession codes, then one row per category, every cell
/// `W`, `R` or `-`. Every category and every profession must appear exactly once.
///
/// # Errors
/// The first malformed line, unknown code, duplicate or missing row or column.
pub fn parse_access_matrix(csv: &str) -> Result<Vec<MatrixCell>, MatrixError> {
    let mut lines = csv
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'));
    let err = |line, problem: String| MatrixError { line, problem };
    let (header_line, header) = lines.next().ok_or_else(|| err(0, "the file is empty".into()))?;
    let mut columns = Vec::new();
    for code in header.split(',').skip(1) {
        let p = Profession::from_code(code)
            .ok_or_else(|| err(header_line, format!("unknown profession {code}")))?;
        if columns.contains(&p) {
            return Err(err(header_line, format!("profession {code} twice")));
        }
        columns.push(p);
    }
    if columns.len() != Profession::ALL.len() {
        return Err(err(header_line, format!("{} professions, not 11", columns.len())));
    }
    let mut cells = Vec::new();
    let mut rows = Vec::new();
    for (line, row) in lines {
        let mut fields = row.split(',');
        let code = fields.next().unwrap_or_default();
        let category = Category::from_code(code)
            .ok_or_else(|| err(line, format!("unknown category {code}")))?;
        if rows.contains(&category) {
            return Err(err(line, format!("category {code} twice")));
        }
        rows.push(category);
        let symbols: Vec<&str> = fields.collect();
        if symbols.len() != columns.len() {
            return Err(err(line, format!("{} cells, not {}", symbols.len(), columns.len())));
        }
        for (profession, symbol) in columns.iter().zip(symbols) {
            let right = Right::from_symbol(symbol)
                .ok_or_else(|| err(line, format!("cell {symbol:?} is not W, R or -")))?;
            cells.push(MatrixCell { category, profession: *profession, right });
        }
    }
    if rows.len() != Category::ALL.len() {
        return Err(err(0, format!("{} categories, not 19", rows.len())));
    }
    Ok(cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_matrix_is_complete() {
        let cells = parse_access_matrix(ACCESS_MATRIX_CSV).unwrap();
        assert_eq!(cells.len(), 11 * 19);
    }

    #[test]
    fn mistakes_name_their_line() {
        let bad = ACCESS_MATRIX_CSV.replace("summaries,W,W,-,R", "summaries,W,X,-,R");
        let e = parse_access_matrix(&bad).unwrap_err();
        assert!(e.problem.contains("\"X\""), "{e}");
        assert_eq!(e.line, 6);
        let missing = ACCESS_MATRIX_CSV.replace("education,W,W,R,W,W,W,-,-,W,-,-\n", "");
        assert!(parse_access_matrix(&missing).unwrap_err().problem.contains("18 categories"));
        let dup = ACCESS_MATRIX_CSV.replace("education,", "summaries,");
        assert!(parse_access_matrix(&dup).unwrap_err().problem.contains("twice"));
    }
}
