#!/usr/bin/env bash
# Sourced by scripts/test.sh and scripts/with-pg.sh: starts a throwaway PostgreSQL 15 cluster on a free
# port (always stopped and removed on exit), creates and migrates brilliant_test, and exports
# BRILLIANT_TEST_PG_URL (and the same over its Unix socket, BRILLIANT_TEST_PG_SOCKET_URL) and
# BRILLIANT_REQUIRE_PG=1 for the HTTP tests. Needs build/debug/brilliant.
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
  # The issuer key the HTTP tests share on this cluster (tests/http/harness.cpp names it by the URL's hash).
  if [ -n "${BRILLIANT_TEST_PG_URL:-}" ]; then
    rm -f "${TMPDIR:-/tmp}/brilliant-test-issuer-$(printf %s "$BRILLIANT_TEST_PG_URL" | sha256sum | cut -c1-16).key"
  fi
}
trap cleanup EXIT
pgport=$(python3 "$(dirname "${BASH_SOURCE[0]}")/free-port.py")
"${runas[@]}" "$pgbin/initdb" -D "$pgdir/data" -U brilliant --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${runas[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
  -o "-p $pgport -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=${BRILLIANT_PG_FSYNC:-off}" start >/dev/null
"${runas[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U brilliant brilliant_test
export BRILLIANT_TEST_PG_URL="postgresql://brilliant@127.0.0.1:$pgport/brilliant_test"
export BRILLIANT_TEST_PG_SOCKET_URL="postgresql://brilliant@/brilliant_test?host=$pgdir&port=$pgport"
export BRILLIANT_REQUIRE_PG=1
./build/debug/brilliant migrate --db "$BRILLIANT_TEST_PG_URL" --root "$root" >/dev/null

