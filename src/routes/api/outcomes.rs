//! `GET /api/v1/programmes/{slug}/outcomes`: the programme's outcomes for a period as JSON, and
//! `.../outcomes.csv` as CSV: the same figures and the same small-cell suppression as the
//! coordinator's page (hidden counts read `"<5"`, hidden percentages `null` in JSON, `–` in CSV).

use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

use super::error::{ApiError, ErrorBody};
use super::participants::programme_for;
use super::Caller;
use crate::domain::{Programme, UiLanguage};
use crate::outcomes::{self, Outcomes, Period};
use crate::routes::outcomes_report;
use crate::state::AppState;

/// The period.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OutcomesQuery {
    /// `last_12_months` (default), `month`, `quarter`, `year` (each up to today) or `custom`.
    #[param(pattern = "^(last_12_months|month|quarter|year|custom)?$")]
    pub period: Option<String>,
    /// First day (`YYYY-MM-DD`), with `to`: a custom period.
    #[param(pattern = r"^(\d{4}-\d{2}-\d{2})?$")]
    pub from: Option<String>,
    /// Last day, included (`YYYY-MM-DD`).
    #[param(pattern = r"^(\d{4}-\d{2}-\d{2})?$")]
    pub to: Option<String>,
}

/// The programme (if the caller may see it) and its outcomes for the period asked for.
async fn load(
    state: &AppState,
    caller: Caller,
    slug: String,
    period: &Option<String>,
    from: &Option<String>,
    to: &Option<String>,
) -> Result<(Programme, Outcomes), ApiError> {
    let now = chrono::Utc::now().naive_utc();
    let period = Period::parse(
        period.as_deref(),
        from.as_deref(),
        to.as_deref(),
        now.date(),
    )?;
    state
        .db
        .run(move |db| -> Result<_, ApiError> {
            let programme = programme_for(&mut *db.get()?, &caller, &slug)?;
            let figures = outcomes::outcomes(db, &programme, &period, now)?;
            Ok((programme, figures))
        })
        .await
}

/// A programme's outcomes for a period: participation by side, pairs created, satisfaction,
/// belonging and conversation (first answer against latest), stages, the funnel, retention,
/// closures, role changes, waiting, and participants by gender, age band, area and first
/// language. Counts under 5 are `"<5"`.
#[utoipa::path(
    get,
    path = "/api/v1/programmes/{slug}/outcomes",
    tag = "outcomes",
    params(("slug" = String, Path, description = "Programme slug"), OutcomesQuery),
    responses(
        (status = 200, description = "The outcomes", body = Outcomes),
        (status = 400, description = "Malformed query", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such programme, or not in a programme you coordinate", body = ErrorBody),
        (status = 422, description = "A bad period, naming the field", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[get("/programmes/{slug}/outcomes")]
pub async fn get_outcomes(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    query: web::Query<OutcomesQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let (_, figures) = load(&state, caller, slug.into_inner(), &q.period, &q.from, &q.to).await?;
    Ok(HttpResponse::Ok().json(figures))
}

/// The period and, optionally, one table.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OutcomesCsvQuery {
    /// As for the JSON: `last_12_months` (default), `month`, `quarter`, `year` or `custom`.
    #[param(pattern = "^(last_12_months|month|quarter|year|custom)?$")]
    pub period: Option<String>,
    /// First day (`YYYY-MM-DD`).
    #[param(pattern = r"^(\d{4}-\d{2}-\d{2})?$")]
    pub from: Option<String>,
    /// Last day, included (`YYYY-MM-DD`).
    #[param(pattern = r"^(\d{4}-\d{2}-\d{2})?$")]
    pub to: Option<String>,
    /// One table as laid out on the page (`participation`, `pairs`, `satisfaction`,
    /// `belonging`, `stages`, `funnel`, `retention`, `closures`, `waiting`, `unmatched`,
    /// `by-gender`, `by-age`, `by-area`, `by-language`); without it, every table in long form
    /// (`table,row,column,value`).
    #[param(
        pattern = "^(participation|pairs|satisfaction|belonging|stages|stages-over-time|funnel|retention|closures|waiting|waiting-days|unmatched|by-gender|by-age|by-area|by-language)?$"
    )]
    pub table: Option<String>,
}

/// The outcomes as CSV (UTF-8 with a byte-order mark; English labels): one table, or all in
/// long form. Counts under 5 read `<5`.
#[utoipa::path(
    get,
    path = "/api/v1/programmes/{slug}/outcomes.csv",
    tag = "outcomes",
    params(("slug" = String, Path, description = "Programme slug"), OutcomesCsvQuery),
    responses(
        (status = 200, description = "The outcomes as CSV", content_type = "text/csv", body = String),
        (status = 400, description = "Malformed query", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such programme or table", body = ErrorBody),
        (status = 422, description = "A bad period, naming the field", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[get("/programmes/{slug}/outcomes.csv")]
pub async fn get_outcomes_csv(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    query: web::Query<OutcomesCsvQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner();
    let (programme, figures) =
        load(&state, caller, slug.into_inner(), &q.period, &q.from, &q.to).await?;
    let tables = outcomes_report::tables(UiLanguage::En, Some(&programme), &figures);
    match outcomes_report::csv(&tables, q.table.as_deref()) {
        Ok(Some(body)) => Ok(outcomes_report::csv_response(
            &programme.slug,
            &figures,
            q.table.as_deref(),
            body,
        )),
        Ok(None) => Err(ApiError::NotFound(format!(
            "There is no table `{}`.",
            q.table.unwrap_or_default()
        ))),
        Err(e) => Err(ApiError::Unexpected(e.into())),
    }
}
