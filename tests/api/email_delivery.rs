//! Delivery in batches through a real SMTP server (tests/support/smtp_sink.py noting each
//! message's Message-ID): two instances share the work and send every message exactly once, an
//! instance killed with SIGKILL mid-way leaves nothing behind (the other sends its messages once
//! their lease has run out), and a batch's lease is renewed, released and recorded only by the
//! batch that holds it.

use std::collections::{HashMap, HashSet};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use buddymatch::db::outbox::{self as store, FailedAttempt, OutboxMessage};
use buddymatch::db::Db;
use buddymatch::email::outbox::{self, NewEmail};
use buddymatch::email::outbox_worker::{try_execute_batch, LEASE};
use buddymatch::settings::EmailTransportKind;
use secrecy::SecretString;

use crate::email_support::{free_port, instance, sample, second_instance, IdSink};
use crate::helpers::{wait_until, TestDatabase};

/// Writes `count` messages to the outbox in one transaction; returns their Message-IDs.
fn enqueue_many(db: &Db, count: usize) -> HashSet<String> {
    let now = chrono::Utc::now().naive_utc();
    db.write(|conn| {
        for i in 0..count {
            let email = NewEmail {
                to: format!("person{i}@example.org"),
                ..sample("x@example.org")
            };
            outbox::enqueue(conn, &email, now)?;
        }
        Ok::<_, buddymatch::db::DbError>(())
    })
    .expect("enqueued");
    all_rows(db).into_iter().map(|r| r.message_id).collect()
}

fn all_rows(db: &Db) -> Vec<OutboxMessage> {
    store::all(&mut db.get().expect("connection")).expect("outbox readable")
}

fn unsent(db: &Db) -> usize {
    all_rows(db).iter().filter(|r| r.sent_at.is_none()).count()
}

/// How often each Message-ID was received.
fn tally(received: &[String]) -> HashMap<&str, usize> {
    let mut seen = HashMap::new();
    for id in received {
        *seen.entry(id.as_str()).or_insert(0) += 1;
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_deliver_a_batch_through_smtp_each_message_exactly_once() {
    // Arrange: two app instances (own pools, own pooled SMTP transports) on one database
    let sink = IdSink::start();
    let url = sink.url.clone();
    let app = instance(move |s| {
        s.email.transport = EmailTransportKind::Smtp;
        s.email.smtp_url = Some(SecretString::from(url));
        s.email.batch_size = 100;
        s.email.concurrency = 8;
    });
    let other = second_instance(&app.state);
    let count = 1500;
    let queued = enqueue_many(&app.state.db, count);

    // Act: both drain the outbox at the same time, batch after batch
    let drain = |state: buddymatch::state::AppState| async move {
        let mut attempted = 0;
        loop {
            match try_execute_batch(&state).await.expect("worker runs") {
                0 => return attempted,
                n => attempted += n,
            }
        }
    };
    let started = Instant::now();
    let (a, b) = tokio::join!(
        tokio::spawn(drain(app.state.clone())),
        tokio::spawn(drain(other.clone()))
    );
    let elapsed = started.elapsed();
    let (a, b) = (a.expect("first drains"), b.expect("second drains"));
    wait_until(Duration::from_secs(10), || async {
        sink.received().len() >= count
    })
    .await;

    // Assert: every message received once, recorded once; both instances did a share
    let received = sink.received();
    eprintln!(
        "{count} messages in {:.2} s ({:.0}/s), {a} + {b} attempted",
        elapsed.as_secs_f64(),
        count as f64 / elapsed.as_secs_f64()
    );
    assert_eq!(a + b, count, "every message attempted once");
    assert!(a > 0 && b > 0, "both instances sent some: {a} + {b}");
    assert_eq!(received.len(), count, "nothing received twice");
    let distinct: HashSet<String> = received.into_iter().collect();
    assert_eq!(distinct, queued, "every queued message received");
    for row in all_rows(&app.state.db) {
        assert!(row.sent_at.is_some(), "{} not marked sent", row.id);
        assert_eq!(row.attempts, 1);
        assert!(row.locked_until.is_none());
        assert_eq!((row.body_text.as_str(), row.body_html.as_str()), ("", ""));
    }
}

/// Kills the instance on drop, if the test ends early.
struct Instance(Child);

/// Starts `buddymatch serve` on the database `url`, sending through `smtp_url`, in a folder of
/// its own under `dir`, and waits until it answers `/healthz` (one at a time: two instances
/// creating a new SQLite database's keys at the same moment can find it locked).
async fn serve(url: &str, smtp_url: &str, dir: &std::path::Path) -> Instance {
    let port = free_port();
    let home = dir.join(format!("instance-{port}"));
    std::fs::create_dir_all(&home).expect("instance folder");
    let mut child = Command::new(env!("CARGO_BIN_EXE_buddymatch"))
        .arg("serve")
        .current_dir(&home)
        .env_remove("BUDDYMATCH_CONFIG")
        .env("DATABASE_URL", url)
        .env("SMTP_URL", smtp_url)
        .env("BIND", "127.0.0.1")
        .env("PORT", port.to_string())
        .env("DEMO_PROGRAMME", "")
        .env("CONTINUUM_SCHEDULER", "false")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the binary starts");
    let health = format!("http://127.0.0.1:{port}/healthz");
    let start = Instant::now();
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("buddymatch serve exited ({status}) before answering");
        }
        if reqwest::get(&health)
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return Instance(child);
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "buddymatch serve did not answer within 30 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instance_killed_mid_way_leaves_nothing_undelivered() {
    // Arrange: messages in the outbox, an SMTP server, two `buddymatch serve` processes
    let dir = tempfile::tempdir().expect("temp dir");
    let database = TestDatabase::new(dir.path());
    let db = Db::connect(database.url(), 2).expect("database opens");
    let count = 4000;
    let queued = enqueue_many(&db, count);
    let sink = IdSink::start();
    let mut doomed = serve(database.url(), &sink.url, dir.path()).await;
    let _survivor = serve(database.url(), &sink.url, dir.path()).await;

    // Act: SIGKILL one instance once a tenth has arrived
    let start = Instant::now();
    while sink.received().len() < count / 10 {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "only {} of {count} messages arrived within 60 s",
            sink.received().len()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let doomed_pid = doomed.0.id();
    doomed.0.kill().expect("SIGKILL"); // Child::kill sends SIGKILL on Unix
    let killed_at = Instant::now();
    let status = doomed.0.wait().expect("reaped");
    // What the killed instance held: claimed by its batches (`<pid>-<random>`), not recorded.
    let held: HashSet<String> = {
        let mut conn = db.get().expect("connection");
        store::held_by_process(&mut conn, doomed_pid).expect("query")
    };
    let received_at_kill = sink.received().len();
    // The survivor sends the rest, the killed one's messages once their lease has run out.
    let db_ref = &db;
    wait_until(
        Duration::from_secs(90),
        || async move { unsent(db_ref) == 0 },
    )
    .await;
    let recovered_in = killed_at.elapsed();
    wait_until(Duration::from_secs(10), || async {
        tally(&sink.received()).len() >= count
    })
    .await;

    // Assert: none lost; duplicates only among what the killed instance held, each at most twice
    let received = sink.received();
    let seen = tally(&received);
    let duplicated: Vec<&str> = seen
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(id, _)| *id)
        .collect();
    eprintln!(
        "killed ({status}) after {received_at_kill} of {count} received, holding {} unsent; \
         all recorded {:.1} s later; received {} times, {} messages twice",
        held.len(),
        recovered_in.as_secs_f64(),
        received.len(),
        duplicated.len()
    );
    assert!(!held.is_empty(), "the killed instance held messages");
    assert!(
        recovered_in < LEASE + Duration::from_secs(30),
        "the killed instance's messages were sent {recovered_in:?} after it died"
    );
    let distinct: HashSet<String> = seen.keys().map(|id| (*id).to_owned()).collect();
    assert_eq!(distinct, queued, "every queued message received");
    for id in &duplicated {
        assert!(
            held.contains(*id),
            "{id} received twice but the killed instance did not hold it"
        );
        assert_eq!(seen[id], 2, "{id} received more than twice");
    }
    for row in all_rows(&db) {
        assert!(row.sent_at.is_some(), "{} not marked sent", row.id);
        assert_eq!(row.attempts, 1, "{} recorded once", row.id);
    }
}

#[tokio::test]
async fn a_batch_renews_releases_and_records_only_what_it_still_holds() {
    // Arrange
    let app = instance(|_| {});
    enqueue_many(&app.state.db, 3);
    let db = &app.state.db;
    let t0 = chrono::Utc::now().naive_utc();
    let lease = chrono::Duration::seconds(30);
    let claim = |at: chrono::NaiveDateTime, token: &str| {
        db.write(|conn| store::claim_batch(conn, at, at + lease, 12, 10, token))
            .expect("claims")
            .into_iter()
            .map(|m| m.id)
            .collect::<Vec<i32>>()
    };

    // Act + Assert: one claim takes all three, a concurrent one none
    let first = claim(t0, "1-a");
    assert_eq!(first.len(), 3);
    assert!(claim(t0, "2-b").is_empty(), "held by the first batch");

    // Renewed at t0 + 20 s: still held at t0 + 40 s, after the first lease
    let renewed = db
        .write(|conn| store::renew(conn, "1-a", t0 + chrono::Duration::seconds(20) + lease))
        .expect("renews");
    assert_eq!(renewed, 3);
    assert!(claim(t0 + chrono::Duration::seconds(40), "2-b").is_empty());

    // Sent one, failed one, handed back one
    db.write(|conn| {
        store::mark_sent(conn, &first[..1], t0)?;
        store::mark_failed(
            conn,
            "1-a",
            &FailedAttempt {
                id: first[1],
                attempts: 1,
                error: "SMTP: refused".into(),
                next_attempt_at: t0 + chrono::Duration::hours(1),
                given_up: false,
            },
        )?;
        store::release(conn, "1-a", &first[2..])
    })
    .expect("recorded");
    let renewed = db
        .write(|conn| store::renew(conn, "1-a", t0 + lease))
        .expect("renews");
    assert_eq!(renewed, 0, "nothing left in the batch");

    // The handed-back one is free at once; another batch then holds it, and the first batch's
    // late records change nothing of it
    let second = claim(t0 + chrono::Duration::seconds(41), "2-b");
    assert_eq!(second, vec![first[2]]);
    db.write(|conn| {
        store::mark_failed(
            conn,
            "1-a",
            &FailedAttempt {
                id: first[2],
                attempts: 5,
                error: "late".into(),
                next_attempt_at: t0,
                given_up: true,
            },
        )?;
        store::release(conn, "1-a", &first[2..])
    })
    .expect("ignored");
    let rows = all_rows(db);
    assert!(rows[0].sent_at.is_some() && rows[0].attempts == 1);
    assert_eq!(rows[1].attempts, 1);
    assert!(rows[1].sent_at.is_none() && rows[1].locked_until.is_none());
    assert_eq!(rows[2].attempts, 0, "the late record did not count");
    assert!(
        rows[2].locked_until.is_some(),
        "still held by the second batch"
    );
    assert!(!rows[2].body_text.is_empty());
    // Marking sent twice (two batches after a lost lease) counts the attempt once
    db.write(|conn| store::mark_sent(conn, &first[..1], t0))
        .expect("marks");
    assert_eq!(all_rows(db)[0].attempts, 1);
}
