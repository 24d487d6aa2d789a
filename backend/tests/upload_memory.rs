#![cfg(test)]
//! Uploads stream: the memory the process allocates while a document is filed does not grow
//! with the document's size (the validator keeps a head and a tail, the store writes chunks to
//! a temporary file). Its own test binary, with a counting allocator and one test at a time, so
//! that nothing else allocates meanwhile.

#[expect(dead_code, reason = "the API tests' harness; this test uses part of it")]
mod common;

use peak_alloc::PeakAlloc;
use shared::api::documents::upload_headers;

use common::personas::Browser;
use common::{Engine, TestApp};

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

const MIB: usize = 1024 * 1024;

/// A PDF of `size` bytes: the header, padding, the end-of-file marker.
fn pdf(size: usize) -> Vec<u8> {
    let mut body = b"%PDF-1.7\n".to_vec();
    body.resize(size - 6, b' ');
    body.extend_from_slice(b"%%EOF\n");
    body
}

/// Files a PDF of `size` bytes with `curl`, a client outside this process, so that only the
/// server's allocations are counted.
fn file_with_curl(
    app: &TestApp,
    doctor: &Browser,
    patient_id: &str,
    path: &std::path::Path,
) -> std::process::Child {
    let url = app.url(&format!("/api/records/{patient_id}/documents"));
    std::process::Command::new("curl")
        .args(["--silent", "--show-error", "--output", "/dev/null", "--write-out", "%{http_code}"])
        .args(["--header", &format!("origin: {}", app.base)])
        .args(["--header", &format!("cookie: {}", doctor.cookie.as_deref().unwrap_or_default())])
        .args(["--header", "content-type: application/pdf"])
        .args(["--header", &format!("{}: care-reports", upload_headers::CATEGORY)])
        .args(["--header", &format!("{}: Scan", upload_headers::TITLE)])
        .args(["--header", &format!("{}: 2026-11-20", upload_headers::CLINICAL_DATE)])
        .arg("--data-binary")
        .arg(format!("@{}", path.display()))
        .arg(url)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("curl must be installed (scripts/setup installs it)")
}

/// Waits for the uploads and checks that each one was filed.
async fn filed(children: Vec<std::process::Child>) {
    for child in children {
        let output =
            tokio::task::spawn_blocking(move || child.wait_with_output()).await.unwrap().unwrap();
        assert_eq!(String::from_utf8_lossy(&output.stdout), "200");
    }
}

/// The most the process allocated, above what it held before, while `count` PDFs of `size`
/// bytes were filed at once.
async fn growth_while_filing(
    app: &TestApp,
    doctor: &Browser,
    patient_id: &str,
    size: usize,
    count: usize,
) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scan.pdf");
    std::fs::write(&path, pdf(size)).unwrap();
    let before = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    let children = (0..count).map(|_| file_with_curl(app, doctor, patient_id, &path)).collect();
    filed(children).await;
    ALLOCATOR.peak_usage().saturating_sub(before)
}

async fn memory_stays_flat_in_the_file_size(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let (doctor, _, patient_id) = app.linked_physician().await;
    // Warm up: the pool's connections, prepared statements, the store's directories.
    growth_while_filing(&app, &doctor, &patient_id, 64 * 1024, 1).await;

    let mut growth = Vec::new();
    for size in [1024, MIB, 4 * MIB, 16 * MIB] {
        let grew = growth_while_filing(&app, &doctor, &patient_id, size, 1).await;
        eprintln!("{engine:?}: filing {} KiB grew the heap by {} KiB", size / 1024, grew / 1024);
        growth.push(grew);
    }
    // Past the server's read buffers (hyper grows them to about a MiB, by a few hundred KiB more
    // or less from one upload to the next), sixteen times the file costs nothing more: a cost
    // proportional to the file would add 15 MiB here.
    let (smaller, sixteen) = (growth[1].max(growth[2]), growth[3]);
    assert!(sixteen < 2 * MIB, "a 16 MiB upload grew the heap by {sixteen} bytes");
    assert!(
        sixteen < smaller + 512 * 1024,
        "16 MiB: {sixteen} bytes, 1 or 4 MiB: {smaller} bytes: not flat"
    );

    // Concurrent uploads: each costs a bounded amount, whatever its size.
    let grew = growth_while_filing(&app, &doctor, &patient_id, 4 * MIB, 4).await;
    eprintln!("{engine:?}: 4 concurrent 4 MiB uploads grew the heap by {} KiB", grew / 1024);
    assert!(grew < 6 * MIB, "4 concurrent 4 MiB uploads grew the heap by {grew} bytes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_stream_on_sqlite_then_postgres() {
    memory_stays_flat_in_the_file_size(Engine::Sqlite).await;
    memory_stays_flat_in_the_file_size(Engine::Postgres).await;
}
