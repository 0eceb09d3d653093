//! `spawn_app()` and friends: the real application, its own database, a random port.

use std::sync::atomic::{AtomicU32, Ordering};

use buddymatch::db::Db;
use buddymatch::settings::{EmailTransportKind, Settings};
use buddymatch::startup::Application;
use buddymatch::state::AppState;
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use secrecy::SecretString;

/// A running app for one test.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`
    pub address: String,
    /// The state the server runs with: database, settings, mailer.
    pub state: AppState,
    /// A client that keeps cookies and does not follow redirects.
    pub client: reqwest::Client,
    /// Keeps the temporary SQLite folder alive for the test.
    _dir: tempfile::TempDir,
}

impl TestApp {
    /// The database.
    pub fn db(&self) -> &Db {
        &self.state.db
    }

    /// `GET address + path`.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("request sent")
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A database URL of its own for one test: a fresh PostgreSQL database on TEST_DATABASE_URL's
/// server when that is set, else a SQLite file in `dir`.
pub fn fresh_database_url(dir: &std::path::Path) -> String {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(server_url) if !server_url.is_empty() => {
            let name = format!(
                "bm_test_{}_{}_{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed),
                chrono::Utc::now().timestamp_micros()
            );
            let mut admin =
                PgConnection::establish(&server_url).expect("TEST_DATABASE_URL reachable");
            admin
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .expect("create test database");
            let base = server_url
                .rsplit_once('/')
                .map_or(server_url.as_str(), |(b, _)| b);
            format!("{base}/{name}")
        }
        _ => {
            if std::env::var("CI").is_ok_and(|v| v == "true")
                && std::env::var("BUDDYMATCH_TEST_BACKEND").is_ok_and(|v| v == "postgres")
            {
                panic!("BUDDYMATCH_TEST_BACKEND=postgres but TEST_DATABASE_URL is not set");
            }
            format!("sqlite://{}", dir.join("test.db").display())
        }
    }
}

/// Settings for a test: random port, own database, in-memory email, fast outbox polling.
#[allow(clippy::field_reassign_with_default)] // reads as a list of what tests change
pub fn test_settings(dir: &std::path::Path) -> Settings {
    let mut settings = Settings::default();
    settings.port = 0;
    settings.database_url = SecretString::from(fresh_database_url(dir));
    settings.database_max_connections = 4;
    settings.email.transport = EmailTransportKind::Memory;
    settings.email.outbox_dir = dir.join("outbox");
    settings.email.poll_interval_ms = 50;
    settings
}

/// Starts the app with test settings.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Starts the app with test settings changed by `configure`.
pub async fn spawn_app_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut settings = test_settings(dir.path());
    configure(&mut settings);
    let app = Application::build(settings).expect("app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.app_state().clone();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .expect("client");
    TestApp {
        address,
        state,
        client,
        _dir: dir,
    }
}
