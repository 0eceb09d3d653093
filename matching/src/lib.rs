//! The optimisation core of buddymatch: explainable compatibility scores and an exact,
//! capacitated assignment. Pure: no I/O, no database, no web; deterministic for the same input.
#![forbid(missing_docs)]

// The unit tests include oracles from `tests/common/`, which name this crate `matching`.
#[cfg(test)]
extern crate self as matching;

pub mod assign;
pub mod baseline;
pub mod compat;
mod pair_hash;
