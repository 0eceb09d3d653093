//! Fair matching: what "first come, first served" ([`matching::baseline`]) would have given on the
//! same cohort, next to the run's result, and who is left out by each: the unmatched rate per
//! language group, gender, age band and area. A group whose unmatched rate is above
//! [`FLAG_FACTOR`] times the cohort's is flagged. Computed once per run and stored with it.
//!
//! Groups are read from what the profile already holds (the first language a person listed,
//! gender as they gave it, age band from the birth year, area); nothing else is derived.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDateTime};
use matching::assign::Assignment;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::participants::Participant;

/// A group is flagged when its unmatched rate is above this many times the cohort's.
pub const FLAG_FACTOR: f64 = 1.5;

/// The dimensions a cohort is broken down by, in display order.
pub const DIMENSIONS: [&str; 4] = ["language", "gender", "age_band", "area"];

/// The groups one seeker belongs to, one per dimension of [`DIMENSIONS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeekerGroups(pub [String; 4]);

/// Age bands (years): under 18, 18–25, 26–35, 36–50, 51–65, over 65.
#[must_use]
pub fn age_band(age: i32) -> &'static str {
    match age {
        ..=17 => "0-17",
        18..=25 => "18-25",
        26..=35 => "26-35",
        36..=50 => "36-50",
        51..=65 => "51-65",
        _ => "66+",
    }
}

impl SeekerGroups {
    /// A seeker's groups at `now` (`unknown` where the profile holds nothing).
    #[must_use]
    pub fn of(p: &Participant, now: NaiveDateTime) -> Self {
        let unknown = || "unknown".to_owned();
        let language = p
            .spoken_languages()
            .ok()
            .and_then(|l| l.first().map(|l| l.code.as_str().to_owned()))
            .unwrap_or_else(unknown);
        let gender = p.gender.clone().unwrap_or_else(unknown);
        let age = p
            .birth_year
            .map_or_else(unknown, |y| age_band(now.year() - y).to_owned());
        let area = p.area.clone().unwrap_or_else(unknown);
        Self([language, gender, age, area])
    }
}

/// One result (the run's or the baseline's) in figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ResultFigures {
    /// Seekers matched.
    pub matched: usize,
    /// Seekers not matched.
    pub unmatched: usize,
    /// Sum of the pairs' scores.
    pub total_score: i64,
    /// Unmatched share of the cohort, 0 to 1 (three decimals).
    pub unmatched_rate: f64,
}

/// One group's seekers and how many of them each result left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct GroupFigures {
    /// `language`, `gender`, `age_band` or `area`.
    pub dimension: String,
    /// The group: a language code, a gender code, an age band such as `26-35`, an area slug,
    /// or `unknown`.
    pub group: String,
    /// Seekers in the group.
    pub seekers: usize,
    /// Left unmatched by the run.
    pub run_unmatched: usize,
    /// The run's unmatched rate in the group, 0 to 1.
    pub run_unmatched_rate: f64,
    /// The run's rate is above [`FLAG_FACTOR`] times its cohort rate.
    pub run_flagged: bool,
    /// Left unmatched by first come, first served.
    pub baseline_unmatched: usize,
    /// First come, first served's unmatched rate in the group, 0 to 1.
    pub baseline_unmatched_rate: f64,
    /// The baseline's rate is above [`FLAG_FACTOR`] times its cohort rate.
    pub baseline_flagged: bool,
}

/// The run next to first come, first served on the same cohort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct FairnessReport {
    /// The run's result.
    pub run: ResultFigures,
    /// First come, first served: greedy in sign-up order, same hard rules and scores.
    pub baseline: ResultFigures,
    /// Per dimension and group (dimensions in [`DIMENSIONS`] order, groups by name).
    pub groups: Vec<GroupFigures>,
}

/// A share rounded to three decimals (0 for an empty whole).
fn rate(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)] // counts of people, far below 2^52
    let r = part as f64 / whole as f64;
    (r * 1000.0).round() / 1000.0
}

fn figures(a: &Assignment) -> ResultFigures {
    let n = a.buddy_of.len();
    ResultFigures {
        matched: a.matched,
        unmatched: n - a.matched,
        total_score: a.total_score,
        unmatched_rate: rate(n - a.matched, n),
    }
}

/// Whether a group's rate is above [`FLAG_FACTOR`] times the cohort's (never for an empty
/// cohort rate: nobody was left out).
fn flagged(group_rate: f64, cohort_rate: f64) -> bool {
    cohort_rate > 0.0 && group_rate > FLAG_FACTOR * cohort_rate
}

/// The report of a run (`run`) and its baseline (`baseline`) for seekers whose groups are
/// `groups` (same index as the assignments' seekers).
#[must_use]
pub fn report(groups: &[SeekerGroups], run: &Assignment, baseline: &Assignment) -> FairnessReport {
    let run_figures = figures(run);
    let baseline_figures = figures(baseline);
    let mut counts: BTreeMap<(usize, &str), (usize, usize, usize)> = BTreeMap::new();
    for (s, g) in groups.iter().enumerate() {
        let run_out = run.buddy_of.get(s).is_some_and(Option::is_none);
        let base_out = baseline.buddy_of.get(s).is_some_and(Option::is_none);
        for (d, group) in g.0.iter().enumerate() {
            let c = counts.entry((d, group.as_str())).or_default();
            c.0 += 1;
            c.1 += usize::from(run_out);
            c.2 += usize::from(base_out);
        }
    }
    let groups = counts
        .into_iter()
        .map(|((d, group), (seekers, run_out, base_out))| {
            let run_rate = rate(run_out, seekers);
            let base_rate = rate(base_out, seekers);
            GroupFigures {
                dimension: DIMENSIONS[d].to_owned(),
                group: group.to_owned(),
                seekers,
                run_unmatched: run_out,
                run_unmatched_rate: run_rate,
                run_flagged: flagged(run_rate, run_figures.unmatched_rate),
                baseline_unmatched: base_out,
                baseline_unmatched_rate: base_rate,
                baseline_flagged: flagged(base_rate, baseline_figures.unmatched_rate),
            }
        })
        .collect();
    FairnessReport {
        run: run_figures,
        baseline: baseline_figures,
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assignment(buddy_of: Vec<Option<u32>>, total_score: i64) -> Assignment {
        Assignment {
            matched: buddy_of.iter().filter(|b| b.is_some()).count(),
            buddy_of,
            total_score,
            unmatched: Vec::new(),
        }
    }

    fn groups(language: &str, gender: &str) -> SeekerGroups {
        SeekerGroups([
            language.to_owned(),
            gender.to_owned(),
            "26-35".to_owned(),
            "nord".to_owned(),
        ])
    }

    #[test]
    fn rates_per_group_and_flags_above_one_and_a_half_times_the_cohort() {
        // Hand-computed: 8 seekers, 4 speak Arabic first, 4 Ukrainian.
        // Run: 2 unmatched (one of each language): cohort 0.25, each language 0.25: no flag.
        // Baseline: 3 unmatched, all Arabic: cohort 0.375; Arabic 0.75 > 1.5 x 0.375: flagged,
        // Ukrainian 0.
        let cohort: Vec<SeekerGroups> = (0..8)
            .map(|i| {
                groups(
                    if i < 4 { "ar" } else { "uk" },
                    if i % 2 == 0 { "f" } else { "m" },
                )
            })
            .collect();
        let run = assignment(
            vec![
                None,
                Some(0),
                Some(1),
                Some(2),
                None,
                Some(3),
                Some(4),
                Some(5),
            ],
            600,
        );
        let baseline = assignment(
            vec![
                None,
                None,
                None,
                Some(2),
                Some(0),
                Some(3),
                Some(4),
                Some(5),
            ],
            450,
        );
        let r = report(&cohort, &run, &baseline);
        assert_eq!(r.run.matched, 6);
        assert_eq!(r.run.unmatched_rate, 0.25);
        assert_eq!(r.baseline.matched, 5);
        assert_eq!(r.baseline.total_score, 450);
        assert_eq!(r.baseline.unmatched_rate, 0.375);

        let find = |d: &str, g: &str| {
            r.groups
                .iter()
                .find(|x| x.dimension == d && x.group == g)
                .expect("group")
                .clone()
        };
        let ar = find("language", "ar");
        assert_eq!(
            (ar.seekers, ar.run_unmatched, ar.baseline_unmatched),
            (4, 1, 3)
        );
        assert_eq!(
            (ar.run_unmatched_rate, ar.baseline_unmatched_rate),
            (0.25, 0.75)
        );
        assert!(!ar.run_flagged && ar.baseline_flagged);
        let uk = find("language", "uk");
        assert!(!uk.run_flagged && !uk.baseline_flagged);
        // Women are seekers 0, 2, 4, 6: run leaves out 0 and 4 (0.5 > 0.375): flagged.
        let f = find("gender", "f");
        assert_eq!(f.run_unmatched_rate, 0.5);
        assert!(f.run_flagged);
        // Dimensions in order, one group each for age band and area.
        let dims: Vec<&str> = r.groups.iter().map(|g| g.dimension.as_str()).collect();
        assert_eq!(
            dims,
            vec!["language", "language", "gender", "gender", "age_band", "area"]
        );
    }

    #[test]
    fn nobody_left_out_flags_nobody() {
        let cohort = vec![groups("de", "f")];
        let all = assignment(vec![Some(0)], 10);
        let r = report(&cohort, &all, &all);
        assert_eq!(r.run.unmatched_rate, 0.0);
        assert!(r
            .groups
            .iter()
            .all(|g| !g.run_flagged && !g.baseline_flagged));
        assert_eq!(
            report(&[], &assignment(vec![], 0), &assignment(vec![], 0)).groups,
            vec![]
        );
    }

    #[test]
    fn age_bands() {
        assert_eq!(age_band(16), "0-17");
        assert_eq!(age_band(18), "18-25");
        assert_eq!(age_band(35), "26-35");
        assert_eq!(age_band(50), "36-50");
        assert_eq!(age_band(65), "51-65");
        assert_eq!(age_band(80), "66+");
    }
}
