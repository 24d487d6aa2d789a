//! A professional connects practice software with their security key, in German: the sample
//! client `dsp-fhir-client` starts the authorization code flow (PKCE, loopback redirect), the
//! professional signs in on DSP's approval page, reads which software for which organisation
//! asks for what, approves, and the browser lands on the software's loopback address with a
//! code; the client redeems it and reads the record with the token. The professional then sees
//! the software under Connected software and disconnects it: the token no longer works.
//!
//! The device grant too: the software shows a code, the professional types it on their page.

use std::time::Duration;

use chromiumoxide::page::Page;
use dsp_fhir_client::auth;
use dsp_fhir_client::fhir::{Fhir, PatientArg};
use dsp_fhir_client::tokens;
use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click, eval, fill,
    text_of, wait_for_app, wait_for_path, wait_until,
};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

const CLIENT: &str = "praxis-plus-e2e";
const SOFTWARE: &str = "Praxis Plus";

/// The demo data, Marie Dupont's activated record, her physician Claire Weber enrolled (and signed
/// in) in a German browser.
struct Scene {
    server: TestServer,
    national_id: String,
    organisation: uuid::Uuid,
    browser: Chromium,
    page: Page,
}

async fn scene() -> anyhow::Result<Scene> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (_, national_id, _) = demo
        .patient_codes
        .iter()
        .find(|(n, ..)| n == "Marie Dupont")
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no Marie Dupont"))?;
    dsp::entity::patient::Entity::update_many()
        .col_expr(dsp::entity::patient::Column::RecordState, Expr::value("activated"))
        .filter(dsp::entity::patient::Column::NationalId.eq(national_id.as_str()))
        .exec(&server.state.db)
        .await?;
    // Her physician, who files her reports.
    let (_, _, enrol_link) = demo
        .professional_links
        .iter()
        .find(|(n, ..)| n == "Claire Weber")
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no Claire Weber"))?;
    let organisation = dsp::entity::professional::Entity::find()
        .filter(dsp::entity::professional::Column::FamilyName.eq("Weber"))
        .one(&server.state.db)
        .await?
        .and_then(|p| p.organisation_id)
        .ok_or_else(|| anyhow::anyhow!("Claire Weber works nowhere"))?;
    let browser = Chromium::launch("de-DE").await?;
    let page = browser.open("about:blank").await?;
    page.goto(enrol_link).await?;
    wait_for_app(&page).await?;
    add_authenticator(&page, Authenticator::SecurityKey).await?;
    click(&page, "#enrol-button").await?;
    wait_for_path(&page, "/professional").await?;
    Ok(Scene { server, national_id, organisation, browser, page })
}

/// Registers the sample software for `organisation` with one loopback redirect URI, as the agency
/// does (the agency's screen is the oauth helper's API; the row is what it stores).
async fn register(s: &Scene, port: u16) -> anyhow::Result<()> {
    dsp::entity::oauth_client::Entity::insert(dsp::entity::oauth_client::ActiveModel {
        client_id: Set(CLIENT.to_owned()),
        organisation_id: Set(s.organisation),
        name: Set(SOFTWARE.to_owned()),
        redirect_uris: Set(format!("http://127.0.0.1:{port}{}", auth::CALLBACK_PATH)),
        allowed_scopes: Set(auth::DEFAULT_SCOPES.to_owned()),
        secret_hash: Set(None),
        created_at: Set(chrono::Utc::now()),
        disabled_at: Set(None),
    })
    .exec_without_returning(&s.server.state.db)
    .await?;
    Ok(())
}

/// A free port on 127.0.0.1 for the software's loopback redirect.
fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Signs out, so that the approval page must sign the professional in itself.
async fn sign_out(page: &Page) -> anyhow::Result<()> {
    click(page, "#sign-out-button").await?;
    wait_for_path(page, "/sign-in").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_physician_connects_practice_software_with_her_key_in_german() -> anyhow::Result<()> {
    let s = scene().await?;
    let port = free_port()?;
    register(&s, port).await?;
    sign_out(&s.page).await?;

    // The software starts the flow and hands over the address for the browser.
    let (url_tx, url_rx) = tokio::sync::oneshot::channel::<String>();
    let origin = s.server.origin.clone();
    let login = tokio::spawn(async move {
        let http = auth::http_client()?;
        auth::login_with_code(&http, &origin, CLIENT, auth::DEFAULT_SCOPES, port, |url| {
            let _ = url_tx.send(url.to_string());
        })
        .await
    });
    let url = tokio::time::timeout(Duration::from_secs(30), url_rx).await??;
    assert!(url.starts_with(&format!("{}/oauth/authorize?", s.server.origin)), "{url}");

    // DSP sends the browser to the approval page, which asks to sign in first and stays.
    s.page.goto(url.as_str()).await?;
    wait_for_path(&s.page, "/professional/connect").await?;
    wait_until(&s.page, "document.getElementById('sign-in-button')").await?;
    assert_eq!(
        text_of(&s.page, "#page-heading").await?,
        catalogue_message("de", "oauth-connect-heading")?
    );
    click(&s.page, "#sign-in-button").await?;
    wait_until(&s.page, "document.getElementById('approve-button')").await?;
    assert_eq!(eval(&s.page, "location.pathname").await?, "/professional/connect");

    // Which software, for which organisation, asks for what, where the browser goes back: in German.
    let approval = text_of(&s.page, ".approval").await?;
    assert!(approval.contains(&format!("{SOFTWARE} möchte sich verbinden")), "{approval}");
    assert!(approval.contains("ist für "), "{approval}");
    for key in ["oauth-resource-documents", "oauth-resource-content", "oauth-resource-submissions"]
    {
        let words = catalogue_message("de", key)?;
        assert!(approval.contains(&words), "{key}: {approval}");
    }
    assert!(approval.contains("neue ablegen, lesen, suchen"), "{approval}");
    assert!(approval.contains(&format!("127.0.0.1:{port}")), "{approval}");
    assert_eq!(
        eval(&s.page, "document.querySelectorAll('.approval .scopes li').length").await?,
        3,
        "one line per scope"
    );

    // Approve: the browser lands on the software's loopback address with a code, which the
    // software redeems with its PKCE verifier.
    click(&s.page, "#approve-button").await?;
    let tokens = tokio::time::timeout(Duration::from_secs(30), login).await???;
    wait_until(&s.page, "location.host.startsWith('127.0.0.1:')").await?;
    assert!(
        eval(&s.page, "document.body.innerText")
            .await?
            .as_str()
            .unwrap_or_default()
            .contains("connected")
    );
    assert_eq!(tokens.client_id, CLIENT);
    assert!(tokens.refresh_token.is_some());
    assert!(tokens.scope.contains("user/DocumentReference"), "{}", tokens.scope);

    // The token reads the record (ITI-67), within what the physician may see.
    let dir = tempfile::tempdir()?;
    let token_file = dir.path().join("tokens.json");
    tokens::save(&token_file, &tokens)?;
    let mut fhir = Fhir::open(&token_file)?;
    let found = fhir.find(&PatientArg::Matricule(s.national_id.clone())).await?;
    drop(found);

    // Connected software lists it; disconnecting ends the token.
    s.page.goto(format!("{}/professional/software", s.server.origin)).await?;
    wait_for_path(&s.page, "/professional/software").await?;
    wait_until(&s.page, "document.querySelector('.software .row')").await?;
    let row = text_of(&s.page, ".software .row").await?;
    assert!(row.contains(SOFTWARE), "{row}");
    assert!(row.contains(&catalogue_message("de", "oauth-connected-since")?), "{row}");
    click(&s.page, ".software .row .disconnect").await?;
    click(&s.page, ".software .row .confirm-disconnect").await?;
    wait_until(&s.page, "document.getElementById('software-none')").await?;
    let refused = fhir.find(&PatientArg::Matricule(s.national_id.clone())).await;
    assert!(refused.is_err(), "a disconnected software still reads the record");

    s.browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn software_without_a_browser_is_connected_with_a_typed_code() -> anyhow::Result<()> {
    let s = scene().await?;
    register(&s, free_port()?).await?;

    let (code_tx, code_rx) = tokio::sync::oneshot::channel::<auth::DevicePrompt>();
    let origin = s.server.origin.clone();
    let login = tokio::spawn(async move {
        let http = auth::http_client()?;
        auth::login_with_device(&http, &origin, CLIENT, "user/DocumentReference.rs", |prompt| {
            let _ = code_tx.send(prompt.clone());
        })
        .await
    });
    let prompt = tokio::time::timeout(Duration::from_secs(30), code_rx).await??;
    assert_eq!(prompt.verification_uri, format!("{}/professional/device", s.server.origin));

    s.page.goto(prompt.verification_uri.as_str()).await?;
    wait_for_path(&s.page, "/professional/device").await?;
    // Typed in lower case with spaces: the page and the server do not mind.
    let typed = prompt.user_code.to_lowercase().replace('-', " ");
    fill(&s.page, "#user-code", &typed).await?;
    click(&s.page, "#device-look-up").await?;
    wait_until(&s.page, "document.getElementById('approve-button')").await?;
    let approval = text_of(&s.page, ".approval").await?;
    assert!(approval.contains(&format!("{SOFTWARE} möchte sich verbinden")), "{approval}");
    assert!(approval.contains(&catalogue_message("de", "oauth-resource-documents")?));
    click(&s.page, "#approve-button").await?;
    wait_until(&s.page, "document.querySelector('#device-status p')").await?;
    assert_eq!(
        text_of(&s.page, "#device-status").await?,
        catalogue_message("de", "oauth-device-approved")?
    );
    let tokens = tokio::time::timeout(Duration::from_secs(60), login).await???;
    assert_eq!(tokens.client_id, CLIENT);
    assert_eq!(tokens.scope, "user/DocumentReference.rs");

    s.browser.close().await
}
