//! The outcomes page's charts as SVG geometry, drawn on the server so they show without
//! JavaScript and print: the funnel, live matches per stage over time, how long people waited,
//! and belonging and conversation first against latest. Each chart sits next to the table that
//! holds its numbers (for screen readers and the CSV). A hidden count ("<5") draws no bar.

use crate::domain::UiLanguage;
use crate::i18n;
use crate::outcomes::suppression::Cell;
use crate::outcomes::{Breakdown, Outcomes, Trend};

/// Width of the drawing (SVG units).
const WIDTH: u32 = 480;
/// Where the bars start. Each row's label is written above its bars, across the whole width,
/// so long labels in any language never run into a bar.
const BARS_X: u32 = 0;
/// The longest bar (room is left for its value).
const BARS_WIDTH: u32 = 400;
/// Height of a row's label line.
const LABEL_HEIGHT: u32 = 21;
/// Height of one bar.
const BAR_HEIGHT: u32 = 18;
/// Space between rows.
const GAP: u32 = 10;

/// One rectangle of a chart.
pub struct Rect {
    /// Left edge.
    pub x: u32,
    /// Top edge.
    pub y: u32,
    /// Width (0 for a hidden count).
    pub width: u32,
    /// Series (CSS class `s0`..`s6`).
    pub series: usize,
    /// What it shows, as a tooltip.
    pub title: String,
}

/// A value written after a bar.
pub struct Label {
    /// Left edge of the text.
    pub x: u32,
    /// Its baseline.
    pub y: u32,
    /// The text.
    pub text: String,
}

/// One row of a chart: a label and its bars (side by side for a stack, one under the other for
/// a group).
pub struct Row {
    /// The row's label.
    pub label: String,
    /// Baseline of the label.
    pub label_y: u32,
    /// Its rectangles.
    pub rects: Vec<Rect>,
    /// Values written after the bars.
    pub values: Vec<Label>,
}

/// A legend entry.
pub struct Key {
    /// Series (CSS class).
    pub series: usize,
    /// Its name.
    pub label: String,
}

/// A chart.
pub struct Chart {
    /// Anchor (and the id of the table that holds its numbers).
    pub id: &'static str,
    /// Its title.
    pub title: String,
    /// The legend (empty for one series).
    pub keys: Vec<Key>,
    /// The rows.
    pub rows: Vec<Row>,
    /// Width of the drawing.
    pub width: u32,
    /// Height of the drawing.
    pub height: u32,
    /// Where the row labels start (their start is the right end in a right-to-left page).
    pub label_x: u32,
}

impl Chart {
    fn new(id: &'static str, title: String, keys: Vec<Key>, rows: Vec<Row>, height: u32) -> Self {
        Self {
            id,
            title,
            keys,
            rows,
            width: WIDTH,
            height,
            label_x: BARS_X,
        }
    }

    /// The chart drawn from the right, for a right-to-left page: bars grow leftwards and every
    /// text starts at its right end (SVG text follows the page's direction).
    fn mirrored(mut self) -> Self {
        for row in &mut self.rows {
            for r in &mut row.rects {
                r.x = self.width.saturating_sub(r.x + r.width);
            }
            for v in &mut row.values {
                v.x = self.width.saturating_sub(v.x);
            }
        }
        self.label_x = self.width - self.label_x;
        self
    }
}

/// A bar's value (None: hidden) and the text written for it.
type Value = (Option<u64>, String);

/// The length of a bar for `value` when `widest` fills the chart.
fn length(value: u64, widest: u64) -> u32 {
    let scaled = value.saturating_mul(u64::from(BARS_WIDTH)) / widest.max(1);
    u32::try_from(scaled).unwrap_or(BARS_WIDTH).min(BARS_WIDTH)
}

/// A chart of rows with one bar per series each, one under the other. `rows`: a label and, per
/// series, the bar's value (None: hidden) and its text.
fn grouped(
    id: &'static str,
    title: String,
    keys: Vec<Key>,
    rows: Vec<(String, Vec<Value>)>,
    widest: u64,
) -> Chart {
    let mut y = 0;
    let rows = rows
        .into_iter()
        .map(|(label, bars)| {
            let label_y = y + LABEL_HEIGHT - 5;
            y += LABEL_HEIGHT;
            let mut rects = Vec::new();
            let mut values = Vec::new();
            for (series, (value, text)) in bars.into_iter().enumerate() {
                let width = value.map_or(0, |v| length(v, widest));
                values.push(Label {
                    x: BARS_X + width + 6,
                    y: y + BAR_HEIGHT - 3,
                    text: text.clone(),
                });
                rects.push(Rect {
                    x: BARS_X,
                    y,
                    width,
                    series,
                    title: text,
                });
                y += BAR_HEIGHT + 2;
            }
            y += GAP;
            Row {
                label,
                label_y,
                rects,
                values,
            }
        })
        .collect();
    Chart::new(id, title, keys, rows, y)
}

/// A chart of rows with one stacked bar each. `rows`: a label, the segments' values (None:
/// hidden) with their texts, and the total's text.
fn stacked(
    id: &'static str,
    title: String,
    keys: Vec<Key>,
    rows: Vec<(String, Vec<Value>, String)>,
    widest: u64,
) -> Chart {
    let mut y = 0;
    let rows = rows
        .into_iter()
        .map(|(label, segments, total)| {
            let label_y = y + LABEL_HEIGHT - 5;
            y += LABEL_HEIGHT;
            let mut x = BARS_X;
            let rects = segments
                .into_iter()
                .enumerate()
                .map(|(series, (value, text))| {
                    let width = value.map_or(0, |v| length(v, widest));
                    let rect = Rect {
                        x,
                        y,
                        width,
                        series,
                        title: text,
                    };
                    x += width;
                    rect
                })
                .collect();
            let row = Row {
                label,
                label_y,
                rects,
                values: vec![Label {
                    x: x + 6,
                    y: y + BAR_HEIGHT - 3,
                    text: total,
                }],
            };
            y += BAR_HEIGHT + GAP;
            row
        })
        .collect();
    Chart::new(id, title, keys, rows, y)
}

fn shown(c: Cell) -> Value {
    (c.value(), c.to_string())
}

fn funnel(lang: UiLanguage, o: &Outcomes) -> Chart {
    let widest = o
        .funnel
        .iter()
        .filter_map(|s| s.count.value())
        .max()
        .unwrap_or(0);
    grouped(
        "funnel",
        i18n::t(lang, "out-funnel-chart"),
        Vec::new(),
        o.funnel
            .iter()
            .map(|s| (i18n::coded(lang, "out-step", &s.code), vec![shown(s.count)]))
            .collect(),
        widest,
    )
}

fn stages_over_time(lang: UiLanguage, o: &Outcomes) -> Chart {
    let stages: Vec<&str> = o
        .stages_over_time
        .first()
        .map(|p| p.stages.rows.iter().map(|r| r.code.as_str()).collect())
        .unwrap_or_default();
    let keys = stages
        .iter()
        .enumerate()
        .map(|(series, code)| Key {
            series,
            label: i18n::coded(lang, "conn-stage", code),
        })
        .collect();
    stacked(
        "stages-over-time",
        i18n::t(lang, "out-stages-chart"),
        keys,
        o.stages_over_time
            .iter()
            .map(|p| {
                (
                    p.day.format("%Y-%m-%d").to_string(),
                    p.stages.rows.iter().map(|r| shown(r.count)).collect(),
                    p.stages.total.to_string(),
                )
            })
            .collect(),
        crate::outcomes::over_time::widest(&o.stages_over_time),
    )
}

fn waiting(lang: UiLanguage, o: &Outcomes) -> Chart {
    let (introduced, now): (&Breakdown, &Breakdown) = (
        &o.waiting.introduced_by_days,
        &o.waiting.waiting_now_by_days,
    );
    let widest = introduced
        .rows
        .iter()
        .chain(&now.rows)
        .filter_map(|r| r.count.value())
        .max()
        .unwrap_or(0);
    grouped(
        "waiting-days",
        i18n::t(lang, "out-waiting-chart"),
        vec![
            Key {
                series: 0,
                label: i18n::t(lang, "out-introduced"),
            },
            Key {
                series: 1,
                label: i18n::t(lang, "out-waiting-now"),
            },
        ],
        introduced
            .rows
            .iter()
            .zip(&now.rows)
            .map(|(a, b)| {
                (
                    days_label(lang, &a.code),
                    vec![shown(a.count), shown(b.count)],
                )
            })
            .collect(),
        widest,
    )
}

/// A band of days (`8-14`, `181+`) in words.
#[must_use]
pub fn days_label(lang: UiLanguage, code: &str) -> String {
    match code.split_once('-') {
        Some((from, to)) => i18n::t_args(lang, "out-days-range", &[("from", from), ("to", to)]),
        None => i18n::t_args(
            lang,
            "out-days-from",
            &[("from", code.trim_end_matches('+'))],
        ),
    }
}

fn first_and_latest(lang: UiLanguage, questions: [(String, &Trend); 2]) -> Chart {
    let pct = |p: Option<f64>| {
        (
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 0..=100
            p.map(|v| (v * 10.0).round() as u64),
            p.map_or_else(|| "–".to_owned(), |v| format!("{v:.1} %")),
        )
    };
    grouped(
        "belonging",
        i18n::t(lang, "out-first-latest-chart"),
        vec![
            Key {
                series: 0,
                label: i18n::t(lang, "out-percent-first"),
            },
            Key {
                series: 1,
                label: i18n::t(lang, "out-percent-latest"),
            },
        ],
        questions
            .into_iter()
            .map(|(label, t)| {
                (
                    label,
                    vec![pct(t.percent_high_first), pct(t.percent_high_latest)],
                )
            })
            .collect(),
        1000,
    )
}

/// The page's charts, in page order. `conversation`: the conversation question's label.
#[must_use]
pub fn charts(lang: UiLanguage, o: &Outcomes, conversation: String) -> Vec<Chart> {
    let charts = vec![
        funnel(lang, o),
        stages_over_time(lang, o),
        waiting(lang, o),
        first_and_latest(
            lang,
            [
                (i18n::t(lang, "out-belonging"), &o.belonging),
                (conversation, &o.conversation),
            ],
        ),
    ];
    if lang.is_rtl() {
        charts.into_iter().map(Chart::mirrored).collect()
    } else {
        charts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_widest_and_hidden_counts_draw_nothing() {
        let c = grouped(
            "t",
            "T".to_owned(),
            Vec::new(),
            vec![
                ("a".to_owned(), vec![(Some(100), "100".to_owned())]),
                ("b".to_owned(), vec![(Some(50), "50".to_owned())]),
                ("c".to_owned(), vec![(None, "<5".to_owned())]),
            ],
            100,
        );
        let widths: Vec<u32> = c.rows.iter().map(|r| r.rects[0].width).collect();
        assert_eq!(widths, [BARS_WIDTH, BARS_WIDTH / 2, 0]);
        assert_eq!(c.rows[2].values[0].text, "<5");
        assert!(c.rows[1].rects[0].y > c.rows[0].rects[0].y);
        assert_eq!(c.height, 3 * (LABEL_HEIGHT + BAR_HEIGHT + 2 + GAP));
        assert!(
            c.rows[0].label_y < c.rows[0].rects[0].y,
            "the label is above its bar"
        );
    }

    #[test]
    fn stacked_segments_follow_each_other() {
        let c = stacked(
            "t",
            "T".to_owned(),
            Vec::new(),
            vec![(
                "2026-01-31".to_owned(),
                vec![
                    (Some(30), "30".to_owned()),
                    (None, "<5".to_owned()),
                    (Some(10), "10".to_owned()),
                ],
                "45".to_owned(),
            )],
            40,
        );
        let r = &c.rows[0].rects;
        assert_eq!(r[0].x, BARS_X);
        assert_eq!(r[1].width, 0);
        assert_eq!(r[2].x, BARS_X + r[0].width);
        assert_eq!(r[0].width + r[2].width, BARS_WIDTH);
        assert_eq!(c.rows[0].values[0].x, BARS_X + BARS_WIDTH + 6);
        let m = c.mirrored();
        let r = &m.rows[0].rects;
        assert_eq!(
            r[0].x + r[0].width,
            WIDTH - BARS_X,
            "the first segment ends at the right"
        );
        assert_eq!(r[2].x + r[2].width, r[0].x, "the next one to its left");
        assert_eq!(m.label_x, WIDTH - BARS_X);
    }
}
