//! Email: one [`Mailer`] over SMTP, a folder of `.eml` files, or memory; messages are written to
//! the outbox table in the same transaction as the change that causes them
//! ([`outbox::enqueue`]) and delivered by [`outbox_worker`], with retries and backoff.
//!
//! The finished MIME message (multipart/alternative: UTF-8 plain text + HTML, `From` from the
//! settings, the stored `Message-ID`) is built only at send time, so a retry sends the very same
//! message and a receiving server can de-duplicate it.

pub mod outbox;
pub mod outbox_worker;

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::{AsyncSmtpTransportBuilder, PoolConfig};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;

use crate::settings::{EmailSettings, EmailTransportKind};
use outbox::OutboxMessage;

/// How long one SMTP command may take before the attempt counts as failed.
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// The email transport is configured in a way that cannot work.
#[derive(Debug, thiserror::Error)]
pub enum MailerConfigError {
    /// `transport = "smtp"` without a URL.
    #[error("email transport is smtp but no SMTP_URL / email.smtp_url is set")]
    MissingSmtpUrl,
    /// The SMTP URL does not parse or asks for something unsupported.
    #[error(
        "SMTP_URL `{url}` is not valid: {reason} (use smtp://host:port, \
         smtp://host:port?tls=required for STARTTLS, smtps://host:port for TLS; \
         credentials as smtp://user:password@host)"
    )]
    BadSmtpUrl {
        /// The URL with any password hidden.
        url: String,
        /// Why.
        reason: String,
    },
    /// The sender address is not a valid mailbox.
    #[error("email.from / EMAIL_FROM `{from}` is not a valid address: {reason}")]
    BadFrom {
        /// The configured value.
        from: String,
        /// Why.
        reason: String,
    },
    /// The folder for `.eml` files cannot be created.
    #[error("cannot create the email folder {}: {source}", dir.display())]
    OutboxDir {
        /// The folder.
        dir: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// A message could not be sent.
#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// The stored message cannot become an email (e.g. an invalid recipient address); retrying
    /// will not help.
    #[error("the message cannot be built: {0}")]
    InvalidMessage(String),
    /// The transport failed (SMTP server down, refused, timed out; folder not writable); a later
    /// attempt may succeed.
    #[error("{0}")]
    Transport(String),
}

impl SendError {
    /// Whether retrying cannot succeed.
    #[must_use]
    pub fn is_permanent(&self) -> bool {
        matches!(self, Self::InvalidMessage(_))
    }
}

/// A message the in-memory transport received (tests read these).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentEmail {
    /// The `Message-ID` header, with angle brackets.
    pub message_id: String,
    /// The `From` header.
    pub from: String,
    /// The recipient address.
    pub to: String,
    /// Language code of the message (also the `Content-Language` header).
    pub language: String,
    /// Subject, as given (not header-encoded).
    pub subject: String,
    /// The plain-text part, as given.
    pub body_text: String,
    /// The HTML part, as given.
    pub body_html: String,
    /// The whole message as it would go over the wire (headers, MIME parts, encodings).
    pub raw: String,
}

/// Sends finished messages through one of the transports.
pub struct Mailer {
    from: Mailbox,
    transport: Transport,
}

/// The transports behind [`Mailer`].
enum Transport {
    /// A real SMTP server. The pooled transport is built on first use because its pool needs a
    /// running async runtime (command-line tools build a mailer without one).
    Smtp {
        builder: Box<AsyncSmtpTransportBuilder>,
        transport: OnceLock<AsyncSmtpTransport<Tokio1Executor>>,
        url: String,
    },
    /// One `.eml` file per message in `dir`.
    Folder {
        transport: AsyncFileTransport<Tokio1Executor>,
        dir: PathBuf,
    },
    /// Kept in memory, for tests.
    Memory(Mutex<Vec<SentEmail>>),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut d = f.debug_struct("Mailer");
        d.field("from", &self.from.to_string());
        match &self.transport {
            Transport::Smtp { url, .. } => d.field("smtp", url),
            Transport::Folder { dir, .. } => d.field("folder", dir),
            Transport::Memory(_) => d.field("memory", &true),
        };
        d.finish()
    }
}

impl Mailer {
    /// Builds the transport the settings ask for: checks the sender address, parses the SMTP
    /// URL (no connection is made yet) or creates the folder.
    ///
    /// # Errors
    /// A misconfigured transport, with what to change.
    pub fn from_settings(settings: &EmailSettings) -> Result<Self, MailerConfigError> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| MailerConfigError::BadFrom {
                from: settings.from.clone(),
                reason: format!("{e}"),
            })?;
        let transport = match settings.transport {
            EmailTransportKind::Smtp => {
                let url = settings
                    .smtp_url
                    .as_ref()
                    .ok_or(MailerConfigError::MissingSmtpUrl)?;
                smtp_transport(url.expose_secret(), settings.concurrency)?
            }
            EmailTransportKind::Folder => {
                let dir = settings.outbox_dir.clone();
                std::fs::create_dir_all(&dir).map_err(|source| MailerConfigError::OutboxDir {
                    dir: dir.clone(),
                    source,
                })?;
                Transport::Folder {
                    transport: AsyncFileTransport::new(&dir),
                    dir,
                }
            }
            EmailTransportKind::Memory => Transport::Memory(Mutex::new(Vec::new())),
        };
        Ok(Self { from, transport })
    }

    /// `smtp`, `folder` or `memory`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self.transport {
            Transport::Smtp { .. } => "smtp",
            Transport::Folder { .. } => "folder",
            Transport::Memory(_) => "memory",
        }
    }

    /// What the in-memory transport has received, oldest first (empty for other transports).
    #[must_use]
    pub fn memory_messages(&self) -> Vec<SentEmail> {
        match &self.transport {
            Transport::Memory(sent) => sent
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .clone(),
            _ => Vec::new(),
        }
    }

    /// Builds the MIME message for a stored outbox row (see [`build_message`]).
    ///
    /// # Errors
    /// [`SendError::InvalidMessage`] for a recipient that is not an address.
    pub fn build(&self, message: &OutboxMessage) -> Result<Message, SendError> {
        build_message(&self.from, message)
    }

    /// Sends one stored message. `Ok` means the transport accepted it (the SMTP server answered
    /// 250 to the data, or the file was written).
    ///
    /// # Errors
    /// [`SendError::InvalidMessage`] (permanent) or [`SendError::Transport`] (try again later).
    pub async fn send(&self, message: &OutboxMessage) -> Result<(), SendError> {
        let email = self.build(message)?;
        match &self.transport {
            Transport::Smtp {
                builder, transport, ..
            } => {
                let transport = transport.get_or_init(|| (**builder).clone().build());
                transport
                    .send(email)
                    .await
                    .map(|_| ())
                    .map_err(|e| SendError::Transport(format!("SMTP: {}", error_chain(&e))))
            }
            Transport::Folder { transport, dir } => {
                transport.send(email).await.map(|_| ()).map_err(|e| {
                    SendError::Transport(format!(
                        "writing to {}: {}",
                        dir.display(),
                        error_chain(&e)
                    ))
                })
            }
            Transport::Memory(sent) => {
                let raw = String::from_utf8_lossy(&email.formatted()).into_owned();
                sent.lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push(SentEmail {
                        message_id: message.message_id.clone(),
                        from: self.from.to_string(),
                        to: message.recipient.clone(),
                        language: message.language.clone(),
                        subject: message.subject.clone(),
                        body_text: message.body_text.clone(),
                        body_html: message.body_html.clone(),
                        raw,
                    });
                Ok(())
            }
        }
    }
}

/// Parses an SMTP URL into a transport (without connecting) that keeps up to `connections`
/// connections open for reuse (the outbox worker sends that many messages at once).
fn smtp_transport(url: &str, connections: u32) -> Result<Transport, MailerConfigError> {
    let shown = crate::db::connection::redact(url);
    let bad = |reason: String| MailerConfigError::BadSmtpUrl {
        url: shown.clone(),
        reason,
    };
    match url.split_once("://") {
        Some(("smtp" | "smtps", rest)) => {
            let host = rest
                .rsplit_once('@')
                .map_or(rest, |(_, h)| h)
                .split(['/', '?', ':'])
                .next()
                .unwrap_or("");
            if host.is_empty() {
                return Err(bad("no host".into()));
            }
        }
        Some((scheme, _)) => {
            return Err(bad(format!(
                "unsupported scheme `{scheme}`, use smtp:// or smtps://"
            )))
        }
        None => return Err(bad("not a URL".into())),
    }
    if let Some((_, query)) = url.split_once('?') {
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("tls", "required" | "opportunistic")) => {}
                Some(("tls", other)) => {
                    return Err(bad(format!(
                        "tls={other} is not supported, use tls=required or tls=opportunistic"
                    )))
                }
                _ => return Err(bad(format!("unknown parameter `{pair}`"))),
            }
        }
    }
    let builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
        .map_err(|e| bad(error_chain(&e)))?
        .timeout(Some(SMTP_TIMEOUT))
        .pool_config(PoolConfig::new().max_size(connections.max(1)));
    Ok(Transport::Smtp {
        builder: Box::new(builder),
        transport: OnceLock::new(),
        url: shown,
    })
}

/// The MIME message for an outbox row: `From` = `from`, `To` = the recipient, the stored
/// `Message-ID`, `Content-Language`, and a multipart/alternative body with the UTF-8 plain-text
/// part first and the HTML part second (an HTML fragment is wrapped in a small document with
/// `lang` and `dir`).
///
/// # Errors
/// [`SendError::InvalidMessage`] for a recipient that is not an address.
pub fn build_message(from: &Mailbox, message: &OutboxMessage) -> Result<Message, SendError> {
    let to: Mailbox = message.recipient.parse().map_err(|e| {
        SendError::InvalidMessage(format!("recipient `{}`: {e}", message.recipient))
    })?;
    let html = html_document(&message.language, &message.subject, &message.body_html);
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(message.subject.clone())
        .message_id(Some(message.message_id.clone()))
        .header(ContentLanguage(message.language.clone()))
        .multipart(MultiPart::alternative_plain_html(
            message.body_text.clone(),
            html,
        ))
        .map_err(|e| SendError::InvalidMessage(format!("{e}")))
}

/// `body` as is when it is a whole document, else wrapped in one.
fn html_document(language: &str, subject: &str, body: &str) -> String {
    let head = body
        .trim_start()
        .get(..15)
        .unwrap_or("")
        .to_ascii_lowercase();
    if head.starts_with("<!doctype") || head.starts_with("<html") {
        return body.to_owned();
    }
    let dir = match crate::domain::UiLanguage::parse(language) {
        Ok(lang) if lang.is_rtl() => "rtl",
        _ => "ltr",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head><meta charset=\"utf-8\">\
         <title>{title}</title></head>\n<body>\n{body}\n</body>\n</html>\n",
        lang = escape_html(language),
        title = escape_html(subject),
    )
}

/// `s` safe inside HTML text and double-quoted attributes (`&`, `<`, `>`, `"`): the one escaper
/// for email HTML built outside a template (templates escape with askama).
#[must_use]
pub fn escape_html(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(s).into_owned()
}

/// An error and its sources on one line.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let next = s.to_string();
        if !text.contains(&next) {
            text.push_str(": ");
            text.push_str(&next);
        }
        source = s.source();
    }
    text
}

/// The `Content-Language` header (RFC 3282).
#[derive(Debug, Clone)]
struct ContentLanguage(String);

impl Header for ContentLanguage {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("Content-Language")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(s.trim().to_owned()))
    }

    fn display(&self) -> HeaderValue {
        // Language tags are ASCII letters, digits and '-'; anything else is dropped so the header
        // can never break the message.
        let tag: String = self
            .0
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        HeaderValue::new(Self::name(), tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::SecretString;

    fn smtp(url: &str) -> Result<Mailer, MailerConfigError> {
        Mailer::from_settings(&EmailSettings {
            transport: EmailTransportKind::Smtp,
            smtp_url: Some(SecretString::from(url.to_owned())),
            ..EmailSettings::default()
        })
    }

    #[test]
    fn smtp_urls_parse() {
        for url in [
            "smtp://127.0.0.1:2525",
            "smtp://mail.example.org",
            "smtp://mail.example.org:587?tls=required",
            "smtp://mail.example.org?tls=opportunistic",
            "smtps://mail.example.org",
            "smtps://user:p%40ss@mail.example.org:465",
        ] {
            let mailer = smtp(url).unwrap_or_else(|e| panic!("{url}: {e}"));
            assert_eq!(mailer.kind(), "smtp");
        }
    }

    #[test]
    fn bad_smtp_urls_are_clear_errors() {
        for (url, says) in [
            ("http://mail.example.org", "unsupported scheme `http`"),
            ("mail.example.org:25", "not a URL"),
            ("smtp://", "no host"),
            ("smtp://:25", "no host"),
            ("smtp://mail.example.org?tls=maybe", "tls=maybe"),
            (
                "smtp://mail.example.org?foo=bar",
                "unknown parameter `foo=bar`",
            ),
        ] {
            let err = smtp(url).expect_err(url).to_string();
            assert!(err.contains(says), "{url}: {err}");
            assert!(err.contains("SMTP_URL"), "{url}: {err}");
        }
        let err = smtp("ftp://user:secret@h").expect_err("ftp").to_string();
        assert!(!err.contains("secret"), "password leaked: {err}");
    }

    #[test]
    fn smtp_without_url_and_bad_from_are_refused() {
        let missing = Mailer::from_settings(&EmailSettings {
            transport: EmailTransportKind::Smtp,
            ..EmailSettings::default()
        });
        assert!(matches!(missing, Err(MailerConfigError::MissingSmtpUrl)));
        let bad_from = Mailer::from_settings(&EmailSettings {
            transport: EmailTransportKind::Memory,
            from: "not an address".into(),
            ..EmailSettings::default()
        });
        assert!(matches!(bad_from, Err(MailerConfigError::BadFrom { .. })));
    }

    fn row(to: &str, language: &str, html: &str) -> OutboxMessage {
        let now = chrono::Utc::now().naive_utc();
        OutboxMessage {
            id: 1,
            message_id: "<abc123@buddymatch>".into(),
            recipient: to.into(),
            language: language.into(),
            subject: "Привіт — ваш запис".into(),
            body_text: "Текст листа".into(),
            body_html: html.into(),
            created_at: now,
            attempts: 0,
            next_attempt_at: now,
            locked_until: None,
            sent_at: None,
            last_error: None,
        }
    }

    #[test]
    fn message_has_both_parts_headers_and_wraps_fragments() {
        let from: Mailbox = "buddymatch <noreply@example.org>".parse().expect("from");
        let message =
            build_message(&from, &row("olena@example.org", "uk", "<p>Текст</p>")).expect("builds");
        let raw = String::from_utf8(message.formatted()).expect("utf-8");
        assert!(raw.contains("Message-ID: <abc123@buddymatch>"), "{raw}");
        assert!(raw.contains("Content-Language: uk"), "{raw}");
        assert!(
            raw.contains("From: buddymatch <noreply@example.org>"),
            "{raw}"
        );
        assert!(raw.contains("To: olena@example.org"), "{raw}");
        assert!(raw.contains("multipart/alternative"), "{raw}");
        let plain = raw.find("text/plain; charset=utf-8").expect("plain part");
        let html = raw.find("text/html; charset=utf-8").expect("html part");
        assert!(plain < html, "plain text must come first");
        assert!(
            raw.contains("Subject: =?utf-8?"),
            "subject is encoded: {raw}"
        );

        let rtl = html_document("ar", "a <b>", "<p>x</p>");
        assert!(rtl.contains("lang=\"ar\" dir=\"rtl\""));
        assert!(rtl.contains("<title>a &lt;b&gt;</title>"));
        let whole = "<!DOCTYPE html><html lang=\"de\"><body>x</body></html>";
        assert_eq!(html_document("de", "s", whole), whole);
    }

    #[test]
    fn invalid_recipient_is_permanent() {
        let from: Mailbox = "a@example.org".parse().expect("from");
        let err = build_message(&from, &row("not-an-address", "en", "x")).expect_err("invalid");
        assert!(err.is_permanent());
        assert!(err.to_string().contains("not-an-address"));
    }
}
