//! The patient's history: their own entries and never another patient's, keyset paging that
//! returns every entry once, filters, the CSV export safe for spreadsheets, the FHIR bundle, who
//! may read it, that reading it is itself audited, and that entries name the document and the
//! professional they concern — to the référent only what the référent may see.

use chrono::TimeDelta;
use reqwest::Method;
use sea_orm::sea_query::ExprTrait;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};
use serde_json::{Value, json};

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::Browser;
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_patient_sees_their_own_history_and_never_another_patients,
    paging_returns_every_entry_exactly_once,
    filters_narrow_the_history,
    the_csv_export_is_streamed_and_safe_for_spreadsheets,
    the_fhir_export_is_a_bundle_of_audit_events,
    only_the_signed_in_patient_reads_a_history,
    reading_the_history_is_audited,
    entries_name_the_document_and_the_professional_they_concern,
    the_exports_arrive_whole_when_compressed_as_browsers_ask,
);

const FIRST: &str = "1893120105732";

fn second() -> String {
    shared::NationalId::from_first_eleven("19600229004").unwrap().to_string()
}

/// A patient created by `agent`, sent a letter and activated: (their browser, their id, their
/// passkey).
async fn activated_patient(
    app: &TestApp,
    agent: &mut Browser,
    national_id: &str,
) -> (Browser, String, Passkey) {
    let id = app.create_patient(agent, national_id, "en").await;
    let code = app.letter_code(agent, &id).await;
    let mut browser = Browser::default();
    let mut passkey = Passkey::new();
    let answer = app.activate(&mut browser, &mut passkey, national_id, &code).await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    (browser, id, passkey)
}

async fn history(app: &TestApp, browser: &Browser, query: &str) -> Value {
    let answer = app.get_as(browser, &format!("/api/me/history{query}")).await;
    assert_eq!(answer.status, 200, "{query}: {:?}", answer.body);
    answer.body
}

fn actions(page: &Value) -> Vec<String> {
    page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect()
}

/// The ids of the log entries on the record of `patient` or made by them, newest first.
async fn logged_ids(app: &TestApp, patient: &str) -> Vec<i64> {
    use dsp::entity::audit_event::{Column, Entity};
    let id = uuid::Uuid::parse_str(patient).unwrap();
    Entity::find()
        .filter(Column::PatientId.eq(id).or(Column::ActorId.eq(id)))
        .order_by_desc(Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(|e| e.id)
        .collect()
}

async fn a_patient_sees_their_own_history_and_never_another_patients(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let lea_id = app.create_patient(&mut agent, FIRST, "en").await;
    let code = app.letter_code(&agent, &lea_id).await;
    let mut phone = Passkey::new();
    let mut lea = Browser::default();
    assert_eq!(app.activate(&mut lea, &mut phone, FIRST, &code).await.status, 200);
    let (other, other_id, _) = activated_patient(&app, &mut agent, &second()).await;
    // Léa signs out and in again: entries she made, on no record.
    assert_eq!(app.send(&mut lea, "/api/auth/sign-out", &json!({})).await.status, 204);
    assert_eq!(app.sign_in_with_passkey(&mut lea, &mut phone).await.status, 200);

    let page = history(&app, &other, "").await;
    let seen = actions(&page);
    for action in ["patient_created", "letter_issued", "activation_attempt", "activation"] {
        assert!(seen.contains(&action.to_owned()), "{action}: {seen:?}");
    }
    assert!(!seen.contains(&"sign_in".to_owned()), "Léa's sign-in is not the other's");
    assert_eq!(page["next_cursor"], Value::Null);
    let text = page.to_string();
    assert!(!text.contains(&lea_id), "nothing about another patient");
    let ids: Vec<i64> =
        page["entries"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(ids, sorted, "newest first");
    assert_eq!(ids, logged_ids(&app, &other_id).await[1..], "all but the view itself");

    let entries = page["entries"].as_array().unwrap();
    let created = entries.iter().find(|e| e["action"] == "patient_created").unwrap();
    assert_eq!(created["actor"]["role"], "agent");
    assert_eq!(created["actor"]["display_name"], "Agent Test");
    assert_eq!(created["actor"]["is_you"], false);
    assert_eq!(created["outcome"], "success");
    assert!(created["request_id"].as_str().is_some_and(|r| !r.is_empty()));
    let activation = entries.iter().find(|e| e["action"] == "activation").unwrap();
    assert_eq!(activation["actor"]["is_you"], true);
    assert_eq!(activation["actor"]["id"], other_id.as_str());
    assert_eq!(activation["actor"]["display_name"], "Léa Schroeder");
    assert_eq!(activation["target"]["kind"], "credential");

    let mine = history(&app, &lea, "").await;
    let seen = actions(&mine);
    assert_eq!(seen[..2], ["sign_in", "sign_out"], "{seen:?}");
    assert!(!mine.to_string().contains(&other_id));
    assert_eq!(seen.iter().filter(|a| *a == "activation").count(), 1);
}

async fn paging_returns_every_entry_exactly_once(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let _ = activated_patient(&app, &mut agent, &second()).await;
    let (patient, id, _) = activated_patient(&app, &mut agent, FIRST).await;
    for _ in 0..4 {
        app.letter_code(&agent, &id).await;
    }
    let expected = logged_ids(&app, &id).await;
    assert!(expected.len() >= 8, "{expected:?}");

    let mut seen = Vec::new();
    let mut query = "?limit=3".to_owned();
    let mut pages = 0;
    loop {
        let page = history(&app, &patient, &query).await;
        pages += 1;
        let entries = page["entries"].as_array().unwrap();
        assert!(entries.len() <= 3);
        seen.extend(entries.iter().map(|e| e["id"].as_i64().unwrap()));
        match page["next_cursor"].as_i64() {
            Some(cursor) => {
                assert_eq!(Some(cursor), seen.last().copied(), "the cursor is the last id");
                query = format!("?limit=3&before={cursor}");
            }
            None => break,
        }
        assert!(pages < 20);
    }
    // The views appended meanwhile are newer than every cursor: the walk is a snapshot.
    assert_eq!(seen, expected, "every entry once, newest first");
    assert_eq!(pages, expected.len().div_ceil(3));

    for bad in ["?limit=0", "?limit=101", "?before=abc"] {
        let answer = app.get_as(&patient, &format!("/api/me/history{bad}")).await;
        assert!([400, 422].contains(&answer.status.as_u16()), "{bad}: {}", answer.status);
        assert_eq!(answer.code(), "invalid_request", "{bad}");
    }
    assert_eq!(
        history(&app, &patient, "?limit=100").await["entries"].as_array().unwrap().len(),
        logged_ids(&app, &id).await.len().min(100) - 1,
        "all but the view that reads them"
    );
}

async fn filters_narrow_the_history(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let (mut patient, id, mut passkey) = activated_patient(&app, &mut agent, FIRST).await;
    let day_one = app.clock.now().date_naive();
    app.clock.advance(TimeDelta::days(3));
    let (agent, _) = app.signed_in_agent().await;
    app.letter_code(&agent, &id).await;
    assert_eq!(app.sign_in_with_passkey(&mut patient, &mut passkey).await.status, 200);

    // The first letter, and (the record being activated) a recovery letter.
    let letters = history(&app, &patient, "?action=letter_issued").await;
    assert_eq!(actions(&letters), ["letter_issued"]);
    let recovery = history(&app, &patient, "?action=recovery_letter_issued").await;
    assert_eq!(actions(&recovery), ["recovery_letter_issued"]);

    let by_agents = history(&app, &patient, "?actor=agent").await;
    let entries = by_agents["entries"].as_array().unwrap();
    assert!(!entries.is_empty());
    assert!(entries.iter().all(|e| e["actor"]["role"] == "agent"));
    let one_agent = entries[0]["actor"]["id"].as_str().unwrap().to_owned();
    let by_one = history(&app, &patient, &format!("?actor={one_agent}")).await;
    assert_eq!(actions(&by_one), ["recovery_letter_issued"], "the second agent issued one letter");

    let mine = history(&app, &patient, "?actor=patient").await;
    assert!(mine["entries"].as_array().unwrap().iter().all(|e| e["actor"]["is_you"] == true));
    assert!(actions(&mine).contains(&"activation".to_owned()));

    let early = history(&app, &patient, &format!("?from={day_one}&to={day_one}")).await;
    let early = actions(&early);
    assert!(early.contains(&"patient_created".to_owned()));
    assert_eq!(early.iter().filter(|a| *a == "letter_issued").count(), 1);
    let later = day_one + TimeDelta::days(1);
    let late = history(&app, &patient, &format!("?from={later}")).await;
    assert!(!actions(&late).contains(&"patient_created".to_owned()));
    assert!(actions(&late).contains(&"recovery_letter_issued".to_owned()));
    let both = history(&app, &patient, &format!("?from={later}&action=patient_created")).await;
    assert!(actions(&both).is_empty());

    for bad in [
        "?actor=doctor".to_owned(),
        "?action=DROP%20TABLE".to_owned(),
        format!("?from={later}&to={day_one}"),
        "?from=yesterday".to_owned(),
    ] {
        let answer = app.get_as(&patient, &format!("/api/me/history{bad}")).await;
        assert_eq!(answer.code(), "invalid_request", "{bad}");
    }
}

async fn the_csv_export_is_streamed_and_safe_for_spreadsheets(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let (patient, id, _) = activated_patient(&app, &mut agent, FIRST).await;
    let credentials = app.get_as(&patient, "/api/me/credentials").await;
    let credential = credentials.body[0]["id"].as_str().unwrap().to_owned();
    let evil = r#"=HYPERLINK("http://evil.example/?x","click me")"#;
    let renamed = app
        .request(&patient, Method::PATCH, &format!("/api/me/credentials/{credential}"))
        .json(&json!({"name": evil}))
        .send()
        .await
        .unwrap();
    assert_eq!(renamed.status(), 200);
    // Enough entries for several export pages.
    let patient_id = uuid::Uuid::parse_str(&id).unwrap();
    let meta = dsp::audit::RequestMeta::default();
    let txn = app.db.begin().await.unwrap();
    for i in 0..1_020 {
        let event = dsp::audit::Event::new(
            "sign_in",
            dsp::audit::Outcome::Success,
            Some((shared::api::auth::Role::Patient, patient_id)),
        )
        .target("credential", if i == 0 { "-1+2".to_owned() } else { credential.clone() });
        dsp::audit::append(&txn, &meta, event, app.clock.now()).await.unwrap();
    }
    txn.commit().await.unwrap();
    let expected = logged_ids(&app, &id).await.len();

    let response = app.request(&patient, Method::GET, "/api/me/history.csv").send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let disposition = response.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(
        disposition.starts_with("attachment;") && disposition.contains(".csv"),
        "{disposition}"
    );
    let body = response.text().await.unwrap();
    let lines: Vec<&str> = body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(lines[0].starts_with("id,occurred_at,actor_role,actor_name"), "{}", lines[0]);
    assert_eq!(lines.len(), expected + 1, "a header and every entry, across pages");
    let renamed_line = lines.iter().find(|l| l.contains(",credential_renamed,")).unwrap();
    assert!(
        renamed_line.contains(r#""'=HYPERLINK(""http://evil.example/?x"",""click me"")""#),
        "{renamed_line}"
    );
    assert!(lines.iter().any(|l| l.contains(",'-1+2,")), "a target id is neutralised too");
    for line in &lines {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{line}");
        }
    }
    let exports = app.audit("history_exported").await;
    assert_eq!(exports.len(), 1);
    assert!(exports[0].detail.contains("\"csv\""));
}

async fn the_fhir_export_is_a_bundle_of_audit_events(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let (patient, id, _) = activated_patient(&app, &mut agent, FIRST).await;
    let page = history(&app, &patient, "").await;
    let response =
        app.request(&patient, Method::GET, "/api/me/history.fhir.json").send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/fhir+json");
    assert!(response.headers()["content-disposition"].to_str().unwrap().starts_with("attachment"));
    let bundle: Value = response.json().await.unwrap();
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "collection");
    let entries = bundle["entry"].as_array().unwrap();
    // The JSON page and its view entry: the export holds both.
    assert_eq!(entries.len(), page["entries"].as_array().unwrap().len() + 1);
    for entry in entries {
        let event = &entry["resource"];
        assert_eq!(event["resourceType"], "AuditEvent");
        assert_eq!(event["type"]["system"], "http://dicom.nema.org/resources/ontology/DCM");
        assert!(event["subtype"][0]["code"].as_str().is_some());
        assert!(["C", "R", "U", "D", "E"].contains(&event["action"].as_str().unwrap()));
        assert!(event["recorded"].as_str().unwrap().ends_with('Z'));
        assert_eq!(event["outcome"], "0");
        assert_eq!(event["agent"][0]["requestor"], true);
        assert_eq!(event["source"]["observer"]["display"], "DSP");
        assert_eq!(event["entity"][0]["what"]["reference"], format!("Patient/{id}"));
    }
    let letter = entries
        .iter()
        .map(|e| &e["resource"])
        .find(|e| e["subtype"][0]["code"] == "letter_issued")
        .unwrap();
    assert_eq!(letter["action"], "C");
    assert_eq!(letter["agent"][0]["who"]["display"], "Agent Test");
    assert_eq!(letter["agent"][0]["type"]["coding"][0]["code"], "EMP");
    let activation = entries
        .iter()
        .map(|e| &e["resource"])
        .find(|e| e["subtype"][0]["code"] == "activation")
        .unwrap();
    assert_eq!(activation["type"]["code"], "110114");
    assert_eq!(activation["agent"][0]["who"]["reference"], format!("Patient/{id}"));
    assert_eq!(activation["entity"][1]["what"]["identifier"]["system"], "urn:dsp:credential");
    assert_eq!(app.audit("history_exported").await.len(), 1);
}

async fn only_the_signed_in_patient_reads_a_history(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let (_, code) = app.create_professional(&mut agent, "M-424242", "MED").await;
    let mut doctor = Browser::default();
    assert_eq!(app.enrol(&mut doctor, &mut SecurityKey::new(7), &code).await.status, 200);
    for path in ["/api/me/history", "/api/me/history.csv", "/api/me/history.fhir.json"] {
        let anonymous = app.get_as(&Browser::default(), path).await;
        assert_eq!(anonymous.status, 401, "{path}");
        assert_eq!(anonymous.code(), "unauthenticated");
        for (who, browser) in [("agent", &agent), ("professional", &doctor)] {
            let answer = app.get_as(browser, path).await;
            assert_eq!(answer.status, 403, "{who} {path}");
            assert_eq!(answer.code(), "forbidden");
        }
    }
    assert!(app.audit("history_viewed").await.is_empty());
    assert!(app.audit("history_exported").await.is_empty());
}

async fn reading_the_history_is_audited(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let (patient, id, _) = activated_patient(&app, &mut agent, FIRST).await;
    let first = history(&app, &patient, "?action=activation").await;
    assert!(!actions(&first).contains(&"history_viewed".to_owned()));
    let views = app.audit("history_viewed").await;
    assert_eq!(views.len(), 1);
    let view = &views[0];
    assert_eq!(view.outcome, "success");
    assert_eq!(view.actor_kind.as_deref(), Some("patient"));
    assert_eq!(view.actor_id.map(|a| a.to_string()), Some(id.clone()));
    assert_eq!(view.patient_id.map(|p| p.to_string()), Some(id.clone()));
    assert!(view.detail.contains("\"activation\""), "{}", view.detail);
    assert!(view.request_id.is_some());
    let again = history(&app, &patient, "?action=history_viewed").await;
    assert_eq!(actions(&again), ["history_viewed"], "the patient sees their own reading");
    assert_eq!(again["entries"][0]["actor"]["is_you"], true);
    assert_eq!(dsp::audit::verify(&app.db).await.unwrap().first_broken, None);
}

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// An enrolled professional renamed in the directory: (their browser, their id).
async fn named_professional(
    app: &TestApp,
    agent: &mut Browser,
    licence: &str,
    profession: &str,
    (given, family): (&str, &str),
    seed: u8,
) -> (Browser, String) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let (id, code) = app.create_professional(agent, licence, profession).await;
    let mut browser = Browser::default();
    assert_eq!(app.enrol(&mut browser, &mut SecurityKey::new(seed), &code).await.status, 200);
    let row = dsp::entity::professional::Entity::find_by_id(uuid::Uuid::parse_str(&id).unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut row: dsp::entity::professional::ActiveModel = row.into();
    row.given_name = Set(given.into());
    row.family_name = Set(family.into());
    row.update(&app.db).await.unwrap();
    (browser, id)
}

async fn file(app: &TestApp, who: &Browser, patient_id: &str, title: &str) -> String {
    let request = app.request(who, Method::POST, &format!("/api/records/{patient_id}/documents"));
    let response =
        crate::common::filed_as(request, Some("care-reports"), title, "2026-11-20", None)
            .header("content-type", "application/pdf")
            .body(PDF.to_vec())
            .send()
            .await
            .unwrap();
    assert_eq!(response.status(), 200);
    response.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

fn find<'a>(page: &'a Value, action: &str, test: impl Fn(&Value) -> bool) -> &'a Value {
    page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == action && test(e))
        .unwrap_or_else(|| panic!("no {action} entry in {page}"))
}

async fn entries_name_the_document_and_the_professional_they_concern(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let (mut patient, patient_id, _) = activated_patient(&app, &mut agent, FIRST).await;
    let (mut doctor, doctor_id) =
        named_professional(&app, &mut agent, "M-71", "MED", ("Claire", "Weber"), 71).await;
    let (nurse, nurse_id) =
        named_professional(&app, &mut agent, "I-72", "INF", ("Marc", "Schmit"), 72).await;
    let code = app.send(&mut patient, "/api/me/connection-code", &json!({})).await.body["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let opened = app
        .send(
            &mut doctor,
            "/api/professional/consultations",
            &json!({"national_id": FIRST, "connection_code": code}),
        )
        .await;
    assert_eq!(opened.status, 200, "{:?}", opened.body);
    let letter = file(&app, &doctor, &patient_id, "Discharge letter").await;
    let secret = file(&app, &doctor, &patient_id, "=Psychiatric assessment").await;
    let referent = app
        .request(&patient, Method::PUT, "/api/me/referent")
        .json(&json!({"professional_id": doctor_id}))
        .send()
        .await
        .unwrap();
    assert_eq!(referent.status(), 200);
    let restricted = app
        .request(&patient, Method::PUT, &format!("/api/me/documents/{secret}/restriction"))
        .json(&json!({"mode": "hidden_from", "professionals": [doctor_id]}))
        .send()
        .await
        .unwrap();
    assert_eq!(restricted.status(), 200);
    let read = app.request(&doctor, Method::GET, &format!("/api/documents/{letter}/content"));
    assert_eq!(read.send().await.unwrap().status(), 200);
    let blocked =
        app.request(&patient, Method::PUT, &format!("/api/me/blocks/{nurse_id}")).send().await;
    assert!(blocked.unwrap().status().is_success());
    let refused = app.get_as(&nurse, &format!("/api/records/{patient_id}/documents")).await;
    assert_eq!(refused.status, 404);

    let page = history(&app, &patient, "").await;
    // A filing: who, which document, under which rule.
    let filed = find(&page, "document_filed", |e| e["target"]["id"] == letter.as_str());
    assert_eq!(filed["document"]["title"], "Discharge letter");
    assert_eq!(filed["document"]["category"], "care-reports");
    assert_eq!(filed["rule"], "link_consultation");
    assert_eq!(filed["actor"]["display_name"], "Claire Weber");
    assert_eq!(filed["actor"]["profession"], "MED");
    let read = find(&page, "document_read", |_| true);
    assert_eq!(read["document"]["title"], "Discharge letter");
    // Acts on a professional name them.
    let block = find(&page, "professional_blocked", |_| true);
    assert_eq!(block["professionals"][0]["display_name"], "Marc Schmit");
    assert_eq!(block["professionals"][0]["profession"], "INF");
    assert_eq!(block["professionals"][0]["id"], nurse_id.as_str());
    let designated = find(&page, "referent_designated", |_| true);
    assert_eq!(designated["professionals"][0]["display_name"], "Claire Weber");
    let hidden = find(&page, "document_restricted", |_| true);
    assert_eq!(hidden["document"]["title"], "=Psychiatric assessment");
    assert_eq!(hidden["context"], "hidden_from");
    assert_eq!(hidden["professionals"][0]["display_name"], "Claire Weber");
    let link = find(&page, "link_opened", |_| true);
    assert_eq!(link["context"], "consultation");
    // A refusal says why in the rules' words, not as a rule.
    let denied = find(&page, "record_opened", |e| e["outcome"] == "failure");
    assert_eq!(denied["denied"], "blocked");
    assert_eq!(denied["rule"], Value::Null);
    assert_eq!(denied["actor"]["display_name"], "Marc Schmit");

    // The exports carry the same: a title column (neutralised), the FHIR entity's name.
    let csv = app.request(&patient, Method::GET, "/api/me/history.csv").send().await.unwrap();
    let csv = csv.text().await.unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.contains(",document_title,document_category,professionals,"), "{header}");
    assert!(csv.contains(",Discharge letter,care-reports,"), "{csv}");
    assert!(csv.contains(",'=Psychiatric assessment,"), "a title is neutralised: {csv}");
    assert!(csv.contains("Marc Schmit (INF)"));
    let fhir = app.request(&patient, Method::GET, "/api/me/history.fhir.json").send().await;
    let bundle: Value = fhir.unwrap().json().await.unwrap();
    let names: Vec<&Value> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["resource"]["entity"].as_array().unwrap())
        .filter_map(|entity| entity.get("name"))
        .collect();
    assert!(names.contains(&&json!("Discharge letter")), "{names:?}");

    // The référent reads the traces, but never the title of a document hidden from them, nor
    // whom the patient hid it from.
    let traces = app.get_as(&doctor, &format!("/api/records/{patient_id}/history")).await;
    assert_eq!(traces.status, 200, "{:?}", traces.body);
    let text = traces.body.to_string();
    assert!(!text.contains("Psychiatric"), "{text}");
    let filed = find(&traces.body, "document_filed", |e| e["target"]["id"] == letter.as_str());
    assert_eq!(filed["document"]["title"], "Discharge letter");
    let hidden = find(&traces.body, "document_restricted", |_| true);
    assert_eq!(hidden["document"], Value::Null);
    assert_eq!(hidden["context"], Value::Null);
    assert_eq!(hidden["professionals"], json!([]));
    let block = find(&traces.body, "professional_blocked", |_| true);
    assert_eq!(block["professionals"][0]["display_name"], "Marc Schmit");

    // Removing the référent names whom it removes.
    let removed = app
        .request(&patient, Method::PUT, "/api/me/referent")
        .json(&json!({"professional_id": null}))
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 200);
    let page = history(&app, &patient, "?action=referent_removed").await;
    assert_eq!(page["entries"][0]["professionals"][0]["display_name"], "Claire Weber");
}

/// Decodes a body in `encoding` (`gzip` or `br`); a stream cut short is an error.
fn decode(encoding: &str, body: &[u8]) -> String {
    use std::io::Read;
    let mut text = String::new();
    match encoding {
        "gzip" => flate2::read::GzDecoder::new(body).read_to_string(&mut text),
        "br" => brotli_decompressor::Decompressor::new(body, 4096).read_to_string(&mut text),
        other => panic!("{other}"),
    }
    .unwrap_or_else(|e| panic!("{encoding}: the compressed body is not whole: {e}"));
    text
}

/// Browsers send `Accept-Encoding: gzip, deflate, br, zstd`: both exports arrive compressed and
/// whole, over several export pages (the body ended, then was polled again by the compression,
/// which dropped the connection).
async fn the_exports_arrive_whole_when_compressed_as_browsers_ask(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let (patient, id, _) = activated_patient(&app, &mut agent, FIRST).await;
    let patient_id = uuid::Uuid::parse_str(&id).unwrap();
    let meta = dsp::audit::RequestMeta::default();
    let txn = app.db.begin().await.unwrap();
    for _ in 0..250 {
        let event = dsp::audit::Event::new(
            "sign_in",
            dsp::audit::Outcome::Success,
            Some((shared::api::auth::Role::Patient, patient_id)),
        );
        dsp::audit::append(&txn, &meta, event, app.clock.now()).await.unwrap();
    }
    txn.commit().await.unwrap();

    for (accept, encoding) in [
        ("gzip", "gzip"),
        ("br", "br"),
        ("gzip, deflate, br, zstd", "br"),
        ("gzip, deflate, br", "br"),
    ] {
        for (path, format) in
            [("/api/me/history.csv", "csv"), ("/api/me/history.fhir.json", "fhir")]
        {
            // Every entry so far (the export's own entry is appended after its first page).
            let expected = logged_ids(&app, &id).await.len();
            let response = app
                .request(&patient, Method::GET, path)
                .header("accept-encoding", accept)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{path} {accept}");
            assert_eq!(response.headers()["content-encoding"], encoding, "{path} {accept}");
            let body = response
                .bytes()
                .await
                .unwrap_or_else(|e| panic!("{path} with {accept}: the body was cut: {e}"));
            let text = decode(encoding, &body);
            let count = if format == "csv" {
                assert!(text.starts_with("id,occurred_at,"), "{path} {accept}");
                assert!(text.ends_with("\r\n"), "{path} {accept}: ends with a whole line");
                text.split("\r\n").filter(|l| !l.is_empty()).count() - 1
            } else {
                let bundle: Value = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{path} {accept}: not JSON: {e}"));
                assert_eq!(bundle["resourceType"], "Bundle");
                bundle["entry"].as_array().unwrap().len()
            };
            assert_eq!(count, expected, "{path} with {accept}: every entry");
        }
    }
    assert_eq!(app.audit("history_exported").await.len(), 8);
}
