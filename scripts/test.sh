#!/usr/bin/env bash
# make test: debug build with ASan+UBSan, then every test in one CTest run: unit tests, HTTP tests on
# SQLite and on a throwaway PostgreSQL 15 cluster (created here, always stopped and removed), the
# kill -9 crash test, and the browser tests; plus a bounded libFuzzer run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

cmake --preset debug >/dev/null
# Unity batches: no name two files of one batch both keep to themselves (it could change which is called).
python3 scripts/unity-clashes.py build/debug
cmake --build --preset debug

# --- a throwaway PostgreSQL cluster ---------------------------------------------------------------
source scripts/throwaway-pg.sh

# --- browser tests need Playwright's client library (no browser download: Debian's chromium) ------
if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --silent)
fi
# ... and the API checks ajv and redocly (tests/api)
if [ ! -d tests/api/node_modules/ajv ] || [ ! -d tests/api/node_modules/@redocly/cli ]; then
  (cd tests/api && npm ci --no-audit --no-fund --silent)
fi

# --- fuzz targets (clang, libFuzzer): a bounded smoke run; `make fuzz FUZZ_RUNS=...` runs longer ----
FUZZ_RUNS=${FUZZ_RUNS:-20000} bash tests/fuzz/run.sh | grep -E "^Done" || { echo "fuzzing failed"; exit 1; }

# Leaks inside third-party libraries (tests/lsan.supp) are not ours to fix.
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
# AddressSanitizer keeps freed memory out of use to catch use-after-free: 256 MB of it by default, so a
# short-lived test process touches fresh pages at nearly every allocation (page faults were a third of
# the demo seed's time). 32 MB still holds the last tens of thousands of frees; the tests ran 10-20 %
# faster (docs/decisions/017-ci-time.md).
export ASAN_OPTIONS="${ASAN_OPTIONS:-quarantine_size_mb=32}"
# Every JSON answer the HTTP tests receive is recorded, then checked against the API document.
export BRILLIANT_API_RECORD="$root/build/debug/api-answers"
rm -f "$BRILLIANT_API_RECORD".*
(cd build/debug && ctest -j2 --output-on-failure)

# --- the API document: lint it, and validate every recorded answer against it --------------------------
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true tests/api/node_modules/.bin/redocly lint --format=summary "$BRILLIANT_API_RECORD.openapi.json"
node tests/api/validate.mjs "$BRILLIANT_API_RECORD.openapi.json" "$BRILLIANT_API_RECORD".*.jsonl
