//! The web app's speed: from navigation start to the first rendered page (the app's
//! `dsp-first-render` performance mark), in headless Chromium on loopback, median of 20 fresh
//! loads (cache disabled, so every load fetches and compiles the wasm again). Goal: ≤ 1 s.

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
    times.sort_by(f64::total_cmp);
    let median = (times[9] + times[10]) / 2.0;
    println!(
        "first render: median {median:.0} ms, fastest {:.0} ms, slowest {:.0} ms (20 loads)",
        times[0], times[19]
    );
    browser.close().await?;
    anyhow::ensure!(median <= 1000.0, "median first render {median:.0} ms > 1 s");
    Ok(())
}
