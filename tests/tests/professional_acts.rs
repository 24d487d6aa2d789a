//! The professional's screens for what the API does, each in two languages, one of them on a
//! 390 px phone:
//!
//! - on the record page, a demo physician files a new version of her report (a refused file
//!   first, its error in words), withdraws it with a reason after a confirmation, and records the
//!   patient's refusal of a filing;
//! - the médecin référent reads the record's access traces on its tab, pages through them and
//!   filters them, while a physician who is not the référent is told that only the référent may;
//! - hospital staff find their admitted patient on their worklist, see the stay flagged when it
//!   ends soon, renew it, and read the refusal in words when the stay ended meanwhile.

use chromiumoxide::page::Page;
use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click,
    emulate_phone, eval, fill, heading, text_of, wait_for_app, wait_for_path, wait_until,
};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

const PDF: &str =
    "%PDF-1.4\\n1 0 obj << /Type /Catalog >> endobj\\ntrailer << /Root 1 0 R >>\\n%%EOF\\n";

/// A demo record and the professional who works with it, signed in in their own browser.
struct Scene {
    server: TestServer,
    demo: dsp::demo::DemoSummary,
    national_id: String,
    browser: Chromium,
    page: Page,
}

/// The demo data; `patient`'s record activated (professionals reach only open records); the
/// professional `name` enrolled in a browser speaking `locale`, on a phone when asked.
async fn scene(patient: &str, name: &str, locale: &str, phone: bool) -> anyhow::Result<Scene> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (_, national_id, _) = demo
        .patient_codes
        .iter()
        .find(|(n, ..)| n == patient)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no {patient}"))?;
    dsp::entity::patient::Entity::update_many()
        .col_expr(dsp::entity::patient::Column::RecordState, Expr::value("activated"))
        .filter(dsp::entity::patient::Column::NationalId.eq(national_id.as_str()))
        .exec(&server.state.db)
        .await?;
    let (_, _, enrol_link) = demo
        .professional_links
        .iter()
        .find(|(n, ..)| n == name)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no {name}"))?;
    let browser = Chromium::launch(locale).await?;
    let page = browser.open("about:blank").await?;
    if phone {
        emulate_phone(&page).await?;
    }
    page.goto(enrol_link).await?;
    wait_for_app(&page).await?;
    add_authenticator(&page, Authenticator::SecurityKey).await?;
    click(&page, "#enrol-button").await?;
    wait_for_path(&page, "/professional").await?;
    if phone {
        assert_eq!(eval(&page, "window.innerWidth").await?, 390, "a phone's width");
    }
    Ok(Scene { server, demo, national_id, browser, page })
}

impl Scene {
    /// The enrolment link of another demo professional.
    fn enrol_link(&self, name: &str) -> anyhow::Result<String> {
        self.demo
            .professional_links
            .iter()
            .find(|(n, ..)| n == name)
            .map(|(_, _, link)| link.clone())
            .ok_or_else(|| anyhow::anyhow!("no {name}"))
    }
}

/// Finds the scene's patient and opens their record page.
async fn open_record(s: &Scene) -> anyhow::Result<()> {
    wait_until(&s.page, "document.getElementById('find-national-id')").await?;
    fill(&s.page, "#find-national-id", &s.national_id).await?;
    click(&s.page, "#find-button").await?;
    click(&s.page, "#find-result a.record-link").await?;
    wait_until(&s.page, "location.pathname.startsWith('/professional/records/')").await?;
    Ok(())
}

/// Nothing on the page is wider than the screen (a phone scrolls down, never sideways).
async fn fits_the_width(page: &Page) -> anyhow::Result<()> {
    let widths = eval(page, "[document.documentElement.scrollWidth, window.innerWidth]").await?;
    assert!(widths[0].as_f64() <= widths[1].as_f64(), "wider than the screen: {widths}");
    Ok(())
}

/// Attaches a file made of `body` (a JavaScript string) to the file input `selector`.
async fn attach(
    page: &Page,
    selector: &str,
    body: &str,
    name: &str,
    kind: &str,
) -> anyhow::Result<()> {
    let attached = eval(
        page,
        &format!(
            "(() => {{ const dt = new DataTransfer(); \
             dt.items.add(new File([\"{body}\"], '{name}', {{ type: '{kind}' }})); \
             const input = document.querySelector({selector}); input.files = dt.files; \
             input.dispatchEvent(new Event('change', {{ bubbles: true }})); return input.files.length; }})()",
            selector = serde_json::to_string(selector)?,
        ),
    )
    .await?;
    assert_eq!(attached, 1);
    Ok(())
}

async fn audited(server: &TestServer, action: &str) -> anyhow::Result<Vec<String>> {
    Ok(dsp::entity::audit_event::Entity::find()
        .filter(dsp::entity::audit_event::Column::Action.eq(action))
        .all(&server.state.db)
        .await?
        .into_iter()
        .map(|e| e.outcome)
        .collect())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_physician_replaces_withdraws_and_records_a_refusal_in_english() -> anyhow::Result<()> {
    acts("en", "en-GB", false).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_physician_replaces_withdraws_and_records_a_refusal_on_a_phone_in_french()
-> anyhow::Result<()> {
    acts("fr", "fr-FR", true).await
}

async fn acts(lang: &str, locale: &str, phone: bool) -> anyhow::Result<()> {
    // Dr Weber holds a consultation link to Marie Dupont and wrote the report in her record.
    let s = scene("Marie Dupont", "Claire Weber", locale, phone).await?;
    let page = &s.page;
    open_record(&s).await?;
    wait_until(page, "document.querySelector('[data-document-id] button.new-version')").await?;
    assert_eq!(heading(page).await?, catalogue_message(lang, "record-heading")?);
    assert!(
        eval(
            page,
            "document.querySelector('[data-document-id] button.withdraw-document') !== null"
        )
        .await?
            == true
    );
    let id = eval(page, "document.querySelector('[data-document-id]').dataset.documentId").await?;
    let id = id.as_str().unwrap_or_default().to_owned();

    // A new version: a file that is no document is refused, in words.
    click(page, "[data-document-id] button.new-version").await?;
    wait_until(page, "document.querySelector('[data-document-id] input.version-file')").await?;
    if phone {
        fits_the_width(page).await?;
    }
    click(page, "[data-document-id] button.file-version").await?;
    assert_eq!(
        text_of(page, &format!("#version-{id}-file-message")).await?,
        catalogue_message(lang, "upload-file-required")?
    );
    attach(
        page,
        "[data-document-id] input.version-file",
        "not a document",
        "note.txt",
        "text/plain",
    )
    .await?;
    click(page, "[data-document-id] button.file-version").await?;
    let result = format!("#version-{id}-result [role=alert] p");
    wait_until(page, &format!("document.querySelector('{result}')")).await?;
    let refused = text_of(page, &result).await?;
    assert!(refused.starts_with(&catalogue_message(lang, "error-document-rejected")?), "{refused}");

    // The PDF is filed as version 2, under the title typed.
    attach(page, "[data-document-id] input.version-file", PDF, "report-v2.pdf", "application/pdf")
        .await?;
    let title = "Compte rendu — version corrigée";
    fill(page, &format!("#version-{id}-title"), title).await?;
    click(page, "[data-document-id] button.file-version").await?;
    wait_until(page, "document.querySelector('#record-acts-result [role=status] p')").await?;
    let done = text_of(page, "#record-acts-result [role=status]").await?;
    assert!(done.contains(title) && done.contains('2'), "{done}");
    wait_until(
        page,
        &format!(
            "document.querySelector('[data-document-id]').innerText.includes({})",
            serde_json::to_string(title)?
        ),
    )
    .await?;
    // The form closed once its version was filed.
    wait_until(page, "document.querySelector('[data-document-id] .version-form') === null").await?;
    // The refused file never reached the decision to file: one version filed, audited.
    assert_eq!(audited(&s.server, "document_version_filed").await?, ["success"]);

    // Withdrawing asks for a reason, then for a confirmation.
    click(page, "[data-document-id] button.withdraw-document").await?;
    wait_until(page, "document.querySelector('[data-document-id] button.withdraw-continue')")
        .await?;
    click(page, "[data-document-id] button.withdraw-continue").await?;
    assert_eq!(
        text_of(page, &format!("#withdraw-{id}-reason-message")).await?,
        catalogue_message(lang, "field-required")?
    );
    fill(page, "[data-document-id] textarea.withdraw-reason", "Filed in the wrong record").await?;
    click(page, "[data-document-id] button.withdraw-continue").await?;
    wait_until(page, "document.querySelector('[data-document-id] button.confirm-withdraw')")
        .await?;
    assert!(audited(&s.server, "document_withdrawn").await?.is_empty(), "not before confirming");
    if phone {
        fits_the_width(page).await?;
    }
    click(page, "[data-document-id] button.confirm-withdraw").await?;
    wait_until(page, "document.getElementById('documents-empty')").await?;
    let done = text_of(page, "#record-acts-result [role=status]").await?;
    assert!(done.contains(title), "{done}");
    assert_eq!(audited(&s.server, "document_withdrawn").await?, ["success"]);

    // The patient's refusal at the point of care: what it means, then the form.
    assert_eq!(
        text_of(page, "#refusal-explain li:nth-child(2)").await?,
        catalogue_message(lang, "refusal-explain-nothing-filed")?
    );
    click(page, "#refusal-button").await?;
    assert_eq!(
        text_of(page, "#refusal-category-message").await?,
        catalogue_message(lang, "upload-category-required")?
    );
    fill(page, "#refusal-category", "lab-analyses").await?;
    fill(page, "#refusal-title", "Prise de sang du 3 décembre").await?;
    click(page, "#refusal-button").await?;
    wait_until(page, "document.querySelector('#refusal-result [role=status] p')").await?;
    let done = text_of(page, "#refusal-result [role=status]").await?;
    assert!(done.contains("Prise de sang du 3 décembre"), "{done}");
    assert_eq!(audited(&s.server, "document_refused_by_patient").await?, ["success"]);
    // Nothing was filed: the record still shows no document.
    assert_eq!(eval(page, "document.querySelector('[data-document-id]') === null").await?, true);
    if phone {
        fits_the_width(page).await?;
    }
    s.browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_referent_reads_pages_and_filters_the_traces_in_german() -> anyhow::Result<()> {
    traces("de", "de-DE", false).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_referent_reads_pages_and_filters_the_traces_on_a_phone_in_luxembourgish()
-> anyhow::Result<()> {
    traces("lb", "lb-LU", true).await
}

async fn traces(lang: &str, locale: &str, phone: bool) -> anyhow::Result<()> {
    // Dr Schmit is Thomas Becker's médecin référent.
    let s = scene("Thomas Becker", "Marc Schmit", locale, phone).await?;
    let page = &s.page;
    open_record(&s).await?;
    wait_until(page, "document.querySelector('[data-document-id]')").await?;
    // More than a page of traces: the record opened 55 more times.
    let opened = eval(
        page,
        "(async () => { const id = location.pathname.split('/').pop(); let ok = 0; \
         for (let i = 0; i < 55; i++) { const r = await fetch(`/api/records/${id}/documents`); \
         if (r.ok) ok++; } return ok; })()",
    )
    .await?;
    assert_eq!(opened, 55);

    click(page, "#record-tab-traces").await?;
    wait_until(page, "document.querySelectorAll('li[data-action]').length === 50").await?;
    assert_eq!(text_of(page, "#traces-heading").await?, catalogue_message(lang, "traces-heading")?);
    assert_eq!(eval(page, "document.getElementById('history-download-csv') === null").await?, true);
    assert_eq!(
        text_of(page, "#history-actor option[value=patient]").await?,
        catalogue_message(lang, "traces-filter-actor-patient")?
    );
    if phone {
        fits_the_width(page).await?;
    }
    click(page, "#history-more").await?;
    wait_until(page, "document.querySelectorAll('li[data-action]').length > 50").await?;
    wait_until(page, "document.getElementById('history-more') === null").await?;
    let end = serde_json::to_string(&catalogue_message(lang, "traces-end")?)?;
    wait_until(
        page,
        &format!("Array.from(document.querySelectorAll('p.status')).some(p => p.innerText.trim() === {end})"),
    )
    .await?;
    // The lookups alone (the one that found the record, and the record page's own, which names
    // its patient).
    fill(page, "#history-action", "patient_lookup").await?;
    click(page, "form.filters button[type=submit]").await?;
    wait_until(
        page,
        "document.querySelectorAll('li[data-action]').length >= 1 \
         && document.querySelectorAll('li[data-action]').length \
            === document.querySelectorAll('li[data-action=patient_lookup]').length",
    )
    .await?;
    let found = text_of(page, "li[data-action=patient_lookup]").await?;
    assert!(found.contains("Marc Schmit"), "{found}");
    let viewed = audited(&s.server, "access_traces_viewed").await?;
    assert!(viewed.len() >= 3 && viewed.iter().all(|o| o == "success"), "{viewed:?}");

    // A physician who is not the référent (nor linked) is told that only the référent reads them.
    let record = eval(page, "location.pathname").await?;
    let record = record.as_str().unwrap_or_default().to_owned();
    let other = Chromium::launch(locale).await?;
    let claire = other.open(&s.enrol_link("Claire Weber")?).await?;
    wait_for_app(&claire).await?;
    add_authenticator(&claire, Authenticator::SecurityKey).await?;
    click(&claire, "#enrol-button").await?;
    wait_for_path(&claire, "/professional").await?;
    claire.goto(format!("{}{record}", s.server.origin)).await?;
    wait_for_app(&claire).await?;
    click(&claire, "#record-tab-traces").await?;
    let only = serde_json::to_string(&catalogue_message(lang, "traces-referent-only")?)?;
    wait_until(
        &claire,
        &format!("Array.from(document.querySelectorAll('[role=alert]')).some(e => e.innerText.trim() === {only})"),
    )
    .await?;
    assert_eq!(eval(&claire, "document.querySelector('li[data-action]') === null").await?, true);
    let refused = audited(&s.server, "access_traces_viewed").await?;
    assert_eq!(refused.iter().filter(|o| *o == "failure").count(), 1, "{refused:?}");
    s.browser.close().await?;
    other.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hospital_staff_renew_a_stay_from_the_worklist_in_french() -> anyhow::Result<()> {
    worklist("fr", "fr-FR", false).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hospital_staff_renew_a_stay_from_the_worklist_on_a_phone_in_english() -> anyhow::Result<()>
{
    worklist("en", "en-GB", true).await
}

async fn worklist(lang: &str, locale: &str, phone: bool) -> anyhow::Result<()> {
    use dsp::entity::care_link;
    // Dr Schmit works at the hospital: he registers Thomas Becker's stay.
    let s = scene("Thomas Becker", "Marc Schmit", locale, phone).await?;
    let page = &s.page;
    wait_until(page, "document.getElementById('admission-national-id')").await?;
    fill(page, "#admission-national-id", &s.national_id).await?;
    fill(page, "#admission-context", "institution_stay").await?;
    click(page, "#admission-button").await?;
    wait_until(page, "document.querySelector('#admission-result [role=status] p')").await?;

    click(page, "a[href='/professional/worklist']").await?;
    wait_for_path(page, "/professional/worklist").await?;
    wait_until(page, "document.querySelector('[data-link-id]')").await?;
    assert_eq!(heading(page).await?, catalogue_message(lang, "worklist-heading")?);
    assert_eq!(eval(page, "document.querySelectorAll('[data-link-id]').length").await?, 1);
    let row = text_of(page, "[data-link-id]").await?;
    assert!(row.contains("Thomas Becker") && row.contains("(démo)"), "{row}");
    assert_eq!(
        eval(page, "document.querySelector('[data-link-id]').dataset.expiring").await?,
        "false"
    );

    // Two days before its end, the stay is flagged.
    let now = chrono::Utc::now();
    care_link::Entity::update_many()
        .col_expr(care_link::Column::EndsAt, Expr::value(now + chrono::TimeDelta::days(2)))
        .filter(care_link::Column::Context.eq("institution_stay"))
        .exec(&s.server.state.db)
        .await?;
    page.reload().await?;
    wait_for_app(page).await?;
    wait_until(
        page,
        "document.querySelector('[data-link-id][data-expiring=true] .expiring-label')",
    )
    .await?;
    assert_eq!(
        text_of(page, ".expiring-label").await?,
        catalogue_message(lang, "worklist-expiring")?
    );
    if phone {
        fits_the_width(page).await?;
    }
    click(page, "[data-link-id] button.renew-link").await?;
    wait_until(page, "document.querySelector('#worklist-result [role=status] p')").await?;
    assert!(text_of(page, "#worklist-result [role=status]").await?.contains("Thomas Becker"));
    wait_until(page, "document.querySelector('[data-link-id][data-expiring=false]')").await?;
    let stay = care_link::Entity::find()
        .filter(care_link::Column::Context.eq("institution_stay"))
        .one(&s.server.state.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no stay"))?;
    assert!(stay.ends_at > now + chrono::TimeDelta::days(31), "{:?}", stay.ends_at);

    // The patient ends the stay's link meanwhile: the renewal is refused, in words, and the
    // worklist no longer lists the record.
    care_link::Entity::update_many()
        .col_expr(care_link::Column::EndedAt, Expr::value(now))
        .filter(care_link::Column::Context.eq("institution_stay"))
        .exec(&s.server.state.db)
        .await?;
    click(page, "[data-link-id] button.renew-link").await?;
    wait_until(page, "document.querySelector('#worklist-result [role=alert] p')").await?;
    let refused = text_of(page, "#worklist-result [role=alert]").await?;
    assert!(refused.starts_with(&catalogue_message(lang, "worklist-renew-refused")?), "{refused}");
    wait_until(page, "document.getElementById('worklist-empty')").await?;
    assert_eq!(text_of(page, "#worklist-empty").await?, catalogue_message(lang, "worklist-empty")?);
    assert_eq!(audited(&s.server, "link_renewed").await?, ["success", "failure"]);
    assert!(!audited(&s.server, "worklist_viewed").await?.is_empty());
    s.browser.close().await
}
