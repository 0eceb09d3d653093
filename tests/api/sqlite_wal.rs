//! SQLite's write-ahead log does not keep the size of its busiest moment: it is truncated once
//! writes stop, and on shutdown.

use std::path::Path;
use std::time::Duration;

use buddymatch::db::Db;
use diesel::connection::SimpleConnection;

use crate::helpers::wait_until;

fn wal_size(db_file: &Path) -> u64 {
    let wal = db_file.with_extension("db-wal");
    std::fs::metadata(wal).map_or(0, |m| m.len())
}

/// Writes a few thousand rows, one transaction each, so that the WAL grows.
fn write_a_lot(db: &Db, round: u32) {
    for i in 0..2000 {
        db.write(|c| {
            c.batch_execute(&format!(
                "INSERT INTO service_keys (name, value) VALUES ('k{round}-{i}', '{}')",
                "x".repeat(200)
            ))
            .map_err(buddymatch::db::DbError::from)
        })
        .expect("insert");
    }
}

#[tokio::test]
async fn the_wal_is_truncated_once_writes_stop_and_on_shutdown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("wal.db");
    let url = format!("sqlite://{}", file.display());
    let db = Db::connect(&url, 2).expect("opens");
    let writer = db.clone();
    tokio::task::spawn_blocking(move || write_a_lot(&writer, 1))
        .await
        .expect("task");
    let grown = wal_size(&file);
    assert!(grown > 0, "the writes went through the WAL");
    // The WAL grows with the writes (checkpoints copy it, they do not shrink it).
    wait_until(Duration::from_secs(15), || async { wal_size(&file) == 0 }).await;
    assert_eq!(
        wal_size(&file),
        0,
        "truncated after the writes stopped (was {grown} bytes)"
    );

    // Writes again, then a shutdown: truncated at once.
    let writer = db.clone();
    tokio::task::spawn_blocking(move || write_a_lot(&writer, 2))
        .await
        .expect("task");
    assert!(wal_size(&file) > 0, "the WAL has grown again");
    db.truncate_wal().expect("truncates");
    assert_eq!(wal_size(&file), 0);
}
