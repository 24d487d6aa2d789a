//! Words that tell the truth (issue 13 §2), in Chromium: a signed-in person is offered the pages
//! of their role only, the page shown is marked in the menu (`aria-current` and a visible style),
//! the server's details in the footer are for agents, and a typed date follows the page's
//! language, not the browser's. A patient in Luxembourgish on a phone (390 px), an agent in
//! German in a browser set to English.

use std::time::Duration;

use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click,
    emulate_phone, eval, fill, text_of, wait_for_app, wait_for_path, wait_until,
};

/// The `href`s of the main navigation, in order, space-separated.
const NAV: &str =
    "[...document.querySelectorAll('nav.main-nav a')].map(a => a.getAttribute('href')).join(' ')";

async fn nav(page: &chromiumoxide::page::Page) -> anyhow::Result<String> {
    Ok(eval(page, NAV).await?.as_str().unwrap_or_default().to_owned())
}

/// Waits until the navigation is exactly `expected`.
async fn wait_for_nav(page: &chromiumoxide::page::Page, expected: &str) -> anyhow::Result<()> {
    let quoted = serde_json::to_string(expected)?;
    if let Err(error) = wait_until(page, &format!("({NAV}) === {quoted}")).await {
        anyhow::bail!("{error}: the navigation is {:?}, not {expected:?}", nav(page).await?);
    }
    Ok(())
}

/// The menu marks `href` as the page shown, and only it; the mark is visible (bold, and an
/// underline of another colour than the other items').
async fn assert_current(page: &chromiumoxide::page::Page, href: &str) -> anyhow::Result<()> {
    let quoted = serde_json::to_string(href)?;
    wait_until(
        page,
        &format!(
            "(() => {{ const c = [...document.querySelectorAll('nav.main-nav a[aria-current=page]')]; \
             return c.length === 1 && c[0].getAttribute('href') === {quoted}; }})()"
        ),
    )
    .await?;
    let style = eval(
        page,
        "(() => { const links = [...document.querySelectorAll('nav.main-nav a')]; \
         const current = links.find(a => a.getAttribute('aria-current') === 'page'); \
         const other = links.find(a => a !== current); \
         const c = getComputedStyle(current), o = getComputedStyle(other); \
         return [c.fontWeight, o.fontWeight, c.borderBottomColor, o.borderBottomColor].join('|'); })()",
    )
    .await?;
    let parts: Vec<&str> = style.as_str().unwrap_or_default().split('|').collect();
    assert_eq!(parts.len(), 4, "{style:?}");
    assert!(parts[0].parse::<u32>()? >= 600, "the current item is bold: {style:?}");
    assert!(parts[1].parse::<u32>()? < 600, "the others are not: {style:?}");
    assert_ne!(parts[2], parts[3], "the current item's underline shows: {style:?}");
    Ok(())
}

/// Waits until the app has its answer from `/api/health` (and a moment to render it).
async fn health_answered(page: &chromiumoxide::page::Page) -> anyhow::Result<()> {
    wait_until(
        page,
        "performance.getEntriesByType('resource').some(e => e.name.endsWith('/api/health') && e.responseEnd > 0)",
    )
    .await?;
    tokio::time::sleep(Duration::from_millis(400)).await;
    Ok(())
}

/// The footer says nothing about the server (it is online).
async fn assert_no_server_details(page: &chromiumoxide::page::Page) -> anyhow::Result<()> {
    health_answered(page).await?;
    let footer = text_of(page, "footer").await?;
    assert!(!footer.is_empty(), "the footer shows the date");
    assert_eq!(eval(page, "String(document.getElementById('server-status'))").await?, "null");
    for detail in ["SQLite", "PostgreSQL", "m2026"] {
        assert!(!footer.contains(detail), "{footer:?} shows {detail}");
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_is_offered_their_own_pages_and_types_dates_in_luxembourgish_on_a_phone()
-> anyhow::Result<()> {
    let lang = "lb";
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (_, national_id, activation_code) =
        demo.patient_codes.first().cloned().ok_or_else(|| anyhow::anyhow!("no demo patient"))?;

    let browser = Chromium::launch("lb-LU").await?;
    let page = browser.open(&format!("{}/activate", server.origin)).await?;
    emulate_phone(&page).await?;
    wait_for_app(&page).await?;
    assert_eq!(eval(&page, "document.documentElement.lang").await?, lang);
    assert_eq!(eval(&page, "window.innerWidth").await?, 390);

    // A visitor: the three areas, no server details.
    wait_for_nav(&page, "/ /patient /professional /agency").await?;
    assert_no_server_details(&page).await?;

    // Signed in: the patient's pages only, the one shown marked.
    add_authenticator(&page, Authenticator::Passkey).await?;
    fill(&page, "#activate-national-id", &national_id).await?;
    fill(&page, "#activate-code", &activation_code).await?;
    click(&page, "#activate-button").await?;
    wait_for_path(&page, "/patient").await?;
    let own = "/patient /patient/documents /patient/access /patient/history /patient/personal-space /patient/record /security";
    wait_for_nav(&page, own).await?;
    assert_current(&page, "/patient").await?;
    assert_eq!(
        text_of(&page, "nav.main-nav a[href='/patient']").await?,
        catalogue_message(lang, "patient-heading")?
    );
    let overflow = eval(
        &page,
        "[...document.querySelectorAll('nav.main-nav a')].some(a => a.getBoundingClientRect().right > window.innerWidth)",
    )
    .await?;
    assert_eq!(overflow, false, "every menu item fits the phone's width");
    assert_no_server_details(&page).await?;
    // Not a word that the portal comes later.
    let body = text_of(&page, "main").await?;
    assert!(body.contains(&catalogue_message(lang, "patient-record-coming")?), "{body}");
    assert!(!body.to_lowercase().contains("versioun"), "{body}");

    click(&page, "nav.main-nav a[href='/patient/documents']").await?;
    wait_for_path(&page, "/patient/documents").await?;
    assert_current(&page, "/patient/documents").await?;
    assert_eq!(nav(&page).await?, own);

    // The home page offers the patient their own area only.
    page.goto(format!("{}/", server.origin)).await?;
    wait_for_app(&page).await?;
    wait_for_nav(&page, own).await?;
    wait_until(&page, "document.querySelector('.cards a')").await?;
    let cards = eval(
        &page,
        "[...document.querySelectorAll('.cards a')].map(a => a.getAttribute('href')).join(' ')",
    )
    .await?;
    assert_eq!(cards, "/patient");

    // A date typed the Luxembourgish way, with its hint and a translated error.
    page.goto(format!("{}/patient/access", server.origin)).await?;
    wait_for_app(&page).await?;
    wait_until(&page, "document.getElementById('grant-until')").await?;
    assert_current(&page, "/patient/access").await?;
    assert_eq!(eval(&page, "document.getElementById('grant-until').type").await?, "text");
    let hint = text_of(&page, "#grant-until-hint").await?;
    assert!(hint.contains(&catalogue_message(lang, "date-format-hint")?), "{hint}");
    assert!(hint.contains("25.11.2026"), "{hint}");
    fill(&page, "#grant-until", "31.02.2027").await?;
    let invalid = catalogue_message(lang, "field-invalid-date")?;
    wait_until(
        &page,
        &format!(
            "document.getElementById('grant-until-message').innerText.trim() === {}",
            serde_json::to_string(&invalid)?
        ),
    )
    .await?;
    assert_eq!(
        eval(&page, "document.getElementById('grant-until').getAttribute('aria-invalid')").await?,
        "true"
    );
    // A real day, typed the Luxembourgish way: no error; in French the same day reads 12/03/2027.
    fill(&page, "#grant-until", "12.03.2027").await?;
    wait_until(&page, "document.getElementById('grant-until-message').innerText.trim() === ''")
        .await?;
    click(&page, "button[data-lang='fr']").await?;
    wait_until(&page, "document.documentElement.lang === 'fr'").await?;
    wait_until(&page, "document.getElementById('grant-until').value === '12/03/2027'").await?;
    let hint = text_of(&page, "#grant-until-hint").await?;
    assert!(hint.contains(&catalogue_message("fr", "date-format-hint")?), "{hint}");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_sees_the_console_and_the_server_details_in_german_in_an_english_browser()
-> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let link = demo.agent_link.clone().ok_or_else(|| anyhow::anyhow!("no demo agent"))?;

    let browser = Chromium::launch("en-US").await?;
    let page = browser.open(&link).await?;
    wait_for_app(&page).await?;
    assert_eq!(eval(&page, "document.documentElement.lang").await?, "en");
    click(&page, "button[data-lang='de']").await?;
    wait_until(&page, "document.documentElement.lang === 'de'").await?;
    add_authenticator(&page, Authenticator::SecurityKey).await?;
    click(&page, "#enrol-button").await?;
    wait_for_path(&page, "/agency").await?;
    assert_eq!(eval(&page, "document.documentElement.lang").await?, "de");

    // The console and security only, the console marked.
    wait_for_nav(&page, "/agency /security").await?;
    assert_current(&page, "/agency").await?;
    assert_eq!(
        text_of(&page, "nav.main-nav a[href='/agency']").await?,
        catalogue_message("de", "agency-heading")?
    );

    // The server's details are for agents.
    wait_until(&page, "document.getElementById('server-status').innerText.includes('SQLite')")
        .await?;
    let status = text_of(&page, "#server-status").await?;
    assert!(status.contains("m2026"), "the migration is named: {status}");

    // The birth date follows the national ID, written the German way, whatever the browser's
    // locale; a date that does not exist gets the German error.
    wait_until(&page, "document.getElementById('patient-birth-date')").await?;
    assert_eq!(eval(&page, "document.getElementById('patient-birth-date').type").await?, "text");
    let hint = text_of(&page, "#patient-birth-date-hint").await?;
    assert!(hint.contains(&catalogue_message("de", "date-format-hint")?), "{hint}");
    let national_id = shared::NationalId::from_first_eleven("19850314123")?.as_str().to_owned();
    fill(&page, "#patient-national-id", &national_id).await?;
    wait_until(&page, "document.getElementById('patient-birth-date').value === '14.03.1985'")
        .await?;
    fill(&page, "#patient-birth-date", "30.02.1985").await?;
    click(&page, "#patient-given-name").await?;
    let invalid = catalogue_message("de", "field-invalid-date")?;
    wait_until(
        &page,
        &format!(
            "document.getElementById('patient-birth-date-message').innerText.includes({})",
            serde_json::to_string(&invalid)?
        ),
    )
    .await?;

    // Security: the same menu, security marked.
    click(&page, "nav.main-nav a[href='/security']").await?;
    wait_for_path(&page, "/security").await?;
    wait_for_nav(&page, "/agency /security").await?;
    assert_current(&page, "/security").await?;
    browser.close().await
}
