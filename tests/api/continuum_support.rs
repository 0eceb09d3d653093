//! Shared by the continuum's tests: a pair whose match is active, and a write transaction on a
//! blocking thread.

use buddymatch::db::introductions as answers;
use buddymatch::db::{Db, DbConnection};
use buddymatch::domain::Side;
use chrono::NaiveDateTime;

use crate::helpers::TestApp;
use crate::introductions_support::{approve, setup_pair, Pair};

/// Runs `f` in a write transaction on a blocking thread.
pub async fn write<T, F>(db: &Db, f: F) -> T
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection) -> Result<T, buddymatch::db::DbError> + Send + 'static,
{
    let db = db.clone();
    tokio::task::spawn_blocking(move || db.write(f).expect("stored"))
        .await
        .expect("task")
}

/// A pair whose match both sides accepted at `at` (status active, stage introduced).
pub async fn active_pair(app: &TestApp, at: NaiveDateTime) -> Pair {
    let pair = setup_pair(app).await;
    approve(app, pair.match_id, at).await;
    let id = pair.match_id;
    let activated = write(app.db(), move |c| {
        answers::accept(c, id, Side::Seeker, at)?;
        answers::accept(c, id, Side::Buddy, at)?;
        answers::activate(c, id, at)
    })
    .await;
    assert!(activated);
    pair
}
