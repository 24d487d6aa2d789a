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

/// The span of one request: method, path and request id; never the query string, where a
/// client may have put personal data.
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

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    /// Log output kept in memory.
    #[derive(Clone, Default)]
    struct Lines(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Lines {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Lines {
        type Writer = Self;

        fn make_writer(&'a self) -> Self {
            self.clone()
        }
    }

    #[test]
    fn the_access_log_names_the_path_never_the_query() {
        let lines = Lines::default();
        let subscriber =
            tracing_subscriber::fmt().with_writer(lines.clone()).with_ansi(false).finish();
        tracing::subscriber::with_default(subscriber, || {
            let request = Request::get("/api/me/history?actor=1893120105732&from=2026-01-01")
                .body(())
                .unwrap();
            let span = request_span(&request);
            let _entered = span.enter();
            tracing::info!("finished processing request");
        });
        let text = String::from_utf8(lines.0.lock().unwrap().clone()).unwrap();
        assert!(text.contains("path=/api/me/history"), "{text}");
        assert!(!text.contains("1893120105732") && !text.contains('?'), "{text}");
    }
}
