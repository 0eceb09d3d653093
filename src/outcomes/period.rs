//! The period an outcomes report covers, read at the edge from `period` (`month`, `quarter`,
//! `year`, `last_12_months`, `custom`) and, for `custom`, `from` and `to` (inclusive dates).

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::domain::ValidationErrors;

/// Longest custom period, in days (ten years).
pub const MAX_DAYS: i64 = 3660;

/// Most points of a chart over the period (a year's month ends and the last day).
pub const MAX_POINTS: usize = 13;

/// Which kind of period was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    /// This calendar month so far.
    Month,
    /// This calendar quarter so far.
    Quarter,
    /// This calendar year so far.
    Year,
    /// The last twelve months up to today (the default).
    Last12Months,
    /// From and to as given.
    Custom,
}

impl PeriodKind {
    /// Its code in links and the API.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
            Self::Last12Months => "last_12_months",
            Self::Custom => "custom",
        }
    }

    /// Every kind, in menu order.
    pub const ALL: [Self; 5] = [
        Self::Last12Months,
        Self::Month,
        Self::Quarter,
        Self::Year,
        Self::Custom,
    ];
}

/// A period of whole days: `first` to `last`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// What was asked for.
    pub kind: PeriodKind,
    /// First day.
    pub first: NaiveDate,
    /// Last day (included).
    pub last: NaiveDate,
}

impl Period {
    /// Reads the period (`today` for the relative kinds).
    ///
    /// # Errors
    /// [`ValidationErrors`] naming `period` (`invalid_choice`), `from` or `to` (`required`,
    /// `invalid_date`, `before_from`, `too_long`).
    pub fn parse(
        period: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
        today: NaiveDate,
    ) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let blank = |v: Option<&str>| v.map_or(true, |s| s.trim().is_empty());
        let kind = match period.map(str::trim).filter(|s| !s.is_empty()) {
            None if !blank(from) || !blank(to) => PeriodKind::Custom,
            None => PeriodKind::Last12Months,
            Some(code) => match PeriodKind::ALL.iter().find(|k| k.code() == code) {
                Some(k) => *k,
                None => {
                    e.add("period", "invalid_choice");
                    return Err(e);
                }
            },
        };
        // A relative period leaves `from` and `to` aside, but a malformed one is still an error
        // (the API document says what they look like).
        if kind != PeriodKind::Custom {
            for (field, raw) in [("from", from), ("to", to)] {
                let raw = raw.map(str::trim).unwrap_or_default();
                if !raw.is_empty() && NaiveDate::parse_from_str(raw, "%Y-%m-%d").is_err() {
                    e.add(field, "invalid_date");
                }
            }
            if !e.errors.is_empty() {
                return Err(e);
            }
        }
        let start_of = |months_back: u32| {
            let month0 = today.month0() - today.month0() % months_back.max(1);
            NaiveDate::from_ymd_opt(today.year(), month0 + 1, 1).unwrap_or(today)
        };
        let (first, last) = match kind {
            PeriodKind::Month => (start_of(1), today),
            PeriodKind::Quarter => (start_of(3), today),
            PeriodKind::Year => (start_of(12), today),
            PeriodKind::Last12Months => (
                today
                    .checked_sub_months(Months::new(12))
                    .and_then(|d| d.checked_add_days(Days::new(1)))
                    .unwrap_or(today),
                today,
            ),
            PeriodKind::Custom => {
                let date = |e: &mut ValidationErrors, field: &str, raw: Option<&str>| {
                    let raw = raw.map(str::trim).unwrap_or_default();
                    if raw.is_empty() {
                        e.add(field, "required");
                        return None;
                    }
                    e.check(
                        field,
                        NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| "invalid_date"),
                    )
                };
                let first = date(&mut e, "from", from);
                let last = date(&mut e, "to", to);
                match (first, last) {
                    (Some(f), Some(l)) if l < f => {
                        e.add("to", "before_from");
                        return Err(e);
                    }
                    (Some(f), Some(l)) if (l - f).num_days() > MAX_DAYS => {
                        e.add("to", "too_long");
                        return Err(e);
                    }
                    (Some(f), Some(l)) => (f, l),
                    _ => return Err(e),
                }
            }
        };
        Ok(Self { kind, first, last })
    }

    /// The moment the period starts (midnight UTC of its first day).
    #[must_use]
    pub fn start(&self) -> chrono::NaiveDateTime {
        self.first.and_time(chrono::NaiveTime::MIN)
    }

    /// The first moment after it (midnight after its last day).
    #[must_use]
    pub fn end(&self) -> chrono::NaiveDateTime {
        self.day_after().and_time(chrono::NaiveTime::MIN)
    }

    /// The day after its last day.
    #[must_use]
    pub fn day_after(&self) -> NaiveDate {
        self.last
            .checked_add_days(Days::new(1))
            .unwrap_or(self.last)
    }

    /// The days at whose end a figure is counted for a chart over the period: the last day of
    /// each month that ends inside it, then its last day. In a long period only every n-th month
    /// end is kept (counted back from the end), so there are at most [`MAX_POINTS`].
    #[must_use]
    pub fn points(&self) -> Vec<NaiveDate> {
        let mut ends = Vec::new();
        let mut month = NaiveDate::from_ymd_opt(self.first.year(), self.first.month(), 1);
        while let Some(m) = month {
            let next = m.checked_add_months(Months::new(1));
            match next.and_then(|n| n.pred_opt()) {
                Some(end) if end < self.last => {
                    if end >= self.first {
                        ends.push(end);
                    }
                }
                _ => break,
            }
            month = next;
        }
        let step = ends.len().div_ceil(MAX_POINTS - 1).max(1);
        let mut points: Vec<NaiveDate> = ends.iter().rev().step_by(step).copied().collect();
        points.reverse();
        points.push(self.last);
        points
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date")
    }

    #[test]
    fn relative_periods_end_today() {
        let today = day("2026-08-15");
        let p = |k| Period::parse(Some(k), None, None, today).expect("valid");
        assert_eq!(p("month").first, day("2026-08-01"));
        assert_eq!(p("quarter").first, day("2026-07-01"));
        assert_eq!(p("year").first, day("2026-01-01"));
        assert_eq!(p("last_12_months").first, day("2025-08-16"));
        let default = Period::parse(None, None, None, today).expect("valid");
        // A relative period ignores well-formed dates but not malformed ones.
        assert!(Period::parse(Some("quarter"), Some("2026-01-01"), None, today).is_ok());
        let bad = Period::parse(Some("last_12_months"), Some("__main__"), Some(" "), today)
            .expect_err("malformed from");
        assert_eq!(bad.errors.len(), 1);
        assert_eq!(
            (bad.errors[0].field.as_str(), bad.errors[0].code),
            ("from", "invalid_date")
        );
        assert_eq!(default.kind, PeriodKind::Last12Months);
        assert_eq!(default.last, today);
        assert_eq!(
            default.end(),
            day("2026-08-16").and_time(chrono::NaiveTime::MIN)
        );
    }

    #[test]
    fn chart_points_are_month_ends_then_the_last_day() {
        let today = day("2026-08-15");
        let year = Period::parse(Some("last_12_months"), None, None, today).expect("valid");
        let points = year.points();
        assert_eq!(points.len(), 13);
        assert_eq!(points[0], day("2025-08-31"));
        assert_eq!(points[11], day("2026-07-31"));
        assert_eq!(points[12], today);
        let month = Period::parse(Some("month"), None, None, today).expect("valid");
        assert_eq!(month.points(), vec![today]);
        // A month that ends on the period's last day is that last day, once.
        let june = Period::parse(None, Some("2026-06-01"), Some("2026-06-30"), today).expect("ok");
        assert_eq!(june.points(), vec![day("2026-06-30")]);
        // Ten years: every tenth month end, the last one kept, at most 13 points.
        let long = Period::parse(None, Some("2016-09-01"), Some("2026-08-15"), today).expect("ok");
        let points = long.points();
        assert!(points.len() <= MAX_POINTS, "{}", points.len());
        assert_eq!(points[points.len() - 2], day("2026-07-31"));
        assert!(points.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn custom_periods_are_checked() {
        let today = day("2026-08-15");
        let ok = Period::parse(None, Some("2026-01-01"), Some("2026-03-31"), today).expect("ok");
        assert_eq!(
            (ok.kind, ok.first, ok.last),
            (PeriodKind::Custom, day("2026-01-01"), day("2026-03-31"))
        );
        let code = |from: Option<&str>, to: Option<&str>, field: &str| {
            Period::parse(Some("custom"), from, to, today)
                .err()
                .and_then(|e| e.code_for(field))
        };
        assert_eq!(code(None, Some("2026-01-01"), "from"), Some("required"));
        assert_eq!(
            code(Some("1.1.2026"), Some("2026-01-01"), "from"),
            Some("invalid_date")
        );
        assert_eq!(
            code(Some("2026-02-01"), Some("2026-01-01"), "to"),
            Some("before_from")
        );
        assert_eq!(
            code(Some("2000-01-01"), Some("2026-01-01"), "to"),
            Some("too_long")
        );
        assert_eq!(
            Period::parse(Some("decade"), None, None, today)
                .err()
                .and_then(|e| e.code_for("period")),
            Some("invalid_choice")
        );
    }
}
