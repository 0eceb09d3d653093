#!/usr/bin/env bash
# Load test of the public sign-up form (POST /signup?programme=demo).
#
# Builds the release binary, starts it on a fresh database and a random free port on 127.0.0.1
# (folder email transport into a temporary directory, so the outbox worker really runs), posts
# valid sign-ups with unique emails with wrk for a fixed time, then stops the server, counts the
# rows stored and compares them with wrk's count of 303 responses.
#
#   scripts/load/signup.sh                 # SQLite
#   DB=postgres scripts/load/signup.sh     # PostgreSQL (fresh database on $PG_URL's server)
#   DB=postgres INSTANCES=2 scripts/load/signup.sh   # two app instances on two ports, one database
#
# Knobs (environment): DURATION (30s), THREADS (2), CONNECTIONS (32), DB (sqlite|postgres),
# PG_URL (postgres://postgres@127.0.0.1/postgres), DATABASE_MAX_CONNECTIONS (server pool, 8),
# SKIP_BUILD=1 (use the release binary as it is), INSTANCES (1; with 2, each instance gets its own
# wrk with half the threads and connections, and the figures are summed; p99 is the larger one).
# Targets: >= 500 sign-ups/s, p99 < 100 ms, zero errors, zero lost rows; exit code 1 if missed.
set -euo pipefail

DURATION=${DURATION:-30s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DB=${DB:-sqlite}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1/postgres}
MIN_RPS=${MIN_RPS:-500}
MAX_P99_MS=${MAX_P99_MS:-100}
INSTANCES=${INSTANCES:-1}

cd "$(dirname "$0")/../.."
root=$(pwd)

if ! command -v wrk >/dev/null; then
    echo "installing wrk..." >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "building the release binary..." >&2
    cargo build --release -p buddymatch --bin buddymatch --quiet
fi
bin="${CARGO_TARGET_DIR:-$root/target}/release/buddymatch"

tmp=$(mktemp -d -t buddymatch-load.XXXXXX)
server_pids=()
pg_db=""
stop_servers() {
    for pid in "${server_pids[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
    done
    for pid in "${server_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    server_pids=()
}
cleanup() {
    stop_servers
    if [ -n "$pg_db" ]; then
        psql "$PG_URL" -qAtc "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

run_id="r$(date +%s)$$"

case "$DB" in
    sqlite)
        database_url="sqlite://$tmp/load.db"
        ;;
    postgres)
        pg_db="bm_load_$$_$(date +%s)"
        psql "$PG_URL" -qAtc "CREATE DATABASE $pg_db" >/dev/null
        database_url="${PG_URL%/*}/$pg_db"
        ;;
    *)
        echo "DB must be sqlite or postgres" >&2
        exit 2
        ;;
esac

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ports=()
for i in $(seq 1 "$INSTANCES"); do
    port=$(free_port)
    echo "starting server $i on 127.0.0.1:$port ($DB)..." >&2
    DATABASE_URL="$database_url" BIND=127.0.0.1 PORT="$port" EMAIL_TRANSPORT=folder OUTBOX_DIR="$tmp/outbox" \
        BUDDYMATCH_CONFIG=/dev/null BUDDYMATCH_ENV=development RUST_LOG=warn \
        TRUST_PROXY_HEADERS=true SIGNUP_PER_PROGRAMME_PER_HOUR=0 SIGNUP_MIN_FILL_SECONDS=0 \
        ${DATABASE_MAX_CONNECTIONS:+DATABASE_MAX_CONNECTIONS=$DATABASE_MAX_CONNECTIONS} \
        "$bin" serve >"$tmp/server$i.log" 2>&1 &
    server_pids+=($!)
    for _ in $(seq 1 100); do
        if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
        if ! kill -0 "${server_pids[-1]}" 2>/dev/null; then cat "$tmp/server$i.log" >&2; exit 1; fi
        sleep 0.1
    done
    ports+=("$port")
done
port=${ports[0]}
# The signed "form shown at" stamp every post carries (a flood of one programme is what this
# test is, so the per-programme limit is off; each request comes from its own address, so the
# per-client limit and the fill-time floor are checked, with their cost, on every sign-up).
stamp=$(curl -fsS "http://127.0.0.1:$port/signup?programme=demo" | sed -n 's/.*name="started" value="\([0-9a-f.]*\)".*/\1/p' | head -1)
[ -n "$stamp" ] || { echo "no form stamp in the sign-up page" >&2; exit 1; }
# One sign-up first: fails fast (with the page) if the form changed.
status=$(curl -s -o "$tmp/first.html" -w '%{http_code}' -X POST "http://127.0.0.1:$port/signup?programme=demo" \
    --data "first_name=Probe&email=probe-$run_id%40example.org&role=arriving&message_language=en&languages.0.code=ar&languages.0.level=native&availability=mon_evening&consent=on&started=$stamp")
if [ "$status" != 303 ]; then
    echo "a single sign-up got HTTP $status, not 303; the form fields may have changed:" >&2
    grep -o 'error-[a-z-]*\|id="[a-z_.0-9]*-error"' "$tmp/first.html" | sort -u | head -20 >&2 || true
    exit 1
fi

per_threads=$(( THREADS / INSTANCES > 0 ? THREADS / INSTANCES : 1 ))
per_connections=$(( CONNECTIONS / INSTANCES ))
echo "load: wrk -t$per_threads -c$per_connections -d$DURATION --latency -s scripts/load/signup.lua, once per instance (against 127.0.0.1 only)" >&2
wrk_pids=()
for i in $(seq 1 "$INSTANCES"); do
    wrk -t"$per_threads" -c"$per_connections" -d"$DURATION" --timeout 10s --latency -s scripts/load/signup.lua \
        "http://127.0.0.1:${ports[$((i - 1))]}/signup?programme=demo" -- "$run_id-i$i" "$stamp" >"$tmp/wrk$i.out" &
    wrk_pids+=($!)
done
for pid in "${wrk_pids[@]}"; do wait "$pid"; done
cat "$tmp"/wrk*.out >&2

stop_servers

# Summed over the instances (p50/p99: the larger instance's figure).
field() { grep -h '^RESULT ' "$tmp"/wrk*.out | sed -n "s/.* $1=\([0-9.]*\).*/\1/p" | awk -v how="$2" '
    { if (how == "max") { if ($1 > v) v = $1 } else v += $1 } END { print v }'; }
rps=$(field rps sum); s303=$(field status303 sum); other=$(field other_status sum); sockerr=$(field socket_errors sum)
p50=$(field p50_ms max); p99=$(field p99_ms max); requests=$(field requests sum)

query="SELECT COUNT(*) FROM participants WHERE email LIKE 'load-$run_id-%'"
case "$DB" in
    sqlite) rows=$(sqlite3 "$tmp/load.db" "$query") ;;
    postgres) rows=$(psql "$database_url" -qAtc "$query") ;;
esac
queued=$(case "$DB" in
    sqlite) sqlite3 "$tmp/load.db" "SELECT COUNT(*) FROM outbox" ;;
    postgres) psql "$database_url" -qAtc "SELECT COUNT(*) FROM outbox" ;;
esac)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
echo
echo "sign-up load test, $DB, $INSTANCES instance(s), $(nproc) cores ($cpu), wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
echo "  requests:        $requests ($rps/s)"
echo "  303 responses:   $s303"
echo "  other statuses:  $other; socket errors: $sockerr"
echo "  latency:         p50 $p50 ms, p99 $p99 ms"
echo "  rows stored:     $rows (participants with this run's emails); outbox messages: $queued"

ok=1
awk -v r="$rps" -v m="$MIN_RPS" 'BEGIN { exit !(r >= m) }' || { echo "  MISSED: fewer than $MIN_RPS sign-ups/s"; ok=0; }
awk -v p="$p99" -v m="$MAX_P99_MS" 'BEGIN { exit !(p < m) }' || { echo "  MISSED: p99 not under $MAX_P99_MS ms"; ok=0; }
[ "$other" = 0 ] && [ "$sockerr" = 0 ] || { echo "  MISSED: errors"; ok=0; }
# Every 303 must have its row. A few more rows than 303s are requests still in flight when wrk
# stopped (their responses were never read), at most one per connection.
lost=$((s303 - rows)); [ "$lost" -lt 0 ] && lost=0
in_flight=$((rows > s303 ? rows - s303 : 0))
echo "  lost rows:       $lost (rows stored after wrk stopped reading: $in_flight)"
[ "$lost" = 0 ] || { echo "  MISSED: $s303 sign-ups answered 303 but only $rows rows stored"; ok=0; }
[ "$in_flight" -le "$CONNECTIONS" ] || { echo "  MISSED: $in_flight more rows than 303s"; ok=0; }
if [ "$ok" = 1 ]; then echo "  OK: all targets met"; else exit 1; fi
