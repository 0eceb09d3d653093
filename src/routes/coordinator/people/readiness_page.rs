//! A volunteer's readiness: code of conduct, trainings and background check dates.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{NaiveDate, Utc};

use super::super::form::error_text;
use super::super::frame;
use super::super::{respond, see_other, At, Field, FormPage, PageError, Section, Signed, Values};
use super::participant;
use crate::coordinator::readiness::{self, Readiness, ReadinessDates};
use crate::db::participants::Participant;
use crate::db::DbError;
use crate::i18n;
use crate::state::AppState;

const READINESS_FIELDS: [(&str, &str); 5] = [
    ("code_of_conduct_signed", "coord-ready-code"),
    ("safeguarding_training", "coord-ready-safeguarding"),
    ("first_aid_training", "coord-ready-first-aid"),
    ("child_safeguarding_training", "coord-ready-child"),
    ("background_check", "coord-ready-background"),
];

pub(super) fn readiness_page(
    req: &HttpRequest,
    signed: &Signed,
    p: &Participant,
    values: &Values,
    errors: &[(String, &str)],
) -> FormPage {
    let lang = signed.lang;
    let name = format!("{} {}", p.first_name, p.last_name);
    let heading = i18n::t_args(lang, "coord-readiness-title", &[("name", &name)]);
    let mut page = FormPage::new(
        frame(req, lang, heading.clone()),
        heading,
        format!("/coordinator/people/{}/readiness", p.id),
        signed.csrf.clone(),
    );
    page.nav = Some(signed.nav());
    page.intro.push(i18n::t(lang, "coord-readiness-rule"));
    page.sections.push(Section {
        title: None,
        fields: READINESS_FIELDS
            .iter()
            .map(|(name, label)| {
                let mut f = Field::input("date", name, i18n::t(lang, label), values.get(name))
                    .hint(i18n::t(lang, "coord-date-hint"));
                f.error = errors
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, c)| error_text(lang, c));
                f
            })
            .collect(),
    });
    page.submit = i18n::t(lang, "coord-save");
    page.back = Some((format!("/coordinator/people/{}", p.id), name));
    page.summarise();
    page
}

/// `GET /coordinator/people/{id}/readiness`
#[get("/coordinator/people/{id}/readiness")]
pub(super) async fn readiness_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let (p, _) = participant(&state, &signed, path.into_inner()).await?;
    let id = p.id;
    let current: Option<Readiness> = state
        .db
        .run(move |db| {
            let mut conn = db.get()?;
            readiness::find(&mut conn, id)
        })
        .await
        .at(lang)?;
    let d = current.unwrap_or_default().dates();
    let mut values = Values::default();
    let fmt = |d: Option<NaiveDate>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    values.set("code_of_conduct_signed", fmt(d.code_of_conduct_signed));
    values.set("safeguarding_training", fmt(d.safeguarding_training));
    values.set("first_aid_training", fmt(d.first_aid_training));
    values.set(
        "child_safeguarding_training",
        fmt(d.child_safeguarding_training),
    );
    values.set("background_check", fmt(d.background_check));
    Ok(respond(
        &req,
        StatusCode::OK,
        lang,
        &readiness_page(&req, &signed, &p, &values, &[]),
    ))
}

/// Reads a date field: empty is "not done"; `YYYY-MM-DD`, not in the future.
pub(super) fn date_field(
    values: &Values,
    name: &str,
    today: NaiveDate,
    errors: &mut Vec<(String, &'static str)>,
) -> Option<NaiveDate> {
    let raw = values.get(name).trim();
    if raw.is_empty() {
        return None;
    }
    match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(d) if d > today => {
            errors.push((name.to_owned(), "future_date"));
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            errors.push((name.to_owned(), "invalid_date"));
            None
        }
    }
}

/// `POST /coordinator/people/{id}/readiness`: records the dates (audited).
#[post("/coordinator/people/{id}/readiness")]
pub(super) async fn save_readiness(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    let values = signed.form(&body)?;
    let (p, programme) = participant(&state, &signed, path.into_inner()).await?;
    let today = Utc::now().date_naive();
    let mut errors = Vec::new();
    let dates = ReadinessDates {
        code_of_conduct_signed: date_field(&values, "code_of_conduct_signed", today, &mut errors),
        safeguarding_training: date_field(&values, "safeguarding_training", today, &mut errors),
        first_aid_training: date_field(&values, "first_aid_training", today, &mut errors),
        child_safeguarding_training: date_field(
            &values,
            "child_safeguarding_training",
            today,
            &mut errors,
        ),
        background_check: date_field(&values, "background_check", today, &mut errors),
    };
    if !errors.is_empty() {
        let page = readiness_page(&req, &signed, &p, &values, &errors);
        return Ok(respond(&req, StatusCode::UNPROCESSABLE_ENTITY, lang, &page));
    }
    let s = signed.clone();
    let id = p.id;
    let programme_id = programme.id;
    state
        .db
        .run(move |db| {
            db.write(|c| -> Result<(), DbError> {
                readiness::save(c, id, &dates, Utc::now().naive_utc())?;
                s.audit(
                    c,
                    Some(programme_id),
                    "readiness.update",
                    "participant",
                    Some(id),
                )?;
                Ok(())
            })
        })
        .await
        .at(lang)?;
    Ok(see_other(&format!("/coordinator/people/{id}")))
}
