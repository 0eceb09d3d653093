//! Live matches per stage at points through the period (the end of each month and of the
//! period): the "stages over time" chart and its table. The database gives the stage history
//! as per-day changes of each stage's live count ([`crate::db::outcomes::stage_deltas`]); this
//! adds them up to each point and suppresses small counts like every other breakdown.

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use super::Breakdown;
use crate::db::outcomes::StageDelta;
use crate::domain::Stage;

/// Live matches per stage at the end of one day.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct StagesAt {
    /// The day (counted at its end).
    pub day: NaiveDate,
    /// Live matches per stage then, with their total.
    pub stages: Breakdown,
}

/// The stages that a live match can be at, in path order.
pub(crate) fn live_stages() -> impl Iterator<Item = Stage> {
    Stage::ALL.iter().copied().filter(|s| *s != Stage::Closed)
}

/// Adds `deltas` up to the end of each of `days`, per stage.
#[must_use]
pub fn stages_at(days: &[NaiveDate], deltas: &[StageDelta]) -> Vec<StagesAt> {
    days.iter()
        .map(|day| {
            let through = day.format("%Y-%m-%d").to_string();
            let count = |stage: Stage| {
                deltas
                    .iter()
                    .filter(|d| d.stage == stage.code() && d.day <= through)
                    .map(|d| d.delta)
                    .sum::<i64>()
                    .max(0)
            };
            StagesAt {
                day: *day,
                stages: Breakdown::of(
                    live_stages()
                        .map(|s| (s.code().to_owned(), count(s)))
                        .collect(),
                ),
            }
        })
        .collect()
}

/// The largest total over the points (for a chart's scale); 0 when all are hidden.
#[must_use]
pub fn widest(points: &[StagesAt]) -> u64 {
    points
        .iter()
        .filter_map(|p| p.stages.total.value())
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcomes::suppression::Cell;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
    }

    fn delta(stage: &str, day: &str, delta: i64) -> StageDelta {
        StageDelta {
            stage: stage.to_owned(),
            day: day.to_owned(),
            delta,
        }
    }

    #[test]
    fn the_changes_add_up_to_each_point() {
        let days = [day("2026-01-31"), day("2026-02-28"), day("2026-03-15")];
        // 10 matches introduced before the first point, 6 of them met before the second point;
        // 7 more introduced between the second and third and still so at the end; 5 stalled
        // throughout.
        let spans = [
            delta("introduced", "2026-01-10", 10),
            delta("stalled", "2026-01-10", 5),
            delta("introduced", "2026-02-03", -6),
            delta("getting_to_know", "2026-02-03", 6),
            delta("introduced", "2026-03-01", 7),
            delta("introduced", "2026-03-16", -7), // the day after the last point
        ];
        let points = stages_at(&days, &spans);
        let count = |p: usize, stage: &str| {
            points[p]
                .stages
                .rows
                .iter()
                .find(|r| r.code == stage)
                .map(|r| r.count)
        };
        assert_eq!(count(0, "introduced"), Some(Cell::Shown(10)));
        // The empty stages sum to 0: the smallest shown count (stalled, 5) is hidden with them.
        assert_eq!(count(0, "stalled"), Some(Cell::Hidden));
        assert_eq!(count(1, "introduced"), Some(Cell::Hidden)); // 4: under five
        assert_eq!(count(1, "getting_to_know"), Some(Cell::Shown(6)));
        assert_eq!(count(2, "introduced"), Some(Cell::Shown(11)));
        assert_eq!(points[2].stages.total, Cell::Shown(22));
        assert_eq!(points[2].day, day("2026-03-15"));
        assert!(points[0].stages.rows.iter().all(|r| r.code != "closed"));
        assert_eq!(widest(&points), 22);
    }
}
