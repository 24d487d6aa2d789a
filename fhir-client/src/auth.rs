//! Connecting the software to DSP with OAuth 2.0, through the `oauth2` crate: the server's
//! endpoints from its metadata (RFC 8414), the authorization code grant with PKCE S256 and a
//! loopback redirect (RFC 8252), the device authorization grant (RFC 8628) for software without
//! a browser, refreshing (the server rotates the refresh token at each use) and revoking.

use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use chrono::Utc;
use oauth2::basic::{BasicClient, BasicTokenResponse};
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, CsrfToken, DeviceAuthorizationUrl, EndpointNotSet,
    EndpointSet, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RefreshToken, Scope,
    StandardDeviceAuthorizationResponse, TokenResponse, TokenUrl,
};
use serde::Deserialize;
use tokio::net::TcpListener;
use url::Url;

use crate::loopback::{self, Callback};
use crate::tokens::Tokens;

/// The scopes `login` asks for unless told otherwise: file, find and read documents and their
/// submission sets.
pub const DEFAULT_SCOPES: &str = "user/DocumentReference.crs user/Binary.r user/List.s";

/// The path of the loopback redirect URI (`http://127.0.0.1:<port>/callback`).
pub const CALLBACK_PATH: &str = "/callback";

/// How long `login` waits for the professional's approval in the browser.
pub const APPROVAL_TIMEOUT: Duration = Duration::from_secs(600);

/// The endpoints DSP announces at `/.well-known/oauth-authorization-server`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ServerMetadata {
    /// `issuer`.
    pub issuer: String,
    /// `authorization_endpoint`.
    pub authorization_endpoint: String,
    /// `token_endpoint`.
    pub token_endpoint: String,
    /// `device_authorization_endpoint`.
    #[serde(default)]
    pub device_authorization_endpoint: Option<String>,
    /// `revocation_endpoint`.
    #[serde(default)]
    pub revocation_endpoint: Option<String>,
}

type Oauth = BasicClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

/// The HTTP client for DSP: never follows redirects (an OAuth client that does can be led to
/// send its codes and tokens elsewhere).
///
/// # Errors
/// When the TLS setup fails.
pub fn http_client() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("dsp-fhir-client/", env!("CARGO_PKG_VERSION")))
        .build()?)
}

/// Reads the server's OAuth metadata.
///
/// # Errors
/// When the server does not answer with its metadata.
pub async fn discover(http: &reqwest::Client, server: &str) -> anyhow::Result<ServerMetadata> {
    let url = format!("{}/.well-known/oauth-authorization-server", server.trim_end_matches('/'));
    let response = http.get(&url).send().await.with_context(|| format!("GET {url}"))?;
    if !response.status().is_success() {
        bail!("GET {url}: {}", response.status());
    }
    response.json().await.with_context(|| format!("{url} is not OAuth server metadata"))
}

fn client(metadata: &ServerMetadata, client_id: &str) -> anyhow::Result<Oauth> {
    Ok(BasicClient::new(ClientId::new(client_id.to_owned()))
        .set_auth_uri(AuthUrl::new(metadata.authorization_endpoint.clone())?)
        .set_token_uri(TokenUrl::new(metadata.token_endpoint.clone())?))
}

fn scopes(list: &str) -> Vec<Scope> {
    list.split_ascii_whitespace().map(|s| Scope::new(s.to_owned())).collect()
}

/// An authorization request under way: the URL for the professional's browser and what the
/// client keeps to check the answer and redeem the code.
#[derive(Debug)]
pub struct Authorization {
    /// The URL of DSP's `/oauth/authorize` with the request.
    pub url: Url,
    /// The state the answer must carry back.
    pub state: CsrfToken,
    /// The PKCE verifier, sent with the code.
    pub verifier: PkceCodeVerifier,
    /// The redirect URI in the request.
    pub redirect_uri: RedirectUrl,
}

/// Builds the authorization request (`response_type=code`, PKCE S256, a random state).
///
/// # Errors
/// When an endpoint or the redirect URI is not a URL.
pub fn authorization(
    metadata: &ServerMetadata,
    client_id: &str,
    redirect_uri: &str,
    scope: &str,
) -> anyhow::Result<Authorization> {
    let redirect_uri = RedirectUrl::new(redirect_uri.to_owned())?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state) = client(metadata, client_id)?
        .set_redirect_uri(redirect_uri.clone())
        .authorize_url(CsrfToken::new_random)
        .add_scopes(scopes(scope))
        .set_pkce_challenge(challenge)
        .url();
    Ok(Authorization { url, state, verifier, redirect_uri })
}

fn tokens_from(
    server: &str,
    client_id: &str,
    response: &BasicTokenResponse,
    asked: &str,
) -> Tokens {
    let lifetime = response.expires_in().unwrap_or(Duration::from_secs(60));
    let lifetime = chrono::Duration::from_std(lifetime).unwrap_or(chrono::Duration::seconds(60));
    Tokens {
        server: server.trim_end_matches('/').to_owned(),
        client_id: client_id.to_owned(),
        access_token: response.access_token().secret().clone(),
        refresh_token: response.refresh_token().map(|t| t.secret().clone()),
        expires_at: Utc::now() + lifetime,
        scope: response.scopes().map_or_else(
            || asked.to_owned(),
            |s| s.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" "),
        ),
    }
}

fn token_error<E: std::error::Error + Send + Sync + 'static>(error: E) -> anyhow::Error {
    // `RequestTokenError` says "Server returned error response" and keeps the RFC 6749 error in
    // its Display of the source chain.
    let mut text = error.to_string();
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    anyhow!(text)
}

/// Logs in with the authorization code grant: listens on `127.0.0.1:<port>` (`0`: any free
/// port; the redirect URI registered for the software must then be exactly the one printed),
/// hands the authorization URL to `show` (print it, open a browser), waits for the browser to
/// come back, checks the state and redeems the code with the PKCE verifier.
///
/// # Errors
/// When the professional refuses, the state does not match, or the server refuses the code.
pub async fn login_with_code(
    http: &reqwest::Client,
    server: &str,
    client_id: &str,
    scope: &str,
    port: u16,
    show: impl FnOnce(&Url),
) -> anyhow::Result<Tokens> {
    let metadata = discover(http, server).await?;
    let listener = TcpListener::bind(("127.0.0.1", port))
        .await
        .with_context(|| format!("listening on 127.0.0.1:{port}"))?;
    let redirect = format!("http://127.0.0.1:{}{CALLBACK_PATH}", listener.local_addr()?.port());
    let request = authorization(&metadata, client_id, &redirect, scope)?;
    show(&request.url);
    let callback = tokio::time::timeout(
        APPROVAL_TIMEOUT,
        loopback::wait_for_callback(&listener, CALLBACK_PATH),
    )
    .await
    .context("no answer from the browser in time")??;
    let (code, state) = match callback {
        Callback::Code { code, state } => (code, state),
        Callback::Error { error, .. } => bail!("not connected: {error}"),
    };
    if state.as_deref() != Some(request.state.secret().as_str()) {
        bail!("the answer's state is not the request's: ignored");
    }
    let response = client(&metadata, client_id)?
        .set_redirect_uri(request.redirect_uri)
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(request.verifier)
        .request_async(http)
        .await
        .map_err(token_error)?;
    Ok(tokens_from(server, client_id, &response, scope))
}

/// What the professional is told during the device grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DevicePrompt {
    /// Where to go (`…/professional/device`).
    pub verification_uri: String,
    /// The same with the code filled in, when the server gives it.
    pub verification_uri_complete: Option<String>,
    /// The code to type.
    pub user_code: String,
}

/// Logs in with the device authorization grant: asks for a user code, hands it to `show`, then
/// polls the token endpoint at the server's pace until the professional approved or refused on
/// their DSP page, or the code expired.
///
/// # Errors
/// When the server has no device endpoint, the professional refuses, or the code expires.
pub async fn login_with_device(
    http: &reqwest::Client,
    server: &str,
    client_id: &str,
    scope: &str,
    show: impl FnOnce(&DevicePrompt),
) -> anyhow::Result<Tokens> {
    let metadata = discover(http, server).await?;
    let device_url = metadata
        .device_authorization_endpoint
        .clone()
        .context("the server offers no device authorization")?;
    let client = client(&metadata, client_id)?
        .set_device_authorization_url(DeviceAuthorizationUrl::new(device_url)?);
    let details: StandardDeviceAuthorizationResponse = client
        .exchange_device_code()
        .add_scopes(scopes(scope))
        .request_async(http)
        .await
        .map_err(token_error)?;
    show(&DevicePrompt {
        verification_uri: details.verification_uri().to_string(),
        verification_uri_complete: details.verification_uri_complete().map(|u| u.secret().clone()),
        user_code: details.user_code().secret().clone(),
    });
    let response = client
        .exchange_device_access_token(&details)
        .request_async(http, tokio::time::sleep, None)
        .await
        .map_err(token_error)?;
    Ok(tokens_from(server, client_id, &response, scope))
}

/// Trades the refresh token for new tokens (the old refresh token is then spent: the server
/// revokes the whole connection if it is ever presented again).
///
/// # Errors
/// When there is no refresh token or the server refuses it (log in again).
pub async fn refresh(http: &reqwest::Client, tokens: &Tokens) -> anyhow::Result<Tokens> {
    let refresh_token = tokens.refresh_token.clone().context("no refresh token: log in again")?;
    let metadata = discover(http, &tokens.server).await?;
    let response = client(&metadata, &tokens.client_id)?
        .exchange_refresh_token(&RefreshToken::new(refresh_token))
        .request_async(http)
        .await
        .map_err(|e| token_error(e).context("refreshing failed: log in again"))?;
    Ok(tokens_from(&tokens.server, &tokens.client_id, &response, &tokens.scope))
}

/// Revokes the refresh token (RFC 7009), which ends the connection; `oauth2` sends revocations
/// only over `https`, and this client also talks to `http://localhost` test servers, so this is
/// the RFC's one form POST.
///
/// # Errors
/// When the server refuses.
pub async fn revoke(http: &reqwest::Client, tokens: &Tokens) -> anyhow::Result<()> {
    let metadata = discover(http, &tokens.server).await?;
    let endpoint = metadata.revocation_endpoint.context("the server offers no revocation")?;
    let token = tokens.refresh_token.as_deref().unwrap_or(&tokens.access_token);
    let response = http
        .post(&endpoint)
        .form(&[("token", token), ("client_id", tokens.client_id.as_str())])
        .send()
        .await?;
    if !response.status().is_success() {
        bail!("revocation refused: {}", response.status());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use sha2::{Digest, Sha256};

    use super::*;

    fn metadata() -> ServerMetadata {
        ServerMetadata {
            issuer: "http://localhost:8080".into(),
            authorization_endpoint: "http://localhost:8080/oauth/authorize".into(),
            token_endpoint: "http://localhost:8080/oauth/token".into(),
            device_authorization_endpoint: None,
            revocation_endpoint: None,
        }
    }

    #[test]
    fn the_authorization_url_carries_a_pkce_s256_challenge_of_the_kept_verifier()
    -> anyhow::Result<()> {
        let request = authorization(
            &metadata(),
            "client-7",
            "http://127.0.0.1:8765/callback",
            "user/DocumentReference.rs user/Binary.r",
        )?;
        let query: std::collections::HashMap<String, String> =
            request.url.query_pairs().into_owned().collect();
        assert_eq!(request.url.path(), "/oauth/authorize");
        assert_eq!(query["response_type"], "code");
        assert_eq!(query["client_id"], "client-7");
        assert_eq!(query["redirect_uri"], "http://127.0.0.1:8765/callback");
        assert_eq!(query["scope"], "user/DocumentReference.rs user/Binary.r");
        assert_eq!(&query["state"], request.state.secret());
        assert_eq!(query["code_challenge_method"], "S256");
        let expected = URL_SAFE_NO_PAD.encode(Sha256::digest(request.verifier.secret()));
        assert_eq!(query["code_challenge"], expected);
        // RFC 7636: a verifier of 43 to 128 unreserved characters.
        let verifier = request.verifier.secret();
        assert!((43..=128).contains(&verifier.len()), "{}", verifier.len());
        Ok(())
    }

    #[test]
    fn each_request_has_its_own_state_and_verifier() -> anyhow::Result<()> {
        let a = authorization(&metadata(), "c", "http://127.0.0.1:1/callback", "user/List.s")?;
        let b = authorization(&metadata(), "c", "http://127.0.0.1:1/callback", "user/List.s")?;
        assert_ne!(a.state.secret(), b.state.secret());
        assert_ne!(a.verifier.secret(), b.verifier.secret());
        Ok(())
    }

    #[test]
    fn server_metadata_reads_rfc_8414() -> anyhow::Result<()> {
        let m: ServerMetadata = serde_json::from_str(
            r#"{"issuer":"https://dsp.example","authorization_endpoint":"https://dsp.example/oauth/authorize",
                "token_endpoint":"https://dsp.example/oauth/token",
                "device_authorization_endpoint":"https://dsp.example/oauth/device_authorization",
                "code_challenge_methods_supported":["S256"]}"#,
        )?;
        assert_eq!(
            m.device_authorization_endpoint.as_deref(),
            Some("https://dsp.example/oauth/device_authorization")
        );
        assert_eq!(m.revocation_endpoint, None);
        Ok(())
    }
}
