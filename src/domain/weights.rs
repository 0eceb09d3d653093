//! The score weights a coordinator may type in (a run's form, a programme's settings): seven
//! whole numbers from 0 to [`MAX_WEIGHT`], on top of a base ([`Weights`]).

use matching::compat::Weights;

/// Largest weight accepted for one score component.
pub const MAX_WEIGHT: u32 = 1000;

/// The score components one may weigh, in form order.
pub const COMPONENTS: [&str; 7] = [
    "language",
    "interests",
    "availability",
    "distance",
    "reciprocity",
    "practice",
    "age",
];

fn slot<'w>(weights: &'w mut Weights, component: &str) -> Option<&'w mut u32> {
    match component {
        "language" => Some(&mut weights.language),
        "interests" => Some(&mut weights.interests),
        "availability" => Some(&mut weights.availability),
        "distance" => Some(&mut weights.distance),
        "reciprocity" => Some(&mut weights.reciprocity),
        "practice" => Some(&mut weights.practice),
        "age" => Some(&mut weights.age),
        _ => None,
    }
}

/// The weight of one component (0 for a name that is not a component).
#[must_use]
pub fn get(weights: &Weights, component: &str) -> u32 {
    match component {
        "language" => weights.language,
        "interests" => weights.interests,
        "availability" => weights.availability,
        "distance" => weights.distance,
        "reciprocity" => weights.reciprocity,
        "practice" => weights.practice,
        "age" => weights.age,
        _ => 0,
    }
}

/// `base` with each component set from its text `raw(component)`; a blank text keeps the base's
/// value, and the language thresholds are always the base's.
///
/// # Errors
/// The components whose text is not a whole number from 0 to [`MAX_WEIGHT`], in form order.
pub fn with_overrides<'a>(
    base: &Weights,
    raw: impl Fn(&str) -> &'a str,
) -> Result<Weights, Vec<&'static str>> {
    let mut out = base.clone();
    let mut bad = Vec::new();
    for component in COMPONENTS {
        let text = raw(component).trim();
        if text.is_empty() {
            continue;
        }
        match (text.parse::<u32>(), slot(&mut out, component)) {
            (Ok(n), Some(v)) if n <= MAX_WEIGHT => *v = n,
            _ => bad.push(component),
        }
    }
    if bad.is_empty() {
        Ok(out)
    } else {
        Err(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_keep_the_base_and_numbers_replace_it() {
        let base = Weights {
            age: 7,
            ..Weights::default()
        };
        let w = with_overrides(&base, |c| match c {
            "language" => " 40 ",
            "distance" => "0",
            _ => "",
        })
        .expect("valid");
        assert_eq!((w.language, w.distance, w.age), (40, 0, 7));
        assert_eq!(w.min_language_level, base.min_language_level);
        assert_eq!(get(&w, "language"), 40);
        assert_eq!(get(&w, "nothing"), 0);
    }

    #[test]
    fn every_bad_component_is_named() {
        let r = with_overrides(&Weights::default(), |c| match c {
            "language" => "-3",
            "age" => "1001",
            "practice" => "abc",
            "interests" => "1000",
            _ => "",
        });
        assert_eq!(r, Err(vec!["language", "practice", "age"]));
    }
}
