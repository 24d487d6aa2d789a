//! The patient downloads everything in their record, open or closed, as one ZIP: every version
//! of every document (its stored content, as filed), `documents.fhir.json` (a FHIR R4 `Bundle`
//! of `DocumentReference`, one per version, pointing at its file in the archive) and
//! `history.fhir.json` (the access history as a FHIR R4 `Bundle` of `AuditEvent`, the same as
//! the history's own export). Streamed: the archive is written as it is sent (stored entries
//! with data descriptors, so that nothing is held in memory), audited as `record_exported`
//! before the first byte.

use axum::body::Bytes;
use chrono::{DateTime, Datelike, SecondsFormat, Timelike, Utc};
use futures_util::{Stream, StreamExt};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;
use shared::api::auth::Role;
use shared::api::history::HistoryQuery;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use uuid::Uuid;

use super::audited;
use super::history::{self, Format};
use crate::app::AppState;
use crate::audit::{Event, Outcome, RequestMeta};
use crate::auth::CurrentPatient;
use crate::documents::store::ContentAddress;
use crate::entity::{document, document_version};
use crate::error::AppError;

/// A ZIP archive written front to back (stored entries, data descriptors, UTF-8 names): what
/// any unzip tool reads through the central directory at its end. Up to 4 GiB (no ZIP64).
struct ZipWriter<W> {
    out: W,
    offset: u64,
    dos_time: u16,
    dos_date: u16,
    files: Vec<(String, u32, u32, u32)>,
}

/// General purpose flags: sizes in a data descriptor (bit 3), UTF-8 names (bit 11).
const FLAGS: u16 = 0x0808;

impl<W: AsyncWrite + Unpin> ZipWriter<W> {
    fn new(out: W, now: DateTime<Utc>) -> Self {
        let dos_time = u16::try_from((now.hour() << 11) | (now.minute() << 5) | (now.second() / 2))
            .unwrap_or(0);
        let year = u32::try_from(now.year() - 1980).unwrap_or(0).min(127);
        let dos_date = u16::try_from((year << 9) | (now.month() << 5) | now.day()).unwrap_or(0);
        Self { out, offset: 0, dos_time, dos_date, files: Vec::new() }
    }

    async fn put(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.out.write_all(bytes).await?;
        self.offset += bytes.len() as u64;
        Ok(())
    }

    fn too_large() -> std::io::Error {
        std::io::Error::other("the archive is larger than 4 GiB")
    }

    /// One file, its bytes read from `content` to the end; returns their SHA-1 (what FHIR R4's
    /// `Attachment.hash` holds).
    async fn file(
        &mut self,
        name: &str,
        content: &mut (impl AsyncRead + Unpin),
    ) -> std::io::Result<[u8; 20]> {
        use sha1::Digest as _;
        let start = u32::try_from(self.offset).map_err(|_| Self::too_large())?;
        let mut header = Vec::with_capacity(30 + name.len());
        header.extend_from_slice(&0x0403_4b50_u32.to_le_bytes());
        header.extend_from_slice(&20_u16.to_le_bytes());
        header.extend_from_slice(&FLAGS.to_le_bytes());
        header.extend_from_slice(&0_u16.to_le_bytes()); // stored
        header.extend_from_slice(&self.dos_time.to_le_bytes());
        header.extend_from_slice(&self.dos_date.to_le_bytes());
        header.extend_from_slice(&[0; 12]); // CRC and sizes: in the data descriptor
        header.extend_from_slice(&u16::try_from(name.len()).unwrap_or(u16::MAX).to_le_bytes());
        header.extend_from_slice(&0_u16.to_le_bytes());
        header.extend_from_slice(name.as_bytes());
        self.put(&header).await?;
        let mut crc = crc32fast::Hasher::new();
        let mut sha1 = sha1::Sha1::new();
        let mut size: u64 = 0;
        let mut buffer = vec![0_u8; 64 * 1024];
        loop {
            let n = content.read(&mut buffer).await?;
            if n == 0 {
                break;
            }
            crc.update(&buffer[..n]);
            sha1.update(&buffer[..n]);
            size += n as u64;
            self.put(&buffer[..n]).await?;
        }
        let crc = crc.finalize();
        let size = u32::try_from(size).map_err(|_| Self::too_large())?;
        let mut descriptor = Vec::with_capacity(16);
        descriptor.extend_from_slice(&0x0807_4b50_u32.to_le_bytes());
        descriptor.extend_from_slice(&crc.to_le_bytes());
        descriptor.extend_from_slice(&size.to_le_bytes());
        descriptor.extend_from_slice(&size.to_le_bytes());
        self.put(&descriptor).await?;
        self.files.push((name.to_owned(), crc, size, start));
        Ok(sha1.finalize().into())
    }

    /// The central directory and its end record.
    async fn finish(mut self) -> std::io::Result<W> {
        let start = u32::try_from(self.offset).map_err(|_| Self::too_large())?;
        let files = std::mem::take(&mut self.files);
        for (name, crc, size, offset) in &files {
            let mut entry = Vec::with_capacity(46 + name.len());
            entry.extend_from_slice(&0x0201_4b50_u32.to_le_bytes());
            entry.extend_from_slice(&20_u16.to_le_bytes());
            entry.extend_from_slice(&20_u16.to_le_bytes());
            entry.extend_from_slice(&FLAGS.to_le_bytes());
            entry.extend_from_slice(&0_u16.to_le_bytes());
            entry.extend_from_slice(&self.dos_time.to_le_bytes());
            entry.extend_from_slice(&self.dos_date.to_le_bytes());
            entry.extend_from_slice(&crc.to_le_bytes());
            entry.extend_from_slice(&size.to_le_bytes());
            entry.extend_from_slice(&size.to_le_bytes());
            entry.extend_from_slice(&u16::try_from(name.len()).unwrap_or(u16::MAX).to_le_bytes());
            entry.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attributes
            entry.extend_from_slice(&0o100_644_u32.wrapping_shl(16).to_le_bytes());
            entry.extend_from_slice(&offset.to_le_bytes());
            entry.extend_from_slice(name.as_bytes());
            self.put(&entry).await?;
        }
        let size = u32::try_from(self.offset).map_err(|_| Self::too_large())? - start;
        let count = u16::try_from(files.len()).map_err(|_| Self::too_large())?;
        let mut end = Vec::with_capacity(22);
        end.extend_from_slice(&0x0605_4b50_u32.to_le_bytes());
        end.extend_from_slice(&[0; 4]);
        end.extend_from_slice(&count.to_le_bytes());
        end.extend_from_slice(&count.to_le_bytes());
        end.extend_from_slice(&size.to_le_bytes());
        end.extend_from_slice(&start.to_le_bytes());
        end.extend_from_slice(&0_u16.to_le_bytes());
        self.put(&end).await?;
        self.out.flush().await?;
        Ok(self.out)
    }
}

/// The file name of a version in the archive.
fn file_name(doc: &document::Model, v: &document_version::Model) -> String {
    let extension = match v.format.as_str() {
        "png" => "png",
        "jpeg" => "jpg",
        "cda_xml" => "xml",
        "fhir_json" => "json",
        _ => "pdf",
    };
    format!("documents/{}-v{}.{extension}", doc.id, v.version)
}

/// A FHIR R4 `DocumentReference` for one version whose content's SHA-1 is `sha1`.
fn document_reference(
    patient: Uuid,
    doc: &document::Model,
    v: &document_version::Model,
    sha1: &[u8],
) -> serde_json::Value {
    let status = if doc.status == "withdrawn" {
        "entered-in-error"
    } else if v.version == doc.current_version {
        "current"
    } else {
        "superseded"
    };
    json!({
        "resourceType": "DocumentReference",
        "id": v.id,
        "identifier": [{ "system": "urn:dsp:document", "value": format!("{}/{}", doc.id, v.version) }],
        "status": status,
        "type": { "text": doc.title },
        "category": [{ "coding": [{ "system": crate::fhir::CATEGORY_SYSTEM, "code": doc.category }] }],
        "subject": { "identifier": { "system": "urn:dsp:record", "value": patient } },
        "date": v.created_at.to_rfc3339_opts(SecondsFormat::Secs, true),
        "author": [{ "identifier": { "system": format!("urn:dsp:{}", doc.author_kind), "value": doc.author_id } }],
        "description": doc.title,
        "content": [{ "attachment": {
            "contentType": v.media_type,
            "url": file_name(doc, v),
            "size": v.size,
            "hash": data_encoding::BASE64.encode(sha1),
            "title": v.file_name.clone().unwrap_or_else(|| doc.title.clone()),
            "creation": doc.clinical_date.to_string(),
        } }],
        "context": { "period": { "start": doc.clinical_date.to_string() } },
    })
}

/// The patient's whole record as a ZIP, streamed; audited as `record_exported` before the
/// first byte.
///
/// # Errors
/// Database errors before the stream starts (later ones end it early, the archive then being
/// unreadable, which is what a cut download is).
pub async fn export(
    state: &AppState,
    meta: &RequestMeta,
    patient: &CurrentPatient,
) -> Result<impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static, AppError> {
    let me = patient.0.subject_id();
    let event = Event::new("record_exported", Outcome::Success, Some((Role::Patient, me)))
        .patient(me)
        .with("format", "zip");
    let versions = audited(state, meta, event, async |txn, event| {
        let documents = document::Entity::find()
            .filter(document::Column::PatientId.eq(me))
            .order_by_asc(document::Column::CreatedAt)
            .find_with_related(document_version::Entity)
            .all(txn)
            .await?;
        let count: usize = documents.iter().map(|(_, v)| v.len()).sum();
        *event = event.clone().with("versions", count);
        Ok(documents)
    })
    .await?;
    let history =
        history::export(state, meta, patient, &HistoryQuery::default(), Format::Fhir).await?;
    let now = state.clock.now();
    let store = state.store.clone();
    let (writer, reader) = tokio::io::duplex(256 * 1024);
    tokio::spawn(async move {
        let written = async {
            let mut zip = ZipWriter::new(writer, now);
            let mut bundle = format!(
                r#"{{"resourceType":"Bundle","type":"collection","timestamp":"{}""#,
                now.to_rfc3339_opts(SecondsFormat::Secs, true)
            );
            let mut first = true;
            for (doc, doc_versions) in &versions {
                for v in doc_versions {
                    let Some(address) = ContentAddress::parse_hex(&v.sha256) else { continue };
                    let Some(mut content) =
                        store.open(&address).await.map_err(std::io::Error::other)?
                    else {
                        continue;
                    };
                    let sha1 = zip.file(&file_name(doc, v), &mut content).await?;
                    bundle.push_str(if first { r#","entry":["# } else { "," });
                    first = false;
                    bundle.push_str(
                        &json!({ "resource": document_reference(me, doc, v, &sha1) }).to_string(),
                    );
                }
            }
            bundle.push_str(if first { "}" } else { "]}" });
            zip.file("documents.fhir.json", &mut bundle.as_bytes()).await?;
            let history = tokio_util::io::StreamReader::new(
                history.map(|chunk| chunk.map_err(|e| std::io::Error::other(e.to_string()))),
            );
            let mut history = std::pin::pin!(history);
            zip.file("history.fhir.json", &mut history).await?;
            zip.finish().await?;
            Ok::<_, std::io::Error>(())
        }
        .await;
        if let Err(e) = written {
            tracing::error!(error = %e, "record export stopped");
        }
    });
    Ok(tokio_util::io::ReaderStream::new(reader))
}
