//! A way in for records nobody activated, through HTTP: the practice code printed on the letter
//! opens a 15-day consultation link once, for a record the rules leave open; wrong codes are
//! refused alike, counted and locked per national ID and per professional; a new letter or a new
//! code from the portal replaces it; every attempt is audited and the patient sees the access.

use chrono::TimeDelta;
use reqwest::Method;
use serde_json::{Value, json};

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::{Answer, Browser};
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_practice_code_opens_a_record_nobody_activated_once,
    wrong_practice_codes_reveal_nothing_and_lock,
    a_professional_who_guesses_is_locked_out,
    the_patient_renews_and_switches_off_the_practice_code,
);

const NATIONAL_ID: &str = "1893120105732";

struct Scene {
    app: TestApp,
    agent: Browser,
    agent_key: SecurityKey,
    patient_id: String,
    activation_code: String,
    practice_code: String,
    doctor: Browser,
    doctor_key: SecurityKey,
    doctor_id: String,
}

impl Scene {
    /// Time passes (sessions end): the agent and the doctor sign in again.
    async fn later(&mut self, by: TimeDelta) {
        self.app.clock.advance(by);
        let agent = self.app.sign_in_with_key(&mut self.agent, &mut self.agent_key).await;
        assert_eq!(agent.status, 200, "{:?}", agent.body);
        let doctor = self.app.sign_in_with_key(&mut self.doctor, &mut self.doctor_key).await;
        assert_eq!(doctor.status, 200, "{:?}", doctor.body);
    }
}

/// A record created by the agency, its letter printed, never activated; an enrolled physician.
async fn scene(engine: Engine) -> Scene {
    let app = TestApp::spawn(engine).await;
    let (mut agent, agent_key) = app.signed_in_agent().await;
    let patient_id = app.create_patient(&mut agent, NATIONAL_ID, "fr").await;
    let (activation_code, practice_code) = app.letter_codes(&agent, &patient_id).await;
    assert_ne!(activation_code, practice_code);
    let (doctor_id, enrolment) = app.create_professional(&mut agent, "M-1", "MED").await;
    let mut doctor = Browser::default();
    let mut doctor_key = SecurityKey::new(41);
    assert_eq!(app.enrol(&mut doctor, &mut doctor_key, &enrolment).await.status, 200);
    Scene {
        app,
        agent,
        agent_key,
        patient_id,
        activation_code,
        practice_code,
        doctor,
        doctor_key,
        doctor_id,
    }
}

async fn open(app: &TestApp, doctor: &mut Browser, national_id: &str, code: &str) -> Answer {
    app.send(
        doctor,
        "/api/professional/practice-consultations",
        &json!({"national_id": national_id, "practice_code": code}),
    )
    .await
}

/// The outcome and the detail of every `link_opened` entry, oldest first.
async fn attempts(app: &TestApp) -> Vec<(String, Value)> {
    app.audit("link_opened")
        .await
        .into_iter()
        .map(|e| (e.outcome, serde_json::from_str(&e.detail).unwrap_or_default()))
        .collect()
}

async fn a_practice_code_opens_a_record_nobody_activated_once(engine: Engine) {
    let mut s = scene(engine).await;
    let code = s.practice_code.clone();
    // Still in its objection window: the right code opens nothing, and is not spent.
    let early = open(&s.app, &mut s.doctor, NATIONAL_ID, &code).await;
    assert_eq!((early.status.as_u16(), early.code()), (400, "practice_code_failed"));
    s.later(TimeDelta::days(31)).await;
    let wrong = open(&s.app, &mut s.doctor, NATIONAL_ID, "AAAA-BBBB-CCCC").await;
    assert_eq!((wrong.status.as_u16(), wrong.code()), (400, "practice_code_failed"));
    // As read out at the visit: case, spaces and dashes do not matter.
    let spoken = code.to_lowercase().replace('-', " ");
    let opened = open(&s.app, &mut s.doctor, NATIONAL_ID, &spoken).await;
    assert_eq!(opened.status, 200, "{:?}", opened.body);
    assert_eq!(opened.body["patient_id"], s.patient_id.as_str());
    assert_eq!(opened.body["link"]["context"], "consultation");
    assert_eq!(opened.body["link"]["live"], true);
    let starts: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(opened.body["link"]["starts_at"].clone()).unwrap();
    let ends: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(opened.body["link"]["ends_at"].clone()).unwrap();
    assert_eq!(ends - starts, TimeDelta::days(15));
    // Single use.
    let again = open(&s.app, &mut s.doctor, NATIONAL_ID, &code).await;
    assert_eq!(again.code(), "practice_code_failed");
    // The link is one the decision function honours: the doctor finds the record now.
    let found = s
        .app
        .send(&mut s.doctor, "/api/professional/patients", &json!({"national_id": NATIONAL_ID}))
        .await;
    assert_eq!(found.status, 200, "{:?}", found.body);
    assert_eq!(found.body["rule"], "link_consultation");
    // Every attempt audited, with why it failed (for the audit trail only).
    let seen = attempts(&s.app).await;
    let outcomes: Vec<&str> = seen.iter().map(|(o, _)| o.as_str()).collect();
    assert_eq!(outcomes, ["failure", "failure", "success", "failure"]);
    assert_eq!(seen[0].1["rule"], "objection_window");
    assert_eq!(seen[1].1["reason"], "wrong_code");
    assert_eq!(seen[2].1["via"], "practice_code");
    assert_eq!(seen[2].1["rule"], "practice_consultation_opening");
    assert_eq!(seen[3].1["reason"], "code_spent");
    assert!(seen.iter().all(|(_, d)| d["via"] == "practice_code"));
    let entries = s.app.audit("link_opened").await;
    assert!(entries.iter().all(|e| e.patient_id.unwrap().to_string() == s.patient_id));

    // The patient activates later and sees who opened the record, and is told.
    let mut patient = Browser::default();
    let activated =
        s.app.activate(&mut patient, &mut Passkey::new(), NATIONAL_ID, &s.activation_code).await;
    assert_eq!(activated.status, 200, "{:?}", activated.body);
    let history = s.app.get_as(&patient, "/api/me/history?action=link_opened").await;
    assert_eq!(history.status, 200, "{:?}", history.body);
    let opened_entries: Vec<&Value> = history.body["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["outcome"] == "success")
        .collect();
    assert_eq!(opened_entries.len(), 1, "{:?}", history.body);
    assert_eq!(opened_entries[0]["actor"]["id"], s.doctor_id.as_str());
    let told = s.app.get_as(&patient, "/api/me/notifications").await;
    let used: Vec<&Value> = told
        .body
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "practice_code_used")
        .collect();
    assert_eq!(used.len(), 1, "{:?}", told.body);
    assert_eq!(used[0]["professional"]["id"], s.doctor_id.as_str());
    // The portal shows the code as used.
    let current = s.app.get_as(&patient, "/api/me/practice-code").await;
    assert_eq!(current.status, 200);
    assert!(current.body["used_at"].is_string(), "{:?}", current.body);
}

async fn wrong_practice_codes_reveal_nothing_and_lock(engine: Engine) {
    let mut s = scene(engine).await;
    s.later(TimeDelta::days(31)).await;
    let code = s.practice_code.clone();
    let unknown = shared::NationalId::from_first_eleven("19700101002").unwrap().to_string();
    let unknown_id = open(&s.app, &mut s.doctor, &unknown, &code).await;
    let invalid = open(&s.app, &mut s.doctor, "1893120105733", &code).await;
    assert_eq!((invalid.status.as_u16(), invalid.code()), (422, "invalid_national_id"));
    let mut answers = Vec::new();
    for _ in 0..5 {
        answers.push(open(&s.app, &mut s.doctor, NATIONAL_ID, "AAAA-BBBB-CCCC").await);
    }
    // A wrong code and an unknown national ID: the same answer.
    assert_eq!((answers[0].status, answers[0].code()), (unknown_id.status, unknown_id.code()));
    let codes: Vec<&str> = answers.iter().map(Answer::code).collect();
    assert_eq!(
        codes,
        [
            "practice_code_failed",
            "practice_code_failed",
            "practice_code_failed",
            "practice_code_failed",
            "practice_code_locked"
        ]
    );
    assert_eq!(answers[4].status, 423);
    // Locked: even the right code does nothing now.
    let locked = open(&s.app, &mut s.doctor, NATIONAL_ID, &code).await;
    assert_eq!((locked.status.as_u16(), locked.code()), (423, "practice_code_locked"));
    // The agency re-issues the letter: a new practice code, the lock lifted, the old code void.
    s.later(TimeDelta::minutes(2)).await;
    let (_, renewed) = s.app.letter_codes(&s.agent, &s.patient_id).await;
    assert_ne!(renewed, code);
    let old = open(&s.app, &mut s.doctor, NATIONAL_ID, &code).await;
    assert_eq!(old.code(), "practice_code_failed");
    let opened = open(&s.app, &mut s.doctor, NATIONAL_ID, &renewed).await;
    assert_eq!(opened.status, 200, "{:?}", opened.body);
    let letters = s.app.audit("letter_issued").await;
    assert_eq!(letters.len(), 2);
    assert!(letters[1].detail.contains("practice_code_expires_at"));
    let seen = attempts(&s.app).await;
    assert_eq!(seen.len(), 9, "the invalid national ID is refused before any look-up");
    assert_eq!(seen.iter().filter(|(o, _)| o == "success").count(), 1);
    assert_eq!(seen[6].1["reason"], "record_locked");
}

async fn a_professional_who_guesses_is_locked_out(engine: Engine) {
    let mut s = scene(engine).await;
    s.later(TimeDelta::days(31)).await;
    // Ten wrong codes on ten national IDs (none locked on its own) …
    for n in 0..10 {
        let id = shared::NationalId::from_first_eleven(&format!("197001010{:02}", n + 10))
            .unwrap()
            .to_string();
        let answer = open(&s.app, &mut s.doctor, &id, "AAAA-BBBB-CCCC").await;
        assert_eq!(answer.code(), "practice_code_failed", "attempt {n}");
    }
    // … and the professional is locked out for the day, even with a right code.
    s.app.clock.advance(TimeDelta::minutes(2));
    let right = open(&s.app, &mut s.doctor, NATIONAL_ID, &s.practice_code.clone()).await;
    assert_eq!((right.status.as_u16(), right.code()), (423, "practice_code_locked"));
    let seen = attempts(&s.app).await;
    assert_eq!(seen.last().unwrap().1["reason"], "professional_locked");
    // Another physician is not: the patient's code still works, it was not spent.
    let (_, enrolment) = s.app.create_professional(&mut s.agent, "M-2", "MED").await;
    let mut other = Browser::default();
    assert_eq!(s.app.enrol(&mut other, &mut SecurityKey::new(42), &enrolment).await.status, 200);
    let opened = open(&s.app, &mut other, NATIONAL_ID, &s.practice_code.clone()).await;
    assert_eq!(opened.status, 200, "{:?}", opened.body);
    // A day later the first one may try again.
    s.later(TimeDelta::days(1)).await;
    let later = open(&s.app, &mut s.doctor, NATIONAL_ID, "AAAA-BBBB-CCCC").await;
    assert_eq!(later.code(), "practice_code_failed");
}

async fn the_patient_renews_and_switches_off_the_practice_code(engine: Engine) {
    let mut s = scene(engine).await;
    let mut patient = Browser::default();
    let activated =
        s.app.activate(&mut patient, &mut Passkey::new(), NATIONAL_ID, &s.activation_code).await;
    assert_eq!(activated.status, 200, "{:?}", activated.body);
    let current = s.app.get_as(&patient, "/api/me/practice-code").await;
    assert_eq!(current.status, 200, "{:?}", current.body);
    assert_eq!(current.body["used_at"], Value::Null);
    assert_eq!(current.body["locked"], false);
    // A new code in the portal: the letter's stops working.
    let renewed = s.app.send(&mut patient, "/api/me/practice-code", &json!({})).await;
    assert_eq!(renewed.status, 200, "{:?}", renewed.body);
    let fresh = renewed.body["code"].as_str().unwrap().to_owned();
    let letter = open(&s.app, &mut s.doctor, NATIONAL_ID, &s.practice_code.clone()).await;
    assert_eq!(letter.code(), "practice_code_failed");
    // A professional the patient blocked gets nothing with the right code, which stays unspent.
    let blocked = s
        .app
        .request(&patient, Method::PUT, &format!("/api/me/blocks/{}", s.doctor_id))
        .send()
        .await
        .unwrap();
    assert_eq!(blocked.status(), 204);
    let refused = open(&s.app, &mut s.doctor, NATIONAL_ID, &fresh).await;
    assert_eq!(refused.code(), "practice_code_failed");
    assert_eq!(attempts(&s.app).await.last().unwrap().1["rule"], "blocked");
    let unblocked = s
        .app
        .request(&patient, Method::DELETE, &format!("/api/me/blocks/{}", s.doctor_id))
        .send()
        .await
        .unwrap();
    assert_eq!(unblocked.status(), 204);
    let opened = open(&s.app, &mut s.doctor, NATIONAL_ID, &fresh).await;
    assert_eq!(opened.status, 200, "an activated record needs no objection window");
    // Switched off: no code until a new one.
    let again = s.app.send(&mut patient, "/api/me/practice-code", &json!({})).await;
    let newest = again.body["code"].as_str().unwrap().to_owned();
    let off =
        s.app.request(&patient, Method::DELETE, "/api/me/practice-code").send().await.unwrap();
    assert_eq!(off.status(), 204);
    assert_eq!(s.app.get_as(&patient, "/api/me/practice-code").await.body, Value::Null);
    assert_eq!(
        open(&s.app, &mut s.doctor, NATIONAL_ID, &newest).await.code(),
        "practice_code_failed"
    );
    // Expiry: a code works for a year.
    let last = s.app.send(&mut patient, "/api/me/practice-code", &json!({})).await;
    let last = last.body["code"].as_str().unwrap().to_owned();
    s.later(TimeDelta::days(366)).await;
    let expired = open(&s.app, &mut s.doctor, NATIONAL_ID, &last).await;
    assert_eq!(expired.code(), "practice_code_failed");
    // Only the patient reaches these controls; each change is audited on their record.
    assert_eq!(s.app.get_as(&s.doctor, "/api/me/practice-code").await.status, 403);
    let issued = s.app.audit("practice_code_issued").await;
    assert_eq!(issued.len(), 3);
    assert!(issued.iter().all(|e| e.patient_id.unwrap().to_string() == s.patient_id));
    assert_eq!(s.app.audit("practice_code_revoked").await.len(), 1);
}
