#!/usr/bin/env bash
# Benchmark of a full matching run from the database and of the coordinator's review page.
#
# Builds the release binary, fills a fresh database with `buddymatch demo` (SEEKERS x BUDDIES,
# fixed seed), runs `buddymatch match` RUNS times (load, score, solve, store proposals: each
# prints its own wall time), then starts the server, logs a coordinator in with curl and fetches
# the review page of the last run (first page, a middle page, the last page) REQUESTS times each,
# printing median and worst time per page. Targets (issue 4): a run under 10 s, a review page
# under 300 ms, on SQLite on the 2-core build machine.
#
#   scripts/bench/matching_run.sh                 # SQLite
#   DB=postgres scripts/bench/matching_run.sh     # PostgreSQL (fresh database on $PG_URL's server)
#
# Each run prints its phases (load, score, solve, baseline, store; from the run's log line) and,
# where /usr/bin/time exists, the process's peak memory.
#
#   SEEKERS=50000 BUDDIES=40000 SEED=11 REVIEW=0 scripts/bench/matching_run.sh   # a large run
#
# Knobs: SEEKERS (10000), BUDDIES (8000), SEED (1), RUNS (3), REQUESTS (20), REVIEW (1; 0 skips
# the review pages), DB (sqlite|postgres), PG_URL (postgres://postgres@127.0.0.1/postgres),
# SKIP_BUILD=1.
set -euo pipefail

SEEKERS=${SEEKERS:-10000}
BUDDIES=${BUDDIES:-8000}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
REVIEW=${REVIEW:-1}
REQUESTS=${REQUESTS:-20}
DB=${DB:-sqlite}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1/postgres}

cd "$(dirname "$0")/../.."
root=$(pwd)
if [ -z "${SKIP_BUILD:-}" ]; then
    echo "building the release binary..." >&2
    cargo build --release -p buddymatch --bin buddymatch --quiet
fi
bin="${CARGO_TARGET_DIR:-$root/target}/release/buddymatch"

tmp=$(mktemp -d -t buddymatch-bench.XXXXXX)
server_pid=""
pg_db=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [ -n "$pg_db" ]; then
        psql "$PG_URL" -qAtc "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

case "$DB" in
    sqlite) database_url="sqlite://$tmp/bench.db" ;;
    postgres)
        pg_db="bm_bench_$(date +%s)_$$"
        psql "$PG_URL" -qAtc "CREATE DATABASE $pg_db" >/dev/null
        database_url="${PG_URL%/*}/$pg_db"
        ;;
    *) echo "DB must be sqlite or postgres" >&2; exit 2 ;;
esac
export DATABASE_URL="$database_url" EMAIL_TRANSPORT=folder OUTBOX_DIR="$tmp/outbox" RUST_LOG=warn

echo "== $DB: demo population of $SEEKERS seekers and $BUDDIES buddies =="
"$bin" demo --programme demo --seekers "$SEEKERS" --buddies "$BUDDIES" --seed "$SEED"

echo "== $RUNS matching runs (buddymatch match --programme demo) =="
run_id=""
timer=()
[ -x /usr/bin/time ] && timer=(/usr/bin/time -f "peak memory %M KB")
if [ "$DB" = postgres ]; then
    psql "$database_url" -qAtc "ANALYZE" # as autovacuum would after a bulk load
fi
for i in $(seq "$RUNS"); do
    if ! out=$(RUST_LOG=buddymatch::matching_runs=info ${timer[@]+"${timer[@]}"} "$bin" match --programme demo 2>&1); then
        echo "$out" >&2
        exit 1
    fi
    line=$(grep '^run ' <<<"$out" || true)
    echo "$line"
    sed -E 's/\x1b\[[0-9;]*m//g' <<<"$out" | grep -o 'phases=.*' | sed 's/^/  /' || true
    grep 'peak memory' <<<"$out" | sed 's/^/  /' || true
    run_id=$(sed -E 's/^run ([0-9]+):.*/\1/' <<<"$line")
    matched=$(sed -E 's/^run [0-9]+: matched ([0-9]+) .*/\1/' <<<"$line")
done

if [ "$REVIEW" = 0 ]; then
    exit 0
fi
echo "== review page of run $run_id =="
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'bench-password-123\n' | "$bin" coordinator add bench@example.org --admin >/dev/null
PORT=$port BIND=127.0.0.1 "$bin" serve >"$tmp/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

jar="$tmp/cookies"
csrf=$(curl -fs -c "$jar" "$base/coordinator/login" | sed -nE 's/.*name="csrf" value="([^"]+)".*/\1/p' | head -1)
curl -fs -b "$jar" -c "$jar" -o /dev/null \
    --data-urlencode "csrf=$csrf" --data-urlencode "email=bench@example.org" \
    --data-urlencode "password=bench-password-123" "$base/coordinator/login"

first=$(curl -fs -b "$jar" "$base/coordinator/runs/$run_id")
last=$(((matched + 49) / 50)) # 50 proposals a page
middle=$(((last + 1) / 2))
grep -q "/coordinator/matches/" <<<"$first" || { echo "the review page shows no proposal" >&2; exit 1; }
echo "$matched proposals, $last pages"

for page in 1 "$middle" "$last"; do
    times=()
    for _ in $(seq "$REQUESTS"); do
        t=$(curl -fs -b "$jar" -o /dev/null -w '%{time_total}' "$base/coordinator/runs/$run_id?page=$page")
        times+=("$t")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v p="$page" -v n="$REQUESTS" '
        { t[NR] = $1 } END { printf "page %s: median %.1f ms, worst %.1f ms over %d requests\n", p, t[int((n + 1) / 2)] * 1000, t[n] * 1000, n }'
done
