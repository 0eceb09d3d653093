//! [`Household`]: a single person or a family with children.

use serde::{Deserialize, Serialize};

/// Who lives in the household that signs up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Household {
    /// One person (or adults without children).
    #[default]
    Single,
    /// A family with children.
    Family {
        /// Number of children.
        children: u8,
    },
}

impl Household {
    /// Whether this is a family with children.
    #[must_use]
    pub fn is_family(self) -> bool {
        matches!(self, Self::Family { .. })
    }
}
