//! Bulk opening from end to end, in French: an agent uploads an insured-persons file with a bad
//! check digit and reads the translated per-row report (nothing imported), then uploads a
//! corrected file, starts it, watches the progress bar fill as the server's import worker
//! processes it chunk by chunk, and finds the letters' PDF to download.

use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click, eval,
    text_of, wait_for_app, wait_for_path, wait_until,
};

fn national_id(n: u32) -> String {
    let first = format!("19010101{:03}", 100 + n);
    shared::NationalId::from_first_eleven(&first)
        .map(|id| id.as_str().to_owned())
        .unwrap_or_default()
}

async fn choose_file(page: &chromiumoxide::page::Page, csv: &str) -> anyhow::Result<()> {
    let csv = serde_json::to_string(csv)?;
    let attached = eval(
        page,
        &format!(
            "(() => {{ const dt = new DataTransfer(); \
             dt.items.add(new File([{csv}], 'assurés.csv', {{ type: 'text/csv' }})); \
             const input = document.getElementById('import-file'); input.files = dt.files; \
             input.dispatchEvent(new Event('change', {{ bubbles: true }})); return input.files.length; }})()"
        ),
    )
    .await?;
    assert_eq!(attached, 1);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_imports_a_file_reads_the_report_then_watches_the_progress() -> anyhow::Result<()>
{
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    // The import worker `dsp serve` runs.
    let worker = tokio::spawn(dsp::services::imports::run_forever(
        server.state.clone(),
        std::time::Duration::from_millis(300),
    ));
    let link = demo.agent_link.clone().ok_or_else(|| anyhow::anyhow!("no demo agent"))?;
    let browser = Chromium::launch("fr-FR").await?;
    let page = browser.open(&link).await?;
    wait_for_app(&page).await?;
    add_authenticator(&page, Authenticator::SecurityKey).await?;
    click(&page, "#enrol-button").await?;
    wait_for_path(&page, "/agency").await?;
    wait_until(&page, "document.getElementById('import-file')").await?;

    let header = "national_id;given_name;family_name;street;postal_code;city;country;language";
    let (a, b, c) = (national_id(1), national_id(2), national_id(3));
    let mut bad = b.clone();
    bad.replace_range(12..13, if bad.ends_with('0') { "1" } else { "0" });
    let rows = |second: &str| {
        format!(
            "{header}\n{a};Łukasz;Wójcik;\"12; rue de la Gare\";L-1611;Luxembourg;LU;fr\n\
             {second};Chloé;Martin;1 rue Haute;57100;Thionville;FR;fr\n\
             {c};Anna;Dvořák;8 Hauptstraße;54290;Trier;DE;de\n"
        )
    };

    // A bad check digit: the report names the row and the column, in French; nothing imported.
    choose_file(&page, &rows(&bad)).await?;
    click(&page, "#import-upload").await?;
    wait_until(&page, "document.querySelector('.import-report td[data-code]')").await?;
    assert_eq!(
        text_of(&page, ".import-report td[data-code]").await?,
        catalogue_message("fr", "import-error-national-id-verhoeff-mismatch")?
    );
    assert_eq!(text_of(&page, ".import-report tbody td").await?, "3");
    assert_eq!(
        text_of(&page, "#import-state").await?,
        catalogue_message("fr", "import-state-invalid")?
    );
    assert_eq!(eval(&page, "document.getElementById('import-start') === null").await?, true);

    // The corrected file: checked, started, processed; the progress bar fills.
    choose_file(&page, &rows(&b)).await?;
    click(&page, "#import-upload").await?;
    wait_until(&page, "document.getElementById('import-start')").await?;
    assert_eq!(
        text_of(&page, "#import-state").await?,
        catalogue_message("fr", "import-state-ready")?
    );
    click(&page, "#import-start").await?;
    wait_until(&page, "document.querySelector('#import-state[data-state=done]')").await?;
    assert_eq!(eval(&page, "document.getElementById('import-progress').value").await?, 3);
    let progress = text_of(&page, "#import-progress-text").await?;
    assert!(progress.starts_with("3 "), "{progress:?}");
    let href =
        eval(&page, "document.querySelector('.import-letters a').getAttribute('href')").await?;
    assert!(href.as_str().unwrap_or_default().contains("/letters/1"), "{href:?}");
    assert_eq!(
        eval(&page, "document.querySelectorAll('.import-batches tbody tr').length").await?,
        2
    );
    worker.abort();
    browser.close().await
}
