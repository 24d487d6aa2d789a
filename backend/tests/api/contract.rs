//! The OpenAPI document describes every route, with the shared types as schemas.

use std::path::Path;

use serde_json::Value;

use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(the_openapi_document_lists_every_route_and_each_answers);

/// Every API route the server has. Adding a route without listing it here fails
/// `every_route_is_in_the_contract`; removing one from the document fails the test below.
const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/health"),
    ("post", "/api/national-ids/check"),
    ("get", "/api/openapi.json"),
    ("post", "/api/auth/sign-in/start"),
    ("post", "/api/auth/sign-in/finish"),
    ("post", "/api/auth/sign-out"),
    ("get", "/api/auth/session"),
    ("post", "/api/activation/start"),
    ("post", "/api/activation/finish"),
    ("post", "/api/enrolment/start"),
    ("post", "/api/enrolment/finish"),
    ("post", "/api/me/reverify/start"),
    ("post", "/api/me/reverify/finish"),
    ("get", "/api/me/credentials"),
    ("post", "/api/me/credentials/start"),
    ("post", "/api/me/credentials/finish"),
    ("patch", "/api/me/credentials/{id}"),
    ("delete", "/api/me/credentials/{id}"),
    ("get", "/api/me/sessions"),
    ("delete", "/api/me/sessions/{id}"),
    ("get", "/api/me/history"),
    ("get", "/api/me/history.csv"),
    ("get", "/api/me/history.fhir.json"),
    ("get", "/api/agency/patients"),
    ("post", "/api/agency/patients"),
    ("get", "/api/agency/patients/{id}"),
    ("post", "/api/agency/patients/{id}/letter"),
    ("get", "/api/agency/organisations"),
    ("get", "/api/agency/professionals"),
    ("post", "/api/agency/professionals"),
    ("post", "/api/agency/professionals/{id}/enrolment-code"),
    ("post", "/api/me/connection-code"),
    ("get", "/api/me/care"),
    ("post", "/api/me/links"),
    ("delete", "/api/me/links/{id}"),
    ("put", "/api/me/referent"),
    ("put", "/api/me/blocks/{professional_id}"),
    ("delete", "/api/me/blocks/{professional_id}"),
    ("put", "/api/me/emergency-access"),
    ("get", "/api/me/directory"),
    ("post", "/api/professional/consultations"),
    ("post", "/api/records/{patient_id}/documents"),
    ("get", "/api/records/{patient_id}/documents"),
    ("get", "/api/me/documents"),
    ("get", "/api/documents/{id}/content"),
    ("put", "/api/me/documents/{id}/restriction"),
    ("post", "/api/records/{patient_id}/emergency-access"),
    ("post", "/api/me/documents"),
    ("post", "/api/documents/{id}/versions"),
    ("get", "/api/documents/{id}/versions"),
    ("post", "/api/documents/{id}/withdraw"),
    ("post", "/api/records/{patient_id}/refusals"),
    ("post", "/api/professional/admissions"),
    ("post", "/api/professional/links/{id}/renew"),
    ("get", "/api/professional/patients"),
    ("get", "/api/records/{patient_id}/history"),
    ("get", "/api/me/notifications"),
    ("post", "/api/me/notifications/read"),
    ("get", "/api/agency/emergency-accesses"),
    ("get", "/api/agency/emergency-alerts"),
];

async fn the_openapi_document_lists_every_route_and_each_answers(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app.get("/api/openapi.json").await;
    assert_eq!(response.status(), 200);
    let doc: Value = response.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["info"]["title"].as_str().unwrap().contains("DSP"));
    let paths = doc["paths"].as_object().unwrap();
    let mut documented: Vec<(String, String)> = paths
        .iter()
        .flat_map(|(path, item)| {
            item.as_object().unwrap().keys().map(move |method| (method.clone(), path.clone()))
        })
        .collect();
    documented.sort();
    let mut expected: Vec<(String, String)> =
        ROUTES.iter().map(|(m, p)| ((*m).to_owned(), (*p).to_owned())).collect();
    expected.sort();
    assert_eq!(documented, expected);
    for (method, path) in ROUTES {
        let operation = &doc["paths"][path][method];
        assert!(operation["responses"].as_object().is_some_and(|r| !r.is_empty()), "{path}");
        let concrete = path
            .replace("{id}", "00000000-0000-0000-0000-000000000000")
            .replace("{professional_id}", "00000000-0000-0000-0000-000000000000")
            .replace("{patient_id}", "00000000-0000-0000-0000-000000000000");
        let request =
            app.client.request(method.to_uppercase().parse().unwrap(), app.url(&concrete));
        let answer = request.send().await.unwrap();
        // Unrouted paths answer 404 (or 405); routed ones answer 401 without a session, or a
        // 4xx about the missing body.
        assert!(
            ![404, 405].contains(&answer.status().as_u16()),
            "{method} {path} is documented but not routed ({})",
            answer.status()
        );
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in ["ApiError", "ApiErrorCode", "HealthResponse", "NationalIdCheckRequest"] {
        assert!(schemas.contains_key(name), "schema {name} missing");
    }
}

/// Routes are only ever added through `utoipa_axum::routes!`, which documents them; a plain
/// axum `.route(` in the API modules would create an undocumented endpoint.
#[test]
fn every_route_is_in_the_contract() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/routes");
    let mut handlers = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        assert!(
            !source.contains(".route(") && !source.contains(".route_service("),
            "{} registers a route outside utoipa_axum::routes!",
            path.display()
        );
        handlers += source.matches("#[utoipa::path(").count();
    }
    assert_eq!(handlers, ROUTES.len(), "a handler is missing from ROUTES in this test");
}
