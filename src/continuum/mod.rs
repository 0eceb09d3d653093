//! The connections continuum (DESIGN.md, "The connections continuum"): what happens to a match
//! after both people accept. Check-ins from both sides ([`answers`]), the stage rules as a pure
//! function ([`stage`]), and what an answer or a coordinator changes: pausing, closing and
//! re-matching ([`closing`]).
//!
//! Handlers and the scheduler call these services; the SQL is in `db::checkins` and
//! `db::continuum`.

pub mod answers;
pub mod by_link;
pub mod closing;
pub mod concern;
pub mod stage;

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
