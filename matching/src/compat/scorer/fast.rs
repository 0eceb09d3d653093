//! The fast path: the allocation-free check of one pair and the row of one seeker, which
//! pre-filters contiguous [`Pre`](super::layout::Pre) records 64 buddies at a time before
//! checking the survivors exactly.

use super::bitset::any;
use super::distance::Reach;
use super::layout::{Person, CHILD, NO_AREA, ONLINE_BIT};
use super::Scorer;

impl Scorer {
    #[inline]
    pub(super) fn fast(&self, s: usize, sp: &Person, b: usize, forbidden: &[u32]) -> Option<u16> {
        let bp = &self.buddies.people[b];
        if sp.slots & bp.slots == 0 {
            return None;
        }
        let min = self.weights.min_language_level;
        if !any(
            self.lv(&self.seekers, s, min),
            self.lv(&self.buddies, b, min),
        ) {
            return None;
        }
        if sp.flags & CHILD != 0 && bp.flags & CHILD == 0 {
            return None;
        }
        if !self.prefs_ok(s, sp, b, bp) {
            return None;
        }
        let reach = self.reach(sp, bp, false);
        if matches!(reach, Reach::TooFar { .. }) {
            return None;
        }
        if !forbidden.is_empty() && forbidden.binary_search(&(b as u32)).is_ok() {
            return None;
        }
        let total: u32 = self.points(&self.parts(s, b, reach)).iter().sum();
        // At most 1000 by construction of the budget.
        Some(total as u16)
    }

    /// Feasible buddies of seeker `s` among `range`, in buddy order, appended to `buddies`
    /// and `scores`. With a `mask` (bit `b % 64` of word `b / 64` set: buddy `b` wanted; `range`
    /// must then start at a multiple of 64) only the wanted buddies are checked.
    pub(crate) fn row(
        &self,
        s: usize,
        range: std::ops::Range<usize>,
        mask: Option<&[u64]>,
        buddies: &mut Vec<u32>,
        scores: &mut Vec<u16>,
    ) {
        let sp = &self.seekers.people[s];
        let forbidden = self.forbidden_of(s);
        let sq = self.seekers.pre[s];
        let multi = self.lang_stride > 1;
        let bg = &self.buddies;
        // Pre-filter on availability, language and distance over contiguous records; `fast`
        // re-checks everything exactly.
        let start = range.start;
        debug_assert!(mask.is_none() || start % 64 == 0);
        for (c, chunk) in bg.pre[range].chunks(64).enumerate() {
            let wanted = mask.map_or(u64::MAX, |m| m.get(start / 64 + c).copied().unwrap_or(0));
            if wanted == 0 {
                continue;
            }
            // Branch-free: one bit per buddy that passes, then visit the set bits.
            let mut keep = 0u64;
            for (i, bq) in chunk.iter().enumerate() {
                let common = bq.slots & sq.slots;
                let slot_ok = common & !ONLINE_BIT != 0;
                let lang_ok = bq.usable0 & sq.usable0 != 0;
                let online = common & ONLINE_BIT != 0;
                let same_area = sq.area != NO_AREA && sq.area == bq.area;
                let (x, y, z) = (
                    bq.xyz[0] - sq.xyz[0],
                    bq.xyz[1] - sq.xyz[1],
                    bq.xyz[2] - sq.xyz[2],
                );
                let near = x * x + y * y + z * z <= bq.far2.min(sq.far2);
                let pass = slot_ok & (lang_ok | multi) & (online | same_area | near);
                keep |= u64::from(pass) << i;
            }
            keep &= wanted;
            while keep != 0 {
                let b = start + c * 64 + keep.trailing_zeros() as usize;
                keep &= keep - 1;
                if let Some(score) = self.fast(s, sp, b, forbidden) {
                    buddies.push(b as u32);
                    scores.push(score);
                }
            }
        }
    }
}
