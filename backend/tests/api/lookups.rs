//! Lookups and searches: what a person types travels in a JSON body, never in a URL (where
//! access logs, proxies and browser history would keep it), and matches literally (`%` and `_`
//! are letters, not wildcards), on both engines.

use reqwest::Method;
use serde_json::json;

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::Browser;
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    wildcards_in_a_search_match_only_themselves,
    a_professional_looks_a_patient_up_by_national_id_in_the_body,
    searches_take_their_words_in_the_body_and_old_urls_are_refused,
    a_record_page_says_whose_record_it_is_only_to_who_reaches_it,
);

/// The names of a search's results (`family_name`).
async fn search(app: &TestApp, browser: &Browser, path: &str, q: &str) -> Vec<String> {
    let answer = app.send(&mut browser.clone(), path, &json!({"q": q})).await;
    assert_eq!(answer.status, 200, "{path} {q}: {:?}", answer.body);
    let mut names: Vec<String> = answer
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["family_name"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

async fn patient_named(app: &TestApp, agent: &mut Browser, first_eleven: &str, family: &str) {
    let id = shared::NationalId::from_first_eleven(first_eleven).unwrap();
    let created = app
        .send(agent, "/api/agency/patients", &json!({
            "national_id": id.as_str(), "given_name": "Léa", "family_name": family,
            "birth_date": id.birth_date(), "preferred_language": "fr",
            "address": {"street": "1, rue du Marché", "postal_code": "L-1728", "city": "Luxembourg", "country": "LU"}}))
        .await;
    assert_eq!(created.status, 201, "{:?}", created.body);
}

async fn professional_named(app: &TestApp, agent: &mut Browser, licence: &str, family: &str) {
    let organisation = app.get_as(agent, "/api/agency/organisations").await.body[0]["id"].clone();
    let created = app
        .send(
            agent,
            "/api/agency/professionals",
            &json!({
            "given_name": "Paul", "family_name": family, "profession": "MED",
            "licence_number": licence, "organisation_id": organisation}),
        )
        .await;
    assert_eq!(created.status, 201, "{:?}", created.body);
}

async fn wildcards_in_a_search_match_only_themselves(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    // The first professional brings an organisation with it.
    let (_, _) = app.create_professional(&mut agent, "M-0", "MED").await;
    for (first_eleven, family) in [
        ("19700101001", "Meyer"),
        ("19700101002", "Me_er"),
        ("19700101003", "Mo%ller"),
        ("19700101004", "Back\\slash"),
    ] {
        patient_named(&app, &mut agent, first_eleven, family).await;
    }
    let names = |list: &[&str]| list.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
    let patients = "/api/agency/patients/search";
    assert_eq!(search(&app, &agent, patients, "_").await, names(&["Me_er"]));
    assert_eq!(search(&app, &agent, patients, "%").await, names(&["Mo%ller"]));
    assert_eq!(search(&app, &agent, patients, "e_e").await, names(&["Me_er"]));
    assert_eq!(search(&app, &agent, patients, "\\").await, names(&["Back\\slash"]));
    assert_eq!(search(&app, &agent, patients, "!").await, names(&[]));
    assert_eq!(search(&app, &agent, patients, "ME").await, names(&["Me_er", "Meyer"]));

    for (licence, family) in [("M-1", "Re_ter"), ("M-2", "Re%ter"), ("M_3", "Weber")] {
        professional_named(&app, &mut agent, licence, family).await;
    }
    let professionals = "/api/agency/professionals/search";
    assert_eq!(search(&app, &agent, professionals, "_").await, names(&["Re_ter", "Weber"]));
    assert_eq!(search(&app, &agent, professionals, "%").await, names(&["Re%ter"]));
    assert_eq!(search(&app, &agent, professionals, "reu").await, names(&["Reuter"]));

    let national_id = "1893120105732";
    let record = app.create_patient(&mut agent, national_id, "fr").await;
    let code = app.letter_code(&agent, &record).await;
    let mut patient = Browser::default();
    let activated = app.activate(&mut patient, &mut Passkey::new(), national_id, &code).await;
    assert_eq!(activated.status, 200);
    let directory = "/api/me/directory";
    assert_eq!(search(&app, &patient, directory, "e_").await, names(&["Re_ter"]));
    assert_eq!(search(&app, &patient, directory, "e%").await, names(&["Re%ter"]));
    assert_eq!(search(&app, &patient, directory, "re").await.len(), 3);
}

async fn a_professional_looks_a_patient_up_by_national_id_in_the_body(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let national_id = "1893120105732";
    let record = app.create_patient(&mut agent, national_id, "fr").await;
    let code = app.letter_code(&agent, &record).await;
    let activated =
        app.activate(&mut Browser::default(), &mut Passkey::new(), national_id, &code).await;
    assert_eq!(activated.status, 200);
    let (_, code) = app.create_professional(&mut agent, "M-1", "MED").await;
    let mut doctor = Browser::default();
    assert_eq!(app.enrol(&mut doctor, &mut SecurityKey::new(51), &code).await.status, 200);
    let lookup = "/api/professional/patients";

    let unrelated = app.send(&mut doctor, lookup, &json!({"national_id": national_id})).await;
    assert_eq!((unrelated.status.as_u16(), unrelated.code()), (404, "not_found"));
    let refused = app.audit("patient_lookup").await;
    assert_eq!(refused.len(), 1, "the refused lookup is audited");
    assert_eq!(refused[0].outcome, "failure");
    assert_eq!(refused[0].patient_id.unwrap().to_string(), record);

    let admitted = app
        .send(
            &mut doctor,
            "/api/professional/admissions",
            &json!({"national_id": national_id, "context": "institution_stay"}),
        )
        .await;
    assert_eq!(admitted.status, 200, "{:?}", admitted.body);
    let found = app.send(&mut doctor, lookup, &json!({"national_id": national_id})).await;
    assert_eq!(found.status, 200, "{:?}", found.body);
    assert_eq!(found.body["patient_id"], record.as_str());
    assert_eq!(found.body["rule"], "link_institution_stay");
    let audited = app.audit("patient_lookup").await;
    assert_eq!(audited.len(), 2);
    assert_eq!(audited[1].outcome, "success");
    assert_eq!(audited[1].patient_id.unwrap().to_string(), record);
    assert!(audited[1].detail.contains("link_institution_stay"), "{}", audited[1].detail);

    let malformed = app.send(&mut doctor, lookup, &json!({"national_id": "1893120105733"})).await;
    assert_eq!((malformed.status.as_u16(), malformed.code()), (422, "invalid_national_id"));
    let no_body = app.send(&mut doctor, lookup, &json!({})).await;
    assert_eq!((no_body.status.as_u16(), no_body.code()), (422, "invalid_request"));

    // The old form, the national ID in the URL, is refused before anything is read or audited.
    let old = app
        .request(&doctor, Method::GET, &format!("{lookup}?national_id={national_id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(old.status(), 405);
    assert_eq!(old.headers()["allow"], "POST");
    assert_eq!(old.json::<serde_json::Value>().await.unwrap()["code"], "method_not_allowed");
    // A lookup is a POST: another site cannot make the professional's browser send one.
    let cross_site = app
        .request(&doctor, Method::POST, lookup)
        .header("origin", "https://evil.example")
        .json(&json!({"national_id": national_id}))
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site.status(), 403);
    // Nothing after the second lookup named a record (a malformed ID, no body, the old URL, a
    // cross-site request): nothing more in the trail.
    assert_eq!(app.audit("patient_lookup").await.len(), 2);
}

async fn searches_take_their_words_in_the_body_and_old_urls_are_refused(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let national_id = "1893120105732";
    let record = app.create_patient(&mut agent, national_id, "fr").await;
    app.create_professional(&mut agent, "M-1", "MED").await;
    let code = app.letter_code(&agent, &record).await;
    let mut patient = Browser::default();
    let activated = app.activate(&mut patient, &mut Passkey::new(), national_id, &code).await;
    assert_eq!(activated.status, 200);

    let searches = [
        (&agent, "/api/agency/patients", "/api/agency/patients/search", "1893 1201"),
        (&agent, "/api/agency/professionals", "/api/agency/professionals/search", "reut"),
        (&patient, "/api/me/directory", "/api/me/directory", "reut"),
    ];
    for (browser, old, new, q) in searches {
        let found = app.send(&mut browser.clone(), new, &json!({"q": q})).await;
        assert_eq!(found.status, 200, "{new}: {:?}", found.body);
        assert_eq!(found.body.as_array().unwrap().len(), 1, "{new}");
        let encoded: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
        let refused =
            app.request(browser, Method::GET, &format!("{old}?q={encoded}")).send().await.unwrap();
        assert_eq!(refused.status(), 405, "{old}");
        let refused: serde_json::Value = refused.json().await.unwrap();
        assert_eq!(refused["code"], "method_not_allowed", "{old}");
        let wrong_shape = app.send(&mut browser.clone(), new, &json!({"q": 5})).await;
        assert_eq!((wrong_shape.status.as_u16(), wrong_shape.code()), (422, "invalid_request"));
    }
    // No words: the agency's lists show the newest; the directory wants two letters at least.
    let newest = app.send(&mut agent, "/api/agency/patients/search", &json!({})).await;
    assert_eq!(newest.body[0]["id"], record.as_str());
    let everyone = app.send(&mut agent, "/api/agency/professionals/search", &json!({})).await;
    assert_eq!(everyone.body.as_array().unwrap().len(), 1);
    let too_short = app.send(&mut patient, "/api/me/directory", &json!({"q": "r"})).await;
    assert_eq!(too_short.body.as_array().unwrap().len(), 0);
    // Only agents search the agency's lists; only patients the directory.
    let as_patient = app.send(&mut patient, "/api/agency/patients/search", &json!({})).await;
    assert_eq!(as_patient.status, 403);
    let as_agent = app.send(&mut agent, "/api/me/directory", &json!({"q": "reut"})).await;
    assert_eq!(as_agent.status, 403);
    let anonymous = app.send(&mut Browser::default(), "/api/me/directory", &json!({})).await;
    assert_eq!(anonymous.status, 401);
}

async fn a_record_page_says_whose_record_it_is_only_to_who_reaches_it(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let national_id = "1893120105732";
    let record = app.create_patient(&mut agent, national_id, "fr").await;
    let code = app.letter_code(&agent, &record).await;
    let mut patient = Browser::default();
    let activated = app.activate(&mut patient, &mut Passkey::new(), national_id, &code).await;
    assert_eq!(activated.status, 200);
    let (doctor_id, code) = app.create_professional(&mut agent, "M-1", "MED").await;
    let mut doctor = Browser::default();
    assert_eq!(app.enrol(&mut doctor, &mut SecurityKey::new(51), &code).await.status, 200);
    let whose = format!("/api/records/{record}/patient");

    // No relation: the same answer as a record that does not exist, and nothing in it.
    let unrelated = app.get_as(&doctor, &whose).await;
    let nowhere =
        app.get_as(&doctor, &format!("/api/records/{}/patient", uuid::Uuid::new_v4())).await;
    assert_eq!((unrelated.status.as_u16(), unrelated.code()), (404, "not_found"));
    assert!(
        unrelated.body.get("family_name").is_none() && unrelated.body.get("national_id").is_none()
    );
    assert_eq!((nowhere.status, nowhere.code()), (unrelated.status, unrelated.code()));
    let refused: Vec<_> =
        app.audit("patient_lookup").await.into_iter().filter(|e| e.patient_id.is_some()).collect();
    assert_eq!(refused.len(), 1, "the refusal on a real record is in its history: {refused:?}");
    assert_eq!(refused[0].outcome, "failure");
    assert_eq!(refused[0].patient_id.unwrap().to_string(), record);
    assert!(refused[0].detail.contains("no_care_relation"), "{}", refused[0].detail);

    let admitted = app
        .send(
            &mut doctor,
            "/api/professional/admissions",
            &json!({"national_id": national_id, "context": "institution_stay"}),
        )
        .await;
    assert_eq!(admitted.status, 200, "{:?}", admitted.body);
    let found = app.get_as(&doctor, &whose).await;
    assert_eq!(found.status, 200, "{:?}", found.body);
    assert_eq!(found.body["patient_id"], record.as_str());
    assert_eq!(found.body["national_id"], national_id);
    assert_eq!(found.body["birth_date"], "1893-12-01");
    assert!(!found.body["family_name"].as_str().unwrap().is_empty());
    assert_eq!(found.body["rule"], "link_institution_stay");
    let audited = app.audit("patient_lookup").await;
    assert_eq!(audited.len(), 3);
    assert_eq!(audited[2].outcome, "success");
    assert_eq!(audited[2].actor_id.unwrap().to_string(), doctor_id);
    assert!(audited[2].detail.contains("\"by\":\"record\""), "{}", audited[1].detail);
    // The lookup by national ID says the national ID too.
    let looked_up = app
        .send(&mut doctor, "/api/professional/patients", &json!({"national_id": national_id}))
        .await;
    assert_eq!(looked_up.body["national_id"], national_id);

    // A block beats the link: the identity is gone with the documents.
    let blocked = app
        .request(&patient, Method::PUT, &format!("/api/me/blocks/{doctor_id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(blocked.status(), 204);
    let after = app.get_as(&doctor, &whose).await;
    assert_eq!((after.status.as_u16(), after.code()), (404, "not_found"));
    assert!(app.audit("patient_lookup").await.last().unwrap().detail.contains("blocked"));
    // Patients and agents have no such page.
    assert_eq!(app.get_as(&patient, &whose).await.status, 403);
    assert_eq!(app.get_as(&agent, &whose).await.status, 403);
    assert_eq!(dsp::audit::verify(&app.db).await.unwrap().first_broken, None);
}
