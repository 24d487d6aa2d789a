//! A voluntary opening request from end to end, in real browsers: a person fills in the public
//! form in Luxembourgish (first sent empty: every field says what is missing, in the person's
//! language, and nothing typed is lost), gets a reference; an agent (in French) finds the request
//! in the console's queue, records the identity check, accepts it and gets the activation
//! letter's PDF; the person activates their record with the letter's code and a passkey.

use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click, eval, fill,
    letter_codes, text_of, wait_for_app, wait_for_path, wait_until,
};
use shared::NationalId;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_accepted_by_an_agent_through_to_activation() -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let national_id = NationalId::from_first_eleven("19870315123")?.as_str().to_owned();

    // The person, in Luxembourgish.
    let person = Chromium::launch("lb").await?;
    let page = person.open(&format!("{}/open", server.origin)).await?;
    wait_for_app(&page).await?;
    assert_eq!(eval(&page, "document.documentElement.lang").await?, "lb");
    wait_until(&page, "document.getElementById('open-submit')").await?;
    // The conditions are shown in full.
    let conditions = text_of(&page, "#open-conditions").await?;
    assert!(conditions.contains(&catalogue_message("lb", "open-conditions-data")?));

    // Sent empty: each field says what is wrong, in Luxembourgish.
    fill(&page, "#open-given-name", "Marie").await?;
    click(&page, "#open-submit").await?;
    wait_until(&page, "document.getElementById('open-family-name-message').innerText.trim()")
        .await?;
    assert_eq!(
        text_of(&page, "#open-family-name-message").await?,
        catalogue_message("lb", "error-field-required")?
    );
    assert_eq!(
        text_of(&page, "#open-contact-message").await?,
        catalogue_message("lb", "error-contact-required")?
    );
    assert_eq!(
        text_of(&page, "#open-accept-message").await?,
        catalogue_message("lb", "error-conditions-not-accepted")?
    );
    assert_eq!(
        eval(&page, "document.activeElement.id").await?,
        "open-family-name",
        "the first problem takes focus"
    );
    assert_eq!(eval(&page, "document.getElementById('open-given-name').value").await?, "Marie");

    fill(&page, "#open-family-name", "Weber").await?;
    fill(&page, "#open-national-id", &national_id).await?;
    wait_until(&page, "document.querySelector('#open-national-id-message.field-ok')").await?;
    fill(&page, "#open-phone", "+352 621 123 456").await?;
    fill(&page, "#open-email", "marie.weber@example.lu").await?;
    click(&page, "#open-accept").await?;
    click(&page, "#open-submit").await?;
    wait_until(&page, "document.getElementById('open-reference')").await?;
    let reference = text_of(&page, "#open-reference").await?;
    assert!(reference.starts_with("DSP-"), "{reference}");
    assert_eq!(
        text_of(&page, "#open-next li:first-child").await?,
        catalogue_message("lb", "open-next-check")?
    );

    // The agent, in French: enrols, finds the request, checks identity and accepts.
    let (_, agent_code) = dsp::services::agents::create_agent(&server.state, "Agnès Reding")
        .await
        .map_err(|e| anyhow::anyhow!("create_agent: {e:?}"))?;
    let agent = Chromium::launch("fr").await?;
    let console = agent.open(&agent_code.link).await?;
    wait_for_app(&console).await?;
    add_authenticator(&console, Authenticator::SecurityKey).await?;
    click(&console, "#enrol-button").await?;
    wait_for_path(&console, "/agency").await?;
    let row = format!("[data-opening-id][data-national-id='{national_id}']");
    wait_until(&console, &format!("document.querySelector(\"{row}\")")).await?;
    assert_eq!(
        text_of(&console, &format!("{row} .badge.urgency-on-time")).await?,
        catalogue_message("fr", "opening-urgency-on-time")?
    );
    assert_eq!(text_of(&console, &format!("{row} .opening-reference")).await?, reference);
    click(&console, &format!("{row} details summary")).await?;
    // Accepting without both documents is refused, in French.
    click(&console, &format!("{row} .check-id-card")).await?;
    click(&console, &format!("{row} .accept-opening")).await?;
    wait_until(
        &console,
        &format!("document.querySelector(\"{row} [role=alert]\")?.innerText.trim()"),
    )
    .await?;
    let refused = text_of(&console, &format!("{row} [role=alert]")).await?;
    let expected = catalogue_message("fr", "error-identity-check-incomplete")?;
    assert!(refused.starts_with(&expected), "{refused:?} should start with {expected:?}");

    click(&console, &format!("{row} .check-social-card")).await?;
    fill(&console, &format!("{row} input[id$='-document-number']"), "AB123456").await?;
    // The request gave only a phone: the agent writes the address for the letter.
    fill(&console, &format!("{row} input[id$='-street']"), "5, rue des Bains").await?;
    fill(&console, &format!("{row} input[id$='-postal-code']"), "L-1212").await?;
    fill(&console, &format!("{row} input[id$='-city']"), "Luxembourg").await?;
    eval(
        &console,
        "(() => { window.__dspBlobs = []; const original = URL.createObjectURL.bind(URL); \
         URL.createObjectURL = (blob) => { window.__dspBlobs.push(blob); return original(blob); }; \
         return true; })()",
    )
    .await?;
    click(&console, &format!("{row} .accept-opening")).await?;
    wait_until(&console, "window.__dspBlobs.length > 0").await?;
    let pdf = eval(
        &console,
        "(async () => { const blob = window.__dspBlobs[0]; \
         const bytes = new Uint8Array(await blob.arrayBuffer()); let text = ''; \
         for (const b of bytes) text += String.fromCharCode(b); \
         return { type: blob.type, text }; })()",
    )
    .await?;
    assert_eq!(pdf["type"], "application/pdf");
    let activation_code = letter_codes(pdf["text"].as_str().unwrap_or_default())?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("no XXXX-XXXX-XXXX code in the letter"))?;
    wait_until(&console, "document.getElementById('opening-status').innerText.trim()").await?;
    wait_until(&console, &format!("!document.querySelector(\"{row}\")")).await?;
    agent.close().await?;

    // The person activates with the letter's code.
    let activate = person.open(&format!("{}/activate", server.origin)).await?;
    wait_for_app(&activate).await?;
    add_authenticator(&activate, Authenticator::Passkey).await?;
    fill(&activate, "#activate-national-id", &national_id).await?;
    fill(&activate, "#activate-code", &activation_code).await?;
    click(&activate, "#activate-button").await?;
    wait_for_path(&activate, "/patient").await?;
    wait_until(&activate, "document.getElementById('signed-in-as')").await?;
    assert_eq!(text_of(&activate, "#signed-in-as").await?, "Marie Weber");
    person.close().await
}
