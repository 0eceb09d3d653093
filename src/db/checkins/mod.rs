//! The `checkins` table: one row per (match, side, period), from the moment a check-in is due to
//! its one answer. The unique key (match, side, period) makes scheduling safe across app
//! instances: whoever inserts the row first owns it, and the other insert is a no-op that sends
//! nothing. Reminders and answers are conditional updates, so each happens once.
//!
//! Values are stored as given: the check-in form's parser validates them before they get here.
//!
//! The stored [`Checkin`], its answer and row are here; `schedule`, `read`, `answers` and `mail`
//! hold the queries.

mod answers;
mod mail;
mod read;
mod schedule;

pub use answers::{answer, record_by_coordinator};
pub use mail::{
    claim_reminder, claim_send, due_for_reminder, due_to_send, exits_to_send, open_sent,
};
pub use read::{answered_facts, find, for_match, for_participant, AnsweredFacts};
pub use schedule::{last_period, last_periods, schedule};

use anyhow::Context;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::checkins;
use super::DbError;
use crate::domain::{CloseReason, GoOn, Met, Side};

/// The period of the exit questions asked of both sides when a match closes (check-ins proper
/// count from 1).
pub const EXIT_PERIOD: i32 = 0;

/// One side's answer to a check-in (from the form by link, or recorded by a coordinator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAnswer {
    /// Did they meet since last time?
    pub met: Met,
    /// Met in person.
    pub met_in_person: bool,
    /// Met online.
    pub met_online: bool,
    /// Spoke by phone.
    pub met_by_phone: bool,
    /// How is it going (1-5).
    pub going: Option<u8>,
    /// Can they count on their buddy (1-5).
    pub trust: Option<u8>,
    /// Integration domain codes where they gave something.
    pub gave: Vec<String>,
    /// Integration domain codes where they received something.
    pub received: Vec<String>,
    /// Go on, pause or end.
    pub go_on: GoOn,
    /// Pause until this day (with [`GoOn::Pause`]).
    pub pause_until: Option<NaiveDate>,
    /// Why to end (with [`GoOn::End`]).
    pub end_reason: Option<CloseReason>,
    /// They will carry on without the programme.
    pub carry_on_without_programme: bool,
    /// An arriving member who would like to become a buddy.
    pub wants_to_volunteer: bool,
    /// Something for the coordinator (seen only by coordinators).
    pub note: Option<String>,
    /// "I feel I belong here" (1-5), asked of arriving members every few months.
    pub belonging: Option<u8>,
    /// "I can hold a simple conversation in the local language" (1-5).
    pub conversation: Option<u8>,
}

/// A stored check-in, with its answer when it came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkin {
    /// Id.
    pub id: i32,
    /// The match.
    pub match_id: i32,
    /// The person asked.
    pub participant_id: i32,
    /// Their side of the match.
    pub side: Side,
    /// 1 = the first check-in after the match became active.
    pub period: i32,
    /// When it is (was) due.
    pub due_at: NaiveDateTime,
    /// When the email went into the outbox.
    pub sent_at: Option<NaiveDateTime>,
    /// When the one reminder went.
    pub reminded_at: Option<NaiveDateTime>,
    /// When it was answered.
    pub answered_at: Option<NaiveDateTime>,
    /// The coordinator who recorded the answer after a call (None: answered by link).
    pub recorded_by: Option<i32>,
    /// The answer (None until answered).
    pub answer: Option<NewAnswer>,
    /// Created.
    pub created_at: NaiveDateTime,
}

/// The row as stored; `into_checkin` parses the JSON lists and gathers the answer.
#[derive(Queryable, Selectable)]
#[diesel(table_name = checkins)]
struct CheckinRow {
    id: i32,
    match_id: i32,
    participant_id: i32,
    side: Side,
    period: i32,
    due_at: NaiveDateTime,
    sent_at: Option<NaiveDateTime>,
    reminded_at: Option<NaiveDateTime>,
    answered_at: Option<NaiveDateTime>,
    recorded_by: Option<i32>,
    met: Option<Met>,
    met_in_person: bool,
    met_online: bool,
    met_by_phone: bool,
    going: Option<i32>,
    trust: Option<i32>,
    gave: String,
    received: String,
    go_on: Option<GoOn>,
    pause_until: Option<NaiveDate>,
    end_reason: Option<CloseReason>,
    carry_on_without_programme: bool,
    wants_to_volunteer: bool,
    note: Option<String>,
    belonging: Option<i32>,
    conversation: Option<i32>,
    created_at: NaiveDateTime,
}

/// A stored rating back to 1-5 (a value out of `u8` range would be a corrupt row: dropped).
fn rating(stored: Option<i32>) -> Option<u8> {
    stored.and_then(|v| u8::try_from(v).ok())
}

impl CheckinRow {
    fn into_checkin(self) -> Result<Checkin, DbError> {
        let codes = |raw: &str, what: &str| -> Result<Vec<String>, DbError> {
            Ok(serde_json::from_str(raw).with_context(|| {
                format!("check-in {}: stored {what} is not a JSON list", self.id)
            })?)
        };
        // An answered row always has `met` and `go_on`; without them there is no answer.
        let answer = match (self.answered_at, self.met, self.go_on) {
            (Some(_), Some(met), Some(go_on)) => Some(NewAnswer {
                met,
                met_in_person: self.met_in_person,
                met_online: self.met_online,
                met_by_phone: self.met_by_phone,
                going: rating(self.going),
                trust: rating(self.trust),
                gave: codes(&self.gave, "gave")?,
                received: codes(&self.received, "received")?,
                go_on,
                pause_until: self.pause_until,
                end_reason: self.end_reason,
                carry_on_without_programme: self.carry_on_without_programme,
                wants_to_volunteer: self.wants_to_volunteer,
                note: self.note.clone(),
                belonging: rating(self.belonging),
                conversation: rating(self.conversation),
            }),
            _ => None,
        };
        Ok(Checkin {
            id: self.id,
            match_id: self.match_id,
            participant_id: self.participant_id,
            side: self.side,
            period: self.period,
            due_at: self.due_at,
            sent_at: self.sent_at,
            reminded_at: self.reminded_at,
            answered_at: self.answered_at,
            recorded_by: self.recorded_by,
            answer,
            created_at: self.created_at,
        })
    }
}

fn into_checkins(rows: Vec<CheckinRow>) -> Result<Vec<Checkin>, DbError> {
    rows.into_iter().map(CheckinRow::into_checkin).collect()
}

fn json_list(codes: &[String]) -> Result<String, DbError> {
    Ok(serde_json::to_string(codes).context("writing domain codes as JSON")?)
}
