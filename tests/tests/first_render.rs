//! The web app's speed: from navigation start to the first rendered page (the app's
//! `dsp-first-render` performance mark), in headless Chromium on loopback, median of 20 fresh
//! loads (cache disabled, so every load fetches and compiles the wasm again). Goal: ≤ 1 s. The
//! wasm arrives as the brotli file `scripts/build-web` wrote, byte for byte (what
//! `scripts/size-report` measures).

use e2e::{Chromium, TestServer, eval, wait_for_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_page_renders_within_a_second() -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let browser = Chromium::launch("en-GB").await?;
    let page = browser.open("about:blank").await?;
    page.execute(chromiumoxide::cdp::browser_protocol::network::SetCacheDisabledParams::new(true))
        .await?;
    let mut times = Vec::new();
    for _ in 0..20 {
        page.goto(format!("{}/", server.origin)).await?;
        wait_for_app(&page).await?;
        let ms = eval(&page, "performance.getEntriesByName('dsp-first-render')[0].startTime")
            .await?
            .as_f64()
            .ok_or_else(|| anyhow::anyhow!("no dsp-first-render mark"))?;
        times.push(ms);
    }
    let sent = eval(
        &page,
        "performance.getEntriesByType('resource').filter(e => e.name.endsWith('_bg.wasm')).map(e => e.encodedBodySize)",
    )
    .await?;
    let built = std::fs::read_dir(e2e::dist_dir())?
        .filter_map(Result::ok)
        .find(|entry| entry.file_name().to_string_lossy().ends_with("_bg.wasm.br"))
        .ok_or_else(|| anyhow::anyhow!("no .wasm.br in dist: run scripts/build-web"))?
        .metadata()?
        .len();
    anyhow::ensure!(
        sent.as_array()
            .is_some_and(|s| !s.is_empty() && s.iter().all(|n| n.as_u64() == Some(built))),
        "the wasm was sent as {sent} B, the .br file is {built} B"
    );
    times.sort_by(f64::total_cmp);
    let median = (times[9] + times[10]) / 2.0;
    println!(
        "first render: median {median:.0} ms, fastest {:.0} ms, slowest {:.0} ms (20 loads); wasm sent as {built} B",
        times[0], times[19]
    );
    browser.close().await?;
    anyhow::ensure!(median <= 1000.0, "median first render {median:.0} ms > 1 s");
    Ok(())
}
