//! Admin pages for a programme's state (admins only, 403 otherwise):
//!
//! - `GET /coordinator/programmes/{slug}/archive`: open or archived since when, what personal
//!   data it still holds, and the one action that fits (archive; or reopen and delete);
//! - `POST .../archive`, `POST .../reopen`: -> the same page with a notice;
//! - `POST .../delete` with the slug typed again (`confirm`): -> the programme list; 422 when the
//!   slug was not typed, 409 while it is open or still holds personal data.
//!
//! All three go through [`crate::programmes`], which audits them.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;

use super::frame;
use super::{query_pairs, respond, see_other, CoordError, Nav, PageError, Signed, Values};
use crate::db::programme_archive::Holdings;
use crate::domain::Programme;
use crate::i18n;
use crate::programmes::{self, Actor, ArchiveError};
use crate::routes::pages::PageCtx;
use crate::state::AppState;

pub(super) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(status_page)
        .service(archive)
        .service(reopen)
        .service(delete);
}

/// The page.
#[derive(Template)]
#[template(path = "coordinator/programme_archive.html")]
struct ArchivePage {
    page: PageCtx,
    nav: Option<Nav>,
    csrf: String,
    notice: Option<String>,
    /// A refusal (e.g. still holds data), shown at the top.
    problem: Option<String>,
    /// The error at the confirmation field.
    confirm_error: Option<String>,
    slug: String,
    /// "Open" or "Archived on …".
    state: String,
    archived: bool,
    /// What it still holds, in words; empty when nothing.
    holds: Vec<String>,
    can_delete: bool,
}

fn admin_actor(signed: &Signed) -> Actor<'static> {
    Actor {
        coordinator_id: Some(signed.coordinator.id),
        via: "",
    }
}

fn holdings_text(lang: crate::domain::UiLanguage, h: &Holdings) -> Vec<String> {
    let mut out = Vec::new();
    if h.participants > 0 {
        out.push(i18n::t_args(
            lang,
            "prog-archive-holds-people",
            &[("count", &h.participants.to_string())],
        ));
    }
    if h.live_matches > 0 {
        out.push(i18n::t_args(
            lang,
            "prog-archive-holds-matches",
            &[("count", &h.live_matches.to_string())],
        ));
    }
    out
}

#[allow(clippy::needless_pass_by_value)]
fn render(
    req: &HttpRequest,
    signed: &Signed,
    status: StatusCode,
    (programme, holds): (Programme, Holdings),
    notice: Option<String>,
    problem: Option<String>,
    confirm_error: Option<String>,
) -> HttpResponse {
    let lang = signed.lang;
    let state = match programme.archived_at {
        None => i18n::t(lang, "prog-archive-state-open"),
        Some(at) => i18n::t_args(
            lang,
            "prog-archive-state-archived",
            &[("date", &at.format("%Y-%m-%d").to_string())],
        ),
    };
    let page = ArchivePage {
        page: frame(
            req,
            lang,
            i18n::t_args(
                lang,
                "prog-archive-title",
                &[("programme", &i18n::isolate(programme.name_in(lang)))],
            ),
        ),
        nav: Some(signed.nav()),
        csrf: signed.csrf.clone(),
        notice,
        problem,
        confirm_error,
        state,
        archived: !programme.is_open(),
        can_delete: !programme.is_open() && holds.is_empty(),
        holds: holdings_text(lang, &holds),
        slug: programme.slug,
    };
    respond(req, status, lang, &page)
}

async fn current(
    state: &AppState,
    lang: crate::domain::UiLanguage,
    slug: String,
) -> Result<(Programme, Holdings), PageError> {
    state
        .db
        .run(move |db| programmes::status(db, &slug))
        .await
        .map_err(|e| page_error(lang, e))
}

fn page_error(lang: crate::domain::UiLanguage, e: ArchiveError) -> PageError {
    match e {
        ArchiveError::NotFound(_) => PageError::new(lang, CoordError::NotFound),
        ArchiveError::Db(e) => PageError::new(lang, CoordError::Db(e)),
        other => PageError::new(lang, CoordError::Unexpected(anyhow::Error::new(other))),
    }
}

/// `GET /coordinator/programmes/{slug}/archive`
#[get("/coordinator/programmes/{slug}/archive")]
async fn status_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    signed.require_admin()?;
    let found = current(&state, lang, path.into_inner()).await?;
    let notice = match Values(query_pairs(&req)).get("notice") {
        "archived" => Some(i18n::t(lang, "prog-notice-archived")),
        "reopened" => Some(i18n::t(lang, "prog-notice-reopened")),
        _ => None,
    };
    Ok(render(
        &req,
        &signed,
        StatusCode::OK,
        found,
        notice,
        None,
        None,
    ))
}

/// Archives (`to_archive`) or reopens the programme `slug` for an admin -> the page with a notice.
async fn change_state(
    state: &AppState,
    signed: &Signed,
    slug: String,
    body: &[u8],
    to_archive: bool,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    signed.require_admin()?;
    signed.form(body)?;
    let by = admin_actor(signed);
    let now = Utc::now().naive_utc();
    let p = state
        .db
        .run(move |db| {
            if to_archive {
                programmes::archive(db, &slug, by, now).map(|(p, _)| p)
            } else {
                programmes::reopen(db, &slug, by, now)
            }
        })
        .await
        .map_err(|e| page_error(lang, e))?;
    let notice = if to_archive { "archived" } else { "reopened" };
    Ok(see_other(&format!(
        "/coordinator/programmes/{}/archive?notice={notice}",
        p.slug
    )))
}

/// `POST /coordinator/programmes/{slug}/archive`
#[post("/coordinator/programmes/{slug}/archive")]
async fn archive(
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    change_state(&state, &signed, path.into_inner(), &body, true).await
}

/// `POST /coordinator/programmes/{slug}/reopen`
#[post("/coordinator/programmes/{slug}/reopen")]
async fn reopen(
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    change_state(&state, &signed, path.into_inner(), &body, false).await
}

/// `POST /coordinator/programmes/{slug}/delete`
#[post("/coordinator/programmes/{slug}/delete")]
async fn delete(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    signed.require_admin()?;
    let values = signed.form(&body)?;
    let slug = path.into_inner();
    if values.get("confirm").trim() != slug {
        let found = current(&state, lang, slug).await?;
        let error = i18n::t(lang, "prog-archive-confirm-error");
        return Ok(render(
            &req,
            &signed,
            StatusCode::UNPROCESSABLE_ENTITY,
            found,
            None,
            None,
            Some(error),
        ));
    }
    let by = admin_actor(&signed);
    let target = slug.clone();
    let deleted = state
        .db
        .run(move |db| programmes::delete(db, &target, by, Utc::now().naive_utc()))
        .await;
    let problem = match deleted {
        Ok(()) => return Ok(see_other("/coordinator/programmes?notice=deleted")),
        Err(ArchiveError::NotArchived) => i18n::t(lang, "prog-archive-error-open"),
        Err(ArchiveError::StillHolds(_)) => i18n::t(lang, "prog-archive-error-holds"),
        Err(e) => return Err(page_error(lang, e)),
    };
    let found = current(&state, lang, slug).await?;
    Ok(render(
        &req,
        &signed,
        StatusCode::CONFLICT,
        found,
        None,
        Some(problem),
        None,
    ))
}
