//! Programmes: read by slug, list, create and change (admins), and the demo programme made on
//! first start.

use std::collections::HashMap;

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{participants, programmes};
use super::{DbConnection, DbError};
use crate::domain::programme::{ProgrammeName, Translations};
pub use crate::domain::{Area, Programme};
use crate::domain::{PhoneRegion, ProgrammeSettings, ProgrammeSlug};

#[derive(Queryable, Selectable)]
#[diesel(table_name = programmes)]
struct ProgrammeRow {
    id: i32,
    slug: String,
    name: String,
    local_language: String,
    areas: String,
    interests: String,
    checkin_every_days: i32,
    weights: String,
    response_days: i32,
    unconfirmed_days: i32,
    retention_months: i32,
    archived_at: Option<NaiveDateTime>,
    translations: String,
    phone_region: Option<String>,
}

impl ProgrammeRow {
    fn into_domain(self) -> Result<Programme, DbError> {
        let areas = serde_json::from_str(&self.areas)
            .with_context(|| format!("programme {}: stored areas are not valid JSON", self.slug))?;
        let interests = serde_json::from_str(&self.interests).with_context(|| {
            format!(
                "programme {}: stored interests are not valid JSON",
                self.slug
            )
        })?;
        let translations = serde_json::from_str(&self.translations).with_context(|| {
            format!(
                "programme {}: stored translations are not valid JSON",
                self.slug
            )
        })?;
        Ok(Programme {
            id: self.id,
            slug: self.slug,
            name: self.name,
            local_language: self.local_language,
            areas,
            interests,
            checkin_every_days: self.checkin_every_days,
            response_days: self.response_days,
            unconfirmed_days: self.unconfirmed_days,
            retention_months: self.retention_months,
            weights_json: self.weights,
            archived_at: self.archived_at,
            translations,
            // Checked when saved; a code this build no longer knows reads as none.
            phone_region: self
                .phone_region
                .as_deref()
                .and_then(|r| PhoneRegion::parse(r).ok()),
        })
    }
}

/// A programme to create.
#[derive(Debug, Clone)]
pub struct NewProgramme<'a> {
    /// URL id.
    pub slug: &'a str,
    /// Shown name.
    pub name: &'a str,
    /// Local language code.
    pub local_language: &'a str,
    /// Areas.
    pub areas: &'a [Area],
    /// Extra interest tags.
    pub interests: &'a [String],
}

/// The programme with this slug.
///
/// # Errors
/// A failed query or corrupt stored JSON.
pub fn by_slug(conn: &mut DbConnection, slug: &str) -> Result<Option<Programme>, DbError> {
    programmes::table
        .filter(programmes::slug.eq(slug))
        .select(ProgrammeRow::as_select())
        .first(conn)
        .optional()?
        .map(ProgrammeRow::into_domain)
        .transpose()
}

/// The programme with this id.
///
/// # Errors
/// A failed query or corrupt stored JSON.
pub fn by_id(conn: &mut DbConnection, id: i32) -> Result<Option<Programme>, DbError> {
    programmes::table
        .find(id)
        .select(ProgrammeRow::as_select())
        .first(conn)
        .optional()?
        .map(ProgrammeRow::into_domain)
        .transpose()
}

/// A programme's name and days to answer an introduction (without parsing its settings).
///
/// # Errors
/// A failed query.
pub fn name_and_response_days(
    conn: &mut DbConnection,
    id: i32,
) -> Result<Option<(ProgrammeName, i32)>, DbError> {
    let row: Option<(String, String, i32)> = programmes::table
        .find(id)
        .select((
            programmes::name,
            programmes::translations,
            programmes::response_days,
        ))
        .first(conn)
        .optional()
        .with_context(|| format!("reading programme {id}"))?;
    let Some((own, translations, days)) = row else {
        return Ok(None);
    };
    let translations: Translations = serde_json::from_str(&translations)
        .with_context(|| format!("programme {id}: stored translations are not valid JSON"))?;
    Ok(Some((
        ProgrammeName {
            own,
            translated: translations.name,
        },
        days,
    )))
}

/// Every programme, by slug.
///
/// # Errors
/// A failed query or corrupt stored JSON.
pub fn list(conn: &mut DbConnection) -> Result<Vec<Programme>, DbError> {
    programmes::table
        .order(programmes::slug.asc())
        .select(ProgrammeRow::as_select())
        .load(conn)?
        .into_iter()
        .map(ProgrammeRow::into_domain)
        .collect()
}

/// Creates a programme and returns it.
///
/// # Errors
/// A failed insert (e.g. the slug exists).
pub fn create(conn: &mut DbConnection, new: &NewProgramme<'_>) -> Result<Programme, DbError> {
    let areas = serde_json::to_string(new.areas).context("serialising areas")?;
    let interests = serde_json::to_string(new.interests).context("serialising interests")?;
    diesel::insert_into(programmes::table)
        .values((
            programmes::slug.eq(new.slug),
            programmes::name.eq(new.name),
            programmes::local_language.eq(new.local_language),
            programmes::areas.eq(areas),
            programmes::interests.eq(interests),
            programmes::checkin_every_days.eq(14),
            programmes::weights.eq("{}"),
            programmes::created_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    by_slug(conn, new.slug)?
        .ok_or_else(|| DbError::Unexpected(anyhow::anyhow!("programme vanished after insert")))
}

/// Why a programme's settings were not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Another programme has this slug.
    #[error("a programme with this slug already exists")]
    SlugTaken,
    /// Participants still use areas or interest tags the settings remove.
    #[error("participants still use areas or interest tags these settings remove")]
    InUse(InUse),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for SaveError {
    fn from(e: diesel::result::Error) -> Self {
        Self::Db(DbError::Query(e))
    }
}

/// Areas and interest tags that participants still use, each with how many participants.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InUse {
    /// Areas, in the programme's order.
    pub areas: Vec<(Area, i64)>,
    /// Interest tags, in the programme's order.
    pub interests: Vec<(String, i64)>,
}

impl InUse {
    /// Whether nothing is in use.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.areas.is_empty() && self.interests.is_empty()
    }
}

/// The stored JSON of the settings' areas, interests and weights.
/// A programme's settings as stored JSON.
struct SettingsJson {
    areas: String,
    interests: String,
    weights: String,
    translations: String,
}

fn settings_json(settings: &ProgrammeSettings) -> Result<SettingsJson, DbError> {
    Ok(SettingsJson {
        areas: serde_json::to_string(settings.areas()).context("serialising areas")?,
        interests: serde_json::to_string(settings.interests()).context("serialising interests")?,
        weights: serde_json::to_string(settings.weights()).context("serialising weights")?,
        translations: serde_json::to_string(settings.translations())
            .context("serialising translations")?,
    })
}

fn is_unique_violation(e: &diesel::result::Error) -> bool {
    super::Refusal::of(e) == Some(super::Refusal::Duplicate)
}

/// Creates a programme with all its settings (run it inside [`super::Db::write`]).
///
/// # Errors
/// [`SaveError::SlugTaken`] when the slug exists (also when another instance created it at
/// the same moment), or a failed query.
pub fn create_with_settings(
    conn: &mut DbConnection,
    slug: &ProgrammeSlug,
    settings: &ProgrammeSettings,
    now: NaiveDateTime,
) -> Result<Programme, SaveError> {
    if by_slug(conn, slug.as_str())?.is_some() {
        return Err(SaveError::SlugTaken);
    }
    let json = settings_json(settings)?;
    diesel::insert_into(programmes::table)
        .values((
            programmes::slug.eq(slug.as_str()),
            programmes::name.eq(settings.name()),
            programmes::local_language.eq(settings.local_language().as_str()),
            programmes::areas.eq(&json.areas),
            programmes::interests.eq(&json.interests),
            programmes::checkin_every_days.eq(settings.checkin_every_days()),
            programmes::response_days.eq(settings.response_days()),
            programmes::unconfirmed_days.eq(settings.unconfirmed_days()),
            programmes::retention_months.eq(settings.retention_months()),
            programmes::weights.eq(&json.weights),
            programmes::translations.eq(&json.translations),
            programmes::phone_region.eq(settings.phone_region().map(|r| r.code().to_owned())),
            programmes::created_at.eq(now),
        ))
        .execute(conn)
        .map_err(|e| {
            if is_unique_violation(&e) {
                SaveError::SlugTaken
            } else {
                e.into()
            }
        })?;
    by_slug(conn, slug.as_str())?.ok_or_else(|| {
        SaveError::Db(DbError::Unexpected(anyhow::anyhow!(
            "programme vanished after insert"
        )))
    })
}

/// How many participants of the programme use each of `areas` (by id), and each of the
/// interest tags `tags`; unused ones are left out.
///
/// # Errors
/// A failed query or corrupt stored interests.
pub fn usage(
    conn: &mut DbConnection,
    programme_id: i32,
    areas: &[&Area],
    tags: &[&String],
) -> Result<InUse, DbError> {
    let mut out = InUse::default();
    if !areas.is_empty() {
        let slugs: Vec<&str> = areas.iter().map(|a| a.slug.as_str()).collect();
        let counts: HashMap<Option<String>, i64> = participants::table
            .filter(participants::programme_id.eq(programme_id))
            .filter(participants::area.eq_any(&slugs))
            .group_by(participants::area)
            .select((participants::area, diesel::dsl::count_star()))
            .load::<(Option<String>, i64)>(conn)?
            .into_iter()
            .collect();
        out.areas = areas
            .iter()
            .filter_map(|a| {
                counts
                    .get(&Some(a.slug.clone()))
                    .map(|n| ((*a).clone(), *n))
            })
            .collect();
    }
    for tag in tags {
        // LIKE narrows the rows down (its `_` and case rules only widen the match); the JSON
        // decides.
        let lists: Vec<String> = participants::table
            .filter(participants::programme_id.eq(programme_id))
            .filter(participants::interests.like(format!("%\"{tag}\"%")))
            .select(participants::interests)
            .load(conn)?;
        let mut n = 0_i64;
        for list in lists {
            let list: Vec<String> =
                serde_json::from_str(&list).context("stored interests are not valid JSON")?;
            if list.iter().any(|t| t == *tag) {
                n += 1;
            }
        }
        if n > 0 {
            out.interests.push(((*tag).clone(), n));
        }
    }
    Ok(out)
}

/// Replaces the settings of `current` (its slug stays), unless participants still use an area
/// or an interest tag the new settings leave out (run it inside [`super::Db::write`]).
///
/// # Errors
/// [`SaveError::InUse`] with what is still used, or a failed query.
pub fn update_settings(
    conn: &mut DbConnection,
    current: &Programme,
    settings: &ProgrammeSettings,
) -> Result<Programme, SaveError> {
    // Sign-ups in flight hold the row (see `intake_now`): wait for them to commit, so that the
    // areas still in use below include theirs; later ones wait for this change instead.
    hold_for_change(conn, current.id)?;
    let current = &by_id(conn, current.id)?.ok_or_else(|| {
        SaveError::Db(DbError::Unexpected(anyhow::anyhow!(
            "programme {} vanished",
            current.id
        )))
    })?;
    let in_use = usage(
        conn,
        current.id,
        &settings.removed_areas(current),
        &settings.removed_interests(current),
    )?;
    if !in_use.is_empty() {
        return Err(SaveError::InUse(in_use));
    }
    let json = settings_json(settings)?;
    diesel::update(programmes::table.find(current.id))
        .set((
            programmes::name.eq(settings.name()),
            programmes::local_language.eq(settings.local_language().as_str()),
            programmes::areas.eq(&json.areas),
            programmes::interests.eq(&json.interests),
            programmes::checkin_every_days.eq(settings.checkin_every_days()),
            programmes::response_days.eq(settings.response_days()),
            programmes::unconfirmed_days.eq(settings.unconfirmed_days()),
            programmes::retention_months.eq(settings.retention_months()),
            programmes::weights.eq(&json.weights),
            programmes::translations.eq(&json.translations),
            programmes::phone_region.eq(settings.phone_region().map(|r| r.code().to_owned())),
        ))
        .execute(conn)?;
    by_id(conn, current.id)?.ok_or_else(|| {
        SaveError::Db(DbError::Unexpected(anyhow::anyhow!(
            "programme vanished after update"
        )))
    })
}

/// Whether a programme takes new participants now, and its areas as stored now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intake {
    /// Archived: no one joins any more.
    pub closed: bool,
    /// The area ids people may choose.
    pub areas: Vec<String>,
}

/// Whether the programme takes new participants and its area ids, as stored now; on PostgreSQL
/// the row is held (`FOR SHARE`) until the caller's transaction ends, so an admin's settings
/// change or archiving ([`hold_for_change`], `FOR NO KEY UPDATE`) waits for the caller and the
/// caller waits for a change under way. The two locks conflict with each other but not with the
/// `FOR KEY SHARE` every row referring to the programme takes, so stage changes and audit
/// entries never wait for a settings change. SQLite's writers take turns, so a plain read is
/// enough there.
///
/// # Errors
/// A failed query, corrupt stored areas, or no such programme.
pub fn intake_now(conn: &mut DbConnection, programme_id: i32) -> Result<Intake, DbError> {
    let query = programmes::table
        .find(programme_id)
        .select((programmes::areas, programmes::archived_at));
    let (json, archived_at): (String, Option<NaiveDateTime>) = match conn {
        DbConnection::Postgresql(c) => query.for_share().first(c),
        DbConnection::Sqlite(c) => query.first(c),
    }
    .with_context(|| format!("reading the areas of programme {programme_id}"))?;
    let areas: Vec<Area> =
        serde_json::from_str(&json).context("stored areas are not valid JSON")?;
    Ok(Intake {
        closed: archived_at.is_some(),
        areas: areas.into_iter().map(|a| a.slug).collect(),
    })
}

/// Holds the programme row for a change of its settings or state until the transaction ends
/// (PostgreSQL `FOR NO KEY UPDATE`; SQLite's writers take turns).
///
/// # Errors
/// A failed query.
pub fn hold_for_change(conn: &mut DbConnection, programme_id: i32) -> Result<(), DbError> {
    if let DbConnection::Postgresql(c) = conn {
        programmes::table
            .find(programme_id)
            .select(programmes::id)
            .for_no_key_update()
            .first::<i32>(c)
            .optional()
            .with_context(|| format!("holding programme {programme_id} for a change"))?;
    }
    Ok(())
}

/// How many participants each programme has (programmes without any are left out).
///
/// # Errors
/// A failed query.
pub fn participant_counts(conn: &mut DbConnection) -> Result<HashMap<i32, i64>, DbError> {
    Ok(participants::table
        .group_by(participants::programme_id)
        .select((participants::programme_id, diesel::dsl::count_star()))
        .load::<(i32, i64)>(conn)?
        .into_iter()
        .collect())
}

/// Districts of a mid-sized German city (Leipzig), for the demo programme.
#[must_use]
pub fn demo_areas() -> Vec<Area> {
    [
        ("zentrum", "Zentrum", 51.3397, 12.3731),
        ("gohlis", "Gohlis", 51.3649, 12.3692),
        ("connewitz", "Connewitz", 51.3076, 12.3840),
        ("plagwitz", "Plagwitz", 51.3283, 12.3337),
        ("gruenau", "Grünau", 51.3200, 12.2870),
        ("reudnitz", "Reudnitz", 51.3382, 12.4050),
        ("paunsdorf", "Paunsdorf", 51.3480, 12.4480),
        ("schoenefeld", "Schönefeld", 51.3620, 12.4150),
        ("lindenau", "Lindenau", 51.3390, 12.3310),
        ("probstheida", "Probstheida", 51.3110, 12.4200),
    ]
    .into_iter()
    .map(|(slug, name, lat, lon)| Area {
        slug: slug.into(),
        name: name.into(),
        lat,
        lon,
    })
    .collect()
}

/// Creates the demo programme `slug` (German-speaking city, its districts) unless it exists.
///
/// # Errors
/// A failed query.
pub fn ensure_demo(conn: &mut DbConnection, slug: &str) -> Result<Programme, DbError> {
    if let Some(p) = by_slug(conn, slug)? {
        return Ok(p);
    }
    let areas = demo_areas();
    let new = NewProgramme {
        slug,
        name: "Buddy programme (demo)",
        local_language: "de",
        areas: &areas,
        interests: &["allotment_gardening".to_owned(), "repair_cafe".to_owned()],
    };
    match create(conn, &new) {
        // Another instance created it at the same moment: use theirs.
        Err(e) if e.is_unique_violation() => by_slug(conn, slug)?
            .ok_or_else(|| DbError::Unexpected(anyhow::anyhow!("demo programme vanished"))),
        Ok(p) => {
            // A German city: local numbers such as 0341 1234567 are German ones.
            diesel::update(programmes::table.find(p.id))
                .set(programmes::phone_region.eq("DE"))
                .execute(conn)?;
            by_id(conn, p.id)?
                .ok_or_else(|| DbError::Unexpected(anyhow::anyhow!("demo programme vanished")))
        }
        Err(e) => Err(e),
    }
}
