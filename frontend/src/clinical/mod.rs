//! Documents in clinical formats, read into inert values that the viewer renders: a CDA's header
//! and narrative sections ([`cda`]), a FHIR resource's key facts and narrative ([`fhir`]). XML is
//! parsed by the browser ([`xml`]); what a person then sees of a narrative is only what
//! [`narrative`] rebuilds from it. All of it but [`xml::parse`] is plain Rust, tested natively.

pub mod cda;
pub mod fhir;
pub mod narrative;
pub mod xml;
