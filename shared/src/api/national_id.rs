//! `POST /api/national-ids/check`: validate a national ID without looking anyone up.

use serde::{Deserialize, Serialize};

/// A national ID as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NationalIdCheckRequest {
    /// The 13 digits, spaces allowed.
    pub national_id: String,
}

/// The verdict on a typed national ID. It says nothing about whether such a person exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NationalIdCheckResponse {
    /// Whether the number is well-formed.
    pub valid: bool,
    /// The normalised 13 digits when valid.
    pub national_id: Option<String>,
    /// The birth date it encodes when valid.
    pub birth_date: Option<chrono::NaiveDate>,
    /// When invalid, the key of the message that names the first broken rule
    /// (`national-id-luhn-mismatch`, …).
    pub problem: Option<String>,
}
