# Shared by the benchmark scripts (sourced, not run): the release binary, a fresh database
# (SQLite file or PostgreSQL database), pairing a demo population into live matches with SQL,
# a server with a logged-in coordinator, and timing repeated requests.
#
# Knobs: DB (sqlite|postgres), PG_URL (postgres://postgres@127.0.0.1/postgres), SKIP_BUILD=1,
# BIN (a binary to use instead), KEEP_DB=1 (keep the database and files to look at).

DB=${DB:-sqlite}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1/postgres}

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
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
    if [ -n "${KEEP_DB:-}" ]; then
        echo "kept: $tmp ${pg_db:+(PostgreSQL database $pg_db)}" >&2
        return
    fi
    if [ -n "$pg_db" ]; then
        psql "$PG_URL" -qAtc "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

# days_ago EXPR: SQL for "EXPR days before now" in the chosen backend (EXPR an SQL integer).
case "$DB" in
    sqlite)
        database_url="sqlite://$tmp/bench.db"
        run_sql() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.stdin.read()); c.commit()' "$tmp/bench.db"; }
        days_ago() { echo "datetime('now', '-' || ($1) || ' days')"; }
        ;;
    postgres)
        pg_db="bm_bench_$(date +%s)_$$"
        psql "$PG_URL" -qAtc "CREATE DATABASE $pg_db" >/dev/null
        database_url="${PG_URL%/*}/$pg_db"
        run_sql() { psql "$database_url" -qAt -v ON_ERROR_STOP=1 >/dev/null; }
        days_ago() { echo "((now() at time zone 'utc') - ($1) * interval '1 day')"; }
        ;;
    *) echo "DB must be sqlite or postgres" >&2; exit 2 ;;
esac
export DATABASE_URL="$database_url" EMAIL_TRANSPORT=folder OUTBOX_DIR="$tmp/outbox" RUST_LOG=warn

# pair_sql AGO: pairs the n-th arriving member with the n-th receiving member of the demo
# programme into an active match, both accepted at AGO (an SQL expression that may use s.rn).
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

# A live database has planner statistics and a visibility map (autovacuum vacuums and analyzes
# within a minute of a bulk load); without statistics PostgreSQL plans joins as if tables were
# empty, and without the map it cannot answer from an index alone.
analyze() {
    if [ "$DB" = postgres ]; then echo "VACUUM ANALYZE;" | run_sql; fi
}

# The admin account bench@example.org (once).
add_account() {
    if [ -z "${account_added:-}" ]; then
        printf 'bench-password-123\n' | "$bin" coordinator add bench@example.org --admin >/dev/null
        account_added=1
    fi
}

# Starts the server with the admin account and logs it in (cookies in $jar).
start_server() {
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    add_account
    PORT=$port BIND=127.0.0.1 "$bin" serve >"$tmp/server.log" 2>&1 &
    server_pid=$!
    base="http://127.0.0.1:$port"
    for _ in $(seq 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
    sleep 5 # the server's workers run their first pass on start; time requests after it
    jar="$tmp/cookies"
    local csrf
    csrf=$(curl -fs -c "$jar" "$base/coordinator/login" | sed -nE 's/.*name="csrf" value="([^"]+)".*/\1/p' | head -1)
    curl -fs -b "$jar" -c "$jar" -o /dev/null \
        --data-urlencode "csrf=$csrf" --data-urlencode "email=bench@example.org" \
        --data-urlencode "password=bench-password-123" "$base/coordinator/login"
}

# time_requests LABEL N CURL_ARGS...: N requests, prints median and worst.
time_requests() {
    local label=$1 n=$2
    shift 2
    local times=()
    for _ in $(seq "$n"); do
        times+=("$(curl -fs -o /dev/null -w '%{time_total}' "$@")")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v p="$label" -v n="$n" '
        { t[NR] = $1 } END { printf "%s: median %.1f ms, worst %.1f ms over %d requests\n", p, t[int((n + 1) / 2)] * 1000, t[n] * 1000, n }'
}
