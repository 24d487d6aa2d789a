//! A FHIR R4 resource as a person reads it: its type, a few key facts (title, what it is about,
//! status, date, patient, author, result), its narrative (`text.div`, made inert by
//! [`super::narrative`]), a `Composition`'s sections and a `Bundle`'s entries. Codes are shown as
//! the resource names them (`final`); the full resource is the download.

use serde_json::Value;

use super::narrative::{Narrative, Section, inert};
use super::xml::Element;
use super::{Document, Fact, FactValue};
use crate::forms::parse_iso_date;

/// Most entries of a bundle shown.
pub const MAX_ENTRIES: usize = 100;
/// Deepest bundle or section kept.
const MAX_DEPTH: usize = 8;

/// How a narrative's XHTML is parsed: the browser's parser, or the tests'.
pub type Parse<'a> = &'a dyn Fn(&str) -> Option<Element>;

/// Reads a resource; `None` without a `resourceType`.
#[must_use]
pub fn read(resource: &Value, parse: Parse<'_>) -> Option<Document> {
    read_at(resource, parse, 0)
}

fn read_at(resource: &Value, parse: Parse<'_>, depth: usize) -> Option<Document> {
    let kind = resource.get("resourceType")?.as_str()?.to_owned();
    let deeper = depth < MAX_DEPTH;
    let mut entries = Vec::new();
    for entry in items(resource, "entry").filter_map(|entry| entry.get("resource")) {
        if !deeper || entries.len() == MAX_ENTRIES {
            break;
        }
        entries.extend(read_at(entry, parse, depth + 1));
    }
    Some(Document {
        kind: Some(kind),
        facts: facts(resource),
        narrative: narrative(resource, parse),
        sections: if deeper { sections(resource, parse, depth) } else { Vec::new() },
        entries,
        attachment: false,
    })
}

/// The elements of the array `key` (none when it is missing or not an array).
fn items<'a>(value: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    value.get(key).and_then(Value::as_array).into_iter().flatten()
}

fn narrative(value: &Value, parse: Parse<'_>) -> Narrative {
    match value.get("text").and_then(|t| t.get("div")).and_then(Value::as_str) {
        None => Narrative::Absent,
        Some(div) => parse(div).map_or(Narrative::Unreadable, |div| Narrative::Shown(inert(&div))),
    }
}

fn sections(value: &Value, parse: Parse<'_>, depth: usize) -> Vec<Section> {
    let mut found = Vec::new();
    for section in items(value, "section") {
        let deeper = depth < MAX_DEPTH;
        found.push(Section {
            title: section.get("title").and_then(Value::as_str).map(str::to_owned),
            body: narrative(section, parse),
            sections: if deeper { sections(section, parse, depth + 1) } else { Vec::new() },
        });
    }
    found
}

/// What `read` makes of the first of `keys` that gives something.
fn first(value: &Value, keys: &[&str], read: fn(&Value) -> Option<String>) -> Option<String> {
    keys.iter().filter_map(|key| value.get(key)).find_map(read).filter(|t| !t.trim().is_empty())
}

fn string(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

/// A plain code (a `Bundle`'s `type`), or a CodeableConcept's text, else its first coding's
/// display, else that code.
fn concept(value: &Value) -> Option<String> {
    let coding = value.get("coding").and_then(|c| c.get(0));
    string(value)
        .or_else(|| first(value, &["text"], string))
        .or_else(|| first(coding?, &["display", "code"], string))
}

/// A Reference's display (or the first of an array of them, or of a performer's actor).
fn display(value: &Value) -> Option<String> {
    let reference = value.get(0).unwrap_or(value);
    first(reference, &["display"], string)
        .or_else(|| first(reference.get("actor")?, &["display"], string))
}

fn facts(r: &Value) -> Vec<(Fact, FactValue)> {
    let found = [
        (Fact::Title, first(r, &["title", "description"], string)),
        (
            Fact::About,
            first(r, &["code", "medicationCodeableConcept", "vaccineCode", "type"], concept),
        ),
        (Fact::Status, first(r, &["status"], string)),
        (
            Fact::Date,
            first(
                r,
                &[
                    "date",
                    "effectiveDateTime",
                    "issued",
                    "recordedDate",
                    "authoredOn",
                    "occurrenceDateTime",
                    "onsetDateTime",
                    "performedDateTime",
                ],
                string,
            ),
        ),
        (Fact::Patient, first(r, &["subject", "patient"], display)),
        (
            Fact::Author,
            first(r, &["author", "performer", "recorder", "requester", "asserter"], display),
        ),
        (Fact::Result, first(r, &["valueString", "valueCodeableConcept"], concept)),
    ];
    let mut facts = Vec::new();
    for (fact, text) in found {
        let Some(text) = text else { continue };
        // A day is shown in the reader's language; a month or a year as written.
        let day = if fact == Fact::Date { text.get(..10).and_then(parse_iso_date) } else { None };
        facts.push((fact, day.map_or(FactValue::Text(text), FactValue::Date)));
    }
    // A measured result: its number in the reader's language, then its unit.
    if let Some(quantity) = r.get("valueQuantity")
        && let Some(number) = quantity.get("value").and_then(Value::as_f64)
    {
        let unit = first(quantity, &["unit", "code"], string).unwrap_or_default();
        facts.push((Fact::Result, FactValue::Quantity(number, unit)));
    }
    facts
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use serde_json::json;

    use super::super::narrative::Inert;
    use super::super::xml::tests::parse;
    use super::*;

    fn read_test(value: &Value) -> Document {
        read(value, &parse).unwrap()
    }

    #[test]
    fn an_observation_shows_its_key_facts_and_narrative() {
        let observation = json!({
            "resourceType": "Observation",
            "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": "718-7", "display": "Hemoglobin"}]},
            "subject": {"reference": "Patient/1", "display": "Marie Dupont"},
            "effectiveDateTime": "2026-11-25T08:30:00+01:00",
            "performer": [{"display": "Laboratoire Ketterthill"}],
            "valueQuantity": {"value": 13.5, "unit": "g/dL"},
            "text": {"status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hb <b>13.5</b> g/dL</p></div>"}
        });
        let r = read_test(&observation);
        assert_eq!(r.kind.as_deref(), Some("Observation"));
        let text = |s: &str| FactValue::Text(s.to_owned());
        assert_eq!(
            r.facts,
            [
                (Fact::About, text("Hemoglobin")),
                (Fact::Status, text("final")),
                (Fact::Date, FactValue::Date(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())),
                (Fact::Patient, text("Marie Dupont")),
                (Fact::Author, text("Laboratoire Ketterthill")),
                (Fact::Result, FactValue::Quantity(13.5, "g/dL".into())),
            ]
        );
        let Narrative::Shown(div) = &r.narrative else { panic!("{:?}", r.narrative) };
        assert!(matches!(&div[0], Inert::Element { tag: "p", .. }));
    }

    #[test]
    fn a_bundle_shows_its_entries_and_a_composition_its_sections() {
        let bundle = json!({
            "resourceType": "Bundle",
            "type": "document",
            "entry": [
                {"resource": {
                    "resourceType": "Composition", "title": "Discharge summary", "date": "2026-11",
                    "section": [{"title": "Allergies", "text": {"div": "<div><p>Penicillin</p></div>"},
                                 "section": [{"title": "Detail", "text": {"div": "<div><p>unclosed</div>"}}]}]
                }},
                {"resource": {"resourceType": "AllergyIntolerance", "code": {"text": "Penicillin"}}},
                {"fullUrl": "no resource"}
            ]
        });
        let r = read_test(&bundle);
        assert_eq!(r.kind.as_deref(), Some("Bundle"));
        assert_eq!(r.facts, [(Fact::About, FactValue::Text("document".into()))]);
        assert_eq!(r.entries.len(), 2);
        let composition = &r.entries[0];
        assert_eq!(
            composition.facts[0],
            (Fact::Title, FactValue::Text("Discharge summary".into()))
        );
        // A date that is not a day is shown as written.
        assert!(composition.facts.contains(&(Fact::Date, FactValue::Text("2026-11".into()))));
        assert_eq!(composition.sections[0].title.as_deref(), Some("Allergies"));
        assert!(matches!(composition.sections[0].body, Narrative::Shown(_)));
        assert_eq!(composition.sections[0].sections[0].body, Narrative::Unreadable);
        assert_eq!(r.entries[1].narrative, Narrative::Absent);
        assert_eq!(read(&json!({"no": "type"}), &parse), None);
    }

    #[test]
    fn a_bundle_shows_a_bounded_number_of_entries() {
        let entry = json!({"resource": {"resourceType": "Observation"}});
        let bundle = json!({"resourceType": "Bundle", "entry": vec![entry; MAX_ENTRIES + 5]});
        assert_eq!(read_test(&bundle).entries.len(), MAX_ENTRIES);
    }
}
