//! `buddymatch backup FILE` and `buddymatch restore FILE`, for the embedded SQLite database
//! (PostgreSQL has `pg_dump` and `pg_restore`; the README gives the commands).
//!
//! - **backup** writes a consistent copy with `VACUUM INTO`, safe while the service runs and
//!   writes: it reads one snapshot, and what was committed before it began is in the copy. The
//!   copy is then checked (`PRAGMA integrity_check`) and its counts printed.
//! - **restore** checks the file first (integrity, a buddymatch database, a schema no newer than
//!   this program), refuses while anything has the database open (stop the service first), keeps
//!   the database it replaces beside it as `<file>.before-restore`, moves the copy into place and
//!   brings its schema up to date.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use diesel::SqliteConnection;
use secrecy::ExposeSecret;

use crate::db::connection::{sqlite_migration_versions, sqlite_path};
use crate::db::{Backend, Db};
use crate::settings::Settings;

/// Arguments of `backup`.
#[derive(Debug, Clone, clap::Args)]
pub struct BackupArgs {
    /// Where to write the copy (must not exist yet).
    pub file: PathBuf,
}

/// Arguments of `restore`.
#[derive(Debug, Clone, clap::Args)]
pub struct RestoreArgs {
    /// A copy made by `buddymatch backup`.
    pub file: PathBuf,
}

#[derive(QueryableByName)]
struct Integrity {
    #[diesel(sql_type = Text)]
    integrity_check: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Version {
    #[diesel(sql_type = Text)]
    version: String,
}

#[derive(QueryableByName)]
struct JournalMode {
    #[diesel(sql_type = Text)]
    journal_mode: String,
}

const PG_HINT: &str = "this database is PostgreSQL: back it up with \
    `pg_dump --format=custom --file=buddymatch.dump \"$DATABASE_URL\"` and restore with \
    `pg_restore --clean --if-exists --no-owner --dbname=\"$DATABASE_URL\" buddymatch.dump` \
    (see README, Backups)";

/// The SQLite file of the configured database, or an error pointing PostgreSQL users to
/// `pg_dump`.
fn sqlite_file(settings: &Settings) -> anyhow::Result<PathBuf> {
    let url = settings.database_url.expose_secret();
    match Backend::from_url(url)? {
        Backend::Sqlite => Ok(PathBuf::from(sqlite_path(url))),
        Backend::Postgres => bail!(PG_HINT),
    }
}

fn open(path: &Path) -> anyhow::Result<SqliteConnection> {
    let text = path.to_str().context("the file name is not UTF-8")?;
    SqliteConnection::establish(text).with_context(|| format!("cannot open {}", path.display()))
}

/// Checks a copy: SQLite's integrity check, a buddymatch schema no newer than this program.
/// Returns how many participants it holds.
fn check_copy(path: &Path) -> anyhow::Result<i64> {
    if !path.is_file() {
        bail!("{} is not a file", path.display());
    }
    let mut conn = open(path)?;
    let integrity: Vec<Integrity> = diesel::sql_query("PRAGMA integrity_check")
        .load(&mut conn)
        .with_context(|| format!("{} is not a SQLite database", path.display()))?;
    let problems: Vec<&str> = integrity
        .iter()
        .map(|r| r.integrity_check.as_str())
        .filter(|r| *r != "ok")
        .collect();
    if !problems.is_empty() {
        bail!("{} is damaged: {}", path.display(), problems.join("; "));
    }
    let versions: Vec<Version> =
        diesel::sql_query("SELECT version FROM __diesel_schema_migrations ORDER BY version")
            .load(&mut conn)
            .with_context(|| format!("{} is not a buddymatch database", path.display()))?;
    let known = sqlite_migration_versions()?;
    if let Some(newer) = versions.iter().find(|v| !known.contains(&v.version)) {
        bail!(
            "{} was made by a newer buddymatch (schema {}); restore it with that version",
            path.display(),
            newer.version
        );
    }
    let count: Count = diesel::sql_query("SELECT COUNT(*) AS n FROM participants")
        .get_result(&mut conn)
        .with_context(|| format!("{} is not a buddymatch database", path.display()))?;
    Ok(count.n)
}

/// Runs `backup FILE`.
///
/// # Errors
/// PostgreSQL (use `pg_dump`), an existing target, or a failed copy or check.
pub fn backup(settings: &Settings, args: &BackupArgs) -> anyhow::Result<()> {
    let source = sqlite_file(settings)?;
    if args.file.exists() {
        bail!("{} exists already: choose a new file", args.file.display());
    }
    // Opening through the pool brings the schema up to date and switches on WAL, so the copy
    // does not wait for writers and they do not wait for it.
    let db = Db::connect(settings.database_url.expose_secret(), 1)?;
    let target = args
        .file
        .to_str()
        .context("the backup file name is not UTF-8")?
        .replace('\'', "''");
    db.get()?
        .batch_execute(&format!("VACUUM INTO '{target}'"))
        .with_context(|| format!("copying {} to {}", source.display(), args.file.display()))?;
    let participants = check_copy(&args.file)?;
    let size = std::fs::metadata(&args.file).map_or(0, |m| m.len());
    println!(
        "backup: {} ({participants} participants, {} KB), checked",
        args.file.display(),
        size.div_ceil(1024)
    );
    Ok(())
}

/// Runs `restore FILE`.
///
/// # Errors
/// PostgreSQL (use `pg_restore`), a copy that fails its checks, a database still in use, or a
/// failed move.
pub fn restore(settings: &Settings, args: &RestoreArgs) -> anyhow::Result<()> {
    let target = sqlite_file(settings)?;
    let participants = check_copy(&args.file)?;
    let mut kept = None;
    if target.exists() {
        // Leaving WAL mode needs the only connection: it fails while the service (or anything
        // else) has the database open.
        let mut conn = open(&target)?;
        conn.batch_execute("PRAGMA busy_timeout = 0;")?;
        let mode: Option<JournalMode> = diesel::sql_query("PRAGMA journal_mode = DELETE")
            .get_result(&mut conn)
            .optional()
            .unwrap_or(None);
        if !mode.is_some_and(|m| m.journal_mode.eq_ignore_ascii_case("delete")) {
            bail!(
                "{} is in use (is the service running?): stop it, then restore",
                target.display()
            );
        }
        drop(conn);
        let before = PathBuf::from(format!("{}.before-restore", target.display()));
        std::fs::rename(&target, &before)
            .with_context(|| format!("moving {} aside", target.display()))?;
        kept = Some(before);
    }
    let staging = PathBuf::from(format!("{}.restoring", target.display()));
    std::fs::copy(&args.file, &staging)
        .with_context(|| format!("copying {} to {}", args.file.display(), staging.display()))?;
    std::fs::File::open(&staging)
        .and_then(|f| f.sync_all())
        .with_context(|| format!("writing {}", staging.display()))?;
    std::fs::rename(&staging, &target)
        .with_context(|| format!("moving the copy to {}", target.display()))?;
    // Brings an older copy's schema up to date (and WAL back on).
    Db::connect(settings.database_url.expose_secret(), 1)?;
    println!(
        "restore: {} is now {} ({participants} participants){}",
        target.display(),
        args.file.display(),
        kept.map_or_else(String::new, |k| format!(
            "; the database it replaced is kept as {} (delete it once you are satisfied)",
            k.display()
        ))
    );
    Ok(())
}
