//! The outbox: transactional enqueue, the worker, the in-memory and folder transports, and
//! claims shared by several app instances.

use std::collections::HashSet;
use std::time::Duration;

use buddymatch::db::DbError;
use buddymatch::email::outbox::{self, NewEmail};
use buddymatch::email::outbox_worker::{try_execute_task, ExecutionOutcome};
use buddymatch::settings::EmailTransportKind;

use crate::email_support::{
    eml_files_containing, enqueue, instance, rows, sample, second_instance,
};
use crate::helpers::{spawn_app, wait_until};

#[tokio::test]
async fn an_email_enqueued_in_a_rolled_back_transaction_is_never_sent() {
    // Arrange
    let app = instance(|_| {});
    let now = chrono::Utc::now().naive_utc();
    // Act: the change fails after the email was written in its transaction
    let result = app.state.db.write(|conn| -> Result<(), DbError> {
        outbox::enqueue(conn, &sample("amal@example.org"), now)?;
        Err(DbError::Unexpected(anyhow::anyhow!("the change failed")))
    });
    let outcome = try_execute_task(&app.state).await.expect("worker runs");
    // Assert
    assert!(result.is_err());
    assert!(
        rows(&app.state).is_empty(),
        "the outbox row was rolled back"
    );
    assert_eq!(outcome, ExecutionOutcome::EmptyQueue);
    assert!(app.state.mailer.memory_messages().is_empty());
}

#[tokio::test]
async fn the_worker_sends_a_committed_email_once_with_both_parts_and_its_message_id() {
    // Arrange
    let app = instance(|_| {});
    enqueue(&app.state, &sample("amal@example.org"));
    let stored = rows(&app.state).remove(0);
    assert!(stored.sent_at.is_none());
    // Act
    let first = try_execute_task(&app.state).await.expect("worker runs");
    let second = try_execute_task(&app.state).await.expect("worker runs");
    // Assert
    assert_eq!(first, ExecutionOutcome::TaskCompleted);
    assert_eq!(second, ExecutionOutcome::EmptyQueue);
    let sent = app.state.mailer.memory_messages();
    assert_eq!(sent.len(), 1, "sent exactly once");
    let mail = &sent[0];
    assert_eq!(mail.to, "amal@example.org");
    assert_eq!(mail.message_id, stored.message_id);
    assert_eq!(mail.subject, "مرحبا — تأكيد التسجيل");
    assert_eq!(mail.from, app.state.settings.email.from);
    let raw = &mail.raw;
    assert!(
        raw.contains(&format!("Message-ID: {}", stored.message_id)),
        "{raw}"
    );
    assert!(raw.contains("Content-Language: ar"), "{raw}");
    assert!(raw.contains("multipart/alternative"), "{raw}");
    assert!(
        raw.contains("Content-Type: text/plain; charset=utf-8"),
        "{raw}"
    );
    assert!(
        raw.contains("Content-Type: text/html; charset=utf-8"),
        "{raw}"
    );
    assert!(
        raw.contains("Subject: =?utf-8?"),
        "non-ASCII subject is encoded: {raw}"
    );
    assert!(mail.body_text.contains("https://example.org/confirm/abc"));
    let row = rows(&app.state).remove(0);
    assert!(row.sent_at.is_some());
    // Sent: the bodies (and the working link in them) are gone from the database; recipient,
    // subject and times stay for the record.
    assert_eq!((row.body_text.as_str(), row.body_html.as_str()), ("", ""));
    assert_eq!(row.recipient, "amal@example.org");
    assert_eq!(row.subject, "مرحبا — تأكيد التسجيل");
    assert_eq!(row.attempts, 1);
    assert!(row.locked_until.is_none());
    assert_eq!(
        row.message_id, stored.message_id,
        "the Message-ID never changes"
    );
}

#[tokio::test]
async fn every_email_gets_its_own_message_id() {
    let app = instance(|_| {});
    for i in 0..5 {
        enqueue(&app.state, &sample(&format!("p{i}@example.org")));
    }
    let ids: HashSet<String> = rows(&app.state).into_iter().map(|r| r.message_id).collect();
    assert_eq!(ids.len(), 5);
}

#[tokio::test]
async fn the_folder_transport_writes_an_eml_file() {
    // Arrange
    let mail_dir = tempfile::tempdir().expect("temp dir");
    let folder = mail_dir.path().join("not-yet-there");
    let folder_for_settings = folder.clone();
    let app = instance(move |s| {
        s.email.transport = EmailTransportKind::Folder;
        s.email.outbox_dir = folder_for_settings;
    });
    enqueue(&app.state, &sample("amal@example.org"));
    let message_id = rows(&app.state).remove(0).message_id;
    // Act
    let outcome = try_execute_task(&app.state).await.expect("worker runs");
    // Assert
    assert_eq!(outcome, ExecutionOutcome::TaskCompleted);
    let files = eml_files_containing(&folder, &format!("Message-ID: {message_id}"));
    assert_eq!(files.len(), 1, "one .eml file in {}", folder.display());
    let text = &files[0].1;
    assert!(text.contains("To: amal@example.org"));
    assert!(text.contains("text/plain; charset=utf-8"));
    assert!(text.contains("text/html; charset=utf-8"));
    assert!(rows(&app.state)[0].sent_at.is_some());
}

#[tokio::test]
async fn an_invalid_recipient_is_given_up_at_once_and_does_not_block_others() {
    // Arrange
    let app = instance(|_| {});
    enqueue(&app.state, &sample("not an address"));
    enqueue(&app.state, &sample("amal@example.org"));
    // Act
    let mut outcomes = Vec::new();
    for _ in 0..3 {
        outcomes.push(try_execute_task(&app.state).await.expect("worker runs"));
    }
    // Assert
    assert_eq!(
        outcomes,
        [
            ExecutionOutcome::TaskCompleted,
            ExecutionOutcome::TaskCompleted,
            ExecutionOutcome::EmptyQueue
        ]
    );
    let rows = rows(&app.state);
    assert!(rows[0].sent_at.is_none());
    assert_eq!(rows[0].attempts, app.state.settings.email.max_attempts);
    // Given up: its link will never be delivered, so it is not kept either.
    assert_eq!(
        (rows[0].body_text.as_str(), rows[0].body_html.as_str()),
        ("", "")
    );
    assert!(rows[0]
        .last_error
        .as_deref()
        .is_some_and(|e| e.contains("not an address")));
    assert!(rows[1].sent_at.is_some());
    let mut conn = app.state.db.get().expect("connection");
    let counts = buddymatch::db::outbox::counts(&mut conn, app.state.settings.email.max_attempts)
        .expect("counts");
    assert_eq!((counts.pending, counts.sent, counts.failed), (0, 1, 1));
}

#[tokio::test]
async fn two_instances_draining_one_outbox_send_every_email_exactly_once() {
    // Arrange: two app instances (own pools, own mailers) on one database
    let app = instance(|_| {});
    let other = second_instance(&app.state);
    let count = 30;
    for i in 0..count {
        enqueue(
            &app.state,
            &NewEmail {
                to: format!("p{i}@example.org"),
                ..sample("x@example.org")
            },
        );
    }
    // Act: both drain at the same time
    let drain = |state: buddymatch::state::AppState| async move {
        let mut done = 0;
        while try_execute_task(&state).await.expect("worker runs")
            == ExecutionOutcome::TaskCompleted
        {
            done += 1;
        }
        done
    };
    let (a, b) = tokio::join!(
        tokio::spawn(drain(app.state.clone())),
        tokio::spawn(drain(other.clone()))
    );
    // Assert
    let (a, b) = (a.expect("first drains"), b.expect("second drains"));
    assert_eq!(a + b, count);
    let mut ids: Vec<String> = app
        .state
        .mailer
        .memory_messages()
        .into_iter()
        .chain(other.mailer.memory_messages())
        .map(|m| m.message_id)
        .collect();
    assert_eq!(ids.len(), count, "no email sent twice, none lost");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count);
    assert!(rows(&app.state)
        .iter()
        .all(|r| r.sent_at.is_some() && r.attempts == 1));
}

#[tokio::test]
async fn the_running_app_delivers_the_outbox_in_the_background() {
    // Arrange
    let app = spawn_app().await;
    // Act
    enqueue(&app.state, &sample("amal@example.org"));
    // Assert
    let start = std::time::Instant::now();
    while app.state.mailer.memory_messages().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the background worker did not send within 10 s"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let state = &app.state;
    wait_until(Duration::from_secs(10), || async move {
        rows(state).first().is_some_and(|r| r.sent_at.is_some())
    })
    .await;
    assert_eq!(app.state.mailer.memory_messages().len(), 1);
    assert!(rows(&app.state)[0].sent_at.is_some());
}
