//! A FHIR R4 resource as a person reads it: its type, a few key facts (title, what it is about,
//! status, date, patient, author, result), its narrative (`text.div`, made inert by
//! [`super::narrative`]), a `Composition`'s sections and a `Bundle`'s entries. Codes are shown as
//! the resource names them (`final`); the full resource is the download.

use chrono::NaiveDate;
use serde_json::Value;

use crate::forms::parse_iso_date;

use super::narrative::{Narrative, Section, inert};
use super::xml::Element;

/// Most entries of a bundle shown.
pub const MAX_ENTRIES: usize = 100;
/// Deepest bundle or section kept.
const MAX_DEPTH: usize = 8;

/// A fact about a resource, by the label the viewer gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    /// `title`, `description`.
    Title,
    /// The concept: `code`, `medicationCodeableConcept`, `vaccineCode`, `type`.
    About,
    /// `status`.
    Status,
    /// The clinically relevant date.
    Date,
    /// The patient (`subject`, `patient`).
    Patient,
    /// Who wrote, did or asked for it.
    Author,
    /// An observation's value.
    Result,
}

/// A fact's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactValue {
    /// Shown as written.
    Text(String),
    /// A day, shown in the reader's language.
    Date(NaiveDate),
}

/// What the viewer shows of a resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// `resourceType`.
    pub kind: String,
    /// The key facts found, in the order of [`Fact`].
    pub facts: Vec<(Fact, FactValue)>,
    /// `text.div`.
    pub narrative: Narrative,
    /// A `Composition`'s sections.
    pub sections: Vec<Section>,
    /// A `Bundle`'s entries, at most [`MAX_ENTRIES`].
    pub entries: Vec<Resource>,
}

/// Reads a resource; `parse` reads a narrative's XHTML (the browser's parser, or the tests').
#[must_use]
pub fn read(resource: &Value, parse: &dyn Fn(&str) -> Option<Element>) -> Option<Resource> {
    read_at(resource, parse, 0)
}

fn read_at(
    resource: &Value,
    parse: &dyn Fn(&str) -> Option<Element>,
    depth: usize,
) -> Option<Resource> {
    let kind = resource.get("resourceType")?.as_str()?.to_owned();
    let deeper = depth < MAX_DEPTH;
    let entries = items(resource, "entry")
        .filter(|_| deeper)
        .filter_map(|entry| read_at(entry.get("resource")?, parse, depth + 1))
        .take(MAX_ENTRIES)
        .collect();
    Some(Resource {
        kind,
        facts: facts(resource),
        narrative: narrative(resource, parse),
        sections: if deeper { sections(resource, parse, depth) } else { Vec::new() },
        entries,
    })
}

/// The elements of the array `key` (none when it is missing or not an array).
fn items<'a>(value: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    value.get(key).and_then(Value::as_array).into_iter().flatten()
}

fn narrative(value: &Value, parse: &dyn Fn(&str) -> Option<Element>) -> Narrative {
    match value.pointer("/text/div").and_then(Value::as_str) {
        None => Narrative::Absent,
        Some(div) => parse(div).map_or(Narrative::Unreadable, |div| Narrative::Shown(inert(&div))),
    }
}

fn sections(value: &Value, parse: &dyn Fn(&str) -> Option<Element>, depth: usize) -> Vec<Section> {
    items(value, "section")
        .map(|section| Section {
            title: section.get("title").and_then(Value::as_str).map(str::to_owned),
            body: narrative(section, parse),
            sections: if depth < MAX_DEPTH {
                sections(section, parse, depth + 1)
            } else {
                Vec::new()
            },
        })
        .collect()
}

/// The first of `keys` that `read` makes something of.
fn first<'a>(
    value: &'a Value,
    keys: &[&str],
    read: impl Fn(&'a Value) -> Option<String>,
) -> Option<String> {
    keys.iter().filter_map(|key| value.pointer(key)).find_map(read).filter(|t| !t.trim().is_empty())
}

fn string(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

/// A CodeableConcept's text, else its first coding's display, else that code; or a plain code
/// (a `Bundle`'s `type`).
fn concept(value: &Value) -> Option<String> {
    let coding = value.pointer("/coding/0");
    string(value)
        .or_else(|| first(value, &["/text"], string))
        .or_else(|| coding.and_then(|c| first(c, &["/display", "/code"], string)))
}

/// A Reference's display (or one in an array of them).
fn display(value: &Value) -> Option<String> {
    let reference = value.as_array().and_then(|a| a.first()).unwrap_or(value);
    first(reference, &["/display", "/actor/display"], string)
}

fn quantity(value: &Value) -> Option<String> {
    let number = decimal(value.get("value")?)?;
    let unit = first(value, &["/unit", "/code"], string).unwrap_or_default();
    Some(format!("{number} {unit}").trim_end().to_owned())
}

/// A JSON number as written for people, to six decimals at most: whole-number arithmetic, as
/// float formatting would weigh more than this viewer.
fn decimal(value: &Value) -> Option<String> {
    if let Some(whole) = value.as_i64() {
        return Some(whole.to_string());
    }
    let millionths = (value.as_f64()? * 1e6).round();
    if !millionths.is_finite() || millionths.abs() >= 9e18 {
        return None;
    }
    #[expect(clippy::cast_possible_truncation, reason = "finite and within i64, checked above")]
    let millionths = millionths as i64;
    let sign = if millionths < 0 { "-" } else { "" };
    let (whole, fraction) =
        (millionths.unsigned_abs() / 1_000_000, millionths.unsigned_abs() % 1_000_000);
    let fraction = format!("{fraction:06}");
    let fraction = fraction.trim_end_matches('0');
    Some(if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    })
}

fn facts(r: &Value) -> Vec<(Fact, FactValue)> {
    let text = |fact: Fact, found: Option<String>| found.map(|t| (fact, FactValue::Text(t)));
    let date = first(
        r,
        &[
            "/date",
            "/effectiveDateTime",
            "/issued",
            "/recordedDate",
            "/authoredOn",
            "/occurrenceDateTime",
            "/onsetDateTime",
            "/performedDateTime",
            "/effectivePeriod/start",
            "/period/start",
        ],
        string,
    )
    .map(|d| {
        let day = d.get(..10).and_then(parse_iso_date);
        (Fact::Date, day.map_or(FactValue::Text(d), FactValue::Date))
    });
    [
        text(Fact::Title, first(r, &["/title", "/description"], string)),
        text(
            Fact::About,
            first(r, &["/code", "/medicationCodeableConcept", "/vaccineCode", "/type"], concept),
        ),
        text(Fact::Status, first(r, &["/status"], string)),
        date,
        text(Fact::Patient, first(r, &["/subject", "/patient"], display)),
        text(
            Fact::Author,
            first(r, &["/author", "/performer", "/recorder", "/requester", "/asserter"], display),
        ),
        text(
            Fact::Result,
            first(r, &["/valueQuantity"], quantity)
                .or_else(|| first(r, &["/valueString"], string))
                .or_else(|| first(r, &["/valueCodeableConcept"], concept)),
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::narrative::Inert;
    use super::super::xml::tests::parse;
    use super::*;

    fn read_test(value: &Value) -> Resource {
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
        assert_eq!(r.kind, "Observation");
        let text = |s: &str| FactValue::Text(s.to_owned());
        assert_eq!(
            r.facts,
            [
                (Fact::About, text("Hemoglobin")),
                (Fact::Status, text("final")),
                (Fact::Date, FactValue::Date(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())),
                (Fact::Patient, text("Marie Dupont")),
                (Fact::Author, text("Laboratoire Ketterthill")),
                (Fact::Result, text("13.5 g/dL")),
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
        assert_eq!(r.kind, "Bundle");
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
    fn numbers_read_as_written() {
        for (number, shown) in [
            (json!(13.5), "13.5"),
            (json!(7), "7"),
            (json!(-0.25), "-0.25"),
            (json!(0.1), "0.1"),
            (json!(1.0e-7), "0"),
            (json!(120.000_001), "120.000001"),
        ] {
            assert_eq!(decimal(&number).as_deref(), Some(shown), "{number}");
        }
        assert_eq!(decimal(&json!("13.5")), None);
        assert_eq!(decimal(&json!(1.0e300)), None);
    }

    #[test]
    fn a_bundle_shows_a_bounded_number_of_entries() {
        let entry = json!({"resource": {"resourceType": "Observation"}});
        let bundle = json!({"resourceType": "Bundle", "entry": vec![entry; MAX_ENTRIES + 5]});
        assert_eq!(read_test(&bundle).entries.len(), MAX_ENTRIES);
    }
}
