//! The keyed pseudonym a purge puts in place of a record's identity in the audit log:
//! HMAC-SHA256 under a key kept outside the database (`DSP_PSEUDONYM_KEY`, a file). Whoever
//! holds the key and a former record's id can find its entries; nobody else can link them to it.

use std::io::Write as _;
use std::path::Path;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use uuid::Uuid;

/// The pseudonym key (32 random bytes or more).
#[derive(Clone)]
pub struct PseudonymKey(Vec<u8>);

impl std::fmt::Debug for PseudonymKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PseudonymKey(..)")
    }
}

/// Why the key could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PseudonymKeyError {
    /// The file could not be read or written.
    #[error("pseudonym key {path}: {error}")]
    Io {
        /// The file.
        path: String,
        /// What failed.
        error: std::io::Error,
    },
    /// The file does not hold 64 hex digits or more.
    #[error("pseudonym key {0}: expected at least 64 hexadecimal digits (32 bytes)")]
    Malformed(String),
}

impl PseudonymKey {
    /// A key from its bytes (at least 32).
    ///
    /// # Panics
    /// Shorter keys.
    #[must_use]
    pub fn from_bytes(bytes: &[u8]) -> Self {
        assert!(bytes.len() >= 32, "a pseudonym key has at least 32 bytes");
        Self(bytes.to_vec())
    }

    /// Loads the key from `path` (hex), writing a new random one there first if there is no
    /// file (mode 0600, never overwritten).
    ///
    /// # Errors
    /// The file cannot be read or written, or does not hold a key.
    pub fn load_or_create(path: &Path) -> Result<Self, PseudonymKeyError> {
        let io = |error| PseudonymKeyError::Io { path: path.display().to_string(), error };
        if !path.exists() {
            let mut bytes = [0_u8; 32];
            rand::fill(&mut bytes);
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            match options.open(path) {
                Ok(mut file) => {
                    let text = format!("{}\n", data_encoding::HEXLOWER.encode(&bytes));
                    file.write_all(text.as_bytes()).and_then(|()| file.sync_all()).map_err(io)?;
                }
                // Another instance wrote it meanwhile: use theirs.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io(e)),
            }
        }
        let text = std::fs::read_to_string(path).map_err(io)?;
        let bytes = data_encoding::HEXLOWER_PERMISSIVE
            .decode(text.trim().as_bytes())
            .ok()
            .filter(|b| b.len() >= 32)
            .ok_or_else(|| PseudonymKeyError::Malformed(path.display().to_string()))?;
        Ok(Self(bytes))
    }

    fn mac(&self, domain: &str, value: &str) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(domain.as_bytes());
        mac.update(b"\n");
        mac.update(value.as_bytes());
        mac.finalize().into_bytes().into()
    }

    /// The pseudonym of an id (a record, a person): a UUID (version 8) from its HMAC.
    #[must_use]
    pub fn id(&self, id: Uuid) -> Uuid {
        let mac = self.mac("dsp-pseudonym-id", &id.to_string());
        let mut bytes = [0_u8; 16];
        bytes.copy_from_slice(&mac[..16]);
        uuid::Builder::from_custom_bytes(bytes).into_uuid()
    }

    /// The name a purged record's chain takes: `purged:<HMAC of its former name>` (128 bits,
    /// so that it fits the chain column).
    #[must_use]
    pub fn chain(&self, chain_key: &str) -> String {
        let mac = self.mac("dsp-pseudonym-chain", chain_key);
        format!("purged:{}", data_encoding::HEXLOWER.encode(&mac[..16]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonyms_are_stable_keyed_and_reveal_nothing_of_the_id() {
        let id = Uuid::new_v4();
        let a = PseudonymKey::from_bytes(&[7; 32]);
        let b = PseudonymKey::from_bytes(&[8; 32]);
        assert_eq!(a.id(id), a.id(id));
        assert_ne!(a.id(id), b.id(id));
        assert_ne!(a.id(id), id);
        let chain = format!("patient:{id}");
        assert_eq!(a.chain(&chain), a.chain(&chain));
        assert_ne!(a.chain(&chain), b.chain(&chain));
        assert!(!a.chain(&chain).contains(&id.to_string()));
        assert!(!a.id(id).to_string().contains(&id.to_string()[..8]));
    }

    #[test]
    fn a_key_file_is_created_once_and_read_back() {
        let dir = std::env::temp_dir().join(format!("dsp-pseudonym-{}", Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("pseudonym.key");
        let first = PseudonymKey::load_or_create(&path).unwrap();
        let again = PseudonymKey::load_or_create(&path).unwrap();
        let id = Uuid::new_v4();
        assert_eq!(first.id(id), again.id(id));
        std::fs::write(&path, "not a key").unwrap();
        assert!(matches!(
            PseudonymKey::load_or_create(&path),
            Err(PseudonymKeyError::Malformed(_))
        ));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
