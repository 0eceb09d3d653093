//! Waiting for a buddy: days from confirmation to introduction for the arriving members
//! introduced in the period (median, 90th percentile and how they spread), the people waiting
//! now and for how long, and the latest run's unmatched reasons.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::Serialize;
use utoipa::ToSchema;

use super::suppression::{self, Cell};
use super::Breakdown;
use crate::db::outcomes::{self as store, Span};
use crate::db::{runs, DbConnection, DbError};
use crate::matching_runs::review;

/// The bands of days the waits are spread over: first day, last day (None: and longer).
pub const DAY_BANDS: [(i64, Option<i64>); 7] = [
    (0, Some(7)),
    (8, Some(14)),
    (15, Some(30)),
    (31, Some(60)),
    (61, Some(90)),
    (91, Some(180)),
    (181, None),
];

/// A band's code: `0-7`, ..., `181+`.
#[must_use]
pub fn band_code(band: (i64, Option<i64>)) -> String {
    match band {
        (first, Some(last)) => format!("{first}-{last}"),
        (first, None) => format!("{first}+"),
    }
}

/// How many of `days` fall in each of [`DAY_BANDS`], published.
fn spread(days: &[i64]) -> Breakdown {
    Breakdown::of(
        DAY_BANDS
            .iter()
            .map(|&(first, last)| {
                let count = days
                    .iter()
                    .filter(|&&d| d >= first && last.map_or(true, |l| d <= l))
                    .count();
                (
                    band_code((first, last)),
                    i64::try_from(count).unwrap_or(i64::MAX),
                )
            })
            .collect(),
    )
}

/// Days of waiting.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Waiting {
    /// Arriving members introduced (a match approved) in the period.
    pub introduced: Cell,
    /// Median days from confirmation to introduction (null under five people).
    pub median_days: Option<i64>,
    /// 90th percentile of those days.
    pub p90_days: Option<i64>,
    /// Arriving members waiting now (confirmed, no live match).
    pub waiting_now: Cell,
    /// Their median days of waiting so far.
    pub waiting_now_median_days: Option<i64>,
    /// The latest run's unmatched seekers by reason.
    pub unmatched_reasons: Breakdown,
    /// Those introduced in the period by days waited (bands `0-7` ... `181+`).
    pub introduced_by_days: Breakdown,
    /// Those waiting now by days waited so far.
    pub waiting_now_by_days: Breakdown,
}

/// The value at `fraction` (0..=1) of sorted `days` by the nearest-rank method; None under five
/// values (a percentile of a handful of people describes them).
fn percentile(days: &[i64], fraction: f64) -> Option<i64> {
    if (days.len() as u64) < suppression::MIN_CELL {
        return None;
    }
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )] // a rank among at most millions of people
    let rank = ((fraction * days.len() as f64).ceil() as usize).clamp(1, days.len());
    days.get(rank - 1).copied()
}

/// Waiting in `span` (and now, at `now`) for `programmes`.
///
/// # Errors
/// Storage failures.
pub fn waiting(
    conn: &mut DbConnection,
    programmes: &[i32],
    span: Span,
    now: NaiveDateTime,
) -> Result<Waiting, DbError> {
    let mut waits: Vec<i64> = store::waits_to_introduction(conn, programmes, span)?
        .into_iter()
        .map(|(confirmed, decided)| (decided - confirmed).num_days().max(0))
        .collect();
    waits.sort_unstable();
    let mut now_waiting: Vec<i64> = store::waiting_now(conn, programmes)?
        .into_iter()
        .map(|since| (now - since).num_days().max(0))
        .collect();
    now_waiting.sort_unstable();
    let mut reasons: BTreeMap<String, i64> = BTreeMap::new();
    for &programme_id in programmes {
        if let Some(run) = runs::for_programme(conn, programme_id, 1)?.first() {
            for u in review::unmatched_of(run) {
                *reasons.entry(u.reason).or_default() += 1;
            }
        }
    }
    Ok(Waiting {
        introduced: suppression::count(waits.len() as u64),
        median_days: percentile(&waits, 0.5),
        p90_days: percentile(&waits, 0.9),
        waiting_now: suppression::count(now_waiting.len() as u64),
        waiting_now_median_days: percentile(&now_waiting, 0.5),
        unmatched_reasons: Breakdown::of(reasons.into_iter().collect()),
        introduced_by_days: spread(&waits),
        waiting_now_by_days: spread(&now_waiting),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank_and_none_for_a_handful() {
        assert_eq!(percentile(&[1, 2, 3, 4], 0.5), None);
        let days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        assert_eq!(percentile(&days, 0.5), Some(5));
        assert_eq!(percentile(&days, 0.9), Some(9));
        assert_eq!(percentile(&[3, 3, 3, 3, 40], 0.9), Some(40));
    }

    #[test]
    fn waits_spread_over_bands() {
        let days = [0, 3, 7, 7, 7, 8, 200, 200, 200, 200, 365];
        let b = spread(&days);
        let codes: Vec<&str> = b.rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(
            codes,
            ["0-7", "8-14", "15-30", "31-60", "61-90", "91-180", "181+"]
        );
        // 8-14 holds 1 and five bands none: the first band of 5 is hidden with them.
        assert_eq!(b.rows[1].count, Cell::Hidden);
        assert_eq!(b.rows[0].count, Cell::Hidden);
        assert_eq!(b.rows[6].count, Cell::Shown(5));
        assert_eq!(b.total, Cell::Shown(11));
    }
}
