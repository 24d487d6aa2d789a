//! A professional's worklist (`GET /api/professional/links`): the records they reach through a
//! live link of their own or of their institution, soonest-ending first, flagged when ending
//! soon and marked renewable for a stay of their institution; nothing the rules would refuse
//! (a block, an ended link), audited, and for professionals only.

use chrono::{TimeDelta, Utc};
use reqwest::Method;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::common::authenticator::SecurityKey;
use crate::common::personas::Browser;
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(the_worklist_lists_live_links_flags_the_ending_and_marks_the_renewable);

const LIST: &str = "/api/professional/links";

fn contexts(list: &Value) -> Vec<(&str, bool, bool)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["link"]["context"].as_str().unwrap(),
                e["expiring_soon"].as_bool().unwrap(),
                e["renewable"].as_bool().unwrap(),
            )
        })
        .collect()
}

async fn the_worklist_lists_live_links_flags_the_ending_and_marks_the_renewable(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut doctor, mut patient, patient_id) = app.linked_physician().await;
    // Nothing but a professional reads a worklist.
    assert_eq!(app.get_as(&Browser::default(), LIST).await.status, 401);
    assert_eq!(app.get_as(&patient, LIST).await.status, 403);

    // The doctor's consultation link; then the hospital registers the patient's stay.
    let list = app.get_as(&doctor, LIST).await;
    assert_eq!(list.status, 200, "{:?}", list.body);
    assert_eq!(contexts(&list.body), [("consultation", false, false)]);
    let entry = &list.body[0];
    assert_eq!(entry["patient_id"], patient_id.as_str());
    assert_eq!(entry["birth_date"], "1893-12-01");
    assert!(entry["organisation"].is_null());
    let admitted = app
        .send(
            &mut doctor,
            "/api/professional/admissions",
            &json!({"national_id": "1893120105732", "context": "institution_stay"}),
        )
        .await;
    assert_eq!(admitted.status, 200, "{:?}", admitted.body);
    let stay = admitted.body["id"].as_str().unwrap().to_owned();

    // A nurse of the same hospital finds the stay (the institution's link), and may renew it.
    let (mut agent, _) = app.signed_in_agent().await;
    let (nurse_id, code) = app.create_professional(&mut agent, "I-9", "INF").await;
    let mut nurse = Browser::default();
    assert_eq!(app.enrol(&mut nurse, &mut SecurityKey::new(61), &code).await.status, 200);
    let list = app.get_as(&nurse, LIST).await;
    assert_eq!(contexts(&list.body), [("institution_stay", false, true)]);
    assert_eq!(list.body[0]["organisation"], "Hôpital Test");
    assert_eq!(list.body[0]["link"]["id"], stay.as_str());

    // The doctor holds both, the soonest-ending first; the consultation ends in two days.
    dsp::entity::care_link::Entity::update_many()
        .col_expr(
            dsp::entity::care_link::Column::EndsAt,
            Expr::value(Utc::now() + TimeDelta::days(2)),
        )
        .filter(dsp::entity::care_link::Column::Context.eq("consultation"))
        .exec(&app.db)
        .await
        .unwrap();
    let list = app.get_as(&doctor, LIST).await;
    assert_eq!(
        contexts(&list.body),
        [("consultation", true, false), ("institution_stay", false, true)]
    );
    let viewed = app.audit("worklist_viewed").await;
    let last = viewed.last().unwrap();
    assert_eq!(last.outcome, "success");
    assert!(last.detail.contains("\"links\":2"), "{}", last.detail);
    assert!(last.patient_id.is_none(), "one entry for the whole list, on no record's chain");

    // The patient blocks the nurse: the record leaves her worklist, and the renewal is refused.
    let blocked = app
        .request(&patient, Method::PUT, &format!("/api/me/blocks/{nurse_id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(blocked.status(), 204);
    assert_eq!(contexts(&app.get_as(&nurse, LIST).await.body), []);
    let renewed =
        app.send(&mut nurse, &format!("/api/professional/links/{stay}/renew"), &json!({})).await;
    assert_eq!(renewed.status, 404);

    // The patient ends the consultation link: only the stay remains for the doctor.
    let consultation = list.body[0]["link"]["id"].as_str().unwrap().to_owned();
    let ended = app
        .request(&patient, Method::DELETE, &format!("/api/me/links/{consultation}"))
        .send()
        .await
        .unwrap();
    assert_eq!(ended.status(), 204);
    assert_eq!(
        contexts(&app.get_as(&doctor, LIST).await.body),
        [("institution_stay", false, true)]
    );
    let _ = &mut patient;
}
