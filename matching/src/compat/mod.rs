//! Compatibility of a seeker and a buddy: features, hard rules, scores and explanations.
//!
//! # Pipeline
//!
//! 1. **Features** ([`Seeker`], [`Buddy`], both around a [`Profile`]): spoken languages with a
//!    CEFR level ([`Lang`], [`Level`]), languages to practise, interest tags, weekly
//!    availability ([`Slots`]), location and travel radius, online, age, household, gender and
//!    stated [`Preferences`], what each would like to share and to learn ([`Domains`]),
//!    waiting days, capacity and child-safeguarding clearance. There is no field for
//!    nationality, religion, ethnicity or legal status, and no "same background" score.
//! 2. **Hard rules** decide feasibility; each failing rule is an [`Exclusion`]:
//!    * no language both speak at [`Weights::min_language_level`] or higher (default A2);
//!    * no common weekly slot;
//!    * too far: distance (0 km in the same area, else great-circle between coordinates;
//!      unknown otherwise) above the smaller travel radius, unless both are fine online;
//!    * a stated preference of either side not met: the other's gender, family with family,
//!      the other's age range, "outside my language community" (the other has none of my
//!      native languages at native level);
//!    * a minor seeker with a buddy without child-safeguarding clearance;
//!    * a pair the caller forbids.
//! 3. **Score** of a feasible pair, `0..=1000`: a weighted sum of components (see
//!    [`Weights`]), every point traced to a [`Reason`] in an [`Explanation`] whose points sum
//!    to the score exactly.
//! 4. **All pairs** in parallel: [`score_all`] returns the feasible pairs only
//!    ([`ScoredPairs`], 6 bytes per pair), explanations on demand, and an
//!    [`ExclusionSummary`] for each seeker with no feasible buddy. For large runs
//!    [`shortlist_all`] keeps only each seeker's best buddies ([`Shortlists`]) and scores the
//!    others again on demand.
//!
//! # Complexity
//!
//! Compiling a run ([`Scorer::new`]) is linear in the size of the features. Checking a pair is
//! `O(1)` for a run with at most 64 distinct languages and 64 interest tags (one `u64` word
//! each; `O(words)` beyond); the great-circle distance is only computed when the bitmask
//! rules pass and a chord-length bound cannot rule the pair out. Everything is integer except
//! the distance, which is computed the same way on every thread, so results are deterministic.
//!
//! # Example
//!
//! ```
//! use matching::compat::{Buddy, Evaluation, Profile, Reason, Scorer, Seeker, Weights};
//!
//! let seeker = Seeker::new(
//!     Profile::new()
//!         .speaks("ar", "native")?
//!         .speaks("de", "A2")?
//!         .practises("de")?
//!         .interests(["chess", "cooking"])
//!         .slots(["sat_morning", "sun_morning"])?
//!         .area("nord")
//!         .learns(["work"])?
//!         .shares(["culture"])?,
//! );
//! let buddy = Buddy::new(
//!     Profile::new()
//!         .speaks("de", "native")?
//!         .speaks("ar", "B1")?
//!         .interests(["Chess", "football"])
//!         .slots(["sat_morning"])?
//!         .area("nord")
//!         .shares(["work"])?,
//! );
//! let scorer = Scorer::new(&[seeker], &[buddy], &Weights::default(), &[]);
//! let Some(Evaluation::Feasible { explanation }) = scorer.evaluate(0, 0) else {
//!     panic!("feasible")
//! };
//! assert_eq!(explanation.items.iter().map(|i| i.points).sum::<u32>(), u32::from(explanation.score));
//! assert!(explanation.items.iter().any(|i| i.reason == Reason::SharedInterests { tags: vec!["chess".into()] }));
//! # Ok::<(), matching::compat::FeatureError>(())
//! ```

mod explain;
mod features;
mod pairs;
mod scorer;
mod shortlist;
mod weights;

pub use explain::{
    Evaluation, Exclusion, ExclusionSummary, Explanation, Item, Preference, Reason, Rule,
    RuleCounts, Side,
};
pub use features::{
    normalise_tag, Buddy, Coords, Domain, Domains, FeatureError, Gender, Household, Lang, Level,
    Location, Preferences, Profile, Seeker, Slots, EARTH_RADIUS_KM,
};
pub use pairs::{score_all, score_all_sequential, NoFeasibleBuddy, Pair, ScoredPairs};
pub use scorer::Scorer;
pub use shortlist::{shortlist_all, Shortlists};
pub use weights::{Weights, AGE_SCALE_YEARS, INTERESTS_CAP, RECIPROCITY_CAP, SLOTS_CAP};

/// Checks a single pair with the full rules and explanation.
///
/// For many pairs build one [`Scorer`] (or use [`score_all`]) instead: this compiles the two
/// records each time.
#[must_use]
pub fn evaluate(seeker: &Seeker, buddy: &Buddy, weights: &Weights) -> Evaluation {
    Scorer::new(
        std::slice::from_ref(seeker),
        std::slice::from_ref(buddy),
        weights,
        &[],
    )
    .evaluate(0, 0)
    .unwrap_or(Evaluation::Excluded {
        exclusions: Vec::new(),
    })
}
