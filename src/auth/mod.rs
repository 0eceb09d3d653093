//! Who may use the coordinator side: coordinator accounts (argon2id password hashes), their
//! programmes and API tokens (only a SHA-256 hash is stored). The bearer-token extractor the
//! JSON API uses lives at the web edge, in `crate::routes::api::auth`.
//!
//! Roles: an `admin` reaches every programme; a `coordinator` reaches the programmes linked to
//! the account in `coordinator_programmes`.

pub mod password;
pub mod store;

pub use password::{hash_password, verify_password, Password, PasswordError};
pub use store::{AccountError, Coordinator, CoordinatorRole};
