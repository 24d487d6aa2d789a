//! Serving the built web app from `dist/`.
//!
//! The web app is four apps (frontend/src/app.rs, `Area`), each with its own page and wasm:
//! a path whose first segment is `professional` gets the professionals' app
//! (`dist/professional-app/index.html`), `agency` the agency console (`dist/agency-app/`),
//! `/patient/personal-space` and `/patient/record` the patient's personal space (`dist/personal-app/`), any other the
//! portal (`dist/index.html`); each app's files are under its own directory.
//!
//! Only `GET` and `HEAD` reach it; any other method is `405` with `Allow: GET, HEAD` (a `POST`
//! or `TRACE` to a page must not get the app back). Files are served with their type (`.wasm`
//! as `application/wasm`); names that carry trunk's content hash are cached for a year,
//! everything else is revalidated, `index.html` never stored. Any path that does not look like a
//! file is a client route and gets `index.html`, so deep links and reloads work. A missing file
//! is a plain 404, never `index.html` (a stale script must not receive HTML).
//!
//! `scripts/build-web` compresses the assets once, at brotli's and gzip's best (`x.wasm.br`,
//! `x.wasm.gz`); a client that accepts them gets those bytes as they are (`Content-Encoding`,
//! `Vary: Accept-Encoding`), which the compression layer leaves alone. A file without them is
//! compressed on the fly as before.
//!
//! `index.html` carries a strict Content-Security-Policy: scripts and workers only from this
//! origin plus the hash of trunk's inline loader (computed from the file served), wasm
//! compilation allowed, nothing from elsewhere, no frames, no framing. Every other file carries
//! [`ASSET_POLICY`], which a browser applies when it runs the file as a worker (pdf.js's).

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// Cache policy for content-hashed assets.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The policy of every file but the page: browsers ignore it for a module or a style sheet and
/// apply it to a worker, so pdf.js's worker, parsing a document's bytes, may load only this
/// origin's scripts and wasm (its image decoders) and fetch only from it (its fonts), and a file
/// opened on its own runs nothing.
const ASSET_POLICY: &str =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

/// The fallback handler that serves the app.
pub async fn serve(State(dist): State<PathBuf>, request: Request) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return (StatusCode::METHOD_NOT_ALLOWED, [(header::ALLOW, "GET, HEAD")]).into_response();
    }
    let path = request.uri().path().to_owned();
    let last_segment = path.rsplit('/').next().unwrap_or_default();
    let looks_like_file = last_segment.contains('.') && last_segment != "index.html";
    if !looks_like_file {
        return index(&dist.join(app_of(&path))).await;
    }
    let Ok(response) = ServeDir::new(&dist)
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip()
        .oneshot(request)
        .await;
    let mut response = response.map(Body::new);
    let cache = if is_content_hashed(last_segment) { IMMUTABLE } else { "no-cache" };
    if response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED {
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(ASSET_POLICY));
    }
    response
}

/// The directory of the app that shows `path`, under `dist/`: the path's first segment decides
/// (its first two for the personal space), as `Route::area` does in the web app.
fn app_of(path: &str) -> &'static str {
    let mut segments = path.trim_start_matches('/').split('/');
    match (segments.next(), segments.next()) {
        (Some("professional"), _) => "professional-app",
        (Some("agency"), _) => "agency-app",
        (Some("patient"), Some("personal-space" | "record")) => "personal-app",
        _ => "",
    }
}

/// The app's page, with its Content-Security-Policy, never cached.
async fn index(dist: &Path) -> Response {
    let Ok(html) = tokio::fs::read_to_string(dist.join("index.html")).await else {
        return missing_build(dist);
    };
    let csp = content_security_policy(&html);
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8".to_owned()),
            (header::CACHE_CONTROL, "no-store".to_owned()),
            (header::CONTENT_SECURITY_POLICY, csp),
        ],
        html,
    )
        .into_response()
}

/// The policy for a page: its inline scripts are allowed by hash, nothing else inline. Workers
/// (pdf.js's) come from this origin only; images from `blob:` are the document viewer's.
fn content_security_policy(html: &str) -> String {
    let mut hashes = String::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let after_open = &rest[open..];
        let Some(tag_end) = after_open.find('>') else { break };
        let tag = &after_open[..tag_end];
        let body_and_rest = &after_open[tag_end + 1..];
        let Some(close) = body_and_rest.find("</script>") else { break };
        if !tag.contains(" src=") {
            let digest = Sha256::digest(&body_and_rest.as_bytes()[..close]);
            hashes.push_str(&format!(" 'sha256-{}'", data_encoding::BASE64.encode(&digest)));
        }
        rest = &body_and_rest[close..];
    }
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data: blob:; worker-src 'self'; frame-src 'none'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
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
    fn inline_scripts_are_allowed_by_hash_only() {
        let html = "<head><script type=\"module\">import init from '/a.js';</script>\
                    <script src=\"/b.js\"></script></head>";
        let csp = content_security_policy(html);
        let digest = Sha256::digest(b"import init from '/a.js';");
        let expected = format!("'sha256-{}'", data_encoding::BASE64.encode(&digest));
        assert!(csp.contains(&expected), "{csp}");
        assert_eq!(csp.matches("'sha256-").count(), 1, "external scripts need no hash");
        assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"));
        assert!(csp.contains("worker-src 'self';") && csp.contains("frame-src 'none';"), "{csp}");
        assert!(!csp.contains(" 'unsafe-eval'"), "{csp}");
    }

    #[test]
    fn trunk_hashes_are_recognised() {
        assert!(is_content_hashed("frontend-8f3c2a1b9d0e7f6a_bg.wasm"));
        assert!(is_content_hashed("style-0123456789abcdef.css"));
        assert!(!is_content_hashed("robots.txt"));
        assert!(!is_content_hashed("frontend_bg.wasm"));
    }
}
