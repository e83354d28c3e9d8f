#!/usr/bin/env bash
# Studio batch vs ImageMagick at its best (issue 17): COUNT generated 24-megapixel studio shots (a piece
# on an off-white background lit unevenly), each made ready for every channel: light flattened to white,
# the piece trimmed and centred filling 85 %, Naver 1000x1000, Coupang 780x780, Amazon 2000x2000 JPEG.
# ImageMagick gets its shrink-on-load hint (-define jpeg:size=2000x2000, the largest rendition: the JPEG
# is decoded at 3000x2000, as ours is), near-white thresholded to white, -trim, and the three squares.
# One worker against one convert at a time (throughput and peak resident memory like for like), then
# every core (throughput only: /usr/bin/time reports ImageMagick's largest single convert).
# Usage: bench/studio.sh [COUNT, default 100]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/needs.sh && needs convert /usr/bin/time
count=${1:-100}
cores=$(nproc)
bench=$(pwd)/build/release/bench/photo_bench
export convert=${CONVERT:-/usr/bin/convert}
work=$(mktemp -d /tmp/brilliant-studio.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$bench" studio-generate "$work/in" "$count"

im_one() {  # in out_prefix
  "$convert" -define jpeg:size=2000x2000 "$1" -auto-orient -strip -colorspace sRGB \
    -white-threshold 92% -fuzz 5% -trim +repage \
    \( +clone -resize 1700x1700 -background white -gravity center -extent 2000x2000 -quality 90 -write "$2-amazon.jpg" +delete \) \
    \( +clone -resize 850x850 -background white -gravity center -extent 1000x1000 -quality 90 -write "$2-naver.jpg" +delete \) \
    -resize 663x663 -background white -gravity center -extent 780x780 -quality 90 "$2-coupang.jpg"
}
export -f im_one

mode=studio
im_last=coupang
. bench/lib.sh
compare
echo "($count studio shots of 6000x4000, $cores cores, $("$convert" -version | head -1 | cut -d" " -f2-3), $(date -u +%Y-%m-%d))"
