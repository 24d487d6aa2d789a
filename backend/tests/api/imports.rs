//! Bulk opening from the insured-persons file: upload and per-row report, nothing imported from
//! a file with an invalid row, idempotent re-runs, an interrupted import that resumes (stopped
//! by an agent, or its instance gone), and the letters as one PDF per chunk with one letter per
//! created record, read back with `pdftotext`.

use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::common::authenticator::Passkey;
use crate::common::personas::{Answer, Browser, answer, codes_in, pdf_text};
use crate::common::{Engine, Options, TestApp};
use crate::on_both_databases;

on_both_databases!(
    a_valid_file_creates_the_records_and_their_letters_one_pdf_per_chunk,
    invalid_rows_are_reported_and_nothing_is_imported,
    the_same_file_twice_creates_nothing_new,
    an_interrupted_import_resumes_where_it_stopped,
    the_command_line_import_runs_several_workers_and_each_chunk_once,
);

const HEADER: &str = "national_id;given_name;family_name;street;postal_code;city;country;language";

/// A valid national ID, different for every `n`.
fn national_id(n: u32) -> String {
    let born = chrono::NaiveDate::from_ymd_opt(1950, 1, 1).unwrap()
        + chrono::TimeDelta::days(i64::from(n / 900));
    let first = format!("{}{:03}", born.format("%Y%m%d"), n % 900 + 100);
    shared::NationalId::from_first_eleven(&first).unwrap().as_str().to_owned()
}

async fn spawn(engine: Engine) -> (TestApp, Browser) {
    let options =
        Options { vars: vec![("DSP_IMPORT_CHUNK_ROWS", "2".into())], ..Options::default() };
    let app = TestApp::spawn_with(engine, options).await;
    let (agent, _) = app.signed_in_agent().await;
    (app, agent)
}

async fn upload(app: &TestApp, agent: &Browser, file: impl Into<reqwest::Body>) -> Answer {
    let response = app
        .request(agent, Method::POST, "/api/agency/imports")
        .header("content-type", "text/csv")
        .header("dsp-import-file-name", "assur%C3%A9s.csv")
        .body(file)
        .send()
        .await
        .unwrap();
    answer(&mut agent.clone(), response).await
}

async fn act(app: &TestApp, agent: &Browser, batch: &str, what: &str) -> Answer {
    app.send(&mut agent.clone(), &format!("/api/agency/imports/{batch}/{what}"), &json!({})).await
}

async fn detail(app: &TestApp, agent: &Browser, batch: &str) -> Value {
    let got = app.get_as(agent, &format!("/api/agency/imports/{batch}")).await;
    assert_eq!(got.status, 200, "{:?}", got.body);
    got.body
}

async fn work(app: &TestApp) -> u32 {
    dsp::services::imports::work(&app.state, Uuid::new_v4()).await.unwrap()
}

async fn patients(app: &TestApp) -> u64 {
    use sea_orm::{EntityTrait, PaginatorTrait};
    dsp::entity::patient::Entity::find().count(&app.db).await.unwrap()
}

async fn letters_pdf(app: &TestApp, agent: &Browser, batch: &str, chunk: u64) -> Vec<u8> {
    let response = app
        .request(agent, Method::GET, &format!("/api/agency/imports/{batch}/letters/{chunk}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    response.bytes().await.unwrap().to_vec()
}

/// Five people, one with a quoted street holding the separator, names outside Windows-1252.
fn five_people() -> (String, Vec<String>) {
    let ids: Vec<String> = (1..=5).map(national_id).collect();
    let rows = [
        format!("{};Łukasz;Wójcik;\"12; rue de la Gare\";L-1611;Luxembourg;LU;lb", ids[0]),
        format!("{};Ștefan;Popescu;3, Grand-Rue;L-9050;Ettelbruck;lu;fr", ids[1]),
        format!("{};Anna;Dvořák;8 Hauptstraße;54290;Trier;DE;de", ids[2]),
        format!("{};Chloé;Martin;\"1 rue \"\"Haute\"\"\";57100;Thionville;FR;fr", ids[3]),
        format!("{};Yannis;Papadopoulos;5, route d'Arlon;L-8009;Strassen;LU;EN", ids[4]),
    ];
    // A byte-order mark and CRLF, as a spreadsheet saves it.
    (format!("\u{feff}{HEADER}\r\n{}\r\n", rows.join("\r\n")), ids)
}

async fn a_valid_file_creates_the_records_and_their_letters_one_pdf_per_chunk(engine: Engine) {
    let (app, agent) = spawn(engine).await;
    let (file, ids) = five_people();
    // Only agents import.
    let stranger = upload(&app, &Browser::default(), file.clone()).await;
    assert_eq!(stranger.status, 401, "{:?}", stranger.body);

    let uploaded = upload(&app, &agent, file).await;
    assert_eq!(uploaded.status, 201, "{:?}", uploaded.body);
    assert_eq!(uploaded.body["state"], "ready");
    assert_eq!(uploaded.body["rows"], 5);
    assert_eq!(uploaded.body["invalid_rows"], 0);
    assert_eq!(uploaded.body["chunks"], 3);
    assert_eq!(uploaded.body["file_name"], "assurés.csv");
    let batch = uploaded.body["id"].as_str().unwrap().to_owned();
    assert_eq!(patients(&app).await, 0, "nothing before the start");
    assert_eq!(work(&app).await, 0, "a batch not started is not processed");

    let started = act(&app, &agent, &batch, "start").await;
    assert_eq!(started.status, 200, "{:?}", started.body);
    assert_eq!(started.body["state"], "running");
    assert_eq!(work(&app).await, 3);

    let done = detail(&app, &agent, &batch).await;
    assert_eq!(done["batch"]["state"], "done", "{done}");
    assert_eq!(done["batch"]["created"], 5);
    assert_eq!(done["batch"]["already_there"], 0);
    assert_eq!(done["batch"]["processed"], 5);
    assert_eq!(done["batch"]["chunks_done"], 3);
    let packs: Vec<(u64, u64)> = done["letters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["chunk"].as_u64().unwrap(), p["letters"].as_u64().unwrap()))
        .collect();
    assert_eq!(packs, [(1, 2), (2, 2), (3, 1)]);
    assert_eq!(patients(&app).await, 5);
    assert_eq!(app.audit("patient_created").await.len(), 5);
    assert_eq!(app.audit("letter_issued").await.len(), 5);
    assert_eq!(app.audit("import_chunk_done").await.len(), 3);

    // One letter per record in each PDF: its name, its activation and practice codes.
    let mut activation_codes = Vec::new();
    for (chunk, letters) in packs {
        let pdf = letters_pdf(&app, &agent, &batch, chunk).await;
        let text = pdf_text(&pdf);
        let codes = codes_in(&pdf);
        assert_eq!(codes.len() as u64, 2 * letters, "{text}");
        activation_codes.extend(codes.into_iter().step_by(2));
    }
    let all_text: String = {
        let mut t = String::new();
        for chunk in 1..=3 {
            t.push_str(&pdf_text(&letters_pdf(&app, &agent, &batch, chunk).await));
        }
        t
    };
    for name in ["Łukasz Wójcik", "Ștefan Popescu", "Anna Dvořák", "Chloé Martin"] {
        assert!(all_text.contains(name), "{name} in {all_text}");
    }
    assert!(all_text.contains("12; rue de la Gare"), "the quoted field kept its separator");
    assert_eq!(app.audit("import_letters_downloaded").await.len(), 6);
    assert!(
        app.get_as(&agent, &format!("/api/agency/imports/{batch}/letters/4")).await.status == 404
    );

    // The letter's code activates the record; the birth date comes from the national ID.
    let mut patient = Browser::default();
    let activated =
        app.activate(&mut patient, &mut Passkey::new(), &ids[0], &activation_codes[0]).await;
    assert_eq!(activated.status, 200, "{:?}", activated.body);
    let found =
        app.send(&mut agent.clone(), "/api/agency/patients/search", &json!({"q": ids[2]})).await;
    let record = &found.body[0];
    assert_eq!(record["family_name"], "Dvořák");
    assert_eq!(record["preferred_language"], "de");
    assert_eq!(record["birth_date"], "1950-01-01");
    assert_eq!(record["address"]["country"], "DE");
    assert!(record["letter_issued_at"].is_string());

    let listed = app.get_as(&agent, "/api/agency/imports").await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1);
    assert_eq!(listed.body[0]["id"], batch.as_str());
}

async fn invalid_rows_are_reported_and_nothing_is_imported(engine: Engine) {
    let (app, agent) = spawn(engine).await;
    let good = national_id(1);
    let mut bad_check = national_id(2);
    bad_check.replace_range(12..13, if bad_check.ends_with('0') { "1" } else { "0" });
    let file = format!(
        "national_id,given_name,family_name,street,postal_code,city,country,language\n\
         {good},Léa,Muller,1 rue X,L-1611,Luxembourg,LU,fr\n\
         {bad_check},Paul,Weber,2 rue Y,L-1611,Luxembourg,LU,de\n\
         {},,Schmit,3 rue Z,L-1611,Luxembourg,LUX,es\n\
         {good},Léa,Muller,1 rue X,L-1611,Luxembourg,LU,fr\n\
         {},Tom,Kieffer,4 rue W,L-1611,Luxembourg\n",
        national_id(3),
        national_id(4),
    );
    let uploaded = upload(&app, &agent, file).await;
    assert_eq!(uploaded.status, 201, "{:?}", uploaded.body);
    assert_eq!(uploaded.body["state"], "invalid");
    assert_eq!(uploaded.body["rows"], 5);
    assert_eq!(uploaded.body["invalid_rows"], 4);
    assert_eq!(uploaded.body["errors"], 6);
    let batch = uploaded.body["id"].as_str().unwrap().to_owned();
    let report = detail(&app, &agent, &batch).await;
    let errors: Vec<(u64, &str, &str)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (e["row"].as_u64().unwrap(), e["column"].as_str().unwrap(), e["code"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        errors,
        [
            (3, "national_id", "national_id_verhoeff_mismatch"),
            (4, "country", "invalid_country"),
            (4, "given_name", "missing"),
            (4, "language", "invalid_language"),
            (5, "national_id", "duplicate_in_file"),
            (6, "row", "wrong_field_count"),
        ]
    );
    let refused = act(&app, &agent, &batch, "start").await;
    assert_eq!((refused.status.as_u16(), refused.code()), (409, "import_not_ready"));
    assert_eq!(work(&app).await, 0);
    assert_eq!(patients(&app).await, 0, "nothing half-imported");

    // Not the insured-persons file at all: refused, nothing stored.
    for file in [
        b"name,age\nx,1\n".to_vec(),
        b"".to_vec(),
        [HEADER.as_bytes(), b"\n", &[0xff, 0xfe, b';', b'\n']].concat(),
    ] {
        let refused = upload(&app, &agent, file).await;
        assert_eq!((refused.status.as_u16(), refused.code()), (422, "import_file_invalid"));
    }
    let listed = app.get_as(&agent, "/api/agency/imports").await;
    assert_eq!(listed.body.as_array().unwrap().len(), 1, "only the first batch");

    // A file far above the JSON limit (1 MB) is read as it arrives; its one bad row, at the
    // end, still stops all of it.
    let mut big = String::from(HEADER);
    big.push('\n');
    for n in 10..20_010 {
        big.push_str(&format!(
            "{};Given{n};Family{n};{n}, rue de la Gare;L-1611;Luxembourg;LU;lb\n",
            national_id(n)
        ));
    }
    big.push_str("123;A;B;C;D;E;LU;lb\n");
    assert!(big.len() > 1_500_000);
    let uploaded = upload(&app, &agent, big).await;
    assert_eq!(uploaded.status, 201, "{:?}", uploaded.body);
    assert_eq!(uploaded.body["state"], "invalid");
    assert_eq!(uploaded.body["rows"], 20_001);
    let report = detail(&app, &agent, uploaded.body["id"].as_str().unwrap()).await;
    assert_eq!(report["errors"][0]["row"], 20_002);
    assert_eq!(report["errors"][0]["code"], "national_id_wrong_length");
    assert_eq!(patients(&app).await, 0);
}

async fn the_same_file_twice_creates_nothing_new(engine: Engine) {
    let (app, agent) = spawn(engine).await;
    let (file, ids) = five_people();
    // One person already has a record (opened by an agent).
    app.create_patient(&mut agent.clone(), &ids[3], "fr").await;
    let first = upload(&app, &agent, file.clone()).await;
    let batch = first.body["id"].as_str().unwrap().to_owned();
    assert_eq!(act(&app, &agent, &batch, "start").await.status, 200);
    work(&app).await;
    let done = detail(&app, &agent, &batch).await;
    assert_eq!(
        (done["batch"]["created"].as_u64(), done["batch"]["already_there"].as_u64()),
        (Some(4), Some(1))
    );
    let letters: u64 =
        done["letters"].as_array().unwrap().iter().map(|p| p["letters"].as_u64().unwrap()).sum();
    assert_eq!(letters, 4, "no letter for the record that was there");
    assert_eq!(patients(&app).await, 5);

    let again = upload(&app, &agent, file).await;
    assert_eq!(again.body["file_sha256"], first.body["file_sha256"]);
    let batch = again.body["id"].as_str().unwrap().to_owned();
    assert_eq!(act(&app, &agent, &batch, "start").await.status, 200);
    work(&app).await;
    let done = detail(&app, &agent, &batch).await;
    assert_eq!(done["batch"]["state"], "done");
    assert_eq!(
        (done["batch"]["created"].as_u64(), done["batch"]["already_there"].as_u64()),
        (Some(0), Some(5))
    );
    assert_eq!(done["letters"], json!([]));
    assert_eq!(patients(&app).await, 5, "nothing new");
    assert_eq!(app.audit("letter_issued").await.len(), 4, "the first batch's four letters only");
}

async fn an_interrupted_import_resumes_where_it_stopped(engine: Engine) {
    use sea_orm::{ConnectionTrait, Statement};
    let (app, agent) = spawn(engine).await;
    let (file, _) = five_people();
    let batch = upload(&app, &agent, file).await.body["id"].as_str().unwrap().to_owned();
    assert_eq!(act(&app, &agent, &batch, "start").await.status, 200);
    // One chunk, then the agent stops the import.
    assert_eq!(
        dsp::services::imports::work_at_most(&app.state, Uuid::new_v4(), 1).await.unwrap(),
        1
    );
    let paused = act(&app, &agent, &batch, "pause").await;
    assert_eq!(paused.status, 200, "{:?}", paused.body);
    assert_eq!(paused.body["state"], "paused");
    assert_eq!(
        (paused.body["processed"].as_u64(), paused.body["chunks_done"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(work(&app).await, 0, "a stopped import stays stopped");
    assert_eq!(act(&app, &agent, &batch, "pause").await.code(), "import_not_ready");

    // Resumed; an instance claims the next chunk and dies before committing it.
    let resumed = act(&app, &agent, &batch, "start").await;
    assert_eq!(resumed.body["state"], "running");
    assert_eq!(app.audit("import_resumed").await.len(), 1);
    let backend = app.db.get_database_backend();
    let text = dsp::db::placeholders(
        backend,
        "UPDATE import_chunks SET claimed_by = $1, claimed_until = $2 WHERE batch_id = $3 AND chunk_no = 2",
    );
    let lease_end = app.clock.now() + dsp::services::imports::CLAIM_LEASE;
    app.db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            text,
            [Uuid::new_v4().into(), lease_end.into(), Uuid::parse_str(&batch).unwrap().into()],
        ))
        .await
        .unwrap();
    // Two instances at once: chunk 3 is done by exactly one of them; chunk 2 is left to its claim.
    let (a, b) = tokio::join!(
        dsp::services::imports::work(&app.state, Uuid::new_v4()),
        dsp::services::imports::work(&app.state, Uuid::new_v4())
    );
    assert_eq!(a.unwrap() + b.unwrap(), 1);
    let waiting = detail(&app, &agent, &batch).await;
    assert_eq!(waiting["batch"]["state"], "running");
    assert_eq!(waiting["batch"]["processed"], 3);
    // The lease runs out: the chunk is taken over, and the import ends with every record once.
    app.clock.advance(dsp::services::imports::CLAIM_LEASE + chrono::TimeDelta::seconds(1));
    assert_eq!(work(&app).await, 1);
    let done = detail(&app, &agent, &batch).await;
    assert_eq!(done["batch"]["state"], "done");
    assert_eq!(done["batch"]["created"], 5);
    assert_eq!(patients(&app).await, 5);
    assert_eq!(app.audit("patient_created").await.len(), 5);
    let letters: u64 =
        done["letters"].as_array().unwrap().iter().map(|p| p["letters"].as_u64().unwrap()).sum();
    assert_eq!(letters, 5);
    assert_eq!(act(&app, &agent, &batch, "start").await.code(), "import_not_ready");
}

/// `dsp import FILE --workers 3`: three workers claim the chunks as three instances would; every
/// record is created once with one letter, every chunk done once, and the same file again
/// creates nothing.
async fn the_command_line_import_runs_several_workers_and_each_chunk_once(engine: Engine) {
    let (app, agent) = spawn(engine).await;
    let mut file = format!("{HEADER}\n");
    for n in 0..7 {
        let id = national_id(100 + n);
        file.push_str(&format!("{id};Zoë{n};Ñúñez;{n} rue de la Gare;L-1611;Luxembourg;LU;fr\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("people.csv");
    std::fs::write(&path, file).unwrap();
    let path = path.to_str().unwrap();
    let chunks = [("DSP_IMPORT_CHUNK_ROWS", std::path::Path::new("2"))];

    let (status, out) = app.cli(&["import", path, "--workers", "3"], &chunks);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("7 rows, 0 invalid rows"), "{out}");
    assert!(
        out.contains("7 created, 0 already there, 4 chunks, 4 letter PDFs, 3 workers"),
        "{out}"
    );
    assert_eq!(patients(&app).await, 7);
    assert_eq!(app.audit("patient_created").await.len(), 7);
    assert_eq!(app.audit("letter_issued").await.len(), 7);
    assert_eq!(app.audit("import_chunk_done").await.len(), 4);
    let batches = app.get_as(&agent, "/api/agency/imports").await;
    let batch = batches.body[0]["id"].as_str().unwrap().to_owned();
    let done = detail(&app, &agent, &batch).await;
    assert_eq!(done["batch"]["state"], "done", "{done}");
    let (mut names, mut codes) = (String::new(), 0);
    for chunk in 1..=4 {
        let pdf = letters_pdf(&app, &agent, &batch, chunk).await;
        names.push_str(&pdf_text(&pdf));
        codes += codes_in(&pdf).len();
    }
    assert_eq!(codes, 2 * 7, "one letter (activation and practice codes) a record: {names}");
    for n in 0..7 {
        assert!(names.contains(&format!("Zoë{n} Ñúñez")), "{names}");
    }

    let (status, out) = app.cli(&["import", path, "--workers", "2"], &chunks);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("0 created, 7 already there"), "{out}");
    assert_eq!(patients(&app).await, 7);
    let (status, out) = app.cli(&["import", path, "--workers", "0"], &chunks);
    assert_ne!(status, 0, "zero workers is refused: {out}");
}
