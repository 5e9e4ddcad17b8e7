#!/usr/bin/env bash
# Schema-driven API fuzzing: starts `newsdesk serve --demo` on a free port with a fresh data
# folder, then lets schemathesis (PyPI) generate requests from /api/v1/openapi.json with the
# demo's admin token, and fails on any server error, undocumented status code, wrong
# content type or response that does not match its schema.
#
#   scripts/api-fuzz.sh [NEWSDESK_BINARY]
#
# NEWSDESK_API_FUZZ_EXAMPLES (default 20) bounds the examples per operation and phase; the
# suite's run takes about 40 seconds. A longer run: NEWSDESK_API_FUZZ_EXAMPLES=500.
# NEWSDESK_API_FUZZ_CHECKS=all adds schemathesis' stricter checks (whether every
# schema-valid request is accepted, which a fuzzer cannot meet where ids and slugs must exist).
# NEWSDESK_API_FUZZ_SEED fixes the seed (default: a new one each run, printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${1:-${CARGO_TARGET_DIR:-target}/debug/newsdesk}"
[ -x "$bin" ] || { echo "newsdesk binary not found at $bin; build it first" >&2; exit 1; }
command -v schemathesis >/dev/null || { echo "schemathesis is not installed (pip install schemathesis openapi-spec-validator)" >&2; exit 1; }
examples="${NEWSDESK_API_FUZZ_EXAMPLES:-20}"

data="$(mktemp -d)"
log="$data/server.log"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
# Limits a fuzzer would trip at once are raised, so it reaches the code behind them; the
# 429 answers themselves are documented and tested elsewhere.
env -u NEWSDESK_DATABASE_URL NEWSDESK_REACTION_BURST=100000 NEWSDESK_REACTION_PER_MINUTE=100000 \
  "$bin" serve --demo --data "$data" --listen "127.0.0.1:$port" >"$log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

for _ in $(seq 300); do
  grep -q "Press Ctrl-C" "$log" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "newsdesk exited early" >&2; exit 1; }
  sleep 0.1
done
token="$(sed -n 's/.*Demo API token: \(ndt_[0-9a-f]*\).*/\1/p' "$log" | head -n 1)"
[ -n "$token" ] || { cat "$log" >&2; echo "the demo printed no API token" >&2; exit 1; }

# The document itself must be valid OpenAPI 3 before anything is generated from it.
curl -sf "$base/api/v1/openapi.json" -o "$data/openapi.json"
python3 -c 'import json, sys
from openapi_spec_validator import validate
validate(json.load(open(sys.argv[1])))
print("openapi.json is valid OpenAPI", json.load(open(sys.argv[1]))["openapi"])' "$data/openapi.json"

seed_args=()
if [ -n "${NEWSDESK_API_FUZZ_SEED:-}" ]; then seed_args=(--seed "$NEWSDESK_API_FUZZ_SEED"); fi
status=0
# Run from the scratch folder: schemathesis keeps a cache in its working directory.
config="$PWD/scripts/schemathesis.toml"
cd "$data"
schemathesis --no-color --config-file "$config" run "$base/api/v1/openapi.json" \
  --url "$base/api/v1" \
  -H "Authorization: Bearer $token" \
  --checks "${NEWSDESK_API_FUZZ_CHECKS:-not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance}" \
  --max-examples "$examples" \
  --generation-database none \
  "${seed_args[@]}" || status=$?
if grep -q "panicked" "$log"; then
  echo "the server panicked during the run:" >&2
  grep -A5 "panicked" "$log" >&2
  status=1
fi
exit "$status"
