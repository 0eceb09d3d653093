//! Programmes the caller can see.

use actix_web::{get, web, HttpResponse};

use super::dto::ProgrammeDto;
use super::error::{ApiError, ErrorBody};
use super::Caller;
use crate::db::programmes;
use crate::state::AppState;

/// The programmes the caller coordinates (every programme for an admin), by slug.
#[utoipa::path(
    get,
    path = "/api/v1/programmes",
    tag = "programmes",
    responses(
        (status = 200, description = "The programmes", body = Vec<ProgrammeDto>),
        (status = 401, description = "No or invalid token", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[get("/programmes")]
pub async fn list_programmes(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let list = state
        .db
        .run(move |db| -> Result<Vec<ProgrammeDto>, ApiError> {
            Ok(programmes::list(&mut *db.get()?)?
                .iter()
                .filter(|p| caller.coordinator().can_access(p.id))
                .map(ProgrammeDto::from)
                .collect())
        })
        .await?;
    Ok(HttpResponse::Ok().json(list))
}
