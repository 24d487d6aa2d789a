//! An HL7 CDA R2 document as a person reads it: its header (title, date, patient, author) and its
//! narrative sections, each section's text made inert by [`super::narrative`]. The coded entries
//! beside the narrative are for software and are not shown; a body that is not XML (an attached
//! PDF or image) is noted, for the reader to download.

use super::narrative::{Narrative, Section, inert};
use super::xml::Element;
use super::{Document, Fact, FactValue};
use crate::forms::parse_iso_date;

/// Deepest section kept.
const MAX_SECTION_DEPTH: usize = 8;

/// Reads a parsed CDA document; `None` when its root is not `ClinicalDocument`.
#[must_use]
pub fn read(root: &Element) -> Option<Document> {
    if root.name != "ClinicalDocument" {
        return None;
    }
    let text = |path: &[&str]| root.path(path).map(Element::text).filter(|t| !t.is_empty());
    let author = [
        text(&["author", "assignedAuthor", "assignedPerson", "name"]),
        text(&["author", "assignedAuthor", "representedOrganization", "name"]),
    ];
    let author = author.into_iter().flatten().collect::<Vec<_>>().join(", ");
    let date = root.path(&["effectiveTime"]).and_then(|t| t.attribute("value")).and_then(hl7_date);
    let mut facts = Vec::new();
    for (fact, value) in [
        (Fact::Title, text(&["title"]).map(FactValue::Text)),
        (Fact::Date, date),
        (
            Fact::Patient,
            text(&["recordTarget", "patientRole", "patient", "name"]).map(FactValue::Text),
        ),
        (Fact::Author, Some(author).filter(|a| !a.is_empty()).map(FactValue::Text)),
    ] {
        if let Some(value) = value {
            facts.push((fact, value));
        }
    }
    let body = root.path(&["component"]);
    Some(Document {
        facts,
        sections: body
            .and_then(|b| b.path(&["structuredBody"]))
            .map(|b| sections(b, 0))
            .unwrap_or_default(),
        attachment: body.and_then(|b| b.path(&["nonXMLBody"])).is_some(),
        ..Document::default()
    })
}

/// The sections under the `component`s of `parent`.
fn sections(parent: &Element, depth: usize) -> Vec<Section> {
    if depth >= MAX_SECTION_DEPTH {
        return Vec::new();
    }
    let mut found = Vec::new();
    for section in parent.children_named("component").filter_map(|c| c.path(&["section"])) {
        found.push(Section {
            title: section.path(&["title"]).map(Element::text).filter(|t| !t.is_empty()),
            body: section.path(&["text"]).map_or(Narrative::Absent, |t| Narrative::Shown(inert(t))),
            sections: sections(section, depth + 1),
        });
    }
    found
}

/// The day of an HL7 timestamp (`20261125`, `202611251030+0100`).
fn hl7_date(value: &str) -> Option<FactValue> {
    let (year, month, day) = (value.get(..4)?, value.get(4..6)?, value.get(6..8)?);
    parse_iso_date(&format!("{year}-{month}-{day}")).map(FactValue::Date)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::super::narrative::Inert;
    use super::super::xml::tests::parse;
    use super::*;

    pub const CDA: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <title>Lettre de sortie</title>
  <effectiveTime value="20261125103000+0100"/>
  <recordTarget><patientRole><patient><name><given>Marie</given> <family>Dupont</family></name></patient></patientRole></recordTarget>
  <author><time value="20261125"/><assignedAuthor>
    <assignedPerson><name><prefix>Dr</prefix><given>Claire</given><family>Weber</family></name></assignedPerson>
    <representedOrganization><name>Cabinet Place d'Armes</name></representedOrganization>
  </assignedAuthor></author>
  <component><structuredBody>
    <component><section><title>Motif</title><text><paragraph>Douleur abdominale.</paragraph></text>
      <component><section><title>Détail</title><text>Depuis <content styleCode="Bold">deux jours</content>.</text></section></component>
    </section></component>
    <component><section><title>Traitement</title><text><list><item>Paracétamol</item></list></text>
      <entry><observation classCode="OBS"><code code="x"/></observation></entry></section></component>
  </structuredBody></component>
</ClinicalDocument>"#;

    #[test]
    fn the_header_and_sections_are_read() {
        let cda = read(&parse(CDA).unwrap()).unwrap();
        let text = |s: &str| FactValue::Text(s.to_owned());
        assert_eq!(
            cda.facts,
            [
                (Fact::Title, text("Lettre de sortie")),
                (Fact::Date, FactValue::Date(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())),
                (Fact::Patient, text("Marie Dupont")),
                (Fact::Author, text("Dr Claire Weber, Cabinet Place d'Armes")),
            ]
        );
        assert!(!cda.attachment && cda.kind.is_none());
        let titles: Vec<_> = cda.sections.iter().map(|s| s.title.as_deref()).collect();
        assert_eq!(titles, [Some("Motif"), Some("Traitement")]);
        assert_eq!(cda.sections[0].sections[0].title.as_deref(), Some("Détail"));
        let Narrative::Shown(text) = &cda.sections[1].body else { panic!("no text") };
        assert!(matches!(&text[0], Inert::Element { tag: "ul", .. }));
    }

    #[test]
    fn an_attached_body_is_noted_and_other_roots_refused() {
        let cda = read(
            &parse(r#"<ClinicalDocument xmlns="urn:hl7-org:v3"><effectiveTime value="2026"/><component><nonXMLBody><text mediaType="application/pdf" representation="B64">JVBERi0=</text></nonXMLBody></component></ClinicalDocument>"#)
                .unwrap(),
        )
        .unwrap();
        assert!(cda.attachment && cda.sections.is_empty() && cda.facts.is_empty());
        assert_eq!(read(&parse("<html><body/></html>").unwrap()), None);
    }
}
