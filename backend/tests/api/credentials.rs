//! Credentials and recovery (issue 11, item 5): removing a key needs a fresh verification and
//! never takes the last one; a key suspended as a possible clone ends every session at once; a
//! letter for an activated record is an explicit recovery (the holder is told, the old passkeys
//! and sessions end, all audited); an activation start costs the same for a known and an unknown
//! national ID.

use std::time::Duration;

use chrono::TimeDelta;
use reqwest::{Method, StatusCode};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde_json::{Value, json};

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::{Browser, activation_code_in, pdf_text};
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    removing_a_key_needs_a_fresh_verification_and_never_takes_the_last,
    a_suspended_key_ends_every_session_at_once,
    a_letter_for_an_activated_record_is_an_explicit_recovery,
    a_refused_recovery_leaves_the_passkeys_alone,
    a_first_letter_is_no_recovery,
    activation_start_costs_the_same_for_a_known_and_an_unknown_national_id,
);

const NATIONAL_ID: &str = "1893120105732";

/// A patient activated with `phone` in `browser`; returns the record's id.
async fn activated(
    app: &TestApp,
    agent: &mut Browser,
    browser: &mut Browser,
    phone: &mut Passkey,
) -> String {
    let patient_id = app.create_patient(agent, NATIONAL_ID, "en").await;
    let code = app.letter_code(agent, &patient_id).await;
    let answer = app.activate(browser, phone, NATIONAL_ID, &code).await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    patient_id
}

/// Confirms again with `passkey` in `browser`'s session.
async fn reverify(app: &TestApp, browser: &mut Browser, passkey: &mut Passkey) {
    let start = app.send(browser, "/api/me/reverify/start", &json!({})).await;
    assert_eq!(start.status, 200, "{:?}", start.body);
    let answer: Value = serde_json::from_str(
        &passkey.authenticate(&start.body["public_key"].to_string(), &app.base).await,
    )
    .unwrap();
    let done = app.send(browser, "/api/me/reverify/finish", &json!({"credential": answer})).await;
    assert_eq!(done.status, 204, "{:?}", done.body);
}

/// Adds `passkey` in `browser`'s (freshly verified) session; returns its id.
async fn add_passkey(
    app: &TestApp,
    browser: &mut Browser,
    passkey: &mut Passkey,
    name: &str,
) -> String {
    let start = app.send(browser, "/api/me/credentials/start", &json!({})).await;
    assert_eq!(start.status, 200, "{:?}", start.body);
    let credential: Value = serde_json::from_str(
        &passkey.register(&start.body["public_key"].to_string(), &app.base).await,
    )
    .unwrap();
    let added = app
        .send(
            browser,
            "/api/me/credentials/finish",
            &json!({"credential": credential, "name": name}),
        )
        .await;
    assert_eq!(added.status, 200, "{:?}", added.body);
    added.body["id"].as_str().unwrap().to_owned()
}

/// `DELETE /api/me/credentials/{id}` as `browser`: the status and the error code, if any.
async fn remove(app: &TestApp, browser: &Browser, id: &str) -> (StatusCode, String) {
    let response = app
        .request(browser, Method::DELETE, &format!("/api/me/credentials/{id}"))
        .send()
        .await
        .unwrap();
    let status = response.status();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    (status, body["code"].as_str().unwrap_or_default().to_owned())
}

async fn credential_ids(app: &TestApp, browser: &Browser) -> Vec<String> {
    let list = app.get_as(browser, "/api/me/credentials").await;
    assert_eq!(list.status, 200, "{:?}", list.body);
    list.body.as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect()
}

async fn notification_kinds(app: &TestApp, browser: &Browser) -> Vec<String> {
    let list = app.get_as(browser, "/api/me/notifications").await;
    assert_eq!(list.status, 200, "{:?}", list.body);
    list.body.as_array().unwrap().iter().map(|n| n["kind"].as_str().unwrap().to_owned()).collect()
}

async fn session_code(app: &TestApp, browser: &Browser) -> String {
    let answer = app.get_as(browser, "/api/auth/session").await;
    if answer.status == 200 { "live".to_owned() } else { answer.code().to_owned() }
}

async fn removing_a_key_needs_a_fresh_verification_and_never_takes_the_last(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let mut browser = Browser::default();
    let mut phone = Passkey::new();
    activated(&app, &mut agent, &mut browser, &mut phone).await;
    // Activating is a fresh verification: a laptop is added at once.
    let mut laptop = Passkey::new();
    let laptop_id = add_passkey(&app, &mut browser, &mut laptop, "Laptop").await;
    assert_eq!(credential_ids(&app, &browser).await.len(), 2);

    // Minutes later, whoever holds the session (a borrowed laptop, a stolen cookie) cannot
    // remove a key without confirming with one.
    app.clock.advance(TimeDelta::minutes(6));
    assert_eq!(
        remove(&app, &browser, &laptop_id).await,
        (StatusCode::FORBIDDEN, "reverification_required".to_owned())
    );
    assert_eq!(credential_ids(&app, &browser).await.len(), 2, "nothing removed");
    let refused = app.audit("credential_removed").await.pop().unwrap();
    assert_eq!(refused.outcome, "failure");
    assert!(refused.detail.contains("reverification_required"), "{}", refused.detail);
    assert_eq!(refused.target_id.as_deref(), Some(laptop_id.as_str()));

    // Confirmed with the phone: the laptop goes.
    reverify(&app, &mut browser, &mut phone).await;
    assert_eq!(remove(&app, &browser, &laptop_id).await, (StatusCode::NO_CONTENT, String::new()));
    let removed = app.audit("credential_removed").await.pop().unwrap();
    assert_eq!(removed.outcome, "success");

    // The last passkey never goes, fresh verification or not: recovery is the way.
    let phone_id = credential_ids(&app, &browser).await.pop().unwrap();
    assert_eq!(
        remove(&app, &browser, &phone_id).await,
        (StatusCode::CONFLICT, "last_credential".to_owned())
    );
    app.clock.advance(TimeDelta::minutes(6));
    assert_eq!(
        remove(&app, &browser, &phone_id).await,
        (StatusCode::FORBIDDEN, "reverification_required".to_owned())
    );
    assert_eq!(credential_ids(&app, &browser).await, [phone_id]);
    assert_eq!(session_code(&app, &browser).await, "live");
}

async fn a_suspended_key_ends_every_session_at_once(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let code = app.create_agent("Anne Agent").await;
    let mut key = SecurityKey::new(40);
    let mut enrolled = Browser::default();
    assert_eq!(app.enrol(&mut enrolled, &mut key, &code).await.status, 200);
    let mut again = Browser::default();
    assert_eq!(app.sign_in_with_key(&mut again, &mut key).await.status, 200);
    // A spare key, added in the enrolment's session, and a session opened with it.
    let start = app.send(&mut enrolled, "/api/me/credentials/start", &json!({})).await;
    assert_eq!(start.status, 200, "{:?}", start.body);
    let mut spare = SecurityKey::new(41);
    let credential: Value =
        serde_json::from_str(&spare.register(&start.body["public_key"].to_string(), &app.base))
            .unwrap();
    let added = app
        .send(&mut enrolled, "/api/me/credentials/finish", &json!({"credential": credential}))
        .await;
    assert_eq!(added.status, 200, "{:?}", added.body);
    let mut with_spare = Browser::default();
    assert_eq!(app.sign_in_with_key(&mut with_spare, &mut spare).await.status, 200);

    // A copy of the first key signs with a counter that went backwards: one of the two is a
    // clone, and nobody can tell which. Every session ends at once, whichever key opened it
    // (the clone's holder may have added a key of their own).
    key.set_counter(0);
    let cloned = app.sign_in_with_key(&mut Browser::default(), &mut key).await;
    assert_eq!(cloned.status, 400);
    assert_eq!(cloned.code(), "credential_suspended");
    for browser in [&enrolled, &again, &with_spare] {
        assert_eq!(session_code(&app, browser).await, "session_expired");
    }
    let entry = app.audit("sign_in").await.pop().unwrap();
    assert_eq!(entry.outcome, "failure");
    let detail: Value = serde_json::from_str(&entry.detail).unwrap();
    assert_eq!(detail["sessions_ended"], 3, "{detail}");
    assert!(detail["suspended"].is_string(), "{detail}");
    assert_eq!(entry.actor_kind.as_deref(), Some("agent"));

    // The spare key still signs in; the suspended one does not.
    let mut later = Browser::default();
    assert_eq!(app.sign_in_with_key(&mut later, &mut spare).await.status, 200);
    let listed = app.get_as(&later, "/api/me/credentials").await;
    let suspended: Vec<bool> =
        listed.body.as_array().unwrap().iter().map(|c| c["suspended"].as_bool().unwrap()).collect();
    assert_eq!(suspended, [true, false]);
}

async fn a_letter_for_an_activated_record_is_an_explicit_recovery(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let mut home = Browser::default();
    let mut phone = Passkey::new();
    let patient_id = activated(&app, &mut agent, &mut home, &mut phone).await;
    let mut laptop = Passkey::new();
    add_passkey(&app, &mut home, &mut laptop, "Laptop").await;
    let mut elsewhere = Browser::default();
    assert_eq!(app.sign_in_with_passkey(&mut elsewhere, &mut laptop).await.status, 200);
    assert!(notification_kinds(&app, &home).await.is_empty());

    // The helpdesk re-issues the letter: it is a recovery letter, and the holder is told in the
    // app at once (someone who did not ask can call the helpdesk before it is used). The agent
    // records the identity check first.
    let response = app
        .request(&agent, Method::POST, &format!("/api/agency/patients/{patient_id}/letter"))
        .json(&json!({"identity_check": {"documents": ["id_card"]}}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let pdf = response.bytes().await.unwrap();
    let code = activation_code_in(&pdf).unwrap();
    assert!(pdf_text(&pdf).contains("Recovery letter"), "the letter says what it is");
    let issued = app.audit("recovery_letter_issued").await;
    assert_eq!(issued.len(), 1);
    assert_eq!(issued[0].outcome, "success");
    assert_eq!(issued[0].patient_id.unwrap().to_string(), patient_id);
    assert_eq!(app.audit("letter_issued").await.len(), 1, "only the first letter");
    assert_eq!(notification_kinds(&app, &home).await, ["recovery_letter_issued"]);

    // Whoever holds the letter (minutes later: the sessions are still live until the recovery
    // ends them): the start says it is a recovery before any passkey is made.
    app.clock.advance(TimeDelta::minutes(1));
    let mut new_phone = Passkey::new();
    let mut fresh = Browser::default();
    let start = app
        .send(
            &mut fresh,
            "/api/activation/start",
            &json!({"national_id": NATIONAL_ID, "activation_code": code}),
        )
        .await;
    assert_eq!(start.status, 200, "{:?}", start.body);
    assert_eq!(start.body["recovery"], true);
    let credential: Value = serde_json::from_str(
        &new_phone.register(&start.body["public_key"].to_string(), &app.base).await,
    )
    .unwrap();
    let recovered = app
        .send(
            &mut fresh,
            "/api/activation/finish",
            &json!({"credential": credential, "name": "New phone"}),
        )
        .await;
    assert_eq!(recovered.status, 200, "{:?}", recovered.body);

    // The new passkey is the only one; every other session ended; the old passkeys are gone.
    let remaining = app.get_as(&fresh, "/api/me/credentials").await;
    let names: Vec<&str> =
        remaining.body.as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["New phone"]);
    for browser in [&home, &elsewhere] {
        assert_eq!(session_code(&app, browser).await, "session_expired");
    }
    for old in [&mut phone, &mut laptop] {
        let refused = app.sign_in_with_passkey(&mut Browser::default(), old).await;
        assert_eq!(refused.code(), "unknown_credential");
    }
    assert_eq!(app.sign_in_with_passkey(&mut Browser::default(), &mut new_phone).await.status, 200);

    // Audited, with what it ended; told to the holder; in their history.
    let entry = app.audit("credential_recovery").await.pop().unwrap();
    assert_eq!(entry.outcome, "success");
    assert_eq!(entry.patient_id.unwrap().to_string(), patient_id);
    assert_eq!(entry.actor_kind.as_deref(), Some("patient"));
    let detail: Value = serde_json::from_str(&entry.detail).unwrap();
    assert_eq!(detail["revoked_credentials"], 2, "{detail}");
    assert_eq!(detail["sessions_ended"], 2, "{detail}");
    assert!(app.audit("activation").await.iter().all(|e| e.outcome == "success"));
    assert_eq!(app.audit("activation").await.len(), 1, "the recovery is not a second activation");
    let kinds = notification_kinds(&app, &fresh).await;
    assert_eq!(kinds, ["credential_recovery", "recovery_letter_issued"]);
    let history = app.get_as(&fresh, "/api/me/history").await;
    let actions: Vec<&str> = history.body["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for action in ["recovery_letter_issued", "credential_recovery"] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    // The code is spent.
    let again =
        app.activate(&mut Browser::default(), &mut Passkey::new(), NATIONAL_ID, &code).await;
    assert_eq!(again.code(), "activation_failed");
    assert_eq!(dsp::audit::verify(&app.db).await.unwrap().first_broken, None);
}

async fn a_refused_recovery_leaves_the_passkeys_alone(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    // Someone else's key, already registered.
    let code = app.create_agent("Other Agent").await;
    assert_eq!(
        app.enrol(&mut Browser::default(), &mut SecurityKey::new(60), &code).await.status,
        200
    );
    let mut home = Browser::default();
    let mut phone = Passkey::new();
    let patient_id = activated(&app, &mut agent, &mut home, &mut phone).await;
    let code = app.letter_code(&agent, &patient_id).await;
    // The letter's holder answers with a credential id that is already registered (a copy of
    // that key): refused, and nothing of the patient's is removed or ended.
    let mut copy = SecurityKey::new(60);
    let mut browser = Browser::default();
    let start = app
        .send(
            &mut browser,
            "/api/activation/start",
            &json!({"national_id": NATIONAL_ID, "activation_code": code}),
        )
        .await;
    assert_eq!(start.body["recovery"], true, "{:?}", start.body);
    let credential: Value =
        serde_json::from_str(&copy.register(&start.body["public_key"].to_string(), &app.base))
            .unwrap();
    let refused =
        app.send(&mut browser, "/api/activation/finish", &json!({"credential": credential})).await;
    assert_eq!(refused.status, 400, "{:?}", refused.body);
    assert_eq!(refused.code(), "credential_rejected");
    assert_eq!(session_code(&app, &home).await, "live");
    assert_eq!(credential_ids(&app, &home).await.len(), 1);
    assert_eq!(app.sign_in_with_passkey(&mut Browser::default(), &mut phone).await.status, 200);
    assert!(app.audit("credential_recovery").await.is_empty());
    assert_eq!(app.audit("activation").await.pop().unwrap().outcome, "failure");
    assert_eq!(notification_kinds(&app, &home).await, ["recovery_letter_issued"]);
}

async fn a_first_letter_is_no_recovery(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient_id = app.create_patient(&mut agent, NATIONAL_ID, "fr").await;
    app.letter_code(&agent, &patient_id).await;
    // A second letter before activation (the first was lost in the post) is a plain one too.
    let code = app.letter_code(&agent, &patient_id).await;
    assert_eq!(app.audit("letter_issued").await.len(), 2);
    assert!(app.audit("recovery_letter_issued").await.is_empty());
    let mut browser = Browser::default();
    let start = app
        .send(
            &mut browser,
            "/api/activation/start",
            &json!({"national_id": NATIONAL_ID, "activation_code": code}),
        )
        .await;
    assert_eq!(start.body["recovery"], false, "{:?}", start.body);
    let answer = app.activate(&mut browser, &mut Passkey::new(), NATIONAL_ID, &code).await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    assert!(notification_kinds(&app, &browser).await.is_empty());
    assert!(app.audit("credential_recovery").await.is_empty());
}

async fn activation_start_costs_the_same_for_a_known_and_an_unknown_national_id(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient_id = app.create_patient(&mut agent, NATIONAL_ID, "lb").await;
    app.letter_code(&agent, &patient_id).await;
    let unknown = shared::NationalId::from_first_eleven("19900101001").unwrap().to_string();
    let db = &app.db;
    // Each try starts afresh: no rate-limit window, no wrong code counted yet.
    let reset = async || {
        db.execute_unprepared("DELETE FROM rate_limits").await.unwrap();
        dsp::entity::activation_failure::Entity::delete_many().exec(db).await.unwrap();
    };
    let try_once = async |national_id: &str| {
        let answer = app
            .send(
                &mut Browser::default(),
                "/api/activation/start",
                &json!({"national_id": national_id, "activation_code": "AAAA-BBBB-CCCC"}),
            )
            .await;
        assert_eq!(answer.status, 400, "{:?}", answer.body);
        assert_eq!(answer.code(), "activation_failed");
    };

    reset().await;
    let known_sql = app.statements.of(try_once(NATIONAL_ID)).await;
    reset().await;
    let unknown_sql = app.statements.of(try_once(&unknown)).await;

    // The times: tries alternate (known first, then unknown first), so that the machine's load
    // weighs on both alike.
    const ROUNDS: usize = 60;
    let mut times = [Vec::new(), Vec::new()];
    for round in 0..ROUNDS {
        let order = if round % 2 == 0 { [0, 1] } else { [1, 0] };
        for which in order {
            reset().await;
            let id = if which == 0 { NATIONAL_ID } else { unknown.as_str() };
            let start = std::time::Instant::now();
            try_once(id).await;
            times[which].push(start.elapsed());
        }
    }
    for t in &mut times {
        t.sort();
    }
    let median = |t: &[Duration]| t[t.len() / 2];
    let (known, missing) = (median(&times[0]), median(&times[1]));
    let distance = kolmogorov_smirnov(&times[0], &times[1]);
    eprintln!(
        "{engine:?}: activation refusal medians: known ID {known:?}, unknown ID {missing:?}; \
         KS distance {distance:.3} over {ROUNDS} tries each"
    );

    assert!(known_sql.len() >= 6, "{known_sql:#?}");
    assert_eq!(known_sql, unknown_sql, "a known national ID must cost what an unknown one does");
    // Every answer waits out the floor, far above what the rows read can differ by.
    let floor = app.state.config.not_found_floor;
    assert!(floor >= Duration::from_millis(5));
    assert!(times[0][0] >= floor && times[1][0] >= floor, "{times:?}");
    // The two samples are not told apart by a Kolmogorov–Smirnov test at about 0.1 % (critical
    // distance 1.95·√(2/n)). The tries alternate, so a burst of load on the shared machine weighs
    // on both alike; medians are only printed (on PostgreSQL, with its durable commits, they
    // wander by a few milliseconds from run to run, either way).
    #[expect(clippy::cast_precision_loss, reason = "a small count")]
    let critical = 1.95 * (2.0 / ROUNDS as f64).sqrt();
    assert!(distance < critical, "KS distance {distance:.3} ≥ {critical:.3}: {times:?}");
}

/// The largest gap between the empirical distribution functions of two sorted samples.
fn kolmogorov_smirnov(a: &[Duration], b: &[Duration]) -> f64 {
    let (mut i, mut j, mut widest) = (0, 0, 0.0_f64);
    #[expect(clippy::cast_precision_loss, reason = "small counts")]
    let fraction = |k: usize, n: usize| k as f64 / n as f64;
    while i < a.len() && j < b.len() {
        let next = a[i].min(b[j]);
        while i < a.len() && a[i] == next {
            i += 1;
        }
        while j < b.len() && b[j] == next {
            j += 1;
        }
        widest = widest.max((fraction(i, a.len()) - fraction(j, b.len())).abs());
    }
    widest
}
