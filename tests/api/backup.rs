//! `buddymatch backup` under sign-up load and `buddymatch restore`: every sign-up acknowledged
//! before the backup began is in the restored database; a damaged copy, a copy that is not
//! ours, and a database still in use are refused.

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use buddymatch::db::schema::participants;
use diesel::prelude::*;
use secrecy::SecretString;

use crate::helpers::{spawn_app_with, wait_until, TestApp};
use crate::signup::valid_form;

fn buddymatch(database: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_buddymatch"))
        .args(args)
        .current_dir(database.parent().expect("a folder"))
        .env_remove("BUDDYMATCH_CONFIG")
        .env("DATABASE_URL", format!("sqlite://{}", database.display()))
        .env("RUST_LOG", "warn")
        .output()
        .expect("the binary runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Signs people up one after the other until `stop`; records each address once its 303 came.
async fn sign_up_until_stopped(
    app: Arc<TestApp>,
    worker: usize,
    acknowledged: Arc<Mutex<Vec<String>>>,
    stop: Arc<std::sync::atomic::AtomicBool>,
) {
    let mut i = 0;
    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
        let email = format!("load{worker}-{i}@example.org");
        let mut form = valid_form(&email, "en");
        form.push(("started", app.form_stamp("programme=demo&lang=en").await));
        let r = app
            .client
            .post(format!("{}/signup?programme=demo&lang=en", app.address))
            .form(&form)
            .send()
            .await
            .expect("sent");
        assert_eq!(r.status().as_u16(), 303);
        acknowledged.lock().expect("lock").push(email);
        i += 1;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_under_sign_up_load_restores_every_acknowledged_sign_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let live = dir.path().join("live.db");
    let live_url = format!("sqlite://{}", live.display());
    let app = Arc::new(
        spawn_app_with(|s| {
            s.database_url = SecretString::from(live_url.clone());
            s.signup.per_client_per_hour = 0;
            s.signup.per_programme_per_hour = 0;
        })
        .await,
    );
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let workers: Vec<_> = (0..4)
        .map(|w| {
            tokio::spawn(sign_up_until_stopped(
                app.clone(),
                w,
                acknowledged.clone(),
                stop.clone(),
            ))
        })
        .collect();
    // Let the load run, then back up in the middle of it.
    let count = || acknowledged.lock().expect("lock").len();
    wait_until(std::time::Duration::from_secs(30), || async {
        count() >= 10
    })
    .await;
    let before_backup: HashSet<String> =
        acknowledged.lock().expect("lock").iter().cloned().collect();
    let copy = dir.path().join("copy.db");
    let live_for_backup = live.clone();
    let copy_arg = copy.display().to_string();
    let out =
        tokio::task::spawn_blocking(move || buddymatch(&live_for_backup, &["backup", &copy_arg]))
            .await
            .expect("task");
    let after = before_backup.len() + 5;
    wait_until(std::time::Duration::from_secs(30), || async {
        count() >= after
    })
    .await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for w in workers {
        w.await.expect("worker");
    }
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("checked"), "{}", text(&out));
    let total = acknowledged.lock().expect("lock").len();
    assert!(
        before_backup.len() >= 10,
        "load was running: {}",
        before_backup.len()
    );
    assert!(
        total > before_backup.len(),
        "load went on during the backup"
    );

    // Restore into a new place (the live one is in use) and look.
    let restored = dir.path().join("restored.db");
    let copy_arg = copy.display().to_string();
    let out = buddymatch(&restored, &["restore", &copy_arg]);
    assert!(out.status.success(), "{}", text(&out));
    let db =
        buddymatch::db::Db::connect(&format!("sqlite://{}", restored.display()), 1).expect("opens");
    let emails: HashSet<String> = participants::table
        .select(participants::email.assume_not_null())
        .load(&mut *db.get().expect("connection"))
        .expect("participants")
        .into_iter()
        .collect();
    let missing: Vec<&String> = before_backup.difference(&emails).collect();
    assert!(
        missing.is_empty(),
        "acknowledged before the backup but missing: {missing:?}"
    );

    // Restoring over the database the running app uses is refused, and changes nothing.
    let out = buddymatch(&live, &["restore", &copy_arg]);
    assert!(!out.status.success());
    assert!(text(&out).contains("in use"), "{}", text(&out));
    assert!(!dir.path().join("live.db.before-restore").exists());
}

#[test]
fn damaged_or_foreign_copies_are_refused_and_an_existing_target_is_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("db.sqlite");
    let db_url = format!("sqlite://{}", db.display());
    buddymatch::db::Db::connect(&db_url, 1).expect("a database");

    let not_sqlite = dir.path().join("notes.txt");
    std::fs::write(&not_sqlite, "not a database").expect("written");
    let out = buddymatch(&db, &["restore", &not_sqlite.display().to_string()]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("not a SQLite database"),
        "{}",
        text(&out)
    );

    let foreign = dir.path().join("other.sqlite");
    let mut conn = SqliteConnection::establish(&foreign.display().to_string()).expect("opens");
    diesel::sql_query("CREATE TABLE t (x INTEGER)")
        .execute(&mut conn)
        .expect("table");
    drop(conn);
    let out = buddymatch(&db, &["restore", &foreign.display().to_string()]);
    assert!(!out.status.success());
    assert!(
        text(&out).contains("not a buddymatch database"),
        "{}",
        text(&out)
    );

    // A good copy replaces the database; the replaced one is kept beside it.
    let copy = dir.path().join("copy.sqlite");
    let out = buddymatch(&db, &["backup", &copy.display().to_string()]);
    assert!(out.status.success(), "{}", text(&out));
    let again = buddymatch(&db, &["backup", &copy.display().to_string()]);
    assert!(
        !again.status.success(),
        "an existing backup is never overwritten"
    );
    let out = buddymatch(&db, &["restore", &copy.display().to_string()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(dir.path().join("db.sqlite.before-restore").exists());
}

#[test]
fn postgresql_users_are_pointed_to_pg_dump() {
    let out = Command::new(env!("CARGO_BIN_EXE_buddymatch"))
        .args(["backup", "/tmp/never-written.db"])
        .env_remove("BUDDYMATCH_CONFIG")
        .env("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(text(&out).contains("pg_dump"), "{}", text(&out));
}
