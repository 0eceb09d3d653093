//! `GET /coordinator/programmes/{slug}/outcomes?period=&from=&to=` (and `/coordinator/outcomes`
//! for admins: every programme together): the programme's outcomes
//! ([`crate::outcomes`]) as tables a programme lead can paste into a report, each saying how it
//! is computed, with charts (SVG drawn on the server, each next to its table for screen readers: the funnel, stages over time, waiting, belonging and conversation first against latest) and a
//! print layout. Counts under five read "<5". A bad custom period shows the default period with
//! the problem named (422).

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;

use super::ErrorItem;
use super::{frame, programme_by_slug, query_pairs, respond, At, Nav, PageError, Signed};
use crate::domain::{Programme, UiLanguage, ValidationErrors};
use crate::i18n;
use crate::outcomes::{self, Outcomes, Period, PeriodKind};
use crate::routes::outcomes_charts::{self as charts, Chart};
use crate::routes::outcomes_report::{self as report, Table};
use crate::routes::pages::PageCtx;
use crate::state::AppState;

/// A period choice.
pub(super) struct Choice {
    code: &'static str,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "coordinator/outcomes.html")]
pub(super) struct OutcomesPage {
    page: PageCtx,
    nav: Option<Nav>,
    /// The programme's name, or "All programmes".
    name: String,
    /// The page's path (the form's action; the CSV is this plus `.csv`).
    path: String,
    errors: Vec<ErrorItem>,
    period_text: String,
    choices: Vec<Choice>,
    from: String,
    to: String,
    tables: Vec<Table>,
    /// The period's query (for the CSV links).
    query: String,
    charts: Vec<Chart>,
}

/// Whose outcomes: one programme, or every programme (admins).
struct Scope {
    /// The one programme (None: all).
    programme: Option<Programme>,
    /// The programmes counted.
    ids: Vec<i32>,
    /// Its name on the page.
    name: String,
    /// In file names: the slug, or `all`.
    slug: String,
    /// The page's path (the CSV is this plus `.csv`).
    path: String,
}

/// What both the page and its CSV need.
struct Loaded {
    scope: Scope,
    period: Period,
    problems: ValidationErrors,
    figures: Outcomes,
    pairs: Vec<(String, String)>,
}

/// The scope: programme `slug` if the account may see it; all programmes (admins) for None.
async fn scope_of(
    state: &AppState,
    signed: &Signed,
    slug: Option<String>,
) -> Result<Scope, PageError> {
    let lang = signed.lang;
    if let Some(slug) = slug {
        let programme = programme_by_slug(state, signed, slug).await?;
        return Ok(Scope {
            ids: vec![programme.id],
            name: programme.name_in(lang).to_owned(),
            path: format!("/coordinator/programmes/{}/outcomes", programme.slug),
            slug: programme.slug.clone(),
            programme: Some(programme),
        });
    }
    signed.require_admin()?;
    let all = state
        .db
        .run(|db| crate::db::programmes::list(&mut *db.get()?))
        .await
        .at(lang)?;
    Ok(Scope {
        programme: None,
        ids: all.iter().map(|p| p.id).collect(),
        name: i18n::t(lang, "out-all-programmes"),
        slug: "all".to_owned(),
        path: "/coordinator/outcomes".to_owned(),
    })
}

/// The scope, the period asked for (the default one, with the problems, when it is not valid)
/// and the figures.
async fn load(
    req: &HttpRequest,
    state: &AppState,
    signed: &Signed,
    slug: Option<String>,
) -> Result<Loaded, PageError> {
    let lang = signed.lang;
    let scope = scope_of(state, signed, slug).await?;
    let pairs = query_pairs(req);
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let now = Utc::now().naive_utc();
    let today = now.date();
    let (period, problems) = match Period::parse(get("period"), get("from"), get("to"), today) {
        Ok(p) => (p, ValidationErrors::default()),
        Err(e) => (
            Period::parse(None, None, None, today)
                .map_err(|_| PageError::new(lang, super::CoordError::NotFound))?,
            e,
        ),
    };
    let ids = scope.ids.clone();
    let figures = state
        .db
        .run(move |db| outcomes::outcomes_of(db, &ids, &period, now))
        .await
        .at(lang)?;
    Ok(Loaded {
        scope,
        period,
        problems,
        figures,
        pairs,
    })
}

/// The CSV of `loaded`: one table as laid out on the page (`table=`), or every table in long
/// form; labels in the coordinator's language.
fn csv(lang: UiLanguage, loaded: &Loaded) -> Result<HttpResponse, PageError> {
    if !loaded.problems.is_empty() {
        return Err(PageError::new(lang, super::CoordError::BadRequest));
    }
    let table = loaded
        .pairs
        .iter()
        .find(|(k, _)| k == "table")
        .map(|(_, v)| v.clone());
    let tables = report::tables(lang, loaded.scope.programme.as_ref(), &loaded.figures);
    match report::csv(&tables, table.as_deref()) {
        Ok(Some(body)) => Ok(report::csv_response(
            &loaded.scope.slug,
            &loaded.figures,
            table.as_deref(),
            body,
        )),
        Ok(None) => Err(PageError::new(lang, super::CoordError::NotFound)),
        Err(e) => Err(PageError::new(
            lang,
            super::CoordError::Unexpected(e.into()),
        )),
    }
}

/// The page of `loaded`.
fn page(req: &HttpRequest, signed: &Signed, loaded: Loaded) -> HttpResponse {
    let lang = signed.lang;
    let Loaded {
        scope,
        period,
        problems,
        figures,
        pairs,
    } = loaded;
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    let errors: Vec<ErrorItem> = problems
        .errors
        .iter()
        .map(|e| ErrorItem {
            anchor: format!("out-{}", e.field),
            label: i18n::t(lang, &format!("out-field-{}", e.field)),
            message: i18n::error_message(lang, e.code),
        })
        .collect();
    let charts = charts::charts(
        lang,
        &figures,
        report::conversation_label(lang, scope.programme.as_ref()),
    );
    let page = OutcomesPage {
        page: frame(
            req,
            lang,
            i18n::t_args(lang, "out-title", &[("programme", &scope.name)]),
        ),
        nav: Some(signed.nav()),
        period_text: i18n::t_args(
            lang,
            "out-period",
            &[
                ("from", &figures.from.format("%Y-%m-%d").to_string()),
                ("to", &figures.to.format("%Y-%m-%d").to_string()),
            ],
        ),
        choices: PeriodKind::ALL
            .iter()
            .map(|k| Choice {
                code: k.code(),
                label: i18n::coded(lang, "out-period", k.code()),
                selected: *k == period.kind,
            })
            .collect(),
        from: get("from").unwrap_or_default().to_owned(),
        to: get("to").unwrap_or_default().to_owned(),
        tables: report::tables(lang, scope.programme.as_ref(), &figures),
        query: serde_urlencoded::to_string(
            pairs
                .iter()
                .filter(|(k, _)| ["period", "from", "to", "lang"].contains(&k.as_str()))
                .collect::<Vec<_>>(),
        )
        .unwrap_or_default(),
        charts,
        errors,
        name: scope.name,
        path: scope.path,
    };
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    respond(req, status, lang, &page)
}

/// `GET /coordinator/programmes/{slug}/outcomes?period=&from=&to=`
#[get("/coordinator/programmes/{slug}/outcomes")]
pub(super) async fn outcomes_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let loaded = load(&req, &state, &signed, Some(path.into_inner())).await?;
    Ok(page(&req, &signed, loaded))
}

/// `GET /coordinator/programmes/{slug}/outcomes.csv?period=&from=&to=&table=`
#[get("/coordinator/programmes/{slug}/outcomes.csv")]
pub(super) async fn outcomes_csv(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let loaded = load(&req, &state, &signed, Some(path.into_inner())).await?;
    csv(signed.lang, &loaded)
}

/// `GET /coordinator/outcomes` (admins): every programme together.
#[get("/coordinator/outcomes")]
pub(super) async fn all_outcomes_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
) -> Result<HttpResponse, PageError> {
    let loaded = load(&req, &state, &signed, None).await?;
    Ok(page(&req, &signed, loaded))
}

/// `GET /coordinator/outcomes.csv` (admins).
#[get("/coordinator/outcomes.csv")]
pub(super) async fn all_outcomes_csv(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
) -> Result<HttpResponse, PageError> {
    let loaded = load(&req, &state, &signed, None).await?;
    csv(signed.lang, &loaded)
}
