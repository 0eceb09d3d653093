//! The hard rules of a pair: the preferences one side does not meet, every rule as a bit
//! mask ([`Check`], for counting) and as [`Exclusion`]s (for the explanation).

use super::bitset::any;
use super::distance::Reach;
use super::layout::{
    Person, ANY_PREF, CHILD, FAMILY, HAS_AGE, WANTS_AGE, WANTS_FAMILY, WANTS_OUTSIDE,
};
use super::Scorer;
use crate::compat::explain::{Exclusion, Preference, Rule, Side};
use crate::compat::features::Level;

/// The outcome of all hard rules for a pair.
#[derive(Debug, Clone, Copy)]
pub(super) struct Check {
    /// Bit `i` set: rule `Rule::ALL[i]` excludes the pair.
    pub(super) mask: u8,
    pub(super) reach: Reach,
    /// Bit `p as u8` set: preference `p` of the seeker (buddy) is not met.
    pub(super) seeker_unmet: u8,
    pub(super) buddy_unmet: u8,
}

pub(super) const PREFERENCES: [Preference; 4] = [
    Preference::Gender,
    Preference::Family,
    Preference::AgeRange,
    Preference::OutsideLanguageCommunity,
];

impl Scorer {
    /// The preferences of `holder` that `other` does not meet.
    pub(super) fn unmet(
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

    pub(super) fn prefs_ok(&self, s: usize, sp: &Person, b: usize, bp: &Person) -> bool {
        if (sp.flags | bp.flags) & ANY_PREF == 0 {
            return true;
        }
        let sn = self.lv(&self.seekers, s, Level::Native);
        let bn = self.lv(&self.buddies, b, Level::Native);
        self.unmet(sp, sn, bp, bn).next().is_none() && self.unmet(bp, bn, sp, sn).next().is_none()
    }

    /// Every hard rule that excludes the pair, without allocating. With `exact`, the distance
    /// of a pair that is surely too far is still computed (for the explanation).
    pub(super) fn check(&self, s: usize, b: usize, exact: bool) -> Check {
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
    pub(super) fn exclusions(&self, s: usize, b: usize) -> (Vec<Exclusion>, Reach) {
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
}
