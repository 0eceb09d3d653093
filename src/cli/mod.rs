//! The command line: `serve` (default), `migrate`, accounts and tokens, programmes, import,
//! demo, match, backup and restore.

pub mod accounts;
pub mod backup;
pub mod continuum;
pub mod demo;
pub mod demo_history;
pub mod import;
pub mod match_run;
pub mod programmes;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// A command failed in a way it has already reported to the user and wants `main` to exit with
/// `code`, printing nothing more (library code never calls `std::process::exit`).
#[derive(Debug, thiserror::Error)]
#[error("exit status {code}")]
pub struct ExitStatus {
    /// The process exit code.
    pub code: u8,
}

impl ExitStatus {
    /// The problem is already printed; exit with `code`.
    #[must_use]
    pub fn reported(code: u8) -> Self {
        Self { code }
    }
}

/// buddymatch: buddy matching for integration programmes.
#[derive(Debug, Parser)]
#[command(version, about)]
pub struct Cli {
    /// A TOML config file (default: ./buddymatch.toml if it exists).
    #[arg(long, global = true, env = "BUDDYMATCH_CONFIG")]
    pub config: Option<PathBuf>,
    /// Port to listen on (overrides PORT and the config file).
    #[arg(long, global = true)]
    pub port: Option<u16>,
    /// Address to listen on (overrides BIND and the config file).
    #[arg(long, global = true)]
    pub bind: Option<String>,
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the web server and the email worker (the default).
    Serve,
    /// Create or update the database schema, then exit.
    Migrate,
    /// Fill a programme with a realistic synthetic population (demos, benchmarks).
    Demo(demo::DemoArgs),
    /// Import participants from a CSV file: all or nothing, exit code 2 on problems.
    Import(import::ImportArgs),
    /// Run a matching run now and print a one-line summary; the proposals wait for review.
    Match(match_run::MatchArgs),
    /// Run the connections continuum's scheduler pass once (check-ins, reminders, stages) and
    /// print a one-line summary; `--as-of` simulates another moment.
    Continuum(continuum::ContinuumArgs),
    /// Coordinator accounts: `coordinator add <email> [--admin] [--programme <slug>]...`.
    Coordinator {
        /// What to do.
        #[command(subcommand)]
        action: accounts::CoordinatorCommand,
    },
    /// Programmes: `programme add --slug <slug> --name <name> --language <code> --area
    /// "Name;lat;lon"...` and `programme list`.
    Programme {
        /// What to do.
        #[command(subcommand)]
        action: programmes::ProgrammeCommand,
    },
    /// Write a consistent, checked copy of the SQLite database to FILE (safe while the
    /// service runs); for PostgreSQL use pg_dump.
    Backup(backup::BackupArgs),
    /// Put a copy made by `backup` back in place of the SQLite database (stop the service
    /// first); the database it replaces is kept beside it.
    Restore(backup::RestoreArgs),
    /// API tokens: `token create <email> [--label <text>]`.
    Token {
        /// What to do.
        #[command(subcommand)]
        action: accounts::TokenCommand,
    },
}
