//! The agency's bulk opening: upload the insured-persons file (through `XMLHttpRequest`, which
//! reports upload progress), read a batch's progress and report, start or stop it.

use shared::api::imports::{FILE_NAME_HEADER, ImportBatch, ImportBatchDetail};
use uuid::Uuid;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, ProgressEvent, XmlHttpRequest};
use yew::Callback;

use super::{Answer, ApiFailure, get_json, interpret_answer, post_json, watch_expiry};

/// The batches, newest first.
pub async fn batches() -> Result<Vec<ImportBatch>, ApiFailure> {
    get_json("/api/agency/imports").await
}

/// A batch with its report and letter packs.
pub async fn batch(id: Uuid) -> Result<ImportBatchDetail, ApiFailure> {
    get_json(&format!("/api/agency/imports/{id}")).await
}

/// Starts or resumes a batch.
pub async fn start(id: Uuid) -> Result<ImportBatch, ApiFailure> {
    post_json(&format!("/api/agency/imports/{id}/start"), &serde_json::Map::new()).await
}

/// Stops a running batch.
pub async fn pause(id: Uuid) -> Result<ImportBatch, ApiFailure> {
    post_json(&format!("/api/agency/imports/{id}/pause"), &serde_json::Map::new()).await
}

/// Where a chunk's letters download from (a plain link: the browser saves the PDF).
#[must_use]
pub fn letters_url(id: Uuid, chunk: u32) -> String {
    format!("/api/agency/imports/{id}/letters/{chunk}")
}

/// Uploads the file, calling `progress` with (bytes sent, bytes in all).
pub async fn upload(
    file: &File,
    progress: Callback<(f64, f64)>,
) -> Result<ImportBatch, ApiFailure> {
    let xhr = XmlHttpRequest::new().map_err(|_| ApiFailure::Network)?;
    xhr.open("POST", "/api/agency/imports").map_err(|_| ApiFailure::Network)?;
    let name = String::from(js_sys::encode_uri_component(&file.name()));
    for (header, value) in
        [("Content-Type", "text/csv"), ("Accept", "application/json"), (FILE_NAME_HEADER, &name)]
    {
        xhr.set_request_header(header, value).map_err(|_| ApiFailure::Network)?;
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
        xhr.set_onloadend(Some(&resolve));
    });
    xhr.send_with_opt_blob(Some(file)).map_err(|_| ApiFailure::Network)?;
    let _ = JsFuture::from(finished).await;
    drop(on_progress);
    let status = xhr.status().unwrap_or(0);
    if status == 0 {
        return Err(ApiFailure::Network);
    }
    let body = xhr.response_text().ok().flatten().unwrap_or_default();
    watch_expiry(interpret_answer(&Answer { status, retry_after: None, body }))
}
