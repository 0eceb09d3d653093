//! Structured explanations: why a pair scores what it scores, or which hard rules exclude it.
//!
//! Everything here serialises with stable `snake_case` tags and carries parameters, not
//! sentences, so the service can render it in each participant's own language.

use serde::{Deserialize, Serialize};

use super::features::{Domain, Lang, Level};

/// One side of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The seeker.
    Seeker,
    /// The buddy.
    Buddy,
}

/// A reason contributing to a score. "Seeker" and "buddy" are the two sides of the pair.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// The best common language, at the lower of the two levels.
    SharedLanguage {
        /// The language.
        lang: Lang,
        /// The lower of the two levels.
        level: Level,
    },
    /// Interest tags both gave, sorted.
    SharedInterests {
        /// The tags.
        tags: Vec<String>,
    },
    /// Number of common weekly slots.
    CommonSlots {
        /// How many.
        count: u32,
    },
    /// They can meet in person; distance rounded to whole km (0: same area).
    DistanceKm {
        /// Kilometres.
        km: u32,
    },
    /// Too far apart (or distance unknown) to meet in person, but both are fine with online
    /// meetings.
    OnlineOnly,
    /// The seeker would like to learn this and the buddy would like to share it.
    CanLearn {
        /// The domain.
        domain: Domain,
    },
    /// The seeker would like to share this and the buddy would like to learn it.
    CanTeach {
        /// The domain.
        domain: Domain,
    },
    /// `learner` wants to practise `lang` and the other side speaks it well.
    PractiseLanguage {
        /// The language.
        lang: Lang,
        /// Who practises.
        learner: Side,
    },
    /// Age difference in years.
    AgeClose {
        /// Years apart.
        years: u32,
    },
}

/// A reason and the points it contributes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Item {
    /// The reason.
    #[serde(flatten)]
    pub reason: Reason,
    /// Points contributed (the points of all items sum to the score exactly).
    pub points: u32,
}

/// The score of a feasible pair and its reasons.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Explanation {
    /// The score, `0..=1000`.
    pub score: u16,
    /// The reasons, in component order; their points sum to `score`.
    pub items: Vec<Item>,
}

/// A stated preference (see [`Preferences`](super::Preferences)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preference {
    /// The other person's gender.
    Gender,
    /// Family with family.
    Family,
    /// The other person's age range.
    AgeRange,
    /// Someone outside my own language community.
    OutsideLanguageCommunity,
}

/// A hard rule that excludes a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Exclusion {
    /// No language both speak at `min_level` or higher.
    NoCommonLanguage {
        /// The programme's minimum level.
        min_level: Level,
    },
    /// No weekly slot in common.
    NoCommonSlot,
    /// Farther apart than the smaller travel radius (or distance unknown), and not both fine
    /// with online meetings.
    TooFar {
        /// Distance in whole km; `None` when unknown (different or missing areas, no
        /// coordinates).
        km: Option<u32>,
        /// The smaller of the two travel radii, km.
        limit_km: u32,
    },
    /// A stated preference of `holder` is not met by the other side.
    Preference {
        /// Whose preference.
        holder: Side,
        /// Which preference.
        preference: Preference,
    },
    /// The seeker is a minor and the buddy has no child-safeguarding clearance.
    NeedsChildClearance,
    /// The caller forbade this pair (coordinator decision, earlier failed match).
    Forbidden,
}

/// The kind of an [`Exclusion`], without parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// [`Exclusion::NoCommonLanguage`].
    NoCommonLanguage,
    /// [`Exclusion::NoCommonSlot`].
    NoCommonSlot,
    /// [`Exclusion::TooFar`].
    TooFar,
    /// [`Exclusion::Preference`] held by the seeker.
    SeekerPreference,
    /// [`Exclusion::Preference`] held by the buddy.
    BuddyPreference,
    /// [`Exclusion::NeedsChildClearance`].
    NeedsChildClearance,
    /// [`Exclusion::Forbidden`].
    Forbidden,
}

impl Rule {
    /// Every rule.
    pub const ALL: [Self; 7] = [
        Self::NoCommonLanguage,
        Self::NoCommonSlot,
        Self::TooFar,
        Self::SeekerPreference,
        Self::BuddyPreference,
        Self::NeedsChildClearance,
        Self::Forbidden,
    ];
}

impl Exclusion {
    /// The rule, without parameters.
    #[must_use]
    pub fn rule(&self) -> Rule {
        match self {
            Self::NoCommonLanguage { .. } => Rule::NoCommonLanguage,
            Self::NoCommonSlot => Rule::NoCommonSlot,
            Self::TooFar { .. } => Rule::TooFar,
            Self::Preference {
                holder: Side::Seeker,
                ..
            } => Rule::SeekerPreference,
            Self::Preference {
                holder: Side::Buddy,
                ..
            } => Rule::BuddyPreference,
            Self::NeedsChildClearance => Rule::NeedsChildClearance,
            Self::Forbidden => Rule::Forbidden,
        }
    }
}

/// The outcome of checking one pair.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Evaluation {
    /// The pair is feasible.
    Feasible {
        /// Score and reasons.
        explanation: Explanation,
    },
    /// The pair is excluded by these rules (all that apply, in [`Rule`] order).
    Excluded {
        /// The rules.
        exclusions: Vec<Exclusion>,
    },
}

impl Evaluation {
    /// The score, if feasible.
    #[must_use]
    pub fn score(&self) -> Option<u16> {
        match self {
            Self::Feasible { explanation } => Some(explanation.score),
            Self::Excluded { .. } => None,
        }
    }

    /// The exclusions (empty if feasible).
    #[must_use]
    pub fn exclusions(&self) -> &[Exclusion] {
        match self {
            Self::Feasible { .. } => &[],
            Self::Excluded { exclusions } => exclusions,
        }
    }
}

/// Buddies counted per [`Rule`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RuleCounts {
    /// [`Rule::NoCommonLanguage`].
    pub no_common_language: u32,
    /// [`Rule::NoCommonSlot`].
    pub no_common_slot: u32,
    /// [`Rule::TooFar`].
    pub too_far: u32,
    /// [`Rule::SeekerPreference`].
    pub seeker_preference: u32,
    /// [`Rule::BuddyPreference`].
    pub buddy_preference: u32,
    /// [`Rule::NeedsChildClearance`].
    pub needs_child_clearance: u32,
    /// [`Rule::Forbidden`].
    pub forbidden: u32,
}

impl RuleCounts {
    /// The count of `rule`.
    #[must_use]
    pub fn get(&self, rule: Rule) -> u32 {
        match rule {
            Rule::NoCommonLanguage => self.no_common_language,
            Rule::NoCommonSlot => self.no_common_slot,
            Rule::TooFar => self.too_far,
            Rule::SeekerPreference => self.seeker_preference,
            Rule::BuddyPreference => self.buddy_preference,
            Rule::NeedsChildClearance => self.needs_child_clearance,
            Rule::Forbidden => self.forbidden,
        }
    }

    pub(crate) fn add(&mut self, rule: Rule) {
        let c = match rule {
            Rule::NoCommonLanguage => &mut self.no_common_language,
            Rule::NoCommonSlot => &mut self.no_common_slot,
            Rule::TooFar => &mut self.too_far,
            Rule::SeekerPreference => &mut self.seeker_preference,
            Rule::BuddyPreference => &mut self.buddy_preference,
            Rule::NeedsChildClearance => &mut self.needs_child_clearance,
            Rule::Forbidden => &mut self.forbidden,
        };
        *c += 1;
    }
}

/// Why a seeker has no feasible buddy: how many buddies each rule excludes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExclusionSummary {
    /// Number of buddies checked.
    pub buddies: u32,
    /// Buddies excluded by each rule (a buddy excluded by two rules counts under both).
    pub excluded_by: RuleCounts,
    /// Buddies excluded by this rule alone (they would be feasible without it).
    pub only_rule: RuleCounts,
}

impl ExclusionSummary {
    /// The rule excluding the most buddies (ties: earlier in [`Rule::ALL`]); `None` when no
    /// buddy was checked.
    #[must_use]
    pub fn main_rule(&self) -> Option<Rule> {
        Rule::ALL
            .into_iter()
            .filter(|&r| self.excluded_by.get(r) > 0)
            .max_by(|&a, &b| {
                self.excluded_by
                    .get(a)
                    .cmp(&self.excluded_by.get(b))
                    .then(b.cmp(&a))
            })
    }
}
