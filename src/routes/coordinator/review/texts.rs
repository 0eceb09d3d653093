//! The review's rules in the coordinator's words: why a pair cannot be made, which hard rule a
//! pair breaks, why a seeker was left unmatched. The services give codes and values
//! ([`PairProblem`], [`Exclusion`], [`Unmatched`]); the words are the pages' business.

use matching::compat::{Exclusion, Preference, Side};

use crate::domain::UiLanguage;
use crate::i18n;
use crate::matching_runs::pair_check::{rule_code, PairProblem};
use crate::matching_runs::Unmatched;

/// The problem in words, in `lang` (every broken rule, one sentence each).
pub(super) fn problem_messages(lang: UiLanguage, problem: &PairProblem) -> Vec<String> {
    let id = |key: &str, id: i32| i18n::t_args(lang, key, &[("id", &id.to_string())]);
    match problem {
        PairProblem::ProgrammeArchived => vec![i18n::t(lang, "review-problem-archived")],
        PairProblem::NoSuchPerson(p) => vec![id("review-problem-no-such-person", *p)],
        PairProblem::NotASeeker(p) => vec![id("review-problem-not-a-seeker", *p)],
        PairProblem::NotABuddy(p) => vec![id("review-problem-not-a-buddy", *p)],
        PairProblem::NotConfirmed(p) => vec![id("review-problem-not-confirmed", *p)],
        PairProblem::SeekerMatched(p) => vec![id("review-problem-seeker-matched", *p)],
        PairProblem::BuddyFull(p) => vec![id("review-problem-buddy-full", *p)],
        PairProblem::BuddyNotReady(p) => vec![id("review-problem-buddy-not-ready", *p)],
        PairProblem::Forbidden => vec![i18n::t(lang, "review-rule-forbidden")],
        PairProblem::Rules(list) => list.iter().map(|e| exclusion_text(lang, e)).collect(),
    }
}

fn level_text(lang: UiLanguage, code: &str) -> String {
    i18n::coded(lang, "level", &code.to_lowercase())
}

/// One broken hard rule in words.
pub(super) fn exclusion_text(lang: UiLanguage, e: &Exclusion) -> String {
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
            &[
                ("km", &i18n::format::integer(lang, i64::from(*km))),
                ("limit", &i18n::format::integer(lang, i64::from(*limit_km))),
            ],
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
pub(super) fn unmatched_text(lang: UiLanguage, u: &Unmatched) -> String {
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
