//! The FHIR R4 read side (issue 14): practice software with a professional's token finds and
//! reads a record's documents (ITI-67, ITI-68), its submission sets (ITI-66), the patient
//! (PDQm), and — for the référent — the access history as AuditEvents; every refusal an
//! OperationOutcome with a stable code; hidden, missing and unreachable answer the same; every
//! act audited naming the software; every resource type returned valid for an independent FHIR
//! R4 validator (tools/fhir-validate).

use std::path::PathBuf;

use reqwest::Method;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::common::personas::Browser;
use crate::common::{Engine, TestApp, filed_as};
use crate::on_both_databases;

on_both_databases!(
    a_practice_system_finds_and_reads_the_record_within_the_rules,
    refusals_are_operation_outcomes_and_hidden_equals_missing,
    tokens_that_no_longer_stand_are_refused,
    scopes_narrow_what_the_software_may_do,
    searches_page_and_filter,
    patients_are_found_only_when_reachable,
    the_referent_reads_the_access_history_as_audit_events,
    every_resource_returned_is_valid_fhir_r4,
    older_versions_are_superseded_document_references_with_their_own_content,
);

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const NATIONAL_ID: &str = "1893120105732";
const ALL_SCOPES: &str =
    "user/DocumentReference.rs user/Binary.r user/List.s user/Patient.rs user/AuditEvent.s";

struct Scene {
    app: TestApp,
    doctor: Browser,
    doctor_id: uuid::Uuid,
    patient: Browser,
    patient_id: String,
}

async fn scene(engine: Engine) -> Scene {
    let app = TestApp::spawn(engine).await;
    let (doctor, patient, patient_id) = app.linked_physician().await;
    let doctor_id = dsp::entity::professional::Entity::find()
        .filter(dsp::entity::professional::Column::LicenceNumber.eq("M-1"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    Scene { app, doctor, doctor_id, patient, patient_id }
}

/// Registers the software `client_id` for the professional's organisation and issues a token
/// for `scopes` bound to the professional's security key, as the OAuth approval does.
async fn token_for(
    app: &TestApp,
    professional_id: uuid::Uuid,
    client_id: &str,
    scopes: &str,
) -> String {
    let professional = dsp::entity::professional::Entity::find_by_id(professional_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    if dsp::entity::oauth_client::Entity::find_by_id(client_id.to_owned())
        .one(&app.db)
        .await
        .unwrap()
        .is_none()
    {
        dsp::entity::oauth_client::ActiveModel {
            client_id: Set(client_id.to_owned()),
            organisation_id: Set(professional.organisation_id.unwrap()),
            name: Set("MediPrax".into()),
            redirect_uris: Set("http://127.0.0.1/callback".into()),
            allowed_scopes: Set(ALL_SCOPES.into()),
            secret_hash: Set(None),
            created_at: Set(app.clock.now()),
            disabled_at: Set(None),
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    let credential = dsp::entity::credential::Entity::find()
        .filter(dsp::entity::credential::Column::SubjectId.eq(professional_id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let scopes = dsp::oauth::ScopeSet::parse(scopes);
    dsp::oauth::create_grant(
        &app.db,
        client_id,
        professional_id,
        &credential.id,
        &scopes,
        app.clock.now(),
    )
    .await
    .unwrap()
    .access_token
}

/// Files a care report into the record as `who` (the portal's upload); returns its id.
async fn file(app: &TestApp, who: &Browser, patient_id: &str, title: &str, date: &str) -> String {
    let request = app.request(who, Method::POST, &format!("/api/records/{patient_id}/documents"));
    let response = filed_as(request, Some("care-reports"), title, date, Some("report.pdf"))
        .header("content-type", "application/pdf")
        .body(PDF.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
}

/// An answer of the FHIR interface.
struct Fhir {
    status: u16,
    content_type: String,
    www_authenticate: Option<String>,
    bytes: Vec<u8>,
}

impl Fhir {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.bytes).unwrap_or(Value::Null)
    }

    /// The stable code of an OperationOutcome.
    fn code(&self) -> String {
        let body = self.json();
        assert_eq!(body["resourceType"], "OperationOutcome", "{body}");
        assert_eq!(
            body["issue"][0]["details"]["coding"][0]["system"],
            "https://dsp.lu/fhir/CodeSystem/api-error"
        );
        body["issue"][0]["details"]["coding"][0]["code"].as_str().unwrap_or_default().to_owned()
    }
}

async fn fhir_get(app: &TestApp, token: Option<&str>, path: &str, accept: &str) -> Fhir {
    // A client outside the browser: no cookie, no Origin.
    let client = reqwest::Client::new();
    let mut request = client
        .get(app.url(&format!("/fhir/R4/{path}")))
        .header("accept", accept)
        .header("accept-encoding", "gzip");
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let response = request.send().await.unwrap();
    let header = |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_owned());
    let content_type = header("content-type").unwrap_or_default();
    let www_authenticate = header("www-authenticate");
    let gzip = header("content-encoding").is_some_and(|e| e == "gzip");
    let status = response.status().as_u16();
    let mut bytes = response.bytes().await.unwrap().to_vec();
    if gzip {
        use std::io::Read;
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice()).read_to_end(&mut plain).unwrap();
        bytes = plain;
    }
    Fhir { status, content_type, www_authenticate, bytes }
}

async fn get(app: &TestApp, token: &str, path: &str) -> Fhir {
    fhir_get(app, Some(token), path, "application/fhir+json").await
}

/// The ids of a searchset's resources.
fn ids(bundle: &Value) -> Vec<String> {
    assert_eq!(bundle["resourceType"], "Bundle", "{bundle}");
    assert_eq!(bundle["type"], "searchset");
    bundle["entry"]
        .as_array()
        .map(|e| e.iter().map(|e| e["resource"]["id"].as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

async fn a_practice_system_finds_and_reads_the_record_within_the_rules(engine: Engine) {
    let s = scene(engine).await;
    let first = file(&s.app, &s.doctor, &s.patient_id, "Compte rendu", "2026-11-20").await;
    let token = token_for(&s.app, s.doctor_id, "mediprax", ALL_SCOPES).await;

    // ITI-67 by record id and by national ID: the same searchset.
    let by_id = get(
        &s.app,
        &token,
        &format!("DocumentReference?patient=Patient/{}&status=current", s.patient_id),
    )
    .await;
    assert_eq!(by_id.status, 200);
    assert!(by_id.content_type.starts_with("application/fhir+json"), "{}", by_id.content_type);
    let bundle = by_id.json();
    assert_eq!(ids(&bundle), vec![first.clone()]);
    assert_eq!(bundle["total"], 1);
    let reference = &bundle["entry"][0]["resource"];
    assert_eq!(reference["status"], "current");
    assert_eq!(reference["subject"]["reference"], format!("Patient/{}", s.patient_id));
    assert_eq!(reference["description"], "Compte rendu");
    assert_eq!(reference["category"][0]["coding"][0]["code"], "care-reports");
    assert_eq!(reference["content"][0]["attachment"]["contentType"], "application/pdf");
    let url = reference["content"][0]["attachment"]["url"].as_str().unwrap().to_owned();
    assert!(url.ends_with(&format!("/fhir/R4/Binary/{first}")), "{url}");
    let by_national_id = get(
        &s.app,
        &token,
        &format!("DocumentReference?patient.identifier=urn:oid:1.3.182.4.4%7C{NATIONAL_ID}&status=current"),
    )
    .await;
    assert_eq!(ids(&by_national_id.json()), vec![first.clone()]);
    // The same search with the national ID in a form body (`POST …/_search`), not in the URL.
    let by_post = reqwest::Client::new()
        .post(s.app.url("/fhir/R4/DocumentReference/_search?status=current"))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("patient.identifier=urn:oid:1.3.182.4.4%7C{NATIONAL_ID}"))
        .send()
        .await
        .unwrap();
    assert_eq!(by_post.status(), 200);
    let by_post: Value = by_post.json().await.unwrap();
    assert_eq!(ids(&by_post), vec![first.clone()]);
    assert_eq!(by_post["total"], 1);
    let self_link = by_post["link"][0]["url"].as_str().unwrap();
    assert!(
        self_link.contains(&format!("patient=Patient%2F{}", s.patient_id))
            && !self_link.contains(NATIONAL_ID),
        "the links name the record, not the national ID: {self_link}"
    );
    let as_json = reqwest::Client::new()
        .post(s.app.url("/fhir/R4/Patient/_search"))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(as_json.status(), 415, "a search form is form-encoded");
    let patients = reqwest::Client::new()
        .post(s.app.url("/fhir/R4/Patient/_search"))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("identifier=urn:oid:1.3.182.4.4%7C{NATIONAL_ID}"))
        .send()
        .await
        .unwrap();
    assert_eq!(patients.status(), 200);
    let patients: Value = patients.json().await.unwrap();
    assert_eq!(ids(&patients), vec![s.patient_id.clone()]);

    // DocumentReference read.
    let read = get(&s.app, &token, &format!("DocumentReference/{first}")).await;
    assert_eq!(read.status, 200);
    assert_eq!(read.json()["id"], first.as_str());
    let vread = get(&s.app, &token, &format!("DocumentReference/{first}/_history/1")).await;
    assert_eq!((vread.status, vread.json()["meta"]["versionId"].clone()), (200, json!("1")));
    let other = get(&s.app, &token, &format!("DocumentReference/{first}/_history/2")).await;
    assert_eq!((other.status, other.code()), (404, "not_found".to_owned()));

    // ITI-68: the stored bytes with the stored type, or a Binary resource when asked for FHIR.
    let raw = fhir_get(&s.app, Some(&token), &format!("Binary/{first}"), "application/pdf").await;
    assert_eq!((raw.status, raw.content_type.as_str()), (200, "application/pdf"));
    assert_eq!(raw.bytes, PDF);
    let binary = get(&s.app, &token, &format!("Binary/{first}")).await;
    assert_eq!(binary.status, 200);
    let binary = binary.json();
    assert_eq!(binary["resourceType"], "Binary");
    assert_eq!(binary["contentType"], "application/pdf");
    assert_eq!(
        data_encoding::BASE64.decode(binary["data"].as_str().unwrap().as_bytes()).unwrap(),
        PDF
    );

    // ITI-66: the portal's filing is a submission set of one document.
    let lists =
        get(&s.app, &token, &format!("List?patient={}&code=submissionset", s.patient_id)).await;
    assert_eq!(lists.status, 200);
    let lists = lists.json();
    assert_eq!(
        lists["entry"][0]["resource"]["entry"][0]["item"]["reference"],
        format!("DocumentReference/{first}")
    );
    let folders =
        get(&s.app, &token, &format!("List?patient={}&code=folder", s.patient_id)).await.json();
    assert!(ids(&folders).is_empty());

    // Every act audited, naming the software.
    for action in ["record_opened", "document_read"] {
        let entries = s.app.audit(action).await;
        let last = entries.last().unwrap();
        let detail: Value = serde_json::from_str(&last.detail).unwrap();
        assert_eq!(detail["via"], json!({"client_id": "mediprax", "name": "MediPrax"}), "{action}");
        assert_eq!(last.actor_id, Some(s.doctor_id));
    }

    // The patient's history says "via MediPrax".
    let history = s.app.get_as(&s.patient, "/api/me/history?action=document_read").await;
    assert_eq!(history.status, 200);
    let entry = &history.body["entries"][0];
    assert_eq!(entry["actor"]["via"], "MediPrax", "{entry}");
    let portal = s.app.get_as(&s.patient, "/api/me/history?action=link_opened").await;
    assert!(portal.body["entries"][0]["actor"].get("via").is_none(), "{}", portal.body);
}

async fn refusals_are_operation_outcomes_and_hidden_equals_missing(engine: Engine) {
    let s = scene(engine).await;
    let visible = file(&s.app, &s.doctor, &s.patient_id, "Visible", "2026-11-20").await;
    let secret = file(&s.app, &s.doctor, &s.patient_id, "Secret", "2026-11-21").await;
    let restricted = s
        .app
        .request(&s.patient, Method::PUT, &format!("/api/me/documents/{secret}/restriction"))
        .json(&json!({"mode": "hidden_from", "professionals": [s.doctor_id]}))
        .send()
        .await
        .unwrap();
    assert_eq!(restricted.status(), 200);
    let token = token_for(&s.app, s.doctor_id, "mediprax", ALL_SCOPES).await;

    // The hidden document is absent from the search, and reads like a missing one.
    let found = get(&s.app, &token, &format!("DocumentReference?patient={}", s.patient_id)).await;
    assert_eq!(ids(&found.json()), vec![visible.clone()]);
    let missing = uuid::Uuid::new_v4();
    for path in ["DocumentReference/{}", "Binary/{}"] {
        let hidden = get(&s.app, &token, &path.replace("{}", &secret)).await;
        let absent = get(&s.app, &token, &path.replace("{}", &missing.to_string())).await;
        assert_eq!(hidden.status, 404, "{path}");
        assert_eq!(hidden.code(), "not_found");
        assert_eq!(hidden.bytes, absent.bytes, "{path}: hidden and missing differ");
        assert_eq!(hidden.content_type, absent.content_type);
    }
    // Not a uuid: the same answer.
    assert_eq!(
        get(&s.app, &token, "Binary/not-a-document").await.bytes,
        get(&s.app, &token, &format!("Binary/{missing}")).await.bytes
    );

    // Another organisation's professional with no care relation: the record is missing to them,
    // by search, submission sets and patient read alike.
    let (mut agent, _) = s.app.signed_in_agent().await;
    let elsewhere = s.app.create_organisation("Clinique Ailleurs").await;
    let (outsider, code) = s.app.create_professional_in(&mut agent, "M-2", "MED", &elsewhere).await;
    let mut outsider_browser = Browser::default();
    let mut key = crate::common::authenticator::SecurityKey::new(23);
    assert_eq!(s.app.enrol(&mut outsider_browser, &mut key, &code).await.status, 200);
    let outsider = outsider.parse().unwrap();
    let other = token_for(&s.app, outsider, "hisoft", ALL_SCOPES).await;
    let nobody = uuid::Uuid::new_v4();
    for path in [
        "DocumentReference?patient={}",
        "List?patient={}&code=submissionset",
        "Patient/{}",
        "AuditEvent?patient={}",
    ] {
        let unreachable = get(&s.app, &other, &path.replace("{}", &s.patient_id)).await;
        let absent = get(&s.app, &other, &path.replace("{}", &nobody.to_string())).await;
        assert_eq!(unreachable.status, 404, "{path}");
        assert_eq!(unreachable.code(), "not_found");
        assert_eq!(unreachable.bytes, absent.bytes, "{path}");
    }
    for path in [format!("DocumentReference/{visible}"), format!("Binary/{visible}")] {
        let refused = get(&s.app, &other, &path).await;
        assert_eq!((refused.status, refused.code()), (404, "not_found".into()), "{path}");
    }
    // The refusals are audited too, naming the software.
    let refused = s.app.audit("record_opened").await;
    let last: Value = serde_json::from_str(&refused.last().unwrap().detail).unwrap();
    assert_eq!(last["via"]["client_id"], "hisoft");

    // A closed record answers like a missing one.
    let record =
        dsp::entity::patient::Entity::find_by_id(s.patient_id.parse::<uuid::Uuid>().unwrap())
            .one(&s.app.db)
            .await
            .unwrap()
            .unwrap();
    let mut closing: dsp::entity::patient::ActiveModel = record.into();
    closing.record_state = Set("closed".into());
    closing.closed_at = Set(Some(s.app.clock.now()));
    closing.update(&s.app.db).await.unwrap();
    for path in ["DocumentReference?patient={}", "Patient/{}"] {
        let closed = get(&s.app, &token, &path.replace("{}", &s.patient_id)).await;
        let absent = get(&s.app, &token, &path.replace("{}", &nobody.to_string())).await;
        assert_eq!((closed.status, closed.bytes.clone()), (404, absent.bytes), "{path}");
    }
    let closed = get(&s.app, &token, &format!("Binary/{visible}")).await;
    assert_eq!(closed.bytes, get(&s.app, &token, &format!("Binary/{missing}")).await.bytes);

    // Bad input: a stable code, never an unfiltered answer.
    for (path, code) in [
        ("DocumentReference", "invalid_request"),
        ("DocumentReference?patient=x&unknown=1", "invalid_request"),
        ("DocumentReference?patient.identifier=1893120105732", "invalid_request"),
        ("DocumentReference?patient.identifier=urn:oid:1.3.182.4.4%7C123", "invalid_national_id"),
        ("DocumentReference?patient=Patient/x&date=yesterday", "invalid_request"),
        ("DocumentReference?patient=Patient/x&_format=xml", "invalid_request"),
        ("Observation?patient=x", "not_found"),
    ] {
        let answer = get(&s.app, &token, path).await;
        assert_eq!(answer.code(), code, "{path}");
        assert!(answer.content_type.starts_with("application/fhir+json"), "{path}");
    }
}

async fn tokens_that_no_longer_stand_are_refused(engine: Engine) {
    let s = scene(engine).await;
    let path = format!("DocumentReference?patient={}", s.patient_id);
    // No token, a made-up one.
    for token in [None, Some("made-up")] {
        let answer = fhir_get(&s.app, token, &path, "application/fhir+json").await;
        assert_eq!((answer.status, answer.code()), (401, "invalid_token".into()));
        assert!(answer.www_authenticate.unwrap().contains(r#"error="invalid_token""#));
    }
    // A session cookie is no token.
    let cookie =
        s.app.request(&s.doctor, Method::GET, &format!("/fhir/R4/{path}")).send().await.unwrap();
    assert_eq!(cookie.status(), 401);

    // Expired: after five minutes.
    let token = token_for(&s.app, s.doctor_id, "mediprax", ALL_SCOPES).await;
    assert_eq!(get(&s.app, &token, &path).await.status, 200);
    s.app.clock.advance(chrono::Duration::minutes(6));
    let expired = get(&s.app, &token, &path).await;
    assert_eq!((expired.status, expired.code()), (401, "invalid_token".into()));

    // Revoked: the professional's grants end (a key re-issued, a licence suspended).
    let token = token_for(&s.app, s.doctor_id, "mediprax", ALL_SCOPES).await;
    assert_eq!(get(&s.app, &token, &path).await.status, 200);
    dsp::oauth::revoke_all_for(&s.app.db, s.doctor_id, "test", s.app.clock.now()).await.unwrap();
    let revoked = get(&s.app, &token, &path).await;
    assert_eq!((revoked.status, revoked.code()), (401, "invalid_token".into()));
}

async fn scopes_narrow_what_the_software_may_do(engine: Engine) {
    let s = scene(engine).await;
    let document = file(&s.app, &s.doctor, &s.patient_id, "Compte rendu", "2026-11-20").await;
    let token = token_for(&s.app, s.doctor_id, "mediprax", "user/DocumentReference.s").await;
    assert_eq!(
        get(&s.app, &token, &format!("DocumentReference?patient={}", s.patient_id)).await.status,
        200
    );
    for path in [
        format!("DocumentReference/{document}"),
        format!("Binary/{document}"),
        format!("List?patient={}", s.patient_id),
        format!("Patient/{}", s.patient_id),
        format!("Patient?identifier=urn:oid:1.3.182.4.4%7C{NATIONAL_ID}"),
        format!("AuditEvent?patient={}", s.patient_id),
    ] {
        let refused = get(&s.app, &token, &path).await;
        assert_eq!((refused.status, refused.code()), (403, "insufficient_scope".into()), "{path}");
        assert!(refused.www_authenticate.unwrap().contains("insufficient_scope"));
    }
}

async fn searches_page_and_filter(engine: Engine) {
    let s = scene(engine).await;
    let mut filed = Vec::new();
    for day in 1..=5 {
        filed.push(
            file(
                &s.app,
                &s.doctor,
                &s.patient_id,
                &format!("Report {day}"),
                &format!("2026-11-0{day}"),
            )
            .await,
        );
    }
    let token = token_for(&s.app, s.doctor_id, "mediprax", ALL_SCOPES).await;
    // Pages of two, newest clinical date first, following `next` to the end.
    let mut seen = Vec::new();
    let mut path = format!(
        "DocumentReference?patient.identifier=urn:oid:1.3.182.4.4%7C{NATIONAL_ID}&status=current&_count=2"
    );
    let mut pages = 0;
    loop {
        let page = get(&s.app, &token, &path).await;
        assert_eq!(page.status, 200, "{path}");
        let bundle = page.json();
        assert_eq!(bundle["total"], 5);
        seen.extend(ids(&bundle));
        pages += 1;
        let next = bundle["link"].as_array().unwrap().iter().find(|l| l["relation"] == "next");
        match next {
            Some(link) => {
                let url = link["url"].as_str().unwrap();
                assert!(!url.contains(NATIONAL_ID), "no national ID in a link: {url}");
                path = url.split_once("/fhir/R4/").unwrap().1.to_owned();
            }
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let newest_first: Vec<String> = filed.iter().rev().cloned().collect();
    assert_eq!(seen, newest_first);
    // `_count` is capped; a cursor the server did not give is refused.
    let capped =
        get(&s.app, &token, &format!("DocumentReference?patient={}&_count=100000", s.patient_id))
            .await;
    assert_eq!(ids(&capped.json()).len(), 5);
    let forged =
        get(&s.app, &token, &format!("DocumentReference?patient={}&_cursor=%%%", s.patient_id))
            .await;
    assert_eq!(forged.code(), "invalid_request");

    // Filters: status, category, type, date (filed today: the test clock's day).
    let today = s.app.clock.now().date_naive();
    let count = |bundle: &Value| ids(bundle).len();
    for (query, expected) in [
        ("status=superseded".to_owned(), 0),
        ("status=current,superseded".to_owned(), 5),
        ("category=care-reports".to_owned(), 5),
        ("category=https://dsp.lu/fhir/CodeSystem/category%7Ccare-reports".to_owned(), 5),
        ("category=lab-analyses".to_owned(), 0),
        ("type=pdf".to_owned(), 5),
        ("type=cda_xml".to_owned(), 0),
        (format!("date=ge{today}"), 5),
        (format!("date=lt{today}"), 0),
        (format!("date={today}&date=le{today}"), 5),
    ] {
        let answer =
            get(&s.app, &token, &format!("DocumentReference?patient={}&{query}", s.patient_id))
                .await;
        assert_eq!(answer.status, 200, "{query}");
        assert_eq!(count(&answer.json()), expected, "{query}");
    }
    // Submission sets page too.
    let lists =
        get(&s.app, &token, &format!("List?patient={}&code=submissionset&_count=4", s.patient_id))
            .await
            .json();
    assert_eq!(ids(&lists).len(), 4);
    assert!(lists["link"].as_array().unwrap().iter().any(|l| l["relation"] == "next"));
}

async fn patients_are_found_only_when_reachable(engine: Engine) {
    let s = scene(engine).await;
    let token = token_for(&s.app, s.doctor_id, "mediprax", ALL_SCOPES).await;
    let search =
        get(&s.app, &token, &format!("Patient?identifier=urn:oid:1.3.182.4.4%7C{NATIONAL_ID}"))
            .await;
    assert_eq!(search.status, 200);
    let bundle = search.json();
    assert_eq!(ids(&bundle), vec![s.patient_id.clone()]);
    let patient = &bundle["entry"][0]["resource"];
    assert_eq!(
        patient["identifier"][0],
        json!({"use": "official", "system": "urn:oid:1.3.182.4.4", "value": NATIONAL_ID})
    );
    let read = get(&s.app, &token, &format!("Patient/{}", s.patient_id)).await;
    assert_eq!(read.json()["id"], s.patient_id.as_str());
    assert_eq!(s.app.audit("patient_lookup").await.len(), 2);

    // Unknown matricule, and a patient with a record but no relation: the same empty searchset
    // (only the timestamp differs).
    let (mut agent, _) = s.app.signed_in_agent().await;
    let stranger =
        shared::NationalId::from_first_eleven("19700305002").unwrap().as_str().to_owned();
    s.app.create_patient(&mut agent, &stranger, "fr").await;
    let unknown = shared::NationalId::from_first_eleven("19800101001").unwrap();
    let strip = |mut v: Value| {
        v.as_object_mut().unwrap().remove("timestamp");
        v["link"][0]["url"] = Value::Null;
        v
    };
    let unreachable =
        get(&s.app, &token, &format!("Patient?identifier=urn:oid:1.3.182.4.4%7C{stranger}")).await;
    let missing = get(
        &s.app,
        &token,
        &format!("Patient?identifier=urn:oid:1.3.182.4.4%7C{}", unknown.as_str()),
    )
    .await;
    assert_eq!(unreachable.status, 200);
    assert_eq!(unreachable.json()["total"], 0);
    assert_eq!(strip(unreachable.json()), strip(missing.json()));
    // A malformed matricule: a stable code.
    let bad = get(&s.app, &token, "Patient?identifier=urn:oid:1.3.182.4.4%7C1234").await;
    assert_eq!(bad.code(), "invalid_national_id");
}

async fn the_referent_reads_the_access_history_as_audit_events(engine: Engine) {
    let s = scene(engine).await;
    file(&s.app, &s.doctor, &s.patient_id, "Compte rendu", "2026-11-20").await;
    let token = token_for(&s.app, s.doctor_id, "mediprax", ALL_SCOPES).await;
    // Not the référent: like a record that does not exist (as the portal's access traces).
    let refused = get(&s.app, &token, &format!("AuditEvent?patient={}", s.patient_id)).await;
    assert_eq!((refused.status, refused.code()), (404, "not_found".into()));

    let referent = s
        .app
        .request(&s.patient, Method::PUT, "/api/me/referent")
        .json(&json!({"professional_id": s.doctor_id}))
        .send()
        .await
        .unwrap();
    assert_eq!(referent.status(), 200);
    // A read through the software first, so that the history holds an act "via".
    assert_eq!(
        get(&s.app, &token, &format!("DocumentReference?patient={}", s.patient_id)).await.status,
        200
    );
    let by_national_id =
        format!("AuditEvent?patient.identifier=urn:oid:1.3.182.4.4%7C{NATIONAL_ID}&_count=3");
    let page = get(&s.app, &token, &by_national_id).await;
    assert_eq!(page.status, 200);
    let bundle = page.json();
    assert_eq!(ids(&bundle).len(), 3);
    let first = &bundle["entry"][0]["resource"];
    assert_eq!(first["resourceType"], "AuditEvent");
    let links = bundle["link"].as_array().unwrap();
    let next = links.iter().find(|l| l["relation"] == "next").unwrap()["url"].as_str().unwrap();
    assert!(
        next.contains(&format!("patient=Patient%2F{}", s.patient_id))
            && !next.contains(NATIONAL_ID),
        "the next link names the record, not the national ID: {next}"
    );
    let second = get(&s.app, &token, next.split_once("/fhir/R4/").unwrap().1).await;
    assert_eq!(second.status, 200);
    assert!(ids(&second.json()).iter().all(|id| !ids(&bundle).contains(id)), "a new page");
    let via = bundle["entry"].as_array().unwrap().iter().any(|e| {
        e["resource"]["agent"].as_array().unwrap().iter().any(|a| a["who"]["display"] == "MediPrax")
    });
    assert!(via, "{bundle}");
    let audited = s.app.audit("access_traces_viewed").await;
    let detail: Value = serde_json::from_str(&audited.last().unwrap().detail).unwrap();
    assert_eq!(detail["via"]["name"], "MediPrax");
}

/// The validator's Python (installed by `scripts/setup`).
fn validator() -> (PathBuf, PathBuf) {
    let root =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("tools").join("fhir-validate");
    let python = root.join(".venv").join("bin").join("python");
    assert!(
        python.exists(),
        "the FHIR validator is not installed: run scripts/setup (it creates {})",
        python.display()
    );
    (python, root.join("validate.py"))
}

/// Validates `resources` (FHIR R4 JSON, Bundles with their entries) with the independent
/// validator; panics on any invalid one. Returns its summary (`{"ok", "types"}`) and its output.
pub(crate) fn validate_fhir(resources: &[Value]) -> (Value, String) {
    let directory = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, resource) in resources.iter().enumerate() {
        let path = directory.path().join(format!("{i}.json"));
        std::fs::write(&path, resource.to_string()).unwrap();
        files.push(path);
    }
    let (python, script) = validator();
    let output = std::process::Command::new(python).arg(script).args(&files).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    (serde_json::from_str(stdout.lines().last().unwrap()).unwrap(), stdout)
}

async fn every_resource_returned_is_valid_fhir_r4(engine: Engine) {
    let s = scene(engine).await;
    let document = file(&s.app, &s.doctor, &s.patient_id, "Compte rendu", "2026-11-20").await;
    let referent = s
        .app
        .request(&s.patient, Method::PUT, "/api/me/referent")
        .json(&json!({"professional_id": s.doctor_id}))
        .send()
        .await
        .unwrap();
    assert_eq!(referent.status(), 200);
    let token = token_for(&s.app, s.doctor_id, "mediprax", ALL_SCOPES).await;
    let metadata = fhir_get(&s.app, None, "metadata", "application/fhir+json").await;
    assert_eq!(metadata.status, 200);
    let smart =
        fhir_get(&s.app, None, ".well-known/smart-configuration", "application/json").await.json();
    assert!(smart["authorization_endpoint"].as_str().unwrap().ends_with("/oauth/authorize"));
    let mut answers = vec![metadata.json()];
    for path in [
        format!("DocumentReference?patient={}&_count=1", s.patient_id),
        format!("DocumentReference/{document}"),
        format!("Binary/{document}"),
        format!("List?patient={}&code=submissionset", s.patient_id),
        format!("Patient?identifier=urn:oid:1.3.182.4.4%7C{NATIONAL_ID}"),
        format!("Patient/{}", s.patient_id),
        format!("AuditEvent?patient={}", s.patient_id),
        format!("DocumentReference/{}", uuid::Uuid::new_v4()),
    ] {
        let answer = get(&s.app, &token, &path).await;
        assert!(answer.status == 200 || answer.status == 404, "{path}: {}", answer.status);
        answers.push(answer.json());
    }
    let (summary, stdout) = validate_fhir(&answers);
    for kind in [
        "CapabilityStatement",
        "Bundle",
        "DocumentReference",
        "Binary",
        "List",
        "Patient",
        "AuditEvent",
        "OperationOutcome",
    ] {
        assert!(
            summary["types"].as_array().unwrap().contains(&json!(kind)),
            "{kind} not validated: {stdout}"
        );
    }
}

/// A document with a second version: `_history/1` is a `superseded` DocumentReference whose
/// content is `Binary/{id}/_history/1`, the first version's bytes; `_history/2` is the current
/// one; a version the document does not have, or a document out of reach, is `not_found`.
async fn older_versions_are_superseded_document_references_with_their_own_content(engine: Engine) {
    let s = scene(engine).await;
    let id = file(&s.app, &s.doctor, &s.patient_id, "Compte rendu", "2026-11-20").await;
    let second: Vec<u8> = PDF.iter().chain(b"% corrected\n%%EOF\n").copied().collect();
    let request = s.app.request(&s.doctor, Method::POST, &format!("/api/documents/{id}/versions"));
    let filed = filed_as(request, None, "Compte rendu (corrigé)", "2026-11-21", None)
        .header("content-type", "application/pdf")
        .body(second.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(filed.status(), 200);
    let token = token_for(&s.app, s.doctor_id, "mediprax", ALL_SCOPES).await;

    let current = get(&s.app, &token, &format!("DocumentReference/{id}/_history/2")).await;
    assert_eq!(current.status, 200);
    let current = current.json();
    assert_eq!(
        (current["status"].as_str(), current["meta"]["versionId"].as_str()),
        (Some("current"), Some("2"))
    );
    let older = get(&s.app, &token, &format!("DocumentReference/{id}/_history/1")).await;
    assert_eq!(older.status, 200);
    let older = older.json();
    assert_eq!(older["id"], id.as_str());
    assert_eq!(
        (older["status"].as_str(), older["meta"]["versionId"].as_str()),
        (Some("superseded"), Some("1"))
    );
    assert_eq!(older["content"][0]["attachment"]["size"], PDF.len());
    let url = older["content"][0]["attachment"]["url"].as_str().unwrap().to_owned();
    assert!(url.ends_with(&format!("/fhir/R4/Binary/{id}/_history/1")), "{url}");
    let path = url.split_once("/fhir/R4/").unwrap().1.to_owned();
    let bytes = fhir_get(&s.app, Some(&token), &path, "application/pdf").await;
    assert_eq!(bytes.status, 200);
    assert_eq!(bytes.bytes, PDF, "the first version's own content");
    let newest = fhir_get(&s.app, Some(&token), &format!("Binary/{id}"), "application/pdf").await;
    assert_eq!(newest.bytes, second);
    let as_resource = get(&s.app, &token, &path).await.json();
    assert_eq!(as_resource["resourceType"], "Binary");
    let (summary, out) = validate_fhir(&[older.clone(), as_resource]);
    assert!(summary["types"].as_array().unwrap().contains(&json!("DocumentReference")), "{out}");

    // ITI-67: older versions when the search asks for them (and only then).
    let search = |status: &str| format!("DocumentReference?patient={}{status}", s.patient_id);
    let versions_of = |bundle: &Value| -> Vec<(String, String)> {
        bundle["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let r = &e["resource"];
                (
                    r["status"].as_str().unwrap().into(),
                    r["meta"]["versionId"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    let superseded = get(&s.app, &token, &search("&status=superseded")).await.json();
    assert_eq!(versions_of(&superseded), [("superseded".into(), "1".into())]);
    assert_eq!(superseded["entry"][0]["resource"], older, "the search gives what vread gives");
    let both = get(&s.app, &token, &search("&status=current,superseded&_count=1")).await.json();
    assert_eq!(both["total"], 2);
    assert_eq!(versions_of(&both), [("current".into(), "2".into())], "newest version first");
    let next = both["link"].as_array().unwrap().iter().find(|l| l["relation"] == "next").unwrap();
    let next = next["url"].as_str().unwrap().split_once("/fhir/R4/").unwrap().1.to_owned();
    let rest = get(&s.app, &token, &next).await.json();
    assert_eq!(versions_of(&rest), [("superseded".into(), "1".into())]);
    let plain = get(&s.app, &token, &search("")).await.json();
    assert_eq!(versions_of(&plain), [("current".into(), "2".into())]);

    for missing in [
        format!("DocumentReference/{id}/_history/3"),
        format!("DocumentReference/{id}/_history/0"),
        format!("DocumentReference/{id}/_history/one"),
        format!("Binary/{id}/_history/3"),
        format!("DocumentReference/{}/_history/1", uuid::Uuid::new_v4()),
        format!("Binary/{}/_history/1", uuid::Uuid::new_v4()),
    ] {
        let answer = get(&s.app, &token, &missing).await;
        assert_eq!((answer.status, answer.code()), (404, "not_found".to_owned()), "{missing}");
    }
    // Reading an older version is a read of the document: audited, naming the software.
    let reads = s.app.audit("document_read").await;
    let last: Value = serde_json::from_str(&reads.last().unwrap().detail).unwrap();
    assert_eq!(last["via"]["name"], "MediPrax", "{last}");
}
