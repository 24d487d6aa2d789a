//! The key figures (issue 12 §4): `GET /api/agency/figures` for agents only, counted from the
//! database as the record's life goes on, and the same figures with the service's metrics at
//! `GET /metrics` in Prometheus' text format, behind `DSP_METRICS_TOKEN`.

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::Browser;
use crate::common::{Engine, Options, TestApp, filed_as};
use crate::on_both_databases;

on_both_databases!(
    the_figures_follow_the_record_s_life,
    only_agents_read_the_figures,
    metrics_answer_only_the_token_in_the_text_format,
    without_a_token_configured_there_is_no_metrics_page,
);

const NATIONAL_ID: &str = "1893120105732";
const TOKEN: &str = "scrape-me-0123456789abcdef";
const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

async fn spawn(engine: Engine) -> TestApp {
    TestApp::spawn_with(
        engine,
        Options { vars: vec![("DSP_METRICS_TOKEN", TOKEN.into())], ..Options::default() },
    )
    .await
}

async fn figures(app: &TestApp, agent: &Browser) -> Value {
    let answer = app.get_as(agent, "/api/agency/figures").await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    answer.body
}

/// The figures that are counts, by name.
fn count(figures: &Value, name: &str) -> u64 {
    figures[name].as_u64().unwrap_or_else(|| panic!("{name} in {figures}"))
}

/// Each figure, checked against what the test did: `expected` lists (name, value).
fn assert_figures(figures: &Value, expected: &[(&str, u64)]) {
    for (name, value) in expected {
        assert_eq!(count(figures, name), *value, "{name} in {figures}");
    }
}

async fn the_figures_follow_the_record_s_life(engine: Engine) {
    let app = spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let start = figures(&app, &agent).await;
    assert_figures(
        &start,
        &[
            ("records_open", 0),
            ("records_activated", 0),
            ("records_closed", 0),
            ("letters_waiting", 0),
            ("professionals_activated", 0),
            ("documents", 0),
            ("emergency_accesses", 0),
            ("emergency_accesses_last_24h", 0),
        ],
    );
    // The agent's enrolment opened a session: one connection today.
    let connections = count(&start, "connections_last_24h");
    assert!(connections >= 1, "{start}");
    // No objection yet: counted, zero (the purge tests count them as they come).
    assert_eq!(start["objections"], 0);

    let patient_id = app.create_patient(&mut agent, NATIONAL_ID, "fr").await;
    let created = figures(&app, &agent).await;
    assert_figures(
        &created,
        &[("records_open", 1), ("records_activated", 0), ("letters_waiting", 1)],
    );

    let code = app.letter_code(&agent, &patient_id).await;
    let lettered = figures(&app, &agent).await;
    assert_figures(&lettered, &[("records_open", 1), ("letters_waiting", 0)]);

    let mut patient = Browser::default();
    let activated = app.activate(&mut patient, &mut Passkey::new(), NATIONAL_ID, &code).await;
    assert_eq!(activated.status, 200, "{:?}", activated.body);
    let (_, enrolment) = app.create_professional(&mut agent, "M-1", "MED").await;
    let registered = figures(&app, &agent).await;
    // Registered in the directory, no key yet: not activated.
    assert_figures(&registered, &[("records_activated", 1), ("professionals_activated", 0)]);
    let mut doctor = Browser::default();
    let enrolled = app.enrol(&mut doctor, &mut SecurityKey::new(7), &enrolment).await;
    assert_eq!(enrolled.status, 200, "{:?}", enrolled.body);
    let after_sign_ins = figures(&app, &agent).await;
    assert_figures(
        &after_sign_ins,
        &[
            ("records_open", 1),
            ("records_activated", 1),
            ("professionals_activated", 1),
            // The patient's activation and the doctor's enrolment each opened a session.
            ("connections_last_24h", connections + 2),
        ],
    );

    let link_code =
        app.send(&mut patient, "/api/me/connection-code", &json!({})).await.body["code"]
            .as_str()
            .unwrap()
            .to_owned();
    let opened = app
        .send(
            &mut doctor,
            "/api/professional/consultations",
            &json!({"national_id": NATIONAL_ID, "connection_code": link_code}),
        )
        .await;
    assert_eq!(opened.status, 200, "{:?}", opened.body);
    let request =
        app.request(&doctor, Method::POST, &format!("/api/records/{patient_id}/documents"));
    let filed = filed_as(request, Some("summaries"), "Compte rendu", "2026-11-20", None)
        .header("content-type", "application/pdf")
        .body(PDF.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(filed.status().as_u16(), 200);
    let document: Value = filed.json().await.unwrap();
    assert_figures(&figures(&app, &agent).await, &[("documents", 1)]);

    let withdrawn = app
        .send(
            &mut doctor,
            &format!("/api/documents/{}/withdraw", document["id"].as_str().unwrap()),
            &json!({"reason": "wrong patient"}),
        )
        .await;
    assert_eq!(withdrawn.status, 200, "{:?}", withdrawn.body);
    assert_figures(&figures(&app, &agent).await, &[("documents", 0), ("records_open", 1)]);

    // An emergency access by a professional without a link.
    let (_, enrolment) = app.create_professional(&mut agent, "M-2", "MED").await;
    let mut emergency_doctor = Browser::default();
    let enrolled = app.enrol(&mut emergency_doctor, &mut SecurityKey::new(8), &enrolment).await;
    assert_eq!(enrolled.status, 200, "{:?}", enrolled.body);
    let broke = app
        .send(
            &mut emergency_doctor,
            &format!("/api/records/{patient_id}/emergency-access"),
            &json!({"reason": "Unconscious at the emergency department"}),
        )
        .await;
    assert_eq!(broke.status, 200, "{:?}", broke.body);
    assert_figures(
        &figures(&app, &agent).await,
        &[
            ("emergency_accesses", 1),
            ("emergency_accesses_last_24h", 1),
            ("professionals_activated", 2),
            ("connections_last_24h", connections + 3),
        ],
    );

    // A day later the sign-ins have left the window (the agent's reading session is still
    // the old one); the totals stay.
    app.clock.advance(chrono::TimeDelta::hours(25));
    let (agent_next_day, _) = app.signed_in_agent().await;
    let next_day = figures(&app, &agent_next_day).await;
    assert_figures(
        &next_day,
        &[
            ("connections_last_24h", 1),
            ("records_open", 1),
            ("records_activated", 1),
            ("professionals_activated", 2),
            ("emergency_accesses", 1),
            ("emergency_accesses_last_24h", 0),
        ],
    );

    // Closing comes with the record's life (issue 12 §2); the state it will write is counted.
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    let id: uuid::Uuid = patient_id.parse().unwrap();
    let row = dsp::entity::patient::Entity::find_by_id(id).one(&app.db).await.unwrap().unwrap();
    let mut closed: dsp::entity::patient::ActiveModel = row.into();
    closed.record_state = Set("closed".into());
    closed.update(&app.db).await.unwrap();
    assert_figures(
        &figures(&app, &agent_next_day).await,
        &[("records_open", 0), ("records_activated", 0), ("records_closed", 1)],
    );
}

async fn only_agents_read_the_figures(engine: Engine) {
    let app = spawn(engine).await;
    let (doctor, patient, _) = app.linked_physician().await;
    assert_eq!(app.get_as(&doctor, "/api/agency/figures").await.status, 403);
    assert_eq!(app.get_as(&patient, "/api/agency/figures").await.status, 403);
    assert_eq!(app.get_as(&Browser::default(), "/api/agency/figures").await.status, 401);
    let (agent, _) = app.signed_in_agent().await;
    let figures = figures(&app, &agent).await;
    assert_figures(&figures, &[("records_open", 1), ("professionals_activated", 1)]);
}

async fn scrape(app: &TestApp, authorization: Option<&str>) -> (u16, String, String) {
    let mut request = app.client.get(app.url("/metrics"));
    if let Some(value) = authorization {
        request = request.header("authorization", value);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, content_type, response.text().await.unwrap())
}

/// The value of one sample line (`name{labels} value`).
fn sample(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .unwrap_or_else(|| panic!("no {series} in\n{text}"))
        .parse()
        .unwrap()
}

async fn metrics_answer_only_the_token_in_the_text_format(engine: Engine) {
    let app = spawn(engine).await;
    let bearer = format!("Bearer {TOKEN}");
    let wrong = format!("Bearer {TOKEN}x");
    let shorter = format!("Bearer {}", &TOKEN[..TOKEN.len() - 1]);
    for refused in [None, Some(wrong.as_str()), Some(shorter.as_str()), Some(TOKEN)] {
        let (status, _, body) = scrape(&app, refused).await;
        assert_eq!(status, 401, "{refused:?}");
        assert!(body.is_empty(), "no detail: {body}");
    }
    // A session does not open it either: only the token.
    let (mut agent, _) = app.signed_in_agent().await;
    let with_session = app.request(&agent, Method::GET, "/metrics").send().await.unwrap();
    assert_eq!(with_session.status().as_u16(), 401);

    app.create_patient(&mut agent, NATIONAL_ID, "de").await;
    let (status, content_type, text) = scrape(&app, Some(&bearer)).await;
    assert_eq!(status, 200, "{text}");
    assert!(content_type.starts_with("text/plain; version=0.0.4"), "{content_type}");
    for (name, kind) in [
        ("dsp_records_open", "gauge"),
        ("dsp_records", "gauge"),
        ("dsp_professionals_activated", "gauge"),
        ("dsp_documents", "gauge"),
        ("dsp_connections_last_24h", "gauge"),
        ("dsp_emergency_accesses", "gauge"),
        ("dsp_emergency_accesses_last_24h", "gauge"),
        ("dsp_letters_waiting", "gauge"),
        ("dsp_http_requests_total", "counter"),
        ("dsp_http_requests_in_flight", "gauge"),
        ("dsp_http_request_duration_seconds", "histogram"),
        ("dsp_db_pool_connections", "gauge"),
        ("dsp_db_pool_idle_connections", "gauge"),
        ("dsp_db_pool_max_connections", "gauge"),
    ] {
        assert!(text.contains(&format!("\n# TYPE {name} {kind}\n")), "{name}:\n{text}");
        assert!(text.contains(&format!("# HELP {name} ")), "{name}:\n{text}");
    }
    assert_eq!(sample(&text, "dsp_objections"), 0.0);
    assert_eq!(sample(&text, "dsp_records_open"), 1.0);
    assert_eq!(sample(&text, "dsp_records{state=\"created\"}"), 1.0);
    assert_eq!(sample(&text, "dsp_records{state=\"activated\"}"), 0.0);
    assert_eq!(sample(&text, "dsp_letters_waiting"), 1.0);
    assert_eq!(sample(&text, "dsp_documents"), 0.0);
    assert_eq!(sample(&text, "dsp_connections_last_24h"), 1.0);
    // The five refusals at least were counted as 4xx; this scrape is in flight.
    assert!(sample(&text, "dsp_http_requests_total{class=\"4xx\"}") >= 5.0, "{text}");
    assert!(sample(&text, "dsp_http_requests_total{class=\"2xx\"}") >= 2.0, "{text}");
    assert!(sample(&text, "dsp_http_requests_in_flight") >= 1.0, "{text}");
    let count = sample(&text, "dsp_http_request_duration_seconds_count");
    assert_eq!(sample(&text, "dsp_http_request_duration_seconds_bucket{le=\"+Inf\"}"), count);
    let total: f64 = (1..=5)
        .map(|c| sample(&text, &format!("dsp_http_requests_total{{class=\"{c}xx\"}}")))
        .sum();
    assert_eq!(total, count, "every answered request is in the histogram");
    assert_eq!(sample(&text, "dsp_db_pool_max_connections"), 5.0);
    assert!(sample(&text, "dsp_db_pool_connections") >= 1.0);

    let letter =
        app.request(&agent, Method::POST, "/api/agency/patients/x/letter").send().await.unwrap();
    assert!(letter.status().is_client_error());
    let (_, _, after) = scrape(&app, Some(&bearer)).await;
    assert!(
        sample(&after, "dsp_http_requests_total{class=\"4xx\"}")
            > sample(&text, "dsp_http_requests_total{class=\"4xx\"}"),
        "{after}"
    );
}

async fn without_a_token_configured_there_is_no_metrics_page(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (status, _, body) = scrape(&app, Some(&format!("Bearer {TOKEN}"))).await;
    assert_eq!(status, 404);
    assert!(!body.contains("dsp_"), "{body}");
}
