#!/usr/bin/env bash
# `brilliant migrate-to` (issue 16): the demo hub on SQLite is copied into a new PostgreSQL database (on
# BRILLIANT_TEST_PG_URL's cluster); every table's count and checksum match; `brilliant check` finds the
# copy whole with the same blob folder; a node serves it (a demo login works, the catalog and orders are
# there); new rows get ids after the copied ones; a second copy into the filled database is refused.
set -euo pipefail
binary=$1
root=$2
. "$root/tests/crash/lib.sh"
[ -n "${BRILLIANT_TEST_PG_URL:-}" ] || { echo "BRILLIANT_TEST_PG_URL is not set (scripts/with-pg.sh)"; exit 1; }
export BRILLIANT_BLOBS="$work/blobs" BRILLIANT_PASSWORD_COST=minimum BRILLIANT_ACCESS_LOG=0
suffix=$(basename "$work" | tr -dc 'a-zA-Z0-9' | tr 'A-Z' 'a-z')
target="${BRILLIANT_TEST_PG_URL%/*}/moved_$suffix"
psql -q "$BRILLIANT_TEST_PG_URL" -c "CREATE DATABASE moved_$suffix"
trap 'cleanup; psql -q "$BRILLIANT_TEST_PG_URL" -c "DROP DATABASE IF EXISTS moved_$suffix WITH (FORCE)" || true' EXIT

live="sqlite:$work/live.db"
"$binary" seed-demo --root "$root" --db "$live" --products 60 >/dev/null 2>&1
"$binary" migrate-to "$target" --root "$root" --db "$live" >"$work/copy.out"
grep -q "^copied and verified: " "$work/copy.out" || { cat "$work/copy.out"; echo "FAIL: not verified"; exit 1; }
if grep -q "^DIFFERENT" "$work/copy.out"; then cat "$work/copy.out"; exit 1; fi
for table in users products variants orders order_lines audit_log trust_log; do
  a=$(sqlite3 "$work/live.db" "SELECT COUNT(*) FROM $table")
  b=$(psql -At "$target" -c "SELECT COUNT(*) FROM $table")
  [ "$a" = "$b" ] || { echo "FAIL: $table has $a rows in SQLite and $b in PostgreSQL"; exit 1; }
  grep -q "^ok        $table: $a -> $a rows" "$work/copy.out" || { echo "FAIL: $table not reported"; exit 1; }
done
[ "$(sqlite3 "$work/live.db" 'SELECT COUNT(*) FROM orders')" -gt 0 ] || { echo "FAIL: the demo has no orders"; exit 1; }
"$binary" check --root "$root" --db "$target" | tail -1 | grep -q "^ok" || { echo "FAIL: check of the copy"; exit 1; }

# New rows continue after the copied ids.
max_before=$(psql -At "$target" -c "SELECT MAX(id) FROM users")
"$binary" user add --root "$root" --db "$target" --email "after-move@example.com" --password "a-long-password" >/dev/null
new_id=$(psql -At "$target" -c "SELECT id FROM users WHERE email = 'after-move@example.com'")
[ "$new_id" -gt "$max_before" ] || { echo "FAIL: new user id $new_id is not after $max_before"; exit 1; }

# A node serves the copy: the catalog, and a demo login.
port=$(free_port)
"$binary" serve --no-demo --root "$root" --db "$target" --port "$port" >"$work/server.log" 2>&1 &
pid=$!
wait_up "$port" || { cat "$work/server.log"; exit 1; }
cards=$(curl -s "http://127.0.0.1:$port/api/v1/products" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["cards"]))')
[ "$cards" -gt 0 ] || { echo "FAIL: the copy's catalog is empty"; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"email":"operator@brilliant.example","password":"brilliant-demo","name":"moved"}' "http://127.0.0.1:$port/api/v1/tokens")
[ "$status" = 201 ] || { echo "FAIL: the demo operator cannot log in to the copy ($status)"; exit 1; }

# A database that already holds the hub is refused, and left as it was.
orders=$(psql -At "$target" -c "SELECT COUNT(*) FROM orders")
if "$binary" migrate-to "$target" --root "$root" --db "$live" >"$work/again.out" 2>&1; then
  echo "FAIL: a second copy into a filled database was accepted"; exit 1
fi
grep -q "already holds" "$work/again.out" || { cat "$work/again.out"; exit 1; }
[ "$(psql -At "$target" -c "SELECT COUNT(*) FROM orders")" = "$orders" ] || { echo "FAIL: the refused copy changed orders"; exit 1; }
echo "migrate-to: $(grep -c '^ok ' "$work/copy.out") tables copied and verified"
