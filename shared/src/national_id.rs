//! The Luxembourg national identification number (*matricule*).
//!
//! Thirteen digits: the birth date `YYYYMMDD`, three sequence digits, then a Luhn check digit and a
//! Verhoeff check digit, both computed over the first eleven digits. Parsing says exactly which
//! rule a typed number breaks, so that every form can explain the mistake as the person types.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Years before this are not plausible birth years for a living or recently deceased person.
const FIRST_PLAUSIBLE_YEAR: i32 = 1850;

/// A valid national ID. The only way to get one is [`NationalId::parse`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NationalId(String);

/// What is wrong with a typed national ID, in the order the checks run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NationalIdError {
    /// Something other than a digit (spaces are tolerated and ignored).
    #[error("a national ID contains only digits")]
    NotDigits,
    /// Fewer or more than 13 digits.
    #[error("a national ID has 13 digits, this one has {0}")]
    WrongLength(usize),
    /// The first eight digits are not a real calendar date from 1850 on.
    #[error("the first eight digits are not a plausible birth date (YYYYMMDD)")]
    InvalidBirthDate,
    /// The 12th digit is not the Luhn check digit of the first eleven.
    #[error("the 12th digit (Luhn check) does not match the first eleven digits")]
    LuhnMismatch,
    /// The 13th digit is not the Verhoeff check digit of the first eleven.
    #[error("the 13th digit (Verhoeff check) does not match the first eleven digits")]
    VerhoeffMismatch,
}

impl NationalIdError {
    /// A stable key for messages in the user's language.
    #[must_use]
    pub const fn message_key(self) -> &'static str {
        match self {
            Self::NotDigits => "national-id-not-digits",
            Self::WrongLength(_) => "national-id-wrong-length",
            Self::InvalidBirthDate => "national-id-invalid-birth-date",
            Self::LuhnMismatch => "national-id-luhn-mismatch",
            Self::VerhoeffMismatch => "national-id-verhoeff-mismatch",
        }
    }
}

impl NationalId {
    /// Parses a typed national ID. Spaces are ignored, so `1893 1201 057 32` is accepted.
    ///
    /// # Errors
    /// The first rule the input breaks, see [`NationalIdError`].
    pub fn parse(input: &str) -> Result<Self, NationalIdError> {
        let digits: String = input.chars().filter(|c| *c != ' ').collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(NationalIdError::NotDigits);
        }
        let values: Vec<u8> = digits.bytes().map(|b| b - b'0').collect();
        if values.len() != 13 {
            return Err(NationalIdError::WrongLength(values.len()));
        }
        birth_date_of(&values).ok_or(NationalIdError::InvalidBirthDate)?;
        let (body, checks) = values.split_at(11);
        if luhn_digit(body) != checks[0] {
            return Err(NationalIdError::LuhnMismatch);
        }
        if verhoeff_digit(body) != checks[1] {
            return Err(NationalIdError::VerhoeffMismatch);
        }
        Ok(Self(digits))
    }

    /// The 13 digits, without spaces.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The birth date encoded in the first eight digits.
    #[must_use]
    pub fn birth_date(&self) -> NaiveDate {
        let values: Vec<u8> = self.0.bytes().map(|b| b - b'0').collect();
        // A parsed ID always holds a valid date; the fallback is unreachable.
        birth_date_of(&values).unwrap_or(NaiveDate::MIN)
    }

    /// Completes eleven digits (birth date + sequence) with both check digits.
    /// Used by the demo-data and load generators, never to "repair" what a person typed.
    ///
    /// # Errors
    /// When `first_eleven` is not eleven digits forming a plausible birth date.
    pub fn from_first_eleven(first_eleven: &str) -> Result<Self, NationalIdError> {
        if !first_eleven.chars().all(|c| c.is_ascii_digit()) {
            return Err(NationalIdError::NotDigits);
        }
        let body: Vec<u8> = first_eleven.bytes().map(|b| b - b'0').collect();
        if body.len() != 11 {
            return Err(NationalIdError::WrongLength(body.len()));
        }
        let full = format!("{first_eleven}{}{}", luhn_digit(&body), verhoeff_digit(&body));
        Self::parse(&full)
    }
}

fn birth_date_of(values: &[u8]) -> Option<NaiveDate> {
    let number = |range: std::ops::Range<usize>| {
        values[range].iter().fold(0_u32, |acc, d| acc * 10 + u32::from(*d))
    };
    let year = i32::try_from(number(0..4)).ok()?;
    if year < FIRST_PLAUSIBLE_YEAR {
        return None;
    }
    NaiveDate::from_ymd_opt(year, number(4..6), number(6..8))
}

/// The Luhn check digit of `digits` (the digit that makes the whole number pass Luhn).
fn luhn_digit(digits: &[u8]) -> u8 {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(*d);
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    u8::try_from((10 - sum % 10) % 10).unwrap_or(0)
}

const VERHOEFF_D: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INV: [u8; 10] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/// The Verhoeff check digit of `digits`.
fn verhoeff_digit(digits: &[u8]) -> u8 {
    let c = digits.iter().rev().enumerate().fold(0_u8, |c, (i, d)| {
        VERHOEFF_D[usize::from(c)][usize::from(VERHOEFF_P[(i + 1) % 8][usize::from(*d)])]
    });
    VERHOEFF_INV[usize::from(c)]
}

impl fmt::Display for NationalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for NationalId {
    type Err = NationalIdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for NationalId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for NationalId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Self::parse(&raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for NationalId {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some("^[0-9]{13}$"))
            .description(Some(
                "Luxembourg national ID: YYYYMMDD, 3 sequence digits, Luhn and Verhoeff check digits over the first 11.",
            ))
            .examples(["1893120105732"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for NationalId {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const VALID: &str = "1893120105732";

    #[test]
    fn the_reference_id_is_valid() {
        let id = NationalId::parse(VALID).unwrap();
        assert_eq!(id.as_str(), VALID);
        assert_eq!(id.birth_date(), NaiveDate::from_ymd_opt(1893, 12, 1).unwrap());
    }

    #[test]
    fn spaces_are_ignored() {
        assert!(NationalId::parse("1893 1201 057 32").is_ok());
    }

    #[test]
    fn each_mistake_is_named() {
        assert_eq!(NationalId::parse("18931201057a2"), Err(NationalIdError::NotDigits));
        assert_eq!(NationalId::parse("189312010573"), Err(NationalIdError::WrongLength(12)));
        assert_eq!(NationalId::parse(""), Err(NationalIdError::WrongLength(0)));
        assert_eq!(NationalId::parse("1893133105732"), Err(NationalIdError::InvalidBirthDate));
        assert_eq!(NationalId::parse("1700120105732"), Err(NationalIdError::InvalidBirthDate));
        assert_eq!(NationalId::parse("1893120105742"), Err(NationalIdError::LuhnMismatch));
        assert_eq!(NationalId::parse("1893120105733"), Err(NationalIdError::VerhoeffMismatch));
    }

    #[test]
    fn leap_days_follow_the_calendar() {
        assert!(NationalId::from_first_eleven("20000229001").is_ok());
        assert_eq!(
            NationalId::from_first_eleven("19000229001"),
            Err(NationalIdError::InvalidBirthDate)
        );
    }

    #[test]
    fn completion_reproduces_the_reference() {
        assert_eq!(NationalId::from_first_eleven("18931201057").unwrap().as_str(), VALID);
    }

    #[test]
    fn serde_round_trip_validates() {
        let id: NationalId = serde_json::from_str(&format!("\"{VALID}\"")).unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{VALID}\""));
        assert!(serde_json::from_str::<NationalId>("\"1893120105733\"").is_err());
    }

    fn valid_id() -> impl Strategy<Value = NationalId> {
        (1900_i32..2030, 1_u32..=12, 1_u32..=28, 0_u32..1000).prop_map(|(y, m, d, seq)| {
            NationalId::from_first_eleven(&format!("{y:04}{m:02}{d:02}{seq:03}")).unwrap()
        })
    }

    proptest! {
        #[test]
        fn generated_ids_parse(id in valid_id()) {
            prop_assert_eq!(NationalId::parse(id.as_str()), Ok(id.clone()));
        }

        #[test]
        fn any_single_digit_change_is_rejected(id in valid_id(), pos in 0_usize..13, delta in 1_u8..10) {
            let mut bytes = id.as_str().as_bytes().to_vec();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            let changed = String::from_utf8(bytes).unwrap();
            prop_assert!(NationalId::parse(&changed).is_err(), "{} accepted", changed);
        }

        #[test]
        fn any_adjacent_swap_is_rejected(id in valid_id(), pos in 0_usize..12) {
            let mut bytes = id.as_str().as_bytes().to_vec();
            prop_assume!(bytes[pos] != bytes[pos + 1]);
            bytes.swap(pos, pos + 1);
            let swapped = String::from_utf8(bytes).unwrap();
            prop_assert!(NationalId::parse(&swapped).is_err(), "{} accepted", swapped);
        }

        #[test]
        fn parsing_never_panics(s in "\\PC*") {
            let _ = NationalId::parse(&s);
        }
    }
}
