#!/usr/bin/env bash
# Checkout throughput with the release build: ORDERS orders from 1 and from 4 threads on SQLite.
# Usage: bench/orders.sh [ORDERS, default 2000]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}
for threads in 1 4; do
  build/release/bench/order_bench "$count" "$threads"
done
echo "($(nproc) cores; $(date -u +%Y-%m-%d))"
