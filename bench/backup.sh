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

# The demo is loaded with fsync off (loading is not what is measured: durably it outlasts the run), then
# the cluster restarts with fsync on for every timed step.
BRILLIANT_PG_FSYNC=off source scripts/throwaway-pg.sh
trap 'cleanup; rm -rf "$work"' EXIT  # the cluster's cleanup and ours
server=${BRILLIANT_TEST_PG_URL%/*}
psql -q "$BRILLIANT_TEST_PG_URL" -c "CREATE DATABASE bench_live" -c "CREATE DATABASE bench_restored" -c "CREATE DATABASE bench_peer"
BRILLIANT_BLOBS="$work/pgblobs" "$bin" seed-demo --root "$root" --db "$server/bench_live" --products "$products" >/dev/null 2>&1
"${runas[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -m fast \
  -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=on" restart >/dev/null
echo
echo "PostgreSQL 15 (fsync $(psql -tA "$BRILLIANT_TEST_PG_URL" -c 'SHOW fsync'), synchronous_commit $(psql -tA "$BRILLIANT_TEST_PG_URL" -c 'SHOW synchronous_commit')), $products products ($(psql -tA "$server/bench_live" -c "SELECT pg_size_pretty(pg_database_size('bench_live'))"))"
row "brilliant backup (pg_dump --snapshot + counts)" \
  "$(BRILLIANT_BLOBS="$work/pgblobs" seconds "$bin" backup "$work/pb" --db "$server/bench_live")"
row "pg_dump -Fc alone" "$(seconds pg_dump -Fc -f "$work/peer.pgdump" --dbname="$server/bench_live")"
row "brilliant restore (checksums, pg_restore, counts)" \
  "$(BRILLIANT_BLOBS="$work/prb" BRILLIANT_ISSUER_KEY="$work/prk" seconds "$bin" restore "$work/pb" --db "$server/bench_restored")"
row "pg_restore --single-transaction alone" \
  "$(seconds pg_restore --no-owner --single-transaction --dbname="$server/bench_peer" "$work/peer.pgdump")"
echo "($(nproc) cores; $(date -u +%Y-%m-%d))"
