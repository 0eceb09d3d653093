//! Scoring every seeker against every buddy, in parallel, keeping only the feasible pairs.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::explain::{Evaluation, ExclusionSummary};
use super::features::{Buddy, Seeker};
use super::scorer::Scorer;
use super::weights::Weights;

/// Seekers per block: the unit of parallel work and of storage.
pub(super) const BLOCK: usize = 64;
/// Buddies per tile: a tile's records (about 150 bytes each) stay in the L2 cache.
const TILE: usize = 1024;

/// A feasible pair and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Pair {
    /// Seeker index.
    pub seeker: u32,
    /// Buddy index.
    pub buddy: u32,
    /// Score, `0..=1000`.
    pub score: u16,
}

/// A seeker with no feasible buddy at all, and how many buddies each rule excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NoFeasibleBuddy {
    /// Seeker index.
    pub seeker: u32,
    /// Exclusion counts over all buddies.
    pub summary: ExclusionSummary,
}

/// The feasible pairs of a block of seekers, in CSR form.
#[derive(Debug, Clone, Default)]
struct Block {
    /// `offsets[i]..offsets[i + 1]` are the pairs of the block's seeker `i`.
    offsets: Vec<u32>,
    buddies: Vec<u32>,
    scores: Vec<u16>,
}

/// The feasible pairs of a run: 6 bytes per feasible pair (buddy index and score, grouped by
/// seeker) plus the compiled [`Scorer`] to explain any pair on demand.
///
/// Ordered by seeker, then buddy; identical for the same input whatever the number of threads.
#[derive(Debug, Clone)]
pub struct ScoredPairs {
    scorer: Scorer,
    blocks: Vec<Block>,
    len: usize,
    no_feasible: Vec<NoFeasibleBuddy>,
}

/// Scores every seeker against every buddy in parallel (rayon) and keeps the feasible pairs.
/// `forbidden` pairs are `(seeker index, buddy index)`.
///
/// Each seeker without any feasible buddy gets an [`ExclusionSummary`]
/// ([`ScoredPairs::no_feasible`]).
///
/// Time `O(seekers · buddies)` with a small constant (bit operations; distances only for pairs
/// passing the cheaper rules), memory `O(seekers + buddies + feasible pairs)`.
///
/// ```
/// use matching::compat::{score_all, Buddy, Profile, Seeker, Weights};
/// let p = |lang: &str| -> Result<Profile, matching::compat::FeatureError> {
///     Ok(Profile::new().speaks(lang, "native")?.slots(["mon_evening"])?.online_ok(true))
/// };
/// let seekers = vec![Seeker::new(p("de")?), Seeker::new(p("ti")?)];
/// let buddies = vec![Buddy::new(p("de")?), Buddy::new(p("en")?)];
/// let pairs = score_all(&seekers, &buddies, &Weights::default(), &[]);
/// assert_eq!(pairs.len(), 1);
/// assert_eq!(pairs.iter().next().map(|p| (p.seeker, p.buddy)), Some((0, 0)));
/// // Seeker 1 speaks no language any buddy speaks.
/// let none = pairs.no_feasible();
/// assert_eq!(none[0].seeker, 1);
/// assert_eq!(none[0].summary.excluded_by.no_common_language, 2);
/// # Ok::<(), matching::compat::FeatureError>(())
/// ```
#[must_use]
pub fn score_all(
    seekers: &[Seeker],
    buddies: &[Buddy],
    weights: &Weights,
    forbidden: &[(u32, u32)],
) -> ScoredPairs {
    ScoredPairs::compute(Scorer::new(seekers, buddies, weights, forbidden), true)
}

/// [`score_all`] on the current thread only (same result); for callers already running in
/// parallel, and for tests.
#[must_use]
pub fn score_all_sequential(
    seekers: &[Seeker],
    buddies: &[Buddy],
    weights: &Weights,
    forbidden: &[(u32, u32)],
) -> ScoredPairs {
    ScoredPairs::compute(Scorer::new(seekers, buddies, weights, forbidden), false)
}

/// Scores the block of seekers `first..first + BLOCK`, tile by tile of buddies so that the
/// buddies' records stay in cache while the block's seekers run over them; `visit` gets each
/// seeker's (offset in the block) feasible buddies and scores of one tile, in buddy order.
pub(super) fn scan_block(
    scorer: &Scorer,
    first: usize,
    mut visit: impl FnMut(usize, &[u32], &[u16]),
) {
    let end = (first + BLOCK).min(scorer.num_seekers());
    let m = scorer.num_buddies();
    let (mut buddies, mut scores) = (Vec::new(), Vec::new());
    for lo in (0..m).step_by(TILE) {
        let hi = (lo + TILE).min(m);
        for s in first..end {
            buddies.clear();
            scores.clear();
            scorer.row(s, lo..hi, None, &mut buddies, &mut scores);
            visit(s - first, &buddies, &scores);
        }
    }
}

/// The feasible pairs of the block of seekers starting at `first`.
fn block(scorer: &Scorer, first: usize) -> Block {
    let end = (first + BLOCK).min(scorer.num_seekers());
    let mut rows: Vec<(Vec<u32>, Vec<u16>)> = vec![(Vec::new(), Vec::new()); end - first];
    scan_block(scorer, first, |i, buddies, scores| {
        rows[i].0.extend_from_slice(buddies);
        rows[i].1.extend_from_slice(scores);
    });
    let total = rows.iter().map(|r| r.0.len()).sum();
    let mut b = Block {
        offsets: Vec::with_capacity(end - first + 1),
        buddies: Vec::with_capacity(total),
        scores: Vec::with_capacity(total),
    };
    b.offsets.push(0);
    for (buddies, scores) in rows {
        b.buddies.extend_from_slice(&buddies);
        b.scores.extend_from_slice(&scores);
        // At most 64 seekers times u32::MAX buddies: buddy indices are u32, so this fits
        // unless a block holds more than 4e9 pairs, which memory rules out long before.
        b.offsets.push(b.buddies.len() as u32);
    }
    b
}

impl ScoredPairs {
    /// Scores all pairs of a compiled run, in parallel or not.
    #[must_use]
    pub fn compute(scorer: Scorer, parallel: bool) -> Self {
        let starts: Vec<usize> = (0..scorer.num_seekers()).step_by(BLOCK).collect();
        let blocks: Vec<Block> = if parallel {
            starts.par_iter().map(|&f| block(&scorer, f)).collect()
        } else {
            starts.iter().map(|&f| block(&scorer, f)).collect()
        };
        let len = blocks.iter().map(|b| b.buddies.len()).sum();
        let empty: Vec<u32> = blocks
            .iter()
            .enumerate()
            .flat_map(|(k, b)| {
                b.offsets
                    .windows(2)
                    .enumerate()
                    .filter(|(_, w)| w[0] == w[1])
                    .map(move |(i, _)| (k * BLOCK + i) as u32)
            })
            .collect();
        let summarise = |&s: &u32| NoFeasibleBuddy {
            seeker: s,
            summary: scorer.summarise(s as usize),
        };
        let no_feasible = if parallel {
            empty.par_iter().map(summarise).collect()
        } else {
            empty.iter().map(summarise).collect()
        };
        Self {
            scorer,
            blocks,
            len,
            no_feasible,
        }
    }

    /// Number of feasible pairs.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there is no feasible pair.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The compiled run (for [`Scorer::evaluate`] and [`Scorer::summarise`]).
    #[must_use]
    pub fn scorer(&self) -> &Scorer {
        &self.scorer
    }

    fn slices(&self, s: usize) -> (&[u32], &[u16]) {
        match self.blocks.get(s / BLOCK) {
            Some(b) if s % BLOCK + 1 < b.offsets.len() => {
                let (i, j) = (
                    b.offsets[s % BLOCK] as usize,
                    b.offsets[s % BLOCK + 1] as usize,
                );
                (&b.buddies[i..j], &b.scores[i..j])
            }
            _ => (&[], &[]),
        }
    }

    /// Feasible `(buddy, score)` of seeker `s`, by buddy index (empty if out of range).
    pub fn of_seeker(&self, s: usize) -> impl ExactSizeIterator<Item = (u32, u16)> + '_ {
        let (b, sc) = self.slices(s);
        b.iter().copied().zip(sc.iter().copied())
    }

    /// The score of a pair, if feasible. `O(log buddies)`.
    #[must_use]
    pub fn get(&self, s: usize, b: u32) -> Option<u16> {
        let (bs, sc) = self.slices(s);
        bs.binary_search(&b).ok().map(|i| sc[i])
    }

    /// All feasible pairs, by seeker then buddy.
    pub fn iter(&self) -> impl Iterator<Item = Pair> + '_ {
        self.blocks.iter().enumerate().flat_map(|(k, b)| {
            b.offsets.windows(2).enumerate().flat_map(move |(i, w)| {
                let seeker = (k * BLOCK + i) as u32;
                let (lo, hi) = (w[0] as usize, w[1] as usize);
                b.buddies[lo..hi]
                    .iter()
                    .zip(&b.scores[lo..hi])
                    .map(move |(&buddy, &score)| Pair {
                        seeker,
                        buddy,
                        score,
                    })
            })
        })
    }

    /// Seekers with no feasible buddy, by seeker index, each with its exclusion counts.
    #[must_use]
    pub fn no_feasible(&self) -> &[NoFeasibleBuddy] {
        &self.no_feasible
    }

    /// The full explanation of a pair, computed on demand (see [`Scorer::evaluate`]); `None`
    /// for out-of-range indices.
    #[must_use]
    pub fn explain(&self, s: usize, b: usize) -> Option<Evaluation> {
        self.scorer.evaluate(s, b)
    }

    /// Heap bytes used by the pairs (not counting the scorer).
    #[must_use]
    pub fn pair_bytes(&self) -> usize {
        self.blocks
            .iter()
            .map(|b| b.offsets.capacity() * 4 + b.buddies.capacity() * 4 + b.scores.capacity() * 2)
            .sum()
    }
}
