//! Validation, pins, candidate sparsification, component splitting and the optimality check.
//!
//! Dense or high-degree rows are first solved on a *candidate* subgraph (each row's
//! [`CANDIDATES`] cheapest edges). The component solutions carry dual potentials that are a
//! certificate of optimality: if no edge of the *whole* graph has a negative reduced cost, the
//! candidate solution is optimal for the whole graph. Otherwise each row's most violating edges
//! (at most [`ADDED_PER_ROUND`]) are added and the candidate problem is solved again; after
//! [`MAX_ROUNDS`] rounds, or as soon as a round leaves at least as many violating rows as the one
//! before, every usable edge becomes a candidate, so the loop always ends with an exact optimum.
//!
//! - `prepare`: validation of a [`Problem`](super::Problem), edges grouped by seeker, pins applied;
//! - `candidates`: the candidate loop ([`optimise`]) and the choice of each row's candidates;
//! - `components`: one candidate subgraph split into connected components and solved.

mod candidates;
mod components;
mod prepare;

pub(crate) use candidates::{optimise, optimise_warm, Costs};
pub(crate) use prepare::{prepare, Prepared};

/// Number of cheapest edges per row in the first candidate subgraph.
const CANDIDATES: usize = 12;
/// Rows with at most this many edges keep all of them as candidates.
const KEEP_ALL: usize = 2 * CANDIDATES;
/// After this many rounds with violations, every usable edge becomes a candidate.
const MAX_ROUNDS: usize = 16;
/// Violating edges added to a row per round, those with the most negative reduced cost first.
const ADDED_PER_ROUND: usize = CANDIDATES;

/// The limits of the candidate scheme. The solver always uses [`Tuning::DEFAULT`]; the limits
/// are a value rather than constants only so that unit tests can shrink them and reach the
/// last-resort path (every usable edge a candidate) on instances small enough to check against
/// an exact reference, which the default limits reach only on large adversarial instances.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tuning {
    /// Cheapest edges per row in the first candidate subgraph; at least 1.
    pub candidates: usize,
    /// Rows with at most this many edges keep all of them as candidates.
    pub keep_all: usize,
    /// Violating edges added to a row per round; at least 1.
    pub added_per_round: usize,
    /// Rounds with violations after which every usable edge becomes a candidate.
    pub max_rounds: usize,
    /// Make every usable edge a candidate as soon as a round leaves at least as many violating
    /// rows as the round before (the rounds stopped converging; on structured dense classes
    /// such as Machol–Wien they would otherwise run to `max_rounds` re-solving ever larger
    /// candidate graphs).
    pub stall: bool,
}

impl Tuning {
    /// The limits of every normal call.
    pub(crate) const DEFAULT: Self = Self {
        candidates: CANDIDATES,
        keep_all: KEEP_ALL,
        added_per_round: ADDED_PER_ROUND,
        max_rounds: MAX_ROUNDS,
        stall: true,
    };
}

/// What the candidate loop did, summed over the [`optimise`] calls of one solve (the tests
/// check with it that the last-resort path was taken).
#[derive(Clone, Copy, Debug, Default)]
#[cfg_attr(not(test), allow(dead_code))] // only the tests read it
pub(crate) struct Stats {
    /// Calls of [`optimise`].
    pub calls: usize,
    /// Candidate rounds (solves of a candidate subgraph), over all calls.
    pub rounds: usize,
    /// Calls that ended with every usable edge a candidate after `max_rounds` rounds.
    pub last_resort: usize,
    /// Calls that made every usable edge a candidate early because the violations stopped
    /// shrinking ([`Tuning::stall`]).
    pub stalled: usize,
    /// Rows the warm-started calls ([`optimise_warm`]) searched again.
    pub warm_free_rows: usize,
    /// Columns the warm-started calls repaired (room left and a negative potential).
    pub warm_repairs: usize,
}
