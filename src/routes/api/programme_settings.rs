//! Programmes through the API, for admins: create one (`POST /api/v1/programmes`) and change its
//! settings (`PATCH /api/v1/programmes/{slug}`). The JSON is turned into the text the admin
//! page's form sends ([`SettingsInput`]) and checked by the same [`ProgrammeSettings::parse`],
//! so the pages and the API keep one set of rules.

use std::collections::BTreeMap;

use actix_web::http::header;
use actix_web::{patch, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

use super::dto::ProgrammeDto;
use super::error::{ApiError, ErrorBody};
use super::participants::parse_object;
use super::Caller;
use crate::accounts::store::CoordinatorRole;
use crate::db::audit::{self, AuditEntry};
use crate::db::programmes::{self, SaveError};
use crate::db::{DbConnection, DbError};
use crate::domain::weights::COMPONENTS;
use crate::domain::{
    Programme, ProgrammeSettings, ProgrammeSlug, SettingsInput, UiLanguage, ValidationErrors,
};
use crate::state::AppState;
use matching::compat::Weights;

/// An area participants choose from.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaInputDto {
    /// Id used in a participant's `area` (lower case letters, digits, `-`); made from the name
    /// when left out.
    #[schema(example = "gohlis")]
    pub id: Option<String>,
    /// Shown name.
    #[schema(example = "Gohlis")]
    pub name: String,
    /// Latitude of its centre.
    #[schema(example = 51.3649)]
    pub lat: f64,
    /// Longitude of its centre.
    #[schema(example = 12.3692)]
    pub lon: f64,
}

/// A programme's names in one interface language; what is left out has no translation there.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NamesInputDto {
    /// The programme's name.
    #[schema(example = "برنامج الرفقة في لايبزيغ")]
    pub name: Option<String>,
    /// Area names by area id.
    pub areas: Option<BTreeMap<String, String>>,
    /// Names of the programme's own interest tags, by tag.
    pub interests: Option<BTreeMap<String, String>>,
}

impl NamesInputDto {
    /// As the form's text for one language (see `Translations`); a value that would break its
    /// line is reported under `translations.<lang>`.
    fn text(&self, lang: &str, problems: &mut ValidationErrors) -> String {
        let mut lines = Vec::new();
        let mut line = |key: String, value: &str| {
            if value.contains(['\n', '\r']) || key.contains(['=', '\n', '\r']) {
                problems.add(format!("translations.{lang}"), "translation_format");
            } else {
                lines.push(format!("{key} = {value}"));
            }
        };
        if let Some(name) = &self.name {
            line("name".to_owned(), name);
        }
        for (id, name) in self.areas.iter().flatten() {
            line(format!("area:{id}"), name);
        }
        for (tag, name) in self.interests.iter().flatten() {
            line(format!("interest:{tag}"), name);
        }
        lines.join("\n")
    }
}

/// A programme's settings. Creating one needs `slug`, `name`, `local_language` and `areas`
/// (the rest has defaults); a change gives only what changes.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeSettingsDto {
    /// Used in URLs; set when creating, never changed.
    #[schema(example = "leipzig")]
    pub slug: Option<String>,
    /// Shown name.
    #[schema(example = "Leipzig buddies")]
    pub name: Option<String>,
    /// The local language (ISO 639-1).
    #[schema(example = "de")]
    pub local_language: Option<String>,
    /// The country of local phone numbers (ISO 3166 alpha-2; empty for none): a number given
    /// without a `+` country code is read as one of its numbers.
    #[schema(example = "DE")]
    pub phone_region: Option<String>,
    /// Areas participants choose from (all of them: the list replaces the current one; an area
    /// participants still use cannot be left out).
    pub areas: Option<Vec<AreaInputDto>>,
    /// The programme's own interest tags, on top of the common list (replaces the current list).
    pub interests: Option<Vec<String>>,
    /// Days between check-ins of a live match.
    #[schema(example = 14)]
    pub checkin_every_days: Option<i64>,
    /// Days to answer an introduction before the one reminder.
    #[schema(example = 7)]
    pub response_days: Option<i64>,
    /// Days an unconfirmed sign-up is kept.
    #[schema(example = 14)]
    pub unconfirmed_days: Option<i64>,
    /// Months personal data is kept after someone left or a match ended.
    #[schema(example = 24)]
    pub retention_months: Option<i64>,
    /// Default score weights by component (`language`, `interests`, `availability`,
    /// `distance`, `reciprocity`, `practice`, `age`); those left out keep their value.
    pub weights: Option<BTreeMap<String, i64>>,
    /// Names of the programme, its areas and its interests by interface language (`en`, `de`,
    /// `fr`, `ar`, `fa`, `uk`). A language given replaces that language's names; languages left
    /// out keep theirs. Pages and emails in a language without a name show the programme's own.
    pub translations: Option<BTreeMap<String, NamesInputDto>>,
}

/// `text` would split into more lines or fields of the form's text than it is.
fn breaks_a_line(text: &str) -> bool {
    text.contains([';', '\n', '\r'])
}

impl ProgrammeSettingsDto {
    /// `input` with the fields given here written over it, as the form would send them; what
    /// cannot be written as form text is added to `problems`.
    fn over(self, mut input: SettingsInput, problems: &mut ValidationErrors) -> SettingsInput {
        let number = |n: i64| n.to_string();
        if let Some(v) = self.name {
            input.name = v;
        }
        if let Some(v) = self.local_language {
            input.local_language = v;
        }
        if let Some(v) = self.phone_region {
            input.phone_region = v;
        }
        if let Some(areas) = self.areas {
            let mut lines = Vec::new();
            for (i, a) in areas.iter().enumerate() {
                if breaks_a_line(&a.name) || a.id.as_deref().is_some_and(breaks_a_line) {
                    problems.add(format!("areas.{i}"), "area_format");
                }
                lines.push(match &a.id {
                    Some(id) => format!("{}; {}; {}; {id}", a.name, a.lat, a.lon),
                    None => format!("{}; {}; {}", a.name, a.lat, a.lon),
                });
            }
            input.areas = lines.join("\n");
        }
        if let Some(tags) = self.interests {
            for (i, t) in tags.iter().enumerate() {
                if t.contains(['\n', '\r']) {
                    problems.add(format!("interests.{i}"), "invalid_interest");
                }
            }
            input.interests = tags.join("\n");
        }
        for (field, value) in [
            (&mut input.checkin_every_days, self.checkin_every_days),
            (&mut input.response_days, self.response_days),
            (&mut input.unconfirmed_days, self.unconfirmed_days),
            (&mut input.retention_months, self.retention_months),
        ] {
            if let Some(v) = value {
                *field = number(v);
            }
        }
        for (component, weight) in self.weights.unwrap_or_default() {
            if COMPONENTS.contains(&component.as_str()) {
                input.weights.retain(|(c, _)| *c != component);
                input.weights.push((component, number(weight)));
            } else {
                problems.add(format!("weights.{component}"), "unknown_component");
            }
        }
        for (code, names) in self.translations.unwrap_or_default() {
            match UiLanguage::parse(&code) {
                Ok(lang) if lang.code() == code => {
                    let text = names.text(&code, problems);
                    input.translations.retain(|(l, _)| *l != lang);
                    input.translations.push((lang, text));
                }
                _ => problems.add(format!("translations.{code}"), "invalid_choice"),
            }
        }
        input
    }
}

/// Only admins create programmes or change their settings.
pub(super) fn require_admin(caller: &Caller) -> Result<(), ApiError> {
    if caller.coordinator().role == CoordinatorRole::Admin {
        Ok(())
    } else {
        Err(ApiError::Forbidden(
            "Only administrators create, change, archive or delete programmes.".to_owned(),
        ))
    }
}

fn audit(
    conn: &mut DbConnection,
    caller: &Caller,
    programme: &Programme,
    action: &str,
) -> Result<(), DbError> {
    audit::record(
        conn,
        &AuditEntry {
            coordinator_id: Some(caller.coordinator().id),
            programme_id: Some(programme.id),
            action,
            subject_type: "programme",
            subject_id: Some(programme.id),
            detail: "api",
        },
        chrono::Utc::now().naive_utc(),
    )
}

/// The problems found before parsing, with those of parsing.
fn invalid(mut found: ValidationErrors, parsed: Option<ValidationErrors>) -> ApiError {
    if let Some(p) = parsed {
        found.errors.extend(p.errors);
    }
    ApiError::from(found)
}

/// Areas or interests participants still use: 409, naming them.
fn still_used(in_use: &programmes::InUse) -> ApiError {
    let areas: Vec<&str> = in_use.areas.iter().map(|(a, _)| a.slug.as_str()).collect();
    let tags: Vec<&str> = in_use.interests.iter().map(|(t, _)| t.as_str()).collect();
    ApiError::Conflict(format!(
        "Participants still use what these settings remove (areas: [{}]; interests: [{}]); \
         change their profiles first.",
        areas.join(", "),
        tags.join(", ")
    ))
}

/// Creates a programme (admins only).
#[utoipa::path(
    post,
    path = "/api/v1/programmes",
    tag = "programmes",
    request_body(content = ProgrammeSettingsDto, description = "The new programme's settings", content_type = "application/json"),
    responses(
        (status = 201, description = "Created", body = ProgrammeDto,
            headers(("Location" = String, description = "URL of the new programme"))),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 409, description = "The slug is taken", body = ErrorBody),
        (status = 422, description = "Invalid fields, wrong types or unknown fields", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[post("/programmes")]
pub async fn create_programme(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let dto: ProgrammeSettingsDto = parse_object(body.into_inner(), "programme settings")?;
    let mut problems = ValidationErrors::default();
    let slug = problems.check(
        "slug",
        ProgrammeSlug::parse(dto.slug.as_deref().unwrap_or("")),
    );
    let input = dto.over(SettingsInput::defaults(), &mut problems);
    let settings = ProgrammeSettings::parse(&input, &Weights::default());
    let (Some(slug), Ok(settings), true) = (slug, &settings, problems.errors.is_empty()) else {
        return Err(invalid(problems, settings.err()));
    };
    let settings = settings.clone();
    let created = state
        .db
        .run(move |db| {
            db.write(|c| -> Result<Programme, SaveError> {
                let now = chrono::Utc::now().naive_utc();
                let p = programmes::create_with_settings(c, &slug, &settings, now)?;
                audit(c, &caller, &p, "programme.create")?;
                Ok(p)
            })
        })
        .await;
    match created {
        Ok(p) => Ok(HttpResponse::Created()
            .insert_header((header::LOCATION, format!("/api/v1/programmes/{}", p.slug)))
            .json(ProgrammeDto::from(&p))),
        Err(SaveError::SlugTaken) => Err(ApiError::Conflict(
            "A programme with this slug already exists.".to_owned(),
        )),
        Err(SaveError::InUse(in_use)) => Err(still_used(&in_use)),
        Err(SaveError::Db(e)) => Err(e.into()),
    }
}

/// Changes a programme's settings (admins only): the fields given replace the current ones.
#[utoipa::path(
    patch,
    path = "/api/v1/programmes/{slug}",
    tag = "programmes",
    params(("slug" = String, Path, description = "Programme slug")),
    request_body(content = ProgrammeSettingsDto, description = "The settings to change", content_type = "application/json"),
    responses(
        (status = 200, description = "The programme as it is now", body = ProgrammeDto),
        (status = 400, description = "Malformed JSON", body = ErrorBody),
        (status = 401, description = "No or invalid token", body = ErrorBody),
        (status = 403, description = "Not an administrator", body = ErrorBody),
        (status = 404, description = "No such programme", body = ErrorBody),
        (status = 409, description = "Participants still use an area or interest the change removes", body = ErrorBody),
        (status = 422, description = "Invalid fields, wrong types or unknown fields", body = ErrorBody),
    ),
    security(("bearer_token" = []))
)]
#[patch("/programmes/{slug}")]
pub async fn change_programme(
    state: web::Data<AppState>,
    caller: Caller,
    slug: web::Path<String>,
    body: web::Json<serde_json::Value>,
) -> Result<HttpResponse, ApiError> {
    require_admin(&caller)?;
    let slug = slug.into_inner();
    let dto: ProgrammeSettingsDto = parse_object(body.into_inner(), "programme settings")?;
    let changed = state
        .db
        .run(move |db| {
            db.write(|c| -> Result<Programme, ApiError> {
                let missing = || ApiError::NotFound(format!("There is no programme `{slug}`."));
                let found = programmes::by_slug(c, &slug)?.ok_or_else(missing)?;
                // The change is built on the settings as they are under the lock, so that two
                // changes at once never write back each other's old values.
                programmes::hold_for_change(c, found.id)?;
                let current = programmes::by_id(c, found.id)?.ok_or_else(missing)?;
                let mut problems = ValidationErrors::default();
                if dto.slug.as_deref().is_some_and(|s| s != current.slug) {
                    problems.add("slug", "cannot_change");
                }
                let base: Weights = serde_json::from_str(&current.weights_json).unwrap_or_default();
                let input = dto.over(SettingsInput::of(&current), &mut problems);
                let settings = match ProgrammeSettings::parse(&input, &base) {
                    Ok(s) if problems.errors.is_empty() => s,
                    parsed => return Err(invalid(problems, parsed.err())),
                };
                let p = match programmes::update_settings(c, &current, &settings) {
                    Ok(p) => p,
                    Err(SaveError::InUse(in_use)) => return Err(still_used(&in_use)),
                    Err(SaveError::SlugTaken) => {
                        return Err(ApiError::Conflict("The slug is taken.".to_owned()))
                    }
                    Err(SaveError::Db(e)) => return Err(e.into()),
                };
                audit(c, &caller, &p, "programme.update")?;
                Ok(p)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(ProgrammeDto::from(&changed)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_settings_become_the_forms_text() {
        let dto = ProgrammeSettingsDto {
            areas: Some(vec![
                AreaInputDto {
                    id: None,
                    name: "Zentrum".into(),
                    lat: 51.34,
                    lon: 12.37,
                },
                AreaInputDto {
                    id: Some("west".into()),
                    name: "Plagwitz; West".into(),
                    lat: 51.32,
                    lon: 12.33,
                },
            ]),
            checkin_every_days: Some(21),
            weights: Some(BTreeMap::from([
                ("language".to_owned(), 40),
                ("luck".to_owned(), 5),
            ])),
            ..ProgrammeSettingsDto::default()
        };
        let mut problems = ValidationErrors::default();
        let input = dto.over(SettingsInput::defaults(), &mut problems);
        assert_eq!(
            input.areas,
            "Zentrum; 51.34; 12.37\nPlagwitz; West; 51.32; 12.33; west"
        );
        assert_eq!(input.checkin_every_days, "21");
        assert_eq!(input.weight("language"), "40");
        let fields: Vec<(&str, &str)> = problems
            .errors
            .iter()
            .map(|e| (e.field.as_str(), e.code))
            .collect();
        assert_eq!(
            fields,
            [
                ("areas.1", "area_format"),
                ("weights.luck", "unknown_component")
            ]
        );
    }
}
