//! The connections continuum through the API: a programme's live matches by stage, one match
//! with its stage history and both sides' check-ins, and a coordinator's check-in, pause and
//! close. The same services and audit entries as the coordinator's pages.

use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, NaiveDateTime, Utc};

pub use super::continuum_dto::{
    CheckinAnswerDto, CheckinDto, CheckinRequest, CloseRequest, MatchDetailDto, MatchPageDto,
    MatchQuery, MatchSummaryDto, PauseRequest, StageChangeDto, StageCountDto,
};
use super::error::{paging, ApiError, ErrorBody, FieldErrorDto};
use super::participants::programme_for;
use super::Caller;
use crate::continuum::closing::{self, Actor};
use crate::continuum::{connections, records, ContinuumError};
use crate::db::checkins::{self, Checkin};
use crate::db::continuum as store;
use crate::db::{matches, programmes, Db, DbConnection};
use crate::domain::checkin::{self, CheckinAnswer, CheckinInput};
use crate::domain::{CloseReason, MatchStatus, Stage};
use crate::state::AppState;

/// Default page size.
pub const DEFAULT_PER_PAGE: i64 = 50;
/// Largest page size.
pub const MAX_PER_PAGE: i64 = 500;

fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    DateTime::from_naive_utc_and_offset(t, Utc)
}

fn bad(field: &str, code: &str, message: impl Into<String>) -> FieldErrorDto {
    FieldErrorDto {
        field: field.to_owned(),
        code: code.to_owned(),
        message: message.into(),
    }
}

impl From<ContinuumError> for ApiError {
    fn from(e: ContinuumError) -> Self {
        match e {
            ContinuumError::Db(e) => ApiError::from(e),
            ContinuumError::MatchNotFound(id) => {
                ApiError::NotFound(format!("There is no match {id}."))
            }
            other => ApiError::Unexpected(anyhow::Error::new(other)),
        }
    }
}

/// The programme's live matches, counts per stage, concerns first, then stalled, then matches
/// with an unanswered check-in.
#[utoipa::path(
    get,
    path = "/api/v1/programmes/{slug}/matches",
    tag = "continuum",
    params(("slug" = String, Path, description = "Programme slug"), MatchQuery),
    responses(
        (status = 200, description = "A page of live matches", body = MatchPageDto),
        (status = 400, description = "Malformed query", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such programme, or not in a programme you coordinate", body = ErrorBody),
        (status = 422, description = "Unknown stage or page out of range", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[get("/programmes/{slug}/matches")]
pub async fn list_matches(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    query: web::Query<MatchQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let mut fields = Vec::new();
    let stage = match query.stage.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => match Stage::parse(raw) {
            Ok(s) => Some(s),
            Err(_) => {
                fields.push(bad(
                    "stage",
                    "invalid_choice",
                    "Use introduced, getting_to_know, building_trust, mutual, independent, \
                     stalled, paused or closed.",
                ));
                None
            }
        },
    };
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
    let slug = slug.into_inner();
    let dto = state
        .db
        .run(move |db| -> Result<MatchPageDto, ApiError> {
            let mut conn = db.get()?;
            let programme = programme_for(&mut conn, &caller, &slug)?;
            let o = connections::overview(&mut conn, programme.id, stage, page, per_page)?;
            Ok(MatchPageDto {
                page,
                per_page,
                total: o.total,
                counts: o
                    .counts
                    .iter()
                    .map(|(s, n)| StageCountDto {
                        stage: s.code().to_owned(),
                        count: *n,
                    })
                    .collect(),
                items: o
                    .rows
                    .into_iter()
                    .map(|c| MatchSummaryDto {
                        id: c.match_id,
                        seeker_id: c.seeker.0,
                        buddy_id: c.buddy.0,
                        stage: c.stage.code().to_owned(),
                        stage_since: c.stage_since.map(utc),
                        active_since: c.active_since.map(utc),
                        paused_until: c.paused_until,
                        open_concerns: c.open_concerns,
                        unanswered_checkins: c.unanswered,
                        last_answer_at: c.last_answer.map(utc),
                    })
                    .collect(),
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(dto))
}

fn checkin_dto(c: Checkin) -> CheckinDto {
    let answer = c.answer.map(|a| {
        let mut how = Vec::new();
        for (on, code) in [
            (a.met_in_person, "in_person"),
            (a.met_online, "online"),
            (a.met_by_phone, "phone"),
        ] {
            if on {
                how.push(code.to_owned());
            }
        }
        CheckinAnswerDto {
            met: a.met.code().to_owned(),
            met_how: how,
            going: a.going,
            trust: a.trust,
            gave: a.gave,
            received: a.received,
            go_on: a.go_on.code().to_owned(),
            pause_until: a.pause_until,
            end_reason: a.end_reason.map(|r| r.code().to_owned()),
            carry_on_without_programme: a.carry_on_without_programme,
            wants_to_volunteer: a.wants_to_volunteer,
            belonging: a.belonging,
            conversation: a.conversation,
            note: a.note,
        }
    });
    CheckinDto {
        side: c.side.code().to_owned(),
        period: c.period,
        due_at: utc(c.due_at),
        sent_at: c.sent_at.map(utc),
        reminded_at: c.reminded_at.map(utc),
        answered_at: c.answered_at.map(utc),
        recorded_by_coordinator: c.recorded_by.is_some(),
        answer,
    }
}

/// The match if the caller may reach it; its view is audited.
fn detail(conn: &mut DbConnection, caller: &Caller, id: i32) -> Result<MatchDetailDto, ApiError> {
    let m = caller
        .reachable(store::find(conn, id)?, |m| m.programme_id)
        .ok_or_else(|| ApiError::NotFound(format!("There is no match {id}.")))?;
    let programme = programmes::by_id(conn, m.programme_id)?
        .map(|p| p.slug)
        .unwrap_or_default();
    let history = store::stage_history(conn, id)?
        .into_iter()
        .map(|h| StageChangeDto {
            stage: h.stage.code().to_owned(),
            changed_at: utc(h.changed_at),
            by_coordinator: h.changed_by.is_some(),
        })
        .collect();
    let checkins = checkins::for_match(conn, id)?
        .into_iter()
        .map(checkin_dto)
        .collect();
    crate::db::audit::record(
        conn,
        &crate::db::audit::AuditEntry {
            coordinator_id: Some(caller.coordinator().id),
            programme_id: Some(m.programme_id),
            action: "match.view",
            subject_type: "match",
            subject_id: Some(id),
            detail: "api",
        },
        Utc::now().naive_utc(),
    )?;
    Ok(MatchDetailDto {
        id,
        programme,
        seeker_id: m.seeker_id,
        buddy_id: m.buddy_id,
        status: m.status.code().to_owned(),
        stage: m.stage.map(|s| s.code().to_owned()),
        stage_since: m.stage_since.map(utc),
        active_since: m.active_since.map(utc),
        paused_until: m.paused_until,
        closed_at: m.closed_at.map(utc),
        close_reason: m.close_reason.map(|r| r.code().to_owned()),
        stage_history: history,
        checkins,
    })
}

/// A match: status, stage, stage history and both sides' check-ins with their dates.
#[utoipa::path(
    get,
    path = "/api/v1/matches/{id}",
    tag = "continuum",
    params(("id" = i32, Path, minimum = 1, description = "Match id")),
    responses(
        (status = 200, description = "The match", body = MatchDetailDto),
        (status = 400, description = "Malformed id", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such match, or not in a programme you coordinate", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[get("/matches/{id}")]
pub async fn get_match(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let dto = state
        .db
        .run(move |db: &Db| db.write(|c| detail(c, &caller, id)))
        .await?;
    Ok(HttpResponse::Ok().json(dto))
}

/// Checks access and that the match is live, runs `change`, answers with the match.
async fn change<F>(
    state: &AppState,
    caller: Caller,
    id: i32,
    change: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&mut DbConnection, i32) -> Result<bool, ContinuumError> + Send + 'static,
{
    let dto = state
        .db
        .run(move |db: &Db| {
            db.write(|c| -> Result<MatchDetailDto, ApiError> {
                let m = caller
                    .reachable(matches::find(c, id)?, |m| m.programme_id)
                    .ok_or_else(|| ApiError::NotFound(format!("There is no match {id}.")))?;
                if m.status != MatchStatus::Active {
                    return Err(ApiError::Conflict(format!(
                        "Match {id} is {}, not active.",
                        m.status.code()
                    )));
                }
                if !change(c, caller.coordinator().id)? {
                    return Err(ApiError::Conflict(format!(
                        "Match {id} changed meanwhile; read it again."
                    )));
                }
                detail(c, &caller, id)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(dto))
}

/// Records one side's check-in after a call (marked as recorded by the caller), applies its
/// "continue" answer and updates the stage.
#[utoipa::path(
    post,
    path = "/api/v1/matches/{id}/check-ins",
    tag = "continuum",
    params(("id" = i32, Path, minimum = 1, description = "Match id")),
    request_body(content = CheckinRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Recorded; the match as it is now", body = MatchDetailDto),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such match, or not in a programme you coordinate", body = ErrorBody),
        (status = 409, description = "The match is not active", body = ErrorBody),
        (status = 422, description = "Invalid answers (each field named)", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[post("/matches/{id}/check-ins")]
pub async fn record_checkin(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i32>,
    body: web::Json<CheckinRequest>,
) -> Result<HttpResponse, ApiError> {
    let r = body.into_inner();
    let input = CheckinInput {
        side: r.side,
        met: r.met,
        met_how: r.met_how,
        going: r.going,
        trust: r.trust,
        gave: r.gave,
        received: r.received,
        go_on: r.go_on,
        pause_until: r.pause_until,
        end_reason: r.end_reason,
        carry_on_without_programme: r.carry_on_without_programme,
        note: r.note,
        belonging: r.belonging,
        conversation: r.conversation,
        wants_to_volunteer: r.wants_to_volunteer,
    };
    let now = Utc::now().naive_utc();
    let answer = CheckinAnswer::parse(&input, now.date())?;
    let id = id.into_inner();
    change(&state, caller, id, move |c, me| {
        records::record_checkin(c, id, &answer, me, now)
    })
    .await
}

/// Pauses an active match until a date (no check-ins meanwhile; stage `paused`).
#[utoipa::path(
    post,
    path = "/api/v1/matches/{id}/pause",
    tag = "continuum",
    params(("id" = i32, Path, minimum = 1, description = "Match id")),
    request_body(content = PauseRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Paused; the match as it is now", body = MatchDetailDto),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such match, or not in a programme you coordinate", body = ErrorBody),
        (status = 409, description = "The match is not active", body = ErrorBody),
        (status = 422, description = "Invalid date", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[post("/matches/{id}/pause")]
pub async fn pause_match(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i32>,
    body: web::Json<PauseRequest>,
) -> Result<HttpResponse, ApiError> {
    let now = Utc::now().naive_utc();
    let until = checkin::pause_date(Some(&body.until), now.date()).map_err(|code| {
        ApiError::field(
            "until",
            code,
            "Give the first day of meeting again as YYYY-MM-DD, after today and at most six \
             months ahead.",
        )
    })?;
    let id = id.into_inner();
    change(&state, caller, id, move |c, me| {
        closing::pause(c, id, until, Actor::Coordinator(me), now)
    })
    .await
}

/// Closes a live match with a neutral reason. `not_a_good_fit` and `no_longer_available` put
/// the seeker back in the pool (waiting counted from the original sign-up) and forbid the pair;
/// both people get a kind closing email with two exit questions.
#[utoipa::path(
    post,
    path = "/api/v1/matches/{id}/close",
    tag = "continuum",
    params(("id" = i32, Path, minimum = 1, description = "Match id")),
    request_body(content = CloseRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Closed; the match as it is now", body = MatchDetailDto),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such match, or not in a programme you coordinate", body = ErrorBody),
        (status = 409, description = "The match is not active", body = ErrorBody),
        (status = 422, description = "Unknown reason", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[post("/matches/{id}/close")]
pub async fn close_match(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i32>,
    body: web::Json<CloseRequest>,
) -> Result<HttpResponse, ApiError> {
    let reason = CloseReason::parse(body.reason.trim()).map_err(|_| {
        ApiError::field(
            "reason",
            if body.reason.trim().is_empty() {
                "required"
            } else {
                "invalid_choice"
            },
            "Use completed, moved_away, not_a_good_fit, no_longer_available, concern or other.",
        )
    })?;
    let now = Utc::now().naive_utc();
    let id = id.into_inner();
    change(&state, caller, id, move |c, me| {
        closing::close(c, id, reason, Actor::Coordinator(me), now)
    })
    .await
}

/// Registers the continuum's endpoints (inside `/api/v1`).
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_matches)
        .service(get_match)
        .service(record_checkin)
        .service(pause_match)
        .service(close_match);
}
