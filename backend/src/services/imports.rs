//! Bulk opening (opt-out) from the insured-persons file.
//!
//! - **Upload**: the CSV is read as it arrives (never whole in memory), every row checked, and
//!   the batch, its valid rows and its refused values stored in the database in short writes.
//! - **The rule**: a file with any invalid row imports nothing (state `invalid`, with the
//!   report); the agency corrects the file and uploads it again. A valid file waits (`ready`)
//!   until an agent starts it.
//! - **Processing**: the rows are split into chunks (`DSP_IMPORT_CHUNK_ROWS`, 500: one transaction and one
//!   printable PDF each). An instance claims a
//!   chunk with a conditional `UPDATE` (free, or its claim's lease ran out), then creates the
//!   chunk's records, issues their activation letters as [`super::agency::issue_letter`] does,
//!   renders the chunk's letters as one PDF for the printer, and commits all of it with the
//!   audit entries in one transaction. Progress lives in the database: a stopped (paused) import
//!   resumes where it stopped, and a chunk whose instance died is taken over when its lease
//!   ends. Nothing of an import lives in process memory.
//! - **Idempotent**: a national ID that already has a record is counted as already there and
//!   gets no letter; the same file twice creates nothing new.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::http::StatusCode;
use chrono::TimeDelta;
use futures_util::{Stream, StreamExt as _};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseConnection, DbBackend,
    QueryResult, Statement, Value,
};
use sha2::{Digest, Sha256};
use shared::api::agency::RecordState;
use shared::api::auth::Role;
use shared::api::imports::{
    COLUMNS, ERRORS_SHOWN, ImportBatch, ImportBatchDetail, ImportRowError, ImportRowErrorCode,
    ImportState, LetterPack,
};
use shared::{ApiErrorCode, Language, NationalId, NationalIdError};
use uuid::Uuid;

use super::agency::{OBJECTION_WINDOW, letter_address_lines};
use super::{audited, refuse};
use crate::app::AppState;
use crate::audit::{self, Event, Outcome, RequestMeta};
use crate::entity::patient;
use crate::error::AppError;
use crate::letter::{self, LetterFacts};

/// The largest file accepted (about 600 000 rows).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// How long a claim on a chunk holds; after it another instance takes the chunk over.
pub const CLAIM_LEASE: TimeDelta = TimeDelta::minutes(10);
/// Refused values stored per batch at most (the count is always exact).
const ERRORS_KEPT: usize = 10_000;
/// A field longer than this (bytes) is cut while reading (and refused as too long).
const FIELD_CAP: usize = 1024;
/// Rows per insert statement while uploading.
const ROWS_PER_INSERT: usize = 200;
/// The stored state of a batch whose file is still arriving (never listed).
const UPLOADING: &str = "uploading";

fn sql(backend: DbBackend, text: &str) -> String {
    crate::db::placeholders(backend, text)
}

fn stmt(backend: DbBackend, text: &str, values: Vec<Value>) -> Statement {
    Statement::from_sql_and_values(backend, sql(backend, text), values)
}

// ---------------------------------------------------------------------------------------------
// Reading the CSV as it arrives.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex {
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

/// An incremental CSV reader: bytes in, records out. UTF-8 with or without a byte-order mark;
/// `,` or `;` (whichever the header line uses); fields in double quotes may hold the separator,
/// line breaks and doubled quotes; CRLF or LF.
#[derive(Debug)]
struct CsvReader {
    started: bool,
    head: Vec<u8>,
    delimiter: Option<u8>,
    lex: Lex,
    field: Vec<u8>,
    field_cut: bool,
    record: Vec<(Vec<u8>, bool)>,
}

/// A record: its fields (bytes, and whether they were cut).
type RawRecord = Vec<(Vec<u8>, bool)>;

impl CsvReader {
    const fn new() -> Self {
        Self {
            started: false,
            head: Vec::new(),
            delimiter: None,
            lex: Lex::FieldStart,
            field: Vec::new(),
            field_cut: false,
            record: Vec::new(),
        }
    }

    fn feed(&mut self, bytes: &[u8], out: &mut Vec<RawRecord>) -> Result<(), ()> {
        if self.delimiter.is_none() {
            self.head.extend_from_slice(bytes);
            if !self.started && self.head.len() >= 3 {
                if self.head.starts_with(&[0xEF, 0xBB, 0xBF]) {
                    self.head.drain(..3);
                }
                self.started = true;
            }
            let Some(end) = self.head.iter().position(|&b| b == b'\n') else {
                return if self.head.len() > 4096 { Err(()) } else { Ok(()) };
            };
            let line = &self.head[..end];
            let semicolons = line.iter().filter(|&&b| b == b';').count();
            let commas = line.iter().filter(|&&b| b == b',').count();
            self.delimiter = Some(if semicolons > commas { b';' } else { b',' });
            let head = std::mem::take(&mut self.head);
            self.lex_bytes(&head, out);
            return Ok(());
        }
        self.lex_bytes(bytes, out);
        Ok(())
    }

    fn finish(&mut self, out: &mut Vec<RawRecord>) {
        if self.delimiter.is_none() {
            if !self.started && self.head.starts_with(&[0xEF, 0xBB, 0xBF]) {
                self.head.drain(..3);
            }
            let line = std::mem::take(&mut self.head);
            let semicolons = line.iter().filter(|&&b| b == b';').count();
            let commas = line.iter().filter(|&&b| b == b',').count();
            self.delimiter = Some(if semicolons > commas { b';' } else { b',' });
            self.lex_bytes(&line, out);
        }
        if self.lex != Lex::FieldStart || !self.record.is_empty() || !self.field.is_empty() {
            self.end_record(out);
        }
    }

    fn push(&mut self, b: u8) {
        if self.field.len() < FIELD_CAP {
            self.field.push(b);
        } else {
            self.field_cut = true;
        }
    }

    fn end_field(&mut self) {
        let field = std::mem::take(&mut self.field);
        self.record.push((field, self.field_cut));
        self.field_cut = false;
        self.lex = Lex::FieldStart;
    }

    fn end_record(&mut self, out: &mut Vec<RawRecord>) {
        self.end_field();
        let record = std::mem::take(&mut self.record);
        // A blank line is no record.
        if !(record.len() == 1 && record[0].0.iter().all(u8::is_ascii_whitespace)) {
            out.push(record);
        }
    }

    fn lex_bytes(&mut self, bytes: &[u8], out: &mut Vec<RawRecord>) {
        let delimiter = self.delimiter.unwrap_or(b',');
        for &b in bytes {
            match self.lex {
                Lex::FieldStart | Lex::Unquoted => {
                    if b == b'"' && self.lex == Lex::FieldStart {
                        self.lex = Lex::Quoted;
                    } else if b == delimiter {
                        self.end_field();
                    } else if b == b'\n' {
                        self.end_record(out);
                    } else if b != b'\r' {
                        self.push(b);
                        self.lex = Lex::Unquoted;
                    }
                }
                Lex::Quoted => {
                    if b == b'"' {
                        self.lex = Lex::QuoteInQuoted;
                    } else {
                        self.push(b);
                    }
                }
                Lex::QuoteInQuoted => {
                    if b == b'"' {
                        self.push(b'"');
                        self.lex = Lex::Quoted;
                    } else if b == delimiter {
                        self.end_field();
                    } else if b == b'\n' {
                        self.end_record(out);
                    } else if b != b'\r' {
                        self.push(b);
                        self.lex = Lex::Unquoted;
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Checking a row.

/// A row as it will create a record.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ValidRow {
    row: u32,
    national_id: String,
    given_name: String,
    family_name: String,
    street: String,
    postal_code: String,
    city: String,
    country: String,
    language: String,
}

const fn national_id_code(e: NationalIdError) -> ImportRowErrorCode {
    match e {
        NationalIdError::NotDigits => ImportRowErrorCode::NationalIdNotDigits,
        NationalIdError::WrongLength(_) => ImportRowErrorCode::NationalIdWrongLength,
        NationalIdError::InvalidBirthDate => ImportRowErrorCode::NationalIdInvalidBirthDate,
        NationalIdError::LuhnMismatch => ImportRowErrorCode::NationalIdLuhnMismatch,
        NationalIdError::VerhoeffMismatch => ImportRowErrorCode::NationalIdVerhoeffMismatch,
    }
}

/// Checks one record of the file (`row` counts the header as 1); `seen` holds the national IDs
/// of the earlier valid rows.
fn check_row(
    row: u32,
    fields: &[String],
    cut: &[bool],
    seen: &mut HashMap<String, u32>,
) -> Result<ValidRow, Vec<ImportRowError>> {
    let error = |column: &str, code| ImportRowError { row, column: column.to_owned(), code };
    if fields.len() != COLUMNS.len() {
        return Err(vec![error("row", ImportRowErrorCode::WrongFieldCount)]);
    }
    let mut errors = Vec::new();
    let text = |i: usize, max: usize, errors: &mut Vec<ImportRowError>| -> String {
        let value = fields[i].trim();
        if value.is_empty() {
            errors.push(error(COLUMNS[i], ImportRowErrorCode::Missing));
        } else if cut[i] || value.chars().count() > max {
            errors.push(error(COLUMNS[i], ImportRowErrorCode::TooLong));
        }
        value.to_owned()
    };
    let raw_id = fields[0].trim();
    let mut national_id = String::new();
    if raw_id.is_empty() {
        errors.push(error(COLUMNS[0], ImportRowErrorCode::Missing));
    } else {
        match NationalId::parse(raw_id) {
            Ok(id) => national_id = id.as_str().to_owned(),
            Err(e) => errors.push(error(COLUMNS[0], national_id_code(e))),
        }
    }
    let given_name = text(1, 200, &mut errors);
    let family_name = text(2, 200, &mut errors);
    let street = text(3, 200, &mut errors);
    let postal_code = text(4, 16, &mut errors);
    let city = text(5, 100, &mut errors);
    let country = fields[6].trim().to_ascii_uppercase();
    if country.is_empty() {
        errors.push(error(COLUMNS[6], ImportRowErrorCode::Missing));
    } else if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        errors.push(error(COLUMNS[6], ImportRowErrorCode::InvalidCountry));
    }
    let language = fields[7].trim();
    let language = if language.is_empty() {
        errors.push(error(COLUMNS[7], ImportRowErrorCode::Missing));
        String::new()
    } else {
        match Language::from_tag(language).filter(|_| language.len() <= 5) {
            Some(l) => l.tag().to_owned(),
            None => {
                errors.push(error(COLUMNS[7], ImportRowErrorCode::InvalidLanguage));
                String::new()
            }
        }
    };
    if !national_id.is_empty() {
        if seen.contains_key(&national_id) {
            errors.push(error(COLUMNS[0], ImportRowErrorCode::DuplicateInFile));
        } else if errors.is_empty() {
            seen.insert(national_id.clone(), row);
        }
    }
    if errors.is_empty() {
        Ok(ValidRow {
            row,
            national_id,
            given_name,
            family_name,
            street,
            postal_code,
            city,
            country,
            language,
        })
    } else {
        Err(errors)
    }
}

// ---------------------------------------------------------------------------------------------
// Upload.

/// Who acts: an agent, or an operator at the command line (no actor).
pub type Actor = Option<(Role, Uuid)>;

/// Reads, checks and stores an uploaded file as a new batch (`invalid` or `ready`); audited as
/// `import_uploaded`. A file that is not the insured-persons CSV stores nothing.
///
/// # Errors
/// `import_file_invalid` (not UTF-8, no header line, another header), `payload_too_large`,
/// the body's own error (a client too slow), database.
pub async fn upload<S, E>(
    state: &AppState,
    meta: &RequestMeta,
    actor: Actor,
    file_name: &str,
    body: S,
) -> Result<ImportBatch, AppError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: Into<axum::BoxError>,
{
    let id = Uuid::new_v4();
    let now = state.clock.now();
    let backend = state.db.get_database_backend();
    let file_name: String = file_name.chars().take(255).collect();
    let uploaded_by = actor.map_or(Uuid::nil(), |(_, id)| id);
    {
        let txn = crate::db::begin_write(&state.db).await?;
        txn.execute_raw(stmt(
            backend,
            "INSERT INTO import_batches (id, file_name, file_sha256, state, uploaded_by, uploaded_at, \
             total_rows, invalid_rows, error_count, created_count, existing_count, chunks, chunks_done) \
             VALUES ($1, $2, '', $3, $4, $5, 0, 0, 0, 0, 0, 0, 0)",
            vec![id.into(), file_name.clone().into(), UPLOADING.into(), uploaded_by.into(), now.into()],
        ))
        .await?;
        txn.commit().await?;
    }
    match read_file(state, id, body).await {
        Ok(read) => finish_upload(state, meta, actor, id, read).await,
        Err(e) => {
            discard(&state.db, id).await;
            Err(e)
        }
    }
}

/// What reading a file found.
#[derive(Debug)]
struct Read {
    sha256: String,
    rows: u32,
    valid: u32,
    invalid_rows: u32,
    errors: u32,
}

async fn discard(db: &DatabaseConnection, id: Uuid) {
    let backend = db.get_database_backend();
    let Ok(txn) = crate::db::begin_write(db).await else { return };
    for table in ["import_rows", "import_errors", "import_chunks"] {
        let text = format!("DELETE FROM {table} WHERE batch_id = $1");
        let _ = txn.execute_raw(stmt(backend, &text, vec![id.into()])).await;
    }
    let _ = txn
        .execute_raw(stmt(backend, "DELETE FROM import_batches WHERE id = $1", vec![id.into()]))
        .await;
    if let Err(e) = txn.commit().await {
        tracing::warn!(error = %e, "discarding a failed upload");
    }
}

async fn read_file<S, E>(state: &AppState, id: Uuid, mut body: S) -> Result<Read, AppError>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
    E: Into<axum::BoxError>,
{
    let invalid = || refuse(StatusCode::UNPROCESSABLE_ENTITY, ApiErrorCode::ImportFileInvalid);
    let chunk_rows = state.config.import_chunk_rows;
    let mut reader = CsvReader::new();
    let mut hasher = Sha256::new();
    let mut size = 0usize;
    let mut records = Vec::new();
    let mut header_seen = false;
    let mut row = 0u32;
    let mut seen = HashMap::new();
    let mut pending_rows: Vec<ValidRow> = Vec::new();
    let mut pending_errors: Vec<ImportRowError> = Vec::new();
    let mut read = Read { sha256: String::new(), rows: 0, valid: 0, invalid_rows: 0, errors: 0 };
    let mut errors_kept = 0usize;
    let mut ended = false;
    while !ended {
        match body.next().await {
            Some(Ok(bytes)) => {
                size += bytes.len();
                if size > MAX_FILE_BYTES {
                    return Err(AppError::PayloadTooLarge);
                }
                hasher.update(&bytes);
                reader.feed(&bytes, &mut records).map_err(|()| invalid())?;
            }
            Some(Err(e)) => {
                let e: axum::BoxError = e.into();
                if e.downcast_ref::<crate::bodies::BodyTooSlow>().is_some() {
                    return Err(refuse(StatusCode::REQUEST_TIMEOUT, ApiErrorCode::RequestTimeout));
                }
                return Err(AppError::InvalidRequest(format!("the upload broke off: {e}")));
            }
            None => {
                reader.finish(&mut records);
                ended = true;
            }
        }
        for record in records.drain(..) {
            row += 1;
            let mut fields = Vec::with_capacity(record.len());
            let mut cut = Vec::with_capacity(record.len());
            for (bytes, was_cut) in record {
                fields.push(String::from_utf8(bytes).map_err(|_| invalid())?);
                cut.push(was_cut);
            }
            if !header_seen {
                let names: Vec<String> =
                    fields.iter().map(|f| f.trim().to_ascii_lowercase()).collect();
                if names != COLUMNS {
                    return Err(invalid());
                }
                header_seen = true;
                continue;
            }
            read.rows += 1;
            match check_row(row, &fields, &cut, &mut seen) {
                Ok(valid) => {
                    read.valid += 1;
                    if read.invalid_rows == 0 {
                        pending_rows.push(valid);
                    }
                }
                Err(errors) => {
                    read.invalid_rows += 1;
                    read.errors += u32::try_from(errors.len()).unwrap_or(u32::MAX);
                    // From the first invalid row on, the valid rows are not kept: nothing of
                    // this file will be imported.
                    pending_rows.clear();
                    for e in errors {
                        if errors_kept < ERRORS_KEPT {
                            errors_kept += 1;
                            pending_errors.push(e);
                        }
                    }
                }
            }
            if pending_rows.len() >= ROWS_PER_INSERT * 4
                || pending_errors.len() >= ROWS_PER_INSERT * 4
            {
                store(state, id, read.valid, chunk_rows, &mut pending_rows, &mut pending_errors)
                    .await?;
            }
        }
    }
    if !header_seen {
        return Err(invalid());
    }
    store(state, id, read.valid, chunk_rows, &mut pending_rows, &mut pending_errors).await?;
    read.sha256 = data_encoding::HEXLOWER.encode(&hasher.finalize());
    Ok(read)
}

/// Stores the rows and errors read so far (a short write of its own).
async fn store(
    state: &AppState,
    id: Uuid,
    valid_so_far: u32,
    chunk_rows: usize,
    rows: &mut Vec<ValidRow>,
    errors: &mut Vec<ImportRowError>,
) -> Result<(), AppError> {
    if rows.is_empty() && errors.is_empty() {
        return Ok(());
    }
    let backend = state.db.get_database_backend();
    let txn = crate::db::begin_write(&state.db).await?;
    // Valid rows are numbered in file order: the n-th valid row is in chunk n / chunk_rows + 1.
    let first_index = valid_so_far as usize - rows.len();
    for (part_no, part) in rows.chunks(ROWS_PER_INSERT).enumerate() {
        let mut text = String::from(
            "INSERT INTO import_rows (batch_id, row_no, chunk_no, national_id, given_name, \
             family_name, street, postal_code, city, country, language) VALUES ",
        );
        let mut values: Vec<Value> = Vec::with_capacity(part.len() * 11);
        for (i, r) in part.iter().enumerate() {
            let index = first_index + part_no * ROWS_PER_INSERT + i;
            let chunk = i32::try_from(index / chunk_rows + 1).unwrap_or(i32::MAX);
            let n = values.len();
            if i > 0 {
                text.push(',');
            }
            text.push('(');
            text.push_str(&(1..=11).map(|k| format!("${}", n + k)).collect::<Vec<_>>().join(","));
            text.push(')');
            values.extend([
                id.into(),
                i32::try_from(r.row).unwrap_or(i32::MAX).into(),
                chunk.into(),
                r.national_id.clone().into(),
                r.given_name.clone().into(),
                r.family_name.clone().into(),
                r.street.clone().into(),
                r.postal_code.clone().into(),
                r.city.clone().into(),
                r.country.clone().into(),
                r.language.clone().into(),
            ]);
        }
        txn.execute_raw(stmt(backend, &text, values)).await?;
    }
    for part in errors.chunks(ROWS_PER_INSERT) {
        let mut text =
            String::from("INSERT INTO import_errors (batch_id, row_no, column_name, code) VALUES ");
        let mut values: Vec<Value> = Vec::with_capacity(part.len() * 4);
        for (i, e) in part.iter().enumerate() {
            let n = values.len();
            if i > 0 {
                text.push(',');
            }
            text.push_str(&format!("(${},${},${},${})", n + 1, n + 2, n + 3, n + 4));
            values.extend([
                id.into(),
                i32::try_from(e.row).unwrap_or(i32::MAX).into(),
                e.column.clone().into(),
                e.code.as_str().into(),
            ]);
        }
        // A row refused twice on one column keeps its first reason.
        text.push_str(" ON CONFLICT DO NOTHING");
        txn.execute_raw(stmt(backend, &text, values)).await?;
    }
    txn.commit().await?;
    rows.clear();
    errors.clear();
    Ok(())
}

async fn finish_upload(
    state: &AppState,
    meta: &RequestMeta,
    actor: Actor,
    id: Uuid,
    read: Read,
) -> Result<ImportBatch, AppError> {
    let backend = state.db.get_database_backend();
    let valid_file = read.invalid_rows == 0 && read.rows > 0;
    let chunk_rows = u32::try_from(state.config.import_chunk_rows).unwrap_or(500);
    let chunks = if valid_file { read.valid.div_ceil(chunk_rows) } else { 0 };
    let new_state = if valid_file { ImportState::Ready } else { ImportState::Invalid };
    let event = Event::new("import_uploaded", Outcome::Success, actor)
        .target("import_batch", id.to_string())
        .with("file_sha256", read.sha256.clone())
        .with("rows", read.rows)
        .with("invalid_rows", read.invalid_rows)
        .with("state", new_state.as_str());
    audited(state, meta, event, async |txn, _| {
        if !valid_file {
            // Nothing of an invalid file is imported: its rows are not kept, its report is.
            txn.execute_raw(stmt(
                backend,
                "DELETE FROM import_rows WHERE batch_id = $1",
                vec![id.into()],
            ))
            .await?;
        }
        txn.execute_raw(stmt(
            backend,
            "UPDATE import_batches SET file_sha256 = $2, state = $3, total_rows = $4, \
             invalid_rows = $5, error_count = $6, chunks = $7 WHERE id = $1",
            vec![
                id.into(),
                read.sha256.clone().into(),
                new_state.as_str().into(),
                i64::from(read.rows).into(),
                i64::from(read.invalid_rows).into(),
                i64::from(read.errors).into(),
                i64::from(chunks).into(),
            ],
        ))
        .await?;
        for first in (1..=chunks).step_by(ROWS_PER_INSERT) {
            let last = (first + ROWS_PER_INSERT as u32 - 1).min(chunks);
            let mut text =
                String::from("INSERT INTO import_chunks (batch_id, chunk_no, letters) VALUES ");
            let mut values: Vec<Value> = Vec::new();
            for (i, chunk) in (first..=last).enumerate() {
                if i > 0 {
                    text.push(',');
                }
                text.push_str(&format!("(${}, ${}, 0)", values.len() + 1, values.len() + 2));
                values.extend([id.into(), i64::from(chunk).into()]);
            }
            txn.execute_raw(stmt(backend, &text, values)).await?;
        }
        Ok(())
    })
    .await
    .inspect_err(|_| {
        let db = state.db.clone();
        tokio::spawn(async move { discard(&db, id).await });
    })?;
    batch(&state.db, id).await?.ok_or(AppError::NotFound)
}

// ---------------------------------------------------------------------------------------------
// Reading batches.

const BATCH_COLUMNS: &str = "id, file_name, file_sha256, state, uploaded_at, total_rows, \
    invalid_rows, error_count, created_count, existing_count, chunks, chunks_done, finished_at";

fn count(row: &QueryResult, column: &str) -> Result<u32, AppError> {
    let value: i64 = row
        .try_get::<i64>("", column)
        .or_else(|_| row.try_get::<i32>("", column).map(i64::from))?;
    Ok(u32::try_from(value).unwrap_or(0))
}

fn batch_of(row: &QueryResult) -> Result<ImportBatch, AppError> {
    let created = count(row, "created_count")?;
    let existing = count(row, "existing_count")?;
    let state: String = row.try_get("", "state")?;
    Ok(ImportBatch {
        id: row.try_get("", "id")?,
        file_name: row.try_get("", "file_name")?,
        file_sha256: row.try_get("", "file_sha256")?,
        state: ImportState::parse(&state).unwrap_or(ImportState::Invalid),
        uploaded_at: row.try_get("", "uploaded_at")?,
        rows: count(row, "total_rows")?,
        invalid_rows: count(row, "invalid_rows")?,
        errors: count(row, "error_count")?,
        processed: created + existing,
        created,
        already_there: existing,
        chunks: count(row, "chunks")?,
        chunks_done: count(row, "chunks_done")?,
        finished_at: row.try_get("", "finished_at")?,
    })
}

async fn batch(conn: &impl ConnectionTrait, id: Uuid) -> Result<Option<ImportBatch>, AppError> {
    let backend = conn.get_database_backend();
    let text = format!("SELECT {BATCH_COLUMNS} FROM import_batches WHERE id = $1 AND state <> $2");
    let row = conn.query_one_raw(stmt(backend, &text, vec![id.into(), UPLOADING.into()])).await?;
    row.as_ref().map(batch_of).transpose()
}

/// The batches, newest first (the last 100).
///
/// # Errors
/// Database.
pub async fn list(state: &AppState) -> Result<Vec<ImportBatch>, AppError> {
    let backend = state.db.get_database_backend();
    let text = format!(
        "SELECT {BATCH_COLUMNS} FROM import_batches WHERE state <> $1 ORDER BY uploaded_at DESC LIMIT 100"
    );
    let rows = state.db.query_all_raw(stmt(backend, &text, vec![UPLOADING.into()])).await?;
    rows.iter().map(batch_of).collect()
}

/// A batch with its error report and letter packs.
///
/// # Errors
/// `not_found`.
pub async fn detail(state: &AppState, id: Uuid) -> Result<ImportBatchDetail, AppError> {
    let backend = state.db.get_database_backend();
    let batch = batch(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let text = format!(
        "SELECT row_no, column_name, code FROM import_errors WHERE batch_id = $1 \
         ORDER BY row_no, column_name LIMIT {ERRORS_SHOWN}"
    );
    let errors = state
        .db
        .query_all_raw(stmt(backend, &text, vec![id.into()]))
        .await?
        .iter()
        .map(|r| {
            let code: String = r.try_get("", "code")?;
            Ok(ImportRowError {
                row: count(r, "row_no")?,
                column: r.try_get("", "column_name")?,
                code: ImportRowErrorCode::parse(&code).unwrap_or(ImportRowErrorCode::Missing),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let letters = state
        .db
        .query_all_raw(stmt(
            backend,
            "SELECT chunk_no, letters FROM import_chunks WHERE batch_id = $1 \
             AND done_at IS NOT NULL AND letters > 0 ORDER BY chunk_no",
            vec![id.into()],
        ))
        .await?
        .iter()
        .map(|r| Ok(LetterPack { chunk: count(r, "chunk_no")?, letters: count(r, "letters")? }))
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(ImportBatchDetail { batch, errors, letters })
}

/// The PDF of a chunk's letters, for the printer; audited (it holds activation codes).
///
/// # Errors
/// `not_found`.
pub async fn letters(
    state: &AppState,
    meta: &RequestMeta,
    actor: Actor,
    id: Uuid,
    chunk: u32,
) -> Result<Vec<u8>, AppError> {
    let backend = state.db.get_database_backend();
    let row = state
        .db
        .query_one_raw(stmt(
            backend,
            "SELECT letters_pdf FROM import_chunks WHERE batch_id = $1 AND chunk_no = $2 \
             AND done_at IS NOT NULL AND letters > 0",
            vec![id.into(), i64::from(chunk).into()],
        ))
        .await?
        .ok_or(AppError::NotFound)?;
    let pdf: Option<Vec<u8>> = row.try_get("", "letters_pdf")?;
    let pdf = pdf.ok_or(AppError::NotFound)?;
    let event = Event::new("import_letters_downloaded", Outcome::Success, actor)
        .target("import_batch", id.to_string())
        .with("chunk", chunk);
    audited(state, meta, event, async |_, _| Ok(pdf)).await
}

// ---------------------------------------------------------------------------------------------
// Start, pause, resume.

/// Starts a ready batch, or resumes a paused one (`import_started` / `import_resumed`).
///
/// # Errors
/// `not_found`; `import_not_ready` (invalid or finished); audited.
pub async fn start(
    state: &AppState,
    meta: &RequestMeta,
    actor: Actor,
    id: Uuid,
) -> Result<ImportBatch, AppError> {
    transition(
        state,
        meta,
        actor,
        id,
        &[ImportState::Ready, ImportState::Paused],
        ImportState::Running,
    )
    .await
}

/// Stops a running batch after the chunk in work (`import_paused`); it resumes where it stopped.
///
/// # Errors
/// `not_found`; `import_not_ready` (not running); audited.
pub async fn pause(
    state: &AppState,
    meta: &RequestMeta,
    actor: Actor,
    id: Uuid,
) -> Result<ImportBatch, AppError> {
    transition(state, meta, actor, id, &[ImportState::Running], ImportState::Paused).await
}

async fn transition(
    state: &AppState,
    meta: &RequestMeta,
    actor: Actor,
    id: Uuid,
    from: &[ImportState],
    to: ImportState,
) -> Result<ImportBatch, AppError> {
    let backend = state.db.get_database_backend();
    let Some(current) = batch(&state.db, id).await? else {
        return Err(AppError::NotFound);
    };
    let action = match (current.state, to) {
        (ImportState::Paused, ImportState::Running) => "import_resumed",
        (_, ImportState::Running) => "import_started",
        _ => "import_paused",
    };
    let event = Event::new(action, Outcome::Success, actor).target("import_batch", id.to_string());
    let started_by = actor.map_or(Uuid::nil(), |(_, id)| id);
    audited(state, meta, event, async |txn, _| {
        // Conditional: of two agents acting at once, one wins; the other is told the state moved.
        let placeholders: Vec<String> = (0..from.len()).map(|i| format!("${}", i + 4)).collect();
        let text = format!(
            "UPDATE import_batches SET state = $2, started_by = COALESCE(started_by, $3) \
             WHERE id = $1 AND state IN ({})",
            placeholders.join(",")
        );
        let mut values: Vec<Value> = vec![id.into(), to.as_str().into(), started_by.into()];
        values.extend(from.iter().map(|s| Value::from(s.as_str())));
        let moved = txn.execute_raw(stmt(backend, &text, values)).await?.rows_affected();
        if moved == 0 {
            return Err(refuse(StatusCode::CONFLICT, ApiErrorCode::ImportNotReady));
        }
        Ok(())
    })
    .await?;
    batch(&state.db, id).await?.ok_or(AppError::NotFound)
}

// ---------------------------------------------------------------------------------------------
// Processing.

/// Processes chunks of running batches until none is left to claim; returns how many this call
/// processed. Safe to call from every instance at once: a chunk is claimed by one.
///
/// # Errors
/// Database, or a letter that cannot be rendered (the chunk stays to be done).
pub async fn work(state: &AppState, worker: Uuid) -> Result<u32, AppError> {
    let mut done = 0;
    while let Some((batch_id, chunk_no)) = claim_next(state, worker).await? {
        process_chunk(state, worker, batch_id, chunk_no).await?;
        done += 1;
    }
    Ok(done)
}

/// Like [`work`], but processes at most `max` chunks (an interrupted run, in tests).
///
/// # Errors
/// As [`work`].
pub async fn work_at_most(state: &AppState, worker: Uuid, max: u32) -> Result<u32, AppError> {
    let mut done = 0;
    while done < max {
        let Some((batch_id, chunk_no)) = claim_next(state, worker).await? else { break };
        process_chunk(state, worker, batch_id, chunk_no).await?;
        done += 1;
    }
    Ok(done)
}

/// Runs the import worker of `dsp serve`: looks for work every `every`.
pub async fn run_forever(state: AppState, every: std::time::Duration) {
    let worker = Uuid::new_v4();
    loop {
        if let Err(e) = work(&state, worker).await {
            tracing::warn!(error = %e, "import worker: a chunk failed, it is retried");
        }
        tokio::time::sleep(every).await;
    }
}

async fn claim_next(state: &AppState, worker: Uuid) -> Result<Option<(Uuid, i64)>, AppError> {
    let backend = state.db.get_database_backend();
    loop {
        let now = state.clock.now();
        let candidate = state
            .db
            .query_one_raw(stmt(
                backend,
                "SELECT c.batch_id, c.chunk_no FROM import_chunks c \
                 JOIN import_batches b ON b.id = c.batch_id \
                 WHERE b.state = 'running' AND c.done_at IS NULL \
                 AND (c.claimed_until IS NULL OR c.claimed_until < $1) \
                 ORDER BY b.uploaded_at, c.chunk_no LIMIT 1",
                vec![now.into()],
            ))
            .await?;
        let Some(row) = candidate else { return Ok(None) };
        let batch_id: Uuid = row.try_get("", "batch_id")?;
        let chunk_no: i64 = row
            .try_get::<i64>("", "chunk_no")
            .or_else(|_| row.try_get::<i32>("", "chunk_no").map(i64::from))?;
        let txn = crate::db::begin_write(&state.db).await?;
        let claimed = txn
            .execute_raw(stmt(
                backend,
                "UPDATE import_chunks SET claimed_by = $3, claimed_until = $4 \
                 WHERE batch_id = $1 AND chunk_no = $2 AND done_at IS NULL \
                 AND (claimed_until IS NULL OR claimed_until < $5)",
                vec![
                    batch_id.into(),
                    chunk_no.into(),
                    worker.into(),
                    (now + CLAIM_LEASE).into(),
                    now.into(),
                ],
            ))
            .await?
            .rows_affected();
        txn.commit().await?;
        if claimed == 1 {
            return Ok(Some((batch_id, chunk_no)));
        }
        // Another instance took it first: look again.
    }
}

/// A record to create and its letter, prepared before the chunk's write.
struct Prepared {
    row_no: i64,
    language: Language,
    given_name: String,
    family_name: String,
    street: String,
    postal_code: String,
    city: String,
    country: String,
    address_lines: Vec<String>,
    national_id: NationalId,
    code: String,
    practice_code: String,
}

fn row_number(r: &QueryResult, column: &str) -> Result<i64, AppError> {
    Ok(r.try_get::<i64>("", column).or_else(|_| r.try_get::<i32>("", column).map(i64::from))?)
}

/// Processes one claimed chunk. The letters (the slow part) are rendered first, with new codes,
/// outside any write; then one short write creates the records with those codes' hashes, issues
/// the letters (first letter date, activation and practice codes, as
/// [`super::agency::issue_letter`] does), stores the PDF and the progress, and the audit
/// entries. A record that appeared meanwhile (another batch, an agent) makes the write give up
/// and the chunk is done again from the start; nothing of the unwritten codes survives.
#[expect(clippy::too_many_lines, reason = "one chunk, read top to bottom")]
async fn process_chunk(
    state: &AppState,
    worker: Uuid,
    batch_id: Uuid,
    chunk_no: i64,
) -> Result<(), AppError> {
    use crate::auth::codes;
    use crate::entity::{activation_code, practice_code};
    let backend = state.db.get_database_backend();
    let now = state.clock.now();
    let began = std::time::Instant::now();
    let started_by = state
        .db
        .query_one_raw(stmt(
            backend,
            "SELECT started_by FROM import_batches WHERE id = $1",
            vec![batch_id.into()],
        ))
        .await?
        .and_then(|r| r.try_get::<Option<Uuid>>("", "started_by").ok().flatten());
    let actor = started_by.filter(|id| !id.is_nil()).map(|id| (Role::Agent, id));
    let rows = state
        .db
        .query_all_raw(stmt(
            backend,
            "SELECT row_no, national_id, given_name, family_name, street, postal_code, city, \
             country, language FROM import_rows WHERE batch_id = $1 AND chunk_no = $2 \
             AND outcome IS NULL ORDER BY row_no",
            vec![batch_id.into(), chunk_no.into()],
        ))
        .await?;
    let ids: Vec<String> =
        rows.iter().map(|r| r.try_get::<String>("", "national_id")).collect::<Result<_, _>>()?;
    let existing = existing_records(&state.db, &ids).await?;
    // The letters of the records to create, with their new codes, rendered with no lock held.
    let mut prepared = Vec::new();
    let mut already = Vec::new();
    for r in &rows {
        let row_no = row_number(r, "row_no")?;
        let national_id_text: String = r.try_get("", "national_id")?;
        if let Some(id) = existing.get(&national_id_text) {
            already.push((row_no, *id));
            continue;
        }
        let national_id = NationalId::parse(&national_id_text)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("stored national ID: {e}")))?;
        let language: String = r.try_get("", "language")?;
        let street: String = r.try_get("", "street")?;
        let postal_code: String = r.try_get("", "postal_code")?;
        let city: String = r.try_get("", "city")?;
        let country: String = r.try_get("", "country")?;
        let address = patient::Model {
            street: Some(street.clone()),
            postal_code: Some(postal_code.clone()),
            city: Some(city.clone()),
            country: Some(country.clone()),
            ..placeholder_patient()
        };
        prepared.push(Prepared {
            row_no,
            language: Language::from_tag(&language).unwrap_or_default(),
            given_name: r.try_get("", "given_name")?,
            family_name: r.try_get("", "family_name")?,
            street,
            postal_code,
            city,
            country,
            address_lines: letter_address_lines(&address),
            national_id,
            code: codes::new_code(),
            practice_code: codes::new_code(),
        });
    }
    let code_expires_at = now + TimeDelta::days(i64::from(state.config.activation_code_days));
    let practice_expires_at = now + super::practice::PRACTICE_CODE_LIFETIME;
    let (prepared, pdf) = if prepared.is_empty() {
        (prepared, None)
    } else {
        let url = format!("{}/activate", state.config.public_origin);
        tokio::task::spawn_blocking(move || {
            let facts: Vec<LetterFacts<'_>> = prepared
                .iter()
                .map(|l| LetterFacts {
                    language: l.language,
                    given_name: &l.given_name,
                    family_name: &l.family_name,
                    address_lines: &l.address_lines,
                    national_id: &l.national_id,
                    activation_code: &l.code,
                    issued_on: now.date_naive(),
                    // A new record: this letter is its first, the objection window starts now.
                    objection_deadline: (now + OBJECTION_WINDOW).date_naive(),
                    code_expires_on: code_expires_at.date_naive(),
                    activation_url: &url,
                    recovery: false,
                    practice_code: &l.practice_code,
                    practice_code_expires_on: practice_expires_at.date_naive(),
                })
                .collect();
            let pdf = letter::render_batch(&facts);
            drop(facts);
            pdf.map(|pdf| (prepared, Some(pdf)))
        })
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!(e)))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!(e)))?
    };
    let rendered = began.elapsed();

    let txn = crate::db::begin_write(&state.db).await?;
    let to_create: Vec<String> =
        prepared.iter().map(|p| p.national_id.as_str().to_owned()).collect();
    if !existing_records(&*txn, &to_create).await?.is_empty() {
        // Someone created one of these records meanwhile: this chunk's letters are not all
        // right any more. Give the claim back; the next pass does the chunk again.
        drop(txn);
        release(&state.db, batch_id, chunk_no, worker).await?;
        tracing::info!(%batch_id, chunk_no, "import chunk: a record appeared meanwhile, redone");
        return Ok(());
    }
    let meta = RequestMeta {
        request_id: Some(format!("import-{batch_id}-{chunk_no}")),
        ..RequestMeta::default()
    };
    let batch_text = batch_id.to_string();
    for p in &prepared {
        let id = Uuid::new_v4();
        patient::ActiveModel {
            id: Set(id),
            national_id: Set(p.national_id.as_str().to_owned()),
            given_name: Set(p.given_name.clone()),
            family_name: Set(p.family_name.clone()),
            birth_date: Set(p.national_id.birth_date()),
            preferred_language: Set(p.language.tag().to_owned()),
            record_state: Set(RecordState::Created.as_str().into()),
            created_at: Set(now),
            letter_issued_at: Set(Some(now)),
            activated_at: Set(None),
            closed_at: Set(None),
            street: Set(Some(p.street.clone())),
            postal_code: Set(Some(p.postal_code.clone())),
            city: Set(Some(p.city.clone())),
            country: Set(Some(p.country.clone())),
            referent_id: Set(None),
            emergency_access_enabled: Set(true),
            phone: Set(None),
            email: Set(None),
        }
        .insert(&*txn)
        .await?;
        activation_code::ActiveModel {
            patient_id: Set(id),
            code_hash: Set(codes::hash_code(&p.code)),
            issued_at: Set(now),
            expires_at: Set(code_expires_at),
            used_at: Set(None),
        }
        .insert(&*txn)
        .await?;
        practice_code::ActiveModel {
            patient_id: Set(id),
            code_hash: Set(codes::hash_code(&p.practice_code)),
            issued_at: Set(now),
            expires_at: Set(practice_expires_at),
            used_at: Set(None),
        }
        .insert(&*txn)
        .await?;
        let created_event = Event::new("patient_created", Outcome::Success, actor)
            .patient(id)
            .with("import_batch", batch_text.clone())
            .with("row", p.row_no);
        let letter_event = Event::new("letter_issued", Outcome::Success, actor)
            .patient(id)
            .with("import_batch", batch_text.clone())
            .with("code_expires_at", code_expires_at.to_rfc3339())
            .with("practice_code_expires_at", practice_expires_at.to_rfc3339());
        let key = audit::chain_key(&created_event);
        audit::append_run(&*txn, &key, [(&meta, created_event, now), (&meta, letter_event, now)])
            .await?;
        set_outcome(&*txn, batch_id, p.row_no, "created", id).await?;
    }
    for (row_no, id) in &already {
        set_outcome(&*txn, batch_id, *row_no, "existing", *id).await?;
    }
    let created = u32::try_from(prepared.len()).unwrap_or(u32::MAX);
    let already = u32::try_from(already.len()).unwrap_or(u32::MAX);
    let finished = txn
        .execute_raw(stmt(
            backend,
            "UPDATE import_chunks SET done_at = $4, letters = $5, letters_pdf = $6, claimed_until = NULL \
             WHERE batch_id = $1 AND chunk_no = $2 AND claimed_by = $3 AND done_at IS NULL",
            vec![
                batch_id.into(),
                chunk_no.into(),
                worker.into(),
                now.into(),
                i64::from(created).into(),
                pdf.into(),
            ],
        ))
        .await?
        .rows_affected();
    if finished != 1 {
        // The claim ran out and another instance took the chunk: its work stands, not ours.
        tracing::warn!(%batch_id, chunk_no, "import chunk lost its claim: rolled back");
        return Ok(());
    }
    txn.execute_raw(stmt(
        backend,
        "UPDATE import_batches SET created_count = created_count + $2, \
         existing_count = existing_count + $3, chunks_done = chunks_done + 1 WHERE id = $1",
        vec![batch_id.into(), i64::from(created).into(), i64::from(already).into()],
    ))
    .await?;
    txn.execute_raw(stmt(
        backend,
        "UPDATE import_batches SET state = 'done', finished_at = $2 \
         WHERE id = $1 AND chunks_done = chunks AND state IN ('running', 'paused')",
        vec![batch_id.into(), now.into()],
    ))
    .await?;
    let event = Event::new("import_chunk_done", Outcome::Success, actor)
        .target("import_batch", batch_id.to_string())
        .with("chunk", chunk_no)
        .with("created", created)
        .with("already_there", already);
    audit::append(&*txn, &meta, event, now).await?;
    txn.commit().await?;
    tracing::info!(
        %batch_id,
        chunk_no,
        created,
        already,
        letters_ms = rendered.as_millis(),
        write_ms = (began.elapsed() - rendered).as_millis(),
        "import chunk done"
    );
    Ok(())
}

/// A patient row with nothing in it, to fill in (the letter's address block).
fn placeholder_patient() -> patient::Model {
    patient::Model {
        id: Uuid::nil(),
        national_id: String::new(),
        given_name: String::new(),
        family_name: String::new(),
        birth_date: chrono::NaiveDate::MIN,
        preferred_language: String::new(),
        record_state: String::new(),
        created_at: chrono::DateTime::<chrono::Utc>::MIN_UTC,
        letter_issued_at: None,
        activated_at: None,
        closed_at: None,
        street: None,
        postal_code: None,
        city: None,
        country: None,
        referent_id: None,
        emergency_access_enabled: true,
        phone: None,
        email: None,
    }
}

/// The records that exist among these national IDs.
async fn existing_records(
    conn: &impl ConnectionTrait,
    ids: &[String],
) -> Result<HashMap<String, Uuid>, AppError> {
    let mut existing = HashMap::new();
    if ids.is_empty() {
        return Ok(existing);
    }
    let backend = conn.get_database_backend();
    let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let text = format!(
        "SELECT id, national_id FROM patients WHERE national_id IN ({})",
        placeholders.join(",")
    );
    let found = conn
        .query_all_raw(stmt(backend, &text, ids.iter().cloned().map(Value::from).collect()))
        .await?;
    for r in found {
        existing.insert(r.try_get("", "national_id")?, r.try_get("", "id")?);
    }
    Ok(existing)
}

async fn set_outcome(
    conn: &impl ConnectionTrait,
    batch_id: Uuid,
    row_no: i64,
    outcome: &str,
    patient_id: Uuid,
) -> Result<(), AppError> {
    conn.execute_raw(stmt(
        conn.get_database_backend(),
        "UPDATE import_rows SET outcome = $3, patient_id = $4 WHERE batch_id = $1 AND row_no = $2",
        vec![batch_id.into(), row_no.into(), outcome.into(), patient_id.into()],
    ))
    .await?;
    Ok(())
}

/// Gives a claim back so that the next pass takes the chunk at once.
async fn release(
    db: &DatabaseConnection,
    batch_id: Uuid,
    chunk_no: i64,
    worker: Uuid,
) -> Result<(), AppError> {
    let txn = crate::db::begin_write(db).await?;
    txn.execute_raw(stmt(
        db.get_database_backend(),
        "UPDATE import_chunks SET claimed_until = NULL WHERE batch_id = $1 AND chunk_no = $2 AND claimed_by = $3",
        vec![batch_id.into(), chunk_no.into(), worker.into()],
    ))
    .await?;
    txn.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(input: &[&[u8]]) -> Vec<Vec<String>> {
        let mut reader = CsvReader::new();
        let mut out = Vec::new();
        for part in input {
            reader.feed(part, &mut out).unwrap();
        }
        reader.finish(&mut out);
        out.into_iter()
            .map(|r| r.into_iter().map(|(f, _)| String::from_utf8(f).unwrap()).collect())
            .collect()
    }

    #[test]
    fn reads_bom_semicolons_quotes_and_split_input() {
        let file = "\u{feff}a;b;c\r\n1;\"x;y\";\"say \"\"hi\"\"\"\r\n\r\n2;\"two\nlines\";z";
        let bytes = file.as_bytes();
        // Split at every byte: the result does not depend on how the body arrives.
        let parts: Vec<&[u8]> = bytes.chunks(1).collect();
        let expected =
            vec![vec!["a", "b", "c"], vec!["1", "x;y", "say \"hi\""], vec!["2", "two\nlines", "z"]];
        assert_eq!(records(&parts), expected);
        assert_eq!(records(&[bytes]), expected);
    }

    #[test]
    fn reads_commas_without_bom_or_final_newline() {
        assert_eq!(records(&[b"a,b\n1,\"2,3\"\n"]), vec![vec!["a", "b"], vec!["1", "2,3"]]);
        assert_eq!(records(&[b"a,b"]), vec![vec!["a", "b"]]);
    }

    #[test]
    fn checks_every_column_and_duplicates() {
        let mut seen = HashMap::new();
        let row = |v: [&str; 8]| v.map(str::to_owned).to_vec();
        let cut = [false; 8];
        let good =
            row(["1893120105732", "Léa", "Muller", "1, rue X", "L-1611", "Luxembourg", "lu", "fr"]);
        let valid = check_row(2, &good, &cut, &mut seen).unwrap();
        assert_eq!((valid.country.as_str(), valid.language.as_str()), ("LU", "fr"));
        let again = check_row(3, &good, &cut, &mut seen).unwrap_err();
        assert_eq!(again[0].code, ImportRowErrorCode::DuplicateInFile);
        let bad = row(["1893120105733", "", "Muller", "x", "1", "y", "LUX", "es"]);
        let codes: Vec<_> = check_row(4, &bad, &cut, &mut seen)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.column, e.code))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("national_id".to_owned(), ImportRowErrorCode::NationalIdVerhoeffMismatch),
                ("given_name".to_owned(), ImportRowErrorCode::Missing),
                ("country".to_owned(), ImportRowErrorCode::InvalidCountry),
                ("language".to_owned(), ImportRowErrorCode::InvalidLanguage),
            ]
        );
        let short = check_row(5, &good[..3], &cut[..3], &mut seen).unwrap_err();
        assert_eq!(short[0].code, ImportRowErrorCode::WrongFieldCount);
    }
}
