//! [`Buddy`]: a receiving member or volunteer offering to be a buddy.

use serde::{Deserialize, Serialize};

use super::Profile;

/// A buddy: a receiving member or volunteer offering to be a buddy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Buddy {
    /// The person-level features.
    pub profile: Profile,
    /// How many seekers this buddy can take.
    #[serde(default = "one")]
    pub capacity: u32,
    /// Has child-safeguarding clearance (required for minor seekers).
    #[serde(default)]
    pub child_clearance: bool,
}

fn one() -> u32 {
    1
}

impl Buddy {
    /// A buddy with capacity 1 and no child-safeguarding clearance.
    #[must_use]
    pub fn new(profile: Profile) -> Self {
        Self {
            profile,
            capacity: 1,
            child_clearance: false,
        }
    }

    /// Sets the capacity.
    #[must_use]
    pub fn capacity(mut self, capacity: u32) -> Self {
        self.capacity = capacity;
        self
    }

    /// Sets the child-safeguarding clearance.
    #[must_use]
    pub fn child_clearance(mut self, cleared: bool) -> Self {
        self.child_clearance = cleared;
        self
    }
}
