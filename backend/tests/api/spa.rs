//! Serving the built web app: types, caching, client-route fallback, compression (the
//! pre-compressed files of `scripts/build-web` sent as they are), the policies of the page and of
//! the other files (pdf.js's worker).

use std::path::Path;

use crate::common::{Engine, Options, TestApp};
use crate::on_both_databases;

on_both_databases!(
    the_web_app_is_served_with_the_right_types_and_caching,
    only_get_and_head_reach_the_web_app,
    each_app_is_sent_for_its_paths,
    pre_compressed_assets_are_sent_as_built,
    the_pdf_worker_runs_under_the_asset_policy,
);

const WASM: &str = "frontend-0123456789abcdef_bg.wasm";
const JS: &str = "frontend-0123456789abcdef.js";

/// A built web app: the portal in `dist/`, the professionals' app and the agency console in
/// their directories, each page saying which it is.
fn fake_dist(dir: &Path) {
    for (app, name) in [
        ("", "portal"),
        ("professional-app", "professional"),
        ("agency-app", "agency"),
        ("personal-app", "personal"),
    ] {
        std::fs::create_dir_all(dir.join(app)).unwrap();
        let page = format!("<!doctype html><title>DSP</title><!-- app:{name} -->");
        std::fs::write(dir.join(app).join("index.html"), page.repeat(100)).unwrap();
    }
    std::fs::write(dir.join(WASM), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join(JS), "export default function init() {}\n".repeat(100)).unwrap();
}

async fn the_web_app_is_served_with_the_right_types_and_caching(engine: Engine) {
    let dist = tempfile::tempdir().unwrap();
    fake_dist(dist.path());
    let app = TestApp::spawn_with(
        engine,
        Options { dist_dir: Some(dist.path().into()), ..Options::default() },
    )
    .await;

    let wasm = app.get(&format!("/{WASM}")).await;
    assert_eq!(wasm.status(), 200);
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
    assert_eq!(wasm.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(wasm.headers()["x-content-type-options"], "nosniff");
    assert_eq!(wasm.bytes().await.unwrap().as_ref(), b"\0asm\x01\0\0\0");

    let js = app.get(&format!("/{JS}")).await;
    assert!(js.headers()["content-type"].to_str().unwrap().contains("javascript"));

    for route in ["/", "/patient", "/agency/professionals/new", "/index.html"] {
        let page = app.get(route).await;
        assert_eq!(page.status(), 200, "{route}");
        assert!(page.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
        assert_eq!(page.headers()["cache-control"], "no-store", "{route}");
        let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval'"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        // pdf.js's worker, from this origin only; no frame of any kind (the viewer has none).
        assert!(csp.contains("worker-src 'self';"), "{csp}");
        assert!(csp.contains("frame-src 'none';") && !csp.contains(" 'unsafe-eval'"), "{csp}");
        assert!(page.text().await.unwrap().starts_with("<!doctype html>"));
    }

    let missing = app.get("/frontend-ffffffffffffffff.js").await;
    assert_eq!(missing.status(), 404);
    assert!(!missing.text().await.unwrap().contains("<!doctype html>"));

    for encoding in ["br", "gzip"] {
        let compressed = app
            .client
            .get(app.url(&format!("/{JS}")))
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(compressed.headers()["content-encoding"], encoding);
    }
}

/// A path's first segment picks the app whose page is sent (as the web app's `Route::area`
/// does); each app's files are served from its directory.
async fn each_app_is_sent_for_its_paths(engine: Engine) {
    let dist = tempfile::tempdir().unwrap();
    fake_dist(dist.path());
    std::fs::write(dist.path().join("agency-app/agency-0123456789abcdef.js"), "// agency\n")
        .unwrap();
    let app = TestApp::spawn_with(
        engine,
        Options { dist_dir: Some(dist.path().into()), ..Options::default() },
    )
    .await;
    for (path, name) in [
        ("/", "portal"),
        ("/patient/documents", "portal"),
        ("/security", "portal"),
        ("/professionals", "portal"),
        ("/professional-app", "portal"),
        ("/professional", "professional"),
        ("/professional/", "professional"),
        ("/professional/records/00000000-0000-0000-0000-00000000002a", "professional"),
        ("/agency", "agency"),
        ("/agency/emergency", "agency"),
        ("/agencyx", "portal"),
        ("/patient/personal-space", "personal"),
        ("/patient/personal-space/", "personal"),
        ("/patient/personal-spacex", "portal"),
        ("/patient/record", "personal"),
        ("/patient/recordx", "portal"),
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status(), 200, "{path}");
        assert_eq!(page.headers()["cache-control"], "no-store", "{path}");
        let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        let text = page.text().await.unwrap();
        assert!(text.contains(&format!("<!-- app:{name} -->")), "{path} got {text:.80}");
    }
    let js = app.get("/agency-app/agency-0123456789abcdef.js").await;
    assert_eq!(js.status(), 200);
    assert_eq!(js.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(js.text().await.unwrap(), "// agency\n");
}

async fn only_get_and_head_reach_the_web_app(engine: Engine) {
    let dist = tempfile::tempdir().unwrap();
    fake_dist(dist.path());
    let app = TestApp::spawn_with(
        engine,
        Options { dist_dir: Some(dist.path().into()), ..Options::default() },
    )
    .await;
    let paths = ["/", "/patient", "/index.html", &format!("/{JS}"), "/missing.js"];
    for path in paths {
        for method in ["POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "BREW"] {
            let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
            let response = app.client.request(method.clone(), app.url(path)).send().await.unwrap();
            assert_eq!(response.status(), 405, "{method} {path}");
            assert_eq!(response.headers()["allow"], "GET, HEAD", "{method} {path}");
            let body = response.text().await.unwrap();
            assert!(!body.contains("<title>DSP"), "{method} {path} got the app");
        }
    }
    let head = app.client.head(app.url("/patient")).send().await.unwrap();
    assert_eq!(head.status(), 200);
    assert!(head.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let head = app.client.head(app.url(&format!("/{JS}"))).send().await.unwrap();
    assert_eq!(head.status(), 200);
}

/// What `scripts/build-web` writes beside the wasm: stand-ins whose bytes differ from any
/// compression the server could make on the fly, so the test sees which bytes were sent.
const WASM_BR: &[u8] = b"pre-compressed by brotli -q 11";
const WASM_GZ: &[u8] = b"pre-compressed by gzip -9";

async fn pre_compressed_assets_are_sent_as_built(engine: Engine) {
    let dist = tempfile::tempdir().unwrap();
    fake_dist(dist.path());
    std::fs::write(dist.path().join(format!("{WASM}.br")), WASM_BR).unwrap();
    std::fs::write(dist.path().join(format!("{WASM}.gz")), WASM_GZ).unwrap();
    let app = TestApp::spawn_with(
        engine,
        Options { dist_dir: Some(dist.path().into()), ..Options::default() },
    )
    .await;
    let fetch = async |accept: Option<&str>| {
        let mut request = app.client.get(app.url(&format!("/{WASM}")));
        if let Some(accept) = accept {
            request = request.header("accept-encoding", accept);
        }
        request.send().await.unwrap()
    };

    // What a browser says: the brotli file, byte for byte, as the wasm it stands for.
    for (accept, encoding, bytes) in [
        (Some("gzip, deflate, br, zstd"), Some("br"), WASM_BR),
        (Some("br"), Some("br"), WASM_BR),
        (Some("gzip"), Some("gzip"), WASM_GZ),
        (None, None, b"\0asm\x01\0\0\0".as_slice()),
    ] {
        let response = fetch(accept).await;
        assert_eq!(response.status(), 200, "{accept:?}");
        let headers = response.headers().clone();
        assert_eq!(
            headers.get("content-encoding").map(|v| v.to_str().unwrap()),
            encoding,
            "{accept:?}"
        );
        assert_eq!(headers["content-type"], "application/wasm", "{accept:?}");
        assert_eq!(headers["cache-control"], "public, max-age=31536000, immutable");
        assert!(
            headers
                .get_all("vary")
                .iter()
                .any(|v| v.to_str().unwrap().eq_ignore_ascii_case("accept-encoding")),
            "{accept:?}: {headers:?}"
        );
        assert_eq!(headers["content-length"], bytes.len().to_string().as_str(), "{accept:?}");
        assert_eq!(response.bytes().await.unwrap().as_ref(), bytes, "{accept:?}");
    }
}

async fn the_pdf_worker_runs_under_the_asset_policy(engine: Engine) {
    let dist = tempfile::tempdir().unwrap();
    fake_dist(dist.path());
    std::fs::create_dir(dist.path().join("pdfjs")).unwrap();
    let worker = "globalThis.onmessage = () => {};\n".repeat(50);
    std::fs::write(dist.path().join("pdfjs/pdf.worker.min.mjs"), &worker).unwrap();
    let app = TestApp::spawn_with(
        engine,
        Options { dist_dir: Some(dist.path().into()), ..Options::default() },
    )
    .await;

    let response = app.get("/pdfjs/pdf.worker.min.mjs").await;
    assert_eq!(response.status(), 200);
    let headers = response.headers();
    assert!(headers["content-type"].to_str().unwrap().contains("javascript"), "{headers:?}");
    // Not content-hashed: revalidated, never kept stale.
    assert_eq!(headers["cache-control"], "no-cache");
    assert_eq!(
        headers["content-security-policy"],
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'"
    );
    assert_eq!(response.text().await.unwrap(), worker);
}
