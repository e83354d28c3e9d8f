#!/usr/bin/env bash
# Live shows under load with the release build (issue 18): chat fan-out to VIEWERS WebSocket viewers at
# RATE messages a second, then a flash deal of 50 units opened to 2,000 buyers at once.
# Usage: bench/live.sh [VIEWERS, default 10000] [RATE, default 50] [SECONDS, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
build/release/bench/live_bench fanout "${1:-10000}" "${2:-50}" "${3:-20}"
build/release/bench/live_bench deal 2000 50 64
echo "($(nproc) cores; $(date -u +%Y-%m-%d))"
