#!/usr/bin/env bash
# Benchmark of a programme's outcomes (the API and the coordinator's page) on a large history.
#
# Builds the release binary, fills a fresh database with `buddymatch demo` (PEOPLE/2 seekers and
# PEOPLE/2 buddies, fixed seed), pairs them into live matches with SQL (both accepted 100 to 400
# days ago), ends one in ten with a reason, gives each match a stage and a stage change, and
# writes PERIODS check-ins per side and match (eight in ten answered, with random ratings;
# belonging and conversation in the arriving side's 1st and 4th), and links each answer to the
# same person's next and first ones (the migration's backfill). Then it starts the server and
# fetches `GET /api/v1/programmes/demo/outcomes` (last 12 months, and a custom quarter) and the
# outcomes page REQUESTS times each, printing median and worst. Target (issue 10): under 500 ms
# for 100 000 participants, 50 000 matches and 500 000 check-ins, on SQLite and PostgreSQL.
#
#   scripts/bench/outcomes.sh                 # SQLite
#   DB=postgres scripts/bench/outcomes.sh     # PostgreSQL (fresh database on $PG_URL)
#
# Knobs: PEOPLE (100000), PERIODS (6), REQUESTS (20), and those of common.sh (DB, PG_URL,
# SKIP_BUILD=1).
set -euo pipefail

PEOPLE=${PEOPLE:-100000}
PERIODS=${PERIODS:-6}
REQUESTS=${REQUESTS:-20}
# shellcheck source=scripts/bench/common.sh
source "$(dirname "$0")/common.sh"

half=$((PEOPLE / 2))
echo "== $DB: demo population of $half seekers and $half buddies =="
"$bin" demo --programme demo --seekers "$half" --buddies "$half" --seed 1
pair_sql "$(days_ago "100 + s.rn % 300")" | run_sql

case "$DB" in
    sqlite)
        plus_days() { echo "datetime($1, '+' || ($2) || ' days')"; }
        rand() { echo "(abs(random()) % $1)"; }
        periods="WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < $PERIODS)"
        sides="(SELECT 'seeker' AS side UNION ALL SELECT 'buddy') AS s"
        series="p"
        ;;
    postgres)
        plus_days() { echo "($1 + ($2) * interval '1 day')"; }
        rand() { echo "floor(random() * $1)::int"; }
        periods=""
        sides="(VALUES ('seeker'), ('buddy')) AS s(side)"
        series="generate_series(1, $PERIODS) AS p(n)"
        ;;
esac

run_sql <<SQL
UPDATE matches SET stage = CASE id % 6 WHEN 0 THEN 'introduced' WHEN 1 THEN 'getting_to_know'
    WHEN 2 THEN 'building_trust' WHEN 3 THEN 'mutual' WHEN 4 THEN 'independent' ELSE 'stalled' END;
UPDATE matches SET status = 'closed', closed_at = $(plus_days active_since 60),
    close_reason = CASE id % 3 WHEN 0 THEN 'completed' WHEN 1 THEN 'moved_away' ELSE 'not_a_good_fit' END
    WHERE id % 10 = 7;
INSERT INTO match_stage_changes (match_id, stage, changed_at)
    SELECT id, 'introduced', active_since FROM matches;
INSERT INTO match_stage_changes (match_id, stage, changed_at)
    SELECT id, COALESCE(stage, 'introduced'), $(plus_days active_since 30) FROM matches;
$periods
INSERT INTO checkins (match_id, participant_id, side, period, due_at, sent_at, answered_at, met,
                      going, trust, go_on, belonging, conversation, created_at)
SELECT x.id, x.pid, x.side, x.n, x.due, x.due,
       CASE WHEN x.r < 8 THEN $(plus_days x.due 1) END,
       CASE WHEN x.r < 8 THEN 'once' END,
       CASE WHEN x.r < 8 THEN 1 + $(rand 5) END,
       CASE WHEN x.r < 8 THEN 1 + $(rand 5) END,
       CASE WHEN x.r < 8 THEN 'yes' END,
       CASE WHEN x.r < 8 AND x.side = 'seeker' AND x.n IN (1, 4) THEN 1 + $(rand 5) END,
       CASE WHEN x.r < 8 AND x.side = 'seeker' AND x.n IN (1, 4) THEN 1 + $(rand 5) END,
       x.due
FROM (SELECT m.id, CASE s.side WHEN 'seeker' THEN m.seeker_id ELSE m.buddy_id END AS pid,
             s.side, p.n, $(plus_days m.active_since "7 + 14 * (p.n - 1)") AS due, $(rand 10) AS r
      FROM matches m CROSS JOIN $series CROSS JOIN $sides) x;
SQL
# The answers' and stage entries' links (db::answer_links), as the migration computes them for
# rows that existed before it.
awk '/^-- backfill/{on=1; next} /^CREATE INDEX/{on=0} on' \
    "migrations/$DB/2026-12-04-000008_outcome_rollups/up.sql" | run_sql
analyze
count() { echo "SELECT COUNT(*) FROM $1;" | case "$DB" in
    sqlite) python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.stdin.read()).fetchone()[0])' "$tmp/bench.db" ;;
    postgres) psql "$database_url" -qAt ;;
esac; }
echo "participants $(count participants), matches $(count matches), check-ins $(count checkins), stage changes $(count match_stage_changes)"

echo "== outcomes =="
add_account
token=$("$bin" token create bench@example.org --label bench | sed -n 3p)
start_server
api="$base/api/v1/programmes/demo/outcomes"
curl -fs -H "Authorization: Bearer $token" "$api" | python3 -c 'import json,sys; o=json.load(sys.stdin); print("pairs created", o["pairs_created"], "| satisfaction (arriving)", o["satisfaction_arriving"], "| funnel", [s["count"] for s in o["funnel"]])'
quarter_from=$(date -u -d '-100 days' +%Y-%m-%d)
quarter_to=$(date -u -d '-10 days' +%Y-%m-%d)
time_requests "api (last 12 months)" "$REQUESTS" -H "Authorization: Bearer $token" "$api"
time_requests "api (custom quarter)" "$REQUESTS" -H "Authorization: Bearer $token" "$api?from=$quarter_from&to=$quarter_to"
time_requests "page (last 12 months)" "$REQUESTS" -b "$jar" "$base/coordinator/programmes/demo/outcomes"
