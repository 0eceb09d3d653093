//! Stated [`Preferences`] about the other side of a pair (each one a hard rule).

use serde::{Deserialize, Serialize};

use super::Gender;
#[cfg(doc)]
use super::Level;

/// Stated preferences: each is a hard rule about the *other* side of a pair.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// The other person's gender must be this one.
    pub gender: Option<Gender>,
    /// The other side must be a family with children (family-with-family matching).
    pub family: bool,
    /// The other person's age must be known and within `min..=max`.
    pub age_range: Option<(u8, u8)>,
    /// "Someone outside my own language community": the other person must have none of this
    /// person's [`Level::Native`] languages at native level (speaking it as a learner is fine).
    pub outside_language_community: bool,
}
