//! Participants: stored profiles with their role history, consents and household.

use std::collections::HashMap;

use anyhow::Context;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::schema::{consents, household_members, participants, role_history};
use super::{DbConnection, DbError};
use crate::domain::{
    Email, HouseholdMemberInput, LanguageInput, NewParticipant, ParticipantStatus, ProfileInput,
    Role, SpokenLanguage,
};

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
    /// Email (lower case).
    pub email: String,
    /// Phone.
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
            email: self.email.clone(),
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

/// The profile columns, shared by insert, update and the bulk insert ([`super::bulk`]).
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = participants)]
#[diesel(treat_none_as_null = true)]
pub(super) struct ProfileColumns {
    first_name: String,
    last_name: String,
    email: String,
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
    pub(super) fn from_profile(p: &NewParticipant, now: NaiveDateTime) -> Result<Self, DbError> {
        Ok(Self {
            first_name: p.first_name.clone(),
            last_name: p.last_name.clone(),
            email: p.email.as_str().to_owned(),
            phone: p.phone.clone(),
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
pub(super) struct RoleRow {
    participant_id: i32,
    role: String,
    volunteer: bool,
    since: NaiveDateTime,
}

impl RoleRow {
    pub(super) fn new(participant_id: i32, p: &NewParticipant, since: NaiveDateTime) -> Self {
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
pub(super) struct ConsentRow {
    participant_id: i32,
    purpose: &'static str,
    notice_version: &'static str,
    language: &'static str,
    given_at: NaiveDateTime,
}

impl ConsentRow {
    pub(super) fn new(participant_id: i32, p: &NewParticipant, given_at: NaiveDateTime) -> Self {
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
#[diesel(treat_none_as_null = true)]
pub(super) struct HouseholdRow {
    participant_id: i32,
    first_name: String,
    birth_year: Option<i32>,
}

impl HouseholdRow {
    pub(super) fn all(participant_id: i32, p: &NewParticipant) -> impl Iterator<Item = Self> + '_ {
        p.household_members.iter().map(move |m| Self {
            participant_id,
            first_name: m.first_name.clone(),
            birth_year: m.birth_year,
        })
    }
}

fn replace_household(conn: &mut DbConnection, id: i32, p: &NewParticipant) -> Result<(), DbError> {
    diesel::delete(household_members::table.filter(household_members::participant_id.eq(id)))
        .execute(conn)?;
    // One row at a time: diesel's MultiConnection has no batch insert (and households are small).
    for row in HouseholdRow::all(id, p) {
        diesel::insert_into(household_members::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Stores a new participant with status `status`, their first role-history entry, their consent
/// to the privacy notice (in their message language) and their household. Call inside a
/// transaction ([`super::Db::write`]). Returns the new id.
///
/// # Errors
/// A failed insert, e.g. the email exists in this programme (a unique violation).
pub fn insert(
    conn: &mut DbConnection,
    programme_id: i32,
    p: &NewParticipant,
    status: ParticipantStatus,
    now: NaiveDateTime,
) -> Result<i32, DbError> {
    let columns = ProfileColumns::from_profile(p, now)?;
    let id: i32 = diesel::insert_into(participants::table)
        .values((
            columns,
            participants::programme_id.eq(programme_id),
            participants::safeguarding_cleared.eq(false),
            participants::status.eq(status.code()),
            participants::confirmed_at.eq((status == ParticipantStatus::Confirmed).then_some(now)),
            participants::waiting_since.eq(now),
            participants::created_at.eq(now),
        ))
        .returning(participants::id)
        .get_result(conn)?;
    diesel::insert_into(role_history::table)
        .values(RoleRow::new(id, p, now))
        .execute(conn)?;
    diesel::insert_into(consents::table)
        .values(ConsentRow::new(id, p, now))
        .execute(conn)?;
    replace_household(conn, id, p)?;
    Ok(id)
}

/// What became of a person offered to a programme by [`admit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admitted {
    /// Stored, with this id.
    Stored(i32),
    /// Not stored: the programme is archived.
    Closed,
    /// Not stored: the programme no longer has the chosen area (an admin removed it).
    AreaGone,
}

/// Stores a new participant as [`insert`] does, if the programme still takes people and still
/// has their area, checked with the programme row held until the transaction ends (see
/// [`super::programmes::intake_now`]), so archiving or removing the area at the same moment
/// waits for this or makes this wait. Every writer of new people comes through here.
///
/// # Errors
/// As [`insert`].
pub fn admit(
    conn: &mut DbConnection,
    programme_id: i32,
    p: &NewParticipant,
    status: ParticipantStatus,
    now: NaiveDateTime,
) -> Result<Admitted, DbError> {
    let intake = super::programmes::intake_now(conn, programme_id)?;
    if intake.closed {
        return Ok(Admitted::Closed);
    }
    if p.area.as_ref().is_some_and(|a| !intake.areas.contains(a)) {
        return Ok(Admitted::AreaGone);
    }
    insert(conn, programme_id, p, status, now).map(Admitted::Stored)
}

/// Replaces a participant's profile; a change of role or volunteer offer is added to the history.
/// Returns false when there is no such participant.
///
/// # Errors
/// A failed query (e.g. the new email is taken in this programme).
pub fn update(
    conn: &mut DbConnection,
    id: i32,
    p: &NewParticipant,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let Some(before) = find(conn, id)? else {
        return Ok(false);
    };
    diesel::update(participants::table.find(id))
        .set(ProfileColumns::from_profile(p, now)?)
        .execute(conn)?;
    if before.role != p.role.code() || before.volunteer != p.volunteer {
        diesel::insert_into(role_history::table)
            .values(RoleRow::new(id, p, now))
            .execute(conn)?;
    }
    replace_household(conn, id, p)?;
    Ok(true)
}

/// Changes a participant's role and volunteer offer (e.g. an arriving member who became a
/// buddy), keeping the change in the role history; false when there is no such participant.
///
/// # Errors
/// A failed query.
pub fn change_role(
    conn: &mut DbConnection,
    id: i32,
    role: Role,
    volunteer: bool,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let changed = diesel::update(participants::table.find(id))
        .set((
            participants::role.eq(role.code()),
            participants::volunteer.eq(volunteer),
            participants::updated_at.eq(now),
        ))
        .execute(conn)
        .with_context(|| format!("changing the role of participant {id}"))?;
    if changed == 1 {
        diesel::insert_into(role_history::table)
            .values(RoleRow {
                participant_id: id,
                role: role.code().to_owned(),
                volunteer,
                since: now,
            })
            .execute(conn)
            .with_context(|| format!("keeping the role change of participant {id}"))?;
    }
    Ok(changed == 1)
}

/// Moves a participant's sign-up, confirmation, waiting start and first role back to `at` when
/// they are later (the demo's history: people signed up before their match began).
///
/// # Errors
/// A failed query.
pub fn backdate_sign_up(
    conn: &mut DbConnection,
    id: i32,
    at: NaiveDateTime,
) -> Result<(), DbError> {
    let me = participants::table.find(id);
    diesel::update(me.filter(participants::created_at.gt(at)))
        .set(participants::created_at.eq(at))
        .execute(conn)
        .and_then(|_| {
            diesel::update(me.filter(participants::confirmed_at.gt(at)))
                .set(participants::confirmed_at.eq(at))
                .execute(conn)
        })
        .and_then(|_| {
            diesel::update(me.filter(participants::waiting_since.gt(at)))
                .set(participants::waiting_since.eq(at))
                .execute(conn)
        })
        .and_then(|_| {
            diesel::update(
                role_history::table
                    .filter(role_history::participant_id.eq(id))
                    .filter(role_history::since.gt(at)),
            )
            .set(role_history::since.eq(at))
            .execute(conn)
        })
        .with_context(|| format!("moving the sign-up of participant {id} back"))?;
    Ok(())
}

/// Sets the status; confirming also starts the waiting time. Returns false when there is no such
/// participant.
///
/// # Errors
/// A failed query.
pub fn set_status(
    conn: &mut DbConnection,
    id: i32,
    status: ParticipantStatus,
    now: NaiveDateTime,
) -> Result<bool, DbError> {
    let target = participants::table.find(id);
    let changed = if status == ParticipantStatus::Confirmed {
        diesel::update(target)
            .set((
                participants::status.eq(status.code()),
                participants::confirmed_at.eq(Some(now)),
                participants::waiting_since.eq(now),
                participants::updated_at.eq(now),
            ))
            .execute(conn)?
    } else {
        diesel::update(target)
            .set((
                participants::status.eq(status.code()),
                participants::updated_at.eq(now),
            ))
            .execute(conn)?
    };
    Ok(changed == 1)
}

/// The participant with this id.
///
/// # Errors
/// A failed query.
pub fn find(conn: &mut DbConnection, id: i32) -> Result<Option<Participant>, DbError> {
    Ok(participants::table
        .find(id)
        .select(Participant::as_select())
        .first(conn)
        .optional()?)
}

/// The participants with these ids (one query; ids not found are left out).
///
/// # Errors
/// A failed query.
pub fn by_ids(conn: &mut DbConnection, ids: &[i32]) -> Result<Vec<Participant>, DbError> {
    Ok(participants::table
        .filter(participants::id.eq_any(ids))
        .select(Participant::as_select())
        .load(conn)
        .with_context(|| format!("reading {} participants by id", ids.len()))?)
}

/// Notes that a buddy of this participant erased their data now (their page says the match
/// ended rather than that nobody was introduced yet).
///
/// # Errors
/// A failed query.
pub fn note_partner_left(
    conn: &mut DbConnection,
    id: i32,
    now: NaiveDateTime,
) -> Result<(), DbError> {
    diesel::update(participants::table.find(id))
        .set(participants::partner_left_at.eq(Some(now)))
        .execute(conn)
        .with_context(|| format!("noting that the buddy of participant {id} left"))?;
    Ok(())
}

/// What the review table needs of a person: a name to tell them apart and their area.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct PersonOutline {
    /// First name.
    pub first_name: String,
    /// Last name (the table shows its initial).
    pub last_name: String,
    /// Area id.
    pub area: Option<String>,
}

/// The outline of everyone in a run's proposals, by id (two sub-selects, no list of ids to
/// bind, so a run of any size is one query).
///
/// # Errors
/// A failed query.
pub fn outlines_in_run(
    conn: &mut DbConnection,
    run_id: i32,
) -> Result<HashMap<i32, PersonOutline>, DbError> {
    use super::schema::matches;
    let in_run = matches::table.filter(matches::run_id.eq(run_id));
    let rows: Vec<(i32, String, String, Option<String>)> = participants::table
        .filter(
            participants::id
                .eq_any(in_run.select(matches::seeker_id))
                .or(participants::id.eq_any(in_run.select(matches::buddy_id))),
        )
        .select((
            participants::id,
            participants::first_name,
            participants::last_name,
            participants::area,
        ))
        .load(conn)
        .with_context(|| format!("reading the people of run {run_id}"))?;
    Ok(rows
        .into_iter()
        .map(|(id, first_name, last_name, area)| {
            (
                id,
                PersonOutline {
                    first_name,
                    last_name,
                    area,
                },
            )
        })
        .collect())
}

/// A programme's confirmed participants, by id: the people a matching run may pair.
///
/// # Errors
/// A failed query.
pub fn confirmed_of_programme(
    conn: &mut DbConnection,
    programme_id: i32,
) -> Result<Vec<Participant>, DbError> {
    Ok(participants::table
        .filter(participants::programme_id.eq(programme_id))
        .filter(participants::status.eq(ParticipantStatus::Confirmed.code()))
        .order(participants::id.asc())
        .select(Participant::as_select())
        .load(conn)
        .with_context(|| {
            format!("reading the confirmed participants of programme {programme_id}")
        })?)
}

/// The participant with this email in this programme.
///
/// # Errors
/// A failed query.
pub fn find_by_email(
    conn: &mut DbConnection,
    programme_id: i32,
    email: &Email,
) -> Result<Option<Participant>, DbError> {
    Ok(participants::table
        .filter(participants::programme_id.eq(programme_id))
        .filter(participants::email.eq(email.as_str()))
        .select(Participant::as_select())
        .first(conn)
        .optional()?)
}

/// A participant's household members.
///
/// # Errors
/// A failed query.
pub fn household(conn: &mut DbConnection, id: i32) -> Result<Vec<HouseholdMemberInput>, DbError> {
    Ok(household_members::table
        .filter(household_members::participant_id.eq(id))
        .order(household_members::id.asc())
        .select((household_members::first_name, household_members::birth_year))
        .load::<(String, Option<i32>)>(conn)?
        .into_iter()
        .map(|(first_name, birth_year)| HouseholdMemberInput {
            first_name,
            birth_year,
        })
        .collect())
}

/// Household members of many participants in one query, by participant.
///
/// # Errors
/// A failed query.
pub fn households(
    conn: &mut DbConnection,
    ids: &[i32],
) -> Result<std::collections::HashMap<i32, Vec<HouseholdMemberInput>>, DbError> {
    let rows: Vec<(i32, String, Option<i32>)> = household_members::table
        .filter(household_members::participant_id.eq_any(ids))
        .order(household_members::id.asc())
        .select((
            household_members::participant_id,
            household_members::first_name,
            household_members::birth_year,
        ))
        .load(conn)
        .context("loading household members")?;
    let mut map: std::collections::HashMap<i32, Vec<HouseholdMemberInput>> =
        std::collections::HashMap::new();
    for (pid, first_name, birth_year) in rows {
        map.entry(pid).or_default().push(HouseholdMemberInput {
            first_name,
            birth_year,
        });
    }
    Ok(map)
}

/// Deletes a participant and everything hanging off them. Returns false when there was none.
///
/// # Errors
/// A failed query.
pub fn delete(conn: &mut DbConnection, id: i32) -> Result<bool, DbError> {
    // Children first: SQLite enforces ON DELETE CASCADE only with foreign_keys on, which we set,
    // but being explicit keeps the order visible.
    diesel::delete(household_members::table.filter(household_members::participant_id.eq(id)))
        .execute(conn)?;
    diesel::delete(role_history::table.filter(role_history::participant_id.eq(id)))
        .execute(conn)?;
    diesel::delete(consents::table.filter(consents::participant_id.eq(id))).execute(conn)?;
    diesel::delete(
        super::schema::participant_tokens::table
            .filter(super::schema::participant_tokens::participant_id.eq(id)),
    )
    .execute(conn)?;
    let partners = super::answer_links::partners_of(conn, id)?;
    let deleted = diesel::delete(participants::table.find(id)).execute(conn)? == 1;
    // Their matches, and the partners' answers about them, went with them (cascade).
    super::answer_links::relink(conn, &partners)?;
    Ok(deleted)
}
