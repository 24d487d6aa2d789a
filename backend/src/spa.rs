//! Serving the built web app from `dist/`.
//!
//! Files are served with their type (`.wasm` as `application/wasm`); names that carry trunk's
//! content hash are cached for a year, `index.html` never. Any path that does not look like a file
//! is a client route and gets `index.html`, so deep links and reloads work. A missing file is a
//! plain 404, never `index.html` (a stale script must not receive HTML).

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// Cache policy for content-hashed assets.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The fallback handler that serves the app.
pub async fn serve(State(dist): State<PathBuf>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let last_segment = path.rsplit('/').next().unwrap_or_default();
    let looks_like_file = last_segment.contains('.') && last_segment != "index.html";
    let result = if looks_like_file {
        ServeDir::new(&dist).append_index_html_on_directories(false).oneshot(request).await
    } else {
        ServeFile::new(dist.join("index.html")).oneshot(request).await
    };
    let Ok(response) = result;
    let mut response = response.map(Body::new);
    if !looks_like_file && response.status() == StatusCode::NOT_FOUND {
        return missing_build(&dist);
    }
    let cache = if !looks_like_file {
        "no-store"
    } else if is_content_hashed(last_segment) {
        IMMUTABLE
    } else {
        "no-cache"
    };
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    response
}

/// Whether a file name carries trunk's content hash (`frontend-1a2b3c4d5e6f7a8b_bg.wasm`).
fn is_content_hashed(name: &str) -> bool {
    name.split(['-', '.', '_'])
        .any(|part| part.len() >= 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn missing_build(dist: &Path) -> Response {
    tracing::error!(dist = %dist.display(), "the web app is not built");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::CACHE_CONTROL, "no-store")],
        "The web app is not built yet: run `trunk build --release` (scripts/run does it).",
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_hashes_are_recognised() {
        assert!(is_content_hashed("frontend-8f3c2a1b9d0e7f6a_bg.wasm"));
        assert!(is_content_hashed("style-0123456789abcdef.css"));
        assert!(!is_content_hashed("robots.txt"));
        assert!(!is_content_hashed("frontend_bg.wasm"));
    }
}
