//! Adding a person on their behalf and editing a profile (the coordinator's profile form).

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::Utc;

use super::super::frame;
use super::super::profile_form;
use super::super::programme_by_slug;
use super::super::{respond, see_other, At, FormPage, PageError, Signed, Values};
use super::participant;
use crate::db::participants::{self, Admitted, Updated};
use crate::db::DbError;
use crate::domain::{NewParticipant, ParticipantStatus, Programme, Reach, ValidationErrors};
use crate::i18n;
use crate::state::AppState;

#[allow(clippy::too_many_arguments)]
pub(super) fn profile_page(
    req: &HttpRequest,
    signed: &Signed,
    programme: &Programme,
    heading: String,
    action: String,
    values: &Values,
    errors: &ValidationErrors,
    member_rows: &[usize],
) -> FormPage {
    let lang = signed.lang;
    let mut page = FormPage::new(
        frame(req, lang, heading.clone()),
        heading,
        action,
        signed.csrf.clone(),
    );
    page.nav = Some(signed.nav());
    page.intro.push(i18n::t(lang, "required-note"));
    page.sections = profile_form::sections(lang, programme, values, errors, member_rows);
    page.submit = i18n::t(lang, "coord-save");
    page.summarise();
    page
}

pub(super) fn email_taken(e: &DbError) -> bool {
    e.is_unique_violation()
}

/// `GET /coordinator/programmes/{slug}/people/new`: sign someone up on their behalf.
#[get("/coordinator/programmes/{slug}/people/new")]
pub(super) async fn new_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let heading = i18n::t_args(
        lang,
        "coord-new-title",
        &[("programme", programme.name_in(lang))],
    );
    let action = format!("/coordinator/programmes/{}/people/new", programme.slug);
    let page = profile_page(
        &req,
        &signed,
        &programme,
        heading,
        action,
        &profile_form::default_values(lang),
        &ValidationErrors::default(),
        &[],
    );
    Ok(respond(&req, StatusCode::OK, lang, &page))
}

/// Parses a submitted profile; `Err` carries the 422 page.
pub(super) fn parse_profile(
    req: &HttpRequest,
    signed: &Signed,
    programme: &Programme,
    heading: &str,
    action: &str,
    values: &Values,
) -> Result<NewParticipant, Box<HttpResponse>> {
    let mut read = profile_form::read(values);
    match NewParticipant::parse_with(read.input.clone(), programme, Reach::Coordinator) {
        Ok(p) if read.errors.is_empty() => Ok(p),
        parsed => {
            if let Err(domain) = parsed {
                read.add_domain_errors(domain);
            }
            let page = profile_page(
                req,
                signed,
                programme,
                heading.to_owned(),
                action.to_owned(),
                values,
                &read.errors,
                &read.member_rows,
            );
            Err(Box::new(respond(
                req,
                StatusCode::UNPROCESSABLE_ENTITY,
                signed.lang,
                &page,
            )))
        }
    }
}

pub(super) fn taken_page(
    req: &HttpRequest,
    signed: &Signed,
    programme: &Programme,
    heading: &str,
    action: &str,
    values: &Values,
) -> HttpResponse {
    refused_page(
        req,
        signed,
        programme,
        (heading, action),
        values,
        ("email", "email_taken"),
    )
}

/// The form again (422) with `problem` (field, code) at its field: what storing found that
/// parsing could not (an email taken, an area removed meanwhile).
fn refused_page(
    req: &HttpRequest,
    signed: &Signed,
    programme: &Programme,
    (heading, action): (&str, &str),
    values: &Values,
    problem: (&str, &'static str),
) -> HttpResponse {
    let mut errors = ValidationErrors::default();
    errors.add(problem.0, problem.1);
    let page = profile_page(
        req,
        signed,
        programme,
        heading.to_owned(),
        action.to_owned(),
        values,
        &errors,
        &[],
    );
    respond(req, StatusCode::UNPROCESSABLE_ENTITY, signed.lang, &page)
}

/// What became of a person a coordinator added.
enum Added {
    Stored(i32),
    EmailTaken,
    /// The programme is archived.
    Closed,
    /// An admin removed the chosen area meanwhile.
    AreaGone,
}

/// `POST /coordinator/programmes/{slug}/people/new`: stores a confirmed participant (the
/// coordinator has recorded their consent); 422 with the form kept on bad input.
#[post("/coordinator/programmes/{slug}/people/new")]
pub(super) async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let heading = i18n::t_args(
        lang,
        "coord-new-title",
        &[("programme", programme.name_in(lang))],
    );
    let action = format!("/coordinator/programmes/{}/people/new", programme.slug);
    let new = match parse_profile(&req, &signed, &programme, &heading, &action, &values) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let s = signed.clone();
    let programme_id = programme.id;
    let result = state
        .db
        .run(move |db| {
            db.write(|c| -> Result<Added, DbError> {
                if let Some(email) = &new.email {
                    if participants::find_by_email(c, programme_id, email)?.is_some() {
                        return Ok(Added::EmailTaken);
                    }
                }
                let now = Utc::now().naive_utc();
                let id = match participants::admit(
                    c,
                    programme_id,
                    &new,
                    ParticipantStatus::Confirmed,
                    now,
                )? {
                    Admitted::Stored(id) => id,
                    Admitted::Closed => return Ok(Added::Closed),
                    Admitted::AreaGone => return Ok(Added::AreaGone),
                };
                s.audit(
                    c,
                    Some(programme_id),
                    "participant.create",
                    "participant",
                    Some(id),
                )?;
                Ok(Added::Stored(id))
            })
        })
        .await;
    let refused = |status: StatusCode, errors: &ValidationErrors, form_error: Option<String>| {
        let mut page = profile_page(
            &req,
            &signed,
            &programme,
            heading.clone(),
            action.clone(),
            &values,
            errors,
            &[],
        );
        page.form_error = form_error;
        Ok(respond(&req, status, lang, &page))
    };
    match result {
        Ok(Added::Stored(id)) => Ok(see_other(&format!("/coordinator/people/{id}"))),
        Ok(Added::EmailTaken) => Ok(taken_page(
            &req, &signed, &programme, &heading, &action, &values,
        )),
        Ok(Added::Closed) => refused(
            StatusCode::CONFLICT,
            &ValidationErrors::default(),
            Some(i18n::t(lang, "coord-error-archived")),
        ),
        Ok(Added::AreaGone) => {
            let mut errors = ValidationErrors::default();
            errors.add("area", "unknown_area");
            refused(StatusCode::UNPROCESSABLE_ENTITY, &errors, None)
        }
        Err(e) if email_taken(&e) => Ok(taken_page(
            &req, &signed, &programme, &heading, &action, &values,
        )),
        Err(e) => Err(PageError::new(lang, e.into())),
    }
}

/// `GET /coordinator/people/{id}/edit`
#[get("/coordinator/people/{id}/edit")]
pub(super) async fn edit_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let (p, programme) = participant(&state, &signed, path.into_inner()).await?;
    let id = p.id;
    let household = state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            participants::household(&mut conn, id)
        })
        .await
        .at(lang)?;
    let mut input = p.to_profile_input().at(lang)?;
    input.household_members = household;
    let heading = i18n::t_args(
        lang,
        "coord-edit-title",
        &[("name", &format!("{} {}", p.first_name, p.last_name))],
    );
    let action = format!("/coordinator/people/{id}/edit");
    let page = profile_page(
        &req,
        &signed,
        &programme,
        heading,
        action,
        &profile_form::values_from_profile(&input),
        &ValidationErrors::default(),
        &[],
    );
    Ok(respond(&req, StatusCode::OK, lang, &page))
}

/// `POST /coordinator/people/{id}/edit`
#[post("/coordinator/people/{id}/edit")]
pub(super) async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let (p, programme) = participant(&state, &signed, path.into_inner()).await?;
    let id = p.id;
    let heading = i18n::t_args(
        lang,
        "coord-edit-title",
        &[("name", &format!("{} {}", p.first_name, p.last_name))],
    );
    let action = format!("/coordinator/people/{id}/edit");
    let new = match parse_profile(&req, &signed, &programme, &heading, &action, &values) {
        Ok(p) => p,
        Err(page) => return Ok(*page),
    };
    let s = signed.clone();
    let programme_id = programme.id;
    let result = state
        .db
        .run(move |db| {
            // None: the email belongs to someone else.
            db.write(|c| -> Result<Option<Updated>, DbError> {
                if let Some(email) = &new.email {
                    if participants::find_by_email(c, programme_id, email)?
                        .is_some_and(|o| o.id != id)
                    {
                        return Ok(None);
                    }
                }
                let updated = participants::update(c, id, &new, Utc::now().naive_utc())?;
                if updated != Updated::Stored {
                    return Ok(Some(updated));
                }
                s.audit(
                    c,
                    Some(programme_id),
                    "participant.update",
                    "participant",
                    Some(id),
                )?;
                Ok(Some(Updated::Stored))
            })
        })
        .await;
    match result {
        Ok(Some(Updated::Stored)) => Ok(see_other(&format!("/coordinator/people/{id}"))),
        Ok(Some(Updated::NotFound)) => Err(PageError::new(
            lang,
            crate::routes::coordinator::CoordError::NotFound,
        )),
        Ok(Some(Updated::AreaGone)) => Ok(refused_page(
            &req,
            &signed,
            &programme,
            (&heading, &action),
            &values,
            ("area", "unknown_area"),
        )),
        Ok(None) => Ok(taken_page(
            &req, &signed, &programme, &heading, &action, &values,
        )),
        Err(e) if email_taken(&e) => Ok(taken_page(
            &req, &signed, &programme, &heading, &action, &values,
        )),
        Err(e) => Err(PageError::new(lang, e.into())),
    }
}
