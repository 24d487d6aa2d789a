//! The patient's personal space from end to end. On a phone (390 px) in French, a demo patient
//! activates, opens their personal space, is told in French what a "donate except" choice
//! without its limits lacks, fills the organ-donation form (limits, trusted person and phone),
//! writes a note and edits it (a new version whose text comes back as typed), adds a PDF of their
//! own and withdraws it with a reason, and hands over a connection code. A demo physician in
//! German opens the record with it: the patient's declared wishes stand at the top of the record
//! page, in German, with the patient's own words; the note is among the documents, the withdrawn
//! PDF is not. The patient withdraws the wish; the physician's page then says no wish is
//! declared.

use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click,
    emulate_phone, eval, fill, heading, text_of, wait_for_app, wait_for_path, wait_until,
};

const LIMITS: &str = "cornées et cœur";
const TRUSTED: &str = "Anne Weber";
const PHONE: &str = "+352 621 123 456";
const NOTE_TITLE: &str = "Mes souhaits — été";
const NOTE: &str = "Pas de transfusion sans accord <de ma sœur>.";
const NOTE_EDITED: &str = "Transfusion acceptée en urgence.";
const FILE_TITLE: &str = "Carte de donneur";
const PDF: &str =
    "%PDF-1.4\\n1 0 obj << /Type /Catalog >> endobj\\ntrailer << /Root 1 0 R >>\\n%%EOF\\n";

/// The `data-document-id` of the patient's entry whose row shows `title`.
async fn entry_id(page: &chromiumoxide::page::Page, title: &str) -> anyhow::Result<String> {
    let find = format!(
        "(() => {{ const row = [...document.querySelectorAll('[data-document-id]')]\
         .find(r => r.innerText.includes({})); return row ? row.dataset.documentId : ''; }})()",
        serde_json::to_string(title)?
    );
    wait_until(page, &find).await?;
    Ok(eval(page, &find).await?.as_str().unwrap_or_default().to_owned())
}

/// The text of a message up to its first placeable (`{ $date }` …).
fn fixed_part(lang: &str, key: &str) -> anyhow::Result<String> {
    let message = catalogue_message(lang, key)?;
    Ok(message.split('{').next().unwrap_or_default().trim().to_owned())
}

/// Waits until the live region `selector` says exactly `message` of `lang`'s catalogue.
async fn says(
    page: &chromiumoxide::page::Page,
    selector: &str,
    lang: &str,
    key: &str,
) -> anyhow::Result<()> {
    let expected = serde_json::to_string(&catalogue_message(lang, key)?)?;
    let quoted = serde_json::to_string(selector)?;
    wait_until(
        page,
        &format!(
            "(() => {{ const e = document.querySelector({quoted}); \
             return e && e.innerText.trim() === {expected}; }})()"
        ),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_declares_organ_donation_in_french_on_a_phone_and_a_physician_reads_it_in_german()
-> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (_, national_id, activation_code) =
        demo.patient_codes.first().cloned().ok_or_else(|| anyhow::anyhow!("no demo patient"))?;
    let (_, _, enrol_link) = demo
        .professional_links
        .iter()
        .find(|(_, profession, _)| *profession == shared::Profession::Physician)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no demo physician"))?;

    // The patient, on a phone, in French.
    let patient_browser = Chromium::launch("fr-FR").await?;
    let patient = patient_browser.open("about:blank").await?;
    emulate_phone(&patient).await?;
    patient.goto(format!("{}/activate", server.origin)).await?;
    wait_for_app(&patient).await?;
    assert_eq!(eval(&patient, "window.innerWidth").await?, 390, "a phone's width");
    add_authenticator(&patient, Authenticator::Passkey).await?;
    fill(&patient, "#activate-national-id", &national_id).await?;
    fill(&patient, "#activate-code", &activation_code).await?;
    click(&patient, "#activate-button").await?;
    wait_for_path(&patient, "/patient").await?;
    click(&patient, "a[href='/patient/personal-space']").await?;
    wait_for_path(&patient, "/patient/personal-space").await?;
    wait_until(&patient, "document.querySelector('.wish-editor[data-wish=organ-donation] form')")
        .await?;
    assert_eq!(heading(&patient).await?, catalogue_message("fr", "personal-heading")?);
    let donation = ".wish-editor[data-wish=organ-donation]";

    // A "donate except" without its limits is refused, in French, and nothing is lost.
    click(&patient, "#wish-organ-donation-donate_except").await?;
    click(&patient, &format!("{donation} button.wish-save")).await?;
    says(&patient, &format!("{donation} > [role=alert]"), "fr", "error-wish-limits-required")
        .await?;
    assert_eq!(
        eval(&patient, "document.getElementById('wish-organ-donation-donate_except').checked")
            .await?,
        true
    );
    fill(&patient, "#wish-organ-donation-limits", LIMITS).await?;
    fill(&patient, "#wish-organ-donation-trusted-name", TRUSTED).await?;
    fill(&patient, "#wish-organ-donation-trusted-relation", "sœur").await?;
    fill(&patient, "#wish-organ-donation-trusted-phone", PHONE).await?;
    click(&patient, &format!("{donation} button.wish-save")).await?;
    says(&patient, &format!("{donation} > [role=status]"), "fr", "wish-saved").await?;
    let current = text_of(&patient, &format!("{donation} .wish-current")).await?;
    assert!(
        current.contains(&catalogue_message("fr", "wish-choice-donate-except")?)
            && current.contains(LIMITS)
            && current.contains(PHONE),
        "{current:?}"
    );
    assert!(current.contains(&fixed_part("fr", "wish-version-line")?), "{current:?}");

    // A note, then an edit of it: a new version whose text comes back as typed.
    fill(&patient, "#note-title", NOTE_TITLE).await?;
    fill(&patient, "#note-text", NOTE).await?;
    click(&patient, "#note-save").await?;
    wait_until(&patient, "document.querySelector('[data-document-id] .edit-note-button')").await?;
    click(&patient, "[data-document-id] .edit-note-button").await?;
    wait_until(
        &patient,
        &format!(
            "(() => {{ const t = document.querySelector('textarea.edit-note'); \
             return t && t.value === {}; }})()",
            serde_json::to_string(NOTE)?
        ),
    )
    .await?;
    fill(&patient, "textarea.edit-note", NOTE_EDITED).await?;
    click(&patient, "button.save-note").await?;
    wait_until(&patient, "!document.querySelector('textarea.edit-note')").await?;

    // A document of one's own, then withdrawn with a reason: it stays, marked, for the patient.
    let attached = eval(
        &patient,
        &format!(
            "(() => {{ const dt = new DataTransfer(); \
             dt.items.add(new File([\"{PDF}\"], 'carte.pdf', {{ type: 'application/pdf' }})); \
             const input = document.getElementById('own-file'); input.files = dt.files; \
             input.dispatchEvent(new Event('change', {{ bubbles: true }})); return input.files.length; }})()"
        ),
    )
    .await?;
    assert_eq!(attached, 1);
    fill(&patient, "#own-file-title", FILE_TITLE).await?;
    click(&patient, "#own-file-save").await?;
    let file = entry_id(&patient, FILE_TITLE).await?;
    let row = format!("[data-document-id='{file}']");
    click(&patient, &format!("{row} button.withdraw-entry")).await?;
    says(
        &patient,
        &format!("{row} .entry-controls [role=alert]"),
        "fr",
        "personal-reason-required",
    )
    .await?;
    fill(&patient, &format!("{row} input[id^=withdraw-reason]"), "doublon").await?;
    click(&patient, &format!("{row} button.withdraw-entry")).await?;
    wait_until(
        &patient,
        &format!(
            "document.querySelector(\"{row}\").innerText.includes({})",
            serde_json::to_string(&catalogue_message("fr", "personal-entry-withdrawn")?)?
        ),
    )
    .await?;
    // Nothing is wider than the phone.
    assert_eq!(
        eval(&patient, "document.documentElement.scrollWidth <= window.innerWidth").await?,
        true,
        "the personal space fits a phone's width"
    );

    // A connection code for the physician.
    patient.goto(format!("{}/patient/access", server.origin)).await?;
    wait_for_app(&patient).await?;
    click(&patient, "#connection-code-button").await?;
    wait_until(&patient, "document.getElementById('connection-code')").await?;
    let code = text_of(&patient, "#connection-code").await?;

    // The physician, in German, opens the record: the wishes stand at the top.
    let professional_browser = Chromium::launch("de-DE").await?;
    let professional = professional_browser.open(&enrol_link).await?;
    wait_for_app(&professional).await?;
    add_authenticator(&professional, Authenticator::SecurityKey).await?;
    click(&professional, "#enrol-button").await?;
    wait_for_path(&professional, "/professional").await?;
    wait_until(&professional, "document.getElementById('consult-national-id')").await?;
    fill(&professional, "#consult-national-id", &national_id).await?;
    fill(&professional, "#consult-code", &code).await?;
    click(&professional, "#consult-button").await?;
    click(&professional, "#consult-result a.record-link").await?;
    wait_until(&professional, "location.pathname.startsWith('/professional/records/')").await?;
    wait_until(
        &professional,
        "document.querySelector('#wishes-banner [data-wish=organ-donation]')",
    )
    .await?;
    assert_eq!(
        text_of(&professional, "#wishes-banner-heading").await?,
        catalogue_message("de", "wishes-banner-heading")?
    );
    let banner = text_of(&professional, "#wishes-banner [data-wish=organ-donation]").await?;
    for expected in [
        catalogue_message("de", "wish-kind-organ-donation")?,
        catalogue_message("de", "wish-choice-donate-except")?,
        LIMITS.to_owned(),
        TRUSTED.to_owned(),
        PHONE.to_owned(),
        fixed_part("de", "wish-signed-on")?,
    ] {
        assert!(banner.contains(&expected), "{expected:?} not in {banner:?}");
    }
    assert_eq!(
        eval(
            &professional,
            "document.getElementById('wishes-banner').compareDocumentPosition(\
             document.getElementById('record-documents-heading')) & Node.DOCUMENT_POSITION_FOLLOWING"
        )
        .await?,
        4,
        "the wishes come before the documents"
    );
    wait_until(&professional, "document.querySelector('[data-document-id]')").await?;
    let row = text_of(&professional, "[data-document-id]").await?;
    assert!(row.contains(NOTE_TITLE), "{row:?}");
    assert_eq!(
        eval(&professional, "document.querySelectorAll('[data-document-id]').length").await?,
        1,
        "the withdrawn document is not shown to the physician"
    );

    // The patient withdraws the wish: the physician no longer sees it.
    patient.goto(format!("{}/patient/personal-space", server.origin)).await?;
    wait_for_app(&patient).await?;
    click(&patient, &format!("{donation} button.wish-withdraw")).await?;
    says(&patient, &format!("{donation} > [role=status]"), "fr", "wish-withdrawn-done").await?;
    professional.reload().await?;
    wait_for_app(&professional).await?;
    wait_until(&professional, "document.getElementById('wishes-banner')").await?;
    assert_eq!(
        text_of(&professional, "#wishes-banner p").await?,
        catalogue_message("de", "wishes-banner-none")?
    );
    patient_browser.close().await?;
    professional_browser.close().await?;
    Ok(())
}
