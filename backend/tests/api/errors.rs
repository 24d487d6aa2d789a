//! Client mistakes get JSON errors with stable codes and the request id, never HTML, never 500.

use reqwest::header::CONTENT_TYPE;
use serde_json::{Value, json};

use crate::common::{Engine, Options, TestApp};
use crate::on_both_databases;

on_both_databases!(
    unknown_api_paths_are_json_404,
    a_wrong_method_is_json_405,
    malformed_json_is_json_400,
    a_body_that_is_not_json_is_415,
    json_of_the_wrong_shape_is_422,
    an_oversized_body_is_413,
    a_client_request_id_is_kept,
    national_ids_are_checked_with_the_broken_rule_named,
    past_its_limit_the_server_refuses_at_once_with_503,
);

/// Asserts a JSON error with `code` whose request id matches the `x-request-id` header.
async fn assert_api_error(response: reqwest::Response, status: u16, code: &str) {
    assert_eq!(response.status(), status);
    let content_type = response.headers()[CONTENT_TYPE].to_str().unwrap().to_owned();
    assert_eq!(content_type, "application/json");
    let header_id = response.headers()["x-request-id"].to_str().unwrap().to_owned();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["message_key"], format!("error-{}", code.replace('_', "-")));
    assert_eq!(body["request_id"], header_id);
    assert!(!header_id.is_empty());
}

async fn unknown_api_paths_are_json_404(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    for path in ["/api/nope", "/api", "/api/", "/api/patients/123/documents", "/api/health/extra"] {
        assert_api_error(app.get(path).await, 404, "not_found").await;
    }
    let response = app.client.delete(app.url("/api/anything")).send().await.unwrap();
    assert_api_error(response, 404, "not_found").await;
}

async fn a_wrong_method_is_json_405(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app.client.post(app.url("/api/health")).send().await.unwrap();
    assert_eq!(response.headers()["allow"], "GET,HEAD");
    assert_api_error(response, 405, "method_not_allowed").await;
    assert_api_error(app.get("/api/national-ids/check").await, 405, "method_not_allowed").await;
}

async fn malformed_json_is_json_400(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    for body in ["{", "{\"national_id\": }", "", "nul"] {
        let response = app
            .client
            .post(app.url("/api/national-ids/check"))
            .header(CONTENT_TYPE, "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_api_error(response, 400, "malformed_json").await;
    }
}

async fn a_body_that_is_not_json_is_415(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app
        .client
        .post(app.url("/api/national-ids/check"))
        .header(CONTENT_TYPE, "text/plain")
        .body("{\"national_id\": \"1893120105732\"}")
        .send()
        .await
        .unwrap();
    assert_api_error(response, 415, "unsupported_media_type").await;
    let form = app
        .client
        .post(app.url("/api/national-ids/check"))
        .form(&[("national_id", "1893120105732")])
        .send()
        .await
        .unwrap();
    assert_api_error(form, 415, "unsupported_media_type").await;
}

async fn json_of_the_wrong_shape_is_422(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    for body in [
        json!({}),
        json!({"national_id": 1893120105732_u64}),
        json!([1, 2]),
        json!({"national_id": "1", "x": 1}),
    ] {
        assert_api_error(
            app.post_json("/api/national-ids/check", &body).await,
            422,
            "invalid_request",
        )
        .await;
    }
}

async fn an_oversized_body_is_413(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let big = format!("{{\"national_id\": \"{}\"}}", "1".repeat(2 * 1024 * 1024));
    let response = app
        .client
        .post(app.url("/api/national-ids/check"))
        .header(CONTENT_TYPE, "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_api_error(response, 413, "payload_too_large").await;
}

async fn a_client_request_id_is_kept(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app
        .client
        .get(app.url("/api/nope"))
        .header("x-request-id", "helpdesk-42")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["x-request-id"], "helpdesk-42");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["request_id"], "helpdesk-42");
}

async fn national_ids_are_checked_with_the_broken_rule_named(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let check = |id: &'static str| {
        let app = &app;
        async move {
            let response =
                app.post_json("/api/national-ids/check", &json!({"national_id": id})).await;
            assert_eq!(response.status(), 200);
            response.json::<Value>().await.unwrap()
        }
    };
    let valid = check("1893 1201 057 32").await;
    assert_eq!(valid["valid"], true);
    assert_eq!(valid["national_id"], "1893120105732");
    assert_eq!(valid["birth_date"], "1893-12-01");
    for (id, problem) in [
        ("18931201057a2", "national-id-not-digits"),
        ("189312010573", "national-id-wrong-length"),
        ("1893133105732", "national-id-invalid-birth-date"),
        ("1893120105742", "national-id-luhn-mismatch"),
        ("1893120105733", "national-id-verhoeff-mismatch"),
    ] {
        let verdict = check(id).await;
        assert_eq!(verdict["valid"], false, "{id}");
        assert_eq!(verdict["problem"], problem, "{id}");
        assert_eq!(verdict["national_id"], Value::Null);
    }
}

async fn past_its_limit_the_server_refuses_at_once_with_503(engine: Engine) {
    let app =
        TestApp::spawn_with(engine, Options { max_in_flight: Some(1), ..Options::default() }).await;
    // Each not-found answer holds its slot for the 10 ms floor: twenty at once overflow one slot.
    let requests = (0..20).map(|_| {
        let request = app.client.get(app.url("/api/no-such-thing"));
        async move {
            let start = std::time::Instant::now();
            let response = request.send().await.unwrap();
            (response, start.elapsed())
        }
    });
    let answers = futures::future::join_all(requests).await;
    let mut shed = 0;
    for (response, elapsed) in answers {
        if response.status() == 503 {
            shed += 1;
            assert_eq!(response.headers()["retry-after"], "1");
            assert!(elapsed < std::time::Duration::from_secs(1), "{elapsed:?}");
            assert_api_error(response, 503, "unavailable").await;
        } else {
            assert_eq!(response.status(), 404);
        }
    }
    assert!(shed > 0, "one slot cannot serve twenty requests at once");
}
