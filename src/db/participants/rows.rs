//! The insertable rows of a participant: the profile columns, a role-history entry, the
//! consent to the privacy notice and the household members (shared with [`crate::db::bulk`]).

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::{PRIVACY_NOTICE_PURPOSE, PRIVACY_NOTICE_VERSION};
use crate::db::schema::{consents, household_members, participants, role_history};
use crate::db::DbError;
use crate::domain::NewParticipant;

/// The profile columns, shared by insert, update and the bulk insert ([`crate::db::bulk`]).
// Here and on every insertable row: `None` is NULL, not DEFAULT, so an insert is one fixed
// statement that PostgreSQL keeps prepared instead of parsing and planning it each time.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = participants)]
#[diesel(treat_none_as_default_value = false)]
#[diesel(treat_none_as_null = true)]
pub(in crate::db) struct ProfileColumns {
    first_name: String,
    last_name: String,
    email: Option<String>,
    phone: Option<String>,
    message_language: String,
    role: String,
    volunteer: bool,
    capacity: i32,
    birth_year: Option<i32>,
    gender: Option<String>,
    languages: String,
    practise_languages: String,
    interests: String,
    availability: i32,
    area: Option<String>,
    max_travel_km: i32,
    online_ok: bool,
    household_adults: i32,
    household_children: i32,
    is_minor: bool,
    pref_buddy_gender: Option<String>,
    pref_family: bool,
    pref_age_min: Option<i32>,
    pref_age_max: Option<i32>,
    pref_outside_language_community: bool,
    share_domains: String,
    learn_domains: String,
    updated_at: NaiveDateTime,
}

fn json<T: Serialize>(value: &T) -> Result<String, DbError> {
    Ok(serde_json::to_string(value).context("serialising a profile list")?)
}

impl ProfileColumns {
    pub(in crate::db) fn from_profile(
        p: &NewParticipant,
        now: NaiveDateTime,
    ) -> Result<Self, DbError> {
        Ok(Self {
            first_name: p.first_name.clone(),
            last_name: p.last_name.clone(),
            email: p.email.as_ref().map(|e| e.as_str().to_owned()),
            phone: p.phone.as_ref().map(|n| n.as_str().to_owned()),
            message_language: p.message_language.code().to_owned(),
            role: p.role.code().to_owned(),
            volunteer: p.volunteer,
            capacity: p.capacity,
            birth_year: p.birth_year,
            gender: p.gender.map(|g| g.code().to_owned()),
            languages: json(&p.languages)?,
            practise_languages: json(&p.practise_languages)?,
            interests: json(&p.interests)?,
            // 21 bits always fit in an i32.
            availability: i32::try_from(p.availability.bits()).context("availability mask")?,
            area: p.area.clone(),
            max_travel_km: p.max_travel_km,
            online_ok: p.online_ok,
            household_adults: p.household_adults,
            household_children: p.household_children,
            is_minor: p.is_minor,
            pref_buddy_gender: p.pref_buddy_gender.map(|g| g.code().to_owned()),
            pref_family: p.pref_family,
            pref_age_min: p.pref_age_min,
            pref_age_max: p.pref_age_max,
            pref_outside_language_community: p.pref_outside_language_community,
            share_domains: json(&p.share_domains.iter().map(|d| d.code()).collect::<Vec<_>>())?,
            learn_domains: json(&p.learn_domains.iter().map(|d| d.code()).collect::<Vec<_>>())?,
            updated_at: now,
        })
    }
}

/// A role-history entry: the person's role and volunteer offer from `since`.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = role_history)]
#[diesel(treat_none_as_default_value = false)]
pub(in crate::db) struct RoleRow {
    pub(super) participant_id: i32,
    pub(super) role: String,
    pub(super) volunteer: bool,
    pub(super) since: NaiveDateTime,
}

impl RoleRow {
    pub(in crate::db) fn new(
        participant_id: i32,
        p: &NewParticipant,
        since: NaiveDateTime,
    ) -> Self {
        Self {
            participant_id,
            role: p.role.code().to_owned(),
            volunteer: p.volunteer,
            since,
        }
    }
}

/// Consent to the current privacy notice, in the person's message language.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = consents)]
#[diesel(treat_none_as_default_value = false)]
pub(in crate::db) struct ConsentRow {
    participant_id: i32,
    purpose: &'static str,
    notice_version: &'static str,
    language: &'static str,
    given_at: NaiveDateTime,
}

impl ConsentRow {
    pub(in crate::db) fn new(
        participant_id: i32,
        p: &NewParticipant,
        given_at: NaiveDateTime,
    ) -> Self {
        Self {
            participant_id,
            purpose: PRIVACY_NOTICE_PURPOSE,
            notice_version: PRIVACY_NOTICE_VERSION,
            language: p.message_language.code(),
            given_at,
        }
    }
}

/// One household member.
// NULL, not DEFAULT, for a missing year: SQLite cannot put DEFAULT in a multi-row insert, so
// diesel would fall back to one statement per row.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = household_members)]
#[diesel(treat_none_as_default_value = false)]
pub(in crate::db) struct HouseholdRow {
    participant_id: i32,
    first_name: String,
    birth_year: Option<i32>,
}

impl HouseholdRow {
    pub(in crate::db) fn all(
        participant_id: i32,
        p: &NewParticipant,
    ) -> impl Iterator<Item = Self> + '_ {
        p.household_members.iter().map(move |m| Self {
            participant_id,
            first_name: m.first_name.clone(),
            birth_year: m.birth_year,
        })
    }
}
