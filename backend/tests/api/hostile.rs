//! Hostile clients on raw sockets: one anonymous client holding many connections with stalled
//! bodies does not take the service down (per-client caps, a minimum body rate), stalled and
//! dripping bodies are answered `408` in the configured time, slow or idle connections are
//! closed after the header-read timeout, and a request too large is answered `413`.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

use crate::common::authenticator::Passkey;
use crate::common::personas::Browser;
use crate::common::{Engine, Options, TestApp, filed_as};
use crate::on_both_databases;

on_both_databases!(
    one_client_with_stalled_bodies_does_not_take_the_service_down,
    stalled_and_dripping_bodies_are_answered_408_in_time,
    slow_headers_and_idle_connections_are_closed,
    connections_past_a_clients_cap_are_refused,
    requests_too_large_are_answered_413,
    the_oauth_endpoints_hold_a_client_to_its_share,
);

/// The attacker's own loopback address: the test's legitimate client is 127.0.0.1.
const ATTACKER: [u8; 4] = [127, 0, 0, 2];

/// The server with the per-client caps at their defaults (the harness turns them off), and
/// `vars`.
async fn spawn(engine: Engine, vars: &[(&'static str, &str)]) -> TestApp {
    let defaults = dsp::config::CLIENT_LIMIT_DEFAULTS.iter().map(|(k, v)| (*k, v.to_string()));
    let vars = defaults.chain(vars.iter().map(|(k, v)| (*k, (*v).to_owned()))).collect();
    TestApp::spawn_with(engine, Options { vars, ..Options::default() }).await
}

fn server(app: &TestApp) -> SocketAddr {
    let port = app.base.rsplit(':').next().unwrap().parse().unwrap();
    SocketAddr::from(([127, 0, 0, 1], port))
}

/// A raw connection from `source` to the server.
async fn connect(app: &TestApp, source: [u8; 4]) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::from((source, 0))).unwrap();
    socket.connect(server(app)).await.unwrap()
}

/// A request head for a JSON body of `length` bytes (passes the same-origin check).
fn request_head(
    app: &TestApp,
    method: &str,
    path: &str,
    length: usize,
    cookie: Option<&str>,
) -> String {
    let cookie = cookie.map(|c| format!("Cookie: {c}\r\n")).unwrap_or_default();
    format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nOrigin: {}\r\n\
         Content-Type: application/json\r\nContent-Length: {length}\r\n{cookie}\r\n",
        app.base
    )
}

/// What a raw connection got.
#[derive(Debug)]
enum Got {
    /// A response: its status and JSON body (`Null` when not JSON).
    Answer(u16, Value, String),
    /// The server closed the connection without an answer.
    Closed,
    /// Nothing within the time allowed.
    Nothing,
}

/// Reads one response (or the connection's end) from `stream`, waiting at most `within`.
async fn read_answer(stream: &mut TcpStream, within: Duration) -> Got {
    let read = async {
        let mut bytes = Vec::new();
        let mut buf = [0_u8; 4096];
        loop {
            let n = match stream.read(&mut buf).await {
                Ok(n) => n,
                Err(_) if bytes.is_empty() => return Got::Closed,
                Err(_) => 0,
            };
            bytes.extend_from_slice(&buf[..n]);
            let text = String::from_utf8_lossy(&bytes).into_owned();
            if let Some((head, body)) = text.split_once("\r\n\r\n") {
                let length = head
                    .lines()
                    .find_map(|l| {
                        let (name, value) = l.split_once(':')?;
                        name.eq_ignore_ascii_case("content-length").then(|| value.trim().parse())
                    })
                    .and_then(Result::ok);
                if n == 0 || length.is_some_and(|l: usize| body.len() >= l) {
                    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
                    let json = serde_json::from_str(body).unwrap_or(Value::Null);
                    return Got::Answer(status, json, head.to_owned());
                }
            }
            if n == 0 {
                return Got::Closed;
            }
        }
    };
    tokio::time::timeout(within, read).await.unwrap_or(Got::Nothing)
}

/// A patient created, sent a letter and activated: their browser, signed in.
async fn signed_in_patient(app: &TestApp) -> Browser {
    let (mut agent, _) = app.signed_in_agent().await;
    let id = app.create_patient(&mut agent, "1893120105732", "en").await;
    let code = app.letter_code(&agent, &id).await;
    let mut patient = Browser::default();
    let answer = app.activate(&mut patient, &mut Passkey::new(), "1893120105732", &code).await;
    assert_eq!(answer.status, 200, "{:?}", answer.body);
    patient
}

/// The attack of issue 11: 70 connections from one address, each a request head and a few
/// bytes of its body, then nothing. The client gets 16 requests in work (its share), the rest
/// are refused at once with `429`; meanwhile the health check and a signed-in patient are
/// served; the 16 stalled bodies are answered `408` once the body timeout has passed.
async fn one_client_with_stalled_bodies_does_not_take_the_service_down(engine: Engine) {
    let window = Duration::from_secs(12);
    let app = spawn(engine, &[("DSP_BODY_READ_TIMEOUT_SECS", "12")]).await;
    let patient = signed_in_patient(&app).await;
    let before = app.audit("activation_attempt").await.len();

    let started = Instant::now();
    let (tx, mut answers) = tokio::sync::mpsc::unbounded_channel();
    for i in 0..70 {
        let mut stream = connect(&app, ATTACKER).await;
        let head = request_head(&app, "POST", "/api/activation/start", 1000, None);
        stream.write_all(format!("{head}{{\"national_").as_bytes()).await.unwrap();
        let tx = tx.clone();
        tokio::spawn(async move {
            let got = read_answer(&mut stream, Duration::from_secs(60)).await;
            let _ = tx.send((i, got, started.elapsed()));
            // Hold the connection until the test ends.
            let _ = stream.read(&mut [0_u8; 1]).await;
        });
    }
    drop(tx);
    // The client's share beyond its 16 requests in work is refused at once.
    let mut refused = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while refused.len() < 54 {
        match tokio::time::timeout_at(deadline, answers.recv()).await {
            Ok(Some(answer)) => refused.push(answer),
            _ => break,
        }
    }

    // Everyone else is served while the 16 stalled requests are in work.
    for _ in 0..5 {
        let health = app.get("/api/health").await;
        assert_eq!(health.status(), 200, "the health check during the attack");
        let documents = app.get_as(&patient, "/api/me/documents").await;
        assert_eq!(documents.status, 200, "a signed-in patient during the attack: {documents:?}");
        let page = app.get_as(&patient, "/api/me/history?limit=5").await;
        assert_eq!(page.status, 200, "{page:?}");
    }
    assert!(started.elapsed() < window, "the checks ran while the attack held its requests");
    assert!(answers.try_recv().is_err(), "the 16 stalled requests are still waiting");
    assert_eq!(refused.len(), 54, "{refused:?}");
    for (i, got, _) in &refused {
        let Got::Answer(status, body, head) = got else { panic!("{i}: {got:?}") };
        assert_eq!(*status, 429, "{i}: {body}");
        assert_eq!(body["code"], "rate_limited", "{i}");
        assert!(head.to_ascii_lowercase().contains("retry-after: 1"), "{head}");
    }

    // The stalled bodies are answered once the body timeout has passed, no later.
    let mut stalled = Vec::new();
    while let Ok(Some(answer)) = tokio::time::timeout(window * 3, answers.recv()).await {
        stalled.push(answer);
    }
    assert_eq!(stalled.len(), 16, "{stalled:?}");
    for (i, got, at) in &stalled {
        let Got::Answer(status, body, _) = got else { panic!("{i}: {got:?}") };
        assert_eq!(*status, 408, "{i}: {body}");
        assert_eq!(body["code"], "request_timeout", "{i}");
        assert!(*at >= window - Duration::from_millis(500), "{i} answered at {at:?}");
        assert!(*at < window + Duration::from_secs(15), "{i} answered at {at:?}");
    }
    // No activation attempt was made (and none audited) by bodies that never arrived.
    assert_eq!(app.audit("activation_attempt").await.len(), before);
}

/// A body that stops, or drips slower than the minimum rate, is answered `408` after the body
/// timeout; a slow body at the minimum rate is read whole; an upload is held to the same pace.
async fn stalled_and_dripping_bodies_are_answered_408_in_time(engine: Engine) {
    let window = Duration::from_secs(2);
    let app = spawn(
        engine,
        &[("DSP_BODY_READ_TIMEOUT_SECS", "2"), ("DSP_BODY_MIN_BYTES_PER_SEC", "500")],
    )
    .await;
    let patient = signed_in_patient(&app).await;
    let cookie = patient.cookie.clone().unwrap();
    let late = window + Duration::from_secs(10);

    // Stalled: a head and 10 bytes of 100.
    let mut stream = connect(&app, [127, 0, 0, 1]).await;
    let started = Instant::now();
    let head_text = request_head(&app, "POST", "/api/activation/start", 100, None);
    stream.write_all(format!("{head_text}{{\"national").as_bytes()).await.unwrap();
    let got = read_answer(&mut stream, late).await;
    let elapsed = started.elapsed();
    let Got::Answer(status, body, head) = got else { panic!("stalled: {got:?}") };
    assert_eq!((status, body["code"].as_str()), (408, Some("request_timeout")), "{body}");
    assert!(body["request_id"].as_str().is_some_and(|r| !r.is_empty()));
    assert!(head.to_ascii_lowercase().contains("connection: close"), "{head}");
    assert!(elapsed >= window - Duration::from_millis(200), "answered after {elapsed:?}");
    assert!(matches!(read_answer(&mut stream, late).await, Got::Closed), "then closed");

    // Dripping: one byte every 100 ms, 10 bytes a second against at least 500.
    let mut stream = connect(&app, [127, 0, 0, 1]).await;
    let started = Instant::now();
    stream
        .write_all(request_head(&app, "POST", "/api/activation/start", 10_000, None).as_bytes())
        .await
        .unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let dripping = tokio::spawn(async move {
        while writer.write_all(b" ").await.is_ok() {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    let mut answer = Vec::new();
    let read = tokio::time::timeout(late, reader.read_to_end(&mut answer)).await;
    dripping.abort();
    let elapsed = started.elapsed();
    let text = String::from_utf8_lossy(&answer);
    assert!(read.is_ok(), "the dripping body is cut in time");
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(text.contains("\"request_timeout\""), "{text}");
    assert!(elapsed >= window - Duration::from_millis(200), "answered after {elapsed:?}");

    // Slow but at the minimum rate: 300 bytes every 200 ms (1 500 bytes a second).
    let json = format!(
        r#"{{"national_id":"1893120105732","code":"ABCD-EFGH-JKLM","x":"{}"}}"#,
        " ".repeat(2_900)
    );
    let mut stream = connect(&app, [127, 0, 0, 1]).await;
    stream
        .write_all(request_head(&app, "POST", "/api/activation/start", json.len(), None).as_bytes())
        .await
        .unwrap();
    for chunk in json.as_bytes().chunks(300) {
        stream.write_all(chunk).await.unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let got = read_answer(&mut stream, late).await;
    let Got::Answer(status, body, _) = got else { panic!("slow body: {got:?}") };
    assert_ne!(status, 408, "{body}");
    assert!(body["code"].as_str().is_some_and(|c| c != "request_timeout"), "{body}");

    // A stalled upload into the patient's personal space.
    let mut stream = connect(&app, [127, 0, 0, 1]).await;
    let started = Instant::now();
    let path = "/api/me/documents";
    let upload = request_head(&app, "POST", path, 5_000, Some(&cookie)).replace(
        "application/json",
        "application/pdf\r\nDSP-Document-Category: personal-expression\r\n\
         DSP-Document-Title: Note\r\nDSP-Document-Clinical-Date: 2026-11-20",
    );
    stream.write_all(format!("{upload}%PDF-1.7\n").as_bytes()).await.unwrap();
    let got = read_answer(&mut stream, late).await;
    let Got::Answer(status, body, _) = got else { panic!("stalled upload: {got:?}") };
    assert_eq!((status, body["code"].as_str()), (408, Some("request_timeout")), "{body}");
    assert!(started.elapsed() >= window - Duration::from_millis(200));
    let documents = app.get_as(&patient, "/api/me/documents").await;
    assert_eq!(documents.body.as_array().map(Vec::len), Some(0), "nothing filed");
}

/// A request head that never ends, and a kept-alive connection left idle, are closed after the
/// header-read timeout.
async fn slow_headers_and_idle_connections_are_closed(engine: Engine) {
    let timeout = Duration::from_secs(2);
    let app = spawn(engine, &[("DSP_HEADER_READ_TIMEOUT_SECS", "2")]).await;
    let late = timeout + Duration::from_secs(10);

    let mut stream = connect(&app, ATTACKER).await;
    let started = Instant::now();
    stream.write_all(b"GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ").await.unwrap();
    let got = read_answer(&mut stream, late).await;
    let elapsed = started.elapsed();
    assert!(!matches!(got, Got::Nothing), "the slow head is dropped in time: {got:?}");
    assert!(elapsed >= timeout - Duration::from_millis(200), "closed after {elapsed:?}");

    let mut stream = connect(&app, ATTACKER).await;
    stream.write_all(b"GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n").await.unwrap();
    let got = read_answer(&mut stream, late).await;
    assert!(matches!(got, Got::Answer(200, _, _)), "{got:?}");
    let idle = Instant::now();
    let got = read_answer(&mut stream, late).await;
    let elapsed = idle.elapsed();
    assert!(matches!(got, Got::Closed), "the idle connection is closed: {got:?}");
    assert!(elapsed >= timeout - Duration::from_millis(200), "closed after {elapsed:?}");

    // A connection that is used within the timeout stays open for the next request.
    let mut stream = connect(&app, ATTACKER).await;
    for _ in 0..3 {
        stream.write_all(b"GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n").await.unwrap();
        let got = read_answer(&mut stream, late).await;
        assert!(matches!(got, Got::Answer(200, _, _)), "{got:?}");
        tokio::time::sleep(timeout / 4).await;
    }
}

/// A client holding its cap of connections gets `429` (JSON, `Retry-After`) on one more, which
/// then closes; another client is served; a connection given back is free again.
async fn connections_past_a_clients_cap_are_refused(engine: Engine) {
    let app = spawn(engine, &[("DSP_MAX_CONNECTIONS_PER_CLIENT", "4")]).await;
    let late = Duration::from_secs(20);
    let health = b"GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n";
    let mut held = Vec::new();
    for _ in 0..4 {
        let mut stream = connect(&app, ATTACKER).await;
        stream.write_all(health).await.unwrap();
        let got = read_answer(&mut stream, late).await;
        assert!(matches!(got, Got::Answer(200, _, _)), "{got:?}");
        held.push(stream);
    }
    let mut fifth = connect(&app, ATTACKER).await;
    fifth.write_all(health).await.unwrap();
    let got = read_answer(&mut fifth, late).await;
    let Got::Answer(status, body, head) = got else { panic!("{got:?}") };
    assert_eq!((status, body["code"].as_str()), (429, Some("rate_limited")), "{body}");
    let head = head.to_ascii_lowercase();
    assert!(head.contains("retry-after: 1") && head.contains("connection: close"), "{head}");
    assert!(matches!(read_answer(&mut fifth, late).await, Got::Closed), "then closed");

    assert_eq!(app.get("/api/health").await.status(), 200, "another client is served");
    drop(held.pop());
    // The server sees the connection end, then counts it no more.
    let deadline = Instant::now() + late;
    loop {
        let mut stream = connect(&app, ATTACKER).await;
        stream.write_all(health).await.unwrap();
        match read_answer(&mut stream, late).await {
            Got::Answer(200, _, _) => break,
            Got::Answer(429, _, _) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            got => panic!("{got:?}"),
        }
    }
}

/// Too large is `413 payload_too_large`, for JSON and for documents, declared or streamed.
async fn requests_too_large_are_answered_413(engine: Engine) {
    let app = spawn(engine, &[("DSP_MAX_DOCUMENT_MB", "1")]).await;
    let patient = signed_in_patient(&app).await;

    let big = format!(r#"{{"national_id":"{}"}}"#, "1".repeat(2 * 1024 * 1024));
    let response = app
        .client
        .post(app.url("/api/activation/start"))
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert_eq!(response.json::<Value>().await.unwrap()["code"], "payload_too_large");

    let path = "/api/me/documents";
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.resize(1024 * 1024 + 1, b' ');
    // Declared too large: refused before a byte of the body is read.
    let request = app.request(&patient, Method::POST, path);
    let response = filed_as(request, Some("personal-expression"), "Note", "2026-11-20", None)
        .header("content-type", "application/pdf")
        .body(pdf.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert_eq!(response.json::<Value>().await.unwrap()["code"], "payload_too_large");
    // Streamed without a length: refused when the limit is passed, and audited.
    let mut stream = connect(&app, [127, 0, 0, 1]).await;
    let cookie = patient.cookie.clone().unwrap();
    let chunked = request_head(&app, "POST", path, 0, Some(&cookie))
        .replace("application/json", "application/pdf")
        .replace(
            "Content-Length: 0",
            "Transfer-Encoding: chunked\r\nDSP-Document-Category: personal-expression\r\n\
             DSP-Document-Title: Note\r\nDSP-Document-Clinical-Date: 2026-11-20",
        );
    stream.write_all(chunked.as_bytes()).await.unwrap();
    for chunk in pdf.chunks(64 * 1024) {
        let mut framed = format!("{:x}\r\n", chunk.len()).into_bytes();
        framed.extend_from_slice(chunk);
        framed.extend_from_slice(b"\r\n");
        if stream.write_all(&framed).await.is_err() {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let got = read_answer(&mut stream, Duration::from_secs(30)).await;
    let Got::Answer(status, body, _) = got else { panic!("streamed: {got:?}") };
    assert_eq!((status, body["code"].as_str()), (413, Some("payload_too_large")), "{body}");
    let filed = app.audit("document_filed").await;
    let refused = filed.last().unwrap();
    assert_eq!(refused.outcome, "failure");
    assert!(refused.detail.contains("payload_too_large"), "{}", refused.detail);
    assert!(refused.detail.contains("too_large"), "{}", refused.detail);
    let documents = app.get_as(&patient, "/api/me/documents").await;
    assert_eq!(documents.body.as_array().map(Vec::len), Some(0), "nothing filed");
}

/// Practice software's OAuth endpoints are held to the same per-client share as the API: a
/// client with 20 stalled token requests has 16 in work and 4 refused at once (429), while
/// another client's token request is answered.
async fn the_oauth_endpoints_hold_a_client_to_its_share(engine: Engine) {
    let app = spawn(engine, &[]).await;
    let (tx, mut answers) = tokio::sync::mpsc::unbounded_channel();
    for i in 0..20 {
        let mut stream = connect(&app, ATTACKER).await;
        let head = "POST /oauth/token HTTP/1.1\r\nHost: localhost\r\n\
                    Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\n";
        stream.write_all(format!("{head}grant_type=").as_bytes()).await.unwrap();
        let tx = tx.clone();
        tokio::spawn(async move {
            let got = read_answer(&mut stream, Duration::from_secs(60)).await;
            let _ = tx.send((i, got));
            let _ = stream.read(&mut [0_u8; 1]).await;
        });
    }
    drop(tx);
    let mut refused = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while refused.len() < 4 {
        match tokio::time::timeout_at(deadline, answers.recv()).await {
            Ok(Some(answer)) => refused.push(answer),
            _ => break,
        }
    }
    assert_eq!(refused.len(), 4, "{refused:?}");
    for (i, got) in &refused {
        let Got::Answer(status, body, head) = got else { panic!("{i}: {got:?}") };
        assert_eq!(*status, 429, "{i}: {body}");
        assert!(head.to_ascii_lowercase().contains("retry-after: 1"), "{head}");
    }
    // Another client is answered meanwhile (an unknown client: the RFC's 401).
    let other = app
        .client
        .post(app.url("/oauth/token"))
        .form(&[("grant_type", "refresh_token"), ("client_id", "nobody"), ("refresh_token", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 401);
    let body: Value = other.json().await.unwrap();
    assert_eq!(body["error"], "invalid_client");
    assert!(answers.try_recv().is_err(), "the 16 stalled requests are still in work");
}
