//! Response headers that keep personal data out of caches and the app's window to itself:
//! `Cache-Control: no-store` on every API answer but the health check and the contract,
//! `Cross-Origin-Opener-Policy`, and `Strict-Transport-Security` under an https origin.

use reqwest::Method;
use serde_json::json;

use crate::common::personas::Browser;
use crate::common::{Engine, Options, TestApp};
use crate::on_both_databases;

on_both_databases!(
    api_answers_are_never_stored_but_the_health_check_and_the_contract,
    the_app_keeps_its_window_to_itself_and_https_is_pinned,
);

fn cache_control(response: &reqwest::Response) -> &str {
    response.headers().get("cache-control").and_then(|v| v.to_str().ok()).unwrap_or_default()
}

async fn api_answers_are_never_stored_but_the_health_check_and_the_contract(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient = app.create_patient(&mut agent, "1893120105732", "fr").await;
    // Successful answers that carry personal or health data, read and write alike.
    let reads = [
        "/api/auth/session".to_owned(),
        format!("/api/agency/patients/{patient}"),
        "/api/agency/organisations".to_owned(),
        "/api/me/credentials".to_owned(),
        "/api/me/sessions".to_owned(),
    ];
    for path in &reads {
        let response = app.request(&agent, Method::GET, path).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(cache_control(&response), "no-store", "{path}");
    }
    let created = app
        .request(&agent, Method::POST, "/api/agency/professionals")
        .json(&json!({"given_name": "Anne", "family_name": "Kayser", "profession": "MED",
                      "licence_number": "M-77", "organisation_id": uuid::Uuid::new_v4()}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 422, "an unknown organisation");
    assert_eq!(cache_control(&created), "no-store");
    let checked = app
        .client
        .post(app.url("/api/national-ids/check"))
        .json(&json!({"national_id": "1893120105732"}))
        .send()
        .await
        .unwrap();
    assert_eq!(checked.status(), 200);
    assert_eq!(cache_control(&checked), "no-store", "the verdict names a birth date");
    let refused = app.request(&Browser::default(), Method::GET, "/api/me/care").send().await;
    assert_eq!(cache_control(&refused.unwrap()), "no-store");
    // Nothing personal in these two: caches may keep them (revalidating).
    for path in ["/api/health", "/api/openapi.json"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(cache_control(&response), "no-cache", "{path}");
    }
    assert!(
        app.get("/api/health").await.headers().get("strict-transport-security").is_none(),
        "no HSTS on a plain-HTTP origin (development): it would pin localhost"
    );
}

async fn the_app_keeps_its_window_to_itself_and_https_is_pinned(engine: Engine) {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!doctype html><title>DSP</title>").unwrap();
    let app = TestApp::spawn_with(
        engine,
        Options { dist_dir: Some(dist.path().into()), https_origin: true, ..Options::default() },
    )
    .await;
    assert!(app.base.starts_with("https://"));
    for path in ["/", "/patient/documents", "/api/health", "/api/auth/session", "/api/nowhere"] {
        let response = app.get(path).await;
        assert_eq!(
            response.headers().get("cross-origin-opener-policy").map(|v| v.to_str().unwrap()),
            Some("same-origin"),
            "{path}"
        );
        assert_eq!(
            response.headers().get("strict-transport-security").map(|v| v.to_str().unwrap()),
            Some("max-age=31536000; includeSubDomains"),
            "{path}"
        );
    }
}
