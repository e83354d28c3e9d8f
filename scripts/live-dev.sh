#!/usr/bin/env bash
# Starts nginx with the RTMP module for live shows in development and the tests (deploy/nginx/rtmp.conf.in):
#   scripts/live-dev.sh start DIR APP_PORT RTMP_PORT [SECRET]   writes DIR/nginx.conf, HLS into DIR/hls
#   scripts/live-dev.sh stop DIR
# Exits 98 when a port is taken (the RTMP port, or the status port after it).
# Needs nginx and libnginx-mod-rtmp (Debian). Prints the RTMP URL hosts stream to.
set -euo pipefail
cd "$(dirname "$0")/.."
command=${1:?start or stop}
dir=$(mkdir -p "${2:?folder}" && cd "$2" && pwd)
if [ "$command" = stop ]; then
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  exit 0
fi
app_port=${3:?app port}
rtmp_port=${4:?rtmp port}
secret=${5:-}
modules=/usr/lib/nginx/modules
if [ ! -f "$modules/ngx_rtmp_module.so" ] || ! command -v nginx >/dev/null; then
  echo "live-dev: nginx with libnginx-mod-rtmp is not installed (apt-get install nginx-light libnginx-mod-rtmp)" >&2
  exit 3
fi
# One left running by an earlier start that did not stop it (a killed make run) gives its port back first.
[ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null && sleep 0.5
mkdir -p "$dir/hls"
query=""
[ -n "$secret" ] && query="?secret=$secret"
user_line=""  # as root, the workers keep this user (they write the HLS folder)
[ "$(id -u)" -eq 0 ] && user_line="user root;"
sed -e "s|@USER_LINE@|$user_line|" -e "s|@MODULES@|$modules|g" -e "s|@RUN_DIR@|$dir|g" -e "s|@HLS_DIR@|$dir/hls|g" \
    -e "s|@APP_PORT@|$app_port|g" -e "s|@RTMP_PORT@|$rtmp_port|g" -e "s|@STAT_PORT@|$((rtmp_port + 1))|g" \
    -e "s|@SECRET_QUERY@|$query|g" deploy/nginx/rtmp.conf.in >"$dir/nginx.conf"
# A port another process took after the caller chose it: exit 98 (EADDRINUSE), so the caller can choose again.
if ! started=$(nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log" 2>&1); then
  echo "$started" >&2
  grep -q "Address already in use" <<<"$started" && exit 98
  exit 1
fi
for _ in $(seq 50); do
  [ -s "$dir/nginx.pid" ] && break
  sleep 0.1
done
echo "rtmp://127.0.0.1:$rtmp_port/live"
