//! Purge and objection (issue 12 §1, §2): an objection in the window (online after a fresh
//! verification, or by post through an agent) deletes the record for good; after the window it
//! is refused with `objection_window_closed`. A purge (by objection, or called directly as the
//! lifecycle job does) leaves nothing about the person in any table of the database or in the
//! content store, keeps content another record still refers to, and `dsp audit verify` (and the
//! signed checkpoints) still pass.

use reqwest::Method;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::{Answer, Browser};
use crate::common::{Engine, TestApp, filed_as};
use crate::on_both_databases;

on_both_databases!(
    an_objection_in_the_window_erases_the_record_everywhere_and_the_audit_still_verifies,
    objections_after_the_window_and_bad_requests_are_refused_and_agents_record_postal_ones,
    the_log_after_a_purge_still_verifies_against_its_checkpoints_and_refuses_other_updates,
);

/// A person whose every identifying value is unique in the database.
struct Person {
    national_id: String,
    given: &'static str,
    family: &'static str,
    street: &'static str,
    postal_code: &'static str,
    city: &'static str,
    phone: &'static str,
    email: &'static str,
}

fn zofia() -> Person {
    Person {
        national_id: shared::NationalId::from_first_eleven("19810304017").unwrap().to_string(),
        given: "Zofiaqx",
        family: "Wiśniewska-Purgetest",
        street: "12, rue des Oubliettes",
        postal_code: "L-9876",
        city: "Quxembourg",
        phone: "+352621987654",
        email: "zofia.purge@example.lu",
    }
}

fn marc() -> Person {
    Person {
        national_id: shared::NationalId::from_first_eleven("19700101123").unwrap().to_string(),
        given: "Marcyq",
        family: "Kieffer-Gardetest",
        street: "7, route des Restes",
        postal_code: "L-5432",
        city: "Wqltz",
        phone: "+352691111222",
        email: "marc.garde@example.lu",
    }
}

/// What must not be found anywhere once `person` (record `id`) is purged.
fn needles(person: &Person, id: &str, markers: &[&str]) -> Vec<String> {
    let mut out = vec![
        id.to_owned(),
        id.replace('-', ""),
        person.national_id.clone(),
        person.given.to_owned(),
        person.family.to_owned(),
        person.street.to_owned(),
        person.postal_code.to_owned(),
        person.phone.to_owned(),
        person.email.to_owned(),
    ];
    out.extend(markers.iter().map(|m| (*m).to_owned()));
    out
}

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

/// Every text or binary value of every table, as lower-case hex of its bytes, with its place.
async fn every_value(app: &TestApp) -> Vec<(String, String, String)> {
    let db = &app.db;
    let backend = db.get_database_backend();
    let columns_sql = match backend {
        DbBackend::Postgres => {
            "SELECT table_name AS t, column_name AS c, data_type AS d FROM information_schema.columns \
             WHERE table_schema = current_schema() ORDER BY table_name, column_name"
        }
        _ => {
            "SELECT m.name AS t, p.name AS c, p.type AS d FROM sqlite_master m, pragma_table_info(m.name) p \
             WHERE m.type = 'table' ORDER BY m.name, p.name"
        }
    };
    let columns =
        db.query_all_raw(Statement::from_string(backend, columns_sql.to_owned())).await.unwrap();
    assert!(columns.len() > 50, "the schema lists the tables' columns");
    let mut out = Vec::new();
    for column in columns {
        let table: String = column.try_get("", "t").unwrap();
        let name: String = column.try_get("", "c").unwrap();
        let kind: String = column.try_get("", "d").unwrap();
        let value = match backend {
            DbBackend::Postgres if kind == "bytea" => format!("encode(\"{name}\", 'hex')"),
            DbBackend::Postgres => format!("encode(convert_to(\"{name}\"::text, 'UTF8'), 'hex')"),
            _ => format!("lower(hex(\"{name}\"))"),
        };
        let sql = format!("SELECT {value} AS v FROM \"{table}\" WHERE \"{name}\" IS NOT NULL");
        for row in db.query_all_raw(Statement::from_string(backend, sql)).await.unwrap() {
            let v: String = row.try_get("", "v").unwrap();
            out.push((table.clone(), name.clone(), v));
        }
    }
    out
}

/// Every file of the content store (and anything else under the data directory's `content`).
fn stored_files(app: &TestApp) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.push((path, bytes));
            }
        }
    }
    let mut out = Vec::new();
    walk(&app.state.config.data_dir.join("content"), &mut out);
    out
}

/// Asserts that none of `needles` is in any table or stored file.
async fn nothing_left(app: &TestApp, needles: &[String]) {
    let left = what_is_left(app, needles).await;
    assert!(left.is_empty(), "still there: {left:?}");
}

/// Where any of `needles` is still found: (needle, table.column or file).
async fn what_is_left(app: &TestApp, needles: &[String]) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let values = every_value(app).await;
    let files = stored_files(app);
    for needle in needles {
        let variants = [needle.clone(), needle.to_lowercase(), needle.to_uppercase()];
        for variant in &variants {
            let h = hex(variant);
            // A UUID kept as 16 bytes shows as its simple form in hex.
            let raw = (variant.len() == 32 && variant.bytes().all(|b| b.is_ascii_hexdigit()))
                .then(|| variant.to_lowercase());
            for (table, column, value) in &values {
                if value.contains(&h) || raw.as_ref().is_some_and(|raw| value.contains(raw)) {
                    found.push((needle.clone(), format!("{table}.{column}")));
                }
            }
            for (path, bytes) in &files {
                if bytes.windows(variant.len()).any(|w| w == variant.as_bytes()) {
                    found.push((needle.clone(), path.display().to_string()));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

fn contains_in_store(app: &TestApp, marker: &str) -> bool {
    stored_files(app)
        .iter()
        .any(|(_, bytes)| bytes.windows(marker.len()).any(|w| w == marker.as_bytes()))
}

fn pdf(marker: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n% {marker}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    .into_bytes()
}

/// Creates `person`'s record with contact data; issues its letter; activates it with a passkey.
/// Returns (record id, the patient's signed-in browser, its passkey).
async fn activated(
    app: &TestApp,
    agent: &mut Browser,
    person: &Person,
) -> (String, Browser, Passkey) {
    let id = shared::NationalId::parse(&person.national_id).unwrap();
    let created = app
        .send(
            agent,
            "/api/agency/patients",
            &json!({
                "national_id": person.national_id, "given_name": person.given,
                "family_name": person.family, "birth_date": id.birth_date(),
                "preferred_language": "fr",
                "address": {"street": person.street, "postal_code": person.postal_code,
                            "city": person.city, "country": "LU"},
            }),
        )
        .await;
    assert_eq!(created.status, 201, "{:?}", created.body);
    let patient_id = created.body["id"].as_str().unwrap().to_owned();
    let contact = app
        .request(agent, Method::PUT, &format!("/api/agency/patients/{patient_id}/contact"))
        .json(&json!({"phone": person.phone, "email": person.email}))
        .send()
        .await
        .unwrap();
    assert_eq!(contact.status(), 200);
    let code = app.letter_code(agent, &patient_id).await;
    let mut browser = Browser::default();
    let mut passkey = Passkey::new();
    let done = app.activate(&mut browser, &mut passkey, &person.national_id, &code).await;
    assert_eq!(done.status, 200, "{:?}", done.body);
    (patient_id, browser, passkey)
}

async fn reverify(app: &TestApp, browser: &mut Browser, passkey: &mut Passkey) {
    let start = app.send(browser, "/api/me/reverify/start", &json!({})).await;
    assert_eq!(start.status, 200, "{:?}", start.body);
    let answer: Value = serde_json::from_str(
        &passkey.authenticate(&start.body["public_key"].to_string(), &app.base).await,
    )
    .unwrap();
    let done = app.send(browser, "/api/me/reverify/finish", &json!({"credential": answer})).await;
    assert_eq!(done.status, 204, "{:?}", done.body);
}

/// Files a document as `who` (`path`: the record's or the personal space's), titled `title`.
async fn file(
    app: &TestApp,
    who: &Browser,
    path: &str,
    category: &str,
    title: &str,
    body: Vec<u8>,
) {
    let response = filed_as(
        app.request(who, Method::POST, path),
        Some(category),
        title,
        "2026-11-20",
        Some("scan.pdf"),
    )
    .header("content-type", "application/pdf")
    .body(body)
    .send()
    .await
    .unwrap();
    let status = response.status();
    assert_eq!(status, 200, "{:?}", response.text().await);
}

async fn post(app: &TestApp, who: &Browser, path: &str, body: &Value) -> Answer {
    let mut who = who.clone();
    app.send(&mut who, path, body).await
}

/// Objects with a POST to `path` as `who`: the status and, for a PDF answer (not cached), its
/// text with runs of white space as one space (pdftotext breaks lines where the letter does).
async fn objection_letter(app: &TestApp, who: &Browser, path: &str, body: &Value) -> (u16, String) {
    let response = app.request(who, Method::POST, path).json(body).send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap();
    if status != 200 {
        return (status, String::from_utf8_lossy(&bytes).into_owned());
    }
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(headers["cache-control"], "no-store");
    let text = crate::common::personas::pdf_text(&bytes);
    (status, text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A date as the French letters write it.
fn french_date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike as _;
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let month = MONTHS[date.month0() as usize];
    match date.day() {
        1 => format!("1er {month} {}", date.year()),
        day => format!("{day} {month} {}", date.year()),
    }
}

async fn audit_verifies(app: &TestApp) {
    let report = dsp::audit::verify(&app.db).await.unwrap();
    assert_eq!(report.first_broken, None);
    assert!(report.entries > 0);
}

async fn an_objection_in_the_window_erases_the_record_everywhere_and_the_audit_still_verifies(
    engine: Engine,
) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let (zofia_id, mut zofia_browser, mut zofia_key) = activated(&app, &mut agent, &zofia()).await;
    let (marc_id, marc_browser, _) = activated(&app, &mut agent, &marc()).await;
    // A physician linked to Zofia files a document naming her, with a marker in title and content.
    let (_, enrolment) = app.create_professional(&mut agent, "M-77", "MED").await;
    let mut doctor = Browser::default();
    assert_eq!(app.enrol(&mut doctor, &mut SecurityKey::new(77), &enrolment).await.status, 200);
    let code =
        app.send(&mut zofia_browser, "/api/me/connection-code", &json!({})).await.body["code"]
            .as_str()
            .unwrap()
            .to_owned();
    let opened = app
        .send(
            &mut doctor,
            "/api/professional/consultations",
            &json!({"national_id": zofia().national_id, "connection_code": code}),
        )
        .await;
    assert_eq!(opened.status, 200, "{:?}", opened.body);
    let records = format!("/api/records/{zofia_id}/documents");
    file(&app, &doctor, &records, "summaries", "Bilan MARKERTITLEZ Zofiaqx", pdf("MARKERCONTENTZ"))
        .await;
    let read = app.get_as(&doctor, &records).await;
    assert_eq!(read.status, 200, "{:?}", read.body);
    // Both patients keep the same bytes in their personal space: shared content.
    file(
        &app,
        &zofia_browser,
        "/api/me/documents",
        "personal-expression",
        "Notes MARKERTITLEZ2",
        pdf("SHAREDCONTENT"),
    )
    .await;
    file(
        &app,
        &marc_browser,
        "/api/me/documents",
        "personal-expression",
        "Notes MARKERTITLEM",
        pdf("SHAREDCONTENT"),
    )
    .await;
    assert!(contains_in_store(&app, "MARKERCONTENTZ"));

    // The scan finds each of them before the purge (in the record, the documents, the store,
    // the audit log), the record's id also as the UUID kept in a binary column.
    let before =
        what_is_left(&app, &needles(&zofia(), &zofia_id, &["MARKERTITLEZ", "MARKERCONTENTZ"]))
            .await;
    for needle in needles(&zofia(), &zofia_id, &["MARKERTITLEZ", "MARKERCONTENTZ"]) {
        // The record's id: as text on PostgreSQL, as 16 bytes on SQLite (one form or the other).
        let either = [needle.clone(), needle.replace('-', ""), zofia_id.clone()];
        let seen =
            before.iter().any(|(n, _)| either.contains(n) && (needle.len() < 32 || n.len() >= 32));
        assert!(seen, "{needle} found before: {before:?}");
    }
    assert!(before.iter().any(|(_, at)| at == "audit_events.patient_id"), "{before:?}");
    assert!(before.iter().any(|(n, at)| *n == "MARKERCONTENTZ" && at.contains("content")));
    // Without a fresh verification (the activation's is 6 minutes old): refused, nothing deleted.
    app.clock.advance(chrono::TimeDelta::minutes(6));
    let refused = app.send(&mut zofia_browser, "/api/me/objection", &json!({})).await;
    assert_eq!((refused.status.as_u16(), refused.code()), (403, "reverification_required"));
    let window = app.get_as(&zofia_browser, "/api/me/objection").await;
    assert_eq!(
        (window.status.as_u16(), window.body["open"].clone()),
        (200, json!(true)),
        "{:?}",
        window.body
    );
    reverify(&app, &mut zofia_browser, &mut zofia_key).await;
    let (status, letter) =
        objection_letter(&app, &zofia_browser, "/api/me/objection", &json!({})).await;
    assert_eq!(status, 200, "{letter}");
    // The answer is her confirmation, in French: her name, address and the day, rendered
    // before the purge (which the scan below checks kept nothing of it).
    for expected in
        [zofia().given, zofia().family, zofia().street, &french_date(app.clock.now().date_naive())]
    {
        assert!(letter.contains(expected), "{expected} in {letter}");
    }

    // Nothing about Zofia anywhere; the shared content is still there for Marc.
    nothing_left(
        &app,
        &needles(
            &zofia(),
            &zofia_id,
            &["MARKERTITLEZ", "MARKERTITLEZ2", "MARKERCONTENTZ", "Oubliettes", "Quxembourg"],
        ),
    )
    .await;
    assert!(contains_in_store(&app, "SHAREDCONTENT"));
    audit_verifies(&app).await;
    // Her session is gone; a professional and the agency get what a missing record gives.
    assert_eq!(app.get_as(&zofia_browser, "/api/me/objection").await.status, 401);
    let unknown = uuid::Uuid::new_v4();
    let missing = app.get_as(&doctor, &format!("/api/records/{unknown}/documents")).await;
    let purged = app.get_as(&doctor, &records).await;
    assert_eq!(
        (purged.status, purged.body["code"].clone()),
        (missing.status, missing.body["code"].clone())
    );
    let missing = app.get_as(&agent, &format!("/api/agency/patients/{unknown}")).await;
    let purged = app.get_as(&agent, &format!("/api/agency/patients/{zofia_id}")).await;
    assert_eq!(
        (purged.status, purged.body["code"].clone()),
        (missing.status, missing.body["code"].clone())
    );
    assert_eq!(purged.status, 404);
    // Counted without personal data.
    let figures = app.get_as(&agent, "/api/agency/figures").await;
    assert_eq!(figures.body["objections"], 1, "{:?}", figures.body);
    // The objection's own entry is kept, pseudonymised.
    let entries = app.audit("record_objection").await;
    assert_eq!(entries.len(), 2, "the refusal and the objection");
    assert!(entries.iter().all(|e| e.pseudonymised && e.chain_key.starts_with("purged:")));

    // The lifecycle job's way: a direct call in a transaction; the shared content goes with
    // its last record. Twice: the second is a no-op.
    let key = dsp::audit::pseudonym::PseudonymKey::load_or_create(&app.state.config.pseudonym_key)
        .unwrap();
    let marc_uuid: uuid::Uuid = marc_id.parse().unwrap();
    for round in 0..2 {
        use sea_orm::TransactionTrait as _;
        let txn = app.db.begin().await.unwrap();
        let done = dsp::services::purge::purge(
            &txn,
            marc_uuid,
            dsp::services::purge::Reason::RetentionEnded,
            app.clock.now(),
            &key,
        )
        .await
        .unwrap();
        txn.commit().await.unwrap();
        assert_eq!(done.purged, round == 0);
        dsp::services::purge::erase_contents(
            &app.db,
            app.state.store.as_ref(),
            &done,
            std::time::SystemTime::now() + std::time::Duration::from_secs(1),
        )
        .await
        .unwrap();
    }
    nothing_left(
        &app,
        &needles(&marc(), &marc_id, &["MARKERTITLEM", "SHAREDCONTENT", "Restes", "Wqltz"]),
    )
    .await;
    audit_verifies(&app).await;
    assert_eq!(app.audit("record_purged").await.len(), 2);

    // A new record for the same national ID is a new record.
    let again = app.create_patient(&mut agent, &zofia().national_id, "de").await;
    assert_ne!(again, zofia_id);
}

async fn objections_after_the_window_and_bad_requests_are_refused_and_agents_record_postal_ones(
    engine: Engine,
) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let (late_id, mut late_browser, mut late_key) = activated(&app, &mut agent, &zofia()).await;
    // Its letter went out 31 days ago.
    {
        use sea_orm::{ActiveModelTrait as _, ActiveValue::Set, EntityTrait as _};
        let row = dsp::entity::patient::Entity::find_by_id(late_id.parse::<uuid::Uuid>().unwrap())
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let mut row: dsp::entity::patient::ActiveModel = row.into();
        row.letter_issued_at = Set(Some(app.clock.now() - chrono::TimeDelta::days(31)));
        row.update(&app.db).await.unwrap();
    }
    // Online, after the window: its own code, the record stays.
    reverify(&app, &mut late_browser, &mut late_key).await;
    let window = app.get_as(&late_browser, "/api/me/objection").await;
    assert_eq!(window.body["open"], false, "{:?}", window.body);
    let late = app.send(&mut late_browser, "/api/me/objection", &json!({})).await;
    assert_eq!((late.status.as_u16(), late.code()), (409, "objection_window_closed"));
    // By post, after the window: the same.
    let today = app.clock.now().date_naive();
    let postal = json!({"reference": "OBJ-2026-0042", "received_on": today});
    let path = format!("/api/agency/patients/{late_id}/objection");
    let late = post(&app, &agent, &path, &postal).await;
    assert_eq!((late.status.as_u16(), late.code()), (409, "objection_window_closed"));
    assert_eq!(app.get_as(&agent, &format!("/api/agency/patients/{late_id}")).await.status, 200);

    // A record still in its window (its letter issued now), objected to by post.
    let (in_window, _, _) = activated(&app, &mut agent, &marc()).await;
    let path = format!("/api/agency/patients/{in_window}/objection");
    for bad in [
        json!({"reference": "  ", "received_on": today}),
        json!({"reference": "x".repeat(101), "received_on": today}),
        json!({"reference": "OBJ-1", "received_on": today + chrono::TimeDelta::days(1)}),
        json!({"reference": "OBJ-1"}),
    ] {
        let refused = post(&app, &agent, &path, &bad).await;
        assert_eq!(refused.status, 422, "{bad}: {:?}", refused.body);
    }
    // Only an agent may record it; an unknown record answers as one.
    assert_eq!(post(&app, &late_browser, &path, &postal).await.status, 403);
    assert_eq!(post(&app, &Browser::default(), &path, &postal).await.status, 401);
    let unknown = format!("/api/agency/patients/{}/objection", uuid::Uuid::new_v4());
    let refused = post(&app, &agent, &unknown, &postal).await;
    assert_eq!((refused.status.as_u16(), refused.code()), (404, "not_found"));
    // Patients cannot object for someone else; the route is their own record only.
    let (status, letter) = objection_letter(&app, &agent, &path, &postal).await;
    assert_eq!(status, 200, "{letter}");
    // The agent prints the confirmation: Marc's name, the day, the letter's reference.
    for expected in [marc().given, marc().family, "OBJ-2026-0042", &french_date(today)] {
        assert!(letter.contains(expected), "{expected} in {letter}");
    }
    nothing_left(&app, &needles(&marc(), &in_window, &[])).await;
    let figures = app.get_as(&agent, "/api/agency/figures").await;
    assert_eq!(figures.body["objections"], 1);
    let recorded = app.audit("record_objection").await;
    let last = recorded.last().unwrap();
    assert!(last.pseudonymised);
    assert!(
        last.detail.contains("OBJ-2026-0042"),
        "the letter's reference is kept: {}",
        last.detail
    );
    audit_verifies(&app).await;
    // Twice is not possible: the record is gone.
    assert_eq!(post(&app, &agent, &path, &postal).await.status, 404);
}

async fn the_log_after_a_purge_still_verifies_against_its_checkpoints_and_refuses_other_updates(
    engine: Engine,
) {
    use dsp::audit::checkpoint::{self, CheckpointKey, Witness};
    use sea_orm::TransactionTrait as _;
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient = app.create_patient(&mut agent, "1893120105732", "fr").await;
    for _ in 0..2 {
        app.letter_code(&agent, &patient).await;
    }
    // A witness saw the record's chain under its name.
    let dir = tempfile::tempdir().unwrap();
    let public_file = checkpoint::keygen(&dir.path().join("keys/cp.pem")).unwrap();
    let witness = Witness {
        dir: dir.path().join("checkpoints"),
        key: CheckpointKey::load(&dir.path().join("keys/cp.pem")).unwrap(),
        every: chrono::TimeDelta::minutes(10),
    };
    checkpoint::write(&app.db, &witness, app.clock.now()).await.unwrap().unwrap();

    let key = dsp::audit::pseudonym::PseudonymKey::load_or_create(&app.state.config.pseudonym_key)
        .unwrap();
    let txn = app.db.begin().await.unwrap();
    let id: uuid::Uuid = patient.parse().unwrap();
    let done = dsp::services::purge::purge(
        &txn,
        id,
        dsp::services::purge::Reason::RetentionEnded,
        app.clock.now(),
        &key,
    )
    .await
    .unwrap();
    txn.commit().await.unwrap();
    assert!(done.purged && done.audit_entries >= 3, "{done:?}");
    audit_verifies(&app).await;
    // The witnessed chain is found under its new name with the pseudonym key; without the key
    // it looks cut short (the key is what links the two names).
    let public = checkpoint::load_public_key(&public_file).unwrap();
    let checkpoints = checkpoint::read_dir(&witness.dir, &[public]).unwrap();
    let report = checkpoint::verify_against_purged(&app.db, &checkpoints, &key).await.unwrap();
    assert_eq!(report.first_broken, None);
    let without = checkpoint::verify_against(&app.db, &checkpoints).await.unwrap();
    assert!(
        without.first_broken.is_some_and(|(_, chain, _)| chain == format!("patient:{patient}"))
    );

    // The database allows the pseudonymising rewrite only: not undoing it, not changing what
    // an entry says happened, not rewriting an entry outside a purge.
    let backend = app.db.get_database_backend();
    for sql in [
        "UPDATE audit_events SET pseudonymised = $1 WHERE pseudonymised = TRUE",
        "UPDATE audit_events SET action = 'forged', pseudonymised = $1 WHERE pseudonymised = FALSE",
        "UPDATE audit_events SET detail = '{}', pseudonymised = TRUE WHERE pseudonymised = $1",
        "DELETE FROM audit_events WHERE pseudonymised = $1",
    ] {
        let flag = !sql.contains("action") && !sql.contains("detail") && !sql.starts_with("DELETE");
        let refused = app
            .db
            .execute_raw(Statement::from_sql_and_values(
                backend,
                dsp::db::placeholders(backend, sql),
                [(!flag).into()],
            ))
            .await;
        let refused = refused.expect_err(sql).to_string();
        assert!(refused.contains("append-only"), "{sql}: {refused}");
    }
    // The same rewrite on an entry that was not part of a purge, done by hand: the entries that
    // still have their chain's salt show the edit.
    let by_hand = "UPDATE audit_events SET detail = '{\"forged\":1}' WHERE id = \
                   (SELECT MIN(id) FROM audit_events WHERE pseudonymised = FALSE)";
    let drop_guard = match engine {
        Engine::Postgres => "DROP TRIGGER audit_events_pseudonymise_only ON audit_events",
        Engine::Sqlite => "DROP TRIGGER audit_events_no_update",
    };
    app.db.execute_unprepared(drop_guard).await.unwrap();
    app.db.execute_unprepared(by_hand).await.unwrap();
    let report = dsp::audit::verify(&app.db).await.unwrap();
    let (_, _, problem) = report.first_broken.expect("an edit is seen");
    assert!(problem.contains("edited"), "{problem}");
}
