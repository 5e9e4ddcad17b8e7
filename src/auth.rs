//! Secrets: password hashes (Argon2id) and API tokens, which are stored only as hashes.

use argon2::Argon2;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use sha2::{Digest, Sha256};

use crate::domain::Problem;
use crate::i18n::Phrase;

pub const MIN_PASSWORD_CHARS: usize = 10;
const MAX_PASSWORD_CHARS: usize = 1024;

/// Checks a new password against the site's minimum before it is hashed.
pub fn check_new_password(password: &str) -> Result<(), Problem> {
    let count = password.chars().count();
    if count < MIN_PASSWORD_CHARS {
        return Err(Problem::new(
            format!("the password is {count} characters long; use at least {MIN_PASSWORD_CHARS}"),
            Phrase::new("desk-password-too-short")
                .with("count", count)
                .with("min", MIN_PASSWORD_CHARS),
        ));
    }
    if count > MAX_PASSWORD_CHARS {
        return Err(Problem::new(
            format!("the password is longer than {MAX_PASSWORD_CHARS} characters"),
            Phrase::new("desk-password-too-long").with("max", MAX_PASSWORD_CHARS),
        ));
    }
    Ok(())
}

/// Hashes a password with Argon2id and a random salt, in PHC string form.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| anyhow::anyhow!("could not hash the password: {e}"))
}

/// True when `password` matches the stored hash: Argon2id in PHC string form, or a bcrypt
/// hash (`$2y$`, `$2b$`, `$2a$`) a person brought from another platform (Varient, PHP's
/// `password_hash`), which `needs_rehash` then asks to be replaced.
pub fn verify_password(password: &str, stored_hash: &str) -> bool {
    if is_bcrypt(stored_hash) {
        return bcrypt::verify(password, stored_hash).unwrap_or(false);
    }
    PasswordHash::new(stored_hash)
        .map(|hash| {
            Argon2::default()
                .verify_password(password.as_bytes(), &hash)
                .is_ok()
        })
        .unwrap_or(false)
}

fn is_bcrypt(hash: &str) -> bool {
    ["$2y$", "$2b$", "$2a$", "$2x$"]
        .iter()
        .any(|prefix| hash.starts_with(prefix))
}

/// Whether a stored hash that just matched should be replaced by an Argon2id one: true for
/// hashes brought from other platforms, so each is rehashed at its first sign-in here.
pub fn needs_rehash(stored_hash: &str) -> bool {
    is_bcrypt(stored_hash)
}

/// A new API token: shown to its owner once, stored only as `token_hash(token)`.
pub fn new_api_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    format!("ndt_{}", to_hex(&bytes))
}

/// A new Content API key for a Ghost front-end: 26 lowercase hex characters, the shape
/// Ghost's clients check for. Stored, like tokens, only as `token_hash(key)`.
pub fn new_content_api_key() -> String {
    let mut bytes = [0u8; 13];
    OsRng.fill_bytes(&mut bytes);
    to_hex(&bytes)
}

/// The form in which a token is stored and looked up.
pub fn token_hash(token: &str) -> String {
    sha256_hex(token.as_bytes())
}

/// SHA-256 of some bytes in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    to_hex(&Sha256::digest(bytes))
}

fn to_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("correct horse battery").expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("wrong horse battery", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn bcrypt_hashes_from_php_verify_and_ask_to_be_rehashed() {
        // PHP's password_hash('author-pass-2024', PASSWORD_BCRYPT) form, cost 4 for speed.
        let hash = bcrypt::hash("author-pass-2024", 4)
            .expect("hash")
            .replacen("$2b$", "$2y$", 1);
        assert!(verify_password("author-pass-2024", &hash));
        assert!(!verify_password("author-pass-2025", &hash));
        assert!(needs_rehash(&hash));
        assert!(!needs_rehash(
            &hash_password("a long password").expect("hash")
        ));
        assert!(!verify_password("anything", "!no-password"));
    }

    #[test]
    fn tokens_are_random_and_hash_stably() {
        let a = new_api_token();
        let b = new_api_token();
        assert_ne!(a, b);
        assert_eq!(a.len(), 4 + 64);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_ne!(token_hash(&a), a);
    }

    #[test]
    fn content_api_keys_are_26_lowercase_hex_characters() {
        let key = new_content_api_key();
        assert_eq!(key.len(), 26);
        assert!(
            key.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        );
        assert_ne!(key, new_content_api_key());
    }

    #[test]
    fn short_passwords_are_refused() {
        assert!(check_new_password("short").is_err());
        assert!(check_new_password("long enough pass").is_ok());
    }
}
