#!/usr/bin/env bash
# `make run`: the release build on PORT with its SQLite database under var/ (demo data on first start).
# Card payments in the demo go through the stand-in Toss Payments window (tests/fake_toss, on PORT+11),
# which says on every page that it is a test and moves no money. With real keys in the environment
# (BRILLIANT_TOSS_CLIENT_KEY / BRILLIANT_TOSS_SECRET_KEY) or in a config file, the stand-in is not started.
set -euo pipefail
port=${1:-8080}
cd "$(dirname "$0")/.."
mkdir -p var
toss_pid=""
if [ -z "${BRILLIANT_TOSS_SECRET_KEY:-}" ] && command -v node >/dev/null; then
  toss_port=$((port + 11))
  node tests/fake_toss/server.mjs --port "$toss_port" >var/stand-in-toss.log 2>&1 &
  toss_pid=$!
  trap 'kill "$toss_pid" 2>/dev/null || true' EXIT
  export BRILLIANT_TOSS_API_URL="http://127.0.0.1:$toss_port" BRILLIANT_TOSS_WINDOW_URL="http://127.0.0.1:$toss_port/window"
  export BRILLIANT_TOSS_CLIENT_KEY=test_ck_brilliant_demo BRILLIANT_TOSS_SECRET_KEY=test_sk_brilliant_demo
  echo "Card payments: the stand-in test window on http://127.0.0.1:$toss_port (no real money moves)"
fi
./build/release/brilliant serve --port "$port"
