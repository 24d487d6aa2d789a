//! Talking to the JSON API under `/api`: one request function and one module per resource.
//!
//! Turning a response into a value or an [`ApiFailure`] is plain Rust ([`interpret`]), tested
//! natively; only [`get_json`] touches the network. Session cookies travel by the browser's
//! same-origin default: the app never stores tokens.

pub mod health;

use gloo_net::http::Request;
use serde::de::DeserializeOwned;
use shared::ApiError;

/// Why an API call produced no value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiFailure {
    /// The request did not reach the server, or its answer was cut off.
    Network,
    /// The server answered with its error body (`{code, message_key, request_id}`).
    Api(ApiError),
    /// An error status without our error body (e.g. from a proxy in between).
    Http(u16),
    /// A success status whose body is not what the API promises.
    Decode,
}

/// The state of data that a page or the shell fetches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Remote<T> {
    /// The request is on its way.
    Loading,
    /// The data arrived.
    Ready(T),
    /// The request failed.
    Failed(ApiFailure),
}

impl<T> From<Result<T, ApiFailure>> for Remote<T> {
    fn from(result: Result<T, ApiFailure>) -> Self {
        result.map_or_else(Self::Failed, Self::Ready)
    }
}

/// `GET path` and read the JSON answer.
pub async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiFailure> {
    let response = Request::get(path)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| ApiFailure::Network)?;
    let status = response.status();
    let body = response.text().await.map_err(|_| ApiFailure::Network)?;
    interpret(status, &body)
}

/// The value of a success response, or why there is none.
pub fn interpret<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiFailure> {
    if (200..300).contains(&status) {
        serde_json::from_str(body).map_err(|_| ApiFailure::Decode)
    } else {
        Err(serde_json::from_str::<ApiError>(body)
            .map_or(ApiFailure::Http(status), ApiFailure::Api))
    }
}

#[cfg(test)]
mod tests {
    use shared::ApiErrorCode;
    use shared::api::health::{DatabaseEngine, HealthResponse};

    use super::*;

    #[test]
    fn a_success_body_is_decoded() {
        let body = r#"{"status":"ok","version":"0.1.0","database":"postgres",
                       "migration":"m20261125_000001_init","migrations_applied":3}"#;
        let health: HealthResponse = interpret(200, body).unwrap();
        assert_eq!(health.database, DatabaseEngine::Postgres);
        assert_eq!(health.migrations_applied, 3);
        assert_eq!(interpret::<HealthResponse>(200, "<html>"), Err(ApiFailure::Decode));
    }

    #[test]
    fn an_error_body_keeps_code_and_request_id() {
        let body =
            r#"{"code":"rate_limited","message_key":"error-rate-limited","request_id":"r1"}"#;
        assert_eq!(
            interpret::<HealthResponse>(429, body),
            Err(ApiFailure::Api(ApiError::new(ApiErrorCode::RateLimited, "r1")))
        );
    }

    #[test]
    fn an_error_without_our_body_keeps_its_status() {
        assert_eq!(interpret::<HealthResponse>(404, "Not Found"), Err(ApiFailure::Http(404)));
        let unknown_code =
            r#"{"code":"brand_new","message_key":"error-brand-new","request_id":"r"}"#;
        assert_eq!(interpret::<HealthResponse>(418, unknown_code), Err(ApiFailure::Http(418)));
    }
}
