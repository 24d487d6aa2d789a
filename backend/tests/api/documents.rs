//! Documents through HTTP: filing within the matrix and a live relation, listing and reading
//! within the rules, restrictions and blocks hiding documents exactly like missing ones,
//! malicious uploads refused; each act audited with its rule.

use reqwest::Method;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use shared::api::documents::upload_headers;

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::Browser;
use crate::common::{Engine, TestApp, filed_as};
use crate::on_both_databases;

on_both_databases!(
    a_linked_physician_files_a_pdf_that_the_patient_and_a_linked_nurse_read,
    without_a_relation_or_right_a_record_looks_like_none,
    a_restriction_and_a_block_hide_documents_like_missing_ones,
    a_hidden_document_and_a_missing_one_run_the_same_statements,
    concurrent_reads_are_audited_in_groups_and_the_chain_stays_linear,
    a_read_whose_audit_entry_cannot_be_written_is_refused,
    malicious_uploads_are_refused_and_leave_nothing,
    a_large_upload_refused_before_its_body_is_read_still_gets_the_refusal,
    an_unread_body_is_read_to_its_end_within_bounds,
    emergency_access_reads_for_four_hours_tells_the_patient_and_never_beats_a_block,
    the_first_access_to_a_record_not_yet_activated_is_notified,
    versions_withdrawal_refusal_and_the_personal_space,
    only_the_author_or_a_colleague_of_their_organisation_files_a_new_version,
    upload_metadata_travels_in_headers_never_in_the_query,
    a_document_naming_another_patient_or_carrying_script_is_refused_with_its_own_code,
);

async fn versions_withdrawal_refusal_and_the_personal_space(engine: Engine) {
    let mut s = scene(engine).await;
    let (_, doc) =
        upload(&s.app, &s.doctor, &s.patient_id, "summaries", "application/pdf", PDF.to_vec())
            .await;
    let id = doc["id"].as_str().unwrap().to_owned();
    let second = PDF.iter().chain(b"% v2\n%%EOF\n").copied().collect::<Vec<u8>>();
    let (status, _) = file_version(&s.app, &s.doctor, &id, second.clone()).await;
    assert_eq!(status, 200);
    let versions = s.app.get_as(&s.nurse, &format!("/api/documents/{id}/versions")).await;
    assert_eq!(versions.body.as_array().unwrap().len(), 2, "{:?}", versions.body);
    assert_eq!(versions.body[0]["version"], 2);
    assert_eq!(versions.body[0]["current"], true);
    let v1 = s
        .app
        .request(&s.nurse, Method::GET, &format!("/api/documents/{id}/content?version=1"))
        .send()
        .await
        .unwrap();
    assert_eq!(v1.bytes().await.unwrap().as_ref(), PDF, "older versions stay readable");
    let current = s
        .app
        .request(&s.nurse, Method::GET, &format!("/api/documents/{id}/content"))
        .send()
        .await
        .unwrap();
    assert_eq!(current.bytes().await.unwrap().as_ref(), second.as_slice());

    // Only the author withdraws, with a reason.
    let by_nurse = s
        .app
        .send(
            &mut s.nurse,
            &format!("/api/documents/{id}/withdraw"),
            &json!({"reason": "wrong patient"}),
        )
        .await;
    assert_eq!(by_nurse.status, 404);
    let withdrawn = s
        .app
        .send(
            &mut s.doctor,
            &format!("/api/documents/{id}/withdraw"),
            &json!({"reason": "wrong patient"}),
        )
        .await;
    assert_eq!(withdrawn.status, 200, "{:?}", withdrawn.body);
    assert_eq!(
        s.app
            .get_as(&s.nurse, &format!("/api/records/{}/documents", s.patient_id))
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let withdrawals = s.app.audit("document_withdrawn").await;
    assert_eq!(
        withdrawals.iter().map(|e| e.outcome.as_str()).collect::<Vec<_>>(),
        ["failure", "success"]
    );

    // A refusal at the point of care: nothing filed, the refusal audited.
    let refused = s
        .app
        .send(
            &mut s.doctor,
            &format!("/api/records/{}/refusals", s.patient_id),
            &json!({"category": "care-reports", "title": "Psychiatric report"}),
        )
        .await;
    assert_eq!(refused.status, 204);
    let refusal = s.app.audit("document_refused_by_patient").await;
    assert_eq!(refusal.len(), 1);
    assert_eq!(refusal[0].patient_id.unwrap().to_string(), s.patient_id);
    // The patient still sees the withdrawn document, marked, with the author's reason.
    let own = s.app.get_as(&s.patient, "/api/me/documents").await.body;
    assert_eq!(own.as_array().unwrap().len(), 1, "{own:?}");
    assert_eq!(own[0]["id"], id.as_str());
    assert_eq!(own[0]["withdrawn_reason"], "wrong patient");

    // The personal space: the patient files advance directives; linked professionals read them.
    let own = personal_note(&s.app, &s.patient, "personal-expression")
        .body(PDF.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), 200);
    let elsewhere =
        personal_note(&s.app, &s.patient, "lab-analyses").body(PDF.to_vec()).send().await.unwrap();
    assert_eq!(elsewhere.status(), 404, "the patient writes only in the personal space");
    let seen = s.app.get_as(&s.nurse, &format!("/api/records/{}/documents", s.patient_id)).await;
    assert_eq!(seen.body[0]["title"], "Directives anticipées");
}

/// The acts on one existing document, each of which must answer a hidden document exactly like
/// a missing one.
const DOCUMENT_ACTS: [&str; 4] = ["content", "versions", "new version", "withdraw"];

/// Does `act` on the document `target` as `who`: the status and the error code.
async fn act_on(app: &TestApp, who: &Browser, act: &str, target: &str) -> (u16, String) {
    let request = match act {
        "content" => app.request(who, Method::GET, &format!("/api/documents/{target}/content")),
        "versions" => app.request(who, Method::GET, &format!("/api/documents/{target}/versions")),
        "new version" => version_request(app, who, target, PDF.to_vec()),
        "withdraw" => app
            .request(who, Method::POST, &format!("/api/documents/{target}/withdraw"))
            .json(&json!({"reason": "wrong patient"})),
        other => panic!("no act {other}"),
    };
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    (status, body["code"].as_str().unwrap_or_default().to_owned())
}

/// A new version of the document `id`, as `who` files it.
fn version_request(
    app: &TestApp,
    who: &Browser,
    id: &str,
    body: Vec<u8>,
) -> reqwest::RequestBuilder {
    let request = app.request(who, Method::POST, &format!("/api/documents/{id}/versions"));
    filed_as(request, None, "Compte rendu (corrigé)", "2026-11-21", None)
        .header("content-type", "application/pdf")
        .body(body)
}

/// A note the patient files into their personal space (or tries to file in `category`).
fn personal_note(app: &TestApp, patient: &Browser, category: &str) -> reqwest::RequestBuilder {
    let request = app.request(patient, Method::POST, "/api/me/documents");
    filed_as(request, Some(category), "Directives anticipées", "2026-11-25", None)
        .header("content-type", "application/pdf")
}

/// Files a new version of the document `id` as `who`: the status and the answer.
async fn file_version(app: &TestApp, who: &Browser, id: &str, body: Vec<u8>) -> (u16, Value) {
    let response = version_request(app, who, id, body).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// How many versions of the document `id` are stored.
async fn versions_stored(app: &TestApp, id: &str) -> usize {
    dsp::entity::document_version::Entity::find()
        .filter(
            dsp::entity::document_version::Column::DocumentId.eq(id.parse::<uuid::Uuid>().unwrap()),
        )
        .all(&app.db)
        .await
        .unwrap()
        .len()
}

/// A PDF that differs from [`PDF`] by `mark`.
fn pdf_marked(mark: &str) -> Vec<u8> {
    PDF.iter().copied().chain(format!("% {mark}\n%%EOF\n").into_bytes()).collect()
}

async fn only_the_author_or_a_colleague_of_their_organisation_files_a_new_version(engine: Engine) {
    let mut s = scene(engine).await;
    let (mut agent, _) = s.app.signed_in_agent().await;
    // A linked physician of another organisation: the matrix lets them write care reports too.
    let elsewhere = s.app.create_organisation("Clinique Ailleurs").await;
    let (outsider_id, code) =
        s.app.create_professional_in(&mut agent, "M-2", "MED", &elsewhere).await;
    let mut outsider = Browser::default();
    assert_eq!(s.app.enrol(&mut outsider, &mut SecurityKey::new(45), &code).await.status, 200);
    link(&s.app, &mut s.patient, &mut outsider).await;

    let (status, doc) =
        upload(&s.app, &s.doctor, &s.patient_id, "care-reports", "application/pdf", PDF.to_vec())
            .await;
    assert_eq!(status, 200, "{doc}");
    let id = doc["id"].as_str().unwrap().to_owned();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["version_filed_by_id"], s.doctor_id.as_str());
    // The document remembers the organisation it was filed under: the author's.
    let stored = dsp::entity::document::Entity::find_by_id(id.parse::<uuid::Uuid>().unwrap())
        .one(&s.app.db)
        .await
        .unwrap()
        .unwrap();
    let doctor =
        dsp::entity::professional::Entity::find_by_id(s.doctor_id.parse::<uuid::Uuid>().unwrap())
            .one(&s.app.db)
            .await
            .unwrap()
            .unwrap();
    assert!(doctor.organisation_id.is_some());
    assert_eq!(stored.organisation_id, doctor.organisation_id);

    // The record's list tells each professional what the rules let them do to it: the author
    // replaces and withdraws, a colleague of the organisation only replaces, another
    // organisation's physician does neither.
    for (who, acts) in
        [(&s.doctor, (true, true)), (&s.nurse, (true, false)), (&outsider, (false, false))]
    {
        let list = s.app.get_as(who, &format!("/api/records/{}/documents", s.patient_id)).await;
        assert_eq!(list.status, 200, "{:?}", list.body);
        let listed = &list.body.as_array().unwrap()[0];
        assert_eq!(
            (listed["may_replace"].as_bool(), listed["may_withdraw"].as_bool()),
            (Some(acts.0), Some(acts.1)),
            "{listed}"
        );
    }

    // Another organisation's physician: refused like a missing document, nothing filed.
    let (status, body) = file_version(&s.app, &outsider, &id, pdf_marked("outsider")).await;
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")), "{body}");
    assert_eq!(versions_stored(&s.app, &id).await, 1);
    let refused = s.app.audit("document_version_filed").await;
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].outcome, "failure");
    assert_eq!(refused[0].actor_id.unwrap().to_string(), outsider_id);
    assert!(refused[0].detail.contains("not_author_or_colleague"), "{}", refused[0].detail);

    // A nurse of the author's organisation: her version is filed, and shows her as its filer
    // while the document keeps its author.
    let (status, summary) = file_version(&s.app, &s.nurse, &id, pdf_marked("nurse")).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(summary["author_id"], s.doctor_id.as_str());
    assert_eq!(summary["version"], 2);
    assert_eq!(summary["version_filed_by_id"], s.nurse_id.as_str());
    // The author again.
    let (status, summary) = file_version(&s.app, &s.doctor, &id, pdf_marked("author")).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(summary["version"], 3);
    assert_eq!(summary["version_filed_by_id"], s.doctor_id.as_str());
    let versions = s.app.get_as(&s.patient, &format!("/api/documents/{id}/versions")).await.body;
    let filers: Vec<(u64, &str)> = versions
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["version"].as_u64().unwrap(), v["filed_by_id"].as_str().unwrap()))
        .collect();
    assert_eq!(
        filers,
        [(3, s.doctor_id.as_str()), (2, s.nurse_id.as_str()), (1, s.doctor_id.as_str())]
    );
    let filed = s.app.audit("document_version_filed").await;
    assert_eq!(filed.iter().filter(|e| e.outcome == "success").count(), 2);

    // The patient files no version of a professional's document, only of their own notes; and
    // no professional files a version of the patient's note.
    let (status, _) = file_version(&s.app, &s.patient, &id, pdf_marked("patient")).await;
    assert_eq!(status, 404);
    let note = personal_note(&s.app, &s.patient, "personal-expression")
        .body(PDF.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(note.status(), 200);
    let note: Value = note.json().await.unwrap();
    let note_id = note["id"].as_str().unwrap();
    let (status, _) = file_version(&s.app, &s.doctor, note_id, pdf_marked("doctor")).await;
    assert_eq!(status, 404);
    let (status, summary) = file_version(&s.app, &s.patient, note_id, pdf_marked("own")).await;
    assert_eq!(status, 200, "{summary}");
    assert_eq!(summary["version"], 2);
    assert!(summary["version_filed_by_id"].is_null());
    assert_eq!(summary["category"], "personal-expression");
    let _ = &mut agent;
}

async fn upload_metadata_travels_in_headers_never_in_the_query(engine: Engine) {
    let mut s = scene(engine).await;
    let (_, doc) =
        upload(&s.app, &s.doctor, &s.patient_id, "summaries", "application/pdf", PDF.to_vec())
            .await;
    let id = doc["id"].as_str().unwrap().to_owned();
    // A query string ends up in access logs and browser history: refused with a code of its
    // own, on every upload route, even when the headers are there too.
    let title = "Lettre de sortie — Hôpital d’été";
    let in_query = [("category", "summaries"), ("title", title), ("clinical_date", "2026-11-20")];
    let records = format!("/api/records/{}/documents", s.patient_id);
    let versions = format!("/api/documents/{id}/versions");
    for (who, path) in
        [(&s.doctor, records.as_str()), (&s.patient, "/api/me/documents"), (&s.doctor, &versions)]
    {
        let bare = s.app.request(who, Method::POST, path).query(&in_query);
        let with_headers = filed_as(
            s.app.request(who, Method::POST, path).query(&[("title", title)]),
            Some("personal-expression"),
            title,
            "2026-11-20",
            None,
        );
        for request in [bare, with_headers] {
            let response =
                request.header("content-type", "application/pdf").body(PDF.to_vec()).send();
            let response = response.await.unwrap();
            assert_eq!(response.status(), 400, "{path}");
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["code"], "document_metadata_in_query", "{path}");
        }
    }
    let own = s.app.get_as(&s.patient, "/api/me/documents").await.body;
    assert_eq!(own.as_array().unwrap().len(), 1, "nothing filed: {own:?}");
    assert_eq!(versions_stored(&s.app, &id).await, 1);

    // In the headers, a UTF-8 title and file name arrive as they were written.
    let response = filed_as(
        s.app.request(&s.doctor, Method::POST, &records),
        Some("summaries"),
        title,
        "2026-11-20",
        Some("lettre d’été.pdf"),
    )
    .header("content-type", "application/pdf")
    .body(PDF.to_vec())
    .send()
    .await
    .unwrap();
    assert_eq!(response.status(), 200);
    let filed: Value = response.json().await.unwrap();
    assert_eq!(filed["title"], title);
    assert_eq!(filed["clinical_date"], "2026-11-20");
    let content = s
        .app
        .request(
            &s.doctor,
            Method::GET,
            &format!("/api/documents/{}/content", filed["id"].as_str().unwrap()),
        )
        .send()
        .await
        .unwrap();
    let disposition = content.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(disposition.ends_with("lettre%20d_%C3%A9t%C3%A9.pdf"), "{disposition}");

    // Missing or malformed metadata is an invalid request; a new version keeps its category.
    let attempts = [
        (records.as_str(), None, "2026-11-20", "no category"),
        (records.as_str(), Some("nonsense"), "2026-11-20", "an unknown category"),
        (records.as_str(), Some("summaries"), "20.11.2026", "a date not YYYY-MM-DD"),
        (versions.as_str(), Some("summaries"), "2026-11-21", "a category on a new version"),
    ];
    for (path, category, date, case) in attempts {
        let response =
            filed_as(s.app.request(&s.doctor, Method::POST, path), category, title, date, None)
                .header("content-type", "application/pdf")
                .body(PDF.to_vec())
                .send()
                .await
                .unwrap();
        assert_eq!(response.status(), 422, "{case}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["code"], "invalid_request", "{case}");
    }
    let undecodable = s
        .app
        .request(&s.doctor, Method::POST, &records)
        .header(upload_headers::CATEGORY, "summaries")
        .header(upload_headers::TITLE, "%FF%FE")
        .header(upload_headers::CLINICAL_DATE, "2026-11-20")
        .header("content-type", "application/pdf")
        .body(PDF.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(undecodable.status(), 422, "a title that is not UTF-8");
    let untitled = s
        .app
        .request(&s.doctor, Method::POST, &records)
        .header(upload_headers::CATEGORY, "summaries")
        .header(upload_headers::CLINICAL_DATE, "2026-11-20")
        .header("content-type", "application/pdf")
        .body(PDF.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(untitled.status(), 422, "no title");
    let own = s.app.get_as(&s.patient, "/api/me/documents").await.body;
    assert_eq!(own.as_array().unwrap().len(), 2, "{own:?}");
    let _ = &mut s.patient;
}

async fn a_document_naming_another_patient_or_carrying_script_is_refused_with_its_own_code(
    engine: Engine,
) {
    let s = scene(engine).await;
    let other = "1985010112346";
    let cda = |national_id: &str, narrative: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3"><title>Lettre de sortie</title>
  <recordTarget><patientRole><id root="urn:dsp:national-id" extension="{national_id}"/></patientRole></recordTarget>
  <component><structuredBody><component><section><text>{narrative}</text></section></component></structuredBody></component>
</ClinicalDocument>"#
        )
        .into_bytes()
    };
    let fhir = |extra: Value| {
        let mut resource = json!({
            "resourceType": "Observation", "status": "final",
            "subject": {"identifier": {"system": "urn:dsp:national-id", "value": "1893120105732"}},
        });
        resource.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        resource.to_string().into_bytes()
    };
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("application/xml", cda(other, "x"), "document_wrong_patient", "cda_wrong_patient"),
        ("application/xml", cda("", "x"), "document_wrong_patient", "cda_no_patient"),
        (
            "application/fhir+json",
            fhir(json!({"subject": {"reference": "Patient/someone-else"}})),
            "document_wrong_patient",
            "fhir_wrong_patient",
        ),
        (
            "application/fhir+json",
            fhir(json!({
                "contained": [{"resourceType": "Patient", "id": "p2",
                    "identifier": [{"system": "urn:dsp:national-id", "value": other}]}],
                "performer": [{"reference": "#p2"}],
            })),
            "document_wrong_patient",
            "fhir_wrong_patient",
        ),
        (
            "application/fhir+json",
            fhir(
                json!({"performer": [{"identifier": {"system": "urn:dsp:national-id", "value": other}}]}),
            ),
            "document_wrong_patient",
            "fhir_wrong_patient",
        ),
        (
            "application/fhir+json",
            fhir(json!({"text": {"status": "generated",
                "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p onclick=\"alert(1)\">x</p></div>"}})),
            "document_unsafe_narrative",
            "fhir_narrative_unsafe",
        ),
        (
            "application/fhir+json",
            fhir(json!({"text": {"status": "generated",
                "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></div>"}})),
            "document_unsafe_narrative",
            "fhir_narrative_unsafe",
        ),
        (
            "application/xml",
            cda("1893120105732", "<linkHtml href=\"javascript:alert(1)\">x</linkHtml>"),
            "document_unsafe_narrative",
            "cda_narrative_unsafe",
        ),
    ];
    for (content_type, body, expected, rejected) in cases {
        let (status, answer) =
            upload(&s.app, &s.doctor, &s.patient_id, "summaries", content_type, body).await;
        assert_eq!(status, 422, "{rejected}: {answer}");
        assert_eq!(answer["code"], expected, "{rejected}");
        // Nothing about the other patient comes back: only the code and its message.
        let mut keys: Vec<&str> = answer.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["code", "message_key", "request_id"]);
        let entry = s.app.audit("document_filed").await.pop().unwrap();
        assert_eq!(entry.outcome, "failure");
        assert!(entry.detail.contains(rejected), "{}", entry.detail);
    }
    assert_eq!(
        s.app.get_as(&s.patient, "/api/me/documents").await.body.as_array().unwrap().len(),
        0,
        "nothing filed"
    );
    // The same documents naming this patient, with an inert narrative, are filed.
    for (content_type, body) in [
        ("application/xml", cda("1893120105732", "<paragraph>Sortie le 14 novembre.</paragraph>")),
        (
            "application/fhir+json",
            fhir(json!({"text": {"status": "generated",
                "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Tension <b>128/82</b></p></div>"}})),
        ),
    ] {
        let (status, answer) =
            upload(&s.app, &s.doctor, &s.patient_id, "summaries", content_type, body).await;
        assert_eq!(status, 200, "{content_type}: {answer}");
    }
}

async fn emergency_access_reads_for_four_hours_tells_the_patient_and_never_beats_a_block(
    engine: Engine,
) {
    let mut s = scene(engine).await;
    let (status, _) =
        upload(&s.app, &s.doctor, &s.patient_id, "prescriptions", "application/pdf", PDF.to_vec())
            .await;
    assert_eq!(status, 200);
    let path = format!("/api/records/{}/emergency-access", s.patient_id);
    let reason = json!({"reason": "Unconscious at the emergency department, allergies needed"});
    assert_eq!(
        s.app
            .get_as(&s.pharmacist, &format!("/api/records/{}/documents", s.patient_id))
            .await
            .status,
        404
    );
    assert_eq!(s.app.send(&mut s.pharmacist, &path, &json!({"reason": "short"})).await.status, 422);
    let opened = s.app.send(&mut s.pharmacist, &path, &reason).await;
    assert_eq!(opened.status, 200, "{:?}", opened.body);
    let listed =
        s.app.get_as(&s.pharmacist, &format!("/api/records/{}/documents", s.patient_id)).await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1, "{:?}", listed.body);
    let notified = s.app.get_as(&s.patient, "/api/me/notifications").await;
    assert_eq!(notified.body[0]["kind"], "emergency_access");
    assert_eq!(notified.body[0]["reason"], reason["reason"]);
    assert!(s.app.audit("record_opened").await.last().unwrap().detail.contains("emergency_access"));
    // The patient switches it off: effective at once.
    let off = s
        .app
        .request(&s.patient, Method::PUT, "/api/me/emergency-access")
        .json(&json!({"enabled": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(off.status(), 204);
    assert_eq!(
        s.app
            .get_as(&s.pharmacist, &format!("/api/records/{}/documents", s.patient_id))
            .await
            .status,
        404
    );
    let on = s
        .app
        .request(&s.patient, Method::PUT, "/api/me/emergency-access")
        .json(&json!({"enabled": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(on.status(), 204);
    let blocked = s.app.request(&s.patient, Method::PUT, &format!("/api/me/blocks/{}", s.nurse_id));
    assert_eq!(blocked.send().await.unwrap().status(), 204);
    // Four hours, then nothing.
    s.app.clock.advance(chrono::TimeDelta::hours(4));
    assert_eq!(
        s.app
            .get_as(&s.pharmacist, &format!("/api/records/{}/documents", s.patient_id))
            .await
            .status,
        401,
        "the idle session ended first"
    );
    // Never over a block; and it needs a fresh verification.
    let mut nurse = Browser::default();
    let signed = s.app.sign_in_with_key(&mut nurse, &mut s.nurse_key).await;
    assert_eq!(signed.status, 200, "{:?}", signed.body);
    assert_eq!(s.app.send(&mut nurse, &path, &reason).await.status, 404);
    assert!(
        s.app.audit("emergency_access_opened").await.last().unwrap().detail.contains("blocked")
    );
    s.app.clock.advance(chrono::TimeDelta::minutes(6));
    assert_eq!(s.app.send(&mut nurse, &path, &reason).await.code(), "reverification_required");
    let (mut agent, _) = s.app.signed_in_agent().await;
    let review = s.app.get_as(&agent, "/api/agency/emergency-accesses").await;
    assert_eq!(review.body.as_array().unwrap().len(), 1);
    let _ = &mut agent;
}

async fn the_first_access_to_a_record_not_yet_activated_is_notified(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, mut agent_key) = app.signed_in_agent().await;
    let national_id = shared::NationalId::from_first_eleven("19750607003").unwrap().to_string();
    let patient_id = app.create_patient(&mut agent, &national_id, "de").await;
    let code = app.letter_code(&agent, &patient_id).await;
    let (mut doctor, _, mut key) = professional(&app, &mut agent, "M-9", "MED", 44).await;
    let path = format!("/api/records/{patient_id}/emergency-access");
    let reason = json!({"reason": "Brought in by ambulance, no relation yet"});
    // Inside the 30-day objection window the record is not open, not even in an emergency.
    assert_eq!(app.send(&mut doctor, &path, &reason).await.status, 404);
    app.clock.advance(chrono::TimeDelta::days(30));
    let mut doctor = Browser::default();
    assert_eq!(app.sign_in_with_key(&mut doctor, &mut key).await.status, 200);
    assert_eq!(app.send(&mut doctor, &path, &reason).await.status, 200);
    assert_eq!(
        app.get_as(&doctor, &format!("/api/records/{patient_id}/documents")).await.status,
        200
    );
    assert_eq!(
        app.get_as(&doctor, &format!("/api/records/{patient_id}/documents")).await.status,
        200
    );
    // The patient activates later and finds both notices, the first access once.
    let mut patient = Browser::default();
    assert_eq!(app.sign_in_with_key(&mut agent, &mut agent_key).await.status, 200);
    let code = {
        let _expired_session_letter = code;
        app.letter_code(&agent, &patient_id).await
    };
    assert_eq!(
        app.activate(&mut patient, &mut Passkey::new(), &national_id, &code).await.status,
        200
    );
    let notices = app.get_as(&patient, "/api/me/notifications").await;
    let kinds: Vec<&str> =
        notices.body.as_array().unwrap().iter().map(|n| n["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "first_access").count(), 1, "{kinds:?}");
    assert_eq!(kinds.iter().filter(|k| **k == "emergency_access").count(), 1);
    let read = app.send(&mut patient, "/api/me/notifications/read", &json!({})).await;
    assert_eq!(read.status, 204);
    assert_eq!(app.get_as(&patient, "/api/me/notifications").await.body[0]["read"], true);
}

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
    nurse_key: SecurityKey,
    pharmacist: Browser,
}

async fn professional(
    app: &TestApp,
    agent: &mut Browser,
    licence: &str,
    profession: &str,
    seed: u8,
) -> (Browser, String, SecurityKey) {
    let (id, code) = app.create_professional(agent, licence, profession).await;
    let mut browser = Browser::default();
    let mut key = SecurityKey::new(seed);
    assert_eq!(app.enrol(&mut browser, &mut key, &code).await.status, 200);
    (browser, id, key)
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
    let (mut doctor, doctor_id, _) = professional(&app, &mut agent, "M-1", "MED", 41).await;
    let (mut nurse, nurse_id, nurse_key) = professional(&app, &mut agent, "I-1", "INF", 42).await;
    let (pharmacist, _, _) = professional(&app, &mut agent, "P-1", "PHA", 43).await;
    link(&app, &mut patient, &mut doctor).await;
    link(&app, &mut patient, &mut nurse).await;
    Scene { app, patient, patient_id, doctor, doctor_id, nurse, nurse_id, nurse_key, pharmacist }
}

async fn upload(
    app: &TestApp,
    who: &Browser,
    patient_id: &str,
    category: &str,
    content_type: &str,
    body: Vec<u8>,
) -> (u16, Value) {
    let request = app.request(who, Method::POST, &format!("/api/records/{patient_id}/documents"));
    let response =
        filed_as(request, Some(category), "Compte rendu", "2026-11-20", Some("../../etc/cr.pdf"))
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

async fn a_hidden_document_and_a_missing_one_run_the_same_statements(engine: Engine) {
    let mut s = scene(engine).await;
    let (_, doc) =
        upload(&s.app, &s.doctor, &s.patient_id, "summaries", "application/pdf", PDF.to_vec())
            .await;
    let id = doc["id"].as_str().unwrap().to_owned();
    // Hidden from the nurse by name, and from its own author: the patient named them both.
    let restricted = s
        .app
        .request(&s.patient, Method::PUT, &format!("/api/me/documents/{id}/restriction"))
        .json(&json!({"mode": "hidden_from", "professionals": [s.nurse_id, s.doctor_id]}))
        .send()
        .await
        .unwrap();
    assert_eq!(restricted.status(), 200);
    for who in [&s.nurse, &s.doctor] {
        let listed = s.app.get_as(who, &format!("/api/records/{}/documents", s.patient_id)).await;
        assert_eq!(listed.body.as_array().unwrap().len(), 0, "{:?}", listed.body);
    }

    // Every act on it, by the named nurse and by its own author, answers exactly as the same act
    // on a document that does not exist: same status and code, same statements; nothing changes.
    let app = &s.app;
    let missing = uuid::Uuid::new_v4().to_string();
    for who in [&s.nurse, &s.doctor] {
        for act in DOCUMENT_ACTS {
            let mut answers = Vec::new();
            let mut statements = Vec::new();
            for target in [&id, &missing] {
                let mut answer = None;
                statements.push(
                    app.statements
                        .of(async { answer = Some(act_on(app, who, act, target).await) })
                        .await,
                );
                answers.push(answer.unwrap());
            }
            assert_eq!(answers[0], (404, "not_found".to_owned()), "{act}");
            assert_eq!(answers[0], answers[1], "{act}");
            assert!(statements[0].len() >= 4, "{act}: {:#?}", statements[0]);
            assert_eq!(
                statements[0], statements[1],
                "{act}: a hidden document must cost what a missing one does"
            );
        }
    }
    let own = s.app.get_as(&s.patient, "/api/me/documents").await.body;
    assert_eq!(own[0]["id"], id.as_str());
    assert!(own[0]["withdrawn_reason"].is_null(), "{own:?}");
    assert_eq!(versions_stored(&s.app, &id).await, 1, "no version was filed");
    let filings = s.app.audit("document_version_filed").await;
    assert_eq!(filings.len(), 4, "every refusal audited");
    assert!(filings.iter().all(|e| e.outcome == "failure"));
    let by_author: Vec<_> =
        filings.iter().filter(|e| e.actor_id.unwrap().to_string() == s.doctor_id).collect();
    assert_eq!(by_author.len(), 2);
    assert!(by_author.iter().any(|e| e.detail.contains("restricted")), "{by_author:?}");
    assert!(
        filings.iter().filter(|e| e.patient_id.is_none()).all(|e| e.detail.contains("not_found"))
    );
    let get = async |path: String| {
        let response = app.request(&s.nurse, Method::GET, &path).send().await.unwrap();
        assert_eq!(response.status(), 404, "{path}");
    };
    // A record without a relation and a record that does not exist, likewise.
    let pharmacist = &s.pharmacist;
    let open = async |patient: String| {
        let path = format!("/api/records/{patient}/documents");
        let response = app.request(pharmacist, Method::GET, &path).send().await.unwrap();
        assert_eq!(response.status(), 404, "{path}");
    };
    let unrelated = app.statements.of(open(s.patient_id.clone())).await;
    let missing = app.statements.of(open(uuid::Uuid::new_v4().to_string())).await;
    assert_eq!(unrelated, missing, "a record without a relation must cost what a missing one does");

    // The times, for the record (comparing them would be flaky on a shared machine).
    let mut times = [Vec::new(), Vec::new()];
    for _ in 0..40 {
        for (n, target) in [id.clone(), uuid::Uuid::new_v4().to_string()].into_iter().enumerate() {
            let start = std::time::Instant::now();
            get(format!("/api/documents/{target}/content")).await;
            times[n].push(start.elapsed());
        }
    }
    for t in &mut times {
        t.sort();
    }
    eprintln!(
        "{engine:?}: median refusal of a hidden document {:?}, of a missing one {:?}",
        times[0][20], times[1][20]
    );
    // Both wait out the floor, which is far above the difference in the rows they read.
    let floor = app.state.config.not_found_floor;
    assert!(floor >= std::time::Duration::from_millis(5));
    assert!(times[0][0] >= floor && times[1][0] >= floor, "{times:?}");
    let _ = &mut s.patient;
}

async fn concurrent_reads_are_audited_in_groups_and_the_chain_stays_linear(engine: Engine) {
    let s = scene(engine).await;
    let (_, doc) =
        upload(&s.app, &s.doctor, &s.patient_id, "summaries", "application/pdf", PDF.to_vec())
            .await;
    let id = doc["id"].as_str().unwrap().to_owned();
    let before = dsp::audit::verify(&s.app.db).await.unwrap();
    // Record openings and document reads (grouped commits) race with uploads (their own
    // transactions) on the same record's chain.
    let reads = (0..24).map(|n| {
        let path = if n % 2 == 0 {
            format!("/api/records/{}/documents", s.patient_id)
        } else {
            format!("/api/documents/{id}/content")
        };
        let request = s.app.request(&s.nurse, Method::GET, &path);
        async move { request.send().await.unwrap().status().as_u16() }
    });
    let writes = (0..4).map(|_| {
        upload(&s.app, &s.doctor, &s.patient_id, "summaries", "application/pdf", PDF.to_vec())
    });
    let (reads, writes) =
        futures::future::join(futures::future::join_all(reads), futures::future::join_all(writes))
            .await;
    assert!(reads.iter().all(|s| *s == 200), "{reads:?}");
    assert!(writes.iter().all(|(s, _)| *s == 200), "{writes:?}");
    // Every answered read's entry is already there: durable before the reply.
    assert_eq!(s.app.audit("record_opened").await.len(), 12);
    assert_eq!(
        s.app.audit("document_read").await.iter().filter(|e| e.outcome == "success").count(),
        12
    );
    let after = dsp::audit::verify(&s.app.db).await.unwrap();
    assert_eq!(after.first_broken, None);
    assert_eq!(after.entries, before.entries + 28, "one entry per act, no more, no less");
    let mut seqs: Vec<i64> = dsp::entity::audit_event::Entity::find()
        .filter(dsp::entity::audit_event::Column::ChainKey.eq(format!("patient:{}", s.patient_id)))
        .all(&s.app.db)
        .await
        .unwrap()
        .iter()
        .map(|e| e.seq)
        .collect();
    seqs.sort_unstable();
    let n = i64::try_from(seqs.len()).unwrap();
    assert_eq!(seqs, (1..=n).collect::<Vec<i64>>(), "one chain, no gap, no fork");
}

async fn a_read_whose_audit_entry_cannot_be_written_is_refused(engine: Engine) {
    let s = scene(engine).await;
    let (_, doc) =
        upload(&s.app, &s.doctor, &s.patient_id, "summaries", "application/pdf", PDF.to_vec())
            .await;
    let id = doc["id"].as_str().unwrap().to_owned();
    let down = match engine {
        Engine::Sqlite => vec![
            "CREATE TRIGGER audit_down BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit down'); END",
        ],
        Engine::Postgres => vec![
            "CREATE FUNCTION audit_down() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit down'; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER audit_down BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_down()",
        ],
    };
    for sql in down {
        s.app.db.execute_unprepared(sql).await.unwrap();
    }
    for path in
        [format!("/api/records/{}/documents", s.patient_id), format!("/api/documents/{id}/content")]
    {
        let response = s.app.request(&s.nurse, Method::GET, &path).send().await.unwrap();
        assert_eq!(response.status(), 500, "{path}");
        let body = response.text().await.unwrap();
        assert!(!body.contains("%PDF") && !body.contains("Compte rendu"), "{path}: {body}");
    }
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
        ("text/html", b"<script>alert(1)</script>".to_vec()),
    ];
    for (content_type, body) in cases {
        let (status, answer) =
            upload(&s.app, &s.doctor, &s.patient_id, "summaries", content_type, body).await;
        assert_eq!(status, 422, "{content_type}: {answer}");
        assert_eq!(answer["code"], "document_rejected");
    }
    // Too large is 413, like any request too large.
    let (status, answer) = upload(
        &s.app,
        &s.doctor,
        &s.patient_id,
        "summaries",
        "application/pdf",
        vec![b'%'; 21 * 1024 * 1024],
    )
    .await;
    assert_eq!((status, answer["code"].as_str()), (413, Some("payload_too_large")), "{answer}");
    assert_eq!(
        s.app.get_as(&s.patient, "/api/me/documents").await.body.as_array().unwrap().len(),
        0,
        "nothing visible"
    );
    let content_dir = s.app.state.config.data_dir.join("content");
    let stored =
        walk(&content_dir).into_iter().filter(|p| !p.to_string_lossy().contains("/tmp/")).count();
    assert_eq!(stored, 0, "no stored content");

    // A FHIR document naming the patient by national ID, in the configured identifier system.
    let by_national_id = json!({
        "resourceType": "DocumentReference", "status": "current",
        "subject": {"identifier": {"system": "urn:dsp:national-id", "value": "1893120105732"}},
    });
    let (status, answer) = upload(
        &s.app,
        &s.doctor,
        &s.patient_id,
        "summaries",
        "application/fhir+json",
        by_national_id.to_string().into_bytes(),
    )
    .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["format"], "fhir_json");
}

/// A refusal that comes before the server has read the body (the declared size, the declared
/// type, the first bytes, no session) reaches the client: the server reads and discards the rest
/// of the body instead of closing the connection under a client still sending (the kernel would
/// reset it, and the client, a browser as well, would see a network error instead of the answer).
async fn a_large_upload_refused_before_its_body_is_read_still_gets_the_refusal(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (doctor, _, patient_id) = app.linked_physician().await;
    let mib = 1024 * 1024;
    let mut too_large = PDF.to_vec();
    too_large.resize(21 * mib, b' ');
    let mut executable = b"MZ\x90\x00".to_vec();
    executable.resize(8 * mib, 0);
    let path = format!("/api/records/{patient_id}/documents");
    for round in 0..5 {
        for (who, content_type, body, status, code) in [
            (&doctor, "application/pdf", &too_large, 413, "payload_too_large"),
            (&doctor, "text/html", &too_large, 422, "document_rejected"),
            (&doctor, "application/pdf", &executable, 422, "document_rejected"),
            (&Browser::default(), "application/pdf", &too_large, 401, "unauthenticated"),
        ] {
            let request = app.request(who, Method::POST, &path);
            let sent = filed_as(request, Some("summaries"), "Scan", "2026-11-20", None)
                .header("content-type", content_type)
                .body(body.clone())
                .send()
                .await;
            let response = match sent {
                Ok(response) => response,
                Err(e) => panic!("round {round}, {content_type}, {status}: {e:?}"),
            };
            assert_eq!(response.status(), status, "round {round}, {content_type}");
            let answer: Value = response.json().await.unwrap();
            assert_eq!(answer["code"], code, "round {round}, {content_type}");
        }
    }
}

/// On a raw connection: the refusal of a request whose body has not been sent arrives at once;
/// the server then reads the body when it comes and keeps the connection for the next request.
/// A body declared longer than twice the document limit is not waited for: the connection closes
/// after the answer.
async fn an_unread_body_is_read_to_its_end_within_bounds(engine: Engine) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::spawn(engine).await;
    let address = app.base.trim_start_matches("http://").replace("localhost", "127.0.0.1");
    let head = |length: u64| {
        format!(
            "POST /api/records/{}/documents HTTP/1.1\r\n\
             Host: {address}\r\nOrigin: {}\r\nContent-Type: application/pdf\r\nContent-Length: {length}\r\n\r\n",
            uuid::Uuid::new_v4(),
            app.base
        )
    };
    let within = std::time::Duration::from_secs(10);

    let mut connection = tokio::net::TcpStream::connect(&address).await.unwrap();
    let length = 3 * 1024 * 1024;
    connection.write_all(head(length).as_bytes()).await.unwrap();
    let (status, _) = tokio::time::timeout(within, read_answer(&mut connection)).await.unwrap();
    assert_eq!(status, 401, "answered before the body was sent");
    connection.write_all(&vec![b'%'; usize::try_from(length).unwrap()]).await.unwrap();
    connection
        .write_all(format!("GET /api/health HTTP/1.1\r\nHost: {address}\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let (status, _) = tokio::time::timeout(within, read_answer(&mut connection)).await.unwrap();
    assert_eq!(status, 200, "the same connection serves the next request");

    let mut connection = tokio::net::TcpStream::connect(&address).await.unwrap();
    let too_long = 2 * app.state.config.max_document_bytes + 1;
    connection.write_all(head(too_long).as_bytes()).await.unwrap();
    let (status, _) = tokio::time::timeout(within, read_answer(&mut connection)).await.unwrap();
    assert_eq!(status, 401);
    let mut rest = Vec::new();
    let closed = tokio::time::timeout(within, connection.read_to_end(&mut rest)).await.unwrap();
    assert!(closed.is_ok() && rest.is_empty(), "closed after the answer: {closed:?} {rest:?}");
}

/// Reads one HTTP/1.1 answer with a `Content-Length`: its status and body.
async fn read_answer(connection: &mut tokio::net::TcpStream) -> (u16, Vec<u8>) {
    use tokio::io::AsyncReadExt;
    let mut bytes = Vec::new();
    let end = loop {
        if let Some(end) = bytes.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        let mut chunk = [0; 4096];
        let n = connection.read(&mut chunk).await.unwrap();
        assert!(n > 0, "closed before an answer: {}", String::from_utf8_lossy(&bytes));
        bytes.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&bytes[..end]).to_lowercase();
    let status = head[9..12].parse().unwrap();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map_or(0, |v| v.trim().parse().unwrap());
    let mut body = bytes[end..].to_vec();
    while body.len() < length {
        let mut chunk = [0; 4096];
        let n = connection.read(&mut chunk).await.unwrap();
        assert!(n > 0, "closed in the middle of an answer");
        body.extend_from_slice(&chunk[..n]);
    }
    (status, body)
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
