//! Validation and pins: a [`Problem`] checked (in parallel chunks) and turned into a
//! [`Prepared`] problem with the edges grouped by seeker, forbidden edges marked and pins
//! applied to the capacities.

use super::super::ssp::FREE;
use super::super::{AssignError, Edge, Problem, MAX_SCORE};
use rayon::prelude::*;
use std::borrow::Cow;

/// A validated problem: edges grouped by seeker, pins applied.
pub(crate) struct Prepared<'a> {
    pub n: usize,
    pub m: usize,
    pub edges: Cow<'a, [Edge]>,
    /// `row_start[i]..row_start[i + 1]` are the edges of seeker `i` in `edges`.
    pub row_start: Vec<usize>,
    /// Per edge: removed by a forbidden pair (`None` when nothing is forbidden).
    pub forbidden: Option<Vec<bool>>,
    /// Pinned buddy of each seeker, or [`FREE`].
    pub pinned_to: Vec<u32>,
    /// Score of each seeker's pin (0 when not pinned).
    pub pinned_score: Vec<i64>,
    /// Capacities left after the pins.
    pub cap: Vec<u32>,
    /// Per seeker: has at least one edge that is not forbidden.
    pub has_feasible: Vec<bool>,
    /// Lowest score of any edge (0 without edges).
    pub score_lo: i64,
    /// Highest score of any edge (0 without edges).
    pub score_hi: i64,
}

/// What one parallel chunk of edges looks like.
struct Summary {
    ok: bool,
    sorted: bool,
    first: u32,
    last: u32,
    lo: i64,
    hi: i64,
    dup: Option<Edge>,
}

pub(crate) fn prepare(p: &Problem) -> Result<Prepared<'_>, AssignError> {
    let n = p.num_seekers;
    let m = p.capacities.len();
    if !p.waiting_days.is_empty() && p.waiting_days.len() != n {
        return Err(AssignError::WaitingDaysLength {
            got: p.waiting_days.len(),
            expected: n,
        });
    }
    let seeker_ok = |s: u32| {
        if (s as usize) < n {
            Ok(s as usize)
        } else {
            Err(AssignError::SeekerOutOfRange {
                seeker: s,
                num_seekers: n,
            })
        }
    };
    let buddy_ok = |b: u32| {
        if (b as usize) < m {
            Ok(b as usize)
        } else {
            Err(AssignError::BuddyOutOfRange {
                buddy: b,
                num_buddies: m,
            })
        }
    };
    // One parallel pass: every index and score in range, grouped by seeker, score range.
    const CHUNK: usize = 1 << 15;
    let summary = p
        .edges
        .par_chunks(CHUNK)
        .map_init(
            || vec![u32::MAX; m],
            |stamp, ch| {
                let mut s = Summary {
                    ok: true,
                    sorted: true,
                    first: ch[0].seeker,
                    last: ch[ch.len() - 1].seeker,
                    lo: i64::MAX,
                    hi: i64::MIN,
                    dup: None,
                };
                let mut prev = s.first;
                for e in ch {
                    s.ok &= (e.seeker as usize) < n
                        && (e.buddy as usize) < m
                        && (-MAX_SCORE..=MAX_SCORE).contains(&e.score);
                    s.sorted &= e.seeker >= prev;
                    prev = e.seeker;
                    s.lo = s.lo.min(e.score);
                    s.hi = s.hi.max(e.score);
                    // Within a sorted chunk a seeker's edges are contiguous, so a stamp equal to
                    // the seeker means the pair was seen before (rows cut by a chunk boundary are
                    // checked again below).
                    if let Some(st) = stamp.get_mut(e.buddy as usize) {
                        if *st == e.seeker
                            && s.dup.is_none()
                            && e.seeker != s.first
                            && e.seeker != s.last
                        {
                            s.dup = Some(*e);
                        }
                        *st = e.seeker;
                    }
                }
                s
            },
        )
        .reduce_with(|a, b| Summary {
            ok: a.ok && b.ok,
            sorted: a.sorted && b.sorted && a.last <= b.first,
            first: a.first,
            last: b.last,
            lo: a.lo.min(b.lo),
            hi: a.hi.max(b.hi),
            dup: a.dup.or(b.dup),
        });
    let (sorted, score_lo, score_hi, dup) = match summary {
        None => (true, 0, 0, None),
        Some(s) if s.ok => (s.sorted, s.lo, s.hi, s.dup),
        Some(_) => {
            for e in &p.edges {
                seeker_ok(e.seeker)?;
                buddy_ok(e.buddy)?;
                if !(-MAX_SCORE..=MAX_SCORE).contains(&e.score) {
                    return Err(AssignError::ScoreOutOfRange {
                        seeker: e.seeker,
                        buddy: e.buddy,
                        score: e.score,
                    });
                }
            }
            unreachable!("a chunk reported an invalid edge")
        }
    };
    let (edges, row_start): (Cow<'_, [Edge]>, Vec<usize>) = if sorted {
        let row_start = (0..=n)
            .map(|i| p.edges.partition_point(|e| (e.seeker as usize) < i))
            .collect();
        (Cow::Borrowed(&p.edges), row_start)
    } else {
        let mut row_start = vec![0usize; n + 1];
        for e in &p.edges {
            row_start[e.seeker as usize + 1] += 1;
        }
        for i in 0..n {
            row_start[i + 1] += row_start[i];
        }
        // Stable counting sort by seeker: keeps the caller's order within a seeker.
        let mut next = row_start.clone();
        let mut out = vec![
            Edge {
                seeker: 0,
                buddy: 0,
                score: 0
            };
            p.edges.len()
        ];
        for e in &p.edges {
            let k = &mut next[e.seeker as usize];
            out[*k] = *e;
            *k += 1;
        }
        (Cow::Owned(out), row_start)
    };
    let mut stamp = vec![u32::MAX; m];
    let dup = if sorted {
        // The first and last row of each chunk may continue in another chunk: check them
        // whole. The smallest seeker with a duplicate is reported.
        let mut found = dup;
        for c in (0..edges.len()).step_by(CHUNK) {
            let end = (c + CHUNK).min(edges.len());
            for i in [edges[c].seeker, edges[end - 1].seeker] {
                if found.is_some_and(|d| d.seeker <= i) {
                    continue;
                }
                let row = &edges[row_start[i as usize]..row_start[i as usize + 1]];
                for e in row {
                    if stamp[e.buddy as usize] == i {
                        found = Some(*e);
                        break;
                    }
                    stamp[e.buddy as usize] = i;
                }
                for e in row {
                    stamp[e.buddy as usize] = u32::MAX;
                }
            }
        }
        found
    } else {
        // Stamp each buddy with the seeker that last used it (per thread).
        (0..n)
            .into_par_iter()
            .with_min_len(64)
            .map_init(
                || vec![u32::MAX; m],
                |stamp, i| {
                    for e in &edges[row_start[i]..row_start[i + 1]] {
                        let b = e.buddy as usize;
                        if stamp[b] == i as u32 {
                            return Some(*e);
                        }
                        stamp[b] = i as u32;
                    }
                    None
                },
            )
            .find_first(Option::is_some)
            .flatten()
    };
    if let Some(e) = dup {
        return Err(AssignError::DuplicateEdge {
            seeker: e.seeker,
            buddy: e.buddy,
        });
    }

    let mut has_feasible: Vec<bool> = (0..n).map(|i| row_start[i + 1] > row_start[i]).collect();
    let forbidden = if p.forbidden.is_empty() {
        None
    } else {
        let mut fb = p.forbidden.clone();
        for &(s, b) in &fb {
            seeker_ok(s)?;
            buddy_ok(b)?;
        }
        fb.sort_unstable();
        let mut dead = vec![false; edges.len()];
        let mut k = 0;
        while k < fb.len() {
            let s = fb[k].0;
            let mut end = k;
            while end < fb.len() && fb[end].0 == s {
                stamp[fb[end].1 as usize] = s;
                end += 1;
            }
            let si = s as usize;
            let mut any = false;
            for (off, e) in edges[row_start[si]..row_start[si + 1]].iter().enumerate() {
                if stamp[e.buddy as usize] == s {
                    dead[row_start[si] + off] = true;
                } else {
                    any = true;
                }
            }
            has_feasible[si] = any;
            for &(_, b) in &fb[k..end] {
                stamp[b as usize] = u32::MAX;
            }
            k = end;
        }
        Some(dead)
    };

    let mut pinned_to = vec![FREE; n];
    let mut pinned_score = vec![0i64; n];
    let mut cap = p.capacities.clone();
    for &(s, b) in &p.pinned {
        let si = seeker_ok(s)?;
        let bi = buddy_ok(b)?;
        if pinned_to[si] != FREE {
            return Err(AssignError::SeekerPinnedTwice { seeker: s });
        }
        let found = (row_start[si]..row_start[si + 1])
            .find(|&k| edges[k].buddy == b && forbidden.as_ref().map_or(true, |dead| !dead[k]));
        let Some(k) = found else {
            return Err(AssignError::PinnedPairInfeasible {
                seeker: s,
                buddy: b,
            });
        };
        if cap[bi] == 0 {
            return Err(AssignError::PinsExceedCapacity {
                buddy: b,
                capacity: p.capacities[bi],
            });
        }
        cap[bi] -= 1;
        pinned_to[si] = b;
        pinned_score[si] = edges[k].score;
    }
    Ok(Prepared {
        n,
        m,
        edges,
        row_start,
        forbidden,
        pinned_to,
        pinned_score,
        cap,
        has_feasible,
        score_lo,
        score_hi,
    })
}

impl Prepared<'_> {
    /// Whether edge `k` (of an unpinned seeker) may be used, given a minimum score.
    #[inline]
    pub(crate) fn usable(&self, k: usize, min_score: i64) -> bool {
        let e = &self.edges[k];
        self.cap[e.buddy as usize] > 0
            && e.score >= min_score
            && self.forbidden.as_ref().map_or(true, |dead| !dead[k])
    }

    /// Unpinned seekers (the rows of the optimisation).
    pub(crate) fn active(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.n).filter(|&i| self.pinned_to[i] == FREE)
    }
}
