//! Objection in the window, end to end in Chromium (issue 12 §1): a patient whose letter went
//! out today activates their record, opens the security page, reads that objecting deletes the
//! record and everything in it for good, confirms, is asked for a fresh verification with their
//! passkey (the earlier one is stale), and the record is gone: signed out, the record and its
//! personal data deleted, the objection counted; the last screen offers the confirmation letter
//! as a download. In Luxembourgish.

use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click, fill,
    text_of, wait_for_app, wait_for_path, wait_until,
};
use sea_orm::{ConnectionTrait, Statement};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_objects_in_the_window_and_the_record_is_gone() -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (name_of_patient, national_id, code) =
        demo.patient_codes.first().cloned().ok_or_else(|| anyhow::anyhow!("a demo patient"))?;
    // The demo's letters went out 31 days ago: this one today, so its window is open.
    let db = &server.state.db;
    let backend = db.get_database_backend();
    let today = server.state.clock.now();
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        dsp::db::placeholders(
            backend,
            "UPDATE patients SET letter_issued_at = $1 WHERE national_id = $2",
        ),
        [today.into(), national_id.clone().into()],
    ))
    .await?;

    let lang = "lb";
    let browser = Chromium::launch("lb-LU").await?;
    let page = browser.open(&format!("{}/activate", server.origin)).await?;
    wait_for_app(&page).await?;
    add_authenticator(&page, Authenticator::Passkey).await?;
    fill(&page, "#activate-national-id", &national_id).await?;
    fill(&page, "#activate-code", &code).await?;
    click(&page, "#activate-button").await?;
    wait_for_path(&page, "/patient").await?;
    click(&page, "nav a[href='/security']").await?;
    wait_for_path(&page, "/security").await?;
    wait_until(&page, "document.getElementById('objection-start')").await?;
    let panel = text_of(&page, "section[aria-labelledby='objection-heading']").await?;
    assert!(panel.contains(&catalogue_message(lang, "objection-what")?), "{panel}");

    // Later: the verification of the activation is stale, so the objection asks for the passkey.
    db.execute_unprepared("UPDATE sessions SET reverified_at = NULL").await?;
    click(&page, "#objection-start").await?;
    wait_until(&page, "document.getElementById('objection-confirm')").await?;
    click(&page, "#objection-confirm").await?;
    wait_until(&page, "document.getElementById('objection-done')?.innerText.trim()").await?;
    assert_eq!(
        text_of(&page, "#objection-done").await?,
        catalogue_message(lang, "objection-done")?
    );
    // The last screen offers the confirmation letter the answer carried: a PDF naming her.
    let button = text_of(&page, "#objection-letter").await?;
    assert_eq!(button, catalogue_message(lang, "objection-letter-download")?);
    let dir = tempfile::tempdir()?;
    let (name, pdf) = browser.download(&page, "#objection-letter", dir.path()).await?;
    assert_eq!(name, "dsp-objection-confirmation.pdf");
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    let path = dir.path().join(&name);
    let text = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()?;
    let text = String::from_utf8(text.stdout)?.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&name_of_patient), "{name_of_patient} in {text}");

    let left = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            dsp::db::placeholders(
                backend,
                "SELECT COUNT(*) AS n FROM patients WHERE national_id = $1",
            ),
            [national_id.clone().into()],
        ))
        .await?
        .ok_or_else(|| anyhow::anyhow!("a count"))?;
    assert_eq!(left.try_get::<i64>("", "n")?, 0, "the record is deleted");
    let counted = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT COUNT(*) AS n FROM objections".to_owned(),
        ))
        .await?
        .ok_or_else(|| anyhow::anyhow!("a count"))?;
    assert_eq!(counted.try_get::<i64>("", "n")?, 1);
    let report = dsp::audit::verify(db).await.map_err(|e| anyhow::anyhow!("{e:?}"))?;
    assert_eq!(report.first_broken, None);
    browser.close().await
}
