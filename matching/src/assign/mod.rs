//! Exact capacitated assignment (b-matching) of seekers to buddies.
