//! Lookups and searches: what a person types matches literally (`%` and `_` are letters, not
//! wildcards), on both engines.

use serde_json::json;

use crate::common::authenticator::Passkey;
use crate::common::personas::Browser;
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(wildcards_in_a_search_match_only_themselves);

/// The names of a search's results (`family_name`).
async fn search(app: &TestApp, browser: &Browser, path: &str, q: &str) -> Vec<String> {
    let q: String = url::form_urlencoded::byte_serialize(q.as_bytes()).collect();
    let answer = app.get_as(browser, &format!("{path}?q={q}")).await;
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
    let patients = "/api/agency/patients";
    assert_eq!(search(&app, &agent, patients, "_").await, names(&["Me_er"]));
    assert_eq!(search(&app, &agent, patients, "%").await, names(&["Mo%ller"]));
    assert_eq!(search(&app, &agent, patients, "e_e").await, names(&["Me_er"]));
    assert_eq!(search(&app, &agent, patients, "\\").await, names(&["Back\\slash"]));
    assert_eq!(search(&app, &agent, patients, "!").await, names(&[]));
    assert_eq!(search(&app, &agent, patients, "ME").await, names(&["Me_er", "Meyer"]));

    for (licence, family) in [("M-1", "Re_ter"), ("M-2", "Re%ter"), ("M_3", "Weber")] {
        professional_named(&app, &mut agent, licence, family).await;
    }
    let professionals = "/api/agency/professionals";
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
