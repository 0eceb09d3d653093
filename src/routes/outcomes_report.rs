//! The outcomes ([`crate::outcomes`]) as labelled tables in one language: what the coordinator's
//! page shows, and what the CSV downloads (page and API) hold. The values stay typed
//! ([`Value`]): the page writes them in the reader's locale (digits, separators), the CSV plainly
//! for spreadsheets. Hidden counts read "<5"; missing figures "–" on the page, empty in a CSV.

use actix_web::HttpResponse;

use crate::domain::{Programme, UiLanguage};
use crate::i18n;
use crate::routes::outcomes_charts::days_label;
use crate::routes::profile_form::text::ProfileText;

use crate::i18n::format;
use crate::outcomes::suppression::{Cell, HIDDEN};
use crate::outcomes::{Breakdown, BySide, Outcomes, SideBreakdown};

/// One table of the report.
pub struct Table {
    /// Stable id (anchors, `?table=` of the CSV download).
    pub id: &'static str,
    /// Its title.
    pub caption: String,
    /// How it is computed.
    pub how: String,
    /// Column headings (the first heads the row labels).
    pub head: Vec<String>,
    /// Rows: a label and the values.
    pub rows: Vec<(String, Vec<Value>)>,
}

/// One figure of a table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// A count.
    Count(i64),
    /// A count under the suppression threshold.
    Hidden,
    /// A percentage, one decimal; None when there is nothing to divide.
    Percent(Option<f64>),
    /// A number of days; None when there is none.
    Days(Option<i64>),
}

impl Value {
    /// As the page shows it, in `lang`: "1.234", "12,5 %", "۱۲٫۵ ٪", "<5", "–".
    #[must_use]
    pub fn shown(&self, lang: UiLanguage) -> String {
        match *self {
            Self::Count(n) | Self::Days(Some(n)) => format::integer(lang, n),
            Self::Hidden => HIDDEN.to_owned(),
            // Persian writes its own percent sign; the other five languages "%".
            Self::Percent(Some(p)) => {
                let sign = if lang == UiLanguage::Fa { "٪" } else { "%" };
                format!("{}\u{a0}{sign}", format::decimal(lang, p, 1))
            }
            Self::Percent(None) | Self::Days(None) => "–".to_owned(),
        }
    }

    /// As a CSV holds it: digits and a point, no sign ("12.5"); "<5"; empty when missing.
    #[must_use]
    pub fn plain(&self) -> String {
        match *self {
            Self::Count(n) | Self::Days(Some(n)) => n.to_string(),
            Self::Hidden => HIDDEN.to_owned(),
            Self::Percent(Some(p)) => format!("{p:.1}"),
            Self::Percent(None) | Self::Days(None) => String::new(),
        }
    }
}

impl From<Cell> for Value {
    fn from(c: Cell) -> Self {
        match c {
            Cell::Shown(n) => Self::Count(i64::try_from(n).unwrap_or(i64::MAX)),
            Cell::Hidden => Self::Hidden,
        }
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Self::Count(n)
    }
}

fn pct(p: Option<f64>) -> Value {
    Value::Percent(p)
}

fn days(d: Option<i64>) -> Value {
    Value::Days(d)
}

fn side_row(label: String, s: &BySide) -> (String, Vec<Value>) {
    (
        label,
        vec![s.arriving.into(), s.receiving.into(), s.total.into()],
    )
}

fn breakdown_rows(
    b: &Breakdown,
    name: impl Fn(&str) -> String,
    total: String,
) -> Vec<(String, Vec<Value>)> {
    let mut rows: Vec<(String, Vec<Value>)> = b
        .rows
        .iter()
        .map(|r| (name(&r.code), vec![r.count.into()]))
        .collect();
    rows.push((total, vec![b.total.into()]));
    rows
}

/// The two sides' breakdowns of one dimension as one table: a row per group, a column per side.
fn side_table(
    lang: UiLanguage,
    id: &'static str,
    dimension: &str,
    all: &[SideBreakdown],
    name: &dyn Fn(&str) -> String,
) -> Table {
    let of = |side: &str| {
        all.iter()
            .find(|b| b.side == side && b.dimension == dimension)
            .map(|b| b.breakdown.clone())
    };
    let (arriving, receiving) = (of("arriving"), of("receiving"));
    let mut codes: Vec<String> = arriving
        .iter()
        .chain(receiving.iter())
        .flat_map(|b| b.rows.iter().map(|r| r.code.clone()))
        .collect();
    codes.sort();
    codes.dedup();
    let cell = |b: &Option<Breakdown>, code: &str| {
        b.as_ref()
            .and_then(|b| b.rows.iter().find(|r| r.code == code))
            .map_or(Value::Count(0), |r| r.count.into())
    };
    let total = |b: &Option<Breakdown>| Value::from(b.as_ref().map_or(Cell::Hidden, |b| b.total));
    let mut rows: Vec<(String, Vec<Value>)> = codes
        .iter()
        .map(|c| (name(c), vec![cell(&arriving, c), cell(&receiving, c)]))
        .collect();
    rows.push((
        i18n::t(lang, "out-total"),
        vec![total(&arriving), total(&receiving)],
    ));
    Table {
        id,
        caption: i18n::coded(lang, "out-by", dimension),
        how: i18n::t(lang, "out-by-how"),
        head: vec![
            i18n::t(lang, "out-group"),
            i18n::t(lang, "out-arriving"),
            i18n::t(lang, "out-receiving"),
        ],
        rows,
    }
}

/// Live matches per stage at each point of the period: a row a day, a column a stage.
fn stages_over_time(lang: UiLanguage, o: &Outcomes) -> Table {
    let stages: Vec<String> = o
        .stages_over_time
        .first()
        .map(|p| p.stages.rows.iter().map(|r| r.code.clone()).collect())
        .unwrap_or_default();
    let mut head = vec![i18n::t(lang, "out-day")];
    head.extend(stages.iter().map(|c| i18n::coded(lang, "conn-stage", c)));
    head.push(i18n::t(lang, "out-total"));
    Table {
        id: "stages-over-time",
        caption: i18n::t(lang, "out-stages-over-time"),
        how: i18n::t(lang, "out-stages-over-time-how"),
        head,
        rows: o
            .stages_over_time
            .iter()
            .map(|p| {
                let mut values: Vec<Value> = p.stages.rows.iter().map(|r| r.count.into()).collect();
                values.push(p.stages.total.into());
                (p.day.format("%Y-%m-%d").to_string(), values)
            })
            .collect(),
    }
}

/// "Can hold a simple conversation in <the programme's local language>" (or "the local
/// language" across programmes).
#[must_use]
pub fn conversation_label(lang: UiLanguage, programme: Option<&Programme>) -> String {
    programme.map_or_else(
        || i18n::t(lang, "out-conversation-local"),
        |p| {
            i18n::t_args(
                lang,
                "out-conversation",
                &[("language", &i18n::language_name(lang, &p.local_language))],
            )
        },
    )
}

/// Every table of the report, in page order.
#[must_use]
#[allow(clippy::too_many_lines)] // the report's tables in order
/// `programme`: the one programme (area names, its local language), or None across programmes.
pub fn tables(lang: UiLanguage, programme: Option<&Programme>, o: &Outcomes) -> Vec<Table> {
    let t = |k: &str| i18n::t(lang, k);
    let text = programme.map(|programme| ProfileText { lang, programme });
    let sides = vec![
        t("out-figure"),
        t("out-arriving"),
        t("out-receiving"),
        t("out-total"),
    ];
    let mut out = vec![
        Table {
            id: "participation",
            caption: t("out-participation"),
            how: t("out-participation-how"),
            head: sides,
            rows: vec![
                side_row(t("out-confirmed"), &o.confirmed),
                side_row(t("out-matched"), &o.matched),
                side_row(t("out-active"), &o.active),
            ],
        },
        Table {
            id: "pairs",
            caption: t("out-pairs"),
            how: t("out-pairs-how"),
            head: vec![t("out-figure"), t("out-count")],
            rows: vec![
                (t("out-pairs-created"), vec![o.pairs_created.into()]),
                (t("out-became-buddies"), vec![o.became_buddies.into()]),
            ],
        },
        Table {
            id: "satisfaction",
            caption: t("out-satisfaction"),
            how: t("out-satisfaction-how"),
            head: vec![t("out-figure"), t("out-answered"), t("out-percent-high")],
            rows: [
                (t("out-arriving"), &o.satisfaction_arriving),
                (t("out-receiving"), &o.satisfaction_receiving),
            ]
            .into_iter()
            .map(|(label, s)| (label, vec![s.answered.into(), pct(s.percent_high)]))
            .collect(),
        },
        Table {
            id: "belonging",
            caption: t("out-arriving-questions"),
            how: t("out-arriving-questions-how"),
            head: vec![
                t("out-figure"),
                t("out-answered"),
                t("out-percent-high"),
                t("out-repeated"),
                t("out-percent-first"),
                t("out-percent-latest"),
            ],
            rows: [
                (t("out-belonging"), &o.belonging),
                (conversation_label(lang, programme), &o.conversation),
            ]
            .into_iter()
            .map(|(label, tr)| {
                (
                    label,
                    vec![
                        tr.answered.into(),
                        pct(tr.percent_high),
                        tr.repeated.into(),
                        pct(tr.percent_high_first),
                        pct(tr.percent_high_latest),
                    ],
                )
            })
            .collect(),
        },
        Table {
            id: "stages",
            caption: t("out-stages"),
            how: t("out-stages-how"),
            head: vec![t("out-stage"), t("out-matches")],
            rows: breakdown_rows(
                &o.stages_now,
                |c| i18n::coded(lang, "conn-stage", c),
                t("out-total"),
            ),
        },
        stages_over_time(lang, o),
        Table {
            id: "funnel",
            caption: t("out-funnel"),
            how: t("out-funnel-how"),
            head: vec![t("out-step"), t("out-arriving")],
            rows: o
                .funnel
                .iter()
                .map(|s| (i18n::coded(lang, "out-step", &s.code), vec![s.count.into()]))
                .collect(),
        },
        Table {
            id: "retention",
            caption: t("out-retention"),
            how: t("out-retention-how"),
            head: vec![t("out-months"), t("out-matches"), t("out-percent-still")],
            rows: o
                .retention
                .iter()
                .map(|r| {
                    (
                        r.months.to_string(),
                        vec![r.matches.into(), pct(r.percent_still_active)],
                    )
                })
                .collect(),
        },
        Table {
            id: "closures",
            caption: t("out-closures"),
            how: t("out-closures-how"),
            head: vec![t("out-reason"), t("out-matches")],
            rows: breakdown_rows(
                &o.closures,
                |c| i18n::coded(lang, "conn-reason", c),
                t("out-total"),
            ),
        },
        Table {
            id: "waiting",
            caption: t("out-waiting"),
            how: t("out-waiting-how"),
            head: vec![t("out-figure"), t("out-value")],
            rows: vec![
                (t("out-introduced"), vec![o.waiting.introduced.into()]),
                (t("out-median-days"), vec![days(o.waiting.median_days)]),
                (t("out-p90-days"), vec![days(o.waiting.p90_days)]),
                (t("out-waiting-now"), vec![o.waiting.waiting_now.into()]),
                (
                    t("out-waiting-now-median"),
                    vec![days(o.waiting.waiting_now_median_days)],
                ),
            ],
        },
        Table {
            id: "waiting-days",
            caption: t("out-waiting-days"),
            how: t("out-waiting-days-how"),
            head: vec![t("out-days"), t("out-introduced"), t("out-waiting-now")],
            rows: o
                .waiting
                .introduced_by_days
                .rows
                .iter()
                .zip(&o.waiting.waiting_now_by_days.rows)
                .map(|(a, b)| {
                    (
                        days_label(lang, &a.code),
                        vec![a.count.into(), b.count.into()],
                    )
                })
                .chain(std::iter::once((
                    t("out-total"),
                    vec![
                        o.waiting.introduced_by_days.total.into(),
                        o.waiting.waiting_now_by_days.total.into(),
                    ],
                )))
                .collect(),
        },
        Table {
            id: "unmatched",
            caption: t("out-unmatched"),
            how: t("out-unmatched-how"),
            head: vec![t("out-reason"), t("out-arriving")],
            rows: breakdown_rows(
                &o.waiting.unmatched_reasons,
                |c| i18n::coded(lang, "out-unmatched", c),
                t("out-total"),
            ),
        },
    ];
    let unknown = |c: &str, f: &dyn Fn(&str) -> String| {
        if c == "unknown" {
            t("fair-unknown")
        } else {
            f(c)
        }
    };
    out.push(side_table(
        lang,
        "by-gender",
        "gender",
        &o.breakdowns,
        &|c| unknown(c, &|c| i18n::coded(lang, "gender", c)),
    ));
    out.push(side_table(
        lang,
        "by-age",
        "age_band",
        &o.breakdowns,
        &|c| unknown(c, &|c| c.to_owned()),
    ));
    out.push(side_table(lang, "by-area", "area", &o.breakdowns, &|c| {
        unknown(c, &|c| {
            text.map_or_else(|| c.to_owned(), |text| text.area(c))
        })
    }));
    out.push(side_table(
        lang,
        "by-language",
        "main_language",
        &o.breakdowns,
        &|c| unknown(c, &|c| i18n::language_name(lang, c)),
    ));
    out
}

/// CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Arabic names right) of the
/// table `only`, as it is laid out; or, without `only`, of every table in long form: table,
/// row, column, value. None when `only` names no table.
///
/// # Errors
/// Writing CSV fails (it writes to memory, so only on a bug).
pub fn csv(tables: &[Table], only: Option<&str>) -> Result<Option<Vec<u8>>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    match only {
        Some(id) => {
            let Some(t) = tables.iter().find(|t| t.id == id) else {
                return Ok(None);
            };
            w.write_record(&t.head)?;
            for (label, values) in &t.rows {
                w.write_record(
                    std::iter::once(label.clone()).chain(values.iter().map(Value::plain)),
                )?;
            }
        }
        None => {
            w.write_record(["table", "row", "column", "value"])?;
            for t in tables {
                for (label, values) in &t.rows {
                    for (column, value) in t.head.iter().skip(1).zip(values) {
                        w.write_record([&t.caption, label, column, &value.plain()])?;
                    }
                }
            }
        }
    }
    let body = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    let mut out = "\u{feff}".as_bytes().to_vec();
    out.extend(body);
    Ok(Some(out))
}

/// A CSV download: `outcomes-<slug>-<first>-<last>[-<table>].csv`.
#[must_use]
pub fn csv_response(slug: &str, o: &Outcomes, table: Option<&str>, body: Vec<u8>) -> HttpResponse {
    let name = format!(
        "outcomes-{slug}-{}-{}{}.csv",
        o.from.format("%Y-%m-%d"),
        o.to.format("%Y-%m-%d"),
        table.map(|t| format!("-{t}")).unwrap_or_default()
    );
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .body(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_writes_figures_in_the_readers_locale_and_the_csv_plainly() {
        let half = Value::Percent(Some(12.5));
        assert_eq!(half.shown(UiLanguage::En), "12.5\u{a0}%");
        assert_eq!(half.shown(UiLanguage::De), "12,5\u{a0}%");
        assert_eq!(half.shown(UiLanguage::Fa), "۱۲٫۵\u{a0}٪");
        assert_eq!(half.plain(), "12.5");
        let many = Value::Count(1234);
        assert_eq!(many.shown(UiLanguage::De), "1.234");
        assert_eq!(many.plain(), "1234");
        assert_eq!(Value::from(Cell::Hidden).shown(UiLanguage::Ar), "<5");
        assert_eq!(Value::Days(None).shown(UiLanguage::En), "–");
        assert_eq!(Value::Days(None).plain(), "");
        assert_eq!(Value::Percent(None).plain(), "");
    }
}
