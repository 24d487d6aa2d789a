//! A way in for records nobody activated, from end to end, in French at 1280 px and in
//! Luxembourgish at 390 px: an agent opens a patient's record in the console and downloads the
//! letter, which carries the activation code and the practice code; the patient never
//! activates; a month later (the objection window over) a physician enrols and, at the visit,
//! types the national ID and the practice code the patient reads from the letter: a wrong code
//! first gets the translated vague refusal, the right one opens a 15-day consultation link and
//! the record; the code then works no more, and the act is in the record's audit trail. When
//! the patient activates at last, their page tells them who used the code, and the access page
//! says it is used and makes a new one.

use chromiumoxide::page::Page;
use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click,
    codes_in_text, emulate_phone, eval, fill, letter_codes, text_of, wait_for_app, wait_for_path,
    wait_until,
};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use shared::NationalId;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_physician_reaches_a_record_nobody_activated_in_french() -> anyhow::Result<()> {
    journey("fr", "fr-LU", "19610203045", false).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_physician_reaches_a_record_nobody_activated_in_luxembourgish_on_a_phone()
-> anyhow::Result<()> {
    journey("lb", "lb-LU", "19720415061", true).await
}

/// The text of a message up to its first placeable (`{ $date }` …).
fn fixed_part(lang: &str, key: &str) -> anyhow::Result<String> {
    let message = catalogue_message(lang, key)?;
    Ok(message.split('{').next().unwrap_or_default().trim().to_owned())
}

async fn journey(lang: &str, locale: &str, first_eleven: &str, phone: bool) -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    // The directory's organisations and its physicians come from the demo data.
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (physician, _, enrol_link) = demo
        .professional_links
        .iter()
        .find(|(_, profession, _)| *profession == shared::Profession::Physician)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no demo physician"))?;
    let (_, agent_code) = dsp::services::agents::create_agent(&server.state, "Agnès Reding")
        .await
        .map_err(|e| anyhow::anyhow!("create_agent: {e:?}"))?;
    let national_id = NationalId::from_first_eleven(first_eleven)?.as_str().to_owned();

    // The agent opens the record and prints the letter.
    let agent = Chromium::launch(locale).await?;
    let console = agent.open(&agent_code.link).await?;
    let codes = letter_from_console(lang, &console, &national_id).await?;
    agent.close().await?;
    let [activation_code, practice_code] = codes.as_slice() else {
        anyhow::bail!("the letter shows two codes, not {codes:?}");
    };
    assert_ne!(activation_code, practice_code);

    // The patient never activates. A month passes: the objection window is over.
    let month_ago = chrono::Utc::now() - chrono::TimeDelta::days(31);
    dsp::entity::patient::Entity::update_many()
        .col_expr(dsp::entity::patient::Column::LetterIssuedAt, Expr::value(month_ago))
        .filter(dsp::entity::patient::Column::NationalId.eq(national_id.as_str()))
        .exec(&server.state.db)
        .await?;

    // At the visit, a physician types the national ID and the code the patient reads out.
    let browser = Chromium::launch(locale).await?;
    let page = browser.open(&enrol_link).await?;
    if phone {
        emulate_phone(&page).await?;
    }
    wait_for_app(&page).await?;
    assert_eq!(eval(&page, "document.documentElement.lang").await?, lang);
    add_authenticator(&page, Authenticator::SecurityKey).await?;
    click(&page, "#enrol-button").await?;
    wait_for_path(&page, "/professional").await?;
    wait_until(&page, "document.getElementById('practice-consult-national-id')").await?;
    assert_eq!(
        text_of(&page, "#practice-consult-heading").await?,
        catalogue_message(lang, "practice-consult-heading")?
    );
    fill(&page, "#practice-consult-national-id", &national_id).await?;
    fill(&page, "#practice-consult-code", "ZZZZ-ZZZZ-ZZZZ").await?;
    click(&page, "#practice-consult-button").await?;
    wait_until(
        &page,
        "document.querySelector('#practice-consult-result [role=alert]')?.innerText.trim()",
    )
    .await?;
    let refused = text_of(&page, "#practice-consult-result [role=alert]").await?;
    let expected = catalogue_message(lang, "error-practice-code-failed")?;
    assert!(refused.starts_with(&expected), "{refused:?} should start with {expected:?}");
    // Read out as people do: lower case, spaces for dashes.
    let spoken = practice_code.to_lowercase().replace('-', " ");
    fill(&page, "#practice-consult-code", &spoken).await?;
    click(&page, "#practice-consult-button").await?;
    wait_until(
        &page,
        "document.querySelector('#practice-consult-result [role=status]')?.innerText.trim()",
    )
    .await?;
    let opened = text_of(&page, "#practice-consult-result [role=status]").await?;
    assert!(opened.starts_with(&fixed_part(lang, "consult-opened")?), "{opened:?}");
    if phone {
        assert_eq!(
            eval(&page, "document.documentElement.scrollWidth <= window.innerWidth").await?,
            true,
            "nothing wider than the phone"
        );
    }
    click(&page, "#practice-consult-result a.record-link").await?;
    wait_until(&page, "location.pathname.startsWith('/professional/records/')").await?;

    // The code worked once: typed again, it is refused.
    page.goto(format!("{}/professional", server.origin)).await?;
    wait_for_app(&page).await?;
    wait_until(&page, "document.getElementById('practice-consult-national-id')").await?;
    fill(&page, "#practice-consult-national-id", &national_id).await?;
    fill(&page, "#practice-consult-code", practice_code).await?;
    click(&page, "#practice-consult-button").await?;
    wait_until(
        &page,
        "document.querySelector('#practice-consult-result [role=alert]')?.innerText.trim()",
    )
    .await?;
    let again = text_of(&page, "#practice-consult-result [role=alert]").await?;
    assert!(again.starts_with(&expected), "{again:?}");
    browser.close().await?;

    // In the record's audit trail: two refusals and the opening, each via the practice code.
    let entries = dsp::entity::audit_event::Entity::find()
        .filter(dsp::entity::audit_event::Column::Action.eq("link_opened"))
        .all(&server.state.db)
        .await?;
    // (The demo's own consultation link is there too, opened with no practice code.)
    let by_code: Vec<_> = entries.iter().filter(|e| e.detail.contains("practice_code")).collect();
    let outcomes: Vec<&str> = by_code.iter().map(|e| e.outcome.as_str()).collect();
    assert_eq!(outcomes, ["failure", "success", "failure"]);

    // The patient activates at last: told who used the code; the access page makes a new one.
    let patient_browser = Chromium::launch(locale).await?;
    let patient = patient_browser.open(&format!("{}/activate", server.origin)).await?;
    if phone {
        emulate_phone(&patient).await?;
    }
    wait_for_app(&patient).await?;
    add_authenticator(&patient, Authenticator::Passkey).await?;
    fill(&patient, "#activate-national-id", &national_id).await?;
    fill(&patient, "#activate-code", activation_code).await?;
    click(&patient, "#activate-button").await?;
    wait_for_path(&patient, "/patient").await?;
    let told = catalogue_message(lang, "notification-practice-code-used")?;
    let told = told.split('}').nth(1).unwrap_or_default().trim().to_owned();
    wait_until(
        &patient,
        &format!("document.body.innerText.includes({})", serde_json::to_string(&told)?),
    )
    .await?;
    let body = text_of(&patient, "body").await?;
    assert!(body.contains(&format!("{physician} {told}")), "{physician} is named: {body:?}");
    click(&patient, "a[href='/patient/access']").await?;
    wait_for_path(&patient, "/patient/access").await?;
    wait_until(&patient, "document.getElementById('practice-code-state')").await?;
    let state = text_of(&patient, "#practice-code-state").await?;
    assert!(state.starts_with(&fixed_part(lang, "practice-state-used")?), "{state:?}");
    click(&patient, "#practice-code-button").await?;
    wait_until(&patient, "document.getElementById('practice-code')").await?;
    let fresh = text_of(&patient, "#practice-code").await?;
    assert_eq!(codes_in_text(&fresh), std::slice::from_ref(&fresh), "a code like the letter's");
    assert_ne!(&fresh, practice_code);
    wait_until(
        &patient,
        &format!(
            "document.getElementById('practice-code-state').innerText.startsWith({})",
            serde_json::to_string(&fixed_part(lang, "practice-state-ready")?)?
        ),
    )
    .await?;
    if phone {
        assert_eq!(
            eval(&patient, "document.documentElement.scrollWidth <= window.innerWidth").await?,
            true,
            "nothing wider than the phone"
        );
    }
    patient_browser.close().await
}

/// The agent enrols, opens the record and downloads its letter; returns the letter's codes.
async fn letter_from_console(
    lang: &str,
    page: &Page,
    national_id: &str,
) -> anyhow::Result<Vec<String>> {
    wait_for_app(page).await?;
    add_authenticator(page, Authenticator::SecurityKey).await?;
    click(page, "#enrol-button").await?;
    wait_for_path(page, "/agency").await?;
    wait_until(page, "document.getElementById('patient-national-id')").await?;
    fill(page, "#patient-national-id", national_id).await?;
    fill(page, "#patient-given-name", "Jeanne").await?;
    fill(page, "#patient-family-name", "Kieffer").await?;
    let birth_date =
        format!("{}-{}-{}", &national_id[0..4], &national_id[4..6], &national_id[6..8]);
    fill(page, "#patient-birth-date", &birth_date).await?;
    fill(page, "#patient-language", lang).await?;
    fill(page, "#patient-street", "3, rue de l’Alzette").await?;
    fill(page, "#patient-postal-code", "L-4011").await?;
    fill(page, "#patient-city", "Esch-sur-Alzette").await?;
    fill(page, "#patient-country", "LU").await?;
    click(page, "#patient-create-button").await?;
    let row = format!("[data-patient-id][data-national-id='{national_id}']");
    wait_until(page, &format!("document.querySelector(\"{row} button.download-letter\")")).await?;
    assert_eq!(
        text_of(page, &format!("{row} [id^=practice-note-]")).await?,
        catalogue_message(lang, "agency-letter-practice")?,
        "the console says the letter carries a new practice code"
    );
    // Keep the PDF the app hands to the browser.
    eval(
        page,
        "(() => { window.__dspBlobs = []; const original = URL.createObjectURL.bind(URL); \
         URL.createObjectURL = (blob) => { window.__dspBlobs.push(blob); return original(blob); }; \
         return true; })()",
    )
    .await?;
    click(page, &format!("{row} button.download-letter")).await?;
    wait_until(page, "window.__dspBlobs.length > 0").await?;
    let pdf = eval(
        page,
        "(async () => { const blob = window.__dspBlobs[0]; \
         const bytes = new Uint8Array(await blob.arrayBuffer()); let text = ''; \
         for (const b of bytes) text += String.fromCharCode(b); \
         return { type: blob.type, text }; })()",
    )
    .await?;
    assert_eq!(pdf["type"], "application/pdf");
    letter_codes(pdf["text"].as_str().unwrap_or_default())
}
