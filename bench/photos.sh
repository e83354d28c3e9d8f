#!/usr/bin/env bash
# Photo pipeline vs ImageMagick in one run: COUNT generated 24-megapixel JPEGs, each turned into
# thumb 320 / listing 640 / detail 1600 / zoom 2400 in WebP and JPEG plus a 1000 px square on white.
# ImageMagick gets its shrink-on-load hint, -define jpeg:size=2400x1600: the largest rendition in the
# photo's 3:2 aspect (a square 2400x2400 hint would make libjpeg decode the whole 6000x4000, since
# half of it, 3000x2000, is less than 2400 high).
# Two comparisons:
#   one worker  - our pipeline with one worker vs one convert at a time: throughput and peak memory
#                 (maximum resident set from /usr/bin/time) are both exact, like for like;
#   all cores   - one worker per core in our one process vs one convert per core (xargs -P); here
#                 /usr/bin/time reports ImageMagick's largest single convert, not the sum, so only the
#                 throughput is compared.
# Usage: bench/photos.sh [COUNT, default 8]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/needs.sh && needs convert /usr/bin/time
count=${1:-8}
cores=$(nproc)
bench=$(pwd)/build/release/bench/photo_bench
export convert=/usr/bin/convert
work=$(mktemp -d /tmp/brilliant-photos.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$bench" generate "$work/in" "$count"

im_one() {  # in out_prefix
  "$convert" -define jpeg:size=2400x1600 "$1" -auto-orient -strip -colorspace sRGB \
    \( +clone -resize '2400x2400>' -quality 82 -write "$2-zoom.webp" -quality 85 -interlace JPEG -write "$2-zoom.jpg" +delete \) \
    \( +clone -resize '1600x1600>' -quality 82 -write "$2-detail.webp" -quality 85 -interlace JPEG -write "$2-detail.jpg" +delete \) \
    \( +clone -resize '640x640>' -quality 82 -write "$2-listing.webp" -quality 85 -interlace JPEG -write "$2-listing.jpg" +delete \) \
    \( +clone -resize '320x320>' -quality 82 -write "$2-thumb.webp" -quality 85 -interlace JPEG -write "$2-thumb.jpg" +delete \) \
    -resize '1000x1000>' -background white -gravity center -extent 1000x1000 -quality 85 "$2-square.jpg"
}
export -f im_one

mode=process
im_last=square
. bench/lib.sh
compare
"$bench" coach "$work/in"  # the photo coach on the same originals (the server runs it on a 2400 px rendition)
echo "($count photos of 6000x4000, $cores cores, $(date -u +%Y-%m-%d))"
