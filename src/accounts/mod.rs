//! Coordinator accounts, everything about who may use the coordinator side, with no web code in
//! it (the pages live in `routes::coordinator`, the API's bearer-token check in
//! `routes::api::auth`):
//!
//! - [`store`]: accounts, their roles and programmes, and API tokens (only a SHA-256 hash of a
//!   token is stored).
//! - [`manage`]: what the account pages need beyond [`store`]: an account by id, the list,
//!   changing a password hash, reassigning programmes.
//! - [`password`]: passwords and their argon2id hashes.
//! - [`sessions`]: browser sessions. The cookie carries a random token; only its SHA-256 hash is
//!   stored, with a per-session CSRF token and a 12-hour expiry.
//! - [`throttle`]: slows down password guessing per client and account and per client, with
//!   growing waits instead of locking the account (its owner elsewhere is never kept out).
//! - [`setup`]: the one-time link that creates the first admin account.
//!
//! Roles: an `admin` reaches every programme; a `coordinator` reaches the programmes linked to
//! the account in `coordinator_programmes`.

pub mod manage;
pub mod password;
pub mod sessions;
pub mod setup;
pub mod store;
pub mod throttle;

pub use manage::{count, find_by_id, list, set_password_hash, set_programmes};
pub use password::{hash_password, verify_password, Password, PasswordError};
pub use store::{AccountError, Coordinator, CoordinatorRole};

use subtle::ConstantTimeEq;

/// Compares two secrets in time independent of where they first differ (a CSRF or setup token
/// compared with `==` would leak how much of a guess was right).
#[must_use]
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn secret_comparison() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "abcd"));
        assert!(!constant_time_eq("", "a"));
    }
}
