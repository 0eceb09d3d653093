//! Email through a real SMTP server (tests/support/smtp_sink.py), and an SMTP outage: mail is
//! delayed, never lost, never sent twice.

use std::time::Duration;

use buddymatch::email::outbox_worker::{try_execute_task, try_execute_task_at, ExecutionOutcome};
use buddymatch::settings::EmailTransportKind;
use secrecy::SecretString;

use crate::email_support::{
    eml_files_containing, enqueue, free_port, instance, rows, sample, second_instance, start_sink,
    wait_for_eml, SmtpServer,
};
use crate::helpers::wait_until;

/// Whether the sink is writing a message right now (it writes under a `.tmp` name, then renames).
fn sink_is_writing(maildir: &std::path::Path) -> bool {
    std::fs::read_dir(maildir).is_ok_and(|entries| {
        entries
            .filter_map(Result::ok)
            .any(|e| e.path().extension().is_some_and(|x| x == "tmp"))
    })
}

#[tokio::test]
async fn an_email_goes_through_a_real_smtp_server() {
    // Arrange
    let server = SmtpServer::from_env_or_start();
    let url = server.url().to_owned();
    let app = instance(move |s| {
        s.email.transport = EmailTransportKind::Smtp;
        s.email.smtp_url = Some(SecretString::from(url));
    });
    enqueue(&app.state, &sample("amal@example.org"));
    let message_id = rows(&app.state).remove(0).message_id;
    // Act
    let outcome = try_execute_task(&app.state).await.expect("worker runs");
    // Assert
    assert_eq!(outcome, ExecutionOutcome::TaskCompleted);
    let row = rows(&app.state).remove(0);
    assert!(
        row.sent_at.is_some(),
        "not sent: {:?} (server {})",
        row.last_error,
        server.url()
    );
    let needle = format!("Message-ID: {message_id}");
    let files = wait_for_eml(server.maildir(), &needle, Duration::from_secs(10)).await;
    assert_eq!(
        files.len(),
        1,
        "one message with {message_id} in {}",
        server.maildir().display()
    );
    let text = &files[0].1;
    assert!(text.contains("To: amal@example.org"), "{text}");
    assert!(
        text.contains(&format!("From: {}", app.state.settings.email.from)),
        "{text}"
    );
    assert!(text.contains("Content-Language: ar"), "{text}");
    assert!(text.contains("multipart/alternative"), "{text}");
    assert!(text.contains("text/plain; charset=utf-8"), "{text}");
    assert!(text.contains("text/html; charset=utf-8"), "{text}");
}

#[tokio::test]
async fn an_smtp_outage_delays_mail_but_loses_none_and_sends_none_twice() {
    // Arrange: SMTP points at a port where nothing listens yet
    let port = free_port();
    let app = instance(move |s| {
        s.email.transport = EmailTransportKind::Smtp;
        s.email.smtp_url = Some(SecretString::from(format!("smtp://127.0.0.1:{port}")));
    });
    let other = second_instance(&app.state);
    enqueue(&app.state, &sample("amal@example.org"));
    let message_id = rows(&app.state).remove(0).message_id;
    let t0 = chrono::Utc::now().naive_utc();

    // Act 1: the server is down
    let first = try_execute_task_at(&app.state, t0)
        .await
        .expect("worker runs");
    let after_first = rows(&app.state).remove(0);
    let too_early = try_execute_task_at(&app.state, t0 + chrono::Duration::seconds(2))
        .await
        .expect("worker runs");
    let second = try_execute_task_at(&app.state, t0 + chrono::Duration::seconds(6))
        .await
        .expect("worker runs");
    let after_second = rows(&app.state).remove(0);

    // Assert 1: attempts counted, error kept, retried only after the backoff, not lost
    assert_eq!(first, ExecutionOutcome::TaskCompleted);
    assert_eq!(after_first.attempts, 1);
    assert!(after_first.sent_at.is_none());
    assert!(
        after_first.locked_until.is_none(),
        "released after the failure"
    );
    assert!(after_first
        .last_error
        .as_deref()
        .is_some_and(|e| e.contains("SMTP")));
    let delay = after_first.next_attempt_at - t0;
    assert!(
        delay > chrono::Duration::seconds(4) && delay <= chrono::Duration::seconds(5),
        "first retry after 5 s, got {delay}"
    );
    assert_eq!(too_early, ExecutionOutcome::EmptyQueue, "backoff respected");
    assert_eq!(second, ExecutionOutcome::TaskCompleted);
    assert_eq!(after_second.attempts, 2);
    let delay = after_second.next_attempt_at - (t0 + chrono::Duration::seconds(6));
    assert!(
        delay > chrono::Duration::seconds(9) && delay <= chrono::Duration::seconds(10),
        "second retry after 10 s, got {delay}"
    );
    assert_eq!(rows(&app.state).len(), 1, "still in the outbox");

    // Act 2: the server comes back; two instances race for the message
    let sink = start_sink(port);
    let later = t0 + chrono::Duration::hours(1);
    let (a, b) = tokio::join!(
        try_execute_task_at(&app.state, later),
        try_execute_task_at(&other, later)
    );
    let mut outcomes = [a.expect("first worker"), b.expect("second worker")];
    outcomes.sort_by_key(|o| *o == ExecutionOutcome::EmptyQueue);
    let needle = format!("Message-ID: {message_id}");
    let delivered = wait_for_eml(&sink.maildir, &needle, Duration::from_secs(10)).await;
    // More chances for a duplicate to show up: both workers again, and the sink done with every
    // message it took (it writes each one before answering, under a `.tmp` name first).
    let again = [
        try_execute_task_at(&app.state, later + chrono::Duration::hours(1))
            .await
            .expect("worker runs"),
        try_execute_task_at(&other, later + chrono::Duration::hours(1))
            .await
            .expect("worker runs"),
    ];
    let (state, maildir) = (&app.state, &sink.maildir);
    wait_until(Duration::from_secs(10), || async move {
        rows(state).iter().all(|r| r.sent_at.is_some()) && !sink_is_writing(maildir)
    })
    .await;

    // Assert 2: delivered exactly once
    assert_eq!(
        outcomes,
        [
            ExecutionOutcome::TaskCompleted,
            ExecutionOutcome::EmptyQueue
        ],
        "exactly one instance claims the message"
    );
    assert_eq!(delivered.len(), 1, "delivered once the server is back");
    assert_eq!(again, [ExecutionOutcome::EmptyQueue; 2]);
    assert_eq!(
        eml_files_containing(&sink.maildir, &needle).len(),
        1,
        "delivered exactly once"
    );
    let row = rows(&app.state).remove(0);
    assert!(row.sent_at.is_some());
    assert_eq!(row.attempts, 3);
    assert!(row.last_error.is_none());
}

#[tokio::test]
async fn a_message_is_given_up_after_max_attempts_and_kept() {
    // Arrange
    let port = free_port();
    let app = instance(move |s| {
        s.email.transport = EmailTransportKind::Smtp;
        s.email.smtp_url = Some(SecretString::from(format!("smtp://127.0.0.1:{port}")));
        s.email.max_attempts = 2;
    });
    enqueue(&app.state, &sample("amal@example.org"));
    let t0 = chrono::Utc::now().naive_utc();
    // Act
    let mut outcomes = Vec::new();
    for hours in 0..3 {
        outcomes.push(
            try_execute_task_at(&app.state, t0 + chrono::Duration::hours(hours))
                .await
                .expect("worker runs"),
        );
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
    let row = rows(&app.state).remove(0);
    assert_eq!(row.attempts, 2);
    assert!(row.sent_at.is_none());
    assert!(row.last_error.is_some());
}
