//! `buddymatch coordinator add <email>` and `buddymatch token create <email>`: accounts and API
//! tokens for the coordinator side and the JSON API.

use std::io::{BufRead, IsTerminal};

use anyhow::Context;
use clap::{Args, Subcommand};
use secrecy::ExposeSecret;

use crate::accounts::store::{self, CoordinatorRole};
use crate::accounts::{hash_password, Password, PasswordError};
use crate::db::Db;
use crate::domain::{Email, ValidationErrors};
use crate::settings::Settings;

/// `buddymatch coordinator ...`
#[derive(Debug, Subcommand)]
pub enum CoordinatorCommand {
    /// Create a coordinator account. The password is read from standard input (first line) when
    /// it is not a terminal, else prompted for twice; at least 12 characters.
    Add(AddCoordinator),
}

/// Arguments of `coordinator add`.
#[derive(Debug, Args)]
pub struct AddCoordinator {
    /// The coordinator's email address (their login).
    pub email: String,
    /// An administrator: reaches every programme.
    #[arg(long)]
    pub admin: bool,
    /// A programme (slug) the coordinator works on; repeat for several.
    #[arg(long = "programme", value_name = "SLUG")]
    pub programmes: Vec<String>,
}

/// `buddymatch token ...`
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a coordinator and print it (once).
    Create(CreateToken),
    /// List a coordinator's API tokens (ids, labels, last use; never the tokens).
    List {
        /// The coordinator's email address.
        email: String,
    },
    /// Revoke one of a coordinator's API tokens by id (see `token list`).
    Revoke {
        /// The coordinator's email address.
        email: String,
        /// The token id.
        id: i32,
    },
}

/// Arguments of `token create`.
#[derive(Debug, Args)]
pub struct CreateToken {
    /// The coordinator's email address.
    pub email: String,
    /// What the token is for (shown in listings), e.g. "reporting script".
    #[arg(long, default_value = "cli")]
    pub label: String,
}

fn parse_email(raw: &str) -> anyhow::Result<Email> {
    Email::parse(raw).map_err(|code| {
        anyhow::anyhow!(
            "`{raw}` is not usable as an email address: {}",
            ValidationErrors::english(code)
        )
    })
}

fn open_db(settings: &Settings) -> anyhow::Result<Db> {
    Db::connect(settings.database_url.expose_secret(), 2).context("opening the database")
}

/// Reads the new password: the first line of standard input when that is not a terminal,
/// otherwise two prompts that must match.
fn read_password() -> anyhow::Result<Password> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        let first = rpassword::prompt_password(format!(
            "Password (at least {} characters): ",
            Password::MIN_CHARS
        ))
        .context("reading the password")?;
        let password = Password::parse(&first)?;
        let second =
            rpassword::prompt_password("Repeat the password: ").context("reading the password")?;
        if first != second {
            return Err(PasswordError::Mismatch.into());
        }
        Ok(password)
    } else {
        let mut line = String::new();
        let read = stdin
            .lock()
            .read_line(&mut line)
            .context("reading the password from standard input")?;
        if read == 0 {
            anyhow::bail!(
                "no password on standard input: pipe it in (first line) or run in a terminal to be prompted"
            );
        }
        Ok(Password::parse(&line)?)
    }
}

/// Runs `coordinator ...`.
///
/// # Errors
/// An invalid email or password, an unknown programme, an existing account, or the database.
pub fn coordinator(settings: &Settings, command: CoordinatorCommand) -> anyhow::Result<()> {
    match command {
        CoordinatorCommand::Add(args) => add_coordinator(settings, &args),
    }
}

fn add_coordinator(settings: &Settings, args: &AddCoordinator) -> anyhow::Result<()> {
    let email = parse_email(&args.email)?;
    let password = read_password()?;
    let hash = hash_password(&password)?;
    let role = if args.admin {
        CoordinatorRole::Admin
    } else {
        CoordinatorRole::Coordinator
    };
    let db = open_db(settings)?;
    let now = chrono::Utc::now().naive_utc();
    let created = db.write(|conn| {
        // The demo programme is made on first start; make it now if the server never ran.
        if args.programmes.contains(&settings.demo_programme) {
            crate::db::programmes::ensure_demo(conn, &settings.demo_programme)?;
        }
        store::create_coordinator(conn, &email, &hash, role, &args.programmes, now)
    })?;
    let programmes = if args.programmes.is_empty() {
        "none".to_owned()
    } else {
        args.programmes.join(", ")
    };
    println!(
        "Created {} {} (programmes: {programmes}).",
        created.role.code(),
        created.email
    );
    if role == CoordinatorRole::Coordinator && args.programmes.is_empty() {
        println!(
            "Note: this coordinator has no programme yet and will see none; add `--programme <slug>`."
        );
    }
    println!(
        "Create an API token with: buddymatch token create {}",
        created.email
    );
    Ok(())
}

/// Runs `token ...`.
///
/// # Errors
/// An invalid email or label, an unknown account, or the database.
pub fn token(settings: &Settings, command: TokenCommand) -> anyhow::Result<()> {
    match command {
        TokenCommand::Create(args) => create_token(settings, &args),
        TokenCommand::List { email } => {
            let email = parse_email(&email)?;
            let tokens = open_db(settings)?.write(|conn| store::list_api_tokens(conn, &email))?;
            if tokens.is_empty() {
                println!("{email} has no API tokens.");
            }
            for t in tokens {
                let last = t.last_used_at.map_or_else(
                    || "never".to_owned(),
                    |at| format!("{} UTC", at.format("%Y-%m-%d %H:%M")),
                );
                println!(
                    "{}\t{}\tcreated {} UTC\tlast used {last}",
                    t.id,
                    t.label,
                    t.created_at.format("%Y-%m-%d %H:%M")
                );
            }
            Ok(())
        }
        TokenCommand::Revoke { email, id } => {
            let email = parse_email(&email)?;
            if open_db(settings)?.write(|conn| store::revoke_api_token(conn, &email, id))? {
                println!("Revoked token {id} of {email}; requests with it now get 401.");
                Ok(())
            } else {
                anyhow::bail!(
                    "{email} has no token with id {id} (see `buddymatch token list {email}`)"
                )
            }
        }
    }
}

fn create_token(settings: &Settings, args: &CreateToken) -> anyhow::Result<()> {
    let email = parse_email(&args.email)?;
    let label = args.label.trim();
    if label.is_empty() || label.chars().count() > 100 || label.chars().any(char::is_control) {
        anyhow::bail!("the label must be 1 to 100 printable characters");
    }
    let db = open_db(settings)?;
    let now = chrono::Utc::now().naive_utc();
    let plain = db.write(|conn| store::create_api_token(conn, &email, label, now))?;
    println!("API token for {email} (label: {label}). It is shown only this once; keep it secret:");
    println!();
    println!("{plain}");
    println!();
    println!("Send it with every API request in the Authorization header:");
    println!("  Authorization: Bearer {plain}");
    println!(
        "For example: curl -H \"Authorization: Bearer {plain}\" {}/api/v1/programmes",
        settings.public_url()
    );
    println!("API reference: {}/api/docs", settings.public_url());
    Ok(())
}
