//! The audit log: append-only in the database, hash-chained, verifiable; concurrent appends to
//! one record stay linear.

use sea_orm::{ConnectionTrait, DbBackend};
use serde_json::json;

use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    the_database_refuses_to_change_audit_entries,
    verify_names_the_first_edited_entry,
    concurrent_appends_to_one_record_stay_linear,
);

async fn the_database_refuses_to_change_audit_entries(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    app.signed_in_agent().await;
    assert!(
        app.db.execute_unprepared("UPDATE audit_events SET outcome = 'failure'").await.is_err()
    );
    assert!(app.db.execute_unprepared("DELETE FROM audit_events").await.is_err());
    assert!(!app.audit("sign_in").await.is_empty() || !app.audit("enrolment").await.is_empty());
}

async fn verify_names_the_first_edited_entry(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient = app.create_patient(&mut agent, "1893120105732", "fr").await;
    app.letter_code(&agent, &patient).await;
    app.letter_code(&agent, &patient).await;
    let report = dsp::audit::verify(&app.db).await.unwrap();
    assert_eq!(report.first_broken, None);
    assert!(report.entries >= 5 && report.chains >= 2, "{report:?}");

    let letters = app.audit("letter_issued").await;
    let target = letters[0].id;
    assert_eq!(letters[1].prev_hash.as_deref(), Some(letters[0].hash.as_str()));
    // An insider edits an entry directly in the database, around the append-only guard.
    let tamper = match engine {
        Engine::Postgres => format!(
            "ALTER TABLE audit_events DISABLE TRIGGER USER; \
             UPDATE audit_events SET detail = '{{}}' WHERE id = {target}; \
             ALTER TABLE audit_events ENABLE TRIGGER USER;"
        ),
        Engine::Sqlite => format!(
            "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET detail = '{{}}' WHERE id = {target};"
        ),
    };
    assert_eq!(app.db.get_database_backend() == DbBackend::Postgres, engine == Engine::Postgres);
    app.db.execute_unprepared(&tamper).await.unwrap();
    let report = dsp::audit::verify(&app.db).await.unwrap();
    let (id, chain, problem) = report.first_broken.expect("the edit is detected");
    assert_eq!(id, target);
    assert_eq!(chain, format!("patient:{patient}"));
    assert!(problem.contains("edited"), "{problem}");
}

async fn concurrent_appends_to_one_record_stay_linear(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient = app.create_patient(&mut agent, "1893120105732", "de").await;
    let requests = (0..16).map(|_| {
        let request = app
            .request(
                &agent,
                reqwest::Method::POST,
                &format!("/api/agency/patients/{patient}/letter"),
            )
            .json(&json!({}));
        async move { request.send().await.unwrap().status().as_u16() }
    });
    let statuses = futures::future::join_all(requests).await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    let letters = app.audit("letter_issued").await;
    assert_eq!(letters.len(), 16);
    let mut seqs: Vec<i64> = app
        .audit("letter_issued")
        .await
        .iter()
        .chain(app.audit("patient_created").await.iter())
        .map(|e| e.seq)
        .collect();
    seqs.sort_unstable();
    assert_eq!(seqs, (1..=17).collect::<Vec<i64>>(), "one chain, no gap, no fork");
    assert_eq!(dsp::audit::verify(&app.db).await.unwrap().first_broken, None);
}
