//! The compiled scorer: feature records interned into flat bitsets, the hard rules, the score
//! and its explanation.
//!
//! [`Scorer::new`] interns the languages, interest tags and areas of one run into dense ids
//! (sorted, so ids follow code order and results never depend on input order of unrelated
//! records) and lays every person out as a small fixed-size record plus a few `u64` words of
//! bitsets. The pair check then costs a handful of ANDs and popcounts; the trigonometry of a
//! distance is only done when the cheap rules pass and a chord-length pre-check could not
//! already prove the pair too far apart.
//!
//! The fast path ([`Scorer::score`]) and the full path ([`Scorer::evaluate`]) share one
//! function for the score components and one for their points, so an explanation always sums
//! exactly to the score the fast path stored.
//!
//! - `layout`: how a run is compiled: the per-person records, bitsets and pre-filter records;
//! - `bitset`: the word-set helpers the pair check is made of;
//! - `distance`: how two people can meet (in person within the travel radius, online, or not);
//! - `rules`: the hard rules, as a mask for counting and as [`Exclusion`](super::Exclusion)s;
//! - `fast`: the pre-filtered, allocation-free pair loop over one seeker's buddies;
//! - `points`: the score components, their point tables and the explanation.

mod bitset;
mod distance;
mod fast;
mod layout;
mod points;
mod rules;

use super::explain::{Evaluation, ExclusionSummary, Rule};
use super::features::{Buddy, Lang, Level, Seeker};
use super::weights::Weights;
use layout::{vocabulary, Compile, Group, LEVELS};
use points::Tables;

/// All features of one run compiled for fast pair checks, with the weights and the forbidden
/// pairs. Cheap to keep around for [`Scorer::evaluate`] on demand: memory is linear in the
/// number of people.
///
/// ```
/// use matching::compat::{Buddy, Profile, Scorer, Seeker, Weights};
/// let seeker = Seeker::new(Profile::new().speaks("uk", "native")?.speaks("de", "A2")?.slots(["sat_morning"])?.area("mitte"));
/// let buddy = Buddy::new(Profile::new().speaks("de", "native")?.slots(["sat_morning", "sun_morning"])?.area("mitte"));
/// let scorer = Scorer::new(&[seeker], &[buddy], &Weights::default(), &[]);
/// let ev = scorer.evaluate(0, 0).expect("indices in range");
/// assert_eq!(ev.score(), scorer.score(0, 0));
/// assert!(ev.score().is_some());
/// # Ok::<(), matching::compat::FeatureError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Scorer {
    seekers: Group,
    buddies: Group,
    lang_stride: usize,
    tag_stride: usize,
    langs: Vec<Lang>,
    tags: Vec<String>,
    weights: Weights,
    tables: Tables,
    /// CSR of forbidden buddies per seeker, sorted.
    forbidden_start: Vec<u32>,
    forbidden: Vec<u32>,
}

impl Scorer {
    /// Compiles a run. `forbidden` pairs are `(seeker index, buddy index)`; out-of-range pairs
    /// are ignored.
    ///
    /// Time and memory `O(people · (languages + tags) / 64 + forbidden)`.
    #[must_use]
    pub fn new(
        seekers: &[Seeker],
        buddies: &[Buddy],
        weights: &Weights,
        forbidden: &[(u32, u32)],
    ) -> Self {
        let profiles = || {
            seekers
                .iter()
                .map(|s| &s.profile)
                .chain(buddies.iter().map(|b| &b.profile))
        };
        let (langs, lang_ids) = vocabulary(profiles().flat_map(|p| {
            p.languages
                .iter()
                .map(|(l, _)| *l)
                .chain(p.practise.iter().copied())
        }));
        let (tags, tag_ids) = vocabulary(profiles().flat_map(|p| p.interests.iter().cloned()));
        let (_, area_ids) = vocabulary(profiles().filter_map(|p| p.location.area.clone()));
        let lang_stride = langs.len().div_ceil(64).max(1);
        let tag_stride = tags.len().div_ceil(64).max(1);
        let cx = Compile {
            lang_ids: &lang_ids,
            tag_ids: &tag_ids,
            area_ids: &area_ids,
            lang_stride,
            tag_stride,
            min: weights.min_language_level,
        };
        let seekers_c = cx.group(seekers.iter().map(|s| (&s.profile, s.minor)));
        let buddies_c = cx.group(buddies.iter().map(|b| (&b.profile, b.child_clearance)));

        let n = seekers.len();
        let mut pairs: Vec<(u32, u32)> = forbidden
            .iter()
            .copied()
            .filter(|&(s, b)| (s as usize) < n && (b as usize) < buddies.len())
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let mut forbidden_start = vec![0u32; n + 1];
        for &(s, _) in &pairs {
            forbidden_start[s as usize + 1] += 1;
        }
        for i in 0..n {
            forbidden_start[i + 1] += forbidden_start[i];
        }
        Self {
            seekers: seekers_c,
            buddies: buddies_c,
            lang_stride,
            tag_stride,
            langs,
            tags,
            tables: Tables::new(weights.budget(), weights.min_language_level),
            weights: weights.clone(),
            forbidden_start,
            forbidden: pairs.into_iter().map(|(_, b)| b).collect(),
        }
    }

    /// Number of seekers.
    #[must_use]
    pub fn num_seekers(&self) -> usize {
        self.seekers.people.len()
    }

    /// Number of buddies.
    #[must_use]
    pub fn num_buddies(&self) -> usize {
        self.buddies.people.len()
    }

    /// The weights in use.
    #[must_use]
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    fn lv<'a>(&self, g: &'a Group, p: usize, level: Level) -> &'a [u64] {
        let at = (p * LEVELS + level as usize) * self.lang_stride;
        &g.levels[at..at + self.lang_stride]
    }

    fn practise<'a>(&self, g: &'a Group, p: usize) -> &'a [u64] {
        &g.practise[p * self.lang_stride..(p + 1) * self.lang_stride]
    }

    fn tag_set<'a>(&self, g: &'a Group, p: usize) -> &'a [u64] {
        &g.tags[p * self.tag_stride..(p + 1) * self.tag_stride]
    }

    fn forbidden_of(&self, s: usize) -> &[u32] {
        let (a, b) = (
            self.forbidden_start[s] as usize,
            self.forbidden_start[s + 1] as usize,
        );
        &self.forbidden[a..b]
    }

    /// The fast check of one pair: `Some(score)` if feasible. Out-of-range indices give
    /// `None`.
    #[must_use]
    pub fn score(&self, s: usize, b: usize) -> Option<u16> {
        if s >= self.num_seekers() || b >= self.num_buddies() {
            return None;
        }
        self.fast(s, &self.seekers.people[s], b, self.forbidden_of(s))
    }

    /// The full check of one pair: its score with every reason and the points each
    /// contributes, or every hard rule that excludes it. `None` for out-of-range indices.
    ///
    /// Agrees with [`Scorer::score`]: same feasibility, same score.
    #[must_use]
    pub fn evaluate(&self, s: usize, b: usize) -> Option<Evaluation> {
        if s >= self.num_seekers() || b >= self.num_buddies() {
            return None;
        }
        let (exclusions, reach) = self.exclusions(s, b);
        if !exclusions.is_empty() {
            return Some(Evaluation::Excluded { exclusions });
        }
        let parts = self.parts(s, b, reach);
        let pts = self.points(&parts);
        Some(Evaluation::Feasible {
            explanation: self.explanation(s, b, &parts, &pts),
        })
    }

    /// How many buddies each hard rule excludes for seeker `s` (every buddy checked with the
    /// full rules). `O(buddies)`. Out-of-range `s` gives an empty summary.
    #[must_use]
    pub fn summarise(&self, s: usize) -> ExclusionSummary {
        let mut sum = ExclusionSummary::default();
        if s >= self.num_seekers() {
            return sum;
        }
        for b in 0..self.num_buddies() {
            sum.buddies += 1;
            let mask = self.check(s, b, false).mask;
            for (i, rule) in Rule::ALL.into_iter().enumerate() {
                if mask & (1 << i) != 0 {
                    sum.excluded_by.add(rule);
                    if mask.count_ones() == 1 {
                        sum.only_rule.add(rule);
                    }
                }
            }
        }
        sum
    }
}
