//! Stored participants -> the matching core's feature records. The only place that knows both
//! the database row and `matching::compat`.

use chrono::{Datelike, NaiveDateTime};
use matching::compat::{Buddy, FeatureError, Household, Preferences, Profile, Seeker};
use serde::de::DeserializeOwned;

use crate::db::participants::Participant;
use crate::db::DbError;
use crate::domain::{Availability, Gender, LanguageCode, Programme};

/// Why a stored profile could not be turned into features (only corrupt data can cause this:
/// profiles are validated before they are stored).
#[derive(Debug, thiserror::Error)]
pub enum FeaturesError {
    /// A stored value the core does not accept.
    #[error("participant {id}: {source}")]
    Feature {
        /// The participant.
        id: i32,
        /// What the core said.
        source: FeatureError,
    },
    /// Corrupt stored JSON.
    #[error(transparent)]
    Db(#[from] DbError),
}

/// A stored JSON column read straight into the core's type (a list of strings, of language
/// codes, a domain set).
fn list<T: DeserializeOwned>(p: &Participant, json: &str, what: &str) -> Result<T, FeaturesError> {
    serde_json::from_str(json).map_err(|e| {
        FeaturesError::Db(DbError::Unexpected(anyhow::anyhow!(
            "participant {}: {what}: {e}",
            p.id
        )))
    })
}

fn to_u8(v: i32) -> u8 {
    u8::try_from(v.clamp(0, 255)).unwrap_or(u8::MAX)
}

/// The profile part shared by seekers and buddies.
///
/// # Errors
/// Corrupt stored data.
pub fn profile(
    p: &Participant,
    programme: &Programme,
    now: NaiveDateTime,
) -> Result<Profile, FeaturesError> {
    let feature = |source| FeaturesError::Feature { id: p.id, source };
    let mut profile = Profile::new();
    for l in p.spoken_languages()? {
        profile = profile.speaks_lang(l.code, l.level);
    }
    let practise: Vec<LanguageCode> = list(p, &p.practise_languages, "practise_languages")?;
    for lang in practise {
        profile = profile.practises_lang(lang);
    }
    let interests: Vec<String> = list(p, &p.interests, "interests")?;
    profile = profile
        .interests(interests)
        .availability(Availability::from_bits(
            u32::try_from(p.availability).unwrap_or(0),
        ))
        .max_travel_km(u16::try_from(p.max_travel_km.clamp(0, i32::from(u16::MAX))).unwrap_or(0))
        .online_ok(p.online_ok);
    if let Some(slug) = &p.area {
        profile = profile.area(slug.clone());
        if let Some(area) = programme.area(slug) {
            profile = profile.coords(area.lat, area.lon).map_err(feature)?;
        }
    }
    if let Some(year) = p.birth_year {
        profile = profile.age(to_u8(now.year() - year));
    }
    if p.household_children > 0 {
        profile = profile.household(Household::Family {
            children: to_u8(p.household_children),
        });
    }
    if let Some(g) = &p.gender {
        profile = profile.gender(Gender::parse(g).map_err(feature)?);
    }
    let preferences = Preferences {
        gender: p
            .pref_buddy_gender
            .as_deref()
            .map(Gender::parse)
            .transpose()
            .map_err(feature)?,
        family: p.pref_family,
        age_range: match (p.pref_age_min, p.pref_age_max) {
            (None, None) => None,
            (lo, hi) => Some((to_u8(lo.unwrap_or(0)), to_u8(hi.unwrap_or(120)))),
        },
        outside_language_community: p.pref_outside_language_community,
    };
    profile = profile.preferences(preferences);
    profile.shares = list(p, &p.share_domains, "share_domains")?;
    profile.learns = list(p, &p.learn_domains, "learn_domains")?;
    Ok(profile)
}

/// A seeker's features; waiting time counts from `waiting_since`.
///
/// # Errors
/// Corrupt stored data.
pub fn seeker(
    p: &Participant,
    programme: &Programme,
    now: NaiveDateTime,
) -> Result<Seeker, FeaturesError> {
    let waiting = u32::try_from((now - p.waiting_since).num_days().max(0)).unwrap_or(u32::MAX);
    Ok(Seeker::new(profile(p, programme, now)?)
        .minor(p.is_minor)
        .waiting_days(waiting))
}

/// A buddy's features with the capacity still free and whether they are cleared for children.
///
/// # Errors
/// Corrupt stored data.
pub fn buddy(
    p: &Participant,
    programme: &Programme,
    free_capacity: u32,
    child_clearance: bool,
    now: NaiveDateTime,
) -> Result<Buddy, FeaturesError> {
    Ok(Buddy::new(profile(p, programme, now)?)
        .capacity(free_capacity)
        .child_clearance(child_clearance))
}
