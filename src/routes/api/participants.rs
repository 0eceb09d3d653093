//! Participants of a programme: create, list (paged, filtered), read, replace, delete.

use actix_web::http::header;
use actix_web::{delete, get, post, put, web, HttpResponse};

use super::dto::{ListQuery, ParticipantDto, ParticipantPage, ProfileInputDto};
use super::error::{serde_error_to_api, ApiError, ErrorBody};
use super::Caller;
use crate::db::audit::{self, AuditEntry};
use crate::db::participants::{self, Admitted, Participant};
use crate::db::people::{self, PeopleFilter};
use crate::db::programmes::{self, Programme};
use crate::db::{outbox, DbConnection, DbError};
use crate::domain::{NewParticipant, ParticipantStatus, Reach, Role};
use crate::state::AppState;

/// Default page size.
pub const DEFAULT_PER_PAGE: i64 = 50;
/// Largest page size.
pub const MAX_PER_PAGE: i64 = 200;

/// Reads the body as a JSON object of `what` (e.g. "profile fields"), naming each field with a
/// wrong type or an unknown name, not only the first serde stops at.
pub(super) fn parse_object<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    what: &str,
) -> Result<T, ApiError> {
    let serde_json::Value::Object(map) = &value else {
        return Err(ApiError::field(
            "body",
            "invalid_type",
            format!("The body must be a JSON object of {what}."),
        ));
    };
    match serde_json::from_value::<T>(value.clone()) {
        Ok(dto) => Ok(dto),
        Err(whole) => {
            // Try each field alone.
            let mut fields = Vec::new();
            for (key, v) in map {
                let one =
                    serde_json::Value::Object(std::iter::once((key.clone(), v.clone())).collect());
                if let Err(e) = serde_json::from_value::<T>(one) {
                    if let ApiError::Validation(mut f) = serde_error_to_api(&e, key) {
                        fields.append(&mut f);
                    }
                }
            }
            if fields.is_empty() {
                return Err(serde_error_to_api(&whole, "body"));
            }
            Err(ApiError::Validation(fields))
        }
    }
}

/// Reads the body as a profile.
fn parse_profile(value: serde_json::Value) -> Result<ProfileInputDto, ApiError> {
    parse_object(value, "profile fields")
}

/// The programme with this slug, if the caller may reach it.
pub(super) fn programme_for(
    conn: &mut DbConnection,
    caller: &Caller,
    slug: &str,
) -> Result<Programme, ApiError> {
    caller
        .reachable(programmes::by_slug(conn, slug)?, |p| p.id)
        .ok_or_else(|| ApiError::NotFound(format!("There is no programme `{slug}`.")))
}

/// The participant with this id and their programme, if the caller may reach it.
fn participant_for(
    conn: &mut DbConnection,
    caller: &Caller,
    id: i32,
) -> Result<(Participant, Programme), ApiError> {
    let participant = caller
        .reachable(participants::find(conn, id)?, |p| p.programme_id)
        .ok_or_else(|| ApiError::NotFound(format!("There is no participant {id}.")))?;
    let programme = programmes::by_id(conn, participant.programme_id)?.ok_or_else(|| {
        ApiError::Unexpected(anyhow::anyhow!(
            "participant {id} belongs to a missing programme"
        ))
    })?;
    Ok((participant, programme))
}

/// Records an access to personal data through the API (same names as the coordinator pages).
fn audit(
    conn: &mut DbConnection,
    caller: &Caller,
    programme_id: i32,
    action: &str,
    subject: (&str, i32),
) -> Result<(), DbError> {
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id: Some(caller.coordinator().id),
            programme_id: Some(programme_id),
            action,
            subject_type: subject.0,
            subject_id: Some(subject.1),
            detail: "api",
        },
        chrono::Utc::now().naive_utc(),
    )
}

fn conflict(email: &str) -> ApiError {
    ApiError::Conflict(format!(
        "A participant with the email {email} is already in this programme."
    ))
}

fn read_dto(conn: &mut DbConnection, id: i32, slug: &str) -> Result<ParticipantDto, ApiError> {
    let p = participants::find(conn, id)?
        .ok_or_else(|| ApiError::Unexpected(anyhow::anyhow!("participant {id} vanished")))?;
    let household = participants::household(conn, id)?;
    Ok(ParticipantDto::new(&p, slug, household)?)
}

/// Adds a participant to a programme, stored as confirmed (a coordinator vouches for the
/// address). Every invalid field is reported at once.
#[utoipa::path(
    post,
    path = "/api/v1/programmes/{slug}/participants",
    tag = "participants",
    params(("slug" = String, Path, description = "Programme slug")),
    request_body(content = ProfileInputDto, description = "The profile", content_type = "application/json"),
    responses(
        (status = 201, description = "Created", body = ParticipantDto,
            headers(("Location" = String, description = "URL of the new participant"))),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such programme, or not in a programme you coordinate", body = ErrorBody),
        (status = 409, description = "The email is already in this programme (`conflict`), or the programme is archived (`programme_archived`)", body = ErrorBody),
        (status = 422, description = "Invalid fields, wrong types or unknown fields", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[post("/programmes/{slug}/participants")]
pub async fn create_participant(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let body = body.into_inner();
    let dto = state
        .db
        .run(move |db| -> Result<ParticipantDto, ApiError> {
            let programme = programme_for(&mut *db.get()?, &caller, &slug)?;
            let new = NewParticipant::parse_with(
                parse_profile(body)?.into(),
                &programme,
                Reach::Coordinator,
            )?;
            db.write(|conn| {
                if let Some(email) = &new.email {
                    if participants::find_by_email(conn, programme.id, email)?.is_some() {
                        return Err(conflict(email.as_str()));
                    }
                }
                let now = chrono::Utc::now().naive_utc();
                let id = match participants::admit(
                    conn,
                    programme.id,
                    &new,
                    ParticipantStatus::Confirmed,
                    now,
                )? {
                    Admitted::Stored(id) => id,
                    Admitted::Closed => return Err(ApiError::archived(&programme.slug)),
                    Admitted::AreaGone => {
                        return Err(ApiError::field(
                            "area",
                            "unknown_area",
                            "The programme has no such area (any more).",
                        ))
                    }
                };
                audit(
                    conn,
                    &caller,
                    programme.id,
                    "participant.create",
                    ("participant", id),
                )?;
                read_dto(conn, id, &programme.slug)
            })
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/participants/{}", dto.id)))
        .json(dto))
}

fn list_filter(q: &ListQuery) -> Result<(PeopleFilter, i64, i64), ApiError> {
    let mut fields = Vec::new();
    let mut bad = |field: &str, code: &str, message: &str| {
        fields.push(super::error::FieldErrorDto {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.to_owned(),
        });
    };
    let page = q.page.unwrap_or(1);
    if page < 1 {
        bad("page", "out_of_range", "Pages start at 1.");
    }
    let per_page = q.per_page.unwrap_or(DEFAULT_PER_PAGE);
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        bad(
            "per_page",
            "out_of_range",
            "per_page must be between 1 and 200.",
        );
    }
    let role = match q.role.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(r) => Role::parse(r).map_or_else(
            |_| {
                bad("role", "invalid_choice", "Use `arriving` or `receiving`.");
                None
            },
            Some,
        ),
    };
    let status = match q.status.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => ParticipantStatus::parse(s).map_or_else(
            |_| {
                bad(
                    "status",
                    "invalid_choice",
                    "Use `pending`, `confirmed` or `withdrawn`.",
                );
                None
            },
            Some,
        ),
    };
    if q.q.as_deref().is_some_and(|t| t.chars().count() > 200) {
        bad("q", "too_long", "The search text is too long.");
    }
    if !fields.is_empty() {
        return Err(ApiError::Validation(fields));
    }
    let filter = PeopleFilter {
        role,
        status,
        volunteer: q.volunteer,
        query: q.q.clone(),
        ..PeopleFilter::default()
    };
    Ok((filter, page, per_page))
}

/// A page of the programme's participants, oldest first, with the total matching the filter.
#[utoipa::path(
    get,
    path = "/api/v1/programmes/{slug}/participants",
    tag = "participants",
    params(("slug" = String, Path, description = "Programme slug"), ListQuery),
    responses(
        (status = 200, description = "One page", body = ParticipantPage),
        (status = 400, description = "Malformed query string", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such programme, or not in a programme you coordinate", body = ErrorBody),
        (status = 422, description = "Invalid filter or page values", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[get("/programmes/{slug}/participants")]
pub async fn list_participants(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let (filter, page, per_page) = list_filter(&query)?;
    let result = state
        .db
        .run(move |db| -> Result<ParticipantPage, ApiError> {
            let mut conn = db.get()?;
            let programme = programme_for(&mut conn, &caller, &slug)?;
            let now = chrono::Utc::now().naive_utc();
            let (rows, total) =
                people::list(&mut conn, programme.id, &filter, page, per_page, now)?;
            let ids: Vec<i32> = rows.iter().map(|p| p.id).collect();
            let mut homes = participants::households(&mut conn, &ids)?;
            let items = rows
                .iter()
                .map(|p| {
                    ParticipantDto::new(p, &programme.slug, homes.remove(&p.id).unwrap_or_default())
                })
                .collect::<Result<Vec<_>, _>>()?;
            drop(conn);
            db.write(|c| {
                audit(
                    c,
                    &caller,
                    programme.id,
                    "participant.list",
                    ("programme", programme.id),
                )
            })?;
            Ok(ParticipantPage {
                items,
                page,
                per_page,
                total,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(result))
}

/// One participant.
#[utoipa::path(
    get,
    path = "/api/v1/participants/{id}",
    tag = "participants",
    params(("id" = i32, Path, minimum = 1, description = "Participant id")),
    responses(
        (status = 200, description = "The participant", body = ParticipantDto),
        (status = 400, description = "The id is not a number", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such participant, or not in a programme you coordinate", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[get("/participants/{id}")]
pub async fn get_participant(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let dto = state
        .db
        .run(move |db| -> Result<ParticipantDto, ApiError> {
            let mut conn = db.get()?;
            let (_, programme) = participant_for(&mut conn, &caller, id)?;
            let dto = read_dto(&mut conn, id, &programme.slug)?;
            drop(conn);
            db.write(|c| {
                audit(
                    c,
                    &caller,
                    programme.id,
                    "participant.view",
                    ("participant", id),
                )
            })?;
            Ok(dto)
        })
        .await?;
    Ok(HttpResponse::Ok().json(dto))
}

/// Replaces a participant's whole profile (fields left out take their defaults). The status is
/// kept; a change of role or volunteer offer is recorded in the role history.
#[utoipa::path(
    put,
    path = "/api/v1/participants/{id}",
    tag = "participants",
    params(("id" = i32, Path, minimum = 1, description = "Participant id")),
    request_body(content = ProfileInputDto, description = "The new profile", content_type = "application/json"),
    responses(
        (status = 200, description = "Updated", body = ParticipantDto),
        (status = 400, description = "Malformed JSON or id", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such participant, or not in a programme you coordinate", body = ErrorBody),
        (status = 409, description = "The new email belongs to another participant of the programme", body = ErrorBody),
        (status = 422, description = "Invalid fields, wrong types or unknown fields", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[put("/participants/{id}")]
pub async fn update_participant(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i32>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let body = body.into_inner();
    let dto = state
        .db
        .run(move |db| -> Result<ParticipantDto, ApiError> {
            let (_, programme) = participant_for(&mut *db.get()?, &caller, id)?;
            let new = NewParticipant::parse_with(
                parse_profile(body)?.into(),
                &programme,
                Reach::Coordinator,
            )?;
            db.write(|conn| {
                if let Some(email) = &new.email {
                    if let Some(other) = participants::find_by_email(conn, programme.id, email)? {
                        if other.id != id {
                            return Err(conflict(email.as_str()));
                        }
                    }
                }
                let now = chrono::Utc::now().naive_utc();
                match participants::update(conn, id, &new, now)? {
                    participants::Updated::Stored => {}
                    participants::Updated::NotFound => {
                        return Err(ApiError::NotFound(format!("There is no participant {id}.")));
                    }
                    participants::Updated::AreaGone => {
                        return Err(ApiError::field(
                            "area",
                            "unknown_area",
                            "This area was just removed from the programme; choose another.",
                        ));
                    }
                }
                audit(
                    conn,
                    &caller,
                    programme.id,
                    "participant.update",
                    ("participant", id),
                )?;
                read_dto(conn, id, &programme.slug)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(dto))
}

/// Deletes a participant and everything stored about them (household, history, consents).
#[utoipa::path(
    delete,
    path = "/api/v1/participants/{id}",
    tag = "participants",
    params(("id" = i32, Path, minimum = 1, description = "Participant id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, description = "The id is not a number", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 404, description = "No such participant, or not in a programme you coordinate", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[delete("/participants/{id}")]
pub async fn delete_participant(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    state
        .db
        .run(move |db| -> Result<(), ApiError> {
            let (person, programme) = participant_for(&mut *db.get()?, &caller, id)?;
            db.write(|conn| {
                if participants::delete(conn, id)? {
                    // Their mail (links included) goes with them, as in their own erasure.
                    if let Some(email) = &person.email {
                        outbox::forget_recipient(conn, email)?;
                    }
                    audit(
                        conn,
                        &caller,
                        programme.id,
                        "participant.delete",
                        ("participant", id),
                    )?;
                    Ok(())
                } else {
                    Err(ApiError::NotFound(format!("There is no participant {id}.")))
                }
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
