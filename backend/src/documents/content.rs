//! What an uploaded document really is, decided from its bytes while they stream in.
//!
//! A [`Validator`] is fed the body chunk by chunk: it refuses the moment the size limit (or the
//! declared length) is passed, hashes with SHA-256 as it goes, and keeps only a few bytes of the
//! head and tail for the binary formats (PDF, PNG, JPEG), so memory stays flat in the file size.
//! Only the text formats (CDA XML, FHIR JSON) are buffered, up to a separate, smaller limit, because
//! a full parse needs the whole document. [`Validator::finish`] then decides the format from the
//! content; the client's declared type is only a hint that must agree.
//!
//! The XML parse refuses any `<!DOCTYPE` outright (so no DTD, no external entity, no entity
//! expansion) and any entity other than the five predefined ones and character references, and
//! bounds depth, node count, attributes and name length. The JSON parse bounds depth with an
//! iterative scan before `serde_json` builds anything and refuses duplicate keys.
//!
//! A document goes into the record of the patient it names, and only that one: a CDA document
//! has exactly one `recordTarget`, which names the record's patient by a national ID in a
//! configured system; a FHIR resource's subjects name them; and every other patient identity
//! either carries (a national-ID identifier anywhere; in FHIR also every contained or bundled
//! `Patient` and every reference to a `Patient`) must be them too. Narratives that a viewer
//! turns into HTML (FHIR `text.div`, CDA `section/text`) must be inert: FHIR's own XHTML rules
//! (txt-1, txt-2), and no script, event attribute or script URL in a CDA narrative block.
//!
//! This module does not touch HTTP, the database, the content store or the clock.

use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use quick_xml::escape::EscapeError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::{NsReader, XmlVersion};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// Default largest document: 20 MB.
pub const DEFAULT_MAX_SIZE: u64 = 20 * 1024 * 1024;
/// Default largest text document (CDA XML, FHIR JSON), which must be buffered to be parsed: 5 MB.
pub const DEFAULT_MAX_TEXT_SIZE: u64 = 5 * 1024 * 1024;

/// Bytes kept from the start of the body: enough for every signature checked here.
const HEAD_LEN: usize = 16;
/// Bytes kept from the end of the body: PDF readers look for `%%EOF` within the last 1024.
const TAIL_LEN: usize = 1024;
const UTF8_BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];
const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
/// An IHDR chunk's length (13) and type, which must follow the PNG signature.
const PNG_IHDR: [u8; 8] = [0, 0, 0, 13, b'I', b'H', b'D', b'R'];
/// The IEND chunk, always the same 12 bytes (length 0, type, CRC), which must end a PNG.
const PNG_IEND: [u8; 12] = [0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82];
const CDA_NAMESPACE: &str = "urn:hl7-org:v3";
const CDA_ROOT: &str = "ClinicalDocument";
/// The entities every XML parser knows without a DTD.
const XML_PREDEFINED_ENTITIES: [&str; 5] = ["lt", "gt", "amp", "apos", "quot"];

/// FHIR resource types accepted as a filed document (a `Bundle`'s entries may hold any type).
pub const FHIR_RESOURCE_TYPES: &[&str] = &[
    "AllergyIntolerance",
    "Bundle",
    "CarePlan",
    "Composition",
    "Condition",
    "Consent",
    "DiagnosticReport",
    "DocumentReference",
    "Encounter",
    "FamilyMemberHistory",
    "ImagingStudy",
    "Immunization",
    "MedicationAdministration",
    "MedicationDispense",
    "MedicationRequest",
    "MedicationStatement",
    "Observation",
    "Procedure",
    "QuestionnaireResponse",
    "ServiceRequest",
];

/// The formats a document may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentFormat {
    /// PDF: `%PDF-` at the start, `%%EOF` near the end.
    Pdf,
    /// PNG: signature, IHDR first, IEND last.
    Png,
    /// JPEG: SOI marker at the start, EOI at the end.
    Jpeg,
    /// HL7 CDA R2: well-formed XML whose root is `ClinicalDocument` in `urn:hl7-org:v3`.
    CdaXml,
    /// A FHIR R4 resource in JSON that names the record's patient.
    FhirJson,
}

impl DocumentFormat {
    /// Every format, in a stable order.
    pub const ALL: [Self; 5] = [Self::Pdf, Self::Png, Self::Jpeg, Self::CdaXml, Self::FhirJson];

    /// The media type the document is served with.
    #[must_use]
    pub const fn media_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::CdaXml => "application/xml",
            Self::FhirJson => "application/fhir+json",
        }
    }

    /// A stable snake_case code, for the database and the API.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Jpeg => "jpeg",
            Self::CdaXml => "cda_xml",
            Self::FhirJson => "fhir_json",
        }
    }

    /// The file-name extension a download gets, without the dot.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::CdaXml => "xml",
            Self::FhirJson => "json",
        }
    }

    /// The format a client's declared media type (e.g. a `Content-Type` header) stands for;
    /// parameters such as `; charset=utf-8` and letter case are ignored.
    ///
    /// # Errors
    /// [`ContentError::UnsupportedType`] for any other media type.
    pub fn from_declared(media_type: &str) -> Result<Self, ContentError> {
        let essence = media_type.split(';').next().unwrap_or_default().trim();
        let lower = essence.to_ascii_lowercase();
        match lower.as_str() {
            "application/pdf" => Ok(Self::Pdf),
            "image/png" => Ok(Self::Png),
            "image/jpeg" | "image/jpg" | "image/pjpeg" => Ok(Self::Jpeg),
            "application/xml"
            | "text/xml"
            | "application/cda+xml"
            | "application/hl7-cda+xml"
            | "application/hl7-v3+xml" => Ok(Self::CdaXml),
            "application/fhir+json" | "application/json+fhir" | "application/json" => {
                Ok(Self::FhirJson)
            }
            _ => Err(ContentError::UnsupportedType),
        }
    }
}

impl fmt::Display for DocumentFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Why an upload's content was refused. [`ContentError::code`] is a stable contract.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    /// The body is empty.
    #[error("the document is empty")]
    Empty,
    /// More bytes than the configured limit (or a declared length above it).
    #[error("the document is larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// A CDA XML or FHIR JSON document larger than the text limit.
    #[error("an XML or JSON document may not be larger than {limit} bytes")]
    TextTooLarge {
        /// The text limit in bytes.
        limit: u64,
    },
    /// More bytes arrived than the declared length announced.
    #[error("the body is longer than its declared length")]
    LengthMismatch,
    /// The body or the document ends early (fewer bytes than declared, no PDF `%%EOF`, no PNG
    /// IEND, no JPEG EOI, unclosed XML elements, JSON cut short).
    #[error("the document is incomplete")]
    Truncated,
    /// The content is none of the accepted formats.
    #[error("the content is not a PDF, PNG, JPEG, CDA XML or FHIR JSON document")]
    WrongType,
    /// The declared media type is not one of the accepted formats.
    #[error("this media type is not accepted")]
    UnsupportedType,
    /// The content is of another format than the client declared.
    #[error("declared as {declared} but the content is {detected}")]
    TypeMismatch {
        /// What the client said.
        declared: DocumentFormat,
        /// What the content is.
        detected: DocumentFormat,
    },
    /// A text document that is not UTF-8.
    #[error("XML and JSON documents must be encoded in UTF-8")]
    TextEncoding,
    /// XML that is not well-formed.
    #[error("the XML is not well-formed")]
    XmlMalformed,
    /// XML with a `<!DOCTYPE`: DTDs are refused, so no external or expanding entity can exist.
    #[error("XML with a document type declaration (DTD) is refused")]
    XmlDtdForbidden,
    /// XML that refers to an entity other than the five predefined ones.
    #[error("XML entities other than the predefined ones are refused")]
    XmlEntityForbidden,
    /// XML nested deeper than the limit.
    #[error("the XML is nested too deeply")]
    XmlTooDeep,
    /// XML with more nodes than the limit.
    #[error("the XML has too many nodes")]
    XmlTooManyNodes,
    /// An XML element with more attributes than the limit.
    #[error("an XML element has too many attributes")]
    XmlTooManyAttributes,
    /// An XML element or attribute name longer than the limit.
    #[error("an XML name is too long")]
    XmlNameTooLong,
    /// Well-formed XML that is not a CDA document.
    #[error("the XML is not an HL7 CDA ClinicalDocument")]
    XmlNotCda,
    /// JSON that does not parse.
    #[error("the JSON is not well-formed")]
    JsonMalformed,
    /// JSON nested deeper than the limit.
    #[error("the JSON is nested too deeply")]
    JsonTooDeep,
    /// A JSON object with the same key twice (readers would disagree on its value).
    #[error("a JSON object has the same key twice")]
    JsonDuplicateKey,
    /// JSON that is not a FHIR resource (no object, no `resourceType`, a malformed entry).
    #[error("the JSON is not a FHIR resource")]
    FhirInvalid,
    /// A FHIR resource type that is not accepted as a document.
    #[error("this FHIR resource type is not accepted as a document")]
    FhirUnsupportedResource,
    /// A FHIR document that names no patient.
    #[error("the FHIR document does not name the patient")]
    FhirNoPatient,
    /// A FHIR document that names another patient, or one that cannot be shown to be this one:
    /// in its subject, a contained or bundled `Patient`, any `Patient` reference, or any
    /// identifier in a national-ID system.
    #[error("the FHIR document names another patient")]
    FhirWrongPatient,
    /// A FHIR narrative (`text.div`) that could run code or reach out: a script, an event
    /// attribute, a `javascript:` URL, an element or attribute outside FHIR's allowed XHTML.
    #[error("the FHIR narrative holds active or disallowed content")]
    FhirNarrativeUnsafe,
    /// A FHIR narrative that is not a well-formed XHTML `div` with some content.
    #[error("the FHIR narrative is not a well-formed XHTML div with content")]
    FhirNarrativeInvalid,
    /// A CDA document whose `recordTarget` carries no national ID of the record's patient.
    #[error("the CDA document does not name the patient by their national ID")]
    CdaNoPatient,
    /// A CDA document that carries the national ID of someone else.
    #[error("the CDA document names another patient")]
    CdaWrongPatient,
    /// A CDA document with more than one `recordTarget`: a record holds one patient's documents.
    #[error("the CDA document has more than one record target")]
    CdaSeveralPatients,
    /// A CDA narrative that could run code: a script, an event attribute, a `javascript:` link,
    /// an element from outside the CDA narrative block.
    #[error("the CDA narrative holds active or disallowed content")]
    CdaNarrativeUnsafe,
}

impl ContentError {
    /// A stable snake_case code for the API's error mapping; never renamed.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::TooLarge { .. } => "too_large",
            Self::TextTooLarge { .. } => "text_too_large",
            Self::LengthMismatch => "length_mismatch",
            Self::Truncated => "truncated",
            Self::WrongType => "wrong_type",
            Self::UnsupportedType => "unsupported_type",
            Self::TypeMismatch { .. } => "type_mismatch",
            Self::TextEncoding => "text_encoding",
            Self::XmlMalformed => "xml_malformed",
            Self::XmlDtdForbidden => "xml_dtd_forbidden",
            Self::XmlEntityForbidden => "xml_entity_forbidden",
            Self::XmlTooDeep => "xml_too_deep",
            Self::XmlTooManyNodes => "xml_too_many_nodes",
            Self::XmlTooManyAttributes => "xml_too_many_attributes",
            Self::XmlNameTooLong => "xml_name_too_long",
            Self::XmlNotCda => "xml_not_cda",
            Self::JsonMalformed => "json_malformed",
            Self::JsonTooDeep => "json_too_deep",
            Self::JsonDuplicateKey => "json_duplicate_key",
            Self::FhirInvalid => "fhir_invalid",
            Self::FhirUnsupportedResource => "fhir_unsupported_resource",
            Self::FhirNoPatient => "fhir_no_patient",
            Self::FhirWrongPatient => "fhir_wrong_patient",
            Self::FhirNarrativeUnsafe => "fhir_narrative_unsafe",
            Self::FhirNarrativeInvalid => "fhir_narrative_invalid",
            Self::CdaNoPatient => "cda_no_patient",
            Self::CdaWrongPatient => "cda_wrong_patient",
            Self::CdaSeveralPatients => "cda_several_patients",
            Self::CdaNarrativeUnsafe => "cda_narrative_unsafe",
        }
    }
}

/// The limits an upload is checked against; configured once and injected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentLimits {
    /// Largest document in bytes.
    pub max_size: u64,
    /// Largest CDA XML or FHIR JSON document in bytes (these are held in memory to be parsed).
    pub max_text_size: u64,
    /// Deepest XML element nesting.
    pub xml_max_depth: usize,
    /// Most XML nodes (elements, text runs, comments, references …).
    pub xml_max_nodes: usize,
    /// Most attributes on one XML element (namespace declarations included).
    pub xml_max_attributes: usize,
    /// Longest XML element or attribute name, in bytes.
    pub xml_max_name_len: usize,
    /// Deepest JSON nesting of objects and arrays; at most 127, `serde_json`'s own limit.
    pub json_max_depth: usize,
}

impl Default for ContentLimits {
    fn default() -> Self {
        Self {
            max_size: DEFAULT_MAX_SIZE,
            max_text_size: DEFAULT_MAX_TEXT_SIZE,
            xml_max_depth: 256,
            xml_max_nodes: 1_000_000,
            xml_max_attributes: 256,
            xml_max_name_len: 1024,
            json_max_depth: 127,
        }
    }
}

/// The record's patient, as a document must name them: in FHIR by the `Patient` id on this
/// server (`Patient/<id>`) or by an identifier whose system is one of `national_id_systems` and
/// whose value is the national ID; in CDA by a `recordTarget/patientRole/id` whose `root` is
/// one of those systems (an OID written `urn:oid:1.2.3` or `1.2.3`) and whose `extension` is the
/// national ID.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExpectedPatient {
    /// The patient's FHIR `Patient` id on this server.
    pub fhir_id: Option<String>,
    /// The patient's national ID (digits only).
    pub national_id: Option<String>,
    /// Identifier systems (URIs; OIDs as `urn:oid:…`) whose values are national IDs.
    pub national_id_systems: Vec<String>,
}

/// An accepted document: its format decided from the content, its size and SHA-256.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Validated {
    /// The format the content is.
    pub format: DocumentFormat,
    /// The media type it is served with.
    pub media_type: &'static str,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256.
    pub sha256: [u8; 32],
}

/// Where the sniffing of the first bytes stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Only a byte-order mark and whitespace so far.
    Sniffing,
    /// Starts with `<` or `{`: buffered for a full parse.
    Text,
    /// Anything else: only head and tail are kept.
    Binary,
}

/// Checks an upload incrementally: [`Validator::update`] with each chunk, then
/// [`Validator::finish`]. Memory is bounded by the text limit for XML/JSON and is a few
/// kilobytes for everything else.
pub struct Validator {
    limits: ContentLimits,
    patient: ExpectedPatient,
    declared_format: Option<DocumentFormat>,
    declared_length: Option<u64>,
    size: u64,
    hasher: Sha256,
    head: Vec<u8>,
    tail: Vec<u8>,
    mode: Mode,
    text: Vec<u8>,
    failed: Option<ContentError>,
}

impl fmt::Debug for Validator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Validator")
            .field("limits", &self.limits)
            .field("declared_format", &self.declared_format)
            .field("declared_length", &self.declared_length)
            .field("size", &self.size)
            .field("mode", &self.mode)
            .field("failed", &self.failed)
            .finish_non_exhaustive()
    }
}

impl Validator {
    /// A validator for one upload into the record of `patient`.
    #[must_use]
    pub fn new(limits: ContentLimits, patient: ExpectedPatient) -> Self {
        Self {
            limits,
            patient,
            declared_format: None,
            declared_length: None,
            size: 0,
            hasher: Sha256::new(),
            head: Vec::with_capacity(HEAD_LEN),
            tail: Vec::with_capacity(TAIL_LEN),
            mode: Mode::Sniffing,
            text: Vec::new(),
            failed: None,
        }
    }

    /// The format the client declared; the content must turn out to be the same.
    #[must_use]
    pub fn declared_format(mut self, format: Option<DocumentFormat>) -> Self {
        self.declared_format = format;
        self
    }

    /// The length the client announced (`Content-Length`).
    ///
    /// # Errors
    /// [`ContentError::TooLarge`] at once when it is above the limit, before any byte is read.
    /// A body that then turns out longer fails in [`Validator::update`], a shorter one in
    /// [`Validator::finish`].
    pub fn declared_length(mut self, length: Option<u64>) -> Result<Self, ContentError> {
        if let Some(length) = length
            && length > self.limits.max_size
        {
            return Err(ContentError::TooLarge { limit: self.limits.max_size });
        }
        self.declared_length = length;
        Ok(self)
    }

    /// Bytes seen so far.
    #[must_use]
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Takes the next chunk of the body.
    ///
    /// # Errors
    /// As soon as the body passes the size limit, the declared length or (for XML/JSON) the text
    /// limit; once failed, every later call returns the same error.
    pub fn update(&mut self, chunk: &[u8]) -> Result<(), ContentError> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }
        let result = self.take(chunk);
        if let Err(error) = &result {
            self.failed = Some(error.clone());
            // Nothing more will be read: give the buffered text back.
            self.text = Vec::new();
        }
        result
    }

    fn take(&mut self, chunk: &[u8]) -> Result<(), ContentError> {
        if chunk.is_empty() {
            return Ok(());
        }
        let new_size = self.size.saturating_add(chunk.len() as u64);
        if new_size > self.limits.max_size {
            return Err(ContentError::TooLarge { limit: self.limits.max_size });
        }
        if self.declared_length.is_some_and(|declared| new_size > declared) {
            return Err(ContentError::LengthMismatch);
        }
        let offset = self.size;
        self.size = new_size;
        self.hasher.update(chunk);

        if self.head.len() < HEAD_LEN {
            let take = (HEAD_LEN - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..take]);
        }
        if chunk.len() >= TAIL_LEN {
            self.tail.clear();
            self.tail.extend_from_slice(&chunk[chunk.len() - TAIL_LEN..]);
        } else {
            self.tail.extend_from_slice(chunk);
            if self.tail.len() > TAIL_LEN {
                self.tail.drain(..self.tail.len() - TAIL_LEN);
            }
        }

        if self.mode == Mode::Sniffing {
            self.mode = sniff(offset, chunk);
            if self.mode == Mode::Binary {
                self.text = Vec::new();
            }
        }
        if self.mode != Mode::Binary {
            if (self.text.len() + chunk.len()) as u64 > self.limits.max_text_size {
                return Err(match self.mode {
                    Mode::Text => ContentError::TextTooLarge { limit: self.limits.max_text_size },
                    // Megabytes of whitespace and nothing else: no accepted format.
                    Mode::Sniffing | Mode::Binary => ContentError::WrongType,
                });
            }
            self.text.extend_from_slice(chunk);
        }
        Ok(())
    }

    /// Decides: the whole body has been read.
    ///
    /// # Errors
    /// The first reason the content is refused.
    pub fn finish(self) -> Result<Validated, ContentError> {
        if let Some(error) = self.failed {
            return Err(error);
        }
        if self.size == 0 {
            return Err(ContentError::Empty);
        }
        if self.declared_length.is_some_and(|declared| self.size < declared) {
            return Err(ContentError::Truncated);
        }
        let detected = match self.mode {
            Mode::Sniffing => return Err(ContentError::WrongType),
            Mode::Text => detect_text(&self.text)?,
            Mode::Binary => detect_binary(&self.head)?,
        };
        if let Some(declared) = self.declared_format
            && declared != detected
        {
            return Err(ContentError::TypeMismatch { declared, detected });
        }
        match detected {
            DocumentFormat::Pdf => check_pdf(&self.tail)?,
            DocumentFormat::Png => check_png(&self.head, &self.tail, self.size)?,
            DocumentFormat::Jpeg => check_jpeg(&self.tail)?,
            DocumentFormat::CdaXml => {
                check_cda(strip_bom(&self.text), &self.limits, &self.patient)?;
            }
            DocumentFormat::FhirJson => {
                check_fhir(strip_bom(&self.text), &self.limits, &self.patient)?;
            }
        }
        Ok(Validated {
            format: detected,
            media_type: detected.media_type(),
            size: self.size,
            sha256: self.hasher.finalize().into(),
        })
    }
}

/// Looks at the first non-blank byte of the body, if `chunk` (at `offset`) holds it.
fn sniff(offset: u64, chunk: &[u8]) -> Mode {
    for (index, &byte) in chunk.iter().enumerate() {
        let position = offset.saturating_add(index as u64);
        let in_bom = usize::try_from(position)
            .ok()
            .and_then(|position| UTF8_BOM.get(position))
            .is_some_and(|&bom| bom == byte);
        if in_bom || byte.is_ascii_whitespace() {
            continue;
        }
        return if byte == b'<' || byte == b'{' { Mode::Text } else { Mode::Binary };
    }
    Mode::Sniffing
}

fn strip_bom(text: &[u8]) -> &[u8] {
    text.strip_prefix(&UTF8_BOM).unwrap_or(text)
}

fn detect_text(text: &[u8]) -> Result<DocumentFormat, ContentError> {
    match strip_bom(text).iter().find(|byte| !byte.is_ascii_whitespace()) {
        Some(b'<') => Ok(DocumentFormat::CdaXml),
        Some(b'{') => Ok(DocumentFormat::FhirJson),
        _ => Err(ContentError::WrongType),
    }
}

fn detect_binary(head: &[u8]) -> Result<DocumentFormat, ContentError> {
    if head.starts_with(b"%PDF-") {
        Ok(DocumentFormat::Pdf)
    } else if head.starts_with(&PNG_SIGNATURE) {
        Ok(DocumentFormat::Png)
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Ok(DocumentFormat::Jpeg)
    } else {
        Err(ContentError::WrongType)
    }
}

fn check_pdf(tail: &[u8]) -> Result<(), ContentError> {
    if tail.windows(5).any(|window| window == b"%%EOF") {
        Ok(())
    } else {
        Err(ContentError::Truncated)
    }
}

fn check_png(head: &[u8], tail: &[u8], size: u64) -> Result<(), ContentError> {
    if head.get(8..16) != Some(&PNG_IHDR[..]) {
        return Err(if head.len() < HEAD_LEN {
            ContentError::Truncated
        } else {
            ContentError::WrongType
        });
    }
    // Signature, the whole IHDR chunk (8 + 13 + 4 bytes), then IEND last.
    let smallest = (PNG_SIGNATURE.len() + 25 + PNG_IEND.len()) as u64;
    if size >= smallest && tail.ends_with(&PNG_IEND) {
        Ok(())
    } else {
        Err(ContentError::Truncated)
    }
}

fn check_jpeg(tail: &[u8]) -> Result<(), ContentError> {
    // SOI (2 bytes) and EOI (2 bytes) may not be the same bytes.
    if tail.len() >= 4 && tail.ends_with(&[0xFF, 0xD9]) {
        Ok(())
    } else {
        Err(ContentError::Truncated)
    }
}

// ---- CDA XML -------------------------------------------------------------------------------

fn xml_error(error: &quick_xml::Error) -> ContentError {
    match error {
        quick_xml::Error::Escape(EscapeError::UnrecognizedEntity(..)) => {
            ContentError::XmlEntityForbidden
        }
        _ => ContentError::XmlMalformed,
    }
}

/// Where an element of a CDA document stands, as far as the checks here care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CdaScope {
    /// `ClinicalDocument`.
    Root,
    /// `ClinicalDocument/recordTarget`: the patient the document is about.
    RecordTarget,
    /// `recordTarget/patientRole`, whose `id`s identify the patient.
    PatientRole,
    /// A `section`, whose `text` is the narrative block.
    Section,
    /// `section/text` and everything in it: what a CDA stylesheet turns into HTML.
    Narrative,
    /// Anything else.
    Other,
}

/// What a CDA document says about its patient, gathered while it streams by.
#[derive(Debug, Default)]
struct CdaPatient {
    record_targets: usize,
    /// A national ID of the record's patient in the record target.
    named: bool,
    /// A national ID of someone else anywhere.
    someone_else: bool,
}

/// A streaming, non-recursive check: quick-xml never reads a DTD nor expands an entity, and any
/// `<!DOCTYPE` or unknown entity reference is refused here before it could matter downstream.
/// The same pass checks the patient the document is about (exactly one `recordTarget`, naming
/// the record's patient by a national ID in a configured system; no national ID of anyone else
/// anywhere) and that its narrative could run nothing; it keeps one small scope per open
/// element, within the depth limit.
fn check_cda(
    text: &[u8],
    limits: &ContentLimits,
    patient: &ExpectedPatient,
) -> Result<(), ContentError> {
    let text = std::str::from_utf8(text).map_err(|_| ContentError::TextEncoding)?;
    let mut reader = NsReader::from_str(text);
    let config = reader.config_mut();
    config.check_comments = true;
    config.check_end_names = true;
    config.allow_dangling_amp = false;
    config.allow_unmatched_ends = false;
    config.expand_empty_elements = false;

    let mut scopes: Vec<CdaScope> = Vec::new();
    let mut nodes = 0_usize;
    let mut root_seen = false;
    let mut named = CdaPatient::default();
    loop {
        let (namespace, event) = reader.read_resolved_event().map_err(|e| xml_error(&e))?;
        nodes += 1;
        if nodes > limits.xml_max_nodes {
            return Err(ContentError::XmlTooManyNodes);
        }
        let depth = scopes.len();
        match event {
            Event::DocType(_) => return Err(ContentError::XmlDtdForbidden),
            Event::Decl(declaration) => {
                if let Some(encoding) = declaration.encoding() {
                    let encoding = encoding.map_err(|_| ContentError::XmlMalformed)?;
                    if !encoding.eq_ignore_ascii_case("utf-8") {
                        return Err(ContentError::TextEncoding);
                    }
                }
            }
            Event::Start(ref element) | Event::Empty(ref element) => {
                let in_cda =
                    matches!(namespace, ResolveResult::Bound(Namespace(ns)) if ns == CDA_NAMESPACE);
                if depth == 0 {
                    if root_seen {
                        return Err(ContentError::XmlMalformed);
                    }
                    root_seen = true;
                    if !(in_cda && element.local_name().as_ref() == CDA_ROOT) {
                        return Err(ContentError::XmlNotCda);
                    }
                }
                if depth + 1 > limits.xml_max_depth {
                    return Err(ContentError::XmlTooDeep);
                }
                check_element(element, limits)?;
                let scope = cda_scope(scopes.last().copied(), in_cda, element)?;
                if scope == CdaScope::RecordTarget {
                    named.record_targets += 1;
                }
                if in_cda && element.local_name().as_ref() == "id" {
                    cda_identifier(
                        element,
                        scopes.last() == Some(&CdaScope::PatientRole),
                        patient,
                        &mut named,
                    )?;
                }
                if matches!(event, Event::Start(_)) {
                    scopes.push(scope);
                }
            }
            Event::End(_) => {
                scopes.pop();
            }
            Event::Text(text) => {
                if depth == 0 && !text.trim_ascii().is_empty() {
                    return Err(ContentError::XmlMalformed);
                }
            }
            Event::CData(_) => {
                if depth == 0 {
                    return Err(ContentError::XmlMalformed);
                }
            }
            Event::GeneralRef(reference) => {
                if depth == 0 {
                    return Err(ContentError::XmlMalformed);
                }
                if reference.is_char_ref() {
                    reference.resolve_char_ref().map_err(|_| ContentError::XmlMalformed)?;
                } else if !XML_PREDEFINED_ENTITIES.contains(&&*reference) {
                    return Err(ContentError::XmlEntityForbidden);
                }
            }
            Event::Comment(_) | Event::PI(_) => {}
            Event::Eof => {
                return if depth > 0 {
                    Err(ContentError::Truncated)
                } else if !root_seen {
                    Err(ContentError::XmlMalformed)
                } else if named.someone_else {
                    Err(ContentError::CdaWrongPatient)
                } else if named.record_targets > 1 {
                    Err(ContentError::CdaSeveralPatients)
                } else if !named.named {
                    Err(ContentError::CdaNoPatient)
                } else {
                    Ok(())
                };
            }
        }
    }
}

/// The elements of the CDA narrative block (`section/text`), all in the CDA namespace.
const CDA_NARRATIVE_ELEMENTS: &[&str] = &[
    "content",
    "linkHtml",
    "sub",
    "sup",
    "br",
    "footnote",
    "footnoteRef",
    "renderMultiMedia",
    "paragraph",
    "list",
    "item",
    "caption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "col",
    "colgroup",
];

/// The scope of an element under `parent`; refuses what could run code: a `script` element
/// anywhere, and in the narrative block any element outside it, an event attribute (`on…`), a
/// namespaced attribute, a link whose URL could run code.
fn cda_scope(
    parent: Option<CdaScope>,
    in_cda: bool,
    element: &BytesStart<'_>,
) -> Result<CdaScope, ContentError> {
    let name = element.local_name();
    let name = name.as_ref();
    if name.eq_ignore_ascii_case("script") {
        return Err(ContentError::CdaNarrativeUnsafe);
    }
    let scope = match parent {
        None => CdaScope::Root,
        Some(CdaScope::Narrative) => {
            if !(in_cda && CDA_NARRATIVE_ELEMENTS.contains(&name)) {
                return Err(ContentError::CdaNarrativeUnsafe);
            }
            CdaScope::Narrative
        }
        Some(CdaScope::Root) if in_cda && name == "recordTarget" => CdaScope::RecordTarget,
        Some(CdaScope::RecordTarget) if in_cda && name == "patientRole" => CdaScope::PatientRole,
        Some(_) if in_cda && name == "section" => CdaScope::Section,
        Some(CdaScope::Section) if in_cda && name == "text" => CdaScope::Narrative,
        Some(_) => CdaScope::Other,
    };
    if scope == CdaScope::Narrative {
        for attribute in element.attributes() {
            let attribute = attribute.map_err(|_| ContentError::XmlMalformed)?;
            let key = attribute.key.as_ref();
            let event_handler = key.get(..2).is_some_and(|start| start.eq_ignore_ascii_case("on"));
            let foreign =
                key.contains(':') && !key.starts_with("xmlns") && !key.starts_with("xml:");
            if event_handler || foreign {
                return Err(ContentError::CdaNarrativeUnsafe);
            }
            if key == "href" {
                let url = attribute
                    .normalized_value(XmlVersion::Implicit1_0)
                    .map_err(|e| xml_error(&e))?;
                if !link_is_inert(&url) {
                    return Err(ContentError::CdaNarrativeUnsafe);
                }
            }
        }
    }
    Ok(scope)
}

/// An `id` of a CDA document: one whose `root` is a national-ID system names a person by their
/// national ID (`extension`), which must be the record's patient's; in the record target's
/// `patientRole` it is what names the document's patient.
fn cda_identifier(
    element: &BytesStart<'_>,
    of_the_record_target: bool,
    patient: &ExpectedPatient,
    named: &mut CdaPatient,
) -> Result<(), ContentError> {
    let value = |name: &str| -> Result<Option<String>, ContentError> {
        match element.try_get_attribute(name).map_err(|_| ContentError::XmlMalformed)? {
            Some(attribute) => Ok(Some(
                attribute
                    .normalized_value(XmlVersion::Implicit1_0)
                    .map_err(|e| xml_error(&e))?
                    .into_owned(),
            )),
            None => Ok(None),
        }
    };
    let (Some(root), Some(extension)) = (value("root")?, value("extension")?) else {
        return Ok(());
    };
    if !is_national_id_system(&root, &patient.national_id_systems) {
        return Ok(());
    }
    let extension: String = extension.chars().filter(|c| !c.is_whitespace()).collect();
    if extension.is_empty() {
        // No value: names nobody.
        return Ok(());
    }
    if patient.national_id.as_deref() == Some(extension.as_str()) {
        named.named |= of_the_record_target;
    } else {
        named.someone_else = true;
    }
    Ok(())
}

/// Whether `system` (a FHIR identifier system, or a CDA `root`) is one of the configured
/// national-ID systems; an OID counts written either way, `urn:oid:1.2.3` or `1.2.3`.
fn is_national_id_system(system: &str, known: &[String]) -> bool {
    let bare = |s: &str| {
        let s = s.trim();
        match s.get(..8) {
            Some(prefix) if prefix.eq_ignore_ascii_case("urn:oid:") => s[8..].to_owned(),
            _ => s.to_owned(),
        }
    };
    let system = bare(system);
    !system.is_empty() && known.iter().any(|k| bare(k) == system)
}

/// The scheme of a URL as a browser reads it (ASCII blanks and control characters inside are
/// dropped: `java\tscript:` is `javascript:`), in lower case; `None` for a relative URL or a
/// fragment.
fn url_scheme(url: &str) -> Option<String> {
    let cleaned: String =
        url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    let (scheme, _) = cleaned.split_once(':')?;
    if scheme.contains(['/', '?', '#']) { None } else { Some(scheme.to_ascii_lowercase()) }
}

/// A link that only navigates: relative, a fragment, or `http`, `https`, `mailto`, `tel`.
fn link_is_inert(url: &str) -> bool {
    url_scheme(url)
        .is_none_or(|scheme| matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel"))
}

fn check_element(element: &BytesStart<'_>, limits: &ContentLimits) -> Result<(), ContentError> {
    if element.name().as_ref().len() > limits.xml_max_name_len {
        return Err(ContentError::XmlNameTooLong);
    }
    let mut count = 0_usize;
    // `attributes()` checks well-formedness and refuses duplicate names.
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|_| ContentError::XmlMalformed)?;
        count += 1;
        if count > limits.xml_max_attributes {
            return Err(ContentError::XmlTooManyAttributes);
        }
        if attribute.key.as_ref().len() > limits.xml_max_name_len {
            return Err(ContentError::XmlNameTooLong);
        }
        // Unescaping knows only the predefined entities and character references.
        attribute.normalized_value(XmlVersion::Implicit1_0).map_err(|e| xml_error(&e))?;
    }
    Ok(())
}

// ---- FHIR JSON -----------------------------------------------------------------------------

/// Whether `json` nests objects and arrays deeper than `max`: one pass, no recursion, no
/// allocation, so a hostile document cannot exhaust the stack or memory before the parse.
fn json_too_deep(json: &[u8], max: usize) -> bool {
    let mut depth = 0_usize;
    let mut in_string = false;
    let mut escaped = false;
    for &byte in json {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > max {
                    return true;
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// A JSON value that refuses an object with the same key twice. `serde_json` still applies its
/// own recursion limit (128) while building it.
struct StrictValue(Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format_args!("duplicate key {key:?}")));
            }
            let StrictValue(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

fn parse_json(json: &[u8], max_depth: usize) -> Result<Value, ContentError> {
    if json_too_deep(json, max_depth) {
        return Err(ContentError::JsonTooDeep);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    let parsed = StrictValue::deserialize(&mut deserializer).and_then(|value| {
        deserializer.end()?;
        Ok(value.0)
    });
    parsed.map_err(|error| match error.classify() {
        serde_json::error::Category::Eof => ContentError::Truncated,
        // The only data errors building a `StrictValue` are duplicate keys.
        serde_json::error::Category::Data => ContentError::JsonDuplicateKey,
        serde_json::error::Category::Syntax
            if error.to_string().starts_with("recursion limit exceeded") =>
        {
            ContentError::JsonTooDeep
        }
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
            ContentError::JsonMalformed
        }
    })
}

/// A FHIR resource (or Bundle) is accepted when its subjects name the record's patient, every
/// other patient identity it carries is that patient too, and its narratives are inert.
fn check_fhir(
    json: &[u8],
    limits: &ContentLimits,
    patient: &ExpectedPatient,
) -> Result<(), ContentError> {
    let root = parse_json(json, limits.json_max_depth)?;
    let root_type = resource_type(&root)?;
    if !FHIR_RESOURCE_TYPES.contains(&root_type) {
        return Err(ContentError::FhirUnsupportedResource);
    }
    check_subjects(&root, root_type, patient)?;
    check_every_part(&root, limits, patient)
}

/// The subjects (`subject`, `patient`): of the resource, or of every Bundle entry that has one;
/// each must be the record's patient, and at least one must name them.
fn check_subjects(
    root: &Value,
    root_type: &str,
    patient: &ExpectedPatient,
) -> Result<(), ContentError> {
    if root_type != "Bundle" {
        return match judge_resource(root, root_type, &Entries::default(), patient) {
            Some(Judgement::Match) => Ok(()),
            Some(Judgement::Mismatch | Judgement::Unknown) => Err(ContentError::FhirWrongPatient),
            None => Err(ContentError::FhirNoPatient),
        };
    }
    let mut named = false;
    let mut bundles = vec![root];
    while let Some(bundle) = bundles.pop() {
        let entries = Entries::of(bundle)?;
        for entry in bundle_entries(bundle)? {
            let Some(resource) = entry.get("resource") else { continue };
            let kind = resource_type(resource)?;
            if kind == "Bundle" {
                bundles.push(resource);
                continue;
            }
            match judge_resource(resource, kind, &entries, patient) {
                Some(Judgement::Match) => named = true,
                Some(Judgement::Mismatch | Judgement::Unknown) => {
                    return Err(ContentError::FhirWrongPatient);
                }
                None => {}
            }
        }
    }
    if named { Ok(()) } else { Err(ContentError::FhirNoPatient) }
}

fn bundle_entries(bundle: &Value) -> Result<&[Value], ContentError> {
    match bundle.get("entry") {
        None => Ok(&[]),
        Some(Value::Array(entries)) => Ok(entries.as_slice()),
        Some(_) => Err(ContentError::FhirInvalid),
    }
}

/// A Bundle's entries by the URLs a reference may give them, indexed once so that resolving a
/// reference costs the same however many entries there are (a scan per reference made a 5 MB
/// Bundle cost tens of seconds): by `fullUrl`, and for a relative reference by each tail of a
/// `fullUrl` after a `/` (`Patient/123` for `https://hospital.example/fhir/Patient/123`). The
/// first entry wins, as a scan would find it.
#[derive(Debug, Default)]
struct Entries<'a> {
    full_urls: HashMap<&'a str, &'a Value>,
    tails: HashMap<&'a str, &'a Value>,
}

impl<'a> Entries<'a> {
    fn of(bundle: &'a Value) -> Result<Self, ContentError> {
        let mut entries = Self::default();
        for entry in bundle_entries(bundle)? {
            let Some(full_url) = entry.get("fullUrl").and_then(Value::as_str) else { continue };
            entries.full_urls.entry(full_url).or_insert(entry);
            for (slash, _) in full_url.match_indices('/') {
                if let Some(tail) = full_url.get(slash + 1..).filter(|tail| !tail.is_empty()) {
                    entries.tails.entry(tail).or_insert(entry);
                }
            }
        }
        Ok(entries)
    }

    /// The entry a reference points at: an absolute one by its `fullUrl`, a relative one by
    /// its `fullUrl` or a tail of it.
    fn resolve(&self, target: &str, is_relative: bool) -> Option<&'a Value> {
        let by_tail = || if is_relative { self.tails.get(target).copied() } else { None };
        self.full_urls.get(target).copied().or_else(by_tail)
    }
}

/// A resource's contained resources by id, for its `#id` references.
fn contained_of(resource: &Value) -> HashMap<&str, &Value> {
    let mut by_id = HashMap::new();
    for contained in resource.get("contained").and_then(Value::as_array).into_iter().flatten() {
        if let Some(id) = contained.get("id").and_then(Value::as_str) {
            by_id.entry(id).or_insert(contained);
        }
    }
    by_id
}

/// One walk over the whole resource (no recursion: a stack of the values still to see), so
/// that no patient hides outside the subject and no script in a narrative:
///
/// - every `Patient` resource (the root's contained ones, bundled ones, their contained ones)
///   must be shown to be the record's patient;
/// - every reference to a `Patient` (`Patient/<id>`, `…/Patient/<id>`, `"type": "Patient"`),
///   from any field, must resolve to them;
/// - every identifier in a national-ID system must be their national ID;
/// - every narrative (`text.div`) must be inert XHTML ([`check_narrative`]).
fn check_every_part(
    root: &Value,
    limits: &ContentLimits,
    patient: &ExpectedPatient,
) -> Result<(), ContentError> {
    /// A value still to see, with the Bundle entries its references resolve in. (A `#id`
    /// reference needs no resolving here: every contained resource is seen on its own.)
    struct Part<'a> {
        value: &'a Value,
        entries: Rc<Entries<'a>>,
    }
    let no_contained = HashMap::new();
    let mut parts = vec![Part { value: root, entries: Rc::default() }];
    while let Some(Part { value, mut entries }) = parts.pop() {
        let object = match value {
            Value::Array(items) => {
                parts
                    .extend(items.iter().map(|value| Part { value, entries: Rc::clone(&entries) }));
                continue;
            }
            Value::Object(object) => object,
            _ => continue,
        };
        if let Some(kind) = object.get("resourceType").and_then(Value::as_str) {
            if kind == "Patient" && judge_patient_resource(value, patient) != Judgement::Match {
                return Err(ContentError::FhirWrongPatient);
            }
            if kind == "Bundle" {
                entries = Rc::new(Entries::of(value)?);
            }
        }
        let national_identifier = object
            .get("system")
            .and_then(Value::as_str)
            .is_some_and(|system| is_national_id_system(system, &patient.national_id_systems));
        if national_identifier
            && object.get("value").is_some()
            && judge_identifier(value, patient) != Judgement::Match
        {
            return Err(ContentError::FhirWrongPatient);
        }
        if is_patient_reference(object)
            && judge_reference(value, &no_contained, &entries, patient) != Judgement::Match
        {
            return Err(ContentError::FhirWrongPatient);
        }
        if let Some(div) = object.get("text").and_then(|text| text.get("div")) {
            check_narrative(div.as_str().ok_or(ContentError::FhirNarrativeInvalid)?, limits)?;
        }
        parts.extend(object.values().map(|value| Part { value, entries: Rc::clone(&entries) }));
    }
    Ok(())
}

/// Whether a FHIR `Reference` points at a `Patient` outside the resource, by its type or its
/// URL (a contained `Patient`, `#id`, is checked as a resource of its own).
fn is_patient_reference(reference: &Map<String, Value>) -> bool {
    let target = reference.get("reference").and_then(Value::as_str);
    if target.is_some_and(|target| target.starts_with('#')) {
        return false;
    }
    if reference.get("type").and_then(Value::as_str) == Some("Patient") {
        return true;
    }
    let Some(target) = target else {
        return false;
    };
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let mut segments: Vec<&str> = path.split('/').collect();
    if segments.len() >= 4 && segments[segments.len() - 2] == "_history" {
        segments.truncate(segments.len() - 2);
    }
    segments.len() >= 2 && segments[segments.len() - 2] == "Patient"
}

fn resource_type(resource: &Value) -> Result<&str, ContentError> {
    resource.get("resourceType").and_then(Value::as_str).ok_or(ContentError::FhirInvalid)
}

/// Whether a reference or resource is the record's patient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Judgement {
    /// Shown to be this patient.
    Match,
    /// Shown to be someone (or something) else.
    Mismatch,
    /// Cannot be told; refused like a mismatch.
    Unknown,
}

/// The facets of one reference (its `reference` and `identifier`, a `Patient`'s ids): any
/// mismatch wins; otherwise any match; otherwise unknown.
fn combine(judgements: impl IntoIterator<Item = Judgement>) -> Judgement {
    let mut result = Judgement::Unknown;
    for judgement in judgements {
        match judgement {
            Judgement::Mismatch => return Judgement::Mismatch,
            Judgement::Match => result = Judgement::Match,
            Judgement::Unknown => {}
        }
    }
    result
}

/// How a resource relates to the patient; `None` when it names no patient at all.
fn judge_resource(
    resource: &Value,
    kind: &str,
    entries: &Entries<'_>,
    patient: &ExpectedPatient,
) -> Option<Judgement> {
    if kind == "Patient" {
        return Some(judge_patient_resource(resource, patient));
    }
    let contained = contained_of(resource);
    let mut judgements = Vec::new();
    for field in ["subject", "patient"] {
        match resource.get(field) {
            None => {}
            Some(Value::Array(references)) => judgements.extend(
                references
                    .iter()
                    .map(|reference| judge_reference(reference, &contained, entries, patient)),
            ),
            Some(reference) => {
                judgements.push(judge_reference(reference, &contained, entries, patient))
            }
        }
    }
    if judgements.is_empty() { None } else { Some(all_of(&judgements)) }
}

/// Several references (a resource's `subject` and `patient`): each must be the patient.
fn all_of(judgements: &[Judgement]) -> Judgement {
    if judgements.contains(&Judgement::Mismatch) {
        Judgement::Mismatch
    } else if judgements.contains(&Judgement::Unknown) {
        Judgement::Unknown
    } else {
        Judgement::Match
    }
}

fn judge_reference(
    reference: &Value,
    contained: &HashMap<&str, &Value>,
    entries: &Entries<'_>,
    patient: &ExpectedPatient,
) -> Judgement {
    let mut judgements = Vec::new();
    if let Some(target) = reference.get("reference").and_then(Value::as_str) {
        judgements.push(judge_reference_string(target, contained, entries, patient));
    }
    if let Some(identifier) = reference.get("identifier") {
        judgements.push(judge_identifier(identifier, patient));
    }
    combine(judgements)
}

fn judge_reference_string(
    target: &str,
    contained: &HashMap<&str, &Value>,
    entries: &Entries<'_>,
    patient: &ExpectedPatient,
) -> Judgement {
    if let Some(local_id) = target.strip_prefix('#') {
        return match contained.get(local_id) {
            Some(resource)
                if resource.get("resourceType").and_then(Value::as_str) == Some("Patient") =>
            {
                judge_patient_resource(resource, patient)
            }
            Some(_) => Judgement::Mismatch,
            None => Judgement::Unknown,
        };
    }
    let is_relative = !target.contains(':');
    let found = entries.resolve(target, is_relative);
    if let Some(resource) = found.and_then(|entry| entry.get("resource")) {
        return if resource.get("resourceType").and_then(Value::as_str) == Some("Patient") {
            judge_patient_resource(resource, patient)
        } else {
            Judgement::Mismatch
        };
    }
    if !is_relative {
        // An absolute URL names a resource on some server; only an identifier can tell whose.
        return Judgement::Unknown;
    }
    let mut segments: Vec<&str> = target.split('/').collect();
    if segments.len() == 4 && segments[2] == "_history" {
        segments.truncate(2);
    }
    match segments.as_slice() {
        ["Patient", id] => match &patient.fhir_id {
            Some(expected) if expected == id => Judgement::Match,
            Some(_) => Judgement::Mismatch,
            None => Judgement::Unknown,
        },
        [_, _] => Judgement::Mismatch,
        _ => Judgement::Unknown,
    }
}

fn judge_identifier(identifier: &Value, patient: &ExpectedPatient) -> Judgement {
    let system = identifier.get("system").and_then(Value::as_str);
    let value = identifier.get("value").and_then(Value::as_str);
    let (Some(system), Some(value), Some(national_id)) = (system, value, &patient.national_id)
    else {
        return Judgement::Unknown;
    };
    if !is_national_id_system(system, &patient.national_id_systems) {
        return Judgement::Unknown;
    }
    let value: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    if &value == national_id { Judgement::Match } else { Judgement::Mismatch }
}

/// A `Patient` resource's own id is only a match, never a mismatch: inside a Bundle it is often
/// the sender's local id. Its national-ID identifiers decide either way.
fn judge_patient_resource(resource: &Value, patient: &ExpectedPatient) -> Judgement {
    let mut judgements = Vec::new();
    if let Some(identifiers) = resource.get("identifier").and_then(Value::as_array) {
        judgements
            .extend(identifiers.iter().map(|identifier| judge_identifier(identifier, patient)));
    }
    let id = resource.get("id").and_then(Value::as_str);
    if id.is_some() && id == patient.fhir_id.as_deref() {
        judgements.push(Judgement::Match);
    }
    combine(judgements)
}

// ---- FHIR narrative ------------------------------------------------------------------------

const XHTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// The elements FHIR allows in a narrative (`Narrative.div`, invariant txt-1: the basic HTML
/// formatting elements, tables, lists, links and images; no script, form, frame, object,
/// style or head element).
const NARRATIVE_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "b",
    "big",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "tt",
    "ul",
    "var",
];

/// The attributes FHIR allows on them (txt-1): no event attribute (`on…`), no namespaced one
/// but `xml:lang`, no namespace declaration but the XHTML default.
const NARRATIVE_ATTRIBUTES: &[&str] = &[
    "abbr",
    "accesskey",
    "align",
    "alt",
    "axis",
    "bgcolor",
    "border",
    "cellhalign",
    "cellpadding",
    "cellspacing",
    "cellvalign",
    "char",
    "charoff",
    "charset",
    "cite",
    "class",
    "colspan",
    "compact",
    "coords",
    "dir",
    "frame",
    "headers",
    "height",
    "href",
    "hreflang",
    "hspace",
    "id",
    "lang",
    "longdesc",
    "name",
    "nowrap",
    "rel",
    "rev",
    "rowspan",
    "rules",
    "scope",
    "shape",
    "span",
    "src",
    "start",
    "style",
    "summary",
    "tabindex",
    "title",
    "type",
    "valign",
    "value",
    "vspace",
    "width",
    "xml:lang",
    "xmlns",
];

/// A FHIR narrative is refused unless it is inert XHTML as FHIR defines it (txt-1, txt-2): a
/// well-formed `div` in the XHTML namespace with some content, only the allowed elements and
/// attributes, links that only navigate, images from the resource itself (`#…`), `http(s)` or
/// a PNG, JPEG or GIF `data:` URL, styles that load and run nothing. Streamed like the CDA
/// check, within the same limits.
fn check_narrative(div: &str, limits: &ContentLimits) -> Result<(), ContentError> {
    let invalid = |_| ContentError::FhirNarrativeInvalid;
    let mut reader = NsReader::from_str(div);
    let config = reader.config_mut();
    config.check_comments = true;
    config.check_end_names = true;
    config.allow_dangling_amp = false;
    config.allow_unmatched_ends = false;
    let (mut depth, mut nodes, mut root_seen, mut content) = (0_usize, 0_usize, false, false);
    loop {
        let (namespace, event) =
            reader.read_resolved_event().map_err(|_| ContentError::FhirNarrativeInvalid)?;
        nodes += 1;
        if nodes > limits.xml_max_nodes || depth + 1 > limits.xml_max_depth {
            return Err(ContentError::FhirNarrativeInvalid);
        }
        match event {
            Event::Start(ref element) | Event::Empty(ref element) => {
                let xhtml = matches!(namespace, ResolveResult::Bound(Namespace(ns)) if ns == XHTML_NAMESPACE);
                let name = element.local_name();
                if depth == 0 {
                    if root_seen || !xhtml || name.as_ref() != "div" {
                        return Err(ContentError::FhirNarrativeInvalid);
                    }
                    root_seen = true;
                } else {
                    content = true;
                    if !(xhtml && NARRATIVE_ELEMENTS.contains(&name.as_ref())) {
                        return Err(ContentError::FhirNarrativeUnsafe);
                    }
                }
                check_element(element, limits).map_err(invalid)?;
                check_narrative_attributes(element)?;
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(text) => {
                let blank = text.trim_ascii().is_empty();
                if depth == 0 && !blank {
                    return Err(ContentError::FhirNarrativeInvalid);
                }
                content |= !blank;
            }
            Event::GeneralRef(reference) => {
                if depth == 0 {
                    return Err(ContentError::FhirNarrativeInvalid);
                }
                if reference.is_char_ref() {
                    reference.resolve_char_ref().map_err(|_| ContentError::FhirNarrativeInvalid)?;
                } else if !XML_PREDEFINED_ENTITIES.contains(&&*reference) {
                    return Err(ContentError::FhirNarrativeInvalid);
                }
                content = true;
            }
            Event::CData(_) => {
                if depth == 0 {
                    return Err(ContentError::FhirNarrativeInvalid);
                }
                content = true;
            }
            Event::Comment(_) => {}
            Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {
                return Err(ContentError::FhirNarrativeInvalid);
            }
            Event::Eof => {
                return if depth == 0 && root_seen && content {
                    Ok(())
                } else {
                    Err(ContentError::FhirNarrativeInvalid)
                };
            }
        }
    }
}

fn check_narrative_attributes(element: &BytesStart<'_>) -> Result<(), ContentError> {
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|_| ContentError::FhirNarrativeInvalid)?;
        let key = attribute.key.as_ref();
        if !NARRATIVE_ATTRIBUTES.contains(&key) {
            return Err(ContentError::FhirNarrativeUnsafe);
        }
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|_| ContentError::FhirNarrativeInvalid)?;
        let inert = match key {
            "href" | "longdesc" | "cite" => link_is_inert(&value),
            "src" => image_is_inert(&value),
            "style" => style_is_inert(&value),
            _ => true,
        };
        if !inert {
            return Err(ContentError::FhirNarrativeUnsafe);
        }
    }
    Ok(())
}

/// An image source FHIR allows that runs nothing: the resource's own (`#…`), `http(s)`, or a
/// PNG, JPEG or GIF `data:` URL (not SVG, which can hold scripts).
fn image_is_inert(url: &str) -> bool {
    let cleaned: String =
        url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    let lower = cleaned.to_ascii_lowercase();
    match url_scheme(&cleaned).as_deref() {
        None => cleaned.starts_with('#'),
        Some("http" | "https") => true,
        Some("data") => ["data:image/png", "data:image/jpeg", "data:image/gif"]
            .iter()
            .any(|prefix| lower.starts_with(prefix)),
        Some(_) => false,
    }
}

/// A style that loads and runs nothing: no `url(…)`, `expression(…)`, `@import`, script URL or
/// behaviour binding.
fn style_is_inert(style: &str) -> bool {
    let cleaned: String = style
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && *c != '\\')
        .collect::<String>()
        .to_ascii_lowercase();
    !["url(", "expression(", "@import", "javascript:", "vbscript:", "behavior:", "-moz-binding"]
        .iter()
        .any(|needle| cleaned.contains(needle))
}

#[cfg(test)]
mod tests;
