//! The agency's key-figures dashboard on the demo country: the agent sees the eight figures as
//! the database counts them, each over time as an SVG chart with its table, by day and by week,
//! in English and then in French (numbers and words in the page's language).

use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click, eval,
    text_of, wait_for_app, wait_for_path, wait_until,
};

/// `n` as the dashboard writes it in `lang`.
fn written(lang: &str, n: u64) -> String {
    let separator = if lang == "fr" { '\u{202f}' } else { ',' };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

async fn count(page: &chromiumoxide::page::Page, selector: &str) -> anyhow::Result<u64> {
    let n = eval(page, &format!("document.querySelectorAll(\"{selector}\").length")).await?;
    n.as_u64().ok_or_else(|| anyhow::anyhow!("{selector}: {n}"))
}

/// The text of an SVG element (they have no `innerText`).
async fn svg_text(page: &chromiumoxide::page::Page, selector: &str) -> anyhow::Result<String> {
    let text = eval(page, &format!("document.querySelector(\"{selector}\").textContent")).await?;
    Ok(text.as_str().unwrap_or_default().trim().to_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_reads_the_demo_country_s_figures_in_english_and_french() -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let link = demo.agent_link.clone().ok_or_else(|| anyhow::anyhow!("no demo agent"))?;
    let browser = Chromium::launch("en-US").await?;
    let page = browser.open(&link).await?;
    wait_for_app(&page).await?;
    add_authenticator(&page, Authenticator::SecurityKey).await?;
    click(&page, "#enrol-button").await?;
    wait_for_path(&page, "/agency").await?;
    // What the database says now (the agent's enrolment included).
    let figures = dsp::services::figures::key_figures(&server.state.db, server.state.clock.now())
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    assert!(figures.records_open > 0 && figures.documents > 0, "{figures:?}");

    wait_until(&page, "document.querySelector('#chart-documents svg')").await?;
    assert_eq!(
        text_of(&page, "#figures-heading").await?,
        catalogue_message("en", "figures-heading")?
    );
    for (key, value) in [
        ("records-open", figures.records_open),
        ("records-closed", figures.records_closed),
        ("documents", figures.documents),
        ("letters-waiting", figures.letters_waiting),
        ("emergency-accesses", figures.emergency_accesses),
        ("objections", figures.objections.expect("objections are counted")),
    ] {
        let dd = text_of(&page, &format!("[data-figure='figures-{key}'] dd")).await?;
        assert_eq!(dd, written("en", value), "{key}");
    }
    // Eight charts, each with a title, a description and 31 days.
    assert_eq!(count(&page, ".charts svg[role=img]").await?, 8);
    assert_eq!(count(&page, "#chart-documents rect.bar").await?, 31);
    assert_eq!(
        svg_text(&page, "#chart-documents-title").await?,
        catalogue_message("en", "figures-documents")?
    );
    let desc = svg_text(&page, "#chart-documents-desc").await?;
    assert!(desc.contains(&written("en", figures.documents)), "{desc}");

    // By week: 26 bars, and the table view holds the same numbers, the last one the level now.
    click(&page, "button[data-granularity='week']").await?;
    wait_until(&page, "document.querySelectorAll('#chart-documents rect.bar').length === 26")
        .await?;
    click(&page, "#chart-documents details summary").await?;
    assert_eq!(count(&page, "#chart-documents table tbody tr").await?, 26);
    let last = text_of(&page, "#chart-documents table tbody tr:last-child td").await?;
    assert_eq!(last, written("en", figures.documents));
    let period = text_of(&page, "#chart-documents table tbody tr:last-child th").await?;
    assert!(period.starts_with("week of "), "{period}");

    // In French: the same figures, the words and numbers of French.
    click(&page, "button[data-lang='fr']").await?;
    wait_until(
        &page,
        &format!(
            "document.querySelector('#figures-heading').innerText.trim() === {:?}",
            catalogue_message("fr", "figures-heading")?
        ),
    )
    .await?;
    assert_eq!(
        text_of(&page, "[data-figure='figures-documents'] dd").await?,
        written("fr", figures.documents)
    );
    assert_eq!(
        text_of(&page, "[data-figure='figures-records-open'] dt").await?,
        catalogue_message("fr", "figures-records-open")?
    );
    let caption = text_of(&page, "#chart-documents table caption").await?;
    assert_eq!(caption, catalogue_message("fr", "figures-documents")?);
    let period = text_of(&page, "#chart-documents table tbody tr:last-child th").await?;
    assert!(period.starts_with("semaine du "), "{period}");
    browser.close().await
}
