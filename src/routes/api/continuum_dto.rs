//! The JSON shapes of the connections continuum: live matches with their stage, one match with
//! its stage history and both sides' check-ins, and the requests to record a check-in, pause and
//! close. Stages and codes are spelled as in `domain::status`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Filter and paging of a programme's live matches.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct MatchQuery {
    /// Only this stage: `introduced`, `getting_to_know`, `building_trust`, `mutual`,
    /// `independent`, `stalled` or `paused` (closed matches are counted, not listed).
    #[param(
        pattern = "^(introduced|getting_to_know|building_trust|mutual|independent|stalled|paused)?$"
    )]
    pub stage: Option<String>,
    /// Page, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Page size, 1..=500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub per_page: Option<i64>,
}

/// A live match in the list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MatchSummaryDto {
    /// Match id.
    pub id: i32,
    /// The seeker's participant id.
    pub seeker_id: i32,
    /// The buddy's participant id.
    pub buddy_id: i32,
    /// Stage.
    #[schema(example = "getting_to_know")]
    pub stage: String,
    /// Since when.
    pub stage_since: Option<DateTime<Utc>>,
    /// When both accepted.
    pub active_since: Option<DateTime<Utc>>,
    /// Paused until this day.
    pub paused_until: Option<NaiveDate>,
    /// Concerns about the match not handled yet.
    pub open_concerns: i64,
    /// Check-ins sent and not answered.
    pub unanswered_checkins: i64,
    /// The latest answer from either side.
    pub last_answer_at: Option<DateTime<Utc>>,
}

/// One stage's count.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StageCountDto {
    /// Stage.
    pub stage: String,
    /// Matches at it (`closed`: matches that were active and have closed).
    pub count: i64,
}

/// A page of live matches, concerns first, then stalled, then unanswered check-ins.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MatchPageDto {
    /// Page, from 1.
    pub page: i64,
    /// Page size.
    pub per_page: i64,
    /// Matches that pass the filter.
    pub total: i64,
    /// Live matches per stage (all stages).
    pub counts: Vec<StageCountDto>,
    /// The page.
    pub items: Vec<MatchSummaryDto>,
}

/// One stage change.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StageChangeDto {
    /// The new stage.
    pub stage: String,
    /// When.
    pub changed_at: DateTime<Utc>,
    /// Set by a coordinator (false: by the stage rules or the participants).
    pub by_coordinator: bool,
}

/// One side's answer.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CheckinAnswerDto {
    /// `none`, `once` or `several`.
    pub met: String,
    /// `in_person`, `online`, `phone`.
    pub met_how: Vec<String>,
    /// How it is going (1-5; at the exit questions: satisfaction with the programme).
    pub going: Option<u8>,
    /// Trust (1-5).
    pub trust: Option<u8>,
    /// Integration domains where they gave something.
    pub gave: Vec<String>,
    /// Integration domains where they received something.
    pub received: Vec<String>,
    /// `yes`, `pause` or `end`.
    #[serde(rename = "continue")]
    pub go_on: String,
    /// With `pause`.
    pub pause_until: Option<NaiveDate>,
    /// With `end`.
    pub end_reason: Option<String>,
    /// Would carry on without the programme.
    pub carry_on_without_programme: bool,
    /// Would like to become a buddy.
    pub wants_to_volunteer: bool,
    /// Belonging (1-5).
    pub belonging: Option<u8>,
    /// Simple conversation in the local language (1-5).
    pub conversation: Option<u8>,
    /// The note for the coordinator.
    pub note: Option<String>,
}

/// One side's check-in.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CheckinDto {
    /// `seeker` or `buddy`.
    pub side: String,
    /// 1 = the first check-in; 0 = the exit questions after closing.
    pub period: i32,
    /// Due.
    pub due_at: DateTime<Utc>,
    /// Emailed.
    pub sent_at: Option<DateTime<Utc>>,
    /// Reminded.
    pub reminded_at: Option<DateTime<Utc>>,
    /// Answered.
    pub answered_at: Option<DateTime<Utc>>,
    /// Recorded by a coordinator after a call (false: answered by link).
    pub recorded_by_coordinator: bool,
    /// The answer.
    pub answer: Option<CheckinAnswerDto>,
}

/// One match on the continuum.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MatchDetailDto {
    /// Match id.
    pub id: i32,
    /// Programme slug.
    pub programme: String,
    /// The seeker's participant id.
    pub seeker_id: i32,
    /// The buddy's participant id.
    pub buddy_id: i32,
    /// `proposed`, `approved`, `active`, `closed`, ...
    pub status: String,
    /// Stage (None before both accepted).
    pub stage: Option<String>,
    /// Since when.
    pub stage_since: Option<DateTime<Utc>>,
    /// When both accepted.
    pub active_since: Option<DateTime<Utc>>,
    /// Paused until.
    pub paused_until: Option<NaiveDate>,
    /// When it closed.
    pub closed_at: Option<DateTime<Utc>>,
    /// Why.
    pub close_reason: Option<String>,
    /// Every stage change, oldest first.
    pub stage_history: Vec<StageChangeDto>,
    /// Both sides' check-ins, by period.
    pub checkins: Vec<CheckinDto>,
}

/// A check-in recorded by a coordinator after a call.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct CheckinRequest {
    /// `seeker` or `buddy`.
    #[schema(example = "seeker")]
    pub side: String,
    /// `none`, `once` or `several`.
    #[schema(example = "once")]
    pub met: String,
    /// Any of `in_person`, `online`, `phone`.
    pub met_how: Vec<String>,
    /// 1-5.
    #[schema(example = 4)]
    pub going: Option<i32>,
    /// 1-5.
    #[schema(example = 4)]
    pub trust: Option<i32>,
    /// Integration domain codes.
    pub gave: Vec<String>,
    /// Integration domain codes.
    pub received: Vec<String>,
    /// `yes`, `pause` or `end`.
    #[serde(rename = "continue")]
    #[schema(example = "yes")]
    pub go_on: String,
    /// With `pause`: `YYYY-MM-DD`, after today, at most six months ahead.
    pub pause_until: Option<String>,
    /// With `end`: a close reason.
    pub end_reason: Option<String>,
    /// Will carry on without the programme.
    pub carry_on_without_programme: bool,
    /// A note (coordinators only).
    pub note: Option<String>,
    /// 1-5.
    pub belonging: Option<i32>,
    /// 1-5.
    pub conversation: Option<i32>,
    /// Would like to become a buddy.
    pub wants_to_volunteer: bool,
}

/// Pause a match.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PauseRequest {
    /// First day of meeting again: `YYYY-MM-DD`, after today, at most six months ahead.
    #[schema(example = "2027-02-01", format = Date)]
    pub until: String,
}

/// Close a match.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseRequest {
    /// `completed`, `moved_away`, `not_a_good_fit`, `no_longer_available`, `concern` or `other`.
    /// `not_a_good_fit` and `no_longer_available` put the seeker back in the pool and forbid the
    /// pair.
    #[schema(
        example = "completed",
        pattern = "^(completed|moved_away|not_a_good_fit|no_longer_available|concern|other)$"
    )]
    pub reason: String,
}
