//! What a coordinator decides about proposals, shared by the review pages and the JSON API:
//! approve (with the introduction emails, in the same transaction), reject (with a reason; the
//! pair becomes forbidden), pin a pair, match two people by hand (the hard rules still apply),
//! and compare two runs. Every function here runs inside the caller's `db.write` and records
//! itself in the audit log.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use matching::compat::{self, Evaluation, Exclusion, Preference, Rule, Side};

use crate::coordinator::readiness;
use crate::db::audit::{self, AuditEntry};
use crate::db::matches::{self, Match, RuleKind, LIVE_STATUSES};
use crate::db::participants::{self, Participant};
use crate::db::schema::{matches as matches_t, pair_rules};
use crate::db::{DbConnection, DbError};
use crate::domain::{MatchStatus, ParticipantStatus, Programme, UiLanguage};
use crate::i18n;
use crate::introductions::{self, ApproveOutcome};
use crate::matching_runs::{self, features, RunOptions, Unmatched};
use crate::settings::Settings;

/// Longest rejection reason kept (characters).
pub const MAX_REASON_CHARS: usize = 500;

/// What a decision did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Done now.
    Done,
    /// The match was not `proposed` any more; nothing changed. Its status.
    AlreadyDecided(MatchStatus),
}

fn record(
    conn: &mut DbConnection,
    coordinator_id: Option<i32>,
    programme_id: i32,
    action: &str,
    subject: (&str, Option<i32>),
    detail: &str,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id,
            programme_id: Some(programme_id),
            action,
            subject_type: subject.0,
            subject_id: subject.1,
            detail,
        },
        now,
    )
}

/// Approves a proposed match and writes both introduction emails (see
/// [`introductions::approve`], which also records `match.approve`).
///
/// # Errors
/// Storage failures.
pub fn approve(
    conn: &mut DbConnection,
    m: &Match,
    coordinator_id: Option<i32>,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<Decision, DbError> {
    match introductions::approve(conn, m.id, coordinator_id, settings, now) {
        Ok(ApproveOutcome::Approved) => Ok(Decision::Done),
        Ok(ApproveOutcome::AlreadyDecided { status }) => Ok(Decision::AlreadyDecided(status)),
        Err(introductions::IntroError::Db(e)) => Err(e),
        Err(e) => Err(DbError::Unexpected(anyhow::Error::new(e))),
    }
}

/// Rejects a proposed match with a reason: status `rejected`, the reason stored, and the pair
/// forbidden for later runs. Records `match.reject`.
///
/// # Errors
/// Storage failures.
pub fn reject(
    conn: &mut DbConnection,
    m: &Match,
    coordinator_id: Option<i32>,
    reason: &str,
    now: NaiveDateTime,
) -> Result<Decision, DbError> {
    if !matches::transition(
        conn,
        m.id,
        MatchStatus::Proposed,
        MatchStatus::Rejected,
        coordinator_id,
        Some(reason),
        now,
    )? {
        let status = matches::find(conn, m.id)?.map_or(m.status, |m| m.status);
        return Ok(Decision::AlreadyDecided(status));
    }
    matches::add_rule(
        conn,
        m.programme_id,
        m.seeker_id,
        m.buddy_id,
        RuleKind::Forbidden,
        reason,
        coordinator_id,
        now,
    )?;
    record(
        conn,
        coordinator_id,
        m.programme_id,
        "match.reject",
        ("match", Some(m.id)),
        "",
        now,
    )?;
    Ok(Decision::Done)
}

/// Why two people cannot be paired (by hand or by a pin).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PairProblem {
    /// No participant with this id in the programme.
    NoSuchPerson(i32),
    /// Not someone looking for a buddy (an arriving member who is not a volunteer).
    NotASeeker(i32),
    /// Not someone offering to be a buddy.
    NotABuddy(i32),
    /// Not confirmed (pending or withdrawn).
    NotConfirmed(i32),
    /// The seeker already has a live match.
    SeekerMatched(i32),
    /// The buddy has no capacity left.
    BuddyFull(i32),
    /// The buddy's code of conduct or safeguarding training is not recorded.
    BuddyNotReady(i32),
    /// A coordinator rejected the pair, or one side declined it, before.
    Forbidden,
    /// Hard rules of the matching core, all that apply.
    Rules(Vec<Exclusion>),
}

impl PairProblem {
    /// A stable code for the API: `no_such_person`, `not_a_seeker`, ..., or the first broken
    /// rule (`no_common_language`, `no_common_slot`, `too_far`, `seeker_preference`,
    /// `buddy_preference`, `needs_child_clearance`).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoSuchPerson(_) => "no_such_person",
            Self::NotASeeker(_) => "not_a_seeker",
            Self::NotABuddy(_) => "not_a_buddy",
            Self::NotConfirmed(_) => "not_confirmed",
            Self::SeekerMatched(_) => "seeker_already_matched",
            Self::BuddyFull(_) => "buddy_has_no_capacity",
            Self::BuddyNotReady(_) => "buddy_not_ready",
            Self::Forbidden => "forbidden",
            Self::Rules(list) => list.first().map_or("excluded", |e| rule_code(e.rule())),
        }
    }

    /// The problem in words, in `lang` (every broken rule, one sentence each).
    #[must_use]
    pub fn messages(&self, lang: UiLanguage) -> Vec<String> {
        let id = |key: &str, id: i32| i18n::t_args(lang, key, &[("id", &id.to_string())]);
        match self {
            Self::NoSuchPerson(p) => vec![id("review-problem-no-such-person", *p)],
            Self::NotASeeker(p) => vec![id("review-problem-not-a-seeker", *p)],
            Self::NotABuddy(p) => vec![id("review-problem-not-a-buddy", *p)],
            Self::NotConfirmed(p) => vec![id("review-problem-not-confirmed", *p)],
            Self::SeekerMatched(p) => vec![id("review-problem-seeker-matched", *p)],
            Self::BuddyFull(p) => vec![id("review-problem-buddy-full", *p)],
            Self::BuddyNotReady(p) => vec![id("review-problem-buddy-not-ready", *p)],
            Self::Forbidden => vec![i18n::t(lang, "review-rule-forbidden")],
            Self::Rules(list) => list.iter().map(|e| exclusion_text(lang, e)).collect(),
        }
    }
}

fn rule_code(rule: Rule) -> &'static str {
    match rule {
        Rule::NoCommonLanguage => "no_common_language",
        Rule::NoCommonSlot => "no_common_slot",
        Rule::TooFar => "too_far",
        Rule::SeekerPreference => "seeker_preference",
        Rule::BuddyPreference => "buddy_preference",
        Rule::NeedsChildClearance => "needs_child_clearance",
        Rule::Forbidden => "forbidden",
    }
}

fn level_text(lang: UiLanguage, code: &str) -> String {
    i18n::coded(lang, "level", &code.to_lowercase())
}

/// One broken hard rule in words.
#[must_use]
pub fn exclusion_text(lang: UiLanguage, e: &Exclusion) -> String {
    match e {
        Exclusion::NoCommonLanguage { min_level } => i18n::t_args(
            lang,
            "review-rule-no-common-language",
            &[("level", &level_text(lang, min_level.code()))],
        ),
        Exclusion::NoCommonSlot => i18n::t(lang, "review-rule-no-common-slot"),
        Exclusion::TooFar {
            km: Some(km),
            limit_km,
        } => i18n::t_args(
            lang,
            "review-rule-too-far",
            &[("km", &km.to_string()), ("limit", &limit_km.to_string())],
        ),
        Exclusion::TooFar { km: None, .. } => i18n::t(lang, "review-rule-too-far-unknown"),
        Exclusion::Preference { holder, preference } => {
            let which = i18n::t(
                lang,
                match preference {
                    Preference::Gender => "review-pref-gender",
                    Preference::Family => "review-pref-family",
                    Preference::AgeRange => "review-pref-age-range",
                    Preference::OutsideLanguageCommunity => "review-pref-outside-community",
                },
            );
            let key = match holder {
                Side::Seeker => "review-rule-seeker-preference",
                Side::Buddy => "review-rule-buddy-preference",
            };
            i18n::t_args(lang, key, &[("preference", &which)])
        }
        Exclusion::NeedsChildClearance => i18n::t(lang, "review-rule-needs-child-clearance"),
        Exclusion::Forbidden => i18n::t(lang, "review-rule-forbidden"),
    }
}

/// Why a seeker was left unmatched, in words: the hard rule that excluded the most buddies, or
/// that every suitable buddy was taken.
#[must_use]
pub fn unmatched_text(lang: UiLanguage, u: &Unmatched) -> String {
    if u.reason == "all_feasible_buddies_taken" {
        return i18n::t_args(
            lang,
            "review-unmatched-taken",
            &[("count", &u.feasible_buddies.to_string())],
        );
    }
    match u.exclusions.and_then(|s| s.main_rule()) {
        None => i18n::t(lang, "review-unmatched-no-buddies"),
        Some(rule) => i18n::coded(lang, "review-unmatched", rule_code(rule)),
    }
}

/// The main rule of an unmatched seeker, as a code (API).
#[must_use]
pub fn unmatched_main_rule(u: &Unmatched) -> Option<&'static str> {
    u.exclusions.and_then(|s| s.main_rule()).map(rule_code)
}

fn is_seeker(p: &Participant) -> bool {
    p.role == "arriving" && !p.volunteer
}

/// Checks whether `seeker_id` and `buddy_id` of `programme` may be paired now: both confirmed, the
/// seeker free, the buddy ready with capacity left, the pair not forbidden, and every hard rule
/// of the matching core met. `Ok(Err(..))` names what is wrong; `Ok(Ok(..))` gives the core's
/// evaluation (score and reasons).
///
/// # Errors
/// Storage failures or corrupt stored profiles.
pub fn check_pair(
    conn: &mut DbConnection,
    programme: &Programme,
    seeker_id: i32,
    buddy_id: i32,
    now: NaiveDateTime,
) -> Result<Result<compat::Explanation, PairProblem>, DbError> {
    let find = |conn: &mut DbConnection, id: i32| -> Result<Option<Participant>, DbError> {
        Ok(participants::find(conn, id)?.filter(|p| p.programme_id == programme.id))
    };
    let Some(seeker) = find(conn, seeker_id)? else {
        return Ok(Err(PairProblem::NoSuchPerson(seeker_id)));
    };
    let Some(buddy) = find(conn, buddy_id)? else {
        return Ok(Err(PairProblem::NoSuchPerson(buddy_id)));
    };
    if !is_seeker(&seeker) {
        return Ok(Err(PairProblem::NotASeeker(seeker_id)));
    }
    if is_seeker(&buddy) {
        return Ok(Err(PairProblem::NotABuddy(buddy_id)));
    }
    for p in [&seeker, &buddy] {
        if p.status != ParticipantStatus::Confirmed {
            return Ok(Err(PairProblem::NotConfirmed(p.id)));
        }
    }
    let live: Vec<(i32, i32)> = matches_t::table
        .filter(matches_t::programme_id.eq(programme.id))
        .filter(matches_t::status.eq_any(LIVE_STATUSES))
        .filter(
            matches_t::seeker_id
                .eq(seeker_id)
                .or(matches_t::buddy_id.eq(buddy_id)),
        )
        .select((matches_t::seeker_id, matches_t::buddy_id))
        .load(conn)?;
    if live.iter().any(|&(s, _)| s == seeker_id) {
        return Ok(Err(PairProblem::SeekerMatched(seeker_id)));
    }
    let used = live.iter().filter(|&&(_, b)| b == buddy_id).count();
    let free = usize::try_from(buddy.capacity)
        .unwrap_or(0)
        .saturating_sub(used);
    if free == 0 {
        return Ok(Err(PairProblem::BuddyFull(buddy_id)));
    }
    let ready = readiness::find(conn, buddy_id)?;
    if !ready.as_ref().is_some_and(|r| r.is_ready(false)) {
        return Ok(Err(PairProblem::BuddyNotReady(buddy_id)));
    }
    let child = ready.as_ref().is_some_and(|r| r.is_ready(true));
    let forbidden: i64 = pair_rules::table
        .filter(pair_rules::seeker_id.eq(seeker_id))
        .filter(pair_rules::buddy_id.eq(buddy_id))
        .filter(pair_rules::kind.eq("forbidden"))
        .count()
        .get_result(conn)?;
    if forbidden > 0 {
        return Ok(Err(PairProblem::Forbidden));
    }
    let features_error = |e: features::FeaturesError| DbError::Unexpected(anyhow::Error::new(e));
    let s = features::seeker(&seeker, programme, now).map_err(features_error)?;
    let b = features::buddy(
        &buddy,
        programme,
        u32::try_from(free).unwrap_or(1),
        child,
        now,
    )
    .map_err(features_error)?;
    let weights = matching_runs::effective_weights(programme, &RunOptions::default())
        .map_err(|e| DbError::Unexpected(anyhow::Error::new(e)))?;
    Ok(match compat::evaluate(&s, &b, &weights) {
        Evaluation::Feasible { explanation } => Ok(explanation),
        Evaluation::Excluded { exclusions } => Err(PairProblem::Rules(exclusions)),
    })
}

/// Pairs two people by hand: checks the pair ([`check_pair`]), stores it as a proposal without a
/// run and approves it (emails included). Records `match.manual` and `match.approve`. Returns
/// the new match id.
///
/// # Errors
/// Storage failures.
pub fn manual_match(
    conn: &mut DbConnection,
    programme: &Programme,
    seeker_id: i32,
    buddy_id: i32,
    coordinator_id: Option<i32>,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<Result<i32, PairProblem>, DbError> {
    let explanation = match check_pair(conn, programme, seeker_id, buddy_id, now)? {
        Ok(e) => e,
        Err(problem) => return Ok(Err(problem)),
    };
    let reasons = serde_json::to_string(&explanation.items)
        .map_err(|e| DbError::Unexpected(anyhow::Error::new(e)))?;
    let id: i32 = diesel::insert_into(matches_t::table)
        .values((
            matches_t::programme_id.eq(programme.id),
            matches_t::run_id.eq(None::<i32>),
            matches_t::seeker_id.eq(seeker_id),
            matches_t::buddy_id.eq(buddy_id),
            matches_t::score.eq(i32::from(explanation.score)),
            matches_t::reasons.eq(&reasons),
            matches_t::status.eq(MatchStatus::Proposed.code()),
            matches_t::created_at.eq(now),
            matches_t::updated_at.eq(now),
        ))
        .returning(matches_t::id)
        .get_result(conn)?;
    record(
        conn,
        coordinator_id,
        programme.id,
        "match.manual",
        ("match", Some(id)),
        "",
        now,
    )?;
    let m = matches::find(conn, id)?
        .ok_or_else(|| DbError::Unexpected(anyhow::anyhow!("match {id} vanished")))?;
    approve(conn, &m, coordinator_id, settings, now)?;
    Ok(Ok(id))
}

/// Pins a pair for the next runs (a pin that breaks a hard rule makes the run fail with a clear
/// message, so the pair is checked first). Records `pair.pin`.
///
/// # Errors
/// Storage failures.
pub fn pin(
    conn: &mut DbConnection,
    programme: &Programme,
    seeker_id: i32,
    buddy_id: i32,
    coordinator_id: Option<i32>,
    now: NaiveDateTime,
) -> Result<Result<(), PairProblem>, DbError> {
    if let Err(problem) = check_pair(conn, programme, seeker_id, buddy_id, now)? {
        return Ok(Err(problem));
    }
    matches::add_rule(
        conn,
        programme.id,
        seeker_id,
        buddy_id,
        RuleKind::Pinned,
        "pinned by a coordinator",
        coordinator_id,
        now,
    )?;
    record(
        conn,
        coordinator_id,
        programme.id,
        "pair.pin",
        ("participant", Some(seeker_id)),
        &format!("buddy {buddy_id}"),
        now,
    )?;
    Ok(Ok(()))
}

/// Removes a pin. Records `pair.unpin`.
///
/// # Errors
/// Storage failures.
pub fn unpin(
    conn: &mut DbConnection,
    programme_id: i32,
    seeker_id: i32,
    buddy_id: i32,
    coordinator_id: Option<i32>,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let removed = matches::remove_rule(conn, seeker_id, buddy_id, RuleKind::Pinned)?;
    if removed {
        record(
            conn,
            coordinator_id,
            programme_id,
            "pair.unpin",
            ("participant", Some(seeker_id)),
            &format!("buddy {buddy_id}"),
            now,
        )?;
    }
    Ok(removed)
}

/// How two runs differ.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Pairs in both.
    pub kept: usize,
    /// Pairs only in the first run.
    pub only_first: Vec<(i32, i32)>,
    /// Pairs only in the second run.
    pub only_second: Vec<(i32, i32)>,
}

/// Compares the pairs of two runs.
///
/// # Errors
/// A failed query.
pub fn compare(conn: &mut DbConnection, first: i32, second: i32) -> Result<Comparison, DbError> {
    let a: BTreeSet<(i32, i32)> = matches::pairs_of_run(conn, first)?.into_iter().collect();
    let b: BTreeSet<(i32, i32)> = matches::pairs_of_run(conn, second)?.into_iter().collect();
    Ok(Comparison {
        kept: a.intersection(&b).count(),
        only_first: a.difference(&b).copied().collect(),
        only_second: b.difference(&a).copied().collect(),
    })
}
