//! The patient's declared wishes (organ donation, advance directives): the patient records,
//! changes and withdraws them, each change a new version and an audit entry; a professional with
//! a relation reads the ones in force; a professional without one, another patient and an agent
//! get exactly what a missing record gives.

use reqwest::Method;
use serde_json::{Value, json};

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::Browser;
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    the_patient_records_changes_and_withdraws_each_change_a_version,
    a_related_professional_reads_them_and_nobody_else_can_tell_they_exist,
    a_form_that_breaks_a_rule_is_refused_with_its_code_and_nothing_is_written,
);

/// The organ-donation form a patient fills in.
fn donation(choice: &str, limits: &str) -> Value {
    json!({
        "choice": choice,
        "limits": limits,
        "trusted_person": {"name": "Anne Weber", "relation": "sœur", "phone": "+352 621 123 456"},
        "signed_on": "2026-11-30",
    })
}

async fn put(app: &TestApp, who: &Browser, kind: &str, form: &Value) -> (u16, Value) {
    let response = app
        .request(who, Method::PUT, &format!("/api/me/wishes/{kind}"))
        .json(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn rows(app: &TestApp) -> usize {
    use sea_orm::EntityTrait;
    dsp::entity::personal_wish::Entity::find().all(&app.db).await.unwrap().len()
}

async fn the_patient_records_changes_and_withdraws_each_change_a_version(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, mut patient, patient_id) = app.linked_physician().await;
    let nothing = app.get_as(&patient, "/api/me/wishes").await;
    assert_eq!(nothing.status, 200);
    assert_eq!(nothing.body, json!({"organ_donation": null, "advance_directive": null}));

    let (status, first) = put(&app, &patient, "organ-donation", &donation("donate_all", "")).await;
    assert_eq!(status, 200, "{first:?}");
    assert_eq!(first["version"], 1);
    assert_eq!(first["kind"], "organ-donation");
    let (status, second) =
        put(&app, &patient, "organ-donation", &donation("donate_except", "cornées, cœur")).await;
    assert_eq!(status, 200, "{second:?}");
    assert_eq!(second["version"], 2);
    assert_eq!(second["form"]["limits"], "cornées, cœur");
    assert_eq!(second["form"]["trusted_person"]["phone"], "+352 621 123 456");
    let directive = json!({"choice": "limit_treatment", "limits": "Pas de réanimation",
        "signed_on": "2026-11-29"});
    let (status, directive) = put(&app, &patient, "advance-directive", &directive).await;
    assert_eq!(status, 200, "{directive:?}");
    assert_eq!(directive["version"], 1, "each declaration counts its own versions");
    assert_eq!(directive["form"]["trusted_person"], Value::Null);

    let withdrawn =
        app.send(&mut patient, "/api/me/wishes/organ-donation/withdraw", &json!({})).await;
    assert_eq!(withdrawn.status, 200, "{:?}", withdrawn.body);
    assert_eq!(withdrawn.body["version"], 3);
    assert_eq!(withdrawn.body["form"], Value::Null);
    let again = app.send(&mut patient, "/api/me/wishes/organ-donation/withdraw", &json!({})).await;
    assert_eq!(again.status, 404, "nothing left to withdraw");

    let own = app.get_as(&patient, "/api/me/wishes").await.body;
    assert_eq!(own["organ_donation"]["version"], 3);
    assert_eq!(own["organ_donation"]["form"], Value::Null);
    assert_eq!(own["advance_directive"]["form"]["choice"], "limit_treatment");
    let versions = app.get_as(&patient, "/api/me/wishes/organ-donation/versions").await.body;
    let numbers: Vec<u64> =
        versions.as_array().unwrap().iter().map(|v| v["version"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [3, 2, 1], "every version is kept, newest first");
    assert_eq!(versions[2]["form"]["choice"], "donate_all");
    assert_eq!(rows(&app).await, 4);

    // Each change is audited on the record, with its version.
    let recorded = app.audit("wish_recorded").await;
    assert_eq!(recorded.len(), 3);
    assert!(recorded.iter().all(|e| e.patient_id.unwrap().to_string() == patient_id));
    let detail: Value = serde_json::from_str(&recorded[1].detail).unwrap();
    assert_eq!(detail["version"], 2);
    assert_eq!(detail["choice"], "donate_except");
    assert_eq!(detail["rule"], "holder");
    let withdrawals = app.audit("wish_withdrawn").await;
    assert_eq!(
        withdrawals.iter().map(|e| e.outcome.as_str()).collect::<Vec<_>>(),
        ["success", "failure"]
    );

    // The patient reads them in their history.
    let history = app.get_as(&patient, "/api/me/history?action=wish_recorded").await;
    assert_eq!(history.status, 200, "{:?}", history.body);
    assert_eq!(history.body["entries"].as_array().unwrap().len(), 3, "{:?}", history.body);
}

async fn a_related_professional_reads_them_and_nobody_else_can_tell_they_exist(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (doctor, mut patient, patient_id) = app.linked_physician().await;
    let (status, _) =
        put(&app, &patient, "organ-donation", &donation("donate_only", "reins")).await;
    assert_eq!(status, 200);
    let directive = json!({"choice": "comfort_care_only", "signed_on": "2026-11-29"});
    assert_eq!(put(&app, &patient, "advance-directive", &directive).await.0, 200);

    let read = app.get_as(&doctor, &format!("/api/records/{patient_id}/wishes")).await;
    assert_eq!(read.status, 200, "{:?}", read.body);
    assert_eq!(read.body["organ_donation"]["form"]["choice"], "donate_only");
    assert_eq!(read.body["organ_donation"]["form"]["limits"], "reins");
    assert_eq!(read.body["organ_donation"]["form"]["trusted_person"]["name"], "Anne Weber");
    assert_eq!(read.body["advance_directive"]["form"]["choice"], "comfort_care_only");
    let reads = app.audit("wishes_read").await;
    let last = reads.last().unwrap();
    assert_eq!(last.actor_kind.as_deref(), Some("professional"));
    assert_eq!(last.patient_id.unwrap().to_string(), patient_id);
    let detail: Value = serde_json::from_str(&last.detail).unwrap();
    assert_eq!(detail["rule"], "link_consultation");

    // A withdrawn declaration is gone for the professional at once.
    let withdrawn =
        app.send(&mut patient, "/api/me/wishes/advance-directive/withdraw", &json!({})).await;
    assert_eq!(withdrawn.status, 200);
    let read = app.get_as(&doctor, &format!("/api/records/{patient_id}/wishes")).await;
    assert_eq!(read.body["advance_directive"], Value::Null);
    assert_eq!(read.body["organ_donation"]["version"], 1);

    // A professional without a relation, another patient, an agent: what a missing record gives.
    let (mut agent, _) = app.signed_in_agent().await;
    let (_, enrolment) = app.create_professional(&mut agent, "M-2", "MED").await;
    let mut stranger = Browser::default();
    assert_eq!(app.enrol(&mut stranger, &mut SecurityKey::new(9), &enrolment).await.status, 200);
    let other_id = app.create_patient(&mut agent, "1985010112357", "de").await;
    let code = app.letter_code(&agent, &other_id).await;
    let mut other = Browser::default();
    let activated = app.activate(&mut other, &mut Passkey::new(), "1985010112357", &code).await;
    assert_eq!(activated.status, 200, "{:?}", activated.body);
    let missing = uuid::Uuid::new_v4();
    let nowhere = app.get_as(&stranger, &format!("/api/records/{missing}/wishes")).await;
    assert_eq!(nowhere.status, 404);
    for who in [&stranger, &other, &agent] {
        let refused = app.get_as(who, &format!("/api/records/{patient_id}/wishes")).await;
        assert_eq!(refused.status, 404);
        assert_eq!(refused.body["code"], nowhere.body["code"]);
        assert_eq!(refused.body["message_key"], nowhere.body["message_key"]);
    }
    // The other patient's own wishes are their own: empty, nothing of the first patient's.
    let theirs = app.get_as(&other, "/api/me/wishes").await.body;
    assert_eq!(theirs, json!({"organ_donation": null, "advance_directive": null}));
    // Every refusal on the record is audited with its reason, for the patient to see.
    let denied: Vec<Value> = app
        .audit("wishes_read")
        .await
        .iter()
        .filter(|e| {
            e.outcome == "failure"
                && e.patient_id.map(|p| p.to_string()) == Some(patient_id.clone())
        })
        .map(|e| serde_json::from_str(&e.detail).unwrap())
        .collect();
    let rules: Vec<&str> = denied.iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["no_care_relation", "not_the_holder", "agency_has_no_health_access"]);
    // A professional writes none: the patient's own words.
    let by_doctor = app
        .request(&doctor, Method::PUT, "/api/me/wishes/organ-donation")
        .json(&donation("do_not_donate", ""))
        .send()
        .await
        .unwrap();
    assert_eq!(by_doctor.status(), 403);
}

async fn a_form_that_breaks_a_rule_is_refused_with_its_code_and_nothing_is_written(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (_, patient, _) = app.linked_physician().await;
    let mut no_phone = donation("trusted_person_decides", "");
    no_phone["trusted_person"]["phone"] = json!("");
    let future = (app.clock.now() + chrono::TimeDelta::days(3)).date_naive().to_string();
    let mut tomorrow = donation("donate_all", "");
    tomorrow["signed_on"] = json!(future);
    for (kind, form, code) in [
        ("organ-donation", donation("donate_only", "  "), "wish_limits_required"),
        ("organ-donation", no_phone, "wish_trusted_person_incomplete"),
        ("organ-donation", tomorrow, "wish_date_in_future"),
        ("organ-donation", donation("comfort_care_only", ""), "invalid_request"),
        ("advance-directive", donation("limit_treatment", ""), "wish_limits_required"),
    ] {
        let (status, body) = put(&app, &patient, kind, &form).await;
        assert_eq!((status, body["code"].as_str().unwrap_or_default()), (422, code), "{form}");
    }
    let unknown = app
        .request(&patient, Method::PUT, "/api/me/wishes/tattoos")
        .json(&donation("donate_all", ""))
        .send()
        .await
        .unwrap();
    assert!(unknown.status().is_client_error());
    assert_eq!(rows(&app).await, 0);
    assert!(app.audit("wish_recorded").await.is_empty());
}
