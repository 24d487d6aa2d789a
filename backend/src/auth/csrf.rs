//! CSRF protection for state-changing API requests: they must come from this site's own pages.
//! `Sec-Fetch-Site` (sent by every current browser) must say `same-origin` (or `none` for a
//! typed URL); otherwise the `Origin` header must be the public origin. A request with neither is
//! refused. Bodies must also be JSON (the `ApiJson` extractor), which forms cannot send.

use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use shared::ApiErrorCode;

use crate::error::AppError;

/// Whether the headers show a same-site request, for the public origin `origin`.
#[must_use]
pub fn same_origin(headers: &axum::http::HeaderMap, origin: &str) -> bool {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = header("sec-fetch-site") {
        return matches!(site, "same-origin" | "none")
            && header("origin").is_none_or(|o| o == origin);
    }
    header("origin").is_some_and(|o| o == origin)
}

/// Middleware: refuses cross-site state-changing requests with `csrf_rejected`.
pub async fn protect(
    State(origin): State<std::sync::Arc<str>>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || same_origin(request.headers(), &origin) {
        next.run(request).await
    } else {
        tracing::warn!(method = %request.method(), "cross-site request refused");
        AppError::refused(StatusCode::FORBIDDEN, ApiErrorCode::CsrfRejected).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderMap;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn only_this_site_may_change_state() {
        let o = "https://dsp.example.lu";
        assert!(same_origin(&headers(&[("sec-fetch-site", "same-origin")]), o));
        assert!(same_origin(&headers(&[("origin", "https://dsp.example.lu")]), o));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")]), o));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "same-site")]), o));
        assert!(!same_origin(&headers(&[("origin", "https://evil.example")]), o));
        assert!(!same_origin(
            &headers(&[("sec-fetch-site", "same-origin"), ("origin", "https://evil.example")]),
            o
        ));
        assert!(!same_origin(&headers(&[]), o));
    }
}
