//! The key figures over time (`GET /api/agency/figures/series`): a small country made by hand
//! over three days of a moved clock, read back per day, week and month; bad ranges and callers
//! other than agents refused.

use chrono::{NaiveDate, TimeDelta};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::Value;

use crate::common::authenticator::SecurityKey;
use crate::common::personas::Browser;
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    the_series_reads_each_day_as_it_was,
    bad_ranges_are_refused,
    only_agents_read_the_series,
);

async fn series(app: &TestApp, agent: &Browser, query: &str) -> Value {
    let answer = app.get_as(agent, &format!("/api/agency/figures/series?{query}")).await;
    assert_eq!(answer.status, 200, "{query}: {:?}", answer.body);
    answer.body
}

/// One figure of every point, oldest first.
fn column(series: &Value, name: &str) -> Vec<u64> {
    series["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[name].as_u64().unwrap_or_else(|| panic!("{name} in {p}")))
        .collect()
}

async fn the_series_reads_each_day_as_it_was(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let day0: NaiveDate = app.clock.now().date_naive();
    let (mut agent, _) = app.signed_in_agent().await;
    // Day 0: the agent signed in; record A created.
    let a = app.create_patient(&mut agent, "1893120105732", "fr").await;
    app.clock.advance(TimeDelta::days(1));
    // A session lasts less than a day: each day an agent signs in (one connection each).
    let (mut agent, _) = app.signed_in_agent().await;
    // Day 1: record B created, A's letter issued; a doctor enrols (a key, a sign-in).
    let b = app.create_patient(&mut agent, "1985010112357", "de").await;
    app.letter_code(&agent, &a).await;
    let (_, enrolment) = app.create_professional(&mut agent, "M-1", "MED").await;
    let mut doctor = Browser::default();
    let enrolled = app.enrol(&mut doctor, &mut SecurityKey::new(3), &enrolment).await;
    assert_eq!(enrolled.status, 200, "{:?}", enrolled.body);
    app.clock.advance(TimeDelta::days(1));
    let (agent, _) = app.signed_in_agent().await;
    // Day 2: record B closed (by hand: the closing itself is another part of the service).
    let backend = app.db.get_database_backend();
    app.db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            dsp::db::placeholders(
                backend,
                "UPDATE patients SET record_state = 'closed', closed_at = $1 WHERE id = $2",
            ),
            [app.clock.now().into(), uuid::Uuid::parse_str(&b).unwrap().into()],
        ))
        .await
        .unwrap();

    let day2 = day0 + TimeDelta::days(2);
    let days = series(&app, &agent, &format!("granularity=day&from={day0}&to={day2}")).await;
    assert_eq!(days["granularity"], "day");
    let starts: Vec<&str> =
        days["points"].as_array().unwrap().iter().map(|p| p["start"].as_str().unwrap()).collect();
    let expected_starts: Vec<String> =
        (0..3).map(|i| (day0 + TimeDelta::days(i)).to_string()).collect();
    assert_eq!(starts, expected_starts);
    assert_eq!(column(&days, "records_open"), [1, 2, 1]);
    assert_eq!(column(&days, "records_closed"), [0, 0, 1]);
    // A waits on day 0; on day 1 A's letter goes and B waits; on day 2 B is closed unlettered.
    assert_eq!(column(&days, "letters_waiting"), [1, 1, 0]);
    assert_eq!(column(&days, "professionals_activated"), [0, 1, 1]);
    let connections = column(&days, "connections");
    assert!(connections[0] >= 1, "{days}");
    assert_eq!(connections[1..], [2, 1], "the agents' sign-ins and the doctor's enrolment");
    assert_eq!(column(&days, "documents"), [0, 0, 0]);
    assert_eq!(column(&days, "emergency_accesses"), [0, 0, 0]);
    assert_eq!(column(&days, "objections"), [0, 0, 0]);

    // The days before: nothing yet. A range that ends on day 0 ignores what came after.
    let before = day0 - TimeDelta::days(2);
    let early = series(&app, &agent, &format!("from={before}&to={day0}")).await;
    assert_eq!(column(&early, "records_open"), [0, 0, 1]);
    assert_eq!(column(&early, "letters_waiting"), [0, 0, 1]);
    // A range that starts on day 1 carries what came before it.
    let day1 = day0 + TimeDelta::days(1);
    let late = series(&app, &agent, &format!("from={day1}&to={day2}")).await;
    assert_eq!(column(&late, "records_open"), [2, 1]);
    assert_eq!(column(&late, "professionals_activated"), [1, 1]);

    // Weeks and months: the last period holds the levels of day 2 and the sum of the flows.
    for granularity in ["week", "month"] {
        let long = series(&app, &agent, &format!("granularity={granularity}&to={day2}")).await;
        assert_eq!(long["granularity"], granularity);
        let points = long["points"].as_array().unwrap();
        let expected = if granularity == "week" { 26 } else { 24 };
        assert_eq!(points.len(), expected, "{long}");
        let last = points.last().unwrap();
        assert_eq!(last["records_open"], 1);
        assert_eq!(last["records_closed"], 1);
        assert_eq!(last["professionals_activated"], 1);
        let total: u64 = column(&long, "connections").iter().sum();
        assert_eq!(total, connections.iter().sum::<u64>(), "{long}");
        let start = NaiveDate::parse_from_str(last["start"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        assert!(start <= day2 && day2 - start < TimeDelta::days(31));
    }
}

async fn bad_ranges_are_refused(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (agent, _) = app.signed_in_agent().await;
    let today = app.clock.now().date_naive();
    let tomorrow = today + TimeDelta::days(1);
    let long_ago = today - TimeDelta::days(400);
    for query in [
        format!("from={tomorrow}&to={today}"),
        format!("to={tomorrow}"),
        format!("granularity=day&from={long_ago}"),
        "granularity=hour".to_owned(),
        "from=yesterday".to_owned(),
        "to=2026-02-30".to_owned(),
    ] {
        let answer = app.get_as(&agent, &format!("/api/agency/figures/series?{query}")).await;
        assert_eq!(answer.status, 422, "{query}: {:?}", answer.body);
        assert_eq!(answer.body["code"], "figures_range_invalid", "{query}");
    }
    // Four hundred days are too many days, not too many weeks.
    series(&app, &agent, &format!("granularity=week&from={long_ago}")).await;
}

async fn only_agents_read_the_series(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let anonymous = app.get_as(&Browser::default(), "/api/agency/figures/series").await;
    assert_eq!(anonymous.status, 401, "{:?}", anonymous.body);
    let (mut agent, _) = app.signed_in_agent().await;
    let (_, enrolment) = app.create_professional(&mut agent, "M-2", "MED").await;
    let mut doctor = Browser::default();
    assert_eq!(app.enrol(&mut doctor, &mut SecurityKey::new(5), &enrolment).await.status, 200);
    let refused = app.get_as(&doctor, "/api/agency/figures/series").await;
    assert_eq!(refused.status, 403, "{:?}", refused.body);
    assert!(refused.body.get("points").is_none());
}
