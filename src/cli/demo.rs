//! `buddymatch demo --programme <slug> --seekers N --buddies M [--seed S]`: fills a programme with
//! a realistic synthetic population (see [`crate::population`]) for demos and benchmarks. Creates
//! the programme (with the demo city's areas) when it does not exist. Everything is written in
//! one transaction: all or nothing.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::{Datelike, NaiveDateTime};
use diesel::prelude::*;
use secrecy::ExposeSecret;

use crate::db::schema::participants;
use crate::db::{participants as store, programmes, Db, DbConnection, DbError};
use crate::domain::{NewParticipant, ParticipantStatus};
use crate::population::{self, Side, Synthetic};
use crate::settings::Settings;

/// Arguments of `demo`.
#[derive(Debug, Clone, clap::Args)]
pub struct DemoArgs {
    /// Programme slug (created if missing); default: the configured demo programme.
    #[arg(long)]
    pub programme: Option<String>,
    /// Number of seekers (arriving members looking for a buddy).
    #[arg(long, default_value_t = 120)]
    pub seekers: usize,
    /// Number of buddies (receiving members and volunteers).
    #[arg(long, default_value_t = 90)]
    pub buddies: usize,
    /// Seed: the same seed gives the same people.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// What `demo` did.
#[derive(Debug, Clone)]
pub struct DemoSummary {
    /// Programme slug.
    pub programme: String,
    /// Seekers added.
    pub seekers: usize,
    /// Buddies added.
    pub buddies: usize,
    /// Time to generate and validate.
    pub generate: Duration,
    /// Time to store (one transaction).
    pub store: Duration,
}

impl std::fmt::Display for DemoSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let total = self.generate + self.store;
        let n = self.seekers + self.buddies;
        write!(
            f,
            "demo: added {} seekers and {} buddies to programme {} in {:.2} s (generate {:.2} s, store {:.2} s; {:.0} participants/s)",
            self.seekers,
            self.buddies,
            self.programme,
            total.as_secs_f64(),
            self.generate.as_secs_f64(),
            self.store.as_secs_f64(),
            n as f64 / total.as_secs_f64().max(1e-9),
        )
    }
}

/// Errors of `demo`.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// People with this seed are already in the programme (emails are per seed and index).
    #[error(
        "programme {programme} already has demo people made with seed {seed}; use another --seed"
    )]
    AlreadyThere {
        /// Programme slug.
        programme: String,
        /// Seed.
        seed: u64,
    },
    /// The generator made a profile the domain rejects (a bug in the generator).
    #[error("generated profile {email} is not valid: {errors}")]
    Invalid {
        /// Its email.
        email: String,
        /// What was wrong.
        errors: crate::domain::ValidationErrors,
    },
    /// Database trouble.
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for DemoError {
    fn from(e: diesel::result::Error) -> Self {
        Self::Db(DbError::Query(e))
    }
}

/// Runs `demo` and prints its one-line summary.
///
/// # Errors
/// Database trouble, or people with this seed already in the programme.
pub fn run(settings: &Settings, args: &DemoArgs) -> anyhow::Result<()> {
    let db =
        Db::connect(settings.database_url.expose_secret(), 2).context("opening the database")?;
    let slug = args
        .programme
        .clone()
        .unwrap_or_else(|| settings.demo_programme.clone());
    let summary = populate(&db, &slug, args.seekers, args.buddies, args.seed)?;
    println!("{summary}");
    Ok(())
}

/// Adds `seekers` + `buddies` synthetic, confirmed participants to programme `slug` (created if
/// missing) in one transaction.
///
/// # Errors
/// Database trouble, or people with this seed already in the programme.
pub fn populate(
    db: &Db,
    slug: &str,
    seekers: usize,
    buddies: usize,
    seed: u64,
) -> Result<DemoSummary, DemoError> {
    let programme = db.write(|conn| programmes::ensure_demo(conn, slug))?;

    let started = Instant::now();
    let now = chrono::Utc::now().naive_utc();
    let people = population::generate(&programme, seekers, buddies, seed, now.year());
    let parsed = people
        .into_iter()
        .map(
            |s| match NewParticipant::parse(s.input.clone(), &programme) {
                Ok(p) => Ok((p, s)),
                Err(errors) => Err(DemoError::Invalid {
                    email: s.input.email,
                    errors,
                }),
            },
        )
        .collect::<Result<Vec<_>, _>>()?;
    let generate = started.elapsed();

    let started = Instant::now();
    db.write(|conn| {
        if let Some((first, _)) = parsed.first() {
            if store::find_by_email(conn, programme.id, &first.email)?.is_some() {
                return Err(DemoError::AlreadyThere {
                    programme: slug.to_owned(),
                    seed,
                });
            }
        }
        store_all(conn, programme.id, &parsed, now).map_err(|e| match e {
            DbError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            )) => DemoError::AlreadyThere {
                programme: slug.to_owned(),
                seed,
            },
            other => DemoError::Db(other),
        })
    })?;
    Ok(DemoSummary {
        programme: slug.to_owned(),
        seekers,
        buddies,
        generate,
        store: started.elapsed(),
    })
}

/// Rows per multi-row INSERT (35 columns x 400 rows stays under SQLite's 32766 bound values).
const BATCH: usize = 400;

/// Runs a batch insert on the concrete connection: diesel's `MultiConnection` has no batch insert,
/// both backends do.
macro_rules! batch_execute {
    ($conn:expr, $insert:expr) => {
        match $conn {
            DbConnection::Sqlite(c) => $insert.execute(c),
            DbConnection::Postgresql(c) => $insert.execute(c),
        }
    };
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, DbError> {
    Ok(serde_json::to_string(value).context("serialising a profile list")?)
}

/// Stores the people as confirmed participants with what a coordinator and time would have set
/// (buddies' readiness and safeguarding clearance; sign-up, confirmation and waiting dates in the
/// past), with their
/// role history, consent and household, using multi-row INSERTs: a few hundred statements for
/// tens of thousands of people. Call inside a transaction.
///
/// The column mapping is the same as [`store::insert`] (the test
/// `cli_demo::batch_store_matches_single_insert` compares the two).
///
/// # Errors
/// A failed insert, e.g. an email already in the programme (a unique violation).
pub fn store_all(
    conn: &mut DbConnection,
    programme_id: i32,
    people: &[(NewParticipant, Synthetic)],
    now: NaiveDateTime,
) -> Result<(), DbError> {
    use crate::db::schema::{consents, household_members, role_history, volunteer_readiness};
    for chunk in people.chunks(BATCH) {
        let mut rows = Vec::with_capacity(chunk.len());
        for (p, s) in chunk {
            let since = now - chrono::Duration::days(i64::from(s.waiting_days));
            rows.push((
                (
                    participants::programme_id.eq(programme_id),
                    participants::first_name.eq(p.first_name.clone()),
                    participants::last_name.eq(p.last_name.clone()),
                    participants::email.eq(p.email.as_str().to_owned()),
                    participants::phone.eq(p.phone.clone()),
                    participants::message_language.eq(p.message_language.code()),
                    participants::role.eq(p.role.code()),
                    participants::volunteer.eq(p.volunteer),
                    participants::capacity.eq(p.capacity),
                    participants::birth_year.eq(p.birth_year),
                    participants::gender.eq(p.gender.map(|g| g.code())),
                    participants::languages.eq(json(&p.languages)?),
                    participants::practise_languages.eq(json(&p.practise_languages)?),
                    participants::interests.eq(json(&p.interests)?),
                    participants::availability
                        .eq(i32::try_from(p.availability.bits()).context("availability mask")?),
                    participants::area.eq(p.area.clone()),
                    participants::max_travel_km.eq(p.max_travel_km),
                    participants::online_ok.eq(p.online_ok),
                ),
                (
                    participants::household_adults.eq(p.household_adults),
                    participants::household_children.eq(p.household_children),
                    participants::is_minor.eq(p.is_minor),
                    participants::pref_buddy_gender.eq(p.pref_buddy_gender.map(|g| g.code())),
                    participants::pref_family.eq(p.pref_family),
                    participants::pref_age_min.eq(p.pref_age_min),
                    participants::pref_age_max.eq(p.pref_age_max),
                    participants::pref_outside_language_community
                        .eq(p.pref_outside_language_community),
                    participants::share_domains.eq(json(
                        &p.share_domains.iter().map(|d| d.code()).collect::<Vec<_>>(),
                    )?),
                    participants::learn_domains.eq(json(
                        &p.learn_domains.iter().map(|d| d.code()).collect::<Vec<_>>(),
                    )?),
                    participants::safeguarding_cleared.eq(s.safeguarding_cleared),
                    participants::status.eq(ParticipantStatus::Confirmed.code()),
                    participants::confirmed_at.eq(Some(since)),
                    participants::waiting_since.eq(since),
                    participants::created_at.eq(since),
                    participants::updated_at.eq(now),
                ),
            ));
        }
        batch_execute!(conn, diesel::insert_into(participants::table).values(rows))?;

        // Ids by email (portable: no multi-row RETURNING needed).
        let emails: Vec<&str> = chunk.iter().map(|(p, _)| p.email.as_str()).collect();
        let ids: HashMap<String, i32> = participants::table
            .filter(participants::programme_id.eq(programme_id))
            .filter(participants::email.eq_any(&emails))
            .select((participants::email, participants::id))
            .load::<(String, i32)>(conn)?
            .into_iter()
            .collect();
        let id_of = |p: &NewParticipant| {
            ids.get(p.email.as_str()).copied().ok_or_else(|| {
                DbError::Unexpected(anyhow::anyhow!("{} vanished after insert", p.email))
            })
        };

        let mut history = Vec::with_capacity(chunk.len());
        let mut consent = Vec::with_capacity(chunk.len());
        let mut household = Vec::new();
        let mut readiness = Vec::new();
        for (p, s) in chunk {
            let id = id_of(p)?;
            let since = now - chrono::Duration::days(i64::from(s.waiting_days));
            if s.side == Side::Buddy {
                // What a coordinator records before a volunteer may be proposed; the child
                // checks only for those cleared for minors.
                let child = s.safeguarding_cleared.then_some(since);
                readiness.push((
                    volunteer_readiness::participant_id.eq(id),
                    volunteer_readiness::code_of_conduct_signed_at.eq(Some(since)),
                    volunteer_readiness::safeguarding_training_at.eq(Some(since)),
                    volunteer_readiness::child_safeguarding_training_at.eq(child),
                    volunteer_readiness::background_check_at.eq(child),
                    volunteer_readiness::updated_at.eq(now),
                ));
            }
            history.push((
                role_history::participant_id.eq(id),
                role_history::role.eq(p.role.code()),
                role_history::volunteer.eq(p.volunteer),
                role_history::since.eq(since),
            ));
            consent.push((
                consents::participant_id.eq(id),
                consents::purpose.eq("privacy_notice"),
                consents::notice_version.eq(store::PRIVACY_NOTICE_VERSION),
                consents::language.eq(p.message_language.code()),
                consents::given_at.eq(since),
            ));
            for m in &p.household_members {
                household.push((
                    household_members::participant_id.eq(id),
                    household_members::first_name.eq(m.first_name.clone()),
                    household_members::birth_year.eq(m.birth_year),
                ));
            }
        }
        batch_execute!(
            conn,
            diesel::insert_into(role_history::table).values(history)
        )?;
        batch_execute!(conn, diesel::insert_into(consents::table).values(consent))?;
        if !readiness.is_empty() {
            batch_execute!(
                conn,
                diesel::insert_into(volunteer_readiness::table).values(readiness)
            )?;
        }
        for members in household.chunks(BATCH * 4) {
            batch_execute!(
                conn,
                diesel::insert_into(household_members::table).values(members.to_vec())
            )?;
        }
    }
    Ok(())
}
