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
# Knobs: MATCHES (50000), PASSES (5), REQUESTS (20; 0 skips the page), DB (sqlite|postgres),
# PG_URL (postgres://postgres@127.0.0.1/postgres), SKIP_BUILD=1.
set -euo pipefail

MATCHES=${MATCHES:-50000}
PASSES=${PASSES:-5}
REQUESTS=${REQUESTS:-20}
DB=${DB:-sqlite}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1/postgres}

cd "$(dirname "$0")/../.."
root=$(pwd)
if [ -z "${SKIP_BUILD:-}" ]; then
    echo "building the release binary..." >&2
    cargo build --release -p buddymatch --bin buddymatch --quiet
fi
bin="${BIN:-${CARGO_TARGET_DIR:-$root/target}/release/buddymatch}"

tmp=$(mktemp -d -t buddymatch-bench.XXXXXX)
pg_db=""
server_pid=""
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

# Pairs the n-th seeker with the n-th buddy of the demo programme, accepted 1..90 days ago.
pair_sql() {
    local ago=$1
    cat <<SQL
INSERT INTO matches (programme_id, seeker_id, buddy_id, score, reasons, status, stage,
                     seeker_response, buddy_response, decided_at, created_at, updated_at,
                     active_since, stage_since)
SELECT s.programme_id, s.id, b.id, 500, '[]', 'active', 'introduced', 'accepted', 'accepted',
       $ago, $ago, $ago, $ago, $ago
FROM (SELECT id, programme_id, row_number() OVER (ORDER BY id) AS rn
      FROM participants WHERE role = 'arriving') s
JOIN (SELECT id, row_number() OVER (ORDER BY id) AS rn
      FROM participants WHERE role = 'receiving') b ON b.rn = s.rn;
SQL
}

case "$DB" in
    sqlite)
        database_url="sqlite://$tmp/bench.db"
        run_sql() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.stdin.read()); c.commit()' "$tmp/bench.db"; }
        ago="datetime('now', '-' || (1 + s.rn % 90) || ' days')"
        ;;
    postgres)
        pg_db="bm_bench_$(date +%s)_$$"
        psql "$PG_URL" -qAtc "CREATE DATABASE $pg_db" >/dev/null
        database_url="${PG_URL%/*}/$pg_db"
        run_sql() { psql "$database_url" -qAt -v ON_ERROR_STOP=1 >/dev/null; }
        ago="(now() at time zone 'utc') - (1 + s.rn % 90) * interval '1 day'"
        ;;
    *) echo "DB must be sqlite or postgres" >&2; exit 2 ;;
esac
export DATABASE_URL="$database_url" EMAIL_TRANSPORT=folder OUTBOX_DIR="$tmp/outbox" RUST_LOG=warn

echo "== $DB: demo population of $MATCHES seekers and $MATCHES buddies =="
"$bin" demo --programme demo --seekers "$MATCHES" --buddies "$MATCHES" --seed 1
pair_sql "$ago" | run_sql
if [ "$DB" = postgres ]; then
    # A live database has planner statistics (autovacuum analyzes within a minute of such a
    # load); without them PostgreSQL plans the pass's and the page's joins as if tables were
    # empty and a page takes seconds instead of milliseconds.
    echo "ANALYZE;" | run_sql
fi
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
[ "$DB" = postgres ] && echo "ANALYZE;" | run_sql
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'bench-password-123\n' | "$bin" coordinator add bench@example.org --admin >/dev/null
PORT=$port BIND=127.0.0.1 "$bin" serve >"$tmp/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
sleep 5 # the server's scheduler worker runs its first pass on start; time the page after it

jar="$tmp/cookies"
csrf=$(curl -fs -c "$jar" "$base/coordinator/login" | sed -nE 's/.*name="csrf" value="([^"]+)".*/\1/p' | head -1)
curl -fs -b "$jar" -c "$jar" -o /dev/null \
    --data-urlencode "csrf=$csrf" --data-urlencode "email=bench@example.org" \
    --data-urlencode "password=bench-password-123" "$base/coordinator/login"

page_url="$base/coordinator/programmes/demo/connections"
grep -q "/coordinator/matches/" <(curl -fs -b "$jar" "$page_url") \
    || { echo "the Connections page shows no match" >&2; exit 1; }
last=$(((MATCHES + 49) / 50)) # 50 matches a page
for query in "" "?page=$last" "?stage=stalled"; do
    times=()
    for _ in $(seq "$REQUESTS"); do
        t=$(curl -fs -b "$jar" -o /dev/null -w '%{time_total}' "$page_url$query")
        times+=("$t")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v p="connections$query" -v n="$REQUESTS" '
        { t[NR] = $1 } END { printf "%s: median %.1f ms, worst %.1f ms over %d requests\n", p, t[int((n + 1) / 2)] * 1000, t[n] * 1000, n }'
done
