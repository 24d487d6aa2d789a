//! Where documents' bytes live: a content store addressed by SHA-256, behind a small trait.
//!
//! [`FileStore`] keeps each content once under `<data_dir>/content/ab/cd/<sha256 hex>`. A write
//! goes to a temporary file in `<data_dir>/content/tmp/`, is fsynced, then renamed atomically to
//! its address, so a write that fails half-way leaves nothing visible; a temporary file left by a
//! crash is removed by [`ContentStore::delete_orphans`]. File names from clients are never used as
//! paths: [`sanitize_file_name`] only makes them safe for a download's `Content-Disposition`.
//!
//! This module does not know the database: which addresses are still referenced is the caller's
//! answer, passed to `delete_orphans`. It does not read the clock either: cut-offs are passed in.

use axum::body::Bytes;
use std::fmt;
use std::future::poll_fn;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::time::SystemTime;

use async_trait::async_trait;
use futures_core::Stream;
use sha2::{Digest, Sha256};
use tokio::io::AsyncRead;

use super::content::{ContentError, DocumentFormat, Validated, Validator};

/// A content's address: the SHA-256 of its bytes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContentAddress([u8; 32]);

impl ContentAddress {
    /// The address of content with this SHA-256.
    #[must_use]
    pub const fn from_sha256(sha256: [u8; 32]) -> Self {
        Self(sha256)
    }

    /// The SHA-256.
    #[must_use]
    pub const fn sha256(&self) -> &[u8; 32] {
        &self.0
    }

    /// Lower-case hex, 64 characters.
    #[must_use]
    pub fn to_hex(&self) -> String {
        data_encoding::HEXLOWER.encode(&self.0)
    }

    /// Parses 64 lower-case hex digits; anything else is `None`.
    #[must_use]
    pub fn parse_hex(hex: &str) -> Option<Self> {
        if hex.len() != 64 {
            return None;
        }
        let bytes = data_encoding::HEXLOWER.decode(hex.as_bytes()).ok()?;
        bytes.try_into().ok().map(Self)
    }
}

impl fmt::Display for ContentAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for ContentAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ContentAddress({self})")
    }
}

/// A content store failure (an internal error for the API, never the client's fault).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file system failed.
    #[error("content store i/o: {0}")]
    Io(#[from] io::Error),
    /// The bytes written do not hash to what the validator saw (a bug, never expected).
    #[error("stored bytes hash to {stored}, the validator saw {validated}")]
    HashMismatch {
        /// What the store computed.
        stored: ContentAddress,
        /// What the validator computed.
        validated: ContentAddress,
    },
}

/// What [`ContentStore::delete_orphans`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OrphanReport {
    /// Stored contents no document refers to, removed.
    pub contents_removed: u64,
    /// Temporary files of writes that never finished, removed.
    pub temp_files_removed: u64,
}

/// Bytes being written: invisible until [`PendingContent::commit`]. Dropping it without a commit
/// (a cancelled upload) removes the temporary file, as [`PendingContent::abort`] does.
#[async_trait]
pub trait PendingContent: Send + fmt::Debug {
    /// Appends a chunk (handed over, not copied: a body's chunks can be hundreds of KiB).
    async fn write(&mut self, chunk: Bytes) -> Result<(), StoreError>;

    /// Makes the bytes durable and visible under their SHA-256, which the store computes itself.
    /// On failure nothing becomes visible.
    async fn commit(self: Box<Self>) -> Result<ContentAddress, StoreError>;

    /// Gives up: nothing becomes visible.
    async fn abort(self: Box<Self>);
}

/// A streaming read of stored content.
pub type ContentReader = Box<dyn AsyncRead + Send + Unpin>;

/// Keeps documents' bytes by content address.
#[async_trait]
pub trait ContentStore: Send + Sync + fmt::Debug {
    /// Starts writing new content.
    async fn begin(&self) -> Result<Box<dyn PendingContent>, StoreError>;

    /// Streams stored content; `None` when there is none at this address.
    async fn open(&self, address: &ContentAddress) -> Result<Option<ContentReader>, StoreError>;

    /// Whether content is stored at this address.
    async fn exists(&self, address: &ContentAddress) -> Result<bool, StoreError>;

    /// The stored contents last modified in `since .. before`: the candidates for clean-up. A
    /// pass looks only at the recent past, so that its cost follows the uploads of that window,
    /// not the size of the store (pass `UNIX_EPOCH` to look at everything).
    async fn stored_between(
        &self,
        since: SystemTime,
        before: SystemTime,
    ) -> Result<Vec<ContentAddress>, StoreError>;

    /// Removes these contents (no document refers to them: the caller checked) where they were
    /// still last modified before `before`, so that one stored again meanwhile is spared; and
    /// temporary files of writes that never finished, last modified before `before`.
    async fn delete_orphans(
        &self,
        unreferenced: &[ContentAddress],
        before: SystemTime,
    ) -> Result<OrphanReport, StoreError>;
}

/// Why [`put_stream`] did not store an upload.
#[derive(Debug, thiserror::Error)]
pub enum PutError {
    /// The content was refused (the client's fault: map [`ContentError::code`] to the API).
    #[error(transparent)]
    Content(#[from] ContentError),
    /// The body could not be read (the client went away, a broken transfer).
    #[error("the upload body failed: {0}")]
    Body(Box<dyn std::error::Error + Send + Sync>),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Streams an upload into `store` through `validator`: each chunk is checked before it is
/// written, and the content becomes visible only when the whole body was read and accepted.
/// Memory stays flat in the body's size (up to the validator's text limit for XML/JSON).
///
/// # Errors
/// The content is refused, the body fails or the store fails; in every case nothing is visible.
pub async fn put_stream<S, B, E>(
    store: &dyn ContentStore,
    body: S,
    mut validator: Validator,
) -> Result<Validated, PutError>
where
    S: Stream<Item = Result<B, E>>,
    B: AsRef<[u8]> + Into<Bytes>,
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let mut pending = store.begin().await?;
    let mut body = pin!(body);
    loop {
        let failure = match poll_fn(|cx| body.as_mut().poll_next(cx)).await {
            None => break,
            Some(Err(error)) => PutError::Body(error.into()),
            Some(Ok(chunk)) => match validator.update(chunk.as_ref()) {
                Err(refused) => PutError::Content(refused),
                Ok(()) => match pending.write(chunk.into()).await {
                    Ok(()) => continue,
                    Err(error) => PutError::Store(error),
                },
            },
        };
        pending.abort().await;
        return Err(failure);
    }
    let validated = match validator.finish() {
        Ok(validated) => validated,
        Err(refused) => {
            pending.abort().await;
            return Err(PutError::Content(refused));
        }
    };
    let stored = pending.commit().await?;
    let expected = ContentAddress::from_sha256(validated.sha256);
    if stored != expected {
        // Unreachable unless a hasher is broken; the stored file is an orphan clean-up removes.
        return Err(PutError::Store(StoreError::HashMismatch { stored, validated: expected }));
    }
    Ok(validated)
}

/// The content store on the local file system, under the data directory.
#[derive(Debug, Clone)]
pub struct FileStore {
    /// `<data_dir>/content`.
    root: PathBuf,
}

const TEMP_DIR: &str = "tmp";
const TEMP_SUFFIX: &str = ".part";

impl FileStore {
    /// The store under `<data_dir>/content`, creating its directories.
    ///
    /// # Errors
    /// When the directories cannot be created.
    pub async fn open_in(data_dir: &Path) -> Result<Self, StoreError> {
        let root = data_dir.join("content");
        tokio::fs::create_dir_all(root.join(TEMP_DIR)).await?;
        Ok(Self { root })
    }

    /// Where content with this address is (or would be) kept.
    #[must_use]
    pub fn path_of(&self, address: &ContentAddress) -> PathBuf {
        let hex = address.to_hex();
        self.root.join(&hex[..2]).join(&hex[2..4]).join(hex)
    }
}

#[async_trait]
impl ContentStore for FileStore {
    async fn begin(&self) -> Result<Box<dyn PendingContent>, StoreError> {
        let temp_path = self
            .root
            .join(TEMP_DIR)
            .join(format!("{}{TEMP_SUFFIX}", uuid::Uuid::new_v4().simple()));
        let path = temp_path.clone();
        let file = run_blocking(move || {
            std::fs::OpenOptions::new().write(true).create_new(true).open(path)
        })
        .await?;
        Ok(Box::new(FilePending {
            store: self.clone(),
            temp_path,
            file: Some(file),
            hasher: Sha256::new(),
            done: false,
        }))
    }

    async fn open(&self, address: &ContentAddress) -> Result<Option<ContentReader>, StoreError> {
        match tokio::fs::File::open(self.path_of(address)).await {
            Ok(file) => Ok(Some(Box::new(file))),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    async fn exists(&self, address: &ContentAddress) -> Result<bool, StoreError> {
        Ok(tokio::fs::try_exists(self.path_of(address)).await?)
    }

    async fn stored_between(
        &self,
        since: SystemTime,
        before: SystemTime,
    ) -> Result<Vec<ContentAddress>, StoreError> {
        let mut found = Vec::new();
        // Only names this store wrote are considered: `ab/cd/abcd…` with matching prefixes.
        for first in list_dir(&self.root).await? {
            if first.is_file || !is_hex_pair(&first.name) {
                continue;
            }
            for second in list_dir(&first.path).await? {
                // A directory's time moves whenever content is renamed into it, which is after
                // the content's own last write: an older directory holds nothing newer.
                if second.is_file || !is_hex_pair(&second.name) || second.modified < since {
                    continue;
                }
                for stored in list_dir(&second.path).await? {
                    let Some(address) = ContentAddress::parse_hex(&stored.name) else { continue };
                    let in_place = stored.name.get(..2) == Some(first.name.as_str())
                        && stored.name.get(2..4) == Some(second.name.as_str());
                    if stored.is_file && in_place && (since..before).contains(&stored.modified) {
                        found.push(address);
                    }
                }
            }
        }
        Ok(found)
    }

    async fn delete_orphans(
        &self,
        unreferenced: &[ContentAddress],
        before: SystemTime,
    ) -> Result<OrphanReport, StoreError> {
        let mut report = OrphanReport::default();
        for temp in list_dir(&self.root.join(TEMP_DIR)).await? {
            if temp.is_file && temp.modified < before && remove(&temp.path).await? {
                report.temp_files_removed += 1;
            }
        }
        for address in unreferenced {
            let path = self.path_of(address);
            let modified = match tokio::fs::metadata(&path).await {
                Ok(metadata) => metadata.modified()?,
                Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
                Err(error) => return Err(error.into()),
            };
            if modified < before && remove(&path).await? {
                report.contents_removed += 1;
            }
        }
        Ok(report)
    }
}

#[derive(Debug)]
struct DirEntry {
    path: PathBuf,
    name: String,
    is_file: bool,
    modified: SystemTime,
}

async fn list_dir(dir: &Path) -> Result<Vec<DirEntry>, StoreError> {
    let mut entries = Vec::new();
    let mut reader = match tokio::fs::read_dir(dir).await {
        Ok(reader) => reader,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(entries),
        Err(error) => return Err(error.into()),
    };
    while let Some(entry) = reader.next_entry().await? {
        let Ok(name) = entry.file_name().into_string() else { continue };
        let metadata = match entry.metadata().await {
            Ok(metadata) => metadata,
            // Removed meanwhile (another instance cleaning up).
            Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
            Err(error) => return Err(error.into()),
        };
        entries.push(DirEntry {
            path: entry.path(),
            name,
            is_file: metadata.is_file(),
            modified: metadata.modified()?,
        });
    }
    Ok(entries)
}

/// Removes a file; `false` when it was already gone.
async fn remove(path: &Path) -> Result<bool, StoreError> {
    match tokio::fs::remove_file(path).await {
        Ok(()) => Ok(true),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(error) => Err(error.into()),
    }
}

fn is_hex_pair(name: &str) -> bool {
    name.len() == 2 && name.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

async fn run_blocking<T, F>(work: F) -> io::Result<T>
where
    F: FnOnce() -> io::Result<T> + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(work).await.map_err(io::Error::other)?
}

#[derive(Debug)]
struct FilePending {
    store: FileStore,
    temp_path: PathBuf,
    /// `None` only while a blocking write holds it, or after commit/abort.
    file: Option<std::fs::File>,
    hasher: Sha256,
    /// Committed or aborted: nothing left for `Drop` to clean.
    done: bool,
}

fn gone() -> StoreError {
    StoreError::Io(io::Error::other("the pending write was already given up"))
}

#[async_trait]
impl PendingContent for FilePending {
    async fn write(&mut self, chunk: Bytes) -> Result<(), StoreError> {
        let mut file = self.file.take().ok_or_else(gone)?;
        self.hasher.update(&chunk);
        let file = run_blocking(move || file.write_all(&chunk).map(|()| file)).await?;
        self.file = Some(file);
        Ok(())
    }

    async fn commit(mut self: Box<Self>) -> Result<ContentAddress, StoreError> {
        let file = self.file.take().ok_or_else(gone)?;
        let address =
            ContentAddress::from_sha256(std::mem::take(&mut self.hasher).finalize().into());
        let target = self.store.path_of(&address);
        let temp = self.temp_path.clone();
        run_blocking(move || {
            file.sync_all()?;
            drop(file);
            let dir = target.parent().ok_or_else(|| io::Error::other("no parent directory"))?;
            std::fs::create_dir_all(dir)?;
            // Renaming over the same content already stored keeps one copy and refreshes its
            // modification time, which protects it from a concurrent orphan clean-up.
            std::fs::rename(&temp, &target)?;
            // The rename is durable once its directory is fsynced. A directory just created for
            // it is not fsynced in its parent: on ext4 and XFS journal commits are ordered, so
            // this fsync commits the creation too, and syncing each new parent as well doubled
            // the time of an upload until the 65 536 prefix directories exist (measured).
            std::fs::File::open(dir)?.sync_all()
        })
        .await?;
        // Renamed: the temporary path no longer exists. (On failure `Drop` removes it.)
        self.done = true;
        Ok(address)
    }

    async fn abort(mut self: Box<Self>) {
        self.file = None;
        let temp = self.temp_path.clone();
        if run_blocking(move || std::fs::remove_file(temp)).await.is_ok() {
            self.done = true;
        }
    }
}

impl Drop for FilePending {
    fn drop(&mut self) {
        if !self.done {
            // A cancelled upload: best effort now; `delete_orphans` catches what remains.
            let _ = std::fs::remove_file(&self.temp_path);
        }
    }
}

// ---- Download names ------------------------------------------------------------------------

/// Longest download name, in characters.
const MAX_FILE_NAME_CHARS: usize = 120;
const FALLBACK_FILE_NAME: &str = "document";
/// Names Windows reserves whatever the extension.
const WINDOWS_RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Invisible characters that change how a name reads: bidirectional overrides and isolates
/// (`\u{202e}gpj.exe` shows as `exe.jpg`), zero-width characters, the byte-order mark.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// A client's file name made safe to offer in a download: only its last path component,
/// without control or invisible formatting characters, with anything but letters, digits and
/// `space - _ . , ( ) [ ] +` replaced by `_`, no leading or repeated dots (so no `..`), no
/// Windows device name, at most 120 characters (keeping the extension), never empty.
/// Unicode letters are kept. It is never used as a path.
#[must_use]
pub fn sanitize_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let mut cleaned = String::with_capacity(last.len());
    for c in last.chars() {
        if c.is_control() || is_invisible_format(c) {
            continue;
        }
        let c = if c.is_whitespace() {
            ' '
        } else if c.is_alphanumeric() || "-_.,()[]+".contains(c) {
            c
        } else {
            '_'
        };
        // No runs of dots or spaces.
        if (c == '.' || c == ' ') && cleaned.ends_with(c) {
            continue;
        }
        cleaned.push(c);
    }
    let trimmed = cleaned.trim_matches(|c| c == '.' || c == ' ');
    let mut name = truncate_keeping_extension(trimmed, MAX_FILE_NAME_CHARS);
    let stem = name.split('.').next().unwrap_or_default().to_lowercase();
    if WINDOWS_RESERVED.contains(&stem.as_str()) {
        name.insert(0, '_');
    }
    if name.is_empty() { FALLBACK_FILE_NAME.to_owned() } else { name }
}

fn truncate_keeping_extension(name: &str, max_chars: usize) -> String {
    if name.chars().count() <= max_chars {
        return name.to_owned();
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, extension)| extension)
        .filter(|extension| (1..=10).contains(&extension.chars().count()));
    match extension {
        Some(extension) => {
            let keep = max_chars - extension.chars().count() - 1;
            let stem: String = name.chars().take(keep).collect();
            format!("{}.{extension}", stem.trim_end_matches(['.', ' ']))
        }
        None => name.chars().take(max_chars).collect(),
    }
}

/// The name a download is offered under: the client's name sanitised, with the extension of
/// the format the content really is appended unless it already ends so (a PNG uploaded as
/// `x.exe` downloads as `x.exe.png`).
#[must_use]
pub fn download_file_name(client_name: Option<&str>, format: DocumentFormat) -> String {
    let name = sanitize_file_name(client_name.unwrap_or_default());
    let lower = name.to_lowercase();
    let fitting: &[&str] = match format {
        DocumentFormat::Pdf => &[".pdf"],
        DocumentFormat::Png => &[".png"],
        DocumentFormat::Jpeg => &[".jpg", ".jpeg"],
        DocumentFormat::CdaXml => &[".xml"],
        DocumentFormat::FhirJson => &[".json"],
    };
    if fitting.iter().any(|extension| lower.ends_with(extension)) {
        name
    } else {
        let extension = format.extension();
        let stem = truncate_keeping_extension(&name, MAX_FILE_NAME_CHARS - extension.len() - 1);
        format!("{stem}.{extension}")
    }
}

/// A `Content-Disposition: attachment` header value for a (sanitised) name, with an ASCII
/// fallback and the exact name in RFC 5987 `filename*` encoding.
#[must_use]
pub fn content_disposition(file_name: &str) -> String {
    let name = sanitize_file_name(file_name);
    let ascii: String =
        name.chars().map(|c| if c.is_ascii() && c != '"' && c != '\\' { c } else { '_' }).collect();
    let mut encoded = String::with_capacity(name.len() * 3);
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests;
