//! Passwords: a [`Password`] is at least [`Password::MIN_CHARS`] characters; only its argon2id
//! hash (PHC string, random salt, the crate's default cost) is stored.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use secrecy::{ExposeSecret, SecretString};

/// Why a password is refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PasswordError {
    /// Fewer than [`Password::MIN_CHARS`] characters.
    #[error(
        "the password is too short: use at least {} characters",
        Password::MIN_CHARS
    )]
    TooShort,
    /// More than [`Password::MAX_CHARS`] characters.
    #[error(
        "the password is too long: use at most {} characters",
        Password::MAX_CHARS
    )]
    TooLong,
    /// The two entries differ.
    #[error("the two passwords do not match")]
    Mismatch,
    /// Hashing failed (should not happen with valid parameters).
    #[error("could not hash the password: {0}")]
    Hashing(String),
}

/// A password that meets the length rules. Never printed.
#[derive(Debug)]
pub struct Password(SecretString);

impl Password {
    /// Minimum length in characters.
    pub const MIN_CHARS: usize = 12;
    /// Maximum length in characters (keeps hashing cost bounded).
    pub const MAX_CHARS: usize = 1024;

    /// Checks the length rules. Surrounding line breaks (from stdin) are removed; other
    /// whitespace is part of the password.
    ///
    /// # Errors
    /// [`PasswordError::TooShort`] or [`PasswordError::TooLong`].
    pub fn parse(raw: &str) -> Result<Self, PasswordError> {
        let s = raw.trim_end_matches(['\r', '\n']);
        let n = s.chars().count();
        if n < Self::MIN_CHARS {
            Err(PasswordError::TooShort)
        } else if n > Self::MAX_CHARS {
            Err(PasswordError::TooLong)
        } else {
            Ok(Self(SecretString::from(s.to_owned())))
        }
    }

    /// The text, for hashing.
    #[must_use]
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }
}

/// An argon2id PHC hash of `password` with a fresh random salt.
///
/// # Errors
/// [`PasswordError::Hashing`] if the hasher rejects its input.
pub fn hash_password(password: &Password) -> Result<String, PasswordError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PasswordError::Hashing(e.to_string()))
}

/// Whether `candidate` matches the stored PHC hash. A malformed stored hash never matches.
#[must_use]
pub fn verify_password(candidate: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(candidate.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_rules() {
        assert_eq!(
            Password::parse("short").err(),
            Some(PasswordError::TooShort)
        );
        assert_eq!(
            Password::parse("elevenchars").err(),
            Some(PasswordError::TooShort)
        );
        assert!(Password::parse("twelve chars").is_ok());
        assert_eq!(
            Password::parse("twelve chars\n")
                .map(|p| p.expose().to_owned())
                .ok()
                .as_deref(),
            Some("twelve chars")
        );
        assert_eq!(
            Password::parse(&"x".repeat(1025)).err(),
            Some(PasswordError::TooLong)
        );
        // Characters, not bytes.
        assert_eq!(
            Password::parse("äöüäöüäöüäö").err(),
            Some(PasswordError::TooShort)
        );
    }

    #[test]
    fn hash_is_argon2id_salted_and_verifies() {
        let p = Password::parse("correct horse battery").expect("valid");
        let a = hash_password(&p).expect("hash");
        let b = hash_password(&p).expect("hash");
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert_ne!(a, b, "salted");
        assert!(verify_password("correct horse battery", &a));
        assert!(!verify_password("correct horse batterY", &a));
        assert!(!verify_password("correct horse battery", "not a hash"));
    }
}
