#!/usr/bin/env bash
# Varient import benchmark: a generated Varient database of BENCH_POSTS posts (100,000) and
# three comments each, in the MariaDB at 127.0.0.1:3306 (user root, no password), imported
# by the release binary into a fresh SQLite site (or NEWSDESK_DATABASE_URL). Prints the wall
# time and peak memory (GNU time). Target: under 5 minutes and 300 MiB for 100,000 posts.
set -euo pipefail
cd "$(dirname "$0")/.."
posts="${BENCH_POSTS:-100000}"
db="nd_bench_varient_$$"
fixture="../shared/fixtures/varient/varient-basic.sql"
target="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet --features s3 --bin newsdesk
bin="$target/release/newsdesk"
site="$(mktemp -d)"
cleanup() { mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $db"; rm -rf "$site"; }
trap cleanup EXIT
mysql -uroot -h127.0.0.1 -e "CREATE DATABASE $db"
mysql -uroot -h127.0.0.1 "$db" < "$fixture"
(echo "SET @posts = $posts;"; cat bench/varient-generate.sql) | mysql -uroot -h127.0.0.1 "$db"
"$bin" --data "$site" migrate >/dev/null
/usr/bin/time -v "$bin" --data "$site" import varient --mysql "mysql://root@127.0.0.1:3306/$db" \
  --report "$site/report.tsv" 2> "$site/time.txt"
grep -E "Elapsed|Maximum resident|User time|System time" "$site/time.txt"
echo "report lines: $(($(wc -l < "$site/report.tsv") - 1))"
