#!/usr/bin/env bash
# A campaign to CUSTOMERS customers with the release build (issue 13: 100,000 mails queued in under 10 s),
# on SQLite and, when Debian's PostgreSQL is installed, on a throwaway PostgreSQL with fsync on.
# Usage: bench/campaign.sh [CUSTOMERS, default 100000]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
build/release/bench/campaign_bench "$count"
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  BRILLIANT_PG_FSYNC=on bash scripts/with-pg.sh sh -c 'build/release/bench/campaign_bench "$1" "$BRILLIANT_TEST_PG_URL"' _ "$count"
fi
echo "($(nproc) cores; $(date -u +%Y-%m-%d))"
