//! The helpdesk (issue 12, part 3): an audited, rate-limited patient search; a record's letters
//! and activation unlock; recovery after an identity check (patients and professionals); licence
//! suspension and reinstatement; organisations. Every act is for agents only, unknown ids answer
//! `not_found`, and every act leaves its audit entry.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::{Answer, Browser};
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    the_patient_search_is_audited_and_rate_limited_per_agent,
    letters_are_listed_and_a_locked_activation_is_unlocked,
    a_recovery_letter_needs_the_identity_check,
    a_professional_recovery_replaces_the_keys_and_ends_every_session,
    a_suspension_ends_the_rights_at_once_and_the_linked_patients_see_it,
    organisations_are_created_edited_searched_and_staffed,
    helpdesk_acts_are_for_agents_only,
);

const NIN: &str = "1893120105732";
const UNKNOWN: &str = "00000000-0000-4000-8000-000000000000";

async fn put(app: &TestApp, browser: &Browser, path: &str, body: &Value) -> Answer {
    let response = app.request(browser, Method::PUT, path).json(body).send().await.unwrap();
    crate::common::personas::answer(&mut browser.clone(), response).await
}

async fn post_letter(app: &TestApp, agent: &Browser, patient: &str, body: &Value) -> StatusCode {
    app.request(agent, Method::POST, &format!("/api/agency/patients/{patient}/letter"))
        .json(body)
        .send()
        .await
        .unwrap()
        .status()
}

fn detail(entry: &dsp::entity::audit_event::Model) -> Value {
    serde_json::from_str(&entry.detail).unwrap()
}

async fn the_patient_search_is_audited_and_rate_limited_per_agent(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let id = app.create_patient(&mut agent, NIN, "fr").await;

    let found = app.send(&mut agent, "/api/agency/patients/search", &json!({"q": NIN})).await;
    assert_eq!(found.status, 200, "{:?}", found.body);
    assert_eq!(found.body[0]["id"], id.as_str());
    let by_name =
        app.send(&mut agent, "/api/agency/patients/search", &json!({"q": "schroe"})).await;
    assert_eq!(by_name.body.as_array().unwrap().len(), 1);

    // The audit records the agent and the search, not the list of patients.
    let searches = app.audit("patient_search").await;
    assert_eq!(searches.len(), 2);
    let first = &searches[0];
    assert_eq!(first.actor_kind.as_deref(), Some("agent"));
    assert!(first.actor_id.is_some());
    assert_eq!(first.patient_id, None, "a search names no record");
    let facts = detail(first);
    assert_eq!(facts["by"], "national_id");
    assert_eq!(facts["q"], NIN);
    assert_eq!(facts["results"], 1);
    assert!(!first.detail.contains(&id), "the audit holds no patient of the list");
    assert_eq!(detail(&searches[1])["by"], "name");

    // 30 a minute per agent; the 31st is refused with a stable code, and not audited.
    for _ in 2..30 {
        let ok = app.send(&mut agent, "/api/agency/patients/search", &json!({"q": "x"})).await;
        assert_eq!(ok.status, 200);
    }
    let refused = app.send(&mut agent, "/api/agency/patients/search", &json!({"q": "x"})).await;
    assert_eq!(refused.status, 429, "{:?}", refused.body);
    assert_eq!(refused.code(), "rate_limited");
    assert_eq!(app.audit("patient_search").await.len(), 30);
    // Another agent is counted apart.
    let (mut other, _) = app.signed_in_agent().await;
    let ok = app.send(&mut other, "/api/agency/patients/search", &json!({"q": NIN})).await;
    assert_eq!(ok.status, 200);
}

async fn letters_are_listed_and_a_locked_activation_is_unlocked(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let id = app.create_patient(&mut agent, NIN, "de").await;
    let letters = app.get_as(&agent, &format!("/api/agency/patients/{id}/letters")).await;
    assert_eq!(letters.body, json!([]));
    let _first = app.letter_code(&agent, &id).await;
    let code = app.letter_code(&agent, &id).await;
    let letters = app.get_as(&agent, &format!("/api/agency/patients/{id}/letters")).await;
    let kinds: Vec<&str> =
        letters.body.as_array().unwrap().iter().map(|l| l["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["reissue", "activation"], "newest first");
    assert!(letters.body[0]["issued_at"].is_string());
    // Each look at the letters is an audited read of the record.
    let views: Vec<_> = app
        .audit("patient_viewed")
        .await
        .into_iter()
        .filter(|e| e.detail.contains("\"part\":\"letters\""))
        .collect();
    assert_eq!(views.len(), 2, "two looks");
    assert_eq!(views[1].patient_id.map(|p| p.to_string()), Some(id.clone()));
    assert_eq!(views[1].actor_kind.as_deref(), Some("agent"));

    // Nothing to unlock yet.
    let nothing =
        app.send(&mut agent, &format!("/api/agency/patients/{id}/unlock"), &json!({})).await;
    assert_eq!((nothing.status.as_u16(), nothing.code()), (409, "activation_not_locked"));

    // Five wrong codes lock the activation, the right one included.
    let mut stranger = Browser::default();
    for _ in 0..5 {
        let wrong = app
            .send(
                &mut stranger,
                "/api/activation/start",
                &json!({"national_id": NIN, "activation_code": "AAAA-BBBB-CCCC"}),
            )
            .await;
        assert_ne!(wrong.status, 200);
    }
    let record = app.get_as(&agent, &format!("/api/agency/patients/{id}")).await;
    assert_eq!(record.body["activation_locked"], true);
    let locked = app.activate(&mut Browser::default(), &mut Passkey::new(), NIN, &code).await;
    assert_eq!(locked.code(), "activation_locked");

    let unlocked =
        app.send(&mut agent, &format!("/api/agency/patients/{id}/unlock"), &json!({})).await;
    assert_eq!(unlocked.status, 200, "{:?}", unlocked.body);
    assert_eq!(unlocked.body["activation_locked"], false);
    let entries = app.audit("activation_unlocked").await;
    assert_eq!(entries.len(), 2, "the refusal and the unlock");
    assert_eq!(entries[1].outcome, "success");
    assert_eq!(entries[1].patient_id.map(|p| p.to_string()), Some(id.clone()));
    // The letter's code works again.
    let mut patient = Browser::default();
    let activated = app.activate(&mut patient, &mut Passkey::new(), NIN, &code).await;
    assert_eq!(activated.status, 200, "{:?}", activated.body);

    // Unknown ids answer not_found.
    let viewed = app.audit("patient_viewed").await.len();
    let missing = app.get_as(&agent, &format!("/api/agency/patients/{UNKNOWN}/letters")).await;
    assert_eq!((missing.status.as_u16(), missing.code()), (404, "not_found"));
    assert_eq!(app.audit("patient_viewed").await.len(), viewed, "nothing for a missing record");
    let missing =
        app.send(&mut agent, &format!("/api/agency/patients/{UNKNOWN}/unlock"), &json!({})).await;
    assert_eq!((missing.status.as_u16(), missing.code()), (404, "not_found"));
}

async fn a_recovery_letter_needs_the_identity_check(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let id = app.create_patient(&mut agent, NIN, "lb").await;
    // A first letter needs no identity check.
    assert_eq!(post_letter(&app, &agent, &id, &json!({})).await, 200);
    let code = app
        .request(&agent, Method::POST, &format!("/api/agency/patients/{id}/letter"))
        .json(&json!({}))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let code = crate::common::personas::activation_code_in(&code).unwrap();
    let mut patient = Browser::default();
    let activated = app.activate(&mut patient, &mut Passkey::new(), NIN, &code).await;
    assert_eq!(activated.status, 200);

    // An activated record: the letter is a recovery letter, refused without the check.
    let refused = app
        .request(&agent, Method::POST, &format!("/api/agency/patients/{id}/letter"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 422);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["code"], "identity_check_required");
    let empty = json!({"identity_check": {"documents": []}});
    assert_eq!(post_letter(&app, &agent, &id, &empty).await, 422);
    let refusals = app.audit("recovery_letter_issued").await;
    assert_eq!(refusals.len(), 2);
    assert!(refusals.iter().all(|e| e.outcome == "failure"));

    let checked = json!({"identity_check": {"documents": ["passport", "id_card", "passport"]}});
    assert_eq!(post_letter(&app, &agent, &id, &checked).await, 200);
    let issued = app.audit("recovery_letter_issued").await.pop().unwrap();
    assert_eq!(issued.outcome, "success");
    assert_eq!(detail(&issued)["identity_check"], json!(["id_card", "passport"]));
    let letters = app.get_as(&agent, &format!("/api/agency/patients/{id}/letters")).await;
    assert_eq!(letters.body[0]["kind"], "recovery");
    assert_eq!(letters.body[0]["identity_check"], json!(["id_card", "passport"]));
    assert_eq!(letters.body.as_array().unwrap().len(), 3);
}

/// An agent, a professional of an organisation with an enrolled key and a live session.
async fn enrolled_professional(app: &TestApp, seed: u8) -> (Browser, String, Browser, SecurityKey) {
    let (mut agent, _) = app.signed_in_agent().await;
    let (id, code) = app.create_professional(&mut agent, &format!("M-{seed}"), "MED").await;
    let mut doctor = Browser::default();
    let mut key = SecurityKey::new(seed);
    let enrolled = app.enrol(&mut doctor, &mut key, &code).await;
    assert_eq!(enrolled.status, 200, "{:?}", enrolled.body);
    (agent, id, doctor, key)
}

async fn a_professional_recovery_replaces_the_keys_and_ends_every_session(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, id, doctor, mut old_key) = enrolled_professional(&app, 41).await;
    // A second session on the same key.
    let mut second = Browser::default();
    assert_eq!(app.sign_in_with_key(&mut second, &mut old_key).await.status, 200);
    assert_eq!(app.get_as(&doctor, "/api/professional/notices").await.status, 200);

    let path = format!("/api/agency/professionals/{id}/recovery");
    let refused = app.send(&mut agent, &path, &json!({"identity_check": {"documents": []}})).await;
    assert_eq!((refused.status.as_u16(), refused.code()), (422, "identity_check_required"));
    // Nothing changed on a refusal.
    assert_eq!(app.get_as(&doctor, "/api/professional/notices").await.status, 200);

    let issued = app
        .send(
            &mut agent,
            &path,
            &json!({"identity_check": {"documents": ["id_card", "professional_card"]}}),
        )
        .await;
    assert_eq!(issued.status, 200, "{:?}", issued.body);
    assert_eq!(issued.body["revoked_credentials"], 1);
    // Every session ended at once; the old key signs in no more.
    for browser in [&doctor, &second] {
        let gone = app.get_as(browser, "/api/professional/notices").await;
        assert_eq!(gone.status, 401, "{:?}", gone.body);
    }
    let old = app.sign_in_with_key(&mut Browser::default(), &mut old_key).await;
    assert_ne!(old.status, 200);
    let entry = app.audit("professional_key_recovery").await.pop().unwrap();
    assert_eq!(entry.outcome, "success");
    assert_eq!(detail(&entry)["identity_check"], json!(["id_card", "professional_card"]));
    assert_eq!(detail(&entry)["sessions_ended"], 2);

    // The new key replaces the old ones; the professional is told in the app.
    let mut fresh = Browser::default();
    let mut new_key = SecurityKey::new(42);
    let code = issued.body["code"].as_str().unwrap();
    assert_eq!(app.enrol(&mut fresh, &mut new_key, code).await.status, 200);
    let notices = app.get_as(&fresh, "/api/professional/notices").await;
    assert_eq!(notices.body[0]["kind"], "key_recovery", "{:?}", notices.body);

    let missing = app
        .send(
            &mut agent,
            &format!("/api/agency/professionals/{UNKNOWN}/recovery"),
            &json!({"identity_check": {"documents": ["id_card"]}}),
        )
        .await;
    assert_eq!((missing.status.as_u16(), missing.code()), (404, "not_found"));
}

async fn a_suspension_ends_the_rights_at_once_and_the_linked_patients_see_it(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, professional_id, mut doctor, mut key) = enrolled_professional(&app, 51).await;
    let patient_id = app.create_patient(&mut agent, NIN, "en").await;
    let code = app.letter_code(&agent, &patient_id).await;
    let mut patient = Browser::default();
    assert_eq!(app.activate(&mut patient, &mut Passkey::new(), NIN, &code).await.status, 200);
    let connection = app.send(&mut patient, "/api/me/connection-code", &json!({})).await;
    let opened = app
        .send(
            &mut doctor,
            "/api/professional/consultations",
            &json!({"national_id": NIN, "connection_code": connection.body["code"]}),
        )
        .await;
    assert_eq!(opened.status, 200, "{:?}", opened.body);
    let record = format!("/api/records/{patient_id}/patient");
    assert_eq!(app.get_as(&doctor, &record).await.status, 200);

    let suspend = format!("/api/agency/professionals/{professional_id}/suspension");
    let no_reason = app.send(&mut agent, &suspend, &json!({"reason": "  "})).await;
    assert_eq!(no_reason.status, 422);
    let suspended = app
        .send(&mut agent, &suspend, &json!({"reason": "Collège médical decision 12/2026"}))
        .await;
    assert_eq!(suspended.status, 200, "{:?}", suspended.body);
    assert_eq!(suspended.body["state"], "suspended");

    // At once: the live session is gone, the key signs in no more, enrolment codes are void.
    let gone = app.get_as(&doctor, &record).await;
    assert_eq!(gone.status, 401, "{:?}", gone.body);
    let refused = app.sign_in_with_key(&mut Browser::default(), &mut key).await;
    assert_eq!((refused.status.as_u16(), refused.code()), (403, "licence_suspended"));
    let recovery = app
        .send(
            &mut agent,
            &format!("/api/agency/professionals/{professional_id}/recovery"),
            &json!({"identity_check": {"documents": ["id_card"]}}),
        )
        .await;
    assert_eq!((recovery.status.as_u16(), recovery.code()), (409, "licence_suspended"));
    let again = app.send(&mut agent, &suspend, &json!({"reason": "twice"})).await;
    assert_eq!((again.status.as_u16(), again.code()), (409, "licence_state_unchanged"));

    let entry = app.audit("licence_suspended").await;
    let success = entry.iter().find(|e| e.outcome == "success").unwrap();
    assert_eq!(detail(success)["reason"], "Collège médical decision 12/2026");
    assert_eq!(detail(success)["sessions_ended"], 1);
    // The linked patient sees it in their history, naming the professional, not the reason.
    let history = app.get_as(&patient, "/api/me/history").await;
    let seen = history.body["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "professional_licence_suspended")
        .cloned()
        .expect("the suspension is in the patient's history");
    assert!(seen.to_string().contains("Reuter"), "{seen}");
    assert!(!history.body.to_string().contains("Collège"));

    // Reinstatement restores the rights; the key signs in again and reaches the record.
    let reinstate = format!("/api/agency/professionals/{professional_id}/reinstatement");
    let back = app.send(&mut agent, &reinstate, &json!({"reason": "Appeal granted"})).await;
    assert_eq!(back.status, 200, "{:?}", back.body);
    assert_eq!(back.body["state"], "active");
    let mut again = Browser::default();
    assert_eq!(app.sign_in_with_key(&mut again, &mut key).await.status, 200);
    assert_eq!(app.get_as(&again, &record).await.status, 200);
    let notices = app.get_as(&again, "/api/professional/notices").await;
    assert_eq!(notices.body[0]["kind"], "licence_reinstated");
    let twice = app.send(&mut agent, &reinstate, &json!({"reason": "again"})).await;
    assert_eq!(twice.code(), "licence_state_unchanged");
    let history = app.get_as(&patient, "/api/me/history").await;
    assert!(history.body.to_string().contains("professional_licence_reinstated"));

    let missing = app
        .send(
            &mut agent,
            &format!("/api/agency/professionals/{UNKNOWN}/suspension"),
            &json!({"reason": "x"}),
        )
        .await;
    assert_eq!((missing.status.as_u16(), missing.code()), (404, "not_found"));
}

async fn organisations_are_created_edited_searched_and_staffed(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let created = app
        .send(
            &mut agent,
            "/api/agency/organisations",
            &json!({"name": "Maison de soins Am Park", "kind": "care-home"}),
        )
        .await;
    assert_eq!(created.status, 201, "{:?}", created.body);
    let org = created.body["id"].as_str().unwrap().to_owned();
    assert_eq!(created.body["professionals"], json!([]));
    let duplicate = app
        .send(
            &mut agent,
            "/api/agency/organisations",
            &json!({"name": "maison de soins am park", "kind": "hospital"}),
        )
        .await;
    assert_eq!((duplicate.status.as_u16(), duplicate.code()), (409, "duplicate_organisation"));
    let bad_kind = app
        .send(&mut agent, "/api/agency/organisations", &json!({"name": "X", "kind": "casino"}))
        .await;
    assert_eq!((bad_kind.status.as_u16(), bad_kind.code()), (422, "invalid_request"));

    let edited = put(
        &app,
        &agent,
        &format!("/api/agency/organisations/{org}"),
        &json!({"name": "Résidence Am Park", "kind": "care-home"}),
    )
    .await;
    assert_eq!(edited.status, 200, "{:?}", edited.body);
    assert_eq!(edited.body["name"], "Résidence Am Park");

    let other = app.create_organisation("Laboratoire Test").await;
    let (professional, _) = app.create_professional_in(&mut agent, "N-7", "INF", &other).await;
    let assigned = put(
        &app,
        &agent,
        &format!("/api/agency/professionals/{professional}/organisation"),
        &json!({"organisation_id": org}),
    )
    .await;
    assert_eq!(assigned.status, 200, "{:?}", assigned.body);
    assert_eq!(assigned.body["organisation"]["id"], org.as_str());
    let detail_view = app.get_as(&agent, &format!("/api/agency/organisations/{org}")).await;
    assert_eq!(detail_view.body["professionals"][0]["id"], professional.as_str());
    let left = app.get_as(&agent, &format!("/api/agency/organisations/{other}")).await;
    assert_eq!(left.body["professionals"], json!([]));

    let found =
        app.send(&mut agent, "/api/agency/organisations/search", &json!({"q": "am park"})).await;
    let names: Vec<&str> =
        found.body.as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Résidence Am Park"]);

    for action in ["organisation_created", "organisation_changed", "professional_assigned"] {
        assert!(app.audit(action).await.iter().any(|e| e.outcome == "success"), "{action} audited");
    }

    // Unknown ids answer not_found.
    let missing = app.get_as(&agent, &format!("/api/agency/organisations/{UNKNOWN}")).await;
    assert_eq!((missing.status.as_u16(), missing.code()), (404, "not_found"));
    let missing = put(
        &app,
        &agent,
        &format!("/api/agency/organisations/{UNKNOWN}"),
        &json!({"name": "Y", "kind": "pharmacy"}),
    )
    .await;
    assert_eq!(missing.code(), "not_found");
    let missing = put(
        &app,
        &agent,
        &format!("/api/agency/professionals/{professional}/organisation"),
        &json!({"organisation_id": UNKNOWN}),
    )
    .await;
    assert_eq!((missing.status.as_u16(), missing.code()), (404, "not_found"));
    let missing = put(
        &app,
        &agent,
        &format!("/api/agency/professionals/{UNKNOWN}/organisation"),
        &json!({"organisation_id": org}),
    )
    .await;
    assert_eq!((missing.status.as_u16(), missing.code()), (404, "not_found"));
}

async fn helpdesk_acts_are_for_agents_only(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, professional_id, mut doctor, _) = enrolled_professional(&app, 61).await;
    let patient_id = app.create_patient(&mut agent, NIN, "fr").await;
    let org = app.create_organisation("Cabinet Test").await;
    let anonymous = Browser::default();
    let posts = [
        ("/api/agency/patients/search".to_owned(), json!({"q": NIN})),
        (format!("/api/agency/patients/{patient_id}/unlock"), json!({})),
        (
            format!("/api/agency/professionals/{professional_id}/recovery"),
            json!({"identity_check": {"documents": ["id_card"]}}),
        ),
        (format!("/api/agency/professionals/{professional_id}/suspension"), json!({"reason": "x"})),
        (
            format!("/api/agency/professionals/{professional_id}/reinstatement"),
            json!({"reason": "x"}),
        ),
        ("/api/agency/organisations/search".to_owned(), json!({"q": ""})),
        ("/api/agency/organisations".to_owned(), json!({"name": "Z", "kind": "pharmacy"})),
    ];
    for (path, body) in &posts {
        let as_doctor = app.send(&mut doctor, path, body).await;
        assert_eq!((as_doctor.status.as_u16(), as_doctor.code()), (403, "forbidden"), "{path}");
        let as_nobody = app.send(&mut anonymous.clone(), path, body).await;
        assert_eq!(as_nobody.status, 401, "{path}");
    }
    for path in [
        format!("/api/agency/patients/{patient_id}/letters"),
        format!("/api/agency/organisations/{org}"),
    ] {
        assert_eq!(app.get_as(&doctor, &path).await.status, 403, "{path}");
    }
    let assign = put(
        &app,
        &doctor,
        &format!("/api/agency/professionals/{professional_id}/organisation"),
        &json!({"organisation_id": org}),
    )
    .await;
    assert_eq!(assign.status, 403);
    // Nothing happened: still active, nothing searched.
    assert!(app.audit("patient_search").await.is_empty());
    let still = app.get_as(&doctor, "/api/professional/notices").await;
    assert_eq!(still.status, 200);
    // An agent has no professional notices.
    assert_eq!(app.get_as(&agent, "/api/professional/notices").await.status, 403);
}
