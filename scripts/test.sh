#!/usr/bin/env bash
# make test: debug build with ASan+UBSan, then every test in one CTest run: unit tests, HTTP tests on
# SQLite and on a throwaway PostgreSQL 15 cluster (created here, always stopped and removed), the
# kill -9 crash test, and the browser tests; plus a bounded libFuzzer run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

cmake --preset debug >/dev/null
cmake --build --preset debug

# --- a throwaway PostgreSQL cluster ---------------------------------------------------------------
source scripts/throwaway-pg.sh

# --- browser tests need Playwright's client library (no browser download: Debian's chromium) ------
if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --silent)
fi

# --- fuzz targets (clang, libFuzzer): a bounded smoke run; `make fuzz FUZZ_RUNS=...` runs longer ----
FUZZ_RUNS=${FUZZ_RUNS:-20000} bash tests/fuzz/run.sh | grep -E "^Done" || { echo "fuzzing failed"; exit 1; }

# Leaks inside third-party libraries (tests/lsan.supp) are not ours to fix.
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
cd build/debug
ctest -j2 --output-on-failure
