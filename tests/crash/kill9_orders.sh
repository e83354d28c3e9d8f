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
port=$(free_port)
printf '[security]\ncheckout_per_hour = 1000000\n' >"$work/crash.toml"
"$binary" serve --no-demo --root "$root" --config "$work/crash.toml" --db "sqlite:$work/crash.db" --port "$port" \
  >"$work/server.log" 2>&1 &
pid=$!
wait_up "$port"
base="http://127.0.0.1:$port"
# Two published pieces from the demo catalog, with a variant each.
read -r slug1 variant1 slug2 variant2 < <(curl -s "$base/api/v1/products?sort=new" | python3 -c '
import json, sys, urllib.request
cards = json.load(sys.stdin)["cards"][:2]
out = []
for c in cards:
    p = json.load(urllib.request.urlopen("'"$base"'/api/v1/products/" + c["slug"]))
    out += [p["slug"], str(p["variants"][0]["id"])]
print(" ".join(out))')

value() { grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//; s/"$//'; }
# Writers: each places guest orders in a loop (a fresh cookie jar each: a new visitor) and records the
# order numbers the server accepted.
writer() {
  local n=$1 i=0
  while true; do
    i=$((i + 1))
    local jar="$work/jar$n-$i" slug=$slug1 variant=$variant1
    [ $((i % 2)) = 0 ] && slug=$slug2 && variant=$variant2
    local csrf
    csrf=$(curl -s -c "$jar" -b "$jar" "$base/products/$slug" | value _csrf) || continue
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "slug=$slug" \
      --data-urlencode "variant_id=$variant" --data-urlencode "quantity=1" "$base/cart" || continue
    local page key total
    page=$(curl -s -c "$jar" -b "$jar" "$base/checkout") || continue
    key=$(echo "$page" | value checkout_key)
    total=$(echo "$page" | value expected_total)
    local location
    location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" \
      --data-urlencode "checkout_key=$key" --data-urlencode "expected_total=$total" \
      --data-urlencode "email=crash$n-$i@example.com" --data-urlencode "recipient=Crash $n" \
      --data-urlencode "phone=010-1234-5678" --data-urlencode "postcode=54538" \
      --data-urlencode "address=Iksan $i" --data-urlencode "agree=1" "$base/checkout" || true)
    case "$location" in
      */orders/BR-*) echo "$location" | sed 's|.*/orders/||; s|?.*||' >>"$work/accepted$n" ;;
    esac
    rm -f "$jar"
  done
}
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
