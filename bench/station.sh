#!/usr/bin/env bash
# A packing station's round trip (issue 17), against the release server as `make run` starts it (SQLite,
# access log on): scan a serial (the item looked up and checked) and store a 1920x1440 webcam photo of
# it, kept original by SHA-256 with its renditions and perceptual hash, and appended to the transparency
# log in the same transaction; ROUNDS times, one after another as at a station. Prints p50, p99, max.
# Usage: bench/station.sh [ROUNDS, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-200}
work=$(mktemp -d /tmp/brilliant-station.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
export BRILLIANT_BLOBS="$work/blobs" BRILLIANT_PASSWORD_COST=minimum
./build/release/brilliant seed-demo --db "sqlite:$work/s.db" --products 40 >/dev/null 2>&1
port=$(python3 scripts/free-port.py)
./build/release/brilliant serve --no-demo --db "sqlite:$work/s.db" --port "$port" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.05; done
./build/release/bench/photo_bench webcam "$work/frame.jpg"
serial=$(sqlite3 "$work/s.db" "SELECT serial FROM items ORDER BY id LIMIT 1;")
python3 - "$port" "$work/frame.jpg" "$rounds" "$serial" <<'PY'
import http.cookiejar, json, re, struct, sys, time, urllib.parse, urllib.request
port, frame, rounds, serial = sys.argv[1], open(sys.argv[2], "rb").read(), int(sys.argv[3]), sys.argv[4]
base = f"http://127.0.0.1:{port}"
jar = http.cookiejar.CookieJar()
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
page = web.open(base + "/login").read().decode()
token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
web.open(base + "/login", data=urllib.parse.urlencode(
    {"_csrf": token, "email": "station@brilliant.example", "password": "brilliant-demo"}).encode())
csrf = next(c.value for c in jar if c.name == "csrf")
def call(method, path, body=None, kind="application/json"):
    req = urllib.request.Request(base + path, data=body, method=method,
                                 headers={"Content-Type": kind, "X-CSRF-Token": csrf})
    return json.loads(web.open(req).read())
event = call("POST", f"/api/v1/items/{serial}/events",
             json.dumps({"station": "qa", "kind": "qa_passed", "note": "bench"}).encode())["id"]
times = []
for i in range(rounds):
    # Each frame differs (a JPEG comment with its number), as a camera's frames do.
    text = f"frame {i}".encode()
    shot = frame[:2] + b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text + frame[2:]
    started = time.perf_counter()
    item = call("GET", f"/api/v1/items/{serial}")
    assert item["serial"] == serial
    photo = call("POST", f"/api/v1/items/{serial}/events/{event}/photos?view=front", shot, "image/jpeg")
    assert len(photo["sha256"]) == 64
    times.append(time.perf_counter() - started)
times.sort()
pick = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
print(f"station round trip (scan + 1920x1440 photo stored and logged), {rounds} rounds: "
      f"p50 {pick(0.5):.0f} ms, p99 {pick(0.99):.0f} ms, max {times[-1] * 1000:.0f} ms")
PY
