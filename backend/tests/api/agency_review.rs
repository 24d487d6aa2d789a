//! The agency's review of emergency accesses (a disposition per access, with a note, by an
//! agent; the patient sees it in their history and notifications) and patients' contact data
//! (phone and e-mail, validated, set by the patient or an agent, audited); an agent's view of
//! a record is an audited read.

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::{Answer, Browser, answer};
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    an_agent_records_a_disposition_and_the_patient_sees_it,
    only_an_agent_records_a_disposition_and_bad_ones_store_nothing,
    the_patient_and_an_agent_keep_contact_data_and_each_change_is_audited,
    bad_contact_data_and_strangers_are_refused_and_nothing_is_stored,
    an_agent_viewing_a_record_is_audited_and_a_missing_one_writes_nothing,
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
    // The notice the patient got when it was opened, unread until they read their notices.
    assert!(before["patient_notified"]["at"].is_string(), "{before:?}");
    assert_eq!(before["patient_notified"]["read_at"], Value::Null);
    let read = s.app.send(&mut s.patient.clone(), "/api/me/notifications/read", &json!({})).await;
    assert!(read.status.is_success(), "{:?}", read.body);
    assert!(review(&s).await["patient_notified"]["read_at"].is_string(), "read");
    // Each look at the review is audited, with how many accesses it showed.
    let looks = s.app.audit("emergency_review_viewed").await;
    assert_eq!(looks.len(), 2);
    assert_eq!(looks[1].actor_kind.as_deref(), Some("agent"));
    assert!(looks[1].detail.contains("\"accesses\":1"), "{}", looks[1].detail);

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

/// Another valid national ID.
fn other_national_id() -> String {
    shared::NationalId::from_first_eleven("19750607000").unwrap().to_string()
}

/// Creates a patient with contact data as `agent` (the raw answer).
async fn create_with_contact(
    app: &TestApp,
    agent: &mut Browser,
    national_id: &str,
    phone: &str,
    email: &str,
) -> Answer {
    let id = shared::NationalId::parse(national_id).unwrap();
    app.send(
        agent,
        "/api/agency/patients",
        &json!({
            "national_id": national_id, "given_name": "Léa", "family_name": "Schroeder",
            "birth_date": id.birth_date(), "preferred_language": "de",
            "address": {"street": "1, rue du Marché", "postal_code": "L-1728", "city": "Luxembourg", "country": "LU"},
            "phone": phone, "email": email,
        }),
    )
    .await
}

/// The `fields` of each `contact_data_changed` entry, with its outcome and actor kind.
async fn contact_changes(app: &TestApp) -> Vec<(String, String, Value)> {
    app.audit("contact_data_changed")
        .await
        .into_iter()
        .map(|e| {
            let detail: Value = serde_json::from_str(&e.detail).unwrap();
            (e.outcome, e.actor_kind.unwrap_or_default(), detail)
        })
        .collect()
}

async fn the_patient_and_an_agent_keep_contact_data_and_each_change_is_audited(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    // The new-patient form takes them, checked and kept in one form.
    let created =
        create_with_contact(&app, &mut agent, NATIONAL_ID, "+352 621 123 456", "Lea@Example.LU")
            .await;
    assert_eq!(created.status, 201, "{:?}", created.body);
    assert_eq!(created.body["phone"], "+352621123456");
    assert_eq!(created.body["email"], "Lea@example.lu");
    let patient_id = created.body["id"].as_str().unwrap().to_owned();
    let code = app.letter_code(&agent, &patient_id).await;
    let mut patient = Browser::default();
    let activated = app.activate(&mut patient, &mut Passkey::new(), NATIONAL_ID, &code).await;
    assert_eq!(activated.status, 200, "{:?}", activated.body);

    // The patient reads and changes their own.
    let mine = app.get_as(&patient, "/api/me/contact").await;
    assert_eq!(mine.status, 200, "{:?}", mine.body);
    assert_eq!(mine.body, json!({"phone": "+352621123456", "email": "Lea@example.lu"}));
    let changed =
        put(&app, &patient, "/api/me/contact", &json!({"phone": "00352 691-000.111", "email": ""}))
            .await;
    assert_eq!(changed.status, 200, "{:?}", changed.body);
    assert_eq!(changed.body, json!({"phone": "+352691000111", "email": null}));
    // The agency console shows it.
    let record = app.get_as(&agent, &format!("/api/agency/patients/{patient_id}")).await;
    assert_eq!(record.body["phone"], "+352691000111");
    assert_eq!(record.body["email"], Value::Null);
    // An agent changes it on the record.
    let path = format!("/api/agency/patients/{patient_id}/contact");
    let by_agent =
        put(&app, &agent, &path, &json!({"phone": "+352691000111", "email": "lea@post.lu"})).await;
    assert_eq!(by_agent.status, 200, "{:?}", by_agent.body);
    assert_eq!(by_agent.body["email"], "lea@post.lu");
    assert_eq!(by_agent.body["national_id"], NATIONAL_ID);
    assert_eq!(
        app.get_as(&patient, "/api/me/contact").await.body,
        json!({"phone": "+352691000111", "email": "lea@post.lu"})
    );
    // Each change audited on the record, by whom, naming the fields (not the values).
    let changes = contact_changes(&app).await;
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!(changes[0].0, "success");
    assert_eq!(changes[0].1, "patient");
    assert_eq!(changes[0].2["fields"], json!(["phone", "email"]));
    assert_eq!(changes[1].1, "agent");
    assert_eq!(changes[1].2["fields"], json!(["email"]));
    assert!(!changes[1].2.to_string().contains("lea@post.lu"), "no value in the log");
    for entry in app.audit("contact_data_changed").await {
        assert_eq!(entry.patient_id.unwrap().to_string(), patient_id);
    }
    // The patient sees both in their history.
    let history = app.get_as(&patient, "/api/me/history?action=contact_data_changed").await;
    assert_eq!(history.body["entries"].as_array().unwrap().len(), 2, "{:?}", history.body);
    assert_eq!(dsp::audit::verify(&app.db).await.unwrap().first_broken, None);
}

async fn bad_contact_data_and_strangers_are_refused_and_nothing_is_stored(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    // A new patient with a bad phone or e-mail is not created.
    for (phone, email, code) in
        [("621 123 456", "", "invalid_phone"), ("", "lea@example", "invalid_email")]
    {
        let refused = create_with_contact(&app, &mut agent, NATIONAL_ID, phone, email).await;
        assert_eq!((refused.status.as_u16(), refused.code()), (422, code), "{:?}", refused.body);
    }
    let search = app.send(&mut agent, "/api/agency/patients/search", &json!({"q": ""})).await;
    assert_eq!(search.body.as_array().unwrap().len(), 0, "{:?}", search.body);

    let created =
        create_with_contact(&app, &mut agent, NATIONAL_ID, "+352621123456", "lea@example.lu").await;
    let patient_id = created.body["id"].as_str().unwrap().to_owned();
    let code = app.letter_code(&agent, &patient_id).await;
    let mut patient = Browser::default();
    assert_eq!(
        app.activate(&mut patient, &mut Passkey::new(), NATIONAL_ID, &code).await.status,
        200
    );
    let other_id = app.create_patient(&mut agent, &other_national_id(), "fr").await;
    let kept = json!({"phone": "+352621123456", "email": "lea@example.lu"});

    // Bad values: the stable code, nothing stored, the attempt audited.
    for (body, code) in [
        (json!({"phone": "+352 62x", "email": "lea@example.lu"}), "invalid_phone"),
        (json!({"phone": "+352621123456", "email": "lea at example.lu"}), "invalid_email"),
    ] {
        let refused = put(&app, &patient, "/api/me/contact", &body).await;
        assert_eq!((refused.status.as_u16(), refused.code()), (422, code), "{:?}", refused.body);
        let by_agent =
            put(&app, &agent, &format!("/api/agency/patients/{patient_id}/contact"), &body).await;
        assert_eq!((by_agent.status.as_u16(), by_agent.code()), (422, code));
    }
    assert_eq!(app.get_as(&patient, "/api/me/contact").await.body, kept);
    let changes = contact_changes(&app).await;
    assert_eq!(changes.len(), 4);
    assert!(changes.iter().all(|(outcome, _, detail)| outcome == "failure"
        && ["invalid_phone", "invalid_email"].contains(&detail["refused"].as_str().unwrap())));

    // A patient cannot set another's: the agency's route is for agents, and /me is one's own.
    let stranger = json!({"phone": "+352600000000", "email": "x@example.lu"});
    let other_path = format!("/api/agency/patients/{other_id}/contact");
    let by_patient = put(&app, &patient, &other_path, &stranger).await;
    assert_eq!((by_patient.status.as_u16(), by_patient.code()), (403, "forbidden"));
    // Nor can a professional, on anyone's record or as "me".
    let (_, enrolment) = app.create_professional(&mut agent, "M-99", "MED").await;
    let mut doctor = Browser::default();
    assert_eq!(app.enrol(&mut doctor, &mut SecurityKey::new(43), &enrolment).await.status, 200);
    let by_doctor = put(&app, &doctor, &other_path, &stranger).await;
    assert_eq!((by_doctor.status.as_u16(), by_doctor.code()), (403, "forbidden"));
    let doctor_me = put(&app, &doctor, "/api/me/contact", &stranger).await;
    assert_eq!((doctor_me.status.as_u16(), doctor_me.code()), (403, "forbidden"));
    assert_eq!(app.get_as(&doctor, "/api/me/contact").await.status, 403);
    let anonymous = put(&app, &Browser::default(), "/api/me/contact", &stranger).await;
    assert_eq!(anonymous.status, 401);
    // No such record.
    let unknown = put(
        &app,
        &agent,
        &format!("/api/agency/patients/{}/contact", uuid::Uuid::new_v4()),
        &stranger,
    )
    .await;
    assert_eq!((unknown.status.as_u16(), unknown.code()), (404, "not_found"));
    let other = app.get_as(&agent, &format!("/api/agency/patients/{other_id}")).await;
    assert_eq!(
        (other.body["phone"].clone(), other.body["email"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(app.get_as(&patient, "/api/me/contact").await.body, kept);
}

async fn an_agent_viewing_a_record_is_audited_and_a_missing_one_writes_nothing(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient_id = app.create_patient(&mut agent, NATIONAL_ID, "fr").await;
    assert!(app.audit("patient_viewed").await.is_empty(), "creating is not viewing");
    let seen = app.get_as(&agent, &format!("/api/agency/patients/{patient_id}")).await;
    assert_eq!(seen.status, 200, "{:?}", seen.body);
    assert_eq!(seen.body["national_id"], NATIONAL_ID);
    let entries = app.audit("patient_viewed").await;
    assert_eq!(entries.len(), 1, "one entry per view");
    let entry = &entries[0];
    assert_eq!(entry.outcome, "success");
    assert_eq!(entry.actor_kind.as_deref(), Some("agent"));
    assert_eq!(entry.patient_id.map(|id| id.to_string()), Some(patient_id.clone()));
    assert_eq!(entry.chain_key, format!("patient:{patient_id}"));
    // An unknown record: the same answer as any missing one, and no entry.
    let unknown = uuid::Uuid::new_v4();
    let missing = app.get_as(&agent, &format!("/api/agency/patients/{unknown}")).await;
    assert_eq!((missing.status.as_u16(), missing.code()), (404, "not_found"));
    assert_eq!(app.audit("patient_viewed").await.len(), 1);
    // Only agents read it; nothing is written for a refused caller.
    let stranger =
        app.get_as(&Browser::default(), &format!("/api/agency/patients/{patient_id}")).await;
    assert_eq!(stranger.status, 401);
    assert_eq!(app.audit("patient_viewed").await.len(), 1);
    let report = dsp::audit::verify(&app.db).await.unwrap();
    assert_eq!(report.first_broken, None);
}
