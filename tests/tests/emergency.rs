//! Breaking the glass, from end to end, in English: a demo patient activates; a demo physician
//! enrols a security key, finds that no patient they reach has this national ID, opens the
//! record page, states a reason and opens emergency access (the documents then load); the patient
//! reads the notification with the physician's name and the reason, and marks it as read.
//! And in French: a physician who already broke the glass three times today is refused a fourth
//! with the message that the limit was reached, and the agent sees the alert in the console.

use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click, eval, fill,
    text_of, wait_for_app, wait_for_path, wait_until,
};

/// The text of a message up to its first placeable (`{ $date }` …).
fn fixed_part(lang: &str, key: &str) -> anyhow::Result<String> {
    let message = catalogue_message(lang, key)?;
    Ok(message.split('{').next().unwrap_or_default().trim().to_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_physician_breaks_the_glass_and_the_patient_is_told() -> anyhow::Result<()> {
    let lang = "en";
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    // The demo gives some patients a link or a référent: take one whom no professional reaches.
    let followed = ["Kieffer", "Dupont", "Becker"];
    let (_, national_id, activation_code) = demo
        .patient_codes
        .iter()
        .find(|(name, _, _)| !followed.iter().any(|family| name.contains(family)))
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no demo patient without a relation"))?;
    let (physician, _, enrol_link) = demo
        .professional_links
        .iter()
        .find(|(_, profession, _)| *profession == shared::Profession::Physician)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no demo physician"))?;

    // The patient activates; their record's id comes from their session.
    let patient_browser = Chromium::launch("en-US").await?;
    let patient = patient_browser.open(&format!("{}/activate", server.origin)).await?;
    wait_for_app(&patient).await?;
    add_authenticator(&patient, Authenticator::Passkey).await?;
    fill(&patient, "#activate-national-id", &national_id).await?;
    fill(&patient, "#activate-code", &activation_code).await?;
    click(&patient, "#activate-button").await?;
    wait_for_path(&patient, "/patient").await?;
    let patient_id =
        eval(&patient, "fetch('/api/auth/session').then(r => r.json()).then(s => s.subject_id)")
            .await?;
    let patient_id = patient_id.as_str().unwrap_or_default().to_owned();
    assert!(!patient_id.is_empty(), "the session names the patient");
    wait_until(&patient, "document.getElementById('notifications')").await?;

    // The physician enrols; no patient they reach has this national ID.
    let professional_browser = Chromium::launch("en-US").await?;
    let professional = professional_browser.open(&enrol_link).await?;
    wait_for_app(&professional).await?;
    add_authenticator(&professional, Authenticator::SecurityKey).await?;
    click(&professional, "#enrol-button").await?;
    wait_for_path(&professional, "/professional").await?;
    wait_until(&professional, "document.getElementById('find-national-id')").await?;
    fill(&professional, "#find-national-id", &national_id).await?;
    click(&professional, "#find-button").await?;
    wait_until(&professional, "document.querySelector('#find-result [role=alert]')").await?;
    let none = text_of(&professional, "#find-result [role=alert]").await?;
    let expected = catalogue_message(lang, "find-none")?;
    assert!(none.starts_with(&expected), "{none:?} should start with {expected:?}");

    // On the record page the documents are refused, and the emergency form is offered.
    professional.goto(format!("{}/professional/records/{patient_id}", server.origin)).await?;
    wait_for_app(&professional).await?;
    wait_until(&professional, "document.getElementById('emergency-reason')").await?;
    click(&professional, "#emergency-button").await?;
    wait_until(
        &professional,
        "document.getElementById('emergency-reason-message').innerText.trim()",
    )
    .await?;
    let reason = "Unconscious on arrival, need allergies and medication";
    fill(&professional, "#emergency-reason", reason).await?;
    click(&professional, "#emergency-button").await?;
    wait_until(
        &professional,
        "(document.querySelector('#emergency-result [role=status]') || {innerText: ''}).innerText.trim() \
         || (document.querySelector('#emergency-result [role=alert]') || {innerText: ''}).innerText.trim()",
    )
    .await?;
    let opened = text_of(&professional, "#emergency-result").await?;
    assert!(opened.starts_with(&fixed_part(lang, "emergency-opened")?), "{opened:?}");
    wait_until(
        &professional,
        "!document.querySelector('[aria-labelledby=record-documents-heading] [role=alert]') \
         && !document.querySelector('[aria-labelledby=record-documents-heading] [role=status]')",
    )
    .await?;
    professional_browser.close().await?;

    // The patient is told, with the physician's name and the reason, and marks it as read.
    patient.reload().await?;
    wait_for_app(&patient).await?;
    wait_until(&patient, "document.querySelector('#notifications [data-notification-id]')").await?;
    let row = text_of(&patient, "#notifications [data-notification-id]").await?;
    assert!(row.contains(reason), "{row:?} gives the reason");
    assert!(row.contains(&physician), "{row:?} names {physician}");
    assert_eq!(
        eval(&patient, "document.querySelector('[data-notification-id]').dataset.read").await?,
        "false"
    );
    click(&patient, "#notifications-read").await?;
    wait_until(
        &patient,
        "document.querySelector('[data-notification-id]').dataset.read === 'true' \
         && !document.getElementById('notifications-read')",
    )
    .await?;
    patient_browser.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_cap_the_physician_is_refused_and_the_agency_sees_the_alert() -> anyhow::Result<()>
{
    use sea_orm::{ActiveModelTrait as _, ActiveValue::Set, EntityTrait as _};
    let lang = "fr";
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (physician, _, enrol_link) = demo
        .professional_links
        .iter()
        .find(|(_, profession, _)| *profession == shared::Profession::Physician)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no demo physician"))?;
    let agent_link = demo.agent_link.clone().ok_or_else(|| anyhow::anyhow!("no demo agent"))?;
    let record = dsp::entity::patient::Entity::find()
        .one(&server.state.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no demo patient"))?;

    let professional_browser = Chromium::launch("fr-FR").await?;
    let professional = professional_browser.open(&enrol_link).await?;
    wait_for_app(&professional).await?;
    add_authenticator(&professional, Authenticator::SecurityKey).await?;
    click(&professional, "#enrol-button").await?;
    wait_for_path(&professional, "/professional").await?;
    let id = eval(
        &professional,
        "fetch('/api/auth/session').then(r => r.json()).then(s => s.subject_id)",
    )
    .await?;
    let id: uuid::Uuid = id.as_str().unwrap_or_default().parse()?;
    // Three emergency accesses opened earlier today: the cap (3 in 24 hours) is reached.
    for hours in 1..=3 {
        dsp::entity::emergency_grant::ActiveModel {
            id: Set(uuid::Uuid::new_v4()),
            patient_id: Set(uuid::Uuid::new_v4()),
            professional_id: Set(id),
            reason: Set("Earlier today, another patient".to_owned()),
            opened_at: Set(chrono::Utc::now() - chrono::TimeDelta::hours(hours)),
            ..Default::default()
        }
        .insert(&server.state.db)
        .await?;
    }
    professional.goto(format!("{}/professional/records/{}", server.origin, record.id)).await?;
    wait_for_app(&professional).await?;
    wait_until(&professional, "document.getElementById('emergency-reason')").await?;
    fill(&professional, "#emergency-reason", "Inconscient à l’arrivée, allergies inconnues")
        .await?;
    click(&professional, "#emergency-button").await?;
    wait_until(
        &professional,
        "(document.querySelector('#emergency-result [role=alert]') || {innerText: ''}).innerText.trim()",
    )
    .await?;
    let refused = text_of(&professional, "#emergency-result").await?;
    let expected = catalogue_message(lang, "error-emergency-access-limit-reached")?;
    assert!(refused.starts_with(&expected), "{refused:?} should start with {expected:?}");
    professional_browser.close().await?;

    // The agent enrols and finds the alert above the emergency accesses of the review.
    let agent_browser = Chromium::launch("fr-FR").await?;
    let agent = agent_browser.open(&agent_link).await?;
    wait_for_app(&agent).await?;
    add_authenticator(&agent, Authenticator::SecurityKey).await?;
    click(&agent, "#enrol-button").await?;
    wait_for_path(&agent, "/agency").await?;
    wait_until(&agent, "document.querySelector('[data-alert-id]')").await?;
    let heading = text_of(&agent, "#emergency-alerts-heading").await?;
    assert_eq!(heading, catalogue_message(lang, "agency-emergency-alerts-heading")?);
    let alert = text_of(&agent, "[data-alert-id]").await?;
    assert!(alert.contains(&physician), "{alert:?} names {physician}");
    // The words between the name and the count ("… s’est vu refuser un accès d’urgence : …").
    let message = catalogue_message(lang, "agency-emergency-alert")?;
    let words = message.split('}').nth(1).and_then(|rest| rest.split('{').next()).unwrap_or("");
    assert!(words.trim().len() > 10 && alert.contains(words.trim()), "{alert:?} / {words:?}");
    assert!(alert.contains(" 3 ") && alert.contains("24"), "{alert:?}");
    let openings = eval(&agent, "document.querySelectorAll('[data-emergency-id]').length").await?;
    assert_eq!(openings, 3, "the three earlier openings are listed");
    agent_browser.close().await?;
    Ok(())
}
