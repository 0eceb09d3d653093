//! Pairs a coordinator decides on the runs page: pin a pair for the next runs, remove a pin, and
//! match two people by hand. A refused pair re-renders the runs page naming every problem.

use actix_web::http::StatusCode;
use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Utc;

use super::super::{programme_by_slug, see_other, At, PageError, Signed, Values};
use super::bad_request;
use super::runs_list::{runs_response, RunsPageErrors};
use super::texts::problem_messages;
use crate::i18n;
use crate::matching_runs::decisions;
use crate::matching_runs::pair_check::PairProblem;
use crate::state::AppState;

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
pub(super) async fn pin_pair(
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
                    decisions::pin(db, &p, seeker, buddy, Some(who), Utc::now().naive_utc())
                })
                .await
                .at(lang)?
                .map_err(|problem: PairProblem| problem_messages(lang, &problem))
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
pub(super) async fn unpin_pair(
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
            decisions::unpin(
                db,
                programme_id,
                seeker,
                buddy,
                Some(who),
                Utc::now().naive_utc(),
            )
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
pub(super) async fn manual_pair(
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
                    decisions::manual_match(
                        db,
                        &p,
                        seeker,
                        buddy,
                        Some(who),
                        &settings,
                        Utc::now().naive_utc(),
                    )
                })
                .await
                .at(lang)?
                .map_err(|problem: PairProblem| {
                    let mut lines = vec![i18n::t(lang, "review-error-manual")];
                    lines.extend(problem_messages(lang, &problem));
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
