#!/usr/bin/env bash
# make tsan: a ThreadSanitizer build, then the HTTP tests on SQLite (photo uploads, checkouts and
# catalog swaps from many threads among them) with the suppressions in tests/tsan.supp, which name
# libraries only. Any report in our code fails the run (halt_on_error).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
cmake --preset tsan >/dev/null
cmake --build --preset tsan --target http_test
export TSAN_OPTIONS="suppressions=$root/tests/tsan.supp halt_on_error=1 second_deadlock_stack=1"
export BRILLIANT_TEST_BACKEND=sqlite
./build/tsan/tests/http_test
