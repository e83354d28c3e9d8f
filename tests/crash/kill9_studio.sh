#!/usr/bin/env bash
# Kill -9 of the server while two stations take evidence photos (issue 17): every photo the server had
# acknowledged (201 with its SHA-256) is there after the crash: its row, its original's bytes in the blob
# folder with that hash, and its entry in the transparency log; the database passes integrity_check.
set -euo pipefail
binary=$1
root=$2
. "$(dirname "$0")/lib.sh"

export BRILLIANT_BLOBS="$work/blobs" BRILLIANT_PASSWORD_COST=minimum BRILLIANT_ACCESS_LOG=0
"$binary" seed-demo --root "$root" --db "sqlite:$work/crash.db" --products 40 >/dev/null 2>&1
port=$(free_port)
"$binary" serve --no-demo --root "$root" --db "sqlite:$work/crash.db" --port "$port" >"$work/server.log" 2>&1 &
pid=$!
wait_up "$port"
base="http://127.0.0.1:$port"
serials=($(sqlite3 "$work/crash.db" "SELECT serial FROM items ORDER BY id LIMIT 2;"))
[ ${#serials[@]} = 2 ] || { echo "the demo has no items"; exit 1; }

# A small PNG, different for every (writer, i): its first pixel's colour.
png() {
  python3 -c '
import struct, sys, zlib
n, i = int(sys.argv[1]), int(sys.argv[2])
w = h = 48
rows = b"".join(b"\0" + bytes([(n * 97 + i) % 256, i % 256, (i // 256) % 256]) + bytes([236, 232, 226]) * (w - 1) for _ in range(h))
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))' "$1" "$2"
}

# Writers: each logs in as the demo station, records a QA event on its item, then attaches photos to
# it in a loop, recording the SHA-256 of every photo the server acknowledged.
writer() {
  local n=$1
  local jar="$work/jar$n" serial=${serials[$(( n - 1 ))]}
  local csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "email=station@brilliant.example" \
    --data-urlencode "password=brilliant-demo" "$base/login"
  csrf=$(grep -P '\tcsrf\t' "$jar" | awk '{print $7}')
  local event
  event=$(curl -s -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d '{"station":"qa","kind":"qa_passed","note":"crash test"}' "$base/api/v1/items/$serial/events" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  local i=0
  while true; do
    i=$((i + 1))
    png "$n" "$i" >"$work/photo$n.png"
    local answer
    answer=$(curl -s -w '\n%{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: image/png' \
      --data-binary "@$work/photo$n.png" "$base/api/v1/items/$serial/events/$event/photos?view=front" || true)
    if [ "$(echo "$answer" | tail -1)" = "201" ]; then
      echo "$answer" | head -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["sha256"])' >>"$work/accepted$n"
    fi
  done
}
accepted=$(crash_after_accepted 20 600)
pid=""
count=$(echo "$accepted" | grep -c . || true)
[ "$count" -ge 1 ] || { echo "no photo was acknowledged before the kill"; tail -20 "$work/server.log"; exit 1; }
check=$(sqlite3 "$work/crash.db" 'PRAGMA integrity_check;')
[ "$check" = "ok" ] || { echo "integrity_check: $check"; exit 1; }
lost=0
while read -r hash; do
  rows=$(sqlite3 "$work/crash.db" "SELECT COUNT(*) FROM item_photos p WHERE p.hash = '$hash'
    AND EXISTS (SELECT 1 FROM trust_log t WHERE t.idx = p.log_index);")
  blob="$work/blobs/${hash:0:2}/${hash:2}"
  if [ "$rows" != "1" ] || [ ! -f "$blob" ] || [ "$(sha256sum "$blob" | cut -d' ' -f1)" != "$hash" ]; then
    echo "acknowledged photo lost: $hash (rows $rows)"
    lost=$((lost + 1))
  fi
done <<<"$accepted"
[ "$lost" = 0 ] || exit 1
echo "kill -9 after $count acknowledged photos: database ok, every one there with its bytes and its log entry"
