//! Random tokens for links and API access. Only a hash is stored, so a leaked database does not
//! leak working links.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// A new token: the plain text goes to the person once, the hash goes to the database.
#[derive(Debug)]
pub struct Token {
    /// URL-safe text: 32 random bytes as hex.
    pub plain: String,
    /// `hash(plain)`.
    pub hash: String,
}

impl Token {
    /// 32 bytes from the operating system's generator.
    #[must_use]
    pub fn generate() -> Self {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        let plain = hex::encode(bytes);
        let hash = hash(&plain);
        Self { plain, hash }
    }
}

/// SHA-256 of the token text, hex. Tokens are long and random, so no salt or slow hash is needed.
#[must_use]
pub fn hash(plain: &str) -> String {
    hex::encode(Sha256::digest(plain.trim().as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_hash_matches() {
        let a = Token::generate();
        let b = Token::generate();
        assert_ne!(a.plain, b.plain);
        assert_eq!(a.plain.len(), 64);
        assert_eq!(hash(&a.plain), a.hash);
        assert_ne!(a.hash, a.plain);
    }
}
