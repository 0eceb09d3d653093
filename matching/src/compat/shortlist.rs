//! Each seeker's best few buddies instead of every feasible pair: the memory of a run grows
//! with the number of people, not with the number of pairs.
//!
//! [`shortlist_all`] scores every pair once (in parallel, like [`score_all`](super::score_all))
//! but keeps, per seeker, only the `k` best feasible buddies, how many feasible buddies there
//! are, and the best score among those left off (a bound: no missing pair scores higher). It is
//! a [`Pricing`]: [`solve_priced`](crate::assign::solve_priced) solves on the short lists and
//! scores the missing pairs again on demand, with the exact optimum as result.

use crate::pair_hash::mix;
use rayon::prelude::*;

use super::explain::{Evaluation, ExclusionSummary};
use super::features::{Buddy, Seeker};
use super::pairs::{scan_block, NoFeasibleBuddy, BLOCK};
use super::scorer::Scorer;
use super::weights::Weights;
use crate::assign::{Buddies, Pricing};

/// `bound` of a seeker whose list holds every feasible buddy.
const COMPLETE: u16 = u16::MAX;

/// Each seeker's best `k` feasible buddies (ties broken by a fixed hash of the pair, so tied
/// seekers list different buddies), with the compiled [`Scorer`] to score any other pair.
#[derive(Debug, Clone)]
pub struct Shortlists {
    scorer: Scorer,
    /// `offsets[s]..offsets[s + 1]` are seeker `s`'s listed pairs, by buddy index.
    offsets: Vec<u32>,
    buddies: Vec<u32>,
    scores: Vec<u16>,
    /// Feasible buddies per seeker, listed or not.
    feasible: Vec<u32>,
    /// Best score among the feasible buddies left off the list, or [`COMPLETE`].
    bound: Vec<u16>,
    no_feasible: Vec<NoFeasibleBuddy>,
}

/// One seeker's best pairs so far, best first: `(score, hash, buddy)` ordered by score
/// descending, then hash.
struct Best {
    keep: usize,
    items: Vec<(u16, u64, u32)>,
    count: u32,
}

impl Best {
    fn new(keep: usize) -> Self {
        Self {
            keep,
            items: Vec::with_capacity(keep + 1),
            count: 0,
        }
    }

    fn offer(&mut self, seeker: usize, buddy: u32, score: u16) {
        self.count += 1;
        if self.items.len() == self.keep {
            let worst = self.items[self.keep - 1];
            if score < worst.0 {
                return;
            }
            let h = mix(seeker as u64, u64::from(buddy));
            if score == worst.0 && h >= worst.1 {
                return;
            }
            self.items.pop();
            self.insert(score, h, buddy);
        } else {
            self.insert(score, mix(seeker as u64, u64::from(buddy)), buddy);
        }
    }

    fn insert(&mut self, score: u16, h: u64, buddy: u32) {
        let pos = self
            .items
            .partition_point(|x| (x.0, std::cmp::Reverse(x.1)) > (score, std::cmp::Reverse(h)));
        self.items.insert(pos, (score, h, buddy));
    }
}

/// Scores every seeker against every buddy in parallel and keeps each seeker's `k` best
/// feasible buddies (`k >= 1`). `forbidden` pairs are `(seeker index, buddy index)`.
///
/// Time as [`score_all`](super::score_all); memory `O(seekers · k + buddies)`.
///
/// ```
/// use matching::assign::Pricing;
/// use matching::compat::{shortlist_all, Buddy, Profile, Seeker, Weights};
/// let p = |lang: &str| -> Result<Profile, matching::compat::FeatureError> {
///     Ok(Profile::new().speaks(lang, "native")?.slots(["mon_evening"])?.online_ok(true))
/// };
/// let seekers = vec![Seeker::new(p("de")?), Seeker::new(p("ti")?)];
/// let buddies = vec![Buddy::new(p("de")?), Buddy::new(p("de")?), Buddy::new(p("en")?)];
/// let lists = shortlist_all(&seekers, &buddies, &Weights::default(), &[], 1);
/// assert_eq!(lists.of_seeker(0).count(), 1);
/// assert_eq!(lists.feasible_of(0), 2);
/// assert!(lists.missing_bound(0).is_some());
/// assert_eq!(lists.no_feasible()[0].seeker, 1);
/// # Ok::<(), matching::compat::FeatureError>(())
/// ```
#[must_use]
pub fn shortlist_all(
    seekers: &[Seeker],
    buddies: &[Buddy],
    weights: &Weights,
    forbidden: &[(u32, u32)],
    k: usize,
) -> Shortlists {
    Shortlists::compute(Scorer::new(seekers, buddies, weights, forbidden), k.max(1))
}

impl Shortlists {
    fn compute(scorer: Scorer, k: usize) -> Self {
        let n = scorer.num_seekers();
        let starts: Vec<usize> = (0..n).step_by(BLOCK).collect();
        let blocks: Vec<Vec<Best>> = starts
            .par_iter()
            .map(|&first| {
                let end = (first + BLOCK).min(n);
                let mut best: Vec<Best> = (first..end).map(|_| Best::new(k + 1)).collect();
                scan_block(&scorer, first, |i, buddies, scores| {
                    for (&b, &score) in buddies.iter().zip(scores) {
                        best[i].offer(first + i, b, score);
                    }
                });
                best
            })
            .collect();
        let mut lists = Self {
            offsets: Vec::with_capacity(n + 1),
            buddies: Vec::with_capacity(n * k),
            scores: Vec::with_capacity(n * k),
            feasible: Vec::with_capacity(n),
            bound: Vec::with_capacity(n),
            no_feasible: Vec::new(),
            scorer,
        };
        lists.offsets.push(0);
        let mut empty = Vec::new();
        for (s, mut best) in blocks.into_iter().flatten().enumerate() {
            let bound = if best.items.len() > k {
                best.items.pop().map_or(COMPLETE, |x| x.0)
            } else {
                COMPLETE
            };
            best.items.sort_unstable_by_key(|x| x.2);
            for (score, _, b) in best.items {
                lists.buddies.push(b);
                lists.scores.push(score);
            }
            // At most `k` per seeker: fits unless `n * k` exceeds u32, which memory rules out.
            lists.offsets.push(lists.buddies.len() as u32);
            lists.feasible.push(best.count);
            lists.bound.push(bound);
            if best.count == 0 {
                empty.push(s as u32);
            }
        }
        lists.no_feasible = empty
            .par_iter()
            .map(|&s| NoFeasibleBuddy {
                seeker: s,
                summary: lists.scorer.summarise(s as usize),
            })
            .collect();
        lists
    }

    /// The listed `(buddy, score)` of seeker `s`, by buddy index (empty if out of range).
    pub fn of_seeker(&self, s: usize) -> impl ExactSizeIterator<Item = (u32, u16)> + '_ {
        let (a, b) = match (self.offsets.get(s), self.offsets.get(s + 1)) {
            (Some(&a), Some(&b)) => (a as usize, b as usize),
            _ => (0, 0),
        };
        self.buddies[a..b]
            .iter()
            .copied()
            .zip(self.scores[a..b].iter().copied())
    }

    /// How many feasible buddies seeker `s` has, listed or not (0 if out of range).
    #[must_use]
    pub fn feasible_of(&self, s: usize) -> u32 {
        self.feasible.get(s).copied().unwrap_or(0)
    }

    /// Feasible pairs in all, listed or not.
    #[must_use]
    pub fn feasible_pairs(&self) -> u64 {
        self.feasible.iter().map(|&c| u64::from(c)).sum()
    }

    /// Listed pairs in all.
    #[must_use]
    pub fn listed_pairs(&self) -> usize {
        self.buddies.len()
    }

    /// Seekers with no feasible buddy, by seeker index, each with its exclusion counts.
    #[must_use]
    pub fn no_feasible(&self) -> &[NoFeasibleBuddy] {
        &self.no_feasible
    }

    /// The compiled run.
    #[must_use]
    pub fn scorer(&self) -> &Scorer {
        &self.scorer
    }

    /// The score of any pair if feasible (listed or not).
    #[must_use]
    pub fn score(&self, s: usize, b: usize) -> Option<u16> {
        self.scorer.score(s, b)
    }

    /// The full explanation of a pair, computed on demand (see [`Scorer::evaluate`]).
    #[must_use]
    pub fn explain(&self, s: usize, b: usize) -> Option<Evaluation> {
        self.scorer.evaluate(s, b)
    }

    /// The exclusion counts of seeker `s` over all buddies (see [`Scorer::summarise`]).
    #[must_use]
    pub fn summarise(&self, s: usize) -> ExclusionSummary {
        self.scorer.summarise(s)
    }
}

impl Pricing for Shortlists {
    fn score_range(&self) -> (i64, i64) {
        (0, 1000)
    }

    fn missing_bound(&self, seeker: u32) -> Option<i64> {
        match self.bound.get(seeker as usize) {
            Some(&b) if b != COMPLETE => Some(i64::from(b)),
            _ => None,
        }
    }

    fn edges_to(&self, seeker: u32, buddies: Buddies<'_>, out: &mut Vec<(u32, i64)>) {
        let s = seeker as usize;
        if s >= self.scorer.num_seekers() {
            return;
        }
        let mask = match buddies {
            Buddies::All => None,
            Buddies::Only(set) => Some(set),
        };
        let (mut bs, mut sc) = (Vec::new(), Vec::new());
        self.scorer
            .row(s, 0..self.scorer.num_buddies(), mask, &mut bs, &mut sc);
        out.extend(bs.into_iter().zip(sc.into_iter().map(i64::from)));
    }
}
