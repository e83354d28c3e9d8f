#!/usr/bin/env bash
# Kill -9 of the server during writes leaves an SQLite database that opens, passes integrity_check,
# and still holds every sign-up the server had answered with 303 (accepted) before it died.
set -euo pipefail
binary=$1
root=$2
. "$(dirname "$0")/lib.sh"

port=$(free_port)
printf '[security]\nsignup_per_ip_per_hour = 1000000\n' >"$work/crash.toml"
BRILLIANT_BLOBS="$work/blobs" BRILLIANT_PASSWORD_COST=minimum BRILLIANT_ACCESS_LOG=0 "$binary" serve --no-demo --root "$root" --config "$work/crash.toml" \
  --db "sqlite:$work/crash.db" --port "$port" >"$work/server.log" 2>&1 &
pid=$!
wait_up "$port"

# Writers: each signs up accounts in a loop and records the ones the server accepted. The jar is only
# read after the first page, so every sign-up is a guest's with the same CSRF cookie.
writer() {
  local n=$1
  local jar="$work/jar$n" i=0
  curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/signup" >"$work/form$n.html"
  local csrf
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$work/form$n.html" | head -1 | sed 's/.*value="//; s/"$//')
  while true; do
    i=$((i + 1))
    local email="crash$n-$i@example.com"
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" \
      --data-urlencode "_csrf=$csrf" --data-urlencode "email=$email" --data-urlencode "name=Crash $n" \
      --data-urlencode "password=a-long-password" "http://127.0.0.1:$port/signup" || true)
    [ "$code" = "303" ] && echo "$email" >>"$work/accepted$n"
  done
}
# Kill the server mid-stream once some writes were accepted.
accepted=$(crash_after_accepted 40 400)
pid=""  # killed in there (a subshell)
count=$(echo "$accepted" | grep -c . || true)
[ "$count" -ge 1 ] || { echo "no write was accepted before the kill"; cat "$work/server.log"; exit 1; }
check=$(sqlite3 "$work/crash.db" 'PRAGMA integrity_check;')
[ "$check" = "ok" ] || { echo "integrity_check: $check"; exit 1; }
missing=0
while read -r email; do
  n=$(sqlite3 "$work/crash.db" "SELECT COUNT(*) FROM users WHERE email = '$email';")
  [ "$n" = "1" ] || { echo "accepted sign-up lost: $email"; missing=$((missing + 1)); }
done <<<"$accepted"
[ "$missing" = 0 ] || exit 1
echo "kill -9 after $count accepted sign-ups: database ok, none lost"
