//! The record's life from end to end: a patient, in French, reads what closing their record
//! means, confirms with their passkey and closes it; their history says so. An agent, in
//! English, sees the record closed by the patient in the console and reopens it after
//! confirming; the patient's record is activated again.

use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click, eval, fill,
    text_of, wait_for_app, wait_for_path, wait_until,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_closes_their_record_and_an_agent_reopens_it() -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (_, national_id, code) =
        demo.patient_codes.first().cloned().ok_or_else(|| anyhow::anyhow!("no demo patient"))?;

    // The patient activates in French, then opens "My record".
    let patient_browser = Chromium::launch("fr-FR").await?;
    let patient = patient_browser.open(&format!("{}/activate", server.origin)).await?;
    wait_for_app(&patient).await?;
    add_authenticator(&patient, Authenticator::Passkey).await?;
    fill(&patient, "#activate-national-id", &national_id).await?;
    fill(&patient, "#activate-code", &code).await?;
    click(&patient, "#activate-button").await?;
    wait_for_path(&patient, "/patient").await?;
    let id =
        eval(&patient, "fetch('/api/auth/session').then(r => r.json()).then(s => s.subject_id)")
            .await?;
    let id = id.as_str().unwrap_or_default().to_owned();
    patient.goto(format!("{}/patient/record", server.origin)).await?;
    wait_for_app(&patient).await?;
    wait_until(&patient, "document.querySelector('#life-close')").await?;
    let page = text_of(&patient, "main").await?;
    for key in ["life-means-heading", "life-means-professionals", "life-means-deleted"] {
        let message = catalogue_message("fr", key)?;
        assert!(page.contains(&message), "the page says {message:?}: {page}");
    }
    // The button waits until the patient says they have read it.
    assert_eq!(eval(&patient, "document.querySelector('#life-close').disabled").await?, true);
    click(&patient, "#life-understood").await?;
    wait_until(&patient, "!document.querySelector('#life-close').disabled").await?;
    click(&patient, "#life-close").await?;
    wait_until(&patient, "document.querySelector('[data-record-state=closed]')").await?;
    assert!(
        text_of(&patient, "main").await?.contains(&catalogue_message("fr", "life-closed-done")?)
    );
    // The history says the patient closed it.
    patient.goto(format!("{}/patient/history", server.origin)).await?;
    wait_for_app(&patient).await?;
    wait_until(&patient, "document.querySelector('[data-action=record_closed]')").await?;
    let entry = text_of(&patient, "[data-action=record_closed]").await?;
    assert!(entry.contains("Vous avez fermé votre dossier."), "{entry:?}");

    // The agent, in English, reopens it from the console.
    let link = demo.agent_link.clone().ok_or_else(|| anyhow::anyhow!("no demo agent"))?;
    let agent_browser = Chromium::launch("en-US").await?;
    let agent = agent_browser.open(&link).await?;
    wait_for_app(&agent).await?;
    add_authenticator(&agent, Authenticator::SecurityKey).await?;
    click(&agent, "#enrol-button").await?;
    wait_for_path(&agent, "/agency").await?;
    let row = format!("[data-patient-id='{id}']");
    wait_until(&agent, &format!("document.querySelector(\"{row}\")")).await?;
    click(&agent, &format!("{row} .record-life-edit summary")).await?;
    wait_until(&agent, &format!("document.querySelector(\"{row} [data-life-state=closed]\")"))
        .await?;
    let reason = text_of(&agent, &format!("{row} .life-reason")).await?;
    assert_eq!(reason, catalogue_message("en", "life-reason-patient")?);
    click(&agent, &format!("{row} .life-reopen")).await?;
    click(&agent, &format!("{row} .life-confirm")).await?;
    wait_until(&agent, &format!("document.querySelector(\"{row} [data-life-state=activated]\")"))
        .await?;
    assert!(
        text_of(&agent, &format!("{row} .record-life"))
            .await?
            .contains(&catalogue_message("en", "life-agency-reopened")?)
    );
    agent_browser.close().await?;

    // The patient's record is open again.
    patient.goto(format!("{}/patient/record", server.origin)).await?;
    wait_for_app(&patient).await?;
    wait_until(&patient, "document.querySelector('[data-record-state=activated]')").await?;
    patient_browser.close().await?;
    Ok(())
}
