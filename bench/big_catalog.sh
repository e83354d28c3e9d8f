#!/usr/bin/env bash
# A bigger catalog (issue 16): the demo hub seeded with PRODUCTS pieces (default 100,000) into SQLite,
# then, with the release server as `make run` starts it (access log on): the time from starting the
# process to its first answer and to the first listing page, resident memory after start-up and after
# load, the anonymous listing and search under wrk (-t2 -c64, 10 s) with their p99, and repricing every
# variant after a quote change (`brilliant reprice`).
# Usage: bench/big_catalog.sh [PRODUCTS, default 100000]   (BIG_DB=path keeps the seeded database between runs)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/needs.sh && needs wrk curl
root=$(pwd)
products=${1:-100000}
binary=${BRILLIANT_BINARY:-$root/build/release/brilliant}
work=$(mktemp -d /tmp/brilliant-big.XXXXXX)
db=${BIG_DB:-$work/big.db}
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export BRILLIANT_BLOBS="${BIG_BLOBS:-$work/blobs}"
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

if [ ! -s "$db" ]; then
  started=$(date +%s%N)
  BRILLIANT_PASSWORD_COST=minimum "$binary" seed-demo --root "$root" --db "sqlite:$db" --products "$products" \
    >"$work/seed.log" 2>&1
  echo "seeded $products products in $(ms_since "$started") ms"
  grep -o 'demo [a-z ]*: [0-9]* ms' "$work/seed.log" | tr '\n' ';' | sed 's/;/; /g'; echo
fi
echo "$("$binary" reprice --root "$root" --db "sqlite:$db")"

port=$(python3 scripts/free-port.py)
started=$(date +%s%N)
"$binary" serve --root "$root" --db "sqlite:$db" --port "$port" --no-demo >"$work/serve.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/serve.log"; exit 1; }
  sleep 0.02
done
up=$(ms_since "$started")
curl -sf "http://127.0.0.1:$port/shop" >/dev/null
first=$(ms_since "$started")
rss_start=$(ps -o rss= -p "$pid")
echo "start-up: first answer after $up ms, first listing page after $first ms; resident $((rss_start / 1024)) MiB"

for spec in "listing=/shop?category=ring&metal=gold" "listing-all=/shop" "search=/search?q=gold+ring" \
            "search-rare=/search?q=sapphire+brooch"; do
  name=${spec%%=*}
  path=${spec#*=}
  wrk -t2 -c64 -d10s --latency "http://127.0.0.1:$port$path" >"$work/wrk.out" 2>&1
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.out")
  errors=$(awk '/Non-2xx/ {print $4}' "$work/wrk.out")
  printf '%-12s %10s req/s  p99 %8s  %s\n' "$name" "$rps" "$p99" "${errors:+non-2xx $errors}"
done
echo "resident after load: $(( $(ps -o rss= -p "$pid") / 1024 )) MiB"
echo "($products products, SQLite, access log on, $(nproc) cores, $(date -u +%Y-%m-%d))"
