//! The token file: where the client keeps what `login` obtained (the server, the client id, the
//! access and refresh tokens and when the access token expires). It holds credentials, so it is
//! written readable and writable by its owner only (`0600`), through a temporary file in the same
//! directory renamed over the old one (a crash never leaves half a file), and refused when
//! anyone else may read it.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// How long before its expiry an access token is already refreshed (clock skew, a slow request).
pub const REFRESH_MARGIN: Duration = Duration::seconds(30);

/// What `login` saved.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tokens {
    /// The DSP server's origin (`https://dsp.example`).
    pub server: String,
    /// The software's client id.
    pub client_id: String,
    /// The bearer access token.
    pub access_token: String,
    /// The refresh token (rotated at each refresh).
    pub refresh_token: Option<String>,
    /// When the access token expires.
    pub expires_at: DateTime<Utc>,
    /// The scopes granted.
    pub scope: String,
}

impl std::fmt::Debug for Tokens {
    /// Never prints the tokens themselves.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokens")
            .field("server", &self.server)
            .field("client_id", &self.client_id)
            .field("expires_at", &self.expires_at)
            .field("scope", &self.scope)
            .finish_non_exhaustive()
    }
}

impl Tokens {
    /// Whether the access token must be refreshed before use at `now`.
    #[must_use]
    pub fn needs_refresh(&self, now: DateTime<Utc>) -> bool {
        now + REFRESH_MARGIN >= self.expires_at
    }
}

/// The default token file: `$XDG_CONFIG_HOME/dsp-fhir-client/tokens.json`, else
/// `$HOME/.config/dsp-fhir-client/tokens.json`.
///
/// # Errors
/// When neither variable is set.
pub fn default_path() -> anyhow::Result<PathBuf> {
    let base = match std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").context("HOME is not set")?).join(".config"),
    };
    Ok(base.join("dsp-fhir-client").join("tokens.json"))
}

/// Writes `tokens` to `path` with mode `0600` (the directory is created `0700` if missing).
///
/// # Errors
/// When the file cannot be written.
pub fn save(path: &Path, tokens: &Tokens) -> anyhow::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !dir.exists() {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .with_context(|| format!("creating {}", dir.display()))?;
    }
    let file_name = path.file_name().context("the token file needs a file name")?;
    let temporary = dir.join(format!(".{}.{}", file_name.to_string_lossy(), uuid::Uuid::new_v4()));
    let written = (|| -> anyhow::Result<()> {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temporary)
            .with_context(|| format!("creating {}", temporary.display()))?;
        file.write_all(&serde_json::to_vec_pretty(tokens)?)?;
        file.sync_all()?;
        fs::rename(&temporary, path).with_context(|| format!("writing {}", path.display()))
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// Reads the token file; refuses one that others may read or write.
///
/// # Errors
/// When the file is missing, too open or not a token file.
pub fn load(path: &Path) -> anyhow::Result<Tokens> {
    let metadata = fs::metadata(path)
        .with_context(|| format!("no token file at {} (run `login` first)", path.display()))?;
    let mode = metadata.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        bail!(
            "{} is readable or writable by others (mode {mode:o}): run `chmod 600` on it or log in again",
            path.display()
        );
    }
    let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_slice(&bytes)
        .with_context(|| format!("{} is not a token file", path.display()))
}

/// Deletes the token file (a missing one is fine).
///
/// # Errors
/// When it exists and cannot be deleted.
pub fn remove(path: &Path) -> anyhow::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(e).with_context(|| format!("deleting {}", path.display()))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Tokens {
        Tokens {
            server: "http://localhost:8080".into(),
            client_id: "c-1".into(),
            access_token: "at-secret".into(),
            refresh_token: Some("rt-secret".into()),
            expires_at: DateTime::<Utc>::from_timestamp(2_000_000_000, 0).unwrap_or_default(),
            scope: "user/DocumentReference.rs".into(),
        }
    }

    #[test]
    fn saved_tokens_read_back_and_only_the_owner_may_read_them() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("nested").join("tokens.json");
        save(&path, &sample())?;
        assert_eq!(fs::metadata(&path)?.permissions().mode() & 0o777, 0o600);
        assert_eq!(
            fs::metadata(path.parent().context("parent")?)?.permissions().mode() & 0o777,
            0o700
        );
        assert_eq!(load(&path)?, sample());
        // Saving again replaces the file and leaves no temporary file behind.
        let mut next = sample();
        next.access_token = "at-2".into();
        save(&path, &next)?;
        assert_eq!(load(&path)?.access_token, "at-2");
        assert_eq!(fs::read_dir(path.parent().context("parent")?)?.count(), 1);
        Ok(())
    }

    #[test]
    fn a_file_others_may_read_is_refused() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("tokens.json");
        save(&path, &sample())?;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644))?;
        let refused = load(&path).err().context("a 0644 token file was read")?;
        assert!(refused.to_string().contains("chmod 600"), "{refused}");
        Ok(())
    }

    #[test]
    fn debug_output_hides_the_tokens() {
        let printed = format!("{:?}", sample());
        assert!(!printed.contains("secret"), "{printed}");
        assert!(printed.contains("c-1"));
    }

    #[test]
    fn an_access_token_is_refreshed_shortly_before_it_expires() {
        let tokens = sample();
        let at = tokens.expires_at;
        assert!(!tokens.needs_refresh(at - Duration::minutes(5)));
        assert!(tokens.needs_refresh(at - Duration::seconds(10)));
        assert!(tokens.needs_refresh(at + Duration::seconds(1)));
    }
}
