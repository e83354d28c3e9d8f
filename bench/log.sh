#!/usr/bin/env bash
# The transparency log's numbers (issue 11) with the release build: durable appends on SQLite (WAL,
# synchronous=FULL as the server runs it) and on a PostgreSQL 15 cluster with fsync and synchronous_commit
# on, one entry per transaction and 100 per transaction; then inclusion proofs served over HTTP at random
# indexes of a 100,000-entry log (wrk, 2 threads, 64 connections).
# Usage: bench/log.sh [entries, default 20000] [seconds of wrk, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/needs.sh && needs wrk
root=$(pwd)
count=${1:-20000}
duration=${2:-10}
bench=build/release/bench/log_bench
work=$(mktemp -d /tmp/brilliant-logbench.XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

"$bench" sqlite "$count" 1
"$bench" sqlite "$count" 100
BRILLIANT_PG_FSYNC=on bash -c "source scripts/throwaway-pg.sh
  psql -h 127.0.0.1 -p \$pgport -U brilliant -d brilliant_test -Atc 'SHOW fsync' | sed 's/^/postgresql fsync: /'
  $bench \"\$BRILLIANT_TEST_PG_URL\" $count 1
  $bench \"\$BRILLIANT_TEST_PG_URL\" $count 100"

# Proofs over HTTP: a log of 100,000 entries served by the release server.
size=100000
"$bench" "sqlite:$work/log.db" "$size" 1000 >/dev/null
port=$(python3 scripts/free-port.py)
BRILLIANT_ACCESS_LOG=0 BRILLIANT_BLOBS="$work/blobs" BRILLIANT_ISSUER_KEY="$work/issuer.key" \
  build/release/brilliant serve --no-demo --root "$root" --db "sqlite:$work/log.db" --port "$port" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
cat > "$work/random.lua" <<LUA
math.randomseed(42)
request = function()
  return wrk.format(nil, "/api/v1/log/inclusion?index=" .. math.random(0, $size - 1) .. "&size=$size")
end
LUA
curl -sf "http://127.0.0.1:$port/api/v1/log/inclusion?index=7&size=$size" | head -c 160; echo
echo "inclusion proofs at random indexes of $size entries:"
wrk -t2 -c64 -d"${duration}s" -s "$work/random.lua" "http://127.0.0.1:$port" | grep -E "Requests/sec|Latency"
echo "the same proof again and again:"
wrk -t2 -c64 -d"${duration}s" "http://127.0.0.1:$port/api/v1/log/inclusion?index=12345&size=$size" | grep -E "Requests/sec|Latency"
echo "($(nproc) cores; $(date -u +%Y-%m-%d))"
