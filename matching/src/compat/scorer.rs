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

use std::collections::HashMap;

use super::explain::{
    Evaluation, Exclusion, ExclusionSummary, Explanation, Item, Preference, Reason, Rule, Side,
};
use super::features::{
    Buddy, Domain, Gender, Household, Lang, Level, Profile, Seeker, EARTH_RADIUS_KM,
};
use super::weights::{
    Weights, AGE_SCALE_YEARS, COMPONENTS, INTERESTS_CAP, RECIPROCITY_CAP, SLOTS_CAP,
};

const NO_AREA: u32 = u32::MAX;
const LEVELS: usize = 7;

const ONLINE: u16 = 1;
const HAS_POS: u16 = 1 << 1;
const FAMILY: u16 = 1 << 2;
const WANTS_FAMILY: u16 = 1 << 3;
const WANTS_OUTSIDE: u16 = 1 << 4;
const HAS_AGE: u16 = 1 << 5;
const WANTS_AGE: u16 = 1 << 6;
/// Seeker: is a minor. Buddy: has child-safeguarding clearance.
const CHILD: u16 = 1 << 7;
const ANY_PREF: u16 = 1 << 8;

/// One person, compiled: 64 bytes, no pointers.
#[derive(Debug, Clone, Copy)]
struct Person {
    pos: [f64; 3],
    /// Squared chord length that is surely beyond the travel radius (pre-check).
    far_chord2: f64,
    slots: u32,
    area: u32,
    max_m: u32,
    flags: u16,
    shares: u16,
    learns: u16,
    gender: u8,
    wants_gender: u8,
    age: u8,
    age_lo: u8,
    age_hi: u8,
}

/// One side of the run, compiled.
#[derive(Debug, Clone, Default)]
struct Group {
    people: Vec<Person>,
    /// Per person, per level `k` (0 = A1 .. 6 = native): languages spoken at level `>= k`.
    levels: Vec<u64>,
    /// Per person: languages to practise.
    practise: Vec<u64>,
    /// Per person: interest tags.
    tags: Vec<u64>,
    /// Per person: the pre-filter record.
    pre: Vec<Pre>,
}

/// What the pre-filter of [`Scorer::row`] reads: 32 bytes per person, contiguous.
///
/// It may only reject pairs that the full rules reject (it is conservative): `f32`
/// positions are off by well under a metre, and `far2` carries the 1 km margin of
/// [`far_chord2`].
#[derive(Debug, Clone, Copy)]
struct Pre {
    /// First word of the languages at the programme's minimum level.
    usable0: u64,
    /// Unit vector (zero without coordinates).
    xyz: [f32; 3],
    /// Squared chord surely beyond the travel radius; negative without coordinates
    /// (distance unknown unless the areas are equal).
    far2: f32,
    /// Availability bits, and bit 31 set when online meetings are fine.
    slots: u32,
    /// Area id or `NO_AREA`.
    area: u32,
}

const ONLINE_BIT: u32 = 1 << 31;

fn gender_code(g: Option<Gender>) -> u8 {
    match g {
        None => 0,
        Some(Gender::Woman) => 1,
        Some(Gender::Man) => 2,
        Some(Gender::NonBinary) => 3,
        Some(Gender::PreferNotToSay) => 4,
    }
}

/// Squared chord length of a great-circle distance of `km` plus a 1 km safety margin.
fn far_chord2(km: u16) -> f64 {
    let angle = (f64::from(km) + 1.0) / EARTH_RADIUS_KM;
    if angle >= std::f64::consts::PI {
        f64::INFINITY
    } else {
        let c = 2.0 * (angle / 2.0).sin();
        c * c
    }
}

fn chord2(a: &[f64; 3], b: &[f64; 3]) -> f64 {
    let (x, y, z) = (a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    x * x + y * y + z * z
}

/// Great-circle distance in whole metres for a squared chord length.
fn metres(c2: f64) -> u32 {
    let half = (c2.sqrt() / 2.0).min(1.0);
    let m = (2.0 * EARTH_RADIUS_KM * half.asin() * 1000.0).round();
    // At most half the circumference, about 2.0e7 m: fits.
    m as u32
}

#[inline]
fn any(a: &[u64], b: &[u64]) -> bool {
    a.iter().zip(b).any(|(x, y)| x & y != 0)
}

#[inline]
fn count(a: &[u64], b: &[u64]) -> u32 {
    a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum()
}

#[inline]
fn first(a: &[u64], b: &[u64]) -> Option<usize> {
    a.iter().zip(b).enumerate().find_map(|(i, (x, y))| {
        let w = x & y;
        (w != 0).then(|| i * 64 + w.trailing_zeros() as usize)
    })
}

fn bits<'a>(a: &'a [u64], b: &'a [u64]) -> impl Iterator<Item = usize> + 'a {
    a.iter().zip(b).enumerate().flat_map(|(i, (x, y))| {
        let mut w = x & y;
        std::iter::from_fn(move || {
            (w != 0).then(|| {
                let t = w.trailing_zeros() as usize;
                w &= w - 1;
                i * 64 + t
            })
        })
    })
}

fn set(words: &mut [u64], id: usize) {
    words[id / 64] |= 1 << (id % 64);
}

/// Sorted, unique vocabulary with an id lookup.
fn vocabulary<T: Ord + Clone + std::hash::Hash>(
    items: impl Iterator<Item = T>,
) -> (Vec<T>, HashMap<T, usize>) {
    let mut v: Vec<T> = items.collect();
    v.sort_unstable();
    v.dedup();
    let ids = v.iter().cloned().enumerate().map(|(i, t)| (t, i)).collect();
    (v, ids)
}

/// How the two can meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// In person: distance and the smaller travel radius, in metres.
    InPerson { m: u32, limit_m: u32 },
    /// Online only.
    Online,
    /// Not at all; distance in metres if known and computed.
    TooFar { m: Option<u32>, limit_m: u32 },
}

/// The raw quantities behind a feasible pair's score.
#[derive(Debug, Clone, Copy)]
struct Parts {
    level: Level,
    lang: usize,
    tags: u32,
    slots: u32,
    reach: Reach,
    learn: u32,
    teach: u32,
    practise_seeker: Option<usize>,
    practise_buddy: Option<usize>,
    age_diff: Option<u32>,
}

/// The outcome of all hard rules for a pair.
#[derive(Debug, Clone, Copy)]
struct Check {
    /// Bit `i` set: rule `Rule::ALL[i]` excludes the pair.
    mask: u8,
    reach: Reach,
    /// Bit `p as u8` set: preference `p` of the seeker (buddy) is not met.
    seeker_unmet: u8,
    buddy_unmet: u8,
}

const PREFERENCES: [Preference; 4] = [
    Preference::Gender,
    Preference::Family,
    Preference::AgeRange,
    Preference::OutsideLanguageCommunity,
];

/// Points by small counts, precomputed from the budget so that scoring a pair divides at most
/// once (distance). Each entry is `floor(budget * fraction)`; see [`Weights`].
#[derive(Debug, Clone, Default)]
struct Tables {
    /// By the lower level of the best common language (entries below the minimum unused).
    language: [u32; LEVELS],
    interests: [u32; INTERESTS_CAP as usize + 1],
    slots: [u32; SLOTS_CAP as usize + 1],
    /// Full distance points.
    distance: u32,
    /// By capped domain counts (seeker learns, seeker teaches): the points of each direction,
    /// together `floor(budget * (l + t) / 4)`, split in proportion.
    reciprocity: [[(u32, u32); RECIPROCITY_CAP as usize + 1]; RECIPROCITY_CAP as usize + 1],
    /// By (seeker practises, buddy practises): the points of each, together
    /// `floor(budget * (ds + db) / 2)`, an odd point to the seeker.
    practice: [[(u32, u32); 2]; 2],
    /// By capped age difference.
    age: [u32; AGE_SCALE_YEARS as usize + 1],
}

impl Tables {
    fn new(budget: [u32; COMPONENTS], min: Level) -> Self {
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
type Points = [u32; 9];

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

    fn reach(&self, sp: &Person, bp: &Person, exact: bool) -> Reach {
        let limit_m = sp.max_m.min(bp.max_m);
        let online = sp.flags & bp.flags & ONLINE != 0;
        let m = if sp.area != NO_AREA && sp.area == bp.area {
            Some(0)
        } else if sp.flags & bp.flags & HAS_POS != 0 {
            let c2 = chord2(&sp.pos, &bp.pos);
            if c2 > sp.far_chord2.min(bp.far_chord2) && !exact {
                // Surely beyond the radius: skip the trigonometry.
                return if online {
                    Reach::Online
                } else {
                    Reach::TooFar { m: None, limit_m }
                };
            }
            Some(metres(c2))
        } else {
            None
        };
        match m {
            Some(m) if m <= limit_m => Reach::InPerson { m, limit_m },
            _ if online => Reach::Online,
            _ => Reach::TooFar { m, limit_m },
        }
    }

    /// The preferences of `holder` that `other` does not meet.
    fn unmet(
        &self,
        holder: &Person,
        holder_native: &[u64],
        other: &Person,
        other_native: &[u64],
    ) -> impl Iterator<Item = Preference> {
        let gender = holder.wants_gender != 0 && holder.wants_gender != other.gender;
        let family = holder.flags & WANTS_FAMILY != 0 && other.flags & FAMILY == 0;
        let age = holder.flags & WANTS_AGE != 0
            && !(other.flags & HAS_AGE != 0
                && (holder.age_lo..=holder.age_hi).contains(&other.age));
        let outside = holder.flags & WANTS_OUTSIDE != 0 && any(holder_native, other_native);
        [
            (gender, Preference::Gender),
            (family, Preference::Family),
            (age, Preference::AgeRange),
            (outside, Preference::OutsideLanguageCommunity),
        ]
        .into_iter()
        .filter_map(|(v, p)| v.then_some(p))
    }

    fn prefs_ok(&self, s: usize, sp: &Person, b: usize, bp: &Person) -> bool {
        if (sp.flags | bp.flags) & ANY_PREF == 0 {
            return true;
        }
        let sn = self.lv(&self.seekers, s, Level::Native);
        let bn = self.lv(&self.buddies, b, Level::Native);
        self.unmet(sp, sn, bp, bn).next().is_none() && self.unmet(bp, bn, sp, sn).next().is_none()
    }

    /// Components of a pair known to be feasible, `reach` in person or online.
    fn parts(&self, s: usize, b: usize, reach: Reach) -> Parts {
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

    fn points(&self, p: &Parts) -> Points {
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

    /// The fast check of one pair: `Some(score)` if feasible. Out-of-range indices give
    /// `None`.
    #[must_use]
    pub fn score(&self, s: usize, b: usize) -> Option<u16> {
        if s >= self.num_seekers() || b >= self.num_buddies() {
            return None;
        }
        self.fast(s, &self.seekers.people[s], b, self.forbidden_of(s))
    }

    #[inline]
    fn fast(&self, s: usize, sp: &Person, b: usize, forbidden: &[u32]) -> Option<u16> {
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

    /// Every hard rule that excludes the pair, without allocating. With `exact`, the distance
    /// of a pair that is surely too far is still computed (for the explanation).
    fn check(&self, s: usize, b: usize, exact: bool) -> Check {
        let (sg, bg) = (&self.seekers, &self.buddies);
        let (sp, bp) = (&sg.people[s], &bg.people[b]);
        let min = self.weights.min_language_level;
        let (sn, bn) = (self.lv(sg, s, Level::Native), self.lv(bg, b, Level::Native));
        let pref_bits =
            |it: &mut dyn Iterator<Item = Preference>| it.fold(0u8, |acc, p| acc | 1 << p as u8);
        let reach = self.reach(sp, bp, exact);
        let seeker_unmet = pref_bits(&mut self.unmet(sp, sn, bp, bn));
        let buddy_unmet = pref_bits(&mut self.unmet(bp, bn, sp, sn));
        let rules = [
            !any(self.lv(sg, s, min), self.lv(bg, b, min)),
            sp.slots & bp.slots == 0,
            matches!(reach, Reach::TooFar { .. }),
            seeker_unmet != 0,
            buddy_unmet != 0,
            sp.flags & CHILD != 0 && bp.flags & CHILD == 0,
            self.forbidden_of(s).binary_search(&(b as u32)).is_ok(),
        ];
        let mask = rules
            .iter()
            .enumerate()
            .fold(0u8, |acc, (i, &r)| acc | u8::from(r) << i);
        Check {
            mask,
            reach,
            seeker_unmet,
            buddy_unmet,
        }
    }

    /// Every hard rule that excludes the pair, in [`Rule`](super::Rule) order.
    fn exclusions(&self, s: usize, b: usize) -> (Vec<Exclusion>, Reach) {
        let c = self.check(s, b, true);
        let prefs = |bits: u8, holder: Side| {
            PREFERENCES
                .into_iter()
                .filter(move |p| bits & (1 << *p as u8) != 0)
                .map(move |preference| Exclusion::Preference { holder, preference })
        };
        let mut out = Vec::new();
        for (i, rule) in Rule::ALL.into_iter().enumerate() {
            if c.mask & (1 << i) == 0 {
                continue;
            }
            match rule {
                Rule::NoCommonLanguage => out.push(Exclusion::NoCommonLanguage {
                    min_level: self.weights.min_language_level,
                }),
                Rule::NoCommonSlot => out.push(Exclusion::NoCommonSlot),
                Rule::TooFar => {
                    if let Reach::TooFar { m, limit_m } = c.reach {
                        out.push(Exclusion::TooFar {
                            km: m.map(|m| (m + 500) / 1000),
                            limit_km: limit_m / 1000,
                        });
                    }
                }
                Rule::SeekerPreference => out.extend(prefs(c.seeker_unmet, Side::Seeker)),
                Rule::BuddyPreference => out.extend(prefs(c.buddy_unmet, Side::Buddy)),
                Rule::NeedsChildClearance => out.push(Exclusion::NeedsChildClearance),
                Rule::Forbidden => out.push(Exclusion::Forbidden),
            }
        }
        (out, c.reach)
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

    fn explanation(&self, s: usize, b: usize, p: &Parts, pts: &Points) -> Explanation {
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

    /// Feasible buddies of seeker `s` among `range`, in buddy order, appended to `buddies`
    /// and `scores`.
    pub(crate) fn row(
        &self,
        s: usize,
        range: std::ops::Range<usize>,
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
        for (c, chunk) in bg.pre[range].chunks(64).enumerate() {
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

/// Interning context while compiling.
struct Compile<'a> {
    lang_ids: &'a HashMap<Lang, usize>,
    tag_ids: &'a HashMap<String, usize>,
    area_ids: &'a HashMap<String, usize>,
    lang_stride: usize,
    tag_stride: usize,
    min: Level,
}

impl Compile<'_> {
    fn group<'p>(&self, people: impl ExactSizeIterator<Item = (&'p Profile, bool)>) -> Group {
        let n = people.len();
        let mut g = Group {
            people: Vec::with_capacity(n),
            levels: vec![0; n * LEVELS * self.lang_stride],
            practise: vec![0; n * self.lang_stride],
            tags: vec![0; n * self.tag_stride],
            pre: Vec::with_capacity(n),
        };
        for (i, (p, child)) in people.enumerate() {
            for &(lang, level) in &p.languages {
                if let Some(&id) = self.lang_ids.get(&lang) {
                    for k in 0..=level as usize {
                        let at = (i * LEVELS + k) * self.lang_stride;
                        set(&mut g.levels[at..at + self.lang_stride], id);
                    }
                }
            }
            for lang in &p.practise {
                if let Some(&id) = self.lang_ids.get(lang) {
                    set(
                        &mut g.practise[i * self.lang_stride..(i + 1) * self.lang_stride],
                        id,
                    );
                }
            }
            for tag in &p.interests {
                if let Some(&id) = self.tag_ids.get(tag) {
                    set(
                        &mut g.tags[i * self.tag_stride..(i + 1) * self.tag_stride],
                        id,
                    );
                }
            }
            let person = person(p, child, self.area_ids);
            g.pre.push(Pre {
                usable0: g.levels[(i * LEVELS + self.min as usize) * self.lang_stride],
                xyz: person.pos.map(|c| c as f32),
                far2: if person.flags & HAS_POS != 0 {
                    // Rounded up a little so the f32 bound stays conservative.
                    (person.far_chord2 * 1.0001) as f32
                } else {
                    -1.0
                },
                slots: person.slots
                    | if person.flags & ONLINE != 0 {
                        ONLINE_BIT
                    } else {
                        0
                    },
                area: person.area,
            });
            g.people.push(person);
        }
        g
    }
}

fn person(p: &Profile, child: bool, area_ids: &HashMap<String, usize>) -> Person {
    let prefs = &p.preferences;
    let mut flags = 0;
    let mut flag = |on: bool, f: u16| {
        if on {
            flags |= f;
        }
    };
    flag(p.online_ok, ONLINE);
    flag(p.location.coords.is_some(), HAS_POS);
    flag(matches!(p.household, Household::Family { .. }), FAMILY);
    flag(prefs.family, WANTS_FAMILY);
    flag(prefs.outside_language_community, WANTS_OUTSIDE);
    flag(p.age.is_some(), HAS_AGE);
    flag(prefs.age_range.is_some(), WANTS_AGE);
    flag(child, CHILD);
    flag(
        prefs.gender.is_some()
            || prefs.family
            || prefs.age_range.is_some()
            || prefs.outside_language_community,
        ANY_PREF,
    );
    let (age_lo, age_hi) = prefs.age_range.unwrap_or((0, u8::MAX));
    Person {
        pos: p.location.coords.map_or([0.0; 3], |c| c.unit()),
        far_chord2: far_chord2(p.max_travel_km),
        slots: p.availability.bits(),
        area: p
            .location
            .area
            .as_ref()
            .and_then(|a| area_ids.get(a))
            .map_or(NO_AREA, |&id| id as u32),
        max_m: u32::from(p.max_travel_km) * 1000,
        flags,
        shares: p.shares.bits(),
        learns: p.learns.bits(),
        gender: gender_code(p.gender),
        wants_gender: gender_code(prefs.gender),
        age: p.age.unwrap_or(0),
        age_lo,
        age_hi,
    }
}
