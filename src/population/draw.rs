//! Random draws the generator is made of: a stable hash, weighted and uniform choice, ages,
//! language entries, preferences, and weekly availability by [`Rhythm`].

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::domain::LanguageInput;

/// FNV-1a: a stable hash (std's hasher may change between Rust versions).
pub(super) fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Picks an index with probability proportional to `weight(item)`.
pub(super) fn weighted<T>(rng: &mut ChaCha8Rng, items: &[T], weight: impl Fn(&T) -> f64) -> usize {
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

pub(super) fn one<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> &'a T {
    &items[rng.gen_range(0..items.len())]
}

/// What a person's week looks like; decides availability.
#[derive(Clone, Copy)]
pub(super) enum Rhythm {
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

pub(super) fn lang(code: &str, level: &str) -> LanguageInput {
    LanguageInput {
        code: code.to_owned(),
        level: level.to_owned(),
    }
}

/// Adds a language unless it is already listed (e.g. the local language is someone's first).
pub(super) fn push_lang(languages: &mut Vec<LanguageInput>, code: &str, level: &str) {
    if !languages.iter().any(|l| l.code == code) {
        languages.push(lang(code, level));
    }
}

pub(super) fn adult_age(rng: &mut ChaCha8Rng, bands: &[(i32, i32, f64)]) -> i32 {
    let (lo, hi, _) = bands[weighted(rng, bands, |b| b.2)];
    rng.gen_range(lo..=hi)
}

pub(super) fn exponential(rng: &mut ChaCha8Rng, mean: f64) -> f64 {
    let u: f64 = rng.gen_range(f64::EPSILON..1.0);
    -mean * u.ln()
}

pub(super) fn age_preference(rng: &mut ChaCha8Rng, probability: f64) -> (Option<i32>, Option<i32>) {
    if rng.gen_bool(probability) {
        let lo = rng.gen_range(18..=35);
        (Some(lo), Some((lo + rng.gen_range(15..=40)).min(99)))
    } else {
        (None, None)
    }
}

/// Each item independently with its probability, at least one.
pub(super) fn pick_each(rng: &mut ChaCha8Rng, items: &[(&str, f64)]) -> Vec<String> {
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
pub(super) fn availability(rng: &mut ChaCha8Rng, rhythm: Rhythm) -> Vec<String> {
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
