//! Whether a seeker and a buddy are still free to be paired: the seeker has no approved or
//! active match, and the buddy's approved and active matches leave a place. One rule for every
//! way a pair comes about: approving a proposal (of any run), pinning a pair, matching by hand.
//!
//! Several runs may hold undecided proposals for the same people until a coordinator keeps one
//! of them, so this is checked when a proposal is approved, not only when a run proposes it.

use crate::db::matches;
use crate::db::participants::{self, Participant};
use crate::db::{DbConnection, DbError};

/// Why a pair cannot be made now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    /// The seeker already has an approved or active match.
    SeekerMatched,
    /// The buddy's approved and active matches fill their capacity.
    BuddyFull,
}

impl Taken {
    /// A stable code (API, message ids): `seeker_already_matched`, `buddy_has_no_capacity`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::SeekerMatched => "seeker_already_matched",
            Self::BuddyFull => "buddy_has_no_capacity",
        }
    }
}

/// How many more seekers someone with `capacity` can take while in `live` matches.
#[must_use]
pub fn free_capacity(capacity: i32, live: usize) -> usize {
    usize::try_from(capacity).unwrap_or(0).saturating_sub(live)
}

/// The places `buddy` has left for `seeker_id` in `programme_id` (at least one), or why there
/// is none. Holds both people's rows first, so two approvals at once cannot both take the
/// last place; call it in the transaction that makes the pair.
///
/// # Errors
/// A failed query.
pub fn places_left(
    conn: &mut DbConnection,
    programme_id: i32,
    seeker_id: i32,
    buddy: &Participant,
) -> Result<Result<usize, Taken>, DbError> {
    participants::hold(conn, &[seeker_id, buddy.id])?;
    let live = matches::live_pairs_of(conn, programme_id, seeker_id, buddy.id)?;
    if live.iter().any(|&(s, _)| s == seeker_id) {
        return Ok(Err(Taken::SeekerMatched));
    }
    let taken = live.iter().filter(|&&(_, b)| b == buddy.id).count();
    Ok(match free_capacity(buddy.capacity, taken) {
        0 => Err(Taken::BuddyFull),
        free => Ok(free),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacity_left_counts_live_matches_and_never_goes_below_zero() {
        assert_eq!(free_capacity(2, 0), 2);
        assert_eq!(free_capacity(2, 1), 1);
        assert_eq!(free_capacity(1, 1), 0);
        assert_eq!(free_capacity(1, 3), 0);
        assert_eq!(free_capacity(-1, 0), 0);
    }

    #[test]
    fn every_reason_has_its_own_code() {
        assert_eq!(Taken::SeekerMatched.code(), "seeker_already_matched");
        assert_eq!(Taken::BuddyFull.code(), "buddy_has_no_capacity");
    }
}
