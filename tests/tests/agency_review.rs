//! The agency's review and patients' contact data, from end to end.
//!
//! In English, an agent reviews an emergency access in the console: the form refuses a review
//! without a disposition, then records "questioned" with a note, and the row says so with the
//! agent's name. The patient, in Luxembourgish on a phone (390 px), reads the outcome in their
//! history and notifications.
//!
//! In German, a patient enters a wrong phone number on their security page and is told why,
//! then saves a phone and an e-mail; the agent sees both on the record in the console, changes
//! the e-mail there, and the patient's history says the agency changed it. The console's
//! new-patient form takes a phone and an e-mail too, and refuses a wrong one.

use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click,
    emulate_phone, eval, fill, text_of, wait_for_app, wait_for_path, wait_until,
};

/// The text of one variant of a Fluent select in a catalogue (`[questioned] …` of `key`), up to
/// its first placeable.
fn variant(lang: &str, key: &str, name: &str) -> anyhow::Result<String> {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../frontend/i18n/{lang}.ftl"));
    let text = std::fs::read_to_string(&path)?;
    let start = text
        .find(&format!("\n{key} = "))
        .ok_or_else(|| anyhow::anyhow!("{key} is not in {lang}.ftl"))?;
    let tag = format!("[{name}] ");
    text[start + 1..]
        .lines()
        .skip(1)
        .take_while(|line| line.starts_with(' ') || line.starts_with('}'))
        .find_map(|line| line.trim_start().trim_start_matches('*').strip_prefix(&tag))
        .map(|v| v.split('{').next().unwrap_or_default().trim().to_owned())
        .ok_or_else(|| anyhow::anyhow!("{key} has no variant {name} in {lang}.ftl"))
}

/// The text of a message up to its first placeable.
fn fixed_part(lang: &str, key: &str) -> anyhow::Result<String> {
    let message = catalogue_message(lang, key)?;
    Ok(message.split('{').next().unwrap_or_default().trim().to_owned())
}

/// A demo patient whom no professional reaches: (name, national ID, activation code).
fn unfollowed_patient(demo: &dsp::demo::DemoSummary) -> anyhow::Result<(String, String, String)> {
    let followed = ["Kieffer", "Dupont", "Becker"];
    demo.patient_codes
        .iter()
        .find(|(name, _, _)| !followed.iter().any(|family| name.contains(family)))
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no demo patient without a relation"))
}

/// Activates a demo record in a new browser speaking `browser_lang`; returns the page and the
/// record's id.
async fn activate(
    server: &TestServer,
    browser: &Chromium,
    national_id: &str,
    code: &str,
) -> anyhow::Result<(chromiumoxide::page::Page, String)> {
    let page = browser.open(&format!("{}/activate", server.origin)).await?;
    wait_for_app(&page).await?;
    add_authenticator(&page, Authenticator::Passkey).await?;
    fill(&page, "#activate-national-id", national_id).await?;
    fill(&page, "#activate-code", code).await?;
    click(&page, "#activate-button").await?;
    wait_for_path(&page, "/patient").await?;
    let id = eval(&page, "fetch('/api/auth/session').then(r => r.json()).then(s => s.subject_id)")
        .await?;
    let id = id.as_str().unwrap_or_default().to_owned();
    anyhow::ensure!(!id.is_empty(), "the session names the patient");
    Ok((page, id))
}

/// The demo agent enrols a key in a new browser speaking `browser_lang` and lands in the console.
async fn agent_console(
    demo: &dsp::demo::DemoSummary,
    browser_lang: &str,
) -> anyhow::Result<(Chromium, chromiumoxide::page::Page)> {
    let link = demo.agent_link.clone().ok_or_else(|| anyhow::anyhow!("no demo agent"))?;
    let browser = Chromium::launch(browser_lang).await?;
    let page = browser.open(&link).await?;
    wait_for_app(&page).await?;
    add_authenticator(&page, Authenticator::SecurityKey).await?;
    click(&page, "#enrol-button").await?;
    wait_for_path(&page, "/agency").await?;
    Ok((browser, page))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_questions_an_emergency_access_and_the_patient_reads_it_on_a_phone()
-> anyhow::Result<()> {
    use sea_orm::{ActiveModelTrait as _, ActiveValue::Set};
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (_, national_id, code) = unfollowed_patient(&demo)?;
    let (physician, _, _) = demo
        .professional_links
        .iter()
        .find(|(_, profession, _)| *profession == shared::Profession::Physician)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no demo physician"))?;

    // The patient activates in Luxembourgish.
    let patient_browser = Chromium::launch("lb-LU").await?;
    let (patient, patient_id) = activate(&server, &patient_browser, &national_id, &code).await?;

    // The physician broke the glass on this record an hour ago.
    let physician_id = {
        use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _};
        let family = physician.split_whitespace().last().unwrap_or_default().to_owned();
        dsp::entity::professional::Entity::find()
            .filter(dsp::entity::professional::Column::FamilyName.eq(family))
            .one(&server.state.db)
            .await?
            .ok_or_else(|| anyhow::anyhow!("{physician} is not in the directory"))?
            .id
    };
    let access_id = uuid::Uuid::new_v4();
    dsp::entity::emergency_grant::ActiveModel {
        id: Set(access_id),
        patient_id: Set(patient_id.parse()?),
        professional_id: Set(physician_id),
        reason: Set("Unconscious on arrival, allergies unknown".to_owned()),
        opened_at: Set(chrono::Utc::now() - chrono::TimeDelta::hours(1)),
        ..Default::default()
    }
    .insert(&server.state.db)
    .await?;

    // The agent, in English, reviews it.
    let (agent_browser, agent) = agent_console(&demo, "en-US").await?;
    let row = format!("[data-emergency-id='{access_id}']");
    let stem = format!("#disposition-{access_id}");
    wait_until(&agent, &format!("document.querySelector(\"{row}\")")).await?;
    let state = text_of(&agent, &format!("{row} .disposition-state")).await?;
    assert_eq!(state, catalogue_message("en", "agency-emergency-not-reviewed")?);
    // Without a disposition, the form says what is missing and sends nothing.
    click(&agent, &format!("{row} button[type=submit]")).await?;
    wait_until(&agent, &format!("document.querySelector('{stem}-message').innerText.trim()"))
        .await?;
    assert_eq!(
        text_of(&agent, &format!("{stem}-message")).await?,
        catalogue_message("en", "agency-emergency-choose")?
    );
    let note = "Asked the hospital for the admission record.";
    click(&agent, &format!("{stem}-questioned")).await?;
    fill(&agent, &format!("{stem}-note"), note).await?;
    click(&agent, &format!("{row} button[type=submit]")).await?;
    wait_until(
        &agent,
        &format!("(document.querySelector('{stem}-result [role=status]') || {{innerText: ''}}).innerText.trim()"),
    )
    .await?;
    assert_eq!(
        text_of(&agent, &format!("{stem}-result")).await?,
        catalogue_message("en", "agency-emergency-recorded")?
    );
    assert_eq!(
        eval(&agent, &format!("document.querySelector(\"{row}\").dataset.disposition")).await?,
        "questioned"
    );
    let state = text_of(&agent, &format!("{row} .disposition-state")).await?;
    assert!(state.starts_with("Questioned, recorded by Agence DSP (démo)"), "{state:?}");
    assert!(text_of(&agent, &format!("{row} .disposition-note")).await?.contains(note));
    // After a reload the console shows what the server holds.
    agent.reload().await?;
    wait_for_app(&agent).await?;
    wait_until(&agent, &format!("document.querySelector(\"{row}\")")).await?;
    assert_eq!(
        eval(&agent, &format!("document.querySelector(\"{row}\").dataset.disposition")).await?,
        "questioned"
    );
    agent_browser.close().await?;

    // The patient, on a phone, reads the outcome in Luxembourgish: in the notifications …
    emulate_phone(&patient).await?;
    patient.reload().await?;
    wait_for_app(&patient).await?;
    wait_until(&patient, "document.querySelector('#notifications [data-notification-id]')").await?;
    let notice = text_of(&patient, "#notifications [data-notification-id]").await?;
    let questioned = variant("lb", "notification-emergency-reviewed", "questioned")?;
    assert!(notice.contains(&questioned), "{notice:?} should say {questioned:?}");
    assert!(notice.contains(&physician) && notice.contains(note), "{notice:?}");
    // … and in the history.
    patient.goto(format!("{}/patient/history", server.origin)).await?;
    wait_for_app(&patient).await?;
    let entry = "[data-action=emergency_access_reviewed]";
    wait_until(&patient, &format!("document.querySelector('{entry}')")).await?;
    let text = text_of(&patient, entry).await?;
    let outcome = variant("lb", "history-action-emergency-access-reviewed", "questioned")?;
    assert!(text.contains(&outcome), "{text:?} should say {outcome:?}");
    assert!(text.contains(&fixed_part("lb", "history-actor-agent")?), "{text:?}");
    assert!(text.contains("Agence DSP (démo)") && text.contains(&physician), "{text:?}");
    assert!(text.contains(note), "{text:?} gives the agency's note");
    // Nothing sticks out of the phone's screen.
    let width = eval(&patient, "document.documentElement.scrollWidth").await?;
    assert!(width.as_u64().is_some_and(|w| w <= 390), "the page is {width} px wide");
    patient_browser.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_keeps_contact_data_in_german_and_the_agent_sees_it() -> anyhow::Result<()> {
    let lang = "de";
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (_, national_id, code) = unfollowed_patient(&demo)?;
    let patient_browser = Chromium::launch("de-DE").await?;
    let (patient, patient_id) = activate(&server, &patient_browser, &national_id, &code).await?;

    patient.goto(format!("{}/security", server.origin)).await?;
    wait_for_app(&patient).await?;
    wait_until(&patient, "document.getElementById('my-contact-phone')").await?;
    assert_eq!(
        text_of(&patient, "#contact-heading").await?,
        catalogue_message(lang, "contact-heading")?
    );
    // A number without its country code is refused before it is sent, in German.
    fill(&patient, "#my-contact-phone", "621 123 456").await?;
    click(&patient, "#my-contact-save").await?;
    wait_until(&patient, "document.getElementById('my-contact-phone-message').innerText.trim()")
        .await?;
    assert_eq!(
        text_of(&patient, "#my-contact-phone-message").await?,
        catalogue_message(lang, "error-invalid-phone")?
    );
    assert_eq!(dsp_contact(&server, &patient_id).await?, (None, None), "nothing was stored");
    fill(&patient, "#my-contact-phone", "+352 621 123 456").await?;
    fill(&patient, "#my-contact-email", "lea@beispiel.lu").await?;
    click(&patient, "#my-contact-save").await?;
    wait_until(
        &patient,
        "(document.querySelector('#my-contact-result [role=status]') || {innerText: ''}).innerText.trim()",
    )
    .await?;
    assert_eq!(
        text_of(&patient, "#my-contact-result").await?,
        catalogue_message(lang, "contact-saved")?
    );
    assert_eq!(
        eval(&patient, "document.getElementById('my-contact-phone').value").await?,
        "+352621123456",
        "the form shows the number as kept"
    );

    // The agent sees both on the record, and changes the e-mail there.
    let (agent_browser, agent) = agent_console(&demo, "de-DE").await?;
    let row = format!("[data-patient-id='{patient_id}']");
    wait_until(&agent, &format!("document.querySelector(\"{row}\")")).await?;
    assert_eq!(text_of(&agent, &format!("{row} .contact-phone")).await?, "+352621123456");
    assert_eq!(text_of(&agent, &format!("{row} .contact-email")).await?, "lea@beispiel.lu");
    click(&agent, &format!("{row} .contact-edit summary")).await?;
    let stem = format!("#contact-{patient_id}");
    fill(&agent, &format!("{stem}-email"), "lea@post.lu").await?;
    click(&agent, &format!("{stem}-save")).await?;
    wait_until(
        &agent,
        &format!(
            "document.querySelector(\"{row} .contact-email\").innerText.trim() === 'lea@post.lu'"
        ),
    )
    .await?;

    // The new-patient form takes them too: a wrong e-mail is refused in German, nothing created.
    let new_id = shared::NationalId::from_first_eleven("19850314001")
        .map_err(|e| anyhow::anyhow!("{e:?}"))?
        .to_string();
    fill(&agent, "#patient-national-id", &new_id).await?;
    fill(&agent, "#patient-given-name", "Jos").await?;
    fill(&agent, "#patient-family-name", "Hoffmann").await?;
    fill(&agent, "#patient-birth-date", "1985-03-14").await?;
    fill(&agent, "#patient-street", "3, rue Large").await?;
    fill(&agent, "#patient-postal-code", "L-1917").await?;
    fill(&agent, "#patient-city", "Luxembourg").await?;
    fill(&agent, "#patient-phone", "00352 691 222 333").await?;
    fill(&agent, "#patient-email", "jos@hoffmann").await?;
    click(&agent, "#patient-create-button").await?;
    wait_until(&agent, "document.getElementById('patient-email-message').innerText.trim()").await?;
    assert_eq!(
        text_of(&agent, "#patient-email-message").await?,
        catalogue_message(lang, "error-invalid-email")?
    );
    let new_row = format!("[data-national-id='{new_id}']");
    assert_eq!(eval(&agent, &format!("!document.querySelector(\"{new_row}\")")).await?, true);
    fill(&agent, "#patient-email", "jos@hoffmann.lu").await?;
    click(&agent, "#patient-create-button").await?;
    wait_until(&agent, &format!("document.querySelector(\"{new_row}\")")).await?;
    assert_eq!(text_of(&agent, &format!("{new_row} .contact-phone")).await?, "+352691222333");
    assert_eq!(text_of(&agent, &format!("{new_row} .contact-email")).await?, "jos@hoffmann.lu");
    agent_browser.close().await?;
    assert_eq!(
        dsp_contact(&server, &patient_id).await?,
        (Some("+352621123456".to_owned()), Some("lea@post.lu".to_owned()))
    );

    // The patient's history says who changed it: first the patient, then the agency.
    patient.goto(format!("{}/patient/history", server.origin)).await?;
    wait_for_app(&patient).await?;
    let entries = "document.querySelectorAll('[data-action=contact_data_changed]')";
    wait_until(&patient, &format!("{entries}.length === 2")).await?;
    let newest = text_of(&patient, "[data-action=contact_data_changed]").await?;
    assert!(newest.contains(&fixed_part(lang, "history-actor-agent")?), "{newest:?}");
    assert!(newest.contains("Agence DSP (démo)"), "{newest:?}");
    patient_browser.close().await?;
    Ok(())
}

/// The record's phone and e-mail as stored.
async fn dsp_contact(
    server: &TestServer,
    patient_id: &str,
) -> anyhow::Result<(Option<String>, Option<String>)> {
    use sea_orm::EntityTrait as _;
    let id: uuid::Uuid = patient_id.parse()?;
    let row = dsp::entity::patient::Entity::find_by_id(id)
        .one(&server.state.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no record {patient_id}"))?;
    Ok((row.phone, row.email))
}
