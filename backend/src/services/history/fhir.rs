//! The history as a FHIR R4 `Bundle` of type `collection` holding one `AuditEvent` per entry,
//! written piece by piece so that an export of any length streams.
//!
//! Codes: `type` from DICOM (user authentication, security alert, export, patient record),
//! `subtype` always carries the DSP action name (`urn:dsp:fhir:audit-action`) so that actions
//! added later need no new mapping, `action` (C/R/U/D/E) follows the action name's verb.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};
use shared::api::auth::Role;
use shared::api::history::{HistoryActor, HistoryEntry, HistoryOutcome};
use uuid::Uuid;

const DCM: &str = "http://dicom.nema.org/resources/ontology/DCM";
const ACTION_SYSTEM: &str = "urn:dsp:fhir:audit-action";
const PROFESSION_SYSTEM: &str = "urn:dsp:fhir:profession";
const ROLE_CLASS: &str = "http://terminology.hl7.org/CodeSystem/v3-RoleClass";
const ENTITY_TYPE: &str = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
const OBJECT_ROLE: &str = "http://terminology.hl7.org/CodeSystem/object-role";

/// The bundle up to its first entry.
pub fn open(generated: DateTime<Utc>) -> String {
    format!(
        r#"{{"resourceType":"Bundle","type":"collection","timestamp":"{}""#,
        generated.to_rfc3339_opts(SecondsFormat::Secs, true)
    )
}

/// Appends one entry (FHIR allows no empty arrays: the `entry` array opens with the first).
pub fn entry(out: &mut String, me: Uuid, e: &HistoryEntry, first: bool) {
    out.push_str(if first { r#","entry":["# } else { "," });
    out.push_str(&json!({ "resource": audit_event(me, e) }).to_string());
}

/// The end of the bundle after `count` entries.
pub fn close(count: u64) -> String {
    if count > 0 { "]}".to_owned() } else { "}".to_owned() }
}

fn coding(system: &str, code: &str, display: &str) -> Value {
    json!({ "system": system, "code": code, "display": display })
}

fn event_type(action: &str) -> Value {
    match action {
        "sign_in" | "sign_out" | "reverification" | "activation" | "activation_attempt"
        | "session_ended" => coding(DCM, "110114", "User Authentication"),
        a if a.starts_with("credential_") => coding(DCM, "110113", "Security Alert"),
        a if a.ends_with("_exported") => coding(DCM, "110106", "Export"),
        _ => coding(DCM, "110110", "Patient Record"),
    }
}

fn subtypes(action: &str) -> Value {
    let mut codes = vec![json!({ "system": ACTION_SYSTEM, "code": action })];
    match action {
        "sign_in" | "reverification" | "activation" => {
            codes.push(coding(DCM, "110122", "Login"));
        }
        "sign_out" | "session_ended" => codes.push(coding(DCM, "110123", "Logout")),
        a if a.starts_with("credential_") => {
            codes.push(coding(DCM, "110137", "User Security Attributes Changed"));
        }
        _ => {}
    }
    Value::Array(codes)
}

/// C, R, U, D or E from the action name's verb.
fn action_code(action: &str) -> &'static str {
    let verb = action.rsplit('_').next().unwrap_or(action);
    match verb {
        "created" | "added" | "issued" | "filed" => "C",
        "read" | "viewed" | "listed" | "lookup" => "R",
        "renamed" | "changed" | "updated" => "U",
        "removed" | "deleted" => "D",
        _ => "E",
    }
}

fn agent(me: Uuid, actor: Option<&HistoryActor>) -> Value {
    let Some(actor) = actor else {
        return json!({ "who": { "display": "unknown" }, "requestor": true });
    };
    let (class, class_display) = match actor.role {
        Role::Patient => ("PAT", "patient"),
        Role::Professional => ("PROV", "healthcare provider"),
        Role::Agent => ("EMP", "employee"),
    };
    let mut who = serde_json::Map::new();
    match (actor.role, actor.id) {
        (Role::Patient, Some(id)) if id == me => {
            who.insert("reference".into(), json!(format!("Patient/{id}")));
        }
        (Role::Professional, Some(id)) => {
            who.insert("reference".into(), json!(format!("Practitioner/{id}")));
        }
        (Role::Agent, Some(id)) => {
            who.insert("identifier".into(), json!({ "system": "urn:dsp:agent", "value": id }));
        }
        _ => {}
    }
    who.insert(
        "display".into(),
        json!(actor.display_name.clone().unwrap_or_else(|| actor.role.as_str().to_owned())),
    );
    let mut agent = json!({
        "type": { "coding": [coding(ROLE_CLASS, class, class_display)] },
        "who": who,
        "requestor": true,
    });
    if let Some(profession) = actor.profession {
        agent["role"] =
            json!([{ "coding": [{ "system": PROFESSION_SYSTEM, "code": profession.code() }] }]);
    }
    agent
}

/// The actor, and the practice software they acted through when they did (IHE BALP: the
/// application as a second, non-requesting agent).
fn agents(me: Uuid, actor: Option<&HistoryActor>) -> Value {
    let mut agents = vec![agent(me, actor)];
    if let Some(software) = actor.and_then(|a| a.via.as_deref()) {
        agents.push(json!({
            "type": { "coding": [coding(DCM, "110150", "Application")] },
            "who": { "display": software },
            "requestor": false,
        }));
    }
    Value::Array(agents)
}

/// A document's title (as the entity's name and its reference's display) and category (a
/// detail), when the entry has them.
fn document_entity(entity: &mut Value, e: &HistoryEntry) {
    let Some(document) = &e.document else { return };
    if let Some(title) = &document.title {
        entity["name"] = json!(title);
        if let Some(what) = entity.get_mut("what").and_then(Value::as_object_mut) {
            what.insert("display".into(), json!(title));
        }
    }
    if let Some(category) = document.category {
        entity["detail"] = json!([{ "type": "category", "valueString": category.code() }]);
    }
}

pub(super) fn audit_event(me: Uuid, e: &HistoryEntry) -> Value {
    let mut details = Vec::new();
    for (kind, value) in [
        ("request-id", &e.request_id),
        ("rule", &e.rule),
        ("denied", &e.denied),
        ("context", &e.context),
        ("label", &e.label),
        ("reason", &e.stated_reason),
        ("organisation", &e.organisation),
    ] {
        if let Some(value) = value {
            details.push(json!({ "type": kind, "valueString": value }));
        }
    }
    let mut record = json!({
        "what": { "reference": format!("Patient/{me}") },
        "type": coding(ENTITY_TYPE, "1", "Person"),
        "role": coding(OBJECT_ROLE, "1", "Patient"),
    });
    if !details.is_empty() {
        record["detail"] = Value::Array(details);
    }
    let mut entities = vec![record];
    if let Some(target) = &e.target {
        let mut entity = json!({
            "what": { "identifier": { "system": format!("urn:dsp:{}", target.kind), "value": target.id } },
            "type": coding(ENTITY_TYPE, "2", "System Object"),
        });
        if target.kind == "document" {
            document_entity(&mut entity, e);
        }
        entities.push(entity);
    } else if let Some(document) = &e.document {
        // A filing refused at the point of care: a document that exists nowhere but here.
        let mut entity = json!({ "type": coding(ENTITY_TYPE, "2", "System Object") });
        if let Some(title) = &document.title {
            entity["what"] = json!({ "display": title });
        }
        document_entity(&mut entity, e);
        entities.push(entity);
    }
    for p in &e.professionals {
        entities.push(json!({
            "what": { "reference": format!("Practitioner/{}", p.id), "display": p.display_name },
            "type": coding(ENTITY_TYPE, "1", "Person"),
            "role": coding(OBJECT_ROLE, "15", "Provider"),
        }));
    }
    let mut event = json!({
        "resourceType": "AuditEvent",
        "id": e.id.to_string(),
        "type": event_type(&e.action),
        "subtype": subtypes(&e.action),
        "action": action_code(&e.action),
        "recorded": e.occurred_at.to_rfc3339_opts(SecondsFormat::Micros, true),
        "outcome": match e.outcome { HistoryOutcome::Success => "0", HistoryOutcome::Failure => "4" },
        "agent": agents(me, e.actor.as_ref()),
        "source": { "observer": { "display": "DSP" } },
        "entity": entities,
    });
    if let Some(refused) = &e.refused {
        event["outcomeDesc"] = json!(refused);
    }
    event
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_become_fhir_actions() {
        assert_eq!(action_code("patient_created"), "C");
        assert_eq!(action_code("document_read"), "R");
        assert_eq!(action_code("document_filed"), "C");
        assert_eq!(action_code("patient_lookup"), "R");
        assert_eq!(action_code("credential_renamed"), "U");
        assert_eq!(action_code("credential_removed"), "D");
        assert_eq!(action_code("sign_in"), "E");
    }

    #[test]
    fn an_empty_bundle_has_no_entry_array() {
        let text = format!("{}{}", open(DateTime::UNIX_EPOCH), close(0));
        let bundle: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(bundle["type"], "collection");
        assert!(bundle.get("entry").is_none());
    }
}
