#!/usr/bin/env bash
# WordPress import benchmark: a generated WXR file of BENCH_POSTS posts (100,000; two comments
# on every third), imported by the release binary into a fresh SQLite site (or
# NEWSDESK_DATABASE_URL). Prints the wall time and peak memory (GNU time). Target: under 3
# minutes in bounded memory for 100,000 posts.
set -euo pipefail
cd "$(dirname "$0")/.."
posts="${BENCH_POSTS:-100000}"
target="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet --features s3 --bin newsdesk
bin="$target/release/newsdesk"
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
python3 bench/wxr-generate.py "$posts" > "$site/export.xml"
echo "export: $(du -h "$site/export.xml" | cut -f1), $posts posts"
"$bin" --data "$site" migrate >/dev/null
/usr/bin/time -v "$bin" --data "$site" import wordpress "$site/export.xml" \
  --report "$site/report.tsv" > "$site/summary.txt" 2> "$site/time.txt"
cat "$site/summary.txt"
grep -E "Elapsed|Maximum resident|User time|System time" "$site/time.txt"
echo "report lines: $(($(wc -l < "$site/report.tsv") - 1))"
