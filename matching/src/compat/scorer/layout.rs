//! Compiling a run: every person laid out as a small fixed-size [`Person`] record, the
//! language and interest bitsets of each side ([`Group`]), and the contiguous pre-filter
//! records ([`Pre`]) the pair loop scans first.

use std::collections::HashMap;

use super::bitset::set;
use super::distance::far_chord2;
#[cfg(doc)]
use super::Scorer;
use crate::compat::features::{Gender, Household, Lang, Level, Profile};

pub(super) const NO_AREA: u32 = u32::MAX;
pub(super) const LEVELS: usize = 7;

pub(super) const ONLINE: u16 = 1;
pub(super) const HAS_POS: u16 = 1 << 1;
pub(super) const FAMILY: u16 = 1 << 2;
pub(super) const WANTS_FAMILY: u16 = 1 << 3;
pub(super) const WANTS_OUTSIDE: u16 = 1 << 4;
pub(super) const HAS_AGE: u16 = 1 << 5;
pub(super) const WANTS_AGE: u16 = 1 << 6;
/// Seeker: is a minor. Buddy: has child-safeguarding clearance.
pub(super) const CHILD: u16 = 1 << 7;
pub(super) const ANY_PREF: u16 = 1 << 8;

/// One person, compiled: 64 bytes, no pointers.
#[derive(Debug, Clone, Copy)]
pub(super) struct Person {
    pub(super) pos: [f64; 3],
    /// Squared chord length that is surely beyond the travel radius (pre-check).
    pub(super) far_chord2: f64,
    pub(super) slots: u32,
    pub(super) area: u32,
    pub(super) max_m: u32,
    pub(super) flags: u16,
    pub(super) shares: u16,
    pub(super) learns: u16,
    pub(super) gender: u8,
    pub(super) wants_gender: u8,
    pub(super) age: u8,
    pub(super) age_lo: u8,
    pub(super) age_hi: u8,
}

/// One side of the run, compiled.
#[derive(Debug, Clone, Default)]
pub(super) struct Group {
    pub(super) people: Vec<Person>,
    /// Per person, per level `k` (0 = A1 .. 6 = native): languages spoken at level `>= k`.
    pub(super) levels: Vec<u64>,
    /// Per person: languages to practise.
    pub(super) practise: Vec<u64>,
    /// Per person: interest tags.
    pub(super) tags: Vec<u64>,
    /// Per person: the pre-filter record.
    pub(super) pre: Vec<Pre>,
}

/// What the pre-filter of [`Scorer::row`] reads: 32 bytes per person, contiguous.
///
/// It may only reject pairs that the full rules reject (it is conservative): `f32`
/// positions are off by well under a metre, and `far2` carries the 1 km margin of
/// [`far_chord2`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Pre {
    /// First word of the languages at the programme's minimum level.
    pub(super) usable0: u64,
    /// Unit vector (zero without coordinates).
    pub(super) xyz: [f32; 3],
    /// Squared chord surely beyond the travel radius; negative without coordinates
    /// (distance unknown unless the areas are equal).
    pub(super) far2: f32,
    /// Availability bits, and bit 31 set when online meetings are fine.
    pub(super) slots: u32,
    /// Area id or `NO_AREA`.
    pub(super) area: u32,
}

pub(super) const ONLINE_BIT: u32 = 1 << 31;

fn gender_code(g: Option<Gender>) -> u8 {
    match g {
        None => 0,
        Some(Gender::Woman) => 1,
        Some(Gender::Man) => 2,
        Some(Gender::NonBinary) => 3,
        Some(Gender::PreferNotToSay) => 4,
    }
}

/// Sorted, unique vocabulary with an id lookup.
pub(super) fn vocabulary<T: Ord + Clone + std::hash::Hash>(
    items: impl Iterator<Item = T>,
) -> (Vec<T>, HashMap<T, usize>) {
    let mut v: Vec<T> = items.collect();
    v.sort_unstable();
    v.dedup();
    let ids = v.iter().cloned().enumerate().map(|(i, t)| (t, i)).collect();
    (v, ids)
}

/// Interning context while compiling.
pub(super) struct Compile<'a> {
    pub(super) lang_ids: &'a HashMap<Lang, usize>,
    pub(super) tag_ids: &'a HashMap<String, usize>,
    pub(super) area_ids: &'a HashMap<String, usize>,
    pub(super) lang_stride: usize,
    pub(super) tag_stride: usize,
    pub(super) min: Level,
}

impl Compile<'_> {
    pub(super) fn group<'p>(
        &self,
        people: impl ExactSizeIterator<Item = (&'p Profile, bool)>,
    ) -> Group {
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
