#!/usr/bin/env bash
# Runs one command beside a throwaway PostgreSQL cluster, for a quick look at the PostgreSQL side of
# the HTTP tests: bash scripts/with-pg.sh build/debug/tests/http_test --gtest_filter='Staff*'
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/throwaway-pg.sh
BRILLIANT_TEST_BACKEND=pg "$@"
