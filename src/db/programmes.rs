//! Programmes: read by slug, list, and the demo programme made on first start.

use anyhow::Context;
use diesel::prelude::*;

use super::schema::programmes;
use super::{DbConnection, DbError};
pub use crate::domain::{Area, Programme};

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
        Ok(Programme {
            id: self.id,
            slug: self.slug,
            name: self.name,
            local_language: self.local_language,
            areas,
            interests,
            checkin_every_days: self.checkin_every_days,
            weights_json: self.weights,
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
        Err(DbError::Query(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ))) => by_slug(conn, slug)?
            .ok_or_else(|| DbError::Unexpected(anyhow::anyhow!("demo programme vanished"))),
        other => other,
    }
}
