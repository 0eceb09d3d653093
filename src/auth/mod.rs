//! Who may use the coordinator side: coordinator accounts (argon2id password hashes), their
//! programmes, API tokens (only a SHA-256 hash is stored) and the bearer-token extractor the
//! JSON API uses.
//!
//! Roles: an `admin` reaches every programme; a `coordinator` reaches the programmes linked to
//! the account in `coordinator_programmes`.

pub mod extractor;
pub mod password;
pub mod store;

pub use extractor::Caller;
pub use password::{hash_password, verify_password, Password, PasswordError};
pub use store::{AccountError, Coordinator, CoordinatorRole};
