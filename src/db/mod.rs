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
pub mod programme_archive;
pub mod programmes;
pub mod reach;
pub mod readiness;
pub mod retention;
pub mod runs;
pub mod schema;
pub mod service_keys;
pub mod signup_guard;

pub use connection::{Backend, Db, DbConnection, DbError, PooledConn, Refusal};

/// Runs a batch insert on the concrete connection: diesel's `MultiConnection` has no batch insert,
/// both backends do.
macro_rules! batch_execute {
    ($conn:expr, $insert:expr) => {
        match $conn {
            $crate::db::DbConnection::Sqlite(c) => $insert.execute(c),
            $crate::db::DbConnection::Postgresql(c) => $insert.execute(c),
        }
    };
}
pub(crate) use batch_execute;

/// The rows to skip for page `page` (from 1) of `per_page` rows; pages far past the end (up to
/// `i64::MAX`) skip everything instead of overflowing.
#[must_use]
pub fn page_offset(page: i64, per_page: i64) -> i64 {
    (page.max(1) - 1).saturating_mul(per_page.max(0))
}

#[cfg(test)]
mod tests {
    #[test]
    fn page_offsets_never_overflow() {
        assert_eq!(super::page_offset(1, 50), 0);
        assert_eq!(super::page_offset(0, 50), 0);
        assert_eq!(super::page_offset(3, 50), 100);
        assert_eq!(super::page_offset(i64::MAX, 272), i64::MAX);
    }
}
