#!/usr/bin/env bash
# Installs the Debian 12 packages Brilliant needs, only those missing (quick when all are present).
# Uses sudo when not root. Pass "test" to add what the test suite needs (PostgreSQL, Chromium, Node).
set -euo pipefail
packages=(
  build-essential cmake ninja-build ccache lld pkg-config git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-system1.81-dev
  libsoci-dev libsqlite3-dev libpq-dev sqlite3 libsodium-dev libspdlog-dev libtomlplusplus-dev libcli11-dev
  libkainjow-mustache-dev libvips-dev libwebp-dev libcairo2-dev libpango1.0-dev fonts-noto-cjk libqrencode-dev libzip-dev libexpat1-dev libcurl4-openssl-dev zlib1g-dev libgtest-dev libhiredis-dev
  curl python3 nodejs npm
  nginx-light libnginx-mod-rtmp ffmpeg
)
if [ "${1:-}" = "test" ]; then
  packages+=(postgresql-15 postgresql-contrib chromium poppler-utils clang libclang-rt-14-dev redis-server universal-ctags)
fi
if [ "${1:-}" = "bench" ]; then
  packages+=(wrk nginx-light imagemagick time postgresql-15 postgresql-contrib)  # pgbench, cluster.sh
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node from another source (nvm, /usr/local) is fine for the browser tests.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs/}"); missing=("${missing[@]/npm/}")
fi
read -r -a missing <<<"${missing[*]:-}"
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
