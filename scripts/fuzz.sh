#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ (every parser of outside input: Markdown, comment
# text, image uploads, archive lines, settings, search queries, Ghost filters, domain
# values, signed cookies and tokens), each for a bounded time, from the seeds in
# fuzz/corpus/.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Needs a nightly toolchain (`cargo +nightly`) and cargo-fuzz; installs cargo-fuzz into
# ~/.cache/newsdesk/tools when it is missing. New inputs a run finds go to a scratch folder,
# not the repository; a crash is kept under fuzz/artifacts/TARGET/ and fails the run.
# A longer run of one target: scripts/fuzz.sh 3600 markdown
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-${NEWSDESK_FUZZ_SECONDS:-10}}"
shift || true
tools="$HOME/.cache/newsdesk/tools"
export PATH="$tools/bin:$PATH"
if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzzing needs a nightly toolchain (rustup toolchain install nightly)" >&2
  exit 1
fi
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz into $tools (once)"
  cargo install --quiet --locked --root "$tools" cargo-fuzz
fi

target_dir="$(realpath -m "${CARGO_TARGET_DIR:-target}")/fuzz"
# No sanitizer: the code under test is safe Rust, and the build and the runs are twice as
# fast; debug assertions catch integer overflow.
flags=(--sanitizer none --debug-assertions --target-dir "$target_dir")
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cd fuzz && cargo +nightly fuzz list)
fi

(cd fuzz && cargo +nightly fuzz build "${flags[@]}")
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
failed=()
for target in "${targets[@]}"; do
  mkdir -p "$scratch/$target"
  log="$scratch/$target.log"
  if (cd fuzz && cargo +nightly fuzz run "${flags[@]}" "$target" \
        "$scratch/$target" "$PWD/corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -print_final_stats=1) >"$log" 2>&1; then
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    echo "    $target: ${runs:-?} inputs in ${seconds} s, no crash"
  else
    echo "    $target: FAILED" >&2
    tail -n 40 "$log" >&2
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz targets that failed: ${failed[*]} (inputs under fuzz/artifacts/)" >&2
  exit 1
fi
