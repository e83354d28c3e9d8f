#!/usr/bin/env bash
# Copies the browser libraries the pages use from npm (vendor/package.json, pinned) into static/vendor
# (once; nothing is fetched at run time): jsQR, the QR decoder stations fall back to where the browser
# has no BarcodeDetector, and hls.js, the live-show player where the browser has no native HLS.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f static/vendor/jsQR.js ] && [ -f static/vendor/hls.min.js ] && exit 0
[ -d vendor/node_modules/jsqr ] && [ -d vendor/node_modules/hls.js ] || (cd vendor && npm ci --no-audit --no-fund --silent)
mkdir -p static/vendor
cp vendor/node_modules/jsqr/dist/jsQR.js static/vendor/jsQR.js
cp vendor/node_modules/hls.js/dist/hls.min.js static/vendor/hls.min.js
