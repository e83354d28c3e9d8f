# Shared by the kill -9 tests (sourced): a temporary folder ($work, removed at exit with the server
# if it still runs), a free port, waiting for the server, and the crash itself. The sourcing script
# defines writer N (writes in a loop, appending what the server accepted to $work/acceptedN) and sets
# $pid to the server's process.
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 "$(dirname "${BASH_SOURCE[0]}")/../../scripts/free-port.py"; }  # below the ephemeral range

wait_up() {  # port: until /healthz answers (the server's own word that it is ready)
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return 0; sleep 0.05; done
  return 1
}

# Two writers run until `wanted` writes were accepted (or `tries` polls passed); then kill -9 of the
# server mid-stream, and the writers stop. Prints the accepted items, one per line, sorted.
crash_after_accepted() {
  local wanted=$1 tries=$2
  writer 1 & local w1=$!
  writer 2 & local w2=$!
  for _ in $(seq 1 "$tries"); do
    [ "$(cat "$work"/accepted* 2>/dev/null | wc -l)" -ge "$wanted" ] && break
    sleep 0.05
  done
  kill -9 "$pid"
  pid=""
  kill "$w1" "$w2" 2>/dev/null || true
  wait "$w1" "$w2" 2>/dev/null || true
  cat "$work"/accepted* 2>/dev/null | sort -u
}

# Serves the database at $1 for guests checking out (no checkout limit): sets $port, $pid and $base, and
# picks two pieces (pick_two_pieces).
serve_for_checkouts() {
  port=$(free_port)
  printf '[security]\ncheckout_per_hour = 1000000\n' >"$work/checkouts.toml"
  "$binary" serve --no-demo --root "$root" --config "$work/checkouts.toml" --db "$1" --port "$port" \
    >"$work/server.log" 2>&1 &
  pid=$!
  wait_up "$port"
  base="http://127.0.0.1:$port"
  pick_two_pieces
}

# Guests checking out (kill9_orders.sh, backup_during_orders.sh): pick_two_pieces sets slug1 variant1
# slug2 variant2 from the demo catalog at $base; writer N then places guest orders in a loop (a fresh
# cookie jar each: a new visitor) and appends the order numbers the server accepted to $work/acceptedN.
pick_two_pieces() {
  read -r slug1 variant1 slug2 variant2 < <(curl -s "$base/api/v1/products?sort=new" | python3 -c '
import json, sys, urllib.request
cards = json.load(sys.stdin)["cards"][:2]
out = []
for c in cards:
    p = json.load(urllib.request.urlopen("'"$base"'/api/v1/products/" + c["slug"]))
    out += [p["slug"], str(p["variants"][0]["id"])]
print(" ".join(out))')
}

value() { grep -o "name=\"$1\" value=\"[^\"]*\"" | head -1 | sed 's/.*value="//; s/"$//'; }
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
