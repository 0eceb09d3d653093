//! `buddymatch continuum [--programme <slug>] [--as-of <RFC 3339 time>]`: runs the continuum's
//! scheduler pass once (the pass the server runs every few minutes) and prints one line:
//!
//! `continuum: <n> live matches, <c> check-ins queued, <r> reminders, <e> closing emails,
//! <s> newly stalled, <p> resumed, <x> stage changes`
//!
//! The emails go to the outbox; the server's outbox worker delivers them. `--as-of` runs the pass
//! as if it were that moment, so operators and tests can simulate months in minutes (it moves the
//! scheduler's clock only: run passes in time order).

use anyhow::Context;
use chrono::{DateTime, NaiveDateTime};
use secrecy::ExposeSecret;

use crate::continuum::scheduler;
use crate::db::{programmes, Db};
use crate::settings::Settings;

/// Arguments of `continuum`.
#[derive(Debug, Clone, clap::Args)]
pub struct ContinuumArgs {
    /// Only this programme (slug); every programme without it.
    #[arg(long)]
    pub programme: Option<String>,
    /// Run as of this moment (RFC 3339, e.g. `2027-03-01T09:00:00Z`) instead of now.
    #[arg(long)]
    pub as_of: Option<String>,
}

/// Reads `--as-of`: an RFC 3339 time, as UTC.
///
/// # Errors
/// The text is not an RFC 3339 time.
pub fn parse_as_of(raw: &str) -> anyhow::Result<NaiveDateTime> {
    let t = DateTime::parse_from_rfc3339(raw.trim()).with_context(|| {
        format!("--as-of `{raw}` is not an RFC 3339 time (like 2027-03-01T09:00:00Z)")
    })?;
    Ok(t.naive_utc())
}

/// Runs one pass and prints its summary line.
///
/// # Errors
/// A bad `--as-of`, an unknown programme, storage failures.
pub fn run(settings: &Settings, args: &ContinuumArgs) -> anyhow::Result<()> {
    let now = match &args.as_of {
        Some(raw) => parse_as_of(raw)?,
        None => chrono::Utc::now().naive_utc(),
    };
    let db =
        Db::connect(settings.database_url.expose_secret(), 2).context("opening the database")?;
    let programme_id = match &args.programme {
        Some(slug) => Some(
            programmes::by_slug(&mut *db.get()?, slug)?
                .ok_or_else(|| anyhow::anyhow!("there is no programme `{slug}`"))?
                .id,
        ),
        None => None,
    };
    let summary = scheduler::run_pass(&db, settings, programme_id, now)
        .context("running the continuum pass")?;
    println!("{summary}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_of_reads_rfc3339_in_any_offset() {
        let utc = parse_as_of("2027-03-01T09:00:00Z").expect("valid");
        let cet = parse_as_of("2027-03-01T10:00:00+01:00").expect("valid");
        assert_eq!(utc, cet);
        assert!(parse_as_of("2027-03-01").is_err());
        assert!(parse_as_of("soon").is_err());
    }
}
