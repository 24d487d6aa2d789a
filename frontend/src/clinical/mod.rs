//! Documents in clinical formats, read into one inert shape that the viewer renders
//! ([`Document`]): a CDA's header and narrative sections ([`cda`]), a FHIR resource's key facts,
//! narrative, sections and entries ([`fhir`]). XML is parsed by the browser ([`xml`]); what a
//! person then sees of a narrative is only what [`narrative`] rebuilds from it, as DOM nodes made
//! by [`dom`]. All of it but [`xml::parse`] and [`dom`] is plain Rust, tested natively.

pub mod cda;
pub mod dom;
pub mod fhir;
pub mod narrative;
pub mod xml;

use chrono::NaiveDate;

use narrative::{Narrative, Section};

/// A fact about a document, by the label the viewer gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fact {
    /// Its own title.
    Title,
    /// What it is about (a FHIR concept: `code`, `medicationCodeableConcept`, `type`…).
    About,
    /// Its status, as the document writes it (`final`).
    Status,
    /// The clinically relevant day.
    Date,
    /// The patient.
    Patient,
    /// Who wrote, did or asked for it.
    Author,
    /// An observation's value.
    Result,
}

/// A fact's value.
#[derive(Debug, Clone, PartialEq)]
pub enum FactValue {
    /// Shown as written.
    Text(String),
    /// A day, shown in the reader's language.
    Date(NaiveDate),
    /// A number and its unit, the number shown in the reader's language.
    Quantity(f64, String),
}

/// What the viewer shows of a CDA document or a FHIR resource.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// A FHIR resource's `resourceType`; none for a CDA document.
    pub kind: Option<String>,
    /// The key facts found, in the order of [`Fact`].
    pub facts: Vec<(Fact, FactValue)>,
    /// A FHIR resource's own narrative (`text.div`).
    pub narrative: Narrative,
    /// A CDA's or a FHIR `Composition`'s sections.
    pub sections: Vec<Section>,
    /// A FHIR `Bundle`'s entries, at most [`fhir::MAX_ENTRIES`].
    pub entries: Vec<Document>,
    /// Whether a CDA's body is an attachment (`nonXMLBody`) rather than sections.
    pub attachment: bool,
}
