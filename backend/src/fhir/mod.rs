//! The FHIR R4 interface (`/fhir/R4`) that practice and hospital software speaks, following
//! IHE MHD (Document Recipient and Responder) and PDQm. Every read and write goes through the
//! same services, decision function and audit as the portal, with the software named in each
//! audit entry (see [`crate::oauth::FhirCaller`]).

pub mod provide;

/// The media type of FHIR JSON.
pub const FHIR_JSON: &str = "application/fhir+json; charset=utf-8";
