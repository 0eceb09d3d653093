//! [`Seeker`]: an arriving person or household looking for a buddy.

use serde::{Deserialize, Serialize};

use super::Profile;

/// A seeker: an arriving person or household looking for a buddy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seeker {
    /// The person-level features.
    pub profile: Profile,
    /// Under 18: only buddies with child-safeguarding clearance are feasible.
    #[serde(default)]
    pub minor: bool,
    /// Days since sign-up (used by the waiting-priority objective, not by the score).
    #[serde(default)]
    pub waiting_days: u32,
}

impl Seeker {
    /// An adult seeker who has not waited yet.
    #[must_use]
    pub fn new(profile: Profile) -> Self {
        Self {
            profile,
            minor: false,
            waiting_days: 0,
        }
    }

    /// Sets whether the seeker is a minor.
    #[must_use]
    pub fn minor(mut self, minor: bool) -> Self {
        self.minor = minor;
        self
    }

    /// Sets the waiting days.
    #[must_use]
    pub fn waiting_days(mut self, days: u32) -> Self {
        self.waiting_days = days;
        self
    }
}
