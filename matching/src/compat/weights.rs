//! Per-programme weights of the score components, and the two language thresholds.

use serde::{Deserialize, Serialize};

use super::features::Level;

/// Number of score components.
pub(crate) const COMPONENTS: usize = 7;

/// Shared interests counted, at most (3 shared tags give the full interest points).
pub const INTERESTS_CAP: u32 = 3;
/// Common weekly slots counted, at most (4 common slots give the full availability points).
pub const SLOTS_CAP: u32 = 4;
/// Matching domains counted per direction, at most (2 in each direction give the full
/// reciprocity points).
pub const RECIPROCITY_CAP: u32 = 2;
/// Age difference, in years, at which age closeness gives no points.
pub const AGE_SCALE_YEARS: u32 = 20;

/// The programme's weights of the score components, and its language thresholds.
///
/// Weights are relative: the score is always within `0..=1000` whatever the non-negative
/// weights (all zero gives 0 for every feasible pair). Each component earns a fraction
/// `0.0..=1.0` of its share `1000 * weight / sum_of_weights` (the shares are integers summing to
/// exactly 1000, rounded by largest remainder):
///
/// | component | fraction earned |
/// |---|---|
/// | `language` | best common language, at the lower of the two levels: `(rank(level) - rank(min) + 1) / (rank(native) - rank(min) + 1)`; with the default minimum A2: A2 = 1/6 .. native = 6/6 |
/// | `interests` | shared interest tags, `min(n, 3) / 3` |
/// | `availability` | common weekly slots, `min(n, 4) / 4` |
/// | `distance` | in person: `(limit - d) / limit` with `limit` the smaller travel radius; online-only pairs earn 0 |
/// | `reciprocity` | domains the seeker wants to learn that the buddy shares, and the other way round: `(min(a, 2) + min(b, 2)) / 4` (integration is two-way) |
/// | `practice` | the buddy speaks well (`>= practise_level`) a language the seeker wants to practise, and the other way round: half each |
/// | `age` | both ages known: `max(0, 20 - |difference|) / 20`; off by default (weight 0): a programme asks for it by giving it a weight |
///
/// Deserialising `{}` gives the defaults; unknown fields are rejected.
///
/// ```
/// use matching::compat::Weights;
/// let w: Weights = serde_json::from_str(r#"{"distance": 0, "age": 10}"#)?;
/// assert_eq!((w.distance, w.age, w.language), (0, 10, Weights::default().language));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Weights {
    /// Best common language level. Default 25.
    pub language: u32,
    /// Shared interests. Default 20.
    pub interests: u32,
    /// Common weekly slots. Default 15.
    pub availability: u32,
    /// Closeness within both travel radii. Default 10.
    pub distance: u32,
    /// Share/learn domains in both directions. Default 20.
    pub reciprocity: u32,
    /// Language practice in both directions. Default 10.
    pub practice: u32,
    /// Age closeness. Default 0 (off).
    pub age: u32,
    /// Hard rule: a pair needs a language both speak at this level or higher. Default A2.
    pub min_language_level: Level,
    /// "Speaks well" for language practice. Default B2.
    pub practise_level: Level,
}

impl Default for Weights {
    fn default() -> Self {
        Self {
            language: 25,
            interests: 20,
            availability: 15,
            distance: 10,
            reciprocity: 20,
            practice: 10,
            age: 0,
            min_language_level: Level::A2,
            practise_level: Level::B2,
        }
    }
}

impl Weights {
    /// All component weights, in component order.
    pub(crate) fn array(&self) -> [u32; COMPONENTS] {
        [
            self.language,
            self.interests,
            self.availability,
            self.distance,
            self.reciprocity,
            self.practice,
            self.age,
        ]
    }

    /// Maximum points of each component: integers proportional to the weights, summing to
    /// exactly 1000 (largest remainder; ties to the earlier component), or all zero.
    #[must_use]
    pub fn budget(&self) -> [u32; COMPONENTS] {
        let w = self.array();
        let total: u64 = w.iter().map(|&x| u64::from(x)).sum();
        let mut out = [0u32; COMPONENTS];
        if total == 0 {
            return out;
        }
        let mut rem = [0u64; COMPONENTS];
        let mut given = 0u64;
        for i in 0..COMPONENTS {
            let exact = 1000 * u64::from(w[i]);
            // exact / total <= 1000, so it fits.
            out[i] = u32::try_from(exact / total).unwrap_or(1000);
            rem[i] = exact % total;
            given += u64::from(out[i]);
        }
        let mut order: Vec<usize> = (0..COMPONENTS).collect();
        order.sort_by(|&a, &b| rem[b].cmp(&rem[a]).then(a.cmp(&b)));
        for &i in order
            .iter()
            .take(usize::try_from(1000 - given).unwrap_or(0))
        {
            out[i] += 1;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_budget() {
        assert_eq!(
            Weights::default().budget(),
            [250, 200, 150, 100, 200, 100, 0]
        );
    }

    #[test]
    fn budget_sums_to_1000() {
        let w = Weights {
            language: 1,
            interests: 1,
            availability: 1,
            distance: 0,
            reciprocity: 0,
            practice: 0,
            age: 0,
            ..Weights::default()
        };
        assert_eq!(w.budget(), [334, 333, 333, 0, 0, 0, 0]);
        let zero = Weights {
            language: 0,
            interests: 0,
            availability: 0,
            distance: 0,
            reciprocity: 0,
            practice: 0,
            age: 0,
            ..Weights::default()
        };
        assert_eq!(zero.budget(), [0; COMPONENTS]);
        let huge = Weights {
            language: u32::MAX,
            age: u32::MAX,
            ..Weights::default()
        };
        assert_eq!(huge.budget().iter().sum::<u32>(), 1000);
    }
}
