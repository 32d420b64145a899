#!/usr/bin/env bash
# Resident memory of the desktop app at rest: kith --local signed in with #general shown, then
# left alone for SETTLE seconds; VmRSS from /proc (Linux). N runs, median and range.
#   bench/app/idle-rss.sh BUILD_DIR [RUNS] [SETTLE]
set -euo pipefail
build=${1:?build folder with app/kith}
runs=${2:-5}
settle=${3:-3}
kith=$build/app/kith
[[ -x $kith ]] || { echo "build kith first" >&2; exit 2; }
[[ -n ${DISPLAY:-} ]] || export QT_QPA_PLATFORM=offscreen
export KITH_NO_KEYCHAIN=1
work=$(mktemp -d)
pid=
trap '[[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
"$kith" --local --data "$work/data" --quit-when-usable >/dev/null 2>&1 # first run creates the account
kb=()
for ((i = 0; i < runs; i++)); do
  "$kith" --local --data "$work/data" --measure >"$work/out" 2>/dev/null &
  pid=$!
  until grep -q 'usable at' "$work/out"; do
    kill -0 "$pid" 2>/dev/null || { echo "kith exited before it was usable" >&2; exit 1; }
    sleep 0.05
  done
  sleep "$settle"
  kb+=($(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"))
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
printf '%s\n' "${kb[@]}" | sort -n | awk -v n="$runs" -v s="$settle" '{a[NR]=$1} END {
  printf "kith idle RSS (%d runs, %ss after usable): median %.1f MB (%.1f–%.1f)\n", n, s, a[int((NR+1)/2)]/1024, a[1]/1024, a[NR]/1024 }'
