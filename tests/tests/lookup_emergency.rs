//! Emergency access from the lookup, and whose record it is. A demo physician looks up, by
//! national ID, a patient they do not reach: "no patient" comes with an offer of emergency
//! access. For a record the patient has not let professionals reach (in French at phone width:
//! still in its objection window; in English at desktop width: the patient switched emergency
//! access off) the refusal says why, in the page's language. For a record past its objection
//! window the access opens, and the record page says whose record it is: name, national ID and
//! birth date above the documents and the upload form.

use chrono::{TimeDelta, Utc};
use sea_orm::{ActiveModelTrait as _, ActiveValue::Set, EntityTrait as _};

use e2e::{
    Authenticator, Chromium, TestServer, add_authenticator, catalogue_message, click,
    emulate_phone, fill, text_of, wait_for_app, wait_for_path, wait_until,
};

/// How the refused record was set up.
#[derive(Clone, Copy)]
enum Refusal {
    /// A fresh letter: the 30-day objection window runs.
    ObjectionWindow,
    /// Activated, and the patient switched emergency access off.
    SwitchedOff,
}

fn national_id_of(demo: &dsp::demo::DemoSummary, family: &str) -> anyhow::Result<String> {
    demo.patient_codes
        .iter()
        .find(|(name, _, _)| name.contains(family))
        .map(|(_, id, _)| id.clone())
        .ok_or_else(|| anyhow::anyhow!("no demo patient {family}"))
}

async fn record_of(
    server: &TestServer,
    national_id: &str,
) -> anyhow::Result<dsp::entity::patient::Model> {
    use sea_orm::{ColumnTrait as _, QueryFilter as _};
    dsp::entity::patient::Entity::find()
        .filter(dsp::entity::patient::Column::NationalId.eq(national_id))
        .one(&server.state.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no record for {national_id}"))
}

/// Looks `national_id` up, takes the emergency offer and asks with a reason; returns the text of
/// the form's outcome.
async fn ask_from_lookup(
    page: &chromiumoxide::Page,
    lang: &str,
    national_id: &str,
    reason: &str,
) -> anyhow::Result<String> {
    fill(page, "#find-national-id", national_id).await?;
    click(page, "#find-button").await?;
    wait_until(page, "document.querySelector('#find-result [role=alert]') && document.getElementById('find-emergency')").await?;
    let none = text_of(page, "#find-result [role=alert]").await?;
    assert!(none.starts_with(&catalogue_message(lang, "find-none")?), "{none:?}");
    click(page, "#find-emergency").await?;
    wait_until(page, "document.getElementById('emergency-reason')").await?;
    fill(page, "#emergency-reason", reason).await?;
    click(page, "#emergency-button").await?;
    wait_until(
        page,
        "(document.querySelector('#emergency-result [role=status]') || {innerText: ''}).innerText.trim() \
         || (document.querySelector('#emergency-result [role=alert]') || {innerText: ''}).innerText.trim()",
    )
    .await?;
    text_of(page, "#emergency-result").await
}

async fn journey(lang: &str, locale: &str, phone: bool, refusal: Refusal) -> anyhow::Result<()> {
    let server = TestServer::start().await?;
    let demo =
        dsp::demo::create(&server.state).await.map_err(|e| anyhow::anyhow!("demo data: {e:?}"))?;
    let (_, _, enrol_link) = demo
        .professional_links
        .iter()
        .find(|(_, profession, _)| *profession == shared::Profession::Physician)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no demo physician"))?;
    // Emma Wilson is refused; Jean Kieffer's letter went out 31 days ago: his record is open.
    let refused_id = national_id_of(&demo, "Wilson")?;
    let open_id = national_id_of(&demo, "Kieffer")?;
    if let Refusal::ObjectionWindow = refusal {
        // A letter sent today: the record's 30-day objection window runs (the demo country's
        // first letters are a month old).
        let mut fresh: dsp::entity::patient::ActiveModel =
            record_of(&server, &refused_id).await?.into();
        fresh.letter_issued_at = Set(Some(Utc::now()));
        fresh.update(&server.state.db).await?;
    }
    if let Refusal::SwitchedOff = refusal {
        let mut emma: dsp::entity::patient::ActiveModel =
            record_of(&server, &refused_id).await?.into();
        emma.record_state = Set("activated".to_owned());
        emma.activated_at = Set(Some(Utc::now()));
        emma.emergency_access_enabled = Set(false);
        emma.update(&server.state.db).await?;
    }
    let jean = record_of(&server, &open_id).await?;
    let mut older: dsp::entity::patient::ActiveModel = jean.clone().into();
    older.letter_issued_at = Set(Some(Utc::now() - TimeDelta::days(31)));
    older.update(&server.state.db).await?;

    let browser = Chromium::launch(locale).await?;
    let page = browser.open(&enrol_link).await?;
    if phone {
        emulate_phone(&page).await?;
    }
    wait_for_app(&page).await?;
    add_authenticator(&page, Authenticator::SecurityKey).await?;
    click(&page, "#enrol-button").await?;
    wait_for_path(&page, "/professional").await?;
    wait_until(&page, "document.getElementById('find-national-id')").await?;

    // Refused, with the reason in the page's language.
    let reason = "Unconscious on arrival, allergies and medication needed";
    let refused = ask_from_lookup(&page, lang, &refused_id, reason).await?;
    let key = match refusal {
        Refusal::ObjectionWindow => "error-record-in-objection-window",
        Refusal::SwitchedOff => "error-emergency-access-switched-off",
    };
    let expected = catalogue_message(lang, key)?;
    assert!(refused.starts_with(&expected), "{refused:?} should start with {expected:?}");
    assert!(!refused.contains("error-"), "{refused:?}");

    // Opened: the record page says whose record it is.
    page.reload().await?;
    wait_for_app(&page).await?;
    wait_until(&page, "document.getElementById('find-national-id')").await?;
    let opened = ask_from_lookup(&page, lang, &open_id, reason).await?;
    let fixed = catalogue_message(lang, "emergency-opened")?;
    let fixed = fixed.split('{').next().unwrap_or_default().trim();
    assert!(opened.starts_with(fixed), "{opened:?} should start with {fixed:?}");
    click(&page, "#emergency-result a.record-link").await?;
    wait_for_path(&page, &format!("/professional/records/{}", jean.id)).await?;
    wait_until(&page, "document.getElementById('record-patient')").await?;
    let banner = text_of(&page, "#record-patient").await?;
    assert!(banner.contains(&format!("{} {}", jean.given_name, jean.family_name)), "{banner:?}");
    let grouped = format!("{} {} {}", &open_id[..8], &open_id[8..11], &open_id[11..]);
    assert_eq!(text_of(&page, "#record-patient-national-id").await?, grouped);
    assert!(banner.contains(&catalogue_message(lang, "record-patient-national-id")?), "{banner:?}");
    let born = text_of(&page, "#record-patient-birth-date").await?;
    let year = jean.birth_date.format("%Y").to_string();
    assert!(born.contains(&year), "{born:?} gives the birth date");
    // Above the upload form, and readable at this width (not cut).
    let above = e2e::eval(
        &page,
        "(() => { const b = document.getElementById('record-patient').getBoundingClientRect(); \
         const f = document.getElementById('upload-file'); \
         return !!f && b.bottom <= f.getBoundingClientRect().top && b.right <= window.innerWidth; })()",
    )
    .await?;
    assert_eq!(above, true, "the identity sits above the upload form, within the screen");
    browser.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_french_on_a_phone_the_objection_window_is_said_and_the_record_names_its_patient()
-> anyhow::Result<()> {
    journey("fr", "fr-FR", true, Refusal::ObjectionWindow).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_english_a_switched_off_emergency_access_is_said_and_the_record_names_its_patient()
-> anyhow::Result<()> {
    journey("en", "en-US", false, Refusal::SwitchedOff).await
}
