//! Archiving, reopening and deleting a programme through the API, for admins; the same service
//! as the admin pages ([`crate::programmes`]), audited with the detail `api`.

use actix_web::{delete, post, web, HttpResponse};

use super::dto::ProgrammeDto;
use super::error::{ApiError, ErrorBody};
use super::programme_settings::require_admin;
use super::Caller;
use crate::programmes::{self, Actor, ArchiveError};
use crate::state::AppState;

fn api_error(e: ArchiveError) -> ApiError {
    match e {
        ArchiveError::NotFound(slug) => {
            ApiError::NotFound(format!("There is no programme `{slug}`."))
        }
        ArchiveError::NotArchived => {
            ApiError::Conflict("The programme is open: archive it before deleting it.".to_owned())
        }
        ArchiveError::StillHolds(h) => ApiError::Conflict(format!(
            "The programme still holds personal data ({} people, {} matches going on); it can \
             be deleted once they are erased (the retention period does this by itself).",
            h.participants, h.live_matches
        )),
        ArchiveError::Db(e) => e.into(),
    }
}

fn actor(caller: &Caller) -> Actor<'static> {
    Actor {
        coordinator_id: Some(caller.coordinator().id),
        via: "api",
    }
}

/// Archives a programme (admins only): sign-up closes and no new matching runs start; check-ins,
/// introductions under way and the retention period go on. Archiving an archived programme
/// changes nothing.
#[utoipa::path(
    post,
    path = "/api/v1/programmes/{slug}/archive",
    tag = "programmes",
    params(("slug" = String, Path, description = "Programme slug")),
    responses(
        (status = 200, description = "The programme, archived", body = ProgrammeDto),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such programme", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[post("/programmes/{slug}/archive")]
pub async fn archive_programme(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let by = actor(&caller);
    let (p, _) = state
        .db
        .run(move |db| programmes::archive(db, &slug, by, chrono::Utc::now().naive_utc()))
        .await
        .map_err(api_error)?;
    Ok(HttpResponse::Ok().json(ProgrammeDto::from(&p)))
}

/// Reopens an archived programme (admins only): sign-up and runs work again. Reopening an open
/// programme changes nothing.
#[utoipa::path(
    post,
    path = "/api/v1/programmes/{slug}/reopen",
    tag = "programmes",
    params(("slug" = String, Path, description = "Programme slug")),
    responses(
        (status = 200, description = "The programme, open", body = ProgrammeDto),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such programme", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[post("/programmes/{slug}/reopen")]
pub async fn reopen_programme(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let by = actor(&caller);
    let p = state
        .db
        .run(move |db| programmes::reopen(db, &slug, by, chrono::Utc::now().naive_utc()))
        .await
        .map_err(api_error)?;
    Ok(HttpResponse::Ok().json(ProgrammeDto::from(&p)))
}

/// Deletes an archived programme that holds no personal data any more (admins only).
#[utoipa::path(
    delete,
    path = "/api/v1/programmes/{slug}",
    tag = "programmes",
    params(("slug" = String, Path, description = "Programme slug")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such programme", body = ErrorBody),
        (status = 409, description = "Still open, or still holds personal data", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[delete("/programmes/{slug}")]
pub async fn delete_programme(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let by = actor(&caller);
    state
        .db
        .run(move |db| programmes::delete(db, &slug, by, chrono::Utc::now().naive_utc()))
        .await
        .map_err(api_error)?;
    Ok(HttpResponse::NoContent().finish())
}
