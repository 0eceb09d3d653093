//! `GET /coordinator/programmes/{slug}/connections?stage=&page=`: counts per stage and the live
//! matches, concerns first, then stalled, then unanswered check-ins.

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::{NaiveDateTime, Utc};

use super::super::{
    frame, page_link, programme_by_slug, query_pairs, respond, At, Nav, PageError, Signed,
};
use crate::continuum::connections::{self, Connection};
use crate::domain::{Programme, Stage};
use crate::i18n;
use crate::routes::pages::PageCtx;
use crate::state::AppState;

const PER_PAGE: i64 = 50;

/// One stage's count, with its filter link.
pub(super) struct Count {
    code: &'static str,
    label: String,
    count: i64,
    current: bool,
}

/// One row.
pub(super) struct Row {
    match_id: i32,
    seeker_id: i32,
    seeker: String,
    buddy_id: i32,
    buddy: String,
    stage: String,
    stage_code: &'static str,
    since_days: String,
    last_answer: String,
    flags: Vec<String>,
}

/// The page.
#[derive(Template)]
#[template(path = "coordinator/connections.html")]
pub(super) struct ConnectionsPage {
    page: PageCtx,
    nav: Option<Nav>,
    programme: Programme,
    counts: Vec<Count>,
    all_current: bool,
    rows: Vec<Row>,
    total: i64,
    page_no: i64,
    pages: i64,
    prev: Option<String>,
    next: Option<String>,
}

fn days_ago(at: Option<NaiveDateTime>, now: NaiveDateTime) -> String {
    at.map_or_else(|| "–".to_owned(), |t| (now - t).num_days().to_string())
}

/// `GET /coordinator/programmes/{slug}/connections`
#[get("/coordinator/programmes/{slug}/connections")]
pub(super) async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let pairs = query_pairs(&req);
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map_or("", |(_, v)| v.as_str())
    };
    // An unknown stage is ignored (all stages), like any other unknown filter value.
    let only = Stage::parse(get("stage")).ok();
    let page_no = get("page").parse::<i64>().unwrap_or(1).clamp(1, 1_000_000);
    let programme_id = programme.id;
    let overview = state
        .db
        .run(move |db| {
            connections::overview(&mut *db.get()?, programme_id, only, page_no, PER_PAGE)
        })
        .await
        .at(lang)?;
    let now = Utc::now().naive_utc();
    let stage_label = |s: Stage| i18n::coded(lang, "conn-stage", s.code());
    let counts = overview
        .counts
        .iter()
        .map(|(s, n)| Count {
            code: s.code(),
            label: stage_label(*s),
            count: *n,
            current: only == Some(*s),
        })
        .collect();
    let flags = |c: &Connection| {
        let mut f = Vec::new();
        if c.open_concerns > 0 {
            f.push(i18n::t_args(
                lang,
                "conn-flag-concerns",
                &[("count", &c.open_concerns.to_string())],
            ));
        }
        if c.unanswered > 0 {
            f.push(i18n::t_args(
                lang,
                "conn-flag-unanswered",
                &[("count", &c.unanswered.to_string())],
            ));
        }
        if c.wants_to_volunteer {
            f.push(i18n::t(lang, "conn-flag-wants-to-volunteer"));
        }
        if let Some(until) = c.paused_until {
            f.push(i18n::t_args(
                lang,
                "conn-flag-paused",
                &[("date", &until.format("%Y-%m-%d").to_string())],
            ));
        }
        f
    };
    let rows = overview
        .rows
        .iter()
        .map(|c| Row {
            match_id: c.match_id,
            seeker_id: c.seeker.0,
            seeker: c.seeker.1.clone(),
            buddy_id: c.buddy.0,
            buddy: c.buddy.1.clone(),
            stage: stage_label(c.stage),
            stage_code: c.stage.code(),
            since_days: days_ago(c.stage_since, now),
            last_answer: days_ago(c.last_answer, now),
            flags: flags(c),
        })
        .collect();
    let total = overview.total;
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let link = |n: i64| page_link(&req, &pairs, n);
    let page = ConnectionsPage {
        page: frame(
            &req,
            lang,
            i18n::t_args(
                lang,
                "conn-title",
                &[("programme", programme.name_in(lang))],
            ),
        ),
        nav: Some(signed.nav()),
        counts,
        all_current: only.is_none(),
        rows,
        total,
        page_no,
        pages,
        prev: (page_no > 1).then(|| link(page_no - 1)),
        next: (page_no < pages).then(|| link(page_no + 1)),
        programme,
    };
    Ok(respond(&req, StatusCode::OK, lang, &page))
}
