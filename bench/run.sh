#!/usr/bin/env bash
# Measures Brilliant (release build) and nginx side by side in one run with wrk: the same machine, the
# same connection count, nginx serving a static file of the same size as each Brilliant response.
# Usage: bench/run.sh [seconds per run, default 10] [connections, default 64]
# BENCH_ACCESS_LOG=1 measures with the access log on (as `make run` serves), to a file.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/needs.sh && needs wrk nginx curl
root=$(pwd)
duration=${1:-10}
connections=${2:-64}
binary=${BRILLIANT_BINARY:-$root/build/release/brilliant}
work=$(mktemp -d /tmp/brilliant-bench.XXXXXX)
chmod 755 "$work"  # nginx workers run as another user
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 scripts/free-port.py; }  # below the ephemeral range

# --- Brilliant, with a catalog of BENCH_PRODUCTS demo products (default 10,000) ---
products=${BENCH_PRODUCTS:-10000}
export BRILLIANT_BLOBS="$work/blobs"
BRILLIANT_PASSWORD_COST=minimum "$binary" seed-demo --root "$root" --db "sqlite:$work/bench.db" --products "$products" >/dev/null 2>&1
reprice=$("$binary" reprice --root "$root" --db "sqlite:$work/bench.db")
bport=$(free_port)
BRILLIANT_ACCESS_LOG=${BENCH_ACCESS_LOG:-0} "$binary" serve --root "$root" --db "sqlite:$work/bench.db" --port "$bport" \
  ${BENCH_SERVE_ARGS:-} >"$work/brilliant.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$bport/healthz" >/dev/null && break; sleep 0.1; done
${BENCH_PREPARE:-true} "$bport" "$work"

# --- nginx serving static files of the same sizes ---
nport=$(free_port)
mkdir -p "$work/www" "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  default_type text/html;
  server { listen 127.0.0.1:$nport; root $work/www; }
}
CONF
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
for _ in $(seq 1 100); do curl -s "http://127.0.0.1:$nport/" >/dev/null && break; sleep 0.1; done

measure() {  # url [header] -> "rps p99_ms"
  local extra=()
  [ -n "${2:-}" ] && extra=(-H "$2")
  wrk -t2 -c"$connections" -d"${duration}s" --latency "${extra[@]}" "$1" >"$work/wrk.out" 2>&1
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}' "$work/wrk.out")
  local errors
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$work/wrk.out")
  [ -n "$errors" ] && echo "  note: $errors" >&2
  echo "$rps $p99"
}

printf '%-34s %8s %12s %9s %12s %9s %7s\n' "endpoint" "bytes" "brilliant/s" "p99 ms" "nginx/s" "p99 ms" "ratio"
bench_one() {  # name path [header]
  local name=$1 path=$2 header=${3:-}
  local size
  size=$(curl -s ${header:+-H "$header"} "http://127.0.0.1:$bport$path" | wc -c)
  head -c "$size" /dev/zero | tr '\0' 'x' >"$work/www/$name.html"
  read -r brps bp99 < <(measure "http://127.0.0.1:$bport$path" "$header")
  read -r nrps np99 < <(measure "http://127.0.0.1:$nport/$name.html")
  ratio=$(awk -v a="$brps" -v b="$nrps" 'BEGIN {printf "%.2f", a / b}')
  printf '%-34s %8s %12s %9s %12s %9s %7s\n' "${label:-$path}" "$size" "$brps" "$bp99" "$nrps" "$np99" "$ratio"
}
slug=$(curl -s "http://127.0.0.1:$bport/api/v1/products?category=ring&sort=popular" | python3 -c 'import json,sys; print(json.load(sys.stdin)["cards"][0]["slug"])')
default_paths="healthz=/healthz home=/ listing=/shop?category=ring&metal=gold product=/products/$slug search=/search?q=gold+ring"
for spec in ${BENCH_PATHS:-$default_paths}; do
  label="" bench_one "${spec%%=*}" "${spec#*=}"
done
# The same pages rendered for every request: a session cookie (even an unknown one) skips the
# anonymous page cache, so this is the cost of a logged-in visitor.
if [ -z "${BENCH_PATHS:-}" ]; then
  for spec in listing=/shop?category=ring\&metal=gold product=/products/$slug search=/search?q=gold+ring; do
    label="${spec#*=} (rendered)" bench_one "${spec%%=*}-r" "${spec#*=}" "Cookie: sid=bench-not-a-session"
  done
fi
# A logged-in shopper (a real session from the login form): the same pages, and the cart.
if [ -z "${BENCH_PATHS:-}" ] || [ -n "${BENCH_LOGGED_IN:-}" ]; then
  jar="$work/cookies"
  email="bench-$(date +%s%N)@example.com"
  curl -s -c "$jar" -b "$jar" -o /dev/null "http://127.0.0.1:$bport/signup"
  csrf=$(awk '$6 == "csrf" {print $7}' "$jar")
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "email=$email" \
    --data-urlencode "name=Bench Shopper" --data-urlencode "password=bench-password-1" \
    "http://127.0.0.1:$bport/signup"
  sid=$(awk '$6 == "sid" {print $7}' "$jar")
  csrf=$(awk '$6 == "csrf" {print $7}' "$jar")
  [ -n "$sid" ] || echo "  note: the bench shopper could not sign up" >&2
  for spec in listing=/shop?category=ring\&metal=gold product=/products/$slug search=/search?q=gold+ring cart=/cart; do
    label="${spec#*=} (logged in)" bench_one "${spec%%=*}-u" "${spec#*=}" "Cookie: sid=$sid; csrf=$csrf"
  done
fi
echo "catalog: $products products; $reprice"
echo "(wrk -t2 -c$connections -d${duration}s; $(nproc) cores; $(date -u +%Y-%m-%d))"
