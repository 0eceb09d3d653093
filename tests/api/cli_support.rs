//! Running the built `buddymatch` binary against a test database, and reading back what it stored.

use std::process::{Command, Output};

use buddymatch::db::participants;
use buddymatch::db::people::{self, PeopleFilter};
use buddymatch::db::{programmes, Db};
use sha2::{Digest, Sha256};

use crate::helpers::TestDatabase;

/// A database of its own (SQLite file or fresh PostgreSQL database) and a folder to work in.
pub struct CliDb {
    pub url: String,
    _database: TestDatabase,
    pub dir: tempfile::TempDir,
}

impl CliDb {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let database = TestDatabase::new(dir.path());
        let url = database.url().to_owned();
        Self {
            url,
            _database: database,
            dir,
        }
    }

    /// Runs `buddymatch <args>` with DATABASE_URL set, in the temp folder (so no config file is
    /// picked up).
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_buddymatch"))
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("BUDDYMATCH_CONFIG")
            .env("DATABASE_URL", &self.url)
            .env("RUST_LOG", "warn")
            .output()
            .expect("the binary runs")
    }

    pub fn db(&self) -> Db {
        Db::connect(&self.url, 1).expect("database opens")
    }

    /// Every participant of `slug` (as JSON without ids and clock times, plus waiting days and
    /// household), ordered by email.
    pub fn rows(&self, slug: &str) -> Vec<serde_json::Value> {
        let db = self.db();
        let mut conn = db.get().expect("connection");
        let Some(programme) = programmes::by_slug(&mut conn, slug).expect("query") else {
            return Vec::new();
        };
        let (mut people, total) = people::list(
            &mut conn,
            programme.id,
            &PeopleFilter::default(),
            1,
            1_000_000,
            chrono::Utc::now().naive_utc(),
        )
        .expect("list");
        assert_eq!(people.len() as i64, total);
        people.sort_by(|a, b| a.email.cmp(&b.email));
        people
            .into_iter()
            .map(|p| {
                let household = participants::household(&mut conn, p.id).expect("household");
                let waiting_days = (p.updated_at - p.waiting_since).num_days();
                let mut v = serde_json::to_value(&p).expect("serialises");
                let o = v.as_object_mut().expect("object");
                for clock in [
                    "id",
                    "programme_id",
                    "confirmed_at",
                    "waiting_since",
                    "created_at",
                    "updated_at",
                ] {
                    o.remove(clock);
                }
                o.insert("waiting_days".into(), waiting_days.into());
                o.insert(
                    "household".into(),
                    household
                        .iter()
                        .map(|m| format!("{}:{:?}", m.first_name, m.birth_year))
                        .collect::<Vec<_>>()
                        .into(),
                );
                v
            })
            .collect()
    }

    /// SHA-256 of [`Self::rows`].
    pub fn digest(&self, slug: &str) -> String {
        let json = serde_json::to_string(&self.rows(slug)).expect("serialises");
        hex::encode(Sha256::digest(json.as_bytes()))
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
