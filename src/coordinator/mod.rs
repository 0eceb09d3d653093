//! The coordinator's side of the service, storage and rules (the pages live in
//! `crate::routes::coordinator`):
//!
//! - [`sessions`]: browser sessions. The cookie carries a random token; only its SHA-256 hash is
//!   stored, with a per-session CSRF token and a 12-hour expiry.
//! - [`throttle`]: slows down password guessing: from the 5th failed login for an email within
//!   15 minutes, logins for that email are refused until the oldest of those failures is 15
//!   minutes old.
//! - [`accounts`]: small additions to `crate::auth::store` (find by id, change a password,
//!   reassign programmes, list accounts).
//! - [`setup`]: the one-time link that creates the first admin account.
//! - [`people`]: listing a programme's participants with the coordinator filters (search, role,
//!   status, volunteers, waiting time) and their consent records.
//! - [`readiness`]: a volunteer's readiness (code of conduct, trainings, background check) and
//!   the rule [`readiness::is_ready`] the matching run applies.

pub mod accounts;
pub mod people;
pub mod readiness;
pub mod sessions;
pub mod setup;
pub mod throttle;

/// Compares two secrets in time independent of where they first differ.
#[must_use]
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
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
