//! Participants: stored profiles with their role history, consents and household.
//!
//! The stored [`Participant`] is here; `read` and `write` hold the queries, `rows` the
//! insertable rows shared with the bulk insert.

mod read;
mod rows;
mod write;

pub use read::{
    by_ids, confirmed_of_programme, find, find_by_email, find_by_phone, household, households,
    outlines_in_run, PersonOutline,
};
pub(super) use rows::{ConsentRow, HouseholdRow, ProfileColumns, RoleRow};
pub use write::{
    admit, backdate_sign_up, change_role, delete, hold, insert, note_partner_left, set_status,
    update, Admitted, Updated,
};

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::schema::participants;
use super::DbError;
use crate::domain::{LanguageInput, ParticipantStatus, ProfileInput, SpokenLanguage};

/// Purpose code of the consent to the privacy notice.
pub const PRIVACY_NOTICE_PURPOSE: &str = "privacy_notice";
/// Version of the privacy notice people agree to; bump when its text changes.
pub const PRIVACY_NOTICE_VERSION: &str = "2026-11";

/// A stored participant, as read back.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Serialize)]
#[diesel(table_name = participants)]
pub struct Participant {
    /// Id.
    pub id: i32,
    /// Programme.
    pub programme_id: i32,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Email (lower case); `None` for someone reached by phone or in person.
    pub email: Option<String>,
    /// Phone (E.164 for numbers stored since it was checked; as typed before).
    pub phone: Option<String>,
    /// Message language code.
    pub message_language: String,
    /// `arriving` or `receiving`.
    pub role: String,
    /// Offers to be a buddy.
    pub volunteer: bool,
    /// Buddies a volunteer can take.
    pub capacity: i32,
    /// Year of birth.
    pub birth_year: Option<i32>,
    /// Gender code.
    pub gender: Option<String>,
    /// JSON list of `{code, level}`.
    pub languages: String,
    /// JSON list of codes.
    pub practise_languages: String,
    /// JSON list of tags.
    pub interests: String,
    /// 21-bit availability mask.
    pub availability: i32,
    /// Area slug.
    pub area: Option<String>,
    /// Travel radius, km.
    pub max_travel_km: i32,
    /// Online is fine.
    pub online_ok: bool,
    /// Adults in the household.
    pub household_adults: i32,
    /// Children in the household.
    pub household_children: i32,
    /// Under 18.
    pub is_minor: bool,
    /// Preferred buddy gender.
    pub pref_buddy_gender: Option<String>,
    /// Family with family.
    pub pref_family: bool,
    /// Youngest acceptable buddy age.
    pub pref_age_min: Option<i32>,
    /// Oldest acceptable buddy age.
    pub pref_age_max: Option<i32>,
    /// Outside own language community.
    pub pref_outside_language_community: bool,
    /// JSON list of domain codes.
    pub share_domains: String,
    /// JSON list of domain codes.
    pub learn_domains: String,
    /// Cleared to buddy children (set by a coordinator).
    pub safeguarding_cleared: bool,
    /// Where the person is in the sign-up flow.
    pub status: ParticipantStatus,
    /// When the email was confirmed.
    pub confirmed_at: Option<NaiveDateTime>,
    /// Waiting for a buddy since.
    pub waiting_since: NaiveDateTime,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last changed.
    pub updated_at: NaiveDateTime,
    /// When a buddy of theirs erased their data (and the match went with them).
    pub partner_left_at: Option<NaiveDateTime>,
}

impl Participant {
    /// Languages spoken.
    ///
    /// # Errors
    /// Corrupt stored JSON.
    pub fn spoken_languages(&self) -> Result<Vec<SpokenLanguage>, DbError> {
        Ok(serde_json::from_str(&self.languages)
            .with_context(|| format!("participant {}: languages", self.id))?)
    }

    /// A JSON list column as strings.
    fn list(&self, column: &str, json: &str) -> Result<Vec<String>, DbError> {
        Ok(serde_json::from_str(json)
            .with_context(|| format!("participant {}: {column}", self.id))?)
    }

    /// Back to the raw input shape (edit forms, exports, API responses). Household members are
    /// loaded separately ([`household`]).
    ///
    /// # Errors
    /// Corrupt stored JSON.
    pub fn to_profile_input(&self) -> Result<ProfileInput, DbError> {
        Ok(ProfileInput {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone().unwrap_or_default(),
            phone: self.phone.clone(),
            message_language: self.message_language.clone(),
            role: self.role.clone(),
            volunteer: self.volunteer,
            capacity: Some(self.capacity),
            birth_year: self.birth_year,
            gender: self.gender.clone(),
            languages: self
                .spoken_languages()?
                .into_iter()
                .map(|l| LanguageInput {
                    code: l.code.as_str().to_owned(),
                    level: l.level.code().to_owned(),
                })
                .collect(),
            practise_languages: self.list("practise_languages", &self.practise_languages)?,
            interests: self.list("interests", &self.interests)?,
            availability: crate::domain::Availability::from_bits(
                u32::try_from(self.availability).unwrap_or(0),
            )
            .slot_names()
            .into_iter()
            .map(str::to_owned)
            .collect(),
            area: self.area.clone(),
            max_travel_km: Some(self.max_travel_km),
            online_ok: self.online_ok,
            household_adults: Some(self.household_adults),
            household_children: Some(self.household_children),
            household_members: Vec::new(),
            is_minor: self.is_minor,
            pref_buddy_gender: self.pref_buddy_gender.clone(),
            pref_family: self.pref_family,
            pref_age_min: self.pref_age_min,
            pref_age_max: self.pref_age_max,
            pref_outside_language_community: self.pref_outside_language_community,
            share_domains: self.list("share_domains", &self.share_domains)?,
            learn_domains: self.list("learn_domains", &self.learn_domains)?,
            consent: true,
        })
    }
}
