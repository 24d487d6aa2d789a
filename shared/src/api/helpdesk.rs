//! The agency's helpdesk: letters and lock-outs of a record, lost-key recovery after an identity
//! check, licence suspension, and the organisations of the directory.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::api::agency::ProfessionalSummary;
use crate::ids::OrganisationId;

/// A document a person presented to the agent at an identity check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IdentityDocument {
    /// A national identity card.
    IdCard,
    /// A passport.
    Passport,
    /// A residence permit.
    ResidencePermit,
    /// A driving licence.
    DrivingLicence,
    /// The social security card.
    SocialSecurityCard,
    /// A professional licence card (professionals).
    ProfessionalCard,
}

impl IdentityDocument {
    /// Every document, in the order a form lists them.
    pub const ALL: [Self; 6] = [
        Self::IdCard,
        Self::Passport,
        Self::ResidencePermit,
        Self::DrivingLicence,
        Self::SocialSecurityCard,
        Self::ProfessionalCard,
    ];

    /// The stable wire value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::IdCard => "id_card",
            Self::Passport => "passport",
            Self::ResidencePermit => "residence_permit",
            Self::DrivingLicence => "driving_licence",
            Self::SocialSecurityCard => "social_security_card",
            Self::ProfessionalCard => "professional_card",
        }
    }

    /// Reads a wire value.
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.as_str() == value)
    }
}

/// What the agent checked before a recovery: the documents presented (at least one).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdentityCheck {
    /// The documents the person presented.
    pub documents: Vec<IdentityDocument>,
}

/// The body of a letter request: for a record that already has passkeys (a recovery letter),
/// the identity check is required.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LetterRequest {
    /// The identity check the agent made (required for a recovery letter).
    #[serde(default)]
    pub identity_check: Option<IdentityCheck>,
}

/// What a letter was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LetterKind {
    /// The first information and activation letter.
    Activation,
    /// A new activation letter for a record not activated yet (a lost letter, a lock-out).
    Reissue,
    /// A recovery letter for an activated record (lost passkeys).
    Recovery,
}

/// A letter issued for a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LetterRecord {
    /// When it was issued.
    pub issued_at: DateTime<Utc>,
    /// What it was.
    pub kind: LetterKind,
    /// The documents checked before it (recovery letters).
    #[serde(default)]
    pub identity_check: Vec<IdentityDocument>,
}

/// A lost security key: the identity check the agent made before issuing a recovery code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeyRecovery {
    /// The documents presented.
    pub identity_check: IdentityCheck,
}

/// A licence suspended or reinstated, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LicenceChange {
    /// Why (1 to 500 characters; kept in the audit log, not shown to patients).
    pub reason: String,
}

/// The kinds of organisation of the directory.
pub const ORGANISATION_KINDS: [&str; 5] =
    ["practice", "hospital", "care-home", "laboratory", "pharmacy"];

/// A new organisation, or an organisation's new name and kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationInput {
    /// Its name (1 to 200 characters, unique).
    pub name: String,
    /// One of [`ORGANISATION_KINDS`].
    pub kind: String,
}

/// An organisation with its professionals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationDetail {
    /// Its id.
    pub id: OrganisationId,
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: String,
    /// The professionals who work there, by name.
    pub professionals: Vec<ProfessionalSummary>,
}

/// Assigns a professional to an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assignment {
    /// The organisation.
    pub organisation_id: OrganisationId,
}

/// Something a professional is told in the app (their keys replaced after a recovery, their
/// licence suspended or reinstated).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfessionalNotice {
    /// `key_recovery`, `licence_reinstated`.
    pub kind: String,
    /// When.
    pub created_at: DateTime<Utc>,
}
