//! Matching runs and the review of their proposals, for coordinators:
//!
//! - `GET  /coordinator/programmes/{slug}/runs`: the runs, the form to start one (objective and
//!   weights), pinned pairs, and the form to match two people by hand ([`runs_list`]);
//! - `POST /coordinator/programmes/{slug}/runs`: starts a run in the background -> its page;
//! - `POST .../pins`, `POST .../unpin`, `POST .../manual`: pairs a coordinator decides
//!   ([`pairs`]);
//! - `GET  /coordinator/runs/{id}?page=&upage=`: progress while it runs (refreshes itself every
//!   2 s, no JavaScript), then the summary, the proposals (50 a page) with reasons and both
//!   profiles side by side (never contact details), and the unmatched with why ([`run_page`]);
//! - `POST /coordinator/matches/{id}/approve`, `GET|POST /coordinator/matches/{id}/reject`,
//!   `POST /coordinator/runs/{id}/approve` (many at once) ([`decide`]);
//! - `GET  /coordinator/runs/{id}/compare?with=` ([`compare`]);
//! - `POST /coordinator/runs/{id}/keep`: keep this run, replacing the undecided proposals of the
//!   programme's other runs ([`keep`]).
//!
//! The rules live in [`crate::matching_runs`] (runs, [`decisions`](crate::matching_runs::decisions),
//! [`pair checks`](crate::matching_runs::pair_check)); these pages parse the form, call one
//! service function and render, in the coordinator's language ([`texts`]). Every run, decision
//! and view of proposals is written to the audit log by those services.

mod compare;
mod decide;
mod fairness_view;
mod keep;
mod pairs;
mod run_page;
mod runs_list;
mod texts;

use std::collections::HashMap;

use actix_web::web;

use super::{At, CoordError, PageError, Signed, Values};
use crate::db::matches::{self, Match};
use crate::db::participants::Participant;
use crate::db::runs::{self, MatchingRun};
use crate::db::{programmes, DbConnection, DbError};
use crate::domain::{MatchStatus, Programme, UiLanguage};
use crate::i18n;
use crate::matching_runs::review::Viewer;
use crate::state::AppState;

/// Proposals per page.
const PER_PAGE: i64 = 50;
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
    cfg.service(runs_list::runs_page)
        .service(runs_list::start_run)
        .service(run_page::run_page)
        .service(compare::compare_page)
        .service(decide::approve_one)
        .service(decide::reject_form)
        .service(decide::reject_one)
        .service(decide::approve_many)
        .service(keep::keep_run)
        .service(pairs::pin_pair)
        .service(pairs::unpin_pair)
        .service(pairs::manual_pair);
}

fn bad_request(lang: UiLanguage) -> PageError {
    PageError::new(lang, CoordError::BadRequest)
}

fn not_found(lang: UiLanguage) -> PageError {
    PageError::new(lang, CoordError::NotFound)
}

/// The signed-in coordinator as the audit log names them.
fn viewer(signed: &Signed) -> Viewer<'static> {
    Viewer {
        coordinator_id: Some(signed.coordinator.id),
        via: "",
    }
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

fn page_number(raw: &str) -> i64 {
    raw.parse::<i64>().unwrap_or(1).clamp(1, 1_000_000)
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
            let mut text = i18n::t_args(
                lang,
                "review-notice-many",
                &[
                    ("count", values.get("count")),
                    ("already", values.get("already")),
                ],
            );
            let taken = values.get("taken");
            if taken.parse::<u32>().is_ok_and(|n| n > 0) {
                text.push(' ');
                text.push_str(&i18n::t_args(
                    lang,
                    "review-notice-many-taken",
                    &[("taken", taken)],
                ));
            }
            return Some(text);
        }
        "taken" => match values.get("why") {
            why @ ("seeker_already_matched" | "buddy_has_no_capacity") => {
                format!("review-notice-taken-{}", why.replace('_', "-"))
            }
            _ => return None,
        },
        "kept" => {
            return Some(i18n::t_args(
                lang,
                "review-notice-kept",
                &[("count", values.get("count"))],
            ))
        }
        _ => return None,
    };
    Some(i18n::t(lang, &key))
}
