//! The Connections overview of a programme: how many live matches are at each stage, and the
//! list in the order a coordinator should look at it: open concerns first, then stalled pairs,
//! then pairs with an unanswered check-in, then the rest (longest in their stage first).

use chrono::{NaiveDate, NaiveDateTime};

use crate::db::connections::{self as store, LiveConnection};
use crate::db::{DbConnection, DbError};
use crate::domain::Stage;

/// One live match in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    /// Match id.
    pub match_id: i32,
    /// Seeker id and name ("first last").
    pub seeker: (i32, String),
    /// Buddy id and name.
    pub buddy: (i32, String),
    /// Stage (`introduced` when none was stored).
    pub stage: Stage,
    /// Since when.
    pub stage_since: Option<NaiveDateTime>,
    /// When both accepted.
    pub active_since: Option<NaiveDateTime>,
    /// Paused until.
    pub paused_until: Option<NaiveDate>,
    /// Concerns about this match not handled yet.
    pub open_concerns: i64,
    /// Check-ins sent and not answered.
    pub unanswered: i64,
    /// The latest answer from either side.
    pub last_answer: Option<NaiveDateTime>,
    /// The arriving member said they would like to become a buddy (and still is arriving).
    pub wants_to_volunteer: bool,
}

impl Connection {
    /// 0 = a concern, 1 = stalled, 2 = a check-in without answer, 3 = the rest.
    #[must_use]
    pub fn attention(&self) -> u8 {
        if self.open_concerns > 0 {
            0
        } else if self.stage == Stage::Stalled {
            1
        } else if self.unanswered > 0 {
            2
        } else {
            3
        }
    }
}

/// A page of the overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// Live matches per stage (every stage on the path and off it, zeros included); `closed`
    /// counts the matches that were active once and have closed.
    pub counts: Vec<(Stage, i64)>,
    /// The page's rows.
    pub rows: Vec<Connection>,
    /// Rows matching the filter.
    pub total: i64,
}

/// The overview of a programme's live matches, optionally of one stage, page `page` (from 1) of
/// `per_page` rows.
///
/// # Errors
/// Storage failures.
pub fn overview(
    conn: &mut DbConnection,
    programme_id: i32,
    only: Option<Stage>,
    page: i64,
    per_page: i64,
) -> Result<Overview, DbError> {
    let live = store::live(conn, programme_id)?;
    let concerns = store::open_concerns_by_match(conn, programme_id)?;
    let answers = store::answers_by_match(conn, programme_id)?;
    let wishes = store::volunteer_wishes(conn, programme_id)?;
    let mut counts: Vec<(Stage, i64)> = Stage::ALL.iter().map(|s| (*s, 0)).collect();
    for m in &live {
        let stage = m.stage.unwrap_or(Stage::Introduced);
        if let Some(c) = counts.iter_mut().find(|(s, _)| *s == stage) {
            c.1 += 1;
        }
    }
    if let Some(c) = counts.iter_mut().find(|(s, _)| *s == Stage::Closed) {
        c.1 += store::closed_count(conn, programme_id)?;
    }
    let mut rows: Vec<(LiveConnection, i64, i64, Option<NaiveDateTime>)> = live
        .into_iter()
        .filter(|m| only.map_or(true, |s| m.stage.unwrap_or(Stage::Introduced) == s))
        .map(|m| {
            let open = concerns.get(&m.id).copied().unwrap_or(0);
            let (unanswered, last) = answers.get(&m.id).copied().unwrap_or((0, None));
            (m, open, unanswered, last)
        })
        .collect();
    let total = i64::try_from(rows.len()).unwrap_or(i64::MAX);
    let key = |(m, open, unanswered, _): &(LiveConnection, i64, i64, Option<NaiveDateTime>)| {
        let stalled = m.stage == Some(Stage::Stalled);
        (*open == 0, !stalled, *unanswered == 0, m.stage_since, m.id)
    };
    rows.sort_by_key(key);
    let skip = usize::try_from(crate::db::page_offset(page, per_page)).unwrap_or(usize::MAX);
    let take = usize::try_from(per_page.max(1)).unwrap_or(50);
    let page_rows: Vec<_> = rows.into_iter().skip(skip).take(take).collect();
    let ids: Vec<i32> = page_rows
        .iter()
        .flat_map(|(m, ..)| [m.seeker_id, m.buddy_id])
        .collect();
    let names = store::names(conn, &ids)?;
    let name = |id: i32| {
        names
            .get(&id)
            .map_or_else(String::new, |(f, l)| format!("{f} {l}"))
    };
    let rows = page_rows
        .into_iter()
        .map(|(m, open_concerns, unanswered, last_answer)| Connection {
            match_id: m.id,
            seeker: (m.seeker_id, name(m.seeker_id)),
            buddy: (m.buddy_id, name(m.buddy_id)),
            stage: m.stage.unwrap_or(Stage::Introduced),
            stage_since: m.stage_since,
            active_since: m.active_since,
            paused_until: m.paused_until,
            open_concerns,
            unanswered,
            last_answer,
            wants_to_volunteer: wishes.contains(&m.id),
        })
        .collect();
    Ok(Overview {
        counts,
        rows,
        total,
    })
}
