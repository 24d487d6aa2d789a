//! Practice software (issue 14): the agency registers it, a professional signed in with their
//! security key connects it (code + PKCE, or the device grant), its tokens rotate, are
//! introspected by the organisation's gateway, and end with the grant, the key or the licence.

use dsp::oauth::FhirCaller;
use dsp::oauth::protocol::revoke_for_credential;
use reqwest::StatusCode;
use sea_orm::EntityTrait;
use serde_json::{Value, json};

use crate::common::authenticator::SecurityKey;
use crate::common::personas::Browser;
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    code_with_pkce_connects_software_once,
    refresh_tokens_rotate_and_a_reuse_ends_the_grant,
    the_device_grant_waits_for_the_professional,
    introspection_answers_the_same_organisation_only_and_revocation_ends_tokens,
    licence_suspension_and_key_revocation_end_every_token,
    the_agency_registers_software_and_both_sides_see_and_end_connections,
    failed_credentials_from_one_address_are_limited,
);

const REDIRECT: &str = "http://127.0.0.1:8765/callback";
const VERIFIER: &str = "a-verifier-of-practice-software-that-is-long-enough-0123456789";

fn challenge(verifier: &str) -> String {
    use sha2::{Digest, Sha256};
    data_encoding::BASE64URL_NOPAD.encode(&Sha256::digest(verifier.as_bytes()))
}

/// An agent, an organisation, a professional (signed in with key 21), and software registered
/// for the organisation.
struct World {
    agent: Browser,
    organisation_id: String,
    doctor: Browser,
    doctor_id: String,
    client_id: String,
}

async fn register(
    app: &TestApp,
    agent: &mut Browser,
    organisation_id: &str,
    confidential: bool,
) -> (String, Option<String>) {
    let answer = app
        .send(
            agent,
            "/api/agency/software-clients",
            &json!({"organisation_id": organisation_id, "name": "MedPractice",
                    "redirect_uris": [REDIRECT, "https://gp.example.lu/cb"],
                    "allowed_scopes": ["user/DocumentReference.crs", "user/Binary.r"],
                    "confidential": confidential}),
        )
        .await;
    assert_eq!(answer.status, 201, "{:?}", answer.body);
    (
        answer.body["client"]["client_id"].as_str().unwrap().to_owned(),
        answer.body["client_secret"].as_str().map(str::to_owned),
    )
}

async fn world(app: &TestApp) -> World {
    let (mut agent, _) = app.signed_in_agent().await;
    let organisation_id = app.create_organisation("Cabinet Test").await;
    let (doctor_id, code) =
        app.create_professional_in(&mut agent, "M-21", "MED", &organisation_id).await;
    let mut doctor = Browser::default();
    let enrolled = app.enrol(&mut doctor, &mut SecurityKey::new(21), &code).await;
    assert_eq!(enrolled.status, 200, "{:?}", enrolled.body);
    let (client_id, _) = register(app, &mut agent, &organisation_id, false).await;
    World { agent, organisation_id, doctor, doctor_id, client_id }
}

fn request(client_id: &str, scope: &str, verifier: &str) -> Value {
    json!({"client_id": client_id, "redirect_uri": REDIRECT, "scope": scope, "state": "xyz",
           "code_challenge": challenge(verifier), "code_challenge_method": "S256"})
}

/// The professional approves; returns the code from the redirect.
async fn approve(app: &TestApp, doctor: &mut Browser, client_id: &str, scope: &str) -> String {
    let decided = app
        .send(
            doctor,
            "/api/oauth/authorization",
            &json!({"request": request(client_id, scope, VERIFIER), "approve": true}),
        )
        .await;
    assert_eq!(decided.status, 200, "{:?}", decided.body);
    let url = url::Url::parse(decided.body["redirect_to"].as_str().unwrap()).unwrap();
    assert!(url.as_str().starts_with(REDIRECT));
    let pairs: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
    assert_eq!(pairs["state"], "xyz");
    pairs["code"].clone()
}

async fn form(
    app: &TestApp,
    path: &str,
    fields: &[(&str, &str)],
    basic: Option<(&str, &str)>,
) -> (StatusCode, Value) {
    let mut request = reqwest::Client::new().post(app.url(path)).form(fields);
    if let Some((id, secret)) = basic {
        request = request.basic_auth(id, Some(secret));
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn exchange(
    app: &TestApp,
    client_id: &str,
    code: &str,
    verifier: &str,
) -> (StatusCode, Value) {
    form(
        app,
        "/oauth/token",
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", REDIRECT),
            ("client_id", client_id),
            ("code_verifier", verifier),
        ],
        None,
    )
    .await
}

/// Tokens for the world's software: (access, refresh).
async fn connect(app: &TestApp, w: &mut World) -> (String, String) {
    let code = approve(app, &mut w.doctor, &w.client_id, "user/DocumentReference.rs").await;
    let (status, body) = exchange(app, &w.client_id, &code, VERIFIER).await;
    assert_eq!(status, 200, "{body}");
    (body["access_token"].as_str().unwrap().into(), body["refresh_token"].as_str().unwrap().into())
}

/// A refresh-token request of the public client `client_id`.
async fn refresh_token(app: &TestApp, client_id: &str, token: String) -> (StatusCode, Value) {
    let fields =
        [("grant_type", "refresh_token"), ("refresh_token", &token), ("client_id", client_id)];
    form(app, "/oauth/token", &fields, None).await
}

async fn caller(app: &TestApp, token: &str) -> Result<FhirCaller, String> {
    FhirCaller::from_token(&app.db, token, app.clock.now()).await.map_err(|e| format!("{e:?}"))
}

async fn code_with_pkce_connects_software_once(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let mut w = world(&app).await;
    let metadata: Value =
        app.get("/.well-known/oauth-authorization-server").await.json().await.unwrap();
    assert_eq!(metadata["code_challenge_methods_supported"], json!(["S256"]));
    assert_eq!(metadata["token_endpoint"], format!("{}/oauth/token", app.base));

    // The software sends the browser to /oauth/authorize: on to the approval page.
    let browser =
        reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let query = format!(
        "response_type=code&client_id={}&redirect_uri={}&scope=user%2FDocumentReference.rs&state=xyz&code_challenge={}&code_challenge_method=S256",
        w.client_id,
        "http%3A%2F%2F127.0.0.1%3A8765%2Fcallback",
        challenge(VERIFIER)
    );
    let sent = browser.get(app.url(&format!("/oauth/authorize?{query}"))).send().await.unwrap();
    assert_eq!(sent.status(), 303);
    assert_eq!(sent.headers()["location"], format!("/professional/connect?{query}"));
    // Unknown software, or a redirect URI not registered: an error page, never a redirect.
    for bad in [query.replace(&w.client_id, "dsp-unknown"), query.replace("8765", "9999")] {
        let page = browser.get(app.url(&format!("/oauth/authorize?{bad}"))).send().await.unwrap();
        assert_eq!(page.status(), 400);
        let text = page.text().await.unwrap();
        assert!(text.contains("lang=\"lb\"") && text.contains("lang=\"en\""), "{text}");
    }
    // Plain PKCE goes back to the software as invalid_request.
    let plain = query.replace("S256", "plain");
    let back = browser.get(app.url(&format!("/oauth/authorize?{plain}"))).send().await.unwrap();
    assert_eq!(back.status(), 303);
    assert!(
        back.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with(&format!("{REDIRECT}?error=invalid_request"))
    );

    // The approval page's view; scopes beyond the registration and plain PKCE are refused.
    let view = app
        .get_as(
            &w.doctor,
            &format!("/api/oauth/authorization?{}", query.replace("response_type=code&", "")),
        )
        .await;
    assert_eq!(view.status, 200, "{:?}", view.body);
    assert_eq!(view.body["client_name"], "MedPractice");
    assert_eq!(view.body["organisation_name"], "Cabinet Test");
    assert_eq!(view.body["scopes"][0]["scope"], "user/DocumentReference.rs");
    let beyond = app
        .send(
            &mut w.doctor,
            "/api/oauth/authorization",
            &json!({"request": request(&w.client_id, "user/Patient.r", VERIFIER), "approve": true}),
        )
        .await;
    assert_eq!((beyond.status.as_u16(), beyond.code()), (422, "scope_invalid"));
    let mut plain_request = request(&w.client_id, "user/Binary.r", VERIFIER);
    plain_request["code_challenge_method"] = "plain".into();
    let plain = app
        .send(
            &mut w.doctor,
            "/api/oauth/authorization",
            &json!({"request": plain_request, "approve": true}),
        )
        .await;
    assert_eq!((plain.status.as_u16(), plain.code()), (422, "authorization_request_invalid"));
    // Another professional's software cannot be approved by an agent.
    let agent_try = app
        .send(
            &mut w.agent,
            "/api/oauth/authorization",
            &json!({"request": request(&w.client_id, "user/Binary.r", VERIFIER), "approve": true}),
        )
        .await;
    assert_eq!(agent_try.status, 403);

    // A refusal goes back as access_denied.
    let refused = app
        .send(
            &mut w.doctor,
            "/api/oauth/authorization",
            &json!({"request": request(&w.client_id, "user/Binary.r", VERIFIER), "approve": false}),
        )
        .await;
    assert_eq!(refused.status, 200);
    assert!(refused.body["redirect_to"].as_str().unwrap().contains("error=access_denied"));
    assert_eq!(app.audit("oauth_grant_refused").await.len(), 1);

    // A wrong verifier: refused, and the code is spent.
    let code = approve(&app, &mut w.doctor, &w.client_id, "user/DocumentReference.rs").await;
    let (status, body) = exchange(&app, &w.client_id, &code, &VERIFIER.replace('a', "b")).await;
    assert_eq!((status.as_u16(), body["error"].as_str()), (400, Some("invalid_grant")));
    let (status, _) = exchange(&app, &w.client_id, &code, VERIFIER).await;
    assert_eq!(status, 400);
    // Another redirect URI than the code's.
    let code = approve(&app, &mut w.doctor, &w.client_id, "user/DocumentReference.rs").await;
    let (status, body) = form(
        &app,
        "/oauth/token",
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", "https://gp.example.lu/cb"),
            ("client_id", &w.client_id),
            ("code_verifier", VERIFIER),
        ],
        None,
    )
    .await;
    assert_eq!((status.as_u16(), body["error"].as_str()), (400, Some("invalid_grant")));
    // A code lives 60 s.
    let code = approve(&app, &mut w.doctor, &w.client_id, "user/DocumentReference.rs").await;
    app.clock.advance(chrono::TimeDelta::seconds(61));
    let (status, _) = exchange(&app, &w.client_id, &code, VERIFIER).await;
    assert_eq!(status, 400);
    // An unsupported grant type, an unknown client.
    let (status, body) = form(
        &app,
        "/oauth/token",
        &[("grant_type", "password"), ("client_id", &w.client_id)],
        None,
    )
    .await;
    assert_eq!((status.as_u16(), body["error"].as_str()), (400, Some("unsupported_grant_type")));
    let (status, body) = exchange(&app, "dsp-unknown", "x", VERIFIER).await;
    assert_eq!((status.as_u16(), body["error"].as_str()), (401, Some("invalid_client")));

    // The right exchange: tokens bound to the professional, their key and the scopes.
    let code = approve(&app, &mut w.doctor, &w.client_id, "user/DocumentReference.rs").await;
    let (status, body) = exchange(&app, &w.client_id, &code, VERIFIER).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 300);
    assert_eq!(body["scope"], "user/DocumentReference.rs");
    let access = body["access_token"].as_str().unwrap();
    let fhir = caller(&app, access).await.unwrap();
    assert_eq!(fhir.professional_id.to_string(), w.doctor_id);
    assert_eq!(fhir.client_name, "MedPractice");
    assert!(fhir.scopes.allows("DocumentReference", dsp::oauth::Op::Search));
    assert!(!fhir.scopes.allows("DocumentReference", dsp::oauth::Op::Create));
    let issued = app.audit("oauth_token_issued").await;
    let last = issued.last().unwrap();
    assert_eq!(last.actor_id.map(|id| id.to_string()), Some(w.doctor_id.clone()));
    assert!(last.detail.contains("MedPractice"), "{}", last.detail);
    assert!(!app.audit("oauth_grant_approved").await.is_empty());

    // The same code again: refused, and the grant it created ends (RFC 6749 §4.1.2).
    let (status, _) = exchange(&app, &w.client_id, &code, VERIFIER).await;
    assert_eq!(status, 400);
    assert!(caller(&app, access).await.is_err(), "the grant of a reused code ends");
    assert!(!app.audit("oauth_code_reuse").await.is_empty());
}

async fn refresh_tokens_rotate_and_a_reuse_ends_the_grant(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let mut w = world(&app).await;
    let (access, refresh) = connect(&app, &mut w).await;
    let refresh_with = |token: String| refresh_token(&app, &w.client_id, token);
    // An access token lives 5 minutes.
    app.clock.advance(chrono::TimeDelta::minutes(6));
    assert!(caller(&app, &access).await.is_err(), "an expired access token is refused");
    let (status, body) = refresh_with(refresh.clone()).await;
    assert_eq!(status, 200, "{body}");
    let new_access = body["access_token"].as_str().unwrap().to_owned();
    let new_refresh = body["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(new_refresh, refresh);
    assert!(caller(&app, &new_access).await.is_ok());
    assert_eq!(app.audit("oauth_token_refreshed").await.len(), 1);
    // Another client cannot use it.
    let (other, _) = register(&app, &mut w.agent, &w.organisation_id, false).await;
    let (status, _) = form(
        &app,
        "/oauth/token",
        &[("grant_type", "refresh_token"), ("refresh_token", &new_refresh), ("client_id", &other)],
        None,
    )
    .await;
    assert_eq!(status, 400);
    // The old refresh token comes back: the whole grant ends.
    let (status, body) = refresh_with(refresh).await;
    assert_eq!((status.as_u16(), body["error"].as_str()), (400, Some("invalid_grant")));
    assert!(caller(&app, &new_access).await.is_err(), "reuse ends the grant's access tokens");
    let (status, _) = refresh_with(new_refresh).await;
    assert_eq!(status, 400, "and its newest refresh token");
    let reuse = app.audit("oauth_refresh_reuse").await;
    assert_eq!(reuse.len(), 1);
    assert_eq!(reuse[0].outcome, "failure");
}

async fn the_device_grant_waits_for_the_professional(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let mut w = world(&app).await;
    let start = |scope: &'static str| {
        let client_id = w.client_id.clone();
        let app = &app;
        async move {
            form(
                app,
                "/oauth/device_authorization",
                &[("client_id", &client_id), ("scope", scope)],
                None,
            )
            .await
        }
    };
    let (status, body) = start("user/Patient.r").await;
    assert_eq!((status.as_u16(), body["error"].as_str()), (400, Some("invalid_scope")));
    let (status, _) = form(
        &app,
        "/oauth/device_authorization",
        &[("client_id", "dsp-unknown"), ("scope", "user/Binary.r")],
        None,
    )
    .await;
    assert_eq!(status, 401);
    let (status, device) = start("user/DocumentReference.rs user/Binary.r").await;
    assert_eq!(status, 200, "{device}");
    assert_eq!(device["interval"], 5);
    assert_eq!(device["expires_in"], 600);
    assert_eq!(device["verification_uri"], format!("{}/professional/device", app.base));
    let user_code = device["user_code"].as_str().unwrap().to_owned();
    assert_eq!(user_code.len(), 9);
    let device_code = device["device_code"].as_str().unwrap().to_owned();
    let poll = |code: String| {
        let client_id = w.client_id.clone();
        let app = &app;
        async move {
            let (status, body) = form(
                app,
                "/oauth/token",
                &[
                    ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                    ("device_code", &code),
                    ("client_id", &client_id),
                ],
                None,
            )
            .await;
            (status.as_u16(), body["error"].as_str().map(str::to_owned), body)
        }
    };
    assert_eq!(poll(device_code.clone()).await.1.as_deref(), Some("authorization_pending"));
    assert_eq!(poll(device_code.clone()).await.1.as_deref(), Some("slow_down"), "polled at once");
    app.clock.advance(chrono::TimeDelta::seconds(11));
    assert_eq!(poll(device_code.clone()).await.1.as_deref(), Some("authorization_pending"));

    // The professional types the code (any case, without the dash) and sees the request.
    let typed = user_code.to_lowercase().replace('-', "");
    let view = app.get_as(&w.doctor, &format!("/api/oauth/device?user_code={typed}")).await;
    assert_eq!(view.status, 200, "{:?}", view.body);
    assert_eq!(view.body["client_name"], "MedPractice");
    assert_eq!(view.body["scopes"].as_array().unwrap().len(), 2);
    let approved = app
        .send(&mut w.doctor, "/api/oauth/device", &json!({"user_code": typed, "approve": true}))
        .await;
    assert_eq!(approved.status, 204, "{:?}", approved.body);
    app.clock.advance(chrono::TimeDelta::seconds(11));
    let (status, _, tokens) = poll(device_code.clone()).await;
    assert_eq!(status, 200, "{tokens}");
    let fhir = caller(&app, tokens["access_token"].as_str().unwrap()).await.unwrap();
    assert!(fhir.scopes.allows("Binary", dsp::oauth::Op::Read));
    app.clock.advance(chrono::TimeDelta::seconds(11));
    assert_eq!(
        poll(device_code).await.1.as_deref(),
        Some("invalid_grant"),
        "a device code is good once"
    );
    // Decided codes are gone for the professional.
    let again = app.get_as(&w.doctor, &format!("/api/oauth/device?user_code={typed}")).await;
    assert_eq!((again.status.as_u16(), again.code()), (422, "user_code_invalid"));

    // Refused: access_denied.
    let (_, denied) = start("user/Binary.r").await;
    let code = denied["user_code"].as_str().unwrap();
    let refused = app
        .send(&mut w.doctor, "/api/oauth/device", &json!({"user_code": code, "approve": false}))
        .await;
    assert_eq!(refused.status, 204);
    assert_eq!(
        poll(denied["device_code"].as_str().unwrap().to_owned()).await.1.as_deref(),
        Some("access_denied")
    );
    assert_eq!(app.audit("oauth_grant_refused").await.len(), 1);

    // Ten minutes pass: expired_token.
    let (_, late) = start("user/Binary.r").await;
    app.clock.advance(chrono::TimeDelta::minutes(11));
    assert_eq!(
        poll(late["device_code"].as_str().unwrap().to_owned()).await.1.as_deref(),
        Some("expired_token")
    );
    let gone = app
        .get_as(
            &w.doctor,
            &format!("/api/oauth/device?user_code={}", late["user_code"].as_str().unwrap()),
        )
        .await;
    assert_eq!(gone.code(), "user_code_invalid");

    // Guessing user codes is stopped.
    let mut statuses = Vec::new();
    for _ in 0..12 {
        statuses.push(
            app.get_as(&w.doctor, "/api/oauth/device?user_code=AAAA-AAAA").await.status.as_u16(),
        );
    }
    assert!(statuses.contains(&422) && statuses.ends_with(&[429]), "{statuses:?}");
}

async fn introspection_answers_the_same_organisation_only_and_revocation_ends_tokens(
    engine: Engine,
) {
    let app = TestApp::spawn(engine).await;
    let mut w = world(&app).await;
    let (access, refresh) = connect(&app, &mut w).await;
    let (gateway, secret) = register(&app, &mut w.agent, &w.organisation_id, true).await;
    let secret = secret.unwrap();
    let elsewhere = app.create_organisation("Autre Hôpital").await;
    let (foreign, foreign_secret) = register(&app, &mut w.agent, &elsewhere, true).await;
    let foreign_secret = foreign_secret.unwrap();

    let (status, body) =
        form(&app, "/oauth/introspect", &[("token", &access)], Some((&gateway, &secret))).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["active"], true);
    assert_eq!(body["sub"], w.doctor_id.as_str());
    assert_eq!(body["client_id"], w.client_id.as_str());
    assert_eq!(body["scope"], "user/DocumentReference.rs");
    assert!(body["exp"].as_i64().unwrap() > body["iat"].as_i64().unwrap());
    assert_eq!(body["token_type"], "Bearer");
    let (_, body) =
        form(&app, "/oauth/introspect", &[("token", &refresh)], Some((&gateway, &secret))).await;
    assert_eq!(body["active"], true);
    // Another organisation's gateway learns nothing.
    let (status, body) =
        form(&app, "/oauth/introspect", &[("token", &access)], Some((&foreign, &foreign_secret)))
            .await;
    assert_eq!((status.as_u16(), body.clone()), (200, json!({"active": false})));
    // A wrong secret, a public client, no authentication: 401.
    let (status, body) =
        form(&app, "/oauth/introspect", &[("token", &access)], Some((&gateway, "wrong"))).await;
    assert_eq!((status.as_u16(), body["error"].as_str()), (401, Some("invalid_client")));
    let (status, _) =
        form(&app, "/oauth/introspect", &[("token", &access)], Some((&w.client_id, ""))).await;
    assert_eq!(status, 401);
    let (status, _) = form(&app, "/oauth/introspect", &[("token", &access)], None).await;
    assert_eq!(status, 401);
    // A rotated secret: the old one no longer works.
    let rotated = app
        .send(&mut w.agent, &format!("/api/agency/software-clients/{gateway}/secret"), &json!({}))
        .await;
    assert_eq!(rotated.status, 200);
    let new_secret = rotated.body["client_secret"].as_str().unwrap().to_owned();
    let (status, _) =
        form(&app, "/oauth/introspect", &[("token", &access)], Some((&gateway, &secret))).await;
    assert_eq!(status, 401);
    let (_, body) =
        form(&app, "/oauth/introspect", &[("token", &access)], Some((&gateway, &new_secret))).await;
    assert_eq!(body["active"], true);

    // Revocation (RFC 7009): an unknown token is fine; another client's token is left alone;
    // the refresh token ends the grant.
    let (status, _) =
        form(&app, "/oauth/revoke", &[("token", "nothing"), ("client_id", &w.client_id)], None)
            .await;
    assert_eq!(status, 200);
    let (status, _) =
        form(&app, "/oauth/revoke", &[("token", &refresh), ("client_id", &foreign)], None).await;
    assert_eq!(status, 200);
    assert!(caller(&app, &access).await.is_ok());
    let (status, _) =
        form(&app, "/oauth/revoke", &[("token", &refresh), ("client_id", &w.client_id)], None)
            .await;
    assert_eq!(status, 200);
    assert!(caller(&app, &access).await.is_err());
    let (_, body) =
        form(&app, "/oauth/introspect", &[("token", &access)], Some((&gateway, &new_secret))).await;
    assert_eq!(body, json!({"active": false}));
    assert_eq!(app.audit("oauth_grant_revoked").await.len(), 1);
}

async fn licence_suspension_and_key_revocation_end_every_token(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let mut w = world(&app).await;
    // The key removed by the professional (a spare one added first): the software's grants
    // approved with it end, explicitly.
    let start = app.send(&mut w.doctor, "/api/me/credentials/start", &json!({})).await;
    assert_eq!(start.status, 200, "{:?}", start.body);
    let mut spare = SecurityKey::new(24);
    let credential: Value =
        serde_json::from_str(&spare.register(&start.body["public_key"].to_string(), &app.base))
            .unwrap();
    let added = app
        .send(&mut w.doctor, "/api/me/credentials/finish", &json!({"credential": credential}))
        .await;
    assert_eq!(added.status, 200, "{:?}", added.body);
    let (access, _) = connect(&app, &mut w).await;
    let fhir = caller(&app, &access).await.unwrap();
    let credential_id = fhir.user.session.credential_id.clone().unwrap();
    let removed = app
        .request(
            &w.doctor,
            reqwest::Method::DELETE,
            &format!("/api/me/credentials/{credential_id}"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 204);
    assert!(caller(&app, &access).await.is_err());
    let grant = dsp::entity::oauth_grant::Entity::find_by_id(fhir.grant_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(grant.revoked_reason.as_deref(), Some("key_removed"));
    assert_eq!(
        revoke_for_credential(&app.db, &credential_id, "again", app.clock.now()).await.unwrap(),
        0
    );
    let mut doctor = Browser::default();
    assert_eq!(app.sign_in_with_key(&mut doctor, &mut spare).await.status, 200);
    w.doctor = doctor;
    // A key re-issued by the agency (enrolment code): every token ends.
    let (access, refresh) = connect(&app, &mut w).await;
    let reissued = app
        .send(
            &mut w.agent,
            &format!("/api/agency/professionals/{}/enrolment-code", w.doctor_id),
            &json!({}),
        )
        .await;
    assert_eq!(reissued.status, 200, "{:?}", reissued.body);
    assert!(caller(&app, &access).await.is_err(), "a re-issued key ends the software's tokens");
    let (status, _) = form(
        &app,
        "/oauth/token",
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &refresh),
            ("client_id", &w.client_id),
        ],
        None,
    )
    .await;
    assert_eq!(status, 400);

    // The licence suspended: every token ends at once.
    let mut doctor = Browser::default();
    let code = reissued.body["code"].as_str().unwrap().to_owned();
    assert_eq!(app.enrol(&mut doctor, &mut SecurityKey::new(22), &code).await.status, 200);
    w.doctor = doctor;
    let (access, refresh) = connect(&app, &mut w).await;
    assert!(caller(&app, &access).await.is_ok());
    let suspended = app
        .send(
            &mut w.agent,
            &format!("/api/agency/professionals/{}/suspension", w.doctor_id),
            &json!({"reason": "Ordre des médecins"}),
        )
        .await;
    assert_eq!(suspended.status, 200, "{:?}", suspended.body);
    assert!(caller(&app, &access).await.is_err(), "a suspended licence ends the software's tokens");
    let (status, _) = form(
        &app,
        "/oauth/token",
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &refresh),
            ("client_id", &w.client_id),
        ],
        None,
    )
    .await;
    assert_eq!(status, 400);
}

async fn the_agency_registers_software_and_both_sides_see_and_end_connections(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let mut w = world(&app).await;
    let organisation_id = w.organisation_id.clone();
    let register_with = |uris: Value, scopes: Value, name: &'static str| {
        json!({"organisation_id": organisation_id, "name": name, "redirect_uris": uris,
               "allowed_scopes": scopes, "confidential": false})
    };
    for (body, expected) in [
        (
            register_with(json!(["http://gp.example.lu/cb"]), json!(["user/Binary.r"]), "X"),
            "redirect_uri_invalid",
        ),
        (
            register_with(json!(["https://gp.example.lu/cb#top"]), json!(["user/Binary.r"]), "X"),
            "redirect_uri_invalid",
        ),
        (
            register_with(json!(["javascript:alert(1)"]), json!(["user/Binary.r"]), "X"),
            "redirect_uri_invalid",
        ),
        (register_with(json!([REDIRECT]), json!(["patient/Binary.r"]), "X"), "scope_invalid"),
        (register_with(json!([REDIRECT]), json!(["user/Binary.rr"]), "X"), "scope_invalid"),
        (register_with(json!([REDIRECT]), json!([]), "X"), "scope_invalid"),
        (register_with(json!([REDIRECT]), json!(["user/Binary.r"]), "  "), "field_required"),
    ] {
        let answer = app.send(&mut w.agent, "/api/agency/software-clients", &body).await;
        assert_eq!((answer.status.as_u16(), answer.code()), (422, expected), "{body}");
    }
    let not_agent = app
        .send(
            &mut w.doctor,
            "/api/agency/software-clients",
            &register_with(json!([REDIRECT]), json!(["user/Binary.r"]), "X"),
        )
        .await;
    assert_eq!(not_agent.status, 403);
    assert_eq!(app.audit("software_client_registered").await.len(), 1);

    // Two professionals connect it.
    let (access, _) = connect(&app, &mut w).await;
    let (_, code) =
        app.create_professional_in(&mut w.agent, "M-23", "MED", &w.organisation_id).await;
    let mut other = Browser::default();
    assert_eq!(app.enrol(&mut other, &mut SecurityKey::new(23), &code).await.status, 200);
    let other_code = approve(&app, &mut other, &w.client_id, "user/Binary.r").await;
    let (status, other_tokens) = exchange(&app, &w.client_id, &other_code, VERIFIER).await;
    assert_eq!(status, 200);

    let list = app.get_as(&w.agent, "/api/agency/software-clients").await;
    assert_eq!(list.status, 200);
    let listed = list
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["client_id"] == w.client_id.as_str())
        .unwrap()
        .clone();
    assert_eq!(listed["active_grants"], 2);
    assert_eq!(listed["organisation_name"], "Cabinet Test");
    assert_eq!(listed["confidential"], false);
    let grants =
        app.get_as(&w.agent, &format!("/api/agency/software-clients/{}/grants", w.client_id)).await;
    assert_eq!(grants.body.as_array().unwrap().len(), 2);
    assert!(grants.body[0]["professional_name"].as_str().is_some());

    // The professional sees their own connection only, and cannot end another's.
    let mine = app.get_as(&w.doctor, "/api/me/connected-software").await;
    let mine = mine.body.as_array().unwrap().clone();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["client_name"], "MedPractice");
    assert_eq!(mine[0]["scopes"][0]["scope"], "user/DocumentReference.rs");
    assert!(mine[0]["last_used_at"].is_null(), "not used yet: {mine:?}");
    caller(&app, &access).await.unwrap();
    let used = app.get_as(&w.doctor, "/api/me/connected-software").await.body[0].clone();
    assert!(used["last_used_at"].is_string(), "a request with the token is its last use");
    let theirs = app.get_as(&other, "/api/me/connected-software").await.body[0]["grant_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let response = app
        .request(
            &w.doctor,
            reqwest::Method::DELETE,
            &format!("/api/me/connected-software/{theirs}"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    let own = mine[0]["grant_id"].as_str().unwrap();
    let response = app
        .request(&w.doctor, reqwest::Method::DELETE, &format!("/api/me/connected-software/{own}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert!(
        app.get_as(&w.doctor, "/api/me/connected-software")
            .await
            .body
            .as_array()
            .unwrap()
            .is_empty()
    );
    let revoked = app.audit("oauth_grant_revoked").await;
    assert_eq!(
        revoked.last().unwrap().actor_id.map(|id| id.to_string()),
        Some(w.doctor_id.clone())
    );

    // A change that narrows the scopes ends the connections beyond them.
    let changed = app
        .request(
            &w.agent,
            reqwest::Method::PUT,
            &format!("/api/agency/software-clients/{}", w.client_id),
        )
        .json(&register_with(
            json!([REDIRECT]),
            json!(["user/Binary.r", "user/DocumentReference.rs"]),
            "MedPractice 2",
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), 200);
    let changed: Value = changed.json().await.unwrap();
    assert_eq!(changed["name"], "MedPractice 2");
    assert_eq!(changed["active_grants"], 1, "user/Binary.r is still within");

    // The agency ends a grant; disabling ends them all and refuses the software.
    assert!(caller(&app, other_tokens["access_token"].as_str().unwrap()).await.is_ok());
    let disabled = app
        .send(
            &mut w.agent,
            &format!("/api/agency/software-clients/{}/disable", w.client_id),
            &json!({}),
        )
        .await;
    assert_eq!(disabled.status, 200);
    assert!(disabled.body["disabled_at"].is_string());
    assert_eq!(disabled.body["active_grants"], 0);
    assert!(caller(&app, other_tokens["access_token"].as_str().unwrap()).await.is_err());
    let view = app.get_as(&w.doctor, &format!("/api/oauth/authorization?client_id={}&redirect_uri={}&scope=user%2FBinary.r&code_challenge={}&code_challenge_method=S256", w.client_id, "http%3A%2F%2F127.0.0.1%3A8765%2Fcallback", challenge(VERIFIER))).await;
    assert_eq!(view.code(), "authorization_request_invalid");

    // DELETE /api/agency/grants/{id} on another client's live grant.
    let (second, _) = register(&app, &mut w.agent, &w.organisation_id, false).await;
    let code = approve(&app, &mut other, &second, "user/Binary.r").await;
    let (_, tokens) = exchange(&app, &second, &code, VERIFIER).await;
    let fhir = caller(&app, tokens["access_token"].as_str().unwrap()).await.unwrap();
    let response = app
        .request(
            &w.agent,
            reqwest::Method::DELETE,
            &format!("/api/agency/grants/{}", fhir.grant_id),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert!(caller(&app, tokens["access_token"].as_str().unwrap()).await.is_err());
    let response = app
        .request(
            &w.agent,
            reqwest::Method::DELETE,
            &format!("/api/agency/grants/{}", fhir.grant_id),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
}

/// A script guessing secrets or tokens from one address: after 30 failures in a minute the
/// token, introspection and revocation endpoints answer 429 with `Retry-After`, even to right
/// credentials from that address, until the window ends; then the software works again.
async fn failed_credentials_from_one_address_are_limited(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let mut w = world(&app).await;
    let (_, refresh) = connect(&app, &mut w).await;
    let guess = |token: String| refresh_token(&app, &w.client_id, token);
    for i in 0..20 {
        let (status, body) = guess(format!("guess-{i}")).await;
        assert_eq!((status.as_u16(), body["error"].as_str()), (400, Some("invalid_grant")), "{i}");
    }
    // A malformed request is the software's bug, not a guess: not counted, answered as ever.
    let (status, _) = form(&app, "/oauth/token", &[("grant_type", "password")], None).await;
    assert_eq!(status, 400);
    for i in 0..10 {
        let (status, body) = form(
            &app,
            "/oauth/introspect",
            &[("token", "x")],
            Some((&w.client_id, &format!("s{i}"))),
        )
        .await;
        assert_eq!((status.as_u16(), body["error"].as_str()), (401, Some("invalid_client")), "{i}");
    }
    // The 31st request, even with the right refresh token, waits.
    let response = reqwest::Client::new()
        .post(app.url("/oauth/token"))
        .form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh.as_str()),
            ("client_id", w.client_id.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);
    let wait: u64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "slow_down");
    let (status, _) =
        form(&app, "/oauth/revoke", &[("token", "x"), ("client_id", "nobody")], None).await;
    assert_eq!(status, 429);
    // The window ends: the right refresh token works (the refused attempt used nothing).
    app.clock.advance(chrono::TimeDelta::seconds(61));
    let (status, body) = guess(refresh).await;
    assert_eq!(status, 200, "{body}");
}
