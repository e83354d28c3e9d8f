# Shared by the kill -9 tests (sourced): a temporary folder ($work, removed at exit with the server
# if it still runs), a free port, waiting for the server, and the crash itself. The sourcing script
# defines writer N (writes in a loop, appending what the server accepted to $work/acceptedN) and sets
# $pid to the server's process.
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_up() {  # port: until /healthz answers (the server's own word that it is ready)
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return 0; sleep 0.05; done
  return 1
}

# Two writers run until `wanted` writes were accepted (or `tries` polls passed); then kill -9 of the
# server mid-stream, and the writers stop. Prints the accepted items, one per line, sorted.
crash_after_accepted() {
  local wanted=$1 tries=$2
  writer 1 & local w1=$!
  writer 2 & local w2=$!
  for _ in $(seq 1 "$tries"); do
    [ "$(cat "$work"/accepted* 2>/dev/null | wc -l)" -ge "$wanted" ] && break
    sleep 0.05
  done
  kill -9 "$pid"
  pid=""
  kill "$w1" "$w2" 2>/dev/null || true
  wait "$w1" "$w2" 2>/dev/null || true
  cat "$work"/accepted* 2>/dev/null | sort -u
}
