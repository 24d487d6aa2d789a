//! Stable error codes: a contract with every client. Never rename one; add new ones at the end.

use serde::{Deserialize, Serialize};

/// Why a request failed, in a form that clients translate (see `message_key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApiErrorCode {
    /// No such API path, or nothing there that the caller may know about.
    NotFound,
    /// The HTTP method is not allowed on this path.
    MethodNotAllowed,
    /// The body is not well-formed JSON.
    MalformedJson,
    /// The JSON is well-formed but does not have the expected shape or values.
    InvalidRequest,
    /// The body is not `application/json`.
    UnsupportedMediaType,
    /// The body is larger than allowed.
    PayloadTooLarge,
    /// Too many requests; retry after the `Retry-After` delay.
    RateLimited,
    /// The server is overloaded or shutting down; retry later.
    Unavailable,
    /// Something failed on the server; the request id helps the helpdesk find it.
    Internal,
    /// Sign in first.
    Unauthenticated,
    /// The session ended (idle or absolute time-out, sign-out elsewhere); sign in again.
    SessionExpired,
    /// Signed in, but this area is for another kind of user.
    Forbidden,
    /// A state-changing request that did not come from this site's own pages.
    CsrfRejected,
    /// The national ID and activation code do not match an activatable record (deliberately
    /// vague: it never says whether the national ID exists).
    ActivationFailed,
    /// Too many wrong activation codes: ask the agency for a new letter.
    ActivationLocked,
    /// The enrolment code is unknown, used or expired.
    EnrolmentCodeInvalid,
    /// The sign-in or registration took too long, or was already used; start again.
    CeremonyExpired,
    /// The authenticator's answer did not verify (wrong site, wrong challenge, bad signature).
    CredentialRejected,
    /// Professionals and agents need a device-bound security key; a synced passkey is refused.
    SyncedCredentialRefused,
    /// The authenticator did not verify the user (PIN or biometrics required).
    UserVerificationRequired,
    /// The key's signature counter went backwards (a possible clone): the key is suspended.
    CredentialSuspended,
    /// This key is not registered, or no longer.
    UnknownCredential,
    /// A record with this national ID already exists.
    DuplicateNationalId,
    /// The birth date does not match the one in the national ID.
    BirthDateMismatch,
    /// The national ID is not valid (see the field's message).
    InvalidNationalId,
    /// A professional with this licence number is already in the directory.
    DuplicateLicence,
    /// The last passkey or key cannot be removed: add another first.
    LastCredential,
    /// Confirm with your passkey or key again before this change.
    ReverificationRequired,
    /// The national ID and connection code do not match (wrong, used or expired code; never
    /// says whether the national ID exists).
    ConnectionFailed,
    /// The document was refused: wrong or undeclared type, unsafe or malformed XML or JSON …
    /// (the audit entry records the precise reason); one too large is `PayloadTooLarge`.
    DocumentRejected,
    /// The request's body came too slowly (slower than the server's minimum rate, or stopped).
    RequestTimeout,
    /// An upload put what it is filed as (title, category, date, file name) in the query string,
    /// which ends up in access logs and browser history: it goes in the `DSP-Document-*`
    /// headers.
    DocumentMetadataInQuery,
    /// The document names another patient than this record's, or does not name this record's
    /// patient by their national ID (a CDA `recordTarget`, a FHIR subject, a contained or
    /// bundled Patient, any Patient reference or national-ID identifier). Nothing is said
    /// about the other patient.
    DocumentWrongPatient,
    /// The document's narrative (FHIR `text.div`, CDA `section/text`) holds a script, an event
    /// attribute, a `javascript:` link or another element that is not allowed.
    DocumentUnsafeNarrative,
    /// The professional has opened as many emergency accesses as allowed within the window;
    /// this one is refused and the agency has been alerted.
    EmergencyAccessLimitReached,
    /// A declaration (organ donation, advance directive) whose choice needs its limits came
    /// without them, or with limits too long.
    WishLimitsRequired,
    /// A trusted person without a name or without a phone number to reach them.
    WishTrustedPersonIncomplete,
    /// A declaration dated in the future.
    WishDateInFuture,
    /// The phone number is not one with its country code (`+352 621 123 456`); nothing was
    /// stored.
    InvalidPhone,
    /// The e-mail address is not one (`name@example.lu`); nothing was stored.
    InvalidEmail,
    /// An emergency access asked for by national ID: the record is not open to professionals
    /// yet (the patient's 30-day objection window is still running, or has not started).
    RecordInObjectionWindow,
    /// An emergency access asked for by national ID: the patient has switched emergency access
    /// off.
    EmergencyAccessSwitchedOff,
    /// The national ID and practice code do not match a record the professional may open a
    /// consultation on (wrong, used, expired or switched-off code, or a record the rules keep
    /// closed; never says which, nor whether the national ID exists). Counted.
    PracticeCodeFailed,
    /// Too many wrong practice codes for this national ID (until the patient gets a new code),
    /// or by this professional today.
    PracticeCodeLocked,
    /// The record is closed already (closing it again, or recording a death on a closed
    /// record).
    RecordAlreadyClosed,
    /// The record cannot be reopened: it is not closed, or it was closed more than 10 years
    /// ago.
    RecordNotReopenable,
    /// An objection after the 30-day objection window: the record stays; the person can close
    /// it instead.
    ObjectionWindowClosed,
    /// A field that must be filled in is empty (its name is in the field's message).
    FieldRequired,
    /// An opening request gives neither a postal address nor a phone number: at least one.
    ContactRequired,
    /// An opening request without the acceptance of the conditions.
    ConditionsNotAccepted,
    /// The opening request was already accepted or rejected: it cannot be decided again.
    OpeningRequestDecided,
    /// An opening request accepted without both identity documents (ID card or passport, and
    /// social security card) recorded as presented.
    IdentityCheckIncomplete,
    /// An import file that cannot be read as the insured-persons CSV: not UTF-8, empty, or
    /// without the expected header line; nothing was stored.
    ImportFileInvalid,
    /// The import cannot do that in its state (start a batch with invalid rows, resume a
    /// finished one).
    ImportNotReady,
    /// The key figures over time were asked for a range that is not one: a date that is not
    /// `YYYY-MM-DD`, `from` after `to`, `to` after today, an unknown granularity, or more
    /// periods than one chart holds.
    FiguresRangeInvalid,
    /// A recovery (a recovery letter, a new security key) without the identity check the agent
    /// made: which documents the person presented.
    IdentityCheckRequired,
    /// The licence is already in the state asked for (suspending a suspended professional,
    /// reinstating an active one).
    LicenceStateUnchanged,
    /// The professional's licence is suspended: no recovery code until it is reinstated.
    LicenceSuspended,
    /// The record's activation is not locked: nothing to unlock.
    ActivationNotLocked,
    /// An organisation with this name is already in the directory.
    DuplicateOrganisation,
    /// A bearer token from practice software that is missing, unknown, expired or revoked (or
    /// whose grant, key, licence or client no longer stands).
    InvalidToken,
    /// The token's scopes do not cover the act (`user/DocumentReference.c` to file …).
    InsufficientScope,
    /// A redirect URI of practice software that is not `https://` (or `http://` on localhost or
    /// 127.0.0.1), carries a fragment, or is not registered for the software.
    RedirectUriInvalid,
    /// A scope that is not a SMART `user/<Resource>.<cruds>` scope, or beyond what the software
    /// is registered for.
    ScopeInvalid,
    /// An authorization request that cannot be approved (unknown or disabled software, PKCE
    /// missing or not S256, wrong response type).
    AuthorizationRequestInvalid,
    /// A device code (typed by the professional) that is unknown, expired or already decided.
    UserCodeInvalid,
    /// A FHIR Provide Document Bundle (ITI-65) that is not a `transaction` Bundle.
    FhirBundleNotTransaction,
    /// A FHIR Provide Document Bundle that is not a valid MHD submission: no SubmissionSet
    /// `List`, a `DocumentReference` without content or whose `Binary` is not in the Bundle, an
    /// entry DSP does not take, a missing or invalid field.
    FhirBundleInvalid,
    /// A document's `data` in a FHIR Bundle is not valid base64.
    FhirBase64Invalid,
    /// A document's `attachment.hash` in a FHIR Bundle is not the SHA-1 (or SHA-256) of its
    /// content: the content changed on the way, or the software hashed something else.
    FhirHashMismatch,
    /// A `DocumentReference` of a FHIR Bundle names another patient than its SubmissionSet.
    FhirPatientMismatch,
    /// A `DocumentReference`'s category and type name no category of the record.
    FhirCategoryUnknown,
}

impl ApiErrorCode {
    /// Every code, for exhaustive translation tests.
    pub const ALL: [Self; 72] = [
        Self::NotFound,
        Self::MethodNotAllowed,
        Self::MalformedJson,
        Self::InvalidRequest,
        Self::UnsupportedMediaType,
        Self::PayloadTooLarge,
        Self::RateLimited,
        Self::Unavailable,
        Self::Internal,
        Self::Unauthenticated,
        Self::SessionExpired,
        Self::Forbidden,
        Self::CsrfRejected,
        Self::ActivationFailed,
        Self::ActivationLocked,
        Self::EnrolmentCodeInvalid,
        Self::CeremonyExpired,
        Self::CredentialRejected,
        Self::SyncedCredentialRefused,
        Self::UserVerificationRequired,
        Self::CredentialSuspended,
        Self::UnknownCredential,
        Self::DuplicateNationalId,
        Self::BirthDateMismatch,
        Self::InvalidNationalId,
        Self::DuplicateLicence,
        Self::LastCredential,
        Self::ReverificationRequired,
        Self::ConnectionFailed,
        Self::DocumentRejected,
        Self::RequestTimeout,
        Self::DocumentMetadataInQuery,
        Self::DocumentWrongPatient,
        Self::DocumentUnsafeNarrative,
        Self::EmergencyAccessLimitReached,
        Self::WishLimitsRequired,
        Self::WishTrustedPersonIncomplete,
        Self::WishDateInFuture,
        Self::InvalidPhone,
        Self::InvalidEmail,
        Self::RecordInObjectionWindow,
        Self::EmergencyAccessSwitchedOff,
        Self::PracticeCodeFailed,
        Self::PracticeCodeLocked,
        Self::RecordAlreadyClosed,
        Self::RecordNotReopenable,
        Self::ObjectionWindowClosed,
        Self::FieldRequired,
        Self::ContactRequired,
        Self::ConditionsNotAccepted,
        Self::OpeningRequestDecided,
        Self::IdentityCheckIncomplete,
        Self::ImportFileInvalid,
        Self::ImportNotReady,
        Self::FiguresRangeInvalid,
        Self::IdentityCheckRequired,
        Self::LicenceStateUnchanged,
        Self::LicenceSuspended,
        Self::ActivationNotLocked,
        Self::DuplicateOrganisation,
        Self::InvalidToken,
        Self::InsufficientScope,
        Self::RedirectUriInvalid,
        Self::ScopeInvalid,
        Self::AuthorizationRequestInvalid,
        Self::UserCodeInvalid,
        Self::FhirBundleNotTransaction,
        Self::FhirBundleInvalid,
        Self::FhirBase64Invalid,
        Self::FhirHashMismatch,
        Self::FhirPatientMismatch,
        Self::FhirCategoryUnknown,
    ];

    /// The stable wire value (`not_found`, …).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::MalformedJson => "malformed_json",
            Self::InvalidRequest => "invalid_request",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::PayloadTooLarge => "payload_too_large",
            Self::RateLimited => "rate_limited",
            Self::Unavailable => "unavailable",
            Self::Internal => "internal",
            Self::Unauthenticated => "unauthenticated",
            Self::SessionExpired => "session_expired",
            Self::Forbidden => "forbidden",
            Self::CsrfRejected => "csrf_rejected",
            Self::ActivationFailed => "activation_failed",
            Self::ActivationLocked => "activation_locked",
            Self::EnrolmentCodeInvalid => "enrolment_code_invalid",
            Self::CeremonyExpired => "ceremony_expired",
            Self::CredentialRejected => "credential_rejected",
            Self::SyncedCredentialRefused => "synced_credential_refused",
            Self::UserVerificationRequired => "user_verification_required",
            Self::CredentialSuspended => "credential_suspended",
            Self::UnknownCredential => "unknown_credential",
            Self::DuplicateNationalId => "duplicate_national_id",
            Self::BirthDateMismatch => "birth_date_mismatch",
            Self::InvalidNationalId => "invalid_national_id",
            Self::DuplicateLicence => "duplicate_licence",
            Self::LastCredential => "last_credential",
            Self::ReverificationRequired => "reverification_required",
            Self::ConnectionFailed => "connection_failed",
            Self::DocumentRejected => "document_rejected",
            Self::RequestTimeout => "request_timeout",
            Self::DocumentMetadataInQuery => "document_metadata_in_query",
            Self::DocumentWrongPatient => "document_wrong_patient",
            Self::DocumentUnsafeNarrative => "document_unsafe_narrative",
            Self::EmergencyAccessLimitReached => "emergency_access_limit_reached",
            Self::WishLimitsRequired => "wish_limits_required",
            Self::WishTrustedPersonIncomplete => "wish_trusted_person_incomplete",
            Self::WishDateInFuture => "wish_date_in_future",
            Self::InvalidPhone => "invalid_phone",
            Self::InvalidEmail => "invalid_email",
            Self::RecordInObjectionWindow => "record_in_objection_window",
            Self::EmergencyAccessSwitchedOff => "emergency_access_switched_off",
            Self::PracticeCodeFailed => "practice_code_failed",
            Self::PracticeCodeLocked => "practice_code_locked",
            Self::RecordAlreadyClosed => "record_already_closed",
            Self::RecordNotReopenable => "record_not_reopenable",
            Self::ObjectionWindowClosed => "objection_window_closed",
            Self::FieldRequired => "field_required",
            Self::ContactRequired => "contact_required",
            Self::ConditionsNotAccepted => "conditions_not_accepted",
            Self::OpeningRequestDecided => "opening_request_decided",
            Self::IdentityCheckIncomplete => "identity_check_incomplete",
            Self::ImportFileInvalid => "import_file_invalid",
            Self::ImportNotReady => "import_not_ready",
            Self::FiguresRangeInvalid => "figures_range_invalid",
            Self::IdentityCheckRequired => "identity_check_required",
            Self::LicenceStateUnchanged => "licence_state_unchanged",
            Self::LicenceSuspended => "licence_suspended",
            Self::ActivationNotLocked => "activation_not_locked",
            Self::DuplicateOrganisation => "duplicate_organisation",
            Self::InvalidToken => "invalid_token",
            Self::InsufficientScope => "insufficient_scope",
            Self::RedirectUriInvalid => "redirect_uri_invalid",
            Self::ScopeInvalid => "scope_invalid",
            Self::AuthorizationRequestInvalid => "authorization_request_invalid",
            Self::UserCodeInvalid => "user_code_invalid",
            Self::FhirBundleNotTransaction => "fhir_bundle_not_transaction",
            Self::FhirBundleInvalid => "fhir_bundle_invalid",
            Self::FhirBase64Invalid => "fhir_base64_invalid",
            Self::FhirHashMismatch => "fhir_hash_mismatch",
            Self::FhirPatientMismatch => "fhir_patient_mismatch",
            Self::FhirCategoryUnknown => "fhir_category_unknown",
        }
    }

    /// The key of the translated message in the app's catalogues (`error-not-found`, …).
    #[must_use]
    pub fn message_key(self) -> String {
        format!("error-{}", self.as_str().replace('_', "-"))
    }
}

/// The body of every error response under `/api`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    /// The stable code.
    pub code: ApiErrorCode,
    /// The key of the message in the app's translation catalogues.
    pub message_key: String,
    /// The request id, also in the server's logs and the `x-request-id` header.
    pub request_id: String,
}

impl ApiError {
    /// The body for `code` in the request `request_id`.
    #[must_use]
    pub fn new(code: ApiErrorCode, request_id: impl Into<String>) -> Self {
        Self { code, message_key: code.message_key(), request_id: request_id.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_values_match_as_str() {
        for code in ApiErrorCode::ALL {
            assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{}\"", code.as_str()));
            assert!(code.message_key().starts_with("error-"));
        }
    }
}
