#!/usr/bin/env bash
# Runs one command beside a throwaway PostgreSQL cluster, for a quick look at the PostgreSQL side of
# the HTTP tests: bash scripts/with-pg.sh build/debug/tests/http_test --gtest_filter='Staff*'
# The HTTP tests share one database that gets the demo catalog before any test makes products of its own
# (as `make test` runs pg.demo_catalog_first before the other pg. suites), so for http_test that runs first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/throwaway-pg.sh
if [ "$(basename "$1")" = http_test ]; then
  BRILLIANT_TEST_BACKEND=pg "$1" --gtest_filter='PgDemoSeed.*' --gtest_brief=1
fi
BRILLIANT_TEST_BACKEND=pg "$@"
