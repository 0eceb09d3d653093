//! Matching runs from the database: pool selection, hard rules, pins, forbidden pairs, one
//! active run per programme, stored proposals with reasons and unmatched seekers with why.

use buddymatch::db::matches::{self, RuleKind};
use buddymatch::db::runs;
use buddymatch::matching_runs::{self, RunError, RunOptions, Unmatched};

use crate::helpers::spawn_app;
use crate::review_support::cohort;

#[tokio::test]
async fn a_run_proposes_the_best_pairs_and_says_why_others_are_unmatched() {
    let app = spawn_app().await;
    let db = app.db().clone();
    tokio::task::spawn_blocking(move || {
        let c = cohort(&db);
        let outcome =
            matching_runs::run_now(&db, &c.programme, None, &RunOptions::default()).expect("run");
        let s = &outcome.summary;
        assert_eq!((s.seekers, s.buddies, s.matched), (3, 2, 2), "{s:?}");

        let conn = &mut *db.get().expect("conn");
        let (proposals, total) = matches::for_run(conn, outcome.run_id, 1, 50).expect("proposals");
        assert_eq!(total, 2);
        let pairs: Vec<(i32, i32)> = proposals
            .iter()
            .map(|m| (m.seeker_id, m.buddy_id))
            .collect();
        // Amal shares Arabic and two slots with Anna; Olena can then only have Jonas.
        assert!(
            pairs.contains(&(c.amal, c.anna)) && pairs.contains(&(c.olena, c.jonas)),
            "{pairs:?}"
        );
        let amal = proposals
            .iter()
            .find(|m| m.seeker_id == c.amal)
            .expect("amal's proposal");
        assert!(
            amal.score > 0 && amal.reasons.contains("shared_language")
                || amal.reasons.contains("SharedLanguage"),
            "{}",
            amal.reasons
        );
        assert_eq!(amal.status, "proposed");

        let run = runs::find(conn, outcome.run_id)
            .expect("query")
            .expect("run");
        assert_eq!(run.status, "done");
        let unmatched: Vec<Unmatched> = serde_json::from_str(&run.unmatched).expect("json");
        assert_eq!(unmatched.len(), 1);
        assert_eq!(unmatched[0].seeker_id, c.tesfay);
        assert_eq!(unmatched[0].reason, "no_feasible_buddy");
        let excl = unmatched[0].exclusions.expect("exclusion summary");
        assert_eq!(
            excl.excluded_by.no_common_language, 2,
            "both ready buddies lack Tigrinya"
        );
    })
    .await
    .expect("no panic");
}

#[tokio::test]
async fn forbidden_and_pinned_pairs_are_respected() {
    let app = spawn_app().await;
    let db = app.db().clone();
    tokio::task::spawn_blocking(move || {
        let c = cohort(&db);
        let now = chrono::Utc::now().naive_utc();
        // Forbid the best pair: Amal must get Jonas or nobody; pin Olena with Anna.
        db.write(|conn| {
            matches::add_rule(
                conn,
                c.programme.id,
                c.amal,
                c.anna,
                RuleKind::Forbidden,
                "test",
                None,
                now,
            )
        })
        .expect("rule");
        db.write(|conn| {
            matches::add_rule(
                conn,
                c.programme.id,
                c.olena,
                c.anna,
                RuleKind::Pinned,
                "test",
                None,
                now,
            )
        })
        .expect("rule");
        let outcome =
            matching_runs::run_now(&db, &c.programme, None, &RunOptions::default()).expect("run");
        let pairs =
            matches::pairs_of_run(&mut db.get().expect("conn"), outcome.run_id).expect("pairs");
        assert!(pairs.contains(&(c.olena, c.anna)), "{pairs:?}");
        assert!(pairs.contains(&(c.amal, c.jonas)), "{pairs:?}");
        assert!(!pairs.contains(&(c.amal, c.anna)));

        // A pin that breaks a hard rule (Tesfay shares no language with Jonas) fails clearly.
        db.write(|conn| {
            matches::add_rule(
                conn,
                c.programme.id,
                c.tesfay,
                c.jonas,
                RuleKind::Pinned,
                "test",
                None,
                now,
            )
        })
        .expect("rule");
        let err = matching_runs::run_now(&db, &c.programme, None, &RunOptions::default())
            .expect_err("infeasible pin");
        assert!(matches!(err, RunError::Pin(_)), "{err}");
        let runs_list =
            runs::for_programme(&mut db.get().expect("conn"), c.programme.id, 10).expect("runs");
        assert_eq!(runs_list[0].status, "failed");
        assert!(runs_list[0]
            .error
            .as_deref()
            .unwrap_or_default()
            .contains("pinned"));
    })
    .await
    .expect("no panic");
}

#[tokio::test]
async fn only_one_active_run_per_programme() {
    let app = spawn_app().await;
    let db = app.db().clone();
    tokio::task::spawn_blocking(move || {
        let c = cohort(&db);
        let now = chrono::Utc::now().naive_utc();
        let first = matching_runs::start(&db, &c.programme, None, &RunOptions::default(), now)
            .expect("first");
        let second = matching_runs::start(&db, &c.programme, None, &RunOptions::default(), now);
        assert!(matches!(second, Err(RunError::AlreadyRunning)));
        matching_runs::execute(&db, first, &c.programme, &RunOptions::default()).expect("runs");
        // Finished: a new one may start, and it supersedes undecided proposals of the last.
        let next =
            matching_runs::run_now(&db, &c.programme, None, &RunOptions::default()).expect("next");
        let conn = &mut *db.get().expect("conn");
        let (old, _) = matches::for_run(conn, first, 1, 10).expect("old");
        assert!(old.iter().all(|m| m.status == "superseded"));
        assert_eq!(
            matches::for_run(conn, next.run_id, 1, 10).expect("new").1,
            2
        );
        let _ = (c.amal, c.olena, c.tesfay, c.anna, c.jonas);
    })
    .await
    .expect("no panic");
}
