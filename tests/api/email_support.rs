//! Shared by the email tests: an app state without a background worker (so the test drives the
//! outbox itself), sample messages, and a real SMTP server (tests/support/smtp_sink.py).

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use buddymatch::db::Db;
use buddymatch::email::outbox::{self, NewEmail, OutboxMessage};
use buddymatch::settings::Settings;
use buddymatch::startup::Application;
use buddymatch::state::AppState;
use secrecy::ExposeSecret;

use crate::helpers::{test_settings_with_database, TestDatabase};

/// A state like the server's, but no worker runs: only the test sends.
pub struct Instance {
    pub state: AppState,
    _database: TestDatabase,
    _dir: tempfile::TempDir,
}

/// Its own database (SQLite file or fresh PostgreSQL database), settings changed by `configure`.
pub fn instance(configure: impl FnOnce(&mut Settings)) -> Instance {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut settings, database) = test_settings_with_database(dir.path());
    // Poll rarely: a test that does start a worker decides itself when it runs.
    settings.email.poll_interval_ms = 3_600_000;
    configure(&mut settings);
    let db = Db::connect(
        settings.database_url.expose_secret(),
        settings.database_max_connections,
    )
    .expect("database opens");
    let state = Application::state(settings, db).expect("state builds");
    Instance {
        state,
        _database: database,
        _dir: dir,
    }
}

/// A second app instance on the same database (its own pool and its own mailer), as when
/// several instances run behind a load balancer.
pub fn second_instance(first: &AppState) -> AppState {
    let settings = (*first.settings).clone();
    let db = Db::connect(
        settings.database_url.expose_secret(),
        settings.database_max_connections,
    )
    .expect("database opens again");
    Application::state(settings, db).expect("state builds")
}

/// A message in Arabic with an HTML fragment.
pub fn sample(to: &str) -> NewEmail {
    NewEmail {
        to: to.to_owned(),
        language: "ar".into(),
        subject: "مرحبا — تأكيد التسجيل".into(),
        body_text: "أهلا أمل، اضغطي على الرابط: https://example.org/confirm/abc".into(),
        body_html: "<p>أهلا أمل، <a href=\"https://example.org/confirm/abc\">تأكيد</a></p>".into(),
    }
}

/// Enqueues `email` in its own committed transaction.
pub fn enqueue(state: &AppState, email: &NewEmail) {
    let now = chrono::Utc::now().naive_utc();
    state
        .db
        .write(|conn| outbox::enqueue(conn, email, now))
        .expect("enqueued");
}

/// Every outbox row, oldest first.
pub fn rows(state: &AppState) -> Vec<OutboxMessage> {
    let mut conn = state.db.get().expect("connection");
    buddymatch::db::outbox::all(&mut conn).expect("outbox readable")
}

/// A port nobody listens on (right now).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port()
}

/// `.eml` files in `dir` that contain `needle` (e.g. a Message-ID).
pub fn eml_files_containing(dir: &Path, needle: &str) -> Vec<(PathBuf, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(PathBuf, String)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            text.contains(needle).then_some((p, text))
        })
        .collect();
    found.sort();
    found
}

/// Waits up to `timeout` for at least one `.eml` with `needle` in `dir`.
pub async fn wait_for_eml(dir: &Path, needle: &str, timeout: Duration) -> Vec<(PathBuf, String)> {
    let start = Instant::now();
    loop {
        let found = eml_files_containing(dir, needle);
        if !found.is_empty() || start.elapsed() > timeout {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

const INSTALL_HINT: &str = "the SMTP tests need Python 3 with aiosmtpd: run ./scripts/test \
     (it installs aiosmtpd into .venv-test/), or `python3 -m pip install aiosmtpd`, or set \
     TEST_SMTP_PYTHON to a Python that has it";

/// A Python interpreter that can import aiosmtpd: `TEST_SMTP_PYTHON`, the test venv made by
/// scripts/test, or `python3`.
pub fn python_with_aiosmtpd() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Ok(p) = std::env::var("TEST_SMTP_PYTHON") {
        candidates.push(PathBuf::from(p));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv-test/bin/python"));
    candidates.push(PathBuf::from("python3"));
    candidates.into_iter().find(|python| {
        Command::new(python)
            .args(["-c", "import aiosmtpd"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// A running tests/support/smtp_sink.py; killed on drop.
pub struct Sink {
    child: Child,
    pub url: String,
    pub maildir: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the sink on `port`, writing into a new temporary folder; panics with how to install
/// aiosmtpd when no Python has it.
pub fn start_sink(port: u16) -> Sink {
    let dir = tempfile::tempdir().expect("temp maildir");
    let child = spawn_sink(port, "--dir", dir.path());
    Sink {
        child,
        url: format!("smtp://127.0.0.1:{port}"),
        maildir: dir.path().to_owned(),
        _dir: dir,
    }
}

/// A running tests/support/smtp_sink.py that only notes each message's `Message-ID`, a line per
/// message received (for thousands of messages); killed on drop.
pub struct IdSink {
    child: Child,
    pub url: String,
    ids: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for IdSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl IdSink {
    /// Starts one on a free port.
    pub fn start() -> Self {
        let port = free_port();
        let dir = tempfile::tempdir().expect("temp dir");
        let ids = dir.path().join("received.txt");
        let child = spawn_sink(port, "--ids", &ids);
        Self {
            child,
            url: format!("smtp://127.0.0.1:{port}"),
            ids,
            _dir: dir,
        }
    }

    /// The `Message-ID` of every message received so far, in arrival order (twice if received
    /// twice).
    pub fn received(&self) -> Vec<String> {
        std::fs::read_to_string(&self.ids)
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }
}

/// Starts tests/support/smtp_sink.py on `port` with `option target` and waits until it listens.
fn spawn_sink(port: u16, option: &str, target: &Path) -> Child {
    let python = python_with_aiosmtpd().unwrap_or_else(|| panic!("{INSTALL_HINT}"));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/smtp_sink.py");
    let mut child = Command::new(&python)
        .arg(&script)
        .args(["--host", "127.0.0.1", "--port", &port.to_string(), option])
        .arg(target)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", script.display()));
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the SMTP sink exited ({status}) before listening on port {port}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the SMTP sink did not listen on port {port} within 15 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    child
}

/// The SMTP server the tests send to: `TEST_SMTP_URL` + `TEST_SMTP_MAILDIR` (scripts/test sets
/// both); required when `CI=true`; otherwise one is started here.
pub enum SmtpServer {
    /// Given by the environment.
    External { url: String, maildir: PathBuf },
    /// Started by this test.
    Own(Sink),
}

impl SmtpServer {
    pub fn from_env_or_start() -> Self {
        let url = std::env::var("TEST_SMTP_URL")
            .ok()
            .filter(|v| !v.is_empty());
        let maildir = std::env::var("TEST_SMTP_MAILDIR")
            .ok()
            .filter(|v| !v.is_empty());
        match (url, maildir) {
            (Some(url), Some(maildir)) => Self::External {
                url,
                maildir: PathBuf::from(maildir),
            },
            (url, maildir) => {
                assert!(
                    std::env::var("CI").map_or(true, |v| v != "true"),
                    "CI=true but TEST_SMTP_URL ({}) and TEST_SMTP_MAILDIR ({}) are not both set: \
                     the real-SMTP test must run in CI. Run the tests with ./scripts/test, which \
                     starts tests/support/smtp_sink.py and sets both.",
                    if url.is_some() { "set" } else { "missing" },
                    if maildir.is_some() { "set" } else { "missing" },
                );
                Self::Own(start_sink(free_port()))
            }
        }
    }

    pub fn url(&self) -> &str {
        match self {
            Self::External { url, .. } => url,
            Self::Own(sink) => &sink.url,
        }
    }

    pub fn maildir(&self) -> &Path {
        match self {
            Self::External { maildir, .. } => maildir,
            Self::Own(sink) => &sink.maildir,
        }
    }
}
