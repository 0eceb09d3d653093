//! `buddymatch match --programme <slug>` prints a one-line summary of a stored run.

use buddymatch::db::{programmes, runs};

use crate::cli_support::{stderr, stdout, CliDb};
use crate::review_support::cohort;

#[test]
fn match_prints_the_summary_line() {
    let cli = CliDb::new();
    let out = cli.run(&["migrate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let db = cli.db();
    db.write(|c| programmes::ensure_demo(c, "demo"))
        .expect("demo programme");
    let c = cohort(&db);

    let out = cli.run(&[
        "match",
        "--programme",
        "demo",
        "--objective",
        "waiting_priority",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let line = stdout(&out);
    let line = line.trim();
    assert_eq!(line.lines().count(), 1, "{line}");
    let latest = runs::for_programme(&mut db.get().expect("conn"), c.programme.id, 1)
        .expect("runs")
        .remove(0);
    assert_eq!(latest.status, "done");
    assert_eq!(latest.objective, "waiting_priority");
    let expected_start = format!(
        "run {}: matched 2 of 3 seekers, 1 unmatched, total score {}, ",
        latest.id, latest.total_score
    );
    assert!(line.starts_with(&expected_start), "{line}");
    assert!(
        line.ends_with(&format!(
            " s ({} feasible pairs among 3x2)",
            latest.feasible_pairs
        )),
        "{line}"
    );

    // Clear errors for an unknown programme or objective.
    let out = cli.run(&["match", "--programme", "nope"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("there is no programme `nope`"),
        "{}",
        stderr(&out)
    );
    let out = cli.run(&["match", "--programme", "demo", "--objective", "greedy"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("unknown objective"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_demo_population_is_ready_to_be_matched() {
    // Demo buddies carry the readiness a coordinator records, so a run proposes pairs at once.
    let cli = CliDb::new();
    let out = cli.run(&[
        "demo",
        "--programme",
        "demo",
        "--seekers",
        "40",
        "--buddies",
        "30",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = cli.run(&["match", "--programme", "demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let line = stdout(&out);
    let matched: u32 = line
        .split_once("matched ")
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no matched count in {line}"));
    assert!(matched >= 20, "most seekers find a buddy: {line}");
    assert!(
        line.contains("among 40x30"),
        "every buddy is in the pool: {line}"
    );
}
