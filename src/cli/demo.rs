//! `buddymatch demo --programme <slug> --seekers N --buddies M [--seed S]`: fills a programme with
//! a realistic synthetic population (see [`crate::population`]) for demos and benchmarks. Creates
//! the programme (with the demo city's areas) when it does not exist. Everything is written in
//! one transaction: all or nothing. With `--history-months N` the people are then paired and
//! their matches lived through N months (see [`super::demo_history`]).

use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::{Datelike, NaiveDateTime};
use secrecy::ExposeSecret;

use super::demo_history;
use crate::db::bulk::{self, ConfirmedPerson};
use crate::db::{participants as store, programmes, Db, DbConnection, DbError};
use crate::domain::NewParticipant;
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
    /// Also pair the people with a matching run and live through this many months of their
    /// matches (check-ins of both sides, stages, closings, re-matches): a living programme.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=36))]
    pub history_months: Option<u32>,
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
    if let Some(months) = args.history_months {
        let programme = programmes::by_slug(&mut *db.get()?, &slug)?
            .with_context(|| format!("programme `{slug}` vanished"))?;
        let now = chrono::Utc::now().naive_utc();
        let history = demo_history::simulate(&db, settings, &programme, months, args.seed, now)
            .context("living through the demo history")?;
        println!("{history}");
    }
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
        // Every demo person has an email; the first one tells whether this seed was loaded.
        if let Some(email) = parsed.first().and_then(|(first, _)| first.email.as_ref()) {
            if store::find_by_email(conn, programme.id, email)?.is_some() {
                return Err(DemoError::AlreadyThere {
                    programme: slug.to_owned(),
                    seed,
                });
            }
        }
        store_all(conn, programme.id, &parsed, now).map_err(|e| {
            if e.is_unique_violation() {
                DemoError::AlreadyThere {
                    programme: slug.to_owned(),
                    seed,
                }
            } else {
                DemoError::Db(e)
            }
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

/// Stores the people as confirmed participants with what a coordinator and time would have set
/// (buddies' readiness and safeguarding clearance; sign-up, confirmation and waiting dates in the
/// past), through [`bulk::insert_confirmed`]: a few hundred statements for tens of thousands of
/// people. Call inside a transaction. (The test `cli_demo::batch_store_matches_single_insert`
/// compares it with [`store::insert`].)
///
/// # Errors
/// A failed insert, e.g. an email already in the programme (a unique violation).
pub fn store_all(
    conn: &mut DbConnection,
    programme_id: i32,
    people: &[(NewParticipant, Synthetic)],
    now: NaiveDateTime,
) -> Result<(), DbError> {
    let people: Vec<ConfirmedPerson<'_>> = people
        .iter()
        .map(|(person, s)| ConfirmedPerson {
            person,
            since: now - chrono::Duration::days(i64::from(s.waiting_days)),
            safeguarding_cleared: s.safeguarding_cleared,
            // What a coordinator records before a volunteer may be proposed; the child checks
            // only for those cleared for minors.
            ready: (s.side == Side::Buddy).then_some(s.safeguarding_cleared),
        })
        .collect();
    bulk::insert_confirmed(conn, programme_id, &people, now)
}
