//! A professional connects practice software with their security key, in German: the sample
//! client `dsp-fhir-client` starts the authorization code flow (PKCE, loopback redirect), the
//! professional signs in on DSP's approval page, reads which software for which organisation
//! asks for what, approves, and the browser lands on the software's loopback address with a
//! code; the client redeems it with its PKCE verifier, and the organisation's gateway finds the
//! token active (RFC 7662 introspection); the client refreshes it. The professional then sees the
//! software under Connected software and disconnects it: the token is no longer active and the
//! refresh token no longer works.
//!
//! With its tokens the real `dsp-fhir-client` binary then files a PDF in Marie Dupont's record
//! (the physician follows her), finds it and reads it back byte for byte; Marie activates in a
//! French browser and her history shows the filing and the reading by the physician "via Praxis
//! Plus".
//!
//! The device grant too, with the real binary (`login --device`, then `logout`): the software
//! shows a code, the professional types it on their page, the tokens are saved in a 0600 file,
//! and logging out ends the connection.
//!
//! And the agency's side, in Luxembourgish: an agent registers software (a redirect address
//! that is neither https nor the professional's own computer is refused on its field), gives the
//! organisation's gateway the secret shown once, issues a new one (the old stops working), and
//! disables the software.

use std::time::Duration;

use chromiumoxide::page::Page;
use dsp_fhir_client::auth;
use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click, eval, fill,
    text_of, wait_for_app, wait_for_path, wait_until,
};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

const CLIENT: &str = "praxis-plus-e2e";
const SOFTWARE: &str = "Praxis Plus";
/// The secret of the organisation's gateway (token introspection).
const GATEWAY_SECRET: &str = "e2e-gateway-secret-0123456789";

/// The demo data, the physician Claire Weber enrolled (and signed in) in a German browser.
struct Scene {
    server: TestServer,
    organisation: uuid::Uuid,
    browser: Chromium,
    page: Page,
}

async fn scene() -> anyhow::Result<Scene> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
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
    Ok(Scene { server, organisation, browser, page })
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
        secret_hash: Set(Some(dsp::auth::codes::hash(GATEWAY_SECRET))),
        created_at: Set(chrono::Utc::now()),
        disabled_at: Set(None),
    })
    .exec_without_returning(&s.server.state.db)
    .await?;
    Ok(())
}

/// What the organisation's gateway learns about `token` (RFC 7662).
async fn introspect(s: &Scene, token: &str) -> anyhow::Result<serde_json::Value> {
    let response = reqwest::Client::new()
        .post(format!("{}/oauth/introspect", s.server.origin))
        .basic_auth(CLIENT, Some(GATEWAY_SECRET))
        .form(&[("token", token)])
        .send()
        .await?;
    anyhow::ensure!(response.status().is_success(), "introspection: {}", response.status());
    Ok(response.json().await?)
}

/// A free port on 127.0.0.1 for the software's loopback redirect.
fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// The `dsp-fhir-client` binary (another package of the workspace: built next to this test).
fn cli_binary() -> anyhow::Result<std::path::PathBuf> {
    let test = std::env::current_exe()?;
    let dir = test
        .parent()
        .and_then(std::path::Path::parent)
        .ok_or_else(|| anyhow::anyhow!("where is {}?", test.display()))?;
    let binary = dir.join(format!("dsp-fhir-client{}", std::env::consts::EXE_SUFFIX));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let built = std::process::Command::new(cargo)
        .args(["build", "--quiet", "-p", "dsp-fhir-client", "--bin", "dsp-fhir-client"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()?;
    anyhow::ensure!(built.success(), "building dsp-fhir-client: {built}");
    anyhow::ensure!(binary.exists(), "no {}", binary.display());
    Ok(binary)
}

/// Runs the binary with the token file; its standard output (it must succeed).
async fn run_cli(
    binary: &std::path::Path,
    token_file: &std::path::Path,
    args: &[&str],
) -> anyhow::Result<String> {
    let output = tokio::process::Command::new(binary)
        .arg("--token-file")
        .arg(token_file)
        .args(args)
        .output()
        .await?;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    anyhow::ensure!(
        output.status.success(),
        "dsp-fhir-client {args:?}: {}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(stdout)
}

/// The title the software gives the document it files.
const FILED_TITLE: &str = "Lettre de sortie — été";

/// The binary files a PDF in Marie Dupont's record (by matricule), finds it (by DSP id) and
/// writes its content back (the same bytes); Marie, in French, sees both acts in her history by
/// Claire Weber via the software. The tokens as the binary left them (it may have refreshed).
async fn file_find_get(
    s: &Scene,
    tokens: &dsp_fhir_client::tokens::Tokens,
) -> anyhow::Result<dsp_fhir_client::tokens::Tokens> {
    let binary = cli_binary()?;
    let demo = dsp::demo::create(&s.server.state)
        .await
        .map_err(|e| anyhow::anyhow!("demo codes: {e:?}"))?;
    let (_, national_id, activation_code) = demo
        .patient_codes
        .iter()
        .find(|(n, ..)| n == "Marie Dupont")
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no Marie Dupont"))?;
    let marie = dsp::entity::patient::Entity::find()
        .filter(dsp::entity::patient::Column::NationalId.eq(national_id.replace(' ', "")))
        .one(&s.server.state.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("Marie Dupont is not in the database"))?;

    let dir = tempfile::tempdir()?;
    let token_file = dir.path().join("tokens.json");
    dsp_fhir_client::tokens::save(&token_file, tokens)?;
    let pdf = dir.path().join("lettre-de-sortie.pdf");
    let bytes =
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    tokio::fs::write(&pdf, bytes).await?;

    let filed = run_cli(
        &binary,
        &token_file,
        &[
            "file",
            "--matricule",
            &national_id,
            pdf.to_str().unwrap_or_default(),
            "--type",
            "care-reports",
            "--title",
            FILED_TITLE,
        ],
    )
    .await?;
    assert!(filed.contains("201"), "{filed}");

    let found = run_cli(&binary, &token_file, &["find", &marie.id.to_string()]).await?;
    let line = found
        .lines()
        .find(|l| l.ends_with(FILED_TITLE))
        .ok_or_else(|| anyhow::anyhow!("the filed document is not found: {found}"))?;
    let fields: Vec<&str> = line.split('\t').collect();
    assert_eq!(fields.len(), 5, "{line}");
    assert_eq!(fields[2], "care-reports", "{line}");
    assert_eq!(fields[3], "application/pdf", "{line}");
    assert!(filed.contains(fields[0]), "the filing named {filed}, find lists {line}");

    let out = dir.path().join("read-back.pdf");
    let got = run_cli(
        &binary,
        &token_file,
        &["get", fields[0], "--out", out.to_str().unwrap_or_default()],
    )
    .await?;
    assert!(got.contains("application/pdf"), "{got}");
    assert_eq!(tokio::fs::read(&out).await?, bytes, "the content read back differs");

    // Marie activates in French; her history says who did it, through which software.
    let patient_browser = Chromium::launch("fr-FR").await?;
    let patient = patient_browser.open(&format!("{}/activate", s.server.origin)).await?;
    wait_for_app(&patient).await?;
    add_authenticator(&patient, Authenticator::Passkey).await?;
    fill(&patient, "#activate-national-id", &national_id).await?;
    fill(&patient, "#activate-code", &activation_code).await?;
    click(&patient, "#activate-button").await?;
    wait_for_path(&patient, "/patient").await?;
    patient.goto(format!("{}/patient/history", s.server.origin)).await?;
    wait_for_app(&patient).await?;
    for (action, verb) in [("document_filed", " a déposé "), ("document_read", " a lu ")] {
        let entry = format!("[data-action={action}]");
        wait_until(&patient, &format!("document.querySelector('{entry}')")).await?;
        let text = text_of(&patient, &entry).await?;
        assert!(text.contains("Claire Weber"), "{text:?}");
        assert!(text.contains(&format!(" via {SOFTWARE}")), "{text:?}");
        assert!(text.contains(verb) && text.contains(FILED_TITLE), "{text:?}");
    }
    patient_browser.close().await?;

    dsp_fhir_client::tokens::load(&token_file)
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
    assert!(
        approval.contains("Nach Ihrer Entscheidung kehren Sie zu 127.0.0.1 zurück."),
        "{approval}"
    );
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

    // The gateway finds the token active, for this software and these scopes; the software
    // refreshes it (the refresh token rotates).
    let seen = introspect(&s, &tokens.access_token).await?;
    assert_eq!(seen["active"], true, "{seen}");
    assert_eq!(seen["client_id"], CLIENT, "{seen}");
    assert_eq!(seen["scope"], auth::DEFAULT_SCOPES, "{seen}");
    let http = auth::http_client()?;
    let tokens = auth::refresh(&http, &tokens).await?;
    assert_eq!(introspect(&s, &tokens.access_token).await?["active"], true);

    // The command line files, finds and reads a document with these tokens.
    let tokens = file_find_get(&s, &tokens).await?;

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
    assert_eq!(introspect(&s, &tokens.access_token).await?["active"], false);
    assert!(auth::refresh(&http, &tokens).await.is_err(), "a disconnected software refreshed");

    s.browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn software_without_a_browser_is_connected_with_a_typed_code() -> anyhow::Result<()> {
    use tokio::io::AsyncBufReadExt as _;
    let s = scene().await?;
    register(&s, free_port()?).await?;

    // The real binary, `login --device`: it prints where to go and the code, then waits.
    let binary = cli_binary()?;
    let dir = tempfile::tempdir()?;
    let token_file = dir.path().join("tokens.json");
    let mut login = tokio::process::Command::new(&binary)
        .arg("--token-file")
        .arg(&token_file)
        .args(["login", "--server", &s.server.origin, "--client-id", CLIENT])
        .args(["--scope", "user/DocumentReference.rs", "--device"])
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()?;
    let stdout = login.stdout.take().ok_or_else(|| anyhow::anyhow!("no standard output"))?;
    let mut lines = tokio::io::BufReader::new(stdout).lines();
    let (mut verification_uri, mut user_code) = (None, None);
    while user_code.is_none() {
        let line = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
            .await??
            .ok_or_else(|| anyhow::anyhow!("dsp-fhir-client ended before showing a code"))?;
        if let Some(uri) = line.strip_prefix("On your DSP page ") {
            verification_uri = Some(uri.trim().to_owned());
        }
        if let Some(code) = line.strip_prefix("type the code: ") {
            user_code = Some(code.trim().to_owned());
        }
    }
    let verification_uri = verification_uri.ok_or_else(|| anyhow::anyhow!("no address shown"))?;
    let user_code = user_code.unwrap_or_default();
    assert_eq!(verification_uri, format!("{}/professional/device", s.server.origin));

    s.page.goto(verification_uri.as_str()).await?;
    wait_for_path(&s.page, "/professional/device").await?;
    // Typed in lower case with spaces: the page and the server do not mind.
    let typed = user_code.to_lowercase().replace('-', " ");
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

    // The binary's next poll gets the tokens; it saves them for this user only.
    let mut rest = String::new();
    while let Some(line) =
        tokio::time::timeout(Duration::from_secs(60), lines.next_line()).await??
    {
        rest.push_str(&line);
        rest.push('\n');
    }
    let status = tokio::time::timeout(Duration::from_secs(10), login.wait()).await??;
    assert!(status.success(), "login --device: {status}\n{rest}");
    assert!(rest.contains("Connected (user/DocumentReference.rs)"), "{rest}");
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&token_file)?.permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the token file is the user's alone");
    }
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&token_file)?)?;
    assert_eq!(saved["client_id"], CLIENT);
    let access = saved["access_token"].as_str().unwrap_or_default().to_owned();
    assert_eq!(introspect(&s, &access).await?["active"], true);

    // `logout` revokes the connection and deletes the file.
    let out = run_cli(&binary, &token_file, &["logout"]).await?;
    assert!(out.contains("Disconnected."), "{out}");
    assert!(!token_file.exists(), "the token file is gone");
    assert_eq!(introspect(&s, &access).await?["active"], false);

    s.browser.close().await
}

/// The organisation's gateway authenticates with `secret` (RFC 7662 introspection of a token it
/// does not know): the HTTP status.
async fn gateway_status(server: &TestServer, client_id: &str, secret: &str) -> anyhow::Result<u16> {
    let response = reqwest::Client::new()
        .post(format!("{}/oauth/introspect", server.origin))
        .basic_auth(client_id, Some(secret))
        .form(&[("token", "not-a-token")])
        .send()
        .await?;
    Ok(response.status().as_u16())
}

/// The text before the first placeable of a catalogue message.
fn fixed_part(lang: &str, key: &str) -> anyhow::Result<String> {
    let message = catalogue_message(lang, key)?;
    Ok(message.split('{').next().unwrap_or_default().trim().to_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_registers_renews_and_disables_practice_software_in_luxembourgish()
-> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let link = demo.agent_link.clone().ok_or_else(|| anyhow::anyhow!("no demo agent"))?;
    let browser = Chromium::launch("lb-LU").await?;
    let page = browser.open(&link).await?;
    wait_for_app(&page).await?;
    add_authenticator(&page, Authenticator::SecurityKey).await?;
    click(&page, "#enrol-button").await?;
    wait_for_path(&page, "/agency").await?;
    let heading = text_of(&page, "#software-heading").await?;
    assert_eq!(heading, catalogue_message("lb", "software-heading")?);

    // An organisation of the directory, a name, a redirect address on the open web over http.
    wait_until(&page, "document.querySelectorAll('#software-form-organisation option').length > 1")
        .await?;
    let organisation =
        eval(&page, "document.querySelector('#software-form-organisation').options[1].value")
            .await?;
    let organisation = organisation.as_str().unwrap_or_default().to_owned();
    fill(&page, "#software-form-organisation", &organisation).await?;
    fill(&page, "#software-form-name", SOFTWARE).await?;
    fill(&page, "#software-form-redirects", "http://his.example.lu/callback").await?;
    click(&page, "#software-form-confidential").await?;
    click(&page, "#software-form-button").await?;
    let refused = catalogue_message("lb", "software-redirect-invalid")?;
    wait_until(
        &page,
        &format!(
            "document.querySelector('#software-form-redirects-message')?.innerText.trim() === {}",
            serde_json::to_string(&refused)?
        ),
    )
    .await?;
    let registered = dsp::entity::oauth_client::Entity::find().all(&server.state.db).await?;
    assert!(registered.is_empty(), "nothing registered from a refused form");

    // Over https: registered, the secret shown this once.
    fill(&page, "#software-form-redirects", "https://his.example.lu/callback").await?;
    click(&page, "#software-form-button").await?;
    wait_until(&page, "document.querySelector('#software-secret .client-secret')").await?;
    let notice = text_of(&page, "#software-secret").await?;
    assert!(notice.contains(&format!("{SOFTWARE} ass registréiert")), "{notice}");
    assert!(notice.contains(&catalogue_message("lb", "software-secret-once")?), "{notice}");
    let client_id = text_of(&page, "#software-secret .client-id").await?;
    let secret = text_of(&page, "#software-secret .client-secret").await?;
    assert!(secret.len() >= 32, "a long random secret: {secret}");
    assert_eq!(gateway_status(&server, &client_id, &secret).await?, 200);
    assert_eq!(gateway_status(&server, &client_id, "guessed").await?, 401);
    let row = format!("[data-client-id='{client_id}']");
    wait_until(&page, &format!("document.querySelector(\"{row}\")")).await?;
    let facts = text_of(&page, &row).await?;
    assert!(facts.contains("https://his.example.lu/callback"), "{facts}");
    assert!(facts.contains("user/DocumentReference.crs"), "{facts}");

    // A new secret: asked first; the old one stops working at once.
    click(&page, &format!("{row} .rotate-secret")).await?;
    wait_until(&page, &format!("document.querySelector(\"{row} .confirm-yes\")")).await?;
    click(&page, &format!("{row} .confirm-yes")).await?;
    wait_until(
        &page,
        &format!(
            "document.querySelector('#software-secret .client-secret')?.innerText.trim() !== {}",
            serde_json::to_string(&secret)?
        ),
    )
    .await?;
    let renewed = text_of(&page, "#software-secret .client-secret").await?;
    assert!(!renewed.is_empty());
    assert_eq!(
        text_of(&page, "#software-status").await?,
        catalogue_message("lb", "software-secret-done")?
    );
    assert_eq!(gateway_status(&server, &client_id, &secret).await?, 401, "the old secret");
    assert_eq!(gateway_status(&server, &client_id, &renewed).await?, 200, "the new one");

    // Disabled: asked first; the row says since when; the gateway is refused.
    click(&page, &format!("{row} .disable-software")).await?;
    wait_until(&page, &format!("document.querySelector(\"{row} .confirm-yes\")")).await?;
    click(&page, &format!("{row} .confirm-yes")).await?;
    let since = fixed_part("lb", "software-disabled-since")?;
    wait_until(
        &page,
        &format!(
            "document.querySelector(\"{row} .client-state\")?.innerText.startsWith({})",
            serde_json::to_string(&since)?
        ),
    )
    .await?;
    assert_eq!(
        text_of(&page, "#software-status").await?,
        catalogue_message("lb", "software-disabled-done")?
    );
    assert_eq!(gateway_status(&server, &client_id, &renewed).await?, 401, "disabled");
    drop(page);
    drop(browser);
    Ok(())
}
