//! What can go wrong in a ceremony, as the app tells it: the browser's `DOMException` names
//! mapped to a few cases that each have a message, and the union with API failures that a
//! whole flow (server start → authenticator → server finish) can end in.

use crate::api::ApiFailure;

/// Why the browser or authenticator produced no credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CeremonyError {
    /// This browser has no WebAuthn JSON helpers, or the page is not a secure context.
    Unsupported,
    /// `NotAllowedError`: the person cancelled, the time ran out, or no key matched.
    Cancelled,
    /// `AbortError`: the person pressed the app's own "Cancel".
    Aborted,
    /// `InvalidStateError`: this authenticator already holds a credential for this account.
    AlreadyRegistered,
    /// `NotSupportedError` / `ConstraintError`: the authenticator cannot do what is required
    /// (e.g. check a PIN or fingerprint, or keep a resident key).
    AuthenticatorUnsuitable,
    /// `SecurityError`: the page's address does not match the service's.
    Security,
    /// Anything else, by its error name.
    Other(String),
}

impl CeremonyError {
    /// Classifies a `DOMException` (or `Error`) name.
    #[must_use]
    pub fn from_dom_name(name: &str) -> Self {
        match name {
            "NotAllowedError" => Self::Cancelled,
            "AbortError" => Self::Aborted,
            "InvalidStateError" => Self::AlreadyRegistered,
            "NotSupportedError" | "ConstraintError" => Self::AuthenticatorUnsuitable,
            "SecurityError" => Self::Security,
            "ReferenceError" => Self::Unsupported,
            other => Self::Other(other.to_owned()),
        }
    }
}

/// Why a whole ceremony flow stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowError {
    /// The server refused or could not be reached.
    Api(ApiFailure),
    /// The browser or the authenticator gave no credential.
    Ceremony(CeremonyError),
}

impl From<ApiFailure> for FlowError {
    fn from(failure: ApiFailure) -> Self {
        Self::Api(failure)
    }
}

impl From<CeremonyError> for FlowError {
    fn from(error: CeremonyError) -> Self {
        Self::Ceremony(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dom_exception_names_are_classified() {
        assert_eq!(CeremonyError::from_dom_name("NotAllowedError"), CeremonyError::Cancelled);
        assert_eq!(CeremonyError::from_dom_name("AbortError"), CeremonyError::Aborted);
        assert_eq!(
            CeremonyError::from_dom_name("InvalidStateError"),
            CeremonyError::AlreadyRegistered
        );
        assert_eq!(
            CeremonyError::from_dom_name("ConstraintError"),
            CeremonyError::AuthenticatorUnsuitable
        );
        assert_eq!(CeremonyError::from_dom_name("SecurityError"), CeremonyError::Security);
        assert_eq!(
            CeremonyError::from_dom_name("TypeError"),
            CeremonyError::Other("TypeError".to_owned())
        );
    }
}
