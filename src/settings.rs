//! Settings: built-in defaults, then a TOML file, then environment variables (last wins).
//! Passed to whoever needs them; never global. Secrets never print.

use std::path::{Path, PathBuf};

use secrecy::SecretString;
use serde::Deserialize;

/// Everything the service can be told. See README "Configuration" for each setting.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Address to listen on.
    pub bind: String,
    /// Port to listen on; 0 picks a free one (tests).
    pub port: u16,
    /// `sqlite://buddymatch.db` (default), a file path, or `postgres://...`.
    pub database_url: SecretString,
    /// Largest number of pooled database connections.
    pub database_max_connections: u32,
    /// The public address people reach the service at, used in emailed links
    /// (default: `http://<bind>:<port>`).
    pub base_url: Option<String>,
    /// `development` or `production`. Production refuses the folder and memory email transports
    /// unless `allow_unsafe_email` is set.
    pub environment: Environment,
    /// Email delivery.
    pub email: EmailSettings,
    /// Slug of the programme created on first start when none exists (empty: none).
    pub demo_programme: String,
    /// Take the client's address from `X-Forwarded-For` (set this only behind a reverse proxy
    /// that writes that header; otherwise any client could claim any address).
    pub trust_proxy_headers: bool,
    /// Limits of the public sign-up form.
    pub signup: SignupLimits,
    /// Run the continuum's scheduler pass inside the server every 10 minutes (turn it off to
    /// run `buddymatch continuum` from cron instead).
    pub continuum_scheduler: bool,
}

/// What keeps the public sign-up form from being used to send mail to strangers
/// (see `src/signup/guard.rs`).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SignupLimits {
    /// Sign-ups accepted from one client address (IPv6: its /64) in an hour (0: no limit).
    pub per_client_per_hour: u32,
    /// Sign-ups accepted for one programme in an hour (0: no limit).
    pub per_programme_per_hour: u32,
    /// Seconds a form must have been open before it is taken (people need longer; scripts don't).
    pub min_fill_seconds: u32,
}

impl Default for SignupLimits {
    fn default() -> Self {
        Self {
            per_client_per_hour: 20,
            per_programme_per_hour: 200,
            min_fill_seconds: 3,
        }
    }
}

/// Where the service runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    /// Local use: email goes to a folder by default.
    Development,
    /// Real people: email must go through SMTP.
    Production,
}

/// How email leaves the service.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EmailSettings {
    /// `folder` (default: `.eml` files in `outbox_dir`), `smtp` or `memory` (tests).
    pub transport: EmailTransportKind,
    /// `smtp://host:port`, `smtps://host:port` (TLS) or `smtp://host:port?tls=required`
    /// (STARTTLS); user and password may be given as `smtp://user:pass@host`.
    pub smtp_url: Option<SecretString>,
    /// Folder for the folder transport.
    pub outbox_dir: PathBuf,
    /// Sender address, e.g. `buddymatch <noreply@example.org>`.
    pub from: String,
    /// Allow a non-SMTP transport in production.
    pub allow_unsafe_email: bool,
    /// How often the outbox worker looks for due messages, in milliseconds.
    pub poll_interval_ms: u64,
    /// Attempts before a message is given up on and shown as failed.
    pub max_attempts: i32,
    /// Messages one worker claims at a time.
    pub batch_size: u32,
    /// Messages one worker sends at once; also the most SMTP connections it keeps open.
    pub concurrency: u32,
}

/// The email transports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EmailTransportKind {
    /// `.eml` files in a folder.
    Folder,
    /// A real SMTP server.
    Smtp,
    /// Kept in memory; for tests.
    Memory,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            bind: "127.0.0.1".into(),
            port: 8080,
            database_url: SecretString::from("sqlite://buddymatch.db"),
            database_max_connections: 8,
            base_url: None,
            environment: Environment::Development,
            email: EmailSettings::default(),
            demo_programme: "demo".into(),
            trust_proxy_headers: false,
            signup: SignupLimits::default(),
            continuum_scheduler: true,
        }
    }
}

impl Default for EmailSettings {
    fn default() -> Self {
        Self {
            transport: EmailTransportKind::Folder,
            smtp_url: None,
            outbox_dir: PathBuf::from("outbox"),
            from: "buddymatch <noreply@buddymatch.invalid>".into(),
            allow_unsafe_email: false,
            poll_interval_ms: 500,
            max_attempts: 12,
            // A claim, its renewals and the marks cost a few round trips per batch; 200 keeps
            // them far below the sends while a stopped instance hands back little.
            batch_size: 200,
            // Enough connections to hide the SMTP round trips (about 5 per message); few
            // enough that a mail relay's per-client connection limit is not reached.
            concurrency: 16,
        }
    }
}

/// Settings that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The config file is missing or unreadable.
    #[error("cannot read the config file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The config file is not valid.
    #[error("the config file {path} is not valid: {source}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// Why.
        source: Box<toml::de::Error>,
    },
    /// An environment variable has a value that does not fit.
    #[error("environment variable {name} is not valid: {reason}")]
    Env {
        /// The variable.
        name: &'static str,
        /// Why.
        reason: String,
    },
    /// The combination is unsafe.
    #[error("{0}")]
    Unsafe(String),
}

impl Settings {
    /// Loads defaults, then `file` (or `buddymatch.toml` if it exists when `file` is `None`),
    /// then the environment.
    ///
    /// # Errors
    /// An unreadable or invalid file, an invalid variable, or an unsafe combination.
    pub fn load(file: Option<&Path>) -> Result<Self, SettingsError> {
        let mut settings = match file {
            Some(path) => Self::from_file(path)?,
            None if Path::new("buddymatch.toml").exists() => {
                Self::from_file(Path::new("buddymatch.toml"))?
            }
            None => Self::default(),
        };
        settings.apply_env(|name| std::env::var(name).ok())?;
        settings.check()?;
        Ok(settings)
    }

    fn from_file(path: &Path) -> Result<Self, SettingsError> {
        let text = std::fs::read_to_string(path).map_err(|source| SettingsError::Read {
            path: path.to_owned(),
            source,
        })?;
        toml::from_str(&text).map_err(|source| SettingsError::Parse {
            path: path.to_owned(),
            source: Box::new(source),
        })
    }

    /// Applies environment variables through `var` (a function so tests need not touch the
    /// process environment).
    ///
    /// # Errors
    /// A variable whose value does not parse.
    pub fn apply_env(&mut self, var: impl Fn(&str) -> Option<String>) -> Result<(), SettingsError> {
        if let Some(v) = var("BIND") {
            self.bind = v;
        }
        if let Some(v) = var("PORT") {
            self.port = parsed("PORT", &v)?;
        }
        if let Some(v) = var("DATABASE_URL") {
            self.database_url = SecretString::from(v);
        }
        if let Some(v) = var("DATABASE_MAX_CONNECTIONS") {
            self.database_max_connections = parsed("DATABASE_MAX_CONNECTIONS", &v)?;
        }
        if let Some(v) = var("BASE_URL") {
            self.base_url = Some(v);
        }
        if let Some(v) = var("BUDDYMATCH_ENV") {
            self.environment = match v.as_str() {
                "development" => Environment::Development,
                "production" => Environment::Production,
                _ => {
                    return Err(SettingsError::Env {
                        name: "BUDDYMATCH_ENV",
                        reason: "use development or production".into(),
                    })
                }
            };
        }
        if let Some(v) = var("SMTP_URL") {
            self.email.smtp_url = Some(SecretString::from(v));
            self.email.transport = EmailTransportKind::Smtp;
        }
        if let Some(v) = var("EMAIL_TRANSPORT") {
            self.email.transport = match v.as_str() {
                "folder" => EmailTransportKind::Folder,
                "smtp" => EmailTransportKind::Smtp,
                "memory" => EmailTransportKind::Memory,
                _ => {
                    return Err(SettingsError::Env {
                        name: "EMAIL_TRANSPORT",
                        reason: "use folder, smtp or memory".into(),
                    })
                }
            };
        }
        if let Some(v) = var("OUTBOX_DIR") {
            self.email.outbox_dir = PathBuf::from(v);
        }
        if let Some(v) = var("EMAIL_FROM") {
            self.email.from = v;
        }
        if let Some(v) = var("DEMO_PROGRAMME") {
            self.demo_programme = v;
        }
        if let Some(v) = var("CONTINUUM_SCHEDULER") {
            self.continuum_scheduler = parsed("CONTINUUM_SCHEDULER", &v)?;
        }
        if let Some(v) = var("TRUST_PROXY_HEADERS") {
            self.trust_proxy_headers = parsed("TRUST_PROXY_HEADERS", &v)?;
        }
        let limits = &mut self.signup;
        for (name, field) in [
            (
                "SIGNUP_PER_CLIENT_PER_HOUR",
                &mut limits.per_client_per_hour,
            ),
            (
                "SIGNUP_PER_PROGRAMME_PER_HOUR",
                &mut limits.per_programme_per_hour,
            ),
            ("SIGNUP_MIN_FILL_SECONDS", &mut limits.min_fill_seconds),
        ] {
            if let Some(v) = var(name) {
                *field = parsed(name, &v)?;
            }
        }
        Ok(())
    }

    /// The public address without a trailing slash, e.g. `http://127.0.0.1:8080`.
    #[must_use]
    pub fn public_url(&self) -> String {
        match &self.base_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}:{}", self.bind, self.port),
        }
    }

    /// Refuses combinations that would lose or leak mail.
    ///
    /// # Errors
    /// [`SettingsError::Unsafe`] with what to change.
    pub fn check(&self) -> Result<(), SettingsError> {
        if self.email.transport == EmailTransportKind::Smtp && self.email.smtp_url.is_none() {
            return Err(SettingsError::Unsafe(
                "email.transport is smtp but no SMTP_URL / email.smtp_url is set".into(),
            ));
        }
        if self.environment == Environment::Production
            && self.email.transport != EmailTransportKind::Smtp
            && !self.email.allow_unsafe_email
        {
            return Err(SettingsError::Unsafe(
                "production needs SMTP: set SMTP_URL (or email.allow_unsafe_email = true to keep mail in a folder)".into(),
            ));
        }
        Ok(())
    }
}

/// An environment variable's value as a `T`, or a clear error naming it.
fn parsed<T: std::str::FromStr>(name: &'static str, value: &str) -> Result<T, SettingsError>
where
    T::Err: std::fmt::Display,
{
    value.trim().parse().map_err(|e| SettingsError::Env {
        name,
        reason: format!("{e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn env_overrides_defaults() {
        let mut s = Settings::default();
        s.apply_env(|n| match n {
            "PORT" => Some("9000".into()),
            "DATABASE_URL" => Some("postgres://x@y/z".into()),
            "SMTP_URL" => Some("smtp://127.0.0.1:2525".into()),
            "SIGNUP_PER_CLIENT_PER_HOUR" => Some("7".into()),
            "TRUST_PROXY_HEADERS" => Some("true".into()),
            _ => None,
        })
        .expect("valid env");
        assert_eq!(s.port, 9000);
        assert_eq!(s.database_url.expose_secret(), "postgres://x@y/z");
        assert_eq!(s.email.transport, EmailTransportKind::Smtp);
        assert_eq!(s.signup.per_client_per_hour, 7);
        assert!(s.trust_proxy_headers);
        assert!(s.check().is_ok());
    }

    #[test]
    fn bad_port_is_a_clear_error() {
        let mut s = Settings::default();
        let err = s
            .apply_env(|n| (n == "PORT").then(|| "eighty".to_string()))
            .expect_err("a port that is not a number is refused");
        assert!(err.to_string().contains("PORT"));
    }

    #[test]
    fn production_refuses_folder_mail() {
        let s = Settings {
            environment: Environment::Production,
            ..Settings::default()
        };
        assert!(matches!(s.check(), Err(SettingsError::Unsafe(_))));
    }

    #[test]
    fn file_layer_parses_and_rejects_unknown_keys() {
        let s: Settings =
            toml::from_str("port = 1234\n[email]\nfrom = \"a <a@b.c>\"\n").expect("valid");
        assert_eq!(s.port, 1234);
        assert_eq!(s.email.from, "a <a@b.c>");
        assert!(toml::from_str::<Settings>("prot = 1\n").is_err());
    }
}
