//! Search parameters as FHIR sends them (`name=value`, repeated, comma meaning "or"), checked
//! against the parameters a search supports: an unknown parameter is refused (`invalid_request`)
//! rather than ignored, so that a client never takes an unfiltered answer for a filtered one.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use uuid::Uuid;

use super::{DEFAULT_COUNT, MAX_COUNT, NATIONAL_ID_SYSTEM};
use crate::error::AppError;

/// The parameters of one search.
#[derive(Debug, Clone, Default)]
pub struct Params(Vec<(String, String)>);

/// A bad parameter.
fn invalid(what: &str) -> AppError {
    AppError::InvalidRequest(what.to_owned())
}

impl Params {
    /// Parses the query string, refusing any parameter not in `supported` (`_format` is always
    /// accepted, JSON being the only format).
    ///
    /// # Errors
    /// `invalid_request` for an unknown parameter or a `_format` other than JSON.
    pub fn parse(query: Option<&str>, supported: &[&str]) -> Result<Self, AppError> {
        let pairs: Vec<(String, String)> =
            form_urlencoded::parse(query.unwrap_or_default().as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
        for (name, value) in &pairs {
            if name == "_format" {
                if !matches!(value.as_str(), "json" | "application/json" | "application/fhir+json")
                {
                    return Err(invalid("_format: only json"));
                }
            } else if !supported.contains(&name.as_str()) {
                return Err(invalid(&format!("unsupported search parameter {name}")));
            }
        }
        Ok(Self(pairs))
    }

    /// Every value of `name` (each may hold several, comma-separated).
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0.iter().filter(move |(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The one value of `name`; a repeated one is refused.
    ///
    /// # Errors
    /// `invalid_request` when given more than once.
    pub fn one<'a>(&'a self, name: &'a str) -> Result<Option<&'a str>, AppError> {
        let mut values = self.all(name);
        let first = values.next();
        if values.next().is_some() {
            return Err(invalid(&format!("{name} given more than once")));
        }
        Ok(first)
    }

    /// `_count`, capped at [`MAX_COUNT`].
    ///
    /// # Errors
    /// `invalid_request` for a count that is not a number.
    pub fn count(&self) -> Result<usize, AppError> {
        match self.one("_count")? {
            None => Ok(DEFAULT_COUNT),
            Some(text) => text
                .parse::<usize>()
                .map(|n| n.min(MAX_COUNT))
                .map_err(|_| invalid("_count must be a number")),
        }
    }

    /// The comma-separated values of every `name`, each group one `and`-ed condition.
    pub fn groups(&self, name: &str) -> Vec<Vec<String>> {
        self.all(name).map(|v| v.split(',').map(str::to_owned).collect()).collect()
    }
}

/// Whom a search is about: `patient=<id>` (`Patient/<id>`, an absolute URL ending so, or the
/// bare id) or `patient.identifier=urn:oid:1.3.182.4.4|<matricule>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatientParam {
    /// By the record's id.
    Id(Uuid),
    /// By national ID (not yet checked).
    NationalId(String),
}

impl PatientParam {
    /// The patient a search names, from `patient` or `identifier_param`; exactly one is needed.
    ///
    /// # Errors
    /// `invalid_request` when neither or both are given, or the value is not a patient.
    pub fn of(params: &Params, identifier_param: &str) -> Result<Self, AppError> {
        match (params.one("patient")?, params.one(identifier_param)?) {
            (Some(reference), None) => reference_id(reference, "Patient")
                .map(Self::Id)
                .ok_or_else(|| invalid("patient must be Patient/<id>")),
            (None, Some(token)) => national_id(token).map(Self::NationalId),
            (None, None) => Err(invalid(&format!("patient or {identifier_param} is required"))),
            (Some(_), Some(_)) => Err(invalid(&format!("patient or {identifier_param}, not both"))),
        }
    }
}

/// The id of a reference to a resource of `kind`: `Kind/<uuid>`, an absolute URL ending so, or
/// the bare id.
#[must_use]
pub fn reference_id(reference: &str, kind: &str) -> Option<Uuid> {
    let reference = reference.trim();
    let id = match reference.rsplit_once('/') {
        Some((before, id)) if before == kind || before.ends_with(&format!("/{kind}")) => id,
        Some(_) => return None,
        None => reference,
    };
    Uuid::parse_str(id).ok()
}

/// The matricule of an identifier token `urn:oid:1.3.182.4.4|<matricule>` (the system is
/// required: a bare value could be any identifier).
///
/// # Errors
/// `invalid_request` for another system or a missing one.
pub fn national_id(token: &str) -> Result<String, AppError> {
    match token.split_once('|') {
        Some((NATIONAL_ID_SYSTEM, value)) if !value.trim().is_empty() => {
            Ok(value.trim().to_owned())
        }
        _ => Err(invalid(&format!("the identifier must be {NATIONAL_ID_SYSTEM}|<national id>"))),
    }
}

/// Whether a token search value (`[system|]code`) matches `code` of `system`.
#[must_use]
pub fn token_matches(value: &str, system: &str, code: &str) -> bool {
    match value.split_once('|') {
        Some((s, c)) => (s.is_empty() || s == system) && c == code,
        None => value == code,
    }
}

/// One `date` condition: a prefix and the instant range its value stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateCondition {
    prefix: Prefix,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prefix {
    Eq,
    Ne,
    Gt,
    Lt,
    Ge,
    Le,
    Sa,
    Eb,
}

impl DateCondition {
    /// Parses `[prefix]value` where value is `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an RFC 3339
    /// date-time (a value without a zone is refused: FHIR requires one when there is a time).
    ///
    /// # Errors
    /// `invalid_request`.
    pub fn parse(text: &str) -> Result<Self, AppError> {
        let bad =
            || invalid("date must be [eq|ne|gt|lt|ge|le|sa|eb]YYYY[-MM[-DD[Thh:mm:ss+zz:zz]]]");
        let (prefix, value) = match text.get(..2) {
            Some("eq") => (Prefix::Eq, &text[2..]),
            Some("ne") => (Prefix::Ne, &text[2..]),
            Some("gt") => (Prefix::Gt, &text[2..]),
            Some("lt") => (Prefix::Lt, &text[2..]),
            Some("ge") => (Prefix::Ge, &text[2..]),
            Some("le") => (Prefix::Le, &text[2..]),
            Some("sa") => (Prefix::Sa, &text[2..]),
            Some("eb") => (Prefix::Eb, &text[2..]),
            _ => (Prefix::Eq, text),
        };
        let midnight = |d: NaiveDate| d.and_time(NaiveTime::MIN).and_utc();
        let (start, end) = match value.len() {
            4 => {
                let year: i32 = value.parse().map_err(|_| bad())?;
                let start = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?;
                let end = NaiveDate::from_ymd_opt(year + 1, 1, 1).ok_or_else(bad)?;
                (midnight(start), midnight(end))
            }
            7 => {
                let start = NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d")
                    .map_err(|_| bad())?;
                let end = start.checked_add_months(chrono::Months::new(1)).ok_or_else(bad)?;
                (midnight(start), midnight(end))
            }
            10 => {
                let day = NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| bad())?;
                (midnight(day), midnight(day) + TimeDelta::days(1))
            }
            _ => {
                let at =
                    DateTime::parse_from_rfc3339(value).map_err(|_| bad())?.with_timezone(&Utc);
                // To the second the value gives.
                (at, at + TimeDelta::seconds(1))
            }
        };
        Ok(Self { prefix, start, end })
    }

    /// Whether the instant `at` meets the condition.
    #[must_use]
    pub fn matches(&self, at: DateTime<Utc>) -> bool {
        let within = self.start <= at && at < self.end;
        match self.prefix {
            Prefix::Eq => within,
            Prefix::Ne => !within,
            Prefix::Gt | Prefix::Sa => at >= self.end,
            Prefix::Lt | Prefix::Eb => at < self.start,
            Prefix::Ge => at >= self.start,
            Prefix::Le => at < self.end,
        }
    }
}

/// An opaque paging cursor (base64url of what the search resumes after).
#[must_use]
pub fn encode_cursor(text: &str) -> String {
    data_encoding::BASE64URL_NOPAD.encode(text.as_bytes())
}

/// The text of a cursor from [`encode_cursor`].
///
/// # Errors
/// `invalid_request` for anything else.
pub fn decode_cursor(cursor: &str) -> Result<String, AppError> {
    data_encoding::BASE64URL_NOPAD
        .decode(cursor.as_bytes())
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .ok_or_else(|| invalid("_cursor is not one this server gave"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_identifiers() {
        let id = Uuid::new_v4();
        assert_eq!(reference_id(&format!("Patient/{id}"), "Patient"), Some(id));
        assert_eq!(
            reference_id(&format!("https://x.lu/fhir/R4/Patient/{id}"), "Patient"),
            Some(id)
        );
        assert_eq!(reference_id(&id.to_string(), "Patient"), Some(id));
        assert_eq!(reference_id(&format!("Practitioner/{id}"), "Patient"), None);
        assert_eq!(national_id("urn:oid:1.3.182.4.4|1893120105732").unwrap(), "1893120105732");
        assert!(national_id("1893120105732").is_err());
        assert!(national_id("urn:oid:9.9|1893120105732").is_err());
        assert!(token_matches("summaries", "s", "summaries"));
        assert!(token_matches("s|summaries", "s", "summaries"));
        assert!(!token_matches("t|summaries", "s", "summaries"));
    }

    #[test]
    fn dates_with_prefixes() {
        let at = DateTime::parse_from_rfc3339("2026-03-15T10:00:00Z").unwrap().with_timezone(&Utc);
        for (text, expected) in [
            ("2026", true),
            ("2026-03", true),
            ("2026-04", false),
            ("2026-03-15", true),
            ("ge2026-03-15", true),
            ("gt2026-03-15", false),
            ("lt2026-03-16", true),
            ("le2026-03-14", false),
            ("ne2026-03-15", false),
            ("ge2026-03-15T10:00:00Z", true),
            ("gt2026-03-15T09:59:59+00:00", true),
        ] {
            assert_eq!(DateCondition::parse(text).unwrap().matches(at), expected, "{text}");
        }
        assert!(DateCondition::parse("15.03.2026").is_err());
        assert!(DateCondition::parse("2026-03-15T10:00:00").is_err());
    }

    #[test]
    fn unknown_parameters_are_refused() {
        assert!(Params::parse(Some("patient=x&foo=1"), &["patient"]).is_err());
        assert!(Params::parse(Some("patient=x&_format=xml"), &["patient"]).is_err());
        let p = Params::parse(
            Some("patient=x&_count=500&status=current,superseded"),
            &["patient", "_count", "status"],
        )
        .unwrap();
        assert_eq!(p.count().unwrap(), MAX_COUNT);
        assert_eq!(p.groups("status"), vec![vec!["current".to_owned(), "superseded".to_owned()]]);
        assert_eq!(decode_cursor(&encode_cursor("2026-01-01|x")).unwrap(), "2026-01-01|x");
    }
}
