//! The web app in a real browser: it renders from the wasm build, every language changes what the
//! person reads, the choice survives a reload, deep links work and the server's health shows.

use e2e::{Chromium, TestServer, eval, heading, wait_for_app, wait_until};

const LANGUAGES: [&str; 4] = ["lb", "fr", "de", "en"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_language_changes_the_page_and_a_reload_keeps_it() -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let browser = Chromium::launch("en-US").await?;
    let page = browser.open(&server.origin).await?;
    wait_for_app(&page).await?;
    assert_eq!(eval(&page, "document.documentElement.lang").await?, "en", "follows the browser");

    let mut headings = Vec::new();
    let mut navs = Vec::new();
    for lang in LANGUAGES {
        page.find_element(format!("button[data-lang='{lang}']")).await?.click().await?;
        wait_until(&page, &format!("document.documentElement.lang === '{lang}'")).await?;
        wait_until(
            &page,
            &format!("document.querySelector(\"button[data-lang='{lang}']\").getAttribute('aria-pressed') === 'true'"),
        )
        .await?;
        headings.push(heading(&page).await?);
        navs.push(eval(&page, "document.querySelector('header nav, nav').innerText").await?);
    }
    for i in 0..LANGUAGES.len() {
        for j in (i + 1)..LANGUAGES.len() {
            assert_ne!(
                headings[i], headings[j],
                "{} and {} show the same heading",
                LANGUAGES[i], LANGUAGES[j]
            );
            assert_ne!(
                navs[i], navs[j],
                "{} and {} show the same navigation",
                LANGUAGES[i], LANGUAGES[j]
            );
        }
    }

    // Choose German, reload: still German.
    page.find_element("button[data-lang='de']").await?.click().await?;
    wait_until(&page, "document.documentElement.lang === 'de'").await?;
    page.reload().await?;
    wait_for_app(&page).await?;
    assert_eq!(eval(&page, "document.documentElement.lang").await?, "de");
    assert_eq!(heading(&page).await?, headings[2]);

    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_browser_language_is_the_default_and_deep_links_render() -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let browser = Chromium::launch("de-DE").await?;
    let page = browser.open(&format!("{}/professional", server.origin)).await?;
    wait_for_app(&page).await?;
    assert_eq!(eval(&page, "document.documentElement.lang").await?, "de");
    assert_eq!(
        eval(&page, "document.querySelector('[aria-current=page]').getAttribute('href')").await?,
        "/professional"
    );
    let professional = heading(&page).await?;

    // The server's details are for agents (tests/tests/words.rs): a visitor reads the date only.
    wait_until(&page, "document.querySelector('#today') !== null").await?;
    assert_eq!(eval(&page, "String(document.querySelector('#server-status'))").await?, "null");

    page.goto(format!("{}/agency", server.origin)).await?;
    wait_for_app(&page).await?;
    assert_ne!(heading(&page).await?, professional);
    browser.close().await
}
