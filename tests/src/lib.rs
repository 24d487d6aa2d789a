//! End-to-end harness: the real `dsp` server on port 0 (fresh SQLite database, the trunk-built
//! web app from `dist/`) and a headless Chromium driven over CDP.
//!
//! Build the web app first (`scripts/build-web`; `scripts/test` does it). Chromium is killed when
//! the [`Browser`] is dropped, panics included.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chromiumoxide::browser::{Browser, BrowserConfig};
use chromiumoxide::page::Page;
use dsp::clock::Clock;
use dsp::{Config, Server};
use futures::StreamExt;
use serde_json::Value;
use tokio::sync::oneshot;

/// How long a page may take to show what a test waits for (a cold wasm compile on a loaded
/// 2-core machine takes a few seconds).
pub const PATIENCE: Duration = Duration::from_secs(30);

/// The workspace's built web app.
#[must_use]
pub fn dist_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../dist")
}

/// A running server with its own data directory.
#[derive(Debug)]
pub struct TestServer {
    /// `http://localhost:PORT` (WebAuthn refuses IP addresses, so never 127.0.0.1).
    pub origin: String,
    /// The server's state, to call services directly (create an agent, read the audit log).
    pub state: dsp::AppState,
    _data_dir: tempfile::TempDir,
    shutdown: Option<oneshot::Sender<()>>,
}

impl TestServer {
    /// Starts the server on a free port with a fresh SQLite database.
    ///
    /// # Errors
    /// When the web app is not built or the server cannot start.
    pub async fn start() -> anyhow::Result<Self> {
        let dist = dist_dir();
        if !dist.join("index.html").is_file() {
            bail!("{} has no index.html: run scripts/build-web first", dist.display());
        }
        let data_dir = tempfile::tempdir()?;
        // Bind first, then tell the server its real origin (WebAuthn and CSRF check it).
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let origin = format!("http://localhost:{}", listener.local_addr()?.port());
        let vars = [
            ("DSP_PUBLIC_ORIGIN", origin.clone()),
            ("DSP_DATA_DIR", data_dir.path().display().to_string()),
            ("DSP_BIND", "127.0.0.1:0".to_owned()),
            ("DSP_DIST_DIR", dist.display().to_string()),
        ];
        let config = Config::from_lookup(|name| {
            vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone())
        })?;
        let server = Server::build_on(listener, config.clone(), Clock::system()).await?;
        let state =
            dsp::AppState::new(dsp::db::connect(&config).await?, config, Clock::system()).await?;
        let (tx, rx) = oneshot::channel::<()>();
        tokio::spawn(server.run(async move {
            let _ = rx.await;
        }));
        Ok(Self { origin, state, _data_dir: data_dir, shutdown: Some(tx) })
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// A headless Chromium with a fresh profile.
#[derive(Debug)]
pub struct Chromium {
    browser: Browser,
    _profile: tempfile::TempDir,
}

impl Chromium {
    /// Launches Chromium with `lang` as the browser's language (`navigator.languages`).
    ///
    /// # Errors
    /// When Chromium is missing or does not start.
    pub async fn launch(lang: &str) -> anyhow::Result<Self> {
        let profile = tempfile::tempdir()?;
        let executable =
            std::env::var("DSP_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let config = BrowserConfig::builder()
            .chrome_executable(executable)
            .no_sandbox()
            .user_data_dir(profile.path())
            .window_size(1280, 900)
            // Bare keys: chromiumoxide adds the dashes itself.
            .args([
                "disable-gpu".to_owned(),
                "disable-quic".to_owned(),
                "disable-component-update".to_owned(),
                format!("lang={lang}"),
                format!("accept-lang={lang}"),
            ])
            .build()
            .map_err(anyhow::Error::msg)?;
        let (browser, mut handler) = Browser::launch(config)
            .await
            .context("launching Chromium (scripts/setup installs it)")?;
        tokio::spawn(async move { while handler.next().await.is_some() {} });
        Ok(Self { browser, _profile: profile })
    }

    /// Opens `url` in a new tab.
    ///
    /// # Errors
    /// When the page cannot be opened.
    pub async fn open(&self, url: &str) -> anyhow::Result<Page> {
        let page = self.browser.new_page(url).await?;
        Ok(page)
    }

    /// Clicks `selector` on `page` and lets the browser download what it answers (its own
    /// request, with its own headers such as `Accept-Encoding`) into `dir`; returns the saved
    /// file's name and bytes.
    ///
    /// # Errors
    /// When the browser reports the download failed (a connection cut, a broken transfer) or
    /// it does not end within [`PATIENCE`].
    pub async fn download(
        &self,
        page: &Page,
        selector: &str,
        dir: &std::path::Path,
    ) -> anyhow::Result<(String, Vec<u8>)> {
        use chromiumoxide::cdp::browser_protocol::browser::{
            DownloadProgressState, EventDownloadProgress, EventDownloadWillBegin,
            SetDownloadBehaviorBehavior, SetDownloadBehaviorParams,
        };
        let behavior = SetDownloadBehaviorParams::builder()
            .behavior(SetDownloadBehaviorBehavior::Allow)
            .download_path(dir.display().to_string())
            .events_enabled(true)
            .build()
            .map_err(anyhow::Error::msg)?;
        self.browser.execute(behavior).await?;
        let mut begins = self.browser.event_listener::<EventDownloadWillBegin>().await?;
        let mut progress = self.browser.event_listener::<EventDownloadProgress>().await?;
        click(page, selector).await?;
        let begin = tokio::time::timeout(PATIENCE, begins.next())
            .await
            .with_context(|| format!("no download began after clicking {selector}"))?
            .context("the browser is gone")?;
        let name = begin.suggested_filename.clone();
        loop {
            let event = tokio::time::timeout(PATIENCE, progress.next())
                .await
                .with_context(|| format!("the download of {name} did not end"))?
                .context("the browser is gone")?;
            if event.guid != begin.guid {
                continue;
            }
            match event.state {
                DownloadProgressState::Completed => break,
                DownloadProgressState::Canceled => {
                    bail!("the browser reports the download of {name} failed")
                }
                DownloadProgressState::InProgress => {}
            }
        }
        let bytes = std::fs::read(dir.join(&name)).with_context(|| format!("reading {name}"))?;
        Ok((name, bytes))
    }

    /// Closes the browser and waits for it to exit.
    ///
    /// # Errors
    /// When Chromium does not close.
    pub async fn close(mut self) -> anyhow::Result<()> {
        self.browser.close().await?;
        self.browser.wait().await?;
        Ok(())
    }
}

/// Makes `page` a phone's screen: 390 × 844 CSS pixels at two device pixels each, touch, the
/// page's `<meta name="viewport">` obeyed (a window cannot be made that narrow).
///
/// # Errors
/// When Chromium refuses the CDP command.
pub async fn emulate_phone(page: &Page) -> anyhow::Result<()> {
    use chromiumoxide::cdp::browser_protocol::emulation::SetDeviceMetricsOverrideParams;
    page.execute(SetDeviceMetricsOverrideParams::new(390, 844, 2.0, true)).await?;
    Ok(())
}

/// Evaluates a JavaScript expression and returns its JSON value.
///
/// # Errors
/// When the script throws or the page is gone.
pub async fn eval(page: &Page, expression: &str) -> anyhow::Result<Value> {
    // A page loading another of the apps has no context for a moment: try again then.
    let start = Instant::now();
    loop {
        match page.evaluate(expression).await {
            Ok(result) => return Ok(result.value().cloned().unwrap_or(Value::Null)),
            Err(error) if is_navigating(&error) && start.elapsed() < PATIENCE => {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Err(error) => return Err(error.into()),
        }
    }
}

/// Whether an evaluation failed because the page was between two documents.
fn is_navigating(error: &chromiumoxide::error::CdpError) -> bool {
    let text = error.to_string();
    ["Cannot find context", "context was destroyed", "target navigated or closed"]
        .iter()
        .any(|sign| text.contains(sign))
}

/// Waits until a JavaScript expression is truthy; on time-out, says what the page showed.
///
/// # Errors
/// When the expression stays falsy for [`PATIENCE`].
pub async fn wait_until(page: &Page, expression: &str) -> anyhow::Result<()> {
    let start = Instant::now();
    loop {
        if let Ok(value) = eval(page, &format!("Boolean({expression})")).await
            && value == Value::Bool(true)
        {
            return Ok(());
        }
        if start.elapsed() > PATIENCE {
            let body = eval(page, "document.body ? document.body.innerText.slice(0, 500) : ''")
                .await
                .unwrap_or_default();
            bail!("waited {PATIENCE:?} for `{expression}`; the page shows: {body}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the wasm app has rendered (it sets `data-app-ready` on the body).
///
/// # Errors
/// When the app does not render, e.g. because the wasm did not load.
pub async fn wait_for_app(page: &Page) -> anyhow::Result<()> {
    wait_until(
        page,
        "document.body && document.body.dataset.appReady === 'true' && document.getElementById('page-heading')",
    )
    .await
}

/// The text of the page's main heading.
///
/// # Errors
/// When the page has no heading.
pub async fn heading(page: &Page) -> anyhow::Result<String> {
    let value = eval(page, "document.getElementById('page-heading').innerText").await?;
    value.as_str().map(str::to_owned).context("no #page-heading")
}

/// The kind of virtual authenticator to plug into a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Authenticator {
    /// A professional's or agent's USB security key: device-bound (BE/BS false), with user
    /// verification and credBlob (which Chromium needs for credProtect enforcement).
    SecurityKey,
    /// A patient's platform passkey: synced (BE/BS true), with user verification.
    Passkey,
}

/// Enables the WebAuthn domain on `page` and adds a virtual authenticator that answers at once
/// (presence and user verification simulated).
///
/// # Errors
/// When Chromium refuses the CDP commands.
pub async fn add_authenticator(
    page: &Page,
    kind: Authenticator,
) -> anyhow::Result<chromiumoxide::cdp::browser_protocol::web_authn::AuthenticatorId> {
    use chromiumoxide::cdp::browser_protocol::web_authn::{
        AddVirtualAuthenticatorParams, AuthenticatorProtocol, AuthenticatorTransport, Ctap2Version,
        EnableParams, VirtualAuthenticatorOptions,
    };
    page.execute(EnableParams::builder().enable_ui(false).build()).await?;
    let (transport, synced) = match kind {
        Authenticator::SecurityKey => (AuthenticatorTransport::Usb, false),
        Authenticator::Passkey => (AuthenticatorTransport::Internal, true),
    };
    let options = VirtualAuthenticatorOptions::builder()
        .protocol(AuthenticatorProtocol::Ctap2)
        .ctap2_version(Ctap2Version::Ctap21)
        .transport(transport)
        .has_resident_key(true)
        .has_user_verification(true)
        .is_user_verified(true)
        .automatic_presence_simulation(true)
        .has_cred_blob(true)
        .default_backup_eligibility(synced)
        .default_backup_state(synced)
        .build()
        .map_err(anyhow::Error::msg)?;
    Ok(page.execute(AddVirtualAuthenticatorParams::new(options)).await?.result.authenticator_id)
}

/// Types `value` into the input or select matching `selector` the way the app sees typing:
/// sets the value, then fires `input` and `change`.
///
/// # Errors
/// When no element matches.
pub async fn fill(page: &Page, selector: &str, value: &str) -> anyhow::Result<()> {
    let script = format!(
        "(() => {{ const el = document.querySelector({selector}); if (!el) return false; \
         el.focus(); el.value = {value}; \
         el.dispatchEvent(new Event('input', {{ bubbles: true }})); \
         el.dispatchEvent(new Event('change', {{ bubbles: true }})); return true; }})()",
        selector = serde_json::to_string(selector)?,
        value = serde_json::to_string(value)?,
    );
    if eval(page, &script).await? != Value::Bool(true) {
        bail!("no element matches {selector}");
    }
    Ok(())
}

/// Clicks the element matching `selector` with real mouse events (a user gesture).
///
/// # Errors
/// When no element matches within [`PATIENCE`].
pub async fn click(page: &Page, selector: &str) -> anyhow::Result<()> {
    let quoted = serde_json::to_string(selector)?;
    wait_until(page, &format!("document.querySelector({quoted})")).await?;
    page.find_element(selector).await?.click().await?;
    Ok(())
}

/// Waits until the app shows `path` (and, when that is another of the apps, until it has
/// loaded and rendered); fails at once with the message of any `role="alert"` that says something
/// meanwhile.
///
/// # Errors
/// When an error shows or the path does not come within [`PATIENCE`].
pub async fn wait_for_path(page: &Page, path: &str) -> anyhow::Result<()> {
    let start = Instant::now();
    // Shown alerts only: a page still loading its app holds the hidden notice of `index.html`.
    let alerts = "Array.from(document.querySelectorAll('[role=alert]'))\
                  .filter(e => !e.closest('[hidden]'))\
                  .map(e => e.innerText.trim()).filter(t => t).join(' | ')";
    loop {
        if eval(page, "location.pathname").await?.as_str() == Some(path) {
            return wait_for_app(page).await;
        }
        let alert = eval(page, alerts).await.unwrap_or_default();
        if let Some(text) = alert.as_str().filter(|t| !t.is_empty()) {
            bail!("waiting for {path}, the page shows an error: {text}");
        }
        if start.elapsed() > PATIENCE {
            let body = eval(page, "document.body.innerText.slice(0, 500)").await?;
            bail!("waited {PATIENCE:?} for {path}; the page shows: {body}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The text of the element matching `selector` (empty when there is none).
///
/// # Errors
/// When the page is gone.
pub async fn text_of(page: &Page, selector: &str) -> anyhow::Result<String> {
    let quoted = serde_json::to_string(selector)?;
    let value = eval(
        page,
        &format!("(() => {{ const e = document.querySelector({quoted}); return e ? e.innerText.trim() : ''; }})()"),
    )
    .await?;
    Ok(value.as_str().unwrap_or_default().to_owned())
}

/// A message of the web app's catalogue for `lang` (`frontend/i18n/<lang>.ftl`), for messages
/// without arguments.
///
/// # Errors
/// When the catalogue or the key is missing.
pub fn catalogue_message(lang: &str, key: &str) -> anyhow::Result<String> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../frontend/i18n/{lang}.ftl"));
    let text = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
    let prefix = format!("{key} = ");
    text.lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .map(|value| value.trim().to_owned())
        .with_context(|| format!("{lang}: no message {key}"))
}

/// Every code (`XXXX-XXXX-XXXX`) in a text, in order.
#[must_use]
pub fn codes_in_text(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|word| {
            word.len() == 14
                && word.split('-').count() == 3
                && word.split('-').all(|g| {
                    g.len() == 4 && g.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                })
        })
        .map(str::to_owned)
        .collect()
}

/// Every code a downloaded letter shows, in order, read as a person's PDF reader does: the text
/// `pdftotext` (poppler-utils, see `scripts/setup`) extracts. `latin1` is the file as the page
/// hands it over, one character per byte (`String.fromCharCode`).
///
/// # Errors
/// When a character is not a byte or `pdftotext` cannot run or read the file.
pub fn letter_codes(latin1: &str) -> anyhow::Result<Vec<String>> {
    let bytes = latin1
        .chars()
        .map(|c| u8::try_from(u32::from(c)).context("the letter is not one byte per character"))
        .collect::<anyhow::Result<Vec<u8>>>()?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("letter.pdf");
    std::fs::write(&path, bytes)?;
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .context("pdftotext (poppler-utils) reads the letters: run scripts/setup")?;
    if !output.status.success() {
        bail!("pdftotext: {}", String::from_utf8_lossy(&output.stderr));
    }
    Ok(codes_in_text(&String::from_utf8(output.stdout)?))
}
