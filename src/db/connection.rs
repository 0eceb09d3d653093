//! Connections and the pool. SQLite gets its pragmas on every new connection, and writes to
//! SQLite are serialised in-process: SQLite allows one writer, and a deferred transaction that
//! reads before it writes can fail with `SQLITE_BUSY` whatever the busy timeout.
//!
//! SQLite's WAL is checkpointed by a background thread, not by the writer whose commit crosses
//! the automatic threshold: that commit would copy the WAL into the database file and sync it
//! while every other writer waits (under sign-up load it put p99 latency at 250-350 ms instead
//! of about 35 ms). Those checkpoints never shrink the WAL file, which keeps the size of its
//! busiest moment; so once writes have stopped for a few seconds the checkpointer truncates it,
//! and [`Db::truncate_wal`] does on shutdown.

use std::sync::{Arc, Weak};

use anyhow::Context;
use std::time::Duration;

use parking_lot::{FairMutex, FairMutexGuard};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection};
use diesel::{MultiConnection, PgConnection, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// A connection to either backend; queries written once run on both.
#[derive(MultiConnection)]
pub enum DbConnection {
    /// PostgreSQL, for production and several app instances.
    Postgresql(PgConnection),
    /// SQLite, the embedded default.
    Sqlite(SqliteConnection),
}

/// Which database the URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// `postgres://` or `postgresql://`
    Postgres,
    /// `sqlite://path`, `file:path` or a plain file path
    Sqlite,
}

/// Errors opening or migrating the database.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The URL names a database this build cannot talk to.
    #[error(
        "unsupported database URL scheme `{0}`: use postgres://..., sqlite://... or a file path"
    )]
    UnsupportedScheme(String),
    /// The pool could not hand out a connection in time.
    #[error("the database is not reachable: {0}")]
    Pool(#[from] r2d2::PoolError),
    /// A query failed.
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    /// Anything else, with context.
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

/// A constraint that refused a write: the one place that reads diesel's error kinds, so callers
/// ask "was it a duplicate?" instead of matching nested diesel errors by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A unique constraint: a row with the same key exists (or arrived first).
    Duplicate,
    /// A foreign key: the row refers to one that is gone, or is still referred to.
    StillReferenced,
}

impl Refusal {
    /// The refusal behind a diesel error, if it is one.
    #[must_use]
    pub fn of(e: &diesel::result::Error) -> Option<Self> {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => Some(Self::Duplicate),
            Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => {
                Some(Self::StillReferenced)
            }
            _ => None,
        }
    }
}

impl DbError {
    /// The constraint that refused the write, also when the diesel error was given context.
    #[must_use]
    pub fn refusal(&self) -> Option<Refusal> {
        match self {
            Self::Query(e) => Refusal::of(e),
            Self::Unexpected(e) => e
                .downcast_ref::<diesel::result::Error>()
                .and_then(Refusal::of),
            Self::UnsupportedScheme(_) | Self::Pool(_) => None,
        }
    }

    /// A unique constraint refused the write (a second row with the same key arrived first).
    #[must_use]
    pub fn is_unique_violation(&self) -> bool {
        self.refusal() == Some(Refusal::Duplicate)
    }
}

impl Backend {
    /// Picks the backend from a database URL.
    ///
    /// # Errors
    /// [`DbError::UnsupportedScheme`] for a URL with another scheme (e.g. `mysql://`).
    pub fn from_url(url: &str) -> Result<Self, DbError> {
        match url.split_once("://") {
            Some(("postgres" | "postgresql", _)) => Ok(Self::Postgres),
            Some(("sqlite", _)) => Ok(Self::Sqlite),
            Some((scheme, _)) => Err(DbError::UnsupportedScheme(scheme.to_owned())),
            None => Ok(Self::Sqlite),
        }
    }
}

/// Turns `sqlite://path` into the path SQLite expects.
/// The file of a SQLite database URL (`sqlite://FILE` or a plain path).
#[must_use]
pub fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://").unwrap_or(url)
}

/// The versions of the SQLite migrations this build knows, oldest first.
///
/// # Errors
/// The embedded migrations cannot be listed.
pub fn sqlite_migration_versions() -> Result<Vec<String>, DbError> {
    use diesel::migration::MigrationSource;
    let migrations = MigrationSource::<diesel::sqlite::Sqlite>::migrations(&SQLITE_MIGRATIONS)
        .map_err(|e| anyhow::anyhow!("listing the migrations: {e}"))?;
    Ok(migrations
        .iter()
        .map(|m| m.name().version().to_string())
        .collect())
}

/// r2d2 manager that opens the right backend and prepares SQLite connections.
#[derive(Debug, Clone)]
pub struct Manager {
    url: String,
    backend: Backend,
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        match self.backend {
            Backend::Postgres => PgConnection::establish(&self.url)
                .map(DbConnection::Postgresql)
                .map_err(r2d2::Error::ConnectionError),
            Backend::Sqlite => {
                let mut conn = SqliteConnection::establish(sqlite_path(&self.url))
                    .map_err(r2d2::Error::ConnectionError)?;
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; \
                     PRAGMA wal_autocheckpoint = 0;",
                )
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConnection) -> bool {
        false
    }
}

/// A pooled connection.
pub type PooledConn = r2d2::PooledConnection<Manager>;

/// The database handle shared by handlers, workers and commands. Cheap to clone.
#[derive(Clone)]
pub struct Db {
    pool: r2d2::Pool<Manager>,
    backend: Backend,
    sqlite_writer: Arc<FairMutex<()>>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl Db {
    /// Opens a pool for `url` (creating the SQLite file if needed) and runs pending migrations.
    ///
    /// # Errors
    /// An unsupported URL, an unreachable server or a failed migration.
    pub fn connect(url: &str, max_connections: u32) -> Result<Self, DbError> {
        let backend = Backend::from_url(url)?;
        // Switch a new SQLite file to WAL once, before the pool opens its connections in
        // parallel: several connections converting the same file at once get "database is
        // locked". The connection then serves the checkpointer.
        let checkpoint_conn = match backend {
            Backend::Sqlite => Some(open_in_wal_mode(sqlite_path(url))?),
            Backend::Postgres => None,
        };
        let manager = Manager {
            url: url.to_owned(),
            backend,
        };
        let pool = r2d2::Pool::builder()
            .max_size(max_connections.max(1))
            .connection_timeout(Duration::from_secs(10))
            // A PostgreSQL connection may have been dropped by the server (a restart) while it
            // sat in the pool: test it on checkout. A SQLite file's connection cannot be, and a
            // writer checks out while holding the writer turn, so the test would lengthen it.
            .test_on_check_out(backend == Backend::Postgres)
            .build(manager)
            .map_err(|e| anyhow::anyhow!("cannot open the database at {}: {e}", redact(url)))?;
        let db = Self {
            pool,
            backend,
            sqlite_writer: Arc::new(FairMutex::new(())),
        };
        db.migrate()?;
        if let Some(conn) = checkpoint_conn {
            spawn_checkpointer(conn, Arc::downgrade(&db.sqlite_writer))?;
        }
        Ok(db)
    }

    /// The most connections the pool opens.
    #[must_use]
    pub fn max_connections(&self) -> u32 {
        self.pool.max_size()
    }

    /// Which backend this pool talks to.
    #[must_use]
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Runs the embedded migrations that have not run yet; returns how many ran.
    ///
    /// # Errors
    /// A migration that fails (the database is left as the failed migration's transaction left it).
    pub fn migrate(&self) -> Result<usize, DbError> {
        let mut conn = self.get()?;
        let ran = match &mut *conn {
            DbConnection::Postgresql(c) => c
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(|v| v.len()),
            DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
        }
        .map_err(|e| anyhow::anyhow!("database migration failed: {e}"))?;
        Ok(ran)
    }

    /// A connection for reads.
    ///
    /// # Errors
    /// [`DbError::Pool`] when no connection is free in time.
    pub fn get(&self) -> Result<PooledConn, DbError> {
        Ok(self.pool.get()?)
    }

    /// Checks that the database answers (`SELECT 1`), for the health check.
    ///
    /// # Errors
    /// No connection, or the query fails.
    pub fn ping(&self) -> Result<(), DbError> {
        self.get()?
            .batch_execute("SELECT 1")
            .context("the database did not answer SELECT 1")?;
        Ok(())
    }

    /// Runs `f` in a write transaction. On SQLite, writers take turns in this process so that
    /// transactions never fail on lock upgrades; on PostgreSQL they run concurrently.
    ///
    /// # Errors
    /// Whatever `f` returns, or a failure to get a connection or commit.
    pub fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E>,
        E: From<DbError>,
    {
        let _guard: Option<FairMutexGuard<'_, ()>> = match self.backend {
            // Fair: writers are served in arrival order, so none waits behind a stream of others.
            Backend::Sqlite => Some(self.sqlite_writer.lock()),
            Backend::Postgres => None,
        };
        let mut conn = self.get()?;
        // The caller's error is kept aside, so callers need no conversion from diesel's errors
        // (only the transaction's own begin/commit/rollback errors are diesel's).
        let mut failed: Option<E> = None;
        let result = (*conn).transaction::<T, Abort, _>(|c| {
            f(c).map_err(|e| {
                failed = Some(e);
                Abort::Caller
            })
        });
        match result {
            Ok(t) => Ok(t),
            Err(Abort::Caller) => Err(failed.unwrap_or_else(|| {
                E::from(DbError::Unexpected(anyhow::anyhow!(
                    "a transaction was aborted without an error"
                )))
            })),
            Err(Abort::Transaction(e)) => Err(E::from(DbError::from(e))),
        }
    }

    /// Copies the SQLite WAL into the database file and truncates it (on shutdown, so the file
    /// is complete and no large WAL is left beside it). Nothing to do on PostgreSQL.
    ///
    /// # Errors
    /// No connection, or the checkpoint fails.
    pub fn truncate_wal(&self) -> Result<(), DbError> {
        if self.backend == Backend::Sqlite {
            let _turn = self.sqlite_writer.lock();
            self.get()?
                .batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")
                .context("truncating the SQLite WAL")?;
        }
        Ok(())
    }

    /// Runs `f` on a pooled connection in a blocking thread, for async callers.
    ///
    /// # Errors
    /// Whatever `f` returns, or [`DbError::Unexpected`] if the blocking task panicked.
    pub async fn run<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
        F: FnOnce(&Db) -> Result<T, E> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || f(&db))
            .await
            .map_err(|e| {
                E::from(DbError::Unexpected(anyhow::anyhow!(
                    "database task failed: {e}"
                )))
            })?
    }
}

/// Why [`Db::write`]'s transaction ended early: the caller's function failed (its error is kept
/// aside), or the transaction itself did.
enum Abort {
    Caller,
    Transaction(diesel::result::Error),
}

impl From<diesel::result::Error> for Abort {
    fn from(e: diesel::result::Error) -> Self {
        Self::Transaction(e)
    }
}

/// How often the WAL is checkpointed.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(500);
/// Checkpoint turns without a new write before the WAL file is truncated (about 5 seconds).
const QUIET_TURNS: u32 = 10;

/// What `PRAGMA wal_checkpoint` answers: frames in the WAL and frames copied to the database.
#[derive(QueryableByName)]
struct CheckpointResult {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    log: i32,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    checkpointed: i32,
}

fn checkpoint(conn: &mut SqliteConnection, mode: &str) -> Result<CheckpointResult, DbError> {
    diesel::sql_query(format!("PRAGMA wal_checkpoint({mode})"))
        .get_result(conn)
        .with_context(|| format!("SQLite WAL checkpoint ({mode})"))
        .map_err(DbError::from)
}

/// Opens the SQLite file at `path` (creating it) and puts it in WAL mode, which persists.
fn open_in_wal_mode(path: &str) -> Result<SqliteConnection, DbError> {
    let mut conn = SqliteConnection::establish(path)
        .map_err(|e| anyhow::anyhow!("cannot open the SQLite database {path}: {e}"))?;
    conn.batch_execute("PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL;")?;
    Ok(conn)
}

/// Checkpoints the WAL on `conn` every [`CHECKPOINT_EVERY`] until the last clone of the [`Db`]
/// (which owns `alive`) is gone. `PASSIVE` never blocks readers or writers; whatever it cannot
/// copy yet is copied on a later turn. When the WAL has been fully copied and nothing was
/// written for [`QUIET_TURNS`] turns, it is truncated (taking the writers' turn, so no write
/// waits on SQLite's lock instead).
fn spawn_checkpointer(
    mut conn: SqliteConnection,
    alive: Weak<FairMutex<()>>,
) -> Result<(), DbError> {
    // A truncation waits for readers still on an older snapshot; briefly, since it holds the
    // writers' turn meanwhile (it is tried again on a later quiet turn).
    conn.batch_execute("PRAGMA busy_timeout = 200;")?;
    std::thread::Builder::new()
        .name("sqlite-checkpoint".into())
        .spawn(move || {
            let mut last_log = 0;
            let mut quiet = 0;
            while alive.strong_count() > 0 {
                std::thread::sleep(CHECKPOINT_EVERY);
                let log = match checkpoint(&mut conn, "PASSIVE") {
                    Ok(r) if r.log > 0 && r.log == r.checkpointed => r.log,
                    Ok(_) => {
                        quiet = 0;
                        continue;
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "SQLite WAL checkpoint failed, will retry");
                        continue;
                    }
                };
                quiet = if log == last_log { quiet + 1 } else { 0 };
                last_log = log;
                if quiet >= QUIET_TURNS {
                    let Some(writers) = alive.upgrade() else {
                        break;
                    };
                    let _turn = writers.lock();
                    if let Err(e) = checkpoint(&mut conn, "TRUNCATE") {
                        tracing::warn!(error = %e, "truncating the SQLite WAL failed");
                    }
                    quiet = 0;
                    last_log = 0;
                }
            }
            // Last turn: leave the database file complete for the next start.
            let _ = conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);");
        })
        .map_err(|e| anyhow::anyhow!("starting the checkpoint thread: {e}"))?;
    Ok(())
}

/// Hides a password in a URL before it is printed.
#[must_use]
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_from_url() {
        assert_eq!(
            Backend::from_url("postgres://u@h/db").ok(),
            Some(Backend::Postgres)
        );
        assert_eq!(
            Backend::from_url("postgresql://u@h/db").ok(),
            Some(Backend::Postgres)
        );
        assert_eq!(
            Backend::from_url("sqlite://x.db").ok(),
            Some(Backend::Sqlite)
        );
        assert_eq!(
            Backend::from_url("buddymatch.db").ok(),
            Some(Backend::Sqlite)
        );
        assert!(
            matches!(Backend::from_url("mysql://h/db"), Err(DbError::UnsupportedScheme(s)) if s == "mysql")
        );
    }

    #[test]
    fn redact_hides_password() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("buddymatch.db"), "buddymatch.db");
    }

    fn refused(kind: diesel::result::DatabaseErrorKind) -> diesel::result::Error {
        diesel::result::Error::DatabaseError(kind, Box::new(String::from("refused")))
    }

    #[test]
    fn refusals_are_found_with_and_without_context() {
        use diesel::result::DatabaseErrorKind;
        let plain = DbError::from(refused(DatabaseErrorKind::UniqueViolation));
        assert!(plain.is_unique_violation());
        let with_context = DbError::from(
            anyhow::Error::new(refused(DatabaseErrorKind::UniqueViolation)).context("inserting"),
        );
        assert!(with_context.is_unique_violation());
        let fk = DbError::from(refused(DatabaseErrorKind::ForeignKeyViolation));
        assert_eq!(fk.refusal(), Some(Refusal::StillReferenced));
        assert!(!fk.is_unique_violation());
        assert_eq!(
            DbError::from(diesel::result::Error::NotFound).refusal(),
            None
        );
    }
}
