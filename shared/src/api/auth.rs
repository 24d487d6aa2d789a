//! Sign-in, activation and enrolment: WebAuthn ceremonies and sessions.
//!
//! A ceremony has two steps. `…/start` answers [`CeremonyOptions`]: the WebAuthn options as JSON,
//! to hand to `PublicKeyCredential.parseCreationOptionsFromJSON` (or `parseRequestOptionsFromJSON`).
//! `…/finish` takes [`CeremonyFinish`]: the credential's `toJSON()`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Language, Profession};

/// The three kinds of people who sign in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A record holder, with passkeys.
    Patient,
    /// A health professional, with security keys.
    Professional,
    /// An agency agent (helpdesk), with security keys.
    Agent,
}

impl Role {
    /// The stored value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Patient => "patient",
            Self::Professional => "professional",
            Self::Agent => "agent",
        }
    }

    /// Reads a stored value.
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        [Self::Patient, Self::Professional, Self::Agent].into_iter().find(|r| r.as_str() == value)
    }
}

/// WebAuthn options to pass to the browser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CeremonyOptions {
    /// `PublicKeyCredentialCreationOptionsJSON` or `PublicKeyCredentialRequestOptionsJSON`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub public_key: serde_json::Value,
}

/// The browser's answer to a ceremony.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CeremonyFinish {
    /// The credential's `toJSON()` (RegistrationResponseJSON or AuthenticationResponseJSON).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub credential: serde_json::Value,
    /// For a new credential: the name the person gives it ("My phone"). Optional.
    #[serde(default)]
    pub name: Option<String>,
}

/// Step one of activation: the national ID and the code from the letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivationStart {
    /// As typed (spaces allowed).
    pub national_id: String,
    /// As typed (case and dashes do not matter).
    pub activation_code: String,
}

/// What an activation start answers once the national ID and code match: the passkey's creation
/// options, and whether the letter is a recovery letter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivationOptions {
    /// `PublicKeyCredentialCreationOptionsJSON`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub public_key: serde_json::Value,
    /// The record already has passkeys: finishing replaces them. Every other passkey is removed
    /// and every session ends, so the app asks the person to confirm first.
    pub recovery: bool,
}

/// Step one of enrolment: the code the agency issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnrolmentStart {
    /// As typed or taken from the enrolment link.
    pub code: String,
}

/// Who is signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    /// The kind of user.
    pub role: Role,
    /// The patient's, professional's or agent's id.
    pub subject_id: Uuid,
    /// The name to greet them with.
    pub display_name: String,
    /// For a professional: the profession.
    pub profession: Option<Profession>,
    /// For a patient: the preferred language on file.
    pub preferred_language: Option<Language>,
    /// Inactivity that ends the session, in seconds.
    pub idle_timeout_seconds: u32,
    /// When the session ends at the latest, whatever the activity.
    pub expires_at: DateTime<Utc>,
}
