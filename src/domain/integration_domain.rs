//! What people would like to share or learn, by the Indicators of Integration domains.

use serde::{Deserialize, Serialize};

/// A domain of integration (Home Office Indicators of Integration framework, 2019).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntegrationDomain {
    /// Work and employment.
    Work,
    /// Housing.
    Housing,
    /// Education.
    Education,
    /// Health and social care.
    HealthAndSocialCare,
    /// Leisure.
    Leisure,
    /// Language and communication.
    Language,
    /// Culture.
    Culture,
    /// Digital skills.
    DigitalSkills,
    /// Rights and public services.
    RightsAndServices,
    /// Safety and stability.
    Safety,
}

impl IntegrationDomain {
    /// Every domain, in form order.
    pub const ALL: [Self; 10] = [
        Self::Work,
        Self::Housing,
        Self::Education,
        Self::HealthAndSocialCare,
        Self::Leisure,
        Self::Language,
        Self::Culture,
        Self::DigitalSkills,
        Self::RightsAndServices,
        Self::Safety,
    ];

    /// The snake_case code used in forms, JSON and CSV.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Work => "work",
            Self::Housing => "housing",
            Self::Education => "education",
            Self::HealthAndSocialCare => "health_and_social_care",
            Self::Leisure => "leisure",
            Self::Language => "language",
            Self::Culture => "culture",
            Self::DigitalSkills => "digital_skills",
            Self::RightsAndServices => "rights_and_services",
            Self::Safety => "safety",
        }
    }

    /// Parses a code.
    ///
    /// # Errors
    /// `"invalid_choice"`.
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        let s = raw.trim();
        Self::ALL
            .into_iter()
            .find(|d| d.code() == s)
            .ok_or("invalid_choice")
    }
}
