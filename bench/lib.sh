# Shared by bench/photos.sh and bench/studio.sh (sourced): ours beside ImageMagick, one worker and then
# every core. The sourcing script sets $work, $count, $cores, $bench, $mode (photo_bench's command),
# $im_last (the suffix of ImageMagick's last output per photo) and defines im_one IN OUT_PREFIX.

run_pair() {  # workers -> "ours_s ours_kb im_s im_kb"
  local p=$1
  rm -rf "$work/in/out" "$work/in/blobs"
  /usr/bin/time -f "%e %M" -o "$work/ours.time" "$bench" "$mode" "$work/in" "$p" >"$work/ours.out"
  rm -rf "$work/im" && mkdir -p "$work/im"
  /usr/bin/time -f "%e %M" -o "$work/im.time" bash -c \
    "ls '$work'/in/*.jpg | xargs -P '$p' -I{} bash -c 'im_one \"\$1\" \"$work/im/\$(basename \"\$1\" .jpg)\"' _ {}"
  [ "$(ls "$work"/im/*-"$im_last".jpg | wc -l)" = "$count" ] || { echo "ImageMagick did not finish every photo" >&2; exit 1; }
  echo "$(cat "$work/ours.time") $(cat "$work/im.time")"
}

# The table: photos/s both ways, the ratio, peak resident memory (one worker: like for like; all cores:
# /usr/bin/time reports ImageMagick's largest single convert, so only the throughput is compared).
compare() {
  printf '%-22s %10s %10s %10s %10s %10s %10s\n' "" "ours/s" "IM/s" "x" "ours MB" "IM MB" "mem %"
  read -r os ok is ik < <(run_pair 1)
  awk -v n="$count" -v os="$os" -v ok="$ok" -v is="$is" -v ik="$ik" 'BEGIN {
    printf "%-22s %10.2f %10.2f %10.1f %10.0f %10.0f %9.0f%%\n", "one worker", n/os, n/is, (n/os)/(n/is), ok/1024, ik/1024, 100*ok/ik }'
  read -r os ok is ik < <(run_pair "$cores")
  awk -v n="$count" -v os="$os" -v ok="$ok" -v is="$is" -v c="$cores" 'BEGIN {
    printf "%-22s %10.2f %10.2f %10.1f %10.0f %10s %10s\n", "all " c " cores", n/os, n/is, (n/os)/(n/is), ok/1024, "-", "-" }'
}
