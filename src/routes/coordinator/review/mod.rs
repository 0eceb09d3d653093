//! Matching runs and the review of their proposals, for coordinators:
//!
//! - `GET  /coordinator/programmes/{slug}/runs`: the runs, the form to start one (objective and
//!   weights), pinned pairs, and the form to match two people by hand;
//! - `POST /coordinator/programmes/{slug}/runs`: starts a run in the background -> its page;
//! - `GET  /coordinator/runs/{id}?page=&upage=`: progress while it runs (refreshes itself every
//!   2 s, no JavaScript), then the summary, the proposals (50 a page) with reasons and both
//!   profiles side by side (never contact details), and the unmatched with why;
//! - `POST /coordinator/matches/{id}/approve`, `GET|POST /coordinator/matches/{id}/reject`,
//!   `POST /coordinator/runs/{id}/approve` (many at once), `POST .../pins`, `POST .../unpin`,
//!   `POST .../manual`, `GET /coordinator/runs/{id}/compare?with=`.
//!
//! Every run, decision and view of proposals is written to the audit log.

pub mod decisions;

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;
use diesel::prelude::*;
use matching::compat::Slots;

use super::frame;
use super::programme_by_slug;
use super::{
    query_pairs, respond, see_other, At, CoordError, Field, FormPage, Nav, PageError, Section,
    Signed, Values,
};
use crate::db::matches::{self, Match, RuleKind};
use crate::db::participants::Participant;
use crate::db::runs::{self, MatchingRun};
use crate::db::schema::participants as participants_t;
use crate::db::{programmes, DbConnection, DbError};
use crate::domain::{MatchStatus, Programme, RunStatus, UiLanguage};
use crate::i18n;
use crate::introductions::reasons;
use crate::matching_runs::{self, RunError, RunOptions, Unmatched};
use crate::routes::pages::PageCtx;
use crate::state::AppState;
use decisions::{Decision, PairProblem};

/// Proposals per page.
pub const PER_PAGE: i64 = 50;
/// Largest weight accepted for one score component.
pub const MAX_WEIGHT: u32 = crate::domain::weights::MAX_WEIGHT;
/// Runs listed on a programme's page.
const RUNS_LISTED: i64 = 50;

/// The score components a coordinator may weigh, in form order: (field, message id).
pub(super) const WEIGHT_FIELDS: [(&str, &str); 7] = [
    ("language", "review-weight-language"),
    ("interests", "review-weight-interests"),
    ("availability", "review-weight-availability"),
    ("distance", "review-weight-distance"),
    ("reciprocity", "review-weight-reciprocity"),
    ("practice", "review-weight-practice"),
    ("age", "review-weight-age"),
];

pub(super) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(runs_page)
        .service(start_run)
        .service(run_page)
        .service(compare_page)
        .service(approve_one)
        .service(reject_form)
        .service(reject_one)
        .service(approve_many)
        .service(pin_pair)
        .service(unpin_pair)
        .service(manual_pair);
}

fn bad_request(lang: UiLanguage) -> PageError {
    PageError::new(lang, CoordError::BadRequest)
}

fn not_found(lang: UiLanguage) -> PageError {
    PageError::new(lang, CoordError::NotFound)
}

/// A record found by id together with its programme, if the account may reach that programme;
/// 404 when either is missing, 403 for another programme.
async fn with_programme<T: Send + 'static>(
    state: &AppState,
    signed: &Signed,
    id: i32,
    find: fn(&mut DbConnection, i32) -> Result<Option<T>, DbError>,
    programme_of: fn(&T) -> i32,
) -> Result<(T, Programme), PageError> {
    let lang = signed.lang;
    let found = state
        .db
        .run(move |db| -> Result<_, DbError> {
            let conn = &mut *db.get()?;
            let Some(record) = find(conn, id)? else {
                return Ok(None);
            };
            Ok(programmes::by_id(conn, programme_of(&record))?.map(|p| (record, p)))
        })
        .await
        .at(lang)?
        .ok_or_else(|| not_found(lang))?;
    signed.require_programme(found.1.id)?;
    Ok(found)
}

/// A run and its programme, if the account may reach it.
async fn run_and_programme(
    state: &AppState,
    signed: &Signed,
    id: i32,
) -> Result<(MatchingRun, Programme), PageError> {
    with_programme(state, signed, id, runs::find, |r| r.programme_id).await
}

/// A match and its programme, if the account may reach it.
async fn match_and_programme(
    state: &AppState,
    signed: &Signed,
    id: i32,
) -> Result<(Match, Programme), PageError> {
    with_programme(state, signed, id, matches::find, |m| m.programme_id).await
}

/// Participants by id (one query).
fn people(conn: &mut DbConnection, ids: &[i32]) -> Result<HashMap<i32, Participant>, DbError> {
    let rows: Vec<Participant> = participants_t::table
        .filter(participants_t::id.eq_any(ids))
        .select(Participant::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(|p| (p.id, p)).collect())
}

/// "First name (#id)", or "#id" when the person is gone.
fn label(people: &HashMap<i32, Participant>, id: i32) -> String {
    people
        .get(&id)
        .map_or_else(|| format!("#{id}"), |p| format!("{} (#{id})", p.first_name))
}

fn status_text(lang: UiLanguage, status: &str) -> String {
    i18n::coded(lang, "review-status", status)
}

fn objective_text(lang: UiLanguage, code: &str) -> String {
    i18n::coded(lang, "review-objective", code)
}

fn seconds(ms: i32) -> String {
    format!("{:.1}", f64::from(ms) / 1000.0)
}

fn notice_text(lang: UiLanguage, values: &Values) -> Option<String> {
    let code = values.get("notice");
    let key = match code {
        "pinned" | "unpinned" | "manual" | "started" => format!("review-notice-{code}"),
        // A decision's notice is the status it led to.
        _ if [MatchStatus::Approved, MatchStatus::Rejected]
            .iter()
            .any(|s| s.code() == code) =>
        {
            format!("review-notice-{code}")
        }
        "already" => {
            return Some(i18n::t_args(
                lang,
                "review-notice-already",
                &[("status", &status_text(lang, values.get("status")))],
            ))
        }
        "many" => {
            return Some(i18n::t_args(
                lang,
                "review-notice-many",
                &[
                    ("count", values.get("count")),
                    ("already", values.get("already")),
                ],
            ))
        }
        _ => return None,
    };
    Some(i18n::t(lang, &key))
}

// ---------------------------------------------------------------------------------------------
// The runs page

/// One run in the list.
struct RunRow {
    id: i32,
    created: String,
    objective: String,
    status: String,
    matched: i32,
    seekers: i32,
    total_score: i32,
    done: bool,
}

/// A weight input.
struct WeightField {
    name: String,
    label: String,
    value: String,
}

/// A pinned pair.
struct PinRow {
    seeker_id: i32,
    buddy_id: i32,
    seeker: String,
    buddy: String,
}

/// The runs page.
#[derive(Template)]
#[template(path = "coordinator/review_runs.html")]
struct RunsPage {
    page: PageCtx,
    nav: Option<Nav>,
    csrf: String,
    programme: Programme,
    notice: Option<String>,
    errors: Vec<String>,
    runs: Vec<RunRow>,
    objective: Field,
    weights: Vec<WeightField>,
    pins: Vec<PinRow>,
    pin_errors: Vec<String>,
    manual_errors: Vec<String>,
    seeker_id: String,
    buddy_id: String,
}

/// What went wrong in one of the runs page's forms.
#[derive(Default)]
struct RunsPageErrors {
    start: Vec<String>,
    pin: Vec<String>,
    manual: Vec<String>,
}

async fn runs_response(
    req: &HttpRequest,
    state: &AppState,
    signed: &Signed,
    programme: Programme,
    values: &Values,
    errors: RunsPageErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let programme_id = programme.id;
    let (list, pins, names) = state
        .db
        .run(move |db| -> Result<_, DbError> {
            let conn = &mut *db.get()?;
            let list = runs::for_programme(conn, programme_id, RUNS_LISTED)?;
            let pins = matches::rules(conn, programme_id, RuleKind::Pinned)?;
            let ids: Vec<i32> = pins.iter().flat_map(|&(s, b)| [s, b]).collect();
            let names = people(conn, &ids)?;
            Ok((list, pins, names))
        })
        .await
        .at(lang)?;
    let current =
        matching_runs::effective_weights(&programme, &RunOptions::default()).unwrap_or_default();
    let current = serde_json::to_value(&current).unwrap_or_default();
    let weights = WEIGHT_FIELDS
        .iter()
        .map(|(name, key)| {
            let field = format!("weight_{name}");
            let value = if values.0.iter().any(|(k, _)| *k == field) {
                values.get(&field).to_owned()
            } else {
                current
                    .get(*name)
                    .map(ToString::to_string)
                    .unwrap_or_default()
            };
            WeightField {
                label: i18n::t(lang, key),
                name: field,
                value,
            }
        })
        .collect();
    let objective = Field::select(
        "objective",
        i18n::t(lang, "review-objective"),
        values.get("objective"),
        ["most_matched", "waiting_priority", "fairness"]
            .into_iter()
            .map(|c| (c.to_owned(), objective_text(lang, c)))
            .collect(),
    );
    let page = RunsPage {
        page: frame(
            req,
            lang,
            i18n::t_args(lang, "review-runs-title", &[("programme", &programme.name)]),
        ),
        nav: Some(signed.nav()),
        csrf: signed.csrf.clone(),
        notice: notice_text(lang, &Values(query_pairs(req))),
        errors: errors.start,
        runs: list
            .into_iter()
            .map(|r| RunRow {
                id: r.id,
                created: r.created_at.format("%Y-%m-%d %H:%M").to_string(),
                objective: objective_text(lang, &r.objective),
                status: status_text(lang, r.status.code()),
                matched: r.matched,
                seekers: r.seekers,
                total_score: r.total_score,
                done: r.status == RunStatus::Done,
            })
            .collect(),
        objective,
        weights,
        pins: pins
            .into_iter()
            .map(|(s, b)| PinRow {
                seeker_id: s,
                buddy_id: b,
                seeker: label(&names, s),
                buddy: label(&names, b),
            })
            .collect(),
        pin_errors: errors.pin,
        manual_errors: errors.manual,
        seeker_id: values.get("seeker_id").to_owned(),
        buddy_id: values.get("buddy_id").to_owned(),
        programme,
    };
    Ok(respond(req, status, lang, &page))
}

/// `GET /coordinator/programmes/{slug}/runs`
#[get("/coordinator/programmes/{slug}/runs")]
async fn runs_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    runs_response(
        &req,
        &state,
        &signed,
        programme,
        &Values::default(),
        RunsPageErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// Reads the run options of the form; `Err` lists what is wrong, in words.
fn run_options(
    lang: UiLanguage,
    programme: &Programme,
    values: &Values,
) -> Result<RunOptions, Vec<String>> {
    let mut errors = Vec::new();
    let objective = matching_runs::parse_objective(values.get("objective")).map_err(|_| {
        errors.push(i18n::t(lang, "review-error-objective"));
    });
    let base =
        matching_runs::effective_weights(programme, &RunOptions::default()).unwrap_or_default();
    let weights =
        crate::domain::weights::with_overrides(&base, |name| values.get(&format!("weight_{name}")))
            .map_err(|bad| {
                for (_, key) in WEIGHT_FIELDS.iter().filter(|(n, _)| bad.contains(n)) {
                    errors.push(i18n::t_args(
                        lang,
                        "review-error-weight",
                        &[
                            ("field", &i18n::t(lang, key)),
                            ("max", &MAX_WEIGHT.to_string()),
                        ],
                    ));
                }
            })
            .ok();
    match (objective, weights) {
        (Ok(objective), Some(weights)) if errors.is_empty() => Ok(RunOptions {
            objective,
            weights: Some(weights),
        }),
        _ => {
            if errors.is_empty() {
                errors.push(i18n::t(lang, "review-error-objective"));
            }
            Err(errors)
        }
    }
}

/// Starts a run (recorded as `run.start`) and executes it on a blocking thread.
///
/// # Errors
/// [`RunError::AlreadyRunning`] and storage failures.
pub fn start_in_background(
    state: &AppState,
    programme: Programme,
    coordinator_id: Option<i32>,
    options: RunOptions,
    via: &str,
) -> Result<i32, RunError> {
    let now = Utc::now().naive_utc();
    let db = state.db.clone();
    let id = matching_runs::start(&db, &programme, coordinator_id, &options, now)?;
    let programme_id = programme.id;
    db.write(|c| -> Result<(), DbError> {
        crate::db::audit::record(
            c,
            &crate::db::audit::AuditEntry {
                coordinator_id,
                programme_id: Some(programme_id),
                action: "run.start",
                subject_type: "matching_run",
                subject_id: Some(id),
                detail: via,
            },
            now,
        )
    })?;
    tokio::task::spawn_blocking(move || {
        if let Err(e) = matching_runs::execute(&db, id, &programme, &options) {
            tracing::warn!(run_id = id, error = %e, "matching run failed");
        }
    });
    Ok(id)
}

/// `POST /coordinator/programmes/{slug}/runs`: starts a run -> its page (409 when one is
/// already running, 422 on bad options).
#[post("/coordinator/programmes/{slug}/runs")]
async fn start_run(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let outcome: Result<i32, (Vec<String>, StatusCode)> =
        match run_options(lang, &programme, &values) {
            Err(start) => Err((start, StatusCode::UNPROCESSABLE_ENTITY)),
            Ok(options) => {
                let st = state.clone();
                let p = programme.clone();
                let coordinator_id = signed.coordinator.id;
                let started = tokio::task::spawn_blocking(move || {
                    start_in_background(&st, p, Some(coordinator_id), options, "")
                })
                .await
                .map_err(|e| PageError::new(lang, CoordError::Unexpected(anyhow::Error::new(e))))?;
                match started {
                    Ok(id) => Ok(id),
                    Err(RunError::AlreadyRunning) => Err((
                        vec![i18n::t(lang, "review-error-already-running")],
                        StatusCode::CONFLICT,
                    )),
                    Err(RunError::Weights(_)) => Err((
                        vec![i18n::t(lang, "review-error-programme-weights")],
                        StatusCode::UNPROCESSABLE_ENTITY,
                    )),
                    Err(e) => {
                        return Err(PageError::new(
                            lang,
                            CoordError::Unexpected(anyhow::Error::new(e)),
                        ))
                    }
                }
            }
        };
    match outcome {
        Ok(id) => Ok(see_other(&format!("/coordinator/runs/{id}"))),
        Err((start, status)) => {
            let errors = RunsPageErrors {
                start,
                ..RunsPageErrors::default()
            };
            runs_response(&req, &state, &signed, programme, &values, errors, status).await
        }
    }
}

fn pair_ids(values: &Values) -> Option<(i32, i32)> {
    let id = |name: &str| {
        values
            .get(name)
            .trim()
            .trim_start_matches('#')
            .parse::<i32>()
    };
    Some((id("seeker_id").ok()?, id("buddy_id").ok()?))
}

/// `POST /coordinator/programmes/{slug}/pins`: pins a pair for the next runs (422 when the pair
/// breaks a hard rule).
#[post("/coordinator/programmes/{slug}/pins")]
async fn pin_pair(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let result = match pair_ids(&values) {
        None => Err(vec![i18n::t(lang, "review-error-ids")]),
        Some((seeker, buddy)) => {
            let p = programme.clone();
            let who = signed.coordinator.id;
            state
                .db
                .run(move |db| {
                    db.write(|c| {
                        decisions::pin(c, &p, seeker, buddy, Some(who), Utc::now().naive_utc())
                    })
                })
                .await
                .at(lang)?
                .map_err(|problem: PairProblem| problem.messages(lang))
        }
    };
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/coordinator/programmes/{}/runs?notice=pinned",
            programme.slug
        ))),
        Err(pin) => {
            let errors = RunsPageErrors {
                pin,
                ..RunsPageErrors::default()
            };
            runs_response(
                &req,
                &state,
                &signed,
                programme,
                &values,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// `POST /coordinator/programmes/{slug}/unpin`
#[post("/coordinator/programmes/{slug}/unpin")]
async fn unpin_pair(
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let (seeker, buddy) = pair_ids(&values).ok_or_else(|| bad_request(lang))?;
    let who = signed.coordinator.id;
    let programme_id = programme.id;
    state
        .db
        .run(move |db| {
            db.write(|c| {
                decisions::unpin(
                    c,
                    programme_id,
                    seeker,
                    buddy,
                    Some(who),
                    Utc::now().naive_utc(),
                )
            })
        })
        .await
        .at(lang)?;
    Ok(see_other(&format!(
        "/coordinator/programmes/{}/runs?notice=unpinned",
        programme.slug
    )))
}

/// `POST /coordinator/programmes/{slug}/manual`: matches two people by hand and approves the
/// pair; 422 naming the broken rule when the hard rules forbid it.
#[post("/coordinator/programmes/{slug}/manual")]
async fn manual_pair(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let result = match pair_ids(&values) {
        None => Err(vec![i18n::t(lang, "review-error-ids")]),
        Some((seeker, buddy)) => {
            let p = programme.clone();
            let who = signed.coordinator.id;
            let settings = state.settings.clone();
            state
                .db
                .run(move |db| {
                    db.write(|c| {
                        decisions::manual_match(
                            c,
                            &p,
                            seeker,
                            buddy,
                            Some(who),
                            &settings,
                            Utc::now().naive_utc(),
                        )
                    })
                })
                .await
                .at(lang)?
                .map_err(|problem: PairProblem| {
                    let mut lines = vec![i18n::t(lang, "review-error-manual")];
                    lines.extend(problem.messages(lang));
                    lines
                })
        }
    };
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/coordinator/programmes/{}/runs?notice=manual",
            programme.slug
        ))),
        Err(manual) => {
            let errors = RunsPageErrors {
                manual,
                ..RunsPageErrors::default()
            };
            runs_response(
                &req,
                &state,
                &signed,
                programme,
                &values,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One run

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
    let join = |items: Vec<String>| {
        if items.is_empty() {
            dash()
        } else {
            items.join(", ")
        }
    };
    let languages = p
        .spoken_languages()
        .map(|list| {
            list.iter()
                .map(|l| {
                    format!(
                        "{} ({})",
                        i18n::language_name(lang, l.code.as_str()),
                        i18n::coded(lang, "level", &l.level.code().to_lowercase())
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let interests = serde_json::from_str::<Vec<String>>(&p.interests)
        .unwrap_or_default()
        .iter()
        .map(|i| i18n::interest_name(lang, i))
        .collect();
    let availability = Slots::from_bits(u32::try_from(p.availability).unwrap_or(0))
        .names()
        .into_iter()
        .map(|s| {
            let (day, part) = s.split_once('_').unwrap_or((s, ""));
            format!(
                "{} {}",
                i18n::t(lang, &format!("day-{day}")),
                i18n::t(lang, &format!("part-{part}"))
            )
        })
        .collect();
    ProfileView {
        id,
        first_name: p.first_name.clone(),
        languages: join(languages),
        interests: join(interests),
        availability: join(availability),
        area: p.area.as_deref().map_or_else(dash, |a| {
            programme
                .area(a)
                .map_or_else(|| a.to_owned(), |a| a.name.clone())
        }),
    }
}

/// One proposal.
struct ProposalRow {
    id: i32,
    score: i32,
    status: String,
    proposed: bool,
    reasons: Vec<String>,
    seeker: ProfileView,
    buddy: ProfileView,
}

/// One unmatched seeker.
struct UnmatchedRow {
    name: String,
    why: String,
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
}

fn page_number(raw: &str) -> i64 {
    raw.parse::<i64>().unwrap_or(1).clamp(1, 1_000_000)
}

/// `GET /coordinator/runs/{id}?page=&upage=`: progress, or the result with proposals (audited as
/// `run.view`).
#[get("/coordinator/runs/{id}")]
#[allow(clippy::too_many_lines)] // one page, built top to bottom
async fn run_page(
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
    let unmatched_all: Vec<Unmatched> = if run.status == RunStatus::Done {
        serde_json::from_str(&run.unmatched).unwrap_or_default()
    } else {
        Vec::new()
    };
    let per = usize::try_from(PER_PAGE).unwrap_or(50);
    let unmatched_page: Vec<Unmatched> = unmatched_all
        .iter()
        .skip((upage_no - 1) * per)
        .take(per)
        .cloned()
        .collect();
    let run_id = run.id;
    let programme_id = programme.id;
    let done = run.status == RunStatus::Done;
    let s = signed.clone();
    let wanted: Vec<i32> = unmatched_page.iter().map(|u| u.seeker_id).collect();
    let (proposals, total, names, earlier) = state
        .db
        .run(move |db| -> Result<_, DbError> {
            if !done {
                return Ok((Vec::new(), 0, HashMap::new(), Vec::new()));
            }
            let conn = &mut *db.get()?;
            let (proposals, total) = matches::for_run(conn, run_id, page_no, PER_PAGE)?;
            let mut ids: Vec<i32> = proposals
                .iter()
                .flat_map(|m| [m.seeker_id, m.buddy_id])
                .collect();
            ids.extend(wanted);
            let names = people(conn, &ids)?;
            let earlier: Vec<MatchingRun> = runs::for_programme(conn, programme_id, RUNS_LISTED)?
                .into_iter()
                .filter(|r| r.id != run_id && r.status == RunStatus::Done)
                .collect();
            drop(ids);
            db.write(|c| {
                s.audit(
                    c,
                    Some(programme_id),
                    "run.view",
                    "matching_run",
                    Some(run_id),
                )
            })?;
            Ok((proposals, total, names, earlier))
        })
        .await
        .at(lang)?;
    let rows = proposals
        .iter()
        .map(|m| ProposalRow {
            id: m.id,
            score: m.score,
            status: status_text(lang, m.status.code()),
            proposed: m.status == MatchStatus::Proposed,
            reasons: reasons::describe(lang, &m.reasons),
            seeker: profile_view(lang, &programme, &names, m.seeker_id),
            buddy: profile_view(lang, &programme, &names, m.buddy_id),
        })
        .collect();
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
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
        page_no,
        pages,
        prev: (page_no > 1).then(|| link("page", (page_no - 1).to_string())),
        next: (page_no < pages).then(|| link("page", (page_no + 1).to_string())),
        unmatched: unmatched_page
            .iter()
            .map(|u| UnmatchedRow {
                name: label(&names, u.seeker_id),
                why: decisions::unmatched_text(lang, u),
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

/// Where to go back to after deciding about `m`.
fn back_to(m: &Match, programme: &Programme, values: &Values, notice: &str) -> String {
    let page = page_number(values.get("page"));
    m.run_id.map_or_else(
        || format!("/coordinator/programmes/{}/runs?{notice}", programme.slug),
        |r| format!("/coordinator/runs/{r}?page={page}&{notice}"),
    )
}

fn decision_notice(d: &Decision, done: MatchStatus) -> String {
    match d {
        Decision::Done => format!("notice={done}"),
        Decision::AlreadyDecided(status) => {
            serde_urlencoded::to_string([("notice", "already"), ("status", status.code())])
                .unwrap_or_default()
        }
    }
}

/// `POST /coordinator/matches/{id}/approve`: approves and writes both introductions; a second
/// approval changes nothing and says so.
#[post("/coordinator/matches/{id}/approve")]
async fn approve_one(
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let (m, programme) = match_and_programme(&state, &signed, path.into_inner()).await?;
    let who = signed.coordinator.id;
    let settings = state.settings.clone();
    let m2 = m.clone();
    let decision = state
        .db
        .run(move |db| {
            db.write(|c| decisions::approve(c, &m2, Some(who), &settings, Utc::now().naive_utc()))
        })
        .await
        .at(lang)?;
    Ok(see_other(&back_to(
        &m,
        &programme,
        &values,
        &decision_notice(&decision, MatchStatus::Approved),
    )))
}

fn reject_page(
    req: &HttpRequest,
    signed: &Signed,
    m: &Match,
    reason: &str,
    error: Option<String>,
) -> FormPage {
    let lang = signed.lang;
    let heading = i18n::t_args(lang, "review-reject-title", &[("id", &m.id.to_string())]);
    let mut page = FormPage::new(
        frame(req, lang, heading.clone()),
        heading,
        format!("/coordinator/matches/{}/reject", m.id),
        signed.csrf.clone(),
    );
    page.nav = Some(signed.nav());
    page.intro.push(i18n::t(lang, "review-reject-intro"));
    let mut field = Field::input(
        "text",
        "reason",
        i18n::t(lang, "review-reject-reason"),
        reason,
    )
    .required();
    field.error = error;
    page.sections.push(Section {
        title: None,
        fields: vec![field],
    });
    page.submit = i18n::t(lang, "review-reject");
    if let Some(r) = m.run_id {
        page.back = Some((
            format!("/coordinator/runs/{r}"),
            i18n::t(lang, "review-back-to-run"),
        ));
    }
    page.summarise();
    page
}

/// `GET /coordinator/matches/{id}/reject`: asks for the reason.
#[get("/coordinator/matches/{id}/reject")]
async fn reject_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let (m, _) = match_and_programme(&state, &signed, path.into_inner()).await?;
    let page = reject_page(&req, &signed, &m, "", None);
    Ok(respond(&req, StatusCode::OK, signed.lang, &page))
}

/// `POST /coordinator/matches/{id}/reject` with `reason`: rejects and forbids the pair (422 when
/// the reason is missing or too long).
#[post("/coordinator/matches/{id}/reject")]
async fn reject_one(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let (m, programme) = match_and_programme(&state, &signed, path.into_inner()).await?;
    let reason = values.get("reason").trim().to_owned();
    let error = if reason.is_empty() {
        Some(i18n::t(lang, "review-error-reason-required"))
    } else if reason.chars().count() > decisions::MAX_REASON_CHARS {
        Some(i18n::t_args(
            lang,
            "review-error-reason-long",
            &[("max", &decisions::MAX_REASON_CHARS.to_string())],
        ))
    } else {
        None
    };
    if error.is_some() {
        let page = reject_page(&req, &signed, &m, &reason, error);
        return Ok(respond(&req, StatusCode::UNPROCESSABLE_ENTITY, lang, &page));
    }
    let who = signed.coordinator.id;
    let m2 = m.clone();
    let decision = state
        .db
        .run(move |db| {
            db.write(|c| decisions::reject(c, &m2, Some(who), &reason, Utc::now().naive_utc()))
        })
        .await
        .at(lang)?;
    Ok(see_other(&back_to(
        &m,
        &programme,
        &values,
        &decision_notice(&decision, MatchStatus::Rejected),
    )))
}

/// `POST /coordinator/runs/{id}/approve` with one `match` value per ticked proposal.
#[post("/coordinator/runs/{id}/approve")]
async fn approve_many(
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let (run, _) = run_and_programme(&state, &signed, path.into_inner()).await?;
    let ids: Vec<i32> = values
        .all("match")
        .map(|v| v.trim().parse::<i32>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad_request(lang))?;
    let who = signed.coordinator.id;
    let settings = state.settings.clone();
    let run_id = run.id;
    let (done, already) = state
        .db
        .run(move |db| {
            db.write(|c| -> Result<(usize, usize), DbError> {
                let now = Utc::now().naive_utc();
                let (mut done, mut already) = (0, 0);
                for id in ids {
                    let Some(m) = matches::find(c, id)?.filter(|m| m.run_id == Some(run_id)) else {
                        continue;
                    };
                    match decisions::approve(c, &m, Some(who), &settings, now)? {
                        Decision::Done => done += 1,
                        Decision::AlreadyDecided(_) => already += 1,
                    }
                }
                Ok((done, already))
            })
        })
        .await
        .at(lang)?;
    let page = page_number(values.get("page"));
    Ok(see_other(&format!(
        "/coordinator/runs/{run_id}?page={page}&notice=many&count={done}&already={already}"
    )))
}

// ---------------------------------------------------------------------------------------------
// Comparing runs

/// A pair in the comparison.
struct PairRow {
    seeker: String,
    buddy: String,
}

/// The comparison page.
#[derive(Template)]
#[template(path = "coordinator/review_compare.html")]
struct ComparePage {
    page: PageCtx,
    nav: Option<Nav>,
    run: MatchingRun,
    other: MatchingRun,
    kept: usize,
    only_run: Vec<PairRow>,
    only_other: Vec<PairRow>,
}

/// `GET /coordinator/runs/{id}/compare?with=<other>`: pairs that changed, totals, matched counts.
#[get("/coordinator/runs/{id}/compare")]
async fn compare_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let (run, programme) = run_and_programme(&state, &signed, path.into_inner()).await?;
    let other_id = Values(query_pairs(&req))
        .get("with")
        .trim()
        .parse::<i32>()
        .map_err(|_| bad_request(lang))?;
    let (other, _) = run_and_programme(&state, &signed, other_id).await?;
    if other.programme_id != run.programme_id {
        return Err(bad_request(lang));
    }
    let (a, b) = (run.id, other.id);
    let s = signed.clone();
    let programme_id = programme.id;
    let (cmp, names) = state
        .db
        .run(move |db| -> Result<_, DbError> {
            let conn = &mut *db.get()?;
            let cmp = decisions::compare(conn, a, b)?;
            let ids: Vec<i32> = cmp
                .only_first
                .iter()
                .chain(&cmp.only_second)
                .flat_map(|&(s, b)| [s, b])
                .collect();
            let names = people(conn, &ids)?;
            db.write(|c| {
                s.audit(
                    c,
                    Some(programme_id),
                    "run.compare",
                    "matching_run",
                    Some(a),
                )
            })?;
            Ok((cmp, names))
        })
        .await
        .at(lang)?;
    let rows = |pairs: &[(i32, i32)]| {
        pairs
            .iter()
            .map(|&(s, b)| PairRow {
                seeker: label(&names, s),
                buddy: label(&names, b),
            })
            .collect()
    };
    let page = ComparePage {
        page: frame(
            &req,
            lang,
            i18n::t_args(
                lang,
                "review-compare-title",
                &[("id", &a.to_string()), ("other", &b.to_string())],
            ),
        ),
        nav: Some(signed.nav()),
        kept: cmp.kept,
        only_run: rows(&cmp.only_first),
        only_other: rows(&cmp.only_second),
        run,
        other,
    };
    Ok(respond(&req, StatusCode::OK, lang, &page))
}
