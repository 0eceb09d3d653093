//! Integration domains: a [`Domain`] a person would like to share or to learn, and a set of
//! them as a 10-bit mask ([`Domains`]).

use serde::{Deserialize, Serialize};

use super::FeatureError;

/// A domain of integration (Home Office Indicators of Integration framework, 2019): what a
/// person would like to share, or to get help with / learn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
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

impl Domain {
    /// Every domain, in bit order.
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
    ///
    /// [`FeatureError::InvalidDomain`].
    pub fn parse(raw: &str) -> Result<Self, FeatureError> {
        let s = raw.trim();
        Self::ALL
            .into_iter()
            .find(|d| d.code() == s)
            .ok_or_else(|| FeatureError::InvalidDomain {
                input: raw.to_owned(),
            })
    }
}

/// A set of [`Domain`]s as a 10-bit mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(into = "Vec<Domain>", from = "Vec<Domain>")]
pub struct Domains(pub(super) u16);

impl Domains {
    /// The empty set.
    #[must_use]
    pub const fn new() -> Self {
        Self(0)
    }

    /// This set plus `d`.
    #[must_use]
    pub const fn with(self, d: Domain) -> Self {
        Self(self.0 | 1 << d as u16)
    }

    /// Parses codes such as `["work", "digital_skills"]`.
    ///
    /// # Errors
    ///
    /// [`FeatureError::InvalidDomain`] for an unknown code.
    pub fn parse<'a>(codes: impl IntoIterator<Item = &'a str>) -> Result<Self, FeatureError> {
        codes
            .into_iter()
            .try_fold(Self::new(), |acc, c| Ok(acc.with(Domain::parse(c)?)))
    }

    /// Whether `d` is in the set.
    #[must_use]
    pub const fn contains(self, d: Domain) -> bool {
        self.0 & (1 << d as u16) != 0
    }

    /// Domains in both sets.
    #[must_use]
    pub const fn common(self, other: Self) -> Self {
        Self(self.0 & other.0)
    }

    /// Number of domains.
    #[must_use]
    pub const fn count(self) -> u32 {
        self.0.count_ones()
    }

    /// The raw mask (bit = position in [`Domain::ALL`]).
    #[must_use]
    pub const fn bits(self) -> u16 {
        self.0
    }

    /// The domains, in [`Domain::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Domain> {
        Domain::ALL.into_iter().filter(move |d| self.contains(*d))
    }
}

impl FromIterator<Domain> for Domains {
    fn from_iter<I: IntoIterator<Item = Domain>>(iter: I) -> Self {
        iter.into_iter().fold(Self::new(), Self::with)
    }
}

impl From<Vec<Domain>> for Domains {
    fn from(v: Vec<Domain>) -> Self {
        v.into_iter().collect()
    }
}

impl From<Domains> for Vec<Domain> {
    fn from(d: Domains) -> Self {
        d.iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_round_trip() {
        for d in Domain::ALL {
            assert_eq!(Domain::parse(d.code()), Ok(d));
        }
        let ds = Domains::parse(["work", "safety"]).unwrap_or_default();
        assert_eq!(
            ds.iter().collect::<Vec<_>>(),
            vec![Domain::Work, Domain::Safety]
        );
        assert!(Domains::parse(["religion"]).is_err());
    }
}
