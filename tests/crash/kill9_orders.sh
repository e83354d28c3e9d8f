#!/usr/bin/env bash
# Kill -9 of the server while guests check out: the SQLite database opens, passes integrity_check, holds
# every order the server had answered with 303 (accepted), each whole (parcels, lines, totals adding
# up), and no piece of stock is lost or made up: for every variant, stock left + pieces reserved by
# orders = the stock it started with.
set -euo pipefail
binary=$1
root=$2
. "$(dirname "$0")/lib.sh"

export BRILLIANT_BLOBS="$work/blobs" BRILLIANT_PASSWORD_COST=minimum BRILLIANT_ACCESS_LOG=0
"$binary" seed-demo --root "$root" --db "sqlite:$work/crash.db" --products 40 >/dev/null 2>&1
start_stock=100000
sqlite3 "$work/crash.db" "UPDATE variants SET stock = $start_stock;"
# The demo has orders of its own (the studio's packed and returned ones): only those placed here count.
before=$(sqlite3 "$work/crash.db" "SELECT COALESCE(MAX(id), 0) FROM orders;")
serve_for_checkouts "sqlite:$work/crash.db"
accepted=$(crash_after_accepted 30 600)
pid=""  # killed in there (a subshell)
count=$(echo "$accepted" | grep -c . || true)
[ "$count" -ge 1 ] || { echo "no order was accepted before the kill"; tail -20 "$work/server.log"; exit 1; }
check=$(sqlite3 "$work/crash.db" 'PRAGMA integrity_check;')
[ "$check" = "ok" ] || { echo "integrity_check: $check"; exit 1; }
missing=0
while read -r number; do
  n=$(sqlite3 "$work/crash.db" "SELECT COUNT(*) FROM orders o WHERE o.number = '$number'
    AND (SELECT COUNT(*) FROM fulfilments f WHERE f.order_id = o.id) >= 1
    AND o.subtotal = (SELECT SUM(l.line_total) FROM order_lines l WHERE l.order_id = o.id)
    AND o.total = o.subtotal + o.shipping_fee;")
  [ "$n" = "1" ] || { echo "accepted order lost or incomplete: $number"; missing=$((missing + 1)); }
done <<<"$accepted"
[ "$missing" = 0 ] || exit 1
broken=$(sqlite3 "$work/crash.db" "SELECT v.sku FROM variants v WHERE v.stock + (SELECT COALESCE(SUM(l.reserved), 0)
  FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.variant_id = v.id AND o.status <> 'cancelled'
  AND o.id > $before)
  <> $start_stock;")
[ -z "$broken" ] || { echo "stock does not add up for: $broken"; exit 1; }
placed=$(sqlite3 "$work/crash.db" "SELECT COUNT(*) FROM orders;")
echo "kill -9 after $count accepted orders ($placed in the database): database ok, none lost, stock adds up"
