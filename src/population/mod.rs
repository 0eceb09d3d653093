//! A realistic synthetic population for demos and benchmarks: arriving members looking for a
//! buddy (seekers) and receiving members and volunteers offering to be one (buddies), with the
//! language mix, interests, weekly rhythms, households and waiting times of a mid-sized European
//! city. Pure: no I/O, no clock (the reference year is passed in).
//!
//! Deterministic: person `i` of a side depends only on (seed, programme slug, side, i), so the same
//! seed gives the same people, and asking for more people adds people without changing the first
//! ones. Emails are `seeker-00042.s7.<programme>@example.org`: clearly fake and unique per
//! (seed, index, programme).
//!
//! Nothing about nationality, ethnicity, religion or legal status is generated (the profile has
//! no such field).

pub mod history;
pub mod tables;

use rand::Rng;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::domain::{
    interests, HouseholdMemberInput, LanguageInput, ProfileInput, Programme, UiLanguage,
};
use tables::{Names, COMMUNITIES, LEVELS, NATIVE};

/// Which side of the assignment a generated person is on (the one `Side` of the service).
pub use crate::domain::Side;

/// One generated person: the raw profile as a form would send it, plus what a coordinator
/// would set (safeguarding clearance) and how long they have been waiting.
#[derive(Debug, Clone, PartialEq)]
pub struct Synthetic {
    /// Seeker or buddy.
    pub side: Side,
    /// The profile; always passes `NewParticipant::parse` for the programme it was made for.
    pub input: ProfileInput,
    /// Days since the person became available for matching.
    pub waiting_days: u32,
    /// Cleared to be a buddy for a minor (set by a coordinator after checks).
    pub safeguarding_cleared: bool,
}

/// Generates `seekers` seekers then `buddies` buddies for `programme`, with ages relative to
/// `reference_year` (pass the current year).
#[must_use]
pub fn generate(
    programme: &Programme,
    seekers: usize,
    buddies: usize,
    seed: u64,
    reference_year: i32,
) -> Vec<Synthetic> {
    let ctx = Context::new(programme, seed, reference_year);
    let mut out = Vec::with_capacity(seekers + buddies);
    out.extend((0..seekers).map(|i| ctx.seeker(i)));
    out.extend((0..buddies).map(|i| ctx.buddy(i)));
    out
}

/// FNV-1a: a stable hash (std's hasher may change between Rust versions).
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Picks an index with probability proportional to `weight(item)`.
fn weighted<T>(rng: &mut ChaCha8Rng, items: &[T], weight: impl Fn(&T) -> f64) -> usize {
    let total: f64 = items.iter().map(&weight).sum();
    let mut x = rng.gen::<f64>() * total;
    for (i, item) in items.iter().enumerate() {
        x -= weight(item);
        if x < 0.0 {
            return i;
        }
    }
    items.len().saturating_sub(1)
}

fn one<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.gen_range(0..items.len())]
}

/// Everything that is the same for every person of one run.
struct Context<'a> {
    programme: &'a Programme,
    key: u64,
    seed: u64,
    year: i32,
    local: String,
    local_ui: Option<UiLanguage>,
    local_names: &'static Names,
    email_tag: String,
    seeker_area_weights: Vec<f64>,
    buddy_area_weights: Vec<f64>,
    phone_prefix: Option<&'static str>,
}

/// What a person's week looks like; decides availability.
#[derive(Clone, Copy)]
enum Rhythm {
    /// Language or integration course on weekday mornings.
    Course,
    /// Working: evenings and weekends.
    Working,
    /// Parent of young children: weekday mornings and early afternoons.
    Parent,
    /// Studying: afternoons and evenings.
    Student,
    /// Retired: weekdays, daytime.
    Retired,
    /// Only weekends.
    Weekend,
    /// Irregular: a handful of slots anywhere.
    Flexible,
}

struct Person {
    first_name: String,
    last_name: String,
    gender: &'static str,
    birth_year: i32,
    age: i32,
}

impl<'a> Context<'a> {
    fn new(programme: &'a Programme, seed: u64, year: i32) -> Self {
        let local = programme.local_language.trim().to_ascii_lowercase();
        let local_names = match local.as_str() {
            "fr" => &tables::FRENCH_LOCAL,
            "en" => &tables::ENGLISH_LOCAL,
            _ => &tables::GERMAN_LOCAL,
        };
        let slug: String = programme
            .slug
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        let email_tag = if slug.is_empty() || slug.len() > 30 {
            format!("p{:x}", fnv(programme.slug.as_bytes()))
        } else {
            slug
        };
        // Some districts have more arrivals (cheaper housing, reception centres), others more
        // long-time residents; derived from the slug so it is stable.
        let area_weight = |salt: u64, slug: &str| 1.0 + ((fnv(slug.as_bytes()) ^ salt) % 5) as f64;
        Self {
            programme,
            key: seed ^ fnv(programme.slug.as_bytes()).rotate_left(17),
            seed,
            year,
            local_ui: UiLanguage::parse(&local).ok(),
            phone_prefix: tables::FICTIONAL_PHONE
                .iter()
                .find(|(l, _)| *l == local)
                .map(|(_, p)| *p),
            local,
            local_names,
            email_tag,
            seeker_area_weights: programme
                .areas
                .iter()
                .map(|a| area_weight(0x5eec, &a.slug))
                .collect(),
            buddy_area_weights: programme
                .areas
                .iter()
                .map(|a| area_weight(0xb0dd, &a.slug))
                .collect(),
        }
    }

    fn rng(&self, side: Side, index: usize) -> ChaCha8Rng {
        let mut rng = ChaCha8Rng::seed_from_u64(self.key);
        rng.set_stream(((index as u64) << 1) | u64::from(side == Side::Buddy));
        rng
    }

    fn email(&self, side: Side, index: usize) -> String {
        format!(
            "{}-{index:05}.s{}.{}@example.org",
            side.code(),
            self.seed,
            self.email_tag
        )
    }

    fn person(
        &self,
        rng: &mut ChaCha8Rng,
        names: &Names,
        gender_weights: [f64; 4],
        age: i32,
    ) -> Person {
        const GENDERS: [&str; 4] = ["woman", "man", "non_binary", "prefer_not_to_say"];
        let gender = GENDERS[weighted(rng, &gender_weights, |w| *w)];
        let pool = match gender {
            "woman" => names.women,
            "man" => names.men,
            _ if rng.gen_bool(0.5) => names.women,
            _ => names.men,
        };
        Person {
            first_name: (*one(rng, pool)).to_owned(),
            last_name: (*one(rng, names.family)).to_owned(),
            gender,
            birth_year: self.year - age - i32::from(rng.gen_bool(0.5)),
            age,
        }
    }

    fn area(&self, rng: &mut ChaCha8Rng, weights: &[f64]) -> Option<String> {
        if weights.is_empty() || rng.gen_bool(0.03) {
            return None;
        }
        Some(
            self.programme.areas[weighted(rng, weights, |w| *w)]
                .slug
                .clone(),
        )
    }

    fn phone(&self, rng: &mut ChaCha8Rng, probability: f64) -> Option<String> {
        let prefix = self.phone_prefix?;
        rng.gen_bool(probability)
            .then(|| format!("{prefix}{:03}", rng.gen_range(0..1000)))
    }

    fn ui(&self, code: &str) -> String {
        UiLanguage::parse(code)
            .map_or("en", UiLanguage::code)
            .to_owned()
    }

    fn local_ui_or_en(&self) -> String {
        self.local_ui.map_or("en", UiLanguage::code).to_owned()
    }

    fn seeker(&self, index: usize) -> Synthetic {
        let rng = &mut self.rng(Side::Seeker, index);
        let community = &COMMUNITIES[weighted(rng, &COMMUNITIES, |c| f64::from(c.weight))];
        let minor = rng.gen_bool(0.03);
        let age = if minor {
            rng.gen_range(14..=17)
        } else {
            adult_age(
                rng,
                &[
                    (18, 24, 20.0),
                    (25, 34, 35.0),
                    (35, 44, 25.0),
                    (45, 54, 12.0),
                    (55, 70, 8.0),
                ],
            )
        };
        let person = self.person(rng, community.names, [47.0, 49.0, 1.0, 3.0], age);

        // Languages: the first language, what the community often speaks besides, and the local
        // language at the level reached so far (arriving members: mostly A1..B1).
        let mut languages = vec![lang(community.code, LEVELS[NATIVE])];
        for &(code, p, lo, hi) in community.other_languages {
            if rng.gen_bool(p) {
                push_lang(&mut languages, code, LEVELS[rng.gen_range(lo..=hi)]);
            }
        }
        let local_level = if minor {
            Some(rng.gen_range(1..=3))
        } else {
            [None, Some(0), Some(1), Some(2), Some(3), Some(4)]
                [weighted(rng, &[10.0, 25.0, 27.0, 22.0, 11.0, 5.0], |w| *w)]
        };
        if let Some(level) = local_level {
            push_lang(&mut languages, &self.local, LEVELS[level]);
        }
        let mut practise = Vec::new();
        if community.code != self.local && rng.gen_bool(0.9) {
            practise.push(self.local.clone());
        }
        if !languages
            .iter()
            .any(|l| l.code == "en" && l.level == "native")
            && rng.gen_bool(0.1)
        {
            practise.push("en".to_owned());
        }
        let message_language = match community.message_language {
            Some((code, p)) if rng.gen_bool(p) => self.ui(code),
            _ if local_level.is_some_and(|l| l >= 2) && rng.gen_bool(0.5) => self.local_ui_or_en(),
            _ => "en".to_owned(),
        };

        // Household: about a third are families (family-with-family matching).
        let family = !minor && rng.gen_bool(0.32);
        let (adults, children, members) = if family {
            self.household(rng, community.names, &person)
        } else {
            (1, 0, Vec::new())
        };

        let rhythm = if family && rng.gen_bool(0.5) {
            Rhythm::Parent
        } else if minor {
            Rhythm::Student
        } else {
            [
                Rhythm::Course,
                Rhythm::Working,
                Rhythm::Flexible,
                Rhythm::Weekend,
                Rhythm::Parent,
            ][weighted(rng, &[38.0, 24.0, 22.0, 10.0, 6.0], |w| *w)]
        };
        let pref_buddy_gender = match person.gender {
            "woman" if rng.gen_bool(if minor { 0.5 } else { 0.2 }) => Some("woman".to_owned()),
            "man" if rng.gen_bool(0.04) => Some("man".to_owned()),
            _ => None,
        };
        let (pref_age_min, pref_age_max) = age_preference(rng, 0.1);
        let waiting = exponential(rng, if community.rare { 110.0 } else { 70.0 }).min(540.0);

        let input = ProfileInput {
            first_name: person.first_name,
            last_name: person.last_name,
            email: self.email(Side::Seeker, index),
            phone: self.phone(rng, 0.7),
            message_language,
            role: "arriving".into(),
            volunteer: false,
            capacity: None,
            birth_year: Some(person.birth_year),
            gender: Some(person.gender.to_owned()),
            languages,
            practise_languages: practise,
            interests: self.interests(rng, person.age, children > 0),
            availability: availability(rng, rhythm),
            area: self.area(rng, &self.seeker_area_weights),
            max_travel_km: Some(*one(rng, &[2, 3, 5, 5, 5, 8, 10, 15])),
            online_ok: rng.gen_bool(0.25),
            household_adults: Some(adults),
            household_children: Some(children),
            household_members: members,
            is_minor: minor,
            pref_buddy_gender,
            pref_family: children > 0 && rng.gen_bool(0.6),
            pref_age_min,
            pref_age_max,
            pref_outside_language_community: rng.gen_bool(0.06),
            share_domains: pick_each(rng, &tables::SEEKER_SHARE),
            learn_domains: pick_each(rng, &tables::SEEKER_LEARN),
            consent: true,
        };
        Synthetic {
            side: Side::Seeker,
            input,
            waiting_days: waiting as u32,
            safeguarding_cleared: false,
        }
    }

    fn buddy(&self, index: usize) -> Synthetic {
        let rng = &mut self.rng(Side::Buddy, index);
        // 0: long-time local resident volunteering, 1: receiving member who arrived years ago and
        // volunteers, 2: arriving member who has been here a while and volunteers, 3: receiving
        // member offering to be a buddy without volunteering for more.
        let kind = weighted(rng, &[65.0, 15.0, 10.0, 10.0], |w| *w);
        let volunteer = kind != 3;
        let age = adult_age(
            rng,
            &[
                (19, 24, 18.0),
                (25, 34, 22.0),
                (35, 44, 17.0),
                (45, 54, 13.0),
                (55, 64, 15.0),
                (65, 78, 15.0),
            ],
        );
        let community = (kind == 1 || kind == 2)
            .then(|| &COMMUNITIES[weighted(rng, &COMMUNITIES, |c| f64::from(c.weight))]);
        let names = community.map_or(self.local_names, |c| c.names);
        let person = self.person(rng, names, [60.0, 37.0, 1.5, 1.5], age);

        let mut languages = Vec::new();
        let mut practise = Vec::new();
        let message_language = match community {
            None => {
                languages.push(lang(&self.local, "native"));
                for &(code, p, lo, hi) in &tables::LOCAL_OTHER_LANGUAGES {
                    // Younger people learnt more languages at school.
                    let p = if age < 40 { (p * 1.2).min(0.95) } else { p };
                    if rng.gen_bool(p) {
                        push_lang(&mut languages, code, LEVELS[rng.gen_range(lo..=hi)]);
                    }
                }
                if rng.gen_bool(0.3) {
                    let code = tables::LOCAL_PRACTISE
                        [weighted(rng, &tables::LOCAL_PRACTISE, |(_, w)| f64::from(*w))]
                    .0;
                    if code != self.local {
                        practise.push(code.to_owned());
                    }
                }
                self.local_ui_or_en()
            }
            Some(c) => {
                languages.push(lang(c.code, "native"));
                for &(code, p, lo, hi) in c.other_languages {
                    if rng.gen_bool(p) {
                        push_lang(&mut languages, code, LEVELS[rng.gen_range(lo..=hi).max(2)]);
                    }
                }
                let local_level = if kind == 1 {
                    rng.gen_range(3..=5)
                } else {
                    rng.gen_range(2..=3)
                };
                push_lang(&mut languages, &self.local, LEVELS[local_level]);
                if local_level < 5 && rng.gen_bool(0.4) && c.code != self.local {
                    practise.push(self.local.clone());
                }
                if rng.gen_bool(0.6) {
                    self.local_ui_or_en()
                } else {
                    self.ui(c.message_language.map_or("en", |(code, _)| code))
                }
            }
        };

        let family = rng.gen_bool(if (30..55).contains(&age) { 0.3 } else { 0.05 });
        let (adults, children, members) = if family {
            self.household(rng, names, &person)
        } else {
            (if rng.gen_bool(0.5) { 2 } else { 1 }, 0, Vec::new())
        };
        let rhythm = if age >= 63 {
            Rhythm::Retired
        } else if age < 27 && rng.gen_bool(0.7) {
            Rhythm::Student
        } else if children > 0 && rng.gen_bool(0.4) {
            Rhythm::Weekend
        } else {
            [Rhythm::Working, Rhythm::Flexible, Rhythm::Weekend]
                [weighted(rng, &[70.0, 15.0, 15.0], |w| *w)]
        };
        let capacity = volunteer.then(|| [1, 2, 3][weighted(rng, &[55.0, 30.0, 15.0], |w| *w)]);
        let pref_buddy_gender =
            (person.gender == "woman" && rng.gen_bool(0.08)).then(|| "woman".to_owned());
        let (pref_age_min, pref_age_max) = age_preference(rng, 0.05);
        let waiting = exponential(rng, 25.0).min(365.0);

        let input = ProfileInput {
            first_name: person.first_name,
            last_name: person.last_name,
            email: self.email(Side::Buddy, index),
            phone: self.phone(rng, 0.8),
            message_language,
            role: if kind == 2 { "arriving" } else { "receiving" }.into(),
            volunteer,
            capacity,
            birth_year: Some(person.birth_year),
            gender: Some(person.gender.to_owned()),
            languages,
            practise_languages: practise,
            interests: self.interests(rng, person.age, children > 0),
            availability: availability(rng, rhythm),
            area: self.area(rng, &self.buddy_area_weights),
            max_travel_km: Some(*one(rng, &[3, 5, 5, 8, 10, 10, 15, 20])),
            online_ok: rng.gen_bool(0.4),
            household_adults: Some(adults),
            household_children: Some(children),
            household_members: members,
            is_minor: false,
            pref_buddy_gender,
            pref_family: children > 0 && rng.gen_bool(0.45),
            pref_age_min,
            pref_age_max,
            pref_outside_language_community: false,
            share_domains: pick_each(rng, &tables::BUDDY_SHARE),
            learn_domains: pick_each(rng, &tables::BUDDY_LEARN),
            consent: true,
        };
        Synthetic {
            side: Side::Buddy,
            input,
            waiting_days: waiting as u32,
            safeguarding_cleared: volunteer && age >= 21 && rng.gen_bool(0.18),
        }
    }

    /// A family: adults, children, and the other members by first name.
    fn household(
        &self,
        rng: &mut ChaCha8Rng,
        names: &Names,
        person: &Person,
    ) -> (i32, i32, Vec<HouseholdMemberInput>) {
        let adults = if rng.gen_bool(0.7) { 2 } else { 1 };
        let children = [1, 2, 3, 4][weighted(rng, &[35.0, 35.0, 20.0, 10.0], |w| *w)];
        let mut members = Vec::new();
        if adults == 2 {
            let pool = if person.gender == "woman" {
                names.men
            } else {
                names.women
            };
            let partner_age = (person.age + rng.gen_range(-5..=5)).max(18);
            members.push(HouseholdMemberInput {
                first_name: (*one(rng, pool)).to_owned(),
                birth_year: Some(self.year - partner_age),
            });
        }
        let oldest = (person.age - 18).clamp(1, 17);
        for _ in 0..children {
            let pool = if rng.gen_bool(0.5) {
                names.women
            } else {
                names.men
            };
            let child_age = rng.gen_range(0..=oldest);
            members.push(HouseholdMemberInput {
                first_name: (*one(rng, pool)).to_owned(),
                birth_year: Some(self.year - child_age),
            });
        }
        (adults, children, members)
    }

    /// Two to six interests, drawn by popularity, shifted a little by age and family.
    fn interests(&self, rng: &mut ChaCha8Rng, age: i32, parent: bool) -> Vec<String> {
        let mut pool: Vec<(&str, f64)> = tables::INTEREST_POPULARITY
            .iter()
            .filter(|(slug, _)| interests::KNOWN.contains(slug))
            .map(|&(slug, w)| {
                let factor = match slug {
                    "video_games" | "basketball" | "fitness" | "football" if age < 30 => 1.8,
                    "video_games" if age >= 55 => 0.2,
                    "gardening" | "history" | "reading" if age >= 55 => 2.2,
                    "parenting" if parent => 6.0,
                    "parenting" => 0.3,
                    _ => 1.0,
                };
                (slug, w * factor)
            })
            .collect();
        let extra: Vec<&str> = self
            .programme
            .interests
            .iter()
            .map(String::as_str)
            .collect();
        pool.extend(extra.iter().map(|slug| (*slug, 2.0)));
        let n = rng.gen_range(2..=6).min(pool.len());
        let mut chosen = Vec::with_capacity(n);
        for _ in 0..n {
            let i = weighted(rng, &pool, |(_, w)| *w);
            chosen.push(pool.swap_remove(i).0.to_owned());
        }
        chosen
    }
}

fn lang(code: &str, level: &str) -> LanguageInput {
    LanguageInput {
        code: code.to_owned(),
        level: level.to_owned(),
    }
}

/// Adds a language unless it is already listed (e.g. the local language is someone's first).
fn push_lang(languages: &mut Vec<LanguageInput>, code: &str, level: &str) {
    if !languages.iter().any(|l| l.code == code) {
        languages.push(lang(code, level));
    }
}

fn adult_age(rng: &mut ChaCha8Rng, bands: &[(i32, i32, f64)]) -> i32 {
    let (lo, hi, _) = bands[weighted(rng, bands, |b| b.2)];
    rng.gen_range(lo..=hi)
}

fn exponential(rng: &mut ChaCha8Rng, mean: f64) -> f64 {
    let u: f64 = rng.gen_range(f64::EPSILON..1.0);
    -mean * u.ln()
}

fn age_preference(rng: &mut ChaCha8Rng, probability: f64) -> (Option<i32>, Option<i32>) {
    if rng.gen_bool(probability) {
        let lo = rng.gen_range(18..=35);
        (Some(lo), Some((lo + rng.gen_range(15..=40)).min(99)))
    } else {
        (None, None)
    }
}

/// Each item independently with its probability, at least one.
fn pick_each(rng: &mut ChaCha8Rng, items: &[(&str, f64)]) -> Vec<String> {
    let mut out: Vec<String> = items
        .iter()
        .filter(|(_, p)| rng.gen_bool(*p))
        .map(|(c, _)| (*c).to_owned())
        .collect();
    if out.is_empty() {
        out.push(items[weighted(rng, items, |(_, p)| *p)].0.to_owned());
    }
    out
}

/// Weekly free slots for a rhythm: candidate slots, each taken with a probability; never empty.
fn availability(rng: &mut ChaCha8Rng, rhythm: Rhythm) -> Vec<String> {
    use crate::domain::Availability;
    // (days, parts, probability): days 0 = Monday .. 6 = Sunday; parts 0 morning, 1 afternoon, 2 evening.
    let plan: &[(&[usize], &[usize], f64)] = match rhythm {
        Rhythm::Course => &[
            (&[0, 1, 2, 3, 4], &[1], 0.5),
            (&[0, 1, 2, 3, 4], &[2], 0.25),
            (&[5, 6], &[0, 1], 0.4),
        ],
        Rhythm::Working => &[(&[0, 1, 2, 3, 4], &[2], 0.45), (&[5, 6], &[0, 1, 2], 0.35)],
        Rhythm::Parent => &[
            (&[0, 1, 2, 3, 4], &[0], 0.55),
            (&[0, 1, 2, 3, 4], &[1], 0.2),
            (&[5, 6], &[1], 0.3),
        ],
        Rhythm::Student => &[
            (&[0, 1, 2, 3, 4], &[1], 0.4),
            (&[0, 1, 2, 3, 4, 5, 6], &[2], 0.3),
            (&[5, 6], &[0, 1], 0.2),
        ],
        Rhythm::Retired => &[(&[0, 1, 2, 3, 4], &[0, 1], 0.4), (&[5, 6], &[1], 0.15)],
        Rhythm::Weekend => &[(&[5, 6], &[0, 1, 2], 0.5)],
        Rhythm::Flexible => &[(&[0, 1, 2, 3, 4, 5, 6], &[0, 1, 2], 0.25)],
    };
    let mut slots = Vec::new();
    for &(days, parts, p) in plan {
        for &day in days {
            for &part in parts {
                if rng.gen_bool(p) {
                    slots.push(day * 3 + part);
                }
            }
        }
    }
    if slots.is_empty() {
        let &(days, parts, _) = one(rng, plan);
        slots.push(one(rng, days) * 3 + one(rng, parts));
    }
    slots.sort_unstable();
    slots
        .into_iter()
        .map(|i| Availability::SLOT_NAMES[i].to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;
    use crate::db::programmes::demo_areas;
    use crate::domain::{LanguageLevel, NewParticipant, Role};

    fn programme(slug: &str) -> Programme {
        Programme {
            id: 1,
            slug: slug.into(),
            name: "Demo".into(),
            local_language: "de".into(),
            areas: demo_areas(),
            interests: vec!["allotment_gardening".into()],
            checkin_every_days: 14,
            response_days: 7,
            unconfirmed_days: 14,
            retention_months: 24,
            archived_at: None,
            weights_json: "{}".into(),
        }
    }

    const YEAR: i32 = 2026;

    #[test]
    fn same_seed_same_people_and_more_people_extend() {
        let p = programme("demo");
        let a = generate(&p, 300, 200, 7, YEAR);
        let b = generate(&p, 300, 200, 7, YEAR);
        assert_eq!(a, b);
        let more = generate(&p, 400, 250, 7, YEAR);
        assert_eq!(&more[..300], &a[..300]);
        assert_eq!(&more[400..600], &a[300..]);
        let other = generate(&p, 300, 200, 8, YEAR);
        assert_ne!(a, other);
        assert!(
            a.iter()
                .zip(&other)
                .filter(|(x, y)| x.input == y.input)
                .count()
                < 5
        );
    }

    #[test]
    fn counts_and_sides_are_right() {
        let people = generate(&programme("demo"), 123, 45, 1, YEAR);
        assert_eq!(people.len(), 168);
        assert!(people[..123]
            .iter()
            .all(|s| s.side == Side::Seeker && s.input.role == "arriving" && !s.input.volunteer));
        assert!(people[123..].iter().all(|s| s.side == Side::Buddy));
        assert!(generate(&programme("demo"), 0, 0, 1, YEAR).is_empty());
    }

    #[test]
    fn every_profile_parses_and_emails_are_unique_and_fake() {
        let p = programme("demo");
        let people = generate(&p, 3000, 2400, 42, YEAR);
        let mut emails = HashSet::new();
        for s in &people {
            let parsed = NewParticipant::parse(s.input.clone(), &p)
                .unwrap_or_else(|e| panic!("{}: {e}", s.input.email));
            assert!(
                parsed.email.as_str().ends_with(".demo@example.org"),
                "{}",
                parsed.email
            );
            assert!(
                emails.insert(parsed.email.as_str().to_owned()),
                "duplicate {}",
                parsed.email
            );
            assert!((1..=3).contains(&parsed.capacity));
            if parsed.capacity > 1 {
                assert!(parsed.volunteer);
            }
        }
        // Same index and seed, other programme: other emails.
        let q = generate(&programme("leipzig"), 1, 0, 42, YEAR);
        assert!(!emails.contains(&q[0].input.email));
        assert!(q[0].input.email.ends_with(".leipzig@example.org"));
    }

    #[test]
    fn the_mix_looks_like_a_city() {
        let p = programme("demo");
        let people = generate(&p, 5000, 4000, 3, YEAR);
        let (seekers, buddies) = people.split_at(5000);
        let share = |xs: &[Synthetic], f: &dyn Fn(&Synthetic) -> bool| {
            xs.iter().filter(|s| f(s)).count() as f64 / xs.len() as f64
        };

        // Buddies: the local language is common (native or good), English is widespread.
        let speaks = |s: &Synthetic, code: &str| s.input.languages.iter().any(|l| l.code == code);
        let good_local = |s: &Synthetic| {
            s.input.languages.iter().any(|l| {
                l.code == "de"
                    && LanguageLevel::parse(&l.level).is_ok_and(|lv| lv >= LanguageLevel::B1)
            })
        };
        assert!(share(buddies, &good_local) > 0.97);
        assert!(share(buddies, &|s| speaks(s, "en")) > 0.5);
        assert!(share(buddies, &|s| s.input.volunteer) > 0.85);
        assert!(
            share(buddies, &|s| s.input.volunteer
                && s.input.role == "arriving")
                > 0.05
        );
        assert!(share(buddies, &|s| s.safeguarding_cleared) > 0.08);

        // Seekers: many first languages, mostly learning the local language.
        let mut first: HashMap<&str, usize> = HashMap::new();
        for s in seekers {
            let native = s
                .input
                .languages
                .iter()
                .find(|l| l.level == "native")
                .map(|l| l.code.as_str())
                .unwrap_or("");
            *first.entry(native).or_default() += 1;
        }
        for code in [
            "ar", "uk", "fa", "prs", "ps", "ti", "so", "tr", "ru", "ku", "ro", "es", "fr", "en",
        ] {
            assert!(
                first.get(code).copied().unwrap_or(0) > 30,
                "{code}: {first:?}"
            );
        }
        assert!(
            share(seekers, &|s| s
                .input
                .practise_languages
                .iter()
                .any(|c| c == "de"))
                > 0.8
        );
        assert!(share(seekers, &|s| s.input.household_children.unwrap_or(0) > 0) > 0.2);
        let minors = share(seekers, &|s| s.input.is_minor);
        assert!((0.01..0.06).contains(&minors), "{minors}");
        let mornings = |s: &Synthetic| s.input.availability.iter().any(|a| a.ends_with("_morning"));
        assert!(share(seekers, &mornings) > 0.2);
        assert!(share(seekers, &|s| s.waiting_days > 60) > 0.2);
        for s in &people {
            let role = Role::parse(&s.input.role).expect("role");
            assert_eq!(
                role == Role::Arriving && !s.input.volunteer,
                s.side == Side::Seeker
            );
        }
    }

    #[test]
    fn works_for_a_programme_without_areas_in_another_language() {
        let mut p = programme("lyon-binomes");
        p.local_language = "fr".into();
        p.areas.clear();
        for s in generate(&p, 400, 300, 9, YEAR) {
            assert_eq!(s.input.area, None);
            NewParticipant::parse(s.input.clone(), &p).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}
