//! The stage rules (being written).
