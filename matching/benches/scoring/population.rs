//! A deterministic synthetic population for the scoring benchmark: a European city (local
//! language German) with the language mix of recent arrivals, ~40 interest tags, weekly
//! availability leaning to evenings and weekends, and homes within ~20 km of the centre.

use matching::compat::{
    Buddy, Domain, Domains, Gender, Household, Lang, Level, Preferences, Profile, Seeker, Slots,
};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const CENTRE: (f64, f64) = (52.52, 13.405);

const TAGS: [&str; 40] = [
    "cooking",
    "football",
    "chess",
    "music",
    "hiking",
    "cycling",
    "reading",
    "art",
    "crafts",
    "gardening",
    "films",
    "photography",
    "dancing",
    "theatre",
    "swimming",
    "running",
    "yoga",
    "board_games",
    "video_games",
    "history",
    "technology",
    "nature",
    "travel",
    "sewing",
    "basketball",
    "volleyball",
    "fitness",
    "parenting",
    "science",
    "computers",
    "languages",
    "poetry",
    "baking",
    "fishing",
    "cricket",
    "table_tennis",
    "walking",
    "volunteering",
    "religion_free_talk",
    "markets",
];

/// Arrivals' first languages, with weights.
const ARRIVING: [(&str, u32); 13] = [
    ("ar", 20),
    ("uk", 20),
    ("fa", 10),
    ("prs", 3),
    ("ti", 7),
    ("so", 5),
    ("ru", 8),
    ("tr", 8),
    ("ku", 4),
    ("ps", 4),
    ("fr", 4),
    ("es", 4),
    ("en", 3),
];

/// Receiving members' first languages besides German, with weights.
const RECEIVING_OTHER: [(&str, u32); 8] = [
    ("tr", 30),
    ("ru", 20),
    ("ar", 15),
    ("pl", 15),
    ("en", 10),
    ("uk", 5),
    ("fa", 3),
    ("es", 2),
];

fn pick<'a>(rng: &mut ChaCha8Rng, items: &[(&'a str, u32)]) -> &'a str {
    let total: u32 = items.iter().map(|x| x.1).sum();
    let mut r = rng.gen_range(0..total);
    for &(s, w) in items {
        if r < w {
            return s;
        }
        r -= w;
    }
    items[0].0
}

fn lang(code: &str) -> Lang {
    Lang::parse(code).expect("valid code")
}

fn level(rng: &mut ChaCha8Rng, weights: [u32; 6]) -> Option<Level> {
    let total: u32 = weights.iter().sum();
    let mut r = rng.gen_range(0..total);
    for (i, w) in weights.into_iter().enumerate() {
        if r < w {
            return Level::ALL.get(i).copied().filter(|_| i < 6);
        }
        r -= w;
    }
    None
}

fn common(rng: &mut ChaCha8Rng) -> Profile {
    let mut p = Profile::new();
    // Interests: 2..=7 tags, popular tags more likely (quadratic skew).
    let k = rng.gen_range(2..=7);
    let tags: Vec<&str> = (0..k)
        .map(|_| TAGS[(rng.gen::<f64>().powi(2) * TAGS.len() as f64) as usize])
        .collect();
    p = p.interests(tags);
    // Availability: 2..=8 slots, evenings and weekends twice as likely.
    let mut slots = Slots::new();
    for _ in 0..rng.gen_range(2..=8) {
        let (day, part) = loop {
            let (d, t) = (rng.gen_range(0..7u8), rng.gen_range(0..3u8));
            if d >= 5 || t == 2 || rng.gen_bool(0.5) {
                break (d, t);
            }
        };
        slots = slots.with(day, part);
    }
    p = p.availability(slots);
    // Location: uniform in a 20 km disc; 30% give only their district (12 districts).
    let r = 20.0 * rng.gen::<f64>().sqrt();
    let a = rng.gen::<f64>() * std::f64::consts::TAU;
    let (dy, dx) = (r * a.sin(), r * a.cos());
    let lat = CENTRE.0 + dy / 111.2;
    let lon = CENTRE.1 + dx / (111.2 * CENTRE.0.to_radians().cos());
    if rng.gen_bool(0.3) {
        let district = ((a / std::f64::consts::TAU * 6.0) as u32) * 2 + u32::from(r > 8.0);
        p = p.area(format!("district-{district}"));
    } else {
        p = p.coords(lat, lon).expect("in range");
    }
    p = p
        .max_travel_km(rng.gen_range(3..=15))
        .online_ok(rng.gen_bool(0.4));
    if rng.gen_bool(0.8) {
        p = p.age(rng.gen_range(18..=75));
    }
    if rng.gen_bool(0.9) {
        let g = [
            Gender::Woman,
            Gender::Man,
            Gender::NonBinary,
            Gender::PreferNotToSay,
        ][*[0, 0, 0, 0, 1, 1, 1, 1, 2, 3].choose(rng).unwrap_or(&0)];
        p = p.gender(g);
    }
    let domains = |rng: &mut ChaCha8Rng| -> Domains {
        (0..rng.gen_range(1..=3))
            .map(|_| *Domain::ALL.choose(rng).unwrap_or(&Domain::Work))
            .collect()
    };
    p.shares = domains(rng);
    p.learns = domains(rng);
    p
}

fn preferences(rng: &mut ChaCha8Rng, p: &Profile, rate: f64) -> Preferences {
    Preferences {
        gender: p
            .gender
            .filter(|g| *g == Gender::Woman && rng.gen_bool(rate * 2.0)),
        family: p.household.is_family() && rng.gen_bool(rate),
        age_range: rng.gen_bool(rate / 2.0).then_some((25, 60)),
        outside_language_community: rng.gen_bool(rate / 2.0),
    }
}

/// `n` seekers, deterministic for `seed`.
#[must_use]
pub fn seekers(n: usize, seed: u64) -> Vec<Seeker> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..n)
        .map(|_| {
            let mut p = common(&mut rng);
            let first = pick(&mut rng, &ARRIVING);
            p = p.speaks_lang(lang(first), Level::Native);
            if let Some(l) = level(&mut rng, [30, 30, 18, 10, 5, 2]) {
                p = p.speaks_lang(lang("de"), l);
            }
            if first != "en" && rng.gen_bool(0.4) {
                p = p.speaks_lang(
                    lang("en"),
                    level(&mut rng, [10, 25, 30, 20, 10, 5]).unwrap_or(Level::A2),
                );
            }
            if first == "uk" || (first != "ru" && rng.gen_bool(0.1)) {
                p = p.speaks_lang(
                    lang("ru"),
                    if first == "uk" { Level::C2 } else { Level::B1 },
                );
            }
            p.practise
                .push(lang(if rng.gen_bool(0.85) { "de" } else { "en" }));
            if rng.gen_bool(0.25) {
                p = p.household(Household::Family {
                    children: rng.gen_range(1..=4),
                });
            }
            let prefs = preferences(&mut rng, &p, 0.08);
            p = p.preferences(prefs);
            Seeker::new(p)
                .minor(rng.gen_bool(0.03))
                .waiting_days(rng.gen_range(0..=365))
        })
        .collect()
}

/// `m` buddies, deterministic for `seed`.
#[must_use]
pub fn buddies(m: usize, seed: u64) -> Vec<Buddy> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x9e37_79b9_7f4a_7c15);
    (0..m)
        .map(|_| {
            let mut p = common(&mut rng);
            if rng.gen_bool(0.75) {
                p = p.speaks_lang(lang("de"), Level::Native);
            } else {
                p = p.speaks_lang(lang(pick(&mut rng, &RECEIVING_OTHER)), Level::Native);
                p = p.speaks_lang(
                    lang("de"),
                    if rng.gen_bool(0.7) {
                        Level::C1
                    } else {
                        Level::B2
                    },
                );
            }
            if rng.gen_bool(0.7) {
                p = p.speaks_lang(
                    lang("en"),
                    level(&mut rng, [0, 5, 25, 35, 25, 10]).unwrap_or(Level::B1),
                );
            }
            if rng.gen_bool(0.3) {
                let other = *["fr", "es", "ru", "ar", "tr", "it"]
                    .choose(&mut rng)
                    .unwrap_or(&"fr");
                p = p.speaks_lang(
                    lang(other),
                    level(&mut rng, [10, 25, 30, 20, 10, 5]).unwrap_or(Level::A2),
                );
            }
            if rng.gen_bool(0.2) {
                p.practise.push(lang(
                    ["ar", "fr", "es", "uk", "fa", "en"]
                        .choose(&mut rng)
                        .unwrap_or(&"en"),
                ));
            }
            if rng.gen_bool(0.15) {
                p = p.household(Household::Family {
                    children: rng.gen_range(1..=3),
                });
            }
            let prefs = preferences(&mut rng, &p, 0.04);
            p = p.preferences(prefs);
            Buddy::new(p)
                .capacity(rng.gen_range(1..=3))
                .child_clearance(rng.gen_bool(0.3))
        })
        .collect()
}
