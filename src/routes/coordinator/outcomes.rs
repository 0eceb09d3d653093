//! `GET /coordinator/programmes/{slug}/outcomes?period=&from=&to=`: the programme's outcomes
//! ([`crate::outcomes`]) as tables a programme lead can paste into a report, each saying how it
//! is computed, with a bar chart of the funnel (SVG, with its table for screen readers) and a
//! print layout. Counts under five read "<5". A bad custom period shows the default period with
//! the problem named (422).

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;

use super::ErrorItem;
use super::{frame, programme_by_slug, query_pairs, respond, At, Nav, PageError, Signed};
use crate::domain::{Programme, UiLanguage, ValidationErrors};
use crate::i18n;
use crate::outcomes::suppression::Cell;
use crate::outcomes::{self, Breakdown, BySide, Outcomes, Period, PeriodKind, SideBreakdown};
use crate::routes::pages::PageCtx;
use crate::routes::profile_form::text::ProfileText;
use crate::state::AppState;

/// One table of the report.
pub(super) struct Table {
    id: &'static str,
    caption: String,
    how: String,
    head: Vec<String>,
    rows: Vec<(String, Vec<String>)>,
}

/// One bar of the funnel chart.
pub(super) struct Bar {
    label: String,
    value: String,
    /// Width in percent of the widest bar (0 for a hidden count).
    width: u32,
    y: u32,
}

/// A period choice.
pub(super) struct Choice {
    code: &'static str,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "coordinator/outcomes.html")]
pub(super) struct OutcomesPage {
    page: PageCtx,
    nav: Option<Nav>,
    programme: Programme,
    errors: Vec<ErrorItem>,
    period_text: String,
    choices: Vec<Choice>,
    from: String,
    to: String,
    tables: Vec<Table>,
    bars: Vec<Bar>,
    chart_height: u32,
}

fn pct(p: Option<f64>) -> String {
    p.map_or_else(|| "–".to_owned(), |v| format!("{v:.1} %"))
}

fn days(d: Option<i64>) -> String {
    d.map_or_else(|| "–".to_owned(), |v| v.to_string())
}

fn side_row(label: String, s: &BySide) -> (String, Vec<String>) {
    (
        label,
        vec![
            s.arriving.to_string(),
            s.receiving.to_string(),
            s.total.to_string(),
        ],
    )
}

fn breakdown_rows(
    b: &Breakdown,
    name: impl Fn(&str) -> String,
    total: String,
) -> Vec<(String, Vec<String>)> {
    let mut rows: Vec<(String, Vec<String>)> = b
        .rows
        .iter()
        .map(|r| (name(&r.code), vec![r.count.to_string()]))
        .collect();
    rows.push((total, vec![b.total.to_string()]));
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
            .map_or_else(|| "0".to_owned(), |r| r.count.to_string())
    };
    let total = |b: &Option<Breakdown>| b.as_ref().map_or(Cell::Hidden, |b| b.total).to_string();
    let mut rows: Vec<(String, Vec<String>)> = codes
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

#[allow(clippy::too_many_lines)] // the report's tables in order
fn tables(lang: UiLanguage, programme: &Programme, o: &Outcomes) -> Vec<Table> {
    let t = |k: &str| i18n::t(lang, k);
    let text = ProfileText { lang, programme };
    let sides = vec![
        String::new(),
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
            head: vec![String::new(), t("out-count")],
            rows: vec![
                (t("out-pairs-created"), vec![o.pairs_created.to_string()]),
                (t("out-became-buddies"), vec![o.became_buddies.to_string()]),
            ],
        },
        Table {
            id: "satisfaction",
            caption: t("out-satisfaction"),
            how: t("out-satisfaction-how"),
            head: vec![String::new(), t("out-answered"), t("out-percent-high")],
            rows: [
                (t("out-arriving"), &o.satisfaction_arriving),
                (t("out-receiving"), &o.satisfaction_receiving),
            ]
            .into_iter()
            .map(|(label, s)| (label, vec![s.answered.to_string(), pct(s.percent_high)]))
            .collect(),
        },
        Table {
            id: "belonging",
            caption: t("out-arriving-questions"),
            how: t("out-arriving-questions-how"),
            head: vec![
                String::new(),
                t("out-answered"),
                t("out-percent-high"),
                t("out-repeated"),
                t("out-percent-first"),
                t("out-percent-latest"),
            ],
            rows: [
                (t("out-belonging"), &o.belonging),
                (
                    i18n::t_args(
                        lang,
                        "out-conversation",
                        &[(
                            "language",
                            &i18n::language_name(lang, &programme.local_language),
                        )],
                    ),
                    &o.conversation,
                ),
            ]
            .into_iter()
            .map(|(label, tr)| {
                (
                    label,
                    vec![
                        tr.answered.to_string(),
                        pct(tr.percent_high),
                        tr.repeated.to_string(),
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
        Table {
            id: "funnel",
            caption: t("out-funnel"),
            how: t("out-funnel-how"),
            head: vec![t("out-step"), t("out-arriving")],
            rows: o
                .funnel
                .iter()
                .map(|s| {
                    (
                        i18n::coded(lang, "out-step", &s.code),
                        vec![s.count.to_string()],
                    )
                })
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
                        vec![r.matches.to_string(), pct(r.percent_still_active)],
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
            head: vec![String::new(), t("out-value")],
            rows: vec![
                (t("out-introduced"), vec![o.waiting.introduced.to_string()]),
                (t("out-median-days"), vec![days(o.waiting.median_days)]),
                (t("out-p90-days"), vec![days(o.waiting.p90_days)]),
                (
                    t("out-waiting-now"),
                    vec![o.waiting.waiting_now.to_string()],
                ),
                (
                    t("out-waiting-now-median"),
                    vec![days(o.waiting.waiting_now_median_days)],
                ),
            ],
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
        unknown(c, &|c| text.area(c))
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

/// The funnel as bars (hidden counts get no bar).
fn bars(lang: UiLanguage, o: &Outcomes) -> Vec<Bar> {
    let widest = o
        .funnel
        .iter()
        .filter_map(|s| s.count.value())
        .max()
        .unwrap_or(0)
        .max(1);
    o.funnel
        .iter()
        .zip(0_u32..)
        .map(|(s, i)| Bar {
            label: i18n::coded(lang, "out-step", &s.code),
            value: s.count.to_string(),
            width: s
                .count
                .value()
                .map_or(0, |v| u32::try_from(v * 100 / widest).unwrap_or(100)),
            y: i * 28,
        })
        .collect()
}

/// `GET /coordinator/programmes/{slug}/outcomes`
#[get("/coordinator/programmes/{slug}/outcomes")]
pub(super) async fn outcomes_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let pairs = query_pairs(&req);
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let now = Utc::now().naive_utc();
    let (period, problems) = match Period::parse(get("period"), get("from"), get("to"), now.date())
    {
        Ok(p) => (p, ValidationErrors::default()),
        Err(e) => (
            Period::parse(None, None, None, now.date())
                .map_err(|_| PageError::new(lang, super::CoordError::NotFound))?,
            e,
        ),
    };
    let p = programme.clone();
    let figures = state
        .db
        .run(move |db| outcomes::outcomes(&mut *db.get()?, &p, &period, now))
        .await
        .at(lang)?;
    let errors: Vec<ErrorItem> = problems
        .errors
        .iter()
        .map(|e| ErrorItem {
            anchor: format!("out-{}", e.field),
            label: i18n::t(lang, &format!("out-field-{}", e.field)),
            message: i18n::error_message(lang, e.code),
        })
        .collect();
    let bars = bars(lang, &figures);
    let page = OutcomesPage {
        page: frame(
            &req,
            lang,
            i18n::t_args(lang, "out-title", &[("programme", &programme.name)]),
        ),
        nav: Some(signed.nav()),
        period_text: i18n::t_args(
            lang,
            "out-period",
            &[
                ("from", &figures.from.format("%Y-%m-%d").to_string()),
                ("to", &figures.to.format("%Y-%m-%d").to_string()),
            ],
        ),
        choices: PeriodKind::ALL
            .iter()
            .map(|k| Choice {
                code: k.code(),
                label: i18n::coded(lang, "out-period", k.code()),
                selected: *k == period.kind,
            })
            .collect(),
        from: get("from").unwrap_or_default().to_owned(),
        to: get("to").unwrap_or_default().to_owned(),
        tables: tables(lang, &programme, &figures),
        chart_height: u32::try_from(bars.len()).unwrap_or(8) * 28,
        bars,
        errors,
        programme,
    };
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(respond(&req, status, lang, &page))
}
