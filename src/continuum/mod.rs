//! The connections continuum (DESIGN.md, "The connections continuum"): what happens to a match
//! after both people accept. The scheduler's pass ([`scheduler`]) sends check-ins and places
//! each match on the continuum with the stage rules, a pure function ([`stage`]); answers come by
//! link ([`by_link`]), from the person's data page ([`by_me`]) or from a coordinator after a call
//! ([`records`]); concerns go to the coordinators at once ([`concern`]); pausing, closing and
//! re-matching are in [`closing`]; the coordinator's views in [`connections`] and [`timeline`].
//!
//! Handlers and the scheduler call these services; the SQL is in `db::checkins` and
//! `db::continuum`.

pub mod answers;
pub mod by_link;
pub mod by_me;
pub mod checkin_emails;
pub mod closing;
pub mod concern;
pub mod connections;
pub mod records;
pub mod scheduler;
pub mod scheduler_worker;
pub mod stage;
pub mod timeline;

use crate::db::DbError;

/// What can go wrong in the continuum's services.
#[derive(Debug, thiserror::Error)]
pub enum ContinuumError {
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// The match does not exist.
    #[error("match {0} not found")]
    MatchNotFound(i32),
    /// A participant of the match does not exist.
    #[error("participant {0} not found")]
    ParticipantNotFound(i32),
    /// The programme of the match does not exist.
    #[error("programme {0} not found")]
    ProgrammeNotFound(i32),
}
