//! Strong sign-in through HTTP with software authenticators: every flow and every refusal, each
//! with its audit entry.

use chrono::TimeDelta;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::Browser;
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    an_agent_enrols_a_key_and_signs_in_again,
    a_patient_activates_with_the_letter_and_signs_in_with_the_passkey_alone,
    a_professional_enrols_and_signs_in,
    a_synced_passkey_is_refused_for_a_professional,
    user_verification_is_required,
    wrong_origin_and_wrong_rp_id_are_refused,
    an_assertion_cannot_be_replayed,
    an_expired_ceremony_is_refused,
    a_counter_that_goes_backwards_suspends_the_key,
    activation_locks_after_five_wrong_codes_and_reveals_nothing,
    activation_codes_are_single_use_and_expire,
    sign_in_is_rate_limited_with_retry_after,
    sign_in_counts_refused_attempts_per_credential_and_per_client,
    signing_in_rotates_the_session,
    sessions_end_when_idle_or_after_twelve_hours,
    sign_out_ends_the_session,
    cross_site_requests_are_refused,
    a_ceremony_started_on_one_instance_finishes_on_another,
    a_reverification_is_bound_to_its_session,
    patients_manage_their_passkeys,
    a_reissued_enrolment_code_revokes_the_lost_key,
    the_agency_validates_patients_and_only_agents_reach_it,
);

async fn an_agent_enrols_a_key_and_signs_in_again(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let code = app.create_agent("Anne Agent").await;
    let mut browser = Browser::default();
    let mut key = SecurityKey::new(1);
    let enrolled = app.enrol(&mut browser, &mut key, &code).await;
    assert_eq!(enrolled.status, 200, "{:?}", enrolled.body);
    assert_eq!(enrolled.body["role"], "agent");
    assert_eq!(enrolled.body["display_name"], "Anne Agent");
    let cookie = enrolled.set_cookie.unwrap();
    assert!(
        cookie.starts_with("dsp_session=")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
    );
    // The code is single-use.
    let again = app.enrol(&mut Browser::default(), &mut SecurityKey::new(2), &code).await;
    assert_eq!(again.code(), "enrolment_code_invalid");

    let mut fresh = Browser::default();
    let signed = app.sign_in_with_key(&mut fresh, &mut key).await;
    assert_eq!(signed.status, 200, "{:?}", signed.body);
    let session = app.get_as(&fresh, "/api/auth/session").await;
    assert_eq!(session.body["role"], "agent");
    assert_eq!(session.body["idle_timeout_seconds"], 900);
    assert_eq!(app.audit("enrolment").await.last().unwrap().outcome, "success");
    let failures = app.audit("enrolment_attempt").await;
    assert_eq!(failures.last().unwrap().outcome, "failure");
    let sign_in = app.audit("sign_in").await;
    assert_eq!(sign_in.len(), 1);
    assert_eq!(sign_in[0].actor_kind.as_deref(), Some("agent"));
    assert_eq!(sign_in[0].outcome, "success");
}

async fn a_patient_activates_with_the_letter_and_signs_in_with_the_passkey_alone(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient_id = app.create_patient(&mut agent, "1893120105732", "lb").await;
    let code = app.letter_code(&agent, &patient_id).await;
    let mut phone = Passkey::new();
    let mut browser = Browser::default();
    let activated =
        app.activate(&mut browser, &mut phone, "1893 1201 057 32", &code.to_lowercase()).await;
    assert_eq!(activated.status, 200, "{:?}", activated.body);
    assert_eq!(activated.body["role"], "patient");
    assert_eq!(activated.body["preferred_language"], "lb");
    assert_eq!(activated.body["idle_timeout_seconds"], 1800);
    let record = app.get_as(&agent, &format!("/api/agency/patients/{patient_id}")).await;
    assert_eq!(record.body["record_state"], "activated");
    assert!(record.body["objection_deadline"].is_string());
    let audit = app.audit("activation").await;
    assert_eq!(audit.last().unwrap().outcome, "success");
    assert_eq!(audit.last().unwrap().patient_id.unwrap().to_string(), patient_id);

    // Later: the passkey alone, no national ID, no username.
    let mut later = Browser::default();
    let signed = app.sign_in_with_passkey(&mut later, &mut phone).await;
    assert_eq!(signed.status, 200, "{:?}", signed.body);
    assert_eq!(signed.body["subject_id"], patient_id.as_str());
}

async fn a_professional_enrols_and_signs_in(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let (id, code) = app.create_professional(&mut agent, "M-424242", "MED").await;
    let mut key = SecurityKey::new(7);
    let mut browser = Browser::default();
    let enrolled = app.enrol(&mut browser, &mut key, &code).await;
    assert_eq!(enrolled.status, 200, "{:?}", enrolled.body);
    assert_eq!(enrolled.body["role"], "professional");
    assert_eq!(enrolled.body["profession"], "MED");
    let mut later = Browser::default();
    let signed = app.sign_in_with_key(&mut later, &mut key).await;
    assert_eq!(signed.status, 200);
    assert_eq!(signed.body["subject_id"], id.as_str());
    // The patient area is not theirs.
    let credentials = app.get_as(&later, "/api/agency/organisations").await;
    assert_eq!(credentials.status, 403);
    assert_eq!(credentials.body["code"], "forbidden");
}

async fn a_synced_passkey_is_refused_for_a_professional(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let (_, code) = app.create_professional(&mut agent, "I-1", "INF").await;
    let mut synced = SecurityKey::new(8);
    synced.set_backup_flags(true, true);
    let refused = app.enrol(&mut Browser::default(), &mut synced, &code).await;
    assert_eq!(refused.status, 400);
    assert_eq!(refused.code(), "synced_credential_refused");
    let audit = app.audit("enrolment").await;
    assert_eq!(audit.last().unwrap().outcome, "failure");
    assert!(audit.last().unwrap().detail.contains("synced_credential_refused"));

    // A device-bound key that later claims to be backed up is refused at sign-in too.
    let (_, code) = app.create_professional(&mut agent, "I-2", "INF").await;
    let mut key = SecurityKey::new(9);
    assert_eq!(app.enrol(&mut Browser::default(), &mut key, &code).await.status, 200);
    key.set_backup_flags(true, false);
    let refused = app.sign_in_with_key(&mut Browser::default(), &mut key).await;
    assert_eq!(refused.code(), "synced_credential_refused");
}

async fn user_verification_is_required(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let code = app.create_agent("A").await;
    let mut key = SecurityKey::new(10);
    key.set_user_verified(false);
    let refused = app.enrol(&mut Browser::default(), &mut key, &code).await;
    assert_eq!(refused.code(), "user_verification_required");
    key.set_user_verified(true);
    let code = app.create_agent("B").await;
    assert_eq!(app.enrol(&mut Browser::default(), &mut key, &code).await.status, 200);
    key.set_user_verified(false);
    let refused = app.sign_in_with_key(&mut Browser::default(), &mut key).await;
    assert_eq!(refused.status, 400);
    assert_eq!(refused.code(), "user_verification_required");
    assert_eq!(app.audit("sign_in").await.last().unwrap().outcome, "failure");
}

async fn wrong_origin_and_wrong_rp_id_are_refused(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let code = app.create_agent("A").await;
    let mut key = SecurityKey::new(11);
    key.override_origin(Some("http://localhost:1".into()));
    assert_eq!(
        app.enrol(&mut Browser::default(), &mut key, &code).await.code(),
        "credential_rejected"
    );
    key.override_origin(None);
    key.override_rp_id(Some("evil.example".into()));
    assert_eq!(
        app.enrol(&mut Browser::default(), &mut key, &code).await.code(),
        "credential_rejected"
    );
    key.override_rp_id(None);
    assert_eq!(app.enrol(&mut Browser::default(), &mut key, &code).await.status, 200);
    key.override_origin(Some("https://phishing.example".into()));
    assert_eq!(
        app.sign_in_with_key(&mut Browser::default(), &mut key).await.code(),
        "credential_rejected"
    );
    key.override_origin(None);
    key.override_rp_id(Some("evil.example".into()));
    assert_eq!(
        app.sign_in_with_key(&mut Browser::default(), &mut key).await.code(),
        "credential_rejected"
    );
    let failures = app.audit("sign_in").await;
    assert_eq!(failures.len(), 2);
    assert!(failures.iter().all(|e| e.outcome == "failure"));
}

async fn an_assertion_cannot_be_replayed(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let code = app.create_agent("A").await;
    let mut key = SecurityKey::new(12);
    assert_eq!(app.enrol(&mut Browser::default(), &mut key, &code).await.status, 200);
    let mut browser = Browser::default();
    let start = app.send(&mut browser, "/api/auth/sign-in/start", &json!({})).await;
    let assertion: Value =
        serde_json::from_str(&key.authenticate(&start.body["public_key"].to_string(), &app.base))
            .unwrap();
    let first =
        app.send(&mut browser, "/api/auth/sign-in/finish", &json!({"credential": assertion})).await;
    assert_eq!(first.status, 200);
    let replay = app
        .send(
            &mut Browser::default(),
            "/api/auth/sign-in/finish",
            &json!({"credential": assertion}),
        )
        .await;
    assert_eq!(replay.status, 400);
    assert_eq!(replay.code(), "ceremony_expired");
}

async fn an_expired_ceremony_is_refused(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let code = app.create_agent("A").await;
    let mut key = SecurityKey::new(13);
    assert_eq!(app.enrol(&mut Browser::default(), &mut key, &code).await.status, 200);
    let mut browser = Browser::default();
    let start = app.send(&mut browser, "/api/auth/sign-in/start", &json!({})).await;
    let assertion: Value =
        serde_json::from_str(&key.authenticate(&start.body["public_key"].to_string(), &app.base))
            .unwrap();
    app.clock.advance(TimeDelta::minutes(5) + TimeDelta::seconds(1));
    let late =
        app.send(&mut browser, "/api/auth/sign-in/finish", &json!({"credential": assertion})).await;
    assert_eq!(late.status, 400);
    assert_eq!(late.code(), "ceremony_expired");
    assert!(app.audit("sign_in").await.last().unwrap().detail.contains("ceremony_expired"));
}

async fn a_counter_that_goes_backwards_suspends_the_key(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let code = app.create_agent("A").await;
    let mut key = SecurityKey::new(14);
    assert_eq!(app.enrol(&mut Browser::default(), &mut key, &code).await.status, 200);
    for _ in 0..3 {
        assert_eq!(app.sign_in_with_key(&mut Browser::default(), &mut key).await.status, 200);
    }
    key.set_counter(1);
    let cloned = app.sign_in_with_key(&mut Browser::default(), &mut key).await;
    assert_eq!(cloned.status, 400);
    assert_eq!(cloned.code(), "credential_suspended");
    let failure = app.audit("sign_in").await.pop().unwrap();
    assert_eq!(failure.outcome, "failure");
    assert!(failure.detail.contains("signature counter"));
    // Suspended for good, even with a correct counter.
    key.set_counter(100);
    let after = app.sign_in_with_key(&mut Browser::default(), &mut key).await;
    assert_eq!(after.status, 403);
    assert_eq!(after.code(), "credential_suspended");
}

async fn activation_locks_after_five_wrong_codes_and_reveals_nothing(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let known = "1893120105732";
    let patient_id = app.create_patient(&mut agent, known, "fr").await;
    let code = app.letter_code(&agent, &patient_id).await;
    let unknown = shared::NationalId::from_first_eleven("19900101001").unwrap().to_string();
    let mut answers = Vec::new();
    for id in [known, unknown.as_str()] {
        let mut seen = Vec::new();
        for _ in 0..6 {
            let answer = app
                .send(
                    &mut Browser::default(),
                    "/api/activation/start",
                    &json!({"national_id": id, "activation_code": "AAAA-BBBB-CCCC"}),
                )
                .await;
            seen.push((answer.status.as_u16(), answer.code().to_owned()));
        }
        answers.push(seen);
        // A new minute for the per-client rate limit (10 a minute).
        app.clock.advance(TimeDelta::seconds(61));
    }
    assert_eq!(answers[0], answers[1], "a known and an unknown national ID answer alike");
    assert_eq!(answers[0][0], (400, "activation_failed".to_owned()));
    assert_eq!(answers[0][4], (423, "activation_locked".to_owned()));
    assert_eq!(answers[0][5], (423, "activation_locked".to_owned()));
    // Locked even with the right code, until the agency re-issues the letter.
    let mut phone = Passkey::new();
    assert_eq!(
        app.activate(&mut Browser::default(), &mut phone, known, &code).await.code(),
        "activation_locked"
    );
    let listed = app.get_as(&agent, &format!("/api/agency/patients/{patient_id}")).await;
    assert_eq!(listed.body["activation_locked"], true);
    let new_code = app.letter_code(&agent, &patient_id).await;
    assert_eq!(
        app.activate(&mut Browser::default(), &mut phone, known, &code).await.code(),
        "activation_failed",
        "the old code is void"
    );
    assert_eq!(
        app.activate(&mut Browser::default(), &mut phone, known, &new_code).await.status,
        200
    );
    let attempts = app.audit("activation_attempt").await;
    assert!(attempts.iter().filter(|e| e.outcome == "failure").count() >= 12);
}

async fn activation_codes_are_single_use_and_expire(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient_id = app.create_patient(&mut agent, "1893120105732", "de").await;
    let code = app.letter_code(&agent, &patient_id).await;
    let mut phone = Passkey::new();
    assert_eq!(
        app.activate(&mut Browser::default(), &mut phone, "1893120105732", &code).await.status,
        200
    );
    let again =
        app.activate(&mut Browser::default(), &mut Passkey::new(), "1893120105732", &code).await;
    assert_eq!(again.code(), "activation_failed");

    let other = shared::NationalId::from_first_eleven("19600229004").unwrap().to_string();
    let other_id = app.create_patient(&mut agent, &other, "en").await;
    let code = app.letter_code(&agent, &other_id).await;
    app.clock.advance(TimeDelta::days(91));
    let (mut agent, _) = app.signed_in_agent().await;
    let late = app.activate(&mut Browser::default(), &mut Passkey::new(), &other, &code).await;
    assert_eq!(late.code(), "activation_failed", "expired after the default 90 days");
    let fresh = app.letter_code(&agent, &other_id).await;
    assert_eq!(app.activate(&mut agent, &mut Passkey::new(), &other, &fresh).await.status, 200);
}

async fn sign_in_is_rate_limited_with_retry_after(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let mut last = None;
    for _ in 0..11 {
        let response = app
            .client
            .post(app.url("/api/enrolment/start"))
            .json(&json!({"code": "NOPE-NOPE-NOPE"}))
            .send()
            .await
            .unwrap();
        last = Some(response);
    }
    let response = last.unwrap();
    assert_eq!(response.status(), 429);
    let retry: u64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry));
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], "rate_limited");
    // A new window lets the client try again.
    app.clock.advance(TimeDelta::seconds(61));
    let response = app
        .client
        .post(app.url("/api/enrolment/start"))
        .json(&json!({"code": "NOPE"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
}

async fn sign_in_counts_refused_attempts_per_credential_and_per_client(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let code = app.create_agent("Counted").await;
    let mut key = SecurityKey::new(77);
    let mut browser = Browser::default();
    assert_eq!(app.enrol(&mut browser, &mut key, &code).await.status, 200);
    // One real assertion, then replayed: every replay is refused (its ceremony is spent), and
    // the refusals count towards the credential's 20 tries a minute.
    let start = app.send(&mut browser, "/api/auth/sign-in/start", &json!({})).await;
    assert_eq!(start.status, 200);
    let assertion: Value =
        serde_json::from_str(&key.authenticate(&start.body["public_key"].to_string(), &app.base))
            .unwrap();
    let finish = json!({"credential": assertion});
    let first = app.send(&mut browser, "/api/auth/sign-in/finish", &finish).await;
    assert_eq!(first.status, 200, "{:?}", first.body);
    let mut statuses = Vec::new();
    for _ in 0..21 {
        statuses.push(app.send(&mut browser, "/api/auth/sign-in/finish", &finish).await.status);
    }
    assert!(statuses[..19].iter().all(|s| *s == 400), "{statuses:?}");
    assert_eq!(&statuses[19..], &[429, 429], "over the limit, and it stays refused");
    // Starts: 30 a minute per client (one made above), through the same commit as the ceremony.
    for n in 2..=30 {
        let answer = app.send(&mut browser, "/api/auth/sign-in/start", &json!({})).await;
        assert_eq!(answer.status, 200, "start {n}");
    }
    for _ in 0..2 {
        let answer = app.send(&mut browser, "/api/auth/sign-in/start", &json!({})).await;
        assert_eq!(answer.status, 429);
        assert_eq!(answer.body["code"], "rate_limited");
    }
    app.clock.advance(TimeDelta::seconds(61));
    assert_eq!(app.send(&mut browser, "/api/auth/sign-in/start", &json!({})).await.status, 200);
    // A new minute lets the credential try again (this replay is refused, not limited).
    assert_eq!(app.send(&mut browser, "/api/auth/sign-in/finish", &finish).await.status, 400);
}

async fn signing_in_rotates_the_session(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let code = app.create_agent("A").await;
    let mut key = SecurityKey::new(15);
    let mut attacker = Browser::default();
    assert_eq!(app.enrol(&mut attacker, &mut key, &code).await.status, 200);
    // The victim's browser carries a cookie planted by someone else; signing in replaces it.
    let mut victim = attacker.clone();
    let signed = app.sign_in_with_key(&mut victim, &mut key).await;
    assert_eq!(signed.status, 200);
    assert_ne!(victim.cookie, attacker.cookie, "a new token at sign-in");
    let planted = app.get_as(&attacker, "/api/auth/session").await;
    assert_eq!(planted.status, 401);
    assert_eq!(planted.body["code"], "session_expired");
    assert_eq!(app.get_as(&victim, "/api/auth/session").await.status, 200);
}

async fn sessions_end_when_idle_or_after_twelve_hours(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (agent, _) = app.signed_in_agent().await;
    app.clock.advance(TimeDelta::minutes(14));
    assert_eq!(
        app.get_as(&agent, "/api/auth/session").await.status,
        200,
        "activity keeps it alive"
    );
    app.clock.advance(TimeDelta::minutes(15) + TimeDelta::seconds(1));
    let idle = app.get_as(&agent, "/api/auth/session").await;
    assert_eq!(idle.status, 401);
    assert_eq!(idle.body["code"], "session_expired");
    assert_eq!(
        app.get_as(&Browser::default(), "/api/auth/session").await.body["code"],
        "unauthenticated"
    );

    // Patients: 30 minutes idle; everyone: 12 hours at most, however active.
    let (mut agent, _) = app.signed_in_agent().await;
    let patient_id = app.create_patient(&mut agent, "1893120105732", "fr").await;
    let code = app.letter_code(&agent, &patient_id).await;
    let mut patient = Browser::default();
    assert_eq!(
        app.activate(&mut patient, &mut Passkey::new(), "1893120105732", &code).await.status,
        200
    );
    app.clock.advance(TimeDelta::minutes(29));
    assert_eq!(app.get_as(&patient, "/api/auth/session").await.status, 200);
    for _ in 0..24 {
        app.clock.advance(TimeDelta::minutes(29));
        if app.get_as(&patient, "/api/auth/session").await.status != 200 {
            break;
        }
    }
    let absolute = app.get_as(&patient, "/api/auth/session").await;
    assert_eq!(absolute.body["code"], "session_expired", "ended at 12 hours");
}

async fn sign_out_ends_the_session(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let kept = agent.clone();
    let out = app.send(&mut agent, "/api/auth/sign-out", &json!({})).await;
    assert_eq!(out.status, 204);
    assert!(out.set_cookie.unwrap().contains("Max-Age=0"));
    assert_eq!(app.get_as(&kept, "/api/auth/session").await.body["code"], "session_expired");
    assert_eq!(app.audit("sign_out").await.len(), 1);
}

async fn cross_site_requests_are_refused(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (agent, _) = app.signed_in_agent().await;
    let cookie = agent.cookie.clone().unwrap();
    let bare = reqwest::Client::new();
    let cases: [&[(&str, &str)]; 4] = [
        &[],
        &[("origin", "https://evil.example")],
        &[("sec-fetch-site", "cross-site")],
        &[("sec-fetch-site", "same-site"), ("origin", "http://sub.localhost")],
    ];
    for headers in cases {
        let mut request =
            bare.post(app.url("/api/auth/sign-out")).header("cookie", &cookie).json(&json!({}));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 403, "{headers:?}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["code"], "csrf_rejected");
    }
    assert_eq!(app.get_as(&agent, "/api/auth/session").await.status, 200, "still signed in");
    let same = bare
        .post(app.url("/api/auth/sign-out"))
        .header("cookie", &cookie)
        .header("sec-fetch-site", "same-origin")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(same.status(), 204);
}

async fn a_ceremony_started_on_one_instance_finishes_on_another(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let second = app.second_instance().await;
    let code = app.create_agent("A").await;
    let mut key = SecurityKey::new(16);
    let mut browser = Browser::default();
    let start = app.send(&mut browser, "/api/enrolment/start", &json!({"code": code})).await;
    let credential: Value =
        serde_json::from_str(&key.register(&start.body["public_key"].to_string(), &app.base))
            .unwrap();
    let finished = second
        .send(&mut browser, "/api/enrolment/finish", &json!({"credential": credential}))
        .await;
    assert_eq!(finished.status, 200, "{:?}", finished.body);
    let start = second.send(&mut browser, "/api/auth/sign-in/start", &json!({})).await;
    let assertion: Value =
        serde_json::from_str(&key.authenticate(&start.body["public_key"].to_string(), &app.base))
            .unwrap();
    let signed =
        app.send(&mut browser, "/api/auth/sign-in/finish", &json!({"credential": assertion})).await;
    assert_eq!(signed.status, 200, "{:?}", signed.body);
    assert_eq!(
        second.get_as(&browser, "/api/auth/session").await.status,
        200,
        "the session is shared"
    );
}

async fn a_reverification_is_bound_to_its_session(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut first, mut first_key) = app.signed_in_agent().await;
    let code = app.create_agent("Other").await;
    let mut second = Browser::default();
    let mut second_key = SecurityKey::new(17);
    assert_eq!(app.enrol(&mut second, &mut second_key, &code).await.status, 200);
    // The first agent's reverification challenge, answered and submitted in the second's session.
    let start = app.send(&mut first, "/api/me/reverify/start", &json!({})).await;
    assert_eq!(start.status, 200);
    let answer: Value = serde_json::from_str(
        &first_key.authenticate(&start.body["public_key"].to_string(), &app.base),
    )
    .unwrap();
    let stolen =
        app.send(&mut second, "/api/me/reverify/finish", &json!({"credential": answer})).await;
    assert_eq!(stolen.status, 400);
    assert_eq!(stolen.code(), "credential_rejected");
    // Its own: fine.
    let start = app.send(&mut second, "/api/me/reverify/start", &json!({})).await;
    let answer: Value = serde_json::from_str(
        &second_key.authenticate(&start.body["public_key"].to_string(), &app.base),
    )
    .unwrap();
    assert_eq!(
        app.send(&mut second, "/api/me/reverify/finish", &json!({"credential": answer}))
            .await
            .status,
        204
    );
}

async fn patients_manage_their_passkeys(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient_id = app.create_patient(&mut agent, "1893120105732", "en").await;
    let code = app.letter_code(&agent, &patient_id).await;
    let mut phone = Passkey::new();
    let mut browser = Browser::default();
    assert_eq!(app.activate(&mut browser, &mut phone, "1893120105732", &code).await.status, 200);
    let list = app.get_as(&browser, "/api/me/credentials").await;
    let first_id = list.body[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(list.body[0]["name"], "My phone");
    assert_eq!(list.body[0]["synced"], true);
    let last = app
        .request(&browser, Method::DELETE, &format!("/api/me/credentials/{first_id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(last.status(), StatusCode::CONFLICT);

    // Adding needs a fresh verification: sign-in counts for 5 minutes.
    app.clock.advance(TimeDelta::minutes(6));
    let stale = app.send(&mut browser, "/api/me/credentials/start", &json!({})).await;
    assert_eq!(stale.code(), "reverification_required");
    let start = app.send(&mut browser, "/api/me/reverify/start", &json!({})).await;
    let answer: Value = serde_json::from_str(
        &phone.authenticate(&start.body["public_key"].to_string(), &app.base).await,
    )
    .unwrap();
    assert_eq!(
        app.send(&mut browser, "/api/me/reverify/finish", &json!({"credential": answer}))
            .await
            .status,
        204
    );
    let start = app.send(&mut browser, "/api/me/credentials/start", &json!({})).await;
    assert_eq!(start.status, 200, "{:?}", start.body);
    let mut laptop = Passkey::new();
    let credential: Value = serde_json::from_str(
        &laptop.register(&start.body["public_key"].to_string(), &app.base).await,
    )
    .unwrap();
    let added = app
        .send(
            &mut browser,
            "/api/me/credentials/finish",
            &json!({"credential": credential, "name": "Laptop"}),
        )
        .await;
    assert_eq!(added.status, 200, "{:?}", added.body);

    let renamed = app
        .request(&browser, Method::PATCH, &format!("/api/me/credentials/{first_id}"))
        .json(&json!({"name": "Old phone"}))
        .send()
        .await
        .unwrap();
    assert_eq!(renamed.status(), 200);
    let bad = app
        .request(&browser, Method::PATCH, &format!("/api/me/credentials/{first_id}"))
        .json(&json!({"name": " "}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);

    // Removing the phone ends the sessions opened with it (this one).
    let removed = app
        .request(&browser, Method::DELETE, &format!("/api/me/credentials/{first_id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 204);
    assert_eq!(app.get_as(&browser, "/api/auth/session").await.body["code"], "session_expired");
    assert_eq!(
        app.sign_in_with_passkey(&mut Browser::default(), &mut phone).await.code(),
        "unknown_credential"
    );
    let mut with_laptop = Browser::default();
    assert_eq!(app.sign_in_with_passkey(&mut with_laptop, &mut laptop).await.status, 200);
    let sessions = app.get_as(&with_laptop, "/api/me/sessions").await;
    assert_eq!(sessions.body.as_array().unwrap().len(), 1);
    assert_eq!(sessions.body[0]["current"], true);
    for action in ["credential_added", "credential_renamed", "credential_removed"] {
        assert_eq!(app.audit(action).await.last().unwrap().outcome, "success", "{action}");
    }
    // Another person's credential is simply not found.
    let (agent_view, _) = app.signed_in_agent().await;
    let foreign = app
        .request(
            &agent_view,
            Method::DELETE,
            &format!("/api/me/credentials/{}", added.body["id"].as_str().unwrap()),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 404);
}

async fn a_reissued_enrolment_code_revokes_the_lost_key(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let (id, code) = app.create_professional(&mut agent, "S-77", "SAG").await;
    let mut lost = SecurityKey::new(18);
    let mut pro = Browser::default();
    assert_eq!(app.enrol(&mut pro, &mut lost, &code).await.status, 200);
    let issued = app
        .send(&mut agent, &format!("/api/agency/professionals/{id}/enrolment-code"), &json!({}))
        .await;
    assert_eq!(issued.body["revoked_credentials"], 1);
    assert!(issued.body["link"].as_str().unwrap().contains("/enrol#code="));
    assert_eq!(app.get_as(&pro, "/api/auth/session").await.body["code"], "session_expired");
    assert_eq!(
        app.sign_in_with_key(&mut Browser::default(), &mut lost).await.code(),
        "unknown_credential"
    );
    let mut new_key = SecurityKey::new(19);
    let code = issued.body["code"].as_str().unwrap();
    assert_eq!(app.enrol(&mut Browser::default(), &mut new_key, code).await.status, 200);
    assert_eq!(app.audit("enrolment_code_issued").await.len(), 2);
}

async fn the_agency_validates_patients_and_only_agents_reach_it(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let anonymous =
        app.send(&mut Browser::default(), "/api/agency/patients/search", &json!({})).await;
    assert_eq!(anonymous.status, 401);
    let (mut agent, _) = app.signed_in_agent().await;
    app.create_patient(&mut agent, "1893120105732", "fr").await;
    let duplicate = app
        .send(&mut agent, "/api/agency/patients", &json!({
            "national_id": "1893120105732", "given_name": "X", "family_name": "Y", "birth_date": "1893-12-01",
            "preferred_language": "fr",
            "address": {"street": "s", "postal_code": "L-1", "city": "c", "country": "LU"}}))
        .await;
    assert_eq!(duplicate.status, 409);
    assert_eq!(duplicate.code(), "duplicate_national_id");
    let mismatch = app
        .send(&mut agent, "/api/agency/patients", &json!({
            "national_id": "1893120105732", "given_name": "X", "family_name": "Y", "birth_date": "1893-12-02",
            "preferred_language": "fr",
            "address": {"street": "s", "postal_code": "L-1", "city": "c", "country": "LU"}}))
        .await;
    assert_eq!(mismatch.code(), "birth_date_mismatch");
    let invalid = app
        .send(&mut agent, "/api/agency/patients", &json!({
            "national_id": "1893120105733", "given_name": "X", "family_name": "Y", "birth_date": "1893-12-01",
            "preferred_language": "fr",
            "address": {"street": "s", "postal_code": "L-1", "city": "c", "country": "LU"}}))
        .await;
    assert_eq!(invalid.code(), "invalid_national_id");
    let search = "/api/agency/patients/search";
    let found = app.send(&mut agent, search, &json!({"q": "schroe"})).await;
    assert_eq!(found.body.as_array().unwrap().len(), 1);
    let by_id = app.send(&mut agent, search, &json!({"q": "1893 1201"})).await;
    assert_eq!(by_id.body.as_array().unwrap().len(), 1);
    let nobody = app.send(&mut agent, search, &json!({"q": "nobody"})).await;
    assert_eq!(nobody.body.as_array().unwrap().len(), 0);
    let created = app.audit("patient_created").await;
    assert_eq!(created.iter().filter(|e| e.outcome == "success").count(), 1);
    assert_eq!(
        created.iter().filter(|e| e.outcome == "failure").count(),
        1,
        "the duplicate is audited"
    );
    let missing =
        app.get_as(&agent, "/api/agency/patients/00000000-0000-0000-0000-000000000000").await;
    assert_eq!(missing.status, 404);
}
