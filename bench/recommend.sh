#!/usr/bin/env bash
# Recommendations with the release build (issue 13): latency from memory at PRODUCTS pieces and VIEWS
# views, and quality on held-out orders against "most popular".
# Usage: bench/recommend.sh [PRODUCTS, default 10000] [VIEWS, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
build/release/bench/recommend_bench "${1:-10000}" "${2:-1000000}"
echo "($(nproc) cores; $(date -u +%Y-%m-%d))"
