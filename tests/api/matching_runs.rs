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
        // Finished: a new one may start; the last one's undecided proposals wait until a run is
        // kept (see keep_run.rs).
        let next =
            matching_runs::run_now(&db, &c.programme, None, &RunOptions::default()).expect("next");
        let conn = &mut *db.get().expect("conn");
        let (old, _) = matches::for_run(conn, first, 1, 10).expect("old");
        assert!(
            old.iter().all(|m| m.status == "proposed"),
            "a new run leaves them"
        );
        assert_eq!(
            matches::for_run(conn, next.run_id, 1, 10).expect("new").1,
            2
        );
        let _ = (c.amal, c.olena, c.tesfay, c.anna, c.jonas);
    })
    .await
    .expect("no panic");
}

/// The checks before a pin or a pair made by hand, each named: who is missing, who is not a
/// seeker or not a buddy, who has not confirmed, a seeker already matched, a buddy with no room
/// or not ready, a forbidden pair; a refused pin stores nothing.
#[tokio::test]
async fn a_pair_check_names_what_is_wrong() {
    use buddymatch::coordinator::readiness::{self, ReadinessDates};
    use buddymatch::db::matches::NewManualMatch;
    use buddymatch::db::participants;
    use buddymatch::domain::{MatchStatus, ParticipantStatus};
    use buddymatch::matching_runs::decisions;
    use buddymatch::matching_runs::pair_check::{check_pair, PairProblem};

    let app = spawn_app().await;
    let db = app.db().clone();
    tokio::task::spawn_blocking(move || {
        let c = cohort(&db);
        let now = chrono::Utc::now().naive_utc();
        let p = &c.programme;
        let check = |s: i32, b: i32| {
            db.write(|conn| check_pair(conn, p, s, b, now))
                .expect("check")
                .map(|e| e.score)
        };
        // Feasible: the core's score comes back.
        assert!(check(c.amal, c.anna).expect("feasible") > 0);
        assert_eq!(check(9999, c.anna), Err(PairProblem::NoSuchPerson(9999)));
        assert_eq!(check(c.amal, 9999), Err(PairProblem::NoSuchPerson(9999)));
        assert_eq!(check(c.anna, c.jonas), Err(PairProblem::NotASeeker(c.anna)));
        assert_eq!(check(c.amal, c.olena), Err(PairProblem::NotABuddy(c.olena)));
        assert_eq!(
            check(c.tesfay, c.jonas).expect_err("no language").code(),
            "no_common_language"
        );

        // A forbidden pair (rejected before) is refused before the hard rules are checked.
        db.write(|conn| {
            matches::add_rule(
                conn,
                p.id,
                c.amal,
                c.jonas,
                RuleKind::Forbidden,
                "test",
                None,
                now,
            )
        })
        .expect("rule");
        assert_eq!(check(c.amal, c.jonas), Err(PairProblem::Forbidden));

        // Olena is matched with Anna (capacity 1): Olena is taken and Anna is full.
        db.write(|conn| {
            let id = matches::insert_manual(
                conn,
                &NewManualMatch {
                    programme_id: p.id,
                    seeker_id: c.olena,
                    buddy_id: c.anna,
                    score: 500,
                    reasons_json: "[]",
                },
                now,
            )?;
            matches::transition(
                conn,
                id,
                MatchStatus::Proposed,
                MatchStatus::Approved,
                None,
                None,
                now,
            )
        })
        .expect("live match");
        assert_eq!(
            check(c.olena, c.jonas),
            Err(PairProblem::SeekerMatched(c.olena))
        );
        assert_eq!(check(c.amal, c.anna), Err(PairProblem::BuddyFull(c.anna)));
        assert_eq!(
            check(c.amal, c.anna).expect_err("full").code(),
            "buddy_has_no_capacity"
        );

        // Jonas without his safeguarding training is not ready.
        db.write(|conn| readiness::save(conn, c.jonas, &ReadinessDates::default(), now))
            .expect("readiness");
        assert_eq!(
            check(c.tesfay, c.jonas),
            Err(PairProblem::BuddyNotReady(c.jonas))
        );

        // Tesfay withdraws: not confirmed.
        db.write(|conn| {
            participants::set_status(conn, c.tesfay, ParticipantStatus::Withdrawn, now)
        })
        .expect("withdraw");
        assert_eq!(
            check(c.tesfay, c.jonas),
            Err(PairProblem::NotConfirmed(c.tesfay))
        );

        // A refused pin stores nothing; removing a pin that is not there changes nothing.
        let refused = decisions::pin(&db, p, c.amal, c.anna, None, now).expect("pin");
        assert_eq!(refused, Err(PairProblem::BuddyFull(c.anna)));
        let pins = matches::rules(&mut db.get().expect("conn"), p.id, RuleKind::Pinned);
        assert!(pins.expect("rules").is_empty());
        assert!(!decisions::unpin(&db, p.id, c.amal, c.anna, None, now).expect("unpin"));
    })
    .await
    .expect("no panic");
}
