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
//!
//! `seeker` and `buddy` generate one person of each side, `draw` holds the random draws they
//! are made of, and `tables` the data they draw from.

mod buddy;
mod draw;
pub mod history;
mod seeker;
pub mod tables;
#[cfg(test)]
mod tests;

use rand::Rng;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::domain::{interests, HouseholdMemberInput, ProfileInput, Programme, UiLanguage};
use draw::{fnv, one, weighted};
use tables::Names;

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
