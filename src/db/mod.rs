//! Storage: one diesel code path over SQLite (embedded default) and PostgreSQL (production).
//!
//! The backend is picked from the URL scheme ([`Backend::from_url`]); migrations for each
//! backend live in `migrations/<backend>/`, are embedded in the binary and run at start.

pub mod accounts;
pub mod answer_links;
pub mod audit;
pub mod bulk;
pub mod checkins;
pub mod connection;
pub mod connections;
pub mod continuum;
pub mod housekeeping;
pub mod introductions;
pub mod matches;
pub mod my_data;
pub mod outbox;
pub mod outcomes;
pub mod participant_tokens;
pub mod participants;
pub mod people;
pub mod programmes;
pub mod readiness;
pub mod retention;
pub mod runs;
pub mod schema;
pub mod service_keys;
pub mod signup_guard;

pub use connection::{Backend, Db, DbConnection, DbError, PooledConn, Refusal};
