//! One run's page: progress while it runs (refreshing itself), then the summary, one page of
//! proposals with reasons and both profiles side by side (never contact details), and the
//! unmatched seekers with why.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use matching::compat::Slots;

use super::super::{frame, query_pairs, respond, At, Nav, PageError, Signed, Values};
use super::fairness_view::{self, FairnessView};
use super::texts::unmatched_text;
use super::{
    label, notice_text, objective_text, page_number, run_and_programme, status_text, viewer,
    PER_PAGE, RUNS_LISTED,
};
use crate::db::participants::Participant;
use crate::db::runs::MatchingRun;
use crate::domain::{MatchStatus, Programme, RunStatus, UiLanguage};
use crate::i18n;
use crate::introductions::reasons::{self, Voice};
use crate::matching_runs::review_table::{self, Filter, Sort};
use crate::matching_runs::{review, Unmatched};
use crate::routes::pages::PageCtx;
use crate::routes::profile_form::{joined, ProfileText};
use crate::state::AppState;

fn seconds(ms: i32) -> String {
    format!("{:.1}", f64::from(ms) / 1000.0)
}

/// One side of a proposal, without contact details.
struct ProfileView {
    id: i32,
    first_name: String,
    languages: String,
    interests: String,
    availability: String,
    area: String,
}

fn profile_view(
    lang: UiLanguage,
    programme: &Programme,
    people: &HashMap<i32, Participant>,
    id: i32,
) -> ProfileView {
    let dash = || "–".to_owned();
    let Some(p) = people.get(&id) else {
        return ProfileView {
            id,
            first_name: format!("#{id}"),
            languages: dash(),
            interests: dash(),
            availability: dash(),
            area: dash(),
        };
    };
    let words = ProfileText { lang, programme };
    let join = |items: Vec<String>| joined(lang, items, dash);
    let languages = p
        .spoken_languages()
        .map(|list| {
            list.iter()
                .map(|l| words.language(l.code.as_str(), l.level.code()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let interests =
        words.interests(&serde_json::from_str::<Vec<String>>(&p.interests).unwrap_or_default());
    let availability =
        words.slots(Slots::from_bits(u32::try_from(p.availability).unwrap_or(0)).slot_names());
    ProfileView {
        id,
        first_name: p.first_name.clone(),
        languages: join(languages),
        interests: join(interests),
        availability: join(availability),
        area: p.area.as_deref().map_or_else(dash, |a| words.area(a)),
    }
}

/// One proposal: a row of the table, and both profiles side by side under it.
struct ProposalRow {
    id: i32,
    score: i32,
    status: String,
    proposed: bool,
    /// The strongest reasons (at most three), for the row.
    top_reasons: Vec<String>,
    reasons: Vec<String>,
    warnings: Vec<String>,
    /// "Ursula K."
    seeker_name: String,
    buddy_name: String,
    seeker_area: String,
    buddy_area: String,
    /// The row to come back to after deciding about this one (the next, or this one if last).
    at: i32,
    /// Why a coordinator rejected it.
    reject_reason: Option<String>,
    seeker: ProfileView,
    buddy: ProfileView,
}

/// A choice in one of the filter's lists.
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// The filter form as the page shows it.
struct FilterView {
    score_min: String,
    score_max: String,
    languages: Vec<Choice>,
    areas: Vec<Choice>,
    statuses: Vec<Choice>,
    sorts: Vec<Choice>,
    warning_only: bool,
    /// Hidden fields that carry the filter through a decision.
    hidden: Vec<(&'static str, String)>,
    narrows: bool,
}

fn filter_view(
    lang: UiLanguage,
    programme: &Programme,
    filter: &Filter,
    languages: &[String],
) -> FilterView {
    let choice = |value: &str, label: String, selected: bool| Choice {
        value: value.to_owned(),
        label,
        selected,
    };
    let words = ProfileText { lang, programme };
    FilterView {
        score_min: filter.score_min.map(|n| n.to_string()).unwrap_or_default(),
        score_max: filter.score_max.map(|n| n.to_string()).unwrap_or_default(),
        languages: languages
            .iter()
            .map(|code| {
                choice(
                    code,
                    i18n::language_name(lang, code),
                    filter.language.as_deref() == Some(code.as_str()),
                )
            })
            .collect(),
        areas: programme
            .areas
            .iter()
            .map(|a| {
                choice(
                    &a.slug,
                    words.area(&a.slug),
                    filter.area.as_deref() == Some(a.slug.as_str()),
                )
            })
            .collect(),
        statuses: MatchStatus::ALL
            .iter()
            .map(|&s| {
                choice(
                    s.code(),
                    status_text(lang, s.code()),
                    filter.status == Some(s),
                )
            })
            .collect(),
        sorts: Sort::ALL
            .into_iter()
            .map(|s| {
                choice(
                    s.code(),
                    i18n::t(lang, &format!("review-sort-{}", s.code().replace('_', "-"))),
                    filter.sort == s,
                )
            })
            .collect(),
        warning_only: filter.warning_only,
        hidden: filter.query(),
        narrows: filter.narrows(),
    }
}

/// One unmatched seeker.
struct UnmatchedRow {
    id: i32,
    name: String,
    why: String,
    /// How long they have waited, in words ("12 days").
    waited: String,
}

/// Days from `since` to `now`, in words.
fn waited_text(
    lang: UiLanguage,
    since: chrono::NaiveDateTime,
    now: chrono::NaiveDateTime,
) -> String {
    let days = (now - since).num_days().max(0);
    i18n::t_args(lang, "review-waited-days", &[("days", &days.to_string())])
}

/// The run page.
#[derive(Template)]
#[template(path = "coordinator/review_run.html")]
struct RunPage {
    page: PageCtx,
    nav: Option<Nav>,
    csrf: String,
    programme: Programme,
    run: MatchingRun,
    notice: Option<String>,
    running: bool,
    failed: bool,
    status: String,
    objective: String,
    seconds: String,
    unmatched_total: usize,
    proposals: Vec<ProposalRow>,
    proposals_total: i64,
    shown_text: String,
    waiting_shown: usize,
    approve_all_text: String,
    filter: FilterView,
    page_no: i64,
    pages: i64,
    prev: Option<String>,
    next: Option<String>,
    unmatched: Vec<UnmatchedRow>,
    upage_no: usize,
    upages: usize,
    uprev: Option<String>,
    unext: Option<String>,
    earlier: Vec<(i32, String)>,
    /// Other runs still holding undecided proposals: (run id, "Run 3: 12 undecided proposals").
    undecided_elsewhere: Vec<(i32, String)>,
    keep_text: String,
    fairness: Option<FairnessView>,
}

/// `GET /coordinator/runs/{id}?page=&upage=`: progress, or the result with proposals (audited as
/// `run.view`).
#[get("/coordinator/runs/{id}")]
#[allow(clippy::too_many_lines)] // one page, built top to bottom
pub(super) async fn run_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let (run, programme) = run_and_programme(&state, &signed, path.into_inner()).await?;
    let values = Values(query_pairs(&req));
    let running = run.status.in_progress();
    let page_no = page_number(values.get("page"));
    let upage_no = usize::try_from(page_number(values.get("upage"))).unwrap_or(1);
    let unmatched_all = review::unmatched_of(&run);
    let per = usize::try_from(PER_PAGE).unwrap_or(50);
    let unmatched_page: Vec<Unmatched> = unmatched_all
        .iter()
        .skip((upage_no - 1) * per)
        .take(per)
        .cloned()
        .collect();
    let wanted: Vec<i32> = unmatched_page.iter().map(|u| u.seeker_id).collect();
    let who = viewer(&signed);
    let r = run.clone();
    let filter = Filter::parse(|k| values.get(k));
    let f = filter.clone();
    let review::RunReview {
        proposals,
        shown,
        waiting_shown,
        people: names,
        outlines,
        languages,
        earlier,
        undecided_elsewhere,
    } = state
        .db
        .run(move |db| review::review_run(db, &r, &f, page_no, PER_PAGE, &wanted, RUNS_LISTED, who))
        .await
        .at(lang)?;
    let total = proposals.total;
    let words = ProfileText {
        lang,
        programme: &programme,
    };
    let name = |id: i32| {
        outlines
            .get(&id)
            .map_or_else(|| format!("#{id}"), review_table::short_name)
    };
    let area = |id: i32| {
        outlines
            .get(&id)
            .and_then(|p| p.area.as_deref())
            .map_or_else(|| "–".to_owned(), |a| words.area(a))
    };
    let rows: Vec<ProposalRow> = proposals
        .items
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let reasons = reasons::describe_for(lang, &m.reasons, Voice::Coordinator);
            ProposalRow {
                id: m.id,
                score: m.score,
                status: status_text(lang, m.status.code()),
                proposed: m.status == MatchStatus::Proposed,
                top_reasons: reasons.iter().take(3).cloned().collect(),
                reasons,
                warnings: review_table::warnings(&m.reasons)
                    .into_iter()
                    .map(|w| i18n::t(lang, &format!("review-warning-{}", w.code())))
                    .collect(),
                seeker_name: name(m.seeker_id),
                buddy_name: name(m.buddy_id),
                seeker_area: area(m.seeker_id),
                buddy_area: area(m.buddy_id),
                at: proposals.items.get(i + 1).map_or(m.id, |next| next.id),
                reject_reason: m.reject_reason.clone(),
                seeker: profile_view(lang, &programme, &names, m.seeker_id),
                buddy: profile_view(lang, &programme, &names, m.buddy_id),
            }
        })
        .collect();
    let shown_i64 = i64::try_from(shown).unwrap_or(i64::MAX);
    let pages = ((shown_i64 + PER_PAGE - 1) / PER_PAGE).max(1);
    let upages = unmatched_all.len().div_ceil(per).max(1);
    let link = |key: &str, n: String| {
        let mut q: Vec<(String, String)> = values
            .0
            .iter()
            .filter(|(k, _)| k != key && k != "notice" && k != "status")
            .cloned()
            .collect();
        q.push((key.to_owned(), n));
        format!(
            "{}?{}",
            req.path(),
            serde_urlencoded::to_string(&q).unwrap_or_default()
        )
    };
    let page = RunPage {
        page: frame(
            &req,
            lang,
            i18n::t_args(lang, "review-run-title", &[("id", &run.id.to_string())]),
        ),
        nav: Some(signed.nav()),
        csrf: signed.csrf.clone(),
        notice: notice_text(lang, &values),
        running,
        failed: run.status == RunStatus::Failed,
        status: status_text(lang, run.status.code()),
        objective: objective_text(lang, &run.objective),
        seconds: seconds(run.duration_ms),
        unmatched_total: unmatched_all.len(),
        proposals: rows,
        proposals_total: total,
        shown_text: i18n::t_args(
            lang,
            "review-shown",
            &[
                ("shown", &i18n::format::integer(lang, shown_i64)),
                ("total", &i18n::format::integer(lang, total)),
            ],
        ),
        waiting_shown,
        approve_all_text: i18n::t_args(
            lang,
            "review-approve-all-shown",
            &[(
                "count",
                &i18n::format::integer(lang, i64::try_from(waiting_shown).unwrap_or(i64::MAX)),
            )],
        ),
        filter: filter_view(lang, &programme, &filter, &languages),
        page_no,
        pages,
        prev: (page_no > 1).then(|| link("page", (page_no - 1).to_string())),
        next: (page_no < pages).then(|| link("page", (page_no + 1).to_string())),
        unmatched: unmatched_page
            .iter()
            .map(|u| UnmatchedRow {
                id: u.seeker_id,
                name: label(&names, u.seeker_id),
                why: unmatched_text(lang, u),
                waited: names.get(&u.seeker_id).map_or_else(
                    || "–".to_owned(),
                    |p| waited_text(lang, p.waiting_since, chrono::Utc::now().naive_utc()),
                ),
            })
            .collect(),
        upage_no,
        upages,
        uprev: (upage_no > 1).then(|| link("upage", (upage_no - 1).to_string())),
        unext: (upage_no < upages).then(|| link("upage", (upage_no + 1).to_string())),
        earlier: earlier
            .into_iter()
            .map(|r| {
                (
                    r.id,
                    format!("#{} · {}", r.id, r.created_at.format("%Y-%m-%d %H:%M")),
                )
            })
            .collect(),
        undecided_elsewhere: undecided_elsewhere
            .into_iter()
            .map(|(id, n)| {
                let text = i18n::t_args(
                    lang,
                    "review-keep-other",
                    &[("id", &id.to_string()), ("count", &n.to_string())],
                );
                (id, text)
            })
            .collect(),
        keep_text: i18n::t_args(lang, "review-keep-this", &[("id", &run.id.to_string())]),
        fairness: review::fairness_of(&run).map(|r| fairness_view::view(lang, &programme, &r)),
        run,
        programme,
    };
    let mut response = respond(&req, StatusCode::OK, lang, &page);
    if running {
        // Also as a header: the page's <meta> refresh sits in the body.
        if let Ok(v) = actix_web::http::header::HeaderValue::from_str("2") {
            response.headers_mut().insert(
                actix_web::http::header::HeaderName::from_static("refresh"),
                v,
            );
        }
    }
    Ok(response)
}
