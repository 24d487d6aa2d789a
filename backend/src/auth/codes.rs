//! One-time codes (activation letters, enrolment) and opaque tokens: generation and hashing.
//! Only hashes are stored; a code is shown once, to the person who must receive it.

use rand::Rng;
use sha2::{Digest, Sha256};

/// No 0/O, 1/I/L: codes are read from paper and typed by hand.
pub(crate) const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A new code of three groups of four characters (`K7PQ-M3XW-R9TD`, about 59 bits).
#[must_use]
pub fn new_code() -> String {
    let mut rng = rand::rng();
    let chars: Vec<char> =
        (0..12).map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())])).collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// The code as typed, normalised: case, spaces and dashes do not matter.
#[must_use]
pub fn normalise(typed: &str) -> String {
    typed.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

/// The stored form of a code or token: SHA-256, hex.
#[must_use]
pub fn hash(secret: &str) -> String {
    data_encoding::HEXLOWER.encode(&Sha256::digest(secret.as_bytes()))
}

/// The stored form of a typed code.
#[must_use]
pub fn hash_code(typed: &str) -> String {
    hash(&normalise(typed))
}

/// A new session token: 32 random bytes, base64url.
#[must_use]
pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::rng().random();
    data_encoding::BASE64URL_NOPAD.encode(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_typed_forgivingly() {
        let code = new_code();
        assert_eq!(code.len(), 14);
        assert_eq!(hash_code(&code), hash_code(&code.to_lowercase().replace('-', " ")));
        assert_ne!(hash_code(&code), hash_code(&new_code()));
        assert!(code.chars().all(|c| c == '-' || ALPHABET.contains(&(c as u8))));
    }

    #[test]
    fn tokens_are_long_and_distinct() {
        let a = new_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, new_token());
    }
}
