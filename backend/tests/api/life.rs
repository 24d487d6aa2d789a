//! The record's life: the patient closes their record online (after a fresh verification); an
//! agent closes it on a postal request, records a death, reopens it within 10 years; the job
//! closes records idle for 10 years. A closed record answers every professional exactly like a
//! missing one; the patient keeps reading it.

use chrono::TimeDelta;
use reqwest::Method;
use serde_json::{Value, json};

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::{Answer, Browser};
use crate::common::{Engine, TestApp, filed_as};
use crate::on_both_databases;

on_both_databases!(
    a_patient_closes_their_record_and_professionals_see_a_missing_one,
    closing_needs_a_fresh_verification_and_happens_once,
    an_agent_closes_by_post_and_reopens_within_ten_years_only,
    agent_acts_on_an_unknown_record_answer_not_found_and_need_an_agent,
    after_a_death_a_live_link_reads_for_a_while_and_nobody_writes,
    the_job_closes_an_idle_record_once_and_a_dry_run_changes_nothing,
    two_job_runs_at_once_close_a_record_once,
    ten_years_after_closing_the_job_purges_the_record_once,
    closing_and_reopening_are_confirmed_by_letter_and_a_death_is_not,
    a_closed_record_downloads_whole_as_a_zip_with_fhir_bundles,
);

const NATIONAL_ID: &str = "1893120105732";
const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

struct Scene {
    app: TestApp,
    agent: Browser,
    agent_key: SecurityKey,
    doctor: Browser,
    doctor_key: SecurityKey,
    patient: Browser,
    passkey: Passkey,
    patient_id: String,
}

/// An agent; a patient with an activated record and their passkey; a physician with a
/// consultation link who filed one document.
async fn scene(engine: Engine) -> Scene {
    let app = TestApp::spawn(engine).await;
    let (mut agent, agent_key) = app.signed_in_agent().await;
    let patient_id = app.create_patient(&mut agent, NATIONAL_ID, "fr").await;
    let code = app.letter_code(&agent, &patient_id).await;
    let mut patient = Browser::default();
    let mut passkey = Passkey::new();
    let activated = app.activate(&mut patient, &mut passkey, NATIONAL_ID, &code).await;
    assert_eq!(activated.status, 200, "{:?}", activated.body);
    let (_, enrolment) = app.create_professional(&mut agent, "M-1", "MED").await;
    let mut doctor = Browser::default();
    let mut doctor_key = SecurityKey::new(7);
    let enrolled = app.enrol(&mut doctor, &mut doctor_key, &enrolment).await;
    assert_eq!(enrolled.status, 200, "{:?}", enrolled.body);
    let code = app.send(&mut patient, "/api/me/connection-code", &json!({})).await.body["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let opened = app
        .send(
            &mut doctor,
            "/api/professional/consultations",
            &json!({"national_id": NATIONAL_ID, "connection_code": code}),
        )
        .await;
    assert_eq!(opened.status, 200, "{:?}", opened.body);
    let (status, _) = upload(&app, &doctor, &patient_id).await;
    assert_eq!(status, 200);
    Scene { app, agent, agent_key, doctor, doctor_key, patient, passkey, patient_id }
}

async fn upload(app: &TestApp, who: &Browser, patient_id: &str) -> (u16, Value) {
    let request = app.request(who, Method::POST, &format!("/api/records/{patient_id}/documents"));
    let response = filed_as(request, Some("summaries"), "Compte rendu", "2026-11-20", None)
        .header("content-type", "application/pdf")
        .body(PDF.to_vec())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn reverify(app: &TestApp, browser: &mut Browser, passkey: &mut Passkey) {
    let start = app.send(browser, "/api/me/reverify/start", &json!({})).await;
    assert_eq!(start.status, 200, "{:?}", start.body);
    let answer: Value = serde_json::from_str(
        &passkey.authenticate(&start.body["public_key"].to_string(), &app.base).await,
    )
    .unwrap();
    let done = app.send(browser, "/api/me/reverify/finish", &json!({"credential": answer})).await;
    assert_eq!(done.status, 204, "{:?}", done.body);
}

fn status_and_code(a: &Answer) -> (u16, String) {
    (a.status.as_u16(), a.code().to_owned())
}

/// Every professional act on `record` as `doctor`: (what, status, body's code).
async fn professional_acts(
    app: &TestApp,
    doctor: &mut Browser,
    record: &str,
    document: &str,
) -> Vec<(&'static str, u16, String)> {
    let mut out = Vec::new();
    let list = app.get_as(doctor, &format!("/api/records/{record}/documents")).await;
    out.push(("list", list.status.as_u16(), list.code().to_owned()));
    let patient = app.get_as(doctor, &format!("/api/records/{record}/patient")).await;
    out.push(("patient", patient.status.as_u16(), patient.code().to_owned()));
    let wishes = app.get_as(doctor, &format!("/api/records/{record}/wishes")).await;
    out.push(("wishes", wishes.status.as_u16(), wishes.code().to_owned()));
    let (write, body) = upload(app, doctor, record).await;
    out.push(("write", write, body["code"].as_str().unwrap_or_default().to_owned()));
    let emergency = app
        .send(
            doctor,
            &format!("/api/records/{record}/emergency-access"),
            &json!({"reason": "Unconscious at the emergency department"}),
        )
        .await;
    out.push(("emergency", emergency.status.as_u16(), emergency.code().to_owned()));
    let read = app
        .request(doctor, Method::GET, &format!("/api/documents/{document}/content"))
        .send()
        .await
        .unwrap();
    let status = read.status().as_u16();
    let body: Value = read.json().await.unwrap_or(Value::Null);
    out.push(("read", status, body["code"].as_str().unwrap_or_default().to_owned()));
    out
}

async fn a_patient_closes_their_record_and_professionals_see_a_missing_one(engine: Engine) {
    let mut s = scene(engine).await;
    let own = s.app.get_as(&s.patient, "/api/me/documents").await;
    let document = own.body[0]["id"].as_str().unwrap().to_owned();
    let life = s.app.get_as(&s.patient, "/api/me/record").await;
    assert_eq!((life.status.as_u16(), life.body["state"].as_str()), (200, Some("activated")));

    reverify(&s.app, &mut s.patient, &mut s.passkey).await;
    let closed = s.app.send(&mut s.patient, "/api/me/record/close", &json!({})).await;
    assert_eq!(closed.status, 200, "{:?}", closed.body);
    assert_eq!(closed.body["state"], "closed");
    assert_eq!(closed.body["close_reason"], "patient");
    assert!(closed.body["reopenable_until"].is_string());

    // Every professional act answers exactly what a record that does not exist answers.
    let missing = uuid::Uuid::new_v4().to_string();
    let missing_doc = uuid::Uuid::new_v4().to_string();
    let on_closed = professional_acts(&s.app, &mut s.doctor, &s.patient_id, &document).await;
    let on_missing = professional_acts(&s.app, &mut s.doctor, &missing, &missing_doc).await;
    assert_eq!(on_closed, on_missing);
    assert!(on_closed.iter().all(|(_, status, _)| *status == 404), "{on_closed:?}");
    // Found by national ID, it is a record that does not exist, by lookup as by emergency.
    let unknown = shared::NationalId::from_first_eleven("19700305002").unwrap();
    for path in ["/api/professional/patients", "/api/professional/emergency-access"] {
        let body = |id: &str| json!({"national_id": id, "reason": "Unconscious at the emergency department"});
        let closed = s.app.send(&mut s.doctor, path, &body(NATIONAL_ID)).await;
        let nowhere = s.app.send(&mut s.doctor, path, &body(unknown.as_str())).await;
        assert_eq!(status_and_code(&closed), status_and_code(&nowhere), "{path}");
        if path.ends_with("patients") {
            assert_eq!(closed.status, 404, "{path}: {:?}", closed.body);
        }
    }
    // The worklist no longer lists the record.
    let worklist = s.app.get_as(&s.doctor, "/api/professional/links").await;
    assert_eq!(worklist.body.as_array().map(Vec::len), Some(0), "{:?}", worklist.body);

    // The patient still reads their documents and history, and sees the closing there.
    let own = s.app.get_as(&s.patient, "/api/me/documents").await;
    assert_eq!(own.body.as_array().unwrap().len(), 1);
    let history = s.app.get_as(&s.patient, "/api/me/history?action=record_closed").await;
    assert_eq!(history.status, 200, "{:?}", history.body);
    assert_eq!(history.body["entries"].as_array().map(Vec::len), Some(1), "{:?}", history.body);
    let audit = s.app.audit("record_closed").await;
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].patient_id.unwrap().to_string(), s.patient_id);
    assert!(audit[0].detail.contains("\"reason\":\"patient\""), "{}", audit[0].detail);

    // The agency sees why and when; it reopens; the link does not come back.
    let viewed = s.app.audit("patient_viewed").await.len();
    let life = s.app.get_as(&s.agent, &format!("/api/agency/patients/{}/life", s.patient_id)).await;
    assert_eq!(life.body["close_reason"], "patient");
    let views = s.app.audit("patient_viewed").await;
    assert_eq!(views.len(), viewed + 1, "reading a record's life is an audited read");
    let view = views.last().unwrap();
    assert_eq!(view.actor_kind.as_deref(), Some("agent"));
    assert_eq!(view.patient_id.unwrap().to_string(), s.patient_id);
    assert!(view.detail.contains("\"part\":\"life\""), "{}", view.detail);
    let reopened = s
        .app
        .send(&mut s.agent, &format!("/api/agency/patients/{}/reopen", s.patient_id), &json!({}))
        .await;
    assert_eq!(reopened.status, 200, "{:?}", reopened.body);
    assert_eq!(reopened.body["state"], "activated");
    let list = s.app.get_as(&s.doctor, &format!("/api/records/{}/documents", s.patient_id)).await;
    assert_eq!(list.status, 404, "the consultation link ended with the closing");
    assert_eq!(s.app.audit("record_reopened").await.len(), 1);
}

async fn closing_needs_a_fresh_verification_and_happens_once(engine: Engine) {
    let mut s = scene(engine).await;
    // The verification of the activation is over after 5 minutes.
    s.app.clock.advance(TimeDelta::minutes(6));
    let stale = s.app.send(&mut s.patient, "/api/me/record/close", &json!({})).await;
    assert_eq!(status_and_code(&stale), (403, "reverification_required".into()));
    let life = s.app.get_as(&s.patient, "/api/me/record").await;
    assert_eq!(life.body["state"], "activated", "a refused closing changes nothing");
    // Only a patient closes their own record: a professional or an agent cannot use the route.
    assert_eq!(s.app.send(&mut s.doctor, "/api/me/record/close", &json!({})).await.status, 403);
    assert_eq!(s.app.send(&mut s.agent, "/api/me/record/close", &json!({})).await.status, 403);
    reverify(&s.app, &mut s.patient, &mut s.passkey).await;
    let closed = s.app.send(&mut s.patient, "/api/me/record/close", &json!({})).await;
    assert_eq!(closed.status, 200, "{:?}", closed.body);
    let twice = s.app.send(&mut s.patient, "/api/me/record/close", &json!({})).await;
    assert_eq!(status_and_code(&twice), (409, "record_already_closed".into()));
    let by_post = s
        .app
        .send(
            &mut s.agent,
            &format!("/api/agency/patients/{}/close", s.patient_id),
            &json!({"reference": "FC-2026-0001"}),
        )
        .await;
    assert_eq!(status_and_code(&by_post), (409, "record_already_closed".into()));
    let refused = s.app.audit("record_closed").await;
    assert_eq!(refused.iter().filter(|e| e.outcome == "failure").count(), 3);
    assert_eq!(refused.iter().filter(|e| e.outcome == "success").count(), 1);
}

async fn an_agent_closes_by_post_and_reopens_within_ten_years_only(engine: Engine) {
    let mut s = scene(engine).await;
    let path = |act: &str| format!("/api/agency/patients/{}/{act}", s.patient_id);
    let not_closed = s.app.send(&mut s.agent, &path("reopen"), &json!({})).await;
    assert_eq!(status_and_code(&not_closed), (409, "record_not_reopenable".into()));
    let blank = s.app.send(&mut s.agent, &path("close"), &json!({"reference": "  "})).await;
    assert_eq!(blank.status, 422, "{:?}", blank.body);
    let closed =
        s.app.send(&mut s.agent, &path("close"), &json!({"reference": "FC-2026-0042"})).await;
    assert_eq!(closed.status, 200, "{:?}", closed.body);
    assert_eq!(closed.body["close_reason"], "postal");
    assert_eq!(closed.body["closing_reference"], "FC-2026-0042");
    // The patient still signs in and reads their record.
    assert_eq!(s.app.get_as(&s.patient, "/api/me/documents").await.status, 200);
    assert_eq!(s.app.get_as(&s.patient, "/api/me/record").await.body["close_reason"], "postal");
    // Ten years later, no reopening: the record waits for its purge.
    s.app.clock.advance(TimeDelta::days(3653));
    let signed_in = s.app.sign_in_with_key(&mut s.agent, &mut s.agent_key).await;
    assert_eq!(signed_in.status, 200, "{:?}", signed_in.body);
    let late = s.app.send(&mut s.agent, &path("reopen"), &json!({})).await;
    assert_eq!(status_and_code(&late), (409, "record_not_reopenable".into()));
    assert_eq!(s.app.get_as(&s.agent, &path("life")).await.body["state"], "closed");
    // A second before the ten years, it reopens (checked on a second record).
    let mut agent = s.agent.clone();
    let other_id = shared::NationalId::from_first_eleven("19850101123").unwrap();
    let other = s.app.create_patient(&mut agent, other_id.as_str(), "de").await;
    let other_path = |act: &str| format!("/api/agency/patients/{other}/{act}");
    let closed = s.app.send(&mut agent, &other_path("close"), &json!({"reference": "X-1"})).await;
    assert_eq!(closed.status, 200, "{:?}", closed.body);
    s.app.clock.advance(TimeDelta::days(3653) - TimeDelta::seconds(1));
    let signed_in = s.app.sign_in_with_key(&mut agent, &mut s.agent_key).await;
    assert_eq!(signed_in.status, 200, "{:?}", signed_in.body);
    let reopened = s.app.send(&mut agent, &other_path("reopen"), &json!({})).await;
    assert_eq!(reopened.status, 200, "{:?}", reopened.body);
    assert_eq!(reopened.body["state"], "created", "never activated: created again");
}

async fn agent_acts_on_an_unknown_record_answer_not_found_and_need_an_agent(engine: Engine) {
    let mut s = scene(engine).await;
    let unknown = uuid::Uuid::new_v4();
    for (act, body) in [
        ("close", json!({"reference": "FC-1"})),
        ("death", json!({"date": "2026-11-30", "source": "Death certificate"})),
        ("reopen", json!({})),
    ] {
        let answer =
            s.app.send(&mut s.agent, &format!("/api/agency/patients/{unknown}/{act}"), &body).await;
        assert_eq!(status_and_code(&answer), (404, "not_found".into()), "{act}");
        // Nobody but an agent: a patient cannot close anyone's record through the agency.
        let own = format!("/api/agency/patients/{}/{act}", s.patient_id);
        assert_eq!(s.app.send(&mut s.patient, &own, &body).await.status, 403, "{act}");
        assert_eq!(s.app.send(&mut s.doctor, &own, &body).await.status, 403, "{act}");
    }
    let viewed = s.app.audit("patient_viewed").await.len();
    let life = s.app.get_as(&s.agent, &format!("/api/agency/patients/{unknown}/life")).await;
    assert_eq!(life.status, 404);
    assert_eq!(s.app.audit("patient_viewed").await.len(), viewed, "no entry for a missing record");
    assert_eq!(
        s.app
            .get_as(&s.patient, &format!("/api/agency/patients/{}/life", s.patient_id))
            .await
            .status,
        403
    );
    assert_eq!(s.app.get_as(&s.agent, "/api/me/record").await.status, 403);
    assert_eq!(s.app.get_as(&s.patient, "/api/me/record").await.body["state"], "activated");
}

async fn after_a_death_a_live_link_reads_for_a_while_and_nobody_writes(engine: Engine) {
    let mut s = scene(engine).await;
    let own = s.app.get_as(&s.patient, "/api/me/documents").await;
    let document = own.body[0]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/agency/patients/{}/death", s.patient_id);
    let future = s
        .app
        .send(&mut s.agent, &path, &json!({"date": "2999-01-01", "source": "Death certificate"}))
        .await;
    assert_eq!(future.status, 422);
    let today = s.app.clock.now().date_naive().to_string();
    let died = s
        .app
        .send(&mut s.agent, &path, &json!({"date": today, "source": "Death certificate"}))
        .await;
    assert_eq!(died.status, 200, "{:?}", died.body);
    assert_eq!(
        (died.body["state"].as_str(), died.body["close_reason"].as_str()),
        (Some("closed"), Some("death"))
    );
    assert_eq!(died.body["death_source"], "Death certificate");
    // The physician with a live link still reads (the last report), for 30 days.
    let list = s.app.get_as(&s.doctor, &format!("/api/records/{}/documents", s.patient_id)).await;
    assert_eq!(list.status, 200, "{:?}", list.body);
    let read = s
        .app
        .request(&s.doctor, Method::GET, &format!("/api/documents/{document}/content"))
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), 200);
    // Nobody writes; a professional without a link finds nothing.
    let (write, _) = upload(&s.app, &s.doctor, &s.patient_id).await;
    assert_eq!(write, 404);
    let (_, enrolment) = s.app.create_professional(&mut s.agent, "M-2", "MED").await;
    let mut stranger = Browser::default();
    let enrolled = s.app.enrol(&mut stranger, &mut SecurityKey::new(8), &enrolment).await;
    assert_eq!(enrolled.status, 200);
    let emergency = s
        .app
        .send(
            &mut stranger,
            &format!("/api/records/{}/emergency-access", s.patient_id),
            &json!({"reason": "Unconscious at the emergency department"}),
        )
        .await;
    assert_eq!(status_and_code(&emergency), (404, "not_found".into()));
    // Reopened within the period (a death recorded by mistake), the link does not come back.
    let mut agent = s.agent.clone();
    let reopened = s
        .app
        .send(&mut agent, &format!("/api/agency/patients/{}/reopen", s.patient_id), &json!({}))
        .await;
    assert_eq!(reopened.status, 200, "{:?}", reopened.body);
    assert_eq!(reopened.body["death_date"], today.as_str(), "the death stays on record");
    let list = s.app.get_as(&s.doctor, &format!("/api/records/{}/documents", s.patient_id)).await;
    assert_eq!(status_and_code(&list), (404, "not_found".into()));
    let died =
        s.app.send(&mut agent, &path, &json!({"date": today, "source": "Death certificate"})).await;
    assert_eq!(died.status, 200, "{:?}", died.body);
    // After the period, the record is sealed like any closed one.
    s.app.clock.advance(TimeDelta::days(30));
    let signed_in = s.app.sign_in_with_key(&mut s.doctor, &mut s.doctor_key).await;
    assert_eq!(signed_in.status, 200, "{:?}", signed_in.body);
    let list = s.app.get_as(&s.doctor, &format!("/api/records/{}/documents", s.patient_id)).await;
    assert_eq!(status_and_code(&list), (404, "not_found".into()));
}

async fn idle_scene(engine: Engine) -> (TestApp, String) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient_id = app.create_patient(&mut agent, NATIONAL_ID, "lb").await;
    (app, patient_id)
}

async fn the_job_closes_an_idle_record_once_and_a_dry_run_changes_nothing(engine: Engine) {
    let (app, patient_id) = idle_scene(engine).await;
    let run = |dry| dsp::services::life::run_job(&app.state, dry);
    assert!(run(false).await.unwrap().is_empty(), "a fresh record is not idle");
    app.clock.advance(TimeDelta::days(3653) - TimeDelta::seconds(5));
    assert!(run(false).await.unwrap().is_empty(), "not yet ten years");
    app.clock.advance(TimeDelta::seconds(10));
    let planned = run(true).await.unwrap();
    assert_eq!(planned.len(), 1);
    assert_eq!(
        (planned[0].step, planned[0].patient_id.to_string()),
        ("close_idle", patient_id.clone())
    );
    assert!(app.audit("record_closed").await.is_empty(), "a dry run changes nothing");
    assert_eq!(run(true).await.unwrap().len(), 1, "the same plan again");
    let acted = run(false).await.unwrap();
    assert_eq!(acted.len(), 1);
    assert!(run(false).await.unwrap().is_empty(), "idempotent");
    // (An agent reading the record's life is an audited access: only after the job.)
    let (mut agent, _) = app.signed_in_agent().await;
    let life = app.get_as(&agent, &format!("/api/agency/patients/{patient_id}/life")).await;
    assert_eq!(
        (life.body["state"].as_str(), life.body["close_reason"].as_str()),
        (Some("closed"), Some("idle"))
    );
    let audit = app.audit("record_closed").await;
    assert_eq!(audit.len(), 1);
    assert!(audit[0].actor_kind.is_none() && audit[0].detail.contains("idle"));
    // A reopened record starts a new ten years.
    let reopened = app
        .send(&mut agent, &format!("/api/agency/patients/{patient_id}/reopen"), &json!({}))
        .await;
    assert_eq!(reopened.status, 200, "{:?}", reopened.body);
    assert!(run(false).await.unwrap().is_empty());
}

async fn two_job_runs_at_once_close_a_record_once(engine: Engine) {
    let (app, _) = idle_scene(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let mut ids = Vec::new();
    for first in ["19850101123", "19900101001", "19700305002"] {
        let n = shared::NationalId::from_first_eleven(first).unwrap();
        ids.push(app.create_patient(&mut agent, n.as_str(), "en").await);
    }
    app.clock.advance(TimeDelta::days(3660));
    let (a, b) = tokio::join!(
        dsp::services::life::run_job(&app.state, false),
        dsp::services::life::run_job(&app.state, false)
    );
    let total = a.unwrap().len() + b.unwrap().len();
    assert_eq!(total, 1 + ids.len(), "each record closed by one run");
    assert_eq!(app.audit("record_closed").await.len(), 1 + ids.len());
}

async fn ten_years_after_closing_the_job_purges_the_record_once(engine: Engine) {
    let (app, patient_id) = idle_scene(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let closed = app
        .send(
            &mut agent,
            &format!("/api/agency/patients/{patient_id}/close"),
            &json!({"reference": "FORM-2026-0042"}),
        )
        .await;
    assert_eq!(closed.status, 200, "{:?}", closed.body);
    let run = |dry| dsp::services::life::run_job(&app.state, dry);
    app.clock.advance(TimeDelta::days(3653) - TimeDelta::seconds(5));
    assert!(run(false).await.unwrap().is_empty(), "not yet ten years closed");
    app.clock.advance(TimeDelta::seconds(10));
    let planned = run(true).await.unwrap();
    assert_eq!(
        planned.iter().map(|a| (a.step, a.patient_id.to_string())).collect::<Vec<_>>(),
        vec![("purge_closed", patient_id.clone())]
    );
    assert!(app.audit("record_purged").await.is_empty(), "a dry run changes nothing");
    let (a, b) = tokio::join!(run(false), run(false));
    assert_eq!(a.unwrap().len() + b.unwrap().len(), 1, "one run purges it");
    assert!(run(false).await.unwrap().is_empty(), "idempotent");
    assert_eq!(app.audit("record_purged").await.len(), 1);
    let (mut agent, _) = app.signed_in_agent().await;
    let gone = app.get_as(&agent, &format!("/api/agency/patients/{patient_id}/life")).await;
    assert_eq!((gone.status.as_u16(), gone.body["code"].as_str()), (404, Some("not_found")));
    let reopened = app
        .send(&mut agent, &format!("/api/agency/patients/{patient_id}/reopen"), &json!({}))
        .await;
    assert_eq!(reopened.status, 404, "{:?}", reopened.body);
}

/// Asks for the confirmation letter of a record's last change: (status, the PDF's text).
async fn confirmation(app: &TestApp, agent: &Browser, patient_id: &str) -> (u16, String) {
    let response = app
        .request(agent, Method::POST, &format!("/api/agency/patients/{patient_id}/life/letter"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let pdf = status == 200 && response.headers()["content-type"] == "application/pdf";
    let bytes = response.bytes().await.unwrap();
    (status, if pdf { crate::common::personas::pdf_text(&bytes) } else { String::new() })
}

async fn closing_and_reopening_are_confirmed_by_letter_and_a_death_is_not(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient_id = app.create_patient(&mut agent, NATIONAL_ID, "fr").await;
    let path = |act: &str| format!("/api/agency/patients/{patient_id}/{act}");
    assert_eq!(confirmation(&app, &agent, &patient_id).await.0, 422, "nothing to confirm yet");
    let closed = app.send(&mut agent, &path("close"), &json!({"reference": "FC-2026-0077"})).await;
    assert_eq!(closed.status, 200, "{:?}", closed.body);
    let (status, text) = confirmation(&app, &agent, &patient_id).await;
    assert_eq!(status, 200);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("FC-2026-0077"), "{flat}");
    assert!(flat.contains("1893 1201 057 32") || flat.contains("1893120105732"), "{flat}");
    let reopened = app.send(&mut agent, &path("reopen"), &json!({})).await;
    assert_eq!(reopened.status, 200, "{:?}", reopened.body);
    let (status, reopening) = confirmation(&app, &agent, &patient_id).await;
    assert_eq!(status, 200);
    assert_ne!(reopening, text, "the reopening has its own letter");
    let kinds: Vec<String> = app
        .audit("letter_issued")
        .await
        .into_iter()
        .filter(|e| e.detail.contains("confirmation"))
        .map(|e| e.detail)
        .collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert!(
        kinds[0].contains("closing_confirmation") && kinds[1].contains("reopening_confirmation")
    );
    let died = app
        .send(
            &mut agent,
            &path("death"),
            &json!({"date": "2026-11-30", "source": "Civil register"}),
        )
        .await;
    assert_eq!(died.status, 200, "{:?}", died.body);
    assert_eq!(confirmation(&app, &agent, &patient_id).await.0, 422, "a death gets no letter");
    let unknown = uuid::Uuid::new_v4().to_string();
    assert_eq!(confirmation(&app, &agent, &unknown).await.0, 404);
}

/// The files of a ZIP archive read through its central directory: (name, bytes), each checked
/// against its CRC-32.
fn unzip(archive: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16_at = |at: usize| usize::from(u16::from_le_bytes([archive[at], archive[at + 1]]));
    let u32_at = |at: usize| {
        u32::from_le_bytes([archive[at], archive[at + 1], archive[at + 2], archive[at + 3]])
    };
    let end = archive.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4b50, "an end of central directory record");
    let count = u16_at(end + 10);
    let mut at = u32_at(end + 16) as usize;
    let mut files = Vec::new();
    for _ in 0..count {
        assert_eq!(u32_at(at), 0x0201_4b50);
        let crc = u32_at(at + 16);
        let size = u32_at(at + 24) as usize;
        let name_len = u16_at(at + 28);
        let skip = u16_at(at + 30) + u16_at(at + 32);
        let offset = u32_at(at + 42) as usize;
        let name = String::from_utf8(archive[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_eq!(u32_at(offset), 0x0403_4b50, "{name}: a local header");
        let data = offset + 30 + u16_at(offset + 26) + u16_at(offset + 28);
        let bytes = archive[data..data + size].to_vec();
        assert_eq!(crc32fast::hash(&bytes), crc, "{name}: its CRC");
        files.push((name, bytes));
        at += 46 + name_len + skip;
    }
    files
}

async fn a_closed_record_downloads_whole_as_a_zip_with_fhir_bundles(engine: Engine) {
    let mut s = scene(engine).await;
    reverify(&s.app, &mut s.patient, &mut s.passkey).await;
    let closed = s.app.send(&mut s.patient, "/api/me/record/close", &json!({})).await;
    assert_eq!(closed.status, 200);
    let response = s
        .app
        .request(&s.patient, Method::GET, "/api/me/record/export.zip")
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/zip");
    let encoding = response
        .headers()
        .get("content-encoding")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = response.bytes().await.unwrap();
    let mut archive = Vec::new();
    {
        use std::io::Read as _;
        match encoding.as_str() {
            "gzip" => flate2::read::GzDecoder::new(&body[..]).read_to_end(&mut archive),
            "br" => {
                brotli_decompressor::Decompressor::new(&body[..], 4096).read_to_end(&mut archive)
            }
            _ => std::io::Read::read_to_end(&mut &body[..], &mut archive),
        }
        .unwrap();
    }
    let files = unzip(&archive);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    let (document, content) = &files[0];
    assert!(document.starts_with("documents/") && document.ends_with("-v1.pdf"), "{document}");
    assert_eq!(content.as_slice(), PDF, "the stored content, as filed");
    let documents: Value = serde_json::from_slice(&files[1].1).unwrap();
    assert_eq!(files[1].0, "documents.fhir.json");
    assert_eq!(documents["resourceType"], "Bundle");
    let reference = &documents["entry"][0]["resource"];
    assert_eq!(reference["resourceType"], "DocumentReference");
    assert_eq!(reference["status"], "current");
    assert_eq!(reference["content"][0]["attachment"]["url"], document.as_str());
    // R4's Attachment.hash: the base64 SHA-1 of the file; the category in the FHIR API's system.
    let sha1 = {
        use sha1::Digest as _;
        data_encoding::BASE64.encode(&sha1::Sha1::digest(PDF))
    };
    assert_eq!(reference["content"][0]["attachment"]["hash"], sha1);
    assert_eq!(reference["content"][0]["attachment"]["size"], PDF.len());
    assert_eq!(
        reference["category"][0]["coding"][0]["system"],
        "https://dsp.lu/fhir/CodeSystem/category"
    );
    let history: Value = serde_json::from_slice(&files[2].1).unwrap();
    assert_eq!(files[2].0, "history.fhir.json");
    let actions: Vec<&str> = history["entry"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["resource"]["type"].as_object().map(|_| e))
        .filter_map(|e| e["resource"]["subtype"][0]["code"].as_str())
        .collect();
    assert!(actions.contains(&"record_closed"), "{actions:?}");
    // Both Bundles pass the independent FHIR R4 validator. Its `url` type wants an absolute URL
    // with a host, stricter than R4 (it refuses MHD's own `Binary/<id>`): the archive's
    // relative paths are checked above, every other element by the validator.
    let mut checked = documents.clone();
    for entry in checked["entry"].as_array_mut().unwrap() {
        entry["resource"]["content"][0]["attachment"].as_object_mut().unwrap().remove("url");
    }
    let (summary, out) = crate::fhir::validate_fhir(&[checked, history.clone()]);
    for kind in ["Bundle", "DocumentReference", "AuditEvent"] {
        assert!(summary["types"].as_array().unwrap().contains(&json!(kind)), "{kind}: {out}");
    }
    assert_eq!(s.app.audit("record_exported").await.len(), 1);
    // Nobody else downloads it: a professional or an agent is refused by the route.
    let other = s.app.get_as(&s.doctor, "/api/me/record/export.zip").await;
    assert_eq!(other.status, 403);
}
