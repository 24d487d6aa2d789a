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
}

impl ApiErrorCode {
    /// Every code, for exhaustive translation tests.
    pub const ALL: [Self; 9] = [
        Self::NotFound,
        Self::MethodNotAllowed,
        Self::MalformedJson,
        Self::InvalidRequest,
        Self::UnsupportedMediaType,
        Self::PayloadTooLarge,
        Self::RateLimited,
        Self::Unavailable,
        Self::Internal,
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
