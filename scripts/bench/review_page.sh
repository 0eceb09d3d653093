#!/usr/bin/env bash
# Benchmark of the review table (a run's page): a demo population of SEEKERS seekers and
# BUDDIES buddies (fixed seed), one matching run, then the run's page fetched REQUESTS times each
# as a coordinator sees it: the first page, filtered to pairs with a warning, sorted by the
# seeker's name, and a late page. Prints median and worst; the README gives the figures.
#
#   scripts/bench/review_page.sh                  # SQLite
#   DB=postgres scripts/bench/review_page.sh      # PostgreSQL (fresh database on $PG_URL)
#
# Knobs: SEEKERS (2000), BUDDIES (1800), REQUESTS (20), and those of common.sh (DB, PG_URL,
# SKIP_BUILD=1).
set -euo pipefail

SEEKERS=${SEEKERS:-2000}
BUDDIES=${BUDDIES:-1800}
REQUESTS=${REQUESTS:-20}
# shellcheck source=scripts/bench/common.sh
source "$(dirname "$0")/common.sh"

echo "== $DB: $SEEKERS seekers, $BUDDIES buddies, one run =="
"$bin" demo --programme demo --seekers "$SEEKERS" --buddies "$BUDDIES" --seed 3 >/dev/null
"$bin" match --programme demo
analyze
start_server
run=$(curl -fs -b "$jar" "$base/coordinator/programmes/demo/runs" | grep -oE '/coordinator/runs/[0-9]+' | head -1)
proposals=$(curl -fs -b "$jar" "$base$run" | grep -oE 'Showing [0-9]+ of [0-9]+' | head -1)
echo "run $run: $proposals proposals"
time_requests "first page" "$REQUESTS" -b "$jar" "$base$run"
time_requests "pairs with a warning" "$REQUESTS" -b "$jar" "$base$run?warning=1"
time_requests "by the seeker's name" "$REQUESTS" -b "$jar" "$base$run?sort=seeker"
time_requests "page 20" "$REQUESTS" -b "$jar" "$base$run?page=20"
