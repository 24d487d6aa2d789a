//! The OpenAPI document describes every route, with the shared types as schemas.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use serde_json::Value;

use crate::common::authenticator::{Passkey, SecurityKey};
use crate::common::personas::Browser;
use crate::common::{Engine, TestApp};
use crate::on_both_databases;

on_both_databases!(
    the_openapi_document_lists_every_route_and_each_answers,
    the_openapi_document_is_well_formed,
    requests_built_from_the_document_reach_their_routes,
);

/// Every API route the server has. Adding a route without listing it here fails
/// `every_route_is_in_the_contract`; removing one from the document fails the test below.
const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/health"),
    ("post", "/api/national-ids/check"),
    ("get", "/api/openapi.json"),
    ("post", "/api/auth/sign-in/start"),
    ("post", "/api/auth/sign-in/finish"),
    ("post", "/api/auth/sign-out"),
    ("get", "/api/auth/session"),
    ("post", "/api/activation/start"),
    ("post", "/api/activation/finish"),
    ("post", "/api/enrolment/start"),
    ("post", "/api/enrolment/finish"),
    ("post", "/api/me/reverify/start"),
    ("post", "/api/me/reverify/finish"),
    ("get", "/api/me/credentials"),
    ("post", "/api/me/credentials/start"),
    ("post", "/api/me/credentials/finish"),
    ("patch", "/api/me/credentials/{id}"),
    ("delete", "/api/me/credentials/{id}"),
    ("get", "/api/me/sessions"),
    ("delete", "/api/me/sessions/{id}"),
    ("get", "/api/me/history"),
    ("get", "/api/me/history.csv"),
    ("get", "/api/me/history.fhir.json"),
    ("post", "/api/agency/patients/search"),
    ("post", "/api/agency/patients"),
    ("get", "/api/agency/patients/{id}"),
    ("post", "/api/agency/patients/{id}/letter"),
    ("get", "/api/agency/organisations"),
    ("post", "/api/agency/professionals/search"),
    ("post", "/api/agency/professionals"),
    ("post", "/api/agency/professionals/{id}/enrolment-code"),
    ("get", "/api/agency/figures"),
    ("post", "/api/agency/imports"),
    ("get", "/api/agency/imports"),
    ("get", "/api/agency/imports/{id}"),
    ("post", "/api/agency/imports/{id}/start"),
    ("post", "/api/agency/imports/{id}/pause"),
    ("get", "/api/agency/imports/{id}/letters/{chunk}"),
    ("get", "/api/agency/figures/series"),
    ("post", "/api/me/connection-code"),
    ("get", "/api/me/care"),
    ("post", "/api/me/links"),
    ("delete", "/api/me/links/{id}"),
    ("put", "/api/me/referent"),
    ("put", "/api/me/blocks/{professional_id}"),
    ("delete", "/api/me/blocks/{professional_id}"),
    ("put", "/api/me/emergency-access"),
    ("post", "/api/me/directory"),
    ("post", "/api/professional/consultations"),
    ("get", "/api/me/practice-code"),
    ("post", "/api/me/practice-code"),
    ("delete", "/api/me/practice-code"),
    ("post", "/api/professional/practice-consultations"),
    ("post", "/api/records/{patient_id}/documents"),
    ("get", "/api/records/{patient_id}/documents"),
    ("get", "/api/me/documents"),
    ("get", "/api/documents/{id}/content"),
    ("put", "/api/me/documents/{id}/restriction"),
    ("post", "/api/records/{patient_id}/emergency-access"),
    ("post", "/api/professional/emergency-access"),
    ("post", "/api/me/documents"),
    ("post", "/api/documents/{id}/versions"),
    ("get", "/api/documents/{id}/versions"),
    ("post", "/api/documents/{id}/withdraw"),
    ("post", "/api/records/{patient_id}/refusals"),
    ("post", "/api/professional/admissions"),
    ("post", "/api/professional/links/{id}/renew"),
    ("get", "/api/professional/links"),
    ("post", "/api/professional/patients"),
    ("get", "/api/records/{patient_id}/patient"),
    ("get", "/api/records/{patient_id}/history"),
    ("get", "/api/me/notifications"),
    ("post", "/api/me/notifications/read"),
    ("get", "/api/agency/emergency-accesses"),
    ("get", "/api/agency/emergency-alerts"),
    ("get", "/api/me/wishes"),
    ("put", "/api/me/wishes/{kind}"),
    ("post", "/api/me/wishes/{kind}/withdraw"),
    ("get", "/api/me/wishes/{kind}/versions"),
    ("get", "/api/records/{patient_id}/wishes"),
    ("put", "/api/agency/emergency-accesses/{id}/disposition"),
    ("get", "/api/me/contact"),
    ("put", "/api/me/contact"),
    ("put", "/api/agency/patients/{id}/contact"),
    ("get", "/api/me/record"),
    ("post", "/api/me/record/close"),
    ("get", "/api/me/record/export.zip"),
    ("get", "/api/agency/patients/{id}/life"),
    ("post", "/api/agency/patients/{id}/close"),
    ("post", "/api/agency/patients/{id}/death"),
    ("post", "/api/agency/patients/{id}/reopen"),
    ("post", "/api/agency/patients/{id}/life/letter"),
    ("get", "/api/me/objection"),
    ("post", "/api/me/objection"),
    ("post", "/api/agency/patients/{id}/objection"),
    ("post", "/api/opening-requests"),
    ("get", "/api/agency/opening-requests"),
    ("get", "/api/agency/opening-requests/{id}"),
    ("post", "/api/agency/opening-requests/{id}/accept"),
    ("post", "/api/agency/opening-requests/{id}/reject"),
    ("get", "/api/agency/patients/{id}/letters"),
    ("post", "/api/agency/patients/{id}/unlock"),
    ("post", "/api/agency/professionals/{id}/recovery"),
    ("post", "/api/agency/professionals/{id}/suspension"),
    ("post", "/api/agency/professionals/{id}/reinstatement"),
    ("put", "/api/agency/professionals/{id}/organisation"),
    ("post", "/api/agency/organisations/search"),
    ("post", "/api/agency/organisations"),
    ("get", "/api/agency/organisations/{id}"),
    ("put", "/api/agency/organisations/{id}"),
    ("get", "/api/professional/notices"),
    ("get", "/.well-known/oauth-authorization-server"),
    ("get", "/oauth/authorize"),
    ("post", "/oauth/token"),
    ("post", "/oauth/device_authorization"),
    ("post", "/oauth/introspect"),
    ("post", "/oauth/revoke"),
    ("get", "/api/oauth/authorization"),
    ("post", "/api/oauth/authorization"),
    ("get", "/api/oauth/device"),
    ("post", "/api/oauth/device"),
    ("get", "/api/me/connected-software"),
    ("delete", "/api/me/connected-software/{grant_id}"),
    ("get", "/api/agency/software-clients"),
    ("post", "/api/agency/software-clients"),
    ("put", "/api/agency/software-clients/{client_id}"),
    ("post", "/api/agency/software-clients/{client_id}/disable"),
    ("post", "/api/agency/software-clients/{client_id}/secret"),
    ("get", "/api/agency/software-clients/{client_id}/grants"),
    ("delete", "/api/agency/grants/{grant_id}"),
];

async fn the_openapi_document_lists_every_route_and_each_answers(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let response = app.get("/api/openapi.json").await;
    assert_eq!(response.status(), 200);
    let doc: Value = response.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["info"]["title"].as_str().unwrap().contains("DSP"));
    let paths = doc["paths"].as_object().unwrap();
    let mut documented: Vec<(String, String)> = paths
        .iter()
        .flat_map(|(path, item)| {
            item.as_object().unwrap().keys().map(move |method| (method.clone(), path.clone()))
        })
        .collect();
    documented.sort();
    let mut expected: Vec<(String, String)> =
        ROUTES.iter().map(|(m, p)| ((*m).to_owned(), (*p).to_owned())).collect();
    expected.sort();
    assert_eq!(documented, expected);
    for (method, path) in ROUTES {
        let operation = &doc["paths"][path][method];
        assert!(operation["responses"].as_object().is_some_and(|r| !r.is_empty()), "{path}");
        let concrete = path
            .replace("{id}", "00000000-0000-0000-0000-000000000000")
            .replace("{professional_id}", "00000000-0000-0000-0000-000000000000")
            .replace("{patient_id}", "00000000-0000-0000-0000-000000000000")
            .replace("{grant_id}", "00000000-0000-0000-0000-000000000000")
            .replace("{client_id}", "no-such-client")
            .replace("{kind}", "organ-donation");
        let request =
            app.client.request(method.to_uppercase().parse().unwrap(), app.url(&concrete));
        let answer = request.send().await.unwrap();
        // Unrouted paths answer 404 (or 405); routed ones answer 401 without a session, or a
        // 4xx about the missing body.
        assert!(
            ![404, 405].contains(&answer.status().as_u16()),
            "{method} {path} is documented but not routed ({})",
            answer.status()
        );
    }
    // What an upload is filed as travels in headers, never in the query string.
    for (path, expected) in [
        ("/api/records/{patient_id}/documents", 4),
        ("/api/me/documents", 4),
        ("/api/documents/{id}/versions", 3),
    ] {
        let parameters = doc["paths"][path]["post"]["parameters"].as_array().unwrap();
        let headers: Vec<&str> = parameters
            .iter()
            .filter(|p| p["in"] == "header")
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(headers.len(), expected, "{path}: {headers:?}");
        assert!(headers.iter().all(|h| h.starts_with("DSP-Document-")), "{path}: {headers:?}");
        assert!(!parameters.iter().any(|p| p["in"] == "query"), "{path}: {parameters:?}");
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in ["ApiError", "ApiErrorCode", "HealthResponse", "NationalIdCheckRequest"] {
        assert!(schemas.contains_key(name), "schema {name} missing");
    }
}

/// Routes are only ever added through `utoipa_axum::routes!`, which documents them; a plain
/// axum `.route(` in the API modules would create an undocumented endpoint.
#[test]
fn every_route_is_in_the_contract() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/routes");
    let mut handlers = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        assert!(
            !source.contains(".route(") && !source.contains(".route_service("),
            "{} registers a route outside utoipa_axum::routes!",
            path.display()
        );
        handlers += source.matches("#[utoipa::path(").count();
    }
    assert_eq!(handlers, ROUTES.len(), "a handler is missing from ROUTES in this test");
}

const METHODS: &[&str] = &["get", "put", "post", "delete", "patch", "head", "options", "trace"];
const LOCATIONS: &[&str] = &["path", "query", "header", "cookie"];

async fn document(app: &TestApp) -> Value {
    let response = app.get("/api/openapi.json").await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// Every operation of the document: (method, path template, operation).
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            out.push((method.clone(), path.clone(), operation.clone()));
        }
    }
    out
}

/// The `{name}`s of a path template.
fn template_names(path: &str) -> Vec<String> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}'))
        .map(|(n, _)| n.to_owned())
        .collect()
}

/// An operation's parameters, `$ref`s resolved.
fn parameters(doc: &Value, operation: &Value) -> Vec<Value> {
    operation["parameters"]
        .as_array()
        .map(|list| list.iter().map(|p| resolve(doc, p).clone()).collect())
        .unwrap_or_default()
}

fn resolve<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
    match value["$ref"].as_str().and_then(|r| r.strip_prefix('#')) {
        Some(pointer) => doc.pointer(pointer).unwrap_or(&Value::Null),
        None => value,
    }
}

/// Every `$ref` in `value`, with where it is.
fn refs(value: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                if key == "$ref" {
                    out.push((at.to_owned(), inner.as_str().unwrap_or_default().to_owned()));
                } else {
                    refs(inner, &format!("{at}/{key}"), out);
                }
            }
        }
        Value::Array(list) => {
            for (i, inner) in list.iter().enumerate() {
                refs(inner, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// What is wrong with an OpenAPI 3.1 document, by the rules of the specification that a
/// generator can break: path parameters that the template does not have (or the reverse),
/// required fields, unique parameters and operation ids, `$ref`s that lead nowhere.
fn problems(doc: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut problem = |p: String| problems.push(p);
    if !doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.1.")) {
        problem("openapi: not 3.1.x".into());
    }
    for field in ["title", "version"] {
        if !doc["info"][field].is_string() {
            problem(format!("info.{field} missing"));
        }
    }
    let tags: HashSet<&str> =
        doc["tags"].as_array().into_iter().flatten().filter_map(|t| t["name"].as_str()).collect();
    let mut shapes = HashSet::new();
    for path in doc["paths"].as_object().unwrap().keys() {
        let mut shape = path.clone();
        for name in template_names(path) {
            shape = shape.replace(&format!("{{{name}}}"), "{}");
        }
        if !shapes.insert(shape.clone()) {
            problem(format!("{path}: another path has the same shape {shape}"));
        }
    }
    let mut operation_ids = HashSet::new();
    for (method, path, operation) in operations(doc) {
        let at = format!("{method} {path}");
        if !path.starts_with('/') {
            problem(format!("{path}: does not start with /"));
        }
        if !METHODS.contains(&method.as_str()) {
            problem(format!("{at}: not an HTTP method"));
            continue;
        }
        match operation["operationId"].as_str() {
            Some(id) if !operation_ids.insert(id.to_owned()) => {
                problem(format!("{at}: operationId {id} used twice"));
            }
            Some(_) => {}
            None => problem(format!("{at}: no operationId")),
        }
        for tag in operation["tags"].as_array().into_iter().flatten() {
            if !tag.as_str().is_some_and(|t| tags.contains(t)) {
                problem(format!("{at}: tag {tag} is not declared"));
            }
        }
        let in_template = template_names(&path);
        let mut seen = HashSet::new();
        let mut in_path = BTreeSet::new();
        for parameter in parameters(doc, &operation) {
            let name = parameter["name"].as_str().unwrap_or_default();
            let location = parameter["in"].as_str().unwrap_or_default();
            if name.is_empty() {
                problem(format!("{at}: a parameter without a name"));
            }
            if !LOCATIONS.contains(&location) {
                problem(format!("{at}: parameter {name} is in {location:?}"));
            }
            if !seen.insert((name.to_owned(), location.to_owned())) {
                problem(format!("{at}: parameter {name} in {location} declared twice"));
            }
            if parameter["schema"].is_null() == parameter["content"].is_null() {
                problem(format!("{at}: parameter {name} needs a schema or a content, not both"));
            }
            let nullable = parameter["schema"]["type"]
                .as_array()
                .is_some_and(|types| types.iter().any(|t| t == "null"));
            if location == "path" {
                in_path.insert(name.to_owned());
                if parameter["required"] != Value::Bool(true) {
                    problem(format!("{at}: path parameter {name} is not required"));
                }
                if !in_template.iter().any(|n| n == name) {
                    problem(format!("{at}: parameter {name} is in: path but not in the path"));
                }
            } else if parameter["required"] == Value::Bool(true) && nullable {
                problem(format!("{at}: parameter {name} is required and may be null"));
            }
        }
        for name in &in_template {
            if !in_path.contains(name) {
                problem(format!("{at}: {{{name}}} is not declared as a path parameter"));
            }
        }
        if let Some(body) = operation.get("requestBody")
            && resolve(doc, body)["content"].as_object().is_none_or(serde_json::Map::is_empty)
        {
            problem(format!("{at}: a request body without content"));
        }
        match operation["responses"].as_object() {
            Some(responses) if !responses.is_empty() => {
                for (status, response) in responses {
                    let valid_status = status == "default"
                        || (status.len() == 3 && status.chars().all(|c| c.is_ascii_digit()));
                    if !valid_status {
                        problem(format!("{at}: response status {status}"));
                    }
                    if !resolve(doc, response)["description"].is_string() {
                        problem(format!("{at}: response {status} has no description"));
                    }
                }
            }
            _ => problem(format!("{at}: no responses")),
        }
    }
    let mut all_refs = Vec::new();
    refs(doc, "#", &mut all_refs);
    for (at, target) in all_refs {
        let resolves = target.strip_prefix('#').and_then(|p| doc.pointer(p)).is_some();
        if !resolves {
            problem(format!("{at}: $ref {target} leads nowhere"));
        }
    }
    for name in doc["components"]["schemas"].as_object().into_iter().flatten().map(|(k, _)| k) {
        if !name.chars().all(|c| c.is_ascii_alphanumeric() || ".-_".contains(c)) {
            problem(format!("components.schemas.{name}: not a valid component name"));
        }
    }
    problems
}

async fn the_openapi_document_is_well_formed(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let doc = document(&app).await;
    let found = problems(&doc);
    assert!(found.is_empty(), "{} problems:\n{}", found.len(), found.join("\n"));
    // The validator itself finds what it looks for.
    let mut broken = doc.clone();
    broken["paths"]["/api/me/history"]["get"]["parameters"][0]["in"] = "path".into();
    broken["paths"]["/api/agency/patients/{id}"]["get"]["parameters"] = Value::Array(vec![]);
    broken["components"]["schemas"].as_object_mut().unwrap().remove("ApiError");
    let found = problems(&broken);
    for expected in [
        "get /api/me/history: parameter before is in: path but not in the path",
        "get /api/agency/patients/{id}: {id} is not declared as a path parameter",
        "$ref #/components/schemas/ApiError leads nowhere",
    ] {
        assert!(found.iter().any(|p| p.contains(expected)), "{expected} not found in {found:?}");
    }
}

/// A value of `schema` for a request (`bad`: one of the wrong type, when the type has one).
fn sample(doc: &Value, schema: &Value, bad: bool) -> Option<String> {
    let schema = resolve(doc, schema);
    if let Some(first) = schema["enum"].as_array().and_then(|v| v.first()) {
        return Some(if bad { "no-such-value".into() } else { first.as_str()?.to_owned() });
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let format = schema["format"].as_str().unwrap_or_default();
    if types.contains(&"integer") {
        Some(if bad { "one".into() } else { "1".into() })
    } else if format == "date" {
        Some(if bad { "yesterday".into() } else { "2026-01-01".into() })
    } else if format == "uuid" {
        Some(if bad { "not-a-uuid".into() } else { uuid::Uuid::nil().to_string() })
    } else if types.contains(&"string") {
        (!bad).then(|| "x".into())
    } else {
        None
    }
}

/// The URL of an operation built from the document: path parameters filled, and the query
/// parameters (all of them, or only `bad_one` with a value of the wrong type).
fn url_for(doc: &Value, path: &str, operation: &Value, bad_one: Option<&str>) -> String {
    let mut url = path.to_owned();
    let mut query = Vec::new();
    for parameter in parameters(doc, operation) {
        let name = parameter["name"].as_str().unwrap();
        match parameter["in"].as_str().unwrap() {
            "path" => {
                let value = sample(doc, &parameter["schema"], false).unwrap();
                url = url.replace(&format!("{{{name}}}"), &value);
            }
            "query" => {
                let bad = bad_one == Some(name);
                if (bad_one.is_none() || bad)
                    && let Some(value) = sample(doc, &parameter["schema"], bad)
                {
                    query.push(format!("{name}={value}"));
                }
            }
            _ => {}
        }
    }
    if !query.is_empty() {
        url = format!("{url}?{}", query.join("&"));
    }
    url
}

async fn requests_built_from_the_document_reach_their_routes(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let doc = document(&app).await;
    // What the router answers for what it does not have: the answers no route may give.
    let unrouted = app.get("/api/no-such-route").await;
    assert_eq!(unrouted.status(), 404);
    assert_eq!(unrouted.json::<Value>().await.unwrap()["code"], "not_found");
    let wrong_method = app.client.delete(app.url("/api/health")).send().await.unwrap();
    assert_eq!(wrong_method.status(), 405);
    assert_eq!(wrong_method.json::<Value>().await.unwrap()["code"], "method_not_allowed");

    // Anonymous: every operation is reached (a refusal for want of a session shows it).
    for (method, path, operation) in operations(&doc) {
        let url = url_for(&doc, &path, &operation, None);
        assert!(!url.contains('{'), "{method} {path}: a path parameter the document lacks");
        let answer = app
            .client
            .request(method.to_uppercase().parse().unwrap(), app.url(&url))
            .send()
            .await
            .unwrap();
        assert!(
            ![404, 405].contains(&answer.status().as_u16()),
            "{method} {url}, built from the document, is not routed ({})",
            answer.status()
        );
    }

    // Signed in: a query parameter of the wrong type is refused as invalid, which shows that the
    // server reads it from the query under the document's name.
    let people = people(&app).await;
    let mut checked = 0;
    for (method, path, operation) in operations(&doc) {
        for parameter in parameters(&doc, &operation) {
            let name = parameter["name"].as_str().unwrap();
            if parameter["in"] != "query" || sample(&doc, &parameter["schema"], true).is_none() {
                continue;
            }
            let url = url_for(&doc, &path, &operation, Some(name));
            let mut codes = Vec::new();
            for person in &people {
                let answer = app
                    .request(person, method.to_uppercase().parse().unwrap(), &url)
                    .send()
                    .await
                    .unwrap();
                let status = answer.status().as_u16();
                let code = answer.json::<Value>().await.unwrap_or_default()["code"].clone();
                codes.push((status, code));
            }
            assert!(
                codes.iter().any(|(s, c)| [400, 422].contains(s) && c == "invalid_request"),
                "{method} {url}: a bad {name} is not refused by anyone: {codes:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} query parameters checked");
}

/// A signed-in agent, professional and patient.
async fn people(app: &TestApp) -> Vec<Browser> {
    let (mut agent, _) = app.signed_in_agent().await;
    let (_, code) = app.create_professional(&mut agent, "M-1", "MED").await;
    let mut professional = Browser::default();
    assert_eq!(app.enrol(&mut professional, &mut SecurityKey::new(41), &code).await.status, 200);
    let national_id = "1893120105732";
    let record = app.create_patient(&mut agent, national_id, "fr").await;
    let code = app.letter_code(&agent, &record).await;
    let mut patient = Browser::default();
    let activated = app.activate(&mut patient, &mut Passkey::new(), national_id, &code).await;
    assert_eq!(activated.status, 200);
    vec![agent, professional, patient]
}
