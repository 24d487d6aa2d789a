//! The agency console: patients' records and activation letters, the professional directory.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{OrganisationId, PatientId, ProfessionalId};
use crate::{Language, Profession};

/// A postal address in a letter's format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostalAddress {
    /// Street and number ("12, rue de la Gare").
    pub street: String,
    /// Postal code ("L-1611").
    pub postal_code: String,
    /// Locality.
    pub city: String,
    /// ISO 3166-1 alpha-2 country code ("LU", "FR", "BE", "DE").
    pub country: String,
}

/// Where a record is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum RecordState {
    /// Created by the agency; not yet activated by the patient.
    Created,
    /// Activated by the patient.
    Activated,
    /// Closed (by the patient or the agency).
    Closed,
}

impl RecordState {
    /// The stored value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Activated => "activated",
            Self::Closed => "closed",
        }
    }

    /// Reads a stored value.
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        [Self::Created, Self::Activated, Self::Closed].into_iter().find(|s| s.as_str() == value)
    }
}

/// A new patient record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPatient {
    /// The national ID (validated; must not exist yet).
    pub national_id: String,
    /// Given names.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Must be the date in the national ID.
    pub birth_date: NaiveDate,
    /// The language of letters and of the portal by default.
    pub preferred_language: Language,
    /// Where the activation letter goes.
    pub address: PostalAddress,
    /// A phone number with its country code (optional).
    #[serde(default)]
    pub phone: Option<String>,
    /// An e-mail address (optional).
    #[serde(default)]
    pub email: Option<String>,
}

/// A patient record as the agency sees it (no health data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PatientSummary {
    /// The record's id.
    pub id: PatientId,
    /// The national ID.
    pub national_id: String,
    /// Given names.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Birth date.
    pub birth_date: NaiveDate,
    /// Preferred language.
    pub preferred_language: Language,
    /// Postal address.
    pub address: Option<PostalAddress>,
    /// Phone number (E.164), when known.
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail address, when known.
    #[serde(default)]
    pub email: Option<String>,
    /// The record's state.
    pub record_state: RecordState,
    /// When the record was created.
    pub created_at: DateTime<Utc>,
    /// When the last activation letter was issued (start of the objection window).
    pub letter_issued_at: Option<DateTime<Utc>>,
    /// The end of the 30-day objection window.
    pub objection_deadline: Option<DateTime<Utc>>,
    /// When the patient activated the record.
    pub activated_at: Option<DateTime<Utc>>,
    /// Whether the current activation code is locked after too many wrong tries.
    pub activation_locked: bool,
}

/// An organisation of the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationSummary {
    /// Its id.
    pub id: OrganisationId,
    /// Its name.
    pub name: String,
    /// hospital, care-institution, practice, laboratory, pharmacy, radiology, other.
    pub kind: String,
}

/// A new professional in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewProfessional {
    /// Given names.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// The profession (not `REF`: the référent is a role a physician takes for a patient).
    pub profession: Profession,
    /// The licence number (unique).
    pub licence_number: String,
    /// The organisation they work for.
    pub organisation_id: OrganisationId,
}

/// A professional as the directory shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfessionalSummary {
    /// Their id.
    pub id: ProfessionalId,
    /// Given names.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Profession.
    pub profession: Profession,
    /// Licence number.
    pub licence_number: String,
    /// Organisation.
    pub organisation: Option<OrganisationSummary>,
    /// `active` or `inactive`.
    pub state: String,
    /// How many security keys they have registered.
    pub credentials: u32,
    /// Whether an unused enrolment code is outstanding.
    pub enrolment_pending: bool,
}

/// A fresh enrolment code: shown once, to hand to the professional (or agent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolmentCodeIssued {
    /// The code.
    pub code: String,
    /// The enrolment page with the code filled in.
    pub link: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
    /// How many registered keys this revoked (a re-issue for a lost key).
    pub revoked_credentials: u32,
}

/// A search in the agency's lists or the patient's directory: a JSON body, since what a person
/// types (names, national IDs) must not travel in a URL, which logs and browser history keep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Search {
    /// Part of a name or national ID / licence number; empty lists the newest.
    #[serde(default)]
    pub q: Option<String>,
}

/// An objection received by post, recorded by an agent: the letter's reference and the day it
/// was received. Inside the objection window the record is deleted for good.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostalObjection {
    /// The letter's reference (1 to 100 characters), as filed by the agency.
    pub reference: String,
    /// The day the letter was received (not in the future).
    pub received_on: NaiveDate,
}

/// Where a record stands with its objection window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ObjectionWindow {
    /// The end of the window (`None`: no letter issued yet, the window has not started).
    pub deadline: Option<DateTime<Utc>>,
    /// Whether an objection is still possible (deletes the record).
    pub open: bool,
}
