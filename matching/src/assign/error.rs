//! Errors reported by [`solve`](super::solve).

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a [`Problem`](super::Problem) could not be solved.
///
/// Every variant names the offending seeker / buddy (0-based indices) so a coordinator can be
/// told exactly which pin or input row is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssignError {
    /// An edge, pin or forbidden pair names a seeker `>= num_seekers`.
    SeekerOutOfRange {
        /// The seeker index given.
        seeker: u32,
        /// The number of seekers in the problem.
        num_seekers: usize,
    },
    /// An edge, pin or forbidden pair names a buddy `>= capacities.len()`.
    BuddyOutOfRange {
        /// The buddy index given.
        buddy: u32,
        /// The number of buddies in the problem.
        num_buddies: usize,
    },
    /// The same `(seeker, buddy)` pair appears twice in the edge list.
    DuplicateEdge {
        /// Seeker of the repeated edge.
        seeker: u32,
        /// Buddy of the repeated edge.
        buddy: u32,
    },
    /// A score is outside `-MAX_SCORE..=MAX_SCORE` (see [`MAX_SCORE`](super::MAX_SCORE)).
    ScoreOutOfRange {
        /// Seeker of the edge.
        seeker: u32,
        /// Buddy of the edge.
        buddy: u32,
        /// The score given.
        score: i64,
    },
    /// `waiting_days` is neither empty nor one entry per seeker.
    WaitingDaysLength {
        /// Length of `waiting_days`.
        got: usize,
        /// The number of seekers in the problem.
        expected: usize,
    },
    /// A pinned pair is not a feasible edge (it is missing from the edges, or it is forbidden).
    PinnedPairInfeasible {
        /// The pinned seeker.
        seeker: u32,
        /// The pinned buddy.
        buddy: u32,
    },
    /// A seeker is pinned more than once.
    SeekerPinnedTwice {
        /// The seeker pinned twice.
        seeker: u32,
    },
    /// More seekers are pinned to a buddy than the buddy's capacity.
    PinsExceedCapacity {
        /// The over-pinned buddy.
        buddy: u32,
        /// The buddy's capacity.
        capacity: u32,
    },
    /// The exact lexicographic weights of the chosen objective do not fit in 64-bit integers
    /// (scores, waiting days or the number of seekers are too large together).
    WeightOverflow,
}

impl fmt::Display for AssignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SeekerOutOfRange { seeker, num_seekers } => {
                write!(f, "seeker {seeker} is out of range (there are {num_seekers} seekers)")
            }
            Self::BuddyOutOfRange { buddy, num_buddies } => {
                write!(f, "buddy {buddy} is out of range (there are {num_buddies} buddies)")
            }
            Self::DuplicateEdge { seeker, buddy } => {
                write!(f, "the pair (seeker {seeker}, buddy {buddy}) appears twice in the edges")
            }
            Self::ScoreOutOfRange { seeker, buddy, score } => write!(
                f,
                "the score {score} of (seeker {seeker}, buddy {buddy}) is outside ±{}",
                super::MAX_SCORE
            ),
            Self::WaitingDaysLength { got, expected } => write!(
                f,
                "waiting_days has {got} entries; expected none or one per seeker ({expected})"
            ),
            Self::PinnedPairInfeasible { seeker, buddy } => write!(
                f,
                "the pinned pair (seeker {seeker}, buddy {buddy}) is not a feasible pair"
            ),
            Self::SeekerPinnedTwice { seeker } => write!(f, "seeker {seeker} is pinned twice"),
            Self::PinsExceedCapacity { buddy, capacity } => write!(
                f,
                "more seekers are pinned to buddy {buddy} than its capacity {capacity}"
            ),
            Self::WeightOverflow => write!(
                f,
                "the exact objective weights overflow 64-bit integers; use smaller scores or waiting days"
            ),
        }
    }
}

impl std::error::Error for AssignError {}
