//! `buddymatch programme add --slug S --name N --language L --area "Name;lat;lon"...` and
//! `buddymatch programme list|archive|reopen|delete <slug>`: programmes from the command line, parsed like the admin form
//! ([`ProgrammeSettings::parse`]).

use anyhow::Context;
use clap::{Args, Subcommand};
use matching::compat::Weights;
use secrecy::ExposeSecret;

use crate::db::audit::{self, AuditEntry};
use crate::db::programmes::{self, SaveError};
use crate::db::Db;
use crate::domain::programme::{CHECKIN_DAYS, RESPONSE_DAYS, RETENTION_MONTHS, UNCONFIRMED_DAYS};
use crate::domain::weights::{COMPONENTS, MAX_WEIGHT};
use crate::domain::{
    FieldError, ProgrammeSettings, ProgrammeSlug, SettingsInput, ValidationErrors,
};
use crate::settings::Settings;

/// `buddymatch programme ...`
#[derive(Debug, Subcommand)]
pub enum ProgrammeCommand {
    /// Create a programme (all or nothing: every problem is listed).
    Add(Box<AddProgramme>),
    /// List the programmes: slug, name, local language, areas, participants and state.
    List,
    /// Archive a programme: sign-up closes, no new matching runs; matches go on.
    Archive {
        /// The programme's slug.
        slug: String,
    },
    /// Reopen an archived programme.
    Reopen {
        /// The programme's slug.
        slug: String,
    },
    /// Delete an archived programme that holds no personal data any more.
    Delete {
        /// The programme's slug.
        slug: String,
    },
}

/// Arguments of `programme add`.
#[derive(Debug, Args)]
pub struct AddProgramme {
    /// URL id: 2 to 40 lowercase letters, digits and hyphens (cannot be changed later).
    #[arg(long)]
    pub slug: String,
    /// Shown name.
    #[arg(long)]
    pub name: String,
    /// The local language people practise, as an ISO 639-1 code (e.g. de).
    #[arg(long, value_name = "CODE")]
    pub language: String,
    /// An area as "Name;latitude;longitude" (optionally ";id"); repeat for each area.
    #[arg(long = "area", value_name = "NAME;LAT;LON")]
    pub areas: Vec<String>,
    /// An extra interest tag; repeat for several.
    #[arg(long = "interest", value_name = "TAG")]
    pub interests: Vec<String>,
    /// Days between check-ins (1 to 180).
    #[arg(long, default_value = "14", value_name = "DAYS")]
    pub checkin_days: String,
    /// Days to answer an introduction before the reminder (1 to 60).
    #[arg(long, default_value = "7", value_name = "DAYS")]
    pub response_days: String,
    /// Days an unconfirmed sign-up is kept before it is deleted (7 to 90).
    #[arg(long, default_value = "14", value_name = "DAYS")]
    pub unconfirmed_days: String,
    /// Months the personal data of people who left and of closed matches is kept (1 to 120).
    #[arg(long, default_value = "24", value_name = "MONTHS")]
    pub retention_months: String,
    /// A default score weight as "component=number" (language, interests, availability,
    /// distance, reciprocity, practice, age; 0 to 1000); repeat for several.
    #[arg(long = "weight", value_name = "COMPONENT=N")]
    pub weights: Vec<String>,
    /// The country of local phone numbers, as two letters (e.g. DE): numbers typed without a
    /// `+` country code are read as numbers of this country.
    #[arg(long, default_value = "", value_name = "CC")]
    pub phone_region: String,
}

/// Runs `programme ...`.
///
/// # Errors
/// Invalid arguments (every problem listed), a slug in use, or the database.
pub fn run(settings: &Settings, command: &ProgrammeCommand) -> anyhow::Result<()> {
    let db =
        Db::connect(settings.database_url.expose_secret(), 2).context("opening the database")?;
    match command {
        ProgrammeCommand::Add(args) => add(settings, &db, args),
        ProgrammeCommand::List => list(&db),
        ProgrammeCommand::Archive { slug } => {
            let (p, holds) =
                crate::programmes::archive(&db, slug, CLI, chrono::Utc::now().naive_utc())?;
            println!(
                "Programme {} is archived: sign-up is closed and no new matching runs start \
                 ({} people, {} matches going on).",
                p.slug, holds.participants, holds.live_matches
            );
            Ok(())
        }
        ProgrammeCommand::Reopen { slug } => {
            let p = crate::programmes::reopen(&db, slug, CLI, chrono::Utc::now().naive_utc())?;
            println!("Programme {} is open again.", p.slug);
            Ok(())
        }
        ProgrammeCommand::Delete { slug } => {
            crate::programmes::delete(&db, slug, CLI, chrono::Utc::now().naive_utc())?;
            println!("Programme {slug} is deleted.");
            Ok(())
        }
    }
}

/// The command line, for the audit log.
const CLI: crate::programmes::Actor<'static> = crate::programmes::Actor {
    coordinator_id: None,
    via: "cli",
};

/// English text for one problem, naming the option it came from.
fn describe(args: &AddProgramme, e: &FieldError) -> String {
    let (option, index) = match e.field.split_once('.') {
        Some((f, rest)) => (f, rest.parse::<usize>().ok()),
        None => (e.field.as_str(), None),
    };
    let what = match (option, index) {
        ("areas", Some(i)) => format!("--area {:?}", args.areas.get(i).map_or("", String::as_str)),
        ("interests", Some(i)) => format!(
            "--interest {:?}",
            args.interests.get(i).map_or("", String::as_str)
        ),
        ("areas", None) => "--area".to_owned(),
        ("interests", None) => "--interest".to_owned(),
        ("local_language", _) => "--language".to_owned(),
        ("checkin_every_days", _) => "--checkin-days".to_owned(),
        ("response_days", _) => "--response-days".to_owned(),
        ("unconfirmed_days", _) => "--unconfirmed-days".to_owned(),
        ("retention_months", _) => "--retention-months".to_owned(),
        ("phone_region", _) => "--phone-region".to_owned(),
        ("weights", _) => format!("--weight {}", e.field.trim_start_matches("weights.")),
        (other, _) => format!("--{other}"),
    };
    let range = |r: &std::ops::RangeInclusive<i32>| {
        format!("give a whole number from {} to {}", r.start(), r.end())
    };
    let text = match (option, e.code) {
        ("checkin_every_days", _) => range(&CHECKIN_DAYS),
        ("response_days", _) => range(&RESPONSE_DAYS),
        ("unconfirmed_days", _) => range(&UNCONFIRMED_DAYS),
        ("retention_months", _) => range(&RETENTION_MONTHS),
        ("weights", _) => format!("give a whole number from 0 to {MAX_WEIGHT}"),
        ("local_language", "invalid_choice") => "give a two-letter language code, e.g. de".into(),
        (_, "invalid_slug") => {
            "use 2 to 40 lowercase letters, digits and hyphens, starting and ending with a \
             letter or digit"
                .into()
        }
        (_, "slug_taken") => "another programme already has this slug".into(),
        (_, "no_area") => "give at least one area".into(),
        (_, "too_many") => "too many".into(),
        (_, "area_format") => "write it as \"Name;latitude;longitude\"".into(),
        (_, "area_name_required") => "the name is missing".into(),
        (_, "invalid_latitude") => "the latitude must be a number from -90 to 90".into(),
        (_, "invalid_longitude") => "the longitude must be a number from -180 to 180".into(),
        (_, "invalid_area_id") => {
            "the id may only have lowercase letters, digits, hyphens and underscores".into()
        }
        (_, "duplicate_area") => "this area is given twice".into(),
        (_, "invalid_interest") => "only letters, digits, spaces and hyphens".into(),
        (_, code) => ValidationErrors::english(code).to_owned(),
    };
    format!("{what}: {text}")
}

fn add(settings: &Settings, db: &Db, args: &AddProgramme) -> anyhow::Result<()> {
    // One value per line: a value with a line break of its own would shift the lines.
    if args
        .areas
        .iter()
        .chain(&args.interests)
        .any(|v| v.contains('\n') || v.trim().is_empty())
    {
        anyhow::bail!("each --area and --interest is one line of text, not empty");
    }
    let mut errors = ValidationErrors::default();
    let mut weights = Vec::new();
    for raw in &args.weights {
        match raw.split_once('=') {
            Some((c, n)) if COMPONENTS.contains(&c.trim()) => {
                weights.push((c.trim().to_owned(), n.trim().to_owned()));
            }
            _ => anyhow::bail!(
                "--weight {raw:?}: write it as component=number, with a component among {}",
                COMPONENTS.join(", ")
            ),
        }
    }
    let input = SettingsInput {
        name: args.name.clone(),
        local_language: args.language.clone(),
        areas: args.areas.join("\n"),
        interests: args.interests.join("\n"),
        checkin_every_days: args.checkin_days.clone(),
        response_days: args.response_days.clone(),
        unconfirmed_days: args.unconfirmed_days.clone(),
        retention_months: args.retention_months.clone(),
        weights,
        translations: Vec::new(),
        phone_region: args.phone_region.clone(),
    };
    let slug = errors.check("slug", ProgrammeSlug::parse(&args.slug));
    let parsed = ProgrammeSettings::parse(&input, &Weights::default())
        .map_err(|e| errors.errors.extend(e.errors))
        .ok();
    let (Some(slug), Some(parsed)) = (slug, parsed) else {
        let lines: Vec<String> = errors.errors.iter().map(|e| describe(args, e)).collect();
        anyhow::bail!("the programme was not created:\n  {}", lines.join("\n  "));
    };
    let now = chrono::Utc::now().naive_utc();
    let created = db.write(|c| -> Result<_, SaveError> {
        let p = programmes::create_with_settings(c, &slug, &parsed, now)?;
        audit::record(
            c,
            &AuditEntry {
                coordinator_id: None,
                programme_id: Some(p.id),
                action: "programme.create",
                subject_type: "programme",
                subject_id: Some(p.id),
                detail: "cli",
            },
            now,
        )?;
        Ok(p)
    });
    let p = match created {
        Ok(p) => p,
        Err(SaveError::SlugTaken) => {
            anyhow::bail!(
                "--slug {}: another programme already has this slug",
                slug.as_str()
            )
        }
        Err(e) => return Err(e).context("creating the programme"),
    };
    println!(
        "Created programme {} ({}) with {} areas. Sign-up form: {}/signup?programme={}",
        p.slug,
        p.name,
        p.areas.len(),
        settings.public_url(),
        p.slug
    );
    Ok(())
}

fn list(db: &Db) -> anyhow::Result<()> {
    let mut conn = db.get()?;
    let all = programmes::list(&mut conn)?;
    let counts = programmes::participant_counts(&mut conn)?;
    if all.is_empty() {
        println!("No programme yet: create one with `buddymatch programme add`.");
    }
    for p in all {
        println!(
            "{}\t{}\t{}\t{} areas\t{} participants\t{}",
            p.slug,
            p.name,
            p.local_language,
            p.areas.len(),
            counts.get(&p.id).copied().unwrap_or(0),
            p.archived_at
                .map_or_else(|| "open".to_owned(), |at| format!("archived {}", at.date()))
        );
    }
    Ok(())
}
