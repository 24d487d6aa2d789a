//! The agency's review of emergency accesses (a disposition per access, with a note, by an
//! agent; the patient sees it in their history and notifications) and patients' contact data
//! (phone and e-mail, validated, set by the patient or an agent, audited).

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::{Answer, Browser, answer};
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    an_agent_records_a_disposition_and_the_patient_sees_it,
    only_an_agent_records_a_disposition_and_bad_ones_store_nothing,
);

const NATIONAL_ID: &str = "1893120105732";
const REASON: &str = "Unconscious at the emergency department, allergies needed";

/// An agent, an activated patient and a physician who opened an emergency access to the
/// record.
struct Scene {
    app: TestApp,
    agent: Browser,
    patient: Browser,
    patient_id: String,
    doctor: Browser,
    doctor_id: String,
    access_id: String,
}

async fn scene(engine: Engine) -> Scene {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient_id = app.create_patient(&mut agent, NATIONAL_ID, "lb").await;
    let code = app.letter_code(&agent, &patient_id).await;
    let mut patient = Browser::default();
    let activated = app.activate(&mut patient, &mut Passkey::new(), NATIONAL_ID, &code).await;
    assert_eq!(activated.status, 200, "{:?}", activated.body);
    let (doctor_id, code) = app.create_professional(&mut agent, "M-12", "MED").await;
    let mut doctor = Browser::default();
    assert_eq!(app.enrol(&mut doctor, &mut SecurityKey::new(41), &code).await.status, 200);
    let path = format!("/api/records/{patient_id}/emergency-access");
    let opened = app.send(&mut doctor, &path, &json!({"reason": REASON})).await;
    assert_eq!(opened.status, 200, "{:?}", opened.body);
    let access_id = opened.body["id"].as_str().unwrap().to_owned();
    // The review comes later (notifications are ordered by time).
    app.clock.advance(chrono::TimeDelta::minutes(5));
    Scene { app, agent, patient, patient_id, doctor, doctor_id, access_id }
}

async fn put(app: &TestApp, browser: &Browser, path: &str, body: &Value) -> Answer {
    let response = app.request(browser, Method::PUT, path).json(body).send().await.unwrap();
    answer(&mut browser.clone(), response).await
}

fn disposition_path(id: &str) -> String {
    format!("/api/agency/emergency-accesses/{id}/disposition")
}

async fn review(s: &Scene) -> Value {
    let listed = s.app.get_as(&s.agent, "/api/agency/emergency-accesses").await;
    assert_eq!(listed.status, 200, "{:?}", listed.body);
    listed
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == s.access_id.as_str())
        .unwrap()
        .clone()
}

async fn an_agent_records_a_disposition_and_the_patient_sees_it(engine: Engine) {
    let s = scene(engine).await;
    let before = review(&s).await;
    assert_eq!(before["disposition"], Value::Null, "not reviewed yet");
    assert_eq!(before["reason"], REASON);
    assert!(before["expires_at"].is_string());

    let note = "Confirmed with the emergency department: the patient was admitted unconscious.";
    let set = put(
        &s.app,
        &s.agent,
        &disposition_path(&s.access_id),
        &json!({"disposition": "questioned", "note": format!("  {note} ")}),
    )
    .await;
    assert_eq!(set.status, 200, "{:?}", set.body);
    assert_eq!(set.body["disposition"]["disposition"], "questioned");
    assert_eq!(set.body["disposition"]["note"], note);
    assert_eq!(set.body["disposition"]["agent"], "Agent Test");
    assert_eq!(review(&s).await["disposition"], set.body["disposition"]);

    // Audited, on the record, naming the agent and the professional.
    let entry = s.app.audit("emergency_access_reviewed").await.pop().unwrap();
    assert_eq!(entry.outcome, "success");
    assert_eq!(entry.actor_kind.as_deref(), Some("agent"));
    assert_eq!(entry.patient_id.unwrap().to_string(), s.patient_id);
    assert_eq!(entry.target_id.as_deref(), Some(s.access_id.as_str()));
    let detail: Value = serde_json::from_str(&entry.detail).unwrap();
    assert_eq!(detail["context"], "questioned");
    assert_eq!(detail["professional"], s.doctor_id.as_str());

    // The patient sees the outcome in their history …
    let history =
        s.app.get_as(&s.patient, "/api/me/history?action=emergency_access_reviewed").await;
    assert_eq!(history.status, 200, "{:?}", history.body);
    let entries = history.body["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["context"], "questioned");
    assert_eq!(entries[0]["stated_reason"], note);
    assert_eq!(entries[0]["actor"]["role"], "agent");
    assert_eq!(entries[0]["actor"]["display_name"], "Agent Test");
    assert_eq!(entries[0]["professionals"][0]["id"], s.doctor_id.as_str());
    // … and in their notifications.
    let notified = s.app.get_as(&s.patient, "/api/me/notifications").await;
    assert_eq!(notified.body[0]["kind"], "emergency_access_reviewed", "{:?}", notified.body);
    assert_eq!(notified.body[0]["disposition"], "questioned");
    assert_eq!(notified.body[0]["note"], note);
    assert_eq!(notified.body[0]["professional"]["id"], s.doctor_id.as_str());

    // A change is a new act: audited with what it was before, told to the patient again.
    s.app.clock.advance(chrono::TimeDelta::minutes(5));
    let escalated = put(
        &s.app,
        &s.agent,
        &disposition_path(&s.access_id),
        &json!({"disposition": "escalated", "note": ""}),
    )
    .await;
    assert_eq!(escalated.status, 200, "{:?}", escalated.body);
    assert_eq!(escalated.body["disposition"]["disposition"], "escalated");
    assert_eq!(escalated.body["disposition"]["note"], "");
    let entry = s.app.audit("emergency_access_reviewed").await.pop().unwrap();
    let detail: Value = serde_json::from_str(&entry.detail).unwrap();
    assert_eq!(detail["previous"], "questioned");
    assert_eq!(detail["context"], "escalated");
    let notified = s.app.get_as(&s.patient, "/api/me/notifications").await;
    assert_eq!(notified.body[0]["disposition"], "escalated");
    assert_eq!(dsp::audit::verify(&s.app.db).await.unwrap().first_broken, None);
}

async fn only_an_agent_records_a_disposition_and_bad_ones_store_nothing(engine: Engine) {
    let s = scene(engine).await;
    let path = disposition_path(&s.access_id);
    let body = json!({"disposition": "justified", "note": "fine"});
    // Professionals and patients are not the agency; nobody signed in is nobody.
    let by_doctor = put(&s.app, &s.doctor, &path, &body).await;
    assert_eq!((by_doctor.status.as_u16(), by_doctor.code()), (403, "forbidden"));
    let by_patient = put(&s.app, &s.patient, &path, &body).await;
    assert_eq!((by_patient.status.as_u16(), by_patient.code()), (403, "forbidden"));
    let anonymous = put(&s.app, &Browser::default(), &path, &body).await;
    assert_eq!(anonymous.status, 401);
    // No such access.
    let unknown =
        put(&s.app, &s.agent, &disposition_path(&uuid::Uuid::new_v4().to_string()), &body).await;
    assert_eq!((unknown.status.as_u16(), unknown.code()), (404, "not_found"));
    let refused = s.app.audit("emergency_access_reviewed").await;
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].outcome, "failure");
    // An unknown disposition, a note too long.
    let odd = put(&s.app, &s.agent, &path, &json!({"disposition": "fine", "note": ""})).await;
    assert_eq!((odd.status.as_u16(), odd.code()), (422, "invalid_request"));
    let long = put(
        &s.app,
        &s.agent,
        &path,
        &json!({"disposition": "justified", "note": "x".repeat(1001)}),
    )
    .await;
    assert_eq!((long.status.as_u16(), long.code()), (422, "invalid_request"));
    // Nothing was stored, the patient was told nothing.
    assert_eq!(review(&s).await["disposition"], Value::Null);
    let notified = s.app.get_as(&s.patient, "/api/me/notifications").await;
    let kinds: Vec<&str> =
        notified.body.as_array().unwrap().iter().map(|n| n["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["emergency_access"]);
    // The longest note allowed is accepted.
    let longest = put(
        &s.app,
        &s.agent,
        &path,
        &json!({"disposition": "justified", "note": "é".repeat(1000)}),
    )
    .await;
    assert_eq!(longest.status, 200, "{:?}", longest.body);
}
