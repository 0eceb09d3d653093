//! The per-day stage changes behind "stages over time" (`stage_day_deltas`, kept by triggers and
//! summed up by the housekeeping) always equal what the stage history itself says: after a
//! lived-through history, after a person with matches is deleted (their matches go with them),
//! and after being summed up.

use std::collections::BTreeMap;

use buddymatch::db::outcomes as store;
use buddymatch::db::schema::{
    match_stage_changes, matches, programmes as programmes_t, stage_day_deltas,
};
use buddymatch::db::{participants, programmes, Db};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::cli_support::{stderr, CliDb};

/// Per stage and day, the live-count change worked out from the stage history.
fn from_history(db: &Db, programme: i32) -> BTreeMap<(String, String), i64> {
    let rows: Vec<(String, NaiveDateTime, Option<NaiveDateTime>)> = match_stage_changes::table
        .inner_join(matches::table)
        .filter(matches::programme_id.eq(programme))
        .filter(match_stage_changes::stage.ne("closed"))
        .select((
            match_stage_changes::stage,
            match_stage_changes::changed_at,
            match_stage_changes::ended_at,
        ))
        .load(&mut *db.get().expect("connection"))
        .expect("stage history");
    let mut out: BTreeMap<(String, String), i64> = BTreeMap::new();
    for (stage, began, ended) in rows {
        *out.entry((stage.clone(), began.format("%Y-%m-%d").to_string()))
            .or_default() += 1;
        if let Some(ended) = ended {
            *out.entry((stage, ended.format("%Y-%m-%d").to_string()))
                .or_default() -= 1;
        }
    }
    out.retain(|_, d| *d != 0);
    out
}

/// What the outcomes read, for every day before the open ends (9999-12-31).
fn kept(db: &Db, programme: i32) -> BTreeMap<(String, String), i64> {
    let far = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a date");
    store::stage_deltas(&mut db.get().expect("connection"), &[programme], far)
        .expect("stage deltas")
        .into_iter()
        .filter(|d| d.delta != 0)
        .map(|d| ((d.stage, d.day), d.delta))
        .collect()
}

fn open_ends_dropped(mut m: BTreeMap<(String, String), i64>) -> BTreeMap<(String, String), i64> {
    m.retain(|(_, day), _| day.as_str() < "9999-12-31");
    m
}

fn rows(db: &Db) -> i64 {
    stage_day_deltas::table
        .count()
        .get_result(&mut *db.get().expect("connection"))
        .expect("count")
}

#[test]
fn the_kept_stage_changes_follow_the_history_through_deletes_and_summing_up() {
    let db = CliDb::new();
    let out = db.run(&[
        "demo",
        "--programme",
        "days",
        "--seekers",
        "60",
        "--buddies",
        "50",
        "--seed",
        "5",
        "--history-months",
        "6",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pool = db.db();
    let programme = programmes::by_slug(&mut pool.get().expect("connection"), "days")
        .expect("query")
        .expect("programme")
        .id;
    let history = open_ends_dropped(from_history(&pool, programme));
    assert!(history.len() > 20, "a real history: {} days", history.len());
    assert_eq!(kept(&pool, programme), history);

    // A seeker with stage history leaves: their matches and stage entries are deleted.
    let seeker: i32 = matches::table
        .inner_join(match_stage_changes::table)
        .filter(matches::programme_id.eq(programme))
        .select(matches::seeker_id)
        .first(&mut *pool.get().expect("connection"))
        .expect("a seeker with a stage history");
    pool.write(|c| participants::delete(c, seeker))
        .expect("deleted");
    let after = open_ends_dropped(from_history(&pool, programme));
    assert_ne!(after, history, "the deleted matches had stage entries");
    assert_eq!(kept(&pool, programme), after);

    // Summed up: fewer rows, the same figures; a second time changes nothing.
    let before = rows(&pool);
    let removed = pool.write(store::compact_stage_days).expect("summed up");
    assert!(removed > 0, "{before} rows, none summed up");
    assert_eq!(rows(&pool), before - i64::try_from(removed).expect("small"));
    assert_eq!(kept(&pool, programme), after);
    assert_eq!(pool.write(store::compact_stage_days).expect("again"), 0);
    assert_eq!(kept(&pool, programme), after);

    // The whole programme can go (its matches' trigger must not write for a programme that is
    // being deleted), and its kept changes go with it.
    pool.write(|c| {
        diesel::delete(programmes_t::table.find(programme))
            .execute(c)
            .map_err(buddymatch::db::DbError::from)
    })
    .expect("programme deleted");
    assert_eq!(rows(&pool), 0);
}
