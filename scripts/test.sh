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
pgbin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
[ -n "$pgbin" ] || { echo "PostgreSQL 15 is not installed (scripts/install-deps.sh test)"; exit 1; }
pgdir=$(mktemp -d /tmp/brilliant-pg.XXXXXX)
runas=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root: run the cluster as the postgres system user.
  chown postgres "$pgdir"
  runas=(runuser -u postgres --)
fi
cleanup() {
  "${runas[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap cleanup EXIT
pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${runas[@]}" "$pgbin/initdb" -D "$pgdir/data" -U brilliant --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${runas[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
  -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
"${runas[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U brilliant brilliant_test
export BRILLIANT_TEST_PG_URL="postgresql://brilliant@127.0.0.1:$pgport/brilliant_test"
export BRILLIANT_REQUIRE_PG=1
./build/debug/brilliant migrate --db "$BRILLIANT_TEST_PG_URL" --root "$root" >/dev/null

# --- browser tests need Playwright's client library (no browser download: Debian's chromium) ------
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --silent)
fi

# --- fuzz targets (clang, libFuzzer): a bounded smoke run; `make fuzz FUZZ_RUNS=...` runs longer ----
FUZZ_RUNS=${FUZZ_RUNS:-20000} bash tests/fuzz/run.sh | grep -E "^Done" || { echo "fuzzing failed"; exit 1; }

cd build/debug
ctest -j2 --output-on-failure
