//! Sign-in from end to end, in a real browser with virtual authenticators, in French and in
//! German: an agent enrols a USB security key with the link from `create_agent`, opens a
//! patient's record in the console and downloads the information letter; the patient (another
//! browser, a synced platform passkey) activates with the letter's code, signs out and signs in
//! again with the passkey alone, and manages their passkeys (the only one cannot be removed; a
//! removal with a stale verification asks to confirm first); a professional added by the agent
//! enrols a security key with the code the console shows once, and signs in. Any failed step fails
//! the test.

use chromiumoxide::cdp::browser_protocol::web_authn::{
    AuthenticatorId, RemoveVirtualAuthenticatorParams,
};
use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click, eval, fill,
    letter_codes, text_of, wait_for_app, wait_for_path, wait_until,
};
use sea_orm::ConnectionTrait;
use shared::NationalId;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agent_patient_and_professional_sign_in_in_french() -> anyhow::Result<()> {
    journey("fr", "fr-LU", "19900101123").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agent_patient_and_professional_sign_in_in_german() -> anyhow::Result<()> {
    journey("de", "de-DE", "19781224456").await
}

/// What the agent hands out: the patient's national ID and letter code, the professional's link.
struct Handouts {
    national_id: String,
    activation_code: String,
    professional_link: String,
}

async fn journey(lang: &str, locale: &str, first_eleven: &str) -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    // The directory's organisations (and a few demo records) come from the demo data.
    dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (_, agent_code) = dsp::services::agents::create_agent(&server.state, "Agnès Reding")
        .await
        .map_err(|e| anyhow::anyhow!("create_agent: {e:?}"))?;
    let national_id = NationalId::from_first_eleven(first_eleven)?.as_str().to_owned();

    let (agent, console, handouts) =
        agent_console(lang, locale, &agent_code.link, &agent_code.code, &national_id).await?;
    patient_activates(lang, locale, &server, &handouts).await?;
    let recovery_code = recovery_letter(lang, &console, &national_id).await?;
    agent.close().await?;
    patient_recovers(lang, locale, &server, &national_id, &recovery_code).await?;
    professional_enrols(lang, locale, &handouts.professional_link).await?;
    Ok(())
}

/// The agent enrols, opens a record, downloads its letter, adds a professional and issues a code;
/// the console stays open (the browser and its page).
async fn agent_console(
    lang: &str,
    locale: &str,
    link: &str,
    code: &str,
    national_id: &str,
) -> anyhow::Result<(Chromium, chromiumoxide::page::Page, Handouts)> {
    let browser = Chromium::launch(locale).await?;
    let page = browser.open(link).await?;
    wait_for_app(&page).await?;
    assert_eq!(eval(&page, "document.documentElement.lang").await?, lang);
    add_authenticator(&page, Authenticator::SecurityKey).await?;
    assert_eq!(
        eval(&page, "document.getElementById('enrol-code').value").await?,
        code,
        "the code comes from the link's fragment"
    );
    click(&page, "#enrol-button").await?;
    wait_for_path(&page, "/agency").await?;
    wait_until(&page, "document.getElementById('signed-in-as')").await?;
    assert_eq!(text_of(&page, "#signed-in-as").await?, "Agnès Reding");

    // Open a record; the birth date follows the national ID.
    wait_until(&page, "document.getElementById('patient-national-id')").await?;
    fill(&page, "#patient-national-id", national_id).await?;
    fill(&page, "#patient-given-name", "Léa").await?;
    fill(&page, "#patient-family-name", "Schmit").await?;
    let birth_date =
        format!("{}-{}-{}", &national_id[0..4], &national_id[4..6], &national_id[6..8]);
    fill(&page, "#patient-birth-date", &birth_date).await?;
    fill(&page, "#patient-language", lang).await?;
    fill(&page, "#patient-street", "12, rue de la Gare").await?;
    fill(&page, "#patient-postal-code", "L-1611").await?;
    fill(&page, "#patient-city", "Luxembourg").await?;
    fill(&page, "#patient-country", "LU").await?;
    click(&page, "#patient-create-button").await?;
    let row = format!("[data-patient-id][data-national-id='{national_id}']");
    wait_until(&page, &format!("document.querySelector(\"{row} button.download-letter\")")).await?;
    assert!(!text_of(&page, "#patient-create-status").await?.is_empty(), "says the record is open");

    // Download the letter through the button; keep the PDF the app hands to the browser.
    eval(
        &page,
        "(() => { window.__dspBlobs = []; const original = URL.createObjectURL.bind(URL); \
         URL.createObjectURL = (blob) => { window.__dspBlobs.push(blob); return original(blob); }; \
         return true; })()",
    )
    .await?;
    click(&page, &format!("{row} button.download-letter")).await?;
    wait_until(&page, "window.__dspBlobs.length > 0").await?;
    let pdf = eval(
        &page,
        "(async () => { const blob = window.__dspBlobs[0]; \
         const bytes = new Uint8Array(await blob.arrayBuffer()); let text = ''; \
         for (const b of bytes) text += String.fromCharCode(b); \
         return { type: blob.type, text }; })()",
    )
    .await?;
    assert_eq!(pdf["type"], "application/pdf");
    let pdf_text = pdf["text"].as_str().unwrap_or_default();
    assert!(pdf_text.starts_with("%PDF"), "the download is a PDF");
    let activation_code = letter_codes(pdf_text)?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("no XXXX-XXXX-XXXX code in the letter"))?;
    wait_until(&page, &format!("document.querySelector(\"{row} [role=status]\").innerText.trim()"))
        .await?;

    // Add a professional and issue their enrolment code.
    let licence = format!("M-{}", &national_id[2..8]);
    wait_until(&page, "document.querySelectorAll('#professional-organisation option').length > 1")
        .await?;
    fill(&page, "#professional-given-name", "Paul").await?;
    fill(&page, "#professional-family-name", "Reuter").await?;
    fill(&page, "#professional-profession", "MED").await?;
    fill(&page, "#professional-licence", &licence).await?;
    let organisation = eval(
        &page,
        "document.querySelector('#professional-organisation option:not([value=\"\"])').value",
    )
    .await?;
    fill(&page, "#professional-organisation", organisation.as_str().unwrap_or_default()).await?;
    assert_eq!(
        eval(&page, "document.querySelectorAll('#professional-profession option[value]:not([value=\"\"])').length").await?,
        10,
        "the ten professions of the directory, without REF"
    );
    click(&page, "#professional-create-button").await?;
    let professional_row = format!("[data-professional-id][data-licence='{licence}']");
    click(&page, &format!("{professional_row} button.issue-enrolment-code")).await?;
    wait_until(&page, "document.getElementById('issued-enrolment-link')").await?;
    let professional_code = text_of(&page, "#issued-enrolment-code").await?;
    let professional_link = text_of(&page, "#issued-enrolment-link").await?;
    assert!(
        professional_link.ends_with(&format!("/enrol#code={professional_code}")),
        "{professional_link} carries {professional_code}"
    );
    let handouts =
        Handouts { national_id: national_id.to_owned(), activation_code, professional_link };
    Ok((browser, page, handouts))
}

/// The patient lost their phone: the agent finds the (now activated) record, which says that a
/// new letter is a recovery letter, and downloads it; returns its code.
async fn recovery_letter(
    lang: &str,
    page: &chromiumoxide::page::Page,
    national_id: &str,
) -> anyhow::Result<String> {
    fill(page, "#patient-search", national_id).await?;
    click(page, "form.search button[type=submit]").await?;
    let row = format!("[data-patient-id][data-national-id='{national_id}']");
    wait_until(page, &format!("document.querySelector(\"{row} .badge.state-activated\")")).await?;
    assert_eq!(
        text_of(page, &format!("{row} [id^=letter-note-]")).await?,
        catalogue_message(lang, "agency-letter-recovery")?
    );
    // The recovery letter is in the helpdesk tools, after the identity check.
    let buttons =
        eval(page, &format!("document.querySelectorAll(\"{row} button.download-letter\").length"))
            .await?;
    assert_eq!(buttons.as_u64(), Some(0), "no plain letter for an activated record");
    click(page, &format!("{row} details.helpdesk-record summary")).await?;
    for document in ["id_card", "social_security_card"] {
        click(page, &format!("{row} .identity-check input[data-document='{document}']")).await?;
    }
    click(page, &format!("{row} button.recovery-letter")).await?;
    wait_until(page, "window.__dspBlobs.length > 1").await?;
    let pdf = eval(
        page,
        "(async () => { const bytes = new Uint8Array(await window.__dspBlobs[1].arrayBuffer()); \
         let text = ''; for (const b of bytes) text += String.fromCharCode(b); return text; })()",
    )
    .await?;
    letter_codes(pdf.as_str().unwrap_or_default())?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("no XXXX-XXXX-XXXX code in the recovery letter"))
}

/// On a new phone, the recovery letter's code: the page says what it does and asks; the patient
/// confirms, lands on their portal with a new passkey, and is told what happened.
async fn patient_recovers(
    lang: &str,
    locale: &str,
    server: &TestServer,
    national_id: &str,
    code: &str,
) -> anyhow::Result<()> {
    let browser = Chromium::launch(locale).await?;
    let page = browser.open(&format!("{}/activate", server.origin)).await?;
    wait_for_app(&page).await?;
    add_authenticator(&page, Authenticator::Passkey).await?;
    fill(&page, "#activate-national-id", national_id).await?;
    fill(&page, "#activate-code", code).await?;
    click(&page, "#activate-button").await?;
    wait_until(&page, "document.getElementById('activate-recovery')").await?;
    assert_eq!(
        text_of(&page, "#activate-recovery-heading").await?,
        catalogue_message(lang, "activate-recovery-heading")?
    );
    assert_eq!(
        eval(&page, "document.activeElement.id").await?,
        "activate-recovery-heading",
        "the warning is read first"
    );
    click(&page, "#activate-recovery-confirm").await?;
    wait_for_path(&page, "/patient").await?;
    wait_until(&page, "document.querySelector('[data-notification-id]')").await?;
    let told = catalogue_message(lang, "notification-credential-recovery")?;
    wait_until(
        &page,
        &format!(
            "Array.from(document.querySelectorAll('[data-notification-id]')).some(n => \
             n.innerText.includes({}))",
            serde_json::to_string(&told)?
        ),
    )
    .await?;
    click(&page, "nav a[href='/security']").await?;
    wait_for_path(&page, "/security").await?;
    wait_until(&page, "document.querySelectorAll('[data-credential-id]').length === 1").await?;
    wait_until(&page, "document.querySelector('[data-credential-id] .last-credential')").await?;
    browser.close().await
}

/// The patient activates with a passkey, signs out, and signs in with the passkey alone.
async fn patient_activates(
    lang: &str,
    locale: &str,
    server: &TestServer,
    handouts: &Handouts,
) -> anyhow::Result<()> {
    let browser = Chromium::launch(locale).await?;
    let page = browser.open(&format!("{}/activate", server.origin)).await?;
    wait_for_app(&page).await?;
    assert_eq!(eval(&page, "document.documentElement.lang").await?, lang);
    let phone = add_authenticator(&page, Authenticator::Passkey).await?;

    // The national ID is explained as it is typed.
    fill(&page, "#activate-national-id", &handouts.national_id[..6]).await?;
    wait_until(
        &page,
        "document.getElementById('activate-national-id-message').innerText.includes('7')",
    )
    .await?;
    let wrong_check = format!(
        "{}{}",
        &handouts.national_id[..12],
        (handouts.national_id.as_bytes()[12] - b'0' + 1) % 10
    );
    fill(&page, "#activate-national-id", &wrong_check).await?;
    wait_until(
        &page,
        "document.getElementById('activate-national-id').getAttribute('aria-invalid') === 'true'",
    )
    .await?;
    let spaced = format!("{} {}", &handouts.national_id[..8], &handouts.national_id[8..]);
    fill(&page, "#activate-national-id", &spaced).await?;
    wait_until(&page, "document.querySelector('#activate-national-id-message.field-ok')").await?;

    // A wrong code is refused, in the person's language.
    fill(&page, "#activate-code", "AAAA-AAAA-AAAA").await?;
    click(&page, "#activate-button").await?;
    let refused = catalogue_message(lang, "error-activation-failed")?;
    wait_until(&page, "document.getElementById('activate-error').innerText.trim()").await?;
    let shown = text_of(&page, "#activate-error").await?;
    assert!(shown.starts_with(&refused), "{shown:?} should start with {refused:?}");

    fill(&page, "#activate-code", &handouts.activation_code).await?;
    click(&page, "#activate-button").await?;
    wait_for_path(&page, "/patient").await?;
    wait_until(&page, "document.getElementById('signed-in-as')").await?;
    assert_eq!(text_of(&page, "#signed-in-as").await?, "Léa Schmit");

    sign_out_and_in(lang, &page, "/patient").await?;
    assert_eq!(text_of(&page, "#signed-in-as").await?, "Léa Schmit");
    security_page(lang, &page, server, phone).await?;
    browser.close().await
}

/// The patient's security page: their synced passkey (renamed inline; the only one, so it cannot
/// be removed and the page says what to do instead), this session, adding a passkey on an
/// authenticator that already holds one, then on a new one; and removing a passkey once the
/// verification is stale, which asks to confirm with a passkey first.
async fn security_page(
    lang: &str,
    page: &chromiumoxide::page::Page,
    server: &TestServer,
    phone: AuthenticatorId,
) -> anyhow::Result<()> {
    click(page, "nav a[href='/security']").await?;
    wait_for_path(page, "/security").await?;
    wait_until(page, "document.querySelectorAll('[data-credential-id]').length === 1").await?;
    let kind = text_of(page, "[data-credential-id] .facts div:first-child dd").await?;
    assert_eq!(kind, catalogue_message(lang, "security-synced")?);
    wait_until(page, "document.querySelector('[data-session-id] .badge')").await?;
    assert_eq!(
        text_of(page, "[data-session-id] .badge").await?,
        catalogue_message(lang, "security-this-device")?
    );
    assert_eq!(
        eval(page, "document.querySelector('button.remove-credential') === null").await?,
        true,
        "the only passkey cannot be removed"
    );
    assert_eq!(
        text_of(page, "[data-credential-id] .last-credential").await?,
        catalogue_message(lang, "security-last-passkey")?
    );

    click(page, "button.rename-credential").await?;
    fill(page, "form.rename input", "Téléphone de Léa").await?;
    click(page, "form.rename button[type=submit]").await?;
    wait_until(
        page,
        "document.querySelector('[data-credential-id] .row-title').innerText === 'Téléphone de Léa'",
    )
    .await?;

    // The same authenticator cannot hold a second passkey for the same person: the browser
    // refuses (InvalidStateError), and the page says so.
    fill(page, "#new-credential-name", "Deuxième").await?;
    click(page, "#add-credential-button").await?;
    wait_until(page, "document.getElementById('add-credential-error').innerText.trim()").await?;
    assert_eq!(
        text_of(page, "#add-credential-error").await?,
        catalogue_message(lang, "ceremony-already-registered")?
    );

    // A new phone (the old one is put away): a second passkey; now either can be removed.
    page.execute(RemoveVirtualAuthenticatorParams::new(phone)).await?;
    add_authenticator(page, Authenticator::Passkey).await?;
    click(page, "#add-credential-button").await?;
    wait_until(page, "document.querySelectorAll('[data-credential-id]').length === 2").await?;
    wait_until(page, "document.querySelectorAll('button.remove-credential').length === 2").await?;
    assert_eq!(eval(page, "document.querySelector('.last-credential') === null").await?, true);

    // Later (the verification is stale): removing the new passkey first asks to confirm with a
    // passkey, which the new phone does; then it goes, and the phone's is the last one again.
    server.state.db.execute_unprepared("UPDATE sessions SET reverified_at = NULL").await?;
    eval(
        page,
        "(() => { const row = Array.from(document.querySelectorAll('[data-credential-id]')) \
           .find(r => r.querySelector('.row-title').innerText === 'Deuxième'); \
         row.querySelector('button.remove-credential').click(); return true; })()",
    )
    .await?;
    click(page, "button.confirm-remove-credential").await?;
    wait_until(page, "document.querySelectorAll('[data-credential-id]').length === 1").await?;
    assert_eq!(
        text_of(page, "#credentials-status").await?,
        catalogue_message(lang, "security-removed")?
    );
    wait_until(page, "document.querySelector('[data-credential-id] .last-credential')").await?;
    let removals = audit_outcomes(server, "credential_removed").await?;
    assert_eq!(removals, ["failure", "success"], "refused while stale, then removed");
    assert!(audit_outcomes(server, "reverification").await?.contains(&"success".to_owned()));
    Ok(())
}

/// The outcomes of the audit entries with `action`, oldest first.
async fn audit_outcomes(server: &TestServer, action: &str) -> anyhow::Result<Vec<String>> {
    use dsp::entity::audit_event;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    Ok(audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .order_by_asc(audit_event::Column::Id)
        .all(&server.state.db)
        .await?
        .into_iter()
        .map(|e| e.outcome)
        .collect())
}

/// The professional enrols a security key with the link the console showed, and signs in.
async fn professional_enrols(lang: &str, locale: &str, link: &str) -> anyhow::Result<()> {
    let browser = Chromium::launch(locale).await?;
    let page = browser.open(link).await?;
    wait_for_app(&page).await?;
    add_authenticator(&page, Authenticator::SecurityKey).await?;
    click(&page, "#enrol-button").await?;
    wait_for_path(&page, "/professional").await?;
    wait_until(&page, "document.getElementById('signed-in-as')").await?;
    assert_eq!(text_of(&page, "#signed-in-as").await?, "Paul Reuter");
    sign_out_and_in(lang, &page, "/professional").await?;

    // The session ends on the server behind the app's back: the next call sends the person to
    // the sign-in page, which says why.
    let ended = eval(
        &page,
        "(async () => { const list = await (await fetch('/api/me/sessions')).json(); \
         const current = list.find(s => s.current); \
         const answer = await fetch('/api/me/sessions/' + current.id, { method: 'DELETE', \
           headers: { 'content-type': 'application/json' }, body: '{}' }); \
         return answer.status; })()",
    )
    .await?;
    assert_eq!(ended, 204);
    click(&page, "nav a[href='/security']").await?;
    wait_until(&page, "location.pathname === '/sign-in' && location.search === '?expired=1'")
        .await?;
    wait_until(&page, "document.getElementById('sign-in-notice')").await?;
    assert_eq!(
        text_of(&page, "#sign-in-notice").await?,
        catalogue_message(lang, "sign-in-expired")?
    );
    assert_eq!(eval(&page, "document.getElementById('signed-in-as') === null").await?, true);
    browser.close().await
}

/// Signs out (the sign-in page says so in `lang`), then signs in with the same authenticator.
async fn sign_out_and_in(
    lang: &str,
    page: &chromiumoxide::page::Page,
    home: &str,
) -> anyhow::Result<()> {
    click(page, "#sign-out-button").await?;
    wait_for_path(page, "/sign-in").await?;
    wait_until(
        page,
        "!document.getElementById('signed-in-as') && document.getElementById('sign-in-notice')",
    )
    .await?;
    assert_eq!(
        text_of(page, "#sign-in-notice").await?,
        catalogue_message(lang, "sign-in-signed-out")?
    );
    assert_eq!(
        eval(page, "fetch('/api/auth/session').then(r => r.status)").await?,
        401,
        "the server forgot the session"
    );
    click(page, "#sign-in-button").await?;
    wait_for_path(page, home).await?;
    wait_until(page, "document.getElementById('signed-in-as')").await?;
    Ok(())
}
