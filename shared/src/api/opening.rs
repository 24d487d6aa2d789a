//! Voluntary opening requests: the public form a person fills in to ask for their record (the
//! pilot's "demande volontaire d'ouverture"), and the agency's queue where an agent checks the
//! person's identity and accepts or rejects the request.
//!
//! The form's rules live here so that the web app shows every field's problem at once, with the
//! same stable codes as the API's refusal.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::agency::PostalAddress;
use crate::ids::PatientId;
use crate::{ApiErrorCode, Language, NationalId};

/// The letter goes out by post at most this many days after the request.
pub const LETTER_WITHIN_DAYS: i64 = 7;

/// From this age (days) a waiting request is flagged as near its limit.
pub const NEAR_LIMIT_DAYS: i64 = 5;

/// Longest name, street or city accepted (characters).
pub const MAX_TEXT: usize = 200;

/// Longest free text (an identity-check note, a rejection's explanation), characters.
pub const MAX_NOTE: usize = 1000;

/// What a person sends with the public form.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningRequestForm {
    /// Given names.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// The national ID (13 digits, spaces allowed).
    pub national_id: String,
    /// The birth date, when the form asks for it: must be the one in the national ID.
    #[serde(default)]
    pub birth_date: Option<NaiveDate>,
    /// Where the letter goes (this or a phone number, at least one).
    #[serde(default)]
    pub address: Option<PostalAddress>,
    /// A phone number with its country code.
    #[serde(default)]
    pub phone: Option<String>,
    /// An e-mail address (optional).
    #[serde(default)]
    pub email: Option<String>,
    /// The language of the letter and of the portal.
    pub preferred_language: Language,
    /// The person accepts the conditions of use shown with the form.
    pub conditions_accepted: bool,
}

/// A field of the form, for per-field errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OpeningField {
    /// Given names.
    GivenName,
    /// Family name.
    FamilyName,
    /// National ID.
    NationalId,
    /// Birth date.
    BirthDate,
    /// Street and number.
    Street,
    /// Postal code.
    PostalCode,
    /// Locality.
    City,
    /// Country code.
    Country,
    /// Phone.
    Phone,
    /// E-mail.
    Email,
    /// Address or phone: neither was given.
    Contact,
    /// The acceptance of the conditions.
    Conditions,
}

/// One field's problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldProblem {
    /// The field.
    pub field: OpeningField,
    /// Its stable code.
    pub code: ApiErrorCode,
    /// For a national ID, which of its rules it breaks (a message key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// A checked form, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedForm {
    /// Given names, trimmed.
    pub given_name: String,
    /// Family name, trimmed.
    pub family_name: String,
    /// The national ID.
    pub national_id: NationalId,
    /// The address, trimmed, country upper-case.
    pub address: Option<PostalAddress>,
    /// The phone in E.164.
    pub phone: Option<String>,
    /// The e-mail, normalised.
    pub email: Option<String>,
}

fn text(value: &str, field: OpeningField, max: usize, problems: &mut Vec<FieldProblem>) -> String {
    let value = value.trim();
    if value.is_empty() {
        problems.push(FieldProblem { field, code: ApiErrorCode::FieldRequired, detail: None });
    } else if value.chars().count() > max {
        problems.push(FieldProblem { field, code: ApiErrorCode::InvalidRequest, detail: None });
    }
    value.to_owned()
}

/// Checks an address: all empty is no address; partly filled names each missing part.
#[must_use]
pub fn check_address(
    address: Option<&PostalAddress>,
    problems: &mut Vec<FieldProblem>,
) -> Option<PostalAddress> {
    let address = address?;
    let street = address.street.trim();
    let postal_code = address.postal_code.trim();
    let city = address.city.trim();
    if street.is_empty() && postal_code.is_empty() && city.is_empty() {
        return None;
    }
    let street = text(street, OpeningField::Street, MAX_TEXT, problems);
    let postal_code = text(postal_code, OpeningField::PostalCode, 16, problems);
    let city = text(city, OpeningField::City, 100, problems);
    let country = address.country.trim().to_ascii_uppercase();
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        problems.push(FieldProblem {
            field: OpeningField::Country,
            code: ApiErrorCode::InvalidRequest,
            detail: None,
        });
    }
    Some(PostalAddress { street, postal_code, city, country })
}

impl OpeningRequestForm {
    /// Checks every field; the problems in the form's order, or the checked form.
    ///
    /// # Errors
    /// Every field's problem, in the order of the form.
    pub fn check(&self) -> Result<CheckedForm, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let given_name = text(&self.given_name, OpeningField::GivenName, MAX_TEXT, &mut problems);
        let family_name =
            text(&self.family_name, OpeningField::FamilyName, MAX_TEXT, &mut problems);
        let national_id = match NationalId::parse(&self.national_id) {
            Ok(id) => {
                if self.birth_date.is_some_and(|date| date != id.birth_date()) {
                    problems.push(FieldProblem {
                        field: OpeningField::BirthDate,
                        code: ApiErrorCode::BirthDateMismatch,
                        detail: None,
                    });
                }
                Some(id)
            }
            Err(e) => {
                let code = if self.national_id.trim().is_empty() {
                    ApiErrorCode::FieldRequired
                } else {
                    ApiErrorCode::InvalidNationalId
                };
                problems.push(FieldProblem {
                    field: OpeningField::NationalId,
                    code,
                    detail: Some(e.message_key().to_owned()),
                });
                None
            }
        };
        let address = check_address(self.address.as_ref(), &mut problems);
        let phone = match crate::contact::normalise_phone(self.phone.as_deref().unwrap_or("")) {
            Ok(phone) => phone,
            Err(code) => {
                problems.push(FieldProblem { field: OpeningField::Phone, code, detail: None });
                None
            }
        };
        let phone_typed = self.phone.as_deref().is_some_and(|p| !p.trim().is_empty());
        if address.is_none() && !phone_typed {
            problems.push(FieldProblem {
                field: OpeningField::Contact,
                code: ApiErrorCode::ContactRequired,
                detail: None,
            });
        }
        let email = match crate::contact::normalise_email(self.email.as_deref().unwrap_or("")) {
            Ok(email) => email,
            Err(code) => {
                problems.push(FieldProblem { field: OpeningField::Email, code, detail: None });
                None
            }
        };
        if !self.conditions_accepted {
            problems.push(FieldProblem {
                field: OpeningField::Conditions,
                code: ApiErrorCode::ConditionsNotAccepted,
                detail: None,
            });
        }
        match national_id {
            Some(national_id) if problems.is_empty() => {
                Ok(CheckedForm { given_name, family_name, national_id, address, phone, email })
            }
            _ => Err(problems),
        }
    }
}

/// The answer to a submitted form: the same whoever the person is (it never says whether a
/// record exists for the national ID).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningRequestReceived {
    /// The request's reference, to quote to the helpdesk.
    pub reference: String,
    /// When it was received.
    pub received_at: DateTime<Utc>,
    /// The letter goes out by post within this many days of the agency's acceptance.
    pub letter_within_days: i64,
}

/// Where a request is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OpeningStatus {
    /// Waiting for an agent.
    Pending,
    /// Accepted: the record exists and the letter was issued.
    Accepted,
    /// Rejected, with a reason.
    Rejected,
}

impl OpeningStatus {
    /// The stored value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Rejected => "rejected",
        }
    }

    /// Reads a stored value.
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        [Self::Pending, Self::Accepted, Self::Rejected].into_iter().find(|s| s.as_str() == value)
    }
}

/// How a waiting request stands against the 7-day limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Within the limit, not near it.
    OnTime,
    /// Near the limit (from day 5).
    NearLimit,
    /// Past the 7 days.
    Overdue,
}

impl Urgency {
    /// The urgency of a request received at `received_at`, seen at `now`.
    #[must_use]
    pub fn of(received_at: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        let age = now - received_at;
        if age > chrono::TimeDelta::days(LETTER_WITHIN_DAYS) {
            Self::Overdue
        } else if age >= chrono::TimeDelta::days(NEAR_LIMIT_DAYS) {
            Self::NearLimit
        } else {
            Self::OnTime
        }
    }
}

/// Why an agent rejects a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RejectionReason {
    /// The identity documents were not presented.
    IdentityNotVerified,
    /// The documents do not match the request's data.
    DataMismatch,
    /// A record already exists for this national ID.
    RecordExists,
    /// Another request for the same person is in the queue.
    DuplicateRequest,
    /// The person withdrew the request.
    Withdrawn,
    /// Another reason (the text says which).
    Other,
}

impl RejectionReason {
    /// Every reason, in the order the console lists them.
    pub const ALL: [Self; 6] = [
        Self::IdentityNotVerified,
        Self::DataMismatch,
        Self::RecordExists,
        Self::DuplicateRequest,
        Self::Withdrawn,
        Self::Other,
    ];

    /// The stored value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::IdentityNotVerified => "identity_not_verified",
            Self::DataMismatch => "data_mismatch",
            Self::RecordExists => "record_exists",
            Self::DuplicateRequest => "duplicate_request",
            Self::Withdrawn => "withdrawn",
            Self::Other => "other",
        }
    }

    /// Reads a stored value.
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == value)
    }
}

/// A request in the agency's queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningRequestSummary {
    /// The request's id.
    pub id: uuid::Uuid,
    /// The reference the person got.
    pub reference: String,
    /// Given names.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// The national ID.
    pub national_id: String,
    /// The birth date (from the national ID).
    pub birth_date: NaiveDate,
    /// The address, when given.
    pub address: Option<PostalAddress>,
    /// The phone, when given.
    pub phone: Option<String>,
    /// The e-mail, when given.
    pub email: Option<String>,
    /// The language of the letter.
    pub preferred_language: Language,
    /// When the form was sent.
    pub received_at: DateTime<Utc>,
    /// The letter must go out by then.
    pub letter_due_at: DateTime<Utc>,
    /// Whole days since the request.
    pub age_days: i64,
    /// Against the 7-day limit (while pending).
    pub urgency: Urgency,
    /// Whether a record already exists for the national ID (now).
    pub record_exists: bool,
    /// Where the request is.
    pub status: OpeningStatus,
    /// When it was decided.
    pub decided_at: Option<DateTime<Utc>>,
    /// The reason of a rejection.
    pub rejection_reason: Option<RejectionReason>,
    /// The rejection's or the check's note.
    pub decision_note: Option<String>,
    /// The record created on acceptance.
    pub patient_id: Option<PatientId>,
}

/// What the agent checked (the pilot form's "cadre réservé à l'Agence").
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdentityCheck {
    /// An identity card or passport was presented.
    pub id_card: bool,
    /// The social security card was presented.
    pub social_security_card: bool,
    /// The identity document's number (optional).
    #[serde(default)]
    pub id_document_number: Option<String>,
    /// A note (optional).
    #[serde(default)]
    pub note: Option<String>,
}

/// An agent accepts a request: the identity check, and the address when the request gave only
/// a phone (the letter goes by post).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptOpening {
    /// What was checked.
    pub identity_check: IdentityCheck,
    /// The postal address for the letter, replacing or completing the request's.
    #[serde(default)]
    pub address: Option<PostalAddress>,
}

/// An agent rejects a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RejectOpening {
    /// Why.
    pub reason: RejectionReason,
    /// In the agent's words (required for `other`).
    #[serde(default)]
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> OpeningRequestForm {
        OpeningRequestForm {
            given_name: "Anna".into(),
            family_name: "Muller".into(),
            national_id: "1893120105732".into(),
            birth_date: NaiveDate::from_ymd_opt(1893, 12, 1),
            address: None,
            phone: Some("+352 621 123 456".into()),
            email: None,
            preferred_language: Language::Lb,
            conditions_accepted: true,
        }
    }

    #[test]
    fn a_valid_form_passes_and_every_problem_is_named() {
        assert!(valid().check().is_ok());
        let bad = OpeningRequestForm {
            given_name: " ".into(),
            national_id: "1893120105733".into(),
            phone: None,
            email: Some("nope".into()),
            conditions_accepted: false,
            ..valid()
        };
        let fields: Vec<_> =
            bad.check().unwrap_err().into_iter().map(|p| (p.field, p.code)).collect();
        assert_eq!(
            fields,
            vec![
                (OpeningField::GivenName, ApiErrorCode::FieldRequired),
                (OpeningField::NationalId, ApiErrorCode::InvalidNationalId),
                (OpeningField::Contact, ApiErrorCode::ContactRequired),
                (OpeningField::Email, ApiErrorCode::InvalidEmail),
                (OpeningField::Conditions, ApiErrorCode::ConditionsNotAccepted),
            ]
        );
        let wrong_date =
            OpeningRequestForm { birth_date: NaiveDate::from_ymd_opt(1990, 1, 1), ..valid() };
        assert_eq!(wrong_date.check().unwrap_err()[0].code, ApiErrorCode::BirthDateMismatch);
        let half_address = OpeningRequestForm {
            phone: None,
            address: Some(PostalAddress {
                street: "1, rue X".into(),
                postal_code: String::new(),
                city: "Luxembourg".into(),
                country: "lu".into(),
            }),
            ..valid()
        };
        assert_eq!(half_address.check().unwrap_err()[0].field, OpeningField::PostalCode);
    }

    #[test]
    fn urgency_follows_the_seven_days() {
        let at = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap();
        let day = chrono::TimeDelta::days(1);
        assert_eq!(Urgency::of(at, at + day * 4), Urgency::OnTime);
        assert_eq!(Urgency::of(at, at + day * 5), Urgency::NearLimit);
        assert_eq!(Urgency::of(at, at + day * 7), Urgency::NearLimit);
        assert_eq!(Urgency::of(at, at + day * 7 + chrono::TimeDelta::seconds(1)), Urgency::Overdue);
    }
}
