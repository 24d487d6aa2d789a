//! Documents: a professional's view of a record and their uploads (streamed with progress), the
//! patient's own documents and restrictions, and the content of one document.
//!
//! The upload goes through `XMLHttpRequest`, the only browser API that reports upload progress;
//! the file is sent as the body, its own type as `Content-Type` (the server checks it against the
//! content), and what it is filed as in the `DSP-Document-*` headers, never in the address (which
//! logs and the browser's history keep).

use gloo_net::http::Request;
use shared::Category;
use shared::api::documents::{
    DocumentRestriction, DocumentSummary, RecordRefusal, WithdrawDocument, upload_headers,
};
use shared::ids::{DocumentId, PatientId};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, File, ProgressEvent, XmlHttpRequest};
use yew::Callback;

use super::{
    Answer, ApiFailure, Download, get_json, interpret_answer, post_for_nothing, post_json,
    put_json, watch_expiry,
};

/// The documents of a record that the signed-in professional may see.
pub async fn for_record(patient: PatientId) -> Result<Vec<DocumentSummary>, ApiFailure> {
    get_json(&format!("/api/records/{}/documents", patient.0)).await
}

/// Every document of the signed-in patient's record, with its restriction.
pub async fn own() -> Result<Vec<DocumentSummary>, ApiFailure> {
    get_json("/api/me/documents").await
}

/// Sets who may see one of the patient's documents.
pub async fn restrict(
    id: DocumentId,
    restriction: &DocumentRestriction,
) -> Result<DocumentSummary, ApiFailure> {
    put_json(&format!("/api/me/documents/{}/restriction", id.0), restriction).await
}

/// The content of a document (the server decides whether this person may read it).
pub async fn content(id: DocumentId) -> Result<Download, ApiFailure> {
    let request = Request::get(&format!("/api/documents/{}/content", id.0))
        .build()
        .map_err(|_| ApiFailure::Network)?;
    let response = request.send().await.map_err(|_| ApiFailure::Network)?;
    let status = response.status();
    if !(200..300).contains(&status) {
        let body = response.text().await.map_err(|_| ApiFailure::Network)?;
        let answer = Answer { status, retry_after: None, body };
        return watch_expiry(Err(super::failure(&answer)));
    }
    let headers = response.headers();
    let filename =
        headers.get("content-disposition").as_deref().and_then(super::attachment_filename);
    let content_type =
        headers.get("content-type").unwrap_or_else(|| "application/octet-stream".to_owned());
    let bytes = response.binary().await.map_err(|_| ApiFailure::Network)?;
    Ok(Download { bytes, filename, content_type })
}

/// What to file with an upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadRequest {
    /// The record.
    pub patient: PatientId,
    /// The category code.
    pub category: String,
    /// The title.
    pub title: String,
    /// The clinical date, `YYYY-MM-DD`.
    pub clinical_date: String,
}

fn encode(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

/// Sends `file` into the record, calling `progress` with (bytes sent, bytes in all).
pub async fn upload(
    request: &UploadRequest,
    file: &File,
    progress: Callback<(f64, f64)>,
) -> Result<DocumentSummary, ApiFailure> {
    let url = format!("/api/records/{}/documents", request.patient.0);
    let filing = Filing {
        category: Some(&request.category),
        title: &request.title,
        clinical_date: &request.clinical_date,
        file_name: Some(file.name()),
    };
    send_upload(&url, &filing, file, progress).await
}

/// What a patient's own document or note (or a new version of it) is filed as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filing<'a> {
    /// The category code; `None` for a new version, which keeps its document's.
    pub category: Option<&'a str>,
    /// The title.
    pub title: &'a str,
    /// The date, `YYYY-MM-DD`.
    pub clinical_date: &'a str,
    /// The original file name.
    pub file_name: Option<String>,
}

/// Files `body` into the signed-in patient's personal space.
pub async fn upload_own(
    filing: &Filing<'_>,
    body: &Blob,
    progress: Callback<(f64, f64)>,
) -> Result<DocumentSummary, ApiFailure> {
    send_upload("/api/me/documents", filing, body, progress).await
}

/// Files `body` as a new version of the document `id`.
pub async fn new_version(
    id: DocumentId,
    filing: &Filing<'_>,
    body: &Blob,
    progress: Callback<(f64, f64)>,
) -> Result<DocumentSummary, ApiFailure> {
    send_upload(&format!("/api/documents/{}/versions", id.0), filing, body, progress).await
}

/// The author withdraws a document, with a reason.
pub async fn withdraw(id: DocumentId, reason: &str) -> Result<DocumentSummary, ApiFailure> {
    let body = WithdrawDocument { reason: reason.to_owned() };
    post_json(&format!("/api/documents/{}/withdraw", id.0), &body).await
}

/// Sends `file` as the new current version of a document (its category stays), with the title
/// and clinical date the document takes; `progress` as for [`upload`].
pub async fn upload_version(
    id: DocumentId,
    title: &str,
    clinical_date: &str,
    file: &File,
    progress: Callback<(f64, f64)>,
) -> Result<DocumentSummary, ApiFailure> {
    let filing = Filing { category: None, title, clinical_date, file_name: Some(file.name()) };
    new_version(id, &filing, file, progress).await
}

/// Records that the patient refused, at the point of care, that a document be filed.
pub async fn record_refusal(
    patient: PatientId,
    category: Category,
    title: &str,
) -> Result<(), ApiFailure> {
    post_for_nothing(
        &format!("/api/records/{}/refusals", patient.0),
        &RecordRefusal { category, title: title.to_owned() },
    )
    .await
}

/// Sends `body` to `url` with what it is filed as in the `DSP-Document-*` headers, calling
/// `progress` with (bytes sent, bytes in all).
async fn send_upload(
    url: &str,
    filing: &Filing<'_>,
    body: &Blob,
    progress: Callback<(f64, f64)>,
) -> Result<DocumentSummary, ApiFailure> {
    let xhr = XmlHttpRequest::new().map_err(|_| ApiFailure::Network)?;
    xhr.open("POST", url).map_err(|_| ApiFailure::Network)?;
    let media_type =
        if body.type_().is_empty() { "application/octet-stream".to_owned() } else { body.type_() };
    let mut headers = vec![
        ("Content-Type", media_type),
        ("Accept", "application/json".to_owned()),
        (upload_headers::TITLE, encode(filing.title)),
        (upload_headers::CLINICAL_DATE, encode(filing.clinical_date)),
    ];
    if let Some(category) = filing.category {
        headers.push((upload_headers::CATEGORY, encode(category)));
    }
    if let Some(name) = &filing.file_name {
        headers.push((upload_headers::FILE_NAME, encode(name)));
    }
    for (name, value) in headers {
        xhr.set_request_header(name, &value).map_err(|_| ApiFailure::Network)?;
    }
    let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |event: ProgressEvent| {
        if event.length_computable() {
            progress.emit((event.loaded(), event.total()));
        }
    });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    let finished = js_sys::Promise::new(&mut |resolve, _reject| {
        // `loadend` follows success, error and abort alike; the status tells them apart.
        xhr.set_onloadend(Some(&resolve));
    });
    xhr.send_with_opt_blob(Some(body)).map_err(|_| ApiFailure::Network)?;
    let _ = JsFuture::from(finished).await;
    drop(on_progress);
    let status = xhr.status().unwrap_or(0);
    if status == 0 {
        return Err(ApiFailure::Network);
    }
    let body = xhr.response_text().ok().flatten().unwrap_or_default();
    watch_expiry(interpret_answer(&Answer { status, retry_after: None, body }))
}
