//! The ITI-65 Provide Document Bundle (IHE MHD 4.2, Minimal profile): a FHIR transaction Bundle
//! with the SubmissionSet (a `List`), one DocumentReference and its Binary, tied together by
//! `urn:uuid:` full URLs that the server replaces with the ids it gives.
//!
//! Identifiers that XDS wants as OIDs (the submission set's and the document's unique ids, the
//! source id) are UUID-based OIDs under the `2.25` arc (ITU-T X.667), so the client needs no OID
//! of its own.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde_json::{Value, json};
use sha1::{Digest, Sha1};
use uuid::Uuid;

/// The system of DSP's document categories (the portal's categories' codes, `care-reports` …).
pub const CATEGORY_SYSTEM: &str = "https://dsp.lu/fhir/CodeSystem/category";
/// The identifier system of Luxembourg's national identification number (matricule).
pub const MATRICULE_SYSTEM: &str = "urn:oid:1.3.182.4.4";
/// RFC 3986 URIs as identifiers (XDS unique ids and entry UUIDs).
const URI_SYSTEM: &str = "urn:ietf:rfc:3986";
const MHD: &str = "https://profiles.ihe.net/ITI/MHD";

/// Who the document is about, as the bundle names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// `Patient/<id>` (the id DSP gives).
    Patient(String),
    /// A logical reference by national identification number (matricule).
    Matricule(String),
}

impl Subject {
    fn reference(&self) -> Value {
        match self {
            Self::Patient(id) => json!({ "reference": format!("Patient/{id}") }),
            Self::Matricule(number) => {
                json!({ "identifier": { "system": MATRICULE_SYSTEM, "value": number } })
            }
        }
    }
}

/// One document to file.
#[derive(Debug, Clone)]
pub struct Document {
    /// The patient.
    pub subject: Subject,
    /// DSP's category code (`care-reports`, `lab-analyses` …).
    pub category: String,
    /// The title (1 to 200 characters).
    pub title: String,
    /// The clinical date (of the exam, the stay …).
    pub clinical_date: NaiveDate,
    /// The media type of the content.
    pub content_type: String,
    /// The content.
    pub data: Vec<u8>,
    /// When it is filed.
    pub now: DateTime<Utc>,
}

/// `urn:oid:2.25.<the UUID as a decimal integer>`.
#[must_use]
pub fn uuid_oid(uuid: Uuid) -> String {
    format!("urn:oid:2.25.{}", uuid.as_u128())
}

/// The media type of a file from its extension (`--content-type` overrides it).
#[must_use]
pub fn content_type_of(file_name: &str) -> Option<&'static str> {
    let extension = file_name.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "pdf" => "application/pdf",
        "xml" | "cda" => "text/xml",
        "json" => "application/fhir+json",
        "txt" => "text/plain",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        _ => return None,
    })
}

/// The transaction Bundle for `document`; `source` is the software's source id (an OID URN).
#[must_use]
pub fn provide_bundle(document: &Document, source: &str) -> Value {
    let submission_set = Uuid::new_v4();
    let reference = Uuid::new_v4();
    let binary = Uuid::new_v4();
    let now = document.now.to_rfc3339_opts(SecondsFormat::Secs, true);
    let subject = document.subject.reference();
    let hash = STANDARD.encode(Sha1::digest(&document.data));
    json!({
        "resourceType": "Bundle",
        "meta": { "profile": [format!("{MHD}/StructureDefinition/IHE.MHD.Minimal.ProvideBundle")] },
        "type": "transaction",
        "entry": [
            {
                "fullUrl": format!("urn:uuid:{submission_set}"),
                "resource": {
                    "resourceType": "List",
                    "meta": { "profile": [format!("{MHD}/StructureDefinition/IHE.MHD.Minimal.SubmissionSet")] },
                    "extension": [{
                        "url": format!("{MHD}/StructureDefinition/ihe-sourceId"),
                        "valueIdentifier": { "value": source }
                    }],
                    "identifier": [
                        { "use": "usual", "system": URI_SYSTEM, "value": uuid_oid(Uuid::new_v4()) },
                        { "use": "official", "system": URI_SYSTEM, "value": format!("urn:uuid:{submission_set}") }
                    ],
                    "status": "current",
                    "mode": "working",
                    "code": { "coding": [{
                        "system": format!("{MHD}/CodeSystem/MHDlistTypes"),
                        "code": "submissionset"
                    }] },
                    "subject": subject,
                    "date": now,
                    "entry": [{ "item": { "reference": format!("urn:uuid:{reference}") } }]
                },
                "request": { "method": "POST", "url": "List" }
            },
            {
                "fullUrl": format!("urn:uuid:{reference}"),
                "resource": {
                    "resourceType": "DocumentReference",
                    "meta": { "profile": [format!("{MHD}/StructureDefinition/IHE.MHD.Minimal.DocumentReference")] },
                    "masterIdentifier": { "system": URI_SYSTEM, "value": uuid_oid(Uuid::new_v4()) },
                    "identifier": [
                        { "use": "official", "system": URI_SYSTEM, "value": format!("urn:uuid:{reference}") }
                    ],
                    "status": "current",
                    "category": [{ "coding": [{ "system": CATEGORY_SYSTEM, "code": document.category }] }],
                    "subject": subject,
                    "date": now,
                    "description": document.title,
                    "content": [{
                        "attachment": {
                            "contentType": document.content_type,
                            "url": format!("urn:uuid:{binary}"),
                            "size": document.data.len(),
                            "hash": hash,
                            "title": document.title,
                            "creation": now
                        }
                    }],
                    "context": { "period": { "start": document.clinical_date.to_string() } }
                },
                "request": { "method": "POST", "url": "DocumentReference" }
            },
            {
                "fullUrl": format!("urn:uuid:{binary}"),
                "resource": {
                    "resourceType": "Binary",
                    "contentType": document.content_type,
                    "data": STANDARD.encode(&document.data)
                },
                "request": { "method": "POST", "url": "Binary" }
            }
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document() -> Document {
        Document {
            subject: Subject::Patient("6f1c1f0e-0000-4000-8000-000000000001".into()),
            category: "care-reports".into(),
            title: "Compte rendu".into(),
            clinical_date: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default(),
            content_type: "application/pdf".into(),
            data: b"%PDF-1.4 hello".to_vec(),
            now: DateTime::<Utc>::from_timestamp(1_796_000_000, 0).unwrap_or_default(),
        }
    }

    fn entry<'a>(bundle: &'a Value, kind: &str) -> &'a Value {
        bundle["entry"]
            .as_array()
            .and_then(|e| e.iter().find(|e| e["resource"]["resourceType"] == kind))
            .unwrap_or(&Value::Null)
    }

    #[test]
    fn the_bundle_ties_the_submission_set_the_reference_and_the_binary_together() {
        let bundle = provide_bundle(&document(), "urn:oid:2.25.1");
        assert_eq!(bundle["type"], "transaction");
        assert_eq!(bundle["entry"].as_array().map(Vec::len), Some(3));
        let list = entry(&bundle, "List");
        let reference = entry(&bundle, "DocumentReference");
        let binary = entry(&bundle, "Binary");
        // The list's item is the reference; the reference's attachment is the binary.
        assert_eq!(list["resource"]["entry"][0]["item"]["reference"], reference["fullUrl"]);
        assert_eq!(reference["resource"]["content"][0]["attachment"]["url"], binary["fullUrl"]);
        for (e, url) in [(list, "List"), (reference, "DocumentReference"), (binary, "Binary")] {
            assert_eq!(e["request"]["method"], "POST");
            assert_eq!(e["request"]["url"], url);
            assert!(e["fullUrl"].as_str().is_some_and(|u| u.starts_with("urn:uuid:")));
        }
        // The same patient throughout.
        let patient = json!({ "reference": "Patient/6f1c1f0e-0000-4000-8000-000000000001" });
        assert_eq!(list["resource"]["subject"], patient);
        assert_eq!(reference["resource"]["subject"], patient);
        assert_eq!(list["resource"]["code"]["coding"][0]["code"], "submissionset");
        assert_eq!(list["resource"]["extension"][0]["valueIdentifier"]["value"], "urn:oid:2.25.1");
    }

    #[test]
    fn the_reference_describes_the_content_exactly() {
        let bundle = provide_bundle(&document(), "urn:oid:2.25.1");
        let reference = &entry(&bundle, "DocumentReference")["resource"];
        let attachment = &reference["content"][0]["attachment"];
        assert_eq!(attachment["contentType"], "application/pdf");
        assert_eq!(attachment["size"], 14);
        // SHA-1 of the bytes, base64 (FHIR's Attachment.hash).
        assert_eq!(attachment["hash"], "okNdjepOlBJQ4cZm9qAa+0EnTs8=");
        assert_eq!(attachment["title"], "Compte rendu");
        assert_eq!(reference["category"][0]["coding"][0]["code"], "care-reports");
        assert_eq!(reference["context"]["period"]["start"], "2026-11-30");
        assert_eq!(reference["date"], "2026-11-30T00:53:20Z");
        let binary = &entry(&bundle, "Binary")["resource"];
        assert_eq!(binary["data"], STANDARD.encode(b"%PDF-1.4 hello"));
        assert_eq!(binary["contentType"], "application/pdf");
    }

    #[test]
    fn two_bundles_never_share_an_identifier() {
        let a = provide_bundle(&document(), "urn:oid:2.25.1").to_string();
        let b = provide_bundle(&document(), "urn:oid:2.25.1");
        for e in b["entry"].as_array().into_iter().flatten() {
            let url = e["fullUrl"].as_str().unwrap_or_default();
            assert!(!a.contains(url), "{url} reused");
        }
    }

    #[test]
    fn a_patient_is_named_by_matricule_as_a_logical_reference() {
        let mut by_matricule = document();
        by_matricule.subject = Subject::Matricule("1972090204512".into());
        let bundle = provide_bundle(&by_matricule, "urn:oid:2.25.1");
        let subject =
            json!({ "identifier": { "system": "urn:oid:1.3.182.4.4", "value": "1972090204512" } });
        assert_eq!(entry(&bundle, "List")["resource"]["subject"], subject);
        assert_eq!(entry(&bundle, "DocumentReference")["resource"]["subject"], subject);
    }

    #[test]
    fn uuid_oids_and_content_types() {
        assert_eq!(uuid_oid(Uuid::from_u128(42)), "urn:oid:2.25.42");
        assert_eq!(content_type_of("report.PDF"), Some("application/pdf"));
        assert_eq!(content_type_of("letter.xml"), Some("text/xml"));
        assert_eq!(content_type_of("noextension"), None);
        assert_eq!(content_type_of("a.exe"), None);
    }
}
