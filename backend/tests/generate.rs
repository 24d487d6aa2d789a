#![cfg(test)]
//! `dsp generate --scale tiny` on SQLite and on PostgreSQL: the volumes are exact, every hash
//! chain verifies, the indexes dropped for the load are back, the placeholder contents are in the
//! store, the data is deterministic, a second generation is refused, and a generated
//! professional with a live link reads generated documents through `access::decide`.

#[expect(dead_code, reason = "the API tests' harness; this test uses part of it")]
mod common;

use std::collections::BTreeSet;

use common::{Engine, TestApp};
use dsp::access::{Action, Actor, Author, DocumentFacts, Matrix, Restriction, decide};
use dsp::documents::{ContentAddress, ContentStore, FileStore};
use dsp::entity::{
    care_link, document, document_hidden_from, document_version, patient, professional,
};
use dsp::generate::{Options, Scale, Summary};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Statement,
};
use shared::ids::{OrganisationId, ProfessionalId};
use shared::{Category, NationalId, Profession};

async fn count(db: &DatabaseConnection, table: &str) -> u64 {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT COUNT(*) AS n FROM {table}"),
        ))
        .await
        .unwrap()
        .unwrap();
    u64::try_from(row.try_get::<i64>("", "n").unwrap()).unwrap()
}

async fn index_names(db: &DatabaseConnection) -> BTreeSet<String> {
    let sql = match db.get_database_backend() {
        sea_orm::DbBackend::Postgres => {
            "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()"
        }
        _ => "SELECT name FROM sqlite_master WHERE type = 'index'",
    };
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get::<String>("", "name").unwrap())
        .collect()
}

async fn hashes(db: &DatabaseConnection) -> Vec<String> {
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        "SELECT hash FROM audit_events ORDER BY id",
    ))
    .await
    .unwrap()
    .iter()
    .map(|row| row.try_get::<String>("", "hash").unwrap())
    .collect()
}

async fn generate(app: &TestApp, seed: u64) -> anyhow::Result<Summary> {
    let options = Options { volumes: Scale::Tiny.volumes(), seed, now: app.clock.now() };
    dsp::generate::run(&app.state.config, &options, &mut std::io::sink()).await
}

/// How many (professional with a live link, document of that record) pairs the rules allow.
async fn allowed_reads(db: &DatabaseConnection, now: chrono::DateTime<chrono::Utc>) -> usize {
    let matrix =
        Matrix::from_cells(&dsp::seed::parse_access_matrix(dsp::seed::ACCESS_MATRIX_CSV).unwrap());
    let live: Vec<care_link::Model> = care_link::Entity::find()
        .filter(care_link::Column::ProfessionalId.is_not_null())
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .filter(|l| l.starts_at <= now && now < l.ends_at && l.ended_at.is_none())
        .collect();
    assert!(!live.is_empty(), "some links are live at the end of the history");
    let mut allowed = 0;
    for link in live {
        let pro = professional::Entity::find_by_id(link.professional_id.unwrap())
            .one(db)
            .await
            .unwrap()
            .expect("a link's professional is in the directory");
        let actor = Actor::Professional {
            id: ProfessionalId(pro.id),
            profession: Profession::from_code(&pro.profession).unwrap(),
            organisation: pro.organisation_id.map(OrganisationId),
            active: pro.state == "active",
        };
        let facts = dsp::services::care::record_facts(db, link.patient_id, chrono::Utc::now())
            .await
            .unwrap();
        let documents = document::Entity::find()
            .filter(document::Column::PatientId.eq(link.patient_id))
            .filter(document::Column::Status.eq("current"))
            .all(db)
            .await
            .unwrap();
        for doc in documents {
            let named = document_hidden_from::Entity::find()
                .filter(document_hidden_from::Column::DocumentId.eq(doc.id))
                .all(db)
                .await
                .unwrap()
                .into_iter()
                .map(|h| ProfessionalId(h.professional_id))
                .collect();
            let doc_facts = DocumentFacts {
                category: Category::from_code(&doc.category).unwrap(),
                author: if doc.author_kind == "patient" {
                    Author::Patient
                } else {
                    Author::Professional(ProfessionalId(doc.author_id))
                },
                organisation: doc.organisation_id.map(OrganisationId),
                restriction: match doc.restriction.as_str() {
                    "author_only" => Restriction::AuthorOnly,
                    "hidden_from" => Restriction::HiddenFrom(named),
                    _ => Restriction::None,
                },
                withdrawn: doc.status == "withdrawn",
            };
            if decide(&matrix, &actor, &Action::ReadDocument(&doc_facts), &facts, now).is_allowed()
            {
                allowed += 1;
            }
        }
    }
    allowed
}

async fn generates_a_tiny_country(engine: Engine) -> TestApp {
    let app = TestApp::spawn(engine).await;
    let fresh_indexes = index_names(&app.db).await;
    let summary = generate(&app, 7).await.unwrap();
    let volumes = Scale::Tiny.volumes();
    for (table, expected) in [
        ("patients", volumes.patients),
        ("professionals", volumes.professionals),
        ("documents", volumes.documents),
        ("document_versions", volumes.documents),
        ("audit_events", volumes.audit_entries),
    ] {
        assert_eq!(count(&app.db, table).await, expected, "{table}");
        assert_eq!(summary.rows(table), expected, "{table} as reported");
    }
    assert!(count(&app.db, "care_links").await > 0);
    assert_eq!(index_names(&app.db).await, fresh_indexes, "the dropped indexes are back");

    let report = dsp::audit::verify(&app.db).await.unwrap();
    assert_eq!(report.first_broken, None);
    assert_eq!(report.entries, volumes.audit_entries);
    assert_eq!(report.chains, count(&app.db, "audit_chain_heads").await);

    for p in patient::Entity::find().all(&app.db).await.unwrap() {
        let id = NationalId::parse(&p.national_id).unwrap();
        assert_eq!(id.birth_date(), p.birth_date, "{}", p.national_id);
    }
    let store = FileStore::open_in(&app.state.config.data_dir).await.unwrap();
    let contents: BTreeSet<String> = document_version::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.sha256)
        .collect();
    assert!(contents.len() <= 6, "a handful of placeholders: {}", contents.len());
    for sha256 in contents {
        let address = ContentAddress::parse_hex(&sha256).unwrap();
        assert!(store.exists(&address).await.unwrap(), "{sha256} is stored");
    }

    assert!(allowed_reads(&app.db, summary.now).await > 0, "a linked professional reads");

    let again = generate(&app, 7).await.unwrap_err();
    assert!(again.to_string().contains("empty database"), "{again}");
    app
}

#[tokio::test]
async fn tiny_on_sqlite_is_complete_verified_and_deterministic() {
    let first = generates_a_tiny_country(Engine::Sqlite).await;
    let second = TestApp::spawn(Engine::Sqlite).await;
    let options = Options { volumes: Scale::Tiny.volumes(), seed: 7, now: first.clock.now() };
    dsp::generate::run(&second.state.config, &options, &mut std::io::sink()).await.unwrap();
    assert_eq!(hashes(&first.db).await, hashes(&second.db).await, "same seed, same log");
}

#[tokio::test]
async fn tiny_on_postgres_is_complete_and_verified() {
    let app = generates_a_tiny_country(Engine::Postgres).await;
    // The identity sequence continues after the generated entries.
    let row = app
        .db
        .query_one_raw(Statement::from_string(
            sea_orm::DbBackend::Postgres,
            "SELECT last_value FROM audit_events_id_seq",
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.try_get::<i64>("", "last_value").unwrap(), 20_000);
}
