//! Scoring a feasible pair: the raw components ([`Parts`]), the point tables precomputed
//! from the weights ([`Tables`]), and the [`Explanation`] whose points sum to the score.

use super::bitset::{bits, count, first};
use super::distance::Reach;
use super::layout::{HAS_AGE, LEVELS};
use super::Scorer;
use crate::compat::explain::{Explanation, Item, Reason, Side};
use crate::compat::features::{Domain, Level};
#[cfg(doc)]
use crate::compat::weights::Weights;
use crate::compat::weights::{
    AGE_SCALE_YEARS, COMPONENTS, INTERESTS_CAP, RECIPROCITY_CAP, SLOTS_CAP,
};

/// The raw quantities behind a feasible pair's score.
#[derive(Debug, Clone, Copy)]
pub(super) struct Parts {
    pub(super) level: Level,
    pub(super) lang: usize,
    pub(super) tags: u32,
    pub(super) slots: u32,
    pub(super) reach: Reach,
    pub(super) learn: u32,
    pub(super) teach: u32,
    pub(super) practise_seeker: Option<usize>,
    pub(super) practise_buddy: Option<usize>,
    pub(super) age_diff: Option<u32>,
}

/// Points by small counts, precomputed from the budget so that scoring a pair divides at most
/// once (distance). Each entry is `floor(budget * fraction)`; see [`Weights`].
#[derive(Debug, Clone, Default)]
pub(super) struct Tables {
    /// By the lower level of the best common language (entries below the minimum unused).
    pub(super) language: [u32; LEVELS],
    pub(super) interests: [u32; INTERESTS_CAP as usize + 1],
    pub(super) slots: [u32; SLOTS_CAP as usize + 1],
    /// Full distance points.
    pub(super) distance: u32,
    /// By capped domain counts (seeker learns, seeker teaches): the points of each direction,
    /// together `floor(budget * (l + t) / 4)`, split in proportion.
    pub(super) reciprocity:
        [[(u32, u32); RECIPROCITY_CAP as usize + 1]; RECIPROCITY_CAP as usize + 1],
    /// By (seeker practises, buddy practises): the points of each, together
    /// `floor(budget * (ds + db) / 2)`, an odd point to the seeker.
    pub(super) practice: [[(u32, u32); 2]; 2],
    /// By capped age difference.
    pub(super) age: [u32; AGE_SCALE_YEARS as usize + 1],
}

impl Tables {
    pub(super) fn new(budget: [u32; COMPONENTS], min: Level) -> Self {
        // budget <= 1000 and num <= den: the result is at most 1000.
        let frac = |budget: u32, num: u32, den: u32| -> u32 {
            (u64::from(budget) * u64::from(num))
                .checked_div(u64::from(den))
                .map_or(0, |x| x as u32)
        };
        let mut t = Self {
            distance: budget[3],
            ..Self::default()
        };
        let min_rank = u32::from(min.rank());
        for level in Level::ALL.into_iter().filter(|&l| l >= min) {
            t.language[level as usize] = frac(
                budget[0],
                u32::from(level.rank()) - min_rank + 1,
                6 - min_rank + 1,
            );
        }
        for (n, x) in t.interests.iter_mut().enumerate() {
            *x = frac(budget[1], n as u32, INTERESTS_CAP);
        }
        for (n, x) in t.slots.iter_mut().enumerate() {
            *x = frac(budget[2], n as u32, SLOTS_CAP);
        }
        for (l, row) in t.reciprocity.iter_mut().enumerate() {
            for (k, x) in row.iter_mut().enumerate() {
                let (l, k) = (l as u32, k as u32);
                let total = frac(budget[4], l + k, 2 * RECIPROCITY_CAP);
                let learn = frac(total, l, l + k);
                *x = (learn, total - learn);
            }
        }
        for (ds, row) in t.practice.iter_mut().enumerate() {
            for (db, x) in row.iter_mut().enumerate() {
                let total = frac(budget[5], (ds + db) as u32, 2);
                *x = match (ds, db) {
                    (1, 1) => (total - total / 2, total / 2),
                    (1, _) => (total, 0),
                    _ => (0, total),
                };
            }
        }
        for (d, x) in t.age.iter_mut().enumerate() {
            *x = frac(budget[6], AGE_SCALE_YEARS - d as u32, AGE_SCALE_YEARS);
        }
        t
    }
}

/// Points per explanation group: language, interests, slots, distance, learn, teach,
/// seeker practises, buddy practises, age.
pub(super) type Points = [u32; 9];

impl Scorer {
    /// Components of a pair known to be feasible, `reach` in person or online.
    pub(super) fn parts(&self, s: usize, b: usize, reach: Reach) -> Parts {
        let (sg, bg) = (&self.seekers, &self.buddies);
        let (sp, bp) = (&sg.people[s], &bg.people[b]);
        let min = self.weights.min_language_level;
        let mut level = min;
        let mut lang = first(self.lv(sg, s, min), self.lv(bg, b, min)).unwrap_or(0);
        for &l in Level::ALL.iter().rev() {
            if l <= min {
                break;
            }
            if let Some(id) = first(self.lv(sg, s, l), self.lv(bg, b, l)) {
                level = l;
                lang = id;
                break;
            }
        }
        let well = self.weights.practise_level;
        Parts {
            level,
            lang,
            tags: count(self.tag_set(sg, s), self.tag_set(bg, b)),
            slots: (sp.slots & bp.slots).count_ones(),
            reach,
            learn: (sp.learns & bp.shares).count_ones(),
            teach: (sp.shares & bp.learns).count_ones(),
            practise_seeker: first(self.practise(sg, s), self.lv(bg, b, well)),
            practise_buddy: first(self.practise(bg, b), self.lv(sg, s, well)),
            age_diff: (sp.flags & bp.flags & HAS_AGE != 0)
                .then(|| u32::from(sp.age.abs_diff(bp.age))),
        }
    }

    pub(super) fn points(&self, p: &Parts) -> Points {
        let t = &self.tables;
        let distance = match p.reach {
            Reach::InPerson { m: 0, limit_m: 0 } => t.distance,
            Reach::InPerson { limit_m: 0, .. } => 0,
            // Exact: both operands are integers below 2^53 and the quotient is at most 1000,
            // so the correctly rounded quotient never crosses the next integer.
            Reach::InPerson { m, limit_m } => {
                (f64::from(t.distance) * f64::from(limit_m.saturating_sub(m)) / f64::from(limit_m))
                    .floor() as u32
            }
            _ => 0,
        };
        let cap = |x: u32, c: u32| x.min(c) as usize;
        let (learn, teach) =
            t.reciprocity[cap(p.learn, RECIPROCITY_CAP)][cap(p.teach, RECIPROCITY_CAP)];
        let (practise_seeker, practise_buddy) = t.practice
            [usize::from(p.practise_seeker.is_some())][usize::from(p.practise_buddy.is_some())];
        [
            t.language[p.level as usize],
            t.interests[cap(p.tags, INTERESTS_CAP)],
            t.slots[cap(p.slots, SLOTS_CAP)],
            distance,
            learn,
            teach,
            practise_seeker,
            practise_buddy,
            p.age_diff.map_or(0, |d| t.age[cap(d, AGE_SCALE_YEARS)]),
        ]
    }

    pub(super) fn explanation(&self, s: usize, b: usize, p: &Parts, pts: &Points) -> Explanation {
        let (sp, bp) = (&self.seekers.people[s], &self.buddies.people[b]);
        let mut items = Vec::new();
        let mut push = |reason, points| items.push(Item { reason, points });
        let w = &self.weights;
        if let Some(&lang) = self.langs.get(p.lang) {
            push(
                Reason::SharedLanguage {
                    lang,
                    level: p.level,
                },
                pts[0],
            );
        }
        if w.interests > 0 && p.tags > 0 {
            let tags = bits(
                self.tag_set(&self.seekers, s),
                self.tag_set(&self.buddies, b),
            )
            .filter_map(|i| self.tags.get(i).cloned())
            .collect();
            push(Reason::SharedInterests { tags }, pts[1]);
        }
        if w.availability > 0 {
            push(Reason::CommonSlots { count: p.slots }, pts[2]);
        }
        match p.reach {
            Reach::InPerson { m, .. } => push(
                Reason::DistanceKm {
                    km: (m + 500) / 1000,
                },
                pts[3],
            ),
            _ => push(Reason::OnlineOnly, pts[3]),
        }
        let split = |mask: u16,
                     total: u32,
                     make: fn(Domain) -> Reason,
                     push: &mut dyn FnMut(Reason, u32)| {
            let domains: Vec<Domain> = Domain::ALL
                .into_iter()
                .filter(|d| mask & (1 << *d as u16) != 0)
                .collect();
            let n = domains.len() as u32;
            for (i, d) in domains.into_iter().enumerate() {
                let extra = u32::from((i as u32) < total % n);
                push(make(d), total / n + extra);
            }
        };
        if w.reciprocity > 0 {
            split(
                sp.learns & bp.shares,
                pts[4],
                |domain| Reason::CanLearn { domain },
                &mut push,
            );
            split(
                sp.shares & bp.learns,
                pts[5],
                |domain| Reason::CanTeach { domain },
                &mut push,
            );
        }
        if w.practice > 0 {
            if let Some(&lang) = p.practise_seeker.and_then(|i| self.langs.get(i)) {
                push(
                    Reason::PractiseLanguage {
                        lang,
                        learner: Side::Seeker,
                    },
                    pts[6],
                );
            }
            if let Some(&lang) = p.practise_buddy.and_then(|i| self.langs.get(i)) {
                push(
                    Reason::PractiseLanguage {
                        lang,
                        learner: Side::Buddy,
                    },
                    pts[7],
                );
            }
        }
        if w.age > 0 {
            if let Some(years) = p.age_diff {
                push(Reason::AgeClose { years }, pts[8]);
            }
        }
        Explanation {
            score: pts.iter().sum::<u32>() as u16,
            items,
        }
    }
}
