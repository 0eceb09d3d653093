//! Matching runs and decisions about their proposals: start a run, read it (status, progress,
//! summary, proposals with structured reasons, unmatched with why), keep one run (replacing the
//! undecided proposals of the others), approve or reject a proposal.
//! The same rules and audit entries as the coordinator's review pages.

use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use matching::compat::{Level, Weights};

pub use super::dto::{
    DecisionDto, KeptRunDto, ProposalDto, ProposalPage, RejectRequest, RunDto, RunQuery,
    RunRequest, RunStarted, RunSummaryDto, UnmatchedDto, WeightsDto,
};
use super::error::{paging, serde_error_to_api, ApiError, ErrorBody, FieldErrorDto};
use super::participants::programme_for;
use super::Caller;
use crate::db::matches::{self, Match};
use crate::db::programmes::{self, Programme};
use crate::db::runs::{self, MatchingRun};
use crate::db::DbConnection;
use crate::domain::weights::MAX_WEIGHT;
use crate::domain::{MatchStatus, RunStatus};
use crate::introductions::room::Taken;
use crate::matching_runs::decisions::{self, Decision, ReasonError};
use crate::matching_runs::review::{self, Viewer};
use crate::matching_runs::{self, pair_check, RunError, RunOptions, Unmatched};
use crate::state::AppState;

/// Default page size of proposals.
pub const DEFAULT_PER_PAGE: i64 = 50;
/// Largest page size of proposals.
pub const MAX_PER_PAGE: i64 = 500;

fn utc(t: chrono::NaiveDateTime) -> DateTime<Utc> {
    DateTime::from_naive_utc_and_offset(t, Utc)
}

fn run_for(
    conn: &mut DbConnection,
    caller: &Caller,
    id: i32,
) -> Result<(MatchingRun, Programme), ApiError> {
    let run = caller
        .reachable(runs::find(conn, id)?, |r| r.programme_id)
        .ok_or_else(|| ApiError::NotFound(format!("There is no matching run {id}.")))?;
    let programme = programmes::by_id(conn, run.programme_id)?
        .ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("run {id} without programme")))?;
    Ok((run, programme))
}

fn match_for(conn: &mut DbConnection, caller: &Caller, id: i32) -> Result<Match, ApiError> {
    caller
        .reachable(matches::find(conn, id)?, |m| m.programme_id)
        .ok_or_else(|| ApiError::NotFound(format!("There is no match {id}.")))
}

fn bad(field: &str, code: &str, message: impl Into<String>) -> FieldErrorDto {
    FieldErrorDto {
        field: field.to_owned(),
        code: code.to_owned(),
        message: message.into(),
    }
}

/// The run options of a request, on top of the programme's weights.
fn options(programme: &Programme, request: RunRequest) -> Result<RunOptions, ApiError> {
    let mut fields = Vec::new();
    let objective = matching_runs::parse_objective(request.objective.as_deref().unwrap_or(""))
        .map_err(|code| {
            fields.push(bad(
                "objective",
                code,
                "Use `most_matched`, `waiting_priority` or `fairness`.",
            ));
        })
        .ok();
    let base = matching_runs::effective_weights(programme, &RunOptions::default())
        .unwrap_or_else(|_| Weights::default());
    let weights = request.weights.map(|w| {
        let mut out = base.clone();
        let mut set = |name: &str, v: Option<u32>, slot: &mut u32| {
            if let Some(v) = v {
                if v > MAX_WEIGHT {
                    fields.push(bad(
                        &format!("weights.{name}"),
                        "out_of_range",
                        format!("Weights are whole numbers from 0 to {MAX_WEIGHT}."),
                    ));
                } else {
                    *slot = v;
                }
            }
        };
        set("language", w.language, &mut out.language);
        set("interests", w.interests, &mut out.interests);
        set("availability", w.availability, &mut out.availability);
        set("distance", w.distance, &mut out.distance);
        set("reciprocity", w.reciprocity, &mut out.reciprocity);
        set("practice", w.practice, &mut out.practice);
        set("age", w.age, &mut out.age);
        let mut level = |name: &str, v: Option<&str>, slot: &mut Level| {
            if let Some(raw) = v {
                match Level::parse(raw) {
                    Ok(l) => *slot = l,
                    Err(_) => fields.push(bad(
                        &format!("weights.{name}"),
                        "invalid_choice",
                        "Use `A1`, `A2`, `B1`, `B2`, `C1`, `C2` or `native`.",
                    )),
                }
            }
        };
        level(
            "min_language_level",
            w.min_language_level.as_deref(),
            &mut out.min_language_level,
        );
        level(
            "practise_level",
            w.practise_level.as_deref(),
            &mut out.practise_level,
        );
        out
    });
    match objective {
        Some(objective) if fields.is_empty() => Ok(RunOptions { objective, weights }),
        _ => Err(ApiError::Validation(fields)),
    }
}

/// Starts a matching run of the programme in the background: every eligible seeker and every
/// ready buddy with free capacity, pinned and forbidden pairs respected. Follow it with
/// `GET /api/v1/matching-runs/{id}`.
#[utoipa::path(
    post,
    path = "/api/v1/programmes/{slug}/matching-runs",
    tag = "matching",
    params(("slug" = String, Path, description = "Programme slug")),
    request_body(content = Option<RunRequest>, description = "Options (optional: without a body, the defaults)", content_type = "application/json"),
    responses(
        (status = 202, description = "Started", body = RunStarted,
            headers(("Location" = String, description = "URL of the run"))),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such programme, or not in a programme you coordinate", body = ErrorBody),
        (status = 409, description = "A run of this programme is in progress (`conflict`), or the programme is archived (`programme_archived`)", body = ErrorBody),
        (status = 422, description = "Invalid options", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[post("/programmes/{slug}/matching-runs")]
pub async fn start_run(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    if body.len() > super::MAX_BODY_BYTES {
        return Err(ApiError::TooLarge(format!(
            "The request body is too large (at most {} bytes).",
            super::MAX_BODY_BYTES
        )));
    }
    let request: RunRequest = if body.iter().all(u8::is_ascii_whitespace) {
        RunRequest::default()
    } else {
        // An object: serde would also read a struct from an array (`[null, null]`).
        if !body.trim_ascii_start().starts_with(b"{") {
            return Err(ApiError::field(
                "body",
                "invalid_choice",
                "The body is a JSON object (or empty for the defaults).",
            ));
        }
        serde_json::from_slice(&body).map_err(|e| {
            if e.classify() == serde_json::error::Category::Data {
                serde_error_to_api(&e, "body")
            } else {
                ApiError::BadRequest(format!("The body is not valid JSON: {e}"))
            }
        })?
    };
    let slug = slug.into_inner();
    let id = state
        .db
        .run(move |db| -> Result<i32, ApiError> {
            let programme = programme_for(&mut *db.get()?, &caller, &slug)?;
            let options = options(&programme, request)?;
            let slug_again = programme.slug.clone();
            matching_runs::start_in_background(
                db,
                programme,
                Some(caller.coordinator().id),
                options,
                "api",
            )
            .map_err(|e| match e {
                RunError::AlreadyRunning => ApiError::Conflict(
                    "A matching run of this programme is already in progress.".to_owned(),
                ),
                RunError::Archived => ApiError::archived(&slug_again),
                RunError::Weights(m) => ApiError::field("weights", "invalid_choice", m),
                RunError::Db(e) => ApiError::from(e),
                other => ApiError::Unexpected(anyhow::Error::new(other)),
            })
        })
        .await?;
    let url = format!("/api/v1/matching-runs/{id}");
    Ok(HttpResponse::Accepted()
        .insert_header((header::LOCATION, url.clone()))
        .json(RunStarted {
            id,
            status: RunStatus::Queued.code().to_owned(),
            url,
        }))
}

fn unmatched_dto(u: &Unmatched) -> UnmatchedDto {
    UnmatchedDto {
        seeker_id: u.seeker_id,
        reason: u.reason.clone(),
        main_rule: pair_check::unmatched_main_rule(u).map(str::to_owned),
        exclusions: u.exclusions.and_then(|e| serde_json::to_value(e).ok()),
        feasible_buddies: u.feasible_buddies,
    }
}

/// A run: status and progress; when done also the summary, one page of proposals (best score
/// first) with score and structured reasons, and every unmatched seeker with why.
#[utoipa::path(
    get,
    path = "/api/v1/matching-runs/{id}",
    tag = "matching",
    params(("id" = i32, Path, minimum = 1, description = "Run id"), RunQuery),
    responses(
        (status = 200, description = "The run", body = RunDto),
        (status = 400, description = "Malformed id or query", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such run, or not in a programme you coordinate", body = ErrorBody),
        (status = 422, description = "Page out of range", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[get("/matching-runs/{id}")]
pub async fn get_run(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i32>,
    query: web::Query<RunQuery>,
) -> Result<HttpResponse, ApiError> {
    let mut fields = Vec::new();
    let (page, per_page) = paging(
        query.page,
        query.per_page,
        DEFAULT_PER_PAGE,
        MAX_PER_PAGE,
        &mut fields,
    );
    if !fields.is_empty() {
        return Err(ApiError::Validation(fields));
    }
    let id = id.into_inner();
    let dto = state
        .db
        .run(move |db| -> Result<RunDto, ApiError> {
            let (run, programme) = run_for(&mut *db.get()?, &caller, id)?;
            let done = run.status == RunStatus::Done;
            let (summary, proposals, unmatched) = if done {
                let unmatched = review::unmatched_of(&run);
                let viewer = Viewer {
                    coordinator_id: Some(caller.coordinator().id),
                    via: "api",
                };
                let page_of = review::view_proposals(db, &run, page, per_page, viewer)?;
                let total = page_of.total;
                let items = page_of
                    .items
                    .into_iter()
                    .map(|m| ProposalDto {
                        reasons: serde_json::from_str(&m.reasons)
                            .unwrap_or_else(|_| serde_json::Value::Array(Vec::new())),
                        id: m.id,
                        seeker_id: m.seeker_id,
                        buddy_id: m.buddy_id,
                        score: m.score,
                        status: m.status.code().to_owned(),
                    })
                    .collect();
                (
                    Some(RunSummaryDto {
                        seekers: run.seekers,
                        buddies: run.buddies,
                        feasible_pairs: run.feasible_pairs,
                        matched: run.matched,
                        unmatched: unmatched.len(),
                        total_score: run.total_score,
                        duration_ms: run.duration_ms,
                    }),
                    Some(ProposalPage {
                        page,
                        per_page,
                        total,
                        items,
                    }),
                    unmatched.iter().map(unmatched_dto).collect(),
                )
            } else {
                (None, None, Vec::new())
            };
            let first_come_first_served = review::fairness_of(&run);
            Ok(RunDto {
                id: run.id,
                programme: programme.slug,
                objective: run.objective,
                status: run.status.code().to_owned(),
                progress: run.progress,
                error: run.error,
                created_at: utc(run.created_at),
                finished_at: run.finished_at.map(utc),
                weights: serde_json::from_str(&run.weights).unwrap_or_default(),
                first_come_first_served,
                summary,
                proposals,
                unmatched,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(dto))
}

fn decided(id: i32, target: MatchStatus, d: Decision) -> Result<DecisionDto, ApiError> {
    match d {
        Decision::Done => Ok(DecisionDto {
            id,
            status: target.code().to_owned(),
            changed: true,
        }),
        Decision::AlreadyDecided(status) if status == target => Ok(DecisionDto {
            id,
            status: status.code().to_owned(),
            changed: false,
        }),
        Decision::AlreadyDecided(status) => Err(ApiError::Conflict(format!(
            "Match {id} is no longer a proposal (it is {status})."
        ))),
        Decision::Taken(Taken::SeekerMatched) => Err(ApiError::Conflict(format!(
            "Match {id} stays a proposal: the person looking for a buddy already has an approved \
             or active match (from another run, or made by hand)."
        ))),
        Decision::Taken(Taken::BuddyFull) => Err(ApiError::Conflict(format!(
            "Match {id} stays a proposal: the buddy's approved and active matches already fill \
             their capacity."
        ))),
    }
}

/// Keeps a finished run: the undecided proposals of the programme's other runs become
/// `superseded`, so only this run's wait for a decision. A new run leaves earlier runs'
/// proposals as they are until one run is kept, so that runs can be compared first.
#[utoipa::path(
    post,
    path = "/api/v1/matching-runs/{id}/keep",
    tag = "matching",
    params(("id" = i32, Path, minimum = 1, description = "Run id")),
    responses(
        (status = 200, description = "Kept", body = KeptRunDto),
        (status = 400, description = "The id is not a whole number from 1 to 2147483647", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such run, or not in a programme you coordinate", body = ErrorBody),
        (status = 409, description = "The run has not finished (or failed)", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[post("/matching-runs/{id}/keep")]
pub async fn keep_run(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let dto = state
        .db
        .run(move |db| -> Result<KeptRunDto, ApiError> {
            let (run, _) = run_for(&mut *db.get()?, &caller, id)?;
            if run.status != RunStatus::Done {
                return Err(ApiError::Conflict(format!(
                    "Run {id} is {}: only a finished run can be kept.",
                    run.status.code()
                )));
            }
            let who = Some(caller.coordinator().id);
            let replaced =
                decisions::keep_run(db, run.programme_id, id, who, Utc::now().naive_utc())?;
            Ok(KeptRunDto { id, replaced })
        })
        .await?;
    Ok(HttpResponse::Ok().json(dto))
}

/// Approves a proposal: both people get an introduction email (in the same transaction).
/// Approving again changes nothing (`changed: false`).
#[utoipa::path(
    post,
    path = "/api/v1/matches/{id}/approve",
    tag = "matching",
    params(("id" = i32, Path, minimum = 1, description = "Match id")),
    responses(
        (status = 400, description = "The id is not a whole number from 1 to 2147483647", body = ErrorBody),
        (status = 200, description = "Approved (or already approved)", body = DecisionDto),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such match, or not in a programme you coordinate", body = ErrorBody),
        (status = 409, description = "Already decided otherwise (rejected, superseded, ...), or one of the two is no longer free (another run's proposal or a pair made by hand was approved first)", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[post("/matches/{id}/approve")]
pub async fn approve_match(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let settings = state.settings.clone();
    let dto = state
        .db
        .run(move |db| -> Result<DecisionDto, ApiError> {
            let m = match_for(&mut *db.get()?, &caller, id)?;
            let who = Some(caller.coordinator().id);
            let d = decisions::approve(db, &m, who, &settings, Utc::now().naive_utc())?;
            decided(id, MatchStatus::Approved, d)
        })
        .await?;
    Ok(HttpResponse::Ok().json(dto))
}

/// Rejects a proposal with a reason; the pair is never proposed again. Rejecting again changes
/// nothing (`changed: false`).
#[utoipa::path(
    post,
    path = "/api/v1/matches/{id}/reject",
    tag = "matching",
    params(("id" = i32, Path, minimum = 1, description = "Match id")),
    request_body(content = RejectRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Rejected (or already rejected)", body = DecisionDto),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such match, or not in a programme you coordinate", body = ErrorBody),
        (status = 409, description = "Already decided otherwise (approved, superseded, ...)", body = ErrorBody),
        (status = 422, description = "Missing or too long reason", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[post("/matches/{id}/reject")]
pub async fn reject_match(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i32>,
    body: web::Json<RejectRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let reason = decisions::parse_reason(&body.into_inner().reason).map_err(|e| match e {
        ReasonError::Missing => ApiError::field("reason", "required", "Say why."),
        ReasonError::TooLong => ApiError::field(
            "reason",
            "too_long",
            format!("At most {} characters.", decisions::MAX_REASON_CHARS),
        ),
    })?;
    let dto = state
        .db
        .run(move |db| -> Result<DecisionDto, ApiError> {
            let m = match_for(&mut *db.get()?, &caller, id)?;
            let who = Some(caller.coordinator().id);
            let d = decisions::reject(db, &m, who, &reason, Utc::now().naive_utc())?;
            decided(id, MatchStatus::Rejected, d)
        })
        .await?;
    Ok(HttpResponse::Ok().json(dto))
}

/// Registers the endpoints in the `/api/v1` scope.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(start_run)
        .service(get_run)
        .service(keep_run)
        .service(approve_match)
        .service(reject_match);
}
