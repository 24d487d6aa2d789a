//! Documents from end to end, in English and in Luxembourgish: a demo patient activates and
//! makes a connection code; a demo physician enrols, opens the record with it, follows the link
//! to the record and files a PDF through the upload form (with its progress bar; its accented
//! title travels in a header and comes back as typed); the patient sees the document, opens it
//! in the viewer (which says this page-less PDF cannot be drawn), finds it by category, hides it
//! from that physician by name (who, though its author, no longer sees it) and blocks another
//! physician;
//! the patient's history shows every step and filters by the physician's name; once the patient
//! blocks that physician too, the record is closed to them and their record page says so.

use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click, eval, fill,
    heading, text_of, wait_for_app, wait_for_path, wait_until,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_filed_document_is_seen_then_restricted_in_english() -> anyhow::Result<()> {
    journey("en", "en-GB").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_filed_document_is_seen_then_restricted_in_luxembourgish() -> anyhow::Result<()> {
    journey("lb", "lb-LU").await
}

/// Typed into the upload form: it travels percent-encoded in a header, and must come back as is.
const TITLE: &str = "Discharge letter — Hôpital d’été";

const PDF: &str =
    "%PDF-1.4\\n1 0 obj << /Type /Catalog >> endobj\\ntrailer << /Root 1 0 R >>\\n%%EOF\\n";

async fn journey(lang: &str, locale: &str) -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (_, national_id, activation_code) =
        demo.patient_codes.first().cloned().ok_or_else(|| anyhow::anyhow!("no demo patient"))?;
    let mut physicians = demo
        .professional_links
        .iter()
        .filter(|(_, profession, _)| *profession == shared::Profession::Physician);
    let (physician, _, enrol_link) =
        physicians.next().cloned().ok_or_else(|| anyhow::anyhow!("no demo physician"))?;
    let (other, _, _) =
        physicians.next().cloned().ok_or_else(|| anyhow::anyhow!("no second physician"))?;
    let family_name = |name: &str| name.rsplit(' ').next().unwrap_or_default().to_owned();

    // The patient activates and makes a connection code.
    let patient_browser = Chromium::launch(locale).await?;
    let patient = patient_browser.open(&format!("{}/activate", server.origin)).await?;
    wait_for_app(&patient).await?;
    add_authenticator(&patient, Authenticator::Passkey).await?;
    fill(&patient, "#activate-national-id", &national_id).await?;
    fill(&patient, "#activate-code", &activation_code).await?;
    click(&patient, "#activate-button").await?;
    wait_for_path(&patient, "/patient").await?;
    click(&patient, "a[href='/patient/access']").await?;
    wait_for_path(&patient, "/patient/access").await?;
    click(&patient, "#connection-code-button").await?;
    wait_until(&patient, "document.getElementById('connection-code')").await?;
    let code = text_of(&patient, "#connection-code").await?;

    // The physician opens the record and files a PDF.
    let professional_browser = Chromium::launch(locale).await?;
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
    wait_until(&professional, "document.getElementById('upload-button')").await?;
    assert_eq!(heading(&professional).await?, catalogue_message(lang, "record-heading")?);
    wait_until(&professional, "document.getElementById('documents-empty')").await?;
    let attached = eval(
        &professional,
        &format!(
            "(() => {{ const dt = new DataTransfer(); \
             dt.items.add(new File([\"{PDF}\"], 'discharge-letter.pdf', {{ type: 'application/pdf' }})); \
             const input = document.getElementById('upload-file'); input.files = dt.files; \
             input.dispatchEvent(new Event('change', {{ bubbles: true }})); return input.files.length; }})()"
        ),
    )
    .await?;
    assert_eq!(attached, 1);
    // The file's name is offered as the title.
    wait_until(
        &professional,
        "document.getElementById('upload-title').value === 'discharge-letter'",
    )
    .await?;
    fill(&professional, "#upload-category", "care-reports").await?;
    fill(&professional, "#upload-title", TITLE).await?;
    let today = eval(&professional, "new Date().toISOString().slice(0, 10)").await?;
    fill(&professional, "#upload-date", today.as_str().unwrap_or_default()).await?;
    click(&professional, "#upload-button").await?;
    wait_until(
        &professional,
        "document.querySelector('#upload-result [role=status]').innerText.trim()",
    )
    .await?;
    assert_eq!(eval(&professional, "document.getElementById('upload-progress').value").await?, 100);
    wait_until(&professional, "document.querySelector('[data-document-id] button.view-document')")
        .await?;
    let row = text_of(&professional, "[data-document-id]").await?;
    assert!(row.contains(TITLE) && row.contains("PDF"), "{row:?}");

    // The patient sees it, views it, and hides it from the physician.
    patient.goto(format!("{}/patient/documents", server.origin)).await?;
    wait_for_app(&patient).await?;
    assert_eq!(heading(&patient).await?, catalogue_message(lang, "documents-heading")?);
    wait_until(&patient, "document.querySelector('[data-document-id] input.restriction-mode')")
        .await?;
    let row = text_of(&patient, "[data-document-id]").await?;
    assert!(row.contains(TITLE) && row.contains(&physician), "{row:?}");
    click(&patient, "[data-document-id] button.view-document").await?;
    // This PDF has no page to draw: the viewer says so, in the patient's language (the pages of
    // real PDFs, images, CDA and FHIR documents are checked in viewer.rs).
    wait_until(&patient, "document.querySelector('#document-viewer [role=alert] p')").await?;
    assert_eq!(
        text_of(&patient, "#document-viewer [role=alert] p").await?,
        catalogue_message(lang, "documents-viewer-unreadable")?
    );
    click(&patient, "#documents-by-category").await?;
    // The view in force is marked for the eye as for assistive technology.
    let marked = eval(
        &patient,
        "(() => { const on = document.getElementById('documents-by-category'); \
         const off = document.getElementById('documents-timeline'); \
         const bg = e => getComputedStyle(e).backgroundColor; \
         return on.getAttribute('aria-pressed') === 'true' \
           && off.getAttribute('aria-pressed') === 'false' && bg(on) !== bg(off); })()",
    )
    .await?;
    assert_eq!(marked, true, "the active view looks different from the other");
    wait_until(
        &patient,
        "document.querySelector('[data-category=care-reports] [data-document-id]')",
    )
    .await?;
    click(&patient, "[data-document-id] input.restriction-mode[value=hidden_from]").await?;
    fill(&patient, "[data-document-id] input.restriction-search", &family_name(&physician)).await?;
    click(&patient, "[data-document-id] button.restriction-search-button").await?;
    click(&patient, "[data-document-id] button.hide-from").await?;
    wait_until(&patient, "document.querySelector('[data-document-id] [data-hidden-from]')").await?;
    click(&patient, "[data-document-id] button.save-restriction").await?;
    wait_until(
        &patient,
        "document.querySelector('[data-document-id] [role=status]').innerText.trim()",
    )
    .await?;
    assert_eq!(
        text_of(&patient, "[data-document-id] [role=status]").await?,
        catalogue_message(lang, "documents-restriction-saved")?
    );

    // The patient blocks another physician.
    patient.goto(format!("{}/patient/access", server.origin)).await?;
    wait_for_app(&patient).await?;
    wait_until(&patient, "document.getElementById('directory-search')").await?;
    fill(&patient, "#directory-search", &family_name(&other)).await?;
    click(&patient, "form[role=search] button[type=submit]").await?;
    click(&patient, "[data-professional-id] button.block-professional").await?;
    wait_until(&patient, "document.querySelector('[data-blocked-id]')").await?;
    assert!(text_of(&patient, "[data-blocked-id]").await?.contains(&other));

    // The physician no longer sees it: the record opens, without the document.
    professional.reload().await?;
    wait_for_app(&professional).await?;
    wait_until(&professional, "document.getElementById('documents-empty')").await?;
    assert_eq!(
        eval(&professional, "document.querySelector('[data-document-id]') === null").await?,
        true
    );

    // The patient's history shows every step, in the patient's language, newest first.
    patient.goto(format!("{}/patient/history", server.origin)).await?;
    wait_for_app(&patient).await?;
    assert_eq!(heading(&patient).await?, catalogue_message(lang, "history-heading")?);
    let steps = [
        "connection_code_issued",
        "link_opened",
        "document_filed",
        "document_restricted",
        "professional_blocked",
        "record_opened",
    ];
    for step in steps {
        wait_until(&patient, &format!("document.querySelector('li[data-action={step}]')")).await?;
    }
    let filed = text_of(&patient, "li[data-action=document_filed]").await?;
    assert!(filed.contains(&physician) && filed.contains(TITLE), "{filed:?}");
    let blocked = text_of(&patient, "li[data-action=professional_blocked]").await?;
    assert!(blocked.contains(&other), "{blocked:?}");
    // Filter by the physician by name: only their acts remain.
    wait_until(&patient, &format!(
        "Array.from(document.querySelectorAll('#history-actor option')).some(o => o.textContent.includes({}))",
        serde_json::to_string(&physician)?
    )).await?;
    eval(&patient, &format!(
        "(() => {{ const s = document.getElementById('history-actor'); \
         const o = Array.from(s.options).find(o => o.textContent.includes({})); \
         s.value = o.value; s.dispatchEvent(new Event('change', {{ bubbles: true }})); return o.value; }})()",
        serde_json::to_string(&physician)?
    )).await?;
    // The filter button is a styled button of the app, not the browser's default.
    let styled = eval(
        &patient,
        "getComputedStyle(document.querySelector('form.filters button[type=submit]')).backgroundColor \
         === getComputedStyle(document.querySelector('.button-primary')).backgroundColor \
         && document.querySelector('form.filters button[type=submit]').classList.contains('button-primary')",
    )
    .await?;
    assert_eq!(styled, true);
    click(&patient, "form.filters button[type=submit]").await?;
    wait_until(&patient, "document.querySelector('li[data-action=professional_blocked]') === null && document.querySelector('li[data-action=document_filed]') !== null").await?;

    // Once the patient blocks the physician too, the record is closed to them.
    patient.goto(format!("{}/patient/access", server.origin)).await?;
    wait_for_app(&patient).await?;
    wait_until(&patient, "document.getElementById('directory-search')").await?;
    fill(&patient, "#directory-search", &family_name(&physician)).await?;
    click(&patient, "form[role=search] button[type=submit]").await?;
    wait_until(&patient, "document.querySelectorAll('[data-blocked-id]').length === 1 && document.querySelector('[data-professional-id] button.block-professional')").await?;
    click(&patient, "[data-professional-id] button.block-professional").await?;
    wait_until(&patient, "document.querySelectorAll('[data-blocked-id]').length === 2").await?;
    professional.reload().await?;
    wait_for_app(&professional).await?;
    let refused = serde_json::to_string(&catalogue_message(lang, "record-not-found")?)?;
    wait_until(
        &professional,
        &format!("Array.from(document.querySelectorAll('[role=alert]')).some(e => e.innerText.trim() === {refused})"),
    )
    .await?;
    assert_eq!(
        eval(&professional, "document.querySelector('[data-document-id]') === null").await?,
        true
    );
    professional_browser.close().await?;
    patient_browser.close().await
}
