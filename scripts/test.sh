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

if [ ! -d e2e/node_modules ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
  echo "==> installing browser-test packages"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

target_dir="${CARGO_TARGET_DIR:-target}"

echo "==> cargo fmt --check"
cargo fmt --all -- --check
echo "==> cargo clippy"
cargo clippy --all-targets --quiet -- -D warnings
echo "==> cargo test"
cargo test --quiet
echo "==> browser and validator tests"
cargo build --quiet --bin newsdesk
(cd e2e && NEWSDESK_BIN="$(cd .. && realpath "$target_dir")/debug/newsdesk" node --test)
