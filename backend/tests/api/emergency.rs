//! Emergency access ("break the glass") at volume: a professional opens at most a configured
//! number within a sliding window; the next opening is refused (audited, the same answer for
//! every record, existing or not) and the agency is alerted in its review.

use chrono::TimeDelta;
use serde_json::json;

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::Browser;
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    past_the_cap_emergency_access_is_refused_and_the_agency_alerted,
    emergency_access_from_a_lookup_says_why_without_revealing_a_block,
);

const REASON: &str = "Unconscious at the emergency department, allergies needed";

async fn past_the_cap_emergency_access_is_refused_and_the_agency_alerted(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, mut agent_key) = app.signed_in_agent().await;
    let mut patients = Vec::new();
    for n in 0..5 {
        let national_id =
            shared::NationalId::from_first_eleven(&format!("1975060700{n}")).unwrap().to_string();
        let id = app.create_patient(&mut agent, &national_id, "fr").await;
        app.letter_code(&agent, &id).await;
        patients.push(id);
    }
    let (pro_id, code) = app.create_professional(&mut agent, "M-77", "MED").await;
    let mut key = SecurityKey::new(77);
    assert_eq!(app.enrol(&mut Browser::default(), &mut key, &code).await.status, 200);
    // Past the objection window, every record is open to an emergency access.
    app.clock.advance(TimeDelta::days(30));
    let first_opening = app.clock.now();
    let open = async |key: &mut SecurityKey, patient: &str| {
        let mut pro = Browser::default();
        assert_eq!(app.sign_in_with_key(&mut pro, key).await.status, 200);
        let path = format!("/api/records/{patient}/emergency-access");
        app.send(&mut pro, &path, &json!({"reason": REASON})).await
    };
    // Three openings within the default window of 24 hours, an hour apart.
    for patient in &patients[..3] {
        let opened = open(&mut key, patient).await;
        assert_eq!(opened.status, 200, "{:?}", opened.body);
        app.clock.advance(TimeDelta::hours(1));
    }
    // The fourth is refused, with a code of its own.
    let refused = open(&mut key, &patients[3]).await;
    assert_eq!(refused.status, 403, "{:?}", refused.body);
    assert_eq!(refused.code(), "emergency_access_limit_reached");
    let entry = app.audit("emergency_access_opened").await.pop().unwrap();
    assert_eq!(entry.outcome, "failure");
    assert_eq!(entry.patient_id.unwrap().to_string(), patients[3]);
    assert_eq!(entry.actor_id.unwrap().to_string(), pro_id);
    let detail: serde_json::Value = serde_json::from_str(&entry.detail).unwrap();
    assert_eq!(detail["refused"], "emergency_access_limit_reached");
    assert_eq!(detail["rule"], "emergency_access_limit_reached");
    assert_eq!(detail["openings_in_window"], 3);
    // The same answer for a record that does not exist: the cap tells nothing about records.
    let nowhere = open(&mut key, &uuid::Uuid::new_v4().to_string()).await;
    assert_eq!(nowhere.status, 403);
    assert_eq!(nowhere.code(), "emergency_access_limit_reached");
    // Nothing was opened, the patient was not told.
    let grants = app.get_as(&agent, "/api/agency/emergency-accesses").await;
    assert_eq!(grants.status, 401, "the agent's session has ended");
    let mut agent = Browser::default();
    assert_eq!(app.sign_in_with_key(&mut agent, &mut agent_key).await.status, 200);
    let grants = app.get_as(&agent, "/api/agency/emergency-accesses").await;
    assert_eq!(grants.body.as_array().unwrap().len(), 3, "{:?}", grants.body);
    // The agency sees an alert per refusal: who, when, how many openings in the window.
    let alerts = app.get_as(&agent, "/api/agency/emergency-alerts").await;
    assert_eq!(alerts.status, 200, "{:?}", alerts.body);
    let alerts = alerts.body.as_array().unwrap().clone();
    assert_eq!(alerts.len(), 2, "{alerts:?}");
    assert_eq!(alerts[0]["professional"]["id"], pro_id.as_str());
    assert_eq!(alerts[0]["openings_in_window"], 3);
    assert_eq!(alerts[0]["max_openings"], 3);
    assert_eq!(alerts[0]["window_hours"], 24);
    let at: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(alerts[0]["refused_at"].clone()).unwrap();
    assert_eq!(at, app.clock.now());
    // The agency's review is for agents only.
    let mut pro = Browser::default();
    assert_eq!(app.sign_in_with_key(&mut pro, &mut key).await.status, 200);
    assert_eq!(app.get_as(&pro, "/api/agency/emergency-alerts").await.status, 403);
    // Once the first opening leaves the window, one more is allowed, and then the cap holds.
    app.clock.advance(first_opening + TimeDelta::hours(24) - app.clock.now());
    let reopened = open(&mut key, &patients[3]).await;
    assert_eq!(reopened.status, 200, "{:?}", reopened.body);
    let again = open(&mut key, &patients[4]).await;
    assert_eq!(again.code(), "emergency_access_limit_reached");
    assert_eq!(app.audit("emergency_access_opened").await.len(), 7);
    assert_eq!(dsp::audit::verify(&app.db).await.unwrap().first_broken, None);
}

/// From a lookup by national ID: an unknown ID, a closed record and a block answer alike
/// (`not_found`); a record not open yet and a patient's switch-off say so; the lookup itself
/// still says nothing; each attempt is in the record's history.
async fn emergency_access_from_a_lookup_says_why_without_revealing_a_block(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, mut agent_key) = app.signed_in_agent().await;
    let id = |n: u32| {
        shared::NationalId::from_first_eleven(&format!("1975060701{n}")).unwrap().to_string()
    };
    let mut records = Vec::new();
    for n in 0..4 {
        let record = app.create_patient(&mut agent, &id(n), "fr").await;
        let code = app.letter_code(&agent, &record).await;
        records.push((record, code));
    }
    let (pro_id, code) = app.create_professional(&mut agent, "M-78", "MED").await;
    let mut key = SecurityKey::new(78);
    assert_eq!(app.enrol(&mut Browser::default(), &mut key, &code).await.status, 200);
    // Patient 1 switches emergency access off; patient 2 blocks the doctor and switches it off.
    let mut patients = Vec::new();
    for n in [1, 2] {
        let mut patient = Browser::default();
        let activated =
            app.activate(&mut patient, &mut Passkey::new(), &id(n), &records[n as usize].1).await;
        assert_eq!(activated.status, 200);
        let off = app
            .request(&patient, reqwest::Method::PUT, "/api/me/emergency-access")
            .json(&json!({"enabled": false}))
            .send()
            .await
            .unwrap();
        assert_eq!(off.status(), 204);
        patients.push(patient);
    }
    let block = format!("/api/me/blocks/{pro_id}");
    let blocked = app.request(&patients[1], reqwest::Method::PUT, &block).send().await.unwrap();
    assert_eq!(blocked.status(), 204);

    let mut doctor = Browser::default();
    assert_eq!(app.sign_in_with_key(&mut doctor, &mut key).await.status, 200);
    let path = "/api/professional/emergency-access";
    let ask = |national_id: String| json!({"national_id": national_id, "reason": REASON});
    let unknown = id(9);
    let nobody = app.send(&mut doctor, path, &ask(unknown.clone())).await;
    assert_eq!((nobody.status.as_u16(), nobody.code()), (404, "not_found"));
    // Patient 0 has not activated: the 30-day objection window runs.
    let waiting = app.send(&mut doctor, path, &ask(id(0))).await;
    assert_eq!((waiting.status.as_u16(), waiting.code()), (403, "record_in_objection_window"));
    let off = app.send(&mut doctor, path, &ask(id(1))).await;
    assert_eq!((off.status.as_u16(), off.code()), (403, "emergency_access_switched_off"));
    // The block beats the switch, and answers like a national ID nobody has.
    let hidden = app.send(&mut doctor, path, &ask(id(2))).await;
    assert_eq!((hidden.status, hidden.code()), (nobody.status, nobody.code()));
    // The lookup itself still says nothing about any of them.
    for n in [0, 1, 2, 9] {
        let found = app
            .send(&mut doctor, "/api/professional/patients", &json!({"national_id": id(n)}))
            .await;
        assert_eq!((found.status.as_u16(), found.code()), (404, "not_found"), "{n}");
    }
    // Bad input: its own codes, nothing opened.
    let malformed = app
        .send(&mut doctor, path, &json!({"national_id": "1893120105733", "reason": REASON}))
        .await;
    assert_eq!((malformed.status.as_u16(), malformed.code()), (422, "invalid_national_id"));
    let short =
        app.send(&mut doctor, path, &json!({"national_id": id(3), "reason": "short"})).await;
    assert_eq!((short.status.as_u16(), short.code()), (422, "invalid_request"));
    // Each refusal on a real record is in its history, under the rule that refused it.
    let trail = app.audit("emergency_access_opened").await;
    let rule_for = |record: &str| {
        trail
            .iter()
            .find(|e| e.patient_id.map(|p| p.to_string()).as_deref() == Some(record))
            .map(|e| serde_json::from_str::<serde_json::Value>(&e.detail).unwrap()["rule"].clone())
    };
    assert_eq!(rule_for(&records[0].0), Some(json!("objection_window")));
    assert_eq!(rule_for(&records[1].0), Some(json!("emergency_access_switched_off")));
    assert_eq!(rule_for(&records[2].0), Some(json!("blocked")));
    assert!(trail.iter().all(|e| e.outcome == "failure"));

    // Past the window, patient 3 (never activated) is reached in an emergency and told.
    app.clock.advance(TimeDelta::days(30));
    let mut doctor = Browser::default();
    assert_eq!(app.sign_in_with_key(&mut doctor, &mut key).await.status, 200);
    let opened = app.send(&mut doctor, path, &ask(id(3))).await;
    assert_eq!(opened.status, 200, "{:?}", opened.body);
    assert_eq!(opened.body["patient_id"], records[3].0.as_str());
    let listed = app.get_as(&doctor, &format!("/api/records/{}/documents", records[3].0)).await;
    assert_eq!(listed.status, 200);
    let whose = app.get_as(&doctor, &format!("/api/records/{}/patient", records[3].0)).await;
    assert_eq!(whose.body["national_id"], id(3).as_str());
    assert_eq!(whose.body["rule"], "emergency_access");
    let entry = app.audit("emergency_access_opened").await.pop().unwrap();
    assert_eq!(entry.outcome, "success");
    assert!(entry.detail.contains("national_id"), "{}", entry.detail);
    // Without a fresh verification, it asks for one first.
    app.clock.advance(TimeDelta::minutes(6));
    let stale = app.send(&mut doctor, path, &ask(id(0))).await;
    assert_eq!(stale.code(), "reverification_required");
    let mut agent = Browser::default();
    assert_eq!(app.sign_in_with_key(&mut agent, &mut agent_key).await.status, 200);
    let review = app.get_as(&agent, "/api/agency/emergency-accesses").await;
    assert_eq!(review.body.as_array().unwrap().len(), 1);
    assert_eq!(dsp::audit::verify(&app.db).await.unwrap().first_broken, None);
}
