//! `spawn_app()` and friends: the real application, its own database, a random port.

use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

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
    /// Drops the test's PostgreSQL database when the test ends (declared before `_dir`, so it
    /// goes first).
    _database: TestDatabase,
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

    /// The signed "shown at" stamp of a freshly served sign-up form, as a browser would send it.
    pub async fn form_stamp(&self, query: &str) -> String {
        let html = self
            .get(&format!("/signup?{query}"))
            .await
            .text()
            .await
            .expect("form page");
        form_stamp_in(&html)
    }
}

/// The `started` stamp in a sign-up form page (empty when the page has no form).
pub fn form_stamp_in(html: &str) -> String {
    let marker = "name=\"started\" value=\"";
    html.find(marker).map_or_else(String::new, |at| {
        html[at + marker.len()..]
            .chars()
            .take_while(|c| *c != '"')
            .collect()
    })
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// One test's database: a fresh PostgreSQL database on TEST_DATABASE_URL's server when that is
/// set, else a SQLite file in the test's folder. A PostgreSQL database is dropped when this is,
/// so plain `cargo test` leaves no `bm_test_*` databases behind.
pub struct TestDatabase {
    url: String,
    /// The server's URL (TEST_DATABASE_URL) and the database's name, for PostgreSQL.
    postgres: Option<(String, String)>,
}

impl TestDatabase {
    /// Creates the database (PostgreSQL) or picks the file name in `dir` (SQLite).
    pub fn new(dir: &std::path::Path) -> Self {
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
                Self {
                    url: format!("{base}/{name}"),
                    postgres: Some((server_url, name)),
                }
            }
            _ => {
                if std::env::var("CI").is_ok_and(|v| v == "true")
                    && std::env::var("BUDDYMATCH_TEST_BACKEND").is_ok_and(|v| v == "postgres")
                {
                    panic!("BUDDYMATCH_TEST_BACKEND=postgres but TEST_DATABASE_URL is not set");
                }
                Self {
                    url: format!("sqlite://{}", dir.join("test.db").display()),
                    postgres: None,
                }
            }
        }
    }

    /// The URL the app connects to.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for TestDatabase {
    /// Drops the PostgreSQL database. The app's pool may still hold connections (its server task
    /// ends with the test's runtime, after this), hence `WITH (FORCE)`. A failure only warns: the
    /// test's result stands, and `scripts/test` sweeps leftovers.
    fn drop(&mut self) {
        let Some((server_url, name)) = &self.postgres else {
            return;
        };
        // Two statements, two calls: DROP DATABASE cannot run inside the implicit transaction
        // of a multi-statement batch.
        let dropped = PgConnection::establish(server_url)
            .map_err(|e| e.to_string())
            .and_then(|mut admin| {
                admin
                    .batch_execute(&format!(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                         WHERE datname = '{name}' AND pid <> pg_backend_pid()"
                    ))
                    .and_then(|()| {
                        admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    })
                    .map_err(|e| e.to_string())
            });
        if let Err(e) = dropped {
            eprintln!("warning: could not drop test database {name}: {e}");
        }
    }
}

/// Settings for a test: random port, own database, in-memory email, fast outbox polling; and the
/// database they point at, which is dropped with the returned guard.
#[allow(clippy::field_reassign_with_default)] // reads as a list of what tests change
pub fn test_settings_with_database(dir: &std::path::Path) -> (Settings, TestDatabase) {
    let database = TestDatabase::new(dir);
    let mut settings = Settings::default();
    settings.port = 0;
    settings.database_url = SecretString::from(database.url().to_owned());
    settings.database_max_connections = 4;
    settings.email.transport = EmailTransportKind::Memory;
    settings.email.outbox_dir = dir.join("outbox");
    settings.email.poll_interval_ms = 50;
    // Tests send forms as soon as they have them; the floor itself is tested in signup_abuse.rs.
    settings.signup.min_fill_seconds = 0;
    (settings, database)
}

/// Starts the app with test settings.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Starts the app without its own continuum scheduler, for tests that run the passes themselves
/// at chosen times (the app's own pass, at the real time, would race with them).
pub async fn spawn_app_manual_scheduler() -> TestApp {
    spawn_app_with(|s| s.continuum_scheduler = false).await
}

/// Starts the app with test settings changed by `configure`.
pub async fn spawn_app_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut settings, database) = test_settings_with_database(dir.path());
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
        _database: database,
        _dir: dir,
    }
}

/// Waits until `condition` holds, looking every 20 ms, or until `timeout` has passed: instead of
/// a fixed sleep. It does not judge: the caller's assertions that follow say what went wrong.
pub async fn wait_until<F, Fut>(timeout: Duration, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = Instant::now() + timeout;
    while !condition().await && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
