#!/usr/bin/env bash
# Backups beside the tools they stand on (issue 15), release build, the demo with PRODUCTS products:
# `brilliant backup` (first and a second, incremental one), `restore` and `check`, against sqlite3's own
# `.backup` and `VACUUM INTO` on SQLite, and against pg_dump -Fc / pg_restore alone on a throwaway
# PostgreSQL 15 (fsync on). Usage: bench/backup.sh [PRODUCTS, default 10000]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
products=${1:-10000}
bin=$root/build/release/brilliant
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BRILLIANT_PASSWORD_COST=minimum BRILLIANT_ACCESS_LOG=0
seconds() {  # command... -> wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}
row() { printf '%-44s %8.2f s\n' "$1" "$2"; }

BRILLIANT_BLOBS="$work/blobs" "$bin" seed-demo --root "$root" --db "sqlite:$work/live.db" --products "$products" \
  >/dev/null 2>&1
echo "SQLite, $products products ($(du -m "$work/live.db" | cut -f1) MB database, $(find "$work/blobs" -type f | wc -l) blobs)"
row "brilliant backup (first)" "$(BRILLIANT_BLOBS="$work/blobs" seconds "$bin" backup "$work/b" --db "sqlite:$work/live.db")"
row "brilliant backup (second, incremental)" "$(BRILLIANT_BLOBS="$work/blobs" seconds "$bin" backup "$work/b" --db "sqlite:$work/live.db")"
row "sqlite3 .backup" "$(seconds sqlite3 "$work/live.db" ".backup '$work/peer.db'")"
row "sqlite3 VACUUM INTO" "$(seconds sqlite3 "$work/live.db" "VACUUM INTO '$work/peer2.db'")"
row "brilliant restore (checksums, copy, counts)" \
  "$(BRILLIANT_BLOBS="$work/rb" BRILLIANT_ISSUER_KEY="$work/rk" seconds "$bin" restore "$work/b" --db "sqlite:$work/r.db")"
row "brilliant check (integrity, every blob hashed)" "$(BRILLIANT_BLOBS="$work/blobs" seconds "$bin" check --db "sqlite:$work/live.db")"

BRILLIANT_PG_FSYNC=on source scripts/throwaway-pg.sh
trap 'cleanup; rm -rf "$work"' EXIT  # the cluster's cleanup and ours
server=${BRILLIANT_TEST_PG_URL%/*}
psql -q "$BRILLIANT_TEST_PG_URL" -c "CREATE DATABASE bench_live" -c "CREATE DATABASE bench_restored" -c "CREATE DATABASE bench_peer"
BRILLIANT_BLOBS="$work/pgblobs" "$bin" seed-demo --root "$root" --db "$server/bench_live" --products "$products" >/dev/null 2>&1
echo
echo "PostgreSQL 15 (fsync on), $products products"
row "brilliant backup (pg_dump --snapshot + counts)" \
  "$(BRILLIANT_BLOBS="$work/pgblobs" seconds "$bin" backup "$work/pb" --db "$server/bench_live")"
row "pg_dump -Fc alone" "$(seconds pg_dump -Fc -f "$work/peer.pgdump" --dbname="$server/bench_live")"
row "brilliant restore (checksums, pg_restore, counts)" \
  "$(BRILLIANT_BLOBS="$work/prb" BRILLIANT_ISSUER_KEY="$work/prk" seconds "$bin" restore "$work/pb" --db "$server/bench_restored")"
row "pg_restore --single-transaction alone" \
  "$(seconds pg_restore --no-owner --single-transaction --dbname="$server/bench_peer" "$work/peer.pgdump")"
echo "($(nproc) cores; $(date -u +%Y-%m-%d))"
