//! Storage: one diesel code path over SQLite (embedded default) and PostgreSQL (production).
//!
//! The backend is picked from the URL scheme ([`Backend::from_url`]); migrations for each
//! backend live in `migrations/<backend>/`, are embedded in the binary and run at start.

pub mod audit;
pub mod bulk;
pub mod connection;
pub mod introductions;
pub mod matches;
pub mod participant_tokens;
pub mod participants;
pub mod programmes;
pub mod runs;
pub mod schema;

pub use connection::{Backend, Db, DbConnection, DbError, PooledConn, Refusal};
