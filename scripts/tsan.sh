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
export BRILLIANT_TEST_HTTP_TIMEOUT=900  # photos decode far slower under TSan
# Every HTTP test but one: decoding a 12-megapixel phone photo under TSan takes over a quarter of an
# hour (libvips' codecs are not instrumented, but every malloc and lock they make is intercepted); the
# same upload path runs here with smaller photos, and LoadHttp uploads while orders and reads go on.
./build/tsan/tests/http_test --gtest_filter=-PhotosHttp.APhonePhotoOfTenMegabytesUploads
