use axum::body::Bytes;
use std::time::{Duration, UNIX_EPOCH};

use futures::stream;
use tokio::io::AsyncReadExt as _;

use super::*;
use crate::documents::content::{ContentLimits, ExpectedPatient};

fn pdf(body: &str) -> Vec<u8> {
    format!("%PDF-1.7\n{body}\n%%EOF\n").into_bytes()
}

fn validator() -> Validator {
    Validator::new(ContentLimits::default(), ExpectedPatient::default())
}

fn chunks(bytes: &[u8], size: usize) -> Vec<Result<Vec<u8>, io::Error>> {
    bytes.chunks(size).map(|chunk| Ok(chunk.to_vec())).collect()
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() { pending.push(path) } else { found.push(path) }
        }
    }
    found
}

async fn store() -> (tempfile::TempDir, FileStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::open_in(dir.path()).await.unwrap();
    (dir, store)
}

async fn read_all(store: &FileStore, address: &ContentAddress) -> Vec<u8> {
    let mut reader = store.open(address).await.unwrap().unwrap();
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).await.unwrap();
    bytes
}

#[tokio::test]
async fn put_then_open_round_trips_under_the_content_address() {
    let (dir, store) = store().await;
    let bytes = pdf(&"x".repeat(200_000));
    let validated =
        put_stream(&store, stream::iter(chunks(&bytes, 8192)), validator()).await.unwrap();
    assert_eq!(validated.format, DocumentFormat::Pdf);
    let address = ContentAddress::from_sha256(validated.sha256);
    let hex = address.to_hex();
    let expected_path = dir.path().join("content").join(&hex[..2]).join(&hex[2..4]).join(&hex);
    assert_eq!(store.path_of(&address), expected_path);
    assert!(expected_path.is_file());
    assert!(store.exists(&address).await.unwrap());
    assert_eq!(read_all(&store, &address).await, bytes);
    assert!(files_under(&dir.path().join("content").join("tmp")).is_empty());

    let absent = ContentAddress::from_sha256([7; 32]);
    assert!(!store.exists(&absent).await.unwrap());
    assert!(store.open(&absent).await.unwrap().is_none());
}

#[tokio::test]
async fn the_same_content_is_stored_once() {
    let (dir, store) = store().await;
    let bytes = pdf("same");
    let first = put_stream(&store, stream::iter(chunks(&bytes, 3)), validator()).await.unwrap();
    let second = put_stream(&store, stream::iter(chunks(&bytes, 1000)), validator()).await.unwrap();
    assert_eq!(first, second);
    let other = put_stream(&store, stream::iter(chunks(&pdf("other"), 1000)), validator()).await;
    assert_ne!(other.unwrap().sha256, first.sha256);
    assert_eq!(files_under(&dir.path().join("content")).len(), 2);
}

#[tokio::test]
async fn a_body_that_fails_half_way_leaves_no_file() {
    let (dir, store) = store().await;
    let mut body = chunks(&pdf(&"x".repeat(10_000)), 1000);
    body.truncate(5);
    body.push(Err(io::Error::new(io::ErrorKind::ConnectionReset, "client went away")));
    body.extend(chunks(b"never read", 4));
    let result = put_stream(&store, stream::iter(body), validator()).await;
    assert!(matches!(result, Err(PutError::Body(_))), "{result:?}");
    assert!(files_under(&dir.path().join("content")).is_empty());
}

#[tokio::test]
async fn refused_content_leaves_no_file() {
    let (dir, store) = store().await;
    let limits = ContentLimits { max_size: 4096, ..ContentLimits::default() };
    let too_large = Validator::new(limits, ExpectedPatient::default());
    let result =
        put_stream(&store, stream::iter(chunks(&pdf(&"x".repeat(10_000)), 1000)), too_large).await;
    assert!(matches!(result, Err(PutError::Content(ContentError::TooLarge { limit: 4096 }))));
    // Refused only at the end, once every byte was written to the temporary file.
    let truncated = b"%PDF-1.7\nno end of file".to_vec();
    let result = put_stream(&store, stream::iter(chunks(&truncated, 4)), validator()).await;
    assert!(matches!(result, Err(PutError::Content(ContentError::Truncated))));
    assert!(files_under(&dir.path().join("content")).is_empty());
}

#[tokio::test]
async fn a_cancelled_write_removes_its_temporary_file() {
    let (dir, store) = store().await;
    let mut pending = store.begin().await.unwrap();
    pending.write(Bytes::from_static(b"%PDF-1.7\nhalf")).await.unwrap();
    assert_eq!(files_under(&dir.path().join("content")).len(), 1, "the temporary file");
    drop(pending);
    assert!(files_under(&dir.path().join("content")).is_empty());

    let mut aborted = store.begin().await.unwrap();
    aborted.write(Bytes::from_static(b"bytes")).await.unwrap();
    aborted.abort().await;
    assert!(files_under(&dir.path().join("content")).is_empty());
}

#[tokio::test]
async fn orphan_clean_up_removes_unknown_contents_and_stale_temporary_files() {
    let (dir, store) = store().await;
    let kept =
        put_stream(&store, stream::iter(chunks(&pdf("kept"), 64)), validator()).await.unwrap();
    let orphan =
        put_stream(&store, stream::iter(chunks(&pdf("orphan"), 64)), validator()).await.unwrap();
    let kept = ContentAddress::from_sha256(kept.sha256);
    let orphan = ContentAddress::from_sha256(orphan.sha256);
    // A crash mid-write leaves a temporary file behind; a stray file is never touched.
    std::fs::write(dir.path().join("content/tmp/crashed.part"), b"half").unwrap();
    std::fs::write(dir.path().join("content/README"), b"not ours").unwrap();
    let unreferenced = |found: Vec<ContentAddress>| -> Vec<ContentAddress> {
        found.into_iter().filter(|address| *address != kept).collect()
    };

    // Nothing older than the epoch: a fresh write is always spared.
    let found = store.stored_between(UNIX_EPOCH, UNIX_EPOCH).await.unwrap();
    assert!(found.is_empty());
    let report = store.delete_orphans(&[orphan], UNIX_EPOCH).await.unwrap();
    assert_eq!(report, OrphanReport::default());
    assert!(store.exists(&orphan).await.unwrap());

    let later = SystemTime::now() + Duration::from_secs(3600);
    let mut found = store.stored_between(UNIX_EPOCH, later).await.unwrap();
    found.sort();
    let mut both = vec![kept, orphan];
    both.sort();
    assert_eq!(found, both);
    // A window after the writes skips their directories altogether.
    assert!(store.stored_between(later, later + Duration::from_secs(1)).await.unwrap().is_empty());
    let report = store.delete_orphans(&unreferenced(found), later).await.unwrap();
    assert_eq!(report, OrphanReport { contents_removed: 1, temp_files_removed: 1 });
    assert!(store.exists(&kept).await.unwrap());
    assert!(!store.exists(&orphan).await.unwrap());
    assert!(dir.path().join("content/README").is_file());
    assert_eq!(files_under(&dir.path().join("content")).len(), 2);
}

#[tokio::test]
async fn content_stored_again_after_the_check_is_spared() {
    let (_dir, store) = store().await;
    let first = put_stream(&store, stream::iter(chunks(&pdf("again"), 64)), validator()).await;
    let address = ContentAddress::from_sha256(first.unwrap().sha256);
    let cut_off = SystemTime::now() + Duration::from_millis(50);
    let found = store.stored_between(UNIX_EPOCH, cut_off).await.unwrap();
    assert_eq!(found, vec![address]);
    // The same bytes are filed again after the cut-off, before the removal.
    tokio::time::sleep(Duration::from_millis(100)).await;
    put_stream(&store, stream::iter(chunks(&pdf("again"), 64)), validator()).await.unwrap();
    let report = store.delete_orphans(&found, cut_off).await.unwrap();
    assert_eq!(report.contents_removed, 0);
    assert!(store.exists(&address).await.unwrap());
}

#[test]
fn content_addresses_are_64_lower_case_hex_digits() {
    let address = ContentAddress::from_sha256([0xAB; 32]);
    assert_eq!(address.to_hex(), "ab".repeat(32));
    assert_eq!(ContentAddress::parse_hex(&address.to_hex()), Some(address));
    assert_eq!(ContentAddress::parse_hex(&"AB".repeat(32)), None);
    assert_eq!(ContentAddress::parse_hex(&"ab".repeat(31)), None);
    assert_eq!(ContentAddress::parse_hex(&format!("../{}", "ab".repeat(31))), None);
    assert_eq!(ContentAddress::parse_hex(&"zz".repeat(32)), None);
}

#[test]
fn path_like_file_names_keep_only_their_last_component() {
    assert_eq!(sanitize_file_name("../../etc/passwd"), "passwd");
    assert_eq!(sanitize_file_name("C:\\x\\y.pdf"), "y.pdf");
    assert_eq!(sanitize_file_name("/absolute/path/report.pdf"), "report.pdf");
    assert_eq!(sanitize_file_name(".."), "document");
    assert_eq!(sanitize_file_name("../.."), "document");
    assert_eq!(sanitize_file_name("dir/"), "document");
    assert_eq!(sanitize_file_name("..hidden"), "hidden");
    assert_eq!(sanitize_file_name("report..pdf"), "report.pdf");
    assert_eq!(sanitize_file_name("C:report.pdf"), "C_report.pdf");
}

#[test]
fn control_and_invisible_characters_are_removed() {
    assert_eq!(sanitize_file_name("\u{202e}gpj.exe"), "gpj.exe");
    assert_eq!(sanitize_file_name("a\u{0}b\r\nc\u{7f}.pdf"), "abc.pdf");
    assert_eq!(sanitize_file_name("zero\u{200b}width\u{feff}.pdf"), "zerowidth.pdf");
    assert_eq!(sanitize_file_name("quote\"semi;colon<>|*?.pdf"), "quote_semi_colon_____.pdf");
    assert_eq!(sanitize_file_name("  many   spaces\t.pdf  "), "many spaces.pdf");
    assert_eq!(sanitize_file_name(""), "document");
    assert_eq!(sanitize_file_name("CON.pdf"), "_CON.pdf");
    assert_eq!(sanitize_file_name("nul"), "_nul");
}

#[test]
fn unicode_letters_are_kept_and_length_is_limited() {
    assert_eq!(
        sanitize_file_name("Lëtzebuerg Bréif – Ärztin 東京.pdf"),
        "Lëtzebuerg Bréif _ Ärztin 東京.pdf"
    );
    let long = format!("{}.pdf", "é".repeat(500));
    let sanitized = sanitize_file_name(&long);
    assert_eq!(sanitized.chars().count(), 120);
    assert!(sanitized.ends_with(".pdf"));
    let no_extension = "b".repeat(500);
    assert_eq!(sanitize_file_name(&no_extension).chars().count(), 120);
}

#[test]
fn a_download_name_carries_the_real_format_extension() {
    assert_eq!(download_file_name(Some("\u{202e}gpj.exe"), DocumentFormat::Png), "gpj.exe.png");
    assert_eq!(download_file_name(Some("scan.JPEG"), DocumentFormat::Jpeg), "scan.JPEG");
    assert_eq!(download_file_name(Some("letter.pdf"), DocumentFormat::Pdf), "letter.pdf");
    assert_eq!(download_file_name(None, DocumentFormat::CdaXml), "document.xml");
    assert_eq!(
        download_file_name(Some("../../etc/passwd"), DocumentFormat::FhirJson),
        "passwd.json"
    );
    let long = download_file_name(Some(&"a".repeat(300)), DocumentFormat::Pdf);
    assert!(long.chars().count() <= 120 && long.ends_with(".pdf"), "{long}");
}

#[test]
fn content_disposition_has_an_ascii_fallback_and_the_exact_utf8_name() {
    assert_eq!(
        content_disposition("Bréif \"x\".pdf"),
        "attachment; filename=\"Br_if _x_.pdf\"; filename*=UTF-8''Br%C3%A9if%20_x_.pdf"
    );
    assert_eq!(
        content_disposition("../../etc/passwd"),
        "attachment; filename=\"passwd\"; filename*=UTF-8''passwd"
    );
}
