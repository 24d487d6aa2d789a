//! Bulk opening: the agency imports the insured-persons file (CSV), every row is checked, and
//! the records are created in chunks with their activation letters, one printable PDF per chunk.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The columns of the insured-persons file, in this order, as its header line names them.
pub const COLUMNS: [&str; 8] = [
    "national_id",
    "given_name",
    "family_name",
    "street",
    "postal_code",
    "city",
    "country",
    "language",
];

/// The request header that carries the uploaded file's name (percent-encoded UTF-8).
pub const FILE_NAME_HEADER: &str = "dsp-import-file-name";

/// Where a batch is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportState {
    /// The file has invalid rows: nothing is imported until a corrected file is uploaded.
    Invalid,
    /// Every row is valid; the import waits for an agent to start it.
    Ready,
    /// Being processed, chunk by chunk (by whichever instance claims a chunk).
    Running,
    /// Stopped by an agent; resumes where it stopped.
    Paused,
    /// Every chunk is done.
    Done,
}

impl ImportState {
    /// The stored value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Invalid => "invalid",
            Self::Ready => "ready",
            Self::Running => "running",
            Self::Paused => "paused",
            Self::Done => "done",
        }
    }

    /// The state of a stored value.
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        [Self::Invalid, Self::Ready, Self::Running, Self::Paused, Self::Done]
            .into_iter()
            .find(|s| s.as_str() == value)
    }
}

/// Why a row of the file is refused (stable codes; the agency console translates them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ImportRowErrorCode {
    /// The row has more or fewer fields than the header.
    WrongFieldCount,
    /// A required value is empty.
    Missing,
    /// A value is longer than the record keeps.
    TooLong,
    /// The national ID has something other than digits.
    NationalIdNotDigits,
    /// The national ID does not have 13 digits.
    NationalIdWrongLength,
    /// The national ID's first eight digits are not a birth date.
    NationalIdInvalidBirthDate,
    /// The national ID's Luhn check digit is wrong.
    NationalIdLuhnMismatch,
    /// The national ID's Verhoeff check digit is wrong.
    NationalIdVerhoeffMismatch,
    /// The same national ID is on an earlier row of the file.
    DuplicateInFile,
    /// The country is not a two-letter ISO code.
    InvalidCountry,
    /// The language is not lb, fr, de or en.
    InvalidLanguage,
}

impl ImportRowErrorCode {
    /// The stable wire value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::WrongFieldCount => "wrong_field_count",
            Self::Missing => "missing",
            Self::TooLong => "too_long",
            Self::NationalIdNotDigits => "national_id_not_digits",
            Self::NationalIdWrongLength => "national_id_wrong_length",
            Self::NationalIdInvalidBirthDate => "national_id_invalid_birth_date",
            Self::NationalIdLuhnMismatch => "national_id_luhn_mismatch",
            Self::NationalIdVerhoeffMismatch => "national_id_verhoeff_mismatch",
            Self::DuplicateInFile => "duplicate_in_file",
            Self::InvalidCountry => "invalid_country",
            Self::InvalidLanguage => "invalid_language",
        }
    }

    /// Every code.
    pub const ALL: [Self; 11] = [
        Self::WrongFieldCount,
        Self::Missing,
        Self::TooLong,
        Self::NationalIdNotDigits,
        Self::NationalIdWrongLength,
        Self::NationalIdInvalidBirthDate,
        Self::NationalIdLuhnMismatch,
        Self::NationalIdVerhoeffMismatch,
        Self::DuplicateInFile,
        Self::InvalidCountry,
        Self::InvalidLanguage,
    ];

    /// The code of a stored value.
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == value)
    }

    /// The key of the translated message (`import-error-missing`, …).
    #[must_use]
    pub fn message_key(self) -> String {
        format!("import-error-{}", self.as_str().replace('_', "-"))
    }
}

/// One refused value of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRowError {
    /// The row's number in the file (the header is row 1, the first person row 2).
    pub row: u32,
    /// The column (one of [`COLUMNS`]; `row` for a row with the wrong number of fields).
    pub column: String,
    /// Why.
    pub code: ImportRowErrorCode,
}

/// A batch: one uploaded file and how far its import has come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportBatch {
    /// The batch.
    pub id: uuid::Uuid,
    /// The uploaded file's name.
    pub file_name: String,
    /// The SHA-256 of the file, hex.
    pub file_sha256: String,
    /// Where it is.
    pub state: ImportState,
    /// When it was uploaded.
    pub uploaded_at: DateTime<Utc>,
    /// Person rows in the file (without the header).
    pub rows: u32,
    /// Rows with at least one error.
    pub invalid_rows: u32,
    /// Refused values in all.
    pub errors: u32,
    /// Rows processed so far (created or already there).
    pub processed: u32,
    /// Records created by this batch.
    pub created: u32,
    /// Rows whose national ID already had a record (nothing created, no letter).
    pub already_there: u32,
    /// Chunks in all and done.
    pub chunks: u32,
    /// Chunks done.
    pub chunks_done: u32,
    /// When it finished.
    pub finished_at: Option<DateTime<Utc>>,
}

/// A printable PDF of the letters of one chunk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LetterPack {
    /// The chunk's number (from 1), also the download's number.
    pub chunk: u32,
    /// Letters in it (one per record the chunk created).
    pub letters: u32,
}

/// A batch with its error report (the first errors, in file order) and its letter packs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportBatchDetail {
    /// The batch.
    pub batch: ImportBatch,
    /// The refused values, in file order, the first [`ERRORS_SHOWN`] of them.
    pub errors: Vec<ImportRowError>,
    /// The letter packs ready to download.
    pub letters: Vec<LetterPack>,
}

/// How many errors a batch's report lists at most.
pub const ERRORS_SHOWN: usize = 1000;
