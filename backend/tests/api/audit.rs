//! The audit log: append-only in the database, hash-chained, verifiable; concurrent appends to
//! one record stay linear.

use dsp::audit::checkpoint::{self, CheckpointKey, Witness};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::json;

use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    the_demo_is_in_the_audit_and_each_records_history,
    the_database_refuses_to_change_audit_entries,
    verify_names_the_first_edited_entry,
    concurrent_appends_to_one_record_stay_linear,
    checkpoints_reveal_a_truncated_and_a_rewritten_chain_that_verify_misses,
    checkpoints_are_one_per_interval_and_forged_ones_are_refused,
    the_cli_writes_checkpoints_and_verify_exits_1_naming_the_truncated_chain,
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

/// An insider with the database writer's rights: drops the append-only guard, deletes the newest
/// `n` entries of `chain` and moves its head back to the entry before them.
async fn truncate(app: &TestApp, engine: Engine, chain: &str, n: i64) {
    let drop_guard = match engine {
        Engine::Postgres => "DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events",
        Engine::Sqlite => "DROP TRIGGER IF EXISTS audit_events_no_delete",
    };
    app.db.execute_unprepared(drop_guard).await.unwrap();
    let backend = app.db.get_database_backend();
    let head = app
        .db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            dsp::db::placeholders(
                backend,
                "SELECT seq FROM audit_chain_heads WHERE chain_key = $1",
            ),
            [chain.into()],
        ))
        .await
        .unwrap()
        .unwrap();
    let seq: i64 = head.try_get("", "seq").unwrap();
    let keep = seq - n;
    for sql in [
        "DELETE FROM audit_events WHERE chain_key = $1 AND seq > $2",
        "UPDATE audit_chain_heads SET seq = $2, \
         hash = (SELECT hash FROM audit_events WHERE chain_key = $1 AND seq = $2) \
         WHERE chain_key = $1",
    ] {
        app.db
            .execute_raw(Statement::from_sql_and_values(
                backend,
                dsp::db::placeholders(backend, sql),
                [chain.into(), keep.into()],
            ))
            .await
            .unwrap();
    }
}

/// A key pair in a directory of its own (outside the database), and a witness directory.
fn witness(every: chrono::TimeDelta) -> (tempfile::TempDir, Witness, ed25519_dalek::VerifyingKey) {
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("keys/audit-checkpoint.pem");
    let public_file = checkpoint::keygen(&key_file).unwrap();
    let key = CheckpointKey::load(&key_file).unwrap();
    let public = checkpoint::load_public_key(&public_file).unwrap();
    assert_eq!(key.public_key(), public);
    let witness = Witness { dir: dir.path().join("checkpoints"), key, every };
    (dir, witness, public)
}

async fn checkpoints_reveal_a_truncated_and_a_rewritten_chain_that_verify_misses(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient = app.create_patient(&mut agent, "1893120105732", "fr").await;
    for _ in 0..3 {
        app.letter_code(&agent, &patient).await;
    }
    let chain = format!("patient:{patient}");
    let (_keep, witness, public) = witness(chrono::TimeDelta::minutes(10));
    let written = checkpoint::write(&app.db, &witness, app.clock.now()).await.unwrap().unwrap();
    assert_eq!(written.number, 1);
    assert!(written.chains >= 2, "{written:?}");
    let checkpoints = checkpoint::read_dir(&witness.dir, &[public]).unwrap();
    assert_eq!(checkpoint::verify_against(&app.db, &checkpoints).await.unwrap().first_broken, None);

    // The newest two entries of the record's chain go, its head moves back: verify sees nothing.
    truncate(&app, engine, &chain, 2).await;
    assert_eq!(dsp::audit::verify(&app.db).await.unwrap().first_broken, None);
    let report = checkpoint::verify_against(&app.db, &checkpoints).await.unwrap();
    let (_, broken, problem) = report.first_broken.expect("the truncation is detected");
    assert_eq!(broken, chain);
    assert!(problem.contains("truncated"), "{problem}");

    // The chain grows again past where it was: its entries now differ from the witnessed ones.
    for _ in 0..3 {
        app.letter_code(&agent, &patient).await;
    }
    assert_eq!(dsp::audit::verify(&app.db).await.unwrap().first_broken, None);
    app.clock.advance(chrono::TimeDelta::minutes(10));
    assert!(checkpoint::write(&app.db, &witness, app.clock.now()).await.unwrap().is_some());
    let checkpoints = checkpoint::read_dir(&witness.dir, &[public]).unwrap();
    let report = checkpoint::verify_against(&app.db, &checkpoints).await.unwrap();
    let (id, broken, problem) = report.first_broken.expect("the rewrite is detected");
    assert_eq!(broken, chain);
    assert!(id > 0 && problem.contains("rewritten"), "{problem}");
}

async fn checkpoints_are_one_per_interval_and_forged_ones_are_refused(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient = app.create_patient(&mut agent, "1893120105732", "de").await;
    let (_keep, witness, public) = witness(chrono::TimeDelta::minutes(10));
    // Two instances share the database, each with its own directory: one checkpoint per interval.
    let other = Witness {
        dir: witness.dir.with_file_name("other-instance"),
        key: witness.key.clone(),
        every: witness.every,
    };
    let now = app.clock.now();
    let (first, second) = tokio::join!(
        checkpoint::write(&app.db, &witness, now),
        checkpoint::write(&app.db, &other, now)
    );
    let (first, second) = (first.unwrap(), second.unwrap());
    assert_eq!(usize::from(first.is_some()) + usize::from(second.is_some()), 1);
    app.clock.advance(chrono::TimeDelta::minutes(5));
    assert!(checkpoint::write(&app.db, &witness, app.clock.now()).await.unwrap().is_none());
    // Only what changed since goes into the next one.
    app.letter_code(&agent, &patient).await;
    app.clock.advance(chrono::TimeDelta::minutes(5));
    let next = checkpoint::write(&app.db, &other, app.clock.now()).await.unwrap().unwrap();
    assert_eq!(next.number, 2);
    assert_eq!(next.chains, 1, "the record's chain alone: {next:?}");
    // The witness gathers every instance's files (either may have written the first).
    std::fs::create_dir_all(&witness.dir).unwrap();
    for entry in std::fs::read_dir(&other.dir).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), witness.dir.join(entry.file_name())).unwrap();
    }
    let checkpoints = checkpoint::read_dir(&witness.dir, &[public]).unwrap();
    assert_eq!(checkpoint::verify_against(&app.db, &checkpoints).await.unwrap().first_broken, None);
    // Without checkpoint 1, the witness is incomplete.
    let one = std::fs::read_dir(&witness.dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with("checkpoint-0000000001-"))
        .unwrap();
    let saved = std::fs::read(&one).unwrap();
    std::fs::remove_file(&one).unwrap();
    let err = checkpoint::read_dir(&witness.dir, &[public]).unwrap_err();
    assert!(err.to_string().contains("checkpoint 1 is missing"), "{err}");
    // A checkpoint edited after signing, or signed with another key, is refused.
    let forged = String::from_utf8(saved.clone()).unwrap().replacen("patient:", "patient:0", 1);
    std::fs::write(&one, forged).unwrap();
    let err = checkpoint::read_dir(&witness.dir, &[public]).unwrap_err();
    assert!(err.to_string().contains("signature"), "{err}");
    std::fs::write(&one, &saved).unwrap();
    let (_other_keys, _, stranger) = self::witness(chrono::TimeDelta::minutes(10));
    let err = checkpoint::read_dir(&witness.dir, &[stranger]).unwrap_err();
    assert!(err.to_string().contains("signature"), "{err}");
    assert!(checkpoint::read_dir(&witness.dir, &[public]).is_ok());
}

async fn the_cli_writes_checkpoints_and_verify_exits_1_naming_the_truncated_chain(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (mut agent, _) = app.signed_in_agent().await;
    let patient = app.create_patient(&mut agent, "1893120105732", "lb").await;
    app.letter_code(&agent, &patient).await;
    let keys = tempfile::tempdir().unwrap();
    let witness = tempfile::tempdir().unwrap();
    let key = keys.path().join("checkpoint.pem");
    let public = keys.path().join("checkpoint.pem.pub");
    let (status, out) = app.cli(&["audit", "keygen", "--out", key.to_str().unwrap()], &[]);
    assert_eq!(status, 0, "{out}");
    let vars = [("DSP_AUDIT_CHECKPOINT_DIR", witness.path()), ("DSP_AUDIT_CHECKPOINT_KEY", &key)];
    let (status, out) = app.cli(&["audit", "checkpoint"], &vars);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("checkpoint 1 written"), "{out}");
    let (status, out) = app.cli(&["audit", "checkpoint"], &vars);
    assert!(status == 0 && out.contains("nothing written"), "{out}");
    let dir = witness.path().to_str().unwrap();
    let pinned =
        ["audit", "verify", "--checkpoints", dir, "--public-key", public.to_str().unwrap()];
    let (status, out) = app.cli(&pinned, &[]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("intact") && out.contains("1 checkpoints witnessed"), "{out}");

    truncate(&app, engine, &format!("patient:{patient}"), 1).await;
    let (status, out) = app.cli(&["audit", "verify"], &[]);
    assert_eq!(status, 0, "verify alone misses it: {out}");
    let (status, out) = app.cli(&pinned, &[]);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains(&format!("chain patient:{patient}: truncated")), "{out}");
    // The key found beside the files serves when none is given.
    let (status, out) = app.cli(&["audit", "verify", "--checkpoints", dir], &[]);
    assert_eq!(status, 1, "{out}");
    // Checkpoints signed by another key are refused, whatever they say.
    let stranger = keys.path().join("stranger.pem");
    app.cli(&["audit", "keygen", "--out", stranger.to_str().unwrap()], &[]);
    let other = keys.path().join("stranger.pem.pub");
    let args = ["audit", "verify", "--checkpoints", dir, "--public-key", other.to_str().unwrap()];
    let (status, out) = app.cli(&args, &[]);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("REFUSED") && out.contains("signature"), "{out}");
}

/// `dsp demo` through the CLI: what it creates is audited as the product audits it, so that the
/// demo patients' histories tell it, and `dsp audit verify` holds.
async fn the_demo_is_in_the_audit_and_each_records_history(engine: Engine) {
    use crate::common::authenticator::Passkey;
    use crate::common::personas::Browser;
    let app = TestApp::spawn(engine).await;
    let (status, out) = app.cli(&["demo"], &[]);
    assert_eq!(status, 0, "{out}");
    let code_of = |name: &str| {
        let line = out.lines().find(|l| l.trim_start().starts_with(name)).unwrap();
        let national_id = line.split("national ID ").nth(1).unwrap().split(',').next().unwrap();
        let code = line.rsplit("activation code ").next().unwrap().trim();
        (national_id.to_owned(), code.to_owned())
    };
    let history_of = async |name: &str| {
        let (national_id, code) = code_of(name);
        let mut patient = Browser::default();
        let activated = app.activate(&mut patient, &mut Passkey::new(), &national_id, &code).await;
        assert_eq!(activated.status, 200, "{name}: {:?}", activated.body);
        let page = app.get_as(&patient, "/api/me/history").await;
        assert_eq!(page.status, 200, "{:?}", page.body);
        page.body["entries"].as_array().unwrap().clone()
    };
    let has = |entries: &[serde_json::Value], action: &str| {
        entries.iter().find(|e| e["action"] == action).cloned()
    };
    // The demo country's first letters went out over 30 days ago: its records are open to
    // the professionals who treat them (past the objection window).
    let window_open = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT letter_issued_at FROM patients".to_owned(),
        ))
        .await
        .unwrap();
    assert!(!window_open.is_empty());
    for row in window_open {
        let at: chrono::DateTime<chrono::Utc> = row.try_get_by_index(0).unwrap();
        assert!(at < chrono::Utc::now() - chrono::TimeDelta::days(30), "{at}");
    }
    // Marie Dupont: created and written to by the agency, a consultation opened by her
    // physician, who filed a report.
    let marie = history_of("Marie Dupont").await;
    for action in ["patient_created", "letter_issued", "link_opened", "document_filed"] {
        assert!(has(&marie, action).is_some(), "{action} missing from {marie:#?}");
    }
    let filed = has(&marie, "document_filed").unwrap();
    assert_eq!(filed["actor"]["role"], "professional", "{filed:#?}");
    // Thomas Becker: he designated his référent, who filed his discharge letter.
    let thomas = history_of("Thomas Becker").await;
    for action in ["patient_created", "referent_designated", "document_filed"] {
        assert!(has(&thomas, action).is_some(), "{action} missing from {thomas:#?}");
    }
    // Every document and link the demo made has its entry.
    let count = async |sql: &str| {
        let row = app
            .db
            .query_one_raw(Statement::from_string(app.db.get_database_backend(), sql.to_owned()))
            .await
            .unwrap()
            .unwrap();
        row.try_get_by_index::<i64>(0).unwrap()
    };
    let documents = count("SELECT COUNT(*) FROM documents").await;
    assert!(documents > 0);
    assert_eq!(
        count("SELECT COUNT(*) FROM audit_events WHERE action = 'document_filed'").await,
        documents
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM audit_events WHERE action = 'link_opened'").await,
        count("SELECT COUNT(*) FROM care_links").await
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM audit_events WHERE action = 'patient_created'").await,
        count("SELECT COUNT(*) FROM patients").await
    );
    let (status, out) = app.cli(&["audit", "verify"], &[]);
    assert_eq!(status, 0, "{out}");
}
