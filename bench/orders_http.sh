#!/usr/bin/env bash
# Orders over HTTP (issue 16): POST /api/v1/orders from CLIENTS token-authenticated shoppers at once (each
# with its own cart: add a piece, place the cart, again), against one server as `make run` starts it, on
# SQLite and on a throwaway PostgreSQL 15 with fsync and synchronous_commit on, beside pgbench's TPC-B
# (`pgbench -i -s 10`, the same client count) on that same PostgreSQL in the same run. Afterwards the
# database is checked: every variant's stock is what it was less the units in the run's orders, none below
# zero, and the orders the server answered 201 are all there. On PostgreSQL each run starts clean: what the
# run before it left (pgbench's updates; the demo data seeded) is vacuumed and checkpointed first.
# Usage: bench/orders_http.sh [CLIENTS=64] [SECONDS=10] [BACKENDS="sqlite postgresql"]
# Environment: BRILLIANT_BINARY (default the release build), ORDERS_LOAD (the load generator),
# ORDERS_READERS (the server's database connections, `[database] readers`; default the server's own, 8),
# ORDERS_PG_SOCKET=1 (the server, pgbench and psql reach PostgreSQL over its Unix socket, as on a single
# host; by default over TCP on loopback, as another node would), ORDERS_PREFILLED=N (each shopper fills N
# carts before the timed window, which then times the order requests alone: POST /api/v1/orders without the
# add that precedes each in a shopper's day; by default the window times both), ORDERS_KEEP=1 (PostgreSQL's log
# and the server's are copied to /tmp/pg.log and /tmp/postgresql.log or /tmp/sqlite.log before the work
# folder goes), ORDERS_PG_SETTINGS="-c name=value ..." (more PostgreSQL settings, for pgbench's runs as for ours;
# durability's two stay on).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
clients=${1:-64} seconds=${2:-10} backends=${3:-"sqlite postgresql"}
. bench/needs.sh
[[ " $backends " == *" postgresql "* ]] && needs pgbench psql
binary=${BRILLIANT_BINARY:-$root/build/release/brilliant}
load=${ORDERS_LOAD:-$root/build/release/bench/order_load}
for b in "$binary" "$load"; do [ -x "$b" ] || { echo "no $b: build the release first"; exit 1; }; done

work=$(mktemp -d /tmp/brilliant-orders.XXXXXX)
chmod 755 "$work"
server=""
pgbin=/usr/lib/postgresql/15/bin
runas=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$work"; runas=(runuser -u postgres --); fi
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  "${runas[@]}" "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  [ -n "${ORDERS_KEEP:-}" ] && cp "$work"/*.log /tmp/ 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 scripts/free-port.py; }  # below the ephemeral range

# pgbench's TPC-B on the same cluster, same clients, the same length of run. What its run leaves behind
# (dead rows, dirty pages) is cleared afterwards, as pgbench -i clears its own load before its run:
# autovacuum and a checkpoint would otherwise land on the next run.
tpcb() {
  "$pgbin/pgbench" -h "$pghost" -p "$pgport" -U brilliant -c "$clients" -j 2 -T "$seconds" pgbench >"$work/pgbench.out" 2>&1
  local tps latency
  tps=$(awk '/^tps = / {print $3; exit}' "$work/pgbench.out")
  latency=$(awk '/^latency average/ {print $4; exit}' "$work/pgbench.out")
  psql -h "$pghost" -p "$pgport" -U brilliant -d pgbench -qc "VACUUM" -c "CHECKPOINT" >/dev/null
  echo "$tps" >>"$work/tpcb"
  echo "pgbench TPC-B (scale 10, $clients clients, fsync on, over $transport): $tps tps, latency average $latency ms"
}

pg_url=""
if [[ " $backends " == *" postgresql "* ]]; then
  pgport=$(free_port)
  pghost=127.0.0.1 transport=TCP
  [ -n "${ORDERS_PG_SOCKET:-}" ] && pghost=$work transport="the Unix socket"
  "${runas[@]}" "$pgbin/initdb" -D "$work/pg" -U brilliant --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${runas[@]}" "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p $pgport -k $work \
    -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=200 ${ORDERS_PG_SETTINGS:-}" start >/dev/null
  "${runas[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U brilliant brilliant
  "${runas[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U brilliant pgbench
  pg_url="postgresql://brilliant@127.0.0.1:$pgport/brilliant"
  [ -n "${ORDERS_PG_SOCKET:-}" ] && pg_url="postgresql://brilliant@/brilliant?host=$work&port=$pgport"
  "$pgbin/pgbench" -h "$pghost" -p "$pgport" -U brilliant -i -s 10 -q pgbench >/dev/null 2>&1
  tpcb  # before our runs; again after the PostgreSQL one (this machine's speed drifts within minutes)
fi

run_one() {  # backend -> prints the load's JSON after checking the database
  local backend=$1 url port q
  if [ "$backend" = sqlite ]; then
    url="sqlite:$work/hub.db"
    q() { sqlite3 "$work/hub.db" "$1"; }
  else
    url=$pg_url
    q() { psql -h "$pghost" -p "$pgport" -U brilliant -d brilliant -At -c "$1"; }
  fi
  port=$(free_port)
  cat >"$work/hub.toml" <<CONF
[database]
url = "$url"
${ORDERS_READERS:+readers = $ORDERS_READERS}
[security]
password_cost = "minimum"
signup_per_ip_per_hour = 100000
checkout_per_hour = 100000
CONF
  BRILLIANT_BLOBS="$work/blobs-$backend" BRILLIANT_ISSUER_KEY="$work/issuer.key" \
    "$binary" serve --config "$work/hub.toml" --root "$root" --port "$port" >"$work/$backend.log" 2>&1 &
  server=$!
  for _ in $(seq 1 3000); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  # Forty pieces on sale: thirty with stock for the whole run, ten with a few each (these sell out and must
  # not be oversold; their refusals are counted, not placed).
  local variants
  variants=$(q "SELECT group_concat(id, ',') FROM (SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id
    WHERE p.status = 'published' AND v.stock > 0 AND p.made_to_order = 0 ORDER BY v.id LIMIT 40) s" 2>/dev/null ||
    q "SELECT string_agg(id::text, ',') FROM (SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id
    WHERE p.status = 'published' AND v.stock > 0 AND p.made_to_order = 0 ORDER BY v.id LIMIT 40) s")
  q "UPDATE variants SET stock = 100000 WHERE id IN ($variants)" >/dev/null
  q "UPDATE variants SET stock = 5 WHERE id IN (SELECT id FROM variants WHERE id IN ($variants) ORDER BY id DESC LIMIT 10)" >/dev/null
  q "SELECT id, stock FROM variants WHERE id IN ($variants) ORDER BY id" >"$work/before"
  # The stock changed behind the server's back: restart it so its catalog reads it (as after a deploy).
  kill "$server" && wait "$server" 2>/dev/null || true
  BRILLIANT_BLOBS="$work/blobs-$backend" BRILLIANT_ISSUER_KEY="$work/issuer.key" \
    "$binary" serve --no-demo --config "$work/hub.toml" --root "$root" --port "$port" >>"$work/$backend.log" 2>&1 &
  server=$!
  for _ in $(seq 1 3000); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  # The same for the demo data just seeded and the stock set above: vacuumed, analysed and checkpointed,
  # so neither autovacuum nor a checkpoint of the seed lands on the measured run.
  [ "$backend" = postgresql ] && q "VACUUM ANALYZE" >/dev/null && q "CHECKPOINT" >/dev/null
  local tag="oh-$backend-$RANDOM"
  "$load" 127.0.0.1 "$port" "$clients" "$seconds" "$variants" "$tag" ${ORDERS_PREFILLED:+"$ORDERS_PREFILLED"} >"$work/load.json"
  awk '/^VmHWM:/ {print int($2 / 1024)}' "/proc/$server/status" >"$work/peak_rss_mb"  # the server's peak resident memory
  kill "$server" && wait "$server" 2>/dev/null || true
  server=""
  q "SELECT id, stock FROM variants WHERE id IN ($variants) ORDER BY id" >"$work/after"
  q "SELECT l.variant_id, sum(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
     WHERE o.checkout_key LIKE '$tag-%' GROUP BY l.variant_id" >"$work/sold"
  q "SELECT count(*) FROM orders WHERE checkout_key LIKE '$tag-%'" >"$work/placed"
  python3 - "$work" "$backend" <<'PY'
import json, sys
work, backend = sys.argv[1], sys.argv[2]
r = json.load(open(f"{work}/load.json"))
rows = lambda f: dict(l.split("|") for l in open(f"{work}/{f}").read().split())
before, after, sold = rows("before"), rows("after"), rows("sold")
placed = int(open(f"{work}/placed").read())
failures = []
for v, b in before.items():
    if int(after[v]) < 0: failures.append(f"variant {v} below zero")
    if int(b) - int(after[v]) != int(sold.get(v, 0)):
        failures.append(f"variant {v}: stock {b} -> {after[v]} but {sold.get(v, 0)} sold")
    if int(sold.get(v, 0)) != r["sold"].get(v, 0):
        failures.append(f"variant {v}: {sold.get(v, 0)} units in orders, {r['sold'].get(v, 0)} answered 201")
if placed != r["orders"]: failures.append(f"{placed} orders in the database, {r['orders']} answered 201")
if r["orders"] == 0: failures.append("no order was placed")
del r["sold"]
r["backend"] = backend
r["placed_in_database"] = placed
r["server_peak_rss_mb"] = int(open(f"{work}/peak_rss_mb").read() or 0)
r["low_stock_sold_out"] = sum(1 for v, b in before.items() if int(b) <= 5 and int(after[v]) == 0)
print(json.dumps(r))
json.dump(r, open(f"{work}/result-{backend}.json", "w"))
if failures:
    print("FAIL: " + "; ".join(failures)); sys.exit(1)
PY
}

# Issue 16's floors for this run: 1,000 orders/s and a p99 under 50 ms on each database; on PostgreSQL also
# a third of pgbench's TPC-B (the mean of its runs before and after ours).
floors() {
  python3 - "$work" "$1" <<'PY'
import json, sys
work, backend = sys.argv[1], sys.argv[2]
r = json.load(open(f"{work}/result-{backend}.json"))
rate, p99 = r["orders_per_s"], r["order_p99_ms"]
line = f"{backend}: {rate:,.0f} orders/s ({'met' if rate >= 1000 else 'NOT met'}: 1,000), p99 {p99} ms ({'met' if p99 < 50 else 'NOT met'}: under 50)"
if backend == "postgresql":
    tps = [float(t) for t in open(f"{work}/tpcb").read().split()]
    mean = sum(tps) / len(tps)
    line += f", {rate / mean:.2f} of pgbench's mean {mean:,.0f} tps ({'met' if rate * 3 >= mean else 'NOT met'}: a third)"
print("floors: " + line)
PY
}
for backend in $backends; do
  run_one "$backend"
  if [ "$backend" = postgresql ]; then tpcb; fi
done
for backend in $backends; do floors "$backend"; done
echo "(one server as make run starts it, the load generator on the same $(nproc) cores; $clients clients, ${seconds} s; $(date -u +%Y-%m-%d))"
