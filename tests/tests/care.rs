//! Who can see my record, from end to end, in French and in German: a demo patient activates,
//! opens "who can see my record" and makes a connection code; a demo physician enrols a
//! security key and opens the record with the patient's national ID and that code (a wrong code
//! first gets the vague refusal); the patient sees the consultation link, ends it, and blocks the
//! physician.

use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click, eval, fill,
    heading, text_of, wait_for_app, wait_for_path, wait_until,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn patient_controls_who_sees_the_record_in_french() -> anyhow::Result<()> {
    journey("fr", "fr-LU").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn patient_controls_who_sees_the_record_in_german() -> anyhow::Result<()> {
    journey("de", "de-DE").await
}

/// The text of a message up to its first placeable (`{ $date }` …).
fn fixed_part(lang: &str, key: &str) -> anyhow::Result<String> {
    let message = catalogue_message(lang, key)?;
    Ok(message.split('{').next().unwrap_or_default().trim().to_owned())
}

async fn journey(lang: &str, locale: &str) -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (_, national_id, activation_code) =
        demo.patient_codes.first().cloned().ok_or_else(|| anyhow::anyhow!("no demo patient"))?;
    let (physician, _, enrol_link) = demo
        .professional_links
        .iter()
        .find(|(_, profession, _)| *profession == shared::Profession::Physician)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no demo physician"))?;
    let family_name = physician.rsplit(' ').next().unwrap_or_default().to_owned();

    // The patient activates and makes a connection code.
    let patient_browser = Chromium::launch(locale).await?;
    let patient = patient_browser.open(&format!("{}/activate", server.origin)).await?;
    wait_for_app(&patient).await?;
    assert_eq!(eval(&patient, "document.documentElement.lang").await?, lang);
    add_authenticator(&patient, Authenticator::Passkey).await?;
    fill(&patient, "#activate-national-id", &national_id).await?;
    fill(&patient, "#activate-code", &activation_code).await?;
    click(&patient, "#activate-button").await?;
    wait_for_path(&patient, "/patient").await?;
    click(&patient, "a[href='/patient/access']").await?;
    wait_for_path(&patient, "/patient/access").await?;
    wait_until(&patient, "document.getElementById('connection-code-button')").await?;
    assert_eq!(heading(&patient).await?, catalogue_message(lang, "care-heading")?);
    click(&patient, "#connection-code-button").await?;
    wait_until(&patient, "document.getElementById('connection-code')").await?;
    let code = text_of(&patient, "#connection-code").await?;
    assert!(!code.is_empty(), "the code is shown");
    wait_until(&patient, "/\\d+:\\d\\d/.test(document.querySelector('[role=timer]').innerText)")
        .await?;

    // The physician enrols and opens the record with the code.
    let professional_browser = Chromium::launch(locale).await?;
    let professional = professional_browser.open(&enrol_link).await?;
    wait_for_app(&professional).await?;
    add_authenticator(&professional, Authenticator::SecurityKey).await?;
    click(&professional, "#enrol-button").await?;
    wait_for_path(&professional, "/professional").await?;
    wait_until(&professional, "document.getElementById('consult-national-id')").await?;
    fill(&professional, "#consult-national-id", &national_id).await?;
    fill(&professional, "#consult-code", "ZZZZ-ZZZZ").await?;
    click(&professional, "#consult-button").await?;
    wait_until(
        &professional,
        "document.querySelector('#consult-result [role=alert]').innerText.trim()",
    )
    .await?;
    let refused = text_of(&professional, "#consult-result [role=alert]").await?;
    let expected = catalogue_message(lang, "error-connection-failed")?;
    assert!(refused.starts_with(&expected), "{refused:?} should start with {expected:?}");
    fill(&professional, "#consult-code", &code).await?;
    click(&professional, "#consult-button").await?;
    wait_until(
        &professional,
        "document.querySelector('#consult-result [role=status]').innerText.trim()",
    )
    .await?;
    let opened = text_of(&professional, "#consult-result [role=status]").await?;
    assert!(opened.starts_with(&fixed_part(lang, "consult-opened")?), "{opened:?}");
    professional_browser.close().await?;

    // The patient sees the consultation link and ends it.
    patient.reload().await?;
    wait_for_app(&patient).await?;
    wait_until(
        &patient,
        "document.querySelector('[data-link-id][data-live=true] button.end-link')",
    )
    .await?;
    let row = text_of(&patient, "[data-link-id]").await?;
    assert!(row.contains(&physician), "{row:?} names {physician}");
    assert!(row.contains(&catalogue_message(lang, "care-context-consultation")?), "{row:?}");
    click(&patient, "[data-link-id] button.end-link").await?;
    wait_until(&patient, "document.querySelector('[data-link-id] button.confirm-end-link')")
        .await?;
    click(&patient, "[data-link-id] button.confirm-end-link").await?;
    wait_until(&patient, "document.getElementById('links-status').innerText.trim()").await?;
    assert_eq!(
        text_of(&patient, "#links-status").await?,
        catalogue_message(lang, "care-done-ended")?
    );
    assert_eq!(eval(&patient, "document.querySelector('button.end-link') === null").await?, true);

    // The patient chooses the physician as médecin référent, then gives them access for a week.
    fill(&patient, "#directory-search", &family_name).await?;
    click(&patient, "form[role=search] button[type=submit]").await?;
    wait_until(
        &patient,
        "document.querySelector('[data-professional-id] button.designate-referent')",
    )
    .await?;
    click(&patient, "[data-professional-id] button.designate-referent").await?;
    wait_until(&patient, "document.querySelector('[data-referent-id]')").await?;
    let referent = text_of(&patient, "[data-referent-id]").await?;
    assert!(referent.contains(&physician), "{referent:?} names {physician}");
    let in_a_week =
        eval(&patient, "new Date(Date.now() + 7 * 864e5).toISOString().slice(0, 10)").await?;
    fill(&patient, "#grant-until", in_a_week.as_str().unwrap_or_default()).await?;
    click(&patient, "[data-professional-id] button.grant-link").await?;
    wait_until(&patient, "document.querySelector('[data-link-id][data-live=true]')").await?;
    let granted = text_of(&patient, "[data-link-id][data-live=true]").await?;
    assert!(
        granted.contains(&catalogue_message(lang, "care-context-patient-grant")?),
        "{granted:?}"
    );

    // The emergency-access switch says what it did.
    let was_on =
        eval(&patient, "document.getElementById('emergency-access-toggle').checked").await?;
    click(&patient, "#emergency-access-toggle").await?;
    wait_until(&patient, "document.getElementById('emergency-status').innerText.trim()").await?;
    let key = if was_on == true { "care-done-emergency-off" } else { "care-done-emergency-on" };
    assert_eq!(text_of(&patient, "#emergency-status").await?, catalogue_message(lang, key)?);
    assert_eq!(
        eval(&patient, "document.getElementById('emergency-access-toggle').checked").await?,
        was_on != true
    );

    // The patient blocks the physician.
    wait_until(
        &patient,
        "document.querySelector('[data-professional-id] button.block-professional')",
    )
    .await?;
    click(&patient, "[data-professional-id] button.block-professional").await?;
    wait_until(&patient, "document.querySelector('[data-blocked-id] button.unblock')").await?;
    let blocked = text_of(&patient, "[data-blocked-id]").await?;
    assert!(blocked.contains(&physician), "{blocked:?} names {physician}");
    assert!(
        text_of(&patient, "#find-status").await?.starts_with(&physician),
        "the outcome names the blocked professional"
    );
    patient_browser.close().await
}
