#!/usr/bin/env bash
# Benchmark of the continuum's scheduler pass (`buddymatch continuum`) over many live matches.
#
# Builds the release binary, fills a fresh database with `buddymatch demo` (MATCHES seekers and
# MATCHES buddies, fixed seed), pairs them into MATCHES active matches with SQL (both accepted
# between 1 and 90 days ago, stage `introduced`; no check-in history yet), then times PASSES
# passes of `buddymatch continuum`. The first pass queues the check-ins that are due (two rows
# and two outbox emails per match whose first check-in has come) and sets the stages; the passes
# after it find nothing new to send and only recompute stages: the steady state of the server's
# worker. Then it starts the server, logs a coordinator in with curl and fetches the programme's
# Connections page (all stages, first and last page, and the stalled filter) REQUESTS times
# each, printing median and worst time per page. Targets (issue 9): a pass over 50 000 live
# matches under 2 s, SQLite and PostgreSQL; the Connections page for 10 000 live matches under
# 300 ms (MATCHES=10000).
#
#   scripts/bench/continuum_pass.sh                 # SQLite
#   DB=postgres scripts/bench/continuum_pass.sh     # PostgreSQL (fresh database on $PG_URL)
#
# Knobs: MATCHES (50000), PASSES (5), REQUESTS (20; 0 skips the page), and those of common.sh
# (DB=sqlite|postgres, PG_URL, SKIP_BUILD=1).
set -euo pipefail

MATCHES=${MATCHES:-50000}
PASSES=${PASSES:-5}
REQUESTS=${REQUESTS:-20}
# shellcheck source=scripts/bench/common.sh
source "$(dirname "$0")/common.sh"
ago=$(days_ago "1 + s.rn % 90")

echo "== $DB: demo population of $MATCHES seekers and $MATCHES buddies =="
"$bin" demo --programme demo --seekers "$MATCHES" --buddies "$MATCHES" --seed 1
pair_sql "$ago" | run_sql
analyze
echo "paired seekers and buddies into active matches (the first pass line counts them)"

echo "== $PASSES passes of buddymatch continuum =="
for i in $(seq "$PASSES"); do
    start=$(date +%s.%N)
    line=$("$bin" continuum)
    end=$(date +%s.%N)
    printf 'pass %d: %.2f s  %s\n' "$i" "$(echo "$end - $start" | bc)" "$line"
done

[ "$REQUESTS" -gt 0 ] || exit 0
echo "== Connections page =="
# The passes queued thousands of check-in emails; a server would have sent them long before a
# coordinator looks. Mark them sent so the page is timed alone, not against the email worker
# draining the outbox (on PostgreSQL that drain takes minutes and slows every request).
echo "UPDATE outbox SET sent_at = created_at WHERE sent_at IS NULL;" | run_sql
analyze
start_server
page_url="$base/coordinator/programmes/demo/connections"
grep -q "/coordinator/matches/" <(curl -fs -b "$jar" "$page_url") \
    || { echo "the Connections page shows no match" >&2; exit 1; }
last=$(((MATCHES + 49) / 50)) # 50 matches a page
for query in "" "?page=$last" "?stage=stalled"; do
    time_requests "connections$query" "$REQUESTS" -b "$jar" "$page_url$query"
done
