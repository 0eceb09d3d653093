//! [`Gender`] as the person states it (only ever used for the other side's stated preference).

use serde::{Deserialize, Serialize};

use super::FeatureError;

/// Gender as the person states it; used only for stated preferences, never scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Woman.
    Woman,
    /// Man.
    Man,
    /// Non-binary.
    NonBinary,
    /// Prefers not to say (never satisfies a gender preference).
    PreferNotToSay,
}

impl Gender {
    /// Every gender, in form order.
    pub const ALL: [Self; 4] = [
        Self::Woman,
        Self::Man,
        Self::NonBinary,
        Self::PreferNotToSay,
    ];

    /// The snake_case code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Woman => "woman",
            Self::Man => "man",
            Self::NonBinary => "non_binary",
            Self::PreferNotToSay => "prefer_not_to_say",
        }
    }

    /// Parses a code.
    ///
    /// # Errors
    ///
    /// [`FeatureError::InvalidGender`].
    pub fn parse(raw: &str) -> Result<Self, FeatureError> {
        let s = raw.trim();
        Self::ALL
            .into_iter()
            .find(|g| g.code() == s)
            .ok_or_else(|| FeatureError::InvalidGender {
                input: raw.to_owned(),
            })
    }
}
