//! [`FeatureError`]: why a feature value (language, level, slot, domain, gender, coordinates,
//! interest tag) could not be parsed.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a feature value could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum FeatureError {
    /// Not an ISO 639 code of two or three ASCII letters.
    InvalidLanguage {
        /// The rejected input.
        input: String,
    },
    /// Not `A1` .. `C2` or `native`.
    InvalidLevel {
        /// The rejected input.
        input: String,
    },
    /// Not a slot name such as `mon_morning`.
    InvalidSlot {
        /// The rejected input.
        input: String,
    },
    /// Not an integration domain code such as `digital_skills`.
    InvalidDomain {
        /// The rejected input.
        input: String,
    },
    /// Not a gender code (`woman`, `man`, `non_binary`, `prefer_not_to_say`).
    InvalidGender {
        /// The rejected input.
        input: String,
    },
    /// Latitude outside -90..=90, longitude outside -180..=180, or not finite.
    InvalidCoordinates,
    /// An empty interest tag.
    EmptyInterest,
}

impl fmt::Display for FeatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidLanguage { input } => write!(f, "invalid language code {input:?}"),
            Self::InvalidLevel { input } => write!(f, "invalid language level {input:?}"),
            Self::InvalidSlot { input } => write!(f, "invalid availability slot {input:?}"),
            Self::InvalidDomain { input } => write!(f, "invalid integration domain {input:?}"),
            Self::InvalidGender { input } => write!(f, "invalid gender {input:?}"),
            Self::InvalidCoordinates => f.write_str("coordinates out of range"),
            Self::EmptyInterest => f.write_str("empty interest tag"),
        }
    }
}

impl std::error::Error for FeatureError {}
