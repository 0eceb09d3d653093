//! The run page's "fair matching" section: the run next to first come, first served
//! ([`crate::matching_runs::fairness`]) and the unmatched rate per group, worded for the page.

use crate::domain::{Programme, UiLanguage};
use crate::i18n;
use crate::matching_runs::fairness::{FairnessReport, ResultFigures};
use crate::routes::profile_form::text::ProfileText;

/// One result's row.
pub(super) struct ResultRow {
    pub label: String,
    pub matched: usize,
    pub unmatched: String,
    pub total_score: i64,
}

/// One group's row.
pub(super) struct GroupRow {
    pub dimension: String,
    pub group: String,
    pub seekers: usize,
    pub run: String,
    pub run_flagged: bool,
    pub baseline: String,
    pub baseline_flagged: bool,
}

/// The section.
pub(super) struct FairnessView {
    pub results: Vec<ResultRow>,
    pub groups: Vec<GroupRow>,
}

/// "37.5 %".
fn percent(rate: f64) -> String {
    format!("{:.1} %", rate * 100.0)
}

fn result_row(lang: UiLanguage, key: &str, f: &ResultFigures) -> ResultRow {
    ResultRow {
        label: i18n::t(lang, key),
        matched: f.matched,
        unmatched: format!("{} ({})", f.unmatched, percent(f.unmatched_rate)),
        total_score: f.total_score,
    }
}

/// The section for `report` in `lang`.
pub(super) fn view(
    lang: UiLanguage,
    programme: &Programme,
    report: &FairnessReport,
) -> FairnessView {
    let text = ProfileText { lang, programme };
    let group_name = |dimension: &str, group: &str| -> String {
        if group == "unknown" {
            return i18n::t(lang, "fair-unknown");
        }
        match dimension {
            "language" => i18n::language_name(lang, group),
            "gender" => i18n::coded(lang, "gender", group),
            "area" => text.area(group),
            _ => group.to_owned(),
        }
    };
    FairnessView {
        results: vec![
            result_row(lang, "fair-this-run", &report.run),
            result_row(lang, "fair-baseline", &report.baseline),
        ],
        groups: report
            .groups
            .iter()
            .map(|g| GroupRow {
                dimension: i18n::coded(lang, "fair-dim", &g.dimension),
                group: group_name(&g.dimension, &g.group),
                seekers: g.seekers,
                run: format!("{} ({})", g.run_unmatched, percent(g.run_unmatched_rate)),
                run_flagged: g.run_flagged,
                baseline: format!(
                    "{} ({})",
                    g.baseline_unmatched,
                    percent(g.baseline_unmatched_rate)
                ),
                baseline_flagged: g.baseline_flagged,
            })
            .collect(),
    }
}
