//! `buddymatch coordinator add` and `buddymatch token create`, run as the built binary against
//! the test app's database; the printed token then works on the API.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use secrecy::ExposeSecret;

use crate::api_support::{status_json, Api};
use crate::helpers::{spawn_app, TestApp};

async fn buddymatch(app: &TestApp, args: &[&str], stdin: &str) -> Output {
    let url = app.state.settings.database_url.expose_secret().to_owned();
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let stdin = stdin.to_owned();
    tokio::task::spawn_blocking(move || {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut child = Command::new(env!("CARGO_BIN_EXE_buddymatch"))
            .args(&args)
            .current_dir(dir.path())
            .env("DATABASE_URL", url)
            .env_remove("BUDDYMATCH_CONFIG")
            .env_remove("BUDDYMATCH_ENV")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("binary starts");
        // A command that refuses its arguments exits before reading stdin: the pipe is then
        // closed, which is not a failure of the test.
        if let Err(e) = child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
        {
            assert_eq!(
                e.kind(),
                std::io::ErrorKind::BrokenPipe,
                "password written: {e}"
            );
        }
        child.wait_with_output().expect("binary finishes")
    })
    .await
    .expect("blocking task")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test]
async fn coordinator_add_and_token_create_give_a_working_token() {
    let app = spawn_app().await;

    // Arrange: an account, password on stdin.
    let out = buddymatch(
        &app,
        &[
            "coordinator",
            "add",
            "Cli.Coord@Example.org",
            "--programme",
            "demo",
        ],
        "a long enough password\n",
    )
    .await;
    assert!(
        out.status.success(),
        "stdout: {}\nstderr: {}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).contains("cli.coord@example.org"),
        "{}",
        text(&out.stdout)
    );

    // Act: a token.
    let out = buddymatch(
        &app,
        &[
            "token",
            "create",
            "cli.coord@example.org",
            "--label",
            "tests",
        ],
        "",
    )
    .await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Authorization: Bearer "), "{stdout}");
    let token = stdout
        .lines()
        .map(str::trim)
        .find(|l| l.len() == 64 && l.chars().all(|c| c.is_ascii_hexdigit()))
        .unwrap_or_else(|| panic!("no token line in {stdout}"))
        .to_owned();

    // Assert: the token works and reaches the account's programme only.
    let (status, body) = status_json(Api::new(&app, &token).get("/api/v1/programmes").await).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body.as_array().map(Vec::len), Some(1));
    assert_eq!(body[0]["slug"], "demo");
    // Only the hash is stored.
    let stored =
        buddymatch::accounts::store::find_token(&mut app.db().get().expect("conn"), &token)
            .expect("query")
            .expect("found by hash");
    assert_eq!(stored.coordinator.email, "cli.coord@example.org");

    // List shows the token by id and label, never the token; revoke makes it 401.
    let out = buddymatch(&app, &["token", "list", "cli.coord@example.org"], "").await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    assert!(!listing.contains(&token), "{listing}");
    let line = listing
        .lines()
        .find(|l| l.contains("\ttests\t"))
        .unwrap_or_else(|| panic!("no token line in {listing}"));
    assert!(line.contains("last used 2"), "used once already: {line}");
    let id = line.split('\t').next().expect("id").to_owned();
    let out = buddymatch(&app, &["token", "revoke", "someone@example.org", &id], "").await;
    assert!(!out.status.success(), "an unknown account revokes nothing");
    let out = buddymatch(&app, &["token", "revoke", "cli.coord@example.org", &id], "").await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (status, _) = status_json(Api::new(&app, &token).get("/api/v1/programmes").await).await;
    assert_eq!(status, 401);
    let out = buddymatch(&app, &["token", "revoke", "cli.coord@example.org", &id], "").await;
    assert!(!out.status.success(), "already revoked");
}

#[tokio::test]
async fn coordinator_add_refuses_bad_input_clearly() {
    let app = spawn_app().await;

    let out = buddymatch(&app, &["coordinator", "add", "x@example.org"], "short\n").await;
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("at least 12 characters"),
        "{}",
        text(&out.stderr)
    );

    let out = buddymatch(&app, &["coordinator", "add", "x@example.org"], "").await;
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no password"),
        "{}",
        text(&out.stderr)
    );

    let out = buddymatch(
        &app,
        &["coordinator", "add", "not-an-email"],
        "a long enough password\n",
    )
    .await;
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("not usable as an email"),
        "{}",
        text(&out.stderr)
    );

    let out = buddymatch(
        &app,
        &[
            "coordinator",
            "add",
            "x@example.org",
            "--programme",
            "nowhere",
        ],
        "a long enough password\n",
    )
    .await;
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("nowhere"),
        "{}",
        text(&out.stderr)
    );

    let ok = buddymatch(
        &app,
        &["coordinator", "add", "x@example.org", "--admin"],
        "a long enough password\n",
    )
    .await;
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    let again = buddymatch(
        &app,
        &["coordinator", "add", "X@example.org"],
        "a long enough password\n",
    )
    .await;
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("already exists"),
        "{}",
        text(&again.stderr)
    );

    let out = buddymatch(&app, &["token", "create", "nobody@example.org"], "").await;
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no coordinator"),
        "{}",
        text(&out.stderr)
    );
}
