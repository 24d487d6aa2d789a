//! Care relations under the patient's control, through HTTP: connection codes and consultation
//! links, granted links, ending a link, the référent, blocks, the emergency-access switch; each
//! with its audit entry, and the access decision reading the same facts.

use chrono::TimeDelta;
use reqwest::Method;
use serde_json::{Value, json};

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::Browser;
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_connection_code_opens_a_fifteen_day_consultation_link_once,
    connection_failures_reveal_nothing,
    the_patient_grants_and_ends_links,
    a_block_beats_every_relation,
    the_referent_is_a_physician_and_emergency_access_has_a_switch,
    only_the_patient_reaches_their_controls,
    an_institution_admits_a_patient_and_its_team_finds_them,
);

async fn an_institution_admits_a_patient_and_its_team_finds_them(engine: Engine) {
    let mut s = scene(engine).await;
    let lookup = "/api/professional/patients";
    let national_id = s.national_id.clone();
    let before = s.app.send(&mut s.doctor, lookup, &json!({"national_id": national_id})).await;
    let unknown_id = shared::NationalId::from_first_eleven("19700101002").unwrap().to_string();
    let unknown = s.app.send(&mut s.doctor, lookup, &json!({"national_id": unknown_id})).await;
    assert_eq!(
        (before.status, before.body["code"].clone()),
        (unknown.status, unknown.body["code"].clone())
    );
    assert_eq!(before.status, 404, "no relation: not found, like a national ID nobody has");
    let not_admission = s
        .app
        .send(
            &mut s.doctor,
            "/api/professional/admissions",
            &json!({"national_id": national_id, "context": "consultation"}),
        )
        .await;
    assert_eq!(not_admission.status, 422);
    let stay = s
        .app
        .send(
            &mut s.doctor,
            "/api/professional/admissions",
            &json!({"national_id": national_id, "context": "institution_stay"}),
        )
        .await;
    assert_eq!(stay.status, 200, "{:?}", stay.body);
    assert_eq!(stay.body["context"], "institution_stay");
    let ends: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(stay.body["ends_at"].clone()).unwrap();
    let starts: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(stay.body["starts_at"].clone()).unwrap();
    assert_eq!(ends - starts, TimeDelta::days(45));
    let found = s.app.send(&mut s.doctor, lookup, &json!({"national_id": national_id})).await;
    assert_eq!(found.status, 200, "{:?}", found.body);
    assert_eq!(found.body["rule"], "link_institution_stay");
    assert_eq!(found.body["patient_id"], s.patient_id.as_str());
    let id = stay.body["id"].as_str().unwrap();
    let renewed =
        s.app.send(&mut s.doctor, &format!("/api/professional/links/{id}/renew"), &json!({})).await;
    assert_eq!(renewed.status, 200);
    let renewed_end: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(renewed.body["ends_at"].clone()).unwrap();
    assert_eq!(renewed_end - ends, TimeDelta::days(30));
    let emergency = s
        .app
        .send(
            &mut s.doctor,
            "/api/professional/admissions",
            &json!({"national_id": national_id, "context": "emergency_department"}),
        )
        .await;
    let ends: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(emergency.body["ends_at"].clone()).unwrap();
    let starts: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(emergency.body["starts_at"].clone()).unwrap();
    assert_eq!(ends - starts, TimeDelta::hours(24) + TimeDelta::days(15));
    let lookups = s.app.audit("patient_lookup").await;
    assert_eq!(
        lookups.iter().map(|e| e.outcome.as_str()).collect::<Vec<_>>(),
        ["failure", "failure", "success"]
    );
}

struct Scene {
    app: TestApp,
    patient: Browser,
    patient_id: String,
    national_id: String,
    doctor: Browser,
    doctor_id: String,
    nurse_id: String,
}

async fn scene(engine: Engine) -> Scene {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let national_id = "1893120105732".to_owned();
    let patient_id = app.create_patient(&mut agent, &national_id, "fr").await;
    let code = app.letter_code(&agent, &patient_id).await;
    let mut patient = Browser::default();
    assert_eq!(
        app.activate(&mut patient, &mut Passkey::new(), &national_id, &code).await.status,
        200
    );
    let (doctor_id, code) = app.create_professional(&mut agent, "M-1", "MED").await;
    let mut doctor = Browser::default();
    assert_eq!(app.enrol(&mut doctor, &mut SecurityKey::new(31), &code).await.status, 200);
    let (nurse_id, _) = app.create_professional(&mut agent, "I-1", "INF").await;
    Scene { app, patient, patient_id, national_id, doctor, doctor_id, nurse_id }
}

async fn connection_code(s: &mut Scene) -> String {
    let answer = s.app.send(&mut s.patient, "/api/me/connection-code", &json!({})).await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    answer.body["code"].as_str().unwrap().to_owned()
}

async fn open(s: &mut Scene, national_id: &str, code: &str) -> crate::common::personas::Answer {
    s.app
        .send(
            &mut s.doctor,
            "/api/professional/consultations",
            &json!({"national_id": national_id, "connection_code": code}),
        )
        .await
}

async fn a_connection_code_opens_a_fifteen_day_consultation_link_once(engine: Engine) {
    let mut s = scene(engine).await;
    let code = connection_code(&mut s).await;
    let national_id = s.national_id.clone();
    let opened = open(&mut s, &national_id, &code).await;
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
    assert_eq!(open(&mut s, &national_id, &code).await.code(), "connection_failed");
    let overview = s.app.get_as(&s.patient, "/api/me/care").await;
    assert_eq!(overview.body["links"][0]["professional"]["id"], s.doctor_id.as_str());
    let opened_audit = s.app.audit("link_opened").await;
    assert_eq!(opened_audit.iter().filter(|e| e.outcome == "success").count(), 1);
    assert_eq!(opened_audit[0].patient_id.unwrap().to_string(), s.patient_id);
    // The decision function sees the link: the doctor may list the record now, and not after 15 days.
    let facts = dsp::services::care::record_facts(
        &s.app.db,
        s.patient_id.parse().unwrap(),
        s.app.clock.now(),
    )
    .await
    .unwrap();
    assert_eq!(facts.links.len(), 1);
    assert_eq!(facts.links[0].ends_at - facts.links[0].starts_at, TimeDelta::days(15));
}

async fn connection_failures_reveal_nothing(engine: Engine) {
    let mut s = scene(engine).await;
    let code = connection_code(&mut s).await;
    let unknown = shared::NationalId::from_first_eleven("19700101002").unwrap().to_string();
    let national_id = s.national_id.clone();
    let wrong_code = open(&mut s, &national_id, "AAAA-BBBB-CCCC").await;
    let unknown_id = open(&mut s, &unknown, &code).await;
    assert_eq!((wrong_code.status, wrong_code.code()), (unknown_id.status, unknown_id.code()));
    assert_eq!(wrong_code.code(), "connection_failed");
    assert_eq!(open(&mut s, "1893120105733", &code).await.code(), "invalid_national_id");
    // Ten minutes: expired.
    s.app.clock.advance(TimeDelta::minutes(10));
    let mut fresh = Browser::default();
    std::mem::swap(&mut fresh, &mut s.doctor);
    s.doctor = fresh;
    assert_eq!(open(&mut s, &national_id, &code).await.code(), "connection_failed");
    let failures = s.app.audit("link_opened").await;
    assert!(failures.iter().all(|e| e.outcome == "failure"));
    assert_eq!(failures.len(), 3);
}

async fn the_patient_grants_and_ends_links(engine: Engine) {
    let mut s = scene(engine).await;
    let until = (chrono::Utc::now() + TimeDelta::days(3)).date_naive();
    let granted = s
        .app
        .send(
            &mut s.patient,
            "/api/me/links",
            &json!({"professional_id": s.nurse_id, "until": until}),
        )
        .await;
    assert_eq!(granted.status, 200, "{:?}", granted.body);
    assert_eq!(granted.body["context"], "patient_grant");
    assert_eq!(granted.body["live"], true);
    let past = s
        .app
        .send(
            &mut s.patient,
            "/api/me/links",
            &json!({"professional_id": s.nurse_id, "until": "2000-01-01"}),
        )
        .await;
    assert_eq!(past.status, 422);
    let id = granted.body["id"].as_str().unwrap();
    let ended = s
        .app
        .request(&s.patient, Method::DELETE, &format!("/api/me/links/{id}"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(ended.status(), 204);
    let overview = s.app.get_as(&s.patient, "/api/me/care").await;
    assert_eq!(overview.body["links"][0]["live"], false);
    assert!(overview.body["links"][0]["ended_at"].is_string());
    let facts = dsp::services::care::record_facts(
        &s.app.db,
        s.patient_id.parse().unwrap(),
        s.app.clock.now(),
    )
    .await
    .unwrap();
    assert!(facts.links[0].ended_at.is_some(), "effective for the very next request");
    assert_eq!(s.app.audit("link_granted").await.len(), 1);
    assert_eq!(s.app.audit("link_ended").await.len(), 1);
}

async fn a_block_beats_every_relation(engine: Engine) {
    let mut s = scene(engine).await;
    let blocked = s
        .app
        .request(&s.patient, Method::PUT, &format!("/api/me/blocks/{}", s.doctor_id))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(blocked.status(), 204);
    let code = connection_code(&mut s).await;
    let national_id = s.national_id.clone();
    let refused = open(&mut s, &national_id, &code).await;
    assert_eq!(refused.code(), "connection_failed", "a blocked professional is not told why");
    assert!(s.app.audit("link_opened").await[0].detail.contains("blocked"));
    let overview = s.app.get_as(&s.patient, "/api/me/care").await;
    assert_eq!(overview.body["blocked"][0]["id"], s.doctor_id.as_str());
    // Even as référent, the block wins in the decision.
    let set = s
        .app
        .request(&s.patient, Method::PUT, "/api/me/referent")
        .json(&json!({"professional_id": s.doctor_id}))
        .send()
        .await
        .unwrap();
    assert_eq!(set.status(), 200);
    let facts = dsp::services::care::record_facts(
        &s.app.db,
        s.patient_id.parse().unwrap(),
        s.app.clock.now(),
    )
    .await
    .unwrap();
    let doctor = dsp::access::Actor::Professional {
        id: shared::ids::ProfessionalId(s.doctor_id.parse().unwrap()),
        profession: shared::Profession::Physician,
        organisation: None,
        active: true,
    };
    let matrix = dsp::access::Matrix::from_cells(
        &dsp::seed::parse_access_matrix(dsp::seed::ACCESS_MATRIX_CSV).unwrap(),
    );
    let decision = dsp::access::decide(
        &matrix,
        &doctor,
        &dsp::access::Action::ListDocuments,
        &facts,
        s.app.clock.now(),
    );
    assert_eq!(decision.as_str(), "blocked");
    let unblocked = s
        .app
        .request(&s.patient, Method::DELETE, &format!("/api/me/blocks/{}", s.doctor_id))
        .send()
        .await
        .unwrap();
    assert_eq!(unblocked.status(), 204);
    assert_eq!(s.app.audit("professional_blocked").await.len(), 1);
    assert_eq!(s.app.audit("professional_unblocked").await.len(), 1);
}

async fn the_referent_is_a_physician_and_emergency_access_has_a_switch(engine: Engine) {
    let s = scene(engine).await;
    let put =
        |body: Value| s.app.request(&s.patient, Method::PUT, "/api/me/referent").json(&body).send();
    assert_eq!(put(json!({"professional_id": s.nurse_id})).await.unwrap().status(), 422);
    let set = put(json!({"professional_id": s.doctor_id})).await.unwrap();
    assert_eq!(set.status(), 200);
    let set: Value = set.json().await.unwrap();
    assert_eq!(set["referent"]["id"], s.doctor_id.as_str());
    // Only the référent reads the access-traces dashboard.
    let traces = s.app.get_as(&s.doctor, &format!("/api/records/{}/history", s.patient_id)).await;
    assert_eq!(traces.status, 200, "{:?}", traces.body);
    assert!(!traces.body["entries"].as_array().unwrap().is_empty());
    assert!(s.app.audit("access_traces_viewed").await.last().unwrap().detail.contains("referent"));
    let found =
        s.app.send(&mut s.patient.clone(), "/api/me/directory", &json!({"q": "reut"})).await;
    assert_eq!(found.body.as_array().unwrap().len(), 2);
    let off = s
        .app
        .request(&s.patient, Method::PUT, "/api/me/emergency-access")
        .json(&json!({"enabled": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(off.status(), 204);
    assert_eq!(
        s.app.get_as(&s.patient, "/api/me/care").await.body["emergency_access_enabled"],
        false
    );
    assert_eq!(
        s.app.audit("referent_designated").await.iter().filter(|e| e.outcome == "success").count(),
        1
    );
    assert_eq!(s.app.audit("emergency_access_disabled").await.len(), 1);
}

async fn only_the_patient_reaches_their_controls(engine: Engine) {
    let mut s = scene(engine).await;
    let code = connection_code(&mut s).await;
    let national_id = s.national_id.clone();
    let link =
        open(&mut s, &national_id, &code).await.body["link"]["id"].as_str().unwrap().to_owned();
    // Another patient cannot end this link; a professional has no patient controls.
    let (mut agent, _) = s.app.signed_in_agent().await;
    let other = shared::NationalId::from_first_eleven("19800505005").unwrap().to_string();
    let other_id = s.app.create_patient(&mut agent, &other, "en").await;
    let code = s.app.letter_code(&agent, &other_id).await;
    let mut intruder = Browser::default();
    assert_eq!(s.app.activate(&mut intruder, &mut Passkey::new(), &other, &code).await.status, 200);
    let foreign = s
        .app
        .request(&intruder, Method::DELETE, &format!("/api/me/links/{link}"))
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 404);
    let missing = s
        .app
        .request(&intruder, Method::DELETE, &format!("/api/me/links/{}", uuid::Uuid::new_v4()))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404, "a foreign link and a missing one answer alike");
    assert_eq!(s.app.get_as(&s.doctor, "/api/me/care").await.status, 403);
    let not_referent =
        s.app.get_as(&s.doctor, &format!("/api/records/{}/history", s.patient_id)).await;
    assert_eq!(not_referent.status, 404, "a linked physician who is not the référent: not found");
    assert_eq!(s.app.get_as(&Browser::default(), "/api/me/care").await.status, 401);
    let as_patient = s
        .app
        .send(
            &mut s.patient,
            "/api/professional/consultations",
            &json!({"national_id": other, "connection_code": "X"}),
        )
        .await;
    assert_eq!(as_patient.status, 403);
    let body: Value = s.app.get_as(&s.patient, "/api/me/care").await.body;
    assert_eq!(body["links"].as_array().unwrap().len(), 1);
}
