//! Emergency access ("break the glass") at volume: a professional opens at most a configured
//! number within a sliding window; the next opening is refused (audited, the same answer for
//! every record, existing or not) and the agency is alerted in its review.

use chrono::TimeDelta;
use serde_json::json;

use crate::common::authenticator::SecurityKey;
use crate::common::personas::Browser;
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(past_the_cap_emergency_access_is_refused_and_the_agency_alerted,);

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
