//! A programme's runs page: the latest runs, the form to start one (objective and weights), the
//! pinned pairs and the form to match two people by hand; and starting a run from it.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;

use super::super::{
    frame, programme_by_slug, query_pairs, respond, see_other, At, CoordError, Field, Nav,
    PageError, Signed, Values,
};
use super::{label, notice_text, objective_text, status_text, RUNS_LISTED, WEIGHT_FIELDS};
use crate::domain::weights::MAX_WEIGHT;
use crate::domain::{Programme, RunStatus, UiLanguage};
use crate::i18n;
use crate::matching_runs::{self, review, RunError, RunOptions};
use crate::routes::pages::PageCtx;
use crate::state::AppState;

/// One run in the list.
struct RunRow {
    id: i32,
    created: String,
    objective: String,
    status: String,
    matched: i32,
    seekers: i32,
    total_score: i32,
    done: bool,
}

/// A weight input.
struct WeightField {
    name: String,
    label: String,
    value: String,
}

/// A pinned pair.
struct PinRow {
    seeker_id: i32,
    buddy_id: i32,
    seeker: String,
    buddy: String,
}

/// The runs page.
#[derive(Template)]
#[template(path = "coordinator/review_runs.html")]
struct RunsPage {
    page: PageCtx,
    nav: Option<Nav>,
    csrf: String,
    programme: Programme,
    notice: Option<String>,
    errors: Vec<String>,
    runs: Vec<RunRow>,
    objective: Field,
    weights: Vec<WeightField>,
    pins: Vec<PinRow>,
    pin_errors: Vec<String>,
    manual_errors: Vec<String>,
    seeker_id: String,
    buddy_id: String,
}

/// What went wrong in one of the runs page's forms.
#[derive(Default)]
pub(super) struct RunsPageErrors {
    /// Starting a run.
    pub(super) start: Vec<String>,
    /// Pinning a pair.
    pub(super) pin: Vec<String>,
    /// Matching two people by hand.
    pub(super) manual: Vec<String>,
}

/// Renders the runs page with what the forms sent back (`values`) and their errors.
pub(super) async fn runs_response(
    req: &HttpRequest,
    state: &AppState,
    signed: &Signed,
    programme: Programme,
    values: &Values,
    errors: RunsPageErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let programme_id = programme.id;
    let overview = state
        .db
        .run(move |db| review::overview(db, programme_id, RUNS_LISTED))
        .await
        .at(lang)?;
    let current =
        matching_runs::effective_weights(&programme, &RunOptions::default()).unwrap_or_default();
    let current = serde_json::to_value(&current).unwrap_or_default();
    let weights = WEIGHT_FIELDS
        .iter()
        .map(|(name, key)| {
            let field = format!("weight_{name}");
            let value = if values.0.iter().any(|(k, _)| *k == field) {
                values.get(&field).to_owned()
            } else {
                current
                    .get(*name)
                    .map(ToString::to_string)
                    .unwrap_or_default()
            };
            WeightField {
                label: i18n::t(lang, key),
                name: field,
                value,
            }
        })
        .collect();
    let objective = Field::select(
        "objective",
        i18n::t(lang, "review-objective"),
        values.get("objective"),
        ["most_matched", "waiting_priority", "fairness"]
            .into_iter()
            .map(|c| (c.to_owned(), objective_text(lang, c)))
            .collect(),
    );
    let page = RunsPage {
        page: frame(
            req,
            lang,
            i18n::t_args(
                lang,
                "review-runs-title",
                &[("programme", programme.name_in(lang))],
            ),
        ),
        nav: Some(signed.nav()),
        csrf: signed.csrf.clone(),
        notice: notice_text(lang, &Values(query_pairs(req))),
        errors: errors.start,
        runs: overview
            .runs
            .into_iter()
            .map(|r| RunRow {
                id: r.id,
                created: r.created_at.format("%Y-%m-%d %H:%M").to_string(),
                objective: objective_text(lang, &r.objective),
                status: status_text(lang, r.status.code()),
                matched: r.matched,
                seekers: r.seekers,
                total_score: r.total_score,
                done: r.status == RunStatus::Done,
            })
            .collect(),
        objective,
        weights,
        pins: overview
            .pins
            .into_iter()
            .map(|(s, b)| PinRow {
                seeker_id: s,
                buddy_id: b,
                seeker: label(&overview.people, s),
                buddy: label(&overview.people, b),
            })
            .collect(),
        pin_errors: errors.pin,
        manual_errors: errors.manual,
        seeker_id: values.get("seeker_id").to_owned(),
        buddy_id: values.get("buddy_id").to_owned(),
        programme,
    };
    Ok(respond(req, status, lang, &page))
}

/// `GET /coordinator/programmes/{slug}/runs`
#[get("/coordinator/programmes/{slug}/runs")]
pub(super) async fn runs_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    runs_response(
        &req,
        &state,
        &signed,
        programme,
        &Values::default(),
        RunsPageErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// Reads the run options of the form; `Err` lists what is wrong, in words.
fn run_options(
    lang: UiLanguage,
    programme: &Programme,
    values: &Values,
) -> Result<RunOptions, Vec<String>> {
    let mut errors = Vec::new();
    let objective = matching_runs::parse_objective(values.get("objective")).map_err(|_| {
        errors.push(i18n::t(lang, "review-error-objective"));
    });
    let base =
        matching_runs::effective_weights(programme, &RunOptions::default()).unwrap_or_default();
    let weights =
        crate::domain::weights::with_overrides(&base, |name| values.get(&format!("weight_{name}")))
            .map_err(|bad| {
                for (_, key) in WEIGHT_FIELDS.iter().filter(|(n, _)| bad.contains(n)) {
                    errors.push(i18n::t_args(
                        lang,
                        "review-error-weight",
                        &[
                            ("field", &i18n::t(lang, key)),
                            ("max", &MAX_WEIGHT.to_string()),
                        ],
                    ));
                }
            })
            .ok();
    match (objective, weights) {
        (Ok(objective), Some(weights)) if errors.is_empty() => Ok(RunOptions {
            objective,
            weights: Some(weights),
        }),
        _ => {
            if errors.is_empty() {
                errors.push(i18n::t(lang, "review-error-objective"));
            }
            Err(errors)
        }
    }
}

/// `POST /coordinator/programmes/{slug}/runs`: starts a run -> its page (409 when one is
/// already running, 422 on bad options).
#[post("/coordinator/programmes/{slug}/runs")]
pub(super) async fn start_run(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let outcome: Result<i32, (Vec<String>, StatusCode)> =
        match run_options(lang, &programme, &values) {
            Err(start) => Err((start, StatusCode::UNPROCESSABLE_ENTITY)),
            Ok(options) => {
                let p = programme.clone();
                let who = Some(signed.coordinator.id);
                let started = state
                    .db
                    .run(move |db| matching_runs::start_in_background(db, p, who, options, ""))
                    .await;
                match started {
                    Ok(id) => Ok(id),
                    Err(RunError::AlreadyRunning) => Err((
                        vec![i18n::t(lang, "review-error-already-running")],
                        StatusCode::CONFLICT,
                    )),
                    Err(RunError::Archived) => Err((
                        vec![i18n::t(lang, "review-error-archived")],
                        StatusCode::CONFLICT,
                    )),
                    Err(RunError::Weights(_)) => Err((
                        vec![i18n::t(lang, "review-error-programme-weights")],
                        StatusCode::UNPROCESSABLE_ENTITY,
                    )),
                    Err(e) => {
                        return Err(PageError::new(
                            lang,
                            CoordError::Unexpected(anyhow::Error::new(e)),
                        ))
                    }
                }
            }
        };
    match outcome {
        Ok(id) => Ok(see_other(&format!("/coordinator/runs/{id}"))),
        Err((start, status)) => {
            let errors = RunsPageErrors {
                start,
                ..RunsPageErrors::default()
            };
            runs_response(&req, &state, &signed, programme, &values, errors, status).await
        }
    }
}
