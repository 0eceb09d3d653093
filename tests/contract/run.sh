#!/usr/bin/env bash
# The API contract: Schemathesis (pinned, from PyPI, in .venv-test/) against the real debug
# binary on a fresh SQLite database with a small demo cohort and one matching run, every check
# on, a fixed seed and a bounded number of examples (tests/contract/schemathesis.toml says which
# answers the schema cannot promise). Prints node-style "# pass 1" / "# fail 1" for the totals
# of ./scripts/test and exits non-zero on any finding.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
SCHEMATHESIS_VERSION=4.32.5
EXAMPLES=${SCHEMATHESIS_EXAMPLES:-25}

[[ -x .venv-test/bin/python ]] || python3 -m venv .venv-test
if ! .venv-test/bin/schemathesis --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
    .venv-test/bin/pip install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
fi
bin="${CARGO_TARGET_DIR:-$root/target}/debug/buddymatch"
[[ -x "$bin" ]] || cargo build --quiet -p buddymatch --bin buddymatch

tmp=$(mktemp -d -t buddymatch-contract.XXXXXX)
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
export DATABASE_URL="sqlite://$tmp/contract.db" BUDDYMATCH_CONFIG=/dev/null EMAIL_TRANSPORT=memory \
    BIND=127.0.0.1 RUST_LOG=warn
# Data to reach past the 404s: a cohort, a run with proposals, an admin with a token.
"$bin" demo --programme demo --seekers 12 --buddies 10 --seed 7 >/dev/null
"$bin" match --programme demo >/dev/null
printf 'contract-test-password\n' | "$bin" coordinator add contract@example.org --admin >/dev/null
token=$("$bin" token create contract@example.org | grep -Eo '[0-9a-f]{64}' | head -1)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PORT=$port "$bin" serve >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

echo "schemathesis $SCHEMATHESIS_VERSION: every check, seed 1, $EXAMPLES examples per operation"
if .venv-test/bin/schemathesis --config-file tests/contract/schemathesis.toml run \
    "http://127.0.0.1:$port/api/openapi.json" --checks all --seed 1 --max-examples "$EXAMPLES" \
    -H "Authorization: Bearer $token" --no-color; then
    echo "# pass 1"
else
    echo "# fail 1"
    exit 1
fi
