#!/usr/bin/env bash
# Where the server's memory goes, page type by page type: serves a seeded site, runs wrk on
# each kind of page in turn and prints the process's resident memory after each (peak,
# current, anonymous and file-backed, in MiB, and its thread count).
#
#   BENCH_SEED_ONLY=1 BENCH_ARTICLES=100000 cargo bench --bench pages   # prints the folder
#   bench/memory.sh /tmp/newsdesk-pages-bench-NNN/site off             # page cache off
#   bench/memory.sh /tmp/newsdesk-pages-bench-NNN/site on              # page cache on
#   bench/memory.sh SITE off MALLOC_ARENA_MAX=2   # extra environment for the server
#
# Knobs: BIN (target/release/newsdesk), SECONDS_EACH (8), CONNECTIONS (64). Needs wrk,
# curl and python3 (to list the site's stories for the random run).
set -euo pipefail
site=$1
cache=$2
shift 2
bin=${BIN:-target/release/newsdesk}
seconds=${SECONDS_EACH:-8}
connections=${CONNECTIONS:-64}
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

python3 - "$site/newsdesk.db" "$work" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
rows = db.execute("SELECT slug FROM articles WHERE status = 'published' ORDER BY published_at DESC").fetchall()
with open(f"{sys.argv[2]}/slugs.txt", "w") as out:
    out.write("\n".join(r[0] for r in rows))
with open(f"{sys.argv[2]}/newest.txt", "w") as out:
    out.write(rows[0][0])
EOF
cat > "$work/random.lua" <<EOF
local slugs = {}
for line in io.lines("$work/slugs.txt") do slugs[#slugs + 1] = line end
math.randomseed(os.time())
request = function() return wrk.format("GET", "/article/" .. slugs[math.random(#slugs)]) end
EOF

env "$@" NEWSDESK_PAGE_CACHE="$cache" NEWSDESK_LOG=warn \
    "$bin" serve --listen "127.0.0.1:$port" --data "$site" >/dev/null &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 200); do
    curl -sf -o /dev/null "$base/" && break
    sleep 0.3
done

memory() {
    awk '/^(VmHWM|VmRSS|RssAnon|RssFile):/ { printf "%s %.1f  ", $1, $2 / 1024 }
         /^Threads:/ { printf "threads %s", $2 }' "/proc/$pid/status"
}
load() {
    wrk -t2 -c"$connections" -d"${seconds}s" -H 'Accept-Encoding: gzip' "$@" |
        awk '/Requests\/sec/ { printf "%8.0f req/s  ", $2 }'
}

echo "page cache $cache; $*"
echo "started                 $(memory)"
newest=$(cat "$work/newest.txt")
for path in "/article/$newest" / /section/news /tag/topic-13 /author/reporter-1 \
    "/search?q=council"; do
    rate=$(load "$base$path")
    printf '%-24s%s%s\n' "${path:0:22}" "$rate" "$(memory)"
done
rate=$(load -s "$work/random.lua" "$base/")
printf '%-24s%s%s\n' "random articles" "$rate" "$(memory)"
