#!/usr/bin/env bash
# Kill -9 between the provider's confirm and our update: a shopper pays by card, the stand-in Toss
# server (tests/fake_toss) applies the confirm and holds its answer back, and the server is killed while
# it waits. After a restart the order is paid exactly once: the payment left "in progress" is looked up
# by its orderId at start, the order gets one "paid" event, and confirm was sent to the provider once.
set -euo pipefail
binary=$1
root=$2
. "$(dirname "$0")/lib.sh"

toss_port=$(free_port)
node "$root/tests/fake_toss/server.mjs" --port "$toss_port" >"$work/toss.log" 2>&1 &
toss_pid=$!
trap 'kill "$toss_pid" 2>/dev/null || true; cleanup' EXIT
toss="http://127.0.0.1:$toss_port"
for _ in $(seq 1 200); do grep -q listening "$work/toss.log" && break; sleep 0.05; done

export BRILLIANT_BLOBS="$work/blobs" BRILLIANT_PASSWORD_COST=minimum BRILLIANT_ACCESS_LOG=0
export BRILLIANT_TOSS_API_URL="$toss" BRILLIANT_TOSS_WINDOW_URL="$toss/window"
export BRILLIANT_TOSS_CLIENT_KEY=test_ck_brilliant_demo BRILLIANT_TOSS_SECRET_KEY=test_sk_brilliant_demo
"$binary" seed-demo --root "$root" --db "sqlite:$work/pay.db" --products 10 >/dev/null 2>&1
printf '[payments.toss]\ntimeout_seconds = 60\n' >"$work/pay.toml"
port=$(free_port)
serve() {
  "$binary" serve --no-demo --root "$root" --config "$work/pay.toml" --db "sqlite:$work/pay.db" --port "$port" \
    >>"$work/server.log" 2>&1 &
  pid=$!
  wait_up "$port"
}
serve
base="http://127.0.0.1:$port"
jar="$work/jar"
value() { grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//; s/"$//'; }
slug=$(curl -s "$base/api/v1/products?sort=new" | python3 -c 'import json,sys; print(json.load(sys.stdin)["cards"][0]["slug"])')
variant=$(curl -s "$base/api/v1/products/$slug" | python3 -c 'import json,sys; print(json.load(sys.stdin)["variants"][0]["id"])')
csrf=$(curl -s -c "$jar" -b "$jar" "$base/products/$slug" | value _csrf)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "slug=$slug" \
  --data-urlencode "variant_id=$variant" --data-urlencode "quantity=1" "$base/cart"
page=$(curl -s -c "$jar" -b "$jar" "$base/checkout")
pay=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" \
  --data-urlencode "checkout_key=$(echo "$page" | value checkout_key)" \
  --data-urlencode "expected_total=$(echo "$page" | value expected_total)" \
  --data-urlencode "email=kill9-card@example.com" --data-urlencode "recipient=Card Crash" \
  --data-urlencode "phone=010-1234-5678" --data-urlencode "postcode=54538" --data-urlencode "address=Iksan 1" \
  --data-urlencode "pay_with=card" --data-urlencode "agree=1" "$base/checkout")
number=$(echo "$pay" | sed 's|.*/orders/||; s|/pay.*||')
window=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$pay")
order_id=$(python3 -c 'import sys,urllib.parse as u; print(u.parse_qs(u.urlparse(sys.argv[1]).query)["orderId"][0])' "$window")
# The window's own form, approved with a good card: where it sends the shopper back.
fields=$(python3 -c 'import sys,urllib.parse as u; q=u.parse_qsl(u.urlparse(sys.argv[1]).query); q.append(("card","4330-1234-5678-1234")); print(u.urlencode(q))' "$window")
success=$(curl -s -o /dev/null -w '%{redirect_url}' --data "$fields" "$toss/window/approve")
curl -s -X POST -H 'Content-Type: application/json' -d '{"mode":"apply_then_hang"}' "$toss/__control/next-confirm" >/dev/null

# The shopper lands on the success page; our server confirms and waits for an answer that never comes.
curl -s -o /dev/null --max-time 120 -c "$jar" -b "$jar" "$success" &
landing=$!
for _ in $(seq 1 400); do
  curl -s "$toss/__control/orders/$order_id" | grep -q '"status":"DONE"' && break
  sleep 0.05
done
curl -s "$toss/__control/orders/$order_id" | grep -q '"status":"DONE"' || { echo "the provider never confirmed"; exit 1; }
status=$(sqlite3 "$work/pay.db" "SELECT status FROM orders WHERE number = '$number';")
[ "$status" = awaiting_payment ] || { echo "expected the order unpaid at the crash, found $status"; exit 1; }
kill -9 "$pid"
pid=""
kill "$landing" 2>/dev/null || true
wait "$landing" 2>/dev/null || true

serve
for _ in $(seq 1 400); do
  [ "$(sqlite3 "$work/pay.db" "SELECT status FROM orders WHERE number = '$number';")" = paid ] && break
  sleep 0.05
done
# Paid by the start's reconciliation alone, before the shopper comes back.
reconciled=$(sqlite3 "$work/pay.db" "SELECT status FROM orders WHERE number = '$number';")
[ "$reconciled" = paid ] || { echo "the restart did not reconcile the payment: $reconciled"; exit 1; }
# The shopper reloads the success page: still paid once.
again=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$success")
status=$(sqlite3 "$work/pay.db" "SELECT status FROM orders WHERE number = '$number';")
paid_events=$(sqlite3 "$work/pay.db" "SELECT COUNT(*) FROM order_events e JOIN orders o ON o.id = e.order_id WHERE o.number = '$number' AND e.kind = 'paid';")
payment=$(sqlite3 "$work/pay.db" "SELECT status || ' ' || balance FROM payments WHERE provider_order_id = '$order_id';")
confirms=$(curl -s "$toss/__control/calls" | python3 -c 'import json,sys; print(sum(1 for c in json.load(sys.stdin) if c["path"] == "/v1/payments/confirm"))')
total=$(sqlite3 "$work/pay.db" "SELECT total FROM orders WHERE number = '$number';")
echo "order $number: $status, paid events $paid_events, payment $payment, confirms sent $confirms, reload -> $again"
[ "$status" = paid ] && [ "$paid_events" = 1 ] && [ "$payment" = "done $total" ] && [ "$confirms" = 1 ] &&
  case "$again" in *"paid=1"*) true ;; *) false ;; esac
