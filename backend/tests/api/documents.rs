//! Documents through HTTP: filing within the matrix and a live relation, listing and reading
//! within the rules, restrictions and blocks hiding documents exactly like missing ones,
//! malicious uploads refused; each act audited with its rule.

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::Browser;
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_linked_physician_files_a_pdf_that_the_patient_and_a_linked_nurse_read,
    without_a_relation_or_right_a_record_looks_like_none,
    a_restriction_and_a_block_hide_documents_like_missing_ones,
    malicious_uploads_are_refused_and_leave_nothing,
);

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

struct Scene {
    app: TestApp,
    patient: Browser,
    patient_id: String,
    doctor: Browser,
    doctor_id: String,
    nurse: Browser,
    nurse_id: String,
    pharmacist: Browser,
}

async fn professional(
    app: &TestApp,
    agent: &mut Browser,
    licence: &str,
    profession: &str,
    seed: u8,
) -> (Browser, String) {
    let (id, code) = app.create_professional(agent, licence, profession).await;
    let mut browser = Browser::default();
    assert_eq!(app.enrol(&mut browser, &mut SecurityKey::new(seed), &code).await.status, 200);
    (browser, id)
}

async fn link(app: &TestApp, patient: &mut Browser, professional: &mut Browser) {
    let code = app.send(patient, "/api/me/connection-code", &json!({})).await.body["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let opened = app
        .send(
            professional,
            "/api/professional/consultations",
            &json!({"national_id": "1893120105732", "connection_code": code}),
        )
        .await;
    assert_eq!(opened.status, 200, "{:?}", opened.body);
}

async fn scene(engine: Engine) -> Scene {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient_id = app.create_patient(&mut agent, "1893120105732", "fr").await;
    let code = app.letter_code(&agent, &patient_id).await;
    let mut patient = Browser::default();
    assert_eq!(
        app.activate(&mut patient, &mut Passkey::new(), "1893120105732", &code).await.status,
        200
    );
    let (mut doctor, doctor_id) = professional(&app, &mut agent, "M-1", "MED", 41).await;
    let (mut nurse, nurse_id) = professional(&app, &mut agent, "I-1", "INF", 42).await;
    let (pharmacist, _) = professional(&app, &mut agent, "P-1", "PHA", 43).await;
    link(&app, &mut patient, &mut doctor).await;
    link(&app, &mut patient, &mut nurse).await;
    Scene { app, patient, patient_id, doctor, doctor_id, nurse, nurse_id, pharmacist }
}

async fn upload(
    app: &TestApp,
    who: &Browser,
    patient_id: &str,
    category: &str,
    content_type: &str,
    body: Vec<u8>,
) -> (u16, Value) {
    let response = app
        .request(who, Method::POST, &format!("/api/records/{patient_id}/documents"))
        .query(&[
            ("category", category),
            ("title", "Compte rendu"),
            ("clinical_date", "2026-11-20"),
            ("file_name", "../../etc/cr.pdf"),
        ])
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn a_linked_physician_files_a_pdf_that_the_patient_and_a_linked_nurse_read(engine: Engine) {
    let s = scene(engine).await;
    let (status, doc) =
        upload(&s.app, &s.doctor, &s.patient_id, "summaries", "application/pdf", PDF.to_vec())
            .await;
    assert_eq!(status, 200, "{doc}");
    assert_eq!(doc["format"], "pdf");
    assert_eq!(doc["size"], PDF.len());
    let id = doc["id"].as_str().unwrap().to_owned();
    let filed = s.app.audit("document_filed").await;
    assert_eq!(filed.last().unwrap().outcome, "success");
    assert!(
        filed.last().unwrap().detail.contains("link_consultation"),
        "{}",
        filed.last().unwrap().detail
    );

    let listed = s.app.get_as(&s.nurse, &format!("/api/records/{}/documents", s.patient_id)).await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1, "{:?}", listed.body);
    let response = s
        .app
        .request(&s.nurse, Method::GET, &format!("/api/documents/{id}/content"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    assert!(response.headers()["content-security-policy"].to_str().unwrap().starts_with("sandbox"));
    let disposition = response.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(disposition.starts_with("attachment") && !disposition.contains(".."), "{disposition}");
    assert_eq!(response.bytes().await.unwrap().as_ref(), PDF);
    let own = s.app.get_as(&s.patient, "/api/me/documents").await;
    assert_eq!(own.body[0]["id"], id.as_str());
    assert_eq!(own.body[0]["restriction"]["mode"], "none");
    let reads = s.app.audit("document_read").await;
    assert_eq!(reads.last().unwrap().outcome, "success");
    assert_eq!(reads.last().unwrap().patient_id.unwrap().to_string(), s.patient_id);
}

async fn without_a_relation_or_right_a_record_looks_like_none(engine: Engine) {
    let s = scene(engine).await;
    // The pharmacist has no link; the matrix does not let a pharmacist write summaries either.
    let missing_record = uuid::Uuid::new_v4().to_string();
    let (unrelated, body) = upload(
        &s.app,
        &s.pharmacist,
        &s.patient_id,
        "prescriptions",
        "application/pdf",
        PDF.to_vec(),
    )
    .await;
    let (nowhere, body_nowhere) = upload(
        &s.app,
        &s.pharmacist,
        &missing_record,
        "prescriptions",
        "application/pdf",
        PDF.to_vec(),
    )
    .await;
    assert_eq!((unrelated, &body["code"]), (nowhere, &body_nowhere["code"]));
    assert_eq!(unrelated, 404);
    let (forbidden, _) = upload(
        &s.app,
        &s.nurse,
        &s.patient_id,
        "medication-dispensation",
        "application/pdf",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(forbidden, 404, "a nurse may not write medication dispensation");
    let list =
        s.app.get_as(&s.pharmacist, &format!("/api/records/{}/documents", s.patient_id)).await;
    let list_nowhere =
        s.app.get_as(&s.pharmacist, &format!("/api/records/{missing_record}/documents")).await;
    assert_eq!(
        (list.status, list.body["code"].clone()),
        (list_nowhere.status, list_nowhere.body["code"].clone())
    );
    assert_eq!(list.status, 404);
    let denied = s.app.audit("record_opened").await;
    assert!(denied.iter().any(|e| e.outcome == "failure" && e.detail.contains("no_care_relation")));
    assert_eq!(
        s.app
            .get_as(&Browser::default(), &format!("/api/records/{}/documents", s.patient_id))
            .await
            .status,
        401
    );
}

async fn a_restriction_and_a_block_hide_documents_like_missing_ones(engine: Engine) {
    let mut s = scene(engine).await;
    let (_, doc) =
        upload(&s.app, &s.doctor, &s.patient_id, "summaries", "application/pdf", PDF.to_vec())
            .await;
    let id = doc["id"].as_str().unwrap().to_owned();
    let restricted = s
        .app
        .request(&s.patient, Method::PUT, &format!("/api/me/documents/{id}/restriction"))
        .json(&json!({"mode": "hidden_from", "professionals": [s.nurse_id]}))
        .send()
        .await
        .unwrap();
    assert_eq!(restricted.status(), 200);
    let listed = s.app.get_as(&s.nurse, &format!("/api/records/{}/documents", s.patient_id)).await;
    assert_eq!(listed.body.as_array().unwrap().len(), 0, "not in the list, not in the count");
    let hidden = s
        .app
        .request(&s.nurse, Method::GET, &format!("/api/documents/{id}/content"))
        .send()
        .await
        .unwrap();
    let hidden_status = hidden.status();
    let hidden_body: Value = hidden.json().await.unwrap();
    let missing = s
        .app
        .request(&s.nurse, Method::GET, &format!("/api/documents/{}/content", uuid::Uuid::new_v4()))
        .send()
        .await
        .unwrap();
    let missing_status = missing.status();
    let missing_body: Value = missing.json().await.unwrap();
    assert_eq!((hidden_status, &hidden_body["code"]), (missing_status, &missing_body["code"]));
    assert_eq!(hidden_status, 404);
    // Its author still sees it.
    assert_eq!(
        s.app
            .get_as(&s.doctor, &format!("/api/records/{}/documents", s.patient_id))
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // A block hides the whole record from the author too.
    let blocked = s
        .app
        .request(&s.patient, Method::PUT, &format!("/api/me/blocks/{}", s.doctor_id))
        .send()
        .await
        .unwrap();
    assert_eq!(blocked.status(), 204);
    assert_eq!(
        s.app.get_as(&s.doctor, &format!("/api/records/{}/documents", s.patient_id)).await.status,
        404
    );
    let read = s
        .app
        .request(&s.doctor, Method::GET, &format!("/api/documents/{id}/content"))
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), 404);
    let denials = s.app.audit("document_read").await;
    assert!(denials.iter().any(|e| e.outcome == "failure" && e.detail.contains("restricted")));
    assert!(denials.iter().any(|e| e.outcome == "failure" && e.detail.contains("blocked")));
    assert_eq!(s.app.audit("document_restricted").await.len(), 1);
    let _ = &mut s.patient;
}

async fn malicious_uploads_are_refused_and_leave_nothing(engine: Engine) {
    let s = scene(engine).await;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("application/pdf", b"MZ\x90\x00 this is a windows executable".to_vec()),
        ("image/png", PDF.to_vec()),
        (
            "application/xml",
            b"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ClinicalDocument xmlns=\"urn:hl7-org:v3\">&e;</ClinicalDocument>".to_vec(),
        ),
        (
            "application/xml",
            b"<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><ClinicalDocument xmlns=\"urn:hl7-org:v3\">&b;</ClinicalDocument>".to_vec(),
        ),
        ("application/fhir+json", format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes()),
        (
            "application/fhir+json",
            json!({"resourceType": "DocumentReference", "status": "current", "subject": {"reference": "Patient/someone-else"}}).to_string().into_bytes(),
        ),
        ("application/pdf", vec![b'%'; 21 * 1024 * 1024]),
        ("text/html", b"<script>alert(1)</script>".to_vec()),
    ];
    for (content_type, body) in cases {
        let (status, answer) =
            upload(&s.app, &s.doctor, &s.patient_id, "summaries", content_type, body).await;
        assert_eq!(status, 422, "{content_type}: {answer}");
        assert_eq!(answer["code"], "document_rejected");
    }
    assert_eq!(
        s.app.get_as(&s.patient, "/api/me/documents").await.body.as_array().unwrap().len(),
        0,
        "nothing visible"
    );
    let content_dir = s.app.state.config.data_dir.join("content");
    let stored =
        walk(&content_dir).into_iter().filter(|p| !p.to_string_lossy().contains("/tmp/")).count();
    assert_eq!(stored, 0, "no stored content");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() { out.extend(walk(&path)) } else { out.push(path) }
        }
    }
    out
}
