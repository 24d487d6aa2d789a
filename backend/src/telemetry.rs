//! Structured logs and request ids: every request gets an `x-request-id` (kept if the client or a
//! proxy sent one), which appears in each log line of the request, in the response header and in
//! every error body.

use axum::http::{HeaderName, Request};
use tower_http::request_id::RequestId;
use tracing::Span;
use tracing_subscriber::EnvFilter;

/// The header that carries the request id.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// The request id header as a typed name.
#[must_use]
pub fn request_id_header() -> HeaderName {
    HeaderName::from_static(REQUEST_ID_HEADER)
}

/// Starts logging: filter from `DSP_LOG` (default `info`), JSON lines when `DSP_LOG_FORMAT=json`.
/// Calling it twice is harmless.
pub fn init() {
    let filter = EnvFilter::try_from_env("DSP_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let json = std::env::var("DSP_LOG_FORMAT").is_ok_and(|f| f == "json");
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    let _already_set = if json { builder.json().try_init() } else { builder.try_init() };
}

/// The span of one request: method, path and request id.
pub fn request_span<B>(request: &Request<B>) -> Span {
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .unwrap_or_default();
    tracing::info_span!(
        "request",
        method = %request.method(),
        path = %request.uri().path(),
        request_id = %request_id,
    )
}
