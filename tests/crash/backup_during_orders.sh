#!/usr/bin/env bash
# `brilliant backup` while guests check out (issue 15), on SQLite or PostgreSQL (second argument; pg uses
# BRILLIANT_TEST_PG_URL's cluster with databases of its own): the backup restores into an empty database
# and blob folder, `brilliant check` finds the restored installation whole (integrity, every photo's
# blob with its hash), and every order the server had accepted before the backup began is there, whole.
# A backup with one changed byte is refused.
set -euo pipefail
binary=$1
root=$2
backend=${3:-sqlite}
. "$(dirname "$0")/lib.sh"

export BRILLIANT_BLOBS="$work/blobs" BRILLIANT_PASSWORD_COST=minimum BRILLIANT_ACCESS_LOG=0
if [ "$backend" = pg ]; then
  [ -n "${BRILLIANT_TEST_PG_URL:-}" ] || { echo "BRILLIANT_TEST_PG_URL is not set (scripts/with-pg.sh)"; exit 1; }
  suffix=$(basename "$work" | tr -dc 'a-zA-Z0-9' | tr 'A-Z' 'a-z')
  server=${BRILLIANT_TEST_PG_URL%/*}
  psql -q "$BRILLIANT_TEST_PG_URL" -c "CREATE DATABASE live_$suffix" -c "CREATE DATABASE restored_$suffix"
  dropped() {
    psql -q "$BRILLIANT_TEST_PG_URL" -c "DROP DATABASE IF EXISTS live_$suffix WITH (FORCE)" \
      -c "DROP DATABASE IF EXISTS restored_$suffix WITH (FORCE)" || true
  }
  trap 'cleanup; dropped' EXIT
  live_db="$server/live_$suffix"
  restored_db="$server/restored_$suffix"
  q() { psql -At "$1" -c "$2"; }
else
  live_db="sqlite:$work/live.db"
  restored_db="sqlite:$work/restored/restored.db"
  q() { sqlite3 "${1#sqlite:}" "$2"; }
fi

"$binary" seed-demo --root "$root" --db "$live_db" --products 40 >/dev/null 2>&1
photos=$(q "$live_db" "SELECT (SELECT COUNT(*) FROM item_photos) + (SELECT COUNT(*) FROM packing_photos);")
[ "$photos" -ge 1 ] || { echo "the demo has no photos to back up"; exit 1; }
q "$live_db" "UPDATE variants SET stock = 100000;" >/dev/null
serve_for_checkouts "$live_db"

writer 1 & w1=$!
writer 2 & w2=$!
accepted_count() { cat "$work"/accepted* 2>/dev/null | wc -l; }
for _ in $(seq 1 600); do [ "$(accepted_count)" -ge 10 ] && break; sleep 0.05; done
# What the server had acknowledged before the backup began.
cat "$work"/accepted* 2>/dev/null | sort -u >"$work/before"
"$binary" backup "$work/backups" --root "$root" --db "$live_db" >"$work/backup.out"
during=$(accepted_count)
for _ in $(seq 1 600); do [ "$(accepted_count)" -ge $((during + 5)) ] && break; sleep 0.05; done
kill "$w1" "$w2" 2>/dev/null || true
wait "$w1" "$w2" 2>/dev/null || true
after=$(accepted_count)
[ "$after" -gt "$during" ] || { echo "the writers stopped while the backup ran"; exit 1; }

BRILLIANT_BLOBS="$work/restored/blobs" BRILLIANT_ISSUER_KEY="$work/restored/issuer.key" \
  "$binary" restore "$work/backups" --root "$root" --db "$restored_db"
BRILLIANT_BLOBS="$work/restored/blobs" "$binary" check --root "$root" --db "$restored_db"
cmp -s "$work/issuer.key" "$work/restored/issuer.key" || { echo "the issuer key was not restored"; exit 1; }
restored_photos=$(q "$restored_db" "SELECT (SELECT COUNT(*) FROM item_photos) + (SELECT COUNT(*) FROM packing_photos);")
[ "$restored_photos" = "$photos" ] || { echo "photos: $restored_photos restored of $photos"; exit 1; }
count=$(grep -c . "$work/before")
[ "$count" -ge 1 ] || { echo "no order was accepted before the backup"; exit 1; }
missing=0
while read -r number; do
  n=$(q "$restored_db" "SELECT COUNT(*) FROM orders o WHERE o.number = '$number'
    AND (SELECT COUNT(*) FROM fulfilments f WHERE f.order_id = o.id) >= 1
    AND o.subtotal = (SELECT SUM(l.line_total) FROM order_lines l WHERE l.order_id = o.id)
    AND o.total = o.subtotal + o.shipping_fee;")
  [ "$n" = "1" ] || { echo "order acknowledged before the backup is missing or incomplete: $number"; missing=$((missing + 1)); }
done <"$work/before"
[ "$missing" = 0 ] || exit 1

# One changed byte in a saved photo: the backup is refused and nothing is written.
blob=$(find "$work/backups/blobs" -type f | head -1)
printf 'x' >>"$blob"
if BRILLIANT_BLOBS="$work/again/blobs" "$binary" restore "$work/backups" --root "$root" \
  --db "sqlite:$work/again/again.db" 2>"$work/refused"; then
  echo "a damaged backup was restored"; exit 1
fi
grep -q "does not match" "$work/refused" || { echo "unexpected refusal: $(cat "$work/refused")"; exit 1; }
[ ! -e "$work/again/again.db" ] || { echo "a refused restore wrote a database"; exit 1; }
kill "$pid" && wait "$pid" 2>/dev/null || true
pid=""
echo "$backend: backup taken while $count+ orders were placed ($after accepted in all); restored with $photos studio and packing photos; every order acknowledged before it is there, whole; a damaged backup is refused"
