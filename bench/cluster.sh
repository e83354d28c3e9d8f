#!/usr/bin/env bash
# Several nodes (issue 16): a throwaway PostgreSQL, two app nodes started at once on it (they migrate
# together), and nginx balancing them on loopback. Storefront and checkout load runs through nginx; a
# gold quote changes on node 1 and node 2's listing must follow; node 2 is killed with -9 half way.
# Then the database is checked: every order answered 201 is there, no checkout key placed twice, no
# variant below zero and every sold unit accounted for, and node 1 served on (errors only on requests in
# flight on the killed node).
# Usage: bench/cluster.sh [--small]   (--small: the debug build and a short light run, for make test)
# Environment: BRILLIANT_BINARY, CLUSTER_SECONDS, CLUSTER_SHOPPERS, CLUSTER_BROWSERS, CLUSTER_PRODUCTS.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/needs.sh && needs nginx curl
root=$(pwd)
small=0
[ "${1:-}" = "--small" ] && small=1
if [ $small = 1 ]; then
  binary=${BRILLIANT_BINARY:-$root/build/debug/brilliant}
  seconds=${CLUSTER_SECONDS:-8} shoppers=${CLUSTER_SHOPPERS:-4} browsers=${CLUSTER_BROWSERS:-2}
  products=${CLUSTER_PRODUCTS:-300} fsync=off
else
  binary=${BRILLIANT_BINARY:-$root/build/release/brilliant}
  seconds=${CLUSTER_SECONDS:-30} shoppers=${CLUSTER_SHOPPERS:-32} browsers=${CLUSTER_BROWSERS:-8}
  products=${CLUSTER_PRODUCTS:-2000} fsync=on
fi
[ -x "$binary" ] || { echo "no $binary: build it first"; exit 1; }

work=$(mktemp -d /tmp/brilliant-cluster.XXXXXX)
chmod 755 "$work"  # nginx workers run as another user
pids=()
pgbin=/usr/lib/postgresql/15/bin
runas=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$work"; runas=(runuser -u postgres --); fi
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${runas[@]}" "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 scripts/free-port.py; }  # below the ephemeral range

# --- PostgreSQL (fsync and synchronous_commit on for the full run: durable, as in production) ---------
pgport=$(free_port)
"${runas[@]}" "$pgbin/initdb" -D "$work/pg" -U brilliant --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${runas[@]}" "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
  -o "-p $pgport -k $work -c listen_addresses=127.0.0.1 -c fsync=$fsync -c max_connections=200" start >/dev/null
"${runas[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U brilliant brilliant
db="postgresql://brilliant@127.0.0.1:$pgport/brilliant"
psql_() { psql -h 127.0.0.1 -p "$pgport" -U brilliant -d brilliant -At -c "$1"; }

# --- two nodes, started at once (node 1 loads the demo catalog; both migrate) ---------------------------
mkdir -p "$work/blobs" "$work/logs"
cat >"$work/node.toml" <<CONF
[server]
trusted_proxies = ["127.0.0.1"]
max_connections_per_ip = 0
[database]
url = "$db"
readers = 8
[security]
password_cost = "minimum"
signup_per_ip_per_hour = 100000
checkout_per_hour = 100000
login_per_ip_per_minute = 100000
[cluster]
name = "bench"
CONF
port1=$(free_port) port2=$(free_port)
export BRILLIANT_BLOBS="$work/blobs" BRILLIANT_ISSUER_KEY="$work/issuer.key" BRILLIANT_ACCESS_LOG=0
BRILLIANT_NODE=node-1 "$binary" serve --config "$work/node.toml" --root "$root" --port "$port1" \
  --demo-products "$products" >"$work/logs/node1.log" 2>&1 &
pids+=($!)
BRILLIANT_NODE=node-2 "$binary" serve --no-demo --config "$work/node.toml" --root "$root" --port "$port2" \
  >"$work/logs/node2.log" 2>&1 &
node2=$!
pids+=($node2)
up() { curl -sf "http://127.0.0.1:$1/healthz" >/dev/null; }
for _ in $(seq 1 6000); do up "$port1" && up "$port2" && break; sleep 0.1; done  # seeding the demo takes a while
up "$port1" && up "$port2" || { echo "the nodes did not start"; tail -n 20 "$work"/logs/*.log; exit 1; }
# Node 2 started with no catalog; node 1 loaded the demo after: node 2 heard of it.
for _ in $(seq 1 100); do
  [ "$(curl -s "http://127.0.0.1:$port2/api/v1/products" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["cards"]))')" -gt 0 ] && break
  sleep 0.1
done

# --- nginx on loopback, balancing the two ----------------------------------------------------------------
lbport=$(free_port)
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  upstream nodes {
    server 127.0.0.1:$port1 max_fails=2 fail_timeout=5s;
    server 127.0.0.1:$port2 max_fails=2 fail_timeout=5s;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$lbport;
    location / {
      proxy_pass http://nodes;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
    }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$lbport/healthz" >/dev/null && break; sleep 0.1; done

# --- the load, the quote change and the kill --------------------------------------------------------------
variants=$(psql_ "SELECT string_agg(id::text, ',') FROM (SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id
  WHERE p.status = 'published' AND v.stock > 0 ORDER BY v.id LIMIT 40) s")
# Most of them with stock enough for the whole run (throughput), the last ten as they are (a few pieces
# each: these sell out, and must not be oversold).
psql_ "UPDATE variants SET stock = 100000 WHERE id IN (SELECT id FROM variants WHERE id IN ($variants) ORDER BY id LIMIT 30)" >/dev/null
psql_ "SELECT id, stock FROM variants WHERE id IN ($variants)" >"$work/stock-before"
python3 bench/cluster_load.py --lb "http://127.0.0.1:$lbport" --node1 "http://127.0.0.1:$port1" \
  --node2 "http://127.0.0.1:$port2" --node2-pid "$node2" --shoppers "$shoppers" --browsers "$browsers" \
  --seconds "$seconds" --variants "$variants" >"$work/result.json"
sleep 0.5  # let node 1 finish the requests it was answering when the load stopped
up "$port1" || { echo "FAIL: node 1 stopped serving"; exit 1; }

# --- what the database says ------------------------------------------------------------------------------
python3 - "$work" "$variants" <<'PY'
import json, subprocess, sys
work, variants = sys.argv[1], sys.argv[2]
r = json.load(open(f"{work}/result.json"))
import os
port = open(f"{work}/pg/postmaster.pid").read().split("\n")[3]
def q(sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", port, "-U", "brilliant", "-d", "brilliant", "-At",
                           "-c", sql], check=True, capture_output=True, text=True).stdout.strip()
failures = []
numbers = r.pop("numbers"); keys = r.pop("keys")
run = r["run"]
if numbers:
    found = int(q("SELECT count(*) FROM orders WHERE number IN (%s)" % ",".join("'%s'" % n for n in numbers)))
    if found != len(numbers): failures.append(f"{len(numbers) - found} accepted orders are not in the database")
doubled = q(f"SELECT count(*) FROM (SELECT checkout_key FROM orders WHERE checkout_key LIKE '{run}-%' GROUP BY checkout_key HAVING count(*) > 1) d")
if doubled != "0": failures.append(f"{doubled} checkout keys placed twice")
placed = int(q(f"SELECT count(*) FROM orders WHERE checkout_key LIKE '{run}-%'"))
if placed != r["orders"] + r["retry_found_placed"]:
    # An order whose answer was lost and never asked again (the run ended) is in the database: say so.
    r["placed_without_answer"] = placed - r["orders"] - r["retry_found_placed"]
    if r["placed_without_answer"] < 0: failures.append("fewer orders in the database than were answered")
negative = q(f"SELECT count(*) FROM variants WHERE stock < 0")
if negative != "0": failures.append(f"{negative} variants below zero stock")
before = dict(line.split("|") for line in open(f"{work}/stock-before").read().split())
after = dict(line.split("|") for line in q(f"SELECT id, stock FROM variants WHERE id IN ({variants})").split())
sold = dict(line.split("|") for line in q(
    f"SELECT l.variant_id, sum(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id "
    f"WHERE o.checkout_key LIKE '{run}-%' AND o.status <> 'cancelled' GROUP BY l.variant_id").split())
for v, b in before.items():
    if int(b) - int(after[v]) != int(sold.get(v, 0)):
        failures.append(f"variant {v}: stock {b} -> {after[v]} but {sold.get(v, 0)} sold")
if r["errors_after_kill"]: failures.append(f"{r['errors_after_kill']} requests failed more than a second after the kill")
if r.get("price_followed_ms") is None: failures.append("node 2's prices did not follow the quote change within 10 s")
if r["orders"] == 0: failures.append("no order was placed")
r["placed_in_database"] = placed
print(json.dumps(r, indent=1))
if failures:
    print("FAIL: " + "; ".join(failures)); sys.exit(1)
print("OK: no accepted order lost or doubled, no unit oversold, node 1 served on")
PY
echo "(2 nodes + nginx + PostgreSQL fsync=$fsync on $(nproc) cores; $seconds s, $shoppers shoppers, $browsers browsers; $(date -u +%Y-%m-%d))"
