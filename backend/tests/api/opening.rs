//! Voluntary opening requests: the public form, its protections, the agency's queue and its
//! decisions, each audited.

use chrono::TimeDelta;
use reqwest::Method;
use serde_json::{Value, json};

use crate::common::authenticator::Passkey;
use crate::common::personas::{Browser, activation_code_in};
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_valid_form_gets_a_reference_and_waits_in_the_queue,
    bad_input_is_refused_with_the_fields_code_and_nothing_is_stored,
    the_public_form_is_rate_limited_and_its_body_bounded,
    the_answer_is_the_same_when_a_record_exists,
    the_queue_is_oldest_first_and_flags_the_seven_days,
    accepting_creates_the_record_and_its_letter_in_one_act,
    accepting_needs_both_documents_and_an_address,
    rejecting_records_the_reason,
    a_decided_request_cannot_be_decided_again,
    only_agents_reach_the_queue,
);

fn form(national_id: &str) -> Value {
    let id = shared::NationalId::parse(national_id).unwrap();
    json!({
        "given_name": "Marie",
        "family_name": "Weber",
        "national_id": national_id,
        "birth_date": id.birth_date(),
        "address": {"street": "5, rue des Bains", "postal_code": "L-1212", "city": "Luxembourg", "country": "LU"},
        "phone": "",
        "email": "marie.weber@example.lu",
        "preferred_language": "de",
        "conditions_accepted": true
    })
}

async fn submit(app: &TestApp, body: &Value) -> crate::common::personas::Answer {
    app.send(&mut Browser::default(), "/api/opening-requests", body).await
}

async fn queue(app: &TestApp, agent: &Browser) -> Vec<Value> {
    let answer = app.get_as(agent, "/api/agency/opening-requests").await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    answer.body.as_array().unwrap().clone()
}

async fn accept(app: &TestApp, agent: &Browser, id: &str, body: &Value) -> reqwest::Response {
    app.request(agent, Method::POST, &format!("/api/agency/opening-requests/{id}/accept"))
        .json(body)
        .send()
        .await
        .unwrap()
}

fn checked() -> Value {
    json!({"identity_check": {"id_card": true, "social_security_card": true,
        "id_document_number": "AB123456", "note": "seen at the desk"}})
}

async fn count_requests(app: &TestApp) -> u64 {
    use sea_orm::{EntityTrait, PaginatorTrait};
    dsp::entity::opening_request::Entity::find().count(&app.db).await.unwrap()
}

async fn a_valid_form_gets_a_reference_and_waits_in_the_queue(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let answer = submit(&app, &form("1893120105732")).await;
    assert_eq!(answer.status, 202, "{:?}", answer.body);
    let reference = answer.body["reference"].as_str().unwrap();
    assert!(reference.starts_with("DSP-") && reference.len() == 13, "{reference}");
    assert_eq!(answer.body["letter_within_days"], 7);
    // Phone only is enough too.
    let mut phone_only = form("1893120105732");
    phone_only["address"] = Value::Null;
    phone_only["phone"] = json!("+352 621 123 456");
    phone_only["email"] = json!("");
    app.clock.advance(TimeDelta::minutes(1));
    assert_eq!(submit(&app, &phone_only).await.status, 202);

    let (agent, _) = app.signed_in_agent().await;
    let waiting = queue(&app, &agent).await;
    assert_eq!(waiting.len(), 2);
    assert_eq!(waiting[0]["reference"], reference);
    assert_eq!(waiting[0]["national_id"], "1893120105732");
    assert_eq!(waiting[0]["birth_date"], "1893-12-01");
    assert_eq!(waiting[0]["preferred_language"], "de");
    assert_eq!(waiting[0]["email"], "marie.weber@example.lu");
    assert_eq!(waiting[0]["status"], "pending");
    assert_eq!(waiting[0]["record_exists"], false);
    assert_eq!(waiting[1]["phone"], "+352621123456");
    assert!(waiting[1]["address"].is_null());
    let received = app.audit("opening_request_received").await;
    assert_eq!(received.len(), 2);
    assert!(received.iter().all(|e| e.outcome == "success" && e.patient_id.is_none()));
}

async fn bad_input_is_refused_with_the_fields_code_and_nothing_is_stored(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let cases: [(&str, Value, &str); 8] = [
        ("given_name", json!("  "), "field_required"),
        ("national_id", json!("1893120105733"), "invalid_national_id"),
        ("national_id", json!(""), "field_required"),
        ("birth_date", json!("1990-01-01"), "birth_date_mismatch"),
        ("email", json!("not-an-address"), "invalid_email"),
        ("phone", json!("12"), "invalid_phone"),
        ("conditions_accepted", json!(false), "conditions_not_accepted"),
        (
            "address",
            json!({"street": "5, rue des Bains", "postal_code": "", "city": "Luxembourg", "country": "LU"}),
            "field_required",
        ),
    ];
    for (field, value, code) in cases {
        let mut body = form("1893120105732");
        body[field] = value;
        let answer = app.send(&mut Browser::default(), "/api/opening-requests", &body).await;
        assert_eq!(answer.status, 422, "{field}: {:?}", answer.body);
        assert_eq!(answer.code(), code, "{field}");
        // Every refusal counts against the client's limit: wait the window out.
        app.clock.advance(TimeDelta::hours(1));
    }
    let mut no_contact = form("1893120105732");
    no_contact["address"] = Value::Null;
    assert_eq!(submit(&app, &no_contact).await.code(), "contact_required");
    assert_eq!(count_requests(&app).await, 0);
    let refused = app.audit("opening_request_received").await;
    assert_eq!(refused.len(), 9);
    assert!(refused.iter().all(|e| e.outcome == "failure"));
}

async fn the_public_form_is_rate_limited_and_its_body_bounded(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    for _ in 0..5 {
        assert_eq!(submit(&app, &form("1893120105732")).await.status, 202);
    }
    let response = app
        .client
        .post(app.url("/api/opening-requests"))
        .json(&form("1893120105732"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
    assert_eq!(count_requests(&app).await, 5);
    app.clock.advance(TimeDelta::hours(1));
    assert_eq!(submit(&app, &form("1893120105732")).await.status, 202);

    let mut huge = form("1893120105732");
    huge["given_name"] = json!("x".repeat(20_000));
    let answer = submit(&app, &huge).await;
    assert_eq!(answer.status, 413, "{:?}", answer.body);
    assert_eq!(answer.code(), "payload_too_large");
}

async fn the_answer_is_the_same_when_a_record_exists(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    app.create_patient(&mut agent, "1893120105732", "fr").await;
    let known = submit(&app, &form("1893120105732")).await;
    app.clock.advance(TimeDelta::minutes(1));
    let unknown = submit(&app, &form("1985010112357")).await;
    assert_eq!(known.status, unknown.status);
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&known.body), keys(&unknown.body));
    assert_eq!(known.body["letter_within_days"], unknown.body["letter_within_days"]);
    // The agent sees it.
    let waiting = queue(&app, &agent).await;
    let exists: Vec<(String, bool)> = waiting
        .iter()
        .map(|r| {
            (r["national_id"].as_str().unwrap().to_owned(), r["record_exists"].as_bool().unwrap())
        })
        .collect();
    assert_eq!(
        exists,
        vec![("1893120105732".to_owned(), true), ("1985010112357".to_owned(), false)]
    );
}

async fn the_queue_is_oldest_first_and_flags_the_seven_days(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let first = submit(&app, &form("1893120105732")).await.body["reference"].clone();
    app.clock.advance(TimeDelta::days(3));
    let second = submit(&app, &form("1985010112357")).await.body["reference"].clone();
    app.clock.advance(TimeDelta::days(1));
    let third = submit(&app, &form("1893120105732")).await.body["reference"].clone();
    let (mut agent, mut key) = app.signed_in_agent().await;
    let summary = |q: &[Value]| -> Vec<(Value, i64, String)> {
        q.iter()
            .map(|r| {
                (
                    r["reference"].clone(),
                    r["age_days"].as_i64().unwrap(),
                    r["urgency"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(
        summary(&queue(&app, &agent).await),
        vec![
            (first.clone(), 4, "on_time".into()),
            (second.clone(), 1, "on_time".into()),
            (third.clone(), 0, "on_time".into())
        ]
    );
    app.clock.advance(TimeDelta::days(1));
    app.sign_in_with_key(&mut agent, &mut key).await;
    assert_eq!(
        summary(&queue(&app, &agent).await),
        vec![
            (first.clone(), 5, "near_limit".into()),
            (second.clone(), 2, "on_time".into()),
            (third.clone(), 1, "on_time".into())
        ]
    );
    app.clock.advance(TimeDelta::days(2) + TimeDelta::minutes(1));
    app.sign_in_with_key(&mut agent, &mut key).await;
    let q = queue(&app, &agent).await;
    assert_eq!(
        summary(&q),
        vec![
            (first, 7, "overdue".into()),
            (second, 4, "on_time".into()),
            (third, 3, "on_time".into())
        ]
    );
    let received = q[0]["received_at"].as_str().unwrap().parse::<chrono::DateTime<chrono::Utc>>();
    let due = q[0]["letter_due_at"].as_str().unwrap().parse::<chrono::DateTime<chrono::Utc>>();
    assert_eq!(due.unwrap() - received.unwrap(), TimeDelta::days(7));
}

async fn accepting_creates_the_record_and_its_letter_in_one_act(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    // Phone only: the agent completes the address at the desk.
    let mut body = form("1893120105732");
    body["address"] = Value::Null;
    body["phone"] = json!("+352 621 123 456");
    submit(&app, &body).await;
    let (agent, _) = app.signed_in_agent().await;
    let id = queue(&app, &agent).await[0]["id"].as_str().unwrap().to_owned();
    let mut input = checked();
    input["address"] = json!({"street": "7, Grand-Rue", "postal_code": "L-1661", "city": "Luxembourg", "country": "LU"});
    let response = accept(&app, &agent, &id, &input).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let pdf = response.bytes().await.unwrap();
    let code = activation_code_in(&pdf).expect("the letter shows an activation code");
    let text = crate::common::personas::pdf_text(&pdf);
    assert!(text.contains("Marie") && text.contains("Grand-Rue"), "{text}");

    let request = app.get_as(&agent, &format!("/api/agency/opening-requests/{id}")).await;
    assert_eq!(request.body["status"], "accepted");
    assert_eq!(request.body["record_exists"], true);
    let patient_id = request.body["patient_id"].as_str().unwrap().to_owned();
    let record = app.get_as(&agent, &format!("/api/agency/patients/{patient_id}")).await;
    assert_eq!(record.body["national_id"], "1893120105732");
    assert_eq!(record.body["preferred_language"], "de");
    assert_eq!(record.body["phone"], "+352621123456");
    assert_eq!(record.body["address"]["street"], "7, Grand-Rue");
    assert!(record.body["letter_issued_at"].is_string());
    assert!(queue(&app, &agent).await.is_empty());
    // The act's entries, on the record.
    for action in ["opening_request_accepted", "patient_created", "letter_issued"] {
        let events = app.audit(action).await;
        assert_eq!(events.len(), 1, "{action}");
        assert_eq!(events[0].outcome, "success", "{action}");
        assert_eq!(events[0].patient_id.map(|p| p.to_string()), Some(patient_id.clone()));
        assert_eq!(events[0].actor_kind.as_deref(), Some("agent"));
    }
    // The person activates with the letter's code.
    let mut browser = Browser::default();
    let activated = app.activate(&mut browser, &mut Passkey::new(), "1893120105732", &code).await;
    assert_eq!(activated.status, 200, "{:?}", activated.body);
    assert_eq!(activated.body["role"], "patient");
}

async fn accepting_needs_both_documents_and_an_address(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let mut body = form("1893120105732");
    body["address"] = Value::Null;
    body["phone"] = json!("+352 621 123 456");
    submit(&app, &body).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let id = queue(&app, &agent).await[0]["id"].as_str().unwrap().to_owned();
    let only_id_card = json!({"identity_check": {"id_card": true, "social_security_card": false}});
    let refused = accept(&app, &agent, &id, &only_id_card).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(refused.json::<Value>().await.unwrap()["code"], "identity_check_incomplete");
    let no_address = accept(&app, &agent, &id, &checked()).await;
    assert_eq!(no_address.status(), 422);
    assert_eq!(no_address.json::<Value>().await.unwrap()["code"], "field_required");
    // A record that appeared meanwhile: refused, nothing created.
    let mut full = checked();
    full["address"] = json!({"street": "7, Grand-Rue", "postal_code": "L-1661", "city": "Luxembourg", "country": "LU"});
    app.create_patient(&mut agent, "1893120105732", "fr").await;
    let duplicate = accept(&app, &agent, &id, &full).await;
    assert_eq!(duplicate.status(), 409);
    assert_eq!(duplicate.json::<Value>().await.unwrap()["code"], "duplicate_national_id");
    let still = app.get_as(&agent, &format!("/api/agency/opening-requests/{id}")).await;
    assert_eq!(still.body["status"], "pending");
    assert!(app.audit("letter_issued").await.is_empty());
    let failures = app.audit("opening_request_accepted").await;
    assert_eq!(failures.len(), 3);
    assert!(failures.iter().all(|e| e.outcome == "failure"));
}

async fn rejecting_records_the_reason(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    submit(&app, &form("1893120105732")).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let id = queue(&app, &agent).await[0]["id"].as_str().unwrap().to_owned();
    let path = format!("/api/agency/opening-requests/{id}/reject");
    let no_words = app.send(&mut agent, &path, &json!({"reason": "other"})).await;
    assert_eq!(no_words.status, 422);
    assert_eq!(no_words.code(), "field_required");
    let rejected = app
        .send(
            &mut agent,
            &path,
            &json!({"reason": "identity_not_verified", "note": "no social security card"}),
        )
        .await;
    assert_eq!(rejected.status, 200, "{:?}", rejected.body);
    assert_eq!(rejected.body["status"], "rejected");
    assert_eq!(rejected.body["rejection_reason"], "identity_not_verified");
    assert_eq!(rejected.body["decision_note"], "no social security card");
    assert!(queue(&app, &agent).await.is_empty());
    let events = app.audit("opening_request_rejected").await;
    assert_eq!(events.len(), 2);
    assert_eq!(events[1].outcome, "success");
    assert_eq!(events[1].actor_kind.as_deref(), Some("agent"));
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(dsp::entity::patient::Entity::find().count(&app.db).await.unwrap(), 0);
}

async fn a_decided_request_cannot_be_decided_again(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    submit(&app, &form("1893120105732")).await;
    app.clock.advance(TimeDelta::minutes(1));
    submit(&app, &form("1985010112357")).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let q = queue(&app, &agent).await;
    let (accepted, rejected) =
        (q[0]["id"].as_str().unwrap().to_owned(), q[1]["id"].as_str().unwrap().to_owned());
    assert_eq!(accept(&app, &agent, &accepted, &checked()).await.status(), 200);
    let reject = |id: &str| format!("/api/agency/opening-requests/{id}/reject");
    let reason = json!({"reason": "withdrawn"});
    assert_eq!(app.send(&mut agent, &reject(&rejected), &reason).await.status, 200);
    for id in [&accepted, &rejected] {
        let again = accept(&app, &agent, id, &checked()).await;
        assert_eq!(again.status(), 409);
        assert_eq!(again.json::<Value>().await.unwrap()["code"], "opening_request_decided");
        let again = app.send(&mut agent, &reject(id), &reason).await;
        assert_eq!(again.status, 409);
        assert_eq!(again.code(), "opening_request_decided");
    }
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(dsp::entity::patient::Entity::find().count(&app.db).await.unwrap(), 1);
    assert_eq!(app.audit("letter_issued").await.len(), 1);
    let unknown = accept(&app, &agent, "00000000-0000-0000-0000-000000000000", &checked()).await;
    assert_eq!(unknown.status(), 404);
}

async fn only_agents_reach_the_queue(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    submit(&app, &form("1985010112357")).await;
    let (agent, _) = app.signed_in_agent().await;
    let id = queue(&app, &agent).await[0]["id"].as_str().unwrap().to_owned();
    let (mut doctor, mut patient, _) = app.linked_physician().await;
    let anonymous = Browser::default();
    for (who, expected) in [(&mut doctor, 403), (&mut patient, 403), (&mut anonymous.clone(), 401)]
    {
        assert_eq!(app.get_as(who, "/api/agency/opening-requests").await.status, expected);
        assert_eq!(
            app.get_as(who, &format!("/api/agency/opening-requests/{id}")).await.status,
            expected
        );
        let accepted = accept(&app, who, &id, &checked()).await;
        assert_eq!(accepted.status(), expected);
        let rejected = app
            .send(
                who,
                &format!("/api/agency/opening-requests/{id}/reject"),
                &json!({"reason": "withdrawn"}),
            )
            .await;
        assert_eq!(rejected.status, expected);
    }
    assert_eq!(queue(&app, &agent).await.len(), 1);
    assert!(app.audit("opening_request_accepted").await.is_empty());
    // The applicants' data is personal: each look by an agent is audited, a refused caller's
    // writes nothing, nor does a request that does not exist.
    let looks = app.audit("opening_queue_viewed").await;
    assert_eq!(looks.len(), 2, "the agent's two looks at the queue");
    assert_eq!(looks[1].actor_kind.as_deref(), Some("agent"));
    assert!(looks[1].detail.contains("\"requests\":1"), "{}", looks[1].detail);
    assert!(app.audit("opening_request_viewed").await.is_empty());
    let one = app.get_as(&agent, &format!("/api/agency/opening-requests/{id}")).await;
    assert_eq!(one.status, 200);
    let missing = uuid::Uuid::new_v4();
    let none = app.get_as(&agent, &format!("/api/agency/opening-requests/{missing}")).await;
    assert_eq!(none.status, 404);
    let viewed = app.audit("opening_request_viewed").await;
    assert_eq!(viewed.len(), 1);
    assert_eq!(viewed[0].target_id.as_deref(), Some(id.as_str()));
}
