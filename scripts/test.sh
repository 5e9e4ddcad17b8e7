#!/usr/bin/env bash
# Runs the whole Newsdesk test suite on a fresh Debian machine, installing what is missing:
# formatting and lints, Rust unit and integration tests (which start the real server),
# then browser and validator tests against the demo site in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
# Screenshots should show the reaction emoji as readers' phones do.
fc-list 2>/dev/null | grep -qi "color emoji" || missing+=(fonts-noto-color-emoji)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! python3 -c "import feedparser" >/dev/null 2>&1; then
  echo "==> installing feedparser"
  python3 -m pip install --quiet feedparser 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages feedparser 2>/dev/null \
    || { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-feedparser >/dev/null; }
fi

# The API fuzzer and its OpenAPI validator, and moto's S3 server for the S3 media store test.
py_missing=()
command -v schemathesis >/dev/null 2>&1 || py_missing+=(schemathesis)
python3 -c "import openapi_spec_validator" >/dev/null 2>&1 || py_missing+=(openapi-spec-validator)
command -v moto_server >/dev/null 2>&1 || py_missing+=("moto[server]")
if [ ${#py_missing[@]} -gt 0 ]; then
  echo "==> installing ${py_missing[*]}"
  python3 -m pip install --quiet "${py_missing[@]}" 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages "${py_missing[@]}"
  hash -r
fi

# cargo-deny and cargo-fuzz are built once into a cache that outlives the checkout.
tools="$HOME/.cache/newsdesk/tools"
export PATH="$tools/bin:$PATH"
for tool in cargo-deny cargo-fuzz; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "==> installing $tool into $tools (once; a few minutes)"
    cargo install --quiet --locked --root "$tools" "$tool"
  fi
done

if [ ! -d e2e/node_modules ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
  echo "==> installing browser-test packages"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

target_dir="${CARGO_TARGET_DIR:-target}"
# Everything is built once, with the S3 media store in, so its test runs against moto
# without a second build of the suite.
features=(--features s3)
# Prints how long the step just run took.
took() { echo "    ($(( SECONDS - $1 )) s)"; }

echo "==> cargo fmt --check"
cargo fmt --all -- --check
cargo fmt --manifest-path fuzz/Cargo.toml -- --check
echo "==> cargo clippy"
cargo clippy --all-targets "${features[@]}" --quiet -- -D warnings
# The fuzz targets call the library too: a change to its API breaks them, and their own
# build comes last, so they are checked here, in a minute, not after half an hour.
echo "==> cargo check of the fuzz targets"
CARGO_TARGET_DIR="$target_dir/fuzz-check" cargo check --manifest-path fuzz/Cargo.toml --bins --quiet
echo "==> cargo deny check licenses bans (advisories need a network and are not checked)"
started=$SECONDS
cargo deny --log-level error check licenses bans
took $started
# The PostgreSQL half of the suite (conformance, moving a site, two instances) is marked
# ignored so a plain `cargo test` on a machine without PostgreSQL lists it as skipped.
# Here it runs whenever a server answers; NEWSDESK_REQUIRE_POSTGRES=1 (CI) makes a missing
# server a failure instead of a skip.
pg_url="${NEWSDESK_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/test}"
pg_host=127.0.0.1
pg_port=5432
if [[ "$pg_url" =~ @([^:/?]+)(:([0-9]+))? ]]; then
  pg_host="${BASH_REMATCH[1]}"
  pg_port="${BASH_REMATCH[3]:-5432}"
fi
if (exec 3<>"/dev/tcp/$pg_host/$pg_port") 2>/dev/null; then
  echo "==> cargo test (SQLite and PostgreSQL at $pg_host:$pg_port)"
  NEWSDESK_TEST_POSTGRES="$pg_url" cargo test --quiet "${features[@]}" -- --include-ignored
  echo "==> the HTTP integration suite again, every site on PostgreSQL"
  NEWSDESK_TEST_POSTGRES="$pg_url" NEWSDESK_TEST_BACKEND=postgres cargo test --quiet "${features[@]}" --test integration
elif [ "${NEWSDESK_REQUIRE_POSTGRES:-0}" = 1 ]; then
  echo "PostgreSQL is required (NEWSDESK_REQUIRE_POSTGRES=1) but nothing answers at $pg_host:$pg_port" >&2
  exit 1
else
  echo "==> cargo test (SQLite only: nothing answers at $pg_host:$pg_port, so the PostgreSQL tests are SKIPPED and listed as ignored)"
  cargo test --quiet "${features[@]}"
fi
echo "==> browser and validator tests"
cargo build --quiet "${features[@]}" --bin newsdesk
(cd e2e && NEWSDESK_BIN="$(cd .. && realpath "$target_dir")/debug/newsdesk" node --test)
echo "==> schema-driven API fuzzing (schemathesis against /api/v1/openapi.json)"
started=$SECONDS
./scripts/api-fuzz.sh "$(realpath "$target_dir")/debug/newsdesk"
took $started
echo "==> cargo fuzz: every target for ${NEWSDESK_FUZZ_SECONDS:-10} s"
started=$SECONDS
./scripts/fuzz.sh "${NEWSDESK_FUZZ_SECONDS:-10}"
took $started
