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
live_started=""
cleanup() {
  [ -n "$toss_pid" ] && kill "$toss_pid" 2>/dev/null || true
  [ -n "$live_started" ] && bash scripts/live-dev.sh stop var/live || true
}
trap cleanup EXIT
if [ -z "${BRILLIANT_TOSS_SECRET_KEY:-}" ] && command -v node >/dev/null; then
  toss_port=$((port + 11))
  node tests/fake_toss/server.mjs --port "$toss_port" >var/stand-in-toss.log 2>&1 &
  toss_pid=$!
  export BRILLIANT_TOSS_API_URL="http://127.0.0.1:$toss_port" BRILLIANT_TOSS_WINDOW_URL="http://127.0.0.1:$toss_port/window"
  export BRILLIANT_TOSS_CLIENT_KEY=test_ck_brilliant_demo BRILLIANT_TOSS_SECRET_KEY=test_sk_brilliant_demo
  echo "Card payments: the stand-in test window on http://127.0.0.1:$toss_port (no real money moves)"
fi
# Live shows: nginx with the RTMP module takes the hosts' streams and writes HLS under var/live/hls.
rtmp_port=${RTMP_PORT:-1935}
if rtmp_url=$(bash scripts/live-dev.sh start var/live "$port" "$rtmp_port" 2>/dev/null); then
  live_started=1
  export BRILLIANT_LIVE_HLS_DIR="$PWD/var/live/hls" BRILLIANT_LIVE_RTMP_URL="$rtmp_url"
  echo "Live shows: log in as maker@brilliant.example, open /console/live, pick the show and make a stream key;"
  echo "  then in OBS: Settings > Stream > Service: Custom, Server: $rtmp_url, Stream Key: that key; keyframe"
  echo "  interval 2 s (Output > Advanced). Start streaming and the show goes live at /live."
else
  echo "Live shows: nginx with libnginx-mod-rtmp is not available, so streams cannot be taken (pages still work)."
fi
./build/release/brilliant serve --port "$port"
