//! One side's check-in on a live match (DESIGN.md, "The connections continuum"): the raw
//! [`CheckinInput`] the link form and the JSON API produce, and the validated [`CheckinAnswer`]
//! everything past the edge trusts.
//!
//! Errors name the input field (`side`, `met`, `met_how`, `going`, `trust`, `gave`,
//! `received`, `continue`, `pause_until`, `end_reason`, `note`, `belonging`, `conversation`)
//! with the usual codes: `required`, `invalid_choice`, `out_of_range`, `too_long`, and
//! `invalid_date` for a date not written `YYYY-MM-DD`.
//!
//! Answers that only make sense with another answer are dropped when that other answer makes
//! them meaningless (a form without JavaScript keeps every field it showed): `met_how` when
//! `met` is `none`, `pause_until` unless `continue` is `pause`, `end_reason` unless it is `end`.

use chrono::{Months, NaiveDate};
use matching::compat::Domains;
use serde::{Deserialize, Serialize};

use super::form_choice::{required, FormChoice, INVALID_CHOICE};
use super::{CloseReason, GoOn, IntegrationDomain, Met, Side, ValidationErrors};

/// Longest note for the coordinator, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// Ratings (`going`, `trust`, `belonging`, `conversation`) run from 1 to this.
pub const MAX_RATING: u8 = 5;
/// Furthest a pause may reach, in months after today.
pub const MAX_PAUSE_MONTHS: u32 = 6;

/// How two people met ("in person, online, by phone"); several may be ticked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetHow {
    /// Face to face.
    InPerson,
    /// By video call or chat.
    Online,
    /// By phone.
    Phone,
}

impl MetHow {
    /// Every way, in form order.
    pub const ALL: [Self; 3] = [Self::InPerson, Self::Online, Self::Phone];

    /// The code used in forms, JSON and the database.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::InPerson => "in_person",
            Self::Online => "online",
            Self::Phone => "phone",
        }
    }
}

impl FormChoice for MetHow {
    fn from_form(raw: &str) -> Result<Self, &'static str> {
        let s = raw.trim();
        Self::ALL
            .into_iter()
            .find(|h| h.code() == s)
            .ok_or(INVALID_CHOICE)
    }
}

/// A check-in as submitted: codes as text, numbers as given. Nothing here is trusted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CheckinInput {
    /// `seeker` or `buddy` (the link form fills it in from the link).
    pub side: String,
    /// "Did you meet since last time?" `none`, `once` or `several`.
    pub met: String,
    /// How: `in_person`, `online`, `phone` (any of them).
    pub met_how: Vec<String>,
    /// "How is it going?" 1 to 5.
    pub going: Option<i32>,
    /// "Can you count on your buddy?" 1 to 5.
    pub trust: Option<i32>,
    /// What this person gave, by integration domain code.
    pub gave: Vec<String>,
    /// What this person received, by integration domain code.
    pub received: Vec<String>,
    /// "Shall we go on?" `yes`, `pause` or `end`.
    #[serde(rename = "continue")]
    pub go_on: String,
    /// With `pause`: the date to resume, `YYYY-MM-DD`.
    pub pause_until: Option<String>,
    /// With `end`: a close reason code.
    pub end_reason: Option<String>,
    /// "Would you go on meeting without the programme?"
    pub carry_on_without_programme: bool,
    /// Something the coordinator should know (seen only by coordinators).
    pub note: Option<String>,
    /// "I feel I belong here", 1 to 5 (arriving members, every few months).
    pub belonging: Option<i32>,
    /// "I can hold a simple conversation in the local language", 1 to 5.
    pub conversation: Option<i32>,
    /// The person would like to become a buddy.
    pub wants_to_volunteer: bool,
}

/// "Shall we go on?" with what goes with the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "continue", rename_all = "snake_case")]
pub enum GoOnAnswer {
    /// Go on.
    Yes,
    /// Pause; resume on this date.
    Pause {
        /// First day of meeting again (after today, at most six months ahead).
        until: NaiveDate,
    },
    /// End the match.
    End {
        /// Why, in neutral words.
        reason: CloseReason,
    },
}

impl GoOnAnswer {
    /// The bare code (`yes`, `pause`, `end`).
    #[must_use]
    pub fn go_on(self) -> GoOn {
        match self {
            Self::Yes => GoOn::Yes,
            Self::Pause { .. } => GoOn::Pause,
            Self::End { .. } => GoOn::End,
        }
    }
}

/// A validated check-in of one side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckinAnswer {
    /// Who answered.
    pub side: Side,
    /// Met since last time.
    pub met: Met,
    /// How (empty when they did not meet), sorted, without repeats.
    pub met_how: Vec<MetHow>,
    /// How it is going, 1 to 5.
    pub going: u8,
    /// Trust in the other, 1 to 5.
    pub trust: u8,
    /// Domains this person gave in.
    pub gave: Domains,
    /// Domains this person received in.
    pub received: Domains,
    /// Go on, pause or end.
    pub go_on: GoOnAnswer,
    /// Would go on meeting without the programme.
    pub carry_on_without_programme: bool,
    /// Note for the coordinator, trimmed; `None` when blank.
    pub note: Option<String>,
    /// Belonging, 1 to 5.
    pub belonging: Option<u8>,
    /// Conversation in the local language, 1 to 5.
    pub conversation: Option<u8>,
    /// Would like to become a buddy.
    pub wants_to_volunteer: bool,
}

/// A rating from 1 to [`MAX_RATING`]: `"out_of_range"` otherwise.
fn rating(value: i32) -> Result<u8, &'static str> {
    u8::try_from(value)
        .ok()
        .filter(|v| (1..=MAX_RATING).contains(v))
        .ok_or("out_of_range")
}

fn required_rating(e: &mut ValidationErrors, field: &str, value: Option<i32>) -> Option<u8> {
    e.check(field, value.ok_or("required").and_then(rating))
}

fn optional_rating(e: &mut ValidationErrors, field: &str, value: Option<i32>) -> Option<u8> {
    value.and_then(|v| e.check(field, rating(v)))
}

/// Domain codes as a set: blank entries skipped, each unknown code reported once per field.
fn domains(e: &mut ValidationErrors, field: &str, raw: &[String]) -> Domains {
    let mut bad = false;
    let mut out = Domains::new();
    for r in raw.iter().filter(|r| !r.trim().is_empty()) {
        match IntegrationDomain::from_form(r) {
            Ok(d) => out = out.with(d),
            Err(_) => bad = true,
        }
    }
    if bad {
        e.add(field, INVALID_CHOICE);
    }
    out
}

fn met_how(e: &mut ValidationErrors, raw: &[String]) -> Vec<MetHow> {
    let mut bad = false;
    let mut out = Vec::new();
    for r in raw.iter().filter(|r| !r.trim().is_empty()) {
        match MetHow::from_form(r) {
            Ok(h) => out.push(h),
            Err(_) => bad = true,
        }
    }
    if bad {
        e.add("met_how", INVALID_CHOICE);
    }
    out.sort();
    out.dedup();
    out
}

/// The day a pause ends: `YYYY-MM-DD`, after `today` and at most [`MAX_PAUSE_MONTHS`] ahead.
///
/// # Errors
/// `"required"`, `"invalid_date"` or `"out_of_range"`.
pub fn pause_date(raw: Option<&str>, today: NaiveDate) -> Result<NaiveDate, &'static str> {
    let s = raw.map(str::trim).unwrap_or_default();
    if s.is_empty() {
        return Err("required");
    }
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| "invalid_date")?;
    let latest = today
        .checked_add_months(Months::new(MAX_PAUSE_MONTHS))
        .unwrap_or(NaiveDate::MAX);
    if date > today && date <= latest {
        Ok(date)
    } else {
        Err("out_of_range")
    }
}

fn go_on(e: &mut ValidationErrors, input: &CheckinInput, today: NaiveDate) -> Option<GoOnAnswer> {
    match e.check("continue", required(&input.go_on, GoOn::parse))? {
        GoOn::Yes => Some(GoOnAnswer::Yes),
        GoOn::Pause => e
            .check(
                "pause_until",
                pause_date(input.pause_until.as_deref(), today),
            )
            .map(|until| GoOnAnswer::Pause { until }),
        GoOn::End => {
            let raw = input.end_reason.as_deref().unwrap_or_default();
            e.check("end_reason", required(raw, CloseReason::parse))
                .map(|reason| GoOnAnswer::End { reason })
        }
    }
}

fn note(e: &mut ValidationErrors, raw: Option<&str>) -> Option<String> {
    let s = raw.map(str::trim).unwrap_or_default();
    if s.is_empty() {
        None
    } else if s.chars().count() > MAX_NOTE_CHARS {
        e.add("note", "too_long");
        None
    } else {
        Some(s.to_owned())
    }
}

impl CheckinAnswer {
    /// Validates a submitted check-in, reporting every problem at once. `today` is the day of
    /// answering (a pause must end after it).
    ///
    /// # Errors
    /// [`ValidationErrors`] naming each invalid input field with a stable code.
    pub fn parse(input: &CheckinInput, today: NaiveDate) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let side = e.check("side", required(&input.side, Side::parse));
        let met = e.check("met", required(&input.met, Met::parse));
        let mut how = met_how(&mut e, &input.met_how);
        if met == Some(Met::None) {
            how.clear(); // "how" was left ticked on a "no"
        }
        let going = required_rating(&mut e, "going", input.going);
        let trust = required_rating(&mut e, "trust", input.trust);
        let gave = domains(&mut e, "gave", &input.gave);
        let received = domains(&mut e, "received", &input.received);
        let go_on = go_on(&mut e, input, today);
        let note = note(&mut e, input.note.as_deref());
        let belonging = optional_rating(&mut e, "belonging", input.belonging);
        let conversation = optional_rating(&mut e, "conversation", input.conversation);

        match (side, met, going, trust, go_on) {
            (Some(side), Some(met), Some(going), Some(trust), Some(go_on)) if e.is_empty() => {
                Ok(Self {
                    side,
                    met,
                    met_how: how,
                    going,
                    trust,
                    gave,
                    received,
                    go_on,
                    carry_on_without_programme: input.carry_on_without_programme,
                    note,
                    belonging,
                    conversation,
                    wants_to_volunteer: input.wants_to_volunteer,
                })
            }
            _ => Err(e),
        }
    }
}

/// A coordinator's note on a match: trimmed, required, at most [`MAX_NOTE_CHARS`].
///
/// # Errors
/// `"required"` or `"too_long"`.
pub fn coordinator_note(raw: &str) -> Result<String, &'static str> {
    let s = raw.trim();
    if s.is_empty() {
        Err("required")
    } else if s.chars().count() > MAX_NOTE_CHARS {
        Err("too_long")
    } else {
        Ok(s.to_owned())
    }
}

/// The two exit questions after a match closed, as submitted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExitInput {
    /// "How satisfied are you with the programme?" 1 to 5.
    pub satisfied: Option<i32>,
    /// "I feel I belong here", 1 to 5 (arriving members).
    pub belonging: Option<i32>,
    /// The person would like to become a buddy.
    pub wants_to_volunteer: bool,
    /// Something the coordinator should know.
    pub note: Option<String>,
}

/// Validated exit answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExitAnswer {
    /// Satisfaction with the programme, 1 to 5.
    pub satisfied: u8,
    /// Belonging, 1 to 5.
    pub belonging: Option<u8>,
    /// Would like to become a buddy.
    pub wants_to_volunteer: bool,
    /// Note for the coordinator, trimmed; `None` when blank.
    pub note: Option<String>,
}

impl ExitAnswer {
    /// Validates the exit questions (`satisfied` required; `belonging` and `note` optional).
    ///
    /// # Errors
    /// [`ValidationErrors`] naming `satisfied`, `belonging` or `note`.
    pub fn parse(input: &ExitInput) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let satisfied = required_rating(&mut e, "satisfied", input.satisfied);
        let belonging = optional_rating(&mut e, "belonging", input.belonging);
        let note = note(&mut e, input.note.as_deref());
        match satisfied {
            Some(satisfied) if e.is_empty() => Ok(Self {
                satisfied,
                belonging,
                wants_to_volunteer: input.wants_to_volunteer,
                note,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests;
