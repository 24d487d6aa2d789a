//! The patient's history exports as a browser downloads them: Chromium's own request (with its
//! `Accept-Encoding: gzip, deflate, br, zstd`) saves the CSV and the FHIR bundle whole, across
//! several export pages, and they hold exactly the history the app shows. A download that the
//! server cuts (a fault while producing the body) is reported failed by the browser, never saved
//! as a shorter file.

use std::collections::BTreeSet;

use e2e::{Authenticator, Chromium, TestServer, add_authenticator, click, eval, fill};
use e2e::{wait_for_app, wait_for_path, wait_until};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_downloads_both_exports_whole_in_chromium() -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (_, national_id, activation_code) =
        demo.patient_codes.first().cloned().ok_or_else(|| anyhow::anyhow!("no demo patient"))?;

    let chromium = Chromium::launch("en-GB").await?;
    let page = chromium.open(&format!("{}/activate", server.origin)).await?;
    wait_for_app(&page).await?;
    add_authenticator(&page, Authenticator::Passkey).await?;
    fill(&page, "#activate-national-id", &national_id).await?;
    fill(&page, "#activate-code", &activation_code).await?;
    click(&page, "#activate-button").await?;
    wait_for_path(&page, "/patient").await?;

    // Enough history for several export pages (100 entries each).
    let history = get_json(&page, "/api/me/history?limit=10").await?;
    let me = history["entries"]
        .as_array()
        .and_then(|entries| entries.iter().find(|e| e["action"] == "activation"))
        .and_then(|e| e["actor"]["id"].as_str())
        .ok_or_else(|| anyhow::anyhow!("no activation entry: {history}"))?
        .parse::<uuid::Uuid>()?;
    let txn = dsp::db::begin_write(&server.state.db).await?;
    for _ in 0..250 {
        let event = dsp::audit::Event::new(
            "sign_in",
            dsp::audit::Outcome::Success,
            Some((shared::api::auth::Role::Patient, me)),
        );
        dsp::audit::append(&*txn, &dsp::audit::RequestMeta::default(), event, chrono::Utc::now())
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    txn.commit().await?;

    page.goto(format!("{}/patient/history", server.origin)).await?;
    wait_for_app(&page).await?;
    wait_until(&page, "document.getElementById('history-download-fhir')").await?;
    // The page's own listing (audited) is done before the downloads start.
    wait_until(&page, "document.querySelector('ol.history li')").await?;
    let downloads = tempfile::tempdir()?;
    let (csv_name, csv) =
        chromium.download(&page, "#history-download-csv", downloads.path()).await?;
    let (fhir_name, fhir) =
        chromium.download(&page, "#history-download-fhir", downloads.path()).await?;
    assert_eq!(csv_name, "dsp-history.csv");
    assert_eq!(fhir_name, "dsp-history.fhir.json");

    // What the history says now, newest first: the FHIR export's entry, the CSV export's, then
    // everything each export held.
    // Page by page (each listing is audited too, after the first page's entries).
    let mut entries = Vec::new();
    let mut listings = 0;
    let mut cursor = String::new();
    loop {
        let page = get_json(&page, &format!("/api/me/history?limit=100{cursor}")).await?;
        listings += 1;
        entries.extend(page["entries"].as_array().cloned().unwrap_or_default());
        match page["next_cursor"].as_i64() {
            Some(before) => cursor = format!("&before={before}"),
            None => break,
        }
    }
    let ids: Vec<i64> = entries.iter().filter_map(|e| e["id"].as_i64()).collect();
    let exports: Vec<usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e["action"] == "history_exported")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(exports.len(), 2, "two exports audited");
    assert!(ids.len() > 250, "{}", ids.len());
    let expected_fhir: BTreeSet<i64> = ids[exports[0] + 1..].iter().copied().collect();
    let expected_csv: BTreeSet<i64> = ids[exports[1] + 1..].iter().copied().collect();

    let csv = String::from_utf8(csv)?;
    assert!(csv.ends_with("\r\n"), "the CSV ends with a whole row");
    let mut lines = csv.split("\r\n").filter(|l| !l.is_empty());
    let header = lines.next().unwrap_or_default();
    assert!(header.starts_with("id,occurred_at,actor_role,actor_name"), "{header}");
    let rows: Vec<&str> = lines.collect();
    let csv_ids: BTreeSet<i64> =
        rows.iter().filter_map(|row| row.split(',').next()?.parse().ok()).collect();
    assert_eq!(rows.len(), expected_csv.len(), "one row per entry, none cut");
    assert_eq!(csv_ids, expected_csv, "the CSV holds exactly the history before it");
    assert_eq!(rows.iter().filter(|r| r.contains(",sign_in,")).count(), 250, "every page");

    let bundle: Value = serde_json::from_slice(&fhir)?;
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "collection");
    let resources: Vec<&Value> = bundle["entry"]
        .as_array()
        .map(|entries| entries.iter().map(|e| &e["resource"]).collect())
        .unwrap_or_default();
    assert!(resources.iter().all(|r| r["resourceType"] == "AuditEvent"));
    let fhir_ids: BTreeSet<i64> =
        resources.iter().filter_map(|r| r["id"].as_str()?.parse().ok()).collect();
    assert_eq!(resources.len(), expected_fhir.len(), "one AuditEvent per entry, none cut");
    assert_eq!(fhir_ids, expected_fhir, "the bundle holds exactly the history before it");
    for resource in &resources {
        let reference = resource["entity"][0]["what"]["reference"].as_str().unwrap_or_default();
        assert_eq!(reference, format!("Patient/{me}"));
    }

    // The browser asked for a compressed answer and got one, whole.
    let fetched = eval(
        &page,
        "(async () => { const url = location.origin + '/api/me/history.csv'; \
         const text = await (await fetch(url)).text(); \
         const timing = performance.getEntriesByName(url).pop(); \
         return { rows: text.split('\\r\\n').filter(l => l).length, \
                  encoded: timing.encodedBodySize, decoded: timing.decodedBodySize }; })()",
    )
    .await?;
    let encoded = fetched["encoded"].as_u64().unwrap_or(0);
    let decoded = fetched["decoded"].as_u64().unwrap_or(0);
    assert!(encoded > 0 && encoded * 2 < decoded, "compressed: {fetched}");
    // Its header, every entry listed, and the listings' own entries.
    assert_eq!(fetched["rows"].as_u64(), Some(ids.len() as u64 + listings + 1), "{fetched}");
    chromium.close().await
}

/// A download the server cannot finish: a fault in the middle of the body (here a panic in the
/// stream, under the app's own body guard and compression) ends the transfer with an error, and
/// the browser reports the download failed instead of saving what came.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_download_cut_by_a_fault_fails_in_the_browser() -> anyhow::Result<()> {
    use axum::body::{Body, Bytes};
    use axum::response::IntoResponse;
    use futures::StreamExt;

    fn rows(fail: bool) -> axum::response::Response {
        let stream = futures::stream::iter(0..200).map(move |n| {
            assert!(!(fail && n == 150), "a fault while producing the body");
            Ok::<_, std::io::Error>(Bytes::from(format!("{n},{}\r\n", "row ".repeat(40))))
        });
        let headers = [
            ("content-type", "text/csv"),
            ("content-disposition", "attachment; filename=\"rows.csv\""),
        ];
        (headers, Body::from_stream(stream)).into_response()
    }
    let app = axum::Router::new()
        .route(
            "/",
            axum::routing::get(|| async {
                axum::response::Html(
                    "<a id=whole href=/whole.csv download>whole</a> \
                     <a id=cut href=/cut.csv download>cut</a>",
                )
            }),
        )
        .route("/whole.csv", axum::routing::get(|| async { rows(false) }))
        .route("/cut.csv", axum::routing::get(|| async { rows(true) }))
        .layer(axum::middleware::map_response(async |response| {
            dsp::bodies::Guarded::response(response)
        }))
        .layer(tower_http::compression::CompressionLayer::new());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let origin = format!("http://localhost:{}", listener.local_addr()?.port());
    tokio::spawn(async move { axum::serve(listener, app).await });

    let chromium = Chromium::launch("en-GB").await?;
    let page = chromium.open(&origin).await?;
    wait_until(&page, "document.getElementById('cut')").await?;
    let downloads = tempfile::tempdir()?;
    let (_, whole) = chromium.download(&page, "#whole", downloads.path()).await?;
    assert_eq!(String::from_utf8(whole)?.lines().count(), 200, "the control arrives whole");
    std::fs::remove_file(downloads.path().join("rows.csv"))?;

    let Err(error) = chromium.download(&page, "#cut", downloads.path()).await else {
        anyhow::bail!("a cut download must fail");
    };
    assert!(error.to_string().contains("failed"), "{error}");
    assert!(!downloads.path().join("rows.csv").exists(), "no shorter file saved");
    chromium.close().await
}

/// A JSON answer fetched by the page (with its session cookie).
async fn get_json(page: &chromiumoxide::page::Page, path: &str) -> anyhow::Result<Value> {
    let script = format!(
        "(async () => {{ const r = await fetch({}); return await r.json(); }})()",
        serde_json::to_string(path)?
    );
    eval(page, &script).await
}
