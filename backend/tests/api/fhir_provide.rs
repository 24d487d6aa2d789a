//! ITI-65 Provide Document Bundle (`POST /fhir/R4`) as practice software sends it: documents
//! filed all or nothing, within the portal's rules and content checks, audited with the
//! software named; refusals as OperationOutcomes with stable codes.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use sha2::Digest as _;

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::Browser;
use crate::common::{Engine, Options, TestApp};
use crate::on_both_databases;

on_both_databases!(
    two_documents_are_filed_at_once_and_seen_in_the_portal_and_the_history,
    a_bundle_with_one_bad_document_files_nothing,
    a_replacing_document_reference_files_version_two,
    a_missing_token_or_a_scope_without_create_is_refused,
    another_organisation_without_a_relation_answers_like_a_missing_patient,
    hostile_bundles_are_refused_with_their_codes_and_file_nothing,
    large_bundles_at_once_wait_for_the_instances_memory_budget,
    the_transaction_response_and_a_refusal_are_valid_fhir_r4,
);

const NATIONAL_ID: &str = "1893120105732";
const LIST_TYPES: &str = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes";
const CATEGORIES: &str = "https://dsp.lu/fhir/CodeSystem/category";

fn pdf(mark: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n% {mark}\n%%EOF\n"
    )
    .into_bytes()
}

fn b64(bytes: &[u8]) -> String {
    data_encoding::BASE64.encode(bytes)
}

struct Scene {
    app: TestApp,
    patient: Browser,
    patient_id: String,
    doctor: Browser,
    /// A token with `user/DocumentReference.crs`.
    token: String,
    agent: Browser,
}

async fn professional(
    app: &TestApp,
    agent: &mut Browser,
    licence: &str,
    organisation: Option<&str>,
    seed: u8,
) -> (Browser, String) {
    let (id, code) = match organisation {
        Some(org) => app.create_professional_in(agent, licence, "MED", org).await,
        None => app.create_professional(agent, licence, "MED").await,
    };
    let mut browser = Browser::default();
    let mut key = SecurityKey::new(seed);
    assert_eq!(app.enrol(&mut browser, &mut key, &code).await.status, 200);
    (browser, id)
}

/// A registered software client and a grant of `scopes` by the professional `id` (bound to
/// their security key); the access token.
async fn token_for(app: &TestApp, professional_id: &str, scopes: &str) -> String {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let professional_id: uuid::Uuid = professional_id.parse().unwrap();
    let credential = dsp::entity::credential::Entity::find()
        .filter(dsp::entity::credential::Column::SubjectId.eq(professional_id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let client_id = format!("his-{}", uuid::Uuid::new_v4().simple());
    let organisation: uuid::Uuid = app.create_organisation("Editeur HIS").await.parse().unwrap();
    dsp::entity::oauth_client::ActiveModel {
        client_id: Set(client_id.clone()),
        organisation_id: Set(organisation),
        name: Set("HIS Kirchberg".into()),
        redirect_uris: Set("https://his.example/cb".into()),
        allowed_scopes: Set(scopes.into()),
        secret_hash: Set(None),
        created_at: Set(app.clock.now()),
        disabled_at: Set(None),
    }
    .insert(&app.db)
    .await
    .unwrap();
    dsp::oauth::create_grant(
        &app.db,
        &client_id,
        professional_id,
        &credential.id,
        &dsp::oauth::ScopeSet::parse(scopes),
        app.clock.now(),
    )
    .await
    .unwrap()
    .access_token
}

async fn scene(engine: Engine) -> Scene {
    scene_with(engine, Options::default()).await
}

async fn scene_with(engine: Engine, options: Options) -> Scene {
    let app = TestApp::spawn_with(engine, options).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient_id = app.create_patient(&mut agent, NATIONAL_ID, "fr").await;
    let code = app.letter_code(&agent, &patient_id).await;
    let mut patient = Browser::default();
    assert_eq!(
        app.activate(&mut patient, &mut Passkey::new(), NATIONAL_ID, &code).await.status,
        200
    );
    let (mut doctor, doctor_id) = professional(&app, &mut agent, "M-1", None, 41).await;
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
    let token = token_for(&app, &doctor_id, "user/DocumentReference.crs user/Binary.r").await;
    Scene { app, patient, patient_id, doctor, token, agent }
}

/// A SubmissionSet for the patient `subject` and the given DocumentReferences and Binaries.
fn bundle(subject: &Value, resources: Vec<(String, Value)>) -> Value {
    let mut entries = vec![json!({
        "fullUrl": "urn:uuid:5b0c1a8e-0000-4000-8000-000000000001",
        "resource": {
            "resourceType": "List", "status": "current", "mode": "working",
            "code": {"coding": [{"system": LIST_TYPES, "code": "submissionset"}]},
            "subject": subject,
            "entry": resources.iter()
                .filter(|(_, r)| r["resourceType"] == "DocumentReference")
                .map(|(url, _)| json!({"item": {"reference": url}}))
                .collect::<Vec<_>>(),
        },
        "request": {"method": "POST", "url": "List"},
    })];
    for (url, resource) in resources {
        let kind = resource["resourceType"].as_str().unwrap().to_owned();
        entries.push(json!({"fullUrl": url, "resource": resource,
                            "request": {"method": "POST", "url": kind}}));
    }
    json!({"resourceType": "Bundle", "type": "transaction", "entry": entries})
}

fn patient_ref(id: &str) -> Value {
    json!({"reference": format!("Patient/{id}")})
}

/// A DocumentReference whose content is the Binary `binary_url`, or inline `data`.
fn document_reference(subject: &Value, title: &str, content: Value, category: Value) -> Value {
    let base = json!({
        "resourceType": "DocumentReference", "status": "current",
        "subject": subject,
        "description": title,
        "context": {"period": {"start": "2026-11-30"}},
        "content": [{"attachment": content}],
    });
    let mut map = base.as_object().unwrap().clone();
    map.extend(category.as_object().unwrap().clone());
    Value::Object(map)
}

fn summaries() -> Value {
    json!({"category": [{"coding": [{"system": CATEGORIES, "code": "summaries"}]}]})
}

/// Two documents: a PDF through a Binary (DSP category), a PDF inline (LOINC consult note).
/// The base64 SHA-1 of `bytes`, as FHIR R4's `Attachment.hash`.
fn sha1_of(bytes: &[u8]) -> String {
    b64(&sha1::Sha1::digest(bytes))
}

fn two_documents(subject: &Value, second: &[u8], second_type: &str) -> Value {
    let first = document_reference(
        subject,
        "Lettre de sortie",
        json!({"contentType": "application/pdf", "url": "urn:uuid:5b0c1a8e-0000-4000-8000-000000000003",
               "title": "sortie.pdf", "hash": sha1_of(&pdf("first"))}),
        summaries(),
    );
    let binary = json!({"resourceType": "Binary", "contentType": "application/pdf",
                        "data": b64(&pdf("first"))});
    let second = document_reference(
        subject,
        "Avis de consultation",
        // SHA-256 (allowed beside R4's SHA-1).
        json!({"contentType": second_type, "data": b64(second), "hash": b64(&sha2::Sha256::digest(second))}),
        json!({"type": {"coding": [{"system": "http://loinc.org", "code": "11488-4"}]}}),
    );
    bundle(
        subject,
        vec![
            ("urn:uuid:5b0c1a8e-0000-4000-8000-000000000002".into(), first),
            ("urn:uuid:5b0c1a8e-0000-4000-8000-000000000003".into(), binary),
            ("urn:uuid:5b0c1a8e-0000-4000-8000-000000000004".into(), second),
        ],
    )
}

/// Posts a Bundle with `token`: the status, the `WWW-Authenticate` header, the answer.
async fn provide(app: &TestApp, token: Option<&str>, body: String) -> (u16, String, Value) {
    let mut request =
        app.client.post(app.url("/fhir/R4")).header("content-type", "application/fhir+json");
    if let Some(token) = token {
        request = request.header("authorization", format!("Bearer {token}"));
    }
    let response = request.body(body).send().await.unwrap();
    let status = response.status().as_u16();
    let challenge = response
        .headers()
        .get("www-authenticate")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, challenge, response.json().await.unwrap_or(Value::Null))
}

/// The stable code of an OperationOutcome.
fn code(outcome: &Value) -> &str {
    assert_eq!(outcome["resourceType"], "OperationOutcome", "{outcome}");
    outcome["issue"][0]["details"]["coding"][0]["code"].as_str().unwrap()
}

async fn documents_stored(app: &TestApp) -> (u64, u64) {
    (
        dsp::entity::document::Entity::find().count(&app.db).await.unwrap(),
        dsp::entity::document_version::Entity::find().count(&app.db).await.unwrap(),
    )
}

async fn two_documents_are_filed_at_once_and_seen_in_the_portal_and_the_history(engine: Engine) {
    let s = scene(engine).await;
    let subject = patient_ref(&s.patient_id);
    let body = two_documents(&subject, &pdf("second"), "application/pdf").to_string();
    let (status, _, answer) = provide(&s.app, Some(&s.token), body).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["type"], "transaction-response");
    let entries = answer["entry"].as_array().unwrap();
    assert_eq!(entries.len(), 4);
    assert!(entries.iter().all(|e| e["response"]["status"] == "201 Created"), "{answer}");
    let location = |i: usize| entries[i]["response"]["location"].as_str().unwrap().to_owned();
    let first = location(1);
    assert!(first.starts_with("DocumentReference/") && first.ends_with("/_history/1"), "{first}");
    let first_id = first.split('/').nth(1).unwrap();
    assert_eq!(location(2), format!("Binary/{first_id}"));
    assert!(location(3).ends_with("/_history/1"));

    // The portal's list, as the professional.
    let listed = s.app.get_as(&s.doctor, &format!("/api/records/{}/documents", s.patient_id)).await;
    let listed = listed.body.as_array().unwrap().clone();
    assert_eq!(listed.len(), 2, "{listed:?}");
    let by_title = |t: &str| listed.iter().find(|d| d["title"] == t).unwrap().clone();
    assert_eq!(by_title("Lettre de sortie")["category"], "summaries");
    assert_eq!(by_title("Lettre de sortie")["id"], first_id);
    assert_eq!(by_title("Avis de consultation")["category"], "care-reports");
    assert_eq!(by_title("Avis de consultation")["format"], "pdf");

    // Audited per document, in the act, with the software named.
    let filed = s.app.audit("document_filed").await;
    assert_eq!(filed.len(), 2);
    for entry in &filed {
        assert_eq!(entry.outcome, "success");
        assert_eq!(entry.patient_id.unwrap().to_string(), s.patient_id);
        assert!(entry.detail.contains("HIS Kirchberg"), "{}", entry.detail);
    }
    // The patient's history shows both filings.
    let history = s.app.get_as(&s.patient, "/api/me/history?action=document_filed").await;
    let text = history.body.to_string();
    assert_eq!(history.status, 200, "{text}");
    assert_eq!(
        history.body["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "document_filed")
            .count(),
        2,
        "{text}"
    );
}

async fn a_bundle_with_one_bad_document_files_nothing(engine: Engine) {
    let s = scene(engine).await;
    let subject = patient_ref(&s.patient_id);
    // The second document is a FHIR resource about another patient.
    let other = json!({
        "resourceType": "Observation", "status": "final", "code": {"text": "HbA1c"},
        "subject": {"reference": format!("Patient/{}", uuid::Uuid::new_v4())},
    })
    .to_string();
    let body = two_documents(&subject, other.as_bytes(), "application/fhir+json").to_string();
    let (status, _, answer) = provide(&s.app, Some(&s.token), body).await;
    assert_eq!((status, code(&answer)), (422, "document_wrong_patient"), "{answer}");
    assert_eq!(documents_stored(&s.app).await, (0, 0), "all or nothing");
    let filed = s.app.audit("document_filed").await;
    assert_eq!(filed.len(), 1, "only the refused document is audited");
    assert_eq!(filed[0].outcome, "failure");
    assert!(filed[0].detail.contains("fhir_wrong_patient"), "{}", filed[0].detail);
    // A declared type the content is not: refused too, nothing filed.
    let body = two_documents(&subject, &pdf("x"), "image/png").to_string();
    let (status, _, answer) = provide(&s.app, Some(&s.token), body).await;
    assert_eq!((status, code(&answer)), (422, "document_rejected"), "{answer}");
    assert_eq!(documents_stored(&s.app).await, (0, 0));
}

async fn a_replacing_document_reference_files_version_two(engine: Engine) {
    let s = scene(engine).await;
    let subject = patient_ref(&s.patient_id);
    let body = two_documents(&subject, &pdf("second"), "application/pdf").to_string();
    let (status, _, answer) = provide(&s.app, Some(&s.token), body).await;
    assert_eq!(status, 200, "{answer}");
    let location = answer["entry"][1]["response"]["location"].as_str().unwrap();
    let id = location.split('/').nth(1).unwrap().to_owned();
    let mut replacing = document_reference(
        &subject,
        "Lettre de sortie (corrigée)",
        json!({"contentType": "application/pdf", "data": b64(&pdf("corrected"))}),
        summaries(),
    );
    replacing["relatesTo"] =
        json!([{"code": "replaces", "target": {"reference": format!("DocumentReference/{id}")}}]);
    let body = bundle(
        &subject,
        vec![("urn:uuid:5b0c1a8e-0000-4000-8000-000000000009".into(), replacing.clone())],
    );
    let (status, _, answer) = provide(&s.app, Some(&s.token), body.to_string()).await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(
        answer["entry"][1]["response"]["location"],
        format!("DocumentReference/{id}/_history/2")
    );
    assert_eq!(documents_stored(&s.app).await, (2, 3));
    let versions = s.app.get_as(&s.doctor, &format!("/api/documents/{id}/versions")).await;
    assert_eq!(versions.body.as_array().unwrap().len(), 2, "{:?}", versions.body);
    assert_eq!(s.app.audit("document_version_filed").await.len(), 1);

    // A target that does not exist answers like a missing record.
    replacing["relatesTo"][0]["target"]["reference"] =
        json!(format!("DocumentReference/{}", uuid::Uuid::new_v4()));
    let body =
        bundle(&subject, vec![("urn:uuid:5b0c1a8e-0000-4000-8000-00000000000a".into(), replacing)]);
    let (status, _, answer) = provide(&s.app, Some(&s.token), body.to_string()).await;
    assert_eq!((status, code(&answer)), (404, "not_found"));
    assert_eq!(documents_stored(&s.app).await, (2, 3));
}

async fn a_missing_token_or_a_scope_without_create_is_refused(engine: Engine) {
    let s = scene(engine).await;
    let subject = patient_ref(&s.patient_id);
    let body = two_documents(&subject, &pdf("second"), "application/pdf").to_string();
    let (status, challenge, answer) = provide(&s.app, None, body.clone()).await;
    assert_eq!((status, code(&answer)), (401, "invalid_token"));
    assert!(challenge.contains("invalid_token"), "{challenge}");
    let (status, _, answer) = provide(&s.app, Some("not-a-token"), body.clone()).await;
    assert_eq!((status, code(&answer)), (401, "invalid_token"));
    let professional = dsp::entity::professional::Entity::find()
        .filter(dsp::entity::professional::Column::LicenceNumber.eq("M-1"))
        .one(&s.app.db)
        .await
        .unwrap()
        .unwrap();
    let reader = token_for(&s.app, &professional.id.to_string(), "user/DocumentReference.rs").await;
    let (status, _, answer) = provide(&s.app, Some(&reader), body).await;
    assert_eq!((status, code(&answer)), (403, "insufficient_scope"));
    assert_eq!(documents_stored(&s.app).await, (0, 0));
}

async fn another_organisation_without_a_relation_answers_like_a_missing_patient(engine: Engine) {
    let mut s = scene(engine).await;
    let elsewhere = s.app.create_organisation("Clinique Ailleurs").await;
    let (_, outsider_id) = professional(&s.app, &mut s.agent, "M-2", Some(&elsewhere), 44).await;
    let outsider = token_for(&s.app, &outsider_id, "user/DocumentReference.crs").await;
    let real = patient_ref(&s.patient_id);
    let body = two_documents(&real, &pdf("second"), "application/pdf").to_string();
    let no_relation = provide(&s.app, Some(&outsider), body).await;
    let missing = patient_ref(&uuid::Uuid::new_v4().to_string());
    let body = two_documents(&missing, &pdf("second"), "application/pdf").to_string();
    let no_patient = provide(&s.app, Some(&outsider), body).await;
    assert_eq!(no_relation.0, 404);
    assert_eq!(code(&no_relation.2), "not_found");
    assert_eq!(no_relation, no_patient, "the same answer");
    // By national ID: the same.
    let by_id = json!({"identifier": {"system": "urn:oid:1.3.182.4.4", "value": NATIONAL_ID}});
    let body = two_documents(&by_id, &pdf("second"), "application/pdf").to_string();
    assert_eq!(provide(&s.app, Some(&outsider), body).await, no_patient);
    assert_eq!(documents_stored(&s.app).await, (0, 0));
    let refused = s.app.audit("document_filed").await;
    assert_eq!(refused.len(), 3);
    assert!(refused.iter().all(|e| e.outcome == "failure"));
}

async fn hostile_bundles_are_refused_with_their_codes_and_file_nothing(engine: Engine) {
    let s = scene(engine).await;
    let subject = patient_ref(&s.patient_id);
    let good = two_documents(&subject, &pdf("second"), "application/pdf");
    let mut cases: Vec<(String, u16, &str)> = Vec::new();

    let mut huge = good.clone();
    huge["entry"][1]["resource"]["content"][0]["attachment"]["size"] = json!(1_000_000_000_000u64);
    cases.push((huge.to_string(), 413, "payload_too_large"));

    let mut bad_base64 = good.clone();
    bad_base64["entry"][2]["resource"]["data"] = json!("JVBERi0x$$$");
    cases.push((bad_base64.to_string(), 400, "fhir_base64_invalid"));

    let mut changed = good.clone();
    changed["entry"][1]["resource"]["content"][0]["attachment"]["hash"] = json!(sha1_of(&pdf("x")));
    cases.push((changed.to_string(), 422, "fhir_hash_mismatch"));
    let mut changed = good.clone();
    changed["entry"][3]["resource"]["content"][0]["attachment"]["hash"] = json!(sha1_of(b"other"));
    cases.push((changed.to_string(), 422, "fhir_hash_mismatch"));
    let mut not_a_hash = good.clone();
    not_a_hash["entry"][1]["resource"]["content"][0]["attachment"]["hash"] = json!("AAAA");
    cases.push((not_a_hash.to_string(), 400, "fhir_bundle_invalid"));

    // The SubmissionSet lists something not in the Bundle, or leaves a document out.
    let mut stray = good.clone();
    stray["entry"][0]["resource"]["entry"][1]["item"]["reference"] =
        json!("urn:uuid:5b0c1a8e-0000-4000-8000-0000000000ff");
    cases.push((stray.to_string(), 400, "fhir_bundle_invalid"));
    let mut left_out = good.clone();
    left_out["entry"][0]["resource"]["entry"].as_array_mut().unwrap().pop();
    cases.push((left_out.to_string(), 400, "fhir_bundle_invalid"));

    let mut batch = good.clone();
    batch["type"] = json!("batch");
    cases.push((batch.to_string(), 400, "fhir_bundle_not_transaction"));

    let mut no_binary = good.clone();
    no_binary["entry"].as_array_mut().unwrap().remove(2);
    cases.push((no_binary.to_string(), 400, "fhir_bundle_invalid"));

    let mut mismatch = good.clone();
    mismatch["entry"][3]["resource"]["subject"] = patient_ref(&uuid::Uuid::new_v4().to_string());
    cases.push((mismatch.to_string(), 422, "fhir_patient_mismatch"));

    let mut no_category = good.clone();
    no_category["entry"][1]["resource"]["category"] = json!([]);
    cases.push((no_category.to_string(), 422, "fhir_category_unknown"));

    let nested = format!(
        r#"{{"resourceType":"Bundle","type":"transaction","meta":{}1{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    // serde_json skips an unknown member without recursing: no stack to exhaust; the Bundle
    // then lacks its SubmissionSet.
    cases.push((nested, 400, "fhir_bundle_invalid"));
    let nested = format!(
        r#"{{"resourceType":"Bundle","type":"transaction","entry":[{{"resource":{}1{}}}]}}"#,
        "{\"a\":".repeat(100_000),
        "}".repeat(100_000)
    );
    cases.push((nested, 400, "fhir_bundle_invalid"));
    cases.push(("{\"resourceType\":\"Bundle\"".into(), 400, "malformed_json"));

    for (body, want_status, want_code) in cases {
        let (status, _, answer) = provide(&s.app, Some(&s.token), body).await;
        assert_eq!((status, code(&answer)), (want_status, want_code), "{answer}");
    }
    // Not FHIR JSON at all.
    let response = s
        .app
        .client
        .post(s.app.url("/fhir/R4"))
        .header("authorization", format!("Bearer {}", s.token))
        .header("content-type", "text/plain")
        .body(good.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    // A body declared above the cap (64 MiB) is refused from its length, before it is read:
    // the headers alone get the answer.
    let address = s.app.url("").trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
    let head = format!(
        "POST /fhir/R4 HTTP/1.1\r\nhost: {address}\r\nauthorization: Bearer {}\r\ncontent-type: application/fhir+json\r\ncontent-length: {}\r\n\r\n",
        s.token,
        64 * 1024 * 1024 + 1
    );
    tokio::io::AsyncWriteExt::write_all(&mut stream, head.as_bytes()).await.unwrap();
    let mut answer = vec![0u8; 4096];
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        tokio::io::AsyncReadExt::read(&mut stream, &mut answer),
    )
    .await
    .expect("answered without the body")
    .unwrap();
    let answer = String::from_utf8_lossy(&answer[..read]);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("payload_too_large"), "{answer}");
    assert_eq!(documents_stored(&s.app).await, (0, 0));
}

async fn the_transaction_response_and_a_refusal_are_valid_fhir_r4(engine: Engine) {
    let s = scene(engine).await;
    let subject = patient_ref(&s.patient_id);
    let good = two_documents(&subject, &pdf("second"), "application/pdf");
    let (status, _, filed) = provide(&s.app, Some(&s.token), good.to_string()).await;
    assert_eq!(status, 200, "{filed}");
    let mut batch = good;
    batch["type"] = json!("batch");
    let (status, _, refused) = provide(&s.app, Some(&s.token), batch.to_string()).await;
    assert_eq!(status, 400);
    // The independent validator of the read side's tests (tools/fhir-validate, scripts/setup).
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tools")
        .join("fhir-validate");
    let python = root.join(".venv").join("bin").join("python");
    assert!(python.exists(), "the FHIR validator is not installed: run scripts/setup");
    let directory = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, answer) in [filed, refused].iter().enumerate() {
        let path = directory.path().join(format!("{i}.json"));
        std::fs::write(&path, answer.to_string()).unwrap();
        files.push(path);
    }
    let output = std::process::Command::new(python)
        .arg(root.join("validate.py"))
        .args(&files)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    let summary: Value = serde_json::from_str(stdout.lines().last().unwrap()).unwrap();
    assert_eq!(summary["ok"], true, "{stdout}");
    let types = summary["types"].to_string();
    assert!(types.contains("Bundle") && types.contains("OperationOutcome"), "{types}");
}

/// Bundles are held whole while checked: with a budget of 1 MiB, a client stalled in the middle
/// of a 700 kB bundle leaves no room for another of 500 kB (503, `Retry-After`, nothing read),
/// while a small one still passes; when the stalled client goes, the room comes back.
async fn large_bundles_at_once_wait_for_the_instances_memory_budget(engine: Engine) {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let vars = vec![("DSP_FHIR_BUNDLE_MEMORY_MB", "1".to_owned())];
    let s = scene_with(engine, Options { vars, ..Options::default() }).await;
    let address = s.app.base.trim_start_matches("http://").to_owned();
    let head = |length: usize| {
        format!(
            "POST /fhir/R4 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {}\r\n\
             Content-Type: application/fhir+json\r\nContent-Length: {length}\r\n\r\n",
            s.token
        )
    };
    let answer = async |stream: &mut tokio::net::TcpStream| {
        let mut bytes = vec![0_u8; 4096];
        let n = tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut bytes))
            .await
            .expect("an answer in time")
            .unwrap();
        String::from_utf8_lossy(&bytes[..n]).into_owned()
    };
    let mut stalled = tokio::net::TcpStream::connect(&address).await.unwrap();
    stalled.write_all(format!("{}{{\"resourceType\":", head(700_000)).as_bytes()).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    let mut second = tokio::net::TcpStream::connect(&address).await.unwrap();
    second.write_all(head(500_000).as_bytes()).await.unwrap();
    let refused = answer(&mut second).await;
    assert!(refused.starts_with("HTTP/1.1 503"), "{refused}");
    assert!(refused.to_ascii_lowercase().contains("retry-after: 5"), "{refused}");
    assert!(refused.contains("OperationOutcome"), "{refused}");

    let subject = patient_ref(&s.patient_id);
    let small = two_documents(&subject, &pdf("second"), "application/pdf").to_string();
    let (status, _, body) = provide(&s.app, Some(&s.token), small).await;
    assert_eq!(status, 200, "a small bundle fits beside the stalled one: {body}");

    drop(stalled);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let mut third = tokio::net::TcpStream::connect(&address).await.unwrap();
    third.write_all(head(500_000).as_bytes()).await.unwrap();
    third.write_all(&vec![b' '; 500_000]).await.unwrap();
    let read = answer(&mut third).await;
    assert!(
        read.starts_with("HTTP/1.1 400"),
        "room again: the body is read (and is no JSON): {read}"
    );
    assert_eq!(documents_stored(&s.app).await, (2, 2));
}
