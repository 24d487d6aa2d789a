//! The loopback redirect (RFC 8252 §7.3): a listener on `127.0.0.1` that waits for the browser
//! to come back from DSP's approval page with `?code=…&state=…` (or `?error=…`), answers it with
//! a short page, and hands the query to the login flow. Only `GET <path>` counts; anything else
//! the browser asks for (a favicon) gets a 404 and the wait goes on.

use std::time::Duration;

use anyhow::{Context, bail};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use url::Url;

/// How long the request line and headers of one connection may take.
const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// The most the listener reads of one request's head.
const MAX_HEAD: usize = 16 * 1024;

/// What came back on the redirect URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    /// The professional approved: the code and the state.
    Code {
        /// The authorization code.
        code: String,
        /// The state, as sent.
        state: Option<String>,
    },
    /// The professional refused, or the server refused the request (`error`, RFC 6749 §4.1.2.1).
    Error {
        /// The error code (`access_denied` …).
        error: String,
        /// The state, as sent.
        state: Option<String>,
    },
}

/// Parses the request line of an HTTP request to `path`: `Some` when it is `GET <path>?…`.
///
/// # Errors
/// When the request is for `path` but carries neither a code nor an error.
pub fn parse_request_line(line: &str, path: &str) -> anyhow::Result<Option<Callback>> {
    let mut parts = line.split(' ');
    let (Some("GET"), Some(target)) = (parts.next(), parts.next()) else {
        return Ok(None);
    };
    let url = Url::parse("http://127.0.0.1")?.join(target)?;
    if url.path() != path {
        return Ok(None);
    }
    let mut code = None;
    let mut error = None;
    let mut state = None;
    for (name, value) in url.query_pairs() {
        match name.as_ref() {
            "code" => code = Some(value.into_owned()),
            "error" => error = Some(value.into_owned()),
            "state" => state = Some(value.into_owned()),
            _ => {}
        }
    }
    match (code, error) {
        (_, Some(error)) => Ok(Some(Callback::Error { error, state })),
        (Some(code), None) => Ok(Some(Callback::Code { code, state })),
        (None, None) => bail!("the redirect carried neither a code nor an error"),
    }
}

fn page(status: &str, text: &str) -> String {
    let body = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>dsp-fhir-client</title></head>\
         <body><p>{text}</p></body></html>"
    );
    format!(
        "HTTP/1.1 {status}\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\n\
         cache-control: no-store\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
}

async fn read_head(stream: &mut TcpStream) -> anyhow::Result<String> {
    let mut head = Vec::new();
    let mut buffer = [0_u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let read = tokio::time::timeout(READ_TIMEOUT, stream.read(&mut buffer))
            .await
            .context("the browser did not finish its request")??;
        if read == 0 {
            break;
        }
        head.extend_from_slice(buffer.get(..read).unwrap_or_default());
        if head.len() > MAX_HEAD {
            bail!("request head too large");
        }
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}

/// Waits on `listener` for the browser's `GET path?…` and answers it.
///
/// # Errors
/// When the listener fails.
pub async fn wait_for_callback(listener: &TcpListener, path: &str) -> anyhow::Result<Callback> {
    loop {
        let (mut stream, _) = listener.accept().await?;
        let Ok(head) = read_head(&mut stream).await else { continue };
        let line = head.lines().next().unwrap_or_default();
        let (answer, outcome) = match parse_request_line(line, path) {
            Ok(Some(callback @ Callback::Code { .. })) => (
                page(
                    "200 OK",
                    "DSP: connected. You can close this window and go back to your software.",
                ),
                Some(callback),
            ),
            Ok(Some(callback @ Callback::Error { .. })) => {
                (page("200 OK", "DSP: not connected. You can close this window."), Some(callback))
            }
            Ok(None) => (page("404 Not Found", "Not found."), None),
            Err(_) => (page("400 Bad Request", "Neither a code nor an error."), None),
        };
        // The browser may have gone; the outcome counts anyway.
        let _ = stream.write_all(answer.as_bytes()).await;
        let _ = stream.shutdown().await;
        if let Some(callback) = outcome {
            return Ok(callback);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_redirect_query_is_read() -> anyhow::Result<()> {
        assert_eq!(
            parse_request_line("GET /callback?code=abc%2Bd&state=s1 HTTP/1.1", "/callback")?,
            Some(Callback::Code { code: "abc+d".into(), state: Some("s1".into()) })
        );
        assert_eq!(
            parse_request_line("GET /callback?error=access_denied&state=s1 HTTP/1.1", "/callback")?,
            Some(Callback::Error { error: "access_denied".into(), state: Some("s1".into()) })
        );
        assert_eq!(parse_request_line("GET /favicon.ico HTTP/1.1", "/callback")?, None);
        assert_eq!(parse_request_line("POST /callback?code=x HTTP/1.1", "/callback")?, None);
        assert!(parse_request_line("GET /callback HTTP/1.1", "/callback").is_err());
        Ok(())
    }

    #[tokio::test]
    async fn the_listener_answers_the_browser_and_ignores_other_paths() -> anyhow::Result<()> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let browser = tokio::spawn(async move {
            let mut answers = Vec::new();
            for target in ["/favicon.ico", "/callback?code=c-1&state=st"] {
                let mut stream = TcpStream::connect(address).await?;
                stream
                    .write_all(format!("GET {target} HTTP/1.1\r\nhost: x\r\n\r\n").as_bytes())
                    .await?;
                let mut answer = String::new();
                stream.read_to_string(&mut answer).await?;
                answers.push(answer);
            }
            anyhow::Ok(answers)
        });
        let callback = wait_for_callback(&listener, "/callback").await?;
        assert_eq!(callback, Callback::Code { code: "c-1".into(), state: Some("st".into()) });
        let answers = browser.await??;
        assert!(answers[0].starts_with("HTTP/1.1 404"), "{}", answers[0]);
        assert!(answers[1].starts_with("HTTP/1.1 200"), "{}", answers[1]);
        assert!(answers[1].contains("connected"));
        Ok(())
    }
}
