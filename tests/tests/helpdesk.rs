//! The helpdesk, from end to end.
//!
//! In German, an agent suspends a physician's licence from the directory with a reason: the
//! physician, signed in in French, reaches nothing at once, and signing in again is refused with
//! the reason in French. The agent reinstates the licence; the physician signs in again and reads
//! the agency's message on their home page.
//!
//! In Luxembourgish, an agent adds a care home to the directory, assigns a nurse to it and sees
//! her among the care home's professionals.

use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click, eval, fill,
    text_of, wait_for_app, wait_for_path, wait_until,
};

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

/// The directory id of the demo professional called `name`.
async fn professional_id(server: &TestServer, name: &str) -> anyhow::Result<uuid::Uuid> {
    use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _};
    let family = name.split_whitespace().last().unwrap_or_default().to_owned();
    Ok(dsp::entity::professional::Entity::find()
        .filter(dsp::entity::professional::Column::FamilyName.eq(family))
        .one(&server.state.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("{name} is not in the directory"))?
        .id)
}

async fn status_of(page: &chromiumoxide::page::Page, path: &str) -> anyhow::Result<u64> {
    let status = eval(page, &format!("fetch('{path}').then(r => r.status)")).await?;
    status.as_u64().ok_or_else(|| anyhow::anyhow!("no status for {path}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_suspends_a_physician_who_is_refused_at_once_then_reinstates_them()
-> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (physician, _, enrol_link) = demo
        .professional_links
        .iter()
        .find(|(_, profession, _)| *profession == shared::Profession::Physician)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no demo physician"))?;
    let id = professional_id(&server, &physician).await?;

    // The physician enrols their key in French and is signed in.
    let doctor_browser = Chromium::launch("fr-FR").await?;
    let doctor = doctor_browser.open(&enrol_link).await?;
    wait_for_app(&doctor).await?;
    add_authenticator(&doctor, Authenticator::SecurityKey).await?;
    click(&doctor, "#enrol-button").await?;
    wait_for_path(&doctor, "/professional").await?;
    assert_eq!(status_of(&doctor, "/api/professional/links").await?, 200);

    // The agent, in German, suspends the licence from the directory, with a reason.
    let (_agent_browser, agent) = agent_console(&demo, "de-DE").await?;
    let row = format!("[data-professional-id='{id}']");
    let tools = format!("{row} details.helpdesk-professional");
    click(&agent, &format!("{tools} > summary")).await?;
    // Without a reason the button does nothing.
    let disabled =
        eval(&agent, &format!("document.querySelector(\"{row} .suspend-licence\").disabled"))
            .await?;
    assert_eq!(disabled, true, "no suspension without a reason");
    fill(&agent, &format!("#licence-{id}-reason"), "Entscheidung des Collège médical").await?;
    click(&agent, &format!("{row} .suspend-licence")).await?;
    wait_until(
        &agent,
        &format!("document.querySelector(\"{tools}\").dataset.licenceState === 'suspended'"),
    )
    .await?;
    assert_eq!(
        text_of(&agent, &format!("{tools} .badge")).await?,
        catalogue_message("de", "helpdesk-licence-suspended")?
    );

    // At once, the physician reaches nothing, and signing in again is refused, saying why.
    assert_eq!(status_of(&doctor, "/api/professional/links").await?, 401);
    let sign_in = format!("{}/sign-in", server.origin);
    doctor.goto(sign_in.as_str()).await?;
    wait_for_app(&doctor).await?;
    click(&doctor, "#sign-in-button").await?;
    let refusal = catalogue_message("fr", "error-licence-suspended")?;
    wait_until(&doctor, "document.getElementById('sign-in-error')?.innerText.trim()").await?;
    let shown = text_of(&doctor, "#sign-in-error").await?;
    assert!(shown.starts_with(&refusal), "{shown:?} says {refusal:?}");

    // The patients linked to the physician have the suspension in their history.
    {
        use sea_orm::{ColumnTrait as _, EntityTrait as _, QueryFilter as _};
        let told = dsp::entity::audit_event::Entity::find()
            .filter(dsp::entity::audit_event::Column::Action.eq("professional_licence_suspended"))
            .all(&server.state.db)
            .await?;
        assert!(told.iter().all(|e| e.patient_id.is_some()));
        assert!(!told.is_empty(), "the demo physician's patients are told");
    }

    // The agent reinstates the licence.
    fill(&agent, &format!("#licence-{id}-reason"), "Berufung angenommen").await?;
    click(&agent, &format!("{row} .reinstate-licence")).await?;
    wait_until(
        &agent,
        &format!("document.querySelector(\"{tools}\").dataset.licenceState === 'active'"),
    )
    .await?;

    // The physician signs in again and reads the agency's message.
    doctor.goto(sign_in.as_str()).await?;
    wait_for_app(&doctor).await?;
    click(&doctor, "#sign-in-button").await?;
    wait_for_path(&doctor, "/professional").await?;
    wait_until(&doctor, "document.querySelector('.notices [data-kind=licence_reinstated]')")
        .await?;
    let notice = text_of(&doctor, ".notices [data-kind=licence_reinstated]").await?;
    let fixed = catalogue_message("fr", "helpdesk-notice-licence-reinstated")?;
    let tail = fixed.split('}').next_back().unwrap_or_default().trim().to_owned();
    assert!(notice.ends_with(&tail), "{notice:?} ends with {tail:?}");
    assert_eq!(status_of(&doctor, "/api/professional/links").await?, 200);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_adds_a_care_home_and_assigns_a_nurse_to_it() -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (nurse, _, _) = demo
        .professional_links
        .iter()
        .find(|(_, profession, _)| *profession == shared::Profession::Nurse)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no demo nurse"))?;
    let nurse_id = professional_id(&server, &nurse).await?;
    let (_browser, agent) = agent_console(&demo, "lb-LU").await?;

    // A new care home.
    wait_until(&agent, "document.getElementById('organisation-name')").await?;
    fill(&agent, "#organisation-name", "Fleegeheem Am Park").await?;
    fill(&agent, "#organisation-kind", "care-home").await?;
    click(&agent, "#organisation-create-button").await?;
    wait_until(&agent, "document.getElementById('organisation-create-status')?.innerText.trim()")
        .await?;
    let org_row = "li[data-organisation-id]";
    wait_until(
        &agent,
        &format!("Array.from(document.querySelectorAll('{org_row}')).some(r => r.innerText.includes('Fleegeheem Am Park'))"),
    )
    .await?;
    let org_id = eval(
        &agent,
        &format!("Array.from(document.querySelectorAll('{org_row}')).find(r => r.innerText.includes('Fleegeheem Am Park')).dataset.organisationId"),
    )
    .await?;
    let org_id = org_id.as_str().unwrap_or_default().to_owned();
    let org = format!("li[data-organisation-id='{org_id}']");
    assert!(
        text_of(&agent, &org).await?.contains(&catalogue_message("lb", "helpdesk-kind-care-home")?),
        "the kind in Luxembourgish"
    );
    // The same name again is refused, in Luxembourgish.
    fill(&agent, "#organisation-name", "fleegeheem am park").await?;
    fill(&agent, "#organisation-kind", "hospital").await?;
    click(&agent, "#organisation-create-button").await?;
    wait_until(&agent, "document.getElementById('organisation-create-error')?.innerText.trim()")
        .await?;
    let shown = text_of(&agent, "#organisation-create-error").await?;
    let refusal = catalogue_message("lb", "error-duplicate-organisation")?;
    assert!(shown.starts_with(&refusal), "{shown:?} says {refusal:?}");

    // The nurse is assigned to it from her row in the directory.
    let row = format!("[data-professional-id='{nurse_id}']");
    click(&agent, &format!("{row} details.helpdesk-professional > summary")).await?;
    click(&agent, &format!("{row} .open-assign")).await?;
    wait_until(&agent, &format!("document.getElementById('licence-{nurse_id}-organisation')"))
        .await?;
    fill(&agent, &format!("#licence-{nurse_id}-organisation"), &org_id).await?;
    click(&agent, &format!("{row} .assign-organisation")).await?;
    wait_until(
        &agent,
        &format!("document.querySelector(\"{row} .current-organisation\").innerText.trim() === 'Fleegeheem Am Park'"),
    )
    .await?;

    // The care home lists her.
    click(&agent, &format!("{org} .show-staff")).await?;
    wait_until(
        &agent,
        &format!("document.querySelector(\"{org} .staff li[data-professional-id='{nurse_id}']\")"),
    )
    .await?;
    Ok(())
}
