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
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 10).unwrap_or_default()
    }

    fn valid() -> CheckinInput {
        CheckinInput {
            side: "seeker".into(),
            met: "several".into(),
            met_how: vec!["in_person".into(), "phone".into()],
            going: Some(4),
            trust: Some(5),
            gave: vec!["culture".into()],
            received: vec!["language".into(), "housing".into()],
            go_on: "yes".into(),
            ..CheckinInput::default()
        }
    }

    fn codes(input: &CheckinInput) -> Vec<(String, &'static str)> {
        CheckinAnswer::parse(input, today())
            .err()
            .map(|e| e.errors.into_iter().map(|f| (f.field, f.code)).collect())
            .unwrap_or_default()
    }

    fn one(field: &str, code: &'static str) -> Vec<(String, &'static str)> {
        vec![(field.to_owned(), code)]
    }

    #[test]
    fn valid_check_in_parses() {
        let a = CheckinAnswer::parse(&valid(), today()).expect("valid");
        assert_eq!(a.side, Side::Seeker);
        assert_eq!(a.met, Met::Several);
        assert_eq!(a.met_how, vec![MetHow::InPerson, MetHow::Phone]);
        assert_eq!((a.going, a.trust), (4, 5));
        assert!(a.gave.contains(IntegrationDomain::Culture));
        assert_eq!(a.received.count(), 2);
        assert_eq!(a.go_on, GoOnAnswer::Yes);
        assert_eq!(a.go_on.go_on(), GoOn::Yes);
        assert_eq!(a.note, None);
        assert_eq!((a.belonging, a.conversation), (None, None));
        assert!(!a.carry_on_without_programme && !a.wants_to_volunteer);
    }

    #[test]
    fn empty_input_names_every_required_field() {
        let fields: Vec<String> = codes(&CheckinInput::default())
            .into_iter()
            .map(|(f, c)| {
                assert_eq!(c, "required");
                f
            })
            .collect();
        assert_eq!(fields, ["side", "met", "going", "trust", "continue"]);
    }

    #[test]
    fn codes_must_be_known() {
        for (field, set) in [
            (
                "side",
                (|i: &mut CheckinInput| i.side = "partner".into()) as fn(&mut _),
            ),
            ("met", |i| i.met = "often".into()),
            ("continue", |i| i.go_on = "maybe".into()),
            ("met_how", |i| i.met_how.push("letter".into())),
            ("gave", |i| i.gave.push("religion".into())),
            ("received", |i| i.received = vec!["x".into(), "y".into()]),
        ] {
            let mut input = valid();
            set(&mut input);
            assert_eq!(codes(&input), one(field, "invalid_choice"), "{field}");
        }
    }

    #[test]
    fn codes_are_trimmed_and_lists_deduplicated() {
        let mut input = valid();
        input.side = " buddy ".into();
        input.met_how = vec!["phone".into(), " ".into(), "phone".into(), "online".into()];
        input.gave = vec!["work".into(), "work".into(), String::new()];
        let a = CheckinAnswer::parse(&input, today()).expect("valid");
        assert_eq!(a.side, Side::Buddy);
        assert_eq!(a.met_how, vec![MetHow::Online, MetHow::Phone]);
        assert_eq!(a.gave.count(), 1);
    }

    #[test]
    fn how_is_dropped_when_they_did_not_meet() {
        let mut input = valid();
        input.met = "none".into();
        let a = CheckinAnswer::parse(&input, today()).expect("valid");
        assert!(a.met_how.is_empty());
    }

    #[test]
    fn ratings_run_from_one_to_five() {
        for field in ["going", "trust", "belonging", "conversation"] {
            for (value, ok) in [
                (0, false),
                (1, true),
                (5, true),
                (6, false),
                (-3, false),
                (300, false),
            ] {
                let mut input = valid();
                let slot = match field {
                    "going" => &mut input.going,
                    "trust" => &mut input.trust,
                    "belonging" => &mut input.belonging,
                    _ => &mut input.conversation,
                };
                *slot = Some(value);
                let expected = if ok {
                    vec![]
                } else {
                    one(field, "out_of_range")
                };
                assert_eq!(codes(&input), expected, "{field} = {value}");
            }
        }
        let mut input = valid();
        input.belonging = Some(2);
        input.conversation = Some(5);
        let a = CheckinAnswer::parse(&input, today()).expect("valid");
        assert_eq!((a.belonging, a.conversation), (Some(2), Some(5)));
    }

    #[test]
    fn pause_needs_a_date_after_today_within_six_months() {
        let mut input = valid();
        input.go_on = "pause".into();
        assert_eq!(codes(&input), one("pause_until", "required"));
        for (raw, code) in [
            ("  ", Some("required")),
            ("10.04.2026", Some("invalid_date")),
            ("2026-02-30", Some("invalid_date")),
            ("2026-03-10", Some("out_of_range")), // today
            ("2026-03-11", None),
            ("2026-09-10", None), // six months ahead
            ("2026-09-11", Some("out_of_range")),
        ] {
            input.pause_until = Some(raw.into());
            let expected = code.map(|c| one("pause_until", c)).unwrap_or_default();
            assert_eq!(codes(&input), expected, "{raw}");
        }
        input.pause_until = Some(" 2026-04-01 ".into());
        let a = CheckinAnswer::parse(&input, today()).expect("valid");
        assert_eq!(
            a.go_on,
            GoOnAnswer::Pause {
                until: NaiveDate::from_ymd_opt(2026, 4, 1).unwrap_or_default()
            }
        );
        assert_eq!(a.go_on.go_on(), GoOn::Pause);
    }

    #[test]
    fn end_needs_a_known_reason() {
        let mut input = valid();
        input.go_on = "end".into();
        assert_eq!(codes(&input), one("end_reason", "required"));
        input.end_reason = Some("bored".into());
        assert_eq!(codes(&input), one("end_reason", "invalid_choice"));
        input.end_reason = Some("moved_away".into());
        let a = CheckinAnswer::parse(&input, today()).expect("valid");
        assert_eq!(
            a.go_on,
            GoOnAnswer::End {
                reason: CloseReason::MovedAway
            }
        );
        assert_eq!(a.go_on.go_on(), GoOn::End);
    }

    #[test]
    fn date_and_reason_are_ignored_unless_asked_for() {
        let mut input = valid();
        input.pause_until = Some("not a date".into());
        input.end_reason = Some("bored".into());
        let a = CheckinAnswer::parse(&input, today()).expect("valid");
        assert_eq!(a.go_on, GoOnAnswer::Yes);
    }

    #[test]
    fn note_is_trimmed_optional_and_limited() {
        let mut input = valid();
        input.note = Some("   \n ".into());
        assert_eq!(
            CheckinAnswer::parse(&input, today()).expect("valid").note,
            None
        );
        input.note = Some("  We met twice.\nAll good. ".into());
        assert_eq!(
            CheckinAnswer::parse(&input, today())
                .expect("valid")
                .note
                .as_deref(),
            Some("We met twice.\nAll good.")
        );
        input.note = Some("ü".repeat(MAX_NOTE_CHARS));
        assert!(CheckinAnswer::parse(&input, today()).is_ok());
        input.note = Some("ü".repeat(MAX_NOTE_CHARS + 1));
        assert_eq!(codes(&input), one("note", "too_long"));
    }

    #[test]
    fn flags_are_carried_over() {
        let mut input = valid();
        input.carry_on_without_programme = true;
        input.wants_to_volunteer = true;
        let a = CheckinAnswer::parse(&input, today()).expect("valid");
        assert!(a.carry_on_without_programme && a.wants_to_volunteer);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let input = CheckinInput {
            side: "seeker".into(),
            met: "once".into(),
            met_how: vec!["fax".into()],
            going: Some(9),
            trust: None,
            gave: vec!["nope".into()],
            go_on: "end".into(),
            note: Some("x".repeat(MAX_NOTE_CHARS + 5)),
            belonging: Some(0),
            ..CheckinInput::default()
        };
        let got = codes(&input);
        let expected: Vec<(String, &str)> = [
            ("met_how", "invalid_choice"),
            ("going", "out_of_range"),
            ("trust", "required"),
            ("gave", "invalid_choice"),
            ("end_reason", "required"),
            ("note", "too_long"),
            ("belonging", "out_of_range"),
        ]
        .into_iter()
        .map(|(f, c)| (f.to_owned(), c))
        .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn json_uses_the_api_names() {
        let input: CheckinInput = serde_json::from_str(
            r#"{"side":"buddy","met":"once","going":3,"trust":4,"gave":["work"],
                "received":[],"continue":"pause","pause_until":"2026-05-01"}"#,
        )
        .expect("json");
        assert_eq!(input.go_on, "pause");
        let a = CheckinAnswer::parse(&input, today()).expect("valid");
        assert_eq!(a.side, Side::Buddy);
        assert!(serde_json::from_str::<CheckinInput>(r#"{"colour":"red"}"#).is_err());
        for h in MetHow::ALL {
            assert_eq!(MetHow::from_form(h.code()), Ok(h));
        }
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics(
            side in ".{0,10}", met in ".{0,10}", go_on in ".{0,8}",
            going in proptest::option::of(-5i32..10), trust in proptest::option::of(-5i32..10),
            pause in proptest::option::of("[0-9-]{0,12}"), note in proptest::option::of(".{0,50}"),
        ) {
            let input = CheckinInput {
                side, met, go_on, going, trust, pause_until: pause, note,
                ..CheckinInput::default()
            };
            let _ = CheckinAnswer::parse(&input, today());
        }
    }

    #[test]
    fn exit_answers_need_a_satisfaction_rating() {
        let ok = ExitAnswer::parse(&ExitInput {
            satisfied: Some(5),
            belonging: Some(4),
            wants_to_volunteer: true,
            note: Some("  thanks  ".into()),
        })
        .expect("valid");
        assert_eq!((ok.satisfied, ok.belonging), (5, Some(4)));
        assert_eq!(ok.note.as_deref(), Some("thanks"));
        let bad = ExitAnswer::parse(&ExitInput {
            satisfied: None,
            belonging: Some(7),
            ..ExitInput::default()
        })
        .expect_err("invalid");
        let codes: Vec<(String, &str)> =
            bad.errors.into_iter().map(|f| (f.field, f.code)).collect();
        assert_eq!(
            codes,
            [
                ("satisfied".to_owned(), "required"),
                ("belonging".to_owned(), "out_of_range")
            ]
        );
    }
}
