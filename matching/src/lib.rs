//! The optimisation core of buddymatch: explainable compatibility scores and an exact,
//! capacitated assignment. Pure: no I/O, no database, no web; deterministic for the same input.
#![forbid(missing_docs)]

pub mod assign;
pub mod baseline;
pub mod compat;
