#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded number of inputs.
# FUZZ_RUNS (default 20000) sets how many; corpora live in build/fuzz/corpus/.
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target request_fuzz form_fuzz header_fuzz csv_fuzz
for target in request_fuzz form_fuzz header_fuzz csv_fuzz; do
  corpus=build/fuzz/corpus/$target
  mkdir -p "$corpus"
  [ -n "$(ls -A "$corpus")" ] || printf 'A/products/gold-ring?x=%%ED%%95%%9C&y=1+2' >"$corpus/seed"
  ./build/fuzz/tests/fuzz/$target -runs="${FUZZ_RUNS:-20000}" -max_len=4096 "$corpus" 2>&1 | tail -2
done
