//! Filed documents' bytes: checking what an upload really is, and keeping it.
//!
//! `content` decides a document's format from its bytes while they stream in (size limit, SHA-256,
//! magic bytes, a guarded parse of CDA XML and FHIR JSON); `store` keeps the bytes under their
//! SHA-256 behind a small trait. Neither knows about HTTP, the database or access rules: the
//! record services call them after `access::decide` has allowed the filing.

pub mod content;
pub mod store;

pub use content::{
    ContentError, ContentLimits, DocumentFormat, ExpectedPatient, Validated, Validator,
};
pub use store::{
    ContentAddress, ContentStore, FileStore, OrphanReport, PendingContent, PutError, StoreError,
    content_disposition, download_file_name, put_stream, sanitize_file_name,
};
