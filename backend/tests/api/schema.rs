//! The migrated schema: health reports it, migrating again changes nothing, and the seeded
//! access matrix matches the regulation's table cell by cell.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::Value;

use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    health_reports_the_engine_and_the_migration,
    migrating_twice_is_a_no_op,
    the_access_matrix_matches_the_regulation_cell_by_cell,
    demo_data_is_created_once_with_valid_national_ids,
    housekeeping_removes_expired_ceremonies_and_orphaned_content,
);

async fn housekeeping_removes_expired_ceremonies_and_orphaned_content(engine: Engine) {
    use dsp::maintenance::Scope::Recent;
    let app = TestApp::spawn(engine).await;
    dsp::demo::create(&app.state).await.unwrap();
    // An upload whose metadata never landed, and a ceremony nobody finished.
    let mut pending = app.state.store.begin().await.unwrap();
    pending.write(b"%PDF-1.4 orphan %%EOF".to_vec().into()).await.unwrap();
    let orphan = pending.commit().await.unwrap();
    let start = app
        .client
        .post(app.url("/api/auth/sign-in/start"))
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(start.status(), 200);
    let first = dsp::maintenance::run_once(&app.state, Recent).await.unwrap();
    assert_eq!((first.ceremonies, first.orphan_contents), (0, 0), "nothing young is touched");
    app.clock.advance(chrono::TimeDelta::hours(2));
    let second = dsp::maintenance::run_once(&app.state, Recent).await.unwrap();
    assert_eq!(second.ceremonies, 1);
    assert_eq!(second.orphan_contents, 1);
    assert!(!app.state.store.exists(&orphan).await.unwrap());
    assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM document_versions").await, 2);
    let report = dsp::maintenance::run_once(&app.state, Recent).await.unwrap();
    assert_eq!(report.orphan_contents, 0, "the demo's documents are kept");
    // An orphan from three days ago is past a regular pass's look-back; `--all` finds it.
    let mut pending = app.state.store.begin().await.unwrap();
    pending.write(b"%PDF-1.4 older orphan %%EOF".to_vec().into()).await.unwrap();
    let older = pending.commit().await.unwrap();
    let three_days_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3 * 86_400);
    std::fs::File::options()
        .write(true)
        .open(
            app.data_dir()
                .join("content")
                .join(&older.to_hex()[..2])
                .join(&older.to_hex()[2..4])
                .join(older.to_hex()),
        )
        .unwrap()
        .set_modified(three_days_ago)
        .unwrap();
    let recent = dsp::maintenance::run_once(&app.state, Recent).await.unwrap();
    assert_eq!(recent.orphan_contents, 0);
    assert!(app.state.store.exists(&older).await.unwrap());
    let all = dsp::maintenance::run_once(&app.state, dsp::maintenance::Scope::All).await.unwrap();
    assert_eq!(all.orphan_contents, 1);
    assert!(!app.state.store.exists(&older).await.unwrap());
}

async fn demo_data_is_created_once_with_valid_national_ids(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let first = dsp::demo::create(&app.state).await.unwrap();
    assert!(first.patients >= 3 && first.professionals >= 3 && first.organisations >= 2);
    assert!(first.agent_link.as_deref().unwrap().contains("/enrol#code="));
    assert_eq!(first.professional_links.len(), first.professionals);
    assert_eq!(first.patient_codes.len(), first.patients);
    let again = dsp::demo::create(&app.state).await.unwrap();
    assert_eq!(again.patients, 0, "a second run adds nothing");
    assert_eq!(again.patient_codes.len(), first.patients, "but prints fresh codes");
    assert_ne!(again.patient_codes[0].2, first.patient_codes[0].2);
    let patients = count(&app, "SELECT COUNT(*) AS n FROM patients").await;
    assert_eq!(usize::try_from(patients).unwrap(), first.patients);
    let rows = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT national_id, birth_date, preferred_language FROM patients".to_owned(),
        ))
        .await
        .unwrap();
    let mut languages = Vec::new();
    for row in rows {
        let id: String = row.try_get("", "national_id").unwrap();
        let parsed = shared::NationalId::parse(&id).unwrap();
        let birth: chrono::NaiveDate = row.try_get("", "birth_date").unwrap();
        assert_eq!(parsed.birth_date(), birth, "the birth date matches the ID");
        languages.push(row.try_get::<String>("", "preferred_language").unwrap());
    }
    languages.sort();
    assert_eq!(languages, ["de", "en", "fr", "lb"], "one demo patient per language");
    let professions =
        count(&app, "SELECT COUNT(DISTINCT profession) AS n FROM professionals").await;
    assert!(professions >= 3);
}

async fn health_reports_the_engine_and_the_migration(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app.get("/api/health").await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    let expected_engine = match engine {
        Engine::Sqlite => "sqlite",
        Engine::Postgres => "postgres",
    };
    assert_eq!(body["database"], expected_engine);
    let (newest, count) = newest_migration();
    assert_eq!(body["migration"], newest.as_str());
    assert_eq!(body["migrations_applied"], count);
}

async fn migrating_twice_is_a_no_op(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    dsp::db::migrate(&app.db).await.unwrap();
    let (newest, applied) = dsp::db::migration_status(&app.db).await.unwrap();
    let (expected_newest, expected_count) = newest_migration();
    assert_eq!(applied, expected_count);
    assert_eq!(newest, expected_newest);
    assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM access_rights").await, 209);
}

/// The table of `access-matrix.md` (Annex 1 of the regulation), copied verbatim: the expected
/// values come from the regulation, not from the data file under test.
const REGULATION_TABLE: &str = "
| category | MED | REF | PHA | INF | EXP | SAG | LAB | ATM | AID | SOC | BIO |
|---|---|---|---|---|---|---|---|---|---|---|---|
| personal expression of the holder | R | R | R | R | R | R | R | R | R | R | R |
| summaries | W | W | - | R | R | R | - | R | R | R | - |
| health history | W | W | R | R | R | W | - | R | R | - | R |
| allergies and intolerances | W | W | W | R | R | R | R | R | R | - | R |
| prostheses and devices | W | W | - | R | R | R | - | R | R | - | R |
| care reports | W | W | R | W | W | W | R | R | R | W | R |
| certificates and declarations | W | W | - | R | R | R | - | - | R | - | - |
| medical imaging | W | W | - | R | R | R | - | R | - | - | - |
| lab analyses | W | W | R | R | R | R | R | R | R | - | W |
| medication dispensation | R | R | W | R | - | - | - | - | - | - | - |
| nursing assessments | W | W | - | W | W | W | - | R | W | R | R |
| prescriptions and treatments | W | W | W | R | R | W | R | R | R | - | R |
| prevention | W | W | R | W | W | W | - | - | W | R | R |
| socio-educational data | R | R | - | W | W | R | - | - | R | R | - |
| social environment | R | R | - | W | W | W | - | - | R | W | - |
| legal protection | R | R | - | R | R | W | - | - | R | W | - |
| social insurance cover | R | R | R | R | W | R | R | - | R | W | R |
| education | W | W | R | W | W | W | - | - | W | - | - |
| access-traces dashboard | - | R | - | - | - | - | - | - | - | - | - |
";

async fn the_access_matrix_matches_the_regulation_cell_by_cell(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let mut lines = REGULATION_TABLE.trim().lines();
    let header: Vec<&str> = cells(lines.next().unwrap());
    lines.next();
    let categories = shared::Category::ALL;
    let mut checked = 0;
    for (row, line) in lines.enumerate() {
        let fields = cells(line);
        let category = categories[row].code();
        for (column, symbol) in fields.iter().enumerate().skip(1) {
            let profession = header[column];
            let expected = match *symbol {
                "W" => "write",
                "R" => "read",
                "-" => "none",
                other => panic!("unexpected cell {other}"),
            };
            let sql = format!(
                "SELECT access FROM access_rights WHERE profession = '{profession}' AND category = '{category}'"
            );
            let stored = app
                .db
                .query_one_raw(Statement::from_string(app.db.get_database_backend(), sql))
                .await
                .unwrap()
                .unwrap_or_else(|| panic!("no cell for {profession} × {category}"));
            let access: String = stored.try_get("", "access").unwrap();
            assert_eq!(access, expected, "{profession} × {category} ({})", fields[0]);
            checked += 1;
        }
    }
    assert_eq!(checked, 11 * 19);
    assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM access_rights").await, 11 * 19);
    assert_eq!(count(&app, "SELECT COUNT(*) AS n FROM categories").await, 19);
}

/// The name of the newest migration the code ships, and how many there are.
fn newest_migration() -> (String, u32) {
    use sea_orm_migration::MigratorTrait;
    let migrations = dsp::migration::Migrator::migrations();
    let newest = migrations.last().unwrap().name().to_owned();
    (newest, u32::try_from(migrations.len()).unwrap())
}

fn cells(line: &str) -> Vec<&str> {
    line.trim().trim_matches('|').split('|').map(str::trim).collect()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let row = app
        .db
        .query_one_raw(Statement::from_string(app.db.get_database_backend(), sql.to_owned()))
        .await
        .unwrap()
        .unwrap();
    row.try_get("", "n").unwrap()
}
