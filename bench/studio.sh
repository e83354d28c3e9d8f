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

run_pair() {  # workers -> "ours_s ours_kb im_s im_kb"
  local p=$1
  rm -rf "$work/in/out"
  /usr/bin/time -f "%e %M" -o "$work/ours.time" "$bench" studio "$work/in" "$p" >"$work/ours.out"
  rm -rf "$work/im" && mkdir -p "$work/im"
  /usr/bin/time -f "%e %M" -o "$work/im.time" bash -c \
    "ls '$work'/in/*.jpg | xargs -P '$p' -I{} bash -c 'im_one \"\$1\" \"$work/im/\$(basename \"\$1\" .jpg)\"' _ {}"
  [ "$(ls "$work"/im/*-coupang.jpg | wc -l)" = "$count" ] || { echo "ImageMagick did not finish every photo" >&2; exit 1; }
  echo "$(cat "$work/ours.time") $(cat "$work/im.time")"
}

printf '%-22s %10s %10s %10s %10s %10s %10s\n' "" "ours/s" "IM/s" "x" "ours MB" "IM MB" "mem %"
read -r os ok is ik < <(run_pair 1)
awk -v n="$count" -v os="$os" -v ok="$ok" -v is="$is" -v ik="$ik" 'BEGIN {
  printf "%-22s %10.2f %10.2f %10.1f %10.0f %10.0f %9.0f%%\n", "one worker", n/os, n/is, (n/os)/(n/is), ok/1024, ik/1024, 100*ok/ik }'
read -r os ok is ik < <(run_pair "$cores")
awk -v n="$count" -v os="$os" -v ok="$ok" -v is="$is" -v c="$cores" 'BEGIN {
  printf "%-22s %10.2f %10.2f %10.1f %10.0f %10s %10s\n", "all " c " cores", n/os, n/is, (n/os)/(n/is), ok/1024, "-", "-" }'
echo "($count studio shots of 6000x4000, $cores cores, $("$convert" -version | head -1 | cut -d" " -f2-3), $(date -u +%Y-%m-%d))"
