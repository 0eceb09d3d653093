//! Admin pages for programmes:
//!
//! - `GET /coordinator/programmes`: every programme with its local language, number of
//!   participants, and links to its people, matching runs, settings and public sign-up form;
//! - `GET|POST /coordinator/programmes/new`: create one (the slug is fixed from then on);
//! - `GET|POST /coordinator/programmes/{slug}/settings`: name, local language, areas, extra
//!   interests, check-in rhythm, days to answer an introduction, default score weights, and
//!   the names of the programme, its areas and interests in each interface language;
//! - archiving, reopening and deleting live in `programme_archive`.
//!
//! Admins only (403 otherwise). Bad input gives 422 with the form as sent and a message at each
//! field; nothing is stored. An area or interest tag that participants still use cannot be
//! removed. Creating and changing are written to the audit log (`programme.create`,
//! `programme.update`).

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::Utc;
use matching::compat::Weights;

use super::form::error_text;
use super::frame;
use super::programme_by_slug;
use super::review::WEIGHT_FIELDS;
use super::{
    query_pairs, respond, see_other, At, CoordError, Field, FormPage, Nav, PageError, Section,
    Signed, Values,
};
use crate::db::programmes::{self, InUse, SaveError};
use crate::domain::programme::{CHECKIN_DAYS, RESPONSE_DAYS, RETENTION_MONTHS, UNCONFIRMED_DAYS};
use crate::domain::weights::MAX_WEIGHT;
use crate::domain::{
    Programme, ProgrammeSettings, ProgrammeSlug, SettingsInput, UiLanguage, ValidationErrors,
};
use crate::i18n;
use crate::routes::pages::PageCtx;
use crate::state::AppState;

mod names;

pub(super) fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(list_page)
        .service(new_form)
        .service(create)
        .service(settings_form)
        .service(save_settings);
}

// ---------------------------------------------------------------------------------------------
// The list

/// One programme in the list.
struct Row {
    slug: String,
    name: String,
    language: String,
    participants: i64,
    /// Taking sign-ups (not archived).
    open: bool,
    /// "Open" or "Archived".
    state: String,
}

/// The programmes page.
#[derive(Template)]
#[template(path = "coordinator/programmes.html")]
struct ListPage {
    page: PageCtx,
    nav: Option<Nav>,
    notice: Option<String>,
    rows: Vec<Row>,
}

/// `GET /coordinator/programmes` (admins only).
#[get("/coordinator/programmes")]
async fn list_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    signed.require_admin()?;
    let (all, counts) = state
        .db
        .run(|db| -> Result<_, CoordError> {
            let mut conn = db.get()?;
            Ok((
                programmes::list(&mut conn)?,
                programmes::participant_counts(&mut conn)?,
            ))
        })
        .await
        .at(lang)?;
    let notice = match Values(query_pairs(&req)).get("notice") {
        "created" => Some(i18n::t(lang, "prog-notice-created")),
        "deleted" => Some(i18n::t(lang, "prog-notice-deleted")),
        _ => None,
    };
    let page = ListPage {
        page: frame(&req, lang, i18n::t(lang, "prog-list-title")),
        nav: Some(signed.nav()),
        notice,
        rows: all
            .into_iter()
            .map(|p| Row {
                participants: counts.get(&p.id).copied().unwrap_or(0),
                open: p.is_open(),
                state: i18n::t(
                    lang,
                    if p.is_open() {
                        "prog-state-open"
                    } else {
                        "prog-state-archived"
                    },
                ),
                language: i18n::language_name(lang, &p.local_language),
                slug: p.slug,
                name: p.name,
            })
            .collect(),
    };
    Ok(respond(&req, StatusCode::OK, lang, &page))
}

// ---------------------------------------------------------------------------------------------
// The form

/// The form's values as settings text (names in other languages that the form did not send
/// are `current`'s).
fn input_of(values: &Values, current: Option<&Programme>) -> SettingsInput {
    SettingsInput {
        translations: names::input(values, current),
        name: values.get("name").to_owned(),
        local_language: values.get("local_language").to_owned(),
        areas: values.get("areas").to_owned(),
        interests: values.get("interests").to_owned(),
        checkin_every_days: values.get("checkin_every_days").to_owned(),
        response_days: values.get("response_days").to_owned(),
        unconfirmed_days: values.get("unconfirmed_days").to_owned(),
        retention_months: values.get("retention_months").to_owned(),
        phone_region: values.get("phone_region").to_owned(),
        weights: WEIGHT_FIELDS
            .iter()
            .map(|(c, _)| {
                (
                    (*c).to_owned(),
                    values.get(&format!("weight_{c}")).to_owned(),
                )
            })
            .collect(),
    }
}

/// The message for a problem with `field`.
fn message(lang: UiLanguage, field: &str, code: &str) -> String {
    let days = |range: &std::ops::RangeInclusive<i32>| {
        i18n::t_args(
            lang,
            "prog-error-days",
            &[
                ("min", &range.start().to_string()),
                ("max", &range.end().to_string()),
            ],
        )
    };
    match (field, code) {
        ("checkin_every_days", _) => days(&CHECKIN_DAYS),
        ("response_days", _) => days(&RESPONSE_DAYS),
        ("unconfirmed_days", _) => days(&UNCONFIRMED_DAYS),
        ("retention_months", _) => i18n::t_args(
            lang,
            "prog-error-months",
            &[
                ("min", &RETENTION_MONTHS.start().to_string()),
                ("max", &RETENTION_MONTHS.end().to_string()),
            ],
        ),
        ("local_language", "invalid_choice") => i18n::t(lang, "prog-error-language"),
        (f, _) if f.starts_with("weights.") => i18n::t_args(
            lang,
            "prog-error-weight",
            &[("max", &MAX_WEIGHT.to_string())],
        ),
        _ => {
            let own = format!("prog-error-{}", code.replace('_', "-"));
            if i18n::has(lang, &own) {
                i18n::t(lang, &own)
            } else {
                error_text(lang, code)
            }
        }
    }
}

/// Every message for a list field (`areas` or `interests`): its own, then one per line.
fn list_messages(lang: UiLanguage, errors: &ValidationErrors, field: &str) -> Vec<String> {
    let prefix = format!("{field}.");
    errors
        .errors
        .iter()
        .filter_map(|e| {
            if e.field == field {
                Some(message(lang, field, e.code))
            } else {
                let line: usize = e.field.strip_prefix(&prefix)?.parse().ok()?;
                Some(i18n::t_args(
                    lang,
                    "prog-error-line",
                    &[
                        ("line", &(line + 1).to_string()),
                        ("message", &message(lang, field, e.code)),
                    ],
                ))
            }
        })
        .collect()
}

fn joined(messages: Vec<String>) -> Option<String> {
    (!messages.is_empty()).then(|| messages.join(" "))
}

/// What the form shows besides the values.
struct Problems<'a> {
    errors: &'a ValidationErrors,
    in_use: &'a InUse,
}

/// The create (`current` is `None`) or settings form.
fn settings_page(
    req: &HttpRequest,
    signed: &Signed,
    current: Option<&Programme>,
    slug: &str,
    input: &SettingsInput,
    problems: &Problems<'_>,
) -> FormPage {
    let lang = signed.lang;
    let t = |id: &str| i18n::t(lang, id);
    let errors = problems.errors;
    let field_error = |name: &str| {
        joined(
            errors
                .errors
                .iter()
                .filter(|e| e.field == name)
                .map(|e| message(lang, name, e.code))
                .collect(),
        )
    };
    let (heading, action) = match current {
        None => (
            t("prog-new-title"),
            "/coordinator/programmes/new".to_owned(),
        ),
        Some(p) => (
            i18n::t_args(lang, "prog-settings-title", &[("programme", &p.name)]),
            format!("/coordinator/programmes/{}/settings", p.slug),
        ),
    };
    let mut page = FormPage::new(
        frame(req, lang, heading.clone()),
        heading,
        action,
        signed.csrf.clone(),
    );
    page.nav = Some(signed.nav());

    let mut about = Vec::new();
    match current {
        None => {
            page.intro.push(t("prog-new-intro"));
            let mut f = Field::input("text", "slug", t("prog-field-slug"), slug)
                .required()
                .hint(t("prog-slug-hint"));
            f.error = field_error("slug");
            about.push(f);
        }
        Some(p) => page.intro.push(i18n::t_args(
            lang,
            "prog-settings-intro",
            &[
                ("slug", &p.slug),
                ("link", &format!("/signup?programme={}", p.slug)),
            ],
        )),
    }
    let mut name = Field::input("text", "name", t("prog-field-name"), &input.name).required();
    name.error = field_error("name");
    about.push(name);
    let mut language = Field::input(
        "text",
        "local_language",
        t("prog-field-local-language"),
        &input.local_language,
    )
    .required()
    .hint(t("prog-local-language-hint"));
    language.error = field_error("local_language");
    about.push(language);
    let mut phone_region = Field::input(
        "text",
        "phone_region",
        t("prog-field-phone-region"),
        &input.phone_region,
    )
    .hint(t("prog-phone-region-hint"));
    phone_region.error = field_error("phone_region");
    about.push(phone_region);

    let mut area_messages = list_messages(lang, errors, "areas");
    area_messages.extend(problems.in_use.areas.iter().map(|(a, n)| {
        i18n::t_args(
            lang,
            "prog-error-area-in-use",
            &[
                ("area", &a.name),
                ("count", &n.to_string()),
                ("id", &a.slug),
            ],
        )
    }));
    let mut areas = Field::textarea("areas", t("prog-field-areas"), &input.areas)
        .required()
        .hint(t("prog-areas-hint"));
    areas.error = joined(area_messages);
    let mut interest_messages = list_messages(lang, errors, "interests");
    interest_messages.extend(problems.in_use.interests.iter().map(|(tag, n)| {
        i18n::t_args(
            lang,
            "prog-error-interest-in-use",
            &[
                ("interest", &i18n::interest_name(lang, tag)),
                ("count", &n.to_string()),
            ],
        )
    }));
    let mut interests = Field::textarea("interests", t("prog-field-interests"), &input.interests)
        .hint(t("prog-interests-hint"));
    interests.error = joined(interest_messages);

    let mut checkin = Field::number(
        "checkin_every_days",
        t("prog-field-checkin-days"),
        &input.checkin_every_days,
    )
    .required()
    .hint(t("prog-checkin-hint"));
    checkin.error = field_error("checkin_every_days");
    let mut response = Field::number(
        "response_days",
        t("prog-field-response-days"),
        &input.response_days,
    )
    .required()
    .hint(t("prog-response-hint"));
    response.error = field_error("response_days");
    let mut unconfirmed = Field::number(
        "unconfirmed_days",
        t("prog-field-unconfirmed-days"),
        &input.unconfirmed_days,
    )
    .required()
    .hint(t("prog-unconfirmed-hint"));
    unconfirmed.error = field_error("unconfirmed_days");
    let mut retention = Field::number(
        "retention_months",
        t("prog-field-retention-months"),
        &input.retention_months,
    )
    .required()
    .hint(t("prog-retention-hint"));
    retention.error = field_error("retention_months");

    let weights = WEIGHT_FIELDS
        .iter()
        .enumerate()
        .map(|(i, (c, key))| {
            let mut f = Field::number(&format!("weight_{c}"), t(key), input.weight(c));
            if i == 0 {
                f = f.hint(t("prog-weights-hint"));
            }
            f.error = field_error(&format!("weights.{c}"));
            f
        })
        .collect();

    page.sections = vec![
        Section {
            title: Some(t("prog-section-programme")),
            fields: about,
        },
        Section {
            title: Some(t("prog-section-areas")),
            fields: vec![areas, interests],
        },
        Section {
            title: Some(t("prog-section-follow-up")),
            fields: vec![checkin, response],
        },
        Section {
            title: Some(t("prog-section-data")),
            fields: vec![unconfirmed, retention],
        },
        Section {
            title: Some(t("prog-section-weights")),
            fields: weights,
        },
        names::section(lang, input, errors, |field, code| {
            message(lang, field, code)
        }),
    ];
    page.submit = t(if current.is_some() {
        "prog-save"
    } else {
        "prog-create"
    });
    page.back = Some(("/coordinator/programmes".to_owned(), t("prog-back")));
    page.summarise();
    page
}

const NO_PROBLEMS: Problems<'static> = Problems {
    errors: &ValidationErrors { errors: Vec::new() },
    in_use: &InUse {
        areas: Vec::new(),
        interests: Vec::new(),
    },
};

/// `GET /coordinator/programmes/new` (admins only): the empty form, defaults filled in.
#[get("/coordinator/programmes/new")]
async fn new_form(req: HttpRequest, signed: Signed) -> Result<HttpResponse, PageError> {
    signed.require_admin()?;
    let page = settings_page(
        &req,
        &signed,
        None,
        "",
        &SettingsInput::defaults(),
        &NO_PROBLEMS,
    );
    Ok(respond(&req, StatusCode::OK, signed.lang, &page))
}

/// `POST /coordinator/programmes/new`: creates the programme -> the list (422 with the form
/// kept on bad input or a slug in use).
#[post("/coordinator/programmes/new")]
async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    signed.require_admin()?;
    let values = signed.form(&body)?;
    let input = input_of(&values, None);
    let slug_text = values.get("slug");
    let mut errors = ValidationErrors::default();
    let slug = errors.check("slug", ProgrammeSlug::parse(slug_text));
    let settings = ProgrammeSettings::parse(&input, &Weights::default())
        .map_err(|e| errors.errors.extend(e.errors))
        .ok();
    let refuse = |errors: &ValidationErrors| {
        let problems = Problems {
            errors,
            in_use: &InUse::default(),
        };
        let page = settings_page(&req, &signed, None, slug_text, &input, &problems);
        Ok(respond(&req, StatusCode::UNPROCESSABLE_ENTITY, lang, &page))
    };
    let (Some(slug), Some(settings)) = (slug, settings) else {
        // Every problem at once: also say when the slug is taken.
        if let Ok(slug) = ProgrammeSlug::parse(slug_text) {
            let taken = state
                .db
                .run(move |db| programmes::by_slug(&mut *db.get()?, slug.as_str()))
                .await
                .at(lang)?
                .is_some();
            if taken {
                errors.add("slug", "slug_taken");
            }
        }
        return refuse(&errors);
    };
    let s = signed.clone();
    let created = state
        .db
        .run(move |db| {
            db.write(|c| -> Result<Programme, SaveError> {
                let p =
                    programmes::create_with_settings(c, &slug, &settings, Utc::now().naive_utc())?;
                s.audit(c, Some(p.id), "programme.create", "programme", Some(p.id))?;
                Ok(p)
            })
        })
        .await;
    match created {
        Ok(_) => Ok(see_other("/coordinator/programmes?notice=created")),
        Err(SaveError::SlugTaken) => {
            errors.add("slug", "slug_taken");
            refuse(&errors)
        }
        Err(SaveError::Db(e)) => Err(PageError::new(lang, CoordError::Db(e))),
        Err(e @ SaveError::InUse(_)) => Err(PageError::new(
            lang,
            CoordError::Unexpected(anyhow::Error::new(e)),
        )),
    }
}

/// `GET /coordinator/programmes/{slug}/settings` (admins only): the current settings.
#[get("/coordinator/programmes/{slug}/settings")]
async fn settings_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    signed.require_admin()?;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let mut page = settings_page(
        &req,
        &signed,
        Some(&programme),
        &programme.slug,
        &SettingsInput::of(&programme),
        &NO_PROBLEMS,
    );
    if Values(query_pairs(&req)).get("notice") == "saved" {
        page.notice = Some(i18n::t(signed.lang, "prog-notice-saved"));
    }
    Ok(respond(&req, StatusCode::OK, signed.lang, &page))
}

/// `POST /coordinator/programmes/{slug}/settings`: saves -> the settings page (422 with the
/// form kept on bad input or when an area or interest still in use would be removed).
#[post("/coordinator/programmes/{slug}/settings")]
async fn save_settings(
    req: HttpRequest,
    state: web::Data<AppState>,
    signed: Signed,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PageError> {
    let lang = signed.lang;
    signed.require_admin()?;
    let values = signed.form(&body)?;
    let programme = programme_by_slug(&state, &signed, path.into_inner()).await?;
    let input = input_of(&values, Some(&programme));
    let base: Weights = serde_json::from_str(&programme.weights_json).unwrap_or_default();
    let refuse = |errors: &ValidationErrors, in_use: &InUse| {
        let problems = Problems { errors, in_use };
        let page = settings_page(
            &req,
            &signed,
            Some(&programme),
            &programme.slug,
            &input,
            &problems,
        );
        Ok(respond(&req, StatusCode::UNPROCESSABLE_ENTITY, lang, &page))
    };
    let settings = match ProgrammeSettings::parse(&input, &base) {
        Ok(s) => s,
        Err(errors) => return refuse(&errors, &InUse::default()),
    };
    let s = signed.clone();
    let slug = programme.slug.clone();
    let saved = state
        .db
        .run(move |db| {
            db.write(|c| -> Result<Option<Programme>, SaveError> {
                // Read again in the transaction: the areas in use are checked against what is
                // stored now.
                let Some(current) = programmes::by_slug(c, &slug)? else {
                    return Ok(None);
                };
                let p = programmes::update_settings(c, &current, &settings)?;
                s.audit(c, Some(p.id), "programme.update", "programme", Some(p.id))?;
                Ok(Some(p))
            })
        })
        .await;
    match saved {
        Ok(Some(p)) => Ok(see_other(&format!(
            "/coordinator/programmes/{}/settings?notice=saved",
            p.slug
        ))),
        Ok(None) => Err(PageError::new(lang, CoordError::NotFound)),
        Err(SaveError::InUse(in_use)) => refuse(&ValidationErrors::default(), &in_use),
        Err(SaveError::Db(e)) => Err(PageError::new(lang, CoordError::Db(e))),
        Err(e @ SaveError::SlugTaken) => Err(PageError::new(
            lang,
            CoordError::Unexpected(anyhow::Error::new(e)),
        )),
    }
}

#[cfg(test)]
mod tests;
