//! The retention period: after it, people who left are erased (an anonymous count stays), what
//! was written about ended matches is deleted, audit entries stop naming anyone; not a day before.

use buddymatch::continuum::closing::{self, Actor};
use buddymatch::db::schema::{audit_log, concerns, erasures, match_notes, matches, participants};
use buddymatch::db::{programmes, DbError};
use buddymatch::domain::{CloseReason, Side};
use buddymatch::housekeeping::run_pass;
use buddymatch::introductions::my_data;
use chrono::{Duration, Months};
use diesel::prelude::*;

use crate::continuum_support::{active_pair, add_person, write};
use crate::helpers::spawn_app_manual_scheduler;
use crate::introductions_support::now;

#[tokio::test]
async fn after_the_retention_period_people_who_left_are_erased_and_match_texts_deleted() {
    let app = spawn_app_manual_scheduler().await;
    let t0 = now();
    let pair = active_pair(&app, t0).await;
    let programme = programmes::by_slug(&mut app.db().get().expect("conn"), "demo")
        .expect("query")
        .expect("demo");
    let leaver = add_person(
        app.db(),
        &programme,
        "Lea",
        "lea@example.org",
        "arriving",
        false,
    );
    let match_id = pair.match_id;
    let programme_id = programme.id;
    write(app.db(), move |c| -> Result<(), DbError> {
        let p = buddymatch::db::participants::find(c, leaver)?.expect("leaver");
        my_data::withdraw(c, &p, t0)?;
        diesel::insert_into(match_notes::table)
            .values((
                match_notes::match_id.eq(match_id),
                match_notes::body.eq("Phoned Amal: she moves to Halle in May."),
                match_notes::created_at.eq(t0),
            ))
            .execute(c)?;
        diesel::insert_into(concerns::table)
            .values((
                concerns::programme_id.eq(programme_id),
                concerns::match_id.eq(Some(match_id)),
                concerns::body.eq("He was late and rude again."),
                concerns::created_at.eq(t0),
            ))
            .execute(c)?;
        closing::close(
            c,
            match_id,
            CloseReason::NotAGoodFit,
            Actor::Participant(Side::Buddy),
            t0,
        )
        .map_err(|e| DbError::Unexpected(anyhow::anyhow!("{e}")))?;
        Ok(())
    })
    .await;

    let db = app.db().clone();
    let pass = move |at| {
        let db = db.clone();
        async move {
            tokio::task::spawn_blocking(move || run_pass(&db, at).expect("a pass"))
                .await
                .expect("task")
        }
    };
    let two_years = t0 + Months::new(24);

    // A day before the 24 months are over: everything stays.
    let early = pass(two_years - Duration::days(1)).await;
    assert_eq!(early.retention.people_erased, 0);
    assert_eq!(early.retention.texts_deleted, 0);
    assert_eq!(early.retention.audit_pseudonymised, 0);

    // A day after: the leaver is erased, the texts go, the audit log names no one.
    let late = pass(two_years + Duration::days(1)).await;
    assert_eq!(late.retention.people_erased, 1);
    assert_eq!(
        late.retention.texts_deleted, 2,
        "the note and the concern's text"
    );
    assert!(late.retention.audit_pseudonymised > 0);

    let mut conn = app.db().get().expect("conn");
    let ids: Vec<i32> = participants::table
        .select(participants::id)
        .load(&mut *conn)
        .expect("participants");
    assert!(!ids.contains(&leaver), "the leaver is erased");
    assert!(
        ids.contains(&pair.seeker_id) && ids.contains(&pair.buddy_id),
        "the pair stays"
    );
    let counted: i64 = erasures::table
        .count()
        .get_result(&mut *conn)
        .expect("erasures");
    assert_eq!(counted, 1, "one anonymous count stays");
    let status: String = matches::table
        .find(match_id)
        .select(matches::status)
        .first(&mut *conn)
        .expect("the match row stays for the figures");
    assert_eq!(status, "closed");
    let notes: i64 = match_notes::table
        .count()
        .get_result(&mut *conn)
        .expect("notes");
    assert_eq!(notes, 0);
    let concern_texts: Vec<String> = concerns::table
        .select(concerns::body)
        .load(&mut *conn)
        .expect("concerns");
    assert_eq!(
        concern_texts,
        [""],
        "the concern is still counted, its words are gone"
    );
    let naming: i64 = audit_log::table
        .filter(audit_log::programme_id.eq(programme_id))
        .filter(audit_log::subject_type.eq_any(["participant", "match"]))
        .filter(audit_log::subject_id.is_not_null())
        .filter(audit_log::at.lt(two_years))
        .count()
        .get_result(&mut *conn)
        .expect("audit");
    assert_eq!(naming, 0);
    drop(conn);

    // A second pass (another instance) has nothing left to do and counts nothing twice.
    let again = pass(two_years + Duration::days(2)).await;
    assert_eq!(again.retention, Default::default());
}
